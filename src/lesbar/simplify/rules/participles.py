"""Rule 1c ``participles``: an extended participle attribute becomes a sentence of its own.

German packs a whole clause in front of a noun: "seine aus Ungarn stammende Ehefrau", "die im Kreis
lebenden Familien". Readers of Leichte and Einfache Sprache lose the noun behind it. The attribute is
removed ("seine Ehefrau") and follows as a sentence with the noun as subject ("Die Ehefrau stammt aus
Ungarn."): the verb comes from the present participle (stammend → stammen), in the number of the noun.
Only present participles (-end) with at least two words in front of them are rewritten; a bare
"die lebenden Familien" is no extended attribute, and past participles ("die verbundenen Aufgaben")
would need a passive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lesbar.simplify.analysis import Tok
from lesbar.simplify.clauses import is_direct_quote
from lesbar.simplify.morphology import noun_info, present_form, separable_particle
from lesbar.simplify.units import Unit, end_sentence

if TYPE_CHECKING:
    from lesbar.simplify.context import Context
    from lesbar.simplify.rules import Finding

ID = "participles"
PRIORITY = 36
LEVELS = ("leicht", "einfach")
HEADINGS = False

_DETERMINERS = ("ART", "PPOSAT", "PDAT", "PIAT")
_EXTENSION = {"APPR", "APPRART", "ART", "NN", "NE", "ADJ(D)", "ADV", "CARD", "ADJ(A)", "PPOSAT", "PIAT", "PTKNEG"}
_ARTICLE = {"m": "der", "f": "die", "n": "das"}


def find(toks: list[Tok]) -> tuple[int, int, int] | None:
    """(determiner, participle, noun) indices of the first extended present-participle attribute."""
    for p, t in enumerate(toks):
        if t.tag != "ADJ(A)" or not t.lemma.endswith("end") or p + 1 >= len(toks) or toks[p + 1].tag != "NN":
            continue
        if p > 0 and toks[p - 1].tag == "APPRART":
            continue  # "im kommenden Jahr", "am folgenden Tag": the participle's own article, no extension
        d = p - 1
        while d >= 0 and toks[d].tag in _EXTENSION and toks[d].tag not in _DETERMINERS:
            d -= 1
        if d < 0 or toks[d].tag not in _DETERMINERS or p - d - 1 < 2:
            continue
        extension = toks[d + 1 : p]
        if not any(x.tag in ("APPR", "APPRART", "ADJ(D)", "ADV") for x in extension):
            continue
        if extension[0].tag in ("NN", "NE"):
            continue  # "den Umgang mit belastenden Gesprächen": the article is the first noun's, no attribute
        return d, p, p + 1
    return None


def _subject(noun: Tok) -> tuple[list[str], bool] | None:
    """"Die Ehefrau" / "Die Familien": the noun in the nominative with its definite article."""
    info = noun_info(noun.lemma)
    if info is None:
        return None
    plural_forms = info.number_forms("plural")
    singular_forms = info.number_forms("singular")
    plural = noun.text in plural_forms and noun.text not in singular_forms
    if plural:
        nom = info.flexion.get("nominativ plural") or noun.text
        return ["Die", nom], True
    if info.genus not in _ARTICLE:
        return None
    nom = info.flexion.get("nominativ singular") or noun.text
    return [_ARTICLE[info.genus].capitalize(), nom], False


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    if unit.kind != "sentence":
        return None
    toks = unit.toks()
    if is_direct_quote(toks):
        return None
    found = find(toks)
    if found is None:
        return None
    d, p, n = found
    subject = _subject(toks[n])
    if subject is None:
        return None
    words, plural = subject
    lemma = toks[p].lemma[:-1]  # "stammend" → "stammen"
    verb = present_form(lemma, 5 if plural else 2)
    if not verb:
        return None
    particle = separable_particle(lemma)
    extension = [t.text for t in toks[d + 1 : p]]
    main = [t.text for i, t in enumerate(toks) if not d < i <= p]
    new = words + [verb] + extension + ([particle] if particle else [])
    ctx.counts[ID] += 1
    return [unit.derive(end_sentence(main), ID), unit.derive(end_sentence(new), ID)]


def check(toks: list[Tok], ctx: Context) -> list[Finding]:
    from lesbar.simplify.rules import Finding

    found = find(toks)
    if found is None:
        return []
    d, p, n = found
    return [Finding(ID, "Lange Beifügung vor dem Nomen: als eigenen Satz schreiben",
                    [" ".join(t.text for t in toks[d : n + 1])])]
