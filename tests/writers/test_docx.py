"""DOCX writer: each rule of Word's accessibility checker, read from the written file's XML, plus Word
comments for reviewers, right-to-left layout for Arabic/Persian and the Leichte Sprache format."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from a11y_checks import NS, DocxParts, W, schema_order_errors
from alltypes import COMMENT_GLOSSARY, COMMENT_RULE, TRANSLATIONS

from lesbar.model import (
    Cell,
    Document,
    Heading,
    LangSpan,
    ListBlock,
    ListItem,
    Meta,
    Paragraph,
    Row,
    Table,
    text_sentences,
)
from lesbar.writers.docx import PPR_ORDER, RPR_ORDER, TBLPR_ORDER, lang_tag, write_docx
from lesbar.writers.labels import provenance_lines


def val(el, name="val"):
    return None if el is None else el.get(f"{{{W}}}{name}")


def parts(variant) -> DocxParts:
    return DocxParts(variant.docx)


def test_python_docx_opens_every_variant(variant):
    opened = docx.Document(io.BytesIO(variant.docx))
    assert opened.paragraphs and opened.tables and opened.inline_shapes


def test_title_and_provenance_in_core_properties(variant):
    props = docx.Document(io.BytesIO(variant.docx)).core_properties
    assert props.title == variant.doc.meta.title
    assert props.language == lang_tag(variant.doc.meta.lang)
    assert props.comments == " ".join(provenance_lines(variant.doc))
    assert f"automatic={str(variant.doc.meta.provenance.automatic).lower()}" in props.keywords
    assert "reviewed=false" in props.keywords


def test_provenance_is_visible_at_the_top(variant):
    p = parts(variant)
    texts = [DocxParts.text(par) for par in p.paragraphs()]
    lines = provenance_lines(variant.doc)
    assert texts[: len(lines)] == lines


def test_document_language_is_set_in_the_document_itself(variant):
    p = parts(variant)
    tag = lang_tag(variant.doc.meta.lang)
    default_lang = p.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert val(default_lang) == tag
    assert val(p.settings.find("w:themeFontLang", NS)) == tag
    if variant.doc.meta.lang in ("ar", "fa"):
        assert val(default_lang, "bidi") == tag


def test_runs_in_another_language_carry_their_language(variant):
    p = parts(variant)
    spans = [n for s in variant.doc.blocks[2].content for n in s.inlines if isinstance(n, LangSpan)]
    assert spans
    runs = {DocxParts.text(r): r for r in p.document.iter(f"{{{W}}}r")}
    for span in spans:
        run = runs[span.children[0].text]
        assert val(run.find("w:rPr/w:lang", NS)).startswith(span.lang)
    mixed = variant.doc.blocks[-1]
    mixed_par = next(par for par in p.paragraphs() if DocxParts.text(par) == mixed.content[0].text)
    for run in mixed_par.findall("w:r", NS):
        assert val(run.find("w:rPr/w:lang", NS)).startswith(mixed.lang)


@pytest.mark.parametrize("name", ["ar", "fa"])
def test_rtl_documents_have_bidi_paragraphs_rtl_runs_and_tables(rendered, name):
    p = parts(rendered[name])
    mixed_text = rendered[name].doc.blocks[-1].content[0].text
    body = [par for par in p.paragraphs() if DocxParts.text(par).strip()]
    for par in body:
        bidi = par.find("w:pPr/w:bidi", NS) is not None
        assert bidi == (DocxParts.text(par) != mixed_text), DocxParts.text(par)
        if bidi:
            assert par.find("w:pPr/w:jc", NS) is None, "a bidi paragraph aligns to its start edge"
    for run in p.document.iter(f"{{{W}}}r"):
        text = DocxParts.text(run)
        if any("\u0600" <= ch <= "\u06ff" for ch in text):
            assert run.find("w:rPr/w:rtl", NS) is not None, text
        if text and all(ch.isascii() for ch in text) and any(ch.isalpha() for ch in text):
            assert run.find("w:rPr/w:rtl", NS) is None, text
    assert p.document.find(".//w:tblPr/w:bidiVisual", NS) is not None


def test_ltr_documents_have_no_bidi_markup(rendered):
    p = parts(rendered["original"])
    assert p.document.find(".//w:bidi", NS) is None and p.document.find(".//w:rtl", NS) is None


def test_real_heading_styles_in_order_with_one_level_1(variant):
    levels = [int(s[-1]) for s in (DocxParts.style(par) for par in parts(variant).paragraphs())
              if s.startswith("Heading")]
    assert levels.count(1) == 1 and levels[0] == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, levels
    assert "Title" not in {DocxParts.style(par) for par in parts(variant).paragraphs()}


def test_every_image_is_inline_with_alt_text(variant):
    p = parts(variant)
    doc_prs = p.document.findall(".//wp:inline/wp:docPr", NS)
    assert len(doc_prs) == 1
    figure_alt = next(b.alt for b in variant.doc.walk() if b.__class__.__name__ == "Figure")
    assert [d.get("descr") for d in doc_prs] == [figure_alt]
    assert p.document.find(".//wp:anchor", NS) is None, "no floating images"


def test_no_text_boxes(variant):
    xml = variant.docx
    body = DocxParts(xml).zip.read("word/document.xml")
    assert b"txbxContent" not in body and b"v:textbox" not in body and b"wps:txbx" not in body


def test_table_header_row_is_marked_and_repeats(variant):
    p = parts(variant)
    rows = p.document.find(".//w:tbl", NS).findall("w:tr", NS)
    header_flags = [r.find("w:trPr/w:tblHeader", NS) is not None for r in rows]
    assert header_flags == [True, False, False, False]
    caption = p.document.find(".//w:tblPr/w:tblCaption", NS)
    assert val(caption) == variant.doc.blocks[11].caption[0].text


def test_readable_fonts_sizes_and_contrast(variant):
    p = parts(variant)
    fonts = p.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert val(fonts, "ascii") == val(fonts, "cs") == "Arial"
    leicht = variant.doc.meta.variant == "leicht"
    for style in p.styles.findall("w:style", NS):
        name = val(style.find("w:name", NS))
        sz, sz_cs = style.find("w:rPr/w:sz", NS), style.find("w:rPr/w:szCs", NS)
        if name == "Normal":
            assert int(val(sz)) >= (28 if leicht else 22) and val(sz_cs) == val(sz)
    for color in p.styles.iter(f"{{{W}}}color"):
        if val(color) != "auto":
            assert contrast(val(color), "FFFFFF") >= 4.5, val(color)


def contrast(fg: str, bg: str) -> float:
    def lum(hexcolor: str) -> float:
        channels = [int(hexcolor[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    a, b = sorted((lum(fg), lum(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def test_nothing_is_justified_or_hyphenated(variant):
    p = parts(variant)
    for jc in list(p.document.iter(f"{{{W}}}jc")) + list(p.styles.iter(f"{{{W}}}jc")):
        assert val(jc) not in ("both", "distribute")
    auto = p.settings.find("w:autoHyphenation", NS)
    assert auto is None or val(auto) in ("0", "false")


def test_leichte_sprache_has_one_sentence_per_line_and_a_word_list(rendered):
    p = parts(rendered["leicht"])
    intro = rendered["leicht"].doc.blocks[2]
    par = next(x for x in p.paragraphs() if DocxParts.text(x).startswith(intro.content[0].text[:20]))
    assert len(par.findall(".//w:br", NS)) == len(intro.content) - 1
    styles = [DocxParts.style(x) for x in p.paragraphs()]
    texts = [DocxParts.text(x) for x in p.paragraphs()]
    heading = styles.index("Heading2", len(styles) - 3)
    assert texts[heading] == "Wörterbuch"
    entry = p.paragraphs()[heading + 1]
    assert texts[heading + 1].startswith("Integrations·zentrum: Ein Amt.")
    # the explained word in the text links to the bookmark on its entry
    bookmark = entry.find("w:bookmarkStart", NS).get(f"{{{W}}}name")
    link = next(h for h in p.document.iter(f"{{{W}}}hyperlink") if h.get(f"{{{W}}}anchor"))
    assert link.get(f"{{{W}}}anchor") == bookmark and DocxParts.text(link) == "Integrations·zentrum"
    assert link.find("w:r/w:rPr/w:b", NS) is not None, "explained words are bold"


def test_sentence_comments_become_word_comments_on_that_sentence(variant):
    p = parts(variant)
    expected = COMMENT_RULE if variant.doc.meta.variant in ("leicht", "einfach") else (
        COMMENT_GLOSSARY if variant.doc.meta.variant == "translation" else None)
    if expected is None:
        assert p.comments is None or not p.comments.findall("w:comment", NS)
        return
    comments = p.comments.findall("w:comment", NS)
    assert len(comments) == 1 and expected in DocxParts.text(comments[0])
    if variant.doc.meta.lang != "de":
        text_runs = [r for r in comments[0].iter(f"{{{W}}}r") if DocxParts.text(r).strip()]
        assert all(val(r.find("w:rPr/w:lang", NS)) == "de-DE" for r in text_runs), "German staff message"
    cid = comments[0].get(f"{{{W}}}id")
    # the text between commentRangeStart and commentRangeEnd is exactly the commented sentence
    inside, collecting = [], False
    for el in p.document.iter():
        if el.tag == f"{{{W}}}commentRangeStart" and el.get(f"{{{W}}}id") == cid:
            collecting = True
        elif el.tag == f"{{{W}}}commentRangeEnd" and el.get(f"{{{W}}}id") == cid:
            break
        elif collecting and el.tag == f"{{{W}}}t":
            inside.append(el.text or "")
    sentence = variant.doc.blocks[2].content[-1]
    assert "".join(inside) == sentence.text


def test_links_are_real_hyperlinks(variant):
    p = parts(variant)
    links = [h for h in p.document.findall(".//w:hyperlink", NS) if h.get(f"{{{W}}}anchor") is None]
    assert len(links) == 2  # the programme page and the very long URL
    rels = DocxParts(variant.docx).xml("word/_rels/document.xml.rels")
    rid = links[0].get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
    target = next(r for r in rels if r.get("Id") == rid)
    assert target.get("Target") == "https://www.kreis-heinsberg.de/integration"
    assert target.get("TargetMode") == "External"


def test_properties_follow_the_ooxml_element_order(variant):
    p = parts(variant)
    errors = []
    for root in (p.document, p.styles, p.comments):
        if root is None:
            continue
        for rpr in root.iter(f"{{{W}}}rPr"):
            errors += schema_order_errors(rpr, RPR_ORDER)
        for ppr in root.iter(f"{{{W}}}pPr"):
            errors += schema_order_errors(ppr, PPR_ORDER)
        for tblpr in root.iter(f"{{{W}}}tblPr"):
            errors += schema_order_errors(tblpr, TBLPR_ORDER)
    assert errors == []


def test_each_ordered_list_restarts_at_its_own_start():
    lists = [ListBlock(ordered=True, start=start, items=[ListItem([Paragraph(text_sentences(f"Punkt {i}"))])
                                                          for i in range(2)]) for start in (1, 5)]
    p = DocxParts(write_docx(Document(Meta(title="Listen"), [lists[0], Paragraph(text_sentences("Dazwischen.")),
                                                            lists[1]])))
    num_ids = [val(par.find("w:pPr/w:numPr/w:numId", NS)) for par in p.paragraphs()
               if par.find("w:pPr/w:numPr", NS) is not None]
    assert len(num_ids) == 4 and num_ids[0] == num_ids[1] != num_ids[2] == num_ids[3]
    starts = {val(num, "numId"): val(num.find("w:lvlOverride/w:startOverride", NS)) for num in p.numbering.findall("w:num", NS)}
    assert starts[num_ids[0]] == "1" and starts[num_ids[2]] == "5"


def test_row_and_column_spans_become_merged_cells():
    def cell(text, **span):
        return Cell([Paragraph(text_sentences(text))], **span)

    table = Table([Row([cell("Kopf", colspan=2), cell("Z")]), Row([cell("A", rowspan=2), cell("B"), cell("C")]),
                   Row([cell("D"), cell("E")])], header_rows=1)
    written = docx.Document(io.BytesIO(write_docx(Document(Meta(title="T"), [table]))))
    grid = [[c.text for c in row.cells] for row in written.tables[0].rows]
    assert grid == [["Kopf", "Kopf", "Z"], ["A", "B", "C"], ["A", "D", "E"]]


def test_written_docx_reads_back_with_the_same_structure(rendered, tmp_path):
    """Our own DOCX reader sees the headings, the table header row and the alt text we wrote."""
    from lesbar.model import Figure
    from lesbar.readers import read_document

    path = tmp_path / "original.docx"
    path.write_bytes(rendered["original"].docx)
    back = read_document(path)
    headings = [b for b in back.walk() if isinstance(b, Heading)]
    assert headings and headings[0].content[0].text.strip() == rendered["original"].doc.meta.title
    tables = [b for b in back.walk() if isinstance(b, Table)]
    assert tables and tables[0].header_rows == 1
    figures = [b for b in back.walk() if isinstance(b, Figure)]
    assert figures and figures[0].alt == rendered["original"].doc.blocks[7].alt


@pytest.mark.parametrize("name", TRANSLATIONS)
def test_translations_use_full_word_language_tags(rendered, name):
    p = parts(rendered[name])
    assert "-" in val(p.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS))


def openxml_audit() -> str | None:
    """The ``openxml-audit`` OOXML validator (PyPI, MIT; schema + Word app-compat checks).

    It needs lxml >= 6 while the project venv must keep lxml < 5 for wiktionary-de-parser, so it runs
    from its own environment: ``LESBAR_OPENXML_AUDIT`` names its executable, else it is looked up on PATH.
    """
    import os
    import shutil

    # scripts/setup --test installs it in its own environment (it needs a newer lxml than lesbar's stack)
    local = Path(__file__).resolve().parents[2] / ".venv-tools" / "bin" / "openxml-audit"
    return os.environ.get("LESBAR_OPENXML_AUDIT") or shutil.which("openxml-audit") or (
        str(local) if local.exists() else None)


def test_docx_passes_the_openxml_schema_validator(rendered, tmp_path):
    import subprocess

    tool = openxml_audit()
    if not tool:
        pytest.skip("openxml-audit not installed (pipx install openxml-audit, or set LESBAR_OPENXML_AUDIT)")
    for name, item in rendered.items():
        path = tmp_path / f"{name}.docx"
        path.write_bytes(item.docx)
        run = subprocess.run([tool, "-f", "office2016", "-m", "0", str(path)], capture_output=True, text=True,
                             timeout=120)
        assert run.returncode == 0 and "Errors: 0" in run.stdout, run.stdout


def test_an_overlong_title_is_shortened_not_fatal_and_the_file_has_its_own_date(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A machine translation that loops made a 900-character title; python-docx allows 255."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764633600")  # 2025-12-02 00:00 UTC
    doc = Document(Meta(title="guests 993 " * 90, lang="en"), [Paragraph(text_sentences("Hello."))])
    props = docx.Document(io.BytesIO(write_docx(doc))).core_properties
    assert len(props.title) <= 255 and props.title.endswith("…")
    assert props.created.year == 2025 and props.modified == props.created  # not python-docx's 2013 template
