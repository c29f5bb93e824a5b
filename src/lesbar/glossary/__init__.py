"""The municipal glossary: one source of truth for terms, explanations and fixed translations.

Public API (used by simplification, translation and the translation memory)::

    glossary = load_glossaries()            # shipped + staff glossary (or --glossary / LESBAR_GLOSSARY)
    for match in glossary.match(text):      # inflected forms, abbreviations, longest first, in text order
        match.entry.leicht, match.entry.targets["en"].term, match.entry.dnt
    glossary.version                        # content hash: changes whenever an entry changes

See docs/glossary.md for the file format and the matching rules.
"""

from __future__ import annotations

import logging
from pathlib import Path

from lesbar.config import Settings
from lesbar.glossary.entry import LANGUAGES, STATUSES, Entry, Match, Target
from lesbar.glossary.errors import ConflictError, EntryNotFound, GlossaryError
from lesbar.glossary.glossary_set import GlossarySet
from lesbar.glossary.locations import selected_glossaries, shipped_glossary, staff_glossary
from lesbar.glossary.yamlfile import GlossaryFile, read_glossary

__all__ = [
    "LANGUAGES", "STATUSES", "ConflictError", "Entry", "EntryNotFound", "GlossaryError", "GlossaryFile",
    "GlossarySet", "Match", "Target", "load_glossaries", "read_glossary", "shipped_glossary", "staff_glossary",
]

log = logging.getLogger(__name__)


def load_glossaries(paths: list[str | Path] | None = None, settings: Settings | None = None,
                    allow_missing_target: bool = False) -> GlossarySet:
    """The glossaries in effect, later files winning.

    ``paths`` None (or empty): ``LESBAR_GLOSSARY``, else ``[glossary] paths`` from lesbar.toml, else the
    shipped glossary plus the staff glossary (``[glossary] staff`` or ``<data dir>/glossar.yaml``; skipped
    while it does not exist yet). A missing or broken file raises :class:`GlossaryError` naming the file and
    line ("Zeile 12"). ``allow_missing_target``: the edit target may not exist yet (editing commands).
    """
    files, target, default = selected_glossaries(paths, settings)
    loaded: list[GlossaryFile] = []
    for path in files:
        if path == target and not path.exists() and (default or allow_missing_target):
            log.debug("glossary %s does not exist yet (created by the first edit)", path)
            continue
        loaded.append(read_glossary(path))
    glossary = GlossarySet(loaded, edit_target=target)
    log.info("glossary: %d entries from %s (version %s)", len(glossary), ", ".join(map(str, files)),
             glossary.version)
    return glossary
