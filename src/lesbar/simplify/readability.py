"""German readability formulas computed directly (no global state, safe across threads).

Syllables are counted as vowel groups (a, e, i, o, u, ä, ö, ü, y; "ie", "ei", "au", "eu", "äu" are one
group), which is what the issue's targets are defined on; pyphen undercounts at word edges.

* Flesch-Amstad (German Flesch reading ease): 180 − ASL − 58.5 × ASW (higher = easier).
* Wiener Sachtextformel (1st): 0.1935·MS + 0.1672·SL + 0.1297·IW − 0.0327·ES − 0.875 (school grade).
* LIX: ASL + percentage of words longer than 6 letters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_VOWEL_GROUP = re.compile(r"[aeiouäöüy]+", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-zÄÖÜäöüßÀ-ÿ0-9]+(?:[-'][A-Za-zÄÖÜäöüßÀ-ÿ0-9]+)*")


def syllables(word: str) -> int:
    """Vowel groups in ``word`` (at least 1)."""
    return max(1, len(_VOWEL_GROUP.findall(word)))


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


@dataclass(frozen=True)
class Scores:
    sentences: int
    words: int
    flesch_amstad: float
    wiener_sachtextformel: float
    lix: float
    avg_sentence_length: float
    avg_syllables_per_word: float


def scores(sentences: list[str]) -> Scores:
    """Scores of a text given as its sentences (empty sentences are ignored)."""
    sent_words = [words_of(s) for s in sentences]
    sent_words = [w for w in sent_words if w]
    n_sent = len(sent_words)
    words = [w for ws in sent_words for w in ws]
    n = len(words)
    if n == 0:
        return Scores(0, 0, 0.0, 0.0, 0.0, 0.0, 0.0)
    syl = [syllables(w) for w in words]
    asl = n / n_sent
    asw = sum(syl) / n
    ms = 100 * sum(1 for s in syl if s >= 3) / n
    iw = 100 * sum(1 for w in words if len(w) > 6) / n
    es = 100 * sum(1 for s in syl if s == 1) / n
    return Scores(
        sentences=n_sent,
        words=n,
        flesch_amstad=round(180 - asl - 58.5 * asw, 1),
        wiener_sachtextformel=round(0.1935 * ms + 0.1672 * asl + 0.1297 * iw - 0.0327 * es - 0.875, 1),
        lix=round(asl + iw, 1),
        avg_sentence_length=round(asl, 1),
        avg_syllables_per_word=round(asw, 2),
    )


METRICS = ("flesch_amstad", "wiener_sachtextformel", "lix", "avg_sentence_length")


def compare(before: list[str], after: list[str]) -> dict[str, dict[str, float]]:
    """``{"flesch_amstad": {"before": x, "after": y}, …}`` for the report."""
    b, a = scores(before), scores(after)
    return {m: {"before": getattr(b, m), "after": getattr(a, m)} for m in METRICS}
