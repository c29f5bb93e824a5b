"""HTML writer: valid HTML5 with the structure WCAG 2.2 AA needs, checked on the parsed output of every
variant of the every-block-type document (the browser tests check the rendered page)."""

from __future__ import annotations

import re

import pytest
from a11y_checks import html_parse_errors
from alltypes import COMMENT_GLOSSARY, COMMENT_RULE, TRANSLATIONS, build
from lxml import html as lxml_html

from lesbar.model import Document, Figure, Heading, Image, Meta, Paragraph, text_sentences
from lesbar.writers.html import write_html
from lesbar.writers.labels import labels_for, provenance_lines


def tree(html: str):
    return lxml_html.document_fromstring(html)


def test_every_variant_is_valid_html5(variant):
    assert variant.html.startswith("<!DOCTYPE html>")
    assert html_parse_errors(variant.html) == []


def test_root_carries_language_and_direction(variant):
    root = tree(variant.html)
    lang = variant.doc.meta.lang
    assert root.get("lang") == lang
    assert root.get("dir") == ("rtl" if lang in ("ar", "fa") else "ltr")


@pytest.mark.parametrize("name", ["ar", "fa"])
def test_left_to_right_passages_in_rtl_documents_get_their_own_direction(rendered, name):
    root = tree(rendered[name].html)
    foreign = [el for el in root.iter() if el.get("lang") and el.tag != "html"]
    assert foreign, "the language span and the mixed-language paragraph must carry lang"
    for el in foreign:
        assert el.get("dir") == "ltr", el.text_content()


def test_blocks_and_spans_in_another_language_are_marked(variant):
    root = tree(variant.html)
    doc_lang = variant.doc.meta.lang
    marked = {el.get("lang"): el.text_content() for el in root.iter() if el.get("lang") and el.tag != "html"}
    paragraph_lang = variant.doc.blocks[-1].lang
    assert paragraph_lang in marked and paragraph_lang != doc_lang
    span_langs = {el.get("lang") for el in root.iter("span") if el.get("lang")}
    assert span_langs - {doc_lang}, "the inline language span lost its lang"


def test_exactly_one_h1_and_no_skipped_heading_levels(variant):
    levels = [int(el.tag[1]) for el in tree(variant.html).iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels.count(1) == 1 and levels[0] == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, levels


def test_headings_are_renumbered_when_the_source_skips_levels():
    doc = Document(Meta(title="T"), [Heading(1, text_sentences("T")), Heading(4, text_sentences("Deep")),
                                     Heading(6, text_sentences("Deeper")), Heading(2, text_sentences("Back"))])
    levels = [el.tag for el in tree(write_html(doc)).iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels == ["h1", "h2", "h3", "h2"]


def test_document_without_title_heading_gets_the_metadata_title_as_h1():
    doc = Document(Meta(title="Bericht"), [Heading(2, text_sentences("Teil")), Paragraph(text_sentences("Text."))])
    root = tree(write_html(doc))
    assert [h.text_content() for h in root.iter("h1")] == ["Bericht"]
    assert root.find(".//title").text == "Bericht"


def test_figures_have_alt_text_and_figcaption(variant):
    figures = [f for f in tree(variant.html).iter("figure") if f.find(".//img") is not None]
    assert figures
    for fig in figures:
        img = fig.find(".//img")
        assert img.get("alt").strip()
        assert img.get("src").startswith("data:image/png;base64,")
        assert fig.find("figcaption") is not None and fig.find("figcaption").text_content().strip()


def test_draft_alt_text_is_marked_for_review(variant):
    img = tree(variant.html).find(".//img")
    assert img.get("data-alt-status") == "draft"


def test_skip_link_points_at_main_landmark(variant):
    root = tree(variant.html)
    skip = root.find(".//body/a")
    assert skip is not None and "skip-link" in skip.get("class")
    target = skip.get("href").lstrip("#")
    main = root.find(".//main")
    assert main is not None and main.get("id") == target
    assert skip.text_content() == labels_for(variant.doc.meta.lang)["skip"]
    assert root.find(".//header") is not None and root.find(".//footer") is not None


def test_quotes_lists_and_table_keep_their_semantics(variant):
    root = tree(variant.html)
    quote_fig = root.find(".//figure[@class='quote']")
    assert quote_fig.find("blockquote") is not None and quote_fig.find("figcaption") is not None
    assert root.find(".//aside[@class='pullquote']/blockquote") is not None
    outer = root.find(".//article/ol")
    assert outer is not None and outer.find("li/ul/li/ol/li") is not None, "three nested list levels"
    table = root.find(".//table")
    assert table.find("caption") is not None
    headers = table.findall("thead/tr/th")
    assert headers and all(th.get("scope") == "col" for th in headers)
    assert table.findall("tbody/tr/td")


def test_list_items_hold_their_text_directly_not_in_a_paragraph(variant):
    """An ``li`` with a ``p`` becomes LI > P in the PDF, which PDF/UA-1 forbids."""
    for li in tree(variant.html).iter("li"):
        assert li.find("p") is None


def test_every_sentence_is_addressable(variant):
    root = tree(variant.html)
    ids = [el.get("id") for el in root.iter("span") if "s" in (el.get("class") or "").split()]
    intro = variant.doc.blocks[2]
    assert [s.id for s in intro.content] == [i for i in ids if i.startswith("b2.")]
    all_ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(all_ids) == len(set(all_ids)), "ids must be unique"


def test_provenance_is_visible_and_in_metadata(variant):
    root = tree(variant.html)
    doc = variant.doc
    notice = root.find(".//header/section[@class='provenance']")
    lines = provenance_lines(doc)
    assert lines and [p.text_content() for p in notice.findall("p")] == lines
    metas = {m.get("name"): m.get("content") for m in root.iter("meta") if m.get("name")}
    assert metas["lesbar:automatic"] == str(doc.meta.provenance.automatic).lower()
    assert metas["lesbar:reviewed"] == "false"
    assert f"reviewed={metas['lesbar:reviewed']}" in metas["keywords"]
    assert metas["description"] == " ".join(lines)


@pytest.mark.parametrize("name", TRANSLATIONS)
def test_translations_say_machine_translated_in_their_own_language(rendered, name):
    labels = labels_for(name)
    text = tree(rendered[name].html).find(".//header").text_content()
    assert labels["mt_draft"] in text
    assert labels["mt_draft"] != labels_for("de")["mt_draft"]


def test_reviewed_variant_says_so():
    doc = build("leicht")
    doc.meta.provenance.reviewed = True
    text = tree(write_html(doc)).find(".//header").text_content()
    assert labels_for("de")["leicht_reviewed"] in text and "Noch nicht" not in text


def test_review_comments_never_reach_the_html(variant):
    assert COMMENT_RULE not in variant.html and COMMENT_GLOSSARY not in variant.html


def test_explained_words_link_to_the_word_list_at_the_end(variant):
    root = tree(variant.html)
    article = root.find(".//article")
    wordlist = article[-1]
    assert wordlist.tag == "section" and "wordlist" in wordlist.get("class")
    terms = {dt.get("id"): dt.text_content() for dt in wordlist.iter("dt")}
    links = [a for a in root.iter("a") if "explained" in (a.get("class") or "")]
    assert links
    for a in links:
        assert a.get("href").lstrip("#") in terms
    assert all(dd.text_content().strip() for dd in wordlist.iter("dd"))


def test_leichte_sprache_stylesheet_rules(rendered):
    css = tree(rendered["leicht"].html).find(".//style").text
    assert "text-align: justify" not in css
    assert re.search(r"hyphens:\s*manual", css)
    assert re.search(r"\.s\s*\{\s*display:\s*block", css), "one sentence per line"


def test_non_browser_image_types_fall_back_to_their_alt_text():
    fig = Figure(Image(b"II*\x00", "image/tiff"), alt="Ein Diagramm", alt_status="source")
    root = tree(write_html(Document(Meta(title="T"), [fig])))
    assert root.find(".//img") is None
    assert "Ein Diagramm" in root.find(".//figure").text_content()


def test_text_is_escaped_not_interpreted():
    doc = Document(Meta(title="<b>T</b> & Co"), [Paragraph(text_sentences("a < b & <script>x</script>"))])
    html = write_html(doc)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html_parse_errors(html) == []


def test_duplicate_sentence_ids_in_the_model_do_not_produce_duplicate_html_ids():
    one, two = text_sentences("Eins."), text_sentences("Zwei.")
    one[0].id = two[0].id = "b1.s1"
    root = tree(write_html(Document(Meta(title="T"), [Paragraph(one), Paragraph(two)])))
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert ids.count("b1.s1") == 1
    assert "Zwei." in root.text_content()


def test_render_dispatches_by_format_and_rejects_unknown_ones():
    from lesbar.writers import render

    doc = build("original")
    assert render(doc, "html").decode("utf-8") == write_html(doc)
    assert render(doc, "docx")[:2] == b"PK"
    with pytest.raises(ValueError, match="odt"):
        render(doc, "odt")


def test_a_leichte_sprache_draft_has_exactly_one_word_list_and_its_links_reach_it():
    # the simplifier writes its own "Wörterbuch"; the writers must not add a second one
    from lesbar.glossary import load_glossaries
    from lesbar.glossary.locations import shipped_glossary
    from lesbar.simplify import simplify_document
    from lesbar.simplify.plaintext import document_from_text
    from lesbar.writers.docx import write_docx

    glossary = load_glossaries([shipped_glossary()])
    text = "Der Landrat eröffnete die Integrationskonferenz im Kreis Heinsberg.\n\nViele Ehrenamtliche halfen mit."
    draft = simplify_document(document_from_text(text), "leicht", glossary).document
    html = write_html(draft)
    assert html.count("Wörterbuch") == 1
    root = tree(html)
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    links = [a.get("href").lstrip("#") for a in root.iter("a") if "explained" in (a.get("class") or "")]
    assert links and all(link in ids for link in links)
    import io
    import zipfile

    xml = zipfile.ZipFile(io.BytesIO(write_docx(draft))).read("word/document.xml").decode()
    assert xml.count(">Wörterbuch<") == 1
    anchors = set(re.findall(r'w:anchor="([^"]+)"', xml))
    bookmarks = set(re.findall(r'w:name="([^"]+)"', xml))
    assert anchors and anchors <= bookmarks
