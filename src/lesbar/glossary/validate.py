"""Checks of glossaries for staff: what is wrong, where (file, "Zeile 12"), and how serious.

Errors make ``lesbar glossary validate`` exit non-zero: a file that cannot be read, the same word or
abbreviation claimed by two different entries (the matcher could only pick one), duplicate entries, empty
translations. Warnings are for review: missing languages, long sentences in a Leichte-Sprache explanation,
"do not translate" entries that carry translations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lesbar.glossary.entry import LANGUAGES, Entry
from lesbar.glossary.errors import GlossaryError
from lesbar.glossary.glossary_set import GlossarySet
from lesbar.glossary.yamlfile import GlossaryFile, read_glossary

#: A Leichte-Sprache sentence longer than this is flagged (guidelines: short sentences, one statement).
MAX_LEICHT_WORDS = 12
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+|\n")


@dataclass
class Problem:
    level: str  # "error" | "warning"
    message: str
    path: str = ""
    line: int = 0
    entry_id: str = ""

    def __str__(self) -> str:
        where = self.path + (f", Zeile {self.line}" if self.line else "")
        label = "Fehler" if self.level == "error" else "Hinweis"
        return f"{where}: {label}: {self.message}" if where else f"{label}: {self.message}"


def _at(entry: Entry) -> dict[str, object]:
    return {"path": entry.source, "line": entry.line, "entry_id": entry.id}


def check_files(paths: list[Path]) -> tuple[list[GlossaryFile], list[Problem]]:
    """Read every file; a broken one becomes an error with its line instead of stopping the check."""
    files, problems = [], []
    for path in paths:
        try:
            files.append(read_glossary(path))
        except GlossaryError as exc:
            problems.append(Problem("error", exc.message, exc.path or str(path), exc.line))
    return files, problems


def check_entries(glossary: GlossarySet, languages: tuple[str, ...] = LANGUAGES) -> list[Problem]:
    problems: list[Problem] = []
    claimed: dict[tuple[str, str], Entry] = {}
    for entry in glossary.entries:
        words = [(s.casefold(), "term") for s in entry.surfaces()]
        words += [(a, "abbreviation") for a in entry.abbreviations]
        if entry.case_sensitive:
            words = [(s, "term") for s in entry.surfaces()] + words[len(entry.surfaces()):]
        for word, kind in dict.fromkeys(words):
            other = claimed.get((word, kind))
            if other is not None and other.id != entry.id:
                same = _comparable(other) == _comparable(entry)
                what = "Abkürzung" if kind == "abbreviation" else "Begriff"
                label = "doppelter Eintrag" if same else "widersprüchliche Einträge"
                problems.append(Problem("error", f"{label}: {what} „{word if kind == 'abbreviation' else _shown(entry, word)}“ "
                                                 f"steht in „{entry.id}“ und in „{other.id}“ ({other.source}, Zeile "
                                                 f"{other.line}). Bitte einen der Einträge löschen oder ändern.",
                                        **_at(entry)))  # type: ignore[arg-type]
            else:
                claimed[(word, kind)] = entry
        for item in [*entry.variants, *entry.forms, *entry.abbreviations]:
            if "|" in item:
                problems.append(Problem("error", f"„{item}“: das Zeichen „|“ ist in Wortlisten nicht erlaubt "
                                                 "(es trennt die Wörter in der CSV-Datei).", **_at(entry)))  # type: ignore[arg-type]
        for lang, target in entry.targets.items():
            if not target.term.strip():
                problems.append(Problem("error", f"„{entry.term}“: die Übersetzung „{lang}“ ist leer. Bitte "
                                                 "ausfüllen oder die Sprache entfernen.", **_at(entry)))  # type: ignore[arg-type]
        if entry.dnt and entry.targets:
            problems.append(Problem("warning", f"„{entry.term}“ ist als „nicht übersetzen“ markiert, hat aber "
                                               f"Übersetzungen ({', '.join(entry.targets)}).", **_at(entry)))  # type: ignore[arg-type]
        if not entry.dnt:
            missing = [lang for lang in languages if lang not in entry.targets]
            if missing:
                problems.append(Problem("warning", f"„{entry.term}“: keine Übersetzung für {', '.join(missing)}.",
                                        **_at(entry)))  # type: ignore[arg-type]
        if not entry.leicht.strip():
            problems.append(Problem("warning", f"„{entry.term}“: keine Erklärung in Leichter Sprache.",
                                    **_at(entry)))  # type: ignore[arg-type]
        for sentence in _SENTENCE_END.split(entry.leicht):
            words = sentence.split()
            if len(words) > MAX_LEICHT_WORDS:
                problems.append(Problem("warning", f"„{entry.term}“: der Satz „{sentence.strip()}“ ist für Leichte "
                                                   f"Sprache zu lang ({len(words)} Wörter, höchstens "
                                                   f"{MAX_LEICHT_WORDS}).", **_at(entry)))  # type: ignore[arg-type]
    return problems


def _shown(entry: Entry, folded: str) -> str:
    return next((s for s in entry.surfaces() if s.casefold() == folded), folded)


def _comparable(entry: Entry) -> dict[str, object]:
    data = entry.to_dict()
    for key in ("id", "source", "line", "changed_by", "changed_at"):
        data.pop(key, None)
    return data


def validate(paths: list[Path], languages: tuple[str, ...] = LANGUAGES) -> list[Problem]:
    """All problems of the glossaries ``paths`` (in precedence order), errors first."""
    files, problems = check_files(paths)
    problems += check_entries(GlossarySet(files), languages)
    return sorted(problems, key=lambda p: (p.level != "error", p.path, p.line))
