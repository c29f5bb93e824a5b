"""CSV export and import: a glossary as a table that opens correctly in Excel and LibreOffice.

UTF-8 with byte order mark (Excel otherwise guesses Windows-1252 and breaks umlauts, Arabic and Cyrillic),
CRLF line ends, comma or - for German Excel - semicolon. One row per entry; word lists are joined with
" | "; each language has a term column (``en``) and a status column (``en_status``). Export followed by
import gives back exactly the same entries.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from lesbar.glossary.entry import BOOL_FIELDS, LANGUAGES, LIST_FIELDS, STATUSES, STORED_FIELDS, Entry, Target
from lesbar.glossary.errors import GlossaryError
from lesbar.glossary.ids import slugify
from lesbar.glossary.yamlfile import _ID_RE, _LANG_RE, normalize_entry

LIST_SEPARATOR = " | "
_BASE_COLUMNS = [f for f in STORED_FIELDS if f != "targets"]
_TRUE = {"ja", "true", "1", "x", "yes", "wahr"}
_FALSE = {"nein", "false", "0", "no", "falsch"}


def _languages(entries: list[Entry]) -> list[str]:
    extra = sorted({lang for e in entries for lang in e.targets if lang not in LANGUAGES})
    return [*LANGUAGES, *extra]


def export_csv(entries: list[Entry], delimiter: str = ",") -> str:
    """The CSV text (with BOM) of ``entries``."""
    languages = _languages(entries)
    columns = [*_BASE_COLUMNS, *(c for lang in languages for c in (lang, f"{lang}_status"))]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    for entry in entries:
        row = []
        for column in _BASE_COLUMNS:
            value = getattr(entry, column)
            if column in LIST_FIELDS:
                row.append(LIST_SEPARATOR.join(value))
            elif column in BOOL_FIELDS:
                row.append("ja" if value else "nein")
            else:
                row.append(value)
        for lang in languages:
            target = entry.targets.get(lang)
            row += [target.term, target.status] if target else ["", ""]
        writer.writerow(row)
    return "\ufeff" + out.getvalue()


def _sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def import_csv(text: str, path: str | Path, delimiter: str | None = None) -> list[Entry]:
    """Entries from CSV ``text`` (read from ``path``, for messages); rows without id get one from the term."""
    return import_csv_with_fields(text, path, delimiter)[0]


def import_csv_with_fields(text: str, path: str | Path,
                           delimiter: str | None = None) -> tuple[list[Entry], frozenset[str]]:
    """Entries and the fields the file has columns for ("leicht", "targets.en", …): an import leaves the
    other fields of existing entries alone, so a sheet with just ``term;en`` only updates English."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise GlossaryError("Die CSV-Datei ist leer.", path)
    delimiter = delimiter or _sniff_delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        raise GlossaryError(f"keine gültige CSV-Datei: {exc}", path, 1) from None
    known = set(_BASE_COLUMNS)
    languages = []
    for column in header:
        if column in known or not column:
            continue
        lang = column[: -len("_status")] if column.endswith("_status") else column
        if not _LANG_RE.match(lang):
            raise GlossaryError(f"unbekannte Spalte „{column}“. Erlaubt sind {', '.join(_BASE_COLUMNS)} und je "
                                "Sprache eine Spalte (z. B. „en“) mit Status-Spalte („en_status“).", path, 1)
        if lang not in languages:
            languages.append(lang)
    if "term" not in header:
        raise GlossaryError("Die Spalte „term“ (der Begriff) fehlt in der ersten Zeile.", path, 1)
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    line = 1
    while True:
        start = line + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise GlossaryError(f"keine gültige CSV-Zeile: {exc}", path, reader.line_num) from None
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            raise GlossaryError(f"die Zeile hat {len(row)} Spalten, die Kopfzeile nur {len(header)}. Steht ein "
                                f"„{delimiter}“ in einem Text ohne Anführungszeichen?", path, start)
        cells = dict(zip(header, [*row, *[""] * (len(header) - len(row))], strict=True))
        entries.append(_entry_from_row(cells, languages, path, start))
        if entries[-1].id in seen:
            raise GlossaryError(f"die id „{entries[-1].id}“ kommt schon in Zeile {seen[entries[-1].id]} vor.",
                                path, start)
        seen[entries[-1].id] = start
    given = {c for c in header if c in known} | {f"targets.{lang}" for lang in languages}
    given |= {f"targets.{lang}.status" for lang in languages if f"{lang}_status" in header}
    return entries, frozenset(given)


def _entry_from_row(cells: dict[str, str], languages: list[str], path: str | Path, line: int) -> Entry:
    term = cells.get("term", "").strip()
    if not term:
        raise GlossaryError("der Begriff („term“) ist leer.", path, line)
    values: dict[str, object] = {}
    for column in _BASE_COLUMNS:
        if column not in cells:
            continue
        raw = cells[column]
        if column in LIST_FIELDS:
            values[column] = [item.strip() for item in raw.split("|") if item.strip()]
        elif column in BOOL_FIELDS:
            flag = raw.strip().lower()
            if not flag:
                continue  # an empty cell (a new row typed in Excel) keeps the default, e.g. in_compounds: ja
            if flag not in _TRUE | _FALSE:
                raise GlossaryError(f"Spalte „{column}“: „{raw}“ ist weder ja noch nein.", path, line)
            values[column] = flag in _TRUE
        else:
            values[column] = raw
    values["id"] = (cells.get("id") or "").strip() or slugify(term)
    if not _ID_RE.match(str(values["id"])):
        raise GlossaryError(f"die id „{values['id']}“ darf nur a–z, 0–9, „-“, „_“ und „.“ enthalten.", path, line)
    for key, default in (("pos", "noun"), ("status", "draft")):
        if not str(values.get(key, "")).strip():
            values[key] = default
    targets = {}
    for lang in languages:
        term_text = cells.get(lang, "").strip()
        status = cells.get(f"{lang}_status", "").strip() or "draft"
        if status not in STATUSES:
            raise GlossaryError(f"Spalte „{lang}_status“: „{status}“ ist unbekannt (erlaubt: draft, approved).",
                                path, line)
        if term_text or cells.get(f"{lang}_status", "").strip():
            targets[lang] = Target(term_text, status)
    values["targets"] = targets
    entry = Entry(**values, source=str(path), line=line)  # type: ignore[arg-type]  # values checked above
    from lesbar.glossary.yamlfile import GENDERS, POS_VALUES

    for key, allowed in (("pos", POS_VALUES), ("gender", GENDERS), ("status", STATUSES)):
        if getattr(entry, key) not in allowed:
            raise GlossaryError(f"Spalte „{key}“: „{getattr(entry, key)}“ ist unbekannt (erlaubt: "
                                f"{', '.join(v for v in allowed if v)}).", path, line)
    return normalize_entry(entry)
