"""Rule 9b ``colon_split``: "X hat erklärt: <statement>" on two lines (Leichte Sprache over 10 words,
Einfache Sprache over its limit).

Leichte Sprache puts the announcement of a statement on a line of its own ("Die Lehrerin sagt:"), then
the statement as a sentence of its own, so that neither line is long. The speech rule does this for the
speakers it resolves; this rule does it for every other long sentence with a colon between two clauses
("Der Rat hat beschlossen: Die Halle wird saniert.", "Das Ziel ist: Man kann …"). Colons inside
quotations, clock times and lists are left alone; both sides must have a finite verb, so that neither
becomes a fragment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lesbar.simplify.clauses import finite_indices, quoted
from lesbar.simplify.units import Unit, end_sentence

if TYPE_CHECKING:
    from lesbar.simplify.context import Context

ID = "colon_split"
PRIORITY = 122  # before "adverbials": each line of a colon sentence is a sentence of its own
LEVELS = ("leicht", "einfach")
HEADINGS = False

#: above this many words the two parts go on two lines (the Leichte Sprache target: 90 % ≤ 10 words)
SPLIT_ABOVE = 10


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    if unit.kind != "sentence" or (unit.speaker and ctx.level != "leicht"):
        return None  # (Einfache Sprache: "X sagt: A: B" stays one sentence; Leichte Sprache has "X sagt:" above)
    toks = unit.toks()
    limit = SPLIT_ABOVE if ctx.level == "leicht" else ctx.options.max_words  # Einfache Sprache: over 20 words
    if sum(1 for t in toks if t.is_word) <= limit:
        return None
    inside = quoted(unit.tokens)
    colons = [k for k, t in enumerate(toks) if t.text == ":" and k not in inside]
    if len(colons) != 1:
        return None
    c = colons[0]
    left, right = toks[:c], toks[c + 1 :]
    if not finite_indices(left) or not finite_indices(right):
        return None  # "Wichtige Faktoren sind: A, B und C" (a list) or a quoted fragment ("„Einfach anfangen.“")
    if len([t for t in left if t.is_word]) < 2 or len([t for t in right if t.is_word]) < 3:
        return None
    ctx.counts[ID] += 1
    # (a speaker's statement stays a sentence of that speaker's paragraph: "X sagt:" stands above both lines)
    intro = [t.text for t in left] + [":"]
    if unit.speaker:
        intro[0] = intro[0][:1].upper() + intro[0][1:]
    return [unit.derive(intro, ID, kind="sentence" if unit.speaker else "intro"),
            unit.derive(end_sentence([t.text for t in right]), ID)]
