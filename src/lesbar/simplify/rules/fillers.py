"""Rule 5b ``fillers``: filler and hedge words are left out ("Das ist ja nämlich durchaus wichtig" →
"Das ist wichtig"); the words are in ``data/filler_words.txt``.

Plain-language guides for both levels ask for texts without Füllwörter: modal particles and sentence
adverbs add tone, not facts, and make sentences longer. A word is removed only where that leaves the
sentence as it was otherwise: tagged as an adverb, not in the first position of a clause (German puts the
finite verb second, so "Natürlich kommen alle" must keep its first word), and never in the speaker's own
words inside quotation marks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lesbar.simplify.analysis import Tok
from lesbar.simplify.clauses import quoted
from lesbar.simplify.resources import filler_words
from lesbar.simplify.units import Unit

if TYPE_CHECKING:
    from lesbar.simplify.context import Context
    from lesbar.simplify.rules import Finding

ID = "fillers"
PRIORITY = 105
LEVELS = ("leicht", "einfach")
HEADINGS = False

#: Tokens after which a new clause (and so a first position) begins.
_CLAUSE_START = {",", ":", ";", "(", "–", "-", "„", "»", "«", '"'}


def _removable(toks: list[Tok]) -> list[int]:
    words = filler_words()
    inside = quoted([t.text for t in toks])
    out = []
    for i, t in enumerate(toks):
        if t.text.lower() not in words or not t.tag.startswith("ADV") or i in inside:
            continue
        prev = toks[i - 1] if i else None
        if prev is None or prev.text in _CLAUSE_START or prev.tag in ("KON", "KOUS"):
            continue  # first position of a (main) clause: the verb would come first
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is None or nxt.text in (",", ".", "!", "?", ":", ";"):
            continue  # "Ja." / "…, doch." : a word on its own is an answer, not a filler
        out.append(i)
    return out


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    if unit.kind != "sentence":
        return None
    toks = unit.toks()
    drop = set(_removable(toks))
    if not drop:
        return None
    ctx.counts[ID] += len(drop)
    return [unit.derive([t.text for i, t in enumerate(toks) if i not in drop], ID)]


def check(toks: list[Tok], ctx: Context) -> list[Finding]:
    from lesbar.simplify.rules import Finding

    found = sorted({toks[i].text for i in _removable(toks)})
    return [Finding(ID, "Füllwort: kann weg", found)] if found else []
