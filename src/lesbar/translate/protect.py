"""Glossary terms in machine translation: protect them, restore the approved target term, verify.

Two strategies, because neither works for every model and sentence:

* ``placeholder``: each matched term becomes a numbered token ``[0]``, ``[1]`` … that the model copies,
  and the glossary's target term replaces it afterwards. Bracketed numbers were chosen because every
  SentencePiece vocabulary of a real text corpus holds ``[``, ``]`` and digits as pieces (so they never
  become ``<unk>``), they contain no ``_`` (which argostranslate's decoder turns into spaces), and
  citation markers like ``[1]`` are copied verbatim in web-crawled parallel data. Restoration tolerates
  the spaces a decoder puts around them (``[ 0 ]``). A placeholder survives pivoting (de→en→ar).
* ``inject``: the approved target term is written into the source sentence in place of the German term;
  the model usually copies a foreign word it cannot translate. Verified by finding the term in the output.

Each sentence is verified: a sentence whose output lost a term is retried with the other strategy, and if
that fails too it is flagged (the report lists it). Do-not-translate entries (names, brands) are
protected the same way, with the German surface form as their "target".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

Strategy = Literal["placeholder", "inject", "none"]
STRATEGIES: tuple[Strategy, Strategy] = ("placeholder", "inject")

_PLACEHOLDER = re.compile(r"\[\s*(\d{1,3})\s*\]")


class GlossaryLike(Protocol):
    """What translation needs from :class:`lesbar.glossary.GlossarySet`."""

    version: str

    def match(self, text: str) -> list[Any]: ...


@dataclass
class Term:
    """One glossary term found in a source sentence and what it must become in the target language."""

    start: int
    end: int
    surface: str
    target: str
    entry_id: str
    status: str  # "approved", "draft", "dnt"

    @property
    def dnt(self) -> bool:
        return self.status == "dnt"


@dataclass
class Protected:
    """A source sentence prepared for the model, with what must be restored in the output."""

    source: str
    text: str
    strategy: Strategy
    terms: list[Term] = field(default_factory=list)


@dataclass
class Restored:
    text: str
    #: character spans of the restored terms in ``text`` with their terms (for TermRef inlines)
    spans: list[tuple[int, int, Term]] = field(default_factory=list)
    lost: list[Term] = field(default_factory=list)
    #: placeholder-like tokens the model produced that stood for no term (removed from ``text``)
    stray: int = 0


def _drop_stray(output: str, protected: Protected) -> tuple[str, int]:
    """Remove ``[n]`` tokens that stand for no protected term.

    Models trained with placeholders emit them where the source had none, or repeat one; such a token must not
    reach the reader. Bracketed numbers that the source text itself contains are kept.
    """
    valid = set(range(len(protected.terms))) if protected.strategy == "placeholder" else set()
    used: set[int] = set()
    removed = 0

    def keep_or_drop(m: re.Match[str]) -> str:
        nonlocal removed
        index = int(m.group(1))
        if index in valid and index not in used:
            used.add(index)
            return m.group(0)
        if m.group(0) in protected.source:
            return m.group(0)
        removed += 1
        return ""

    text = _PLACEHOLDER.sub(keep_or_drop, output)
    if removed:
        text = re.sub(r"[ \t]{2,}", " ", text)
        text = re.sub(r"\s+([.,;:!?])", r"\1", text).strip()
    return text, removed


def _entry_id(entry: Any, surface: str) -> str:
    for attr in ("id", "key", "term", "lemma"):
        value = getattr(entry, attr, None)
        if isinstance(value, str) and value:
            return value
    return surface


def _target_of(entry: Any, lang: str) -> tuple[str, str] | None:
    """(term, status) of ``entry`` in ``lang``; the German surface for do-not-translate entries."""
    if getattr(entry, "dnt", False):
        return "", "dnt"
    targets = getattr(entry, "targets", None) or {}
    target = targets.get(lang) if isinstance(targets, dict) else None
    if target is None:
        return None
    if isinstance(target, str):
        term, status = target, "approved"
    else:
        term = str(getattr(target, "term", "") or "")
        status = str(getattr(target, "status", "") or getattr(entry, "status", "") or "approved")
    if not term.strip():
        return None
    return term.strip(), status


def find_terms(glossary: GlossaryLike | None, text: str, lang: str) -> list[Term]:
    """Glossary terms in ``text`` that have a target in ``lang`` (or must not be translated).

    Overlapping matches are resolved longest-first (the matcher should already do this)."""
    if glossary is None or not text.strip():
        return []
    terms: list[Term] = []
    for m in sorted(glossary.match(text), key=lambda m: (m.start, -(m.end - m.start))):
        if terms and m.start < terms[-1].end:
            continue
        found = _target_of(m.entry, lang)
        if found is None:
            continue
        term, status = found
        surface = text[m.start:m.end]
        terms.append(Term(m.start, m.end, surface, surface if status == "dnt" else term,
                          _entry_id(m.entry, surface), status))
    return terms


def protect(source: str, terms: list[Term], strategy: Strategy) -> Protected:
    """The text the model sees for ``source`` under ``strategy``."""
    if not terms or strategy == "none":
        return Protected(source, source, "none" if not terms else strategy, list(terms))
    if strategy == "placeholder" and _PLACEHOLDER.search(source):
        strategy = "inject"  # the text itself contains "[n]": placeholders would be ambiguous
    parts: list[str] = []
    pos = 0
    for i, term in enumerate(terms):
        parts.append(source[pos:term.start])
        parts.append(f"[{i}]" if strategy == "placeholder" else term.target)
        pos = term.end
    parts.append(source[pos:])
    return Protected(source, "".join(parts), strategy, list(terms))


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _find_term(text: str, term: str, start: int = 0) -> tuple[int, int] | None:
    """Where ``term`` occurs in ``text`` (case-insensitive, any whitespace between its words)."""
    words = [re.escape(w) for w in _norm(term).split()]
    if not words:
        return None
    pattern = re.compile(r"\s+".join(words))
    normalized = _norm(text)
    if len(normalized) != len(text):  # casefolding changed lengths (ß→ss): search without offsets
        m = re.compile(r"\s+".join(re.escape(w) for w in term.split()), re.IGNORECASE).search(text, start)
    else:
        m = pattern.search(normalized, start)
    return (m.start(), m.end()) if m else None


def restore(output: str, protected: Protected) -> Restored:
    """Put the glossary's target terms into the model output and verify that every term is there."""
    output, stray = _drop_stray(output, protected)
    restored = _restore(output, protected)
    restored.stray = stray
    return restored


def _restore(output: str, protected: Protected) -> Restored:
    if not protected.terms or protected.strategy == "none":
        spans, lost = [], []
        for term in protected.terms:  # not protected: still verify (reported, never silently wrong)
            where = _find_term(output, term.target)
            if where:
                spans.append((where[0], where[1], term))
            else:
                lost.append(term)
        return Restored(output, sorted(spans, key=lambda s: s[0]), lost)
    if protected.strategy == "placeholder":
        seen: set[int] = set()
        parts: list[str] = []
        spans = []
        pos = 0
        length = 0
        for m in _PLACEHOLDER.finditer(output):
            index = int(m.group(1))
            if index >= len(protected.terms) or index in seen:
                continue
            seen.add(index)
            before = output[pos:m.start()]
            parts.append(before)
            length += len(before)
            target = protected.terms[index].target
            spans.append((length, length + len(target), protected.terms[index]))
            parts.append(target)
            length += len(target)
            pos = m.end()
        parts.append(output[pos:])
        text = "".join(parts)
        lost = [t for i, t in enumerate(protected.terms) if i not in seen]
        return Restored(text, spans, lost)
    spans = []
    lost = []
    cursor = 0
    for term in protected.terms:
        where = _find_term(output, term.target, cursor) or _find_term(output, term.target)
        if where is None:
            lost.append(term)
            continue
        spans.append((where[0], where[1], term))
        cursor = where[1]
    return Restored(output, sorted(spans, key=lambda s: s[0]), lost)
