"""Rule 5b ``abbreviations``: write abbreviations out (z. B. → zum Beispiel, NRW → Nordrhein-Westfalen).

Acronyms the text defines itself ("Kommunales Integrationszentrum (KI)") are recorded, the bracket is
removed, and the acronym is explained in a sentence after its first use and in the word list: writing
it out everywhere would need its inflected long form ("des Kommunalen Integrationszentrums").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lesbar.simplify.analysis import tokenize
from lesbar.simplify.clauses import quoted
from lesbar.simplify.resources import abbreviations, is_person_noun
from lesbar.simplify.rules.words import glossary_matches
from lesbar.simplify.units import Unit

if TYPE_CHECKING:
    from lesbar.simplify.analysis import Tok
    from lesbar.simplify.context import Context
    from lesbar.simplify.rules import Finding

ID = "abbreviations"
PRIORITY = 10
LEVELS = ("leicht", "einfach")
HEADINGS = True

_ACRONYM = re.compile(r"^[A-ZÄÖÜ]{2,6}s?$|^[A-Z][a-z]?[A-Z]{1,4}$")
#: a law's short name ("SchulG", "BauGB"): an acronym after it is part of the name ("SchulG NRW")
_LAW = re.compile(r"^[A-ZÄÖÜ][a-zäöü]+[A-Z]{1,3}$")
_MULTI = sorted((k for k in abbreviations() if " " in k), key=len, reverse=True)


def _merge_multi(tokens: list[str]) -> list[str]:
    """Join "z." "B." into one token "z. B." so that the table can match it."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for short in _MULTI:
            parts = short.split(" ")
            if [t.lower() for t in tokens[i : i + len(parts)]] == [p.lower() for p in parts]:
                out.append(short if tokens[i][0].islower() else short[0].upper() + short[1:])
                i += len(parts)
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def _definition(tokens: list[str], i: int) -> str | None:
    """The long form before "( KI )" at ``i`` (the opening bracket): capitalised words whose initials
    spell the acronym, e.g. "Kommunale Integrationszentrum" for KI."""
    acr = tokens[i + 1]
    letters = [c for c in acr if c.isupper()]
    words: list[str] = []
    j = i - 1
    while j >= 0 and len(words) < len(letters) + 3:
        w = tokens[j]
        if not w[:1].isalpha():
            break
        words.insert(0, w)
        initials = [x[0].upper() for x in words if x[:1].isupper()]
        if initials == letters or "".join(initials).startswith("".join(letters)) and len(initials) == len(letters):
            return _uninflected(words, tokens[j - 1] if j > 0 else "")
        j -= 1
    # compound long forms: "Kommunales Integrationsmanagement (KIM)": the letters in order inside the words
    for start in range(i - 1, max(-1, i - 5), -1):
        span = tokens[start:i]
        if not all(w[:1].isalpha() for w in span) or not span[0][:1].isupper():
            break
        if span[0][0].upper() == letters[0] and _subsequence("".join(letters).lower(), "".join(span).lower()):
            return _uninflected(span, tokens[start - 1] if start > 0 else "")
    return None


def _subsequence(needle: str, hay: str) -> bool:
    it = iter(hay)
    return all(c in it for c in needle)


def _uninflected(words: list[str], before: str) -> str:
    """The long form as it stands alone: after "das" the adjective takes its own ending ("das Kommunale
    Integrationszentrum (KI)" → "Kommunales Integrationszentrum")."""
    out = list(words)
    if before.lower() == "das" and out and out[0].endswith("e") and len(out) > 1:
        out[0] += "s"
    elif before.lower() in _WEAK_EN | {"des", "eines"} and len(out) > 1 and out[0].endswith("en") and out[0][:1].isupper():
        # "vom Kommunalen Integrationszentrum (KI)" → "Kommunales Integrationszentrum", "der Europäischen Union"
        # → "Europäische Union": the adjective's own ending without an article
        from lesbar.simplify.morphology import form_of, noun_info

        info = noun_info(out[-1]) or (noun_info(out[-1][:-1]) if out[-1].endswith("s") else None)
        if info is not None and info.genus in ("m", "f", "n"):
            out[0] = out[0][:-2] + {"m": "er", "f": "e", "n": "es"}[info.genus]
            out[-1] = form_of(info, "nominativ singular") or out[-1]
    return " ".join(out)


#: articles after which an adjective takes the weak ending -en ("der Europäischen Union", "dem Deutschen
#: Roten Kreuz", "des Kommunalen Integrationszentrums" is left: the noun would need -s too)
_WEAK_EN = {"der", "den", "dem", "einer", "einem", "zur", "zum", "vom", "im", "am", "beim"}


def _inflected(words: list[str], before: str) -> list[str]:
    """A written-out form after an article: "der EU" → "der Europäischen Union" (the table holds the
    nominative "Europäische Union"). Capitalised adjectives ending in -e get -n after a dative/genitive
    article; nothing else changes."""
    if before.lower() not in _WEAK_EN or len(words) < 2:
        return words
    out = []
    for k, w in enumerate(words):
        if k < len(words) - 1 and w[:1].isupper() and w.endswith("e") and w[:-1].lower().endswith(
                ("isch", "lich", "ig", "al", "ell", "iv", "en", "er", "eut", "ut")):
            w += "n"
        out.append(w)
    return out


#: the singular of plural expansions, after "1" or "ein"
_SINGULAR = {"Millionen": "Million", "Milliarden": "Milliarde", "Stunden": "Stunde", "Minuten": "Minute"}


def _before_name(tokens: list[str], i: int) -> bool:
    """A title abbreviation ("Fr.", "Dr.") stands before a name: the next word is capitalised and no
    weekday, number or punctuation."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    return nxt[:1].isupper() and nxt.isalpha() or nxt in table_titles()


def table_titles() -> set[str]:
    """Title abbreviations that may follow one another ("Prof. Dr. Anna Berg")."""
    return {"Dr.", "Prof.", "Hr.", "Fr.", "med.", "rer.", "phil."}


def _gender_near(tokens: list[str], i: int) -> str:
    """"f" or "m" when a word near the title shows the person's gender: "Frau"/"Herr", or a role noun in the
    same apposition ("die Leiterin, Prof. Dr. Anna Berg"; "Prof. Dr. Jan Ott, Leiter des …"); else ""."""
    if i > 0 and tokens[i - 1] == ",":
        # "Die Leiterin der Hochschule, Prof. Dr. …": the phrase the title's name is an apposition to
        start = max((k + 1 for k in range(i - 1) if tokens[k] in (",", "und", "oder", "sowie", ":", ";")), default=0)
        left = tokens[start : i - 1]
    else:
        # "Frau Prof. …"; not a role right before the title ("Der Historiker Prof. Dr. …": the role names the
        # person in the speech frames, the title would push it out) nor "Aydın und Prof. …"
        left = [w for w in tokens[i - 1 : i] if w in ("Frau", "Herr")]
    right: list[str] = []  # the apposition after the name: "Prof. Dr. Jan Ott, Leiter des Instituts, …"
    commas = 0
    for w in tokens[i + 1 : i + 12]:
        if w in ("und", "sowie", "oder", ".", ";", ":") or (w == "," and commas == 1):
            break
        if commas == 1:
            right.append(w)
        commas += w == ","
    window = left + right
    for w in window:
        if w == "Frau":
            return "f"
        if w == "Herr":
            return "m"
    for w in window:
        if w[:1].isupper() and w.isalpha() and len(w) > 4 and is_person_noun(w, "NN") and w not in ("Professor",
                                                                                               "Professorin"):
            return "f" if w.endswith("in") else "m"
    return ""


_WEEKDAYS_SHORT = {"Mo": "Montag", "Di": "Dienstag", "Mi": "Mittwoch", "Do": "Donnerstag", "Fr": "Freitag",
                   "Sa": "Samstag", "So": "Sonntag"}
_RANGE = {"–", "-", "—", "bis", "und", ","}


def _weekday_in_range(tokens: list[str], i: int) -> str:
    """The full name of a weekday written short without its stop ("Di" in "Di–Fr", "Mo bis Do"), when a
    dash, "bis", "und" or a comma joins it to another short weekday; else "". ("So" alone is a word.)"""
    day = _WEEKDAYS_SHORT.get(tokens[i].rstrip("."))
    if not day:
        return ""
    after = i + 2 < len(tokens) and tokens[i + 1] in _RANGE and (tokens[i + 2].rstrip(".") in _WEEKDAYS_SHORT or (
        tokens[i + 1] == "," and tokens[i + 2][:1].isdigit() and tokens[i + 2].endswith(".")))  # "Di, 7. Oktober"
    before = i >= 2 and tokens[i - 1] in _RANGE and tokens[i - 2].rstrip(".") in set(_WEEKDAYS_SHORT) | set(
        _WEEKDAYS_SHORT.values())
    return day if after or before else ""


def _in_short_quote(tokens: list[str], i: int) -> bool:
    """Whether token ``i`` stands inside a quotation of at most five words: a title or a name ("„Rucksack
    Kita“"), not a quoted statement."""
    start = next((k for k in range(i - 1, -1, -1) if tokens[k] in ("„", "“", '"', "»", "«")), None)
    end = next((k for k in range(i + 1, len(tokens)) if tokens[k] in ("“", "”", '"', "«", "»")), None)
    return start is not None and end is not None and end - start - 1 <= 5


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    table = abbreviations()
    tokens = _merge_multi(unit.tokens)
    out: list[str] = []
    changed = tokens != unit.tokens
    new_explained = dict(unit.explained)
    dropped: list[str] = []
    extra: list[str] = []
    inside = quoted(tokens)  # "„KOMM-AN NRW“" is a programme's name
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        # "( KI )" right after its long form: remember and drop the bracket
        if tok == "(" and i + 2 < len(tokens) and tokens[i + 2] == ")" and _ACRONYM.match(tokens[i + 1]):
            long = _definition(tokens, i)
            known = table.get(tokens[i + 1])
            if long is None and known is not None and known.long != "-":
                written = tokenize(known.long)  # "die Industrie- und Handelskammer (IHK)": written out already
                if [w.lower() for w in tokens[max(0, i - len(written)) : i]] == [w.lower() for w in written]:
                    long = known.long
            if long:
                acr = tokens[i + 1]
                ctx.acronyms.setdefault(acr, long)
                ctx.counts[ID] += 1
                i += 3
                changed = True
                continue
        day = _weekday_in_range(tokens, i)
        if day:
            out.append(day)  # "Di–Fr", "Mo bis Do": days without their full stop in a range
            ctx.counts[ID] += 1
            changed = True
            i += 1
            continue
        entry = table.get(tok)
        if entry is not None and entry.kind == "title" and not _before_name(tokens, i):
            # "Mo.–Fr.", "am Fr. ab 9 Uhr": "Fr." is Friday there, not "Frau"
            entry = None
            if tok == "Fr.":
                out.append("Freitag")
                ctx.counts[ID] += 1
                changed = True
                i += 1
                continue
        if entry is not None and not (entry.kind == "acronym" and tok in ctx.acronyms) \
                and not (i in inside and (tok.isupper() or _in_short_quote(tokens, i))) \
                and not (i > 0 and tokens[i - 1].isupper() and "-" in tokens[i - 1] and tok.isupper()) \
                and not (i > 0 and tok.isupper() and (_ACRONYM.match(tokens[i - 1]) or _LAW.match(tokens[i - 1]))
                         and tokens[i - 1] not in table):
            # ("„Rucksack Kita“", "KOMM-AN NRW": a name keeps its letters; "GO NRW", "SchulG NRW": a law's name)
            if entry.long == "-":  # a title whose written-out form depends on the person (Professorin/Professor)
                gender = _gender_near(tokens, i)
                if tok == "Prof." and gender:
                    out.append("Professorin" if gender == "f" else "Professor")
                else:
                    dropped.append(tok)
            elif i > 0 and tokens[i - 1].lower() in ("1", "ein", "eine", "einer") and entry.long in _SINGULAR:
                out.append(_SINGULAR[entry.long])  # "1 Mio. Euro" → "1 Million Euro"
            else:
                out.extend(_inflected(entry.long.split(" "), tokens[i - 1] if i > 0 else ""))
            ctx.counts[ID] += 1
            changed = True
            i += 1
            continue
        base = tok[:-1] if tok.endswith("s") and tok[:-1] in ctx.acronyms else tok
        if "-" in tok and tok.split("-")[0] in ctx.acronyms:
            base = tok.split("-")[0]  # "AfS-Formular": the abbreviation as a compound's first part
        if base in ctx.acronyms and base not in ctx.explained and not ctx.in_heading:
            if not glossary_matches(base, ctx):  # the glossary's explanation wins (rule "words")
                expl = f"{base} ist die Abkürzung für: {ctx.acronyms[base]}."
                ctx.explained[base] = expl
                ctx.explained_terms[base] = base
                new_explained[tok] = expl
                extra.append(expl)
                changed = True
        out.append(tok)
        i += 1
    if not changed:
        return None
    new = unit.derive(out, ID, explained=new_explained)
    if dropped:
        new.comment(ID, "Titel weggelassen: bitte passend ausschreiben (z. B. Professorin)", dropped)
    explanations = [Unit(tokenize(e), source=list(unit.source), rules=[ID], kind="explanation") for e in extra]
    return [new] + explanations


def check(toks: list[Tok], ctx: Context) -> list[Finding]:
    from lesbar.simplify.rules import Finding

    table = abbreviations()
    covered = {w for m in glossary_matches(" ".join(t.text for t in toks), ctx)
               if m.entry.leicht or m.entry.einfach for w in m.surface.split()}
    covered |= ctx.explained_words
    words = [t.text for t in toks if t.text in table and t.text not in covered]
    text = " ".join(t.text for t in toks)
    words += [m for m in _MULTI if m in text]
    caps = sum(1 for t in toks if t.is_word and t.text.isupper() and len(t.text) > 1)
    shouting = caps > 1 and caps * 2 >= sum(1 for t in toks if t.is_word)  # "VON ANNA-PETRA THOMAS"
    for t in toks:
        if shouting:
            break
        base = t.text[:-1] if t.text.endswith("s") and len(t.text) > 3 else t.text
        if (_ACRONYM.match(t.text) and base not in ctx.explained and t.text not in table and base not in words
                and t.text not in covered and base not in covered):
            words.append(t.text)
    if not words:
        return []
    return [Finding(ID, "Abkürzung ausschreiben oder erklären", sorted(set(words)))]
