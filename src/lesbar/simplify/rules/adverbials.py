"""Rule 1e ``adverbials``: a long sentence's time phrase becomes a sentence of its own.

Event reports pack the when into the sentence that says what happened: "Am Samstag, dem 14. Juni,
lädt der Integrationsrat zum Fest auf den Marktplatz ein." Leichte Sprache writers give it its own
sentence: "Der Integrationsrat lädt zum Fest auf den Marktplatz ein. Das ist am Samstag, dem 14. Juni."
The rule does that for one-clause sentences that are still too long after the clause rules (Leichte
Sprache: more than 10 words, the 90 % target; Einfache Sprache: more than its limit). A time phrase is
recognised lexically (weekday, month, date, clock time, year, time nouns; see
:mod:`lesbar.simplify.temporal`). The new sentence's verb follows the phrase: "Das geht bis zum
30. Mai" (a deadline), "Das gilt ab dem 1. April" (a start), otherwise "Das ist/war …" in the tense of
the sentence. A time phrase in the prefield leaves the subject to move to the front; without a subject
that can be found safely, nothing changes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lesbar.simplify.analysis import Tok
from lesbar.simplify.clauses import (
    QUOTES_CLOSE,
    QUOTES_OPEN,
    constituent_end,
    finite_indices,
    strip_end,
    subject_after_verb,
)
from lesbar.simplify.morphology import UNREAL_FORMS, noun_info, verb_table
from lesbar.simplify.places import is_place_noun, place_blocks
from lesbar.simplify.resources import MOTION_VERBS
from lesbar.simplify.temporal import (
    TIME_DETERMINERS,
    WEEKDAYS,
    date_after_weekday_end,
    is_past,
    is_time_word,
)
from lesbar.simplify.units import Unit, end_sentence

if TYPE_CHECKING:
    from lesbar.simplify.context import Context

ID = "adverbials"
PRIORITY = 125  # after the glossary explanations, so that "Das ist …" follows its own sentence
LEVELS = ("leicht", "einfach")
HEADINGS = False

#: the Leichte Sprache target "90 % of the sentences at most 10 words"
LEICHT_SPLIT_ABOVE = 10

#: prepositions that open a time phrase ("am Samstag", "von 9 bis 12 Uhr", "bis zum 30. Mai")
_OPENERS = {"am", "um", "im", "ab", "vom", "von", "in", "an", "zwischen", "bis", "gegen"}
#: inside a time phrase: words that join its parts ("von 11 bis 18 Uhr", "Dienstag und Donnerstag")
_JOINERS = {"bis", "und", "-", "–", "oder"}
_INNER_PREPOSITIONS = {"am", "um", "vom", "von", "bis", "ab", "zum", "zur", "im"}
_HEDGES = {"spätestens", "frühestens", "mindestens", "höchstens", "etwa", "circa", "ca.", "gegen", "kurz", "zum", "zur"}
#: ages and durations after a bare number ("zwischen 16 und 25 Jahren", "ab 18 Jahren") are no time
_AGE_PREPOSITIONS = {"von", "zwischen", "ab", "bis", "unter", "über", "mit"}
#: "jede Stunde", "im Jahr" (after an amount): a rate, not a point in time
_FREQUENCY_UNITS = {"stunde", "minute", "minuten", "stunden", "jahr", "monat", "woche", "tag"}
_FUTURE_WORDS = {"kommenden", "kommende", "kommendes", "nächsten", "nächste", "nächstes", "künftigen"}
_PAST_WORDS = {"vergangenen", "vergangene", "vergangenes", "letzten", "letzte", "letztes", "vorigen", "vorige"}
_NUMBER = re.compile(r"^\d+([.,:/]\d+)*\.?$")


def _phrase_end(toks: list[Tok], i: int) -> int | None:
    """End (exclusive) of a time phrase starting at ``i``, or None when none starts there."""
    n = len(toks)
    t = toks[i]
    low = t.text.lower()
    if low == "bis" and i > 0 and _NUMBER.match(toks[i - 1].text):
        return None  # "für die Jahre 2025 bis 2027": the end of a range that started before
    if low in _OPENERS and (t.tag.startswith("APPR") or low == "bis"):
        j = i + 1
        while j < n and (toks[j].text.lower() in _HEDGES and toks[j].tag in ("ADV", "ADJ(D)", "APPRART", "APPR",
                                                                               "ADJ(A)")
                         or (toks[j].text in ("Anfang", "Ende", "Mitte") and j + 1 < n and is_time_word(toks[j + 1].text))):
            j += 1  # "bis spätestens zum", "bis Ende Januar"
    elif low in TIME_DETERMINERS and t.tag in ("PIAT", "PDAT", "ADJ(A)", "PIDAT"):
        k = i + 1
        while k < n and toks[k].tag == "ADJ(A)" and not is_time_word(toks[k].text):
            k += 1  # "jeden zweiten Samstag"
        if not (k < n and is_time_word(toks[k].text) and toks[k].is_noun
                and toks[k].text.lower() not in _FREQUENCY_UNITS):
            return None
        j = i
    elif t.text in ("Anfang", "Ende", "Mitte") and i + 1 < n and is_time_word(toks[i + 1].text):
        j = i + 1
    elif t.tag in ("ADV", "ADJ(D)") and is_time_word(t.text) and i + 2 < n and toks[i + 1].text in ("bis", "und", "oder") \
            and is_time_word(toks[i + 2].text):
        j = i  # "montags bis freitags", "dienstags und donnerstags"
    else:
        return None
    end, saw_time, bare_years = _body_end(toks, j)
    if end <= j or not saw_time:
        return None
    nouns = [t.text.lower() for t in toks[j:end] if t.is_noun]
    if nouns and all(n == "zeit" for n in nouns) and not any(_NUMBER.match(t.text) for t in toks[j:end]):
        return None  # "in der aktuellen Zeit" is no date; "in der Zeit von 8 bis 18 Uhr" is one
    if low in ("vom", "von") and not any(_NUMBER.match(t.text) or t.text.lower() == "bis" for t in toks[j:end]):
        return None  # "die Ergebnisse vom Abend": "von" of a noun, not a time span ("vom 7. bis 11. Mai")
    if bare_years and low in _AGE_PREPOSITIONS:
        return None  # "zwischen 16 und 25 Jahren": an age, not a time
    rate = _rate_after(toks, end)
    if rate is not None:
        return rate  # "an sechs Tagen in der Woche", "zweimal im Monat": how often, one phrase
    gen_end = _genitive_after(toks, end)
    if gen_end is not None:
        return gen_end  # "am ersten Tag des Monats", "am letzten Wochenende der Ferien": the genitive goes with it
    if end + 1 < n and toks[end].text.lower() in ("vor", "nach") and toks[end - 1].is_noun and \
            toks[end - 1].text.lower() in _DURATIONS and toks[end + 1].tag in ("ART", "APPRART", "PPOSAT", "NN"):
        # "bis spätestens drei Tage vor dem Termin": the duration counts from the time or event after it
        return constituent_end(toks, end)
    return end


#: heads of time nouns whose "von" or genitive belongs to the time phrase before them
_TIME_HEADS = ("monat", "monats", "jahr", "jahres", "woche", "quartal", "quartals", "ferien", "semester",
               "semesters", "halbjahr", "halbjahres")


_RATE_UNITS = {"Woche", "Monat", "Jahr", "Tag", "Stunde", "Quartal", "Halbjahr"}


def _rate_after(toks: list[Tok], end: int) -> int | None:
    """End of "in der Woche", "im Monat", "pro Jahr", "am Tag" right after a time phrase, else None."""
    if end == 0 or end >= len(toks) or toks[end].text.lower() not in ("in", "im", "pro", "je", "am"):
        return None
    k = end + 1
    if k < len(toks) and toks[k].tag == "ART":
        k += 1
    return k + 1 if k < len(toks) and toks[k].text in _RATE_UNITS else None


def _genitive_after(toks: list[Tok], end: int) -> int | None:
    """End of a genitive right after a time phrase ("des Monats", "der Ferien", "der Woche"), else None.
    "der" with a masculine singular noun is a nominative ("weil am Montag der Bürgermeister kommt")."""
    if end + 1 >= len(toks) or end == 0 or not toks[end - 1].is_noun:
        return None
    if toks[end].text in ("vom", "von"):
        # "am zehnten Tag vom Folgemonat" (the genitive rule's "von"): only of a time noun
        k = end + 1 + (1 if toks[end].text == "von" and toks[end + 1].tag == "ART" else 0)
        while k < len(toks) and toks[k].tag == "ADJ(A)":
            k += 1
        if k < len(toks) and toks[k].tag == "NN" and toks[k].text.lower().endswith(_TIME_HEADS):
            return k + 1
        return None
    if toks[end].text not in ("des", "der"):
        return None
    k = end + 1
    while k < len(toks) and toks[k].tag == "ADJ(A)":
        k += 1
    if k >= len(toks) or toks[k].tag != "NN":
        return None
    if toks[end].text == "der" and not is_time_word(toks[k].text) and any(
            toks[end - 1].text.lower().startswith(d) for d in WEEKDAYS):
        return None  # "am Mittwochabend der Einladung gefolgt": after a weekday "der" is a dative object
    if toks[end].text == "der":
        info = noun_info(toks[k].lemma)
        if info is None or not (info.genus == "f" or toks[k].text in info.number_forms("plural")) or (
                info.genus == "m" and toks[k].text in info.number_forms("singular")):
            return None
    return k + 1


#: units of a duration: "drei Tage vor dem Termin", "zwei Wochen nach der Anmeldung"
_DURATIONS = {"tag", "tage", "tagen", "woche", "wochen", "monat", "monate", "monaten", "stunde", "stunden",
              "minuten", "jahr", "jahre", "jahren", "werktage", "werktagen", "arbeitstage", "arbeitstagen"}


def _body_end(toks: list[Tok], j: int) -> tuple[int, bool, bool]:
    """Scan the words of a time phrase: (end, whether it names a time, whether its only time words are
    "Jahre(n)" after a bare number — an age or duration). A bare unit ("im Jahr", "pro Woche" after an
    amount) is a rate and names no time."""
    n = len(toks)
    saw_time = False
    specific = False  # a weekday, month, date, number or an adjective ("vergangenen"): not a rate
    only_years_after_number = True
    head_seen = False  # after the phrase's noun, only joiners, dates and further time phrases follow
    last_good = j  # the phrase ends after its last time word ("am Freitag zur ersten Lesenacht" → "am Freitag")
    k = j
    while k < n:
        t = toks[k]
        low = t.text.lower()
        if t.text == ",":
            date_end = date_after_weekday_end(toks, k)
            if date_end is None and k + 1 < n and _NUMBER.match(toks[k + 1].text):
                run = _number_run_end(toks, k + 1)  # "bis zum 8. August 2025, 18 Uhr,"
                if run is not None and is_time_word(toks[run - 1].text) and toks[run - 1].text.lower() == "uhr":
                    date_end = run + 1 if run < n and toks[run].text == "," else run
            if date_end is None or not saw_time:
                break
            specific = True
            only_years_after_number = False
            k = last_good = date_end
            continue
        if t.is_noun or t.tag in ("ADV", "ADJ(D)") and is_time_word(t.text):
            if not is_time_word(t.text):
                break
            saw_time = True
            head_seen = True
            if low not in _FREQUENCY_UNITS:
                specific = True
            if not (low in ("jahre", "jahren") and k > j and _NUMBER.match(toks[k - 1].text)):
                only_years_after_number = False
            k += 1
            last_good = k
            continue
        if _NUMBER.match(t.text) or t.tag == "CARD":
            run = _number_run_end(toks, k)
            if run is None:
                break
            specific = True
            if any(is_time_word(x.text) for x in toks[k:run]):
                saw_time = True
            if any(is_time_word(x.text) and not x.text.lower().startswith("jahr") for x in toks[k:run]):
                only_years_after_number = False
            head_seen = True
            k = last_good = run
            continue
        if t.tag == "ADJ(A)" and t.text[:1].isupper() and k > 0:
            break  # "zur Interkulturellen Woche": a capitalised adjective makes a name, not a time
        if t.tag in ("ART", "ADJ(A)", "PIAT", "PDAT", "PPOSAT") and not head_seen:
            if t.tag != "ART":
                specific = True
            k += 1
            continue
        if low in _JOINERS and k + 1 < n and (_NUMBER.match(toks[k + 1].text) or is_time_word(toks[k + 1].text)
                                              or toks[k + 1].text.lower() in _INNER_PREPOSITIONS):
            head_seen = False
            k += 1
            continue
        if low in _INNER_PREPOSITIONS and k > j and k + 1 < n and (
                _NUMBER.match(toks[k + 1].text) or is_time_word(toks[k + 1].text)
                or toks[k + 1].tag in ("ART", "ADJ(A)")):
            head_seen = False
            k += 1
            continue
        break
    k = last_good
    # a phrase may not end in an article or joiner
    while k > j and (toks[k - 1].tag in ("ART", "APPR", "APPRART", "KON") or toks[k - 1].text in _JOINERS
                     or toks[k - 1].text == ","):
        k -= 1
    return k, saw_time and specific, saw_time and only_years_after_number


def _number_run_end(toks: list[Tok], k: int) -> int | None:
    """Numbers joined by bis/und from ``k`` ("11 bis 18 Uhr", "7. bis 11. September") belong to a time
    phrase when they are times themselves (years, clock times, dates) or a time word follows them
    ("Uhr", a month, "Jahren"); "am Donnerstag 86 Frauen" ends before the 86."""
    n = len(toks)
    end = k
    while end < n and (_NUMBER.match(toks[end].text) or toks[end].tag == "CARD"):
        end += 1
        if end + 1 < n and toks[end].text.lower() in _JOINERS and _NUMBER.match(toks[end + 1].text):
            end += 1
    numbers = [t for t in toks[k:end] if t.text.lower() not in _JOINERS]
    if end < n and is_time_word(toks[end].text) and (toks[end].is_noun or toks[end].tag == "CARD"):
        return end + 1
    if all(is_time_word(t.text) for t in numbers):
        return end
    return None


def time_blocks(toks: list[Tok]) -> list[tuple[int, int]]:
    """Spans of time phrases, adjacent phrases merged ("am Donnerstag um 10 Uhr")."""
    blocks: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        end = _phrase_end(toks, i)
        if end is None:
            i += 1
            continue
        if i > 0 and toks[i - 1].tag == "ART":
            i = end  # "der vergangene Freitag war …": a noun phrase that names a day, no time phrase
            continue
        back = i - 1
        while back > 0 and i - back < 4 and (toks[back].tag.startswith("APPR") or toks[back].is_noun
                                             or toks[back].tag in ("ART", "ADJ(A)")):
            back -= 1  # "mehr als beim Fest im Jahr 2021": the comparison may name an event first
        if back >= 0 and toks[back].text.lower() in ("wie", "als") and toks[back].tag in ("KOKOM", "KOUS", "KON"):
            i = end  # "doppelt so viele wie im Jahr 2015": the time of a comparison, not of the event
            continue
        if blocks and blocks[-1][1] == i:
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((i, end))
        i = end
    return blocks


def _tense_past(toks: list[Tok], f: int) -> bool:
    fin = toks[f]
    if is_past(fin):
        return True
    if fin.lemma not in ("haben", "sein"):
        return False
    # Perfekt: haben/sein with a participle ("erhalten" is often tagged as an infinitive); "ist zu sehen"
    # and "hat zu tun" are no past
    rest = toks[f + 1 :]
    parts = [t for k, t in enumerate(rest)
             if t.tag.endswith(("(PP)", "(INF)")) and not (k > 0 and rest[k - 1].tag == "PTKZU")]
    if not parts:
        return False
    if fin.lemma == "haben":
        return True
    # "ist gekommen" is past, "ist gewährleistet" (a state) is not: sein-Perfekt only for verbs that take it
    table = verb_table(parts[-1].lemma)
    # ("ist nach Bocholt gezogen": a move, past)
    return parts[-1].lemma in ("sein", "werden") or parts[-1].lemma in MOTION_VERBS or (
        table is not None and table.auxiliary == "sein")


#: adverbs that say something about the time phrase next to them ("jeweils von 13 bis 16 Uhr",
#: "voraussichtlich am Wochenende"): they go with it
_TIME_MODIFIERS = {"jeweils", "voraussichtlich", "zusätzlich", "spätestens", "frühestens", "erst", "bereits",
                   "schon", "noch", "wieder", "immer", "meist", "meistens", "regelmäßig", "ungefähr", "etwa",
                   "circa", "ca.", "ausnahmsweise"}
#: adverbs that relate the time to other times ("auch in diesem Winter", "wieder am Montag"): the split
#: sentence "Das ist auch in diesem Winter." would lose that relation
_RELATING = {"auch", "wieder", "erneut", "ebenfalls", "nochmals", "abermals", "zwar"}  # "und zwar jeden Montag"


#: nouns whose own date a following time phrase gives ("einen Termin am 3. Juni reserviert")
#: (not "Sitzung", "Treffen": "in seiner Sitzung am 12. November" is the date of the reported event)
_DATED_NOUNS = {"Termin", "Termine", "Frist", "Prüfung", "Anhörung", "Vorstellungsgespräch", "Bescheid", "Schreiben",
                "Brief", "Antrag"}


_EVENT_ENDINGS = ("fest", "festival", "feier", "treffen", "konferenz", "tagung", "messe", "markt", "turnier", "abend")


#: "nach unseren Informationen", "nach Angaben": where something is known from, no event with a date
_SOURCE_NOUNS = {"Informationen", "Information", "Angaben", "Angabe", "Auskunft", "Aussage", "Aussagen", "Meinung",
                 "Ansicht", "Einschätzung", "Schätzung", "Schätzungen", "Berechnungen", "Kenntnis", "Wissen"}


def _owned_by_noun(body: list[Tok], a: int) -> bool:
    """The time phrase at ``a`` belongs to the noun before it: a noun that has a date of its own, or a day
    named by a noun whose hour follows ("am Wahltag um 18 Uhr")."""
    noun = body[a - 1]
    if not noun.is_noun or is_time_word(noun.text) or is_place_noun(noun.text) or noun.tag == "NE":
        return False  # ("in der Innenstadt am Samstag": a place and a time side by side)
    if noun.text in _DATED_NOUNS:
        return True
    if body[a].text.lower() in ("von", "vom", "aus") and a + 1 < len(body) and not _NUMBER.match(body[a + 1].text):
        return True  # "Daten von den Jahren 2019 bis 2023", "Zahlen aus dem Jahr 2023": which data ("vom 22.
        # September bis …" after a name is the event's time)
    if noun.text.lower().endswith(_EVENT_ENDINGS) and a >= 2 and body[a - 2].text.lower() in ("zum", "zur", "zu"):
        return True  # "lud zum Sommerfest im August ein": the date of the fest, not of the invitation
    k = a - 2
    while k >= 0 and body[k].tag in ("ART", "ADJ(A)", "CARD", "PPOSAT", "PIAT", "PDAT"):
        k -= 1
    if k >= 0 and (k < a - 2 and body[k + 1].tag in ("ART", "PPOSAT", "PDAT") or body[k].tag == "APPRART") and \
            body[k].tag.startswith("APPR") and body[k].text.lower() in (
            "seit", "nach", "vor", "bei", "beim", "während", "bis", "ab", "zur", "zum", "infolge") and \
            noun.text not in _SOURCE_NOUNS:
        return True  # "seit der Eröffnung im März 2020": when the event was, not when the sentence happened
    if body[a].text.lower() != "um":
        return False
    k = a - 2
    while k >= 0 and body[k].tag in ("ART", "ADJ(A)", "CARD", "PPOSAT", "PIAT"):
        k -= 1
    return k >= 0 and body[k].text.lower() in ("am", "an")  # "am Wahltag um 18 Uhr": the hour of that day


def _with_modifiers(toks: list[Tok], blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Blocks with the time modifiers right before them, and blocks separated only by such modifiers or a
    comma joined ("am Montag, 17. März, und am Dienstag, 18. März, jeweils von 13 bis 16 Uhr")."""
    out: list[tuple[int, int]] = []
    for a, b in blocks:
        while True:
            if a > 0 and toks[a - 1].text.lower() in _TIME_MODIFIERS and toks[a - 1].tag in ("ADV", "ADJ(D)"):
                a -= 1
            elif a > 0 and toks[a - 1].tag in ("ADV", "ADJ(D)") and is_time_word(toks[a - 1].text):
                a -= 1  # "dienstags von 9 bis 12 Uhr": the day goes with its hours
            elif a > 1 and toks[a - 2].text.lower() in TIME_DETERMINERS and is_time_word(toks[a - 1].text):
                a -= 2  # "jedes Jahr am 3. Oktober": a frequency goes with the date it repeats
            else:
                break
        if out and all(t.text == "," or t.text.lower() in _TIME_MODIFIERS for t in toks[out[-1][1] : a]):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _only_quoted_names(toks: list[Tok]) -> bool:
    """Quotation marks only around short names without a verb ("das Zentrum „Brücke“"), not speech."""
    k = 0
    while k < len(toks):
        if toks[k].text in QUOTES_CLOSE:
            return False
        if toks[k].text in QUOTES_OPEN:
            close = next((m for m in range(k + 1, min(k + 8, len(toks))) if toks[m].text in QUOTES_CLOSE), None)
            if close is None or any(t.is_finite for t in toks[k + 1 : close]):
                return False
            k = close
        k += 1
    return True


def _coordinated(toks: list[Tok], a: int, b: int) -> bool:
    """"werktags jede Stunde und am Wochenende alle 2 Stunden": a phrase next to und/oder/sowie is one
    part of a coordination and cannot leave it."""
    return (a > 0 and toks[a - 1].tag == "KON") or (b < len(toks) and toks[b].tag == "KON")


def _block_verb(first: str, past: bool) -> str:
    if first == "bis":
        return "ging" if past else "geht"
    if first == "ab" and not past:
        return "gilt"
    return "war" if past else "ist"


def _clause_after(body: list[Tok], k: int) -> bool:
    """The comma at ``k`` opens a clause of its own (a zu-infinitive, a finite verb), not an address or a
    date ("im Rathaus, Zimmer 14, montags …")."""
    end = next((m for m in range(k + 1, len(body)) if body[m].text == ","), len(body))
    return any(t.tag == "PTKZU" or t.tag.endswith("(IZU)") or t.is_finite for t in body[k + 1 : end])


#: forms of the Konjunktiv II that say something did not or does not happen


def _first_word(body: list[Tok], block: tuple[int, int]) -> str:
    """The word that decides the verb of "Das ist/geht bis/gilt ab …"."""
    words = [t.text for t in body[block[0] : block[1]]]
    first = next((w.lower() for w in words if w.lower() not in _TIME_MODIFIERS), "")
    if first == "ab" and "Uhr" in words:
        return "um"  # "ab 18 Uhr": a starting time each day, no date from which something is valid
    return first


#: verbs whose place is part of what they say ("wohnt in Unna", "findet im Rathaus statt", "liegt am
#: Markt"): the place cannot leave them
_PLACE_VERBS = {"sein", "liegen", "stehen", "sitzen", "wohnen", "leben", "arbeiten", "finden", "stattfinden",
                "befinden", "bleiben", "hängen", "geben", "aufwachsen", "wachsen", "übernachten", "parken",
                "halten", "ankommen", "abholen", "abgeben", "melden", "anmelden",
                "bringen", "liefern", "legen", "stellen", "setzen", "einsetzen", "unterbringen", "auslegen",
                "aushängen", "erreichen", "engagieren", "gelten", "bestehen", "herrschen", "aufnehmen", "beteiligen", "einziehen"}
#: verbs of things to come: a place after them belongs to what is planned, not to the planning
_PLAN_VERBS = {"planen", "ankündigen", "vorbereiten", "vorschlagen", "fordern", "wünschen", "beantragen",
               "vorhaben", "anregen", "versprechen", "empfehlen"}
_LOCATIVE = {"in", "im", "auf", "an", "am", "vor", "neben", "hinter", "bei", "beim", "gegenüber"}
_FORMAL = {"Ihnen", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres"}


#: words that narrow a place phrase and stand before it ("direkt am Bahnhof")
_PLACE_DEGREE = {"direkt", "gleich", "unmittelbar", "genau", "ganz", "mitten", "nahe", "dicht"}


def _place_block(body: list[Tok], f: int, times: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The one place phrase that can leave the sentence with (or instead of) its time phrase: where an
    event happened ("im Sitzungssaal vom Kreishaus in Unna"), not the place a verb needs ("wohnt in Unna")
    or a place where someone is asked to go ("erhalten Sie im Sekretariat")."""
    fin = body[f]
    verbs = [t for t in body if t.tag.startswith("V")]
    if any(t.tag.startswith("VM") or t.lemma in _PLACE_VERBS for t in verbs):
        return None
    if any(t.text in _FORMAL or (t.text == "Sie" and k > 0) or t.tag.startswith("VV(IMP") for k, t in enumerate(body)):
        return None
    if fin.lemma in ("haben", "sein", "werden") and not any(t.tag.endswith(("(PP)", "(INF)")) for t in verbs):
        return None
    taken = {k for a, b in times for k in range(a, b)}
    places = [(a, b) for a, b in place_blocks(body)
              if not any(k in taken for k in range(a, b)) and (a > f or (a == 0 and b == f))]
    if len(places) != 1:
        return None
    a, b = places[0]
    while a > f + 1 and body[a - 1].text.lower() in _PLACE_DEGREE:
        a -= 1  # "direkt neben den Kursräumen": the degree word goes with the place
    if (a > 0 and (body[a - 1].tag == "KON" or body[a - 1].text.lower() in _RELATING)) or \
            (b < len(body) and (body[b].tag in ("KON", "NN", "NE") or body[b].text == ","
                                or body[b].tag.startswith("APPR") and body[b].text.lower() in _LOCATIVE)):
        # "im Sekretariat oder beim Sozialamt", "…, Parkstraße 44,", "im Raum 012 neben der Mensa": part of
        # something larger
        return None
    if a > f and (body[a - 1].text.lower().endswith(_EVENT_ENDINGS) or any(t.lemma in _PLAN_VERBS for t in verbs)):
        return None  # "hat ein Fest in Hamm geplant": the place is where the event will be, part of the object
    closing = {b for _, b in times}  # "am Mittwoch, 9. Oktober, im Saal": the date's closing comma
    if any(body[k].text == "," and k not in taken and k not in closing for k in range(f, a)):
        return None  # "hat beschlossen, Stellen im Zentrum zu schaffen": the place is in another clause
    if a > f and body[a - 1].is_noun and a - 1 not in taken:
        k = a - 1
        while k > 0 and body[k - 1].tag in ("ART", "ADJ(A)", "CARD", "PPOSAT", "PIAT", "NN", "NE"):
            k -= 1
            if body[k].tag in ("ART", "PPOSAT", "PIAT"):
                break  # the noun phrase begins here ("mit dem Zentrum ein offenes Café in der Innenstadt")
        if k > 0 and body[k - 1].tag.startswith("APPR") and not (
                is_time_word(body[a - 1].text) and body[k - 1].text.lower() not in ("von", "vom", "über", "aus", "mit")):
            # "für einen Tag in Berlin": a duration, the place is where it happened; but "neue Regeln für die
            # Einbürgerung in Deutschland", "von ihren ersten Jahren in Deutschland", "den Bau von einem
            # Wohnprojekt in der Ulmer Straße": after a noun inside a prepositional phrase the place says
            # which one, not where
            return None
    return a, b


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    if unit.kind != "sentence" or (unit.speaker and ctx.level != "leicht"):
        return None  # Einfache Sprache repeats the frame before each sentence: "X sagt: Das ist …" would not do
    toks = unit.toks()
    words = [t for t in toks if t.is_word]
    limit = LEICHT_SPLIT_ABOVE if ctx.level == "leicht" else ctx.options.max_words
    if len(words) <= limit:
        return None
    body = strip_end(toks)
    if len(body) != len(toks) - 1 or toks[-1].text != ".":
        return None  # questions, exclamations, quotations that run on
    if any(t.text in (":", ";", "(", '"') for t in body) or not _only_quoted_names(body):
        return None  # speech, or more than one statement
    if any(t.tag in ("KOUS", "PRELS", "PRELAT", "PWS", "PWAV", "KOUI") for t in body):
        return None  # still more than one clause
    fins = finite_indices(body)
    if len(fins) != 1 or fins[0] == 0:
        return None
    f = fins[0]
    commas = [k for k, t in enumerate(body) if t.text == "," and k > f]
    if any(k + 1 < len(body) and body[k + 1].tag in ("ART", "PDS", "PRELS", "PRELAT", "PWS", "PWAV")
           and any(t.tag.startswith(("VA", "VM")) for t in body[k:]) for k in commas):
        return None  # "…, das Frauen selbst gebacken haben": a clause the tagger did not mark
    blocks = [(a, b + 1 if b + 1 == f and body[b].text == "," else b) for a, b in time_blocks(body)]
    blocks = [(a, _clock_after(body, b)) for a, b in blocks]
    if any(body[a].text.lower() in ("in", "innerhalb") and a + 1 < b and body[a + 1].tag == "CARD"
           and any(t.text.lower() in _DURATIONS for t in body[a:b])
           and not any(is_time_word(t.text) and t.text.lower() not in _DURATIONS for t in body[a:b]) for a, b in blocks):
        return None  # "mit dem Zug in 2 Stunden erreichen": how long it takes, no point in time
    if any(_coordinated(body, a, b) for a, b in blocks):
        return None  # "an Werktagen alle 20 Minuten und am Wochenende alle 2 Stunden": parallel time frames
    if any(a > 0 and body[a - 1].text.lower() in _RELATING for a, _ in blocks):
        return None
    if any(t.tag == "PTKNEG" or t.text.lower() in ("kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals")
           for t in body):
        return None  # "kann an diesem Abend nicht angeboten werden": the time is inside the negation
    if any(t.is_finite and t.text.lower() in UNREAL_FORMS for t in body):
        return None  # "Ohne die Freiwilligen wäre das in den letzten Jahren unmöglich gewesen": nothing happened
    blocks = _with_modifiers(body, [(a, b) for a, b in blocks if a > f or b <= f])
    if any(a > 0 and (body[a - 1].tag.startswith("APPR") or body[a - 1].text.lower() in _HEDGES) for a, _ in blocks):
        return None  # "innerhalb von 3 Monaten", "bis mindestens Ende 2026": part of a larger phrase
    if any(a > f + 1 and _owned_by_noun(body, a) for a, _ in blocks):
        return None  # "einen Termin am 3. Juni", "am Wahltag um 18 Uhr": the time of a thing, not of the event
    if any(body[k].text == "," and _clause_after(body, k) for a, _ in blocks if a > f for k in range(f, a)):
        return None  # "plant, die Unterkunft bis Ende 2026 zu betreiben": the time is in another clause
    if any(b + 1 < len(body) and body[b].text == "," and body[b + 1].text.lower() in ("dem", "der")
           and not any(t.text == "," for t in body[a:b]) for a, b in blocks):
        return None  # "am 3. Oktober, dem Tag der Deutschen Einheit, …": the date's apposition would stay behind
    if [(a, b) for a, b in blocks if b <= f] not in ([], [(0, f)]):
        blocks = [(a, b) for a, b in blocks if b > f]  # "Nach Beginn des Krieges im Februar …"
    if len(blocks) > 1:
        # times in two places ("ab Oktober jeden zweiten Samstag von 10 bis 12 Uhr", a deadline and opening
        # hours): joined in one sentence they would say something else
        return None
    place = _place_block(body, f, blocks)
    time_block = blocks[0] if blocks else None
    if place is not None and (not blocks or _block_verb(_first_word(body, blocks[0]), False) == "ist"):
        # where with when ("Das war am Samstag im Saal vom Kreishaus."), unless the time is a deadline or
        # start ("Das geht bis …"); when the place must stay ("trifft sich ab Oktober … im Lesesaal": the
        # verb would be left alone), the time goes alone
        both = _split(unit, body, f, sorted(blocks + [place]), time_block, limit)
        if both is not None or not blocks:
            if both is not None:
                ctx.counts[ID] += 1
            return both
    if not blocks:
        return None
    out = _split(unit, body, f, blocks, time_block, limit)
    if out is not None:
        ctx.counts[ID] += 1
    return out


def _clock_after(body: list[Tok], b: int) -> int:
    """"bis zum 48. Tag vor der Wahl, 18 Uhr, …": a clock time set off by commas after a time phrase belongs
    to it (the end of the phrase past the time)."""
    if b + 3 < len(body) and body[b].text == "," and body[b + 1].tag == "CARD" and body[b + 2].text == "Uhr" \
            and body[b + 3].text == ",":
        return b + 3
    return b


def _split(unit: Unit, body: list[Tok], f: int, blocks: list[tuple[int, int]], time_block: tuple[int, int] | None,
           limit: int) -> list[Unit] | None:
    """The sentence without ``blocks`` and the "Das ist/war …" sentence(s) that say them, or None when
    what is left would be no sentence."""
    front = [(a, b) for a, b in blocks if b <= f]
    removed = {k for a, b in blocks for k in range(a, b)}
    for a, b in blocks:
        if b < len(body) and body[b].text == "," and any(body[k].text == "," for k in range(a, b)):
            removed.add(b)  # "bis zum 8. August 2025, 18 Uhr, beim Wahlleiter": the date's closing comma
    # the sentence without the phrases after the verb; a phrase in front leaves the subject to move there
    kept = [t for k, t in enumerate(body) if k not in removed or k < f]
    if front:
        subject = subject_after_verb(kept, f)
        if subject is None:
            return None
        lead, s0, s1 = subject
        main = ([t.text for t in kept[s0:s1]] + [kept[f].text] + [t.text for t in kept[lead:s0]]
                + [t.text for t in kept[s1:]])
        rest = [t for k, t in enumerate(kept) if k > f and not (lead <= k < s1)]
    else:
        main = [t.text for t in kept]
        rest = kept[f + 1 :]
    if not any(t.is_noun or t.tag in ("PPER", "PIS", "PDS") for t in rest) and not front:
        # "Die Elternabende finden … statt", "Die Saison beginnt voraussichtlich": nothing would be left to
        # say but the verb
        return None
    main_words = [w for w in main if any(c.isalnum() for c in w)]
    if len(main_words) < 3:
        return None
    phrases: list[list[str]] = []
    for a, b in sorted(blocks, key=lambda blk: blk != time_block):  # the time first: "am Samstag im Saal"
        words = [t.text for t in body[a:b]]
        while words and words[-1] == ",":
            words.pop()
        if not body[a].is_noun:
            words[0] = words[0].lower()
        phrases.append(words)
    phrase = [w for words in phrases for w in words]
    if len(phrases) == 2 and "," in phrases[0]:
        phrase = phrases[0] + [","] + phrases[1]  # "am Mittwoch, 9. Oktober, im Kulturzentrum": the date's comma
    past = _tense_past(body, f)
    lows = {w.lower() for w in phrase}
    if (past and lows & _FUTURE_WORDS) or (not past and lows & _PAST_WORDS):
        return None  # "sprachen über den Haushalt im kommenden Jahr": the phrase belongs to a noun
    verb = _block_verb(_first_word(body, time_block or blocks[0]), past)
    out = [unit.derive(end_sentence(main), ID)]
    if len(phrases) == 2 and len([w for w in phrase if w[:1].isalnum()]) + 2 > limit:
        # "Das war am Donnerstag. Das war im großen Sitzungssaal vom Kreishaus." rather than one long sentence
        return out + [unit.derive(end_sentence(["Das", verb] + words), ID) for words in phrases]
    return out + [unit.derive(end_sentence(["Das", verb] + phrase), ID)]
