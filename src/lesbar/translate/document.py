"""Documents in, translated documents out: which texts of a document are translated, and how the
translated document is put together.

Every sentence (paragraphs, headings, list items, table cells, captions, quotes and attributions), the
title and subtitle, and figure alt texts are translated; blocks marked as being in another language than
the document (an English quote in a German report) are left as they are. A translated sentence keeps the
id of its source (``b3.s2``), so the report and the memory can point from one to the other; restored
glossary terms become :class:`~lesbar.model.TermRef` inlines.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from lesbar.model import Comment, Document, Figure, Sentence, TermRef, Text, block_sentences
from lesbar.translate.memory import normalize_segment
from lesbar.translate.routes import Route
from lesbar.translate.segments import SegmentResult

FLAG_MESSAGES = {
    "glossary-lost": "Glossarbegriff fehlt in der Übersetzung: {}",
    "number-missing": "Zahl fehlt in der Übersetzung: {}",
    "truncated": "Übersetzung möglicherweise abgeschnitten",
    "split-long-input": "Langer Satz wurde in Teilen übersetzt ({} Teile)",
}


def _base(lang: str | None) -> str:
    return (lang or "").split("-")[0].lower()


def translatable_sentences(doc: Document) -> Iterator[Sentence]:
    """The sentences of ``doc`` that are in the document's language."""
    doc_lang = _base(doc.meta.lang)
    for block in doc.walk():
        if block.lang and _base(block.lang) != doc_lang:
            continue
        yield from block_sentences(block)


def source_texts(doc: Document) -> list[str]:
    """Everything of ``doc`` that goes to the model, in reading order."""
    texts = [doc.meta.title, doc.meta.subtitle]
    texts += [s.text for s in translatable_sentences(doc)]
    doc_lang = _base(doc.meta.lang)
    for block in doc.walk():
        if isinstance(block, Figure) and block.alt and not (block.lang and _base(block.lang) != doc_lang):
            texts.append(block.alt)
    return [t for t in texts if t and t.strip()]


def _inlines(result: SegmentResult) -> list[Any]:
    out: list[Any] = []
    pos = 0
    for start, end, term in sorted(result.spans, key=lambda s: s[0]):
        if start < pos:
            continue
        if start > pos:
            out.append(Text(result.target[pos:start]))
        out.append(TermRef([Text(result.target[start:end])], term_id=term.entry_id))
        pos = end
    if pos < len(result.target):
        out.append(Text(result.target[pos:]))
    return out


def _comment(flag: str) -> Comment:
    kind, _, detail = flag.partition(":")
    template = FLAG_MESSAGES.get(kind, "Hinweis zur Übersetzung: {}")
    return Comment(template.format(detail or flag), rule=f"translate:{kind}")


def build_translation(doc: Document, results: dict[str, SegmentResult], lang: str, route: Route,
                      from_variant: str) -> tuple[Document, list[dict[str, Any]]]:
    """The translated document and the report's sentence rows."""
    out = copy.deepcopy(doc)
    rows: list[dict[str, Any]] = []
    doc_lang = _base(doc.meta.lang)

    def result_for(text: str) -> SegmentResult | None:
        return results.get(normalize_segment(text))

    for sentence in translatable_sentences(out):
        result = result_for(sentence.text)
        if result is None:
            continue  # empty sentence
        rows.append({"id": sentence.id, "source": sentence.text.strip(), "target": result.target,
                     "origin": result.origin, "flags": list(result.flags)})
        sentence.source = [sentence.id] if sentence.id else []
        sentence.inlines = _inlines(result)
        sentence.origin = result.origin
        sentence.comments = [_comment(f) for f in result.flags]
    for block in out.walk():
        if block.lang and _base(block.lang) == doc_lang:
            block.lang = None
        if isinstance(block, Figure) and block.alt and not block.lang:
            alt = result_for(block.alt)
            if alt is not None:
                block.alt = alt.target
                if block.alt_status == "source":
                    block.alt_status = "draft"
    meta = out.meta
    for attr in ("title", "subtitle"):
        value = getattr(meta, attr)
        if value and value.strip():
            found = result_for(value)
            if found is not None:
                setattr(meta, attr, found.target)
    meta.lang = lang
    meta.variant = "translation"
    prov = meta.provenance
    prov.automatic = True
    prov.reviewed = bool(rows) and all(r["origin"] == "human" for r in rows)
    prov.method = f"argos-translate {route.description} (lesbar)"
    prov.source_lang = doc.meta.lang
    prov.pivot = list(route.pivot)
    prov.notes = [n for n in prov.notes if n]
    if from_variant != "original":
        prov.notes.append(f"translated from the {from_variant} variant")
    return out, rows
