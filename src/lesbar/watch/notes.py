"""The German notes beside a failed file in ``fehler/``: what is wrong, what to do, in plain words.

The texts live in ``meldungen.toml`` (data, editable without touching code). A technical error message from
the conversion is matched to a note by its error code, or else by the fragments listed there; the technical message itself is kept at
the end of the note for the IT department.
"""

from __future__ import annotations

import time
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Note:
    kind: str
    what: str
    todo: str


@lru_cache(maxsize=1)
def _catalogue() -> dict[str, dict[str, Any]]:
    text = resources.files("lesbar.watch").joinpath("meldungen.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def classify(technical: str, code: str = "") -> str:
    """The note kind for an error: by its code (:attr:`lesbar.errors.LesbarError.code`) first, then by
    fragments of the technical message (``unbekannt`` if nothing matches)."""
    if code:
        for kind, entry in _catalogue().items():
            if code in entry.get("codes", []):
                return kind
    lowered = technical.lower()
    for kind, entry in _catalogue().items():
        if any(fragment in lowered for fragment in entry.get("muster", [])):
            return kind
    return "unbekannt"


def note_for(kind: str, **values: Any) -> Note:
    entry = _catalogue().get(kind) or _catalogue()["unbekannt"]
    fields = _Defaults(values)
    return Note(kind, entry["was"].format_map(fields), entry["tun"].format_map(fields))


class _Defaults(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "?"


def render_note(name: str, note: Note, technical: str, when: float | None = None,
                outputs_note: str = "") -> str:
    """The text of ``<name>.fehler.txt``."""
    stamp = time.strftime("%d.%m.%Y um %H:%M Uhr", time.localtime(when or time.time()))
    lines = [
        f"lesbar konnte diese Datei nicht bearbeiten: {name}",
        f"(am {stamp})",
        "",
        "Was ist los?",
        note.what,
        "",
        "Was können Sie tun?",
        note.todo,
        # a note that already says where the file goes (e.g. the reports of an unpacked archive) is not repeated
        ("" if "eingang" in note.todo else "Danach legen Sie die Datei wieder in den Ordner „eingang“. ")
        + "Diese Notiz und die Datei hier im Ordner „fehler“ können Sie dann löschen.",
    ]
    if outputs_note:
        lines += ["", outputs_note]
    if technical:
        lines += ["", f"Technische Angabe für die IT: {technical}"]
    return "\n".join(lines) + "\n"
