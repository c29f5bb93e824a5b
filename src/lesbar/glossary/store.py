"""Changing glossaries safely: a lock, a version check, an atomic write and a history of earlier versions.

Staff edit through the CLI and the web editor, possibly at the same time and on a shared drive. Therefore:

* every change re-reads the files under a lock file (``<file>.lock``, created with O_EXCL, which works on
  network drives where fcntl locks often do not);
* a change names the version of the entry it started from (:meth:`Entry.content_hash`); if the entry has
  changed since, nothing is written and a :class:`ConflictError` says who changed it and when;
* the new file is written to a temporary file in the same folder and renamed over the old one, so a crash
  never leaves half a glossary; the previous file is kept in ``.glossar-historie/`` next to it.
"""

from __future__ import annotations

import getpass
import logging
import os
import socket
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from lesbar.config import Settings
from lesbar.glossary.entry import Entry
from lesbar.glossary.errors import ConflictError, EntryNotFound, GlossaryError
from lesbar.glossary.glossary_set import GlossarySet
from lesbar.glossary.ids import slugify
from lesbar.glossary.yamlfile import GlossaryFile, dump_glossary, read_glossary

log = logging.getLogger(__name__)

HISTORY_DIR = ".glossar-historie"
HISTORY_KEEP = 200
LOCK_TIMEOUT = 15.0
LOCK_STALE = 120.0
STAFF_HEADER = (
    "# Mitarbeiter-Glossar für lesbar. Einträge hier haben Vorrang vor dem mitgelieferten Glossar.\n"
    "# Bearbeiten: lesbar glossary edit … oder lesbar glossary serve (Web-Editor).\n"
    "# Ein Update von lesbar verändert diese Datei nie.\n"
)


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (service account, container): still record something
        return "unbekannt"


def now_text() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


@contextmanager
def file_lock(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Exclusive lock for changing ``path`` (a lock file beside it)."""
    timeout = LOCK_TIMEOUT if timeout is None else timeout
    lock = path.with_name(path.name + ".lock")
    lock.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + timeout
    while True:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(f"{current_user()}@{socket.gethostname()} pid {os.getpid()} {now_text()}\n")
            break
        except FileExistsError:
            try:
                age = time.time() - lock.stat().st_mtime
            except OSError:
                continue
            if age > LOCK_STALE:
                log.warning("removing stale glossary lock %s (%.0f s old)", lock, age)
                lock.unlink(missing_ok=True)
                continue
            if time.monotonic() > deadline:
                holder = lock.read_text(encoding="utf-8", errors="replace").strip()
                raise GlossaryError(f"Das Glossar wird gerade von jemand anderem gespeichert ({holder}). "
                                    "Bitte in einer Minute noch einmal versuchen.", path) from None
            time.sleep(0.05)
        except OSError as exc:
            raise GlossaryError(f"Das Glossar kann nicht gesperrt werden: {exc.strerror}. Ist der Ordner "
                                "beschreibbar?", path) from None
    try:
        yield
    finally:
        lock.unlink(missing_ok=True)


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step; keep the previous version in the history folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        history = path.parent / HISTORY_DIR
        history.mkdir(exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        backup = history / f"{path.stem}-{stamp}{path.suffix}"
        backup.write_bytes(path.read_bytes())
        old = sorted(history.glob(f"{path.stem}-*{path.suffix}"))
        for stale in old[:-HISTORY_KEEP]:
            stale.unlink(missing_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass
class ImportResult:
    added: int = 0
    changed: int = 0
    unchanged: int = 0


class GlossaryStore:
    """The glossaries of a selection, and the changes staff make to the last (highest-precedence) one."""

    def __init__(self, paths: list[str | Path] | None = None, settings: Settings | None = None) -> None:
        self._paths = paths
        self._settings = settings

    def load(self) -> GlossarySet:
        from lesbar.glossary import load_glossaries

        return load_glossaries(self._paths, self._settings, allow_missing_target=True)

    @property
    def target(self) -> Path:
        target = self.load().edit_target
        assert target is not None
        return target

    def _read_target(self, target: Path) -> GlossaryFile:
        if target.exists():
            return read_glossary(target)
        return GlossaryFile(path=target, header=STAFF_HEADER)

    def new_id(self, term: str, glossary: GlossarySet | None = None) -> str:
        glossary = glossary or self.load()
        base = slugify(term)
        candidate, n = base, 2
        while glossary.get(candidate) is not None:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def save_entry(self, entry: Entry, expected: str | None, user: str | None = None,
                   keep_stamp: bool = False) -> Entry:
        """Add (``expected`` None) or change an entry; ``expected`` is the content hash the editor started from.

        Raises :class:`ConflictError` if the entry changed in the meantime (or, for a new entry, if its id
        exists already). Returns the entry as stored.
        """
        with file_lock(self._lock_path()):
            current = self.load()
            target = current.edit_target
            assert target is not None
            existing = current.get(entry.id)
            if expected is None and existing is not None:
                raise ConflictError(f"Einen Eintrag mit der id „{entry.id}“ gibt es schon "
                                    f"(„{existing.term}“). Bitte den vorhandenen Eintrag bearbeiten.")
            if expected is not None:
                if existing is None:
                    raise ConflictError(f"Der Eintrag „{entry.id}“ wurde inzwischen gelöscht. Ihre Änderung wurde "
                                        "nicht gespeichert.")
                if existing.content_hash() != expected:
                    raise ConflictError(
                        f"Der Eintrag „{existing.term}“ wurde inzwischen von {existing.changed_by or 'jemand anderem'}"
                        f" geändert ({existing.changed_at or 'Zeit unbekannt'}). Ihre Änderung wurde nicht "
                        "gespeichert, damit nichts überschrieben wird. Bitte den Eintrag neu laden und die Änderung "
                        "noch einmal machen.")
            if existing is not None and _same_content(existing, entry):
                return existing
            stored = replace(entry, source=str(target), line=0)
            if not keep_stamp:
                stored.changed_by = user or current_user()
                stored.changed_at = now_text()
            glossary_file = self._read_target(target)
            self._put(glossary_file, stored)
            write_atomic(target, dump_glossary(glossary_file))
            return stored

    @staticmethod
    def _put(glossary_file: GlossaryFile, entry: Entry) -> None:
        glossary_file.removed.pop(entry.id, None)
        for i, old in enumerate(glossary_file.entries):
            if old.id == entry.id:
                glossary_file.entries[i] = entry
                return
        glossary_file.entries.append(entry)

    def remove_entry(self, entry_id: str, expected: str | None = None) -> Entry:
        """Remove an entry from the selection: delete it from the edit target and, if a lower-precedence
        glossary (e.g. the shipped one) still has it, hide it there with a ``removed: true`` marker."""
        with file_lock(self._lock_path()):
            current = self.load()
            target = current.edit_target
            assert target is not None
            existing = current.get(entry_id)
            if existing is None:
                raise EntryNotFound(f"Einen Eintrag „{entry_id}“ gibt es nicht (mehr).")
            if expected is not None and existing.content_hash() != expected:
                raise ConflictError(f"Der Eintrag „{existing.term}“ wurde inzwischen von "
                                    f"{existing.changed_by or 'jemand anderem'} geändert. Er wurde nicht gelöscht; "
                                    "bitte neu laden und prüfen.")
            glossary_file = self._read_target(target)
            glossary_file.entries = [e for e in glossary_file.entries if e.id != entry_id]
            lower = [f for f in current.files if f.path != target]
            if any(entry_id in {e.id for e in f.entries} for f in lower):
                glossary_file.removed[entry_id] = 0
            write_atomic(target, dump_glossary(glossary_file))
            return existing

    def import_entries(self, entries: list[Entry], user: str | None = None) -> ImportResult:
        """Add or update many entries in one write (CSV/TBX import). Unchanged entries are not copied."""
        result = ImportResult()
        with file_lock(self._lock_path()):
            current = self.load()
            target = current.edit_target
            assert target is not None
            glossary_file = self._read_target(target)
            for entry in entries:
                existing = current.get(entry.id)
                if existing is not None and _same_content(existing, entry):
                    result.unchanged += 1
                    continue
                stored = replace(entry, source=str(target), line=0)
                if existing is not None or not stored.changed_at:
                    stored.changed_by = user or current_user()
                    stored.changed_at = now_text()
                if existing is None:
                    result.added += 1
                else:
                    result.changed += 1
                self._put(glossary_file, stored)
            if result.added or result.changed:
                write_atomic(target, dump_glossary(glossary_file))
        return result

    def _lock_path(self) -> Path:
        from lesbar.glossary.locations import selected_glossaries

        _files, target, _default = selected_glossaries(self._paths, self._settings)
        return target


def _same_content(a: Entry, b: Entry) -> bool:
    strip = ("source", "line", "changed_by", "changed_at")
    da, db = a.to_dict(), b.to_dict()
    return {k: v for k, v in da.items() if k not in strip} == {k: v for k, v in db.items() if k not in strip}
