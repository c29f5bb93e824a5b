"""Rule 1g ``indirect_questions``: an indirect question becomes a direct one after a colon.

"Der Kreis will prüfen, wie viele Fahrgäste den Bus nutzen." → "Der Kreis will prüfen: Wie viele
Fahrgäste nutzen den Bus?"; "Wir wissen noch nicht, ob der Kurs stattfindet." → "Wir wissen noch nicht:
Findet der Kurs statt?". Leichte Sprache guides ask for main clauses only and allow questions; the
question keeps exactly what the sentence leaves open, where a statement would have to invent an answer.
The colon rule later puts long ones on two lines.

After a verb of showing or seeing, "wie" with an adjective is an exclamation, not a question: "Das Fest
zeigt, wie bunt unsere Stadt ist." → "Das Fest zeigt: Unsere Stadt ist sehr bunt."

A question clause before the main clause is its object ("Wie es in der Praxis aussieht, berichtete Anna
Berg."): the subject goes first again and the question follows ("Anna Berg berichtete: Wie sieht es in der
Praxis aus?").

Only a clause at the end of a sentence with one comma is changed, and only when the main clause has a
verb that takes a question as its object (wissen, fragen, prüfen, zeigen …): "in der Stadt, wo sie
wohnt" or "alles, was sie weiß" are relative clauses and stay for the relative-clause rule. Einfache
Sprache changes only sentences over its length limit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lesbar.simplify.analysis import Tok, analyze
from lesbar.simplify.clauses import (
    finite_indices,
    is_direct_quote,
    strip_end,
    subject_after_verb,
    to_v2,
    top_level_commas,
)
from lesbar.simplify.units import Unit

if TYPE_CHECKING:
    from lesbar.simplify.context import Context
    from lesbar.simplify.rules import Finding

ID = "indirect_questions"
PRIORITY = 32  # after the conjunction clauses, so that "weil … , wie …" is taken apart first
LEVELS = ("leicht", "einfach")
HEADINGS = False

#: verbs (lemmas, with their separable particle) whose object can be an indirect question
_ASKING_VERBS = {
    "wissen", "fragen", "nachfragen", "prüfen", "überprüfen", "klären", "erklären", "erläutern", "entscheiden",
    "überlegen", "erfahren", "lernen", "erzählen", "berichten", "besprechen", "informieren", "untersuchen",
    "verstehen", "herausfinden", "beantworten", "diskutieren", "beraten", "festlegen", "festhalten", "regeln",
    "bestimmen", "beschreiben", "darstellen", "nachdenken", "erkunden", "erforschen", "zeigen",
    "sehen", "merken", "erleben", "beobachten", "spüren", "beweisen", "verdeutlichen", "ansehen", "anschauen",
    "vorstellen", "erkennen", "planen", "sagen", "mitteilen", "bekanntgeben", "bekannt", "wundern", "ahnen",
    "feststellen", "auswerten", "abfragen", "ermitteln", "zählen", "messen", "vergleichen", "wählen",
    "schildern", "darlegen", "aufzeigen", "verraten",
}
#: verbs that ask or find out: after them "wie wichtig …" is a question; after any other verb that takes a
#: question ("zeigt, wie wichtig …", "weiß, wie wichtig …") it is an exclamation
_FINDING_OUT_VERBS = {"fragen", "nachfragen", "prüfen", "überprüfen", "klären", "untersuchen", "herausfinden",
                      "ermitteln", "messen", "vergleichen", "erforschen", "erkunden", "überlegen", "entscheiden",
                      "abfragen", "auswerten", "beantworten", "diskutieren", "besprechen", "beraten", "festlegen",
                      "bestimmen", "zählen", "planen", "wundern", "ahnen"}
#: verbs of showing and seeing, after which "wie viele …" is neither a question nor a safe statement
_SHOWING_VERBS = {"zeigen", "sehen", "merken", "erleben", "beobachten", "spüren", "beweisen", "verdeutlichen",
                  "erkennen", "ansehen"}
#: "wie" + these asks for an amount, a time or a measure ("wie lange", "wie viele", "wie teuer")
_ASKING_DEGREE = {"viel", "viele", "vielen", "wenig", "wenige", "lange", "oft", "weit", "alt", "spät", "früh",
                  "häufig", "hoch", "teuer", "billig", "breit", "tief", "schnell", "warm", "kalt", "schwer"}
#: nouns that take a w-clause as a relative clause ("die Art, wie …", "der Ort, wo …")
_RELATIVE_HEADS = {"Art", "Weise", "Ort", "Stelle", "Zeit", "Moment", "Grund", "Platz", "Zeitpunkt", "Tag",
                   "Augenblick", "Form", "Maß"}
_W_WORDS = {"wer", "wen", "wem", "wessen", "was", "wie", "wo", "wohin", "woher", "wann", "warum", "weshalb",
            "wieso", "weswegen", "welche", "welcher", "welches", "welchen", "welchem", "wozu", "wofür", "womit",
            "worüber", "worauf", "wovon", "woran", "worum", "wodurch", "wobei"}
#: verbs that say what follows from something: ", was zu … führt" is a relative clause on the clause before
_CONSEQUENCE_VERBS = {"führen", "beitragen", "bedeuten", "bewirken", "verursachen"}
_NEGATION = {"nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals"}


def _verb_lemmas(main: list[Tok]) -> set[str]:
    """The main clause's verbs, with a separable particle joined again ("hält … fest" → "festhalten")."""
    lemmas = {t.lemma.lower() for t in main if t.tag.startswith("V")}
    fins = [t for t in main if t.tag.startswith("V") and t.is_finite]
    for t in main:
        if t.tag == "PTKVZ":
            lemmas |= {t.text.lower() + f.lemma.lower() for f in fins}
    return lemmas


def _question_phrase(clause: list[Tok]) -> tuple[str, int] | None:
    """("ob" | "w", end of the question phrase) for a clause that starts an indirect question."""
    i = 1 if len(clause) > 2 and clause[0].tag.startswith("APPR") and clause[1].tag in ("PWS", "PWAT") else 0
    w = clause[i]
    low = w.text.lower()
    if i == 0 and low == "ob" and w.tag == "KOUS":
        return "ob", 1
    if low not in _W_WORDS or not (w.tag in ("PWS", "PWAV", "PWAT") or low in ("was", "wer", "wem", "wen")):
        return None
    j = i + 1
    if w.tag == "PWAT" or (low == "wie" and j < len(clause) and clause[j].tag in ("PIAT", "PIDAT")):
        j += 1 if low == "wie" else 0  # "wie viele Menschen", "welche Schritte"
        while j < len(clause) and clause[j].tag in ("ADJ(A)", "CARD"):
            j += 1
        if j < len(clause) and clause[j].is_noun:
            j += 1
    elif low == "wie" and j < len(clause) and (clause[j].tag in ("ADJ(D)", "ADV") or (
            clause[j].tag == "PIS" and clause[j].text.lower() in ("viele", "viel", "wenige", "wenig"))):
        j += 1  # "wie lange", "wie sehr", "wie gut", "wie viele (nutzen den Bus)"
    return "w", j


def _exclamation(phrase: list[Tok], rest: list[Tok]) -> list[str] | None:
    """"wie wichtig Sprache ist" → "Sprache ist sehr wichtig": the degree word moves before the verbs."""
    degree = phrase[1]
    verbs = len(rest)
    while verbs > 0 and rest[verbs - 1].tag.startswith("V"):
        verbs -= 1
    if verbs == 0 or verbs == len(rest):
        return None
    words = [Tok("sehr", "ADV", "sehr")] if degree.text.lower() != "sehr" else []
    return to_v2(rest[:verbs] + words + [degree] + rest[verbs:])


def _rewrite(toks: list[Tok]) -> list[str] | None:
    """The sentence with its indirect question made direct (or exclaimed), or None."""
    body = strip_end(toks)
    commas = top_level_commas(body)
    if len(commas) != 1 or body[0].tag in ("KOUS", "PWS", "PWAV", "PRELS"):
        return None
    c = commas[0]
    main, clause = body[:c], body[c + 1 :]
    if len(clause) < 2 or not finite_indices(main) or not main[-1].is_word or any(t.text == ":" for t in main):
        return None  # ("Das Ziel ist: … kann man prüfen, ob …": no second colon)
    found = _question_phrase(clause)
    if found is None:
        return None
    kind, j = found
    phrase, rest = clause[:j], clause[j:]
    fins = finite_indices(rest)
    if len(fins) != 1 or fins[0] != len(rest) - 1 or any(t.tag == "KON" or t.text in ("(", "„", "“") for t in rest):
        return None  # verb-final with one verb; "ob A und ob B" or a quotation stay
    before = main[-1]
    low = phrase[1].text.lower() if kind == "w" and len(phrase) > 1 else ""
    if before.tag in ("PIS", "PDS") or before.text in _RELATIVE_HEADS or (
            before.is_noun and phrase[0].text.lower() in ("wo", "wohin", "woher")) or (
            before.tag == "NNA" and phrase[0].text.lower() == "was"):
        return None  # "alles, was …", "die Stadt, wo …", "die Art, wie …": relative clauses
    verbs = _verb_lemmas(main)
    if not verbs & _ASKING_VERBS or main[-1].text == "?":
        return None
    if kind == "w" and phrase[0].text.lower() == "was" and any(t.lemma in _CONSEQUENCE_VERBS for t in rest) \
            and rest[0].tag in ("APPR", "APPRART", "ADV", "ADJ(D)", "PTKNEG"):  # ("was das bedeutet": a question)
        # "entscheiden nach Aktenlage, was zu einer Ablehnung führen kann": "was" means the whole clause
        # before it (what follows from it), no question
        return None
    words = [t.text for t in main]
    # "soll zeigen, wie gut …", "wird zeigen": what is still open is a question, not an exclamation
    still_open = any(t.text.lower() in _NEGATION or t.tag.startswith("VM") or (t.lemma == "werden" and t.is_finite)
                     for t in main)
    if kind == "w" and phrase[0].text.lower() == "wie" and len(phrase) == 2 and phrase[1].tag in ("ADJ(D)", "ADV") \
            and low not in _ASKING_DEGREE and not verbs & _FINDING_OUT_VERBS and not still_open:
        copula = any(t.tag.startswith("VA") and t.lemma in ("sein", "werden", "bleiben") for t in rest)
        statement = _exclamation(phrase, rest) if copula or low == "sehr" else None
        if statement is None:  # "erklärte, wie gut man Deutsch lernt": how well, or how to learn well?
            return None
        return words + [":"] + _capital(statement) + ["."]
    if kind == "w" and "wissen" in verbs and not still_open and not verbs & _FINDING_OUT_VERBS:
        return None  # "Ich weiß, wie schwer der Anfang ist": what someone knows is no open question
    if kind == "w" and verbs & _SHOWING_VERBS and not still_open and \
            verbs <= _SHOWING_VERBS | {"haben", "sein", "werden", "können"}:
        # "zeigt, wie viele Menschen helfen", "zeigt, was Nachbarschaft bewirken kann": what is shown is
        # known, so it is no open question, and the clause does not say enough for a statement
        return None
    if kind == "ob":
        question = to_v2(rest, prefield=["_"])[1:]
    else:
        question = to_v2(rest, prefield=[t.text for t in phrase])
    return words + [":"] + _capital(question) + ["?"]


def _fronted(toks: list[Tok]) -> list[str] | None:
    """"Wie es in der Praxis aussieht, berichtete Anna Berg." → "Anna Berg berichtete, wie es in der Praxis
    aussieht.": a question clause before the verb is its object; with the subject first again the
    question can be made direct."""
    body = strip_end(toks)
    commas = top_level_commas(body)
    if len(commas) != 1 or not body or _question_phrase(body) is None:
        return None
    c = commas[0]
    clause, main = body[:c], body[c + 1 :]
    if not clause[-1].is_finite or len(finite_indices(clause)) != 1 or not main or not main[0].is_finite:
        return None
    if clause[0].text.lower() in ("wer", "wem", "wen") and main[0].tag == "VM(FIN)":
        return None  # "Wer krank ist, muss die Schule informieren": whoever is ill, not a question
    found = subject_after_verb(main, 0)
    if found is None:
        return None
    _, start, end = found
    subject = main[start:end]
    rest = main[1:start] + main[end:]
    words = [t.text for t in subject] + [main[0].text] + [t.text for t in rest] + [","] + \
        [clause[0].text.lower()] + [t.text for t in clause[1:]] + [t.text for t in toks[len(body):]]
    return words


def _capital(words: list[str]) -> list[str]:
    return [words[0][:1].upper() + words[0][1:]] + words[1:] if words else words


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    if unit.kind != "sentence":
        return None
    toks = unit.toks()
    if is_direct_quote(toks):
        return None
    if ctx.level != "leicht" and sum(1 for t in toks if t.is_word) <= ctx.options.max_words:
        return None
    words = _rewrite(toks)
    if words is None and (fronted := _fronted(toks)) is not None:
        words = _rewrite(analyze(fronted))
    if words is None:
        return None
    ctx.counts[ID] += 1
    return [unit.derive(words, ID)]


def check(toks: list[Tok], ctx: Context) -> list[Finding]:
    from lesbar.simplify.rules import Finding

    if ctx.level != "leicht" or _rewrite(toks) is None:
        return []
    body = strip_end(toks)
    return [Finding(ID, "Indirekte Frage: als direkte Frage schreiben", [body[top_level_commas(body)[0] + 1].text])]
