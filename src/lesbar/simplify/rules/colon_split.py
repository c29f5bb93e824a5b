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
    inside = quoted(unit.tokens)
    colons = [k for k, t in enumerate(toks) if t.text == ":" and k not in inside]
    if not colons or len(colons) > 2 or (len(colons) == 1 and sum(1 for t in toks if t.is_word) <= limit):
        return None  # (two colons in one sentence are hard to follow at any length)
    # "Wir weisen darauf hin: Eltern sind dafür verantwortlich: Ihr Kind …": each announcement on its own line
    parts = [toks[a + 1 if a >= 0 else 0 : b] for a, b in zip([-1] + colons, colons + [len(toks)], strict=True)]
    if not all(finite_indices(p) for p in parts):
        return None  # "Wichtige Faktoren sind: A, B und C" (a list) or a quoted fragment ("„Einfach anfangen.“")
    if any(len([t for t in p if t.is_word]) < 2 for p in parts[:-1]) or len([t for t in parts[-1] if t.is_word]) < 3:
        return None
    ctx.counts[ID] += 1
    out = []
    for p in parts[:-1]:
        # (a speaker's statement stays a sentence of that speaker's paragraph: "X sagt:" stands above both lines)
        intro = [t.text for t in p] + [":"]
        if unit.speaker or out:
            intro[0] = intro[0][:1].upper() + intro[0][1:]
        out.append(unit.derive(intro, ID, kind="sentence" if unit.speaker else "intro"))
    return out + [unit.derive(end_sentence([t.text for t in parts[-1]]), ID)]
