"""The word lists the rules use, read once from ``lesbar/simplify/data`` (data in files, not code)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("lesbar.simplify").joinpath("data", name).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _table(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _lines(name)]


@dataclass(frozen=True)
class Abbreviation:
    short: str
    long: str
    kind: str  # fixed | title | acronym


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, Abbreviation]:
    return {row[0]: Abbreviation(row[0], row[1], row[2] if len(row) > 2 else "fixed") for row in _table("abbreviations.tsv")}


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    return frozenset(_lines("speech_verbs.txt"))


@lru_cache(maxsize=1)
def roles() -> frozenset[str]:
    return frozenset(_lines("roles.txt"))


#: endings of nouns for persons ("Elektroniker", "Leiterin", "Präsident", "Pädagogin")
PERSON_SUFFIXES = ("er", "erin", "in", "ent", "entin", "ist", "istin", "or", "orin", "eur", "eurin", "ige",
                   "beauftragte", "vorsitzende", "angestellte", "jährige")  # adjectives used as nouns for people


#: nouns for people that name someone new, not the person named before ("Die Mutter sagte …")
#: academic titles before a name ("Dr. Ute Kramer", "Professorin Aylin Demir"), written out or not
#: verbs of motion whose perfect takes "sein" when they go somewhere ("ist nach Bocholt gezogen")
MOTION_VERBS = frozenset({"stoßen", "ziehen", "umziehen", "fahren", "fliegen", "reiten", "schwimmen", "rudern", "segeln", "wegziehen",
           "zurückziehen", "einziehen", "ausziehen", "wegfahren", "zurückfahren", "mitfahren"})
TITLES = frozenset({"Dr.", "Doktor", "Prof.", "Professor", "Professorin"})
PEOPLE_NOUNS = frozenset({"Mann", "Frau", "Mädchen", "Junge", "Kind", "Mensch", "Person", "Herr", "Dame", "Mutter",
                          "Vater", "Sohn", "Tochter", "Bruder", "Schwester", "Oma", "Opa", "Großmutter",
                          "Großvater", "Arzt", "Ärztin", "Nachbar", "Nachbarin", "Gast", "Kunde", "Kundin",
                          "Zeuge", "Zeugin", "Kollege", "Kollegin", "Freund", "Freundin", "Chef", "Chefin", "Koch",
                          "Köchin", "Experte", "Expertin", "Schüler", "Schülerin", "Ehemann", "Ehefrau",
                          "Eltern", "Großeltern", "Leute", "Geschwister", "Hebamme", "Witwe", "Witwer", "Wirt",
                          "Wirtin"})


def is_person_noun(text: str, tag: str) -> bool:
    """"Elektroniker", "Leiterin", "27-Jährige", "Vorsitzende", "Mutter", a role: a noun for a person, not
    "der Appell"."""
    if tag == "NNA" or text in roles() or text in PEOPLE_NOUNS:
        return True
    low = text.lower()
    if not low.endswith(PERSON_SUFFIXES):
        return False
    if low.endswith("in") and not low.endswith(("erin", "entin", "istin", "orin", "eurin")):
        # "Ärztin", "Kollegin" are feminine; "Verein", "Termin" are not and name no person
        from lesbar.simplify.morphology import noun_info

        info = noun_info(text)
        return info is None or info.genus == "f"
    return True


@lru_cache(maxsize=1)
def _name_detector():  # type: ignore[no-untyped-def]
    import gender_guesser.detector as detector

    return detector.Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def first_name_gender(name: str) -> str:
    """"f" or "m" for a first name that is clearly one or the other in gender-guesser's international
    name list ("Anna", "Yusuf"), "" for names used for both, rare or unknown ones ("Kim", "Yonas"). It
    lets a speaker named only by name speak as "ich" without the text having to show the gender."""
    if not name[:1].isupper() or not name.isalpha():
        return ""
    found = _name_detector().get_gender(name)
    return {"female": "f", "male": "m"}.get(found, "")


@lru_cache(maxsize=1)
def replacements(level: str) -> dict[str, str]:
    out = {}
    for row in _table("replacements.tsv"):
        levels = row[2].split(",") if len(row) > 2 else []
        if level in levels:
            out[row[0]] = row[1]
    return out


@lru_cache(maxsize=1)
def idioms() -> dict[str, frozenset[str]]:
    """Term → verbs with which it is a fixed everyday phrase ("Bescheid geben"), from ``idioms.tsv``."""
    return {row[0]: frozenset(row[1].split()) for row in _table("idioms.tsv") if len(row) > 1}


@lru_cache(maxsize=1)
def antonyms() -> dict[tuple[str, ...], list[str]]:
    return {tuple(row[0].split()): row[1].split() for row in _table("antonyms.tsv")}


@lru_cache(maxsize=1)
def number_words() -> dict[str, str]:
    return {row[0]: row[1] for row in _table("number_words.tsv")}


@lru_cache(maxsize=1)
def filler_words() -> frozenset[str]:
    return frozenset(_lines("filler_words.txt"))


@lru_cache(maxsize=1)
def compound_blocklist() -> frozenset[str]:
    return frozenset(_lines("compound_blocklist.txt"))


@lru_cache(maxsize=1)
def compound_prefixes() -> frozenset[str]:
    return frozenset(_lines("compound_prefixes.txt"))
