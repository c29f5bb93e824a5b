"""Untagged single-column documents: heading levels from size and weight, bullets, numbered lists, tables.

Also the bundled samples (``samples/*.pdf``), which another part of the project generates: the newspaper
clipping of the integration conference and the one-column press release.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lesbar.model import Figure, Heading, ListBlock, Paragraph, PullQuote, Table, block_text, sentences_text
from lesbar.readers import read_document


def _report(path: Path) -> Path:
    """A one-column report: title 20 pt bold, sections 14 pt bold, subsections 11 pt bold, body 10 pt."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    y = 780.0

    def line(text: str, font: str, size: float, x: float = 72, gap: float = 1.35) -> None:
        nonlocal y
        y -= size * gap
        canvas.setFont(font, size)
        canvas.drawString(x, y, text)

    line("Jahresbericht Integration 2024", "Helvetica-Bold", 20)
    y -= 10
    line("Angebote für Familien", "Helvetica-Bold", 14)
    line("Im vergangenen Jahr hat das Zentrum viele neue Angebote für Familien gemacht. Besonders", "Helvetica", 10)
    line("gefragt waren die Sprachkurse mit Kinderbetreuung.", "Helvetica", 10)
    y -= 8
    line("Sprachkurse", "Helvetica-Bold", 11)
    line("Es gab drei Arten von Kursen:", "Helvetica", 10)
    for item in ["Kurse am Vormittag für Eltern", "Kurse am Abend für Berufstätige",
                 "Kurse am Wochenende für alle"]:
        canvas.setFont("Helvetica", 10)
        y -= 13.5
        canvas.drawString(80, y, "•")
        canvas.drawString(92, y, item)
    y -= 8
    line("So melden Sie sich an:", "Helvetica", 10)
    for n, step in enumerate(["Formular ausfüllen", "Formular abgeben", "Bestätigung abwarten"], start=1):
        canvas.setFont("Helvetica", 10)
        y -= 13.5
        canvas.drawString(80, y, f"{n}.")
        canvas.drawString(94, y, step)
    y -= 10
    line("Zahlen im Überblick", "Helvetica-Bold", 14)
    y -= 6
    rows = [("Angebot", "Kurse", "Teilnehmende"), ("Sprachkurs", "12", "180"), ("Elterncafé", "40", "320"),
            ("Beratung", "95", "410")]
    for r, row in enumerate(rows):
        y -= 16
        for c, cell in enumerate(row):
            canvas.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 10)
            canvas.drawString(72 + c * 150, y, cell)
    y -= 12
    line("Die Zahlen zeigen, dass die Angebote gut angenommen werden. Wir danken allen Beteiligten.",
         "Helvetica", 10)
    canvas.save()
    return path


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory):
    return read_document(_report(tmp_path_factory.mktemp("report") / "jahresbericht.pdf"))


def test_heading_levels_follow_size_and_weight(report) -> None:
    headings = [(b.level, block_text(b)) for b in report.blocks if isinstance(b, Heading)]
    assert headings == [(1, "Jahresbericht Integration 2024"), (2, "Angebote für Familien"), (3, "Sprachkurse"),
                        (2, "Zahlen im Überblick")]


def test_bullets_become_an_unordered_list(report) -> None:
    lists = [b for b in report.blocks if isinstance(b, ListBlock)]
    bullets = [b for b in lists if not b.ordered]
    assert len(bullets) == 1
    assert [block_text(i.blocks[0]) for i in bullets[0].items] == [
        "Kurse am Vormittag für Eltern", "Kurse am Abend für Berufstätige", "Kurse am Wochenende für alle"]


def test_numbered_lines_become_an_ordered_list(report) -> None:
    ordered = [b for b in report.blocks if isinstance(b, ListBlock) and b.ordered]
    assert len(ordered) == 1
    assert [block_text(i.blocks[0]) for i in ordered[0].items] == [
        "Formular ausfüllen", "Formular abgeben", "Bestätigung abwarten"]


def test_simple_table_is_a_table_with_a_bold_header_row(report) -> None:
    table = next(b for b in report.blocks if isinstance(b, Table))
    cells = [[block_text(c.blocks[0]) for c in row.cells] for row in table.rows]
    assert cells == [["Angebot", "Kurse", "Teilnehmende"], ["Sprachkurs", "12", "180"], ["Elterncafé", "40", "320"],
                     ["Beratung", "95", "410"]]
    assert table.header_rows == 1


def test_paragraph_lines_are_joined_and_text_after_the_table_follows(report) -> None:
    texts = [block_text(b) for b in report.blocks if isinstance(b, Paragraph)]
    assert ("Im vergangenen Jahr hat das Zentrum viele neue Angebote für Familien gemacht. Besonders gefragt "
            "waren die Sprachkurse mit Kinderbetreuung.") in texts
    assert texts[-1] == "Die Zahlen zeigen, dass die Angebote gut angenommen werden. Wir danken allen Beteiligten."


# --------------------------------------------------------------------------------------------- samples


@pytest.fixture(scope="module")
def clipping():
    path = Path(__file__).resolve().parents[2] / "samples" / "integrationskonferenz.pdf"
    if not path.exists():
        pytest.skip("samples/integrationskonferenz.pdf not built yet (samples/make_samples.py)")
    return read_document(path)


def _sample_source() -> dict:
    import yaml

    path = Path(__file__).resolve().parents[2] / "samples" / "source" / "integrationskonferenz.yaml"
    if not path.exists():
        pytest.skip("samples/source/integrationskonferenz.yaml missing")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_sample_clipping_metadata(clipping) -> None:
    assert clipping.meta.title == "Wie meistert der Kreis die Integration?"
    assert clipping.meta.byline == "VON ANNA-PETRA THOMAS"
    assert clipping.meta.dateline == "KREIS HEINSBERG"
    assert clipping.meta.lang == "de"


def test_sample_clipping_structure(clipping) -> None:
    blocks = clipping.blocks
    assert isinstance(blocks[0], Heading) and blocks[0].level == 1
    assert isinstance(blocks[1], Paragraph) and block_text(blocks[1]).startswith("Austausch, Kräfte bündeln")
    assert [block_text(b) for b in blocks if isinstance(b, Heading)][1:] == ["Kommunen sind Vorreiter"]
    figure = next(b for b in blocks if isinstance(b, Figure))
    assert figure.image is not None and sentences_text(figure.caption).startswith("Über eine rege Teilnahme")
    quote = next(b for b in blocks if isinstance(b, PullQuote))
    assert sentences_text(quote.content).startswith("„Ich habe das Gefühl")
    assert "Stephan Pusch" in sentences_text(quote.attribution)


def test_sample_clipping_body_sentences_intact_and_in_order(clipping) -> None:
    from pdfgen.measure import body_sentences, intact_in_order, source_sentences

    source = _sample_source()
    paragraphs = _sample_paragraphs(source)
    expected = source_sentences(paragraphs)
    score = intact_in_order(expected, body_sentences(clipping))
    assert score >= 0.98, score
    body = " ".join(block_text(b) for b in clipping.blocks if isinstance(b, Paragraph))
    assert "werden zwei Sprachen" in body and "wer- den" not in body
    assert "haupt- und ehrenamtlichen" in body and "Corona-Pandemie" in body


def _sample_paragraphs(source: dict) -> list[str]:
    """Lead and body paragraphs of the sample's source text (its YAML layout may vary a little)."""
    out: list[str] = []
    if source.get("lead"):
        out.append(source["lead"])
    for item in source.get("body", source.get("paragraphs", [])):
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            text = item.get("text") or item.get("paragraph")
            if text and not item.get("heading"):
                out.append(text)
    return [" ".join(p.split()) for p in out]


def test_sample_press_release_has_list_table_and_headings() -> None:
    path = Path(__file__).resolve().parents[2] / "samples" / "pressemitteilung-sprachkurs.pdf"
    if not path.exists():
        pytest.skip("samples/pressemitteilung-sprachkurs.pdf not built yet")
    doc = read_document(path)
    assert any(isinstance(b, ListBlock) and len(b.items) >= 3 for b in doc.blocks)
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert len(table.rows) >= 3 and all(len(r.cells) == len(table.rows[0].cells) for r in table.rows)
    assert doc.meta.title.startswith("Deutsch lernen")


def test_language_of_an_english_pdf_is_detected(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "english.pdf"
    canvas = Canvas(str(path))
    y = 760
    for sentence in ["The integration office of the district invited all associations to the conference.",
                     "More than three hundred people took part in the discussions during the day.",
                     "The next conference will take place in the autumn of next year."]:
        canvas.drawString(72, y, sentence)
        y -= 15
    canvas.save()
    doc = read_document(path)
    assert doc.meta.lang == "en"


def test_file_name_in_the_title_metadata_is_not_taken_as_title(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "export.pdf"
    canvas = Canvas(str(path))
    canvas.setTitle("Microsoft Word - bericht_final_v3.docx")
    canvas.setFont("Helvetica-Bold", 22)
    canvas.drawString(72, 760, "Sommerfest der Kulturen")
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 720, "Das Sommerfest fand in diesem Jahr im Stadtpark statt und war gut besucht.")
    canvas.save()
    assert read_document(path).meta.title == "Sommerfest der Kulturen"


def test_paragraph_in_another_language_gets_its_language(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    paragraphs = [
        ["Das Kommunale Integrationszentrum lädt alle Vereine und Initiativen zu einem Austausch ein.",
         "Dabei geht es um gemeinsame Projekte für das kommende Jahr und um neue Ideen für die Arbeit.",
         "Die Veranstaltung findet im großen Sitzungssaal des Kreishauses statt, der Eintritt ist frei."],
        ["The integration centre invites all associations and initiatives to an exchange of ideas.",
         "It is about joint projects for the coming year and new ideas for the work in the district.",
         "The event takes place in the large meeting room of the district office and is free of charge."],
    ]
    path = tmp_path / "zweisprachig.pdf"
    canvas = Canvas(str(path))
    canvas.setFont("Helvetica", 10)
    y = 760
    for lines in paragraphs:
        for line in lines:
            canvas.drawString(72, y, line)
            y -= 13
        y -= 12
    canvas.save()
    doc = read_document(path)
    texts = [(b.lang, block_text(b)[:20]) for b in doc.blocks if isinstance(b, Paragraph)]
    assert doc.meta.lang == "de"
    assert texts == [(None, "Das Kommunale Integr"), ("en", "The integration cent")]


def test_untagged_pdf_paragraph_in_another_language_gets_its_language(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from weasyprint import HTML

    from lesbar.readers import read_document

    german = ("Die zweite Integrationskonferenz des Kreises Heinsberg war mit dreihundert Gästen komplett "
              "ausgebucht. Die haupt- und ehrenamtlichen Akteure trafen sich in der Festhalle in Oberbruch. ")
    english = ("The partner city sent a statement: We are grateful for the warm welcome our delegation received "
               "in the district, and we look forward to working together on youth exchanges and language courses.")
    HTML(string=f"<h1>Konferenz</h1><p>{german * 2}</p><p>{english}</p><p>{german}</p>").write_pdf(tmp_path / "bi.pdf")
    doc = read_document(tmp_path / "bi.pdf")
    assert doc.meta.lang == "de"
    assert [b.lang for b in doc.blocks[1:]] == [None, "en", None]
