"""Rule 8b ``praeteritum``: Präteritum → Perfekt for full verbs ("trafen sich" → "haben sich getroffen").

Leichte Sprache keeps the Präteritum of sein, haben and the modal verbs (war, hatte, konnte), which
readers know. The auxiliary (haben/sein) and participle come from ablaut; the participle goes to the
end of the main clause, replacing a separable particle ("nahm … ein" → "hat … eingenommen").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lesbar.simplify.analysis import PARTICLES_APART, Tok
from lesbar.simplify.clauses import SENT_END, first_person_near, is_direct_quote, quoted, segment_end
from lesbar.simplify.morphology import UNREAL_FORMS, is_participle_form, noun_info, separable_particle, verb_table
from lesbar.simplify.resources import MOTION_VERBS, TITLES
from lesbar.simplify.rules.subordinate_clauses import agrees_with_relative
from lesbar.simplify.rules.words import zipf
from lesbar.simplify.temporal import date_after_weekday_end
from lesbar.simplify.units import Unit

if TYPE_CHECKING:
    from lesbar.simplify.context import Context
    from lesbar.simplify.rules import Finding

ID = "praeteritum"
PRIORITY = 70
LEVELS = ("leicht", "einfach")  # (Einfache Sprache: only the Konjunktiv II of a report, see apply)
HEADINGS = False

_KEEP = {"sein", "haben", "werden", "können", "müssen", "sollen", "wollen", "dürfen", "mögen", "geben"}


def _clause_span(toks: list[Tok], i: int) -> tuple[int, int]:
    """The comma segment around the verb at ``i`` (quotation marks end it too)."""
    a, b = i, i + 1
    while a > 0 and toks[a - 1].text not in {",", ";", ":", "„", "“"}:
        a -= 1
    while b < len(toks) and toks[b].text not in {",", ";", ":", "„", "“"} | SENT_END:
        b += 1
    return a, b


def _present_only(unit: Unit, toks: list[Tok], hits: list[tuple[int, int]], ctx: Context) -> list[Unit] | None:
    """"In den Unterkünften lebten derzeit 300 Menschen": a past that holds now is the Konjunktiv II of a
    report, which stands for the present ("leben derzeit"), not for a finished past (see
    :func:`_konj2_for_present`)."""
    i, idx = hits[0]
    a, b = _clause_span(toks, i)
    present = _konj2_for_present(toks[a:b], toks[i], idx, ctx,
                                 reported="konjunktiv" in unit.rules and _clause_is_verb_final(toks, i))
    if not present:
        return None
    words = [t.text for t in toks]
    words[i] = present[:1].upper() + present[1:] if toks[i].text[:1].isupper() else present
    ctx.counts[ID] += 1
    return [unit.derive(words, ID)]


def _particle_after(toks: list[Tok], i: int) -> Tok | None:
    """The separated particle of the verb at ``i`` (or the punctuation that ends the search). A quoted
    name is passed over ("trat die Band „Grenzenlos“ auf"); a quotation that is speech ends the search,
    so that no particle is taken from it."""
    k = i + 1
    while k < len(toks):
        t = toks[k]
        if t.text == "„":
            close = next((m for m in range(k + 1, min(k + 6, len(toks))) if toks[m].text == "“"), None)
            if close is None or any(toks[m].is_finite for m in range(k + 1, close)):
                return t
            k = close + 1
            continue
        if t.tag == "PTKVZ" or t.text in {",", ".", ";", ":"}:
            return t
        k += 1
    return None


def detect(toks: list[Tok]) -> list[tuple[int, int]]:
    """(token index, person index) of finite Präteritum forms of full verbs."""
    out = []
    for i, t in enumerate(toks):
        if not t.is_finite or not t.tag.startswith("VV") or t.lemma in _KEEP:
            continue
        table = verb_table(t.lemma)
        if table is None:
            continue
        low = t.text.lower()
        if low in table.preterite and low not in table.present and low not in table.konj1:
            idx = table.preterite.index(low)
            if idx == 0 and not first_person_near(toks, i):
                idx = 2  # "traf" is ich or er/sie: "ich" next to the verb decides
            out.append((i, idx))
    return out


def _around_colon(unit: Unit, toks: list[Tok], hits: list[tuple[int, int]], ctx: Context) -> list[Unit] | None:
    """"Sie stellten fest: Das Licht brannte.": one preterite on each side of a colon; each side is a
    clause of its own and gets its Perfekt on its own."""
    inside = quoted([t.text for t in toks])
    colons = [k for k, t in enumerate(toks) if t.text == ":" and k not in inside]
    if len(colons) != 1 or len(hits) != 2 or not hits[0][0] < colons[0] < hits[1][0]:
        return None
    c = colons[0]
    sides = []
    for part in ([t.text for t in toks[:c]] + ["."], [t.text for t in toks[c + 1 :]]):
        out = apply(unit.derive(part, ID), ctx)
        if out is None or len(out) != 1:
            return None
        sides.append(out[0].tokens)
    left = sides[0][:-1] if sides[0][-1] == "." else sides[0]
    return [unit.derive(left + [":"] + sides[1], ID)]


#: forms that are only Konjunktiv II: beside them a preterite-looking verb in a wenn clause is one too
_UNREAL = UNREAL_FORMS | {"dürfte", "dürften", "sollte", "sollten"}


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    if unit.kind != "sentence":
        return None
    toks = unit.toks()
    if is_direct_quote(toks):
        return None  # quotes stay as said
    hits = detect(toks)
    if ctx.level != "leicht":
        # Einfache Sprache keeps the Präteritum; only a preterite-looking Konjunktiv II that stands for the
        # present in a report ("Viele Patienten fragten inzwischen nach ihm") becomes the present
        return _present_only(unit, toks, hits, ctx) if len(hits) == 1 else None
    if not hits:
        return _pluperfect(unit, toks, ctx)
    if len(hits) != 1:
        return _around_colon(unit, toks, hits, ctx)
    i, idx = hits[0]
    verb = toks[i]
    if any(t.is_finite and t.text.lower() in _UNREAL for t in toks) and any(
            t.tag == "KOUS" and t.text.lower() in ("wenn", "falls", "als") for t in toks):
        return None  # "Es wäre gut, wenn die Stadt mehr zahlte": a Konjunktiv II, no past
    a, b = _clause_span(toks, i)
    present = _present_only(unit, toks, hits, ctx)
    if present is not None:
        return present
    if any(t.is_finite and k != i and not is_participle_form(t.text, t.lemma) for k, t in enumerate(toks[a:b], start=a)) and not any(
            t.tag == "KON" for t in toks[a:b]):
        return None  # "der ältere und behinderte Menschen bringt": two finite verbs in one clause, one is none
    ptk = _particle_after(toks, i)
    if ptk is not None and ptk.tag == "PTKVZ" and (_postposition(toks, i, toks.index(ptk))
                                                   or ptk.text.lower() in PARTICLES_APART):
        ptk = None  # ("stellte … infrage" → "hat … infrage gestellt": the particle is written apart)
    far = _far_particle(toks, i)
    if (ptk is None or ptk.tag != "PTKVZ") and far is not None:
        ptk = toks[far]  # "traten ein Chor, eine Gruppe und eine Band auf": "auftreten" takes "sein"
    adverb_wieder = zipf("wieder" + verb.lemma) == 0  # "spielten wieder": no verb "wiederspielen"
    if ptk is not None and ptk.text.lower() == "wieder" and adverb_wieder:
        ptk = None  # the adverb ("kamen wieder" is "wiederkommen")
    lemma = ptk.text.lower() + verb.lemma if ptk is not None and ptk.tag == "PTKVZ" else verb.lemma
    table = verb_table(lemma) or verb_table(verb.lemma)
    auxiliary = table.auxiliary if table else ""
    if table is not None and lemma in MOTION_VERBS and _goes_somewhere(toks, i):
        auxiliary = "sein"  # "zog nach Lünen" → "ist nach Lünen gezogen" ("zog den Wagen" keeps "hat")
    if lemma in _SEIN_VERBS:
        auxiliary = "sein"  # ablaut says "haben" for these ("Der Unfall passierte" → "ist passiert")
    if lemma in _SEIN_WITHOUT_OBJECT and not any(t.tag in ("ART", "PPOSAT") and t.text.lower() in (
            "den", "die", "das", "einen", "eine", "ihre", "seine", "ihren", "seinen") for t in toks[i + 1 :]):
        auxiliary = "sein"
    if verb.text[:1].isupper() and i == 0 and any(t.text == "," for t in toks) and toks[-1].text != "?":
        return None  # "Lebten 2023 noch 1.150 Personen dort, so waren es 2024 nur 640": a condition, verb first
    aux_table = verb_table(auxiliary) if table else None
    if table is None or aux_table is None or not table.participle:
        return None
    if verb.lemma == "lassen" and any(t.tag == "VV(INF)" for t in toks[i + 1 : b]):
        # "ließen sich klären" → "haben sich klären lassen": the infinitive stands for the participle
        words = [t.text for t in toks]
        aux = aux_table.present[idx]
        words[i] = aux[:1].upper() + aux[1:] if verb.text[:1].isupper() else aux
        last = max(k for k in range(i + 1, b) if toks[k].tag == "VV(INF)")
        words.insert(last + 1, "lassen")
        ctx.counts[ID] += 1
        return [unit.derive(words, ID)]
    words = [t.text for t in toks]
    aux = aux_table.present[idx]
    words[i] = aux[:1].upper() + aux[1:] if verb.text[:1].isupper() else aux
    # clause end: the next comma/sentence end after the verb
    end = i + 1
    while end < len(words) and words[end] not in {";", ":"} | SENT_END and words[end] not in {"„", "“"}:
        if words[end] == ",":
            date_end = date_after_weekday_end(toks, end) or _name_apposition_end(toks, end)
            if date_end is None:
                break
            end = date_end  # "kamen am Samstag, 14.06.2025, zum Fest": the date's commas are no clause end
            continue
        if _next_conjunct(toks, end):
            break  # "glänzte von Edelsteinen und war so schön": the participle goes before "und"
        end += 1
    end = _past_quoted_name(words, end, toks)
    if far is not None:
        end = far + 1  # "wechselten sich ein Chor, eine Gruppe und die Tanzgruppe ab": the enumeration
    elif end < len(words) and words[end] == ",":
        end = _enumeration_end(toks, end)
    particle = separable_particle(verb.lemma)
    ptkvz = [k for k in range(i + 1, end) if toks[k].tag == "PTKVZ" and not _postposition(toks, i, k)
             and toks[k].text.lower() not in PARTICLES_APART and not (toks[k].text.lower() == "wieder" and adverb_wieder)]
    if particle and end - 1 > i and words[end - 1] == particle:
        words[end - 1] = table.participle
    elif ptkvz:
        # "merkte … an mit Blick auf …": the particle was not last; the full participle goes last
        k = ptkvz[-1]
        full = verb_table(toks[k].text.lower() + verb.lemma)
        words.insert(end, full.participle if full else toks[k].text + table.participle)
        del words[k]
    elif end == i + 1 and i > 0 and _clause_is_verb_final(toks, i):
        # verb-final clause ("…, wie viele den Bus nutzten"): participle, then auxiliary
        words[i] = table.participle
        words.insert(i + 1, aux)
    elif end - 1 > i and toks[end - 1].tag == "VV(INF)" and _joined_verb(toks[end - 1].text.lower() + verb.lemma):
        # "lernten sich kennen" → "haben sich kennengelernt" (the verb is "kennenlernen")
        full = verb_table(toks[end - 1].text.lower() + verb.lemma)
        words[end - 1] = full.participle if full and full.participle else words[end - 1] + table.participle
    elif end - 1 > i and toks[end - 1].tag in ("ADJ(D)", "ADV") and _joined_verb(
            toks[end - 1].text.lower() + verb.lemma, 2.5) and toks[end - 2].text.lower() not in _DEGREE:
        # "standen bereit" (the tagger reads "bereit" as an adjective) → "haben bereitgestanden"
        full = verb_table(toks[end - 1].text.lower() + verb.lemma)
        words[end - 1] = full.participle if full and full.participle else words[end - 1] + table.participle
    elif end < len(words) and words[end] in SENT_END and _name_apposition_end(toks, _last_comma(toks, end)) == end:
        words[end:end] = [",", table.participle]  # "sprach mit dem Sohn, Jan Maier." → "…, Jan Maier, gesprochen."
    else:
        words.insert(end, table.participle)
    ctx.counts[ID] += 1
    return [unit.derive(words, ID)]


def _last_comma(toks: list[Tok], end: int) -> int:
    """The index of the last comma before ``end`` (0 when there is none)."""
    return next((k for k in range(end - 1, 0, -1) if toks[k].text == ","), 0)


#: adverbs of the present: a preterite-looking verb beside them is a Konjunktiv II standing for the present
_NOW_ALWAYS = {"derzeit", "zurzeit", "momentan", "gegenwärtig", "aktuell"}
#: … and these when a report was made in the paragraph (in a narrated past they go with the past)
_NOW_IN_REPORT = {"jetzt", "inzwischen", "mittlerweile", "heute", "nun"}


def _konj2_for_present(clause: list[Tok], verb: Tok, idx: int, ctx: Context, reported: bool = False) -> str:
    """The present tense form for a preterite-looking Konjunktiv II next to an adverb of the present, or in a
    sentence whose Konjunktiv I the Konjunktiv rule made the indicative ("Es sei schön, wenn Kinder satt
    nach Hause gingen, sagt sie": reported, so "gingen" stands for "gehen"), else ""."""
    table = verb_table(verb.lemma)
    if table is None or verb.text.lower() not in table.konj2 or len(table.present) <= idx:
        return ""
    words = {t.text.lower() for t in clause}
    reporting = ctx.block_index in (ctx.last_speech_block, ctx.last_report_block)
    still = "noch" in words and "immer" in words  # "warteten noch immer": still now, in a report
    if reported or words & _NOW_ALWAYS or (reporting and (words & _NOW_IN_REPORT or still)):
        return table.present[idx]
    return ""


def _name_apposition_end(toks: list[Tok], comma: int) -> int | None:
    """"lobte der Vorsitzende des Vereins, Heinz Kuhlmann, das Team": after a noun, a name between two
    commas is its apposition; the index after the second comma (or of the sentence end after the name:
    "sprach mit dem Sohn des Bürgermeisters, Jan Maier."), else None."""
    if comma == 0 or toks[comma - 1].tag != "NN":
        return None  # (after a name it is a list of names: "Anna Berg, Stephan Pusch und …")
    k = comma + 1
    while k < len(toks) and (toks[k].tag == "NE" or toks[k].text in TITLES):
        k += 1
    if k - comma - 1 < 2 or k >= len(toks) or toks[k].text not in {","} | SENT_END:
        return None
    return k + 1 if toks[k].text == "," else k


def _pluperfect(unit: Unit, toks: list[Tok], ctx: Context) -> list[Unit] | None:
    """Plusquamperfekt → Perfekt: "Sie war in Rente gegangen" → "Sie ist in Rente gegangen", "Er hatte
    viel gearbeitet" → "Er hat viel gearbeitet". "war" only with a verb that forms its perfect with
    "sein": "Die Tür war geschlossen" is a state, not a past of the past. One clause, auxiliary first."""
    fins = [i for i, t in enumerate(toks) if t.is_finite]
    if len(fins) != 1:
        return None
    i = fins[0]
    aux = toks[i]
    low = aux.text.lower()
    if aux.lemma not in ("sein", "haben") or low not in _PAST_AUX:
        return None
    words = [t for t in toks[i + 1 :] if t.is_word]
    if not words or not words[-1].tag.endswith("(PP)") or any(t.text == "worden" for t in toks):
        return None
    participle = words[-1]
    if aux.lemma == "sein":
        table = verb_table(participle.lemma)
        if table is None or (table.auxiliary != "sein" and participle.lemma not in MOTION_VERBS | _SEIN_VERBS
                             | _SEIN_WITHOUT_OBJECT):
            return None  # ("eingezogen war": "einziehen" moves somewhere, though ablaut says "haben")
    present = _PAST_AUX[low]
    if low in ("war", "hatte") and first_person_near(toks, i):
        present = "bin" if low == "war" else "habe"  # "Ich war gekommen" → "Ich bin gekommen"
    out = [t.text for t in toks]
    out[i] = present[:1].upper() + present[1:] if aux.text[:1].isupper() else present
    ctx.counts[ID] += 1
    return [unit.derive(out, ID)]


_PAST_AUX = {"war": "ist", "waren": "sind", "warst": "bist", "wart": "seid", "hatte": "hat", "hatten": "haben",
             "hattest": "hast", "hattet": "habt"}


def _next_conjunct(toks: list[Tok], k: int) -> bool:
    """Whether ``toks[k]`` is und/oder/aber/sondern joining a second clause with its own finite verb
    (before the next comma or the end)."""
    if toks[k].tag != "KON" or toks[k].text.lower() not in ("und", "oder", "aber", "sondern", "doch"):
        return False
    for t in toks[k + 1 :]:
        if t.text in {",", ";", ":", "„", "“"} | SENT_END:
            return False
        if t.is_finite:
            return True
    return False


#: words before an adjective that make it an adjective of its own ("hielt sie für zu hoch"), no verb part
_DEGREE = {"zu", "sehr", "so", "ganz", "besonders", "recht", "ziemlich", "für", "als", "wie", "nicht", "gar", "viel"}


def _joined_verb(lemma: str, min_zipf: float = 2.0) -> bool:
    """"kennenlernen", "spazierengehen", "bereitstehen": a word + verb written as one word (a common
    word), not "schwimmen lernen" or "schnell laufen"."""
    from lesbar.simplify.rules.words import zipf

    table = verb_table(lemma)
    # (its participle is written too: "kennengelernt", "bereitgestanden"; not "gelesenlernt")
    return zipf(lemma) >= min_zipf and table is not None and zipf(table.participle) >= 0.5


#: nouns after which a quotation is a name, whatever words it holds ("unter dem Motto „Wir sind da“")
_NAMING_NOUNS = {"Titel", "Motto", "Namen", "Name", "Thema", "Überschrift", "Slogan", "Stichwort", "Leitsatz"}


def _past_quoted_name(words: list[str], end: int, toks: list[Tok] | None = None) -> int:
    """A short quotation without a verb inside the clause is a name ("das Zentrum „Brücke“ in Bochum"),
    not the clause's end: the clause goes on after it. So is a longer one without a finite verb after
    an article ("sprach von einem „Meilenstein für das Zusammenleben in der Stadt“")."""
    while end < len(words) and words[end] == "„":
        reach = 6
        named = end > 0 and words[end - 1] in _NAMING_NOUNS  # "mit dem Titel „Woher wir kommen“": a title
        if named or toks is not None and end > 0 and toks[end - 1].tag in ("ART", "ADJ(A)", "PPOSAT"):
            reach = 16
        close = next((k for k in range(end + 1, min(end + reach, len(words))) if words[k] == "“"), None)
        if close is None or any(w in SENT_END | {",", ";", ":"} for w in words[end + 1 : close]) or (
                toks is not None and not named and any(t.is_finite for t in toks[end + 1 : close])):
            return end
        end = close + 1
        while end < len(words) and words[end] not in {",", ";", ":"} | SENT_END and words[end] not in {"„", "“"}:
            end += 1
    return end


def _enumeration_end(toks: list[Tok], comma: int) -> int:
    """The clause goes on past ``comma`` when the rest of the sentence is the enumeration it started
    ("freuten sich A, B, C und D (von links)"): no verb or clause word follows, and "und"/"oder" does.
    Returns the index before the sentence end (or a bracket remark, or a clause that follows the
    enumeration: "…, die Fachkräfte suchen"), else ``comma``."""
    stop = len(toks)
    while stop > comma and toks[stop - 1].text in SENT_END:
        stop -= 1
    rest = toks[comma + 1 : stop]
    if "(" in [t.text for t in rest]:
        stop = comma + 1 + [t.text for t in rest].index("(")
        rest = toks[comma + 1 : stop]
    clause = next((k for k in range(comma + 1, stop - 1) if toks[k].text == "," and _clause_start(toks, k + 1)), None)
    if clause is not None:  # "Unternehmen aus Handwerk, Pflege und Logistik, die Fachkräfte suchen"
        stop = clause
        rest = toks[comma + 1 : stop]
    if not any(t.text in ("und", "oder", "sowie") for t in rest) or (rest and rest[0].tag in ("KON", "ADV")):
        return comma  # ", und zwar von 13,9 auf 13,1 Prozent": an addition, not the enumeration going on
    if any(t.is_finite or t.tag in ("KOUS", "PWS", "PWAV", "PTKZU", "VV(PP)", "VV(INF)", "PRF")
           or (t.tag == "PRELS" and not (k + 1 < len(rest) and rest[k + 1].tag in ("NN", "NE", "ADJ(A)")))
           or t.tag.endswith("(IZU)") or t.text in {";", ":", "„", "“", ")"} for k, t in enumerate(rest)):
        return comma  # (a "relative pronoun" before a noun with no verb after it is an article: "die Türkei")
    return stop


def _postposition(toks: list[Tok], i: int, k: int) -> bool:
    """"verfolgte das Spiel von der Seitenlinie aus", "von Anfang an": "aus"/"an" closes a phrase with
    "von", it is no particle of the verb at ``i`` (unless verb and particle make a common verb)."""
    from lesbar.simplify.rules.words import zipf

    if toks[k].text.lower() not in ("aus", "an") or not any(t.text.lower() in ("von", "vom") for t in toks[i + 1 : k]):
        return False
    return zipf(toks[k].text.lower() + toks[i].lemma) < 2.0


def _clause_start(toks: list[Tok], k: int) -> bool:
    """Whether a subordinate clause starts at ``k`` after a comma: a conjunction or relative word, also a
    relative pronoun read as an article when its comma segment ends with a verb ("…, die Fachkräfte
    suchen")."""
    if toks[k].tag in ("PRELS", "PRELAT", "KOUS", "PWS", "PWAV"):
        return True
    if toks[k].tag != "ART" or toks[k].text.lower() not in ("der", "die", "das", "dem", "den"):
        return False
    words = [t for t in toks[k + 1 : segment_end(toks, k + 1)] if t.is_word]
    return len(words) >= 2 and words[-1].tag.startswith("V")


def _far_particle(toks: list[Tok], i: int) -> int | None:
    """The verb's separated particle after commas of an enumeration ("wechselten sich A, B und C ab"):
    no finite verb, clause word or quotation between the verb and the particle."""
    if i + 1 < len(toks) and toks[i + 1].text == ",":
        return None  # "sagte, die Vereine lüden alle ein": the verb's clause ended at the comma
    for k in range(i + 1, len(toks)):
        t = toks[k]
        if t.tag == "PTKVZ":
            from wordfreq import zipf_frequency

            if zipf_frequency(t.text.lower() + toks[i].lemma, "de") < 2.0:
                return None  # "ein" + "sagen": no verb, the particle belongs to another one
            return k if any(x.text == "," for x in toks[i + 1 : k]) else None
        if t.is_finite or t.tag in ("KOUS", "PRELS", "PWS", "PWAV") or t.text in {";", ":", "„", "“"} | SENT_END:
            return None
    return None


#: verbs whose Perfekt takes "sein" when they mean moving somewhere and "haben" with an object
#: intransitive verbs whose perfect takes "sein", where ablaut's data says "haben"
_SEIN_VERBS = {"eintreten", "passieren", "eilen", "wandern", "aufbrechen", "zurücktreten", "abstürzen", "einstürzen",
               "auftreten", "beitreten", "austreten", "übertreten"}
#: verbs with "sein" when they have no object ("Mannschaften traten gegeneinander an" → "sind angetreten"),
#: with "haben" when they have one ("trat die Reise an" → "hat die Reise angetreten")
_SEIN_WITHOUT_OBJECT = {"antreten"}


def _goes_somewhere(toks: list[Tok], i: int) -> bool:
    """A motion verb without an accusative object ("zog 2014 nach Lünen", "fuhr mit dem Bus")."""
    for k in range(i + 1, len(toks)):
        t = toks[k]
        if t.text in {",", ";", ":"} | SENT_END:
            break
        if t.tag in ("ART", "PPOSAT", "PDAT", "PIAT") and not toks[k - 1].tag.startswith("APPR") \
                and not toks[k - 1].tag.startswith("ADJ"):
            return False
        if t.tag in ("PPER", "PRF") and t.text.lower() in ("ihn", "sie", "es", "mich", "dich", "uns", "euch", "sich"):
            return False
    return True


def _nominative_article(article: Tok, noun: Tok) -> bool:
    """Whether ``article`` can be the nominative article of ``noun`` ("der Verein", "die Kinder"; not "der
    Bälle", "den Kindern")."""
    info = noun_info(noun.lemma) if noun.is_noun else None
    if info is None:
        return True
    plural = noun.text in info.number_forms("plural") and noun.text not in info.number_forms("singular")
    want = "die" if plural else {"m": "der", "f": "die", "n": "das"}.get(info.genus, "")
    return article.text.lower() == want


def _clause_is_verb_final(toks: list[Tok], i: int) -> bool:
    """Whether the clause holding the verb at ``i`` is a subordinate (verb-final) clause: it starts with
    a subordinating conjunction, a relative or interrogative word. "Pusch sprach." is a main clause."""
    comma = next((k for k in range(i - 1, 0, -1) if toks[k].text in {",", ";", ":"} | SENT_END), None)
    if comma is not None and toks[comma].text == "," and toks[comma - 1].tag == "NN" and comma + 2 < i and \
            agrees_with_relative(toks[comma - 1], toks[comma + 1].text.lower()) and \
            toks[comma + 1].text.lower() in ("der", "die", "das", "den", "dem", "denen") and \
            (i + 1 >= len(toks) or toks[i + 1].text in {",", ";", ":"} | SENT_END):
        return True  # "In einem Fall, den Popescu schilderte, …": a relative pronoun read as an article
    if comma is not None and toks[comma].text == "," and comma + 2 < i and \
            toks[comma + 1].text.lower() in ("der", "die", "das", "den", "dem", "denen") and \
            (i + 1 >= len(toks) or toks[i + 1].text in {",", ";", ":"} | SENT_END) and \
            not any(t.is_finite for t in toks[comma + 1 : i]) and (
                i > comma + 3 or not _nominative_article(toks[comma + 1], toks[comma + 2])):
        return True  # "…, der Bälle kaufte": the verb last after a d-word that is no subject's article
    if comma is not None and comma == i - 1 and toks[comma].text == ",":
        # "Wie der Sprecher, Herr Albers, sagte": the verb after an apposition closes the clause before it
        bounds = [k for k in range(comma) if toks[k].text in {",", ";", ":"} | SENT_END]
        start = bounds[-2] + 1 if len(bounds) >= 2 else 0
        if toks[start].tag in ("KOUS", "PWAV", "PWS") and not any(t.is_finite for t in toks[start:comma]):
            return True
    start = i
    while start > 0 and toks[start - 1].text not in {";", ":"} | SENT_END:
        if toks[start - 1].text == ",":
            # "wie Menschen aus Italien, Griechenland, der Türkei und dem Iran kamen": a comma between nouns
            # of an enumeration is no clause boundary
            if not (start >= 2 and toks[start - 2].is_noun and toks[start].tag in ("NE", "NN", "ART", "ADJ(A)")):
                break
        start -= 1
    if start + 1 < i and toks[start].text.lower() in ("aber", "und", "doch", "oder") and toks[start + 1].tag == "KOUS":
        start += 1  # "Aber als die Kinder lachten, …": the conjunction stands before the clause
    first = toks[start]
    if first.tag in ("KOUS", "PRELS", "PRELAT", "PWS", "PWAV", "PWAT"):
        return True
    if first.tag.startswith("APPR") and start + 1 < i:
        second = toks[start + 1]
        return second.tag in ("PRELS", "PWS", "PWAV") or (second.tag == "ART" and start > 0)
    return False


def check(toks: list[Tok], ctx: Context) -> list[Finding]:
    from lesbar.simplify.rules import Finding

    if ctx.level != "leicht":
        return []
    hits = detect(toks)
    if not hits:
        return []
    return [Finding(ID, "Präteritum: im Perfekt schreiben (hat … gemacht)", [toks[i].text for i, _ in hits])]
