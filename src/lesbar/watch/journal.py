"""The journal: an append-only, fsynced record of every step of every job, replayed after a crash.

One JSON object per line: ``{"job": id, "step": ..., "at": unix time, ...}``. A step is written (and
fsynced) *before* the action it announces (``publish`` names the target folder before the rename), so after
``kill -9`` the last step of a job says exactly what may have happened and recovery can check the disk and
finish or undo it. A torn last line (killed mid-write) is ignored: its action had not started.

Steps: ``claim`` (working copy made; conversion starts) → ``publish`` (results renamed into ausgang/) →
``archive`` (original moved to erledigt/) → ``done``; or ``claim`` → ``fail`` (original moved to fehler/ with
a note) → ``failed``; or ``claim`` → ``release`` (rolled back: the file stays in eingang/ for a new try).
"""

from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

TERMINAL = {"done", "failed", "release"}


@dataclass
class JobRecord:
    """What the journal knows about one job: its claim data and the steps since."""

    job: str
    claim: dict[str, Any]
    steps: list[dict[str, Any]] = field(default_factory=list)

    @property
    def last(self) -> dict[str, Any]:
        return self.steps[-1] if self.steps else self.claim

    @property
    def finished(self) -> bool:
        return self.last["step"] in TERMINAL


class Journal:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh: Any = None
        #: lines in the file (to decide when to compact)
        self.lines = 0

    def open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._repair_tail()
        self.lines = self.line_count()
        self._fh = open(self.path, "ab")

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def append(self, job: str, step: str, **data: Any) -> dict[str, Any]:
        """Write one step durably (flush + fsync) and return it."""
        record = {"job": job, "step": step, "at": round(time.time(), 3), **data}
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        assert self._fh is not None, "journal not open"
        self._fh.write(line.encode("utf-8"))
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self.lines += 1
        return record

    def records(self) -> list[dict[str, Any]]:
        """Every complete record; a torn or garbled line (crash while writing) is skipped."""
        if not self.path.exists():
            return []
        out = []
        with open(self.path, "rb") as fh:
            for number, raw in enumerate(fh, 1):
                if not raw.endswith(b"\n"):
                    log.warning("journal: ignoring incomplete last line %d", number)
                    break
                try:
                    record = json.loads(raw)
                except ValueError:
                    log.warning("journal: ignoring unreadable line %d", number)
                    continue
                if isinstance(record, dict) and "job" in record and "step" in record:
                    out.append(record)
        return out

    def jobs(self) -> dict[str, JobRecord]:
        """Records grouped by job, in journal order."""
        jobs: dict[str, JobRecord] = {}
        for record in self.records():
            if record["step"] == "claim":
                jobs[record["job"]] = JobRecord(record["job"], record)
            elif record["job"] in jobs:
                jobs[record["job"]].steps.append(record)
        return jobs

    def compact(self, keep: list[dict[str, Any]]) -> None:
        """Replace the journal by ``keep`` (records of unfinished jobs and counters), atomically."""
        self.close()
        tmp = self.path.with_name(self.path.name + ".neu")
        with open(tmp, "wb") as fh:
            for record in keep:
                fh.write((json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)
        from lesbar.watch.fsops import fsync_dir

        fsync_dir(self.path.parent)
        self.open()

    def line_count(self) -> int:
        if not self.path.exists():
            return 0
        with open(self.path, "rb") as fh:
            return sum(1 for _ in fh)

    def _repair_tail(self) -> None:
        """Cut a torn last line so the next append starts on a fresh line."""
        if not self.path.exists():
            return
        with open(self.path, "rb+") as fh:
            data = fh.read()
            if data and not data.endswith(b"\n"):
                cut = data.rfind(b"\n") + 1
                fh.truncate(cut)
                fh.flush()
                os.fsync(fh.fileno())
