"""Rule 1c ``apposition``: an apposition after a name becomes a sentence of its own.

"Die Thematik beleuchtete Katrin Möltgen-Sicking, Professorin für Soziologie an der Fachhochschule."
→ "Die Thematik beleuchtete Katrin Möltgen-Sicking." + "Katrin Möltgen-Sicking ist Professorin für
Soziologie an der Fachhochschule." Only appositions that run to the end of the sentence and have no
verb are moved, so the rest of the sentence stays intact.

An apposition on the subject before the verb is the same statement in the middle of another one:
"Der Vorsitzende des Integrationsrates, Mehmet Aydın, begrüßte die Entscheidung." → "Mehmet Aydın ist
der Vorsitzende vom Integrationsrat." + "Mehmet Aydın begrüßte die Entscheidung." (also "Mehmet Aydın,
Vorsitzender des Integrationsrates, begrüßte …"). The description must name a person (a role or a
person noun) and the name must be a name, so enumerations of places or organisations stay.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lesbar.simplify.analysis import Tok
from lesbar.simplify.clauses import QUOTES_OPEN, finite_indices, is_direct_quote, strip_end, top_level_commas
from lesbar.simplify.morphology import forms, noun_info
from lesbar.simplify.resources import is_person_noun
from lesbar.simplify.units import Unit, end_sentence

if TYPE_CHECKING:
    from lesbar.simplify.context import Context

ID = "apposition"
PRIORITY = 35
LEVELS = ("leicht", "einfach")
HEADINGS = False


_CLAUSE_TAGS = ("KOUS", "KOUI", "PRELS", "PRELAT", "PWS", "PWAV", "KON")


def _is_name(toks: list[Tok]) -> bool:
    """"Mehmet Aydın", "Doktor Ayşe Kaya-Brenner": two to five capitalised words, at least one a name, none
    a noun for a person (that would make it a description)."""
    return 2 <= len(toks) <= 5 and all(t.text[:1].isupper() and t.text.replace("-", "").isalpha() for t in toks) \
        and any(t.tag == "NE" for t in toks) and not any(t.tag == "NNA" for t in toks)


def is_description(toks: list[Tok]) -> bool:
    """"Der Vorsitzende des Integrationsrates", "Leiterin der Beratungsstelle": a noun phrase whose head
    names a person, without a verb or contact details."""
    if not toks or toks[0].tag not in ("ART", "PPOSAT", "ADJ(A)", "NN", "NNA"):
        return False
    if any(t.tag.startswith("V") or t.tag in _CLAUSE_TAGS or t.text[:1].isdigit() or "@" in t.text
           or t.text in QUOTES_OPEN for t in toks):
        return False
    k = 0
    while k < len(toks) and toks[k].tag in ("ART", "PPOSAT", "ADJ(A)"):
        k += 1
    return k < len(toks) and toks[k].tag in ("NN", "NNA") and is_person_noun(toks[k].text, toks[k].tag)


#: dative articles of an apposition after "von/mit/bei <Name>" and their nominative
_DATIVE_ARTICLES = {"einer": "eine", "einem": "ein", "dem": "der"}


def _nominative(np: list[Tok]) -> list[str]:
    """"einer pensionierten Lehrerin" (the apposition agrees with "von Emine Yavuz") → "eine pensionierte
    Lehrerin" after "ist"; "einem erfahrenen Trainer" → "ein erfahrener Trainer"."""
    words = [t.text for t in np]
    art = words[0].lower() if words else ""
    if art not in _DATIVE_ARTICLES:
        return words
    out = [_DATIVE_ARTICLES[art].capitalize() if words[0][:1].isupper() else _DATIVE_ARTICLES[art]]
    head = next((k for k, t in enumerate(np) if t.is_noun), len(np))
    for k in range(1, len(np)):
        w = words[k]
        if k < head and np[k].tag == "ADJ(A)" and w.endswith("en"):
            w = w[:-1] if art != "einem" else w[:-2] + "er"  # "pensionierten" → "pensionierte"/"erfahrener"
        elif k == head and art in ("einem", "dem"):
            info = noun_info(np[k].lemma)
            if info is not None and w in forms(info, "dativ singular"):
                w = next(iter(forms(info, "nominativ singular")), w)  # "dem Kollegen" → "der Kollege"
        out.append(w)
    return out


def _subject_apposition(unit: Unit, toks: list[Tok], ctx: Context) -> list[Unit] | None:
    """"<Beschreibung>, <Name>, <Verb> …" or "<Name>, <Beschreibung>, <Verb> …" at the start of a sentence."""
    commas = top_level_commas(toks)
    if len(commas) < 2:
        return None
    c1, c2 = commas[0], commas[1]
    if c2 + 1 >= len(toks) or not toks[c2 + 1].is_finite or c1 == 0:
        return None
    first, second = toks[:c1], toks[c1 + 1 : c2]
    if _is_name(second) and is_description(first):
        name, description = second, first
    elif _is_name(first) and is_description(second):
        name, description = first, second
    else:
        return None
    words = [t.text for t in description]
    if description[0].tag in ("ART", "PPOSAT"):
        words[0] = words[0].lower()
    names = [t.text for t in name]
    rest = [t.text for t in toks[c2 + 1 :]]
    ctx.counts[ID] += 1
    return [unit.derive(end_sentence(names + ["ist"] + words), ID), unit.derive(names + rest, ID)]


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    if unit.kind != "sentence":
        return None
    toks = unit.toks()
    if is_direct_quote(toks):
        return None
    if not any(t.text in QUOTES_OPEN for t in toks) and (out := _subject_apposition(unit, toks, ctx)) is not None:
        return out
    for c in top_level_commas(toks):
        if c < 2 or toks[c - 1].tag != "NE" or c + 2 >= len(toks):
            continue
        start = c - 1
        while start > 0 and toks[start - 1].tag == "NE":
            start -= 1
        name = [t.text for t in toks[start:c]]
        if len(name) < 2:
            continue  # a single name word may be a place ("in Oberbruch, …")
        if start > 0 and toks[start - 1].text == ",":
            continue  # "lobte der Vorsitzende des Vereins, Heinz Kuhlmann, das Team": the name is the apposition
        rest = strip_end(toks[c + 1 :])
        if not rest or finite_indices(rest) or rest[0].tag not in ("ART", "NN", "PPOSAT"):
            continue
        if any(t.text in QUOTES_OPEN or t.tag in ("KOUS", "PRELS", "PTKVZ") or t.tag.startswith("V") for t in rest):
            continue  # a verb part ("…, der Sparkasse und dem Verein unterstützt") ends an enumeration
        if any(t.text in {",", "und", "sowie", "oder"} and k + 1 < len(rest) and any(
                x.tag == "NE" for x in rest[k + 1 : k + 5]) for k, t in enumerate(rest)):
            continue  # "saßen Petra Albers, der Vorsitzende … Jürgen Kessler, … und Dr. Thomas Weigand": a list
        if any(t.text[:1].isdigit() or "@" in t.text for t in rest) and rest[0].tag == "NN":
            continue  # "Anna Berg, Telefon 02161 25-4410", "…, Zimmer 204": contact details, no description
        main = [t.text for t in toks[:c]]
        if not finite_indices(toks[:c]):
            continue
        app = _nominative(rest)
        if rest[0].tag in ("ART", "PPOSAT"):
            app[0] = app[0].lower()
        ctx.counts[ID] += 1
        return [unit.derive(end_sentence(main), ID), unit.derive(end_sentence(name + ["ist"] + app), ID)]
    return None
