"""Rule 10 ``finite_verb``: every sentence stays a full sentence with a finite verb.

This rule only checks (headings, list items and the speaker-framed quotes' own sentences aside): a
sentence without a finite verb is a fragment, and chopping sentences into fragments is not
simplification. The engine also uses it to refuse a split that would leave a fragment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lesbar.simplify.analysis import Tok
from lesbar.simplify.units import Unit

if TYPE_CHECKING:
    from lesbar.simplify.context import Context
    from lesbar.simplify.rules import Finding

ID = "finite_verb"
PRIORITY = 900
LEVELS = ("leicht", "einfach")
HEADINGS = False


def has_finite_verb(toks: list[Tok]) -> bool:
    """A finite verb, or an imperative ("Seid fruchtbar.", "Komm her!"), which is a full sentence too."""
    from lesbar.simplify.clauses import quoted

    inside = quoted([t.text for t in toks])
    outside = [t for k, t in enumerate(toks) if k not in inside and t.is_word]
    speech = any(t.text == ":" for k, t in enumerate(toks) if k not in inside) or len(inside) > 8
    if inside and outside and not speech and not any(t.is_finite or t.tag.endswith("(IMP)") for t in outside):
        # "An Begriffen wie „Vorfahrt gewähren“.": a verb inside a quoted name makes no sentence; a sentence
        # that is a quotation keeps its own verbs
        return False
    return any(t.is_finite or t.tag.endswith("(IMP)") for t in toks)


_SALUTATION_START = {"liebe", "lieber", "liebes", "sehr", "hallo", "guten", "moin", "servus"}


def is_salutation(toks: list[Tok]) -> bool:
    """"Liebe Eltern,", "Sehr geehrte Damen und Herren,": a letter's form of address is no fragment."""
    return bool(toks) and toks[0].text.lower() in _SALUTATION_START and toks[-1].text in (",", "!") and len(toks) <= 10


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    return None


def check(toks: list[Tok], ctx: Context) -> list[Finding]:
    from lesbar.simplify.rules import Finding

    words = [t for t in toks if t.is_word]
    if not words or has_finite_verb(toks) or is_salutation(toks):
        return []
    return [Finding(ID, "Kein ganzer Satz: das Verb fehlt", [])]
