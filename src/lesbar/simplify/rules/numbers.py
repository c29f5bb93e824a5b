"""Rule 7 ``numbers``: numbers as digits, no Roman numerals, dates and times in the recommended form.

Number words become digits ("drei Fachforen" → "3 Fachforen"; "ein/eine" stay, they are also
articles), numeric dates become "1. September 2014", "14:00 Uhr" becomes "14 Uhr", Roman numerals
become digits, large numbers get thousands points, and percentages get a review comment (they should
be explained, e.g. "15 von 100 Menschen").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lesbar.simplify.analysis import Tok
from lesbar.simplify.clauses import quoted_names
from lesbar.simplify.morphology import is_known_noun, is_place_name
from lesbar.simplify.resources import number_words
from lesbar.simplify.temporal import MONTH_NAMES
from lesbar.simplify.units import Unit

if TYPE_CHECKING:
    from lesbar.simplify.context import Context
    from lesbar.simplify.rules import Finding

ID = "numbers"
PRIORITY = 100
LEVELS = ("leicht", "einfach")
HEADINGS = True

MONTHS = MONTH_NAMES
_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})?$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")
_ROMAN = re.compile(r"^X{0,3}(IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_BIG = re.compile(r"^\d{5,}$")


_PHONE_WORDS = {"tel", "tel.", "telefon", "telefonnummer", "fax", "mobil", "handy", "nummer", "nr", "nr.",
                "rufnummer", "durchwahl", "postfach", "plz", "iban", "kundennummer", "aktenzeichen"}


def _is_big_number(toks: list[Tok], i: int) -> bool:
    """A quantity of five or more digits ("80000 Menschen"), which gets thousands points. Not a year, a
    phone number ("02303 27-1234": leading zero, digit groups, "Telefon" before it), a postcode ("59425
    Unna") or any other code: a point there would make the number wrong."""
    text = toks[i].text
    if not _BIG.match(text) or 1900 <= int(text) <= 2100 or text.startswith("0"):
        return False
    prev = toks[i - 1].text if i else ""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if prev.lower() in _PHONE_WORDS or prev[:1].isdigit() or prev in ("-", "/", "+"):
        return False
    if nxt is not None and (nxt.text[:1].isdigit() or nxt.text in ("-", "/")):
        return False
    # "59425 Unna", "…, 52349 Düren" (a town the tagger reads as a noun, after the street's comma)
    # ("in 12345 Musterstadt": a capitalised word that is no known noun is a town after any word)
    return not (len(text) == 5 and nxt is not None and (nxt.tag == "NE" or (
        nxt.tag in ("NN", "NE") and nxt.text[:1].isupper()
        and (is_place_name(nxt.text) or not is_known_noun(nxt.text)))))


def roman_to_int(text: str) -> int:
    text = text.rstrip(".")
    total = 0
    for i, c in enumerate(text):
        v = _ROMAN_VALUES[c]
        total += -v if i + 1 < len(text) and _ROMAN_VALUES[text[i + 1]] > v else v
    return total


def _is_roman(tok: Tok, prev: Tok | None) -> bool:
    """Roman numerals up to 39 of two or more letters ("II", "XIV."); single letters are too ambiguous."""
    base = tok.text.rstrip(".")
    return len(base) >= 2 and bool(_ROMAN.match(base))


_DAY_OR_MONTH = re.compile(r"^(\d{1,2})\.$")
_YEAR = re.compile(r"^(\d{2}|\d{4})$")


def _split_date(toks: list[Tok], i: int) -> tuple[int, str] | None:
    """"01." "03." "2025" (SoMaJo splits numeric dates) → (tokens used, "1. März 2025")."""
    if i + 1 >= len(toks):
        return None
    d, m = _DAY_OR_MONTH.match(toks[i].text), _DAY_OR_MONTH.match(toks[i + 1].text)
    if not d or not m or not (1 <= int(d.group(1)) <= 31 and 1 <= int(m.group(1)) <= 12):
        return None
    used, year = 2, ""
    if i + 2 < len(toks) and (y := _YEAR.match(toks[i + 2].text)):
        used, year = 3, y.group(1) if len(y.group(1)) == 4 else "20" + y.group(1)
    text = f"{int(d.group(1))}. {MONTHS[int(m.group(1)) - 1]}" + (f" {year}" if year else "")
    return used, text


#: "ein/eine/eins …" are also articles and pronouns; they stay words.
_ONE = {"ein", "eine", "einer", "eines", "einem", "einen", "eins"}


def number_word_value(word: str, table: dict[str, str]) -> str | None:
    """The digits for a German number word: the data file first, then text2num for the compounds
    ("dreihundert", "zweiundzwanzig", "zweitausendvierundzwanzig"); ``None`` for other words."""
    if word in table:
        return table[word]
    if word in _ONE or not word.isalpha():
        return None
    from text_to_num import text2num

    try:
        value = text2num(word, "de")
    except ValueError:
        return None
    return f"{value:,}".replace(",", ".") if value >= 10_000 else str(value)


#: quantifiers before "hundert"/"tausend" that make the amount vague
_VAGUE = {"einige", "mehrere", "viele", "paar", "etliche", "zig", "ein", "einigen", "mehreren", "vielen"}


def _convert(toks: list[Tok]) -> tuple[list[str], int, list[str]]:
    words: list[str] = []
    changed = 0
    percent: list[str] = []
    table = number_words()
    inside = quoted_names(toks)
    i = 0
    while i < len(toks):
        t = toks[i]
        low = t.text.lower()
        nxt = toks[i + 1].text if i + 1 < len(toks) else ""
        if i in inside and t.text[:1].isalpha():
            words.append(t.text)  # "„Zwei Heimaten“": a title keeps its number words
            i += 1
            continue
        prev = toks[i - 1] if i else None
        if nxt in ("Prozent", "%") and any(c.isdigit() for c in t.text):
            percent.append(f"{t.text} {nxt}")
        split = _split_date(toks, i)
        if split is not None:
            used, text = split
            words.extend(text.split(" "))
            changed += 1
            i += used
            continue
        word = t.text
        if t.tag == "CARD" and low in ("hundert", "tausend") and prev is not None and prev.text.lower() in _VAGUE:
            word = t.text  # "einige tausend Euro", "mehrere hundert Menschen": no number to write as digits
        elif t.tag == "CARD" and (value := number_word_value(low, table)) is not None:
            word = value
        elif (m := _DATE.match(t.text)) and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(1)) <= 31:
            year = m.group(3) or ""
            if len(year) == 2:
                year = "20" + year
            word = f"{int(m.group(1))}. {MONTHS[int(m.group(2)) - 1]}" + (f" {year}" if year else "")
        elif (m := _TIME.match(t.text)) and int(m.group(1)) < 24 and (
                nxt == "Uhr" or (nxt in ("bis", "-", "–") and "Uhr" in [x.text for x in toks[i + 2 : i + 4]])):
            # "von 9.30 bis 11.30 Uhr": both times
            word = str(int(m.group(1))) if m.group(2) == "00" else f"{int(m.group(1))}:{m.group(2)}"
        elif _is_roman(t, prev):
            # "Paul II." is an ordinal and keeps its point; "Teil II" is a cardinal
            word = f"{roman_to_int(t.text)}" + ("." if t.text.endswith(".") else "")
        elif _is_big_number(toks, i):
            word = f"{int(t.text):,}".replace(",", ".")
        if word != t.text:
            changed += 1
        words.extend(word.split(" "))
        i += 1
    return words, changed, percent


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    toks = unit.toks()
    words, changed, percent = _convert(toks)
    big = [w for w in words if re.fullmatch(r"\d{1,3}(\.\d{3})+", w) and int(w.replace(".", "")) >= 10_000]
    if ctx.level != "leicht":
        big = []
    if not changed and not percent and not big:
        return None
    ctx.counts[ID] += changed
    new = unit.derive(words, ID) if changed else unit.derive(list(unit.tokens), ID)
    if not changed:
        new.rules = list(unit.rules)  # only a comment: the sentence itself is unchanged
    if percent:
        new.comment(ID, "Prozentzahl: mit einem Beispiel erklären (z. B. 15 von 100 Menschen)", percent)
    if big:  # rounding would change a fact: the editor decides
        new.comment(ID, "Große Zahl: runden („etwa 80.000“) oder mit einem Vergleich erklären", big)
    return [new]


def check(toks: list[Tok], ctx: Context) -> list[Finding]:
    from lesbar.simplify.rules import Finding

    table = number_words()
    words = [t.text for i, t in enumerate(toks)
             if (t.text.lower() in table and t.tag == "CARD" and not (i and toks[i - 1].text.lower() in _VAGUE))
             or _is_roman(t, toks[i - 1] if i else None)
             or _DATE.match(t.text) or _is_big_number(toks, i)
             or _split_date(toks, i) is not None or (_TIME.match(t.text) and t.text.endswith(":00"))]
    if not words:
        return []
    return [Finding(ID, "Zahl: als Ziffer, Datum ausgeschrieben, keine römischen Zahlen", words)]
