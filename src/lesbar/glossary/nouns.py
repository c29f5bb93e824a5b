"""Case tables of German nouns from the german-nouns data (Wiktionary, CC BY-SA 4.0).

The package's own ``Nouns()`` class parses its whole 20 MB CSV and a 100k-line index into Python rows (~2 s).
The glossary needs only the tables of a few hundred lemmas, so this adapter reads the same CSV as one string
and indexes the lemma column only (~0.3 s, once per process, and only when forms are not in the cache, see
:mod:`lesbar.glossary.forms`).
"""

from __future__ import annotations

import csv
import logging
import threading
from functools import lru_cache

log = logging.getLogger(__name__)

_lock = threading.Lock()
_table: tuple[list[str], dict[str, list[str]]] | None = None


def _load() -> tuple[list[str], dict[str, list[str]]]:
    global _table
    with _lock:
        if _table is None:
            try:
                from german_nouns.config import CSV_FILE_PATH
            except ImportError:  # the dependency is missing: rules alone still give useful forms
                log.warning("german-nouns is not installed; glossary forms come from rules only")
                _table = ([], {})
                return _table
            with open(CSV_FILE_PATH, encoding="utf-8", newline="") as handle:
                text = handle.read()
            lines = text.split("\n")
            header = next(csv.reader([lines[0]]))
            index: dict[str, list[str]] = {}
            for line in lines[1:]:
                comma = line.find(",")
                if comma > 0:
                    index.setdefault(line[:comma], []).append(line)
            _table = (header, index)
            log.debug("german-nouns: %d lemmas indexed", len(index))
        return _table


@lru_cache(maxsize=8192)
def noun_forms(lemma: str, singular_only: bool = False) -> tuple[tuple[str, str], ...]:
    """All inflected forms of the noun ``lemma`` with their gender: ((form, genus), ...); () if unknown.

    ``singular_only``: for names with a common-noun head ("Kreis Heinsberg" has no plural).
    """
    header, index = _load()
    rows = index.get(lemma, [])
    forms: list[tuple[str, str]] = []
    for raw in rows:
        row = next(csv.reader([raw]))
        record = dict(zip(header, row, strict=False))  # short rows: trailing empty columns
        if "Substantiv" not in record.get("pos", "") and "Toponym" not in record.get("pos", ""):
            continue
        genus = record.get("genus") or record.get("genus 1") or ""
        for column, value in record.items():
            if singular_only and "plural" in column:
                continue
            if column.startswith(("nominativ", "genitiv", "dativ", "akkusativ")) and value and value != "—":
                for form in value.split("/"):
                    form = form.strip()
                    if form and (form, genus) not in forms:
                        forms.append((form, genus))
    return tuple(forms)


def is_known_noun(word: str) -> bool:
    return bool(noun_forms(word))
