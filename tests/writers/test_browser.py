"""Every written page in a real browser: axe-core's WCAG 2.2 A/AA rules report nothing, and the Leichte
Sprache page really renders as specified (computed styles and sentence positions, not the CSS text)."""

from __future__ import annotations

from pathlib import Path

import pytest
from a11y_checks import axe_violations

from lesbar.pipeline.report import write_report_html

pytestmark = pytest.mark.browser


def test_axe_finds_no_wcag22_aa_violations(variant, page):
    assert axe_violations(page, variant.html_path) == []


def test_axe_finds_no_violations_in_the_review_report(page, tmp_path: Path):
    report = {
        "document": {"title": "Vielfalt leben", "source": "integrationskonferenz.docx", "language": "de"},
        "notes": ["Übersetzung nach ar: Sprachmodell fehlt"],
        "variants": {
            "leicht": {
                "readability": {"flesch_de": {"before": 38.2, "after": 71.5}},
                "sentences": [{"id": "b2.s1", "text": "Das Treffen war voll.",
                               "findings": [{"rule": "LS-LANG", "message": "Satz zu lang", "words": ["Treffen"]}]}],
            }
        },
        "translations": {"en": {"glossary": {"enforced": 3, "drafts": 1, "failures": 0},
                                "sentences": [{"id": "b2.s1", "source": "Hallo.", "target": "Hello.",
                                               "origin": "mt"}]}},
    }
    path = tmp_path / "report.html"
    path.write_text(write_report_html(report), encoding="utf-8")
    assert axe_violations(page, path) == []


def test_review_report_reflows_at_320_css_pixels_with_long_words_and_wide_tables(page, tmp_path: Path):
    """A long file name in the title and long URLs in sentences must not widen the report page; its wide
    tables scroll in their own focusable region (WCAG 1.4.10, 2.1.1)."""
    url = "https://www.kreis-heinsberg.de/aktuelles/pressemitteilungen/2024/integrationskonferenz?utm_source=x"
    report = {
        "document": {"title": "Integrationskonferenzteilnehmendenbefragungsergebnisse",
                     "source": "issue-3850-1bit-indexed-flate-integrationskonferenz.pdf", "language": "de",
                     "figures": [{"id": "b3", "alt": "Balkendiagramm", "alt_status": "source",
                                  "caption": "Teilnehmende nach Jahr"}]},
        "variants": {"leicht": {"sentences": [{"id": "b2.s1", "text": f"Alle Infos: {url}",
                                               "findings": [{"rule": "LS-LANG", "message": "Satz zu lang",
                                                             "words": [url]}]}]}},
    }
    path = tmp_path / "report.html"
    path.write_text(write_report_html(report), encoding="utf-8")
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(path.resolve().as_uri())
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], widths
    assert axe_violations(page, path) == []


def test_leichte_sprache_renders_large_left_aligned_one_sentence_per_line(rendered, page):
    page.goto(rendered["leicht"].html_path.resolve().as_uri())
    style = page.evaluate(
        """() => { const s = getComputedStyle(document.querySelector('main p'));
                   return {size: parseFloat(s.fontSize), line: parseFloat(s.lineHeight), align: s.textAlign,
                           hyphens: s.hyphens}; }"""
    )
    assert style["size"] >= 14 * 96 / 72, "at least 14 pt"
    assert style["line"] >= 1.5 * style["size"]
    assert style["align"] in ("start", "left")
    assert style["hyphens"] in ("manual", "none")
    # every sentence of a paragraph starts on a new line: their boxes never share a line
    tops = page.evaluate(
        """() => [...document.querySelectorAll('main p')].filter(p => p.querySelectorAll('.s').length > 1)
                 .map(p => [...p.querySelectorAll(':scope > .s')].map(s => s.getBoundingClientRect()))
                 .map(rects => rects.map(r => [r.left, r.top, r.bottom]))"""
    )
    assert tops, "the Leichte Sprache sample has paragraphs with several sentences"
    for rects in tops:
        for (_l1, _t1, bottom1), (_left2, top2, _b2) in zip(rects, rects[1:], strict=False):
            assert top2 >= bottom1 - 0.5
    explained = page.evaluate(
        "() => getComputedStyle(document.querySelector('a.explained')).fontWeight"
    )
    assert int(explained) >= 700, "explained words are marked"


def test_other_variants_are_not_forced_to_one_sentence_per_line(rendered, page):
    page.goto(rendered["einfach"].html_path.resolve().as_uri())
    display = page.evaluate("() => getComputedStyle(document.querySelector('.s')).display")
    assert display == "inline"


@pytest.mark.parametrize("name", ["ar", "fa"])
def test_rtl_pages_render_right_to_left(rendered, page, name):
    page.goto(rendered[name].html_path.resolve().as_uri())
    facts = page.evaluate(
        """() => { const p = document.querySelector('main p:not([lang])');
                   const cs = getComputedStyle(p);
                   return {dir: cs.direction, font: cs.fontFamily}; }"""
    )
    assert facts["dir"] == "rtl"
    assert "Arabic" in facts["font"]


def test_skip_link_becomes_visible_on_focus_and_moves_to_main(variant, page):
    page.goto(variant.html_path.resolve().as_uri())
    hidden = page.evaluate("() => document.querySelector('.skip-link').getBoundingClientRect().bottom")
    assert hidden < 0, "off screen until focused"
    page.keyboard.press("Tab")
    box = page.evaluate("""() => { const r = document.activeElement.getBoundingClientRect();
                                   return [r.left, r.top, r.right, innerWidth]; }""")
    assert document_box_on_screen(box), box
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == "#inhalt"


def document_box_on_screen(box: list[float]) -> bool:
    left, top, right, width = box
    return left >= 0 and top >= 0 and right <= width


def test_pages_reflow_at_320_css_pixels_without_horizontal_scrolling(variant, page):
    """WCAG 1.4.10 Reflow: at 320 px width nothing needs horizontal scrolling (also catches off-screen
    elements that widen the page, which blank the first screen of right-to-left pages)."""
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(variant.html_path.resolve().as_uri())
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], widths
    h1 = page.evaluate("() => document.querySelector('h1').getBoundingClientRect().right")
    assert 0 < h1 <= 320


def test_every_text_of_the_leichte_sprache_page_is_at_least_14_pt(rendered, page):
    page.goto(rendered["leicht"].html_path.resolve().as_uri())
    small = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
                 .filter(el => [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
                 .filter(el => el.getClientRects().length && !el.classList.contains('skip-link'))
                 .map(el => [el.tagName, el.textContent.trim().slice(0, 30), parseFloat(getComputedStyle(el).fontSize)])
                 .filter(([, , size]) => size < 14 * 96 / 72)"""
    )
    assert small == []
