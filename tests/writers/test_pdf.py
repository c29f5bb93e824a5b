"""PDF writer: tagged PDF/UA-1, validated by ``page`` (PDF/UA-1 machine checks) and by reading the tag tree,
catalog, metadata and fonts with pikepdf/pypdf."""

from __future__ import annotations

import io
import unicodedata

import pytest
from a11y_checks import pdf_catalog_facts, pdf_fonts, pdf_struct_tree, pdf_ua_failures
from alltypes import COMMENT_GLOSSARY, COMMENT_RULE, build
from lxml import html as lxml_html

from lesbar.model import Document, Meta, Paragraph, text_sentences
from lesbar.writers import render
from lesbar.writers.labels import provenance_lines
from lesbar.writers.pdf import write_pdf

HEADINGS = ("H1", "H2", "H3", "H4", "H5", "H6")


def pdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def test_every_variant_passes_pdf_ua_1(variant):
    assert pdf_ua_failures(variant.pdf) == []


def test_catalog_has_language_title_shown_in_window_and_marked_content(variant):
    facts = pdf_catalog_facts(variant.pdf)
    assert facts["lang"] == variant.doc.meta.lang
    assert facts["display_doc_title"] and facts["marked"]
    assert facts["title"] == variant.doc.meta.title
    assert facts["xmp_title"] == variant.doc.meta.title


def test_metadata_says_automatic_and_not_reviewed(variant):
    facts = pdf_catalog_facts(variant.pdf)
    prov = variant.doc.meta.provenance
    assert f"automatic={str(prov.automatic).lower()}" in facts["keywords"]
    assert "reviewed=false" in facts["keywords"]
    assert provenance_lines(variant.doc)[0] in facts["subject"]


def test_one_h1_and_headings_in_the_html_order_without_skips(variant):
    tags = [e.tag for e in pdf_struct_tree(variant.pdf) if e.tag in HEADINGS]
    html_tags = [el.tag.upper() for el in lxml_html.document_fromstring(variant.html).iter(
        "h1", "h2", "h3", "h4", "h5", "h6")]
    assert tags == html_tags
    assert tags.count("H1") == 1 and tags[0] == "H1"


def test_figures_carry_the_alt_text(variant):
    figures = [e for e in pdf_struct_tree(variant.pdf) if e.tag == "Figure"]
    expected = next(b.alt for b in variant.doc.walk() if b.__class__.__name__ == "Figure")
    assert [f.alt for f in figures] == [expected]


def test_language_changes_are_tagged(variant):
    """The mixed-language paragraph and the inline language span carry /Lang (our WeasyPrint adapter)."""
    from lesbar.model import LangSpan

    langs = {e.lang for e in pdf_struct_tree(variant.pdf) if e.lang}
    span_langs = {n.lang for s in variant.doc.blocks[2].content for n in s.inlines if isinstance(n, LangSpan)}
    assert span_langs and span_langs <= langs
    assert variant.doc.blocks[-1].lang in langs


def test_list_items_hold_only_label_and_body(variant):
    tree = pdf_struct_tree(variant.pdf)
    items = [i for i, e in enumerate(tree) if e.tag == "LI"]
    assert len(items) >= 7
    for index in items:
        kids = [e.tag for e in _children(tree, index)]
        assert kids and set(kids) <= {"Lbl", "LBody"}, kids


def _children(tree, index):
    depth = tree[index].depth
    for elem in tree[index + 1:]:
        if elem.depth <= depth:
            return
        if elem.depth == depth + 1:
            yield elem


def test_table_has_header_cells_in_a_header_section(variant):
    tree = pdf_struct_tree(variant.pdf)
    first = next(i for i, e in enumerate(tree) if e.tag == "Table")
    tags = [e.tag for e in _descendants(tree, first)]
    assert "THead" in tags and tags.count("TH") == 2 and tags.count("TD") == 6


def test_header_cell_spanning_into_the_next_row_makes_both_rows_header_rows(variant):
    """Word's vertically merged header cell: HTML would cut its row span at the end of ``thead``, leaving the
    next row one cell short (PDFUA1-TABLE-ROW-COLUMNSPAN-001); the writers make that row a header row."""
    tree = pdf_struct_tree(variant.pdf)
    outer = next(i for i, e in enumerate(tree) if e.tag == "Table" and any(
        d.tag == "Table" for d in _descendants(tree, i)))
    groups = [(i, e.tag) for i, e in enumerate(tree) if e.depth == tree[outer].depth + 1 and i > outer
              and e in list(_children(tree, outer)) and e.tag in ("THead", "TBody")]
    assert [tag for _i, tag in groups] == ["THead", "TBody"]
    head_rows = [e for e in _children(tree, groups[0][0]) if e.tag == "TR"]
    body_rows = [e for e in _children(tree, groups[1][0]) if e.tag == "TR"]
    assert (len(head_rows), len(body_rows)) == (2, 2)


def _descendants(tree, index):
    depth = tree[index].depth
    for elem in tree[index + 1:]:
        if elem.depth <= depth:
            return
        yield elem


def test_fonts_are_embedded_with_unicode_mapping(variant):
    fonts = pdf_fonts(variant.pdf)
    assert fonts
    for font in fonts:
        assert font.embedded, font.name
        assert font.to_unicode, font.name


@pytest.mark.parametrize("name", ["ru", "uk"])
def test_cyrillic_text_is_extractable(rendered, name):
    text = unicodedata.normalize("NFC", pdf_text(rendered[name].pdf))
    assert rendered[name].doc.meta.title in text.replace("\n", " ")


@pytest.mark.parametrize("name", ["ar", "fa"])
def test_arabic_script_is_shaped_with_an_arabic_font(rendered, name):
    """Joined Arabic uses positional glyph forms: one letter maps from several glyphs (isolated, initial,
    medial, final). Without shaping every letter would have exactly one glyph."""
    fonts = [f for f in pdf_fonts(rendered[name].pdf) if "Arabic" in f.name]
    assert fonts, [f.name for f in pdf_fonts(rendered[name].pdf)]
    glyphs_per_letter: dict[str, set[int]] = {}
    for font in fonts:
        for code, text in font.to_unicode.items():
            if len(text) == 1 and unicodedata.name(text, "").startswith("ARABIC LETTER"):
                glyphs_per_letter.setdefault(text, set()).add((font.name, code))
    shaped = [letter for letter, glyphs in glyphs_per_letter.items() if len(glyphs) >= 2]
    assert len(shaped) >= 5, glyphs_per_letter


def test_provenance_notice_is_printed(rendered):
    text = " ".join(pdf_text(rendered["leicht"].pdf).split())
    assert "Entwurf in Leichter Sprache" in text and "Noch nicht von Menschen geprüft" in text


def test_review_comments_and_skip_link_are_not_printed(variant):
    text = " ".join(pdf_text(variant.pdf).split())
    assert COMMENT_RULE[:30] not in text and COMMENT_GLOSSARY[:30] not in text
    assert "Zum Inhalt springen" not in text


def test_render_pdf_is_the_public_entry_point():
    doc = Document(Meta(title="Kurz", lang="de"), [Paragraph(text_sentences("Ein Satz."))])
    data = render(doc, "pdf")
    assert data.startswith(b"%PDF") and pdf_ua_failures(data) == []


def test_write_pdf_uses_given_html():
    doc = build("original")
    html = "<!DOCTYPE html><html lang='en'><head><title>Given</title></head><body><h1>Given</h1></body></html>"
    facts = pdf_catalog_facts(write_pdf(doc, html))
    assert facts["title"] == "Given" and facts["lang"] == "en"


def printed_text_sizes(pdf: bytes) -> list[tuple[float, str]]:
    """(size in pt, text) of every text run as printed (font size × text and CTM scale)."""
    from pypdf import PdfReader

    sizes: list[tuple[float, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
            sizes.append((size * scale, text))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_leichte_sprache_pdf_prints_every_text_at_14_pt_or_more(rendered):
    sizes = printed_text_sizes(rendered["leicht"].pdf)
    assert sizes
    assert [(round(size, 1), text) for size, text in sizes if size < 14 - 0.05] == []


def test_other_variants_print_body_text_at_a_readable_size(rendered):
    sizes = printed_text_sizes(rendered["einfach"].pdf)
    assert min(size for size, _ in sizes) >= 10


def test_bookmarks_follow_the_headings(variant):
    """PDF readers offer the outline for navigation; it must mirror the heading structure."""
    import pikepdf

    with pikepdf.open(io.BytesIO(variant.pdf)) as pdf, pdf.open_outline() as outline:
        titles: list[tuple[int, str]] = []

        def walk(items, depth):
            for item in items:
                titles.append((depth, " ".join(item.title.split())))
                walk(item.children, depth + 1)

        walk(outline.root, 1)
    root = lxml_html.document_fromstring(variant.html)
    headings = [(int(h.tag[1]), " ".join(h.text_content().split())) for h in root.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert titles == headings
