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

Anywhere else in the sentence the name takes the description's place and the description becomes the
statement: "… zusammen mit der Leiterin des Zentrums, Dr. Ayşe Kaya, und vielen Angehörigen" → "… zusammen
mit Dr. Ayşe Kaya und vielen Angehörigen." + "Dr. Ayşe Kaya ist die Leiterin des Zentrums." A name has
one form in every case, so the sentence stays grammatical; a genitive description leaves "von <Name>".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lesbar.simplify.analysis import Tok
from lesbar.simplify.clauses import QUOTES_OPEN, finite_indices, is_direct_quote, strip_end, top_level_commas
from lesbar.simplify.morphology import form_of, noun_info
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


#: the nominative of a determiner's stem by gender ("dem" → der/das, "einer" → eine)
_DEFINITE = {"m": "der", "f": "die", "n": "das"}
_INDEFINITE = {"m": "ein", "f": "eine", "n": "ein"}
#: which determiners a singular noun phrase outside the nominative may start with, by gender
_OBLIQUE = {"m": {"dem", "des", "den", "einem", "eines", "einen", "der", "ein"}, "f": {"der", "einer", "die", "eine"},
            "n": {"dem", "des", "einem", "eines", "das", "ein"}}


def _genus(head: Tok) -> str:
    """The gender of a person noun: german-nouns, else the "-in" of a feminine role, else ""."""
    info = noun_info(head.lemma) if head.tag == "NN" else None
    if info is not None and info.genus:
        return info.genus
    if head.tag == "NN" and head.text.endswith(("in", "innen")) and is_person_noun(head.text, head.tag):
        return "f"
    return ""


def _nominative(np: list[Tok]) -> list[str] | None:
    """A singular noun phrase naming a person in the nominative, for "<Name> ist …": "dem Leiter der
    Schule" → "der Leiter der Schule", "einer pensionierten Lehrerin" → "eine pensionierte Lehrerin",
    "des Vorsitzenden" → "der Vorsitzende", "seiner Frau" → "seine Frau". Words after the head (a genitive
    or a prepositional attribute) keep their case. None when gender or case cannot be told."""
    words = [t.text for t in np]
    if not np or np[0].tag not in ("ART", "PPOSAT"):
        return words  # "Professorin für Soziologie": no determiner to inflect
    head = next((k for k, t in enumerate(np) if t.is_noun), None)
    if head is None or any(t.tag != "ADJ(A)" for t in np[1:head]):
        return None
    noun = np[head]
    det = np[0].text.lower()
    genus = "" if noun.tag == "NNA" else _genus(noun)
    if noun.tag == "NNA":  # a nominalised adjective shows its gender only through the article
        genus = {"einer": "f", "die": "f", "eine": "f"}.get(det, "m" if det in ("dem", "des", "den", "einem", "eines", "einen") else "")
        if det == "der":
            genus = "f" if noun.text.endswith("en") else "m"
    if genus not in _OBLIQUE or (det not in _OBLIQUE[genus] and np[0].tag == "ART"):
        return None
    definite = np[0].tag == "ART" and not det.startswith("ein")
    if np[0].tag == "PPOSAT":
        stem = det[:-2] if det.endswith(("er", "em", "es", "en")) and len(det) > 4 else det.rstrip("e")
        first = stem + ("e" if genus == "f" else "")
    else:
        first = _DEFINITE[genus] if definite else _INDEFINITE[genus]
    if words[0][:1].isupper():
        first = first.capitalize()
    bare = not definite and genus != "f"  # "ein", "sein": the adjective shows the gender
    ending = {"m": "er", "n": "es"}.get(genus, "e") if bare else "e"

    def declined(word: str) -> str:
        return word[:-2] + ending if word.endswith("en") else word  # outside the nominative always "-en"

    out = [first] + [declined(w) for w in words[1:head]]
    if noun.tag == "NNA":
        out.append(declined(noun.text))
    else:
        info = noun_info(noun.lemma)
        if info is not None:
            if noun.text not in info.number_forms("singular"):
                return None
            out.append(form_of(info, "nominativ singular") or noun.text)
        else:
            out.append(noun.lemma if noun.lemma[:1].isupper() else noun.text)
    return out + words[head + 1 :]


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


#: tags a person's description may be made of, back from the comma before the name
_DESCRIPTION_TAGS = ("ART", "PPOSAT", "ADJ(A)", "NN", "NNA", "NE", "APPR", "APPRART")
#: what starts a clause of its own after the name's closing comma (that comma stays)
_CLAUSE_START = ("KOUS", "KOUI", "PRELS", "PRELAT", "PWS", "PWAV", "PWAT")
_SENTENCE_END = {".", "!", "?"}


def _description_start(toks: list[Tok], comma: int) -> int | None:
    """Where the description of a person ends at ``comma`` begins ("mit [der Leiterin des Zentrums], …"):
    the first determiner after which everything up to the comma names one person, with no second person
    in its attribute ("die Mutter der Leiterin, Anna Berg," could mean either) and no comma before it
    ("Petra Albers, der Vorsitzende des Vereins, Jürgen Kessler" may be a list of three)."""
    k = comma - 1
    while k >= 0 and toks[k].tag in _DESCRIPTION_TAGS and toks[k].text not in QUOTES_OPEN:
        k -= 1
    for s in range(k + 1, comma):
        if toks[s].tag not in ("ART", "PPOSAT"):
            continue
        if s > 0 and toks[s - 1].text == ",":
            return None
        head = next((j for j in range(s + 1, comma) if toks[j].is_noun), None)
        if head is None or not is_person_noun(toks[head].text, toks[head].tag):
            continue
        if any(toks[j].is_noun and (is_person_noun(toks[j].text, toks[j].tag) or is_person_noun(toks[j].lemma, toks[j].tag))
               for j in range(head + 1, comma)):
            return None
        return s if is_description(toks[s:comma]) else None
    return None


def _inner_apposition(unit: Unit, toks: list[Tok], ctx: Context) -> list[Unit] | None:
    """"… zusammen mit der Leiterin des Zentrums, Dr. Ayşe Kaya, und vielen Angehörigen begrüßt" → "…
    zusammen mit Dr. Ayşe Kaya und vielen Angehörigen begrüßt." + "Dr. Ayşe Kaya ist die Leiterin des
    Zentrums." The name stands where the description stood (a name has the same form in every case), and
    the description becomes a statement of its own in the nominative. Anywhere in the sentence: as an
    object, after a preposition, as the subject after the verb ("lobte der Vorsitzende des Vereins,
    Heinz Kuhlmann, das Team")."""
    if toks[-1].text == ":" or not finite_indices(toks):
        return None
    commas = top_level_commas(toks)
    last = len(toks) - 1 if toks[-1].text in _SENTENCE_END else len(toks)
    for n, c1 in enumerate(commas):
        end = commas[n + 1] if n + 1 < len(commas) else last
        name = toks[c1 + 1 : end]
        if not _is_name(name) or end >= len(toks) or (toks[end].text != "," and end != last):
            continue
        s = _description_start(toks, c1)
        if s is None:
            continue
        description = _nominative(toks[s:c1])
        if description is None:
            continue
        keep_comma = toks[end].text == "," and end + 1 < len(toks) and toks[end + 1].tag in _CLAUSE_START
        words = [t.text for t in toks]
        names = words[c1 + 1 : end]
        det = words[s].lower()
        genitive = det in ("des", "eines") or (det in ("der", "einer") and s > 0 and toks[s - 1].is_noun)
        # "auf Einladung des Vorsitzenden, Karl Ott," → "auf Einladung von Karl Ott"
        main = words[:s] + (["von"] if genitive else []) + names + words[end if keep_comma or end == last else end + 1 :]
        if s == 0:
            main[0] = main[0][:1].upper() + main[0][1:]
        subject = ["Herr" if w == "Herrn" else w for w in names]
        if s == 0 and toks[s].tag in ("ART", "PPOSAT") and not toks[s].text.startswith("Ihr"):
            description[0] = description[0].lower()  # (inside the sentence "Ihre" is the reader's and stays)
        ctx.counts[ID] += 1
        return [unit.derive(main, ID), unit.derive(end_sentence(subject + ["ist"] + description), ID)]
    return None


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    if unit.kind != "sentence":
        return None
    toks = unit.toks()
    if is_direct_quote(toks):
        return None
    if not any(t.text in QUOTES_OPEN for t in toks) and (out := _subject_apposition(unit, toks, ctx)) is not None:
        return out
    if not any(t.text in QUOTES_OPEN for t in toks) and (out := _inner_apposition(unit, toks, ctx)) is not None:
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
        head = next((t for t in rest if t.is_noun), None)
        app = _nominative(rest)
        if head is None or not is_person_noun(head.text, head.tag) or app is None:
            continue  # "überreichten Herrn Thomas Berg, ein Geschenk": an object, not a description
        if rest[0].tag in ("ART", "PPOSAT"):
            app[0] = app[0].lower()
        ctx.counts[ID] += 1
        return [unit.derive(end_sentence(main), ID), unit.derive(end_sentence(name + ["ist"] + app), ID)]
    return None
