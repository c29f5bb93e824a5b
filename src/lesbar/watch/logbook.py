"""One line per file in ``.lesbar/watch.log`` (and on stdout): start, end, duration, outputs.

Lines start with a sortable local timestamp so retention can drop old lines and staff can read them.
The file is opened, appended and closed for each line: low volume, no open handle to block a rotation or
the retention rewrite (on Windows an open file cannot be replaced).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

STAMP = "%Y-%m-%d %H:%M:%S"


def clock(ts: float) -> str:
    return time.strftime("%H:%M:%S", time.localtime(ts))


class Logbook:
    def __init__(self, path: Path, echo: Callable[[str], None] | None = None) -> None:
        self.path = path
        self.echo = echo
        self._lock = threading.Lock()

    def line(self, text: str) -> str:
        full = f"{time.strftime(STAMP)} {text}"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "a", encoding="utf-8") as fh:
                fh.write(full + "\n")
                fh.flush()
                os.fsync(fh.fileno())
        if self.echo:
            self.echo(full)
        return full

    def file_line(self, status: str, source: str, target: str, started: float, ended: float, detail: str) -> str:
        """``OK eingang/x.docx -> ausgang/x | Beginn 10:00:01 | Ende 10:00:04 | Dauer 3.2 s | 8 Dateien: …``."""
        return self.line(
            f"{status:<7} {source} -> {target} | Beginn {clock(started)} | Ende {clock(ended)} "
            f"| Dauer {ended - started:.1f} s | {detail}"
        )
