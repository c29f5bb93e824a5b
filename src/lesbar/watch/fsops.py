"""File operations the watch folder relies on for crash safety.

Every step that makes something visible to staff is a single ``rename`` inside one file system (the whole
watch folder, including ``.lesbar/``, lives on one volume), and every rename is followed by an ``fsync`` of
the directory, so after ``kill -9`` or a power cut a file is either fully in its old place or fully in its
new one. Renames never replace an existing name: an existing file may be someone's work.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
from pathlib import Path

CHUNK = 1 << 20


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable. Windows has no directory fsync (NTFS journals metadata itself)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some network file systems refuse fsync on directories
    finally:
        os.close(fd)


def free_name(folder: Path, name: str, is_dir: bool = False) -> Path:
    """``folder/name`` or, if that is taken, ``stem-2.ext``, ``stem-3.ext`` …; never an existing name.

    Folders keep dots in their names (``bericht.v2`` is a stem), files split at the last suffix.
    """
    candidate = folder / name
    if not os.path.lexists(candidate):
        return candidate
    if is_dir:
        stem, suffix = name, ""
    else:
        p = Path(name)
        stem, suffix = p.stem, p.suffix
    n = 2
    while os.path.lexists(folder / f"{stem}-{n}{suffix}"):
        n += 1
    return folder / f"{stem}-{n}{suffix}"


def move_file_no_replace(src: Path, dst: Path) -> None:
    """Move a file to ``dst`` without ever replacing an existing ``dst``.

    A hard link fails atomically when ``dst`` exists; after it, removing ``src`` completes the move (a crash
    in between leaves two names for one file, which :func:`finish_move` resolves). Where hard links are not
    supported (some SMB mounts, FAT) the move is check-then-rename, safe because one watcher owns the folder.
    """
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dst)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.EACCES,
                             errno.ENOSYS, errno.EINVAL):
            raise
        if os.path.lexists(dst):
            raise FileExistsError(errno.EEXIST, "exists", str(dst)) from None
        os.rename(src, dst)
    else:
        os.unlink(src)
    fsync_dir(dst.parent)
    if src.parent != dst.parent:
        fsync_dir(src.parent)


def finish_move(src: Path, dst: Path) -> bool:
    """Complete an interrupted :func:`move_file_no_replace`. True if ``dst`` now holds the file.

    Cases after a crash: only ``src`` (move not started → do it), both names for the same file (crash between
    link and unlink → drop ``src``), only ``dst`` (done).
    """
    src_there, dst_there = os.path.lexists(src), os.path.lexists(dst)
    if src_there and dst_there:
        try:
            same = os.path.samefile(src, dst)
        except OSError:
            same = False
        if same:
            os.unlink(src)
            fsync_dir(src.parent)
            return True
        return False
    if src_there:
        move_file_no_replace(src, dst)
        return True
    return dst_there


def move_dir_no_replace(src: Path, dst: Path) -> None:
    """Rename a folder into place; refuses to replace anything (POSIX rename would replace an empty folder)."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    if os.path.lexists(dst):
        raise FileExistsError(errno.EEXIST, "exists", str(dst))
    os.rename(src, dst)
    fsync_dir(dst.parent)


class DestinationError(OSError):
    """Writing the copy failed (disk full, no permission in .lesbar/): lesbar's problem, not the file's."""


def copy_and_hash(src: Path, dst: Path) -> str:
    """Copy ``src`` to ``dst`` (fsynced) and return the SHA-256 of exactly the bytes copied.

    An :class:`OSError` means the source could not be read; :class:`DestinationError` that the copy
    could not be written.
    """
    digest = hashlib.sha256()
    try:
        dst.parent.mkdir(parents=True, exist_ok=True)
        fout = dst.open("wb")
    except OSError as exc:
        raise DestinationError(exc.errno, exc.strerror, str(dst)) from None
    with fout, src.open("rb") as fin:
        while chunk := fin.read(CHUNK):
            digest.update(chunk)
            try:
                fout.write(chunk)
            except OSError as exc:
                raise DestinationError(exc.errno, exc.strerror, str(dst)) from None
        try:
            fout.flush()
            os.fsync(fout.fileno())
        except OSError as exc:
            raise DestinationError(exc.errno, exc.strerror, str(dst)) from None
    try:
        shutil.copystat(src, dst)
    except OSError:
        pass  # times and modes are a courtesy; the bytes are what matter
    return digest.hexdigest()


def atomic_write_text(path: Path, text: str) -> None:
    """Write a small text file via a temporary name and rename, so nobody sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


def remove_tree(path: Path) -> None:
    """Remove a working folder; missing is fine (removal may be repeated after a crash)."""
    shutil.rmtree(path, ignore_errors=True)
