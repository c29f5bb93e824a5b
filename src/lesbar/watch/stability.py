"""Is a dropped file complete? Size and modification time stable for a while, and nobody holds it open.

Copying over a network share, saving from Word or a browser download all write a file in steps. A file is
taken only when its size and mtime have not changed for ``settle`` seconds and no program signals that it
still has the file open: Word's owner file ``~$name.docx``, LibreOffice's ``.~lock.name#``, a POSIX lock, or
(on Windows) a sharing violation when opening it for writing.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class _Seen:
    size: int
    mtime_ns: int
    since: float


def owner_files(path: Path) -> list[Path]:
    """The lock files office programs create beside a document they have open."""
    name = path.name
    return [path.with_name("~$" + name), path.with_name("~$" + name[2:]), path.with_name(f".~lock.{name}#")]


def is_locked(path: Path) -> bool:
    """True if another program evidently still has ``path`` open (best effort, never raises)."""
    if any(os.path.lexists(owner) for owner in owner_files(path)):
        return True
    if os.name == "nt":
        try:
            fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
        except PermissionError:
            return True  # a sharing violation: the writer denies others write access
        except OSError:
            return False
        os.close(fd)
        return False
    try:
        import fcntl
    except ImportError:  # pragma: no cover - every POSIX Python has fcntl
        return False
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False  # unreadable files are reported when they are claimed, not waited for
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return True
        fcntl.flock(fd, fcntl.LOCK_UN)
        try:
            fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError as exc:
            return _lock_conflict(exc)
        fcntl.lockf(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def _lock_conflict(exc: OSError) -> bool:
    import errno

    return exc.errno in (errno.EACCES, errno.EAGAIN)


class StabilityTracker:
    """Remembers when each candidate file last changed and says which ones have settled."""

    def __init__(self, settle_seconds: float, clock=time.monotonic) -> None:  # type: ignore[no-untyped-def]
        self.settle = settle_seconds
        self.clock = clock
        self._seen: dict[Path, _Seen] = {}

    def __contains__(self, path: Path) -> bool:
        return path in self._seen

    def __len__(self) -> int:
        return len(self._seen)

    def paths(self) -> list[Path]:
        return list(self._seen)

    def touch(self, path: Path) -> None:
        """Note an event for ``path`` (created, modified, moved in). Unknown paths start their wait now."""
        try:
            st = path.stat()
        except OSError:
            self._seen.pop(path, None)
            return
        seen = self._seen.get(path)
        if seen is None or (seen.size, seen.mtime_ns) != (st.st_size, st.st_mtime_ns):
            self._seen[path] = _Seen(st.st_size, st.st_mtime_ns, self.clock())

    def forget(self, path: Path) -> None:
        self._seen.pop(path, None)

    def settled(self) -> list[Path]:
        """Paths unchanged for the settle time and not locked, oldest first. Vanished paths are dropped."""
        now = self.clock()
        ready: list[tuple[float, Path]] = []
        for path, seen in list(self._seen.items()):
            try:
                st = path.stat()
            except OSError:
                del self._seen[path]
                continue
            if (st.st_size, st.st_mtime_ns) != (seen.size, seen.mtime_ns):
                self._seen[path] = _Seen(st.st_size, st.st_mtime_ns, now)
                continue
            if now - seen.since < self.settle:
                continue
            if is_locked(path):
                continue
            ready.append((seen.since, path))
        return [p for _, p in sorted(ready, key=lambda item: item[0])]

    def waiting(self) -> list[Path]:
        """Paths still waiting (changing, settling or locked)."""
        return list(self._seen)
