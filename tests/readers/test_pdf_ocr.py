"""Scanned clippings: OCR with OCRmyPDF + Tesseract (German), structure rebuilt from hOCR lines.

The scan is made in the test: a generated newspaper page rasterised with Ghostscript at 200 dpi and
wrapped into an image-only PDF. Skipped with a reason where Tesseract's German data is missing.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from lesbar.model import Figure, Heading, ListBlock, PullQuote, block_text, sentences_text
from lesbar.readers import read_document
from lesbar.readers.ocr import missing_ocr_tools
from pdfgen.measure import body_sentences, intact_in_order, source_sentences
from pdfgen.newspaper import LAYOUTS, build

pytestmark = [pytest.mark.ocr, pytest.mark.slow]
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def scan_first_page(source: Path, folder: Path) -> Path:
    """``source``'s first page printed and scanned: rasterised by Ghostscript at 200 dpi into an image-only PDF."""
    missing = missing_ocr_tools()
    if missing:
        pytest.skip(f"OCR not available: {missing}")
    from PIL import Image

    png = folder / "page.png"
    subprocess.run(["gs", "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=pnggray", "-r200",
                    "-dFirstPage=1", "-dLastPage=1", f"-sOutputFile={png}", str(source)], check=True, timeout=120)
    scan = folder / "scan.pdf"
    with Image.open(png) as img:
        img.save(scan, format="PDF", resolution=200)
    return scan


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("scan")
    source = folder / "clipping.pdf"
    article = build(source, LAYOUTS["three_ragged"])
    return article, read_document(scan_first_page(source, folder))


def test_scan_text_is_read_in_column_order(scanned) -> None:
    article, doc = scanned
    source = source_sentences([article.lead] + article.body_text())
    assert intact_in_order(source, body_sentences(doc)) >= 0.9


def test_scan_structure_comes_from_hocr_lines_not_a_text_layer(scanned) -> None:
    article, doc = scanned
    headings = [(b.level, block_text(b)) for b in doc.blocks if isinstance(b, Heading)]
    assert headings[0] == (1, article.headline)
    assert [text for _level, text in headings[1:]] == [t for _i, t in sorted(article.subheadings.items())]
    assert len({level for level, _text in headings[1:]}) == 1
    quote = next(b for b in doc.blocks if isinstance(b, PullQuote))
    assert sentences_text(quote.content) == article.quote
    figure = next(b for b in doc.blocks if isinstance(b, Figure))
    assert sentences_text(figure.caption).startswith(article.caption[:40])
    assert doc.meta.byline == article.byline and doc.meta.dateline == article.dateline


def test_scan_is_flagged_for_proofreading(scanned) -> None:
    _article, doc = scanned
    assert any("OCR" in warning for warning in doc.meta.warnings)


def test_scanned_page_between_text_pages_keeps_its_place(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfgen.canvas import Canvas

    def text_page(path, sentences):  # type: ignore[no-untyped-def]
        canvas = Canvas(str(path))
        canvas.setFont("Helvetica", 12)
        y = 760
        for sentence in sentences:
            canvas.drawString(72, y, sentence)
            y -= 18
        canvas.save()
        return path

    first = text_page(tmp_path / "a.pdf", ["Die erste Seite beginnt den Bericht über die Konferenz."])
    middle = text_page(tmp_path / "b.pdf", ["Die zweite Seite wurde eingescannt und trotzdem gelesen."])
    last = text_page(tmp_path / "c.pdf", ["Die dritte Seite schließt den Bericht mit einem Dank."])
    scanned = scan_first_page(middle, tmp_path)
    writer = PdfWriter()
    for part in (first, scanned, last):
        writer.add_page(PdfReader(part).pages[0])
    mixed = tmp_path / "gemischt.pdf"
    with mixed.open("wb") as fh:
        writer.write(fh)
    text = " ".join(block_text(b) for b in read_document(mixed).blocks)
    assert text.index("erste Seite") < text.index("zweite Seite wurde eingescannt") < text.index("dritte Seite")


@pytest.fixture(scope="module")
def scanned_press_release(tmp_path_factory: pytest.TempPathFactory):
    """The bundled press release (two-line headline, bullet list, table) printed and scanned at 200 dpi."""
    folder = tmp_path_factory.mktemp("scan-press")
    return read_document(scan_first_page(SAMPLES / "pressemitteilung-sprachkurs.pdf", folder))


def test_scanned_two_line_headline_stays_one_heading(scanned_press_release) -> None:
    headings = [(b.level, block_text(b)) for b in scanned_press_release.blocks if isinstance(b, Heading)]
    assert headings[0] == (1, "Deutsch lernen, während die Kinder betreut werden")
    assert all(level > 1 for level, _text in headings[1:])


def test_scanned_bullets_become_a_list_even_when_misread(scanned_press_release) -> None:
    lists = [b for b in scanned_press_release.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1
    items = [sentences_text(item.blocks[0].content) for item in lists[0].items]
    assert len(items) == 4
    assert items[0].startswith("zwei Vormittage pro Woche")
    assert items[-1] == "eine Bescheinigung über die Teilnahme am Ende des Kurses"
