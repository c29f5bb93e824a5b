"""Newspaper clippings (generated with reportlab from known text) read back into the logical document.

Layouts: 2, 3 and 4 columns, ragged and justified, line-per-``Tj`` and word-per-text-object streams (the
latter sorted top to bottom across columns), A4 and A5, one and several pages. Three layouts are marked
``held_out``: they were not looked at while the reader was tuned.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lesbar.model import Document, Figure, Heading, Paragraph, PullQuote, block_text, sentences_text
from lesbar.readers import read_document
from pdfgen.measure import body_sentences, intact_in_order, source_sentences
from pdfgen.newspaper import LAYOUTS, Article, build

ALL = sorted(LAYOUTS)
HELD_OUT = sorted(name for name, layout in LAYOUTS.items() if layout.held_out)


@pytest.fixture(scope="module")
def clippings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Article, Document]]:
    folder = tmp_path_factory.mktemp("clippings")
    out = {}
    for name, layout in LAYOUTS.items():
        path = folder / f"{name}.pdf"
        article = build(path, layout)
        out[name] = (path, article, read_document(path))
    return out


def _paragraph_texts(doc: Document) -> list[str]:
    return [block_text(b) for b in doc.blocks if isinstance(b, Paragraph)]


@pytest.mark.parametrize("name", ALL)
def test_source_sentences_come_out_intact_and_in_order(clippings, name: str) -> None:
    _path, article, doc = clippings[name]
    source = source_sentences([article.lead] + article.body_text())
    score = intact_in_order(source, body_sentences(doc))
    assert score >= 0.98, f"{name}: only {score:.1%} of {len(source)} sentences intact and in order"


def test_all_layouts_together_reach_98_percent(clippings) -> None:
    total = found = 0
    for _path, article, doc in clippings.values():
        source = source_sentences([article.lead] + article.body_text())
        total += len(source)
        found += round(intact_in_order(source, body_sentences(doc)) * len(source))
    assert total > 120
    assert found / total >= 0.98


def test_generated_layouts_cover_the_required_variety() -> None:
    layouts = LAYOUTS.values()
    assert {layout.columns for layout in layouts} >= {2, 3, 4}
    assert {layout.justified for layout in layouts} == {True, False}
    assert {layout.mode for layout in layouts} == {"lines", "words"}
    assert len(LAYOUTS) >= 4 and len(HELD_OUT) >= 2


@pytest.mark.parametrize("name", ALL)
def test_caption_is_not_merged_into_body_text(clippings, name: str) -> None:
    _path, article, doc = clippings[name]
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert len(figures) == 1
    assert " ".join(sentences_text(figures[0].caption).split()) == article.caption
    first_words = " ".join(article.caption.split()[:5])
    assert not any(first_words in text for text in _paragraph_texts(doc))


@pytest.mark.parametrize("name", ALL)
def test_figure_carries_the_photo_and_a_draft_alt_text_from_the_caption(clippings, name: str) -> None:
    _path, article, doc = clippings[name]
    figure = next(b for b in doc.blocks if isinstance(b, Figure))
    assert figure.image is not None and figure.image.mime in ("image/png", "image/jpeg")
    assert figure.image.data[:4] in (b"\x89PNG", b"\xff\xd8\xff\xe0", b"\xff\xd8\xff\xdb", b"\xff\xd8\xff\xee")
    assert figure.alt_status == "draft" and figure.alt.startswith(article.caption.split(".")[0][:40])


@pytest.mark.parametrize("name", ALL)
def test_pull_quote_keeps_its_attribution_and_stays_out_of_paragraphs(clippings, name: str) -> None:
    _path, article, doc = clippings[name]
    quotes = [b for b in doc.blocks if isinstance(b, PullQuote)]
    assert len(quotes) == 1
    assert sentences_text(quotes[0].content) == article.quote
    assert sentences_text(quotes[0].attribution) == article.attribution
    inner = article.quote.strip("„“")[:30]
    assert not any(inner in text for text in _paragraph_texts(doc))
    assert not any(article.attribution in text for text in _paragraph_texts(doc))


@pytest.mark.parametrize("name", ALL)
def test_byline_and_dateline_are_metadata_not_body_text(clippings, name: str) -> None:
    _path, article, doc = clippings[name]
    assert doc.meta.byline == article.byline
    assert doc.meta.dateline == ("" if LAYOUTS[name].drop_cap else article.dateline)
    body = " ".join(_paragraph_texts(doc))
    assert article.byline not in body
    first = _paragraph_texts(doc)[1]  # after the lead
    assert first.startswith(article.paragraphs[0][:30])


@pytest.mark.parametrize("name", ALL)
def test_headline_and_lead_come_first_then_heading_levels_follow_type_size(clippings, name: str) -> None:
    _path, article, doc = clippings[name]
    assert isinstance(doc.blocks[0], Heading) and doc.blocks[0].level == 1
    assert block_text(doc.blocks[0]) == article.headline
    assert doc.meta.title == article.headline
    assert isinstance(doc.blocks[1], Paragraph) and block_text(doc.blocks[1]) == article.lead
    subheadings = [(b.level, block_text(b)) for b in doc.blocks[1:] if isinstance(b, Heading)]
    assert subheadings == [(2, text) for _index, text in sorted(article.subheadings.items())]


@pytest.mark.parametrize("name", ALL)
def test_running_headers_footers_and_page_numbers_are_dropped(clippings, name: str) -> None:
    _path, article, doc = clippings[name]
    everything = " ".join(block_text(b) for b in doc.walk())
    assert article.header not in everything
    assert article.footer not in everything


@pytest.mark.parametrize("name", ALL)
def test_line_end_hyphenation_is_removed_but_real_hyphens_stay(clippings, name: str) -> None:
    _path, article, doc = clippings[name]
    words = {w.strip(".,;:„“()") for p in article.paragraphs for w in p.split()}
    got = " ".join(_paragraph_texts(doc))
    got_words = {w.strip(".,;:„“()") for w in got.split()}
    # every word of the source (compounds like "Hoffmann-Lenz" and suspended "Handwerks-" included)
    missing = sorted(w for w in words if w and w not in got_words)
    assert not missing, missing[:10]


def test_paragraphs_continue_across_columns_and_pages(clippings) -> None:
    path, article, doc = clippings["two_lines_a5_multipage"]
    from pypdf import PdfReader

    assert len(PdfReader(path).pages) >= 2
    got = _paragraph_texts(doc)
    for paragraph in article.paragraphs[1:]:
        assert " ".join(paragraph.split()) in got


def test_reading_order_follows_the_article(clippings) -> None:
    """Body paragraphs come out in the order they were typeset, whatever the column/page they start on."""
    for name, (_path, article, doc) in clippings.items():
        got = _paragraph_texts(doc)
        positions = []
        for paragraph in article.paragraphs[1:]:
            start = paragraph[:40]
            positions.append(next(i for i, text in enumerate(got) if start in text))
        assert positions == sorted(positions), name


def test_read_clipping_round_trips_through_json(clippings) -> None:
    from lesbar.model import from_json, to_json

    _path, _article, doc = clippings["four_justified"]
    assert from_json(to_json(doc)) == doc
