"""Rule 1h ``coordinated_phrases`` (Leichte Sprache): two objects joined by und/oder in a long sentence
become two sentences.

"Die Stadt bietet einen Deutschkurs für Mütter und eine Hausaufgabenhilfe an." says two things; Leichte
Sprache writers say them one by one: "Die Stadt bietet einen Deutsch-Kurs für Mütter an." + "Die Stadt
bietet auch eine Hausaufgaben-Hilfe an." With "oder" the second sentence starts with "Oder". Only where
the split is safe:

- a main clause with one finite verb, no commas, colons or quotations, over 10 words;
- exactly one "und"/"oder"/"sowie", joining two noun phrases that both start with a determiner; the
  first has no prepositional phrase of its own (the second could continue it), and only verb parts
  follow the second (a phrase after it may belong to the second alone);
- the subject stands before the verb and is not part of the pair (no change of verb number);
- no negation, no "zwischen", "sowohl", "beide" and no verb or adverb that relates the two ("verbindet",
  "gemeinsam", "miteinander"): there the two belong together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lesbar.simplify.analysis import Tok
from lesbar.simplify.clauses import QUOTES_OPEN, constituent_end, finite_indices, strip_end
from lesbar.simplify.units import Unit, end_sentence

if TYPE_CHECKING:
    from lesbar.simplify.context import Context

ID = "coordinated_phrases"
PRIORITY = 127  # after the time and place phrases have left the sentence, before lists are made
LEVELS = ("leicht",)
HEADINGS = False

SPLIT_ABOVE = 10
_CONJUNCTIONS = {"und", "oder", "sowie"}
#: words that make the two a pair: what is said is about both together
_TOGETHER = {"zwischen", "sowohl", "beide", "beiden", "gemeinsam", "zusammen", "miteinander", "gegenseitig",
             "untereinander", "jeweils", "weder", "entweder", "nicht", "kein", "keine", "keinen", "keinem", "keiner",
             "nie", "niemals", "wie", "als", "sich"}
_RELATING_VERBS = {"verbinden", "vergleichen", "unterscheiden", "mischen", "kombinieren", "zusammenbringen",
                   "zusammenführen", "vernetzen", "trennen", "verwechseln", "austauschen", "teilen", "tauschen"}
_DETERMINERS = ("ART", "PPOSAT", "PIAT", "PDAT", "CARD")
_NOMINATIVE_PRONOUNS = {"ich", "du", "er", "sie", "es", "wir", "ihr", "man"}
_NOMINATIVE_ARTICLES = {"der", "die", "das", "ein", "eine", "unser", "unsere", "mein", "meine", "dieser", "diese",
                        "dieses", "viele", "alle"}


def _subject_first(prefield: list[Tok]) -> bool:
    """The words before the verb are its subject: a nominative pronoun, a name, or a noun phrase that
    starts with a nominative determiner and has no preposition."""
    if not prefield or any(t.tag.startswith("APPR") or t.tag in ("ADV", "PROAV", "KOUS") for t in prefield):
        return False
    first = prefield[0]
    if len(prefield) == 1 and first.tag in ("PPER", "PIS"):
        return first.text.lower() in _NOMINATIVE_PRONOUNS
    return first.tag == "NE" or (first.tag in _DETERMINERS and first.text.lower() in _NOMINATIVE_ARTICLES) or (
        first.tag in ("NN", "NNA") and len(prefield) <= 3)


def _pair(toks: list[Tok], f: int, k: int) -> tuple[int, int] | None:
    """(start of the first phrase, end of the second) of the pair joined at ``k``, or None."""
    p = f + 1
    while p < k:
        e = constituent_end(toks, p)
        if e <= p:
            return None
        if e >= k:
            break
        p = e
    else:
        return None
    first, second = toks[p:k], toks[k + 1 :]
    if not first or not second:
        return None
    # (two prepositional phrases often name one event twice: "einen Test in Mathematik und in der
    # Herkunftssprache" is one test, not two)
    if first[0].tag in _DETERMINERS and second[0].tag in _DETERMINERS and not any(
            t.tag.startswith("APPR") for t in first):
        end = constituent_end(toks, k + 1)  # "einen Kurs für Mütter und eine Hilfe": the second
        # phrase could continue "für Mütter", so a first phrase with a preposition is left alone
    else:
        return None
    if end <= k + 2 or not toks[end - 1].is_noun or not toks[k - 1].is_noun:
        return None
    if any(not (t.tag.startswith("V") or t.tag in ("PTKVZ", "PTKZU")) for t in toks[end:]):
        return None  # "… und eine Hilfe für Kinder an": what follows the pair may belong to the second only
    if (k - p) + (end - k - 1) < 5:
        return None  # "Kaffee und Kuchen", "die Eltern und die Kinder": short enough together
    return p, end


def _split(toks: list[Tok]) -> tuple[list[str], list[str]] | None:
    body = strip_end(toks)
    fins = finite_indices(body)
    if len(fins) != 1 or any(t.text in (",", ";", ":", "(", "–") or t.text in QUOTES_OPEN for t in body):
        return None
    if any(t.text.lower() in _TOGETHER or t.lemma in _RELATING_VERBS for t in body):
        return None
    kons = [k for k, t in enumerate(body) if t.tag == "KON" and t.text.lower() in _CONJUNCTIONS]
    if len(kons) != 1:
        return None
    f, k = fins[0], kons[0]
    if k <= f + 1 or not _subject_first(body[:f]):
        return None
    found = _pair(body, f, k)
    if found is None:
        return None
    p, end = found
    end_marks = [t.text for t in toks[len(body) :]] or ["."]
    first = [t.text for t in body[:k]] + [t.text for t in body[end:]] + end_marks
    second_core = [t.text for t in body[:p]] + [t.text for t in body[k + 1 : end]] + [t.text for t in body[end:]]
    if body[k].text.lower() == "oder":
        lead = body[0]
        head = second_core[0] if lead.tag in ("NN", "NE") or lead.text == "Sie" else second_core[0].lower()
        second = ["Oder", head] + second_core[1:] + end_marks
    else:
        second = [t.text for t in body[:p]] + ["auch"] + [t.text for t in body[k + 1 : end]] + \
            [t.text for t in body[end:]] + end_marks
    return first, second


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    if unit.kind != "sentence" or sum(1 for w in unit.tokens if any(c.isalnum() for c in w)) <= SPLIT_ABOVE:
        return None
    found = _split(unit.toks())
    if found is None:
        return None
    first, second = found
    ctx.counts[ID] += 1
    return [unit.derive(end_sentence(first), ID), unit.derive(end_sentence(second), ID)]
