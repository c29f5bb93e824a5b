"""The DOCX reader recovers the logical document from real Word files written in the tests."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from PIL import Image as PILImage

from lesbar.model import BlockQuote, Emph, Figure, Heading, Link, ListBlock, Paragraph, Strong, Table
from lesbar.readers import read_document
from lesbar.transforms.segment import segment_document

GERMAN = ("Die zweite Integrationskonferenz des Kreises Heinsberg war mit dreihundert Gästen komplett ausgebucht. "
          "Die haupt- und ehrenamtlichen Akteure trafen sich in der Festhalle in Oberbruch.")


def png_bytes(color: str = "steelblue") -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), color).save(buffer, format="PNG")
    return buffer.getvalue()


def set_alt(run, text: str) -> None:
    for doc_pr in run._r.iter(qn("wp:docPr")):
        doc_pr.set("descr", text)


def test_heading_styles_title_and_outline_levels_become_heading_levels(tmp_path: Path):
    d = docx.Document()
    d.add_heading("Wie meistert der Kreis die Integration?", 0)
    d.add_heading("Kommunen sind Vorreiter", 1)
    d.add_paragraph(GERMAN)
    d.add_heading("Ergebnisse", 2)
    p = d.add_paragraph("Ausblick")  # outline level 1 set by hand → heading level 2 (+1 below the title)
    ppr = p._p.get_or_add_pPr()
    lvl = OxmlElement("w:outlineLvl")
    lvl.set(qn("w:val"), "1")
    ppr.append(lvl)
    d.add_paragraph(GERMAN)
    d.save(tmp_path / "h.docx")
    doc = read_document(tmp_path / "h.docx")
    headings = [(b.level, b.content[0].text) for b in doc.blocks if isinstance(b, Heading)]
    assert headings == [(1, "Wie meistert der Kreis die Integration?"), (2, "Kommunen sind Vorreiter"),
                        (3, "Ergebnisse"), (3, "Ausblick")]
    assert doc.meta.title == "Wie meistert der Kreis die Integration?"


def test_hand_formatted_short_bold_or_large_paragraphs_are_headings_but_bold_sentences_are_not(tmp_path: Path):
    d = docx.Document()
    d.add_paragraph().add_run("Kommunen sind Vorreiter").bold = True
    d.add_paragraph(GERMAN)
    big = d.add_paragraph().add_run("Ein großer Zwischentitel")
    big.font.size = Pt(18)
    d.add_paragraph(GERMAN)
    d.add_paragraph().add_run("Dieser Satz ist fett, aber ein ganzer Satz mit Punkt.").bold = True
    d.save(tmp_path / "p.docx")
    doc = read_document(tmp_path / "p.docx")
    kinds = [(type(b).__name__, b.content[0].text[:20]) for b in doc.blocks]
    assert kinds[0] == ("Heading", "Kommunen sind Vorrei")
    assert kinds[2] == ("Heading", "Ein großer Zwischent")
    assert kinds[4][0] == "Paragraph"


def test_lists_keep_their_kind_and_nesting(tmp_path: Path):
    d = docx.Document()
    d.add_paragraph(GERMAN)
    d.add_paragraph("Sprachkurse", style="List Bullet")
    d.add_paragraph("Beratung", style="List Bullet")
    d.add_paragraph("montags", style="List Bullet 2")
    d.add_paragraph("Anmeldung", style="List Number")
    d.save(tmp_path / "l.docx")
    doc = read_document(tmp_path / "l.docx")
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) >= 1
    first = lists[0]
    assert not first.ordered
    assert [item.blocks[0].content[0].text for item in first.items[:2]] == ["Sprachkurse", "Beratung"]
    nested = first.items[1].blocks[-1]
    assert isinstance(nested, ListBlock) and nested.items[0].blocks[0].content[0].text == "montags"
    numbered = [lst for lst in lists if lst.ordered]
    assert numbered and numbered[0].items[0].blocks[0].content[0].text == "Anmeldung"


def test_tables_keep_cells_and_mark_header_rows(tmp_path: Path):
    d = docx.Document()
    table = d.add_table(rows=3, cols=2)
    for r, (a, b) in enumerate([("Termin", "Ort"), ("1. März", "Heinsberg"), ("8. März", "Erkelenz")]):
        table.cell(r, 0).text, table.cell(r, 1).text = a, b
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))
    bold = d.add_table(rows=2, cols=2)
    bold.cell(0, 0).paragraphs[0].add_run("Jahr").bold = True
    bold.cell(0, 1).paragraphs[0].add_run("Gäste").bold = True
    bold.cell(1, 0).text, bold.cell(1, 1).text = "2021", "150"
    plain = d.add_table(rows=2, cols=2)
    plain.cell(0, 0).text = "a"
    d.save(tmp_path / "t.docx")
    doc = read_document(tmp_path / "t.docx")
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [t.header_rows for t in tables] == [1, 1, 0]
    assert tables[0].rows[2].cells[1].blocks[0].content[0].text == "Erkelenz"


def test_images_bring_their_alt_text_and_caption(tmp_path: Path):
    d = docx.Document()
    d.add_paragraph(GERMAN)
    run = d.add_paragraph().add_run()
    run.add_picture(io.BytesIO(png_bytes()))
    set_alt(run, "Vier Personen stehen vor einer Wand.")
    d.add_paragraph("Freuten sich über die Konferenz (von links).", style="Caption")
    d.add_paragraph().add_run().add_picture(io.BytesIO(png_bytes("orange")))  # no alt text
    d.add_paragraph("Die Festhalle in Oberbruch.", style="Caption")
    d.save(tmp_path / "i.docx")
    doc = read_document(tmp_path / "i.docx")
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert len(figures) == 2
    assert figures[0].alt == "Vier Personen stehen vor einer Wand." and figures[0].alt_status == "source"
    assert figures[0].caption[0].text == "Freuten sich über die Konferenz (von links)."
    assert figures[0].image is not None and figures[0].image.data.startswith(b"\x89PNG")
    # no alt text in the source: a draft from the caption, marked for review
    assert figures[1].alt == "Die Festhalle in Oberbruch." and figures[1].alt_status == "draft"
    assert not any(isinstance(b, Paragraph) and "Festhalle in Oberbruch." == b.content[0].text for b in doc.blocks)


def test_quote_styles_become_block_quotes_with_attribution(tmp_path: Path):
    d = docx.Document()
    d.add_paragraph(GERMAN)
    d.add_paragraph("„Die Gesellschaft ist unser gemeinsames Zuhause.“", style="Quote")
    d.add_paragraph("— Asli Sevinçim", style="Quote")
    d.save(tmp_path / "q.docx")
    doc = read_document(tmp_path / "q.docx")
    quote = doc.blocks[1]
    assert isinstance(quote, BlockQuote)
    assert quote.blocks[0].content[0].text == "„Die Gesellschaft ist unser gemeinsames Zuhause.“"
    assert quote.attribution[0].text == "Asli Sevinçim"


def test_emphasis_and_links_become_inline_marks(tmp_path: Path):
    d = docx.Document()
    p = d.add_paragraph("Die Konferenz war ")
    p.add_run("komplett").italic = True
    p.add_run(" ")
    p.add_run("ausgebucht").bold = True
    p.add_run(". Mehr dazu unter ")
    # python-docx has no API for hyperlinks: build one the way Word writes it
    r_id = d.part.relate_to("https://www.kreis-heinsberg.de", docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK,
                            is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "kreis-heinsberg.de"
    run.append(text)
    link.append(run)
    p._p.append(link)
    p.add_run(". " + GERMAN)
    d.save(tmp_path / "e.docx")
    doc = segment_document(read_document(tmp_path / "e.docx"))
    first = doc.blocks[0].content[0]
    assert first.text == "Die Konferenz war komplett ausgebucht."
    assert any(isinstance(n, Emph) for n in first.inlines) and any(isinstance(n, Strong) for n in first.inlines)
    links = [n for s in doc.blocks[0].content for n in s.inlines if isinstance(n, Link)]
    assert links and links[0].url == "https://www.kreis-heinsberg.de"


def test_language_comes_from_the_text_not_from_the_template_metadata(tmp_path: Path):
    german = docx.Document()  # python-docx's template declares en-US
    german.add_paragraph(GERMAN)
    german.save(tmp_path / "de.docx")
    english = docx.Document()
    english.add_paragraph("The second integration conference of the district was fully booked with three hundred "
                          "guests. Full-time and volunteer workers met in the festival hall.")
    english.save(tmp_path / "en.docx")
    assert read_document(tmp_path / "de.docx").meta.lang == "de"
    assert read_document(tmp_path / "en.docx").meta.lang == "en"


def test_a_long_paragraph_in_another_language_gets_its_own_language_tag(tmp_path: Path):
    """A German report quoting an English statement in full: screen readers must switch voices there."""
    d = docx.Document()
    for _ in range(3):
        d.add_paragraph(GERMAN)
    d.add_paragraph("The partner city sent a statement: We are grateful for the warm welcome our delegation "
                    "received in the district, and we look forward to working together on youth exchanges, "
                    "language courses and the next conference.")
    d.add_paragraph(GERMAN)
    d.save(tmp_path / "mixed.docx")
    doc = read_document(tmp_path / "mixed.docx")
    assert doc.meta.lang == "de"
    assert [b.lang for b in doc.blocks if isinstance(b, Paragraph)] == [None, None, None, "en", None]


def test_core_properties_give_title_and_author(tmp_path: Path):
    d = docx.Document()
    d.core_properties.title = "Integrationskonferenz 2024"
    d.core_properties.author = "Anna-Petra Thomas"
    d.add_paragraph(GERMAN)
    d.save(tmp_path / "c.docx")
    doc = read_document(tmp_path / "c.docx")
    assert doc.meta.title == "Integrationskonferenz 2024"
    assert doc.meta.authors == ["Anna-Petra Thomas"]


def test_template_defaults_are_no_author_and_no_date(tmp_path: Path):
    """python-docx's template says every file was made by "python-docx" on 2013-12-23: no report was."""
    d = docx.Document()
    d.add_paragraph(GERMAN)
    d.save(tmp_path / "plain.docx")
    doc = read_document(tmp_path / "plain.docx")
    assert doc.meta.authors == [] and not doc.meta.date


@pytest.mark.parametrize("name", ["integrationskonferenz.docx", "pressemitteilung-sprachkurs.docx"])
def test_bundled_docx_samples_read_with_structure(samples: Path, name: str):
    path = samples / name
    if not path.exists():
        pytest.skip(f"{name} not built yet")
    doc = segment_document(read_document(path))
    assert doc.meta.lang == "de"
    assert doc.meta.title
    assert any(isinstance(b, Heading) for b in doc.blocks)
    assert sum(1 for _ in doc.sentences()) >= 10


def test_an_image_larger_than_the_pixel_limit_is_left_out_with_a_warning(tmp_path: Path):
    from lesbar.config import LimitSettings

    d = docx.Document()
    d.add_paragraph(GERMAN)
    d.add_paragraph().add_run().add_picture(io.BytesIO(png_bytes()))
    d.save(tmp_path / "big.docx")
    doc = read_document(tmp_path / "big.docx", LimitSettings(max_image_pixels=100))
    assert not any(isinstance(b, Figure) for b in doc.blocks)
    assert any("zu groß" in w for w in doc.meta.warnings)
    assert any(isinstance(b, Figure) for b in read_document(tmp_path / "big.docx").blocks)
