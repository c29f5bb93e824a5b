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
    """"Liebe Eltern,", "Sehr geehrte Damen und Herren,": a letter's form of address is no fragment; nor
    are its closing ("Mit freundlichen Grüßen") and signatures ("Dr. Petra Lohmann, Schulleiterin")."""
    if bool(toks) and toks[0].text.lower() in _SALUTATION_START and toks[-1].text in (",", "!") and len(toks) <= 10:
        return True
    return is_closing(toks) or is_signature(toks)


_CLOSING_WORDS = {"mit", "freundlichen", "herzlichen", "besten", "vielen", "lieben", "viele", "herzliche", "liebe", "beste",
                  "freundliche", "schöne", "sonnige", "grüßen", "grüße", ","}


def is_closing(toks: list[Tok]) -> bool:
    """"Mit freundlichen Grüßen", "Viele Grüße"."""
    words = [t.text.lower() for t in toks if t.text not in (".",)]
    return 2 <= len(words) <= 4 and words[-1].strip(",") in ("grüßen", "grüße") and all(w in _CLOSING_WORDS for w in words)


def is_signature(toks: list[Tok]) -> bool:
    """"Dr. Petra Lohmann, Schulleiterin", "Tobias Brandt, Schul-Sozial-Arbeiter": a name and its role."""
    words = [t for t in toks if t.text != "."]
    if not 3 <= len(words) <= 9 or "," not in [t.text for t in words] or any(t.tag.startswith("V") for t in words):
        return False
    c = [t.text for t in words].index(",")
    name = words[:c]
    return 2 <= len(name) <= 5 and any(t.tag == "NE" for t in name) and all(t.text[:1].isupper() for t in name) \
        and c + 1 < len(words) and words[c + 1].text[:1].isupper()


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    return None


def check(toks: list[Tok], ctx: Context) -> list[Finding]:
    from lesbar.simplify.rules import Finding

    words = [t for t in toks if t.is_word]
    if not words or has_finite_verb(toks) or is_salutation(toks):
        return []
    return [Finding(ID, "Kein ganzer Satz: das Verb fehlt", [])]
