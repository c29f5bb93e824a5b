"""Small helpers shared by the simplification tests."""

from __future__ import annotations

from lesbar.model import Sentence
from lesbar.simplify import simplify_document
from lesbar.simplify.engine import SimplifyOutcome

from .conftest import doc_of


def draft(text: str, level: str = "leicht", glossary=None, **kwargs) -> SimplifyOutcome:  # type: ignore[no-untyped-def]
    return simplify_document(doc_of(text), level, glossary, **kwargs)


def texts(text: str, level: str = "leicht", glossary=None, **kwargs) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.text for s in draft(text, level, glossary, **kwargs).document.sentences()]


def body_sentences(outcome: SimplifyOutcome) -> list[Sentence]:
    """Sentences outside headings and lists (those must be full sentences)."""
    from lesbar.simplify.checker import fragment_sentences

    fragments = fragment_sentences(outcome.document)
    return [s for s in outcome.document.sentences() if id(s) not in fragments]


def statements(outcome: SimplifyOutcome) -> list[tuple[str, str]]:
    """(speaker, sentence) for every framed statement: "X sagt: …" on one line, or each sentence of the
    paragraph that a line "X sagt:" opens (one speaker's statement over several sentences)."""
    from lesbar.model import Paragraph

    out: list[tuple[str, str]] = []
    for block in outcome.document.walk():
        if not isinstance(block, Paragraph):
            continue
        speaker = ""
        for s in block.content:
            text = s.text.strip()
            if " sagt: " in text:
                who, said = text.split(" sagt: ", 1)
                out.append((who, said))
            elif " sagt" in text and text.endswith(":") and not speaker:
                speaker = text.split(" sagt", 1)[0]
            elif speaker:
                out.append((speaker, text))
    return out
