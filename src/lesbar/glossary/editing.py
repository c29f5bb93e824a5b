"""Checks of one entry before it is saved, shared by the CLI and the web editor (German messages).

These are the hard rules (a violation is never written); softer review hints live in
:mod:`lesbar.glossary.validate`.
"""

from __future__ import annotations

from collections.abc import Iterable

from lesbar.glossary.entry import GENDERS, POS_VALUES, STATUSES, Entry
from lesbar.glossary.yamlfile import _ID_RE, _LANG_RE


def field_problems(entry: Entry) -> dict[str, str]:
    """Problems by field name ("term", "targets.en", …); empty if the entry may be saved."""
    problems: dict[str, str] = {}
    if not entry.term.strip():
        problems["term"] = "Bitte den Begriff eingeben."
    elif "\n" in entry.term or len(entry.term) > 200:
        problems["term"] = "Der Begriff muss kurz sein und in eine Zeile passen."
    if not _ID_RE.match(entry.id):
        problems["id"] = ("Die id darf nur Kleinbuchstaben a–z, Ziffern, „-“, „_“ und „.“ enthalten, "
                          "z. B. „integrationskurs“.")
    if entry.pos not in POS_VALUES:
        problems["pos"] = f"Unbekannte Wortart „{entry.pos}“."
    if entry.gender not in GENDERS:
        problems["gender"] = f"Unbekanntes Genus „{entry.gender}“ (m, f, n oder pl)."
    if entry.status not in STATUSES:
        problems["status"] = "Der Status muss „draft“ (Entwurf) oder „approved“ (freigegeben) sein."
    for name, label in (("variants", "Varianten"), ("abbreviations", "Abkürzungen"), ("forms", "Formen")):
        bad = [item for item in getattr(entry, name) if "|" in item]
        if bad:
            problems[name] = f"{label}: das Zeichen „|“ ist nicht erlaubt („{bad[0]}“)."
    for item in entry.abbreviations:
        if " " in item.strip() and not any(ch == "." for ch in item):
            problems["abbreviations"] = f"Abkürzungen sind einzelne Wörter („{item}“). Mehrere bitte einzeln angeben."
            break
    for lang, target in entry.targets.items():
        if not _LANG_RE.match(lang):
            problems[f"targets.{lang}"] = f"„{lang}“ ist kein Sprachcode (z. B. en, ar, tr, uk, ru, fa)."
        elif not target.term.strip():
            problems[f"targets.{lang}"] = f"Die Übersetzung „{lang}“ ist leer. Bitte ausfüllen oder entfernen."
        elif target.status not in STATUSES:
            problems[f"targets.{lang}"] = f"Unbekannter Status „{target.status}“."
    return problems


def entry_problems(entry: Entry) -> list[str]:
    return list(field_problems(entry).values())


def _claims(entry: Entry) -> set[tuple[str, str]]:
    """The words an entry claims in running text, as :func:`lesbar.glossary.validate.check_entries` sees them."""
    words = {((s.strip() if entry.case_sensitive else s.strip().casefold()), "term") for s in entry.surfaces()}
    return words | {(a.strip(), "abbreviation") for a in entry.abbreviations}


def conflict_problem(entry: Entry, others: Iterable[Entry], before: Entry | None = None) -> str:
    """Why ``entry`` may not be saved next to ``others`` (a term, variant or abbreviation another entry
    already has, which ``lesbar glossary validate`` reports as an error); empty if there is no conflict.
    With ``before`` (the entry as it was) only words the change adds count: an old conflict elsewhere
    does not block an unrelated edit."""
    mine = _claims(entry) - (_claims(before) if before is not None else set())
    for other in others:
        if other.id == entry.id:
            continue
        shared = mine & _claims(other)
        if shared:
            word, kind = sorted(shared)[0]
            shown = word if kind == "abbreviation" else next(
                (s for s in entry.surfaces() if s.strip().casefold() == word.casefold()), word)
            what = "Die Abkürzung" if kind == "abbreviation" else "Den Begriff"
            return (f"{what} „{shown}“ gibt es schon im Eintrag „{other.id}“ („{other.term}“). Bitte den "
                    f"vorhandenen Eintrag ändern: lesbar glossary edit {other.id} …")
    return ""
