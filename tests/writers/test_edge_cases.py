"""Documents the readers really produce but the every-block-type document does not contain: tables with
spans or without header rows, list items with several blocks, figures without alt text, empty blocks,
long text over several pages. Each must still pass every validator in every format."""

from __future__ import annotations

import io

import docx
import pytest
from a11y_checks import NS, DocxParts, W, axe_violations, html_parse_errors, pdf_fonts, pdf_struct_tree, pdf_ua_failures
from alltypes import sample_png
from lxml import html as lxml_html

from lesbar.model import (
    BlockQuote,
    Cell,
    Document,
    Explained,
    Figure,
    Heading,
    Image,
    LangSpan,
    Link,
    ListBlock,
    ListItem,
    Meta,
    Paragraph,
    Row,
    Sentence,
    Table,
    Text,
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
    "ragged_table": [Table([Row([cell("A"), cell("B"), cell("C")]), Row([cell("D")]),
                            Row([cell("E"), cell("F", colspan=4)])], header_rows=1)],
    "header_span_over_every_row": [Table([Row([cell("Ort", rowspan=3), cell("2023")]), Row([cell("150")]),
                                          Row([cell("300")])], header_rows=1)],
    "row_span_past_the_last_row": [Table([Row([cell("A"), cell("B")]), Row([cell("C", rowspan=5), cell("D")])],
                                         header_rows=1)],
    "blocks_in_cells": [Table([
        Row([cell("Art"), cell("Inhalt")]),
        Row([cell("Liste"), Cell([ListBlock(ordered=True, start=3, items=[
            ListItem([Paragraph(text_sentences("drei"))]), ListItem([Paragraph(text_sentences("vier"))])])])]),
        Row([cell("Bild"), Cell([Figure(Image(sample_png(), "image/png", 240, 160), alt="Bühne mit Gästen")])]),
        Row([cell("Zitat"), Cell([BlockQuote([Paragraph(text_sentences("Gut so."))],
                                             attribution=text_sentences("Landrat"))])]),
        Row([cell("Tabelle"), Cell([Paragraph(text_sentences("Kurse:")),
                                    Table([Row([cell("Tag"), cell("Kurs")]), Row([cell("Mo"), cell("Deutsch")])],
                                          header_rows=1)])]),
    ], header_rows=1)],
    "figures_without_picture": [Figure(None, alt="Balkendiagramm: 2023 kamen 150, 2024 kamen 300.",
                                       alt_status="source", caption=text_sentences("Teilnehmende")),
                                Figure(None, caption=text_sentences("Abbildung 2: ohne Beschreibung"))],
    "control_and_private_use_characters": [
        Heading(2, text_sentences("Kopf\x07zeile")),
        Paragraph([Sentence([Text("Steuer\x0bzeichen\x00, Symbol \uf0e0 Rathaus, kaputt \ud800 und \ufffe.")])]),
    ],
    "invalid_language_tags": [
        Paragraph([Sentence([Text("Word sagt "), LangSpan([Text("x-none")], "x-none"), Text(".")])]),
        Paragraph(text_sentences("Written in English."), lang="en_US"),
        Paragraph(text_sentences("Unbekannt."), lang="zz"),
    ],
    "links_without_text": [Paragraph([Sentence([
        Text("Vor "), Link([], "https://www.kreis-heinsberg.de"), Link([Text(" ")], "https://www.kreis-heinsberg.de"),
        Explained([], "eine Erklärung"), Link([Text("ohne Ziel")], ""), Text(" nach.")])])],
    "several_pages": [Paragraph(text_sentences("Ein Satz über die Konferenz im Kreis. " * 300)),
                      Table([Row([cell("Nr."), cell("Thema")])] + [Row([cell(str(i)), cell(f"Punkt {i}")])
                                                                  for i in range(60)], header_rows=1)],
}


@pytest.fixture(params=sorted(CASES))
def case(request: pytest.FixtureRequest) -> Document:
    return Document(Meta(title=f"Fall {request.param}"), CASES[request.param])


def test_html_is_valid(case):
    assert html_parse_errors(write_html(case)) == []


@pytest.mark.browser
def test_html_has_no_axe_violations(case, page, tmp_path):
    path = tmp_path / "case.html"
    path.write_text(write_html(case), encoding="utf-8")
    assert axe_violations(page, path) == []


def test_docx_passes_the_openxml_schema_validator(case, tmp_path):
    import subprocess

    from test_docx import openxml_audit

    tool = openxml_audit()
    if not tool:
        pytest.skip("openxml-audit not installed (pipx install openxml-audit, or set LESBAR_OPENXML_AUDIT)")
    path = tmp_path / "case.docx"
    path.write_bytes(write_docx(case))
    run = subprocess.run([tool, "-f", "office2016", "-m", "0", str(path)], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0 and "Errors: 0" in run.stdout, run.stdout


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


def test_every_table_row_spans_the_same_number_of_columns():
    """PDF/UA-1 (and screen readers) need a rectangular grid: short rows are filled, spans are cut."""
    for name in ("ragged_table", "header_span_over_every_row", "row_span_past_the_last_row", "table_with_spans"):
        doc = Document(Meta(title="T"), CASES[name])
        table = lxml_html.document_fromstring(write_html(doc)).find(".//table")
        rows = table.findall(".//tr")
        width: dict[int, int] = {}
        for r, row in enumerate(rows):
            for td in row:
                span = int(td.get("rowspan", 1))
                assert r + span <= len(rows), name
                for dr in range(span):
                    width[r + dr] = width.get(r + dr, 0) + int(td.get("colspan", 1))
        assert len(set(width.values())) == 1, (name, width)


def test_a_header_cell_spanning_into_the_body_makes_that_row_a_header_row():
    table = Table([Row([cell("Ort", rowspan=2), cell("Gäste", colspan=2)]), Row([cell("2023"), cell("2024")]),
                   Row([cell("Oberbruch"), cell("150"), cell("300")])], header_rows=1)
    doc = Document(Meta(title="T"), [table])
    root = lxml_html.document_fromstring(write_html(doc))
    assert [[c.text_content() for c in tr] for tr in root.findall(".//thead/tr")] == [["Ort", "Gäste"],
                                                                                   ["2023", "2024"]]
    assert len(root.findall(".//tbody/tr")) == 1
    rows = DocxParts(write_docx(doc)).document.find(".//w:tbl", NS).findall("w:tr", NS)
    assert [r.find("w:trPr/w:tblHeader", NS) is not None for r in rows] == [True, True, False]
    assert pdf_ua_failures(write_pdf(doc)) == []


def test_a_header_span_over_every_row_is_cut_at_the_header_instead():
    root = lxml_html.document_fromstring(write_html(Document(Meta(title="T"), CASES["header_span_over_every_row"])))
    assert len(root.findall(".//thead/tr")) == 1 and len(root.findall(".//tbody/tr")) == 2
    assert root.find(".//thead/tr/th").get("rowspan") is None


def test_lists_figures_quotes_and_tables_in_cells_keep_their_structure_in_docx():
    p = DocxParts(write_docx(Document(Meta(title="T"), CASES["blocks_in_cells"])))
    outer = p.document.find("w:body/w:tbl", NS)
    assert outer.find(".//w:tc/w:tbl", NS) is not None, "nested table"
    numbered = [par for par in outer.iter(f"{{{W}}}p") if par.find("w:pPr/w:numPr", NS) is not None]
    assert [DocxParts.text(par) for par in numbered] == ["drei", "vier"]
    assert [d.get("descr") for d in outer.findall(".//wp:docPr", NS)] == ["Bühne mit Gästen"]
    for tc in outer.iter(f"{{{W}}}tc"):
        assert tc[-1].tag == f"{{{W}}}p", "Word needs a paragraph as the last element of a cell"
        texts = [DocxParts.text(par) for par in tc.findall("w:p", NS)]
        assert texts[0] or len(texts) == 1, "no empty first paragraph before a list or table"


def test_control_and_private_use_characters_are_dropped_everywhere():
    doc = Document(Meta(title="Titel\x00"), CASES["control_and_private_use_characters"])
    html = write_html(doc)
    assert "Steuer zeichen, Symbol  Rathaus, kaputt  und ." in html
    assert not any(ch in html for ch in "\x00\x07\x0b\uf0e0\ufffe")
    html.encode("utf-8")  # no lone surrogate left
    text = "".join(DocxParts(write_docx(doc)).document.itertext())
    assert "Steuer zeichen" in text and "\uf0e0" not in text


def test_invalid_language_tags_are_repaired_or_dropped():
    root = lxml_html.document_fromstring(write_html(Document(Meta(title="T", lang="x-none"),
                                                             CASES["invalid_language_tags"])))
    assert root.get("lang") == "de"
    assert sorted({el.get("lang") for el in root.iter() if el.get("lang")}) == ["de", "en-US"]


def test_links_without_text_or_target_are_plain_text():
    doc = Document(Meta(title="T"), CASES["links_without_text"])
    article = lxml_html.document_fromstring(write_html(doc)).find(".//article")
    assert [a.text_content() for a in article.iter("a")] == []
    assert "ohne Ziel" in article.text_content()
    assert DocxParts(write_docx(doc)).document.find(".//w:hyperlink", NS) is None


def test_long_words_get_break_opportunities_but_links_hold_plain_text():
    url = "https://www.kreis-heinsberg.de/aktuelles/pressemitteilungen/2024/integrationskonferenz?utm_source=x"
    word = "Integrationskonferenzteilnehmendenbefragung"
    doc = Document(Meta(title="T"), [Table([Row([cell("Wort"), cell("Link")]), Row([
        cell(word), Cell([Paragraph([Sentence([Link([Text(url)], url)])])])])], header_rows=1)])
    html = write_html(doc)
    root = lxml_html.document_fromstring(html)
    assert root.find(".//td").text_content() == word and root.find(".//td").find(".//wbr") is not None
    link = root.find(".//td//a")
    assert link.text_content() == url and len(link) == 0
    assert pdf_ua_failures(write_pdf(doc, html)) == []


def test_a_table_too_wide_for_the_page_is_printed_landscape_with_fixed_column_widths():
    """Seven columns of long words do not fit across A4: WeasyPrint let the table run off the page and the
    right-hand columns were cut off in the PDF. Such a table gets a landscape page and fixed widths."""
    from pypdf import PdfReader

    heads = ["Jahr", "Teilnehmende", "Workshops", "Sprachen", "Ehrenamtliche", "Kosten in Euro", "Förderprogramm"]
    rows = [Row([cell(h) for h in heads])] + [
        Row([cell(str(2018 + i)), cell("100"), cell("3"), cell("5"), cell("20"), cell("12.000"),
             cell("Landesförderprogramm Integrationsmanagement")]) for i in range(3)]
    for variant in ("original", "leicht"):
        doc = Document(Meta(title="Kennzahlen", variant=variant), [Table(rows, header_rows=1)])
        html = write_html(doc)
        table = lxml_html.document_fromstring(html).find(".//table")
        assert table.get("class") == "wide" and len(table.findall("colgroup/col")) == 7
        pdf = write_pdf(doc, html)
        assert pdf_ua_failures(pdf) == []
        boxes = [page.mediabox for page in PdfReader(io.BytesIO(pdf)).pages]
        assert any(box.width > box.height for box in boxes), variant
    narrow = lxml_html.document_fromstring(write_html(Document(Meta(title="T"), CASES["table_with_spans"])))
    assert narrow.find(".//table").get("class") is None and narrow.find(".//colgroup") is None
