"""Rule 1c ``apposition``: an apposition after a name becomes a sentence of its own.

"Die Thematik beleuchtete Katrin Möltgen-Sicking, Professorin für Soziologie an der Fachhochschule."
→ "Die Thematik beleuchtete Katrin Möltgen-Sicking." + "Katrin Möltgen-Sicking ist Professorin für
Soziologie an der Fachhochschule." Only appositions that run to the end of the sentence and have no
verb are moved, so the rest of the sentence stays intact.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lesbar.simplify.clauses import QUOTES_OPEN, finite_indices, is_direct_quote, strip_end, top_level_commas
from lesbar.simplify.units import Unit, end_sentence

if TYPE_CHECKING:
    from lesbar.simplify.context import Context

ID = "apposition"
PRIORITY = 35
LEVELS = ("leicht", "einfach")
HEADINGS = False


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    if unit.kind != "sentence":
        return None
    toks = unit.toks()
    if is_direct_quote(toks):
        return None
    for c in top_level_commas(toks):
        if c < 2 or toks[c - 1].tag != "NE" or c + 2 >= len(toks):
            continue
        start = c - 1
        while start > 0 and toks[start - 1].tag == "NE":
            start -= 1
        name = [t.text for t in toks[start:c]]
        if len(name) < 2:
            continue  # a single name word may be a place ("in Oberbruch, …")
        rest = strip_end(toks[c + 1 :])
        if not rest or finite_indices(rest) or rest[0].tag not in ("ART", "NN", "PPOSAT"):
            continue
        if any(t.text in QUOTES_OPEN or t.tag in ("KOUS", "PRELS") or t.tag.startswith("V") for t in rest):
            continue  # a verb part ("…, der Sparkasse und dem Verein unterstützt") ends an enumeration
        if any(t.text[:1].isdigit() or "@" in t.text for t in rest) and rest[0].tag == "NN":
            continue  # "Anna Berg, Telefon 02161 25-4410", "…, Zimmer 204": contact details, no description
        main = [t.text for t in toks[:c]]
        if not finite_indices(toks[:c]):
            continue
        app = [t.text for t in rest]
        if rest[0].tag in ("ART", "PPOSAT"):
            app[0] = app[0].lower()
        ctx.counts[ID] += 1
        return [unit.derive(end_sentence(main), ID), unit.derive(end_sentence(name + ["ist"] + app), ID)]
    return None
