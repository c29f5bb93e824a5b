"""One dropped file's way through the watch folder, each step journaled first and safe to repeat.

``claim``   copy the dropped file to ``.lesbar/arbeit/<job>/quelle/`` (the conversion reads this copy, so a
            file that is overwritten meanwhile cannot produce a mixed result) and note size, mtime, SHA-256;
``publish`` rename the finished result folder from ``.lesbar/arbeit/<job>/ergebnis/`` to ``ausgang/<name>/``
            (a free name: ``<name>-2`` when taken);
``archive`` move the original from ``eingang/`` to ``erledigt/`` (only now, with every output in place);
``done``.
Failure: ``fail`` writes ``fehler/<name>.fehler.txt`` and moves the original to ``fehler/``; ``failed``.
Roll-back: ``release`` deletes the working folder; the file stays in ``eingang/`` and is tried again.

If the original changed or vanished while it was converted, the working copy (the bytes that were really
converted) is archived instead and a changed file stays in eingang/ as a new drop: nothing is lost and every
result belongs to exactly the bytes it was made from.

:meth:`JobRunner.recover` continues every job the journal shows unfinished after a crash, from its last step.
"""

from __future__ import annotations

import json
import logging
import os
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lesbar.watch import notes
from lesbar.watch.fsops import (
    DestinationError,
    atomic_write_text,
    copy_and_hash,
    finish_move,
    free_name,
    move_dir_no_replace,
    remove_tree,
)
from lesbar.watch.journal import JobRecord, Journal
from lesbar.watch.layout import NOTE_SUFFIX, Layout
from lesbar.watch.logbook import Logbook

log = logging.getLogger(__name__)

#: Release reasons that count against a file: its conversion process died (out of memory, a crash in a
#: native library). A killed or stopped watcher is not the file's fault and does not count.
INTERRUPTIONS = ("absturz",)
#: A file whose conversion process died this often goes to fehler/ (instead of crashing workers for ever).
MAX_TRIES = 3


@dataclass
class Job:
    id: str
    source: str  # relative to the watch folder: eingang/<sub>/<name>
    name: str
    sub: str  # subfolder below eingang/ ("" for none), posix
    size: int
    mtime_ns: int
    sha256: str
    claimed_at: float
    started: float = field(default_factory=time.monotonic)

    @classmethod
    def from_claim(cls, record: dict[str, Any]) -> Job:
        return cls(id=record["job"], source=record["source"], name=record["name"], sub=record["sub"],
                   size=record["size"], mtime_ns=record["mtime_ns"], sha256=record["sha256"],
                   claimed_at=record["at"])


class JobRunner:
    def __init__(self, layout: Layout, journal: Journal, logbook: Logbook) -> None:
        self.layout = layout
        self.journal = journal
        self.logbook = logbook
        #: interrupted conversions per content hash (crash loop protection)
        self.tries: dict[str, int] = {}

    # ------------------------------------------------------------------ paths

    def work(self, job: Job) -> Path:
        return self.layout.work / job.id

    def snapshot(self, job: Job) -> Path:
        return self.work(job) / "quelle" / job.name

    def results_dir(self, job: Job) -> Path:
        return self.work(job) / "ergebnis"

    def _sub_folder(self, base: Path, job: Job) -> Path:
        return base.joinpath(*job.sub.split("/")) if job.sub else base

    # ------------------------------------------------------------------ claim

    def claim(self, path: Path, max_file_mb: float) -> tuple[Job | None, str]:
        """Make the working copy and journal the claim. ``(job, "")`` or ``(None, why)`` if it went to fehler/.

        Too large and unreadable files never reach a worker: they go to fehler/ here with their note.
        """
        st = path.stat()
        sub = self.layout.subfolder(path).as_posix()
        job = Job(id=f"{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:8]}", source=self.layout.rel(path),
                  name=path.name, sub="" if sub == "." else sub, size=st.st_size, mtime_ns=st.st_mtime_ns,
                  sha256="", claimed_at=time.time())
        limit = max_file_mb * 1024 * 1024
        if st.st_size > limit:
            self._journal_claim(job)
            kind = "zu_gross"
            self.fail(job, kind, f"{path.name}: {st.st_size} bytes, limit {max_file_mb:g} MB",
                      values={"groesse_mb": _mb(st.st_size), "grenze_mb": f"{max_file_mb:g}"})
            return None, kind
        try:
            job.sha256 = copy_and_hash(path, self.snapshot(job))
        except FileNotFoundError:
            remove_tree(self.work(job))
            return None, "verschwunden"
        except DestinationError as exc:
            remove_tree(self.work(job))
            self.logbook.line(f"WARTET  {job.source}: lesbar kann nicht in .lesbar/arbeit schreiben "
                              f"({exc.strerror}); Speicherplatz und Rechte prüfen")
            return None, "arbeitsplatz"
        except OSError as exc:
            remove_tree(self.work(job))
            self._journal_claim(job)
            self.fail(job, "unlesbar", f"{path.name}: cannot read the file ({exc.strerror})")
            return None, "unlesbar"
        self._journal_claim(job)
        return job, ""

    def _journal_claim(self, job: Job) -> None:
        self.journal.append(job.id, "claim", source=job.source, name=job.name, sub=job.sub, size=job.size,
                            mtime_ns=job.mtime_ns, sha256=job.sha256)

    # ------------------------------------------------------------------ success

    def complete(self, job: Job, result: dict[str, Any]) -> None:
        """A worker finished ``job``: publish on success, fehler/ on an error in the file."""
        if result.get("error"):
            if self.original_changed(job) and self.layout.abs(job.source).exists():
                # probably still being written when it was taken: try the new version instead
                self.release(job, "geändert", "the file changed while it was converted; it is taken again")
                return
            self.fail(job, notes.classify(result["error"], result.get("error_code", "")), result["error"])
            return
        staged = Path(result["folder"]) if result.get("folder") else self._find_staged(job)
        if staged is None or not staged.is_dir():
            self.fail(job, "unbekannt", "the conversion reported success but wrote no folder")
            return
        self.publish(job, staged, result)

    def publish(self, job: Job, staged: Path, result: dict[str, Any] | None = None) -> None:
        target = free_name(self._sub_folder(self.layout.ausgang, job), staged.name, is_dir=True)
        self._fix_manifest(staged, job)
        self.journal.append(job.id, "publish", target=self.layout.rel(target))
        move_dir_no_replace(staged, target)
        self.archive(job, target, result)

    def archive(self, job: Job, published: Path, result: dict[str, Any] | None = None,
                planned: dict[str, Any] | None = None) -> None:
        if planned is None:
            mode = "original" if not self.original_changed(job) else "kopie"
            target = free_name(self._sub_folder(self.layout.erledigt, job), job.name)
            self.journal.append(job.id, "archive", target=self.layout.rel(target), mode=mode,
                                ausgang=self.layout.rel(published))
        else:
            mode, target = planned["mode"], self.layout.abs(planned["target"])
        source = self.layout.abs(job.source) if mode == "original" else self.snapshot(job)
        if not finish_move(source, target):
            # the planned name was taken by someone else in between, or the original vanished after it was
            # converted (then the working copy is filed): plan again, journaled
            if not os.path.lexists(source) and self.snapshot(job).exists():
                source, mode = self.snapshot(job), "kopie"
            target = free_name(target.parent, job.name)
            self.journal.append(job.id, "archive", target=self.layout.rel(target), mode=mode,
                                ausgang=self.layout.rel(published))
            finish_move(source, target)
        self._index(target, job, ausgang=self.layout.rel(published))
        self.tries.pop(job.sha256, None)
        files, seconds = _manifest_summary(published, result)
        self.journal.append(job.id, "done", ausgang=self.layout.rel(published), files=files)
        remove_tree(self.work(job))
        extra = "" if mode == "original" else " (die Datei in eingang hatte sich geändert und wird neu bearbeitet)"
        missing = (result or {}).get("missing") or []
        self.logbook.file_line(
            "OK", job.source, self.layout.rel(published) + "/", job.claimed_at, time.time(),
            f"{len(files)} Dateien: {', '.join(files)} | Original: {self.layout.rel(target)}{extra}"
            + (f" | Umwandlung {seconds:.1f} s" if seconds else "")
            + (f" | fehlt: {'; '.join(missing)}" if missing else ""),
        )

    # ------------------------------------------------------------------ failure and roll-back

    def fail(self, job: Job, kind: str, technical: str, values: dict[str, Any] | None = None,
             planned: dict[str, Any] | None = None) -> None:
        """Move the original to fehler/ with a German note saying what is wrong and what to do."""
        folder = self._sub_folder(self.layout.fehler, job)
        if planned is None:
            original = self.layout.abs(job.source)
            snapshot = self.snapshot(job)
            mode = "original" if not self.original_changed(job) or not snapshot.exists() else "kopie"
            target = _free_with_note(folder, job.name)
            self.journal.append(job.id, "fail", target=self.layout.rel(target), mode=mode, kind=kind,
                                technical=technical[:2000], values=values or {})
        else:
            mode, target = planned["mode"], self.layout.abs(planned["target"])
            kind, technical, values = planned["kind"], planned["technical"], planned.get("values") or {}
            original = self.layout.abs(job.source)
        note = notes.note_for(kind, name=job.name, **(values or {}))
        source = original if mode == "original" else self.snapshot(job)
        stuck = ""
        try:
            atomic_write_text(target.with_name(target.name + NOTE_SUFFIX),
                              notes.render_note(job.name, note, technical, job.claimed_at))
            if not finish_move(source, target):
                target = _free_with_note(folder, job.name)
                atomic_write_text(target.with_name(target.name + NOTE_SUFFIX),
                                  notes.render_note(job.name, note, technical, job.claimed_at))
                finish_move(source, target)
        except OSError as exc:
            stuck = f"could not move to fehler/: {exc}"
            log.error("%s: %s", job.source, stuck)
        self._index(target, job, kind=kind)
        self.journal.append(job.id, "failed", kind=kind, target=self.layout.rel(target), stuck=stuck)
        remove_tree(self.work(job))
        self.logbook.file_line(
            "FEHLER", job.source, self.layout.rel(target), job.claimed_at, time.time(),
            f"{kind}: {technical[:300]}" + (f" | {stuck}" if stuck else ""),
        )

    def release(self, job: Job, reason: str, detail: str = "") -> None:
        """Roll back: the working folder goes, the original stays in eingang/ for another try."""
        self.journal.append(job.id, "release", reason=reason, sha256=job.sha256)
        remove_tree(self.work(job))
        if reason in INTERRUPTIONS and job.sha256:
            self.tries[job.sha256] = self.tries.get(job.sha256, 0) + 1
        self.logbook.file_line("ZURUECK", job.source, job.source, job.claimed_at, time.time(),
                               f"{reason}: {detail or 'bleibt in eingang und wird neu bearbeitet'}")

    def interrupted(self, job: Job, reason: str, detail: str) -> None:
        """A conversion was cut off (worker or watcher died): retry, or fehler/ after :data:`MAX_TRIES` crashes."""
        if reason in INTERRUPTIONS and self.tries.get(job.sha256, 0) + 1 >= MAX_TRIES:
            self.fail(job, "absturz", f"{detail}; conversion interrupted {MAX_TRIES} times (stürzte ab)")
            self.tries.pop(job.sha256, None)
        else:
            self.release(job, reason, detail)

    def original_changed(self, job: Job) -> bool:
        """True if the file in eingang/ is gone or differs from the claimed one (size or mtime)."""
        try:
            st = self.layout.abs(job.source).stat()
        except OSError:
            return True
        return (st.st_size, st.st_mtime_ns) != (job.size, job.mtime_ns)

    # ------------------------------------------------------------------ crash recovery

    def recover(self) -> int:
        """Finish or roll back every job the journal shows unfinished; then tidy the journal. Returns the count."""
        jobs = self.journal.jobs()
        self.tries = _count_tries(self.journal.records())
        count = 0
        for record in jobs.values():
            if record.finished:
                continue
            count += 1
            self._recover_one(record)
        live = {r.job for r in self.journal.jobs().values() if not r.finished}
        if self.layout.work.is_dir():
            for leftover in self.layout.work.iterdir():
                if leftover.name not in live:
                    remove_tree(leftover)
        self.compact()
        return count

    def _recover_one(self, record: JobRecord) -> None:
        job = Job.from_claim(record.claim)
        last = record.last
        step = last["step"]
        log.info("recovering job %s (%s) after step %s", job.id, job.source, step)
        if step == "claim":
            if not job.sha256:  # killed between the claim of a too large/unreadable file and its fail step
                self.release(job, "neustart", "lesbar was stopped before the file was read")
                return
            self.interrupted(job, "neustart", "lesbar was stopped during the conversion")
        elif step == "publish":
            target = self.layout.abs(last["target"])
            staged = self._find_staged(job)
            if staged is not None:
                self.publish(job, staged)  # the rename had not happened: publish again
            elif target.is_dir():
                self.archive(job, target)
            else:
                self.interrupted(job, "neustart", "results missing after a restart")
        elif step == "archive":
            self.archive(job, self.layout.abs(last["ausgang"]), planned=last)
        elif step == "fail":
            self.fail(job, last["kind"], last["technical"], planned=last)

    def _find_staged(self, job: Job) -> Path | None:
        folder = self.results_dir(job)
        if not folder.is_dir():
            return None
        found = [p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")]
        return found[0] if len(found) == 1 else None

    def compact(self) -> None:
        """Drop finished jobs from the journal (the log keeps the history), keep unfinished ones and counters."""
        keep: list[dict[str, Any]] = []
        for record in self.journal.jobs().values():
            if not record.finished:
                keep += [record.claim, *record.steps]
        for sha, tries in self.tries.items():
            if tries:
                keep.append({"job": "-", "step": "tries", "at": round(time.time(), 3), "sha256": sha, "tries": tries})
        self.journal.compact(keep)

    # ------------------------------------------------------------------ helpers

    def _fix_manifest(self, staged: Path, job: Job) -> None:
        """The manifest names the dropped file (eingang/…), not lesbar's private working copy."""
        manifest = staged / "manifest.json"
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        data.setdefault("input", {})["path"] = job.source
        data["watch"] = {"job": job.id, "dropped": job.source}
        atomic_write_text(manifest, json.dumps(data, ensure_ascii=False, indent=2))

    def _index(self, target: Path, job: Job, **extra: Any) -> None:
        """Remember when lesbar filed ``target`` (retention counts days from here, not from the file's mtime)."""
        from lesbar.watch.retention import append_index

        append_index(self.layout, {"path": self.layout.rel(target), "at": round(time.time(), 3),
                                   "sha256": job.sha256, **extra})


def _free_with_note(folder: Path, name: str) -> Path:
    """A free name in fehler/ whose note name is free too."""
    candidate = free_name(folder, name)
    n = 2
    while os.path.lexists(candidate.with_name(candidate.name + NOTE_SUFFIX)):
        p = Path(name)
        candidate = free_name(folder, f"{p.stem}-{n}{p.suffix}")
        n += 1
    return candidate


def _count_tries(records: list[dict[str, Any]]) -> dict[str, int]:
    """Interrupted conversions per content hash; a later success or fehler/ resets the count."""
    tries: dict[str, int] = {}
    sha_of: dict[str, str] = {}
    for record in records:
        step = record["step"]
        if step == "claim":
            sha_of[record["job"]] = record.get("sha256", "")
        elif step == "tries":
            tries[record["sha256"]] = tries.get(record["sha256"], 0) + int(record.get("tries", 0))
        elif step == "release" and record.get("reason") in INTERRUPTIONS:
            sha = record.get("sha256", "")
            if sha:
                tries[sha] = tries.get(sha, 0) + 1
        elif step in ("done", "failed"):
            tries.pop(sha_of.get(record["job"], ""), None)
    return tries


def _manifest_summary(folder: Path, result: dict[str, Any] | None) -> tuple[list[str], float]:
    if result and result.get("files"):
        return sorted(result["files"]), float(result.get("seconds") or 0.0)
    try:
        data = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        return sorted(data.get("files", [])), float(data.get("timings", {}).get("total", 0.0))
    except (OSError, ValueError):
        return sorted(p.name for p in folder.iterdir()), 0.0


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.0f}"
