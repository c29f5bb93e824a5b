"""Importing entries from CSV, TBX or YAML files into the glossary in effect.

A file from outside rarely has every field: a translation agency returns terms and translations, a colleague
fills in one language in Excel. Fields the file does not carry keep the value they have in the glossary, and
rows without an id are matched to existing entries by their term. The result is a list of complete entries
for :meth:`lesbar.glossary.store.GlossaryStore.import_entries`.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, fields, replace
from pathlib import Path

from lesbar.glossary.entry import STORED_FIELDS, Entry
from lesbar.glossary.errors import GlossaryError
from lesbar.glossary.glossary_set import GlossarySet

ALL_FIELDS = frozenset(STORED_FIELDS) - {"targets"}


@dataclass
class Imported:
    entry: Entry
    #: field names and "targets.<lang>" the file carries; "targets.*" means all languages;
    #: "targets.<lang>.status" when the file also says whether that translation is approved
    given: frozenset[str]


def read_import(path: Path, delimiter: str | None = None) -> list[Imported]:
    """Entries from ``path``; the format comes from the extension (.csv, .tbx, .yaml)."""
    suffix = path.suffix.lower()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise GlossaryError("Die Datei gibt es nicht.", path) from None
    except OSError as exc:
        raise GlossaryError(f"Die Datei kann nicht gelesen werden: {exc.strerror}.", path) from None
    if suffix in (".csv", ".txt"):
        from lesbar.glossary.csvio import import_csv_with_fields

        try:
            if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                text = raw.decode("utf-16")  # Excel's "Unicode-Text (*.txt)": UTF-16, tab-separated
            else:
                text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise GlossaryError("Die CSV-Datei ist nicht in UTF-8 gespeichert (so gehen Umlaute und arabische oder "
                                "kyrillische Schrift verloren). In Excel: „Speichern unter“ → „CSV UTF-8“, in "
                                "älteren Excel-Versionen „Unicode-Text (*.txt)“.", path, line) from None
        entries, given = import_csv_with_fields(text, path, delimiter)
        return [Imported(entry, given) for entry in entries]
    if suffix in (".tbx", ".xml"):
        from lesbar.glossary.tbxio import import_tbx_with_fields

        return [Imported(entry, given) for entry, given in import_tbx_with_fields(raw, path)]
    if suffix in (".yaml", ".yml"):
        from lesbar.glossary.yamlfile import read_glossary

        return [Imported(entry, ALL_FIELDS | {"targets.*"}) for entry in read_glossary(path).entries]
    raise GlossaryError("Unbekanntes Dateiformat. Importiert werden .csv, .tbx und .yaml.", path)


def merged(current: GlossarySet, item: Imported) -> Entry:
    """The entry as it will be stored: the imported fields over the existing entry (if any)."""
    entry = item.entry
    existing = current.get(entry.id) if "id" in item.given else current.find(entry.term)
    if existing is None:
        return entry
    result = replace(existing, targets=dict(existing.targets), source=entry.source, line=entry.line)
    for f in fields(Entry):
        if f.name in item.given and f.name in ALL_FIELDS:
            setattr(result, f.name, getattr(entry, f.name))
    if "targets.*" in item.given:
        result.targets = dict(entry.targets)
    else:
        for key in item.given:
            if key.startswith("targets."):
                lang = key.split(".", 1)[1]
                if lang.endswith(".status"):
                    continue
                new = entry.targets.get(lang)
                old = existing.targets.get(lang)
                if new is None:
                    result.targets.pop(lang, None)
                elif f"targets.{lang}.status" not in item.given and old is not None and old.term == new.term:
                    # a sheet without a status column ("term;en") must not turn an approved translation
                    # back into a draft just because it repeats it
                    result.targets[lang] = replace(new, status=old.status)
                else:
                    result.targets[lang] = new
    return result
