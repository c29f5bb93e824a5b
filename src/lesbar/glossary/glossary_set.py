"""Several glossary files combined into one set: later files win, entry by entry (by id).

A later file replaces an earlier file's entry with the same id as a whole, or removes it with a
``removed: true`` marker (how staff "delete" a shipped entry without touching the shipped file).
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from pathlib import Path

from lesbar.glossary.entry import Entry, Match
from lesbar.glossary.forms import FormCache, entry_forms, linking_forms
from lesbar.glossary.matcher import Matcher
from lesbar.glossary.yamlfile import GlossaryFile

_BASE, _EXPLICIT, _GENERATED = 3, 2, 1


class GlossarySet:
    """The entries in effect for a run, with the matcher built on first use."""

    def __init__(self, files: list[GlossaryFile] | None = None, edit_target: Path | None = None,
                 form_cache: FormCache | None = None) -> None:
        self.files: list[GlossaryFile] = list(files or [])
        #: The file edits go to (the highest-precedence glossary of the selection).
        self.edit_target = edit_target
        merged: dict[str, Entry] = {}
        self._rank: dict[str, int] = {}
        for rank, glossary in enumerate(self.files):
            for entry_id in glossary.removed:
                merged.pop(entry_id, None)
            for entry in glossary.entries:
                merged[entry.id] = entry
                self._rank[entry.id] = rank
        self.entries: list[Entry] = list(merged.values())
        self._by_id = merged
        self.version: str = self._content_hash()
        self._form_cache = form_cache
        self._matcher: Matcher | None = None
        self._lock = threading.Lock()

    def _content_hash(self) -> str:
        digest = hashlib.sha256()
        for entry in self.entries:
            data = entry.to_dict()
            data.pop("source", None)
            data.pop("line", None)
            digest.update(json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8"))
            digest.update(b"\n")
        return digest.hexdigest()[:16]

    @property
    def paths(self) -> list[Path]:
        return [g.path for g in self.files]

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def find(self, term: str) -> Entry | None:
        """The entry with this id, or whose term, variant or abbreviation is ``term`` (abbreviations exact)."""
        if term in self._by_id:
            return self._by_id[term]
        folded = term.casefold().strip()
        for entry in reversed(self.entries):
            if term in entry.abbreviations or folded in (s.casefold() for s in entry.surfaces()):
                return entry
        return None

    def search(self, query: str) -> list[Entry]:
        """Entries whose id, terms, explanations, note or target terms contain ``query`` (case-insensitive)."""
        q = query.casefold().strip()
        if not q:
            return list(self.entries)
        hits = []
        for entry in self.entries:
            fields = [entry.id, entry.term, *entry.variants, *entry.abbreviations, entry.leicht, entry.einfach,
                      entry.plain, entry.note, *(t.term for t in entry.targets.values())]
            if any(q in f.casefold() for f in fields):
                hits.append(entry)
        return hits

    # ------------------------------------------------------------------------------------------ matching

    def matcher(self) -> Matcher:
        """The index over all surface forms (built once; inflected forms come from the form cache)."""
        with self._lock:
            if self._matcher is None:
                self._matcher = self._build()
            return self._matcher

    def _build(self) -> Matcher:
        cache = self._form_cache if self._form_cache is not None else FormCache()
        matcher = Matcher()
        for index, entry in enumerate(self.entries):
            rank = self._rank.get(entry.id, 0)
            base = {s for s in entry.surfaces()}
            explicit = set(entry.forms)
            for form in entry_forms(entry, cache):
                level = _BASE if form in base else _EXPLICIT if form in explicit else _GENERATED
                matcher.add(entry, form, "term", (level, rank, index))
            if entry.in_compounds and entry.pos == "noun":
                for form in linking_forms(entry.surfaces()):
                    matcher.add(entry, form, "term", (0, rank, index), before_hyphen=True)
            for abbreviation in entry.abbreviations:
                matcher.add(entry, abbreviation, "abbreviation", (_BASE, rank, index))
                if abbreviation[-1:].isalpha() and not abbreviation.endswith(("s", "S")):
                    matcher.add(entry, abbreviation + "s", "abbreviation", (_GENERATED, rank, index))
        cache.save()
        matcher.freeze()
        return matcher

    def match(self, text: str) -> list[Match]:
        """Glossary terms in ``text``: non-overlapping, longest first at each position, in text order."""
        return self.matcher().match(text)
