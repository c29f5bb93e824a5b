"""Measuring a reading against the text a test PDF was generated from."""

from __future__ import annotations

from lesbar.language.sentences import split_sentences
from lesbar.model import Document, Figure, Heading, Paragraph, PullQuote, block_text, sentences_text


def _norm(text: str) -> str:
    return " ".join(text.split())


def source_sentences(paragraphs: list[str]) -> list[str]:
    return [_norm(s) for p in paragraphs for s in split_sentences(p)]


def body_sentences(doc: Document) -> list[str]:
    """Sentences of the body paragraphs, in reading order."""
    out: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            out.extend(_norm(s) for s in split_sentences(block_text(block)))
    return out


def intact_in_order(source: list[str], got: list[str]) -> float:
    """Share of source sentences found verbatim and in order (longest common subsequence)."""
    if not source:
        return 1.0
    prev = [0] * (len(got) + 1)
    for s in source:
        cur = [0] * (len(got) + 1)
        for j, g in enumerate(got, start=1):
            cur[j] = prev[j - 1] + 1 if s == g else max(prev[j], cur[j - 1])
        prev = cur
    return prev[-1] / len(source)


def paragraphs_text(doc: Document) -> list[str]:
    return [block_text(b) for b in doc.blocks if isinstance(b, Paragraph)]


def captions(doc: Document) -> list[str]:
    return [sentences_text(b.caption) for b in doc.blocks if isinstance(b, Figure)]


def quotes(doc: Document) -> list[tuple[str, str]]:
    return [(sentences_text(b.content), sentences_text(b.attribution)) for b in doc.blocks if isinstance(b, PullQuote)]


def headings(doc: Document) -> list[tuple[int, str]]:
    return [(b.level, block_text(b)) for b in doc.blocks if isinstance(b, Heading)]
