"""The glossary's data classes: an entry, its per-language target terms, and a match in running text.

The field set is the public contract used by simplification (``leicht``/``einfach``/``plain``), translation
(``targets``/``dnt``) and the translation memory (``GlossarySet.version``); see docs/glossary.md.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

#: Target languages every entry is expected to cover (the county's main community languages).
LANGUAGES: tuple[str, ...] = ("en", "ar", "tr", "uk", "ru", "fa")
#: Review status of an entry and of a target term.
STATUSES: tuple[str, ...] = ("draft", "approved")
#: Parts of speech an entry may declare; ``noun`` and ``name`` get generated inflected forms.
POS_VALUES: tuple[str, ...] = ("noun", "name", "abbreviation", "adjective", "verb", "phrase", "other", "")
GENDERS: tuple[str, ...] = ("m", "f", "n", "pl", "")


@dataclass
class Target:
    """The fixed translation of an entry into one language."""

    term: str
    status: str = "draft"


@dataclass
class Entry:
    """One glossary term with everything simplification and translation need to treat it consistently."""

    id: str
    term: str
    variants: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    abbreviations: list[str] = field(default_factory=list)
    pos: str = "noun"
    gender: str = ""
    leicht: str = ""
    einfach: str = ""
    plain: str = ""
    targets: dict[str, Target] = field(default_factory=dict)
    dnt: bool = False
    case_sensitive: bool = False
    #: Also match the term as a part of a hyphenated compound ("NRW-Ministerium", "Integrationskurs-Träger").
    in_compounds: bool = True
    note: str = ""
    status: str = "draft"
    changed_by: str = ""
    changed_at: str = ""
    #: The file the entry was read from (not stored in the file itself).
    source: str = ""
    #: Line of the entry in its file (1-based; 0 if not read from a file); for messages, not stored.
    line: int = 0

    def surfaces(self) -> list[str]:
        """The term and its variants: the words an author writes for this concept (without abbreviations)."""
        return [self.term, *self.variants]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON (web editor, reports); ``source``/``line`` included."""
        data = asdict(self)
        data["targets"] = {lang: asdict(t) for lang, t in self.targets.items()}
        return data

    def content_hash(self) -> str:
        """A short hash of the stored content (not of ``source``/``line``): the editor's version check."""
        data = self.to_dict()
        data.pop("source", None)
        data.pop("line", None)
        raw = json.dumps(data, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


#: Fields stored in a glossary file, in the order they are written (diff-friendly, stable).
STORED_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Entry) if f.name not in ("source", "line"))
LIST_FIELDS = frozenset({"variants", "forms", "abbreviations"})
BOOL_FIELDS = frozenset({"dnt", "case_sensitive", "in_compounds"})


@dataclass
class Match:
    """An occurrence of a glossary entry in a text: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    entry: Entry
    kind: str  # "term" | "abbreviation"
