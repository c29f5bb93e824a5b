"""Helpers for the watch folder tests: real DOCX files, a real ``lesbar watch`` subprocess, waiting."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import docx

FAST_SETTINGS = """\
fassungen = ["original"]
formate = ["html"]

[ueberwachung]
wartezeit_sekunden = {settle}
gleichzeitig = {workers}
"""


def make_report(path: Path, title: str, sentences: int = 3) -> Path:
    """A small real German report as DOCX; the title makes each file's content unique."""
    document = docx.Document()
    document.core_properties.title = title
    document.add_heading(title, 1)
    for n in range(sentences):
        document.add_paragraph(
            f"Im Abschnitt {n + 1} berichtet das Integrationszentrum über {title}. "
            "Viele Gäste haben zugehört und Fragen gestellt."
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def manifests(folder: Path) -> list[dict]:
    """Every result manifest below ``folder/ausgang``."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((folder / "ausgang").rglob("manifest.json"))]


def files_below(folder: Path) -> list[str]:
    if not folder.exists():
        return []
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def wait_for(condition: Callable[[], bool], timeout: float, what: str, step: float = 0.1) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(step)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def log_count(folder: Path, marker: str) -> int:
    """How many lines of the watcher's log contain ``marker`` (e.g. " OK ": the last step of a file)."""
    log = folder / ".lesbar" / "watch.log"
    if not log.exists():
        return 0
    return sum(1 for line in log.read_text(encoding="utf-8").splitlines() if marker in line)


def watch_command(folder: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "lesbar", "watch", str(folder), *args]


def run_once(folder: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``lesbar watch --once`` as a real subprocess."""
    return subprocess.run(watch_command(folder, "--once", *args), capture_output=True, text=True, timeout=timeout,
                          cwd=folder.parent)


class Watcher:
    """A running ``python -m lesbar watch`` process."""

    def __init__(self, folder: Path, *args: str) -> None:
        self.folder = folder
        self.args = args
        self.proc: subprocess.Popen[str] | None = None

    def start(self) -> Watcher:
        self.out = open(self.folder.parent / f"watch-{time.monotonic_ns()}.out", "w+")
        self.proc = subprocess.Popen(watch_command(self.folder, *self.args), stdout=self.out, stderr=subprocess.STDOUT,
                                     text=True, cwd=self.folder.parent, start_new_session=True)
        wait_for(lambda: (self.folder / ".lesbar" / "watch.log").exists()
                 and "START" in (self.folder / ".lesbar" / "watch.log").read_text(encoding="utf-8"),
                 60, "the watcher to start")
        return self

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def output(self) -> str:
        self.out.flush()
        self.out.seek(0)
        return self.out.read()

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 60) -> int:
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        return self.proc.wait(timeout)

    def kill(self) -> None:
        """SIGKILL, as a crash or an impatient administrator would."""
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)

    def close(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except OSError:
                pass
            self.proc.wait(10)
        self.out.close()



def child_pids(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"
