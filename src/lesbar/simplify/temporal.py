"""Time expressions: weekdays, dates, clock times and the phrases built from them.

Two rules need to know what a time phrase is. The clause helpers must not read the commas around a
date after a weekday ("am Samstag, 21. Juni 2025, von 11 bis 18 Uhr") as clause boundaries, and the
``adverbials`` rule moves a long sentence's time phrase into a sentence of its own ("Das ist am
Samstag."). The test for "time" is lexical — weekdays, months, clock times, years, dates and nouns
that name a span of time — because the tagger has no semantic classes.
"""

from __future__ import annotations

import re

from lesbar.simplify.analysis import Tok

WEEKDAYS = {"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag"}
#: month names in calendar order (the numbers rule writes "1.3." as "1. März")
MONTH_NAMES = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
               "November", "Dezember"]
MONTHS = {m.lower() for m in MONTH_NAMES} | {"jänner"}
#: nouns (or compound heads) that name a point or span of time
TIME_NOUNS = {"uhr", "tag", "tage", "tagen", "woche", "wochen", "wochenende", "monat", "monate", "monaten",
              "monats", "jahr", "jahre", "jahren", "jahres", "abend", "abends", "morgen", "vormittag",
              "nachmittag", "mittag", "nacht", "frühjahr", "frühling", "sommer", "herbst", "winter", "ferien",
              "schuljahr", "halbjahr", "quartal", "stunde", "stunden", "minuten", "uhrzeit", "feiertag",
              "feiertage", "feiertagen", "werktag", "werktage", "werktagen", "wochentag", "wochentage",
              "wochentagen", "jahrhundert", "jahrzehnt", "jahrzehnten", "zeit"}
#: compound heads that keep the time meaning ("Donnerstag-Abend", "Sommer-Ferien", "Projekt-Woche");
#: "Sprech-Stunde", "Land-Tag" or "Sonnen-Uhr" name no time
COMPOUND_HEADS = {"abend", "morgen", "vormittag", "nachmittag", "mittag", "nacht", "wochenende", "ferien", "woche",
                  "jahr", "jahres", "monat", "halbjahr", "quartal", "frühjahr", "sommer", "herbst", "winter"}
#: prepositions that open a time phrase ("am Samstag", "seit 2015", "von 9 bis 12 Uhr")
TIME_PREPOSITIONS = {"am", "um", "im", "ab", "seit", "vom", "von", "bis", "in", "zwischen", "an", "gegen",
                     "zum", "nach", "vor", "während", "innerhalb", "ende", "anfang", "mitte"}
#: determiners of a bare time phrase in the accusative ("jeden Dienstag", "nächste Woche")
TIME_DETERMINERS = {"jeden", "jede", "jedes", "nächsten", "nächste", "nächstes", "kommenden", "kommende",
                    "vergangenen", "vergangene", "letzten", "letzte", "diesen", "diese", "dieses"}

_YEAR = re.compile(r"^(1[89]|20)\d\d(/(\d\d|(1[89]|20)\d\d))?$")  # "2025", "2023/24", "2023/2024"
_ORDINAL_DAY = re.compile(r"^\d{1,2}\.$")
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}$")
_DATE = re.compile(r"^\d{1,2}\.\d{1,2}\.(\d{2}|\d{4})?$")


def is_time_word(word: str) -> bool:
    """A weekday, month, time noun (also as a compound head: "Donnerstag-Abend"; "Schuljahresbeginn"
    is none), year, clock time or written date."""
    low = word.lower().rstrip(".").rstrip("-")  # "Dienstag- und Donnerstagabend"
    if low in WEEKDAYS or low in MONTHS or low in TIME_NOUNS:
        return True
    if low.endswith("s") and low[:-1] in WEEKDAYS:  # "samstags", "montags"
        return True
    head = re.split(r"[-‐]", low)[-1]
    if head != low and (head in COMPOUND_HEADS or head in WEEKDAYS):
        return True
    if any(low.startswith(d) and low[len(d):] in COMPOUND_HEADS for d in WEEKDAYS):  # "donnerstagabend"
        return True
    return bool(_YEAR.match(word) or _CLOCK.match(word) or _DATE.match(word))


def date_after_weekday_end(toks: list[Tok], comma: int) -> int | None:
    """For the comma after a weekday that opens a date ("Samstag, 21. Juni 2025, …", "Mittwoch, dem
    12. August", "Freitag, 3.5.2026"), the index just past the date (past its closing comma when
    there is one); None when the comma is no such apposition."""
    if comma == 0 or toks[comma - 1].text.lower().rstrip(".") not in WEEKDAYS:
        return None
    i = comma + 1
    if i < len(toks) and toks[i].text.lower() in ("dem", "den"):
        i += 1
    if i < len(toks) and toks[i].text in ("Tag", "Feiertag", "Jahrestag", "Gedenktag") and toks[i - 1].text == "dem":
        # "am Donnerstag, dem Tag der Deutschen Einheit, …": a named day as the apposition
        close = next((k for k in range(i + 1, min(i + 8, len(toks))) if toks[k].text == ","), None)
        if close is None or any(t.is_finite for t in toks[i:close]):
            return None
        return close + 1
    if i < len(toks) and _DATE.match(toks[i].text):
        i += 1
    elif i + 1 < len(toks) and _ORDINAL_DAY.match(toks[i].text) and (
            toks[i + 1].text.lower() in MONTHS or _ORDINAL_DAY.match(toks[i + 1].text)):  # "21. Juni", "21. 06."
        i += 2
        if i < len(toks) and _YEAR.match(toks[i].text):
            i += 1
    else:
        return None
    if i < len(toks) and toks[i].text == ",":
        i += 1
    return i


def is_past(verb: Tok) -> bool:
    """Whether a finite verb is a past form (Präteritum "war"/"kam", or the Perfekt auxiliary with a
    participle is judged by the caller)."""
    from lesbar.simplify.morphology import verb_table

    table = verb_table(verb.lemma)
    if table is None:
        return False
    low = verb.text.lower()
    return low in table.preterite and low not in table.present
