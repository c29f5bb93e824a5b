"""Rule 8a ``negation``: negations are replaced by a positive form where one exists
("nicht groß" → "klein", "nicht unwichtig" → "wichtig"); the pairs are in ``data/antonyms.tsv``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lesbar.simplify.analysis import Tok
from lesbar.simplify.resources import antonyms
from lesbar.simplify.units import Unit

if TYPE_CHECKING:
    from lesbar.simplify.context import Context
    from lesbar.simplify.rules import Finding

ID = "negation"
PRIORITY = 90
LEVELS = ("leicht", "einfach")
HEADINGS = False


#: words around "nicht <adjective>" that make the antonym say something else
_DEGREE_AFTER = {"genug", "mehr", "so", "ganz"}
#: what may follow "nicht <adjective>" when the adjective is the predicate: the clause ends
_PREDICATE_END = {".", ",", "!", "?", ";", ":", "und", "oder", "aber", "“", "\"", ")", "sein", "gewesen",
                  "ist", "sind", "war", "waren", "werden", "wird", "worden", "geworden", "bleiben", "bleibt"}
_DEGREE_BEFORE = {"gar", "überhaupt", "noch", "zu", "so", "ganz", "auch", "immer"}


def _find(words: list[str]) -> list[tuple[int, int, list[str]]]:
    low = [w.lower() for w in words]
    table = antonyms()
    out = []
    i = 0
    while i < len(low):
        for key, repl in table.items():
            if tuple(low[i : i + len(key)]) == key:
                after = low[i + len(key)] if i + len(key) < len(low) else ""
                before = low[i - 1] if i > 0 else ""
                if after in _DEGREE_AFTER or before in _DEGREE_BEFORE:
                    break  # "nicht groß genug" ≠ "klein genug", "gar nicht gut" ≠ "gar schlecht"
                if len(key) == 2 and after and after not in _PREDICATE_END:
                    break  # "nicht einfach zurücknehmen", "nicht weit vom Bahnhof": no predicate adjective
                out.append((i, i + len(key), repl))
                i += len(key) - 1
                break
        i += 1
    return out


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    if unit.kind != "sentence" or any(w in ("„", "»") for w in unit.tokens):
        return None  # a quotation stays in the speaker's words
    words = list(unit.tokens)
    hits = _find(words)
    if not hits:
        return None
    for a, b, repl in reversed(hits):
        words[a:b] = repl
    ctx.counts[ID] += len(hits)
    return [unit.derive(words, ID)]


def check(toks: list[Tok], ctx: Context) -> list[Finding]:
    from lesbar.simplify.rules import Finding

    words = [t.text for t in toks]
    hits = _find(words)
    double = [t.text for i, t in enumerate(toks) if t.tag == "PTKNEG" and i + 1 < len(toks)
              and toks[i + 1].text.lower().startswith("un") and toks[i + 1].tag.startswith("ADJ")]
    found = [" ".join(words[a:b]) for a, b, _ in hits] + double
    if not found:
        return []
    return [Finding(ID, "Verneinung: wenn möglich positiv schreiben", sorted(set(found)))]
