"""Rule ``word_order``: the subject goes first (Leichte Sprache: subject, verb, object).

Newspaper German often puts the object first: "Den Preis erhielt die Gesamtschule." A reader of Leichte
Sprache takes the first noun phrase for the one who acts, and so reads the sentence the wrong way round.
The rule turns it: "Die Gesamtschule erhielt den Preis." It only does so where the cases say for sure
which phrase is the subject: the phrase in front is no nominative (its determiner ends in -en or -em:
"Den Preis", "Einem Teil der Kinder", "Diesem Ziel"), or the phrase after the verb can only be one ("Das
Grußwort sprach der Bürgermeister", "… sprach er"); and the phrase after the verb is one the rule can
find whole (a noun phrase, a name or a pronoun, with a focus particle such as "auch" that goes with it).
"Die große Zahl wertete auch Landrat Pusch als Signal" could be read either way by its cases and stays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lesbar.simplify.analysis import Tok
from lesbar.simplify.clauses import QUOTES_OPEN, SENT_END, finite_indices, is_direct_quote, subject_after_verb
from lesbar.simplify.morphology import noun_info
from lesbar.simplify.rules.subordinate_clauses import noun_number
from lesbar.simplify.units import Unit

if TYPE_CHECKING:
    from lesbar.simplify.context import Context

ID = "word_order"
PRIORITY = 75
LEVELS = ("leicht",)
HEADINGS = False

#: tags a fronted object may be made of (a noun phrase with its attributes, no clause, no comma)
_PHRASE_TAGS = ("ART", "PPOSAT", "PDAT", "PIAT", "PIDAT", "ADJ(A)", "ADJ(D)", "CARD", "NN", "NNA", "NE", "APPR",
                "APPRART", "ADV")
#: copulas and verbs whose two noun phrases may both be nominatives
_COPULAS = {"sein", "werden", "bleiben", "heißen", "gelten", "scheinen"}
#: focus particles right before the subject go with it ("auch Landrat Pusch")
_FOCUS = {"auch", "nur", "sogar", "selbst", "gerade", "vor", "allem"}


def _front_phrase(toks: list[Tok], f: int) -> bool:
    """Whether the words before the verb are one noun phrase: a determiner, then no clause, comma or
    quotation."""
    if toks[0].tag not in ("ART", "PDAT", "PIAT", "PPOSAT", "PIDAT") or f < 2 or not any(t.is_noun for t in toks[1:f]):
        return False
    return all(t.tag in _PHRASE_TAGS and t.text not in QUOTES_OPEN for t in toks[1:f])


def _oblique(first: Tok) -> bool:
    """A determiner in -en/-em ("Den", "Einen", "Diesem", "Ihren") starts no nominative."""
    return first.text.lower().endswith(("en", "em"))


#: pronouns that are only nominatives
_NOMINATIVE_PRONOUNS = {"er", "ich", "wir", "du"}


def _nominative(subject: list[Tok]) -> bool:
    """Whether the phrase after the verb can only be a nominative: "der Bürgermeister", "ein Chor" (a
    masculine singular noun after der/ein), "er", "wir"."""
    first = subject[0]
    if first.tag == "PPER":
        return first.text.lower() in _NOMINATIVE_PRONOUNS
    if first.tag != "ART" or first.text.lower() not in ("der", "ein"):
        return False
    head = next((t for t in subject if t.is_noun), None)
    if head is None or head.tag != "NN":
        return False
    info = noun_info(head.lemma)
    return info is not None and info.genus == "m" and noun_number(head) != "plural"


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    if unit.kind != "sentence":
        return None
    toks = unit.toks()
    if not toks or is_direct_quote(toks) or toks[-1].text != ".":
        return None
    if any(t.text in (",", ":", ";", "(") or t.text in QUOTES_OPEN for t in toks):
        return None  # one clause only
    fins = finite_indices(toks)
    if len(fins) != 1 or toks[fins[0]].lemma in _COPULAS or toks[fins[0]].tag.startswith("VV(IMP"):
        return None
    f = fins[0]
    if not _front_phrase(toks, f):
        return None
    k = f + 1
    focus = k
    while k < len(toks) and toks[k].text.lower() in _FOCUS and toks[k].tag in ("ADV", "PTKVZ", "APPR", "PIS"):
        k += 1  # "hat auch Landrat Pusch", "gab vor allem die Stadt"
    found = subject_after_verb(toks[:focus] + toks[k:], f)
    if found is None or found[1] != f + 1:
        return None  # no subject right after the verb (a reflexive pronoun, an adverb first): left as it is
    s0, s1 = found[1] + k - focus, found[2] + k - focus
    subject = toks[focus:s1]
    if toks[s0].tag == "PPER" and toks[s0].text.lower() == "es":
        return None  # "Den Kindern geht es gut": "es" is no actor
    if s1 < len(toks) and (toks[s1].is_noun or toks[s1].tag.startswith("APPR") or toks[s1].tag == "KON"):
        # the subject phrase may go on ("die Gesamtschule am Lindenhof" is a name): the object would split it
        return None
    if not _oblique(toks[0]) and not _nominative(toks[s0:s1]):
        return None  # "Die große Zahl wertete auch Landrat Pusch als Signal": either could be the subject
    if any(t.text.lower() == "aus" and (k + 1 >= len(subject) or subject[k + 1].tag not in ("ART", "NE"))
           for k, t in enumerate(subject)):
        return None  # "trägt der Landkreis aus eigenen Mitteln": how it is paid ("Menschen aus der Ukraine" are people)
    front = [t.text for t in toks[:f]]
    if toks[0].tag != "NN":
        front[0] = front[0].lower()
    words = [t.text for t in subject]
    words[0] = words[0][:1].upper() + words[0][1:]
    rest = [t.text for t in toks[s1:]]
    adverbs = 0
    if toks[0].text.lower().startswith(("ein", "kein")):
        # an indefinite object comes after the adverbs, but before "nicht": "Wir haben nie eine Antwort
        # bekommen", "Er kann allerdings eine Erhöhung nicht zusagen"
        while s1 + adverbs < len(toks) and toks[s1 + adverbs].tag in ("ADV", "ADJ(D)"):
            adverbs += 1
    out = words + [toks[f].text] + rest[:adverbs] + front + rest[adverbs:]
    if out[-1] not in SENT_END:
        return None
    ctx.counts[ID] += 1
    return [unit.derive(out, ID)]
