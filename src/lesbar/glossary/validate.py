"""Checks of glossaries for staff: what is wrong, where (file, "Zeile 12"), and how serious.

Errors make ``lesbar glossary validate`` exit non-zero: a file that cannot be read, the same word or
abbreviation claimed by two different entries (the matcher could only pick one), duplicate entries, empty
translations. Warnings are for review: missing languages, long sentences in a Leichte-Sprache explanation,
"do not translate" entries that carry translations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

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


def _problem(level: str, message: str, entry: Entry) -> Problem:
    return Problem(level, message, entry.source, entry.line, entry.id)


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
                problems.append(_problem("error", f"{label}: {what} „{word if kind == 'abbreviation' else _shown(entry, word)}“ "
                                                 f"steht in „{entry.id}“ und in „{other.id}“ ({other.source}, Zeile "
                                                 f"{other.line}). Bitte einen der Einträge löschen oder ändern.", entry))
            else:
                claimed[(word, kind)] = entry
        for item in [*entry.variants, *entry.forms, *entry.abbreviations]:
            if "|" in item:
                problems.append(_problem("error", f"„{item}“: das Zeichen „|“ ist in Wortlisten nicht erlaubt "
                                                 "(es trennt die Wörter in der CSV-Datei).", entry))
        for lang, target in entry.targets.items():
            if not target.term.strip():
                problems.append(_problem("error", f"„{entry.term}“: die Übersetzung „{lang}“ ist leer. Bitte "
                                                 "ausfüllen oder die Sprache entfernen.", entry))
        if entry.dnt and entry.targets:
            problems.append(_problem("warning", f"„{entry.term}“ ist als „nicht übersetzen“ markiert, hat aber "
                                               f"Übersetzungen ({', '.join(entry.targets)}).", entry))
        if not entry.dnt:
            missing = [lang for lang in languages if lang not in entry.targets]
            if missing:
                problems.append(_problem("warning", f"„{entry.term}“: keine Übersetzung für {', '.join(missing)}.", entry))
        if not entry.leicht.strip():
            problems.append(_problem("warning", f"„{entry.term}“: keine Erklärung in Leichter Sprache.", entry))
        for sentence in _SENTENCE_END.split(entry.leicht):
            for hint in leicht_hints(sentence):
                problems.append(_problem("warning", f"„{entry.term}“: in Leichter Sprache kein {hint}, bitte "
                                                    f"umformulieren: „{sentence.strip()}“", entry))
            count = len(sentence.split())
            if count > MAX_LEICHT_WORDS:
                problems.append(_problem("warning", f"„{entry.term}“: der Satz „{sentence.strip()}“ ist für Leichte "
                                                   f"Sprache zu lang ({count} Wörter, höchstens "
                                                   f"{MAX_LEICHT_WORDS}).", entry))
    return problems


@lru_cache(maxsize=1)
def _leicht_lists() -> tuple[frozenset[str], frozenset[str]]:
    text = (resources.files("lesbar.glossary") / "data" / "leicht_checks.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return frozenset(data["konjunktiv"]), frozenset(data["passive_auxiliaries"])


_WORD = re.compile(r"[^\W\d_]+")


def leicht_hints(sentence: str) -> list[str]:
    """Konjunktiv and passive in one Leichte-Sprache sentence (a participle ge…t/ge…en after werden)."""
    konjunktiv, auxiliaries = _leicht_lists()
    words = _WORD.findall(sentence)
    lower = [w.lower() for w in words]
    hints = []
    found = [w for w in lower if w in konjunktiv]
    if found:
        hints.append(f"Konjunktiv („{found[0]}“)")
    if any(w in auxiliaries for w in lower):
        after = lower[next(i for i, w in enumerate(lower) if w in auxiliaries) + 1:]
        if any(_participle(w) for w in after):
            hints.append("Passiv")
    return hints


def _participle(word: str) -> bool:
    """A past participle by its shape: ge…t/ge…en, be-/ver-/er-/ent-/zer-/emp-…t, …iert."""
    if len(word) < 5:
        return False
    if word.startswith("ge") and word.endswith(("t", "en")):
        return True
    if word.startswith(("be", "ver", "er", "ent", "zer", "emp")) and word.endswith("t"):
        return True
    return word.endswith("iert")


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
