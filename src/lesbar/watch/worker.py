"""A bounded pool of conversion processes; each loads its models once and then converts file after file.

Why not :class:`concurrent.futures.ProcessPoolExecutor`: the watcher must be able to stop *one* conversion
(a file that takes too long) without losing the others, to notice when a worker process dies (out of
memory, a crash in a native library) and to start a fresh one, and to roll back the files in hand on
shutdown. So each worker is a ``multiprocessing`` process (``spawn``: the same on Linux and Windows, and
safe next to watchdog's threads) with its own pipe; :func:`multiprocessing.connection.wait` waits on all
pipes and process sentinels at once.

Workers die with the watcher: if the watcher is killed (``kill -9``), a worker must not go on writing into
a working folder that the restarted watcher is cleaning up. Linux: ``PR_SET_PDEATHSIG``; elsewhere a thread
watches the parent process.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from importlib import resources
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from lesbar.errors import LesbarError
from lesbar.pipeline.convert import ConvertOptions, convert_file

log = logging.getLogger(__name__)

WARMUP_TEXT = "aufwaermen.txt"


#: workers dying before they are ready this often in a row: something is broken, stop instead of looping
MAX_START_FAILURES = 5


class WorkerStartError(LesbarError):
    """Worker processes cannot start (a broken installation, not a bad file)."""


@dataclass
class Task:
    job: str
    source: str
    out_dir: str
    options: ConvertOptions


@dataclass
class Event:
    """``kind`` is ``result`` (``data`` is a ConvertResult as dict) or ``crash`` (``data`` has the exit code)."""

    kind: str
    job: str
    data: dict[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------- worker process side


def _die_with_parent(parent_pid: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.name == "nt":
        threading.Thread(target=_wait_parent_windows, args=(parent_pid,), daemon=True).start()
    else:
        threading.Thread(target=_poll_parent_posix, args=(parent_pid,), daemon=True).start()
    if os.name != "nt" and os.getppid() != parent_pid:
        os._exit(1)  # the parent died before the death signal was armed


def _poll_parent_posix(parent_pid: int) -> None:
    while True:
        if os.getppid() != parent_pid:
            os._exit(1)
        time.sleep(1.0)


def _wait_parent_windows(parent_pid: int) -> None:  # pragma: no cover - Windows only
    import ctypes

    synchronize, infinite = 0x00100000, 0xFFFFFFFF
    handle = ctypes.windll.kernel32.OpenProcess(synchronize, False, parent_pid)  # type: ignore[attr-defined]
    if not handle:
        os._exit(1)
    ctypes.windll.kernel32.WaitForSingleObject(handle, infinite)  # type: ignore[attr-defined]
    os._exit(1)


def warm_up(options: ConvertOptions) -> float:
    """Convert a small generated report once so every model and font this worker needs is loaded now.

    Loading (sentence splitter, tagger, noun dictionary, translation models, PDF fonts) takes seconds, and
    much of it happens lazily, on the first word that needs it. The report is built from ``aufwaermen.txt``,
    a text with the constructions real reports have (compounds, dates, abbreviations, passive, lists, a
    table), so the first real file after the start is as fast as any other.
    """
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="lesbar-warmup-") as tmp:
        source = Path(tmp) / "aufwaermen.docx"
        build_warmup_docx(source)
        result = convert_file(source, Path(tmp) / "out", options)
        if not result.ok:
            log.warning("warm-up conversion failed: %s", result.error)
    return time.monotonic() - started


def build_warmup_docx(path: Path) -> Path:
    """A DOCX with headings, paragraphs, a list, a quote and a table from ``aufwaermen.txt``."""
    import docx

    text = resources.files("lesbar.watch").joinpath(WARMUP_TEXT).read_text(encoding="utf-8")
    document = docx.Document()
    table_rows: list[list[str]] = []

    def flush_table() -> None:
        if table_rows:
            table = document.add_table(rows=len(table_rows), cols=max(len(r) for r in table_rows))
            for r, row in enumerate(table_rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            table_rows.clear()

    for line in text.splitlines():
        if not line.strip() or (line.startswith("#") and not line.startswith("## ")):
            continue
        if line.startswith("| "):
            table_rows.append([cell.strip() for cell in line[2:].split("|")])
            continue
        flush_table()
        if line.startswith("## "):
            document.add_heading(line[3:], 1)
        elif line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        elif line.startswith("> "):
            document.add_paragraph(line[2:], style="Quote")
        else:
            document.add_paragraph(line)
    flush_table()
    document.save(str(path))
    return path


def _worker_main(conn: Connection, parent_pid: int, warmup: ConvertOptions | None, log_level: int) -> None:
    _die_with_parent(parent_pid)
    # Ctrl-C and SIGTERM reach the whole process group (a terminal, systemd's default KillMode); they are the
    # watcher's to handle: it lets this worker finish the file in hand or ends it itself (SIGKILL).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    logging.basicConfig(level=log_level, format="%(levelname)s %(name)s: %(message)s")
    for noisy in ("fontTools", "weasyprint", "pypdf"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    seconds = 0.0
    if warmup is not None:
        try:
            seconds = warm_up(warmup)
        except Exception:  # noqa: BLE001 - a failed warm-up only costs time later
            log.warning("warm-up failed", exc_info=True)
    conn.send(("ready", "", {"pid": os.getpid(), "warmup_seconds": round(seconds, 3)}))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        task: Task = message
        result = convert_file(task.source, task.out_dir, task.options)
        try:
            conn.send(("result", task.job, asdict(result)))
        except (BrokenPipeError, OSError):
            return


# --------------------------------------------------------------------------- watcher side


@dataclass
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False
    job: str = ""
    since: float = 0.0
    pid: int = 0


class WorkerPool:
    """``size`` long-lived conversion processes. Not thread-safe: used from the watcher's main loop only."""

    def __init__(self, size: int, warmup: ConvertOptions | None = None) -> None:
        self.size = max(1, size)
        self.warmup = warmup
        self._ctx = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []
        self._start_failures = 0

    def start(self) -> None:
        while len(self._workers) < self.size:
            self._workers.append(self._spawn())

    def _spawn(self) -> _Worker:
        parent_conn, child_conn = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(
            target=_worker_main,
            args=(child_conn, os.getpid(), self.warmup, logging.getLogger("lesbar").getEffectiveLevel()),
            name="lesbar-watch-worker",
            daemon=False,  # a daemonic process may not start children, and OCR (ocrmypdf) does
        )
        process.start()
        child_conn.close()
        return _Worker(process=process, conn=parent_conn, pid=process.pid or 0)

    @property
    def idle(self) -> int:
        return sum(1 for w in self._workers if w.ready and not w.job)

    @property
    def busy(self) -> dict[str, float]:
        """Job id → monotonic start time, for every conversion in progress."""
        return {w.job: w.since for w in self._workers if w.job}

    @property
    def pids(self) -> list[int]:
        return [w.pid for w in self._workers]

    def all_ready(self) -> bool:
        return all(w.ready for w in self._workers)

    def submit(self, task: Task) -> None:
        for worker in self._workers:
            if worker.ready and not worker.job:
                worker.conn.send(task)
                worker.job, worker.since = task.job, time.monotonic()
                return
        raise RuntimeError("no idle worker")  # the caller checks .idle first

    def poll(self, timeout: float) -> list[Event]:
        """Results and crashes that arrived within ``timeout`` seconds; dead workers are replaced."""
        if not self._workers:
            time.sleep(timeout)
            return []
        waitables: list[Any] = []
        for w in self._workers:
            waitables += [w.conn, w.process.sentinel]
        ready = wait(waitables, timeout)
        events: list[Event] = []
        for worker in list(self._workers):
            if worker.conn in ready:
                try:
                    while worker.conn.poll():
                        kind, job, data = worker.conn.recv()
                        if kind == "ready":
                            worker.ready = True
                            self._start_failures = 0
                            log.info("worker %s ready (warm-up %.1f s)", data.get("pid"), data.get("warmup_seconds", 0))
                        elif kind == "result" and job == worker.job:
                            worker.job = ""
                            events.append(Event("result", job, data))
                except (EOFError, OSError):
                    pass
            if worker.process.sentinel in ready or not worker.process.is_alive():
                worker.process.join(0.1)
                if worker.process.is_alive():
                    continue
                code = worker.process.exitcode
                if worker.job:
                    events.append(Event("crash", worker.job, {"exitcode": code}))
                elif not worker.ready:
                    self._start_failures += 1
                    if self._start_failures >= MAX_START_FAILURES:
                        raise WorkerStartError(
                            f"the conversion processes end right after they start (exit code {code}, "
                            f"{self._start_failures} times); run 'lesbar -vv convert' on a file to see why"
                        )
                log.warning("worker %s ended (exit code %s); starting a new one", worker.pid, code)
                worker.conn.close()
                self._workers[self._workers.index(worker)] = self._spawn()
        return events

    def cancel(self, job: str, replace: bool = True) -> bool:
        """Stop the conversion of ``job`` by ending its worker; a fresh worker takes its place if ``replace``."""
        for index, worker in enumerate(self._workers):
            if worker.job == job:
                self._end(worker)
                if replace:
                    self._workers[index] = self._spawn()
                else:
                    del self._workers[index]
                return True
        return False

    def stop(self, timeout: float = 5.0) -> None:
        """End all workers: a polite request first, then force."""
        for worker in self._workers:
            try:
                worker.conn.send(None)
            except OSError:
                pass
        deadline = time.monotonic() + timeout
        for worker in self._workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                self._end(worker)
            worker.conn.close()
        self._workers = []

    @staticmethod
    def _end(worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join(5)
        try:
            worker.conn.close()
        except OSError:
            pass
