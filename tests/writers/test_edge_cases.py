"""Documents the readers really produce but the every-block-type document does not contain: tables with
spans or without header rows, list items with several blocks, figures without alt text, empty blocks,
long text over several pages. Each must still pass every validator in every format."""

from __future__ import annotations

import io

import docx
import pytest
from a11y_checks import NS, DocxParts, W, html_parse_errors, pdf_fonts, pdf_struct_tree, pdf_ua_failures
from alltypes import sample_png
from lxml import html as lxml_html

from lesbar.model import (
    BlockQuote,
    Cell,
    Document,
    Figure,
    Heading,
    Image,
    ListBlock,
    ListItem,
    Meta,
    Paragraph,
    Row,
    Table,
    text_sentences,
)
from lesbar.writers.docx import write_docx
from lesbar.writers.html import write_html
from lesbar.writers.pdf import write_pdf


def cell(text: str, **span: int) -> Cell:
    return Cell([Paragraph(text_sentences(text))], **span)


CASES = {
    "table_without_header_rows": [Table([Row([cell("a"), cell("b")]), Row([cell("c"), cell("d")])])],
    "table_with_spans": [Table([Row([cell("Kopf", colspan=2), cell("Z")]),
                                Row([cell("A", rowspan=2), cell("B"), cell("C")]),
                                Row([cell("D"), cell("E")])], header_rows=1)],
    "list_item_with_several_blocks": [ListBlock(items=[ListItem([
        Paragraph(text_sentences("Erster Absatz.")), Paragraph(text_sentences("Zweiter Absatz.")),
        Table([Row([cell("Kopf")]), Row([cell("Wert")])], header_rows=1)])])],
    "figure_without_alt_with_caption": [Figure(Image(sample_png(), "image/png", 240, 160), alt="",
                                               alt_status="missing", caption=text_sentences("Ein Foto."))],
    "figure_without_alt_or_caption": [Figure(Image(sample_png(), "image/png", 240, 160), alt="",
                                             alt_status="missing")],
    "empty_blocks": [Heading(2, []), Paragraph([]), Paragraph(text_sentences("Text."))],
    "heading_inside_quote": [BlockQuote([Heading(3, text_sentences("Zitat-Titel")),
                                         Paragraph(text_sentences("Zitat."))])],
    "several_pages": [Paragraph(text_sentences("Ein Satz über die Konferenz im Kreis. " * 300)),
                      Table([Row([cell("Nr."), cell("Thema")])] + [Row([cell(str(i)), cell(f"Punkt {i}")])
                                                                  for i in range(60)], header_rows=1)],
}


@pytest.fixture(params=sorted(CASES))
def case(request: pytest.FixtureRequest) -> Document:
    return Document(Meta(title=f"Fall {request.param}"), CASES[request.param])


def test_html_is_valid(case):
    assert html_parse_errors(write_html(case)) == []


def test_pdf_passes_pdf_ua_1(case):
    assert pdf_ua_failures(write_pdf(case)) == []


def test_docx_opens_with_alt_text_on_every_image(case):
    data = write_docx(case)
    docx.Document(io.BytesIO(data))
    assert all(d.get("descr") for d in DocxParts(data).document.findall(".//wp:docPr", NS))


def test_missing_alt_text_falls_back_to_the_caption_and_is_flagged():
    doc = Document(Meta(title="T"), CASES["figure_without_alt_with_caption"])
    img = lxml_html.document_fromstring(write_html(doc)).find(".//img")
    assert img.get("alt") == "Ein Foto." and img.get("data-alt-status") == "missing"
    assert [e.alt for e in pdf_struct_tree(write_pdf(doc)) if e.tag == "Figure"] == ["Ein Foto."]


def test_empty_headings_and_paragraphs_are_left_out():
    doc = Document(Meta(title="T"), CASES["empty_blocks"])
    root = lxml_html.document_fromstring(write_html(doc))
    assert [h.tag for h in root.iter("h1", "h2")] == ["h1"]
    assert [p.text_content() for p in root.find(".//article").iter("p")] == ["Text."]
    paragraphs = DocxParts(write_docx(doc)).paragraphs()
    assert all(DocxParts.text(p).strip() for p in paragraphs)


def test_spanning_header_covers_every_cell_below_it_in_the_pdf():
    """Each data cell under a colspan=2 header names that header (WeasyPrint alone leaves it out)."""
    import pikepdf

    pdf = write_pdf(Document(Meta(title="T"), CASES["table_with_spans"]))
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        tds = [o for o in doc.objects if isinstance(o, pikepdf.Dictionary) and o.get("/S") == "/TD"]
        assert len(tds) == 5
        for td in tds:
            assert len(td.A.Headers) >= 1


def test_long_document_spans_pages_and_keeps_one_tag_tree():
    from pypdf import PdfReader

    pdf = write_pdf(Document(Meta(title="Lang"), CASES["several_pages"]))
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 3
    tags = [e.tag for e in pdf_struct_tree(pdf)]
    assert tags.count("H1") == 1 and "TH" in tags and tags.count("TD") >= 120


def test_arabic_passage_in_a_german_document_is_right_to_left_in_every_format():
    from lesbar.model import LangSpan, Sentence, Text

    arabic = "مرحبا بكم في المؤتمر"
    doc = Document(Meta(title="Gruß", lang="de"), [
        Paragraph([Sentence([Text("Der Gruß lautet: "), LangSpan([Text(arabic)], "ar"), Text(".")])]),
        Paragraph([Sentence([Text(arabic + ".")])], lang="ar"),
    ])
    html = write_html(doc)
    root = lxml_html.document_fromstring(html)
    assert [(el.tag, el.get("dir")) for el in root.iter() if el.get("lang") == "ar"] == [("span", "rtl"), ("p", "rtl")]
    p = DocxParts(write_docx(doc))
    arabic_runs = [r for r in p.document.iter(f"{{{W}}}r") if arabic in DocxParts.text(r)]
    assert len(arabic_runs) == 2
    for run in arabic_runs:
        assert run.find("w:rPr/w:rtl", NS) is not None
        assert run.find("w:rPr/w:lang", NS).get(f"{{{W}}}bidi") == "ar-SA"
    bidi = [DocxParts.text(par) for par in p.paragraphs() if par.find("w:pPr/w:bidi", NS) is not None]
    assert bidi == [arabic + "."]
    pdf = write_pdf(doc, html)
    assert pdf_ua_failures(pdf) == []
    assert [e.lang for e in pdf_struct_tree(pdf) if e.lang] == ["ar", "ar"]
    assert any("Arabic" in f.name for f in pdf_fonts(pdf))


def test_document_without_blocks_still_has_a_title_heading_everywhere():
    doc = Document(Meta(title="Leer"), [])
    assert [h.text_content() for h in lxml_html.document_fromstring(write_html(doc)).iter("h1")] == ["Leer"]
    assert pdf_ua_failures(write_pdf(doc)) == []
    headings = [DocxParts.text(p) for p in DocxParts(write_docx(doc)).paragraphs() if DocxParts.style(p) == "Heading1"]
    assert headings == ["Leer"]


def test_an_empty_leading_title_heading_is_replaced_by_the_metadata_title():
    doc = Document(Meta(title="Bericht"), [Heading(1, []), Paragraph(text_sentences("Text."))])
    assert [h.text_content() for h in lxml_html.document_fromstring(write_html(doc)).iter("h1")] == ["Bericht"]
    headings = [DocxParts.text(p) for p in DocxParts(write_docx(doc)).paragraphs() if DocxParts.style(p) == "Heading1"]
    assert headings == ["Bericht"]
