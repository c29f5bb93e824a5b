"""``sentence_length``: Leichte Sprache sentences have at most 15 words (90 % at most 10), Einfache
Sprache sentences at most 20. Checked only; the splitting rules are what shortens sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lesbar.simplify.analysis import Tok
from lesbar.simplify.units import Unit

if TYPE_CHECKING:
    from lesbar.simplify.context import Context
    from lesbar.simplify.rules import Finding

ID = "sentence_length"
PRIORITY = 910
LEVELS = ("leicht", "einfach")
HEADINGS = False


def word_count(toks: list[Tok]) -> int:
    return sum(1 for t in toks if t.is_word)


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    return None


def check(toks: list[Tok], ctx: Context) -> list[Finding]:
    from lesbar.simplify.rules import Finding

    n = word_count(toks)
    limit = ctx.options.max_words
    if n <= limit:
        return []
    return [Finding(ID, f"Satz zu lang: {n} Wörter (höchstens {limit})", [])]
