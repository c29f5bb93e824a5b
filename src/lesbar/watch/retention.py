"""Data protection: delete originals, results, notes, log lines and translation-memory entries after N days.

Nothing is deleted unless a number of days is set in ``[aufbewahrung]`` (default 0 = keep for ever), and
lesbar deletes only here. Age counts from the moment lesbar filed a file (``.lesbar/ablage.jsonl``), not
from the file's own date, which may be years old; files put into erledigt/ by hand count from their mtime.

Translation memory: entries that came from a document are forgotten ``uebersetzungsspeicher_tage`` after the
document was filed, through the hook :data:`MEMORY_HOOK` (``module:function``, called with the document's
SHA-256, returning how many entries it removed). TODO(translate): the memory API does not exist yet; until
``lesbar.translate.memory.forget_document`` exists this step logs that it cannot run.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lesbar.watch.fsops import atomic_write_text
from lesbar.watch.layout import NOTE_SUFFIX, Layout
from lesbar.watch.settings import Retention

log = logging.getLogger(__name__)

DAY = 86400.0
MEMORY_HOOK = "lesbar.translate.memory:forget_document"


@dataclass
class SweepResult:
    deleted: list[str] = field(default_factory=list)
    log_lines_dropped: int = 0
    memory_entries: int = 0
    memory_documents: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def append_index(layout: Layout, record: dict[str, Any]) -> None:
    """Append one filing record (``path``, ``at``, ``sha256`` …) to ``.lesbar/ablage.jsonl``."""
    layout.state.mkdir(parents=True, exist_ok=True)
    with open(layout.archive_index, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def read_index(layout: Layout) -> list[dict[str, Any]]:
    if not layout.archive_index.exists():
        return []
    records = []
    for line in layout.archive_index.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict):
            records.append(record)
    return records


def load_memory_hook(spec: str = MEMORY_HOOK) -> Callable[[str], int] | None:
    module_name, _, attr = spec.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError:
        return None
    hook = getattr(module, attr, None)
    return hook if callable(hook) else None


def sweep(layout: Layout, retention: Retention, now: float | None = None,
          memory_hook: Callable[[str], int] | None = None, report: Callable[[str], Any] | None = None) -> SweepResult:
    """Delete what is older than its retention period. Safe to run at any time, repeatedly."""
    now = time.time() if now is None else now
    result = SweepResult()
    if not retention.active:
        return result
    index = read_index(layout)
    filed: dict[str, dict[str, Any]] = {}
    for record in index:
        if "path" in record:
            filed[record["path"]] = record
    say = report or (lambda text: None)

    def age_days(path: Path) -> float:
        record: dict[str, Any] | None = filed.get(layout.rel(path))
        try:
            when = float(record["at"]) if record and "at" in record else path.stat().st_mtime
        except OSError:
            return 0.0
        return (now - when) / DAY

    def expired(path: Path, days: int) -> bool:
        return days > 0 and age_days(path) >= days

    # originals in erledigt/
    for path in _files(layout.erledigt):
        if expired(path, retention.erledigt_days):
            _delete(path, layout, result, say, f"Aufbewahrung {retention.erledigt_days} Tage")
    # failed originals and their notes in fehler/ (a note goes with its file)
    for path in _files(layout.fehler):
        if path.name.endswith(NOTE_SUFFIX):
            continue
        if expired(path, retention.fehler_days):
            _delete(path, layout, result, say, f"Aufbewahrung {retention.fehler_days} Tage")
            note = path.with_name(path.name + NOTE_SUFFIX)
            if note.exists():
                _delete(note, layout, result, say, f"Aufbewahrung {retention.fehler_days} Tage")
    for note in _files(layout.fehler):
        if note.name.endswith(NOTE_SUFFIX) and not note.with_name(note.name[: -len(NOTE_SUFFIX)]).exists() \
                and expired(note, retention.fehler_days):
            _delete(note, layout, result, say, f"Aufbewahrung {retention.fehler_days} Tage")
    # result folders in ausgang/ (a result folder is one with a manifest.json)
    if retention.ausgang_days > 0 and layout.ausgang.is_dir():
        for manifest in sorted(layout.ausgang.rglob("manifest.json")):
            folder = manifest.parent
            if any(part.startswith(".") for part in folder.relative_to(layout.ausgang).parts):
                continue
            done = _done_record(index, layout.rel(folder))
            when = float(done["at"]) if done else folder.stat().st_mtime
            if (now - when) / DAY >= retention.ausgang_days:
                _delete(folder, layout, result, say, f"Aufbewahrung {retention.ausgang_days} Tage")
    # translation-memory entries of documents filed long enough ago
    if retention.memory_days > 0:
        _forget_memory(index, retention.memory_days, now, layout, result, say, memory_hook)
    # log lines
    if retention.log_days > 0:
        result.log_lines_dropped = _trim_log(layout.log, now - retention.log_days * DAY)
        if result.log_lines_dropped:
            say(f"GELOESCHT {result.log_lines_dropped} Protokollzeilen (Aufbewahrung {retention.log_days} Tage)")
    _rewrite_index(layout, index, result)
    return result


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


def _done_record(index: list[dict[str, Any]], folder_rel: str) -> dict[str, Any] | None:
    for record in index:
        if record.get("ausgang") == folder_rel:
            return record
    return None


def _delete(path: Path, layout: Layout, result: SweepResult, say: Callable[[str], Any], why: str) -> None:
    try:
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
    except OSError as exc:
        result.problems.append(f"{layout.rel(path)}: {exc.strerror}")
        return
    result.deleted.append(layout.rel(path))
    say(f"GELOESCHT {layout.rel(path)} ({why})")


def _forget_memory(index: list[dict[str, Any]], days: int, now: float, layout: Layout, result: SweepResult,
                   say: Callable[[str], Any], hook: Callable[[str], int] | None) -> None:
    forgotten = {r["forgotten"] for r in index if "forgotten" in r}
    due = sorted({r["sha256"] for r in index if r.get("sha256") and "at" in r and "forgotten" not in r
                  and (now - float(r["at"])) / DAY >= days} - forgotten)
    if not due:
        return
    hook = hook or load_memory_hook(MEMORY_HOOK)
    if hook is None:
        result.problems.append("translation memory retention is not available in this version of lesbar")
        log.warning("translation-memory retention: no hook %s; %d document(s) due", MEMORY_HOOK, len(due))
        return
    for sha in due:
        try:
            removed = int(hook(sha) or 0)
        except Exception as exc:  # noqa: BLE001 - one failure must not stop the other deletions
            result.problems.append(f"translation memory: {exc}")
            continue
        result.memory_entries += removed
        result.memory_documents.append(sha)
        append_index(layout, {"forgotten": sha, "at": round(now, 3), "entries": removed})
        index.append({"forgotten": sha, "at": round(now, 3), "entries": removed})
        say(f"GELOESCHT {removed} Einträge im Übersetzungs-Speicher (Dokument {sha[:12]}, Aufbewahrung {days} Tage)")


def _trim_log(path: Path, cutoff: float) -> int:
    """Drop log lines older than ``cutoff`` (lines start with ``YYYY-MM-DD HH:MM:SS``)."""
    if not path.exists():
        return 0
    keep: list[str] = []
    dropped = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            when = time.mktime(time.strptime(line[:19], "%Y-%m-%d %H:%M:%S"))
        except ValueError:
            keep.append(line)
            continue
        if when < cutoff:
            dropped += 1
        else:
            keep.append(line)
    if dropped:
        atomic_write_text(path, "\n".join(keep) + ("\n" if keep else ""))
    return dropped


def _rewrite_index(layout: Layout, index: list[dict[str, Any]], result: SweepResult) -> None:
    """Forget filing records of deleted files, so the index itself does not keep names for ever."""
    if not result.deleted:
        return
    gone = set(result.deleted)
    forgotten = {r["forgotten"] for r in index if "forgotten" in r}
    keep = []
    for record in index:
        if record.get("path") not in gone:
            keep.append(record)
        elif record.get("sha256") and record["sha256"] not in forgotten:
            # the file is gone, but its translation-memory entries still wait for their own deadline
            keep.append({"sha256": record["sha256"], "at": record["at"]})
    atomic_write_text(layout.archive_index, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in keep))
