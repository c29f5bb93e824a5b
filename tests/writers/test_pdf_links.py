"""Links stay PDF/UA-conformant whatever marks the model puts inside them.

WeasyPrint tags a link's annotation inside a Link structure element only when the ``<a>`` holds plain text;
an element nested in it (a glossary term inside an explained word, emphasis, a language span) gives an
annotation outside any Link element. The HTML writer therefore flattens marks inside links.
"""

from __future__ import annotations

import pytest
from a11y_checks import pdf_ua_failures

from lesbar.model import (
    Document,
    Emph,
    Explained,
    Heading,
    Inline,
    LangSpan,
    Link,
    Meta,
    Paragraph,
    Sentence,
    Strong,
    TermRef,
    Text,
)
from lesbar.transforms.segment import number_sentences
from lesbar.writers.html import write_html
from lesbar.writers.pdf import write_pdf


def document(inlines: list[Inline], variant: str = "einfach") -> Document:
    doc = Document(meta=Meta(title="Links", lang="de", variant=variant),  # type: ignore[arg-type]
                   blocks=[Heading(1, [Sentence([Text("Links")])]), Paragraph([Sentence(inlines)])])
    number_sentences(doc)
    return doc


CASES = {
    "term inside an explained word": [Text("Das "), Explained([TermRef([Text("KI")], term_id="ki")], "Ein Amt."),
                                      Text(" hilft.")],
    "emphasis inside a link": [Link([Emph([Text("Welcome Center")])], url="https://example.org"), Text(" hilft.")],
    "part of a link bold": [Link([Strong([Text("Welcome")]), Text(" Center")], url="https://example.org")],
    "a link in another language": [Link([LangSpan([Text("Welcome Center")], lang="en")], url="https://example.org")],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_marks_inside_links_keep_the_pdf_ua_link_tagging(name: str):
    assert pdf_ua_failures(write_pdf(document(CASES[name]))) == []


def test_a_link_wholly_in_another_language_carries_its_lang_and_the_term_id_survives():
    html = write_html(document(CASES["a link in another language"]))
    assert '<a href="https://example.org" lang="en">Welcome Center</a>' in html
    html = write_html(document(CASES["term inside an explained word"]))
    assert 'data-term="ki">KI</a>' in html
