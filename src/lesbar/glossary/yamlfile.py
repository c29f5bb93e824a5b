"""Reading and writing one glossary file (YAML).

Reading walks PyYAML's *node* tree instead of constructed Python objects, for two reasons: every problem can
be reported with its line ("Zeile 12"), and scalars are taken as written (YAML 1.1 would otherwise turn a
Norwegian "no" or a Turkish "on" into a boolean). Writing uses a fixed field order, block lists (one item per
line) and literal blocks for multi-line explanations, so that a change to one entry is a small, readable diff.
Every written text is parsed back and compared before it reaches the disk (see :func:`dump_glossary`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lesbar.glossary.entry import (
    BOOL_FIELDS,
    GENDERS,
    LIST_FIELDS,
    POS_VALUES,
    STATUSES,
    STORED_FIELDS,
    Entry,
    Target,
)
from lesbar.glossary.errors import GlossaryError

FORMAT_VERSION = 1
#: libyaml's loader when PyYAML was built with it (same node tree and line marks, about 1.5x faster)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TRUE = {"true", "yes", "ja", "1", "x", "on"}
_FALSE = {"false", "no", "nein", "0", "", "off"}
_META_KEYS = ("name", "description", "format")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_LANG_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")


@dataclass
class GlossaryFile:
    """The content of one glossary file."""

    path: Path
    name: str = ""
    description: str = ""
    entries: list[Entry] = field(default_factory=list)
    #: ids this file removes from lower-precedence glossaries ("removed: true" entries), with their lines
    removed: dict[str, int] = field(default_factory=dict)
    #: comment lines at the top of the file (kept when the file is rewritten)
    header: str = ""


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _err(path: Path, node: yaml.Node | None, message: str) -> GlossaryError:
    return GlossaryError(message, path, _line(node) if node is not None else 0)


def _scalar(path: Path, node: yaml.Node, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise _err(path, node, f"„{what}“ muss ein einfacher Text sein, keine Liste oder Tabelle.")
    if node.tag == "tag:yaml.org,2002:null" and node.style is None:
        return ""
    return str(node.value)


def _bool(path: Path, node: yaml.Node, what: str) -> bool:
    value = _scalar(path, node, what).strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise _err(path, node, f"„{what}“ muss true oder false sein (gefunden: „{value}“).")


def _string_list(path: Path, node: yaml.Node, what: str) -> list[str]:
    if isinstance(node, yaml.ScalarNode):
        value = _scalar(path, node, what)
        return [value] if value.strip() else []
    if not isinstance(node, yaml.SequenceNode):
        raise _err(path, node, f"„{what}“ muss eine Liste von Wörtern sein.")
    items = []
    for item in node.value:
        value = _scalar(path, item, what).strip()
        if not value:
            raise _err(path, item, f"„{what}“ enthält einen leeren Eintrag.")
        items.append(value)
    return items


def _mapping_items(path: Path, node: yaml.MappingNode, what: str) -> list[tuple[str, yaml.Node, yaml.Node]]:
    seen: dict[str, int] = {}
    items = []
    for key_node, value_node in node.value:
        key = _scalar(path, key_node, what)
        if key in seen:
            raise _err(path, key_node, f"„{key}“ steht zweimal in {what} (zuerst in Zeile {seen[key]}).")
        seen[key] = _line(key_node)
        items.append((key, key_node, value_node))
    return items


def _targets(path: Path, node: yaml.Node) -> dict[str, Target]:
    if isinstance(node, yaml.ScalarNode) and _scalar(path, node, "targets") == "":
        return {}
    if not isinstance(node, yaml.MappingNode):
        raise _err(path, node, "„targets“ muss eine Tabelle Sprache → Übersetzung sein, z. B. „en: district“.")
    targets: dict[str, Target] = {}
    for lang, key_node, value in _mapping_items(path, node, "targets"):
        if not _LANG_RE.match(lang):
            raise _err(path, key_node, f"„{lang}“ ist kein Sprachcode (z. B. en, ar, tr, uk, ru, fa).")
        if isinstance(value, yaml.ScalarNode):
            targets[lang] = Target(_scalar(path, value, f"targets {lang}").strip(), "draft")
            continue
        if not isinstance(value, yaml.MappingNode):
            raise _err(path, value, f"Übersetzung „{lang}“: erwartet wird „{{term: …, status: draft}}“.")
        term, status = "", "draft"
        for key, knode, vnode in _mapping_items(path, value, f"targets {lang}"):
            if key == "term":
                term = _scalar(path, vnode, f"targets {lang} term").strip()
            elif key == "status":
                status = _scalar(path, vnode, f"targets {lang} status").strip() or "draft"
                if status not in STATUSES:
                    raise _err(path, vnode, f"Übersetzung „{lang}“: Status „{status}“ ist unbekannt "
                                            f"(erlaubt: {', '.join(STATUSES)}).")
            else:
                raise _err(path, knode, f"Übersetzung „{lang}“: unbekanntes Feld „{key}“ (erlaubt: term, status).")
        targets[lang] = Target(term, status)
    return targets


def _entry(path: Path, node: yaml.Node) -> tuple[Entry | None, str]:
    """One entry, or (None, id) for a removal marker."""
    if not isinstance(node, yaml.MappingNode):
        raise _err(path, node, "Jeder Eintrag muss eine Tabelle sein, die mit „- id: …“ beginnt.")
    values: dict[str, Any] = {}
    removed = False
    for key, key_node, value in _mapping_items(path, node, "diesem Eintrag"):
        if key == "removed":
            removed = _bool(path, value, key)
        elif key == "targets":
            values[key] = _targets(path, value)
        elif key in LIST_FIELDS:
            values[key] = _string_list(path, value, key)
        elif key in BOOL_FIELDS:
            values[key] = _bool(path, value, key)
        elif key in STORED_FIELDS:
            values[key] = _scalar(path, value, key)
        else:
            raise _err(path, key_node, f"unbekanntes Feld „{key}“ (erlaubt: {', '.join(STORED_FIELDS)}, removed).")
    entry_id = values.get("id", "")
    if not entry_id:
        raise _err(path, node, "Dem Eintrag fehlt die „id“.")
    if not _ID_RE.match(entry_id):
        raise _err(path, node, f"Die id „{entry_id}“ darf nur Kleinbuchstaben a–z, Ziffern, „-“, „_“ und „.“ "
                               "enthalten (z. B. „kommunales-integrationszentrum“).")
    if removed:
        return None, entry_id
    if not values.get("term"):
        raise _err(path, node, f"Dem Eintrag „{entry_id}“ fehlt der Begriff („term“).")
    for key, allowed in (("pos", POS_VALUES), ("gender", GENDERS), ("status", STATUSES)):
        if key in values and values[key] not in allowed:
            raise _err(path, node, f"Eintrag „{entry_id}“: „{key}: {values[key]}“ ist unbekannt "
                                   f"(erlaubt: {', '.join(v for v in allowed if v)}).")
    entry = normalize_entry(Entry(**values, source=str(path), line=_line(node)))
    return entry, entry_id


def parse_glossary(text: str, path: str | Path) -> GlossaryFile:
    """Parse glossary YAML ``text`` (read from ``path``, used in messages)."""
    path = Path(path)
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark is not None and any(k in (exc.problem or "") for k in _STARTS_EARLIER):
            mark = exc.context_mark  # an unclosed quote/bracket is noticed later; name the line where it began
        raise GlossaryError(f"kein gültiges YAML: {_explain(exc)}", path, (mark.line + 1) if mark else 0) from None
    except yaml.YAMLError as exc:
        raise GlossaryError(f"kein gültiges YAML: {exc}", path) from None
    result = GlossaryFile(path=path, header=_header(text))
    if root is None:
        return result
    if not isinstance(root, yaml.MappingNode):
        raise _err(path, root, "Die Datei muss mit „glossary:“ und „entries:“ aufgebaut sein.")
    seen_ids: dict[str, int] = {}
    for key, key_node, value in _mapping_items(path, root, "der Datei"):
        if key == "glossary":
            if not isinstance(value, yaml.MappingNode):
                raise _err(path, value, "„glossary“ muss eine Tabelle sein (name, description).")
            for meta_key, meta_node, meta_value in _mapping_items(path, value, "glossary"):
                if meta_key not in _META_KEYS:
                    raise _err(path, meta_node, f"unbekanntes Feld „{meta_key}“ in „glossary“ "
                                                f"(erlaubt: {', '.join(_META_KEYS)}).")
                raw = _scalar(path, meta_value, meta_key).strip()
                if meta_key == "format" and raw not in ("", str(FORMAT_VERSION)):
                    raise _err(path, meta_value, f"Format {raw} wird nicht unterstützt (diese Version von "
                                                 f"lesbar liest Format {FORMAT_VERSION}).")
                if meta_key in ("name", "description"):
                    setattr(result, meta_key, raw)
        elif key == "entries":
            if isinstance(value, yaml.ScalarNode) and _scalar(path, value, key) == "":
                continue
            if not isinstance(value, yaml.SequenceNode):
                raise _err(path, value, "„entries“ muss eine Liste von Einträgen sein („- id: …“).")
            for item in value.value:
                entry, entry_id = _entry(path, item)
                if entry_id in seen_ids:
                    raise _err(path, item, f"Die id „{entry_id}“ gibt es in dieser Datei schon "
                                           f"(Zeile {seen_ids[entry_id]}).")
                seen_ids[entry_id] = _line(item)
                if entry is None:
                    result.removed[entry_id] = _line(item)
                else:
                    result.entries.append(entry)
        else:
            raise _err(path, key_node, f"unbekannter Abschnitt „{key}“ (erlaubt: glossary, entries).")
    return result


#: PyYAML's/libyaml's most frequent problems, explained for staff (the original text is kept for others).
_YAML_PROBLEMS = (
    ("expected '-' indicator", "hier wird ein neuer Eintrag „- …“ erwartet; vermutlich stimmt die Einrückung "
                               "(Anzahl der Leerzeichen am Zeilenanfang) nicht"),
    ("did not find expected key", "die Einrückung stimmt nicht: ein Feld ist zu weit oder zu wenig eingerückt"),
    ("mapping values are not allowed", "ein „:“ steht an einer unerwarteten Stelle; Texte mit „: “ bitte in "
                                       "Anführungszeichen setzen"),
    ("could not find expected ':'", "nach dem Feldnamen fehlt ein „:“"),
    ("cannot start any token", "hier steht ein Tabulator oder ein Sonderzeichen am Anfang; bitte Leerzeichen "
                               "verwenden oder den Text in Anführungszeichen setzen"),
    ("found unexpected end of stream", "ein Anführungszeichen wird nicht geschlossen"),
    ("expected ',' or ']'", "eine Liste „[…]“ ist nicht richtig geschlossen"),
    ("expected ',' or '}'", "eine Tabelle „{…}“ ist nicht richtig geschlossen"),
    ("found duplicate anchor", "ein „&“ kommt doppelt vor"),
)


_STARTS_EARLIER = ("could not find expected ':'", "expected ',' or", "found unexpected end of stream")


def _explain(exc: yaml.MarkedYAMLError) -> str:
    problem = f"{exc.context + ', ' if exc.context else ''}{exc.problem or ''}".strip(", ")
    for needle, german in _YAML_PROBLEMS:
        if needle in problem:
            return f"{german}."
    return f"{problem}. Oft fehlt ein Leerzeichen nach „:“ oder die Einrückung stimmt nicht."


def read_glossary(path: str | Path) -> GlossaryFile:
    """Read and parse a glossary file; a missing or unreadable file is a :class:`GlossaryError`."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise GlossaryError("Die Glossar-Datei gibt es nicht. Bitte den Pfad prüfen.", path) from None
    except IsADirectoryError:
        raise GlossaryError("Das ist ein Ordner, keine Glossar-Datei (.yaml).", path) from None
    except OSError as exc:
        raise GlossaryError(f"Die Datei kann nicht gelesen werden: {exc.strerror}.", path) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise GlossaryError("Die Datei ist nicht in UTF-8 gespeichert. Bitte als UTF-8 speichern.",
                            path, line) from None
    return parse_glossary(text, path)


# ------------------------------------------------------------------------------------------------ writing


def _header(text: str) -> str:
    lines = []
    for line in text.splitlines():
        if line.startswith("#"):
            lines.append(line)
        elif line.strip():
            break
        elif lines:
            lines.append("")
    return "\n".join(lines).rstrip() + ("\n" if lines else "")


def _plain_or_quoted(value: str) -> str:
    out = yaml.safe_dump(value, allow_unicode=True, width=1_000_000, default_flow_style=False)
    if out.endswith("\n...\n"):
        out = out[: -len("\n...\n")]
    return out.rstrip("\n")


def _literal_ok(value: str) -> bool:
    lines = value.split("\n")
    return (
        "\n" in value
        and not value.endswith("\n")
        and not any(ch in value for ch in "\r\t\x85\u2028\u2029\ufeff")
        and all(line == line.rstrip() for line in lines)
        and bool(lines[0].strip())
        and not lines[0].startswith(" ")
        and all(ch.isprintable() for ch in value.replace("\n", ""))
    )


def _scalar_text(value: str, indent: str) -> str:
    if _literal_ok(value):
        body = "\n".join(f"{indent}  {line}" if line else "" for line in value.split("\n"))
        return "|-\n" + body
    return _plain_or_quoted(value)


def _flow_target(target: Target) -> str:
    term = _plain_or_quoted(target.term)
    if term == target.term and not all(ch.isalnum() or ch in " .-()/'\u200c" for ch in term):
        term = json.dumps(target.term, ensure_ascii=False)  # JSON strings are valid YAML flow scalars
    return "{term: " + (term or '""') + ", status: " + target.status + "}"


def normalize_entry(entry: Entry) -> Entry:
    """The form in which an entry is stored: trimmed texts, one-line terms, explanation lines trimmed.

    Applied before every write so that what is on disk equals what was meant (and the round-trip check holds).
    """
    for name in STORED_FIELDS:
        value = getattr(entry, name)
        if name in LIST_FIELDS:
            setattr(entry, name, [" ".join(v.split()) for v in value if v.strip()])
        elif name == "leicht":
            entry.leicht = "\n".join(line.strip() for line in value.strip().splitlines())
        elif name in ("einfach", "note"):
            setattr(entry, name, value.strip())
        elif isinstance(value, str):
            setattr(entry, name, " ".join(value.split()))
    for target in entry.targets.values():
        target.term = " ".join(target.term.split())
    return entry


def _default(name: str) -> Any:
    return Entry(id="x", term="x").__dict__[name]


def entry_lines(entry: Entry) -> list[str]:
    """The YAML lines of one entry (indented for the ``entries:`` list)."""
    out: list[str] = []
    first = True
    for name in STORED_FIELDS:
        value = getattr(entry, name)
        if name not in ("id", "term", "pos", "status") and value == _default(name):
            continue
        prefix = "  - " if first else "    "
        first = False
        if name in LIST_FIELDS:
            out.append(f"{prefix}{name}:")
            out.extend(f"      - {_plain_or_quoted(item)}" for item in value)
        elif name in BOOL_FIELDS:
            out.append(f"{prefix}{name}: {'true' if value else 'false'}")
        elif name == "targets":
            out.append(f"{prefix}targets:")
            for lang in sorted(value, key=_lang_order):
                out.append(f"      {lang}: {_flow_target(value[lang])}")
        else:
            out.append(f"{prefix}{name}: {_scalar_text(str(value), '    ')}")
    return out


def _lang_order(lang: str) -> tuple[int, str]:
    from lesbar.glossary.entry import LANGUAGES

    return (LANGUAGES.index(lang) if lang in LANGUAGES else len(LANGUAGES), lang)


def dump_glossary(glossary: GlossaryFile) -> str:
    """The YAML text of ``glossary``; verified by parsing it back (a writer bug must never lose data)."""
    for entry in glossary.entries:
        normalize_entry(entry)
    lines: list[str] = []
    if glossary.header:
        lines.append(glossary.header.rstrip("\n"))
        lines.append("")
    lines.append("glossary:")
    lines.append(f"  format: {FORMAT_VERSION}")
    if glossary.name:
        lines.append(f"  name: {_plain_or_quoted(glossary.name)}")
    if glossary.description:
        lines.append(f"  description: {_scalar_text(glossary.description, '  ')}")
    lines.append("entries:" if glossary.entries or glossary.removed else "entries: []")
    for entry in glossary.entries:
        lines.extend(entry_lines(entry))
        lines.append("")
    for entry_id in sorted(glossary.removed):
        lines.append(f"  - id: {entry_id}")
        lines.append("    removed: true")
        lines.append("")
    text = "\n".join(lines).rstrip("\n") + "\n"
    check = parse_glossary(text, glossary.path)
    if [_stored(e) for e in check.entries] != [_stored(e) for e in glossary.entries] or \
            set(check.removed) != set(glossary.removed):
        raise GlossaryError("interner Fehler: der Text würde beim Speichern verändert; nichts wurde gespeichert.",
                            glossary.path)
    return text


def _stored(entry: Entry) -> dict[str, Any]:
    data = entry.to_dict()
    data.pop("source")
    data.pop("line")
    return data
