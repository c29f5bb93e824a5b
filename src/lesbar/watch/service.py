"""``lesbar watch FOLDER``: the loop that turns a folder into a hot folder.

Start: create the layout and a commented ``einstellungen.toml``, take the folder lock (one watcher per
folder), finish or roll back whatever the journal shows unfinished, scan ``eingang/``. Then, until stopped:
watchdog events (inotify, or polling for network shares) and a periodic rescan feed the stability tracker;
settled files are claimed and handed to the worker pool as workers become free; results are published and
originals filed. A stop (Ctrl-C, SIGTERM) lets the files in hand finish for ``stop_grace`` seconds and rolls
back the rest; a second Ctrl-C rolls back at once. ``once``: process what is in eingang/ now, then exit.
"""

from __future__ import annotations

import logging
import os
import queue
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lesbar.config import Settings
from lesbar.errors import ConfigError, LesbarError
from lesbar.watch.fsops import atomic_write_text
from lesbar.watch.jobs import Job, JobRunner
from lesbar.watch.journal import Journal
from lesbar.watch.layout import Layout
from lesbar.watch.logbook import Logbook
from lesbar.watch.retention import sweep
from lesbar.watch.settings import FolderSettings, ensure_settings_file, load_folder_settings, options_for
from lesbar.watch.stability import StabilityTracker
from lesbar.watch.worker import Task, WorkerPool

log = logging.getLogger(__name__)


#: compact the journal when idle and longer than this
JOURNAL_COMPACT_LINES = 1000


class FolderBusyError(LesbarError):
    """Another watcher holds the folder lock."""


@dataclass
class WatchConfig:
    polling: bool = False
    once: bool = False
    workers: int | None = None  # overrides [ueberwachung] gleichzeitig
    settle_seconds: float | None = None  # overrides [ueberwachung] wartezeit_sekunden
    stop_grace: float = 60.0
    rescan_seconds: float = 30.0
    poll_interval: float = 1.0  # PollingObserver interval
    retention_every: float = 3600.0
    tick: float = 0.2


class FolderLock:
    """An exclusive lock on ``.lesbar/lock``, released by the OS when the process dies (even by kill -9)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh: Any = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "a+")
        try:
            if os.name == "nt":  # pragma: no cover - Windows only
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.seek(0)
            other = fh.read().strip() or "?"
            fh.close()
            raise FolderBusyError(
                f"{self.path.parent.parent}: already watched by another lesbar process (pid {other}); "
                "stop it first or watch a different folder"
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


class WatchService:
    def __init__(self, root: Path, base: Settings | None = None, config: WatchConfig | None = None,
                 echo: Callable[[str], None] | None = None) -> None:
        self.layout = Layout(Path(root).resolve())
        self.base = base or Settings()
        self.config = config or WatchConfig()
        self.logbook = Logbook(self.layout.log, echo)
        self.journal = Journal(self.layout.journal)
        self.runner = JobRunner(self.layout, self.journal, self.logbook)
        self.lock = FolderLock(self.layout.lock)
        self.events: queue.Queue[Path] = queue.Queue()
        self.in_flight: dict[str, Job] = {}
        self.held: dict[Path, tuple[int, int, str]] = {}  # files waiting for a fixed settings file
        self.stop_requests = 0
        self.settings: FolderSettings | None = None
        self._settings_mtime: int | None = None
        self._settings_problem = ""
        self.pool: WorkerPool | None = None
        self.tracker: StabilityTracker | None = None
        self.observer: Any = None
        self.processed = 0
        self._ready_logged = False

    # ------------------------------------------------------------------ lifecycle

    def prepare(self) -> None:
        """Layout, settings (a broken file is an error at start), lock, crash recovery."""
        try:
            self.layout.ensure()
            if ensure_settings_file(self.layout):
                log.info("wrote %s", self.layout.settings)
        except OSError as exc:
            raise LesbarError(
                f"{self.layout.root}: cannot create the watch folder ({exc.strerror}); check the path and permissions"
            ) from None
        self.settings = load_folder_settings(self.layout, self.base)
        self._settings_mtime = _mtime(self.layout.settings)
        _clear_settings_error(self.layout)
        self.lock.acquire()
        self.journal.open()
        recovered = self.runner.recover()
        if recovered:
            self.logbook.line(f"NEUSTART {recovered} unterbrochene Datei(en) fertig gemacht oder zurückgestellt")

    def run(self) -> int:
        """Watch until stopped (or, with ``once``, until eingang/ is empty). Returns the exit code."""
        previous: dict[int, Any] = {}
        try:
            self.prepare()
            previous = self._install_signals()
            return self._run()
        finally:
            self._shutdown()
            self._restore_signals(previous)

    def _run(self) -> int:
        assert self.settings is not None
        behaviour = self.settings.behaviour
        settle = self.config.settle_seconds if self.config.settle_seconds is not None else behaviour.settle_seconds
        self.tracker = StabilityTracker(settle)
        self._retention()  # also in --once runs from cron, which may find eingang/ empty
        workers = self.config.workers or behaviour.workers
        if not self.config.once:
            self._start_observer()  # before the scan, so nothing dropped in between is missed
        for path in self.layout.scan():
            self.tracker.touch(path)
        if self.config.once:
            workers = max(1, min(workers, len(self.tracker)))
        mode = f"Abfrage alle {self.config.poll_interval:.1f} s" if self.config.polling else "Ereignisse"
        self.logbook.line(f"START {self.layout.root} | {workers} gleichzeitig | Wartezeit {settle:g} s | {mode}")
        if self.config.once and not len(self.tracker):
            self.logbook.line("ENDE eingang ist leer")
            return 0
        # --once: the first file loads what it needs; a warm-up would only add its own conversion
        self.pool = WorkerPool(workers, warmup=None if self.config.once else self.settings.convert)
        self.pool.start()
        next_rescan = time.monotonic() + self.config.rescan_seconds
        next_retention = time.monotonic() + self.config.retention_every
        while not self.stop_requests:
            self._drain_events()
            now = time.monotonic()
            if not self.config.once and now >= next_rescan:
                self._rescan()
                next_rescan = now + self.config.rescan_seconds
            if now >= next_retention:
                self._retention()
                next_retention = now + self.config.retention_every
            self._reload_settings()
            if not self._ready_logged and self.pool is not None and self.pool.all_ready():
                self._ready_logged = True
                self.logbook.line(f"BEREIT {self.pool.size} Umwandlungs-Prozess(e) geladen")
            self._dispatch()
            self._collect(self.config.tick)
            self._enforce_time_limit()
            if not self.in_flight and self.journal.lines > JOURNAL_COMPACT_LINES:
                self.runner.compact()  # finished jobs' names do not linger in the journal
            if self.config.once and not self.in_flight and not self._pending():
                break
        if self.stop_requests:
            self._stop_gracefully()
        waiting = sorted({self.layout.rel(p) for p in [*self.tracker.paths(), *self.held] if p.exists()})
        self.logbook.line(f"ENDE {self.processed} Datei(en) bearbeitet"
                          + (f"; warten noch (geöffnet oder Einstellungen fehlerhaft): {', '.join(waiting)}"
                             if waiting else ""))
        return 0

    def _pending(self) -> bool:
        """Files that will still become ready (locked or held files do not keep ``once`` running)."""
        assert self.tracker is not None
        from lesbar.watch.stability import is_locked

        return any(p not in self.held and not is_locked(p) for p in self.tracker.paths())

    def _shutdown(self) -> None:
        if self.observer is not None:
            self.observer.stop()
            self.observer.join(5)
            self.observer = None
        if self.pool is not None:
            self.pool.stop()
            self.pool = None
        self.journal.close()
        self.lock.release()

    # ------------------------------------------------------------------ signals

    def request_stop(self, *_: Any) -> None:
        self.stop_requests += 1
        if self.stop_requests == 1:
            log.info("stop requested: finishing the files in hand")

    def _install_signals(self) -> dict[int, Any]:
        previous: dict[int, Any] = {}
        names = ["SIGINT", "SIGTERM", "SIGBREAK", "SIGHUP"]
        for name in names:
            sig = getattr(signal, name, None)
            if sig is None:
                continue
            try:
                previous[sig] = signal.signal(sig, self.request_stop)
            except (ValueError, OSError):  # not in the main thread
                pass
        return previous

    @staticmethod
    def _restore_signals(previous: dict[int, Any]) -> None:
        for sig, handler in previous.items():
            try:
                signal.signal(sig, handler)
            except (ValueError, OSError):
                pass

    # ------------------------------------------------------------------ input side

    def _start_observer(self) -> None:
        from watchdog.events import FileSystemEventHandler

        observer: Any
        if self.config.polling:
            from watchdog.observers.polling import PollingObserver

            observer = PollingObserver(timeout=self.config.poll_interval)
        else:
            from watchdog.observers import Observer

            observer = Observer()
        events = self.events

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: Any) -> None:
                for attr in ("src_path", "dest_path"):
                    value = getattr(event, attr, "")
                    if not value:
                        continue
                    path = Path(os.fsdecode(value))
                    if not event.is_directory:
                        events.put(path)
                    elif event.event_type in ("created", "moved") and path.is_dir():
                        # a folder moved in brings files no event will name
                        for inner in path.rglob("*"):
                            events.put(inner)

        try:
            observer.schedule(Handler(), str(self.layout.eingang), recursive=True)
            observer.start()
        except OSError as exc:  # e.g. the inotify watch limit: fall back to polling rather than stop
            from watchdog.observers.polling import PollingObserver

            self.logbook.line(f"HINWEIS Dateisystem-Ereignisse nicht verfügbar ({exc}); frage den Ordner ab")
            observer = PollingObserver(timeout=self.config.poll_interval)
            observer.schedule(Handler(), str(self.layout.eingang), recursive=True)
            observer.start()
        self.observer = observer

    def _drain_events(self) -> None:
        assert self.tracker is not None
        seen: set[Path] = set()
        while True:
            try:
                path = self.events.get_nowait()
            except queue.Empty:
                break
            if path in seen:
                continue
            seen.add(path)
            self._consider(path)

    def _rescan(self) -> None:
        for path in self.layout.scan():
            if path not in self.tracker:  # type: ignore[operator]
                self._consider(path)

    def _consider(self, path: Path) -> None:
        assert self.tracker is not None
        if not self.layout.is_input(path) or path.is_dir() or self._claimed(path):
            return
        held = self.held.get(path)
        if held is not None:
            try:
                st = path.stat()
            except OSError:
                self.held.pop(path, None)
                return
            if held[:2] == (st.st_size, st.st_mtime_ns):
                return  # unchanged; waits for the settings to be fixed
            self.held.pop(path, None)
        self.tracker.touch(path)

    def _claimed(self, path: Path) -> bool:
        rel = self.layout.rel(path)
        return any(job.source == rel for job in self.in_flight.values())

    # ------------------------------------------------------------------ settings

    def _reload_settings(self) -> None:
        mtime = _mtime(self.layout.settings)
        if mtime == self._settings_mtime:
            return
        self._settings_mtime = mtime
        try:
            settings = load_folder_settings(self.layout, self.base)
        except ConfigError as exc:
            self._settings_problem = str(exc)
            _write_settings_error(self.layout, str(exc))
            self.logbook.line(f"EINSTELLUNGEN fehlerhaft, neue Dateien warten: {exc}")
            return
        self.settings = settings
        if self.tracker is not None and self.config.settle_seconds is None:
            self.tracker.settle = settings.behaviour.settle_seconds
        if self._settings_problem:
            self._settings_problem = ""
            _clear_settings_error(self.layout)
            self.logbook.line("EINSTELLUNGEN wieder in Ordnung")
            for path in list(self.held):
                self.held.pop(path, None)
                self._consider(path)

    # ------------------------------------------------------------------ dispatch and results

    def _dispatch(self) -> None:
        assert self.tracker is not None and self.pool is not None and self.settings is not None
        if self.stop_requests:
            return
        if self.pool.idle == 0:
            return
        for path in self.tracker.settled():
            if self.pool.idle == 0:
                break
            self.tracker.forget(path)
            if self._settings_problem:
                self._hold(path, self._settings_problem)
                continue
            try:
                options = options_for(self.layout, self.settings, path)
            except ConfigError as exc:
                _write_settings_error(self.layout, str(exc))
                self._hold(path, str(exc))
                continue
            try:
                job, why = self.runner.claim(path, self.settings.behaviour.max_file_mb)
            except FileNotFoundError:
                continue
            if job is None:
                if why not in ("verschwunden", "arbeitsplatz"):
                    self.processed += 1
                continue
            task = Task(job=job.id, source=str(self.runner.snapshot(job)),
                        out_dir=str(self.runner.results_dir(job)), options=options)
            self.pool.submit(task)
            self.in_flight[job.id] = job

    def _hold(self, path: Path, problem: str) -> None:
        try:
            st = path.stat()
        except OSError:
            return
        if path not in self.held:
            self.logbook.line(f"WARTET  {self.layout.rel(path)}: Einstellungen fehlerhaft ({problem})")
        self.held[path] = (st.st_size, st.st_mtime_ns, problem)

    def _collect(self, timeout: float) -> None:
        assert self.pool is not None
        for event in self.pool.poll(timeout):
            job = self.in_flight.pop(event.job, None)
            if job is None:
                continue
            if event.kind == "result":
                self.runner.complete(job, event.data)
            else:
                self.runner.interrupted(job, "absturz",
                                        f"the conversion process ended unexpectedly (exit code {event.data.get('exitcode')})")
            self.processed += 1
            self._retouch(job)

    def _retouch(self, job: Job) -> None:
        """A file that is still in eingang/ after its job (changed meanwhile, rolled back) is a candidate again."""
        path = self.layout.abs(job.source)
        if path.exists() and self.tracker is not None:
            self.tracker.touch(path)

    def _enforce_time_limit(self) -> None:
        assert self.pool is not None and self.settings is not None
        limit = self.settings.behaviour.max_minutes * 60
        now = time.monotonic()
        for job_id, since in list(self.pool.busy.items()):
            if now - since <= limit:
                continue
            job = self.in_flight.pop(job_id, None)
            self.pool.cancel(job_id)
            if job is not None:
                minutes = f"{self.settings.behaviour.max_minutes:g}"
                self.runner.fail(job, "zu_lange", f"{job.name}: stopped after {minutes} minutes",
                                 values={"minuten": minutes})
                self.processed += 1

    def _stop_gracefully(self) -> None:
        """Let the files in hand finish for ``stop_grace`` seconds (a second stop: at once), roll back the rest."""
        assert self.pool is not None
        deadline = time.monotonic() + self.config.stop_grace
        if self.in_flight:
            self.logbook.line(f"STOPP {len(self.in_flight)} Datei(en) in Arbeit werden fertig gemacht")
        first = self.stop_requests
        while self.in_flight and time.monotonic() < deadline and self.stop_requests == first:
            self._collect(self.config.tick)
        for job_id, job in list(self.in_flight.items()):
            self.pool.cancel(job_id, replace=False)
            self.in_flight.pop(job_id, None)
            self.runner.release(job, "gestoppt", "lesbar wurde beendet; die Datei bleibt in eingang")

    def _retention(self) -> None:
        assert self.settings is not None
        if not self.settings.retention.active:
            return
        result = sweep(self.layout, self.settings.retention, report=self.logbook.line)
        for problem in result.problems:
            log.warning("retention: %s", problem)


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


def _write_settings_error(layout: Layout, problem: str) -> None:
    text = (
        "Die Datei einstellungen.toml hat einen Fehler. Neue Berichte warten, bis er behoben ist.\n\n"
        f"Fehler: {problem}\n\n"
        "Was tun: Öffnen Sie einstellungen.toml, verbessern Sie die genannte Stelle und speichern Sie.\n"
        "Die Berichte werden dann von selbst bearbeitet. Diese Notiz verschwindet dann.\n"
    )
    try:
        atomic_write_text(layout.settings_error, text)
    except OSError:
        log.error("cannot write %s", layout.settings_error)


def _clear_settings_error(layout: Layout) -> None:
    try:
        layout.settings_error.unlink()
    except FileNotFoundError:
        pass


def watch_folder(root: Path, base: Settings | None = None, config: WatchConfig | None = None,
                 echo: Callable[[str], None] | None = None) -> int:
    """Library entry point of ``lesbar watch``."""
    return WatchService(root, base, config, echo).run()


