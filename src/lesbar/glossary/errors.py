"""Errors of the glossary: messages for staff, in German, with file name and line ("Zeile 12")."""

from __future__ import annotations

from pathlib import Path

from lesbar.errors import LesbarError


class GlossaryError(LesbarError):
    """A glossary file cannot be read or an edit cannot be applied; ``str()`` is the complete message."""

    def __init__(self, message: str, path: str | Path | None = None, line: int = 0) -> None:
        self.message = message
        self.path = str(path) if path is not None else ""
        self.line = line
        super().__init__(self.format())

    def format(self) -> str:
        where = self.path
        if self.line:
            where = f"{where}, Zeile {self.line}" if where else f"Zeile {self.line}"
        return f"{where}: {self.message}" if where else self.message


class ConflictError(GlossaryError):
    """Someone else changed the entry since it was opened (two people editing at once)."""


class EntryNotFound(GlossaryError):
    """No entry with this id (or term) exists in the selected glossaries."""
