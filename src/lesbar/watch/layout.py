"""The folders of a watch folder and which files in ``eingang/`` are inputs.

``FOLDER/eingang/`` (staff drop files here, subfolders allowed), ``FOLDER/ausgang/<name>/`` (one folder per
document, as ``lesbar convert`` writes it), ``FOLDER/erledigt/`` (converted originals), ``FOLDER/fehler/``
(failed originals with a ``.fehler.txt`` note), ``FOLDER/einstellungen.toml`` and ``FOLDER/.lesbar/`` (journal,
log, lock and working copies; hidden so staff do not stumble over it, and never inside eingang or ausgang).
Subfolders of ``eingang/`` are mirrored in the other three, so a team's files stay together.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lesbar.pipeline.inputs import is_temporary

SETTINGS_NAME = "einstellungen.toml"
SETTINGS_ERROR_NAME = "einstellungen-FEHLER.txt"
NOTE_SUFFIX = ".fehler.txt"
#: Files that operating systems and sync tools leave in shared folders; never inputs.
SYSTEM_FILES = {"thumbs.db", "desktop.ini", "icon\r"}


@dataclass(frozen=True)
class Layout:
    root: Path

    @property
    def eingang(self) -> Path:
        return self.root / "eingang"

    @property
    def ausgang(self) -> Path:
        return self.root / "ausgang"

    @property
    def erledigt(self) -> Path:
        return self.root / "erledigt"

    @property
    def fehler(self) -> Path:
        return self.root / "fehler"

    @property
    def state(self) -> Path:
        return self.root / ".lesbar"

    @property
    def work(self) -> Path:
        """Working copies and conversions in progress (``.lesbar/arbeit/<job>/``)."""
        return self.state / "arbeit"

    @property
    def journal(self) -> Path:
        return self.state / "journal.jsonl"

    @property
    def archive_index(self) -> Path:
        """When lesbar put which file into erledigt/ or fehler/ (retention counts from then)."""
        return self.state / "ablage.jsonl"

    @property
    def log(self) -> Path:
        return self.state / "watch.log"

    @property
    def lock(self) -> Path:
        return self.state / "lock"

    @property
    def settings(self) -> Path:
        return self.root / SETTINGS_NAME

    @property
    def settings_error(self) -> Path:
        return self.root / SETTINGS_ERROR_NAME

    def ensure(self) -> None:
        """Create the folders (idempotent)."""
        for folder in (self.eingang, self.ausgang, self.erledigt, self.fehler, self.work):
            folder.mkdir(parents=True, exist_ok=True)

    def rel(self, path: Path) -> str:
        """``path`` relative to the watch folder, with forward slashes (stable in the journal on every OS)."""
        return PurePosixPath(*path.relative_to(self.root).parts).as_posix()

    def abs(self, rel: str) -> Path:
        return self.root.joinpath(*PurePosixPath(rel).parts)

    def subfolder(self, path: Path) -> Path:
        """The part of ``path``'s folder below ``eingang/`` (empty for files directly in eingang)."""
        return path.parent.relative_to(self.eingang)

    def is_input(self, path: Path) -> bool:
        """Whether ``path`` (anywhere below eingang/) is a file staff dropped for conversion.

        Temporary and hidden files (``~$x.docx``, ``.part``, ``.crdownload``, dot files and anything inside a
        dot folder), system files and the settings and note files lesbar itself reads are not.
        """
        try:
            rel = path.relative_to(self.eingang)
        except ValueError:
            return False
        if not rel.parts:
            return False
        if any(part.startswith(".") for part in rel.parts[:-1]):
            return False
        name = path.name
        if is_temporary(path) or name.lower() in SYSTEM_FILES:
            return False
        if name == SETTINGS_NAME or name.endswith(NOTE_SUFFIX):
            return False
        return True

    def scan(self) -> list[Path]:
        """Every input file in eingang/ and its subfolders, oldest first (fair order after a pause)."""
        found: list[tuple[float, str, Path]] = []
        if not self.eingang.is_dir():
            return []
        for path in self.eingang.rglob("*"):
            try:
                if not path.is_file():
                    continue
                mtime = path.stat().st_mtime
            except OSError:
                continue
            if self.is_input(path):
                found.append((mtime, str(path), path))
        return [p for _, _, p in sorted(found)]
