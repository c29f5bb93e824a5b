"""Sentence segmentation as a transform: every text-bearing block gets one :class:`Sentence` per sentence.

The segmentation is stored in the model, so that simplification, translation, the translation memory and
the report all address the same sentences by id (``b<block>.s<sentence>``). Inline marks that span a
sentence boundary are split into one mark per sentence.
"""

from __future__ import annotations

import copy

from lesbar.language.sentences import sentence_spans
from lesbar.model.nodes import (
    CONTAINER_INLINES,
    BlockQuote,
    Document,
    Figure,
    Heading,
    Inline,
    LineBreak,
    Paragraph,
    PullQuote,
    Sentence,
    Table,
    Text,
    inline_text,
)


def slice_inlines(inlines: list[Inline], start: int, end: int) -> list[Inline]:
    """The part of an inline list between character offsets ``start`` and ``end`` of its plain text."""
    out: list[Inline] = []
    pos = 0
    for node in inlines:
        length = len(inline_text([node]))
        a, b = max(start, pos), min(end, pos + length)
        if a < b or (length == 0 and start <= pos < end):
            if isinstance(node, Text):
                out.append(Text(node.text[a - pos : b - pos]))
            elif isinstance(node, LineBreak):
                out.append(LineBreak())
            else:
                part = copy.copy(node)
                part.children = slice_inlines(node.children, a - pos, b - pos)  # type: ignore[union-attr]
                out.append(part)
        pos += length
    return out


def split_sentence(sentence: Sentence, lang: str) -> list[Sentence]:
    """Split one (unsegmented) sentence object into real sentences."""
    text = inline_text(sentence.inlines)
    spans = sentence_spans(text, lang)
    if len(spans) <= 1:
        if spans:
            a, b = spans[0]
            return [Sentence(slice_inlines(sentence.inlines, a, b), source=sentence.source, origin=sentence.origin)]
        return []
    return [
        Sentence(slice_inlines(sentence.inlines, a, b), source=list(sentence.source), origin=sentence.origin)
        for a, b in spans
    ]


def _segment_list(sentences: list[Sentence], lang: str) -> list[Sentence]:
    out: list[Sentence] = []
    for s in sentences:
        out.extend(split_sentence(s, lang))
    return out


def segment_document(doc: Document) -> Document:
    """Segment every paragraph, caption, quote and attribution of ``doc`` in place and number them.

    Headings are kept whole (a heading is one unit even with several "sentences"). Returns ``doc``.
    """
    for block in doc.walk():
        lang = block.lang or doc.meta.lang
        if isinstance(block, Paragraph):
            block.content = _segment_list(block.content, lang)
        elif isinstance(block, PullQuote):
            block.content = _segment_list(block.content, lang)
        elif isinstance(block, Figure):
            block.caption = _segment_list(block.caption, lang)
    number_sentences(doc)
    return doc


def number_sentences(doc: Document) -> None:
    """Give every block and sentence a stable id: ``b<n>`` for blocks, ``b<n>.s<m>`` for sentences."""
    for bi, block in enumerate(doc.walk(), start=1):
        block.id = f"b{bi}"
        groups: list[tuple[str, list[Sentence]]] = []
        if isinstance(block, (Heading, Paragraph)):
            groups = [("s", block.content)]
        elif isinstance(block, PullQuote):
            groups = [("s", block.content), ("a", block.attribution)]
        elif isinstance(block, BlockQuote):
            groups = [("a", block.attribution)]
        elif isinstance(block, (Figure, Table)):
            groups = [("c", block.caption)]
        for prefix, sentences in groups:
            for si, sentence in enumerate(sentences, start=1):
                sentence.id = f"b{bi}.{prefix}{si}"


__all__ = ["segment_document", "number_sentences", "slice_inlines", "split_sentence", "CONTAINER_INLINES"]
