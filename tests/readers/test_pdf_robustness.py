"""Broken, encrypted, empty and hostile PDFs: a clear InputError or a correct result, never a traceback."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from helpers_files import make_pdf
from lesbar.config import LimitSettings
from lesbar.errors import InputError, LimitExceeded
from lesbar.model import block_text
from lesbar.readers import read_document


def _text(doc) -> str:  # type: ignore[no-untyped-def]
    return " ".join(block_text(b) for b in doc.walk())


def _encrypted(tmp_path: Path, user: str, owner: str) -> Path:
    from pypdf import PdfReader, PdfWriter

    source = make_pdf(tmp_path / "klar.pdf")
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=user, owner_password=owner, algorithm="AES-256")
    target = tmp_path / "verschluesselt.pdf"
    with target.open("wb") as fh:
        writer.write(fh)
    return target


def test_encrypted_with_empty_user_password_is_read(tmp_path: Path) -> None:
    doc = read_document(_encrypted(tmp_path, user="", owner="geheim"))
    assert "dreihundert Gästen" in _text(doc)


def test_encrypted_with_user_password_says_so_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        read_document(_encrypted(tmp_path, user="geheim", owner="geheim"))
    message = str(err.value)
    assert "password" in message and "\n" not in message and message.startswith("verschluesselt.pdf:")


def test_zero_byte_pdf(tmp_path: Path) -> None:
    path = tmp_path / "leer.pdf"
    path.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        read_document(path)


@pytest.mark.parametrize("keep", [0.1, 0.3, 0.6, 0.9])
def test_truncated_pdf_gives_a_clear_error_or_the_text(tmp_path: Path, keep: float) -> None:
    full = make_pdf(tmp_path / "voll.pdf").read_bytes()
    path = tmp_path / "abgeschnitten.pdf"
    path.write_bytes(full[: int(len(full) * keep)])
    try:
        doc = read_document(path)
    except InputError as err:
        assert "\n" not in str(err) and str(err).startswith("abgeschnitten.pdf:")
    else:
        assert "Integrationskonferenz" in _text(doc)


@pytest.mark.parametrize("garbage", [
    b"%PDF-1.7\n" + b"\x00\xff" * 400,
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> "
    b"endobj\n3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R >> endobj\n4 0 obj << /Length 99 >> stream\nBT "
    b"/F9 12 Tf (kaputt) Tj ET\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
])
def test_malformed_pdf_gives_one_clear_line(tmp_path: Path, garbage: bytes) -> None:
    path = tmp_path / "kaputt.pdf"
    path.write_bytes(garbage)
    try:
        doc = read_document(path)
    except InputError as err:
        assert "\n" not in str(err) and str(err).startswith("kaputt.pdf:")
    else:  # pypdf repaired it: then what it holds must be text from the file
        assert _text(doc).strip()


def test_image_only_pdf_without_ocr_tools_names_what_to_install(tmp_path: Path, monkeypatch) -> None:
    from PIL import Image

    from lesbar.readers import ocr

    path = tmp_path / "scan.pdf"
    Image.new("L", (400, 300), 255).save(path, format="PDF", resolution=100)
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    ocr.missing_ocr_tools.cache_clear()
    try:
        with pytest.raises(InputError) as err:
            read_document(path)
    finally:
        ocr.missing_ocr_tools.cache_clear()
    message = str(err.value)
    assert "tesseract-ocr-deu" in message and "scan" in message and "\n" not in message


def test_vector_only_pdf_without_text_or_images(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "zeichnung.pdf"
    canvas = Canvas(str(path))
    canvas.rect(100, 100, 200, 200)
    canvas.save()
    with pytest.raises(InputError, match="no text"):
        read_document(path)


def test_too_many_pages_is_a_limit_not_a_hang(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "lang.pdf"
    canvas = Canvas(str(path))
    for n in range(12):
        canvas.drawString(72, 720, f"Seite {n + 1} des Berichts mit etwas Text.")
        canvas.showPage()
    canvas.save()
    with pytest.raises(LimitExceeded, match="pages"):
        read_document(path, LimitSettings(max_pages=5))


def test_pages_are_read_one_at_a_time(tmp_path: Path, monkeypatch) -> None:
    """The reader never holds more than one page's runs: each page's content is built and dropped in turn."""
    import gc
    import weakref

    from reportlab.pdfgen.canvas import Canvas

    from lesbar.readers import pdf as pdf_reader
    from lesbar.readers import pdf_runs

    path = tmp_path / "viele.pdf"
    canvas = Canvas(str(path))
    for n in range(8):
        y = 760
        for line in range(30):
            canvas.drawString(72, y, f"Seite {n + 1}, Zeile {line + 1}: Der Bericht geht weiter und weiter.")
            y -= 14
        canvas.showPage()
    canvas.save()
    alive: list[weakref.ref] = []
    peak = 0
    real = pdf_runs.page_content

    def tracking(page, number, font_cache=None):  # type: ignore[no-untyped-def]
        nonlocal peak
        gc.collect()
        peak = max(peak, sum(1 for ref in alive if ref() is not None))
        content = real(page, number, font_cache)
        alive.append(weakref.ref(content))
        return content

    monkeypatch.setattr(pdf_reader, "page_content", tracking)
    doc = read_document(path)
    assert "Seite 8, Zeile 30" in _text(doc)
    assert len(alive) == 8 and peak <= 1


def test_rotated_margin_text_does_not_break_the_flow(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "gedreht.pdf"
    canvas = Canvas(str(path))
    canvas.setFont("Helvetica", 11)
    y = 760
    for sentence in ["Der Kreis lädt alle Vereine zur Konferenz ein.", "Die Anmeldung ist bis Freitag offen."]:
        canvas.drawString(72, y, sentence)
        y -= 15
    canvas.saveState()
    canvas.translate(40, 300)
    canvas.rotate(90)
    canvas.drawString(0, 0, "Randnotiz senkrecht")
    canvas.restoreState()
    canvas.save()
    doc = read_document(path)
    assert _text(doc) == "Der Kreis lädt alle Vereine zur Konferenz ein. Die Anmeldung ist bis Freitag offen."


def test_mid_line_font_change_keeps_words_in_place(tmp_path: Path) -> None:
    """pypdf reports text after a mid-line Tf at the line start; the adapter puts it after the bold word."""
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "fett.pdf"
    canvas = Canvas(str(path))
    text = canvas.beginText(72, 700)
    text.setFont("Helvetica", 11)
    text.textOut("Die Konferenz war ")
    text.setFont("Helvetica-Bold", 11)
    text.textOut("komplett ausgebucht")
    text.setFont("Helvetica", 11)
    text.textOut(" und sehr lebendig.")
    canvas.drawText(text)
    canvas.save()
    assert _text(read_document(path)) == "Die Konferenz war komplett ausgebucht und sehr lebendig."


def test_cli_reports_a_broken_pdf_in_one_line_and_converts_the_rest(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from lesbar.cli.main import cli

    good = make_pdf(tmp_path / "gut.pdf")
    bad = tmp_path / "kaputt.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + b"\x00\xff" * 400)
    result = CliRunner().invoke(cli, ["convert", str(bad), str(good), "-o", str(tmp_path / "out"),
                                      "--formats", "html", "--variants", "original"])
    assert result.exit_code != 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("lesbar: error:")]
    assert len(errors) == 1 and "kaputt.pdf" in errors[0]
    assert "Traceback" not in result.output + result.stderr
    assert (tmp_path / "out" / "gut" / "original.html").exists()


def test_inline_image_pdf_reads(tmp_path: Path) -> None:
    """reportlab can write small images inline (BI … EI); they must not disturb reading."""
    from PIL import Image as PILImage
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    PILImage.new("RGB", (8, 8), (10, 200, 10)).save(buf, format="PNG")
    path = tmp_path / "inline.pdf"
    canvas = Canvas(str(path))
    canvas.drawInlineImage(PILImage.open(io.BytesIO(buf.getvalue())), 72, 600, 20, 20)
    canvas.drawString(72, 700, "Ein kurzer Satz neben einem kleinen Bild.")
    canvas.save()
    assert _text(read_document(path)) == "Ein kurzer Satz neben einem kleinen Bild."


def test_bold_and_italic_words_inside_a_paragraph_become_marks(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    from lesbar.model import Emph, Paragraph, Strong

    path = tmp_path / "auszeichnung.pdf"
    canvas = Canvas(str(path))
    text = canvas.beginText(72, 700)
    for font, piece in [("Helvetica", "Die Konferenz war "), ("Helvetica-Bold", "komplett ausgebucht"),
                        ("Helvetica", " und die Stimmung "), ("Helvetica-Oblique", "ausgezeichnet"),
                        ("Helvetica", ", sagten viele Gäste.")]:
        text.setFont(font, 11)
        text.textOut(piece)
    canvas.drawText(text)
    canvas.save()
    paragraph = next(b for b in read_document(path).blocks if isinstance(b, Paragraph))
    inlines = paragraph.content[0].inlines
    assert [type(n).__name__ for n in inlines] == ["Text", "Strong", "Text", "Emph", "Text"]
    assert isinstance(inlines[1], Strong) and inlines[1].children[0].text == "komplett ausgebucht"
    assert isinstance(inlines[3], Emph) and inlines[3].children[0].text == "ausgezeichnet"


def test_text_close_to_the_page_edge_is_not_taken_for_a_running_head(tmp_path: Path) -> None:
    """E-paper pages have narrow margins: the first and last lines of the text sit in the header band."""
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "randlos.pdf"
    canvas = Canvas(str(path), pagesize=(400, 200))
    canvas.setFont("Helvetica", 10)
    lines = ["Die erste Zeile steht fast am oberen Rand der Seite und", "gehört trotzdem zum Text, wie auch die folgenden",
             "Zeilen bis ganz nach unten, wo die letzte Zeile", "wieder sehr nah am Rand steht und endet."]
    y = 187  # 16 lines down to y = 7: first and last line inside the 7.5 % bands
    for _round in range(4):
        for line in lines:
            canvas.drawString(12, y, line)
            y -= 12
    canvas.save()
    text = _text(read_document(path))
    assert text.startswith("Die erste Zeile steht fast am oberen Rand")
    assert text.endswith("wieder sehr nah am Rand steht und endet.")
