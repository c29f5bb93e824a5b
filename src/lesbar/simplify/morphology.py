"""Verb and noun morphology: Konjunktiv detection and conversion (ablaut), noun cases (german-nouns).

HanTa gives lemma and part of speech but no mood, person or case; ablaut conjugates any German verb
(both Konjunktiv rows, separable verbs) and german-nouns has full case tables with gender. Both are
looked up by lemma, so no reverse index of forms has to be built. Tables are cached per lemma.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)
_lock = threading.Lock()


@dataclass(frozen=True)
class VerbTable:
    infinitive: str
    present: tuple[str, ...]
    preterite: tuple[str, ...]
    konj1: tuple[str, ...]
    konj2: tuple[str, ...]
    participle: str
    auxiliary: str


def _first(form: str | None) -> str:
    """The finite part of a (possibly separable) form: ``nehme ein`` → ``nehme``."""
    return (form or "").split(" ")[0]


#: verbs whose common sense takes "haben" where ablaut gives "sein" (ablaut knows "Das Essen ist mir gut
#: bekommen"; reports mean "hat Hilfe bekommen")
_HABEN_VERBS = {"bekommen", "übersteigen", "durchlaufen", "übergehen", "belaufen", "beeilen", "abschrecken",
                "fortfahren", "hocken"}


@lru_cache(maxsize=20_000)
def verb_table(lemma: str) -> VerbTable | None:
    """ablaut's table for ``lemma`` with finite parts only, or None if ablaut does not know the verb."""
    import ablaut

    if not lemma or not lemma.isalpha() or not lemma.islower():
        return None
    try:
        t = ablaut.conjugate(lemma)
    except (ValueError, KeyError):
        return None
    if " " not in (t.present[2] or "") and (word := _word_particle(lemma)):
        # "schwerfallen": ablaut conjugates it as one verb ("geschwerfallt"); it is "fallen" with "schwer"
        base = verb_table(lemma[len(word) :])
        if base is not None:
            return replace(base, infinitive=lemma, participle=word + base.participle)
    if lemma in _INSEPARABLE:
        # "überlässt", "überließ", "überlassen": the prefix stays on the verb and the participle has no "ge"
        prefix = next((f.split(" ")[1] for f in t.present if f and " " in f), "")
        participle = t.past_participle or ""
        if prefix and participle.startswith(prefix + "ge"):
            participle = prefix + participle[len(prefix) + 2 :]
        return VerbTable(
            infinitive=lemma,
            present=tuple(prefix + _first(f) for f in t.present),
            preterite=tuple(prefix + _first(f) for f in t.preterite),
            konj1=tuple(prefix + _first(f) for f in t.konjunktiv1),
            konj2=tuple(prefix + _first(f) for f in t.konjunktiv2),
            participle=participle,
            auxiliary="haben",
        )
    return VerbTable(
        infinitive=lemma,
        present=tuple(_first(f) for f in t.present),
        preterite=tuple(_first(f) for f in t.preterite),
        konj1=tuple(_first(f) for f in t.konjunktiv1),
        konj2=tuple(_first(f) for f in t.konjunktiv2),
        participle=t.past_participle or "",
        auxiliary="haben" if lemma in _HABEN_VERBS else t.auxiliary or "haben",
    )


@lru_cache(maxsize=20_000)
def present_form(lemma: str, index: int) -> str:
    """The present-tense finite form (person/number ``index`` 0–5) of ``lemma``, or ``""``."""
    table = verb_table(lemma)
    return table.present[index] if table else ""


def is_present_form(form: str, lemma: str) -> bool:
    """Whether ``form`` is one of the present-tense forms of ``lemma`` ("übersetzt", "informieren"): a
    word the tagger read as a participle or infinitive may be the finite verb."""
    table = verb_table(lemma)
    return table is not None and form.lower() in table.present


def is_participle_form(form: str, lemma: str) -> bool:
    """Whether ``form`` is the past participle of ``lemma`` ("bewegt", "betrieben"): a word the tagger read
    as finite, as a noun or as an infinitive may be the participle."""
    table = verb_table(lemma)
    return table is not None and form.lower() in table.participle.split()


#: verbs ablaut splits although their usual sense is inseparable ("überlässt", "unterschreibt")
_INSEPARABLE = {"überlassen", "unterschreiben", "unterliegen", "überwiegen", "unterbreiten", "unterlaufen",
                "durchschauen", "durchdringen", "durchleuchten", "durchforsten", "überspringen", "überfahren",
                "überdecken", "überschreiben", "umsorgen", "durchkreuzen"}


@lru_cache(maxsize=20_000)
def separable_particle(lemma: str) -> str:
    """``ein`` for ``einnehmen`` (from ablaut's split present form), ``""`` for inseparable verbs."""
    import ablaut

    if lemma in _INSEPARABLE:
        return ""
    try:
        form = ablaut.conjugate(lemma).present[2] or ""
    except (ValueError, KeyError):
        return ""
    parts = form.split(" ")
    if len(parts) == 2:
        return parts[1]
    return _word_particle(lemma)


@lru_cache(maxsize=20_000)
def _word_particle(lemma: str) -> str:
    """"schwer" for "schwerfallen": ablaut does not know adjectives and nouns as separable particles."""
    from wordfreq import zipf_frequency

    for word in _WORD_PARTICLES:
        rest = lemma[len(word) :]
        if lemma.startswith(word) and len(rest) > 3 and zipf_frequency(rest, "de") >= 3.5 and \
                verb_table(rest) is not None:
            return word  # (not "offenbaren": "baren" is no verb)
    return ""


#: adjectives and other words that are separable parts of a verb ("fällt schwer", "steht bereit")
_WORD_PARTICLES = ("schwer", "leicht", "bereit", "fest", "frei", "hoch", "offen", "kennen", "fern", "nahe",
                   "wahr", "schief", "sicher", "klar", "stand", "statt", "zurecht", "übrig")


@dataclass(frozen=True)
class Mood:
    """A detected Konjunktiv form: which row, the person index and the indicative replacement."""

    kind: str  # "konj1" | "konj2"
    index: int
    indicative: str


def _lemma_candidates(form: str, lemma: str) -> list[str]:
    """HanTa's lemma; simplemma's only when ablaut does not know HanTa's (loading it costs ~1–3 s)."""
    cands = [lemma] if lemma else []
    if lemma and verb_table(lemma) is not None:
        return cands
    try:
        import simplemma

        alt = simplemma.lemmatize(form.lower(), lang="de")
        if alt and alt not in cands:
            cands.append(alt.lower())
    except Exception:  # noqa: BLE001 - simplemma is a fallback only
        pass
    return [c for c in cands if c]


def konjunktiv(form: str, lemma: str, first_person_near: bool = False) -> Mood | None:
    """Detect a Konjunktiv I/II finite form and give its indicative (present tense) replacement.

    A form counts as Konjunktiv when it is in a Konjunktiv row of ablaut's table but not in the
    present or preterite rows (so ``haben``/``gingen`` are not flagged). A 3rd-person form that equals
    the 1st person present (``habe``, ``gebe``) counts unless ``ich`` is near (``first_person_near``).
    """
    low = form.lower()
    if low.startswith("möcht"):
        return None  # "möchte" is used as a verb of its own (polite "want"), not as Konjunktiv of "mögen"
    if lemma == "brauchen" and low.startswith("bräucht"):
        low = "braucht" + low[len("bräucht"):]  # "bräuchten": the common umlaut form ablaut's table lacks
        table = verb_table("brauchen")
        if table is not None and low in table.konj2:
            idx = table.konj2.index(low)
            idx = 2 if idx == 0 and not first_person_near else idx
            return Mood("konj2", idx, table.present[idx])
    for cand in _lemma_candidates(low, lemma.lower()):
        table = verb_table(cand)
        if table is None:
            continue
        indicative_forms = set(table.present) | set(table.preterite)
        particle = separable_particle(cand)
        joined = ""
        if particle and low.startswith(particle) and len(low) > len(particle) + 1:
            joined, low = particle, low[len(particle):]  # "vorhätten" in a verb-final clause
        for kind, row in (("konj1", table.konj1), ("konj2", table.konj2)):
            if low not in row:
                continue
            idx = row.index(low)
            if low in indicative_forms:
                # habe/gebe/sage: 3rd singular Konjunktiv equals 1st singular indicative
                if kind == "konj1" and idx in (0, 2) and low == table.present[0] and not first_person_near:
                    return Mood(kind, 2, joined + table.present[2])
                continue
            if idx == 0 and row[0] == row[2] and not first_person_near:
                idx = 2  # reports speak of third persons ("ich hätte" stays the first person)
            if idx == 3 and row[3] == row[5]:
                idx = 3
            return Mood(kind, idx, joined + table.present[idx])
        low = form.lower()
    return None


# ----------------------------------------------------------------------------------------- nouns


@lru_cache(maxsize=1)
def _nouns() -> Any:
    from german_nouns.lookup import Nouns

    log.debug("loading german-nouns")
    return Nouns()


@dataclass(frozen=True)
class NounInfo:
    lemma: str
    genus: str  # m | f | n | "" (plural only)
    flexion: dict[str, str]

    def number_forms(self, number: str) -> set[str]:
        """Every form of the noun in ``number`` ("singular" or "plural"), over all cases."""
        return {v for k, v in self.flexion.items() if number in k}


@lru_cache(maxsize=20_000)
def noun_info(lemma: str) -> NounInfo | None:
    """Gender and case table of a noun lemma; for compounds the head's table with the prefix kept."""
    if not lemma or not lemma[:1].isalpha():
        return None
    with _lock:
        entries = _nouns()[lemma]
    for entry in entries:
        flex = entry.get("flexion") or {}
        if "Substantiv" in (entry.get("pos") or []) and flex:
            genus = entry.get("genus") or entry.get("genus 1") or ""
            return NounInfo(lemma, genus, dict(flex))
    if lemma.endswith("schaft") and len(lemma) > 7 and lemma != "Mannschaft":
        # "Handwerkerschaft", "Elternschaft": the suffix -schaft makes a feminine noun; its head is not the
        # masculine noun "Schaft"
        model = noun_info("Mannschaft")
        if model is not None:
            return NounInfo(lemma, "f", {k: v.replace("Mannschaft", lemma) if v else v for k, v in model.flexion.items()})
    # compound: find the longest known head and keep the prefix
    for i in range(1, len(lemma) - 2):
        head = lemma[i:].capitalize()
        if len(head) < 3:
            break
        info = noun_info(head) if len(head) < len(lemma) else None
        if info is not None:
            prefix = lemma[:i]
            # "Integrationskurs" → "…kurs"; after a hyphen the head keeps its capital ("Online-Kurs")
            flex = {k: prefix + (v if prefix.endswith("-") else v[0].lower() + v[1:]) if v else v
                    for k, v in info.flexion.items()}
            return NounInfo(lemma, info.genus, flex)
    if "ß" in lemma:  # HanTa gives some lemmas in the old spelling ("Integrationsprozeß")
        return noun_info(lemma.replace("ß", "ss"))
    return None


def is_place_name(word: str) -> bool:
    """"Heinsberg", "Wittlich": a place name (german-nouns' toponyms) that is no common noun ("Berg")."""
    with _lock:
        entries = _nouns()[word]
    return any("Toponym" in (e.get("pos") or []) for e in entries) and not any(
        e.get("genus") and "Toponym" not in (e.get("pos") or []) for e in entries)


def is_known_noun(word: str) -> bool:
    """True when ``word`` (capitalised) is a noun lemma in german-nouns."""
    if not word or not word[0].isupper():
        return False
    with _lock:
        entries = _nouns()[word]
    return any("Substantiv" in (e.get("pos") or []) for e in entries)


def form_of(info: NounInfo, key: str) -> str:
    """The form for ``key`` ("nominativ singular"), also where german-nouns numbers variants ("… 1")."""
    return info.flexion.get(key) or info.flexion.get(key + " 1") or ""


def dative(info: NounInfo, plural: bool) -> str:
    key = "dativ plural" if plural else "dativ singular"
    form = form_of(info, key)
    other = info.flexion.get(key + "*", "")
    if not plural and other and form == other + "e":
        return other  # "vom Amt", not the old "vom Amte" (german-nouns lists either first)
    return form


def forms(info: NounInfo, case: str) -> set[str]:
    return {v for k, v in info.flexion.items() if k.startswith(case) and v}


#: forms that are only Konjunktiv II (never a preterite): beside them a clause speaks of what is not real
UNREAL_FORMS = frozenset({"wäre", "wären", "hätte", "hätten", "würde", "würden", "könnte", "könnten", "müsste",
                          "müssten"})
