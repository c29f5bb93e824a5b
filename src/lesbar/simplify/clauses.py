"""Clause structure helpers over STTS tags: top-level commas, constituents, verb-final → verb-second.

German main clauses put the finite verb second (V2); subordinate clauses put it last. Making a
subordinate clause its own sentence therefore means moving its finite verb behind the first
constituent, and a separable verb written as one word in the verb-final clause ("vorhaben") must be
split again ("haben … vor").
"""

from __future__ import annotations

import re

from lesbar.simplify.analysis import Tok
from lesbar.simplify.morphology import separable_particle
from lesbar.simplify.resources import TITLES
from lesbar.simplify.temporal import MONTHS, WEEKDAYS, date_after_weekday_end

QUOTES_OPEN = {"„", "»", "‚"}
QUOTES_CLOSE = {"“", "«", "‘", "”"}
SENT_END = {".", "!", "?", "…"}

#: tags that can start a noun phrase
_NP_START = {"ART", "PPOSAT", "PIAT", "PDAT", "PWAT", "CARD", "ADJ(A)", "PIDAT"}
_NOUNISH = {"NN", "NE", "NNA", "PPER", "PDS", "PIS", "PRF", "PPOSS"}


def top_level_commas(toks: list[Tok]) -> list[int]:
    """Indices of commas outside quotation marks and brackets. The commas around a date after a weekday
    ("am Samstag, 21. Juni 2025, um 11 Uhr") belong to the time phrase, not to the clause structure."""
    depth = 0
    quote = False
    out = []
    skip_to = -1
    for i, t in enumerate(toks):
        if i < skip_to:
            continue
        if t.text in QUOTES_OPEN:
            quote = True
        elif t.text in QUOTES_CLOSE:
            quote = False
        elif t.text == '"':
            quote = not quote
        elif t.text in "([":
            depth += 1
        elif t.text in ")]":
            depth = max(0, depth - 1)
        elif t.text == "," and depth == 0 and not quote:
            date_end = date_after_weekday_end(toks, i)
            if date_end is not None:
                skip_to = date_end
                continue
            out.append(i)
    return out


def quote_balance(tokens: list[str]) -> int:
    """Opening minus closing quotation marks: > 0 when a quotation goes on into the next sentence, < 0
    when this sentence closes one that began earlier."""
    return sum(1 for t in tokens if t in QUOTES_OPEN) - sum(1 for t in tokens if t in QUOTES_CLOSE)


def quoted(tokens: list[str]) -> set[int]:
    """Indices of the tokens inside quotation marks: words someone said, or a title ("Stimmen der Welt",
    "KOMM-AN NRW"), which rules must not rewrite. A sentence that closes a quotation opened in an
    earlier sentence is inside it up to the closing mark."""
    inside: set[int] = set()
    first_mark = next((i for i, t in enumerate(tokens) if t in QUOTES_OPEN or t in QUOTES_CLOSE), None)
    depth = 1 if first_mark is not None and tokens[first_mark] in QUOTES_CLOSE else 0
    for i, t in enumerate(tokens):
        if t in QUOTES_OPEN:
            depth += 1
        elif t in QUOTES_CLOSE:
            depth = max(0, depth - 1)
        elif depth > 0:
            inside.add(i)
    return inside


def quoted_names(toks: list[Tok]) -> set[int]:
    """Indices inside short quotations without a verb: names, titles and references („Winterhilfe 2025“,
    „Zwei Heimaten“) that rules keep as written; a quoted statement is text like the rest."""
    inside = quoted([t.text for t in toks])
    out: set[int] = set()
    run: list[int] = []
    for k in range(len(toks) + 1):
        if k in inside:
            run.append(k)
            continue
        if run and len(run) <= 5 and not any(toks[m].is_finite for m in run):
            out.update(run)
        run = []
    return out


def is_direct_quote(toks: list[Tok]) -> bool:
    """Whether the sentence is a direct quotation ("„Wir müssen weitermachen.“", "„…“, sagte er"), which
    stays as the person said it. A sentence that only starts with a quoted title ("„Vielfalt leben!“ war
    das Motto, …") is not one."""
    if not toks or toks[0].text not in QUOTES_OPEN:
        return False
    close = next((i for i, t in enumerate(toks) if t.text in QUOTES_CLOSE), None)
    if close is None:
        return True  # the quotation runs on into the next sentence
    after = [t for t in toks[close + 1 :] if t.text not in SENT_END]
    return not after or after[0].text == ","


def segment_end(toks: list[Tok], start: int) -> int:
    """End (exclusive) of the comma segment beginning at ``start``: next top-level comma or final punctuation."""
    for c in top_level_commas(toks):
        if c >= start:
            return c
    end = len(toks)
    while end > start and toks[end - 1].text in SENT_END | QUOTES_CLOSE:
        end -= 1
    return end


def finite_indices(toks: list[Tok]) -> list[int]:
    return [i for i, t in enumerate(toks) if t.is_finite]


def constituent_end(toks: list[Tok], start: int) -> int:
    """End (exclusive) of the constituent starting at ``start``: a pronoun, a name, a noun phrase
    (article … noun, with following names), a prepositional phrase, or a single other word."""
    if start >= len(toks):
        return start
    t = toks[start]
    i = start
    if t.tag.startswith("APPR") or t.tag == "APPO":
        i += 1
        if t.tag == "APPRART" or (i < len(toks) and toks[i].tag in _NP_START | {"NN", "NE", "NNA", "ADJ(D)", "ADV"}):
            return _np_end(toks, i)
        if i < len(toks) and toks[i].tag in ("PPER", "PDS", "PIS", "PRF", "PPOSS"):
            return i + 1  # "mit ihm", "für sie", "bei uns": the pronoun belongs to the preposition
        return i
    if t.tag in _NP_START or t.tag in ("NN", "NE", "NNA"):
        return _np_end(toks, i)
    if t.tag == "PIS" and start + 2 < len(toks) and toks[start + 1].text.lower() in (
            "der", "des", "dieser", "ihrer", "seiner", "meiner", "unserer", "eurer", "deiner"):
        return max(_genitive_attribute_end(toks, start + 1), start + 1)  # "viele der Anwesenden", "viele ihrer Schüler"
    return start + 1


#: object and reflexive pronouns that never stand first in a clause made from a subordinate clause
_UNSTRESSED = {"sich", "mich", "dich", "uns", "euch", "ihm", "ihn", "ihnen"}
#: focus and degree particles that belong to the phrase after them ("zu wenige Bäume", "rund 300 Menschen")
_PHRASE_PARTICLES = {"möglichst", "zu", "sehr", "nur", "rund", "etwa", "fast", "knapp", "auch", "schon", "bereits", "über",
                     "insgesamt", "ungefähr", "circa", "mindestens", "höchstens", "allein", "gerade", "besonders",
                     "ganz", "genau", "noch", "mehr", "weniger", "so", "viel", "ausreichend", "genügend", "genug"}


def first_constituent_end(toks: list[Tok]) -> int:
    """Like :func:`constituent_end` at 0, but a focus or degree particle takes the phrase after it along:
    "rund 300 Menschen", "zu wenige Bäume", "nur wenige Busse" are one constituent, not "rund"."""
    if len(toks) > 1 and toks[0].text.lower() in _PHRASE_PARTICLES and toks[0].tag in ("ADV", "PTKA", "APPR", "PIAT",
                                                                                       "PIS", "ADJ(D)") and \
            toks[1].tag in _NP_START | {"NN", "NE", "PIS", "PPER", "ADJ(D)"} and not toks[1].is_finite:
        end = constituent_end(toks, 1)
        if toks[1].tag in ("PIS", "ADJ(D)") and end < len(toks) and toks[end].is_noun:
            end = constituent_end(toks, end)  # "zu wenige Bäume" when "wenige" reads as a pronoun
        return end
    return constituent_end(toks, 0)


def _np_end(toks: list[Tok], i: int) -> int:
    n = len(toks)
    while i < n and (toks[i].tag in _NP_START | {"ADV", "ADJ(D)", "PTKNEG"} and not toks[i].is_noun
                     or toks[i].tag == "PIS" and i > 0 and toks[i - 1].tag == "ART"):  # "die meisten"
        i += 1
        if (i + 1 < n and toks[i].tag == "KON" and toks[i].text in ("und", "oder") and toks[i - 1].tag == "ADJ(A)"
                and toks[i + 1].tag == "ADJ(A)"):
            i += 1  # "fertige oder vorbereitete Lebensmittel": adjectives joined by und/oder
    if i < n and toks[i].is_noun:
        i += 1
        while i + 1 < n and toks[i].text in TITLES and toks[i + 1].tag == "NE":
            i += 1  # "Landrat Doktor Axel Lehmann": the title between role and name
        while i < n and toks[i].tag == "NE":
            i += 1
        end = _names_after_von(toks, _complement_end(toks, _genitive_attribute_end(toks, i)))
        return _coordinated_np_end(toks, end)
    return max(i, 1)


#: nouns and the preposition of their complement ("die Nachfrage nach Kursen", "der Bedarf an Plätzen"):
#: the prepositional phrase belongs to the noun, so a verb moved to second place goes after it
_NOUN_COMPLEMENTS = {"nachfrage": "nach", "suche": "nach", "bedarf": "an", "interesse": "an", "kritik": "an",
                     "teilnahme": "an", "mangel": "an", "angst": "vor", "hoffnung": "auf", "anspruch": "auf",
                     "zugang": "zu", "beitrag": "zu", "zustimmung": "zu", "bedeutung": "für",
                     "verantwortung": "für", "kosten": "für", "sorge": "um", "diskussion": "über",
                     "debatte": "über", "zusammenarbeit": "mit", "erfahrungen": "mit", "erfahrung": "mit",
                     "antrag": "auf", "anträge": "auf", "recht": "auf", "hinweis": "auf", "antwort": "auf",
                     "frage": "nach", "hilfe": "bei", "unterstützung": "bei", "wahl": "zu", "einladung": "zu",
                     "weg": "zu"}
#: contracted prepositions and their plain form ("zum Integrationsrat": "zu")
_CONTRACTED_PREPOSITIONS = {"zum": "zu", "zur": "zu", "am": "an", "ans": "an", "beim": "bei", "im": "in",
                            "ins": "in", "vom": "von"}


def _complement_end(toks: list[Tok], i: int) -> int:
    """After a noun phrase ending at ``i``: the end of the noun's prepositional complement, if it has one."""
    if i < 1 or i >= len(toks) or not toks[i - 1].is_noun:
        return i
    head = toks[i - 1].text.lower()
    prep = next((p for noun, p in _NOUN_COMPLEMENTS.items() if head.endswith(noun)), None)
    low = toks[i].text.lower()
    if prep is None or _CONTRACTED_PREPOSITIONS.get(low, low) != prep or i + 1 >= len(toks):
        return i
    end = _np_end(toks, i + 1)
    return end if end > i + 1 and toks[end - 1].is_noun else i


def _names_after_von(toks: list[Tok], i: int) -> int:
    """"die Fraktionen von SPD, Grünen und Linken": bare names joined by commas and und after "von" belong
    to the noun before them."""
    n = len(toks)
    if i < 1 or i + 1 >= n or not toks[i - 1].is_noun or toks[i].text.lower() != "von" or toks[i + 1].tag not in ("NE", "NN"):
        return i
    k = i + 2
    while k + 1 < n and toks[k].text in (",", "und", "sowie", "oder") and toks[k + 1].tag in ("NE", "NN", "NNA"):
        k += 2
    return k if any(toks[m].text in ("und", "sowie", "oder") for m in range(i + 2, k)) else i


def _coordinated_np_end(toks: list[Tok], end: int) -> int:
    """A noun phrase joined by und/oder/sowie to the next one is one constituent ("Gemüse und Beilagen",
    "dem Mann und der Frau"): a repeated subject or a moved verb must not cut it in two."""
    n = len(toks)
    if end + 1 < n and toks[end].tag == "KON" and toks[end].text in ("und", "oder", "sowie", "bzw.", "beziehungsweise") and (
            toks[end + 1].tag in _NP_START or toks[end + 1].tag in ("NN", "NE", "NNA")):
        nxt = _np_end(toks, end + 1)
        if nxt > end + 1 and toks[nxt - 1].is_noun:
            return nxt
    return end


def _genitive_attribute_end(toks: list[Tok], i: int) -> int:
    """A genitive attribute belongs to the noun phrase before it ("der Haushalt der Stadt"): the verb
    of "da der Haushalt der Stadt angespannt sei" goes after "Stadt", not after "Haushalt"; so does a
    genitive plural without article ("die Anerkennung ausländischer Abschlüsse")."""
    n = len(toks)
    if i + 1 < n and i > 0 and toks[i - 1].tag == "NN" and toks[i].tag == "ADJ(A)" and toks[i].text.endswith("er") \
            and toks[i].text[:1].islower() and toks[i + 1].tag == "NN":
        return i + 2
    if i > 0 and any(toks[i - 1].text.lower().startswith(d) for d in WEEKDAYS):
        return i  # "am Freitag der Integrationspreis": a weekday takes no genitive
    while i < n and (toks[i].tag == "ART" and toks[i].text.lower() in ("des", "der", "eines", "einer") or (
            toks[i].text.lower() in _GENITIVE_QUANTIFIERS and i + 1 < n and toks[i + 1].tag in ("NN", "ADJ(A)")) or (
            toks[i].tag == "PPOSAT" and toks[i].text.lower().endswith(("er", "es")) and i > 0 and (
                toks[i - 1].is_noun or toks[i - 1].tag == "PIS"))):
        # (also "die Betreuung ihrer Kinder", "das Haus seines Vaters": a possessive in the genitive)
        j = i + 1
        while j < n and toks[j].tag in ("ADJ(A)", "CARD", "PIAT") and not toks[j].is_noun:
            j += 1
        if j >= n or not toks[j].is_noun:
            break
        i = j + 1
        while i < n and toks[i].tag == "NE":
            i += 1
    return i


#: quantifiers in the genitive plural: "die Leistungen vieler Kinder"
_GENITIVE_QUANTIFIERS = {"vieler", "aller", "einiger", "mehrerer", "beider", "zahlreicher", "mancher", "weniger"}


def masculine_nominative(noun: Tok) -> bool:
    """"Schlüssel", "Trainer": a masculine noun whose form is its nominative singular ("der Schlüssel" may be
    a subject or predicate, not only a genitive plural)."""
    from lesbar.simplify.morphology import forms, noun_info

    info = noun_info(noun.lemma) if noun.tag == "NN" else None
    return info is not None and info.genus == "m" and noun.text in forms(info, "nominativ singular")


#: focus particles: first in a clause they go with the phrase after them
_FOCUS = {"bereits", "schon", "erst", "nur", "sogar", "selbst", "gerade", "allein", "ausgerechnet", "lediglich"}


def to_v2(toks: list[Tok], prefield: list[str] | None = None) -> list[str]:
    """Rewrite a verb-final clause (without its subordinating word) as a main clause.

    With ``prefield`` (an adverb such as "Davor"), that takes the first position and the subject
    follows the verb; otherwise the clause's first constituent stays first.
    """
    fins = finite_indices(toks)
    if not fins:
        return [t.text for t in toks]
    commas = top_level_commas(toks)
    first_segment = [i for i in fins if not commas or i < commas[0]]
    f = first_segment[-1] if first_segment else fins[-1]  # the verb that closes the first clause
    fin = toks[f]
    rest = [t for i, t in enumerate(toks) if i != f]
    fin_word, particle = fin.text, ""
    part = separable_particle(fin.lemma) if fin.lemma.isalpha() else ""
    if part and fin.text.lower().startswith(part) and len(fin.text) > len(part) + 1:
        fin_word, particle = fin.text[len(part):], part
    if prefield:
        words = list(prefield) + [fin_word] + [t.text for t in rest]
    else:
        lead: list[Tok] = []
        while len(rest) > 1 and rest[0].tag in ("PRF", "PPER") and rest[0].text.lower() in _UNSTRESSED:
            lead.append(rest.pop(0))  # "weil sich viele angesteckt haben": "Viele haben sich angesteckt"
        k = _with_attributes(rest, first_constituent_end(rest)) if rest else 0
        if k == 1 and len(rest) > 2 and rest[0].text.lower() in _FOCUS and (
                rest[1].tag.startswith("APPR") or rest[1].tag in _NP_START | {"NN", "NE", "CARD", "PIS"}):
            # "dass bereits im Herbst die Kurse starten" → "Bereits im Herbst starten …": the focus particle
            # belongs to the phrase after it ("Bereits starten im Herbst …" would say something else)
            k = 1 + _with_attributes(rest[1:], first_constituent_end(rest[1:]))
        if fin.lemma in ("sein", "werden", "bleiben") and not any(t.tag.endswith(("(PP)", "(INF)")) for t in rest):
            # "dass Sprache der Schlüssel zu Arbeit sei": with a copula "der Schlüssel" is the predicate
            # noun, not a genitive attribute of the subject
            cut = next((m for m in range(1, k - 1) if rest[m].tag == "ART" and rest[m].text.lower() == "der"
                        and rest[m - 1].is_noun and masculine_nominative(rest[m + 1])), None)
            if cut is not None and not any(t.tag in ("ADJ(D)", "ADV") for t in rest[cut:]):
                k = cut  # ("die Zahl der Teilnehmer groß sei": an adjective is the predicate, "der" a genitive)
        if rest and rest[0].tag.endswith("(PP)") and fin.lemma == "werden" and not any(
                t.is_noun or t.tag in ("PPER", "PIS", "PDS") for t in rest):
            # "weil gebaut wird": a passive without subject gets the placeholder "es" ("Es wird gebaut")
            return ["es", fin_word] + [t.text for t in lead] + [t.text for t in rest] + ([particle] if particle else [])
        if lead and len(rest) > 2 and rest[0].text.lower() in _HEDGES and rest[1].tag in _NP_START | {"PIS"}:
            # "dass sich fast alle Kinder verbessert haben": the hedge goes with the subject
            k = 1 + _with_attributes(rest[1:], first_constituent_end(rest[1:]))
        elif lead and len(rest) > 2 and (rest[0].tag.startswith("APPR") or rest[0].text.lower() == "bis"):
            # "wenn sich bis (zum) Freitag zehn Personen anmelden" → "Bis (zum) Freitag melden sich …"
            start = 2 if rest[1].tag == "APPRART" else 1
            k = max(constituent_end(rest, start), start + 1) if start == 2 else max(constituent_end(rest, 0), 2)
        elif lead and len(rest) > 1 and rest[0].tag in ("ADV", "ADJ(D)") and rest[0].text.lower() not in _HEDGES:
            k = 1  # "sofern sich erneut eine Lehrkraft findet" → "Erneut findet sich eine Lehrkraft"
        elif lead and (not rest or rest[0].tag not in _NP_START | {"NN", "NE", "PPER", "PIS", "PDS", "NNA"}):
            rest, k = lead + rest, len(lead)  # nothing to put first but the pronoun: keep the order
            lead = []
        words = [t.text for t in rest[:k]] + [fin_word] + [t.text for t in lead] + [t.text for t in rest[k:]]
    if particle:
        # the particle closes the verb's own clause: "Sie nehmen eine Arbeit auf, die …", not after the "die" clause
        after = [c for c in commas if c > f]
        if after:
            n = sum(1 for t in toks[: after[0]] if t.text == ",")
            at = [j for j, w in enumerate(words) if w == ","]
            words.insert(at[n] if n < len(at) else len(words), particle)
        else:
            words.append(particle)
    return words


#: rivers in German place names ("Frankfurt am Main", "Halle an der Saale")
_RIVERS = {"Main", "Rhein", "Oder", "Saale", "Ruhr", "Lahn", "Neckar", "Donau", "Elbe", "Weser", "Mosel", "Inn",
           "Lech", "Isar", "Havel", "Spree", "Sieg", "Wupper", "Lippe", "Ems", "Fulda", "Werra", "Kinzig", "Regen"}

#: words that narrow a number or quantifier and stand before it: "fast alle", "rund 200"
_HEDGES = {"fast", "nahezu", "beinahe", "rund", "etwa", "ungefähr", "circa", "knapp", "gut", "über", "nur"}

#: prepositions whose phrase right after a noun belongs to it ("die Einnahmen aus der Kreisumlage")
_ATTRIBUTE_PREPOSITIONS = {"aus", "von", "vom"}


def _passive_agent(toks: list[Tok], k: int) -> bool:
    """"(weil) die Kurse vom Land bezahlt werden": von/vom before the participle of a passive names who
    acts (the finite "werden" may already be taken out of ``toks``)."""
    if toks[k].text.lower() not in ("von", "vom"):
        return False
    end = constituent_end(toks, k)
    return end < len(toks) and toks[end].tag == "VV(PP)"


def _with_attributes(toks: list[Tok], k: int) -> int:
    """Extend a first constituent that is a noun phrase over what belongs to it, so that the verb of a
    clause made a main clause goes after it: a quoted name ("der Entwurf des Bebauungsplans „Am
    Sonnenhang“"), a phrase with aus/von ("die Einnahmen aus der Kreisumlage"), and mit/ohne with a bare
    noun ("Haushalte mit geringem Einkommen"; "mit dem Bus" is an adverbial)."""
    if k <= 0 or k >= len(toks) or not toks[k - 1].is_noun:
        return k
    while k < len(toks):
        t = toks[k]
        if t.text in ("am", "an") and toks[k - 1].tag in ("NE", "NN") and toks[k - 1].text[:1].isupper():
            # "Frankfurt am Main", "Frankfurt an der Oder": the river is part of the place's name
            m = k + 1 + (1 if k + 1 < len(toks) and toks[k + 1].text == "der" and t.text == "an" else 0)
            if m < len(toks) and toks[m].text in _RIVERS:
                k = m + 1
                continue
            break
        if t.text in QUOTES_OPEN:
            close = next((m for m in range(k + 1, min(k + 6, len(toks))) if toks[m].text in QUOTES_CLOSE), None)
            if close is None or any(x.is_finite for x in toks[k + 1 : close]):
                break
            k = close + 1
        elif t.tag.startswith("APPR") and (t.text.lower() in _ATTRIBUTE_PREPOSITIONS and not _passive_agent(toks, k)
                                           or _complement_end(toks, k) > k):
            end = constituent_end(toks, k)
            if end <= k + 1 or end >= len(toks) or not toks[end - 1].is_noun:
                break
            if end + 1 < len(toks) and toks[end].tag == "CARD" and re.fullmatch(r"(19|20)\d\d", toks[end].text) and \
                    toks[end - 1].text.lower() in MONTHS:
                end += 1  # "Ihr Antrag vom 12. Mai 2025": the year belongs to the date
            k = end
        elif t.text.lower() in ("mit", "ohne") and k + 1 < len(toks) and toks[k + 1].tag in ("ADJ(A)", "NN"):
            end = k + 1
            while end < len(toks) and toks[end].tag == "ADJ(A)":
                end += 1
            if end >= len(toks) - 1 or toks[end].tag != "NN":
                break
            k = end + 1
        else:
            break
    return k


def v2_ready(toks: list[Tok]) -> bool:
    """Whether ``to_v2`` can make a correct main clause of a subordinate clause: up to its first comma it
    has exactly one finite verb. "dass sie fielen und ihre Beine entzwei brachen" or "der glänzte von
    Edelsteinen und war so schön" (two verbs, not two verb-final clauses) are not."""
    commas = top_level_commas(toks)
    # the first comma after a finite verb; earlier ones join a list ("nur Türkisch, Polnisch oder Kurdisch sprechen")
    cut = next((c for c in commas if finite_indices(toks[:c])), None)
    head = toks[:cut] if cut is not None else toks
    return len(finite_indices(head)) == 1


def is_verb_final(toks: list[Tok]) -> bool:
    """A clause whose finite verb is its last word (after more than one constituent)."""
    words = [i for i, t in enumerate(toks) if t.is_word]
    fins = finite_indices(toks)
    if not fins or not words:
        return False
    if fins[-1] != words[-1]:
        return False
    heads = sum(1 for t in toks[: fins[-1]] if t.tag in _NOUNISH)
    return heads >= 2 or (heads >= 1 and len(words) >= 3 and toks[0].tag not in _NOUNISH | _NP_START)


def v2_split(toks: list[Tok]) -> tuple[list[Tok], Tok, list[Tok]] | None:
    """(prefield, finite verb, rest) of a main clause, or None if it has no finite verb."""
    fins = finite_indices(toks)
    if not fins:
        return None
    f = fins[0]
    return toks[:f], toks[f], toks[f + 1 :]


def invert_with(toks: list[Tok], adverb: str) -> list[str]:
    """Put ``adverb`` first in a main clause: "Sie kommt." → "Danach kommt sie." (V2 kept)."""
    parts = v2_split(toks)
    if parts is None:
        return [adverb] + [t.text for t in toks]
    pre, fin, rest = parts
    pre_words = [t.text for t in pre]
    if pre and (pre[0].tag.startswith("APPR") or pre[0].tag in ("ADV", "PAV", "PROAV")) and " " not in adverb:
        # "In dieser Zeit hat er …": an adverbial in front stays there; the adverb follows the subject
        # pronoun ("In dieser Zeit hat er trotzdem …"), not "Trotzdem hat In dieser Zeit er"
        k = 0
        while k < len(rest) and (rest[k].tag in ("PPER", "PRF") or (k == 0 and rest[k].tag == "PIS")):
            k += 1  # "Heute besucht er mich trotzdem": unstressed pronouns come before the adverb
        return pre_words + [fin.text] + [t.text for t in rest[:k]] + [adverb.lower()] + [t.text for t in rest[k:]]
    if pre and pre[0].tag in ("PPER", "ART", "PPOSAT", "PDS", "PIS", "PIAT", "ADV", "PDAT", "PAV", "PROAV") and not pre[0].tag == "NE":
        pre_words[0] = pre_words[0][:1].lower() + pre_words[0][1:] if pre_words[0] not in (
            "Sie", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres") else pre_words[0]
    if not pre:
        return [adverb, fin.text] + [t.text for t in rest]
    if rest and rest[0].tag == "PPER" and rest[0].text.lower() in ("ich", "du", "er", "es", "wir", "ihr", "man") \
            and pre[0].tag in ("ART", "PPOSAT", "PDAT", "PIAT", "NN"):
        # "Die erste Rate überweisen wir." → "Dann überweisen wir die erste Rate.": the subject pronoun comes
        # right after the verb, the object after it
        return [adverb, fin.text, rest[0].text] + pre_words + [t.text for t in rest[1:]]
    return [adverb, fin.text] + pre_words + [t.text for t in rest]


_CLAUSE_BOUNDARIES = {",", ":", ";", "(", ")", ".", "!", "?", "–"} | QUOTES_OPEN | QUOTES_CLOSE


def first_person_near(toks: list[Tok], i: int) -> bool:
    """"ich" in the clause of the verb at ``i`` ("Gestern traf ich", "ich habe", "wo ich meine ersten Freunde
    gefunden habe"): forms shared by the 1st and 3rd person singular ("traf", "habe", "hätte") are then the
    1st person. The clause ends at a comma or colon: in "Wichtig sei: Ich bin pünktlich" "sei" is not."""
    start = i
    while start > 0 and toks[start - 1].text not in _CLAUSE_BOUNDARIES:
        start -= 1
    end = i + 1
    while end < len(toks) and toks[end].text not in _CLAUSE_BOUNDARIES:
        end += 1
    if any(t.text.lower() == "ich" for t in toks[start:end]):
        return True
    # "Ich lerne nicht nur Deutsch, sondern auch verstehe …": a verb after a coordinator without a subject of
    # its own shares the one before the comma
    return start >= 2 and toks[start - 1].text == "," and toks[start].text.lower() in ("und", "oder", "aber", "sondern") \
        and not any(t.tag in ("PPER", "PIS", "PDS") or t.is_noun for t in toks[start:i]) and first_person_near(toks, start - 2)


def strip_end(toks: list[Tok]) -> list[Tok]:
    """Without final punctuation."""
    end = len(toks)
    while end > 0 and toks[end - 1].text in SENT_END:
        end -= 1
    return toks[:end]


#: personal pronouns that are always nominative ("sie"/"es" may be accusative after the verb)
_NOMINATIVE_PPER = {"er", "wir", "ich", "du", "man", "Sie"}


def subject_of(left: list[Tok]) -> list[str] | None:
    """The first constituent of a main clause if it is a subject-like noun phrase or pronoun, written to
    follow other words ("die Stadt"): for repeating the subject in a sentence of its own."""
    start = 0
    while start < len(left) and left[start].tag == "KON":
        start += 1  # "Sondern die zwei ältesten schlugen …": the conjunction is no subject
    if start >= len(left):
        return None
    if left[start].text in QUOTES_OPEN:
        # "„ACAB“ stellt … dar": the quoted name with both its marks
        close = next((j for j in range(start + 1, len(left)) if left[j].text in QUOTES_CLOSE), None)
        if close is None or close - start > 6:
            return None
        k = close + 1
    else:
        k = constituent_end(left, start)
    while k < len(left) and left[k].tag.startswith("APPR") and k + 1 < len(left) and not left[k + 1].is_finite:
        k = constituent_end(left, k)  # "die Kinder aus der Schule gehen …": a prepositional attribute
    if k < len(left) and left[k].text in QUOTES_OPEN and k > start:
        close = next((j for j in range(k + 1, min(k + 6, len(left))) if left[j].text in QUOTES_CLOSE), None)
        if close is not None:
            k = close + 1  # "die Stadt „Neustadt“ baut …": a quoted name in the noun phrase
    if k >= len(left) or not left[k].is_finite:
        return None  # the constituent is not the whole prefield before the verb
    first = left[start:k]
    from lesbar.simplify.temporal import is_time_word

    adverbial = bool(first) and first[-1].is_noun and is_time_word(first[-1].text)  # "Jeden Mittwoch sortiert sie"
    if not first or adverbial or first[0].tag.startswith("APPR") or first[0].tag in ("ADV", "PAV", "PROAV", "ADJ(D)",
                                                                                        "KOUS"):
        # "Heute arbeitet er …": the subject pronoun right after the verb ("sie"/"es" too, when nothing else
        # after the verb can be the subject: "Jeden Mittwoch sortiert sie Kleidung")
        if first and k + 1 < len(left) and left[k + 1].tag == "PPER" and (left[k + 1].text in _NOMINATIVE_PPER or (
                left[k + 1].text in ("sie", "es") and not any(t.tag in ("ART", "PPOSAT", "PDAT") and t.text.lower() in (
                    "der", "die", "das", "ein", "eine", "mein", "meine", "dein", "deine", "sein", "seine", "ihr",
                    "ihre", "unser", "unsere", "dieser", "diese", "dieses") for t in left[k + 2 :]))):
            return [left[k + 1].text]
        return None
    if any(t.is_finite for t in first):
        return None
    words = [t.text for t in first]
    if first[0].tag in ("ART", "PPER", "PPOSAT", "PIAT", "PDAT", "PIS", "PDS") and words[0] != "Sie":
        words[0] = words[0][:1].lower() + words[0][1:]
    return words


def mentioned_again(subject: list[str]) -> list[str]:
    """A subject repeated in a sentence of its own refers back: "eine Mitarbeiterin" → "die Mitarbeiterin",
    "ein Nachbar" → "der Nachbar" (the indefinite article would introduce a second person)."""
    from lesbar.simplify.morphology import noun_info

    if not subject or subject[0].lower() not in ("ein", "eine"):
        return subject
    if subject[0].lower() == "eine":
        article = "die"
    else:
        noun = next((w for w in reversed(subject) if w[:1].isupper()), "")
        info = noun_info(noun) if noun else None
        article = {"m": "der", "n": "das"}.get(info.genus if info else "", "")
        if not article:
            return subject
        subject = subject[:1] + [w[:-1] if w.endswith(("er", "es")) and w[:1].islower() else w for w in subject[1:]]
    return [article[:1].upper() + article[1:] if subject[0][:1].isupper() else article] + subject[1:]


_AFTER_VERB_PPER = {"er", "sie", "es", "wir", "ich", "man", "Sie"}
_AFTER_VERB_ART = {"der", "die", "das", "ein", "eine"}


def subject_after_verb(toks: list[Tok], f: int) -> tuple[int, int, int] | None:
    """(start of reflexive/unstressed pronouns, subject start, subject end) right after the finite verb,
    when the subject there can be found safely."""
    k = f + 1
    lead = k
    while k < len(toks) and toks[k].tag == "PRF":
        k += 1
    if k >= len(toks):
        return None
    t = toks[k]
    if t.tag == "PPER":
        return (lead, k, k + 1) if t.text in _AFTER_VERB_PPER else None
    if t.tag == "ART" and t.text.lower() not in _AFTER_VERB_ART:
        return None
    if t.tag not in ("ART", "NE", "NN", "CARD", "PIAT", "PIS", "PPOSAT", "ADJ(A)"):
        return None
    if t.tag == "CARD" and re.fullmatch(r"(19|20)\d\d", t.text) and not (k + 1 < len(toks) and toks[k + 1].is_noun):
        return None  # "wurden 2023 insgesamt 1.240 Einsätze vermittelt": a year, not the subject
    end = constituent_end(toks, k)
    if end <= k or not toks[end - 1].is_noun and toks[end - 1].tag not in ("PIS",):
        return None
    while True:
        while end < len(toks) and toks[end].text.lower() in ("von", "vom", "aus") and toks[end].tag.startswith("APPR"):
            nxt = constituent_end(toks, end)  # "der Rat von der Stadt Hamm", "Kinder aus 27 Nationen"
            if nxt <= end + 1 or not toks[nxt - 1].is_noun or toks[end + 1].tag == "PPOSAT" or (
                    nxt < len(toks) and toks[nxt].text in QUOTES_OPEN):
                break  # "liest die Autorin aus ihrem Buch „…“": what she reads from, not where she is from
            end = nxt
        if end + 3 < len(toks) and toks[end].text.lower() in ("zwischen", "ab", "unter", "über", "bis") and \
                toks[end + 1].tag == "CARD":
            m = end + 2
            while m < len(toks) and (toks[m].tag == "CARD" or toks[m].text in ("und", "bis")):
                m += 1
            if m < len(toks) and toks[m].text in ("Jahren", "Jahre"):
                end = m + 1  # "84 Jugendliche zwischen 14 und 19 Jahren": their age goes with them
        if not (end + 1 < len(toks) and toks[end].text == "," and (
                toks[end + 1].is_noun or toks[end + 1].tag in ("ART", "ADJ(A)", "CARD", "PIAT", "PPOSAT"))):
            break
        # "86 Frauen, Männer und Kinder", "ein Chor, eine Trommelgruppe aus Ghana und die Tanzgruppe": an
        # enumeration is one subject
        nxt = constituent_end(toks, end + 1)
        if nxt <= end + 1 or not toks[nxt - 1].is_noun:
            return None
        end = nxt
    if end < len(toks) and toks[end].text == ",":
        return None  # the subject goes on in a way that cannot be followed safely
    return lead, k, end
