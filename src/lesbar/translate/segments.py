"""Translating a list of segments: memory first, then the models in one batch, glossary verified.

This is the core that :mod:`lesbar.translate.document` (documents) and the benchmark use. For one target
language it

1. looks every distinct segment up in the translation memory (a person's translation always wins);
2. protects the glossary terms of the rest (placeholders), translates them all in one batched call per
   model of the route, restores the target terms and verifies each sentence;
3. retries the sentences that lost a term with the other strategy (term injected), again in one batch;
4. flags what still fails, checks that numbers survived, and stores the MT results in the memory.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from lesbar.translate.engine import EngineOptions, translate_route
from lesbar.translate.memory import Segment, TranslationMemory, normalize_segment
from lesbar.translate.protect import STRATEGIES, GlossaryLike, Protected, Restored, Term, find_terms, protect, restore
from lesbar.translate.routes import Route

log = logging.getLogger(__name__)

_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")


@dataclass
class SegmentResult:
    source: str
    target: str
    origin: str  # "mt" | "memory" | "human"
    flags: list[str] = field(default_factory=list)
    #: restored glossary terms: (start, end, term) in ``target``
    spans: list[tuple[int, int, Term]] = field(default_factory=list)
    lost: list[Term] = field(default_factory=list)
    strategy: str = "none"


def _numbers(text: str) -> set[str]:
    return {re.sub(r"[.,:]", "", n) for n in _NUMBER.findall(text)}


#: A run of words repeated this often in a row, more often than in the source, is a decoding loop.
LOOP_REPEATS = 4


def loop_flags(source: str, target: str) -> list[str]:
    """Neural models sometimes fall into a loop ("guests 993 guests 993 …") until the length limit; such an
    output is useless, so it is flagged for the reviewer. Repetitions the source has itself don't count."""

    def longest_run(text: str) -> int:
        words = text.split()
        best = 1
        for n in range(1, 6):
            for start in range(len(words) - n):
                count = 1
                while words[start + count * n : start + (count + 1) * n] == words[start : start + n]:
                    count += 1
                best = max(best, count)
        return best

    run = longest_run(target)
    return ["repetition-loop"] if run >= LOOP_REPEATS and run > longest_run(source) else []


def number_flags(source: str, target: str, terms: list[Term]) -> list[str]:
    """Numbers (dates, times, amounts) of the source that the translation lost."""
    protected = "".join(t.surface for t in terms)
    missing = sorted(n for n in _numbers(source) - _numbers(target) if n not in _numbers(protected))
    return [f"number-missing:{n}" for n in missing]


def _locate_terms(text: str, terms: list[Term]) -> Restored:
    """Find the glossary target terms in a stored translation (memory hits)."""
    return restore(text, Protected(text, text, "none", terms))


def translate_segments(
    sources: list[str],
    *,
    source_lang: str,
    target_lang: str,
    route: Route,
    glossary: GlossaryLike | None,
    memory: TranslationMemory | None,
    options: EngineOptions,
) -> dict[str, SegmentResult]:
    """Translations of ``sources`` keyed by their normalized text."""
    keys = list(dict.fromkeys(normalize_segment(s) for s in sources if s.strip()))
    version = str(getattr(glossary, "version", "") or "")
    results: dict[str, SegmentResult] = {}
    terms_of = {k: find_terms(glossary, k, target_lang) for k in keys}
    hits = memory.lookup(keys, source_lang, target_lang, route.signature, version) if memory else {}
    for key, seg in hits.items():
        located = _locate_terms(seg.target, terms_of[key])
        origin = "human" if seg.origin == "human" else "memory"
        flags = [] if origin == "human" else list(seg.flags)
        results[key] = SegmentResult(key, seg.target, origin, flags, located.spans,
                                     [] if origin == "human" else located.lost)
    todo = [k for k in keys if k not in results]
    if todo:
        fresh = _machine_translate(todo, terms_of, route, options)
        results.update(fresh)
        if memory is not None:
            memory.store_mt(Segment(k, source_lang, target_lang, r.target, "mt", route.signature, version, r.flags)
                            for k, r in fresh.items())
    log.info("%s→%s: %d segments, %d from memory, %d translated", source_lang, target_lang, len(keys),
             len(hits), len(todo))
    return results


def _machine_translate(keys: list[str], terms_of: dict[str, list[Term]], route: Route,
                       options: EngineOptions) -> dict[str, SegmentResult]:
    first, second = STRATEGIES
    prepared = {k: protect(k, terms_of[k], first) for k in keys}
    outputs = translate_route(route, [prepared[k].text for k in keys], options)
    results: dict[str, SegmentResult] = {}
    retry: list[str] = []
    for key, out in zip(keys, outputs, strict=False):
        restored = restore(out.text, prepared[key])
        results[key] = SegmentResult(key, restored.text, "mt", list(out.flags) + stray_flags(restored),
                                     restored.spans, restored.lost, prepared[key].strategy)
        if restored.lost:
            retry.append(key)
    if retry:
        # the other strategy for the sentences that lost a term, again in one batch
        again = {}
        for k in retry:
            other = second if prepared[k].strategy == first else first
            again[k] = protect(k, terms_of[k], other)
        outputs = translate_route(route, [again[k].text for k in retry], options)
        for key, out in zip(retry, outputs, strict=False):
            restored = restore(out.text, again[key])
            if len(restored.lost) < len(results[key].lost):
                results[key] = SegmentResult(key, restored.text, "mt", list(out.flags) + stray_flags(restored),
                                             restored.spans, restored.lost, again[key].strategy)
    for key, result in results.items():
        result.flags += [f"glossary-lost:{t.surface}→{t.target}" for t in result.lost]
        result.flags += number_flags(key, result.target, terms_of[key])
        result.flags += loop_flags(key, result.target)
    return results


def stray_flags(restored: Restored) -> list[str]:
    """A flag for the report when stray placeholder tokens had to be removed from the model output."""
    return [f"placeholder-removed:{restored.stray}"] if restored.stray else []


def glossary_summary(results: list[SegmentResult]) -> dict[str, Any]:
    """The report's per-language glossary section: enforced terms, drafts among them, failures."""
    terms: dict[tuple[str, str], dict[str, Any]] = {}
    enforced = drafts = failures = 0
    for result in results:
        for _a, _b, term in result.spans:
            enforced += 1
            drafts += term.status == "draft"
            entry = terms.setdefault((term.entry_id, term.target), {
                "entry": term.entry_id, "source": term.surface, "target": term.target, "status": term.status,
                "enforced": 0, "failures": 0})
            entry["enforced"] += 1
        for term in result.lost:
            failures += 1
            entry = terms.setdefault((term.entry_id, term.target), {
                "entry": term.entry_id, "source": term.surface, "target": term.target, "status": term.status,
                "enforced": 0, "failures": 0})
            entry["failures"] += 1
    return {"enforced": enforced, "drafts": drafts, "failures": failures,
            "terms": sorted(terms.values(), key=lambda t: (t["entry"], t["target"]))}
