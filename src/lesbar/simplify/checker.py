"""The rule checker: findings per sentence for any German text (the original, a draft, an edited draft).

Every rule module with a ``check`` function contributes; findings carry the rule id (the same id the
rewriting rule has), a short German explanation and the words concerned. Headings and list items are
not required to be full sentences (rule 10) nor held to the sentence length.
"""

from __future__ import annotations

from typing import Any

from lesbar.model import (
    Document,
    Explained,
    Heading,
    ListBlock,
    Sentence,
    Table,
    block_sentences,
    block_text,
    inline_text,
)
from lesbar.model.nodes import CONTAINER_INLINES, Inline, walk_blocks
from lesbar.simplify.analysis import Tok, analyze, tokenize
from lesbar.simplify.context import Context, options_for
from lesbar.simplify.readability import scores
from lesbar.simplify.rules import Finding, rules_for

#: Title of the word list at the end of a Leichte Sprache draft (shared with the engine).
WORDLIST_TITLE = "Wörterbuch"

_NOT_FOR_FRAGMENTS = {"finite_verb", "sentence_length", "split_coordination", "subordinate_clauses"}


def check_sentence(text: str, ctx: Context, fragment: bool = False, toks: list[Tok] | None = None) -> list[Finding]:
    """Findings for one sentence. ``fragment``: a heading or list item (no full sentence needed);
    ``toks``: the analysed tokens if the caller has them already."""
    if toks is None:
        toks = analyze(tokenize(text))
    if not toks:
        return []
    out: list[Finding] = []
    for rule in rules_for(ctx.level):
        check = getattr(rule, "check", None)
        if check is None or (fragment and rule.ID in _NOT_FOR_FRAGMENTS):
            continue
        if rule.ID == "compounds" and ctx.level == "einfach" and not ctx.options.split_compounds:
            continue
        out.extend(check(toks, ctx))
    return out


def explained_words(doc: Document) -> set[str]:
    """Surfaces the document explains itself (Explained inlines, word list entries)."""
    found: set[str] = set()

    def visit(inlines: list[Inline]) -> None:
        for node in inlines:
            if isinstance(node, Explained):
                found.update(inline_text(node.children).split())
            if isinstance(node, CONTAINER_INLINES):
                visit(node.children)  # type: ignore[union-attr]

    for s in doc.sentences():
        visit(s.inlines)
    # a draft read back from Word has no Explained inlines, but still its word list: what it lists
    # (terms and the abbreviations named there) counts as explained
    in_list = False
    for block in doc.walk():
        if isinstance(block, Heading):
            in_list = block_text(block).strip() == WORDLIST_TITLE
        elif in_list and not isinstance(block, ListBlock):
            for s in block_sentences(block):
                text = s.text
                head, sep, _ = text.partition(":")
                if sep and len(head.split()) <= 6:
                    found.update(head.split())
                found.update(w.strip(".,:;") for w in text.split() if w.strip(".,:;").isupper() and len(w) > 1)
    return found


def fragment_sentences(doc: Document) -> set[int]:
    """ids (``id()``) of sentences that may be fragments: headings, list items and table cells (a cell
    holds "Name" or "15 Uhr", not sentences; readability before and after counts neither)."""
    out: set[int] = set()
    for block in doc.walk():
        if isinstance(block, Heading):
            out.update(id(s) for s in block.content)
        elif isinstance(block, ListBlock):
            for item in block.items:
                for inner in walk_blocks(item.blocks):
                    out.update(id(s) for s in getattr(inner, "content", []) or [])
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    for inner in walk_blocks(cell.blocks):
                        out.update(id(s) for s in getattr(inner, "content", []) or [])
    return out


def make_context(doc: Document, level: str, glossary: Any = None) -> Context:
    ctx = Context(options_for(level), glossary)
    words = explained_words(doc)
    ctx.explained_words = words
    ctx.explained.update({w: "" for w in words})
    return ctx


def sentence_findings(doc: Document, level: str, glossary: Any = None) -> list[tuple[Sentence, list[Finding]]]:
    ctx = make_context(doc, level, glossary)
    fragments = fragment_sentences(doc)
    return [(s, check_sentence(s.text, ctx, fragment=id(s) in fragments)) for s in doc.sentences() if s.text.strip()]


def summarize(doc: Document, results: list[tuple[Sentence, list[Finding]]], level: str) -> dict[str, Any]:
    """Counts the issue's targets are measured on."""
    fragments = fragment_sentences(doc)
    lengths = [len(analyze_words(s.text)) for s, _ in results if id(s) not in fragments]
    by_rule: dict[str, int] = {}
    for _, findings in results:
        for f in findings:
            by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
    limit = options_for(level).max_words
    return {
        "sentences": len(lengths),
        "max_words": max(lengths, default=0),
        "over_limit": sum(1 for n in lengths if n > limit),
        "share_at_most_10_words": round(sum(1 for n in lengths if n <= 10) / len(lengths), 3) if lengths else 1.0,
        "sentences_with_findings": sum(1 for _, f in results if f),
        "findings_by_rule": dict(sorted(by_rule.items())),
    }


def analyze_words(text: str) -> list[str]:
    from lesbar.simplify.readability import words_of

    return words_of(text)


def check_document(doc: Document, level: str, glossary: Any = None) -> dict[str, Any]:
    """The checker alone (no rewriting): findings per sentence, readability and a summary."""
    if level not in ("leicht", "einfach"):
        raise ValueError(f"unknown level {level!r}")
    results = sentence_findings(doc, level, glossary)
    fragments = fragment_sentences(doc)
    texts = [s.text for s, _ in results if id(s) not in fragments]
    sc = scores(texts)
    return {
        "level": level,
        "readability": {
            "flesch_amstad": {"value": sc.flesch_amstad},
            "wiener_sachtextformel": {"value": sc.wiener_sachtextformel},
            "lix": {"value": sc.lix},
            "avg_sentence_length": {"value": sc.avg_sentence_length},
        },
        "sentences": [
            {"id": s.id, "source": list(s.source), "text": s.text,
             "findings": [{"rule": f.rule, "message": f.message, "words": list(f.words)} for f in findings]}
            for s, findings in results
        ],
        "summary": summarize(doc, results, level),
    }
