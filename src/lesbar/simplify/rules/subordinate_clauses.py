"""Rule 1b ``subordinate_clauses``: subordinate and relative clauses become sentences of their own.

Conjunction clauses get an adverb that keeps the relation (weil → "Denn …", nachdem → "Danach …",
obwohl → "Trotzdem …"), their verb moves to second position, and a main clause that started with its
verb (because the subordinate clause stood first) gets an adverb as first element. "dass" clauses
after a complete main clause are joined with a colon. A relative clause right after a noun becomes
"<article> <noun> <verb> …" ("die Infrastruktur, die in NRW vorhanden ist" → "Die Infrastruktur ist
in NRW vorhanden."). One clause is moved per application; the engine repeats the rule.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lesbar.simplify.analysis import Tok
from lesbar.simplify.clauses import (
    QUOTES_CLOSE,
    QUOTES_OPEN,
    SENT_END,
    finite_indices,
    invert_with,
    is_direct_quote,
    is_verb_final,
    segment_end,
    strip_end,
    subject_of,
    to_v2,
    top_level_commas,
    v2_ready,
)
from lesbar.simplify.morphology import (
    UNREAL_FORMS,
    Mood,
    dative,
    form_of,
    forms,
    is_participle_form,
    is_present_form,
    konjunktiv,
    noun_info,
    present_form,
    separable_particle,
    verb_table,
)
from lesbar.simplify.resources import TITLES, is_person_noun
from lesbar.simplify.temporal import WEEKDAYS
from lesbar.simplify.units import Unit, end_sentence

if TYPE_CHECKING:
    from lesbar.simplify.context import Context
    from lesbar.simplify.rules import Finding

ID = "subordinate_clauses"
PRIORITY = 30
LEVELS = ("leicht", "einfach")
HEADINGS = False

#: conjunction → (adverb when the clause follows the main clause, adverb for the main clause when the
#: clause comes first, whether the clause's sentence goes first)
_CONJ = {
    "weil": ("Denn", "Deshalb", "kon"),
    "da": ("Denn", "Deshalb", "kon"),
    "nachdem": ("Davor", "Danach", "adv"),
    "obwohl": ("Trotzdem", "Trotzdem", "swap"),
    "obgleich": ("Trotzdem", "Trotzdem", "swap"),
    "während": ("Gleichzeitig", "Gleichzeitig", "adv"),
    "bevor": ("Danach", "Zuerst", "adv"),
    "sodass": ("Deshalb", "Deshalb", "adv"),
    "damit": ("Das Ziel ist", "Das Ziel ist", "colon"),
    "indem": ("", "Dadurch", "adv"),
    "wobei": ("Dabei", "Dabei", "adv"),  # tagged PWAV
    "wenn": ("Die Bedingung ist", "", "colon"),
    "falls": ("Die Bedingung ist", "", "colon"),
    "sofern": ("Die Bedingung ist", "", "colon"),
    "soweit": ("Die Bedingung ist", "", "colon"),
    "dass": ("", "", "colon"),
    "daß": ("", "", "colon"),
}
def _past_clause(clause: list[Tok]) -> bool:
    """A clause in the preterite or Perfekt ("Bevor er ging", "bevor sie gekommen war"): a "bevor" clause
    in the present before its main clause ("Bevor eine Minderung erfolgt, erhalten Sie …") may describe
    something that never happens, so it is no sequence of facts."""
    from lesbar.simplify.temporal import is_past

    fins = [t for t in clause if t.is_finite]
    return bool(fins) and (is_past(fins[-1]) or (fins[-1].lemma in ("haben", "sein")
                                                 and any(t.tag.endswith("(PP)") for t in clause)))


#: verbs of demanding or advising: what they ask for has not happened ("forderte …, bevor …")
_DEMAND_VERBS = {"fordern", "verlangen", "bitten", "wünschen", "mahnen", "anmahnen", "appellieren", "empfehlen",
                 "raten", "warnen", "drängen", "beantragen", "vorschlagen", "anregen", "plädieren"}
_RELPRON_ARTICLE = {"der": "der", "die": "die", "das": "das", "dem": "dem", "den": "den", "denen": "den"}


def _main_without(toks: list[Tok], a: int, b: int) -> list[Tok]:
    """``toks`` without the clause [a, b) and its framing commas."""
    left = toks[:a]
    right = toks[b:]
    if left and left[-1].text == ",":
        left = left[:-1]
    start = max((k + 1 for k, t in enumerate(left) if t.text in (":", ";")), default=0)
    clause_left = left[start:]  # "Dann kam ein Gast: Frau Brandt, die …, erzählte": the clause after the colon
    if right and right[0].text == "," and not (
            len(right) > 1 and right[1].is_finite and finite_indices(clause_left) and clause_left[0].tag != "KOUS") \
            and not _apposition_open(left):
        right = right[1:]  # "lachten über ihn, der …, gaben sich keine Mühe": the comma joins two verbs
    return left + right


def _apposition_open(left: list[Tok]) -> bool:
    """"Der Chef, Klaus Wolf" before ", der in Hamm lebt, besuchte …": the name is an apposition whose
    closing comma must stay when the relative clause after it goes."""
    commas = [k for k, t in enumerate(left) if t.text == ","]
    if not commas or commas[-1] == 0 or not left[commas[-1] - 1].is_noun:
        return False
    tail = left[commas[-1] + 1 :]
    return bool(tail) and any(t.tag == "NE" for t in tail) and all(
        t.tag in ("NE", "NN", "ART", "ADJ(A)") or t.text in TITLES for t in tail) and not any(
        t.is_finite for t in left)


_NO_MOOD = Mood("", 0, "")
#: main clauses that deny, doubt, hope or fear what their dass clause says
_DOUBT_VERBS = {"bestreiten", "bezweifeln", "leugnen", "dementieren", "zweifeln", "ausschließen", "hoffen",
                "befürchten", "fürchten", "verhindern", "vermeiden", "wünschen", "vermuten", "glauben",
                "annehmen", "abstreiten", "verneinen",
                # … insist on, or forget, what their dass clause says: after a colon it would read as a fact
                "bestehen", "drängen", "vergessen", "übersehen", "ignorieren", "verlangen", "fordern"}
_DOUBT_WORDS = {"wahrscheinlich", "unwahrscheinlich", "möglich", "unmöglich", "unklar", "fraglich", "denkbar",
                "ausgeschlossen", "zweifelhaft", "unsicher", "nicht", "kein", "keine", "keinen", "keinem", "keiner",
                "nie", "niemals", "niemand", "vielleicht", "ob"}

#: pronouns that point back to a noun named before them
_BACK_POINTING = {"er", "ihn", "ihm", "sie", "ihnen"}


def _conj_clause(unit: Unit, toks: list[Tok], ctx_level: str = "leicht", polite: bool = False) -> list[Unit] | None:
    commas = top_level_commas(toks)
    starts = [0] + [c + 1 for c in commas]
    for s in starts:
        if s >= len(toks):
            continue
        conj = toks[s].text.lower()
        if (toks[s].tag != "KOUS" and conj != "wobei") or conj not in _CONJ:
            continue
        end = segment_end(toks, s + 1)
        while not finite_indices(toks[s + 1 : end]) and end + 1 < len(toks) and toks[end].text == "," and \
                not toks[end + 1].is_finite and toks[end + 1].tag not in ("KOUS", "PRELS", "PWS", "PWAV"):
            end = segment_end(toks, end + 1)  # "weil manche nur Türkisch, Polnisch oder Kurdisch sprechen": a list
        clause = toks[s + 1 : end]
        if not finite_indices(clause) or len(clause) < 2:
            continue
        after_adv, before_adv, mode = _CONJ[conj]
        if conj == "während" and _contrast(clause, [t for k, t in enumerate(toks) if not s <= k < end]):
            after_adv = before_adv = "Dagegen"  # "Während 2019 noch 19 Prozent …, waren es 2023 nur 12 Prozent"
        prev_start = max([k + 1 for k in commas if k < s - 1], default=0)
        if s > 1 and end + 1 < len(toks) and toks[end].text == "," and toks[end + 1].is_finite and (
                toks[prev_start].tag == "KOUS" or (prev_start == 0 and toks[0].is_finite)):
            continue  # "Wenn Sie umziehen, weil …, müssen Sie …": the clause explains the condition before it
        if conj in _CONDITIONS and s > 1 and toks[-1].text == "?":
            continue  # "Wie reagiert man, wenn …?": the condition belongs to the question
        if conj in _CONDITIONS and s > 1 and any(t.text.lower() == "es" and t.tag == "PPER" for t in toks[:s]) and \
                any(t.is_finite and t.lemma in ("sein", "werden", "bleiben", "finden") for t in toks[:s]):
            continue  # "Bei Diagnosen ist es gefährlich, wenn Kinder übersetzen": the clause is what "es" means
        prev_start = max([k + 1 for k in commas if k < s - 1], default=0)
        if s > 1 and prev_start > 0 and toks[prev_start].tag in ("PWAV", "PWS", "KOUS") and conj in _CONDITIONS:
            continue  # "ich weiß, wie es sich anfühlt, wenn man …": the condition belongs to that clause
        if mode == "colon" and s > 1 and _after_relative_clause(toks, s - 1):
            continue  # "ein Ring, der … so schön war, dass …": the relative clause is moved first
        if s > 1 and (toks[s - 2].text.lower() in ("nur", "erst", "dann", "so", "genau") or (
                conj in _CONDITIONS and any(t.text.lower() in ("nur", "erst") for t in toks[:s]))):
            only = _only_if(unit, toks, s, end, conj) if ctx_level == "leicht" else None
            if only is not None:
                return only
            continue  # "Sie bekommen das Geld nur, wenn …", "erst bearbeiten, wenn …": the correlate needs it
        if conj == "nachdem" and s > 1:
            pre = _precondition(unit, toks, s, end, polite)
            if pre is not None:
                return pre
            if any(t.text.lower() == "erst" for t in toks[:s]):
                continue  # "erst, nachdem …" in a longer sentence: "erst" needs its clause
        if conj in ("dass", "daß") and any(t.lemma in _DOUBT_VERBS or t.text.lower() in _DOUBT_WORDS
                                           for t in toks[:s]):
            continue  # "Er bestritt, dass er das Geld nahm": after a colon it would read as a fact
        if conj in ("bevor", "ehe") and any(t.is_finite and t.text.lower() in UNREAL_FORMS for t in clause):
            continue  # "helfen, bevor Probleme zu groß würden": what is to be prevented, no event that follows
        if conj in ("bevor", "ehe") and (any(t.lemma in _DEMAND_VERBS or t.lemma == "drohen" for t in toks[:s])
                                         or any(t.text.lower() == "überhaupt" for t in toks)
                                         or (s == 0 and not _past_clause(clause))):
            continue  # "forderte eine Versammlung, bevor …", "drohe zu verschwinden, bevor es sich überhaupt
            # etabliert habe": a demand or a threat, not two facts in a row
        if s > 0 and mode != "colon" and not after_adv:
            continue  # no adverb keeps the relation when the clause follows ("…, indem …")
        if conj in ("wenn", "falls", "sofern") and any(t.is_finite and (
                konjunktiv(t.text, t.lemma) or _NO_MOOD).kind == "konj2" for t in toks) and (not unit.speaker or (
                any(t.tag.endswith("(PP)") for t in toks) and any(t.lemma in ("haben", "sein") and t.is_finite
                                                                    and konjunktiv(t.text, t.lemma) for t in toks))):
            # "Er hätte den Bus erreicht, wenn er früher losgegangen wäre", "Es wäre schön, wenn mehr Menschen
            # kämen": unreal, not a condition (in reported speech Konjunktiv II stands for Konjunktiv I)
            continue
        if conj in ("wenn", "falls") and unreal_condition(clause):
            continue  # "…, er hätte sich eingebürgert, wenn er seinen Pass hätte behalten dürfen"
        if conj == "wenn" and _past_clause(clause) and _past_clause(toks[:s]):
            continue  # "Manchmal war sie traurig, wenn eine Familie ging": whenever, in the past; no condition
        if conj in ("wenn", "falls") and s > 0 and len(clause) <= 3 and end < len(toks) and toks[end].text == "," \
                and not any(t.is_finite for t in toks[end + 1 :]):
            continue  # "Bitte bringen Sie, wenn Sie möchten, etwas mit": a polite aside inside the request
        if conj == "wenn" and s > 0 and _copula_without_predicate(toks[:s]):
            # "Das größte Geschenk sei, wenn ein Kind allein lese": the clause is what the gift is, no condition
            after_adv = ""
        if s > 0 and _tail_belongs_to_clause(toks, end):
            # "…, weil es wichtig sei, gemeinsam … zu diskutieren": what follows belongs to the clause
            clause = strip_end(toks[s + 1 :])
            end = len(toks)
            while end > 0 and toks[end - 1].text in {".", "!", "?"}:
                end -= 1
        main = strip_end(_main_without(toks, s, end))
        if not finite_indices(main):
            continue
        if not _parts_ready(clause):
            continue  # "…, dass sie fielen und ihre Beine entzwei brachen": no safe main clause; leave it
        if s == 0:
            # "Weil A, B …": the main clause starts with its verb now; give it a first element
            if mode == "colon":
                continue
            main_words = [t.text for t in main]
            if conj == "bevor":  # "Bevor B, A": A happens first
                first, second = [before_adv] + main_words, _adv_v2("Danach", clause)
            elif conj == "nachdem" and _still_to_come(main, clause, polite):
                # "Nachdem Sie den Test bestanden haben, können Sie sich anmelden": a condition, not a fact
                first = _condition(clause)
                second = ["Dann"] + main_words
            else:
                first, second = to_v2(clause), [before_adv] + main_words
            return [unit.derive(end_sentence(first), ID), unit.derive(end_sentence(second), ID)]
        main_words = [t.text for t in main]
        if mode == "colon":
            # what follows the dass clause ("…, in dem …") belongs to it, not to the main clause
            main_words = [t.text for t in strip_end(toks[: s - 1] if toks[s - 1].text == "," else toks[:s])]
            parts = coordinated(clause)
            v2 = main_clauses(parts) + [t.text for t in strip_end(toks[end:])]
            if after_adv == "Die Bedingung ist" and len(parts) > 1 and not strip_end(toks[end:]):
                # "wenn Sie krank sind und Fieber haben": both must hold, one line each
                conditions = [unit.derive(end_sentence(_capital_after_colon(to_v2(p), p)), ID) for p in parts]
                return [unit.derive(end_sentence(main_words), ID),
                        unit.derive(["Die", "Bedingungen", "sind", ":"], ID, kind="intro")] + conditions
            if after_adv:  # "Das Ziel ist: Alle …" – a full sentence after the colon starts with a capital
                v2 = _capital_after_colon(v2, clause)
                return [unit.derive(end_sentence(main_words), ID), unit.derive(end_sentence(after_adv.split() + [":"] + v2), ID)]
            v2 = _capital_after_colon(v2, clause)  # a full sentence after a colon
            if conj in ("dass", "daß") and _demanding(main):
                from lesbar.simplify.rules.speech import _as_demand

                v2 = _as_demand(v2)  # "Es ist höchste Zeit: Die Stadt soll mehr Geld geben." (no fact)
            return [unit.derive(end_sentence(main_words + [":"] + v2), ID)]
        if mode == "kon":
            parts = coordinated(clause)  # "weil A suchen und B ansteigen": one "Denn" sentence each
            speaker = _reported_reason(unit, main, clause)
            if speaker:
                # "Lenz forderte mehr Personal, da eine Kraft nicht ausreiche": the reason is what Lenz says,
                # not a fact: "Lenz sagt: Eine Kraft reicht nicht aus."
                return [unit.derive(end_sentence(main_words), ID)] + [
                    unit.derive(end_sentence(to_v2(p)), ID, speaker=speaker, reported=True) for p in parts]
            return [unit.derive(end_sentence(main_words), ID)] + [
                unit.derive(end_sentence([after_adv] + _lower(to_v2(p), p)), ID) for p in parts]
        if mode == "swap":
            if any(t.tag == "PPER" and t.text in _BACK_POINTING for t in clause) and any(t.is_noun for t in main) \
                    or (main and any((t.tag == "KOUS" or t.text.lower() == "als") and all(
                        x.text.lower() in ("aber", "und", "doch") for x in main[:k]) for k, t in enumerate(main[:2]))
                        and "," in [t.text for t in main]):
                # ("(Aber) als die Kinder lachten, war ich froh, obwohl …": no "Trotzdem" fits into a clause
                # that starts with a clause of its own)
                # "Der Bus fuhr los, obwohl er nicht voll war": put first, "er" would come before the bus
                return [unit.derive(end_sentence(main_words), ID),
                        unit.derive(end_sentence(["Aber"] + _lower(to_v2(clause), clause)), ID)]
            return [unit.derive(end_sentence(to_v2(clause)), ID), unit.derive(end_sentence(invert_with(main, after_adv)), ID)]
        if conj == "wobei" and any(t.text.lower() == "dabei" for t in clause):
            # "…, wobei viele Familien dabei waren": no second "Dabei"
            return [unit.derive(end_sentence(main_words), ID), unit.derive(end_sentence(to_v2(clause)), ID)]
        return [unit.derive(end_sentence(main_words), ID), unit.derive(end_sentence(_adv_v2(after_adv, clause)), ID)]
    return None


def _contrast(clause: list[Tok], main: list[Tok]) -> bool:
    """Whether "während" compares (whereas) rather than says "at the same time": both clauses name a
    different year, number or time ("2019 …, 2023 …")."""
    def marks(toks: list[Tok]) -> set[str]:
        return {t.text for t in toks if t.tag == "CARD" or (t.text[:1].isdigit())}
    a, b = marks(clause), marks(main)
    if clause and main and clause[0].tag.startswith("APPR") and clause[0].text.lower() == main[0].text.lower() and \
            len(clause) > 1 and len(main) > 1 and clause[1].text.lower() != main[1].text.lower():
        return True  # "Im Ausland ist … nötig, während im Inland … genügt": two places set side by side
    return bool(a) and bool(b) and a != b


def _only_if(unit: Unit, toks: list[Tok], s: int, end: int, conj: str) -> list[Unit] | None:
    """"Man stellt die Bescheinigung nur aus, wenn der Antrag rechtzeitig eingegangen ist." → "Man stellt die
    Bescheinigung nur unter einer Bedingung aus." + "Die Bedingung ist: Der Antrag ist rechtzeitig eingegangen."
    The "nur" keeps its meaning by pointing to the condition that follows."""
    if conj not in ("wenn", "falls", "sofern") or toks[-1].text != ".":
        return None
    if end < len(toks) and toks[end].text not in SENT_END:
        return None  # more after the clause
    clause = toks[s + 1 : end]
    main = strip_end(toks[: s - 1] if toks[s - 1].text == "," else toks[:s])
    if not finite_indices(main) or main[0].tag in ("KOUS", "PWS", "PWAV", "PRELS") or not _parts_ready(clause) or \
            len(coordinated(clause)) > 1:
        return None
    erst = [k for k, t in enumerate(main) if t.text.lower() == "erst" and t.tag == "ADV"]
    if len(erst) == 1 and not any(t.text.lower() == "nur" for t in main) and erst[0] > 0 and not any(
            t.tag == "CARD" or t.text.lower() in ("seit", "jetzt", "heute") for t in main[erst[0] :]):
        # "Das Amt bearbeitet den Antrag erst, wenn alle Unterlagen da sind." → "Die Bedingung ist: Alle Unterlagen
        # sind da." + "Erst dann bearbeitet das Amt den Antrag." (not "erst 3 Tage", "erst seit": a time)
        rest = [t for k, t in enumerate(main) if k != erst[0] and not (k == erst[0] + 1 and t.text.lower() == "dann")]
        return [unit.derive(end_sentence(_condition(clause)), ID),
                unit.derive(end_sentence(invert_with(rest, "Erst dann")), ID)]
    nur = [k for k, t in enumerate(main) if t.text.lower() == "nur"]
    if len(nur) != 1 or any(t.text.lower() == "erst" for t in main):
        return None
    k = nur[0]
    if k + 1 < len(main) and main[k + 1].text.lower() in ("dann", "so"):
        main = main[: k + 1] + main[k + 2 :]  # "nur dann, wenn"
    words = [t.text for t in main[: k + 1]] + ["unter", "einer", "Bedingung"] + [t.text for t in main[k + 1 :]]
    return [unit.derive(end_sentence(words), ID), unit.derive(end_sentence(_condition(clause)), ID)]


def _condition(clause: list[Tok]) -> list[str]:
    """"Die Bedingung ist: Der Antrag ist eingegangen." for a verb-final condition clause."""
    return ["Die", "Bedingung", "ist", ":"] + _capital_after_colon(to_v2(clause), clause)


def _still_to_come(main: list[Tok], clause: list[Tok], polite: bool) -> bool:
    """A nachdem clause in the present perfect before a main clause in the present is a condition still to
    be met ("… dürfen Sie umziehen, nachdem wir … bestätigt haben") where the main clause has "erst", a
    modal or a future, or the text addresses its reader ("Wir überweisen die Rate, nachdem Sie … haben": a
    letter speaks of what will happen). "Die Kinder spielen, nachdem sie gegessen haben" is a habit."""
    commas = top_level_commas(main)
    main = main[: commas[0]] if commas else main  # ("…, die Sie aufbewahren sollten": a clause of its own)
    fins = finite_indices(main)
    if len(fins) != 1:
        return False
    fin = main[fins[0]]
    present = is_present_form(fin.text, fin.lemma) and not any(t.tag.endswith("(PP)") for t in main)
    clause_fins = [t for t in clause if t.is_finite]
    # "bestätigt haben", "bezahlt ist": a present finite verb, not "gegessen hatten"
    return present and bool(clause_fins) and is_present_form(clause_fins[-1].text, clause_fins[-1].lemma) and (
        any(t.text.lower() == "erst" for t in main) or fin.tag.startswith("VM") or fin.lemma == "werden" or polite)


def _precondition(unit: Unit, toks: list[Tok], s: int, end: int, polite: bool = False) -> list[Unit] | None:
    """A nachdem clause after its main clause. "Sie dürfen erst umziehen, nachdem wir die Aufhebung bestätigt
    haben": with a main clause in the present the perfect of the clause is a condition still to be met, not
    a past event ("Davor haben wir … bestätigt" would say it happened) → "Die Bedingung ist: Wir haben die
    Aufhebung bestätigt." + "(Erst) dann dürfen Sie umziehen." In the past, "erst" keeps the order: "Er ist
    erst gegangen, nachdem alle gegessen hatten." → "Alle haben gegessen." + "Erst danach ist er gegangen."
    None where the plain "Davor …" is right."""
    if end < len(toks) and toks[end].text not in SENT_END:
        return None
    clause = toks[s + 1 : end]
    main = strip_end(toks[: s - 1] if toks[s - 1].text == "," else toks[:s])
    intro: list[Unit] = []
    colons = [k for k, t in enumerate(main) if t.text == ":"]
    if len(colons) == 1 and any(t.tag.startswith("V") for t in main[: colons[0]]) and colons[0] + 2 < len(main):
        # "Bitte beachten Sie: Sie dürfen erst umziehen, nachdem …": the announcement on a line of its own
        intro = [unit.derive([t.text for t in main[: colons[0] + 1]], ID, kind="intro")]
        main = main[colons[0] + 1 :]
    fins = finite_indices(main)
    if len(fins) != 1 or main[0].tag in ("KOUS", "PWS", "PWAV", "PRELS") or not _parts_ready(clause) or \
            len(coordinated(clause)) > 1 or any(t.text in (":", ";") for t in main):
        return None
    erst = [k for k, t in enumerate(main) if t.text.lower() == "erst" and t.tag == "ADV"]
    rest = [t for k, t in enumerate(main) if k not in erst[:1]]
    if _still_to_come(main, clause, polite):
        adverb = "Erst dann" if len(erst) == 1 else "Dann"
        return intro + [unit.derive(end_sentence(_condition(clause)), ID),
                        unit.derive(end_sentence(invert_with(rest, adverb)), ID)]
    if len(erst) == 1:
        return intro + [unit.derive(end_sentence(to_v2(clause)), ID),
                        unit.derive(end_sentence(invert_with(rest, "Erst danach")), ID)]
    return None


def _reported_reason(unit: Unit, main: list[Tok], clause: list[Tok]) -> str:
    """The person whose reason a weil/da clause in Konjunktiv I gives ("Lenz forderte mehr Personal, da eine
    Kraft nicht ausreiche": Lenz), or "" when the reason is the narrator's or the sentence is already
    someone's report."""
    if unit.speaker or not any(t.is_finite and (m := konjunktiv(t.text, t.lemma)) is not None and m.kind == "konj1"
                               for t in clause):
        return ""
    if not main or not (main[0].tag == "NE" or (main[0].tag in ("ART", "PPOSAT") and len(main) > 1)):
        return ""
    subject = subject_of(main)
    if not subject:
        return ""
    k = len(subject)
    if not (main[k - 1].tag == "NE" or is_person_noun(main[k - 1].text, main[k - 1].tag)) or k >= len(main) or not main[k].is_finite:
        return ""
    return " ".join([subject[0][:1].upper() + subject[0][1:]] + subject[1:])


#: conjunctions of a condition that a question and "Dann …" can say: "sobald" (as soon as) is a condition
#: that something happens too; "solange" (as long as) is not — "Dann" would lose the duration
_CONDITIONS = ("wenn", "falls", "sofern", "soweit", "sobald")


def _condition_first(unit: Unit, toks: list[Tok], ctx: Context) -> list[Unit] | None:
    """A condition before its main clause becomes a question and "Dann …", as Leichte Sprache writes
    conditions: "Wenn Sie Bürgergeld erhalten, sind Sie verpflichtet, …" / "Fehlen Unterlagen, kann der
    Antrag nicht bearbeitet werden." → "Erhalten Sie Bürgergeld? Dann sind Sie verpflichtet, …" /
    "Fehlen Unterlagen? Dann kann der Antrag nicht bearbeitet werden." Einfache Sprache only when the
    sentence is over its word limit. The main clause must start with its finite verb (it follows the
    condition), the condition must have exactly one finite verb."""
    if not toks or any(t.text in QUOTES_OPEN for t in toks):
        return None
    if ctx.level != "leicht" and sum(1 for t in toks if t.is_word) <= ctx.options.max_words:
        return None
    first = toks[0]
    conditional = first.tag == "KOUS" and first.text.lower() in _CONDITIONS
    if not conditional and not (first.is_finite and first.text[:1].isupper()):
        return None
    start = 1 if conditional else 0
    end = segment_end(toks, start + 1)
    if end >= len(toks) - 1 or toks[end].text != ",":
        return None
    clause = toks[start:end]
    fins = finite_indices(clause)
    if not conditional and len(fins) == 2 and fins[-1] == len(clause) - 1 and _infinite_form(clause[-1]):
        fins = fins[:1]  # "Können Sie nicht kommen", "Wird ein Termin verpasst": the last verb is not finite
    if len(fins) != 1 or len(clause) < 2 or any(t.tag in ("KOUS", "PRELS", "PWS", "PWAV") for t in clause[1:]):
        return None
    main = strip_end(toks[end + 1 :])
    if main and main[0].text.lower() in ("dann", "so") and len(main) > 1:
        main = main[1:]
    if not main or not main[0].is_finite or main[0].tag == "VV(IMP)":
        return None
    from lesbar.simplify.resources import speech_verbs

    if main[0].lemma in speech_verbs() or main[0].lemma == "fragen":
        return None  # "Haben Sie gegessen, fragt er.": a question with its frame
    if (_past_or_unreal(clause[fins[0]]) and clause[fins[0]].lemma != "sollen") or _past_or_unreal(main[0]):
        return None  # "Wenn der Großvater erzählte, hörten alle zu" (whenever), "Wenn ich Zeit hätte, …"
    if conditional:
        # verb-final → verb-first: "wenn Sie Bürgergeld erhalten" → "Erhalten Sie Bürgergeld"
        f = fins[0]
        fin = clause[f]
        fin_word, particle = fin.text, ""
        part = separable_particle(fin.lemma) if fin.lemma.isalpha() else ""
        if part and fin.text.lower().startswith(part) and len(fin.text) > len(part) + 1:
            fin_word, particle = fin.text[len(part) :], part
        question = [fin_word] + [t.text for k, t in enumerate(clause) if k != f] + ([particle] if particle else [])
    elif clause[0].lemma == "sollen" and (clause[-1].tag.endswith("(INF)") or _infinite_form(clause[-1])):
        question = _without_sollte(clause)
        if question is None:
            return None
    else:
        question = [t.text for t in clause]
    main_words = [t.text for t in main]
    main_words[0] = main_words[0][:1].lower() + main_words[0][1:]
    if conditional and first.text.lower() == "wenn" and _habitual(clause, main):
        # "Wenn Ahmad morgens um 6 Uhr seinen Dienst beginnt, hat er oft schon …": what happens every time,
        # a fact, not a condition to ask about
        return [unit.derive(end_sentence(to_v2(clause)), ID), unit.derive(end_sentence(["Dann"] + main_words), ID)]
    question = [question[0][:1].upper() + question[0][1:]] + question[1:] + ["?"]
    return [unit.derive(question, ID), unit.derive(end_sentence(["Dann"] + main_words), ID)]


#: words of a habit: a "wenn" clause with them says "every time", no condition
_HABIT_WORDS = {"morgens", "abends", "mittags", "nachmittags", "vormittags", "nachts", "täglich", "jeden", "jede",
                "jedes", "wochentags", "werktags"} | {day + "s" for day in WEEKDAYS}  # "montags", …


def unreal_condition(clause: list[Tok]) -> bool:
    """A condition clause in the unreal past, also in a report: "hätte/wäre" with a participle or a modal's
    infinitive ("wenn er seinen Pass hätte behalten dürfen") in a form with a Konjunktiv I of its own
    (singular, or "wäre"), which a report would have used. The indicative would say it happened. (A present
    "wenn … ginge, könnten …" reads as a plain condition in the indicative.)"""
    perfect = any(t.tag.endswith("(PP)") or t.tag == "VM(INF)" or (t.tag.startswith("VM") and t.text == t.lemma)
                  for t in clause)
    return perfect and any(t.is_finite and t.lemma in ("haben", "sein") and (
        konjunktiv(t.text, t.lemma) or _NO_MOOD).kind == "konj2" and (t.lemma == "sein" or verb_number(t) == "singular")
        for t in clause)


def _habitual(clause: list[Tok], main: list[Tok]) -> bool:
    """A "wenn" clause about what happens regularly: a word of habit in it (a time of day, a weekday), and a
    subject that names someone (no "Sie" or "man", whose "wenn" is an instruction's condition)."""
    words = {t.text.lower() for t in clause}  # ("…, klingelt oft das Telefon": how often the consequence follows)
    if not words & _HABIT_WORDS:
        return False
    return not any(t.text in ("Sie", "man", "du", "ihr") or t.text == "Ihr" for t in clause)


def _infinite_form(t: Tok) -> bool:
    """An infinitive or participle the tagger read as finite ("kommen" after "Können Sie nicht")."""
    return t.text.lower() == t.lemma or is_participle_form(t.text, t.lemma)


def _without_sollte(clause: list[Tok]) -> list[str] | None:
    """"Sollte die Nachfrage weiter steigen" → "Steigt die Nachfrage weiter"; "Sollten Sie den Termin nicht
    wahrnehmen können" → "Können Sie den Termin nicht wahrnehmen": "sollte" first only marks the
    condition; the last infinitive becomes the finite verb (a separable particle goes to the end)."""
    inf = clause[-1]
    idx = 5 if clause[0].text.lower().endswith("en") else 2
    table = verb_table(inf.lemma)
    if table is None:
        return None
    fin = table.present[idx]
    particle = separable_particle(inf.lemma)
    tail: list[str] = []
    if particle:  # "Sollte der Kurs ausfallen" → "Fällt der Kurs aus"
        fin, tail = (fin[len(particle) :] if fin.startswith(particle) and len(fin) > len(particle) + 1 else fin), [particle]
    return [fin] + [t.text for t in clause[1:-1]] + tail


def _past_or_unreal(verb: Tok) -> bool:
    """A preterite ("erzählte", "hatte") or Konjunktiv II ("hätte", "würde") finite verb."""
    from lesbar.simplify.morphology import konjunktiv

    low = verb.text.lower()
    table = verb_table(verb.lemma)
    if table is not None and low in table.preterite and low not in table.present:
        return True
    mood = konjunktiv(verb.text, verb.lemma)
    return mood is not None and mood.kind == "konj2"


def _tail_belongs_to_clause(toks: list[Tok], end: int) -> bool:
    """Whether the segments after a subordinate clause continue it: a zu-infinitive or another
    subordinate/relative clause, and no main clause anywhere after it."""
    if end >= len(toks) or toks[end].text != ",":
        return False
    nxt = toks[end + 1 : segment_end(toks, end + 1)]
    if not nxt:
        return False
    starts_sub = nxt[0].tag in ("KOUS", "PRELS", "PWAV", "PWS", "PWAT") or (
        len(nxt) > 1 and nxt[0].tag.startswith("APPR") and nxt[1].tag in ("PRELS", "PWS", "PWAT", "PWAV"))
    # ("weil sie nicht wissen, welche Kurse es gibt", "…, an welchem Tag der Kurs ist")
    zu_inf = any(t.tag == "PTKZU" or t.tag.endswith("(IZU)") for t in nxt) and not finite_indices(nxt)
    return starts_sub or zu_inf


def _capital_after_colon(words: list[str], clause: list[Tok]) -> list[str]:
    """A full sentence after a colon starts with a capital, except "sie": "Sie" would read as the polite
    "you" ("Die Bedingung ist: sie sind gesund" means the children)."""
    if not words or words[0] in ("sie", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres"):
        return words  # (also "ihre Gemeinden": "Ihre" would be the reader's)
    return [words[0][:1].upper() + words[0][1:]] + words[1:]


def _adv_v2(adverb: str, clause: list[Tok]) -> list[str]:
    words = to_v2(clause, prefield=[adverb])
    if len(words) > 2 and clause and clause[0].tag in ("PPER", "ART", "PPOSAT", "PIS", "PDS", "PIAT"):
        if words[2] != "Sie":
            words[2] = words[2][:1].lower() + words[2][1:]
    return words


def main_clauses(parts: list[list[Tok]]) -> list[str]:
    """The parts of a verb-final clause (:func:`coordinated`) as main clauses joined by "und": "dass A kommt
    und B geht" → "A kommt und B geht"; "dass die Kinder krank seien und Fieber hätten" → "… und sie hätten
    Fieber"."""
    words = to_v2(parts[0])
    for p in parts[1:]:
        words += ["und"] + _lower(to_v2(p), p)
    return words


def _lower(words: list[str], clause: list[Tok]) -> list[str]:
    """Keep a pronoun or article lower-case after a colon or "Denn"."""
    if words and clause and words[0] == clause[0].text and clause[0].tag in ("PPER", "ART", "PPOSAT", "PIS", "PIAT", "PDS", "ADV"):
        if words[0] != "Sie":
            return [words[0][:1].lower() + words[0][1:]] + words[1:]
    return words


def _clause_start(toks: list[Tok], c: int) -> int:
    """Where the clause before the comma at ``c`` starts: after an earlier comma or a colon ("Die Bedingung
    ist: Sie nehmen eine Arbeit auf, die …": "Bedingung" is no candidate for "die")."""
    return max([k + 1 for k in top_level_commas(toks) if k < c] + [k + 1 for k in range(c) if toks[k].text == ":"],
               default=0)


def _relative_clause(unit: Unit, toks: list[Tok], level: str = "leicht") -> list[Unit] | None:
    if toks and toks[-1].text == "?":
        return None  # "Gibt es einen Ort, den Sie mögen?": split off, the clause would state what was asked
    for c in top_level_commas(toks):
        if c == 0 or c + 2 >= len(toks):
            continue
        ante = toks[c - 1]
        i = c + 1
        prep: list[str] = []
        if toks[i].text.lower() == "die" and any(toks[k].tag == "KON" and toks[k].text in ("und", "sowie")
                                                  and toks[k + 1].tag in ("ART", "PPOSAT", "NN", "NE", "ADJ(A)")
                                                  for k in range(max(0, c - 5), c)) and \
                _verb_number_of(_finite_at_end(toks[i + 1 : _relative_end(toks, i)])) == "plural":
            # "die Gesamtschule, die Realschule und das Förderzentrum, die sich … teilen": all of them
            out = _coordinated_antecedent(unit, toks, c)
            if out is not None:
                return out
            continue
        if toks[i].tag.startswith("APPR") and _relative_pronoun_at(toks, i + 1):
            prep = [toks[i].text]
            i += 1
        rel = toks[i]
        if rel.text.lower() not in _RELPRON_ARTICLE or not (rel.tag == "PRELS" or prep or _v2_relative(toks, c)
                                                             or _relative_read_as_article(toks, c, i)):
            continue
        if i + 2 < len(toks) and toks[i + 1].text.lower() in ("beiden", "meisten", "anderen", "übrigen") and (
                toks[i + 2].is_finite or (i + 4 < len(toks) and toks[i + 2].text == "von"
                                          and toks[i + 3].tag in ("PPER", "PRELS", "PDS") and toks[i + 4].is_finite)):
            continue  # "…, die beiden heirateten …", "die meisten von ihnen sind …": an article, no relative clause
        if prep and prep[0].lower() in ("von", "unter") and i + 1 < len(toks) and toks[i + 1].tag in ("PIS", "PIAT", "CARD"):
            continue  # "23 Ehrenamtliche, von denen einige …": a part of them, which the clause cannot name
        if ante.is_noun and not agrees_with_relative(ante, rel.text.lower()):
            # "standen drei Fachforen zur Wahl, in denen …": exactly one noun of the clause agrees
            clause_start = _clause_start(toks, c)
            cands = [k for k in range(clause_start, c) if toks[k].tag == "NN" and agrees_with_relative(toks[k], rel.text.lower())]
            owner = _owner_of_genitive(toks, c - 1, rel.text.lower())
            if owner is not None:
                cands = [owner]  # "vom Pool des Zentrums, der …": the noun whose genitive attribute does not agree
            if len(cands) != 1:
                continue
            ante = toks[cands[0]]
            c_noun = cands[0] + 1
        elif ante.text in QUOTES_CLOSE and (q := _title_noun(toks, c, rel.text.lower())) is not None:
            ante, c_noun = toks[q], c  # "auf die Liste „Gemeinsam für Hemmingen“, die …": the noun before the title
        elif not ante.is_noun:
            # "bietet einen Kurs an, der …": the relative clause follows the verb part of the main clause
            back = c - 1
            while back > 0 and (toks[back].tag == "PTKVZ" or toks[back].tag.endswith(("(PP)", "(INF)")) or (
                    back == c - 1 and toks[back].tag in ("ADV", "ADJ(D)") and toks[back - 1].is_noun)) and c - back < 3:
                back -= 1  # (… "sind 6 Lotsinnen unterwegs, die …": a predicate word after the noun)
            if back == c - 1 or not toks[back].is_noun:
                continue
            c_noun = back + 1
            if not agrees_with_relative(toks[back], rel.text.lower()):
                # "lädt zum Fest der Vielfalt ein, das …": the noun before a genitive attribute is meant
                if back >= 2 and toks[back - 1].text in ("der", "des") and toks[back - 2].tag == "NN" \
                        and agrees_with_relative(toks[back - 2], rel.text.lower()):
                    back -= 2
                else:
                    # "bietet ein Training für geflüchtete Kinder an, das …": the one noun of the clause that agrees
                    clause_start = _clause_start(toks, c)
                    cands = [k for k in range(clause_start, back) if toks[k].tag == "NN"
                             and agrees_with_relative(toks[k], rel.text.lower())]
                    if len(cands) != 1 or any(toks[k].tag == "NE" for k in range(clause_start, back)):
                        continue
                    back = cands[0]
                    c_noun = back + 1
            ante = toks[back]
            if any(t.tag == "NE" and k > 0 and toks[k - 1].tag not in ("NN", "NE", "ART") and
                   not toks[k - 1].tag.startswith("APPR") and toks[k + 1].text[:1].isupper() and toks[k + 1].is_noun
                   for k, t in enumerate(toks[:back])) and rel.text.lower() in ("der", "die"):
                # (a person's first name and surname before the object: "nahm Gerhard Wiese den Preis entgegen")
                continue  # "nahm Gerhard Wiese den Preis entgegen, der die Tafel mitgegründet hatte": who?
        else:
            c_noun = c
        if ante.tag == "NE" and c_noun >= 2 and toks[c_noun - 2].tag.startswith("APPR"):
            continue  # "Amina aus Syrien, die …": the clause is about the person, not the place after "aus"

        # the antecedent noun: "Zeche Sophia-Jacoba" → take the common noun before names
        head = next(k for k in range(c_noun - 1, -1, -1) if toks[k] is ante)
        while head > 0 and toks[head].tag == "NE" and toks[head - 1].tag in ("NN", "NE"):
            head -= 1
        noun_words = [t.text for t in toks[head:c_noun]]
        if not prep and level == "leicht":
            conditions = _universal_conditions(unit, toks, c, i, head, c_noun)
            if conditions is not None:
                return conditions
        end = _relative_end(toks, i)
        embedded = head > 0 and toks[head - 1].is_finite  # "berichtet Goran Ilić, der …, von seinen Erfahrungen"
        while end < len(toks) and toks[end].text == "," and not embedded:
            nxt_end = segment_end(toks, end + 1)
            nxt = toks[end + 1 : nxt_end]
            pp = nxt and (nxt[0].tag.startswith("APPR") or (nxt[0].tag == "KOUI" and not any(
                t.tag == "PTKZU" or t.tag.endswith("(IZU)") or t.tag.endswith("(INF)") for t in nxt)))
            if not pp or finite_indices(nxt) or nxt_end <= end + 1 or (
                    nxt[0].tag == "KOUI" and any(t.tag.startswith("V") for t in nxt)):
                break  # ", um fast die Hälfte zurückgegangen": the main clause's verb part, not the clause's
            if nxt[0].tag.startswith("APPR") and toks[end - 1].is_finite and head > 0 and \
                    any(t.is_finite for t in toks[:head]):
                break  # "ein Beirat, dem … angehören, innerhalb von sechs Wochen": the clause closed with its verb
            end = nxt_end  # ", um das Zusammenspiel …": an extraposed part of the relative clause
        if (end + 1 < len(toks) and toks[end].text == "," and toks[end + 1].text.lower() in ("dass", "daß")
                and any(t.text.lower() == "so" for t in toks[i + 1 : end])):
            end = segment_end(toks, end + 2)  # "…, der so schön war, dass …": the dass clause belongs to "so"
        if end + 1 < len(toks) and toks[end].text == "," and (
                toks[end + 1].text.lower() in ("dass", "daß", "ob") or toks[end + 1].tag in ("PWAV", "PWS")):
            continue  # "…, die daran erinnerte, dass …": the dass clause would be left without its verb
        shared = _shared_verb_end(toks, end)
        if shared is not None:
            # "die sich austauschen, Kontakte knüpfen und … verbessern möchten": infinitives that share the
            # modal at the end of the sentence are one clause; the modal is its only finite verb
            toks = toks[: i + 1] + [Tok(t.text, t.tag.replace("(FIN)", "(INF)"), t.lemma) if t.is_finite else t
                                    for t in toks[i + 1 : shared - 1]] + toks[shared - 1 :]
            end = shared
        clause = _finite_at_end(toks[i + 1 : end])
        if not finite_indices(clause):
            continue
        if rel.text.lower() == "die" and _verb_number_of(clause) == "plural" and toks[head].tag == "NN" and \
                noun_number(toks[head]) == "singular":
            # "Frauen mit und ohne Einwanderungsgeschichte, die … möchten": the plural verb says which noun
            earlier = _plural_noun_before(toks, head)
            if earlier is None:
                continue
            head, c_noun = earlier, earlier + 1
            noun_words = [toks[head].text]
        if any(t.tag == "KON" and k + 1 < len(clause) and clause[k + 1].text.lower() == rel.text.lower()
               for k, t in enumerate(clause)):
            continue  # "Mitglieder, die der Kreistag entsendet und die … benannt werden": two relative clauses
        verb_second = not prep and rel.text.lower() in ("der", "die", "das") and _verb_second(clause)
        if not verb_second and not _parts_ready(clause, relative=True) and not _one_verb_at_end(clause):
            continue  # "ein Ring, der glänzte … und war so schön, daß": two verbs, none of them last
        if _main_loses_its_verb_part(_main_without(toks, c, end), clause):
            continue  # "wird vom Land, der Sparkasse und dem Verein unterstützt": a list, not a clause
        if _clause_goes_on(toks, end):
            continue  # "die sich austauschen, Kontakte knüpfen und … verbessern möchten": one clause, several commas
        if prep and toks[head].text in _TIME_HEADS and any(t.text.lower() in ("ab", "seit", "bis", "vor", "nach", "am", "an",
                                                                       "im", "in", "zum", "zu", "von", "vom")
                                                for t in toks[max(0, head - 3) : head]):
            continue  # "ab dem Monat, in dem der Antrag gestellt wurde": the clause says which month
        if toks[head].text in _MEASURE_NOUNS and head > 0 and (toks[head - 1].tag == "CARD" or toks[head - 1].text in (
                "Millionen", "Million", "Milliarden", "Milliarde", "Mio.", "Mrd.", "Tausend")):
            continue  # "500 Euro, die für Bücher ausgegeben werden": "die Euro" cannot be the subject of a sentence
        if _wanted(toks, head):
            continue  # "Wir suchen eine Person, die übersetzt": the person is wanted, the clause no fact yet
        if _focused_indefinite(toks, head):
            continue  # "Gerade in einer Zeit, in der der Hass zunimmt, …": without the clause the phrase says nothing
        if toks[head].tag == "NN" and any(t.text.lower() in _NEGATIONS for t in toks[_clause_start(toks, c) : head]):
            # "haftet nicht für Schäden, die durch die Nutzung entstehen": the clause says which are meant; split
            # off, the negation would hold for all of them
            continue
        seg_start = max([k + 1 for k in top_level_commas(toks) if k < head], default=0)
        if toks[seg_start].tag in ("PWS", "KOUS", "PWAV", "PRELS") and seg_start < head:
            continue  # "Wer eine Person bemerkt, die im Freien schläft, …": the person of a condition
        demonstrative = False
        if _restrictive(toks, head):
            if not _restrictive_at_the_end(toks, head, end, level):
                continue  # "Vereine, die mitmachen möchten, können sich anmelden": the clause is a condition
            demonstrative = True  # "berät Menschen, die neu hier sind" → "Diese Menschen sind neu hier."
        if _attached_to_earlier_noun(toks, head, rel.text.lower()):
            continue  # "ein Empfang mit Kaffee und Kuchen, bei dem …": which noun is meant is unclear
        if not agrees_with_relative(toks[head], rel.text.lower()):
            continue  # "standen drei Fachforen zur Wahl, in denen …": the noun before the comma is not it
        if rel.text.lower() == "der" and not prep and _genus(toks[head]) == "f":
            if not (head >= 2 and toks[head - 1].text == "der" and toks[head - 2].tag == "NN"
                    and _genus(toks[head - 2]) == "m" and agrees_with_relative(toks[head - 2], "der")
                    and _only_subject_is_the_pronoun(clause, verb_plural=False, person=False)):
                continue  # "der" for a feminine noun is a dative: the clause has another subject
            # "aus dem Haushalt der Stadt, der im Dezember verabschiedet wird": with no other subject the
            # pronoun is a nominative, so it means the masculine noun before the genitive
            head -= 2
            noun_words = [t.text for t in toks[head:c_noun]]
        if head >= 2 and toks[head - 1].text in ("der", "des") and toks[head - 2].is_noun \
                and agrees_with_relative(toks[head - 2], rel.text.lower()):
            continue  # "dem Haushalt der Stadt, der …": which noun is meant is ambiguous
        if head >= 1 and toks[head - 1].text.lower() in ("des", "eines", "seines", "ihres", "meines", "dieses",
                                                         "unseres", "jedes"):
            continue  # "den Brief eines Lehrers, der …": a genitive antecedent would need its nominative
        article = _RELPRON_ARTICLE[rel.text.lower()]
        determiner = next((toks[k] for k in range(head - 1, -1, -1) if toks[k].tag not in ("ADJ(A)", "ADV", "CARD")),
                          None)
        counted = next((k for k in range(head - 1, -1, -1) if toks[k].tag not in ("ADJ(A)", "ADV")), None)
        if counted is not None and toks[counted].tag == "CARD" and (
                counted == 0 or toks[counted - 1].tag not in ("ART", "PPOSAT", "PDAT")):
            demonstrative = True  # "von sieben Mitgliedern, die verstorben sind" → "Diese Mitglieder …", not all
        if determiner is not None and determiner.text.lower() in _INDEFINITE:
            if determiner.text.lower() in ("ein", "eine") and head <= 2 and end + 1 < len(toks) and \
                    toks[end].text == "," and toks[end + 1].is_finite:
                continue  # "Ein Mensch, der krank ist, darf …": any such person, not one to point back to
            demonstrative = True  # "ein Deutschland, in dem …" → "In diesem Deutschland …"
        if demonstrative:
            article = _DEMONSTRATIVE[article]
        if toks[head].tag == "NNA" and noun_words[-1].endswith("e") and rel.text.lower() == "die" and \
                _verb_number_of(clause) == "plural":
            noun_words = noun_words[:-1] + [noun_words[-1] + "n"]  # "die/diese Jugendlichen"
        noun_words = _noun_case(toks[head], noun_words, rel.text.lower())
        first_adj = head
        while first_adj > 0 and toks[first_adj - 1].tag == "ADJ(A)" and toks[first_adj - 1].text[:1].isupper():
            first_adj -= 1
        if first_adj < head and first_adj > 0 and toks[first_adj - 1].text.lower() == article:
            # "das Deutsche Rote Kreuz, das …": capitalised adjectives are part of the name
            noun_words = [t.text for t in toks[first_adj:head]] + noun_words
        if c_noun - head == 1 and toks[head].tag == "NE" and _verb_number_of(clause) == "plural" and not (
                head > 0 and toks[head - 1].tag in ("ART", "PPOSAT", "PDAT")):
            continue  # "Wahlberechtigt sind Deutsche, die eingebürgert wurden": a bare plural, no name; which ones
        name_with_title = toks[head].text in ("Herr", "Frau", "Doktor", "Professor", "Professorin", "Dr.", "Prof.") \
            and head + 1 < c_noun and all(t.tag == "NE" or t.text in TITLES for t in toks[head + 1 : c_noun])
        if (name_with_title or all(t.tag == "NE" for t in toks[head:c_noun])) and not (
                head > 0 and toks[head - 1].tag == "ART"):
            pre = prep + noun_words  # a name has no article: "Anna Berg, die …" → "Anna Berg …"
        else:
            pre = prep + [article] + noun_words
        parts = coordinated(clause) if not verb_second else [clause]
        if verb_second:
            # "einen Ring, der glänzte von Edelsteinen und war so schön" (old word order, verb second):
            # the clause is a main clause already once the noun replaces the pronoun
            main = strip_end(_main_without(toks, c, end))
            if not finite_indices(main):
                continue
            return [unit.derive(end_sentence([t.text for t in main]), ID),
                    unit.derive(end_sentence(pre + [t.text for t in strip_end(clause)]), ID)]
        if len(parts) > 1:  # "die hier seien und zur Arbeit gingen": one sentence per verb
            main = strip_end(_main_without(toks, c, end))
            if not finite_indices(main):
                continue
            return [unit.derive(end_sentence([t.text for t in main]), ID)] + [
                unit.derive(end_sentence(to_v2(p, prefield=pre)), ID) for p in parts]
        new_sentence = to_v2(clause, prefield=pre)
        main = strip_end(_main_without(toks, c, end))
        if not finite_indices(main):
            continue
        return [unit.derive(end_sentence([t.text for t in main]), ID), unit.derive(end_sentence(new_sentence), ID)]
    return None


#: weak adjective ending after a definite article in the nominative, by the strong ending after "dessen"
_WEAK_SINGULAR = {"er": "e", "es": "e", "e": "e"}
_NOMINATIVE_ARTICLE = {"m": "der", "f": "die", "n": "das"}
#: pronouns that would be the subject of the clause instead of the possessed noun
_NOMINATIVE_PRONOUNS = {"ich", "du", "er", "sie", "es", "wir", "ihr", "man", "jemand", "niemand"}


def verb_number(verb: Tok) -> str:
    """"singular" or "plural" for a 3rd person finite verb (present or past), "" when unknown."""
    table = verb_table(verb.lemma)
    if table is None:
        return ""
    low = verb.text.lower()
    singular = {table.present[2], table.preterite[2]} if len(table.preterite) > 2 else {table.present[2]}
    plural = {table.present[5], table.preterite[5]} if len(table.preterite) > 5 else {table.present[5]}
    if len(table.konj2) > 5:
        singular.add(table.konj2[2])  # "möchte", "möchten", "könnte"
        plural.add(table.konj2[5])
    if len(table.konj1) > 5:
        singular.add(table.konj1[2])  # "sei", "seien", "habe"
        plural.add(table.konj1[5])
    part = separable_particle(verb.lemma)
    if part:
        singular |= {part + f for f in singular}
        plural |= {part + f for f in plural}
    if low in singular and low not in plural:
        return "singular"
    if low in plural and low not in singular:
        return "plural"
    return ""


_UNIVERSAL = {"alle", "allen", "jede", "jeder", "jedes", "jeden"}


def _universal_conditions(unit: Unit, toks: list[Tok], c: int, i: int, head: int, c_noun: int) -> list[Unit] | None:
    """A relative clause at the end of a sentence that says which of "alle …" are meant is a list of
    conditions: "Wahlberechtigt sind alle Personen, die am Wahltag 16 Jahre alt sind, seit einem Jahr hier
    leben und im Kreis wohnen." → "Wahlberechtigt sind alle Personen." + "Die Bedingungen sind:" + "Die
    Personen sind am Wahltag 16 Jahre alt." … Only when the pronoun is the subject of every part."""
    det = head - 1
    while det >= 0 and toks[det].tag == "ADJ(A)":
        det -= 1
    if det < 0 or toks[det].text.lower() not in _UNIVERSAL or toks[i].text.lower() not in ("der", "die", "das"):
        return None
    body = strip_end(toks)
    if len(body) < len(toks) - 1 or toks[-1].text != ".":
        return None
    main = strip_end(toks[:c])
    if not finite_indices(main) or toks[0].tag in ("KOUS", "PWS", "PWAV", "PRELS"):
        return None
    # the parts: "…, die A haben, B leben und C haben": a comma or "und" after a finite verb starts the next
    parts: list[list[Tok]] = [[]]
    for k in range(i + 1, len(body)):
        t = body[k]
        if (t.text == "," or (t.tag == "KON" and t.text == "und")) and parts[-1] and parts[-1][-1].is_finite:
            parts.append([])
            continue
        parts[-1].append(t)
    plural = toks[det].text.lower() in ("alle", "allen")
    for part in parts:
        fins = finite_indices(part)
        if len(part) < 2 or len(fins) != 1 or fins[0] != len(part) - 1 or any(t.text in (",", ";") for t in part):
            return None
        if not _only_subject_is_the_pronoun(part[:-1], verb_plural=plural, person=False):
            return None
        if verb_number(part[-1]) not in ("", "plural" if plural else "singular"):
            return None
    noun = toks[head:c_noun]
    article = "Die" if plural else {"m": "Der", "f": "Die", "n": "Das"}.get(_genus(noun[0]), "")
    if not article or any(t.tag == "ADJ(A)" for t in toks[det + 1 : head]):
        return None  # ("alle neuen Mitglieder": the adjective would need its own ending after "Die")
    first = unit.derive(end_sentence([t.text for t in main]), ID)
    if len(parts) == 1:
        words = to_v2(parts[0], prefield=[article] + [t.text for t in noun])
        return [first, unit.derive(end_sentence(["Die", "Bedingung", "ist", ":"] + words), ID)]
    out = [first, unit.derive(["Die", "Bedingungen", "sind", ":"], ID)]
    for part in parts:
        out.append(unit.derive(end_sentence(to_v2(part, prefield=[article] + [t.text for t in noun])), ID))
    return out


_OBLIQUE_ARTICLES = {"dem", "den", "des", "der", "einem", "einen", "eines", "einer"}


def _plural_form(t: Tok) -> bool:
    """"Briefe": a plural form of its noun ("Briefe" is also an old dative singular)."""
    info = noun_info(t.lemma)
    return info is not None and t.text in info.number_forms("plural")


def _coordinated_antecedent(unit: Unit, toks: list[Tok], c: int) -> list[Unit] | None:
    """A relative clause with a plural verb on coordinated nouns: "Die Schüler haben Briefe und
    Tagebucheinträge vorgelesen, die im Stadtarchiv aufbewahrt werden." → "… vorgelesen." + "Diese Briefe und
    Tagebuch-Einträge werden im Stadtarchiv aufbewahrt." The coordination is repeated as the new subject; only
    where its form is a nominative too (no preposition or oblique article before it, plural bare nouns or
    conjuncts with die/das), at the end of the sentence."""
    rel_end = _relative_end(toks, c + 1)
    if rel_end < len(toks) and toks[rel_end].text not in SENT_END:
        return None
    if any(t.text.lower() in _FEW | _UNIVERSAL_OR_NONE | {"nicht"} for t in toks[:c]):
        return None  # "Nicht gefördert werden Kosten und Anschaffungen, die …": the clause says which ones
    back = c - 1
    while back > 0 and (toks[back].tag == "PTKVZ" or toks[back].tag.endswith(("(PP)", "(INF)"))) and c - back < 3:
        back -= 1  # "haben Briefe und Tagebucheinträge vorgelesen, die …"
    if not toks[back].tag == "NN":
        return None
    start = back
    while start > 0 and (toks[start - 1].tag in ("NN", "ADJ(A)", "ART") or toks[start - 1].text in ("und", "sowie", ",")):
        start -= 1
    while start < back and toks[start].text in ("und", "sowie", ","):
        start += 1
    phrase = toks[start : back + 1]
    if not any(t.text in ("und", "sowie") for t in phrase) or (start > 0 and toks[start - 1].tag.startswith("APPR")):
        return None
    if _wanted(toks, back) or any(t.text.lower() in _UNIVERSAL_OR_NONE | _FEW for t in toks[max(0, start - 2) : back]):
        return None  # "sucht Helfer und Spender, die …": wanted, no fact; "keine Briefe und Bilder, die …"
    if any(t.tag == "ART" and t.text.lower() in _OBLIQUE_ARTICLES for t in phrase) or any(
            t.tag == "NN" and not _plural_form(t) and not (k > 0 and phrase[k - 1].tag == "ART")
            for k, t in enumerate(phrase)):
        return None
    clause = _finite_at_end(toks[c + 2 : rel_end])
    fins = finite_indices(clause)
    if len(fins) != 1 or fins[0] != len(clause) - 1 or any(
            t.tag in ("PPER", "PIS") and t.text.lower() in _NOMINATIVE_PRONOUNS for t in clause):
        return None
    main = strip_end(_main_without(toks, c, rel_end))
    if not finite_indices(main) or not finite_indices(main[:start]):
        return None  # the coordination must be an object after the main clause's verb
    words = [_nominative_plural(t) for t in phrase]  # "aus vier Beraterinnen und Beratern" → "… und Berater"
    if phrase[0].tag != "ART":
        words = ["Diese"] + words
    else:
        words[0] = words[0][:1].upper() + words[0][1:]
    rest = [t.text for t in clause]
    return [unit.derive(end_sentence([t.text for t in main]), ID),
            unit.derive(end_sentence(words + [rest[-1]] + rest[:-1]), ID)]


#: words before "dass" that make its clause something wanted, not a fact ("Es ist höchste Zeit, dass …")
_DEMANDING_WORDS = {"notwendig", "nötig", "erforderlich", "dringend", "unerlässlich", "überfällig"}


def _demanding(main: list[Tok]) -> bool:
    low = [t.text.lower() for t in main]
    return bool(set(low) & _DEMANDING_WORDS) or ("zeit" in low and ("höchste" in low or "an" in low))


def _copula_without_predicate(main: list[Tok]) -> bool:
    """"Das größte Geschenk ist (für sie)": a main clause with "sein" whose predicate is missing: a subject
    phrase, the verb, and at most "für sie" or adverbs after it."""
    while main and main[-1].text == ",":
        main = main[:-1]
    fins = finite_indices(main)
    if len(fins) != 1 or main[fins[0]].lemma != "sein" or fins[0] == 0:
        return False
    f = fins[0]
    if not any(t.is_noun for t in main[:f]) or main[0].tag in ("PPER", "PIS", "APPR", "APPRART", "ADV", "ADJ(D)"):
        return False  # ("Am schönsten ist es": the predicate stands in front)
    k = f + 1
    while k < len(main):
        if main[k].text.lower() == "für" and k + 1 < len(main) and main[k + 1].tag in ("PPER", "PIS", "PRF"):
            k += 2  # "für sie", "für viele" ("im Rathaus" would be the predicate: where it is)
        elif main[k].tag in ("ADV", "PTKNEG") and main[k].text.lower() not in ("so", "da"):
            k += 1
        else:
            return False
    return True


_FOCUS_BEFORE = {"gerade", "ausgerechnet", "nur", "genau"}


def _focused_indefinite(toks: list[Tok], head: int) -> bool:
    """An indefinite noun phrase after a focus particle ("gerade in einer Zeit", "besonders eine Frau"):
    its relative clause is what the particle points at, so it cannot go."""
    k = head - 1
    while k >= 0 and toks[k].tag in ("ADJ(A)", "ADV") and toks[k].text.lower() not in _FOCUS_BEFORE:
        k -= 1
    if k < 0 or toks[k].text.lower() not in ("ein", "eine", "einer", "einem", "einen", "eines"):
        return False
    k -= 1
    if k >= 0 and toks[k].tag.startswith("APPR"):
        k -= 1
    return k >= 0 and toks[k].text.lower() in _FOCUS_BEFORE


def _nominative_plural(t: Tok) -> str:
    """A plural noun's nominative where its form is only a dative ("Beratern" → "Berater"), else the word."""
    info = noun_info(t.lemma) if t.tag == "NN" else None
    if info is None or t.text in forms(info, "nominativ plural") or t.text not in forms(info, "dativ plural"):
        return t.text
    return form_of(info, "nominativ plural") or t.text


def _possessive_relative(unit: Unit, toks: list[Tok]) -> list[Unit] | None:
    """A relative clause with "dessen"/"deren" becomes a sentence about the possessed noun with "von" and
    the antecedent: "die Geschichte von Emre, dessen Großvater 1972 gekommen ist" → "… von Emre." + "Der
    Großvater von Emre ist 1972 gekommen." (no genitive, no pronoun that could point to another noun)."""
    for c in top_level_commas(toks):
        if c == 0 or c + 3 >= len(toks) or toks[c + 1].tag != "PRELAT":
            continue
        end = segment_end(toks, c + 1)
        if _clause_goes_on(toks, end):
            continue
        possessor = _possessor(toks, c)
        if possessor is None:
            continue
        new = possessive_sentence(toks[c + 1 : end], possessor)
        if new is None:
            continue
        main = strip_end(_main_without(toks, c, end))
        if not finite_indices(main):
            continue
        return [unit.derive(end_sentence([t.text for t in main]), ID), unit.derive(end_sentence(new), ID)]
    return None


def possessive_sentence(clause: list[Tok], possessor: list[str]) -> list[str] | None:
    """The relative clause ``clause`` ("dessen Betrieb sieben Filialen hat") as a main clause about the
    possessed noun, with "von" and ``possessor`` ("Der Betrieb von Jürgen Haller hat sieben Filialen").
    Only when the possessed noun is the clause's subject: no subject pronoun in the clause and the verb
    agrees with the noun's number; else None."""
    k = 1
    while k < len(clause) and clause[k].tag in ("ADJ(A)", "CARD") and not clause[k].is_noun:
        k += 1
    if not clause or clause[0].tag != "PRELAT" or k >= len(clause) or clause[k].tag != "NN":
        return None
    info = noun_info(clause[k].lemma)
    rest = [t for t in clause[k + 1 :] if t.text not in SENT_END]
    if not finite_indices(rest) and rest and rest[-1].tag == "VV(PP)":  # "besucht": also the 3rd person
        rest = rest[:-1] + [Tok(rest[-1].text, "VV(FIN)", rest[-1].lemma)]
        clause = clause[: k + 1] + rest
    fins = finite_indices(rest)
    if rest and rest[0].tag == "NE":
        return None  # "deren Sprecher Heinz Kolbe …": the name belongs to the noun, it is no object
    number = noun_number(clause[k])
    if not number and info is not None and len(fins) == 1 and clause[k].text in info.number_forms(
            verb_number(rest[fins[0]]) or "-") and _only_subject_is_the_pronoun(
            rest[: fins[0]], verb_plural=verb_number(rest[fins[0]]) == "plural", person=False):
        # "deren Aufenthaltstitel abläuft": one title, as the verb says, when nothing else can be its
        # subject ("deren Titel die Behörde kennt")
        number = verb_number(rest[fins[0]])
    if info is None or not number or (number == "singular" and info.genus not in _NOMINATIVE_ARTICLE):
        return None
    if len(fins) != 1 or not is_verb_final(clause) or verb_number(rest[fins[0]]) != number:
        return None
    if any(t.text.lower() in _NOMINATIVE_PRONOUNS and t.tag in ("PPER", "PIS") for t in rest):
        return None
    adjectives = []
    for a in clause[1:k]:
        word = a.text
        if a.tag == "ADJ(A)":
            stem = next((word[: -len(e)] for e in ("er", "es", "e") if word.endswith(e)), None)
            if stem is None:
                return None
            word = stem + ("en" if number == "plural" else "e")
        adjectives.append(word)
    article = "die" if number == "plural" else _NOMINATIVE_ARTICLE[info.genus]
    new = to_v2(rest, prefield=[article] + adjectives + [clause[k].text, "von"] + possessor)
    new[0] = new[0][:1].upper() + new[0][1:]
    return new


def _possessor(toks: list[Tok], c: int) -> list[str] | None:
    """The antecedent before the comma ``c`` as it follows "von": a name ("von Emre"), or a definite noun
    phrase in the dative ("von den Schülerinnen und Schülern", "vom neuen Verein"); None when unsure."""
    back = c - 1
    while back > 0 and c - back < 3 and (toks[back].tag == "PTKVZ" or toks[back].tag.endswith(("(PP)", "(INF)"))):
        back -= 1  # "hat die Kinder getroffen, deren …"
    if toks[back].tag == "NE":
        start = back
        while start > 0 and toks[start - 1].tag == "NE":
            start -= 1
        if start > 0 and toks[start - 1].text.lower() in ("aus", "in", "nach", "im", "bei") and \
                toks[c + 1].text.lower() == "deren":
            return None  # "Frauen aus Berlin, deren Zahl …": "deren" is the women's, not the town's
        return [t.text for t in toks[start : back + 1]]
    nouns: list[Tok] = []
    j = back
    while j >= 0 and toks[j].tag == "NN":
        nouns.insert(0, toks[j])
        j -= 1
        if j >= 1 and toks[j].text == "und" and toks[j - 1].tag == "NN" and len(nouns) == 1:
            j -= 1  # "die Schülerinnen und Schüler"
        else:
            break
    adjectives: list[Tok] = []
    while j >= 0 and toks[j].tag == "ADJ(A)":
        adjectives.insert(0, toks[j])
        j -= 1
    if not nouns or j < 0 or toks[j].tag != "ART" or toks[j].text.lower() not in ("der", "die", "das", "den", "dem"):
        return None  # only a definite noun phrase can be put into the dative safely
    numbers = {noun_number(n) for n in nouns}
    if len(nouns) > 1:  # "die Schülerinnen und Schüler": plural unless one of them is clearly singular
        if "singular" in numbers:
            return None
        numbers = {"plural"}
    if len(numbers) != 1 or "" in numbers:
        return None
    plural = numbers == {"plural"}
    forms = []
    for n in nouns:
        info = noun_info(n.lemma)
        form = dative(info, plural=plural) if info else ""
        if not form:
            return None
        forms.append(form)
    genus = noun_info(nouns[0].lemma).genus  # type: ignore[union-attr]
    if not plural and genus not in ("m", "f", "n"):
        return None
    article = "den" if plural else ("der" if genus == "f" else "dem")
    words = [article] + [a.text if a.text.endswith("en") else a.text.rstrip("e") + "en" for a in adjectives]
    return words + (forms if len(forms) == 1 else [forms[0], "und", forms[1]])


#: words that negate a clause: a relative clause on a noun after them restricts what is negated
_NEGATIONS = {"nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals"}


def _owner_of_genitive(toks: list[Tok], last: int, relpron: str) -> int | None:
    """The noun before a genitive attribute that ends at ``last`` ("Sprachmittlerpool des Kommunalen
    Integrationszentrums"), when it agrees with the relative pronoun: the nearest noun that can be meant."""
    k = last
    while k > 0 and (toks[k].is_noun or toks[k].tag in ("ADJ(A)", "CARD")):
        k -= 1
    if k < 1 or k == last or toks[k].text.lower() not in ("des", "eines", "der", "einer"):
        return None
    owner = toks[k - 1]
    return k - 1 if owner.tag == "NN" and agrees_with_relative(owner, relpron) else None


def _relative_end(toks: list[Tok], i: int) -> int:
    """End of the relative clause whose pronoun is at ``i``: its comma segment, or more segments when the
    first has no verb yet ("die Fotos, Tonaufnahmen und Alltagsgegenstände zeigt": an enumeration)."""
    end = segment_end(toks, i + 1)
    while not finite_indices(toks[i + 1 : end]) and end < len(toks) and toks[end].text == ",":
        nxt_end = segment_end(toks, end + 1)
        nxt = toks[end + 1 : nxt_end]
        if not nxt or nxt[0].tag in ("KOUS", "PRELS", "PWAV", "PWS", "KOUI") or nxt[0].is_finite:
            break
        end = nxt_end
    if end + 1 < len(toks) and toks[end].text == "," and toks[end + 1].tag.startswith("APPR") and \
            toks[end + 1].text.lower() in {t.text.lower() for t in toks[i + 1 : end] if t.tag.startswith("APPR")}:
        # "in denen es um Sprache ging, um Arbeit und um Schule": the clause's own preposition goes on
        stop = len(toks)
        while stop > end and toks[stop - 1].text in SENT_END:
            stop -= 1
        tail = [t.text.lower() for t in toks[end + 1 : stop]]
        prep = tail[0]
        # only an enumeration of phrases with that preposition ("um Arbeit und um Schule"), not "in der Zeit …"
        if not finite_indices(toks[end + 1 : stop]) and "," not in tail and any(
                tail[k] in ("und", "oder", "sowie") and k + 1 < len(tail) and tail[k + 1] == prep for k in range(len(tail))):
            return stop
    return end


def _relative_read_as_article(toks: list[Tok], c: int, i: int) -> bool:
    """"Die Ausstellung, die Fotos, Tonaufnahmen und … zeigt, ist …": after a noun and a comma the tagger
    may read the relative pronoun as an article; a clause that ends with its only finite verb settles it."""
    if toks[i].tag != "ART" or c == 0 or not toks[c - 1].is_noun or i != c + 1:
        return False
    j = c - 1
    while j > 0 and (toks[j - 1].tag in ("NE", "NN", "ADJ(A)", "ART", "CARD") or (
            toks[j - 1].text == "," and j > 1 and toks[j - 2].is_noun)):
        j -= 1  # back over "Italien, Griechenland"
    if j > 0 and toks[j - 1].tag.startswith("APPR"):
        return False  # "aus Eritrea, dem Irak und Syrien": the objects of a preposition, an enumeration
    clause = [t for t in toks[i + 1 : _relative_end(toks, i)] if t.is_word]
    fins = [t for t in clause if t.is_finite]
    return len(fins) == 1 and clause[-1] is fins[0] and len(clause) >= 3


#: time nouns a relative clause defines ("ab dem Monat, in dem …", "bis zu dem Tag, an dem …")
_TIME_HEADS = {"Monat", "Tag", "Jahr", "Woche", "Zeitpunkt", "Moment", "Datum", "Stunde", "Termin"}
#: units after a number: "500 Euro, die …" has no antecedent a sentence can start with
_MEASURE_NOUNS = {"Euro", "Cent", "Dollar", "Prozent", "Kilometer", "Meter", "Kilogramm", "Kilo", "Gramm", "Liter",
                  "Quadratmeter", "Hektar", "Tonnen", "Millionen", "Milliarden", "Mio.", "Mrd."}


def _title_noun(toks: list[Tok], c: int, relpron: str) -> int | None:
    """The noun before a quoted title that ends at the comma ``c`` ("die Liste „Gemeinsam für Hemmingen“,
    die …"), when the relative pronoun agrees with it; else None."""
    q = next((k for k in range(c - 2, 0, -1) if toks[k].text in QUOTES_OPEN), None)
    if q is None or c - q > 10 or not toks[q - 1].is_noun or not agrees_with_relative(toks[q - 1], relpron):
        return None
    return q - 1


def _finite_at_end(clause: list[Tok]) -> list[Tok]:
    """A relative clause needs a finite verb: a last word tagged as a participle or infinitive that is also
    the present tense ("die übersetzt", "die … informieren") is that verb when the clause has none."""
    words = [t for t in clause if t.is_word]
    if not words or finite_indices(clause) or not words[-1].tag.endswith(("(PP)", "(INF)")):
        return clause
    last = words[-1]
    k = clause.index(last)
    if k > 0 and clause[k - 1].tag == "PTKZU":
        return clause
    if not is_present_form(last.text, last.lemma):
        return clause
    # "die zu Themen wie Gesundheit, Schule oder Mietrecht informieren": a plural verb read as infinitive
    tag = last.tag.replace("(PP)", "(FIN)").replace("(INF)", "(FIN)")
    return clause[:k] + [Tok(last.text, tag, last.lemma)] + clause[k + 1 :]


def _one_verb_at_end(clause: list[Tok]) -> bool:
    """A verb-final clause whose commas only separate an enumeration: one finite verb, the last word."""
    words = [t for t in clause if t.is_word]
    fins = [t for t in words if t.is_finite]
    return len(fins) == 1 and words[-1] is fins[0]


def _v2_relative(toks: list[Tok], c: int) -> bool:
    """"einen Stein, der leuchtete im Dunkeln": the tagger reads a pronoun followed by its verb as a
    demonstrative; after a comma and a noun it is a relative pronoun in the old verb-second order."""
    # (", das sind zwölf mehr", ", das war …": "das" before a form of "sein" points to the whole clause)
    return (c > 0 and toks[c - 1].is_noun and c + 2 < len(toks) and toks[c + 1].tag == "PDS"
            and toks[c + 1].text.lower() in ("der", "die", "das") and toks[c + 2].is_finite
            and not (toks[c + 1].text.lower() == "das" and toks[c + 2].lemma == "sein"))


def _after_relative_clause(toks: list[Tok], comma: int) -> bool:
    """Whether the comma segment that ends at ``comma`` is a relative clause ("…, der so schön war")."""
    commas = [k for k in top_level_commas(toks) if k < comma]
    if not commas:
        return False
    start = commas[-1] + 1
    return toks[start].tag == "PRELS" or _v2_relative(toks, commas[-1]) or (
        toks[start].tag.startswith("APPR") and start + 1 < comma and toks[start + 1].tag == "PRELS")


def _verb_second(clause: list[Tok]) -> bool:
    """A relative clause in the old verb-second order ("der glänzte von Edelsteinen und war so schön"):
    its first word is a finite verb, more words follow, and every other finite verb (up to the first
    comma) starts a conjunct after und/oder."""
    commas = top_level_commas(clause)
    head = strip_end(clause[: commas[0]] if commas else clause)
    fins = finite_indices(head)
    if not fins or fins[0] != 0 or len(head) < 3 or head[-1].is_finite:
        return False
    return all(head[f - 1].tag == "KON" and head[f - 1].text in ("und", "oder") for f in fins[1:])


def _main_loses_its_verb_part(main: list[Tok], clause: list[Tok]) -> bool:
    """The main clause has an auxiliary or modal verb whose participle/infinitive would be inside the
    supposed relative clause: the comma is one of an enumeration."""
    aux = [t for t in main if t.is_finite and (t.lemma == "werden" or t.tag == "VM(FIN)")]
    if not aux or any(t.tag.endswith(("(PP)", "(INF)")) for t in main):
        return False
    words = [t for t in clause if t.is_word]
    return bool(words) and words[-1].tag.endswith(("(PP)", "(INF)"))


def _shared_verb_end(toks: list[Tok], end: int) -> int | None:
    """Where a relative clause ends that goes on over commas with infinitives sharing one modal verb at
    the end of the sentence ("…, die sich austauschen, Kontakte knüpfen und … verbessern möchten"); None
    when the clause does not go on that way."""
    if not _clause_goes_on(toks, end):
        return None
    k = end
    while _clause_goes_on(toks, k):
        k = segment_end(toks, k + 1)
    if strip_end(toks[k:]):
        return None  # more follows: the main clause goes on after the relative clause
    words = [t for t in toks[:k] if t.is_word]
    if len(words) < 2 or not (words[-1].tag.startswith("VM") or words[-1].lemma == "werden") or \
            not words[-2].tag.endswith(("(INF)", "(FIN)")) or words[-2].text != words[-2].lemma:
        return None
    return k


def _clause_goes_on(toks: list[Tok], end: int) -> bool:
    """Whether the comma after a relative clause only separates parts of the same clause: the next
    segment has no subordinator of its own and ends with its finite verb."""
    if end >= len(toks) or toks[end].text != ",":
        return False
    nxt = toks[end + 1 : segment_end(toks, end + 1)]
    if not nxt or nxt[0].tag in ("KOUS", "PRELS", "PWAV", "PWS", "KOUI") or nxt[0].text in QUOTES_OPEN:
        return False
    words = [t for t in nxt if t.is_word]
    return bool(words) and words[-1].is_finite and not words[0].is_finite


def _restrictive(toks: list[Tok], head: int) -> bool:
    """A relative clause after a noun without a determiner or with a quantifier ("Vereine, die …",
    "alle Personen, die …") says which ones are meant; as a sentence of its own it would say something
    of all of them. Names, definite and numbered nouns ("drei Fachforen, in denen …") are not affected."""
    if toks[head].tag == "NE" or (head + 1 < len(toks) and toks[head + 1].tag == "NE"):
        return False  # a name ("Herr Schneider, der …") is no set to choose from
    j = head - 1
    while j >= 0 and toks[j].tag in ("ADJ(A)", "ADV"):
        j -= 1
    if j < 0:
        return True
    t = toks[j]
    if t.tag == "PIAT" or t.text.lower() in ("alle", "jede", "jeder", "jedes", "jeden", "jedem", "viele", "einige"):
        return True
    return t.tag not in ("ART", "PPOSAT", "PDAT", "CARD", "APPRART")  # "zum Fest" holds a definite article


_DEMONSTRATIVE = {"der": "dieser", "die": "diese", "das": "dieses", "dem": "diesem", "den": "diesen"}
#: determiners after which "these" would say something else: "keine Stadt, die …", "alle Eltern, die …"
#: "kaum noch Wohnungen, die frei sind": the clause says how few; "these" would say the opposite
_FEW = {"kaum", "wenige", "wenigen", "wenig", "nur", "selten", "nie", "niemals"}
#: verbs of looking for or needing: "Wir suchen Eltern, die helfen" asks, it does not state
_WANTING = {"suchen", "brauchen", "benötigen", "wünschen", "möchten", "wollen", "erwarten", "hoffen", "fehlen",
            "vermissen"}
_UNIVERSAL_OR_NONE = {"kein", "keine", "keinen", "keinem", "keiner", "alle", "allen", "jede", "jeder", "jeden",
                      "jedem", "jedes", "sämtliche", "beide", "beiden"}


def _verb_number_of(clause: list[Tok]) -> str:
    """The number ("singular"/"plural"/"") of the clause's last finite verb ("stammen": plural)."""
    fins = [t for t in clause if t.is_finite]
    return verb_number(fins[-1]) if fins else ""


def _wanted(toks: list[Tok], head: int) -> bool:
    """An indefinite antecedent of a verb of looking for or wanting ("suchen eine Person, die …", "will ein
    Ort sein, an dem …"): the relative clause says what is wished for."""
    j = head - 1
    while j >= 0 and toks[j].tag in ("ADJ(A)", "ADV", "CARD"):
        j -= 1
    if j >= 0 and toks[j].tag in ("ART", "PPOSAT", "PDAT") and toks[j].text.lower() not in _INDEFINITE:
        return False
    main = toks[:head]
    wish_modal = any(t.tag == "VM(FIN)" and t.lemma in ("wollen", "möchten", "mögen", "sollen") for t in main)
    # "Wir haben Kinder, die seit Monaten warten": the clause says which ones there are; "Wir haben
    # Kinder." alone says something else (with "es gibt" or a determiner the split reads right)
    existential = [t for t in main if t.is_finite and t.lemma == "haben"] and not any(
        t.tag.endswith(("(PP)", "(INF)")) for t in toks) and (j < 0 or toks[j].tag not in (
            "ART", "PPOSAT", "PDAT", "PIAT", "PIDAT", "CARD"))
    return any(t.lemma in _WANTING for t in main) or (wish_modal and any(t.lemma == "sein" for t in toks[head:])) \
        or bool(existential)


_INDEFINITE = {"ein", "eine", "einen", "einem", "einer", "eines"}


def _restrictive_at_the_end(toks: list[Tok], head: int, end: int, level: str = "leicht") -> bool:
    """A restrictive relative clause on an object at the end of the sentence ("Die Beratung berät Menschen,
    die neu nach Deutschland gekommen sind", "kann man eine Person mitbringen, die übersetzt") can follow
    as a sentence about "these" people: the main clause is complete before it. Not after "keine", "alle" or
    "jede" (the new sentence would say something of all or none), and not inside the subject."""
    if end < len(toks) and toks[end].text not in SENT_END or toks[-1].text == "?":
        return False  # a question keeps its clause ("Gibt es Themen, bei denen …?")
    fins = finite_indices(toks[:head])
    if not fins or toks[0].tag in ("KOUS", "PWS", "PWAV", "PRELS") or toks[0].is_finite:
        return False
    if head > 0 and toks[head - 1].tag.startswith("APPR") and level != "leicht":
        # "stammen aus Familien, in denen …": without the clause "aus Familien" says little; Leichte Sprache
        # takes that for short sentences ("… aus Familien. In diesen Familien …"), Einfache keeps the clause
        # unless the sentence is over its word limit (the caller passes "leicht" then)
        return False
    main = toks[:head]
    before = head - 1
    while before > 0 and toks[before].tag in ("ADJ(A)", "ADV"):
        before -= 1  # "auf schriftlichen Antrag"
    in_phrase = head > 0 and toks[before].tag.startswith("APPR")  # "ergänzt durch Interviews, in denen …"
    if any(t.lemma in _WANTING for t in main) or any(t.lemma in ("sein", "werden", "bleiben") and t.is_finite
                                                      and not (in_phrase and t.lemma == "werden") for t in main):
        # "Wir suchen Eltern, die backen": wanted, not a fact; "will ein Ort sein, an dem …", "Gefördert
        # werden Kurse, die …": a predicate noun or a passive subject is defined by the clause
        return False
    j = head - 1
    while j >= 0 and toks[j].tag in ("ADJ(A)", "ADV", "CARD", "PIAT", "PIS", "ART", "PIDAT", "PTKNEG"):
        if toks[j].text.lower() in _UNIVERSAL_OR_NONE | _FEW or toks[j].tag == "PTKNEG":
            return False  # "keine", "alle", "kaum noch Wohnungen, die frei sind"
        j -= 1
    return True


def _plural_noun_before(toks: list[Tok], head: int) -> int | None:
    """The plural noun that a phrase ending in ``head`` belongs to ("Frauen mit und ohne
    Einwanderungsgeschichte"), within the clause; None when there is none or more than one."""
    found = []
    j = head - 1
    while j >= 0 and toks[j].text not in {",", ".", ";", ":"} and not toks[j].is_finite:
        if toks[j].tag == "NN" and noun_number(toks[j]) == "plural":
            found.append(j)
        j -= 1
    return found[0] if len(found) == 1 else None


def _attached_to_earlier_noun(toks: list[Tok], head: int, relpron: str) -> bool:
    """The antecedent ends a prepositional phrase or coordination that belongs to an earlier noun the
    pronoun also agrees with ("Frauen mit … Einwanderungsgeschichte, die", "Empfang mit Kaffee und
    Kuchen, bei dem")."""
    j = head - 1
    seen_link = False
    passive = any(t.lemma == "werden" and t.is_finite for t in toks[:head]) and any(
        t.tag == "VV(PP)" for t in toks[:head])
    while j >= 0 and toks[j].text not in {",", ".", ";", ":"} and not toks[j].is_finite:
        t = toks[j]
        if passive and t.text.lower() in ("von", "vom", "durch") and not seen_link:
            return False  # "Geleitet werden die Kurse von Frauen, die …": the agent, no attribute of "Kurse"
        if t.tag.startswith("APPR") or (t.tag == "KON" and t.text in ("und", "oder")):
            seen_link = True
        elif seen_link and t.tag in ("NN", "NNA") and agrees_with_relative(t, relpron):
            return True
        j -= 1
    return False


def _relative_pronoun_at(toks: list[Tok], i: int) -> bool:
    """Whether ``toks[i]`` after a preposition starts a relative clause. The tagger often reads
    "zu der" as preposition + article; a comma segment that ends with its finite verb settles it."""
    if i >= len(toks) or toks[i].text.lower() not in _RELPRON_ARTICLE:
        return False
    if toks[i].tag == "PRELS":
        return True
    end = segment_end(toks, i + 1)
    segment = toks[i - 1 : end]
    return is_verb_final(segment) and len(finite_indices(segment)) == 1


_SUBJECT_START = {"PPER", "ART", "NN", "NE", "NNA", "PIS", "PPOSAT", "PDS", "PIAT", "PDAT", "CARD", "ADJ(A)"}


def _parts_ready(clause: list[Tok], relative: bool = False) -> bool:
    """Whether every verb-final part of the clause can become a main clause: one finite verb each, and a
    second part starts with its own subject ("dass Kinder einseitig essen und nur wenige Sorten mögen"
    shares the subject: "Nur mögen wenige Sorten" would be wrong). In a relative clause the pronoun is
    the subject of every part."""
    parts = coordinated(clause)
    if not all(v2_ready(p) for p in parts):
        return False
    return relative or all(p and p[0].tag in _SUBJECT_START for p in parts[1:])


def coordinated(clause: list[Tok]) -> list[list[Tok]]:
    """A verb-final clause split at "und"/"oder" when both halves have their own finite verb."""
    inner = False  # inside a clause that a comma opened ("…, mit der Sie … arbeiten und … verdienen")
    for k, t in enumerate(clause):
        if t.text == ",":
            nxt = clause[k + 1 : k + 3]
            inner = bool(nxt) and (nxt[0].tag in ("PRELS", "PRELAT", "KOUS", "PWS", "PWAV") or (
                len(nxt) > 1 and nxt[0].tag.startswith("APPR") and nxt[1].tag in ("PRELS", "PRELAT")))
        if t.tag == "KON" and t.text == "und" and not inner:  # "die backen oder helfen": one of the two
            left, right = clause[:k], clause[k + 1 :]
            if left and left[-1].text == ",":
                left = left[:-1]
            if len(right) == 2 and right[0].tag.startswith("V") and left[-1].text.lower() == left[-1].lemma:
                continue  # "dass sie lesen und schreiben lernten": two infinitives under one verb
            if finite_indices(left) and finite_indices(right) and left[-1].is_finite and right[-1].is_finite:
                return [left, _with_shared_pronoun(left, right)]
    return [clause]


_SHARED_PRONOUNS = {"ich", "du", "er", "sie", "es", "wir", "ihr", "man"}
#: the number a nominative determiner shows when the noun's form does not ("ein Einkommen")
_ARTICLE_NUMBER = {**dict.fromkeys(("ein", "kein", "der", "das", "dieser", "dieses", "jeder", "jede", "jedes", "mein",
                                    "sein", "unser", "eine", "keine"), "singular"),
                   **dict.fromkeys(("viele", "alle", "einige", "manche", "mehrere", "beide"), "plural")}


def _with_shared_pronoun(left: list[Tok], right: list[Tok]) -> list[Tok]:
    """"wenn Sie krank sind und Fieber haben": the second part has no subject of its own ("Fieber" does not
    agree with "haben"; "800 Euro" is no subject of "verdienen" when "Sie" can be one) and gets the first
    part's pronoun, so that it becomes "Sie haben Fieber"."""
    if not left or right[0].tag == "PPER":
        return right
    pronoun = Tok(left[0].text, left[0].tag, left[0].lemma) if left[0].tag == "PPER" and \
        left[0].text.lower() in _SHARED_PRONOUNS else _pronoun_for(left)
    if pronoun is None:
        return right
    if right[0].tag in ("ART", "PDAT", "PPOSAT", "PIAT"):
        noun = next((t for t in right if t.is_noun), None)
        number = (noun_number(noun) if noun is not None else "") or _ARTICLE_NUMBER.get(right[0].text.lower(), "")
        if not number or number == verb_number(right[-1]) or (noun is not None and noun.tag == "NE"):
            return right  # "und keine Vertretung kommt": its own subject
    elif right[0].tag in ("NE", "PIS", "PDS", "PRELS"):
        return right
    elif right[0].tag == "NN" and noun_number(right[0]) == verb_number(right[-1]) and \
            left[-1].text.lower() != right[-1].text.lower() and verb_number(left[-1]) != verb_number(right[-1]):
        return right  # "weil sie lacht und Kinder spielen": a plural noun for a plural verb
    if right[-1].text.lower() != left[-1].text.lower() and verb_number(right[-1]) != verb_number(left[-1]):
        return right  # the verbs do not agree: the pronoun cannot be shared
    return [pronoun] + right


_PRONOUN_BY_GENUS = {"m": "er", "f": "sie", "n": "es"}


def _pronoun_for(left: list[Tok]) -> Tok | None:
    """"dass die Kinder krank seien und Fieber hätten": the pronoun for a subject noun phrase that opens the
    first part ("sie" for "die Kinder"), from the number of its verb and the gender of its noun."""
    if left[0].tag not in ("ART", "PDAT", "PPOSAT") or not left[-1].is_finite:
        return None
    k = 1
    while k < len(left) and left[k].tag == "ADJ(A)":
        k += 1
    if k >= len(left) or left[k].tag != "NN":
        return None
    number = verb_number(left[-1])
    if number == "plural":
        return Tok("sie", "PPER", "sie")
    genus = _genus(left[k])
    if number != "singular" or genus not in _PRONOUN_BY_GENUS:
        return None
    word = _PRONOUN_BY_GENUS[genus]
    return Tok(word, "PPER", word)


def _genus(noun: Tok) -> str:
    info = noun_info(noun.lemma) if noun.tag == "NN" else None
    return info.genus if info else ""


def agrees_with_relative(noun: Tok, relpron: str) -> bool:
    """Whether the relative pronoun can refer to ``noun`` (gender and number from german-nouns)."""
    if noun.tag == "NE":
        return relpron not in ("denen",)
    info = noun_info(noun.lemma)
    as_written = noun_info(noun.text) if noun.text != noun.lemma else None
    if as_written is not None and form_of(as_written, "nominativ singular") == noun.text:
        info = as_written  # "Mittagessen" (HanTa's lemma "Mittagesse" would be a feminine "Esse")
    if info is None:
        return True
    singular = noun.text in info.number_forms("singular")
    plural = noun.text in info.number_forms("plural")
    g = info.genus
    if relpron == "denen":
        return plural
    if relpron == "die":
        return plural or g == "f"
    if relpron == "der":
        return singular and g in ("m", "f")
    if relpron in ("dem",):
        return singular and g in ("m", "n")
    if relpron == "das":
        return singular and g == "n"
    if relpron == "den":
        return singular and g == "m"
    return True


def _noun_case(head: Tok, noun_words: list[str], relpron: str) -> list[str]:
    """The antecedent noun in the case the relative pronoun shows (``denen`` → dative plural)."""
    if relpron in ("denen", "dem"):
        info = noun_info(head.lemma) if head.tag == "NN" else None
        if head.tag == "NN" and info is None:
            return noun_words
        if info is not None:
            form = dative(info, plural=relpron == "denen")
            if form:
                return [form] + noun_words[1:]
        return noun_words
    info = noun_info(head.lemma) if head.tag == "NN" else None
    if info is not None and noun_words[0] != head.text and head.text in noun_words:
        # "Beraterinnen und Beratern, die …": the head is the last of two nouns
        at = len(noun_words) - 1 - noun_words[::-1].index(head.text)
        changed = _noun_case(head, noun_words[at:], relpron)
        return noun_words[:at] + changed
    if info is None or noun_words[0] != head.text:
        return noun_words
    if head.text not in set(info.number_forms("plural")) | set(info.number_forms("singular")):
        return noun_words  # a wrong lemma ("Lotsinnen" → "Lotsinn"): its table does not hold the word
    # "mit den Kindern, die neu sind" → "Die Kinder sind neu." (the noun takes the pronoun's case)
    plural = head.text in info.number_forms("plural") and head.text not in info.number_forms("singular")
    key = {"die": "nominativ plural" if plural else "", "der": "nominativ singular" if info.genus == "m" else "",
           "das": "nominativ singular" if info.genus == "n" else "",
           "den": "akkusativ singular" if info.genus == "m" else ""}.get(relpron, "")
    if relpron == "die" and not plural:
        return noun_words
    form = form_of(info, key) if key else ""
    return [form] + noun_words[1:] if form else noun_words


_NOMINATIVE_START = {"der", "die", "das", "ein", "eine", "ich", "du", "er", "sie", "wir", "ihr", "man", "viele",
                     "alle", "beide", "mehrere", "einige"}


#: verbs whose object takes "um" ("um Hilfe bitten"): "…, um Hilfe zu bitten" is no purpose clause
_UM_VERBS = {"bitten", "kämpfen", "kümmern", "bemühen", "werben", "sorgen", "streiten", "ringen", "trauern",
             "beneiden", "wetten", "konkurrieren", "betteln", "buhlen", "feilschen", "handeln", "gehen"}


def _purpose_clause(unit: Unit, toks: list[Tok]) -> list[Unit] | None:
    """"Die Stadt bietet Kurse an, um Zugewanderten den Einstieg zu erleichtern." → "Die Stadt bietet
    Kurse an. Die Stadt will Zugewanderten den Einstieg erleichtern." The infinitive's subject is the
    main clause's subject, and "wollen" agrees with the main clause's verb."""
    for c in top_level_commas(toks):
        if c == 0 or c + 2 >= len(toks) or toks[c + 1].text != "um":
            continue
        if any(t.lemma == "werden" or t.tag == "PTKNEG" or t.text.lower() in ("kein", "keine", "nie", "niemand")
               for t in toks[:c]):
            continue  # "Religion dürfe nicht missbraucht werden, um …": the subject does not want the purpose
        took_time = any(t.lemma in ("brauchen", "benötigen") for t in toks[:c]) and any(
            t.text.lower() in ("lange", "länger", "zeit", "jahre", "monate", "wochen", "tage", "stunden") for t in toks[:c])
        if took_time or any(t.lemma in ("dauern", "reichen", "genügen") and t.tag.startswith("V") or (
                t.text.lower() in ("zu", "genug") and t.tag in ("PTKA", "ADV")) for t in toks[:c]):
            continue  # "Sie habe lange gebraucht, um Freundinnen zu finden", "zu alt, um …": no purpose
        end = len(toks)
        while end > c and toks[end - 1].text in {".", "!", "?"}:
            end -= 1
        clause = toks[c + 2 : end]
        if not clause or finite_indices(clause) or any(t.text == "," for t in clause):
            continue
        last = clause[-1]
        if not (last.tag.endswith("(IZU)") or (len(clause) >= 2 and clause[-2].tag == "PTKZU")):
            continue
        if last.lemma in _UM_VERBS and (clause[0].is_noun or clause[0].tag in ("ART", "PPOSAT", "ADJ(A)", "PIAT")):
            continue  # "Angst, um Hilfe zu bitten": "um Hilfe" is the object of "bitten", no purpose
        words = [t.lemma if t.tag.endswith("(IZU)") else t.text for k, t in enumerate(clause)
                 if t.tag != "PTKZU" and not (t.text == "um" and (k == 0 or clause[k - 1].tag == "KON"))]
        main = toks[:c]
        fins = finite_indices(main)
        subject = subject_of(main)
        if not fins or subject is None or subject[0].lower() not in _NOMINATIVE_START and main[0].tag not in ("NE", "NN"):
            continue
        fin = main[fins[0]]
        if fin.tag.startswith("VM"):
            continue  # "Sie müssen alles tun, um … zu beenden": the purpose is the duty's, not the subject's wish
        table = verb_table(fin.lemma)
        forms = (table.present + table.preterite) if table else ()
        low = fin.text.lower()
        persons = [k % 6 for k, form in enumerate(forms) if form == low]
        # "setzt" is du, er and ihr: a subject noun phrase is 3rd person
        idx = next((k for k in persons if k in (2, 5)), persons[0]) if persons else (5 if low.endswith("en") else 2)
        past = table is not None and low in table.preterite and low not in table.present
        wollen = verb_table("wollen")
        modal = (wollen.preterite[idx] if past and wollen else present_form("wollen", idx))
        if not modal:
            continue
        return [unit.derive(end_sentence([t.text for t in main]), ID),
                unit.derive(end_sentence(subject + [modal] + words), ID)]
    return None


#: determiners that cannot start a subject (nominative) noun phrase
_NOT_NOMINATIVE = {"den", "dem", "des", "einen", "einem", "eines", "keinen", "keinem", "keines", "ihren", "ihrem",
                   "seinen", "seinem", "unseren", "unserem", "diesen", "diesem", "allen", "jeden", "jedem"}
#: words that would point back to one person ("seinen Ausweis"): no plural rewrite then
_SINGULAR_REFERENCE = {"er", "ihn", "ihm", "sein", "seine", "seinen", "seinem", "seiner", "seines", "der", "dem",
                       "den", "derjenige"}
_SUBJECT_PRONOUNS = {"ich", "du", "er", "sie", "es", "wir", "ihr", "man", "jemand", "niemand", "wer", "die",
                     "der", "das", "dies", "diese", "dieser", "alle", "viele"}


def _plural_verb(verb: Tok) -> Tok | None:
    """The 3rd person plural of a 3rd person singular present verb ("ist" → "sind", "anruft" → "anrufen")."""
    table = verb_table(verb.lemma)
    low = verb.text.lower()
    if table is None:
        return None
    if low in ("möchte", "würde", "könnte", "müsste", "dürfte", "sollte", "hätte", "wäre") and \
            len(table.konj2) > 5 and low == table.konj2[2]:
        return Tok(table.konj2[5], verb.tag, verb.lemma)  # "wer helfen möchte" → "möchten"
    for singular, plural in ((table.present[2], table.present[5]),):
        if not singular or not plural:
            return None
        if " " in singular:  # separable: "ruft an" / "rufen an"; verb-final "anruft"
            s_base, s_part = singular.split(" ", 1)
            p_base, _ = plural.split(" ", 1)
            if low == s_part + s_base:
                return Tok(s_part + p_base, verb.tag, verb.lemma)
            if low == s_base:
                return Tok(p_base, verb.tag, verb.lemma)
            return None
        if low == singular:
            return Tok(plural, verb.tag, verb.lemma)
    return None


def _only_subject_is_the_pronoun(clause: list[Tok], verb_plural: bool | None = None, person: bool = True,
                                 subject_before: bool = False) -> bool:
    """Whether no word of the clause can be its subject (so the relative pronoun or "wer" is): no
    nominative pronoun, and every noun follows a preposition or a determiner that is no nominative
    ("die einen Termin nicht wahrnehmen können"; not "die wir betreuen", "die Eltern haben").
    ``subject_before``: a main clause after a fronted "wer" clause, which is its subject as long as nothing
    in it must be a nominative ("Wer krank ist, muss die Schule informieren": "die Schule" is the object)."""
    for k, t in enumerate(clause):
        low = t.text.lower()
        if t.tag in ("PPER", "PIS", "PDS", "PRELS", "PWS") and low in _SUBJECT_PRONOUNS | {"sie"}:
            return False
        if person and low in _SINGULAR_REFERENCE and t.tag in ("PPER", "PPOSAT", "PDS"):
            return False  # "wer …, muss seinen Ausweis mitbringen": "seinen" is the person's
        if t.is_noun:
            j = k - 1
            while j >= 0 and (clause[j].tag in ("ADJ(A)", "CARD", "ADV", "ADJ(D)", "PIAT") or (
                    clause[j].tag == "KON" and j > 0 and clause[j - 1].tag == "CARD")) and \
                    clause[j].text.lower() not in _NOT_NOMINATIVE:
                j -= 1  # "zwischen 8 und 16 Uhr": numbers joined by "und" before the noun
            if j >= 0 and clause[j].tag in ("ART", "PPOSAT", "PDAT", "PIAT") and clause[j].text.lower() not in \
                    _NOT_NOMINATIVE and j > 0 and clause[j - 1].tag.startswith("APPR"):
                continue  # "in die Schule"
            before = clause[j] if j >= 0 else None
            if before is not None and (before.tag.startswith("APPR") or before.text.lower() in _NOT_NOMINATIVE
                                       or before.is_noun):
                continue
            if subject_before and before is not None and before.text.lower() in ("die", "das", "eine"):
                continue  # the accusative is the same form
            if verb_plural is not None and noun_number(t) not in ("", "plural" if verb_plural else "singular"):
                continue  # "wer Fragen hat", "bekommen ein Ticket": a noun of the other number is no subject
            return False
    return True


def noun_number(noun: Tok) -> str:
    """"singular" or "plural" for a common noun whose form says it ("Länder"), "" when it is ambiguous
    ("Lehrer") or unknown."""
    info = noun_info(noun.lemma) if noun.tag == "NN" else None
    if info is None:
        return ""
    singular = noun.text in info.number_forms("singular")
    plural = noun.text in info.number_forms("plural")
    return "" if singular == plural else ("plural" if plural else "singular")


def _main_for_plural(main: list[Tok]) -> list[str] | None:
    """The main clause "bleibt zu Hause" (verb first, the person as its subject) with its verb in the
    plural, or None when it has a subject or a word for one person of its own."""
    if not main or not main[0].is_finite:
        return None
    if not _only_subject_is_the_pronoun(main[1:], subject_before=True) or any(t.is_finite for t in main[1:]):
        return None
    verb = _plural_verb(main[0])
    if verb is None:
        return None
    return [verb.text] + [t.text for t in main[1:]]


def _plural_statement(unit: Unit, toks: list[Tok], ctx: Context) -> list[Unit] | None:
    """Who is meant, then what holds for them, in the plural (Leichte Sprache; Einfache Sprache only over
    its word limit): "Wer krank ist, bleibt zu Hause." → "Manche Menschen sind krank. Diese Menschen
    bleiben zu Hause."; "Kinder, die krank sind, dürfen nicht in die Schule kommen." → "Manche Kinder
    sind krank. Diese Kinder dürfen nicht in die Schule kommen." Only when the pronoun is the subject of
    both clauses, the noun stands without article or adjective, and no word points back to one person."""
    if ctx.level != "leicht" and sum(1 for t in toks if t.is_word) <= ctx.options.max_words:
        return None
    if any(t.text in QUOTES_OPEN for t in toks) or toks[-1].text == "?":
        return None
    commas = top_level_commas(toks)
    if not commas:
        return None
    if toks[0].text == "Wer" and toks[0].tag in ("PWS", "PRELS"):
        noun, plural_noun, start, close = None, "Menschen", 1, commas[0]
    else:
        q = 1 if toks[0].text.lower() == "alle" and toks[0].tag in ("PIAT", "PIDAT", "PIS") else 0
        if not (len(commas) >= 2 and commas[0] == q + 1 and toks[q].tag == "NN" and toks[q + 2].text == "die"
                and toks[q + 2].tag in ("PRELS", "PDS", "ART") and _is_plural(toks[q])):
            return None
        noun, plural_noun, start, close = toks[q], toks[q].text, q + 3, commas[1]
        quantifier = ["Alle", "diese"] if q else ["Diese"]  # "Alle Menschen, die …" → "Alle diese Menschen"
        while close + 1 < len(toks) and not toks[close + 1].is_finite and close in commas:
            nxt = [k for k in commas if k > close]  # "die Fotos, Briefe und Bilder zeigen": an enumeration
            if not nxt or finite_indices(toks[start:close]):
                break
            close = nxt[0]
    clause = toks[start:close]
    parts = coordinated(clause) if noun is not None else [clause]
    for part in parts:
        fins = finite_indices(part)
        if len(part) < 2 or len(fins) != 1 or fins[0] != len(part) - 1:
            return None  # one verb-final clause each
        if not _only_subject_is_the_pronoun(part[: fins[0]], verb_plural=noun is not None, person=noun is None):
            return None
    fins = finite_indices(clause)
    if noun is None:
        verb = _plural_verb(clause[fins[0]])  # "wer … ist" → "sind"
        if verb is None:
            return None
        clause = clause[: fins[0]] + [verb] + clause[fins[0] + 1 :]
    elif clause[fins[0]].text.lower() != present_form(clause[fins[0]].lemma, 5).split(" ")[-1] and \
            not clause[fins[0]].text.lower().endswith("en"):
        return None  # "Kinder, die … ist": the verb does not agree with the plural noun
    main = strip_end(toks[close + 1 :])
    if main and main[0].text.lower() == "der" and noun is None:
        main = main[1:]  # "Wer …, der …"
    more: list[list[str]] = []
    if noun is None:
        # "…, übernimmt Verantwortung und kann künftig mitbestimmen": each verb a sentence about them
        k = next((k for k, t in enumerate(main) if k > 1 and t.tag == "KON" and t.text == "und"
                  and k + 1 < len(main) and main[k + 1].is_finite), None)
        if k is not None:
            second = _main_for_plural(main[k + 1 :])
            if second is None:
                return None
            more = [second]
            main = main[:k]
        main_words = _main_for_plural(main)
    else:
        main_words = [t.text for t in main] if main and main[0].is_finite and _only_subject_is_the_pronoun(
            main[1:], verb_plural=True, person=False) and _one_finite_verb(main) else None
    if not main_words:
        return None
    if noun is None:
        first = [to_v2(clause, prefield=["Manche", plural_noun])]
        quantifier = ["Diese"]
    else:
        # "die hier sind und zur Arbeit gehen": "Manche Menschen sind hier. Diese Menschen gehen zur Arbeit."
        first = [to_v2(p, prefield=["Manche" if k == 0 else "Diese", plural_noun]) for k, p in enumerate(parts)]
    return [unit.derive(end_sentence(f), ID) for f in first] + [
        unit.derive(end_sentence(quantifier + [plural_noun] + words), ID) for words in [main_words] + more]


def _possessive_condition(unit: Unit, toks: list[Tok], ctx: Context) -> list[Unit] | None:
    """A bare plural with a "deren" clause at the start says whom the sentence is for: "Eltern, deren Kinder
    krank sind, müssen die Schule informieren." → "Bei manchen Eltern sind die Kinder krank. Diese Eltern
    müssen die Schule informieren." (as ``_plural_statement`` does for "Kinder, die krank sind, …"). Only
    when the possessed noun is the clause's subject and the main clause has no subject of its own."""
    if ctx.level != "leicht" and sum(1 for t in toks if t.is_word) <= ctx.options.max_words:
        return None
    if any(t.text in QUOTES_OPEN for t in toks) or toks[-1].text == "?":
        return None
    commas = top_level_commas(toks)
    heads = [0] if len(toks) > 1 and toks[1].text == "," else [0, 2] if len(toks) > 3 and toks[1].text in (
        "und", "oder") and toks[3].text == "," else []
    if not heads or len(commas) < 2 or any(toks[h].tag != "NN" or not _is_plural(toks[h]) for h in heads):
        return None  # "Antragstellerinnen und Antragsteller, deren …": one noun, or two joined
    c = heads[-1] + 1
    if commas[0] != c or toks[c + 1].text.lower() != "deren" or toks[c + 1].tag != "PRELAT":
        return None
    close = commas[1]
    clause = toks[c + 1 : close]
    new = possessive_sentence(clause, ["X"])
    if new is None:
        return None
    main = strip_end(toks[close + 1 :])
    if not main or not main[0].is_finite or not _one_finite_verb(main) or not _only_subject_is_the_pronoun(
            main[1:], verb_plural=True, person=False):
        return None
    datives = []
    for h in heads:
        info = noun_info(toks[h].lemma)
        form = dative(info, plural=True) if info is not None else ""
        if not form:
            return None
        datives.append(form)
    k = 1
    while clause[k].tag in ("ADJ(A)", "CARD") and not clause[k].is_noun:
        k += 1
    rest = clause[k + 1 :]
    if "von" not in new or not finite_indices(rest):
        return None
    # the possessed noun with its article and adjectives as possessive_sentence inflected them
    described = new[: new.index("von")]
    subject = [Tok(described[0].lower(), "ART", "der")] + [Tok(w, "ADJ(A)", w) for w in described[1:-1]] + \
        [clause[k]] + rest
    pre = ["Bei", "manchen", datives[0]] + (["und", datives[1]] if len(datives) > 1 else [])
    heads_words = [toks[heads[0]].text] + (["und", toks[heads[1]].text] if len(heads) > 1 else [])
    first = to_v2(subject, prefield=pre)
    second = ["Diese"] + heads_words + [t.text for t in main]
    return [unit.derive(end_sentence(first), ID), unit.derive(end_sentence(second), ID)]


def _one_finite_verb(main: list[Tok]) -> bool:
    """One finite verb; an "-en" form after "werden"/"würden" or a modal is its infinitive, whatever the
    tagger says ("würden doch ihren Beitrag leisten")."""
    fins = finite_indices(main)
    if len(fins) == 1:
        return True
    first = main[fins[0]]
    return (first.lemma == "werden" or first.tag == "VM(FIN)") and all(
        main[k].text.endswith("en") and main[k].tag.startswith("VV") for k in fins[1:])


def _is_plural(noun: Tok) -> bool:
    """A plural noun; "Bürger", "Vereine" are singular forms too, but "die" after a masculine or neuter
    noun makes them plural."""
    info = noun_info(noun.lemma)
    if info is None or noun.text not in info.number_forms("plural"):
        return False
    return noun.text not in info.number_forms("singular") or info.genus in ("m", "n")


def _unless(unit: Unit, toks: list[Tok]) -> list[Unit] | None:
    """"…, es sei denn, er ist vorher gerügt worden" is a fixed phrase for an exception ("unless"), not
    reported speech: "es ist denn" would be no German. The exception becomes a sentence of its own:
    "Ausnahme: Er ist vorher gerügt worden."
    """
    words = [t.text.lower() for t in toks]
    for c in range(1, len(toks) - 4):
        if words[c : c + 4] != [",", "es", "sei", "denn"]:
            continue
        k = c + 4 + (1 if words[c + 4] == "," else 0)
        rest = strip_end(toks[k:])
        if len(rest) < 2:
            return None
        body = to_v2(rest[1:]) if words[k] in ("dass", "daß") else [t.text for t in rest]
        if not finite_indices(rest):
            return None
        body[0] = body[0][:1].upper() + body[0][1:]
        return [unit.derive(end_sentence([t.text for t in toks[:c]]), ID),
                unit.derive(end_sentence(["Ausnahme", ":"] + body), ID)]
    return None


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    if unit.kind != "sentence":
        return None
    toks = unit.toks()
    if is_direct_quote(toks):
        return None  # direct quotes stay as the person said them
    trailing = _trailing_sollte(unit, toks)
    if trailing is not None:
        unit, toks = trailing, trailing.toks()
    out = (_unless(unit, toks) or _condition_first(unit, toks, ctx) or _plural_statement(unit, toks, ctx) or _possessive_condition(unit, toks, ctx)
           or _conj_clause(unit, toks, ctx.level, ctx.polite)
           or _relative_clause(unit, toks, ctx.level if sum(1 for t in toks if t.is_word) <= ctx.options.max_words
                               else "leicht") or _possessive_relative(unit, toks) or _purpose_clause(unit, toks))
    if out:
        ctx.counts[ID] += 1
    return out or ([unit] if trailing is not None else None)


def _trailing_sollte(unit: Unit, toks: list[Tok]) -> Unit | None:
    """"Das Fest fällt aus, sollte es regnen." is "Das Fest fällt aus, falls es regnet.": the condition after
    its consequence gets "falls" and its verb last, so that it is handled like any other condition."""
    body = strip_end(toks)
    c = next((k for k, t in enumerate(body) if t.text == "," and k + 2 < len(body)
              and body[k + 1].text.lower() in ("sollte", "sollten") and body[k + 1].is_finite), None)
    if c is None or c < 2 or body[0].tag in ("KOUS", "PWS", "PWAV", "PRELS") or body[0].text.lower() == "wer":
        return None
    last = body[max((k for k, t in enumerate(body[:c]) if t.text == ","), default=-1) + 1 : c]
    if not last or not any(t.is_finite for t in last) or last[0].tag in ("PRELS", "PRELAT", "KOUS", "PWS", "PWAV") or (
            last[0].tag.startswith("APPR") and len(last) > 1 and last[1].tag in ("PRELS", "PRELAT")):
        return None  # "Personen, die … können, sollten ihn absagen": "sollten" is the main clause's verb
    clause = body[c + 1 :]
    if clause[1].text.lower() in ("den", "dem", "ihn", "ihm", "einen", "einem", "uns", "mir", "mich", "sich"):
        return None  # no subject after "sollte": not a condition
    if any(t.is_finite for t in clause[1:-1]) or any(t.text in {",", ";", ":"} for t in clause) or not (
            clause[-1].tag.endswith("(INF)") or _infinite_form(clause[-1])):
        return None
    question = _without_sollte(clause)
    if question is None:
        return None
    fin, middle = question[0], question[1:]
    particle = separable_particle(clause[-1].lemma)
    if particle and middle and middle[-1] == particle:
        middle, fin = middle[:-1], particle + fin
    words = [t.text for t in body[: c + 1]] + ["falls"] + middle + [fin] + [t.text for t in toks[len(body) :]]
    return unit.derive(words, ID)


def check(toks: list[Tok], ctx: Context) -> list[Finding]:
    from lesbar.simplify.rules import Finding

    words = [t.text for t in toks if (t.tag == "KOUS" and t.text.lower() in _CONJ) or t.tag == "PRELS"]
    if not words or ctx.level != "leicht":
        return []
    return [Finding(ID, "Nebensatz: in einen eigenen Satz umwandeln", words)]
