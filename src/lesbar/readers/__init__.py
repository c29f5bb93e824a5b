"""Readers: turn an input file into a :class:`~lesbar.model.Document`.

:func:`read_document` checks the file (exists, not empty, size limit), recognises the format by its
content (not its extension: a ``.docx`` may be a zip of something else) and dispatches to the reader.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from lesbar.config import LimitSettings
from lesbar.errors import InputError
from lesbar.model import Document, Figure, block_text
from lesbar.readers.guard import Guard

SUPPORTED = (".pdf", ".docx")


def sniff_format(path: Path) -> str:
    """``pdf``, ``docx`` or a :class:`InputError` naming what the file is instead."""
    with path.open("rb") as fh:
        head = fh.read(1024)
    if not head.strip():
        raise InputError(f"{path.name}: the file is empty; export the report again and drop the new file", code="empty")
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, OSError):
            raise InputError(f"{path.name}: damaged ZIP/DOCX file; open it in Word and save it again", code="damaged") from None
        if "word/document.xml" in names:
            return "docx"
        if "content.xml" in names:
            raise InputError(f"{path.name}: this is an OpenDocument (ODT) file; save it as DOCX or PDF", code="odt")
        raise InputError(f"{path.name}: a ZIP archive, not a Word document; unpack it or export as DOCX or PDF", code="zip")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(f"{path.name}: an old Word .doc (or other OLE) file; save it as DOCX in Word", code="doc")
    if head.startswith(b"{\\rtf"):
        raise InputError(f"{path.name}: an RTF file; save it as DOCX or PDF", code="rtf")
    raise InputError(f"{path.name}: not a PDF or DOCX file; lesbar reads {', '.join(SUPPORTED)}", code="unsupported")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_document(path: str | Path, limits: LimitSettings | None = None) -> Document:
    """Read a PDF or DOCX file into the document model (not yet segmented into sentences)."""
    path = Path(path)
    limits = limits or LimitSettings()
    if not path.exists():
        raise InputError(f"{path}: no such file; check the name and path", code="missing")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a file", code="unsupported")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{path.name}: cannot read the file ({exc.strerror})", code="unreadable") from None
    if size == 0:
        raise InputError(f"{path.name}: the file is empty (0 bytes); export the report again", code="empty")
    if size > limits.max_file_mb * 1024 * 1024:
        raise InputError(
            f"{path.name}: {size / 1024 / 1024:.0f} MB is more than the limit of {limits.max_file_mb:.0f} MB; "
            "split the file or raise [limits] max_file_mb",
            code="too_large",
        )
    try:
        fmt = sniff_format(path)
    except OSError as exc:
        raise InputError(f"{path.name}: cannot read the file ({exc.strerror})", code="unreadable") from None
    guard = Guard(limits, name=path.name)
    if fmt == "pdf":
        from lesbar.readers.pdf import read_pdf

        doc = read_pdf(path, guard)
    else:
        from lesbar.readers.docx import read_docx

        doc = read_docx(path, guard)
    doc.meta.source.path = str(path)
    doc.meta.source.name = path.name
    doc.meta.source.format = fmt
    doc.meta.source.sha256 = file_sha256(path)
    from lesbar.readers.finish import finish

    if not any(block_text(b) or isinstance(b, Figure) for b in doc.walk()):
        raise InputError(f"{path.name}: the document contains no text; check that it is the right file", code="no_text")
    return finish(doc)
