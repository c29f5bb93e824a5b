"""The translation memory: an SQLite store of translated segments, so nothing is translated twice.

One row per (source segment, source language, target language, origin, engine). ``origin`` is ``mt``
(a machine translation, valid only for the models (``engine``) and glossary version that made it) or
``human`` (a translator's reviewed target, imported from XLIFF; always wins, whatever the models or the
glossary). The default file is ``<user data dir>/translation-memory.sqlite``; ``[translation] memory``
in lesbar.toml points it elsewhere (e.g. a shared drive). WAL mode lets the watch folder and a person
on the command line use it at the same time.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from lesbar.errors import LesbarError

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
MEMORY_FILE = "translation-memory.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS segments (
    source TEXT NOT NULL,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('mt', 'human')),
    engine TEXT NOT NULL DEFAULT '',
    target TEXT NOT NULL,
    glossary_version TEXT NOT NULL DEFAULT '',
    flags TEXT NOT NULL DEFAULT '[]',
    note TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (source, source_lang, target_lang, origin, engine)
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- which documents (by the SHA-256 of their source file) used a segment: retention deletes a document's
-- machine translations once no other document uses them (data protection); human translations stay
CREATE TABLE IF NOT EXISTS segment_documents (
    source TEXT NOT NULL,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    document_sha256 TEXT NOT NULL,
    used TEXT NOT NULL,
    PRIMARY KEY (source, source_lang, target_lang, document_sha256)
);
"""


class TranslationMemoryError(LesbarError):
    """The translation memory file cannot be opened or written."""


def normalize_segment(text: str) -> str:
    """The memory key of a segment: whitespace collapsed (line breaks from PDFs must not matter)."""
    return re.sub(r"\s+", " ", text).strip()


def default_memory_path() -> Path:
    from lesbar.config import user_data_dir

    return user_data_dir() / MEMORY_FILE


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


@dataclass
class Segment:
    source: str
    source_lang: str
    target_lang: str
    target: str
    origin: str  # "mt" | "human"
    engine: str = ""
    glossary_version: str = ""
    flags: list[str] = field(default_factory=list)
    note: str = ""
    created: str = ""
    updated: str = ""


class TranslationMemory:
    """An open translation memory. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else default_memory_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(self.path), timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)
            self._db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            self._db.commit()
        except (sqlite3.Error, OSError) as exc:
            raise TranslationMemoryError(
                f"{self.path}: the translation memory cannot be opened ({exc}); check the path "
                "([translation] memory in lesbar.toml) and that the file is a lesbar translation memory"
            ) from None

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        try:
            with self._db:
                yield self._db
        except sqlite3.Error as exc:
            raise TranslationMemoryError(f"{self.path}: the translation memory cannot be written ({exc})") from None

    # ------------------------------------------------------------------------------------- lookup

    def lookup(self, sources: Iterable[str], source_lang: str, target_lang: str, engine: str,
               glossary_version: str) -> dict[str, Segment]:
        """The best stored translation per source: human first, else MT from the same engine and glossary."""
        keys = list(dict.fromkeys(normalize_segment(s) for s in sources))
        found: dict[str, Segment] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT source, target, origin, engine, glossary_version, flags, note, created, updated "
                f"FROM segments WHERE source_lang=? AND target_lang=? AND source IN ({marks}) "
                f"AND (origin='human' OR (origin='mt' AND engine=? AND glossary_version=?))",
                (source_lang, target_lang, *chunk, engine, glossary_version),
            ).fetchall()
            for source, target, origin, eng, gv, flags, note, created, updated in rows:
                current = found.get(source)
                if current is not None and current.origin == "human":
                    continue
                found[source] = Segment(source, source_lang, target_lang, target, origin, eng, gv,
                                        json.loads(flags), note, created, updated)
        return found

    # -------------------------------------------------------------------------------------- store

    def store_mt(self, segments: Iterable[Segment]) -> int:
        rows = [(normalize_segment(s.source), s.source_lang, s.target_lang, s.engine, s.target,
                 s.glossary_version, json.dumps(s.flags), _now(), _now()) for s in segments]
        with self._write() as db:
            db.executemany(
                "INSERT INTO segments (source, source_lang, target_lang, origin, engine, target, glossary_version,"
                " flags, created, updated) VALUES (?,?,?,'mt',?,?,?,?,?,?) "
                "ON CONFLICT (source, source_lang, target_lang, origin, engine) DO UPDATE SET "
                "target=excluded.target, glossary_version=excluded.glossary_version, flags=excluded.flags, "
                "updated=excluded.updated",
                rows,
            )
        return len(rows)

    def store_human(self, source: str, source_lang: str, target_lang: str, target: str,
                    glossary_version: str = "", note: str = "") -> bool:
        """Store a person's translation; returns False if the same one was already stored."""
        key = normalize_segment(source)
        current = self._db.execute(
            "SELECT target FROM segments WHERE source=? AND source_lang=? AND target_lang=? AND origin='human'",
            (key, source_lang, target_lang),
        ).fetchone()
        if current is not None and current[0] == target:
            return False
        now = _now()
        with self._write() as db:
            db.execute(
                "INSERT INTO segments (source, source_lang, target_lang, origin, engine, target, glossary_version,"
                " note, created, updated) VALUES (?,?,?,'human','',?,?,?,?,?) "
                "ON CONFLICT (source, source_lang, target_lang, origin, engine) DO UPDATE SET "
                "target=excluded.target, glossary_version=excluded.glossary_version, note=excluded.note, "
                "updated=excluded.updated",
                (key, source_lang, target_lang, target, glossary_version, note, now, now),
            )
        return True

    # ------------------------------------------------------------------------------- documents

    def link_document(self, sources: Iterable[str], source_lang: str, target_lang: str, sha256: str) -> None:
        """Record that the document ``sha256`` used these segments (for :meth:`forget_document`)."""
        if not sha256:
            return
        now = _now()
        rows = [(normalize_segment(s), source_lang, target_lang, sha256, now) for s in dict.fromkeys(sources)]
        with self._write() as db:
            db.executemany(
                "INSERT INTO segment_documents VALUES (?,?,?,?,?) ON CONFLICT "
                "(source, source_lang, target_lang, document_sha256) DO UPDATE SET used=excluded.used",
                rows,
            )

    def forget_document(self, sha256: str) -> int:
        """Delete what the memory keeps because of one document; returns the number of MT segments deleted.

        Machine translations of the document's segments go unless another document still uses them; a
        person's translations stay (they are reviewed work, not personal data of one report).
        """
        with self._write() as db:
            linked = db.execute(
                "SELECT source, source_lang, target_lang FROM segment_documents WHERE document_sha256=?",
                (sha256,),
            ).fetchall()
            db.execute("DELETE FROM segment_documents WHERE document_sha256=?", (sha256,))
            deleted = 0
            for source, source_lang, target_lang in linked:
                still_used = db.execute(
                    "SELECT 1 FROM segment_documents WHERE source=? AND source_lang=? AND target_lang=? LIMIT 1",
                    (source, source_lang, target_lang),
                ).fetchone()
                if still_used is None:
                    deleted += db.execute(
                        "DELETE FROM segments WHERE source=? AND source_lang=? AND target_lang=? AND origin='mt'",
                        (source, source_lang, target_lang),
                    ).rowcount
        return deleted

    # ---------------------------------------------------------------------------------- inventory

    def segments(self, target_lang: str | None = None, origin: str | None = None) -> list[Segment]:
        sql = ("SELECT source, source_lang, target_lang, target, origin, engine, glossary_version, flags, note,"
               " created, updated FROM segments WHERE 1=1")
        args: list[str] = []
        if target_lang:
            sql += " AND target_lang=?"
            args.append(target_lang)
        if origin:
            sql += " AND origin=?"
            args.append(origin)
        sql += " ORDER BY target_lang, source"
        return [Segment(r[0], r[1], r[2], r[3], r[4], r[5], r[6], json.loads(r[7]), r[8], r[9], r[10])
                for r in self._db.execute(sql, args).fetchall()]

    def stats(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for lang, origin, n in self._db.execute(
            "SELECT target_lang, origin, COUNT(*) FROM segments GROUP BY target_lang, origin"
        ).fetchall():
            out.setdefault(lang, {})[origin] = n
        return out


def forget_document(sha256: str, path: str | Path | None = None) -> int:
    """Retention hook (watch folder): forget one document in the configured translation memory.

    ``path`` defaults to ``[translation] memory`` from lesbar.toml, else the default memory file; a memory
    that does not exist yet has nothing to forget.
    """
    if path is None:
        from lesbar.config import load_settings

        path = load_settings().translation.memory or default_memory_path()
    if not Path(path).exists():
        return 0
    with TranslationMemory(path) as memory:
        return memory.forget_document(sha256)
