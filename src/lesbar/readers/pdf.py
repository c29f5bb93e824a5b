"""PDF reader on pypdf (baseline: single-column reading order).

Opens the file safely (encrypted, truncated, malformed → one clear :class:`InputError`), then collects text
runs with position and size through pypdf's visitor, groups them into lines and paragraphs by vertical
gaps and font size, recognises headings by size relative to the body text and removes line-end
hyphenation. Multi-column newspaper layout is handled by :mod:`lesbar.readers.pdf_layout` when present.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lesbar.errors import InputError
from lesbar.language.hyphenation import join_lines
from lesbar.model import Block, Document, Heading, Meta, Paragraph, Sentence, Text
from lesbar.readers.guard import Guard

log = logging.getLogger(__name__)


def open_pdf(path: Path, guard: Guard) -> Any:
    """A :class:`pypdf.PdfReader` for ``path``, decrypted with an empty password where that works."""
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError, PdfStreamError

    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except (NotImplementedError, DependencyErrors) as exc:  # unsupported crypto
                raise InputError(f"{path.name}: encrypted with a method lesbar cannot open ({exc})") from None
            if not ok:
                raise InputError(
                    f"{path.name}: the PDF is password-protected; save a copy without password and try again"
                )
        pages = len(reader.pages)
    except InputError:
        raise
    except FileNotDecryptedError:
        raise InputError(f"{path.name}: the PDF is password-protected; save a copy without password") from None
    except (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError, AttributeError, OSError,
            IndexError, AssertionError, RecursionError) as exc:
        raise InputError(
            f"{path.name}: damaged or incomplete PDF ({type(exc).__name__}); export or download it again"
        ) from None
    if pages == 0:
        raise InputError(f"{path.name}: the PDF has no pages; export it again")
    guard.check_pages(pages)
    return reader


try:  # pypdf raises DependencyError when cryptography is missing for AES
    from pypdf.errors import DependencyError as DependencyErrors
except ImportError:  # pragma: no cover
    DependencyErrors = RuntimeError  # type: ignore[misc,assignment]


@dataclass
class _Run:
    text: str
    x: float
    y: float
    size: float
    bold: bool


def _page_runs(page: Any) -> list[_Run]:
    runs: list[_Run] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if not text or not text.strip():
            return
        a, b, c, d, e, f = tm
        ca, cb, cc, cd, ce, cf = cm
        x = a * 0 + c * 0 + e
        y = f
        gx = x * ca + y * cc + ce
        gy = x * cb + y * cd + cf
        scale = math.hypot(c, d) * math.hypot(cc, cd) or 1.0
        name = ""
        if font is not None:
            try:
                name = str(font.get("/BaseFont", ""))
            except Exception:  # noqa: BLE001 - broken font dicts must not stop reading
                name = ""
        bold = "bold" in name.lower() or "black" in name.lower() or "heavy" in name.lower()
        runs.append(_Run(text, gx, gy, (size or 1.0) * scale, bold))

    page.extract_text(visitor_text=visit)
    return runs


def _lines(runs: list[_Run]) -> list[tuple[float, float, bool, str]]:
    """Group runs into lines: (y, size, bold, text), top to bottom."""
    lines: list[list[_Run]] = []
    for run in runs:
        for line in lines:
            if abs(line[0].y - run.y) < 0.4 * max(run.size, line[0].size):
                line.append(run)
                break
        else:
            lines.append([run])
    out = []
    for line in lines:
        line.sort(key=lambda r: r.x)
        text = ""
        for r in line:
            piece = r.text.replace("\n", " ")
            text = (text + piece) if (not text or text.endswith(" ") or piece.startswith(" ")) else text + piece
        sizes = Counter(round(r.size, 1) for r in line for _ in r.text)
        size = sizes.most_common(1)[0][0]
        bold = sum(len(r.text) for r in line if r.bold) > 0.6 * sum(len(r.text) for r in line)
        out.append((line[0].y, size, bold, " ".join(text.split())))
    out.sort(key=lambda t: -t[0])
    return [line for line in out if line[3]]


def read_pdf(path: Path, guard: Guard) -> Document:
    """Read a PDF into the model (single-column reading order)."""
    reader = open_pdf(path, guard)
    meta = Meta()
    try:
        info = reader.metadata
        if info is not None:
            meta.title = str(info.title or "").strip()
            if info.author:
                meta.authors = [str(info.author).strip()]
    except Exception:  # noqa: BLE001 - unreadable metadata is common and harmless
        log.debug("unreadable PDF metadata in %s", path.name)
    meta.source.pages = len(reader.pages)
    all_lines: list[tuple[int, float, float, bool, str]] = []
    for number, page in enumerate(reader.pages, start=1):
        guard.check_time()
        try:
            box = page.mediabox
            guard.check_page_size(float(box.width), float(box.height), number)
            runs = _page_runs(page)
        except InputError:
            raise
        except Exception as exc:  # noqa: BLE001 - one broken page must not lose the others
            log.warning("%s: page %d unreadable (%s)", path.name, number, exc)
            meta.warnings.append(f"Seite {number} konnte nicht gelesen werden.")
            continue
        for y, size, bold, text in _lines(runs):
            all_lines.append((number, y, size, bold, text))
    if not all_lines:
        raise InputError(
            f"{path.name}: the PDF has no text layer (a scan or image); lesbar needs OCR for it "
            "(install tesseract-ocr and tesseract-ocr-deu, see README 'OCR')"
        )
    body = Counter(round(s, 0) for _, _, s, _, t in all_lines for _ in t).most_common(1)[0][0]
    blocks: list[Block] = []
    current: list[str] = []
    prev: tuple[int, float, float] | None = None

    def flush() -> None:
        if current:
            blocks.append(Paragraph([Sentence([Text(join_lines(current))])]))
            current.clear()

    for page_no, y, size, bold, text in all_lines:
        is_heading = (size >= 1.2 * body or (bold and size >= 0.95 * body)) and len(text) < 120 and not text.endswith(".")
        if is_heading:
            flush()
            level = 1 if size >= 1.6 * body else 2 if size >= 1.2 * body else 3
            if blocks and isinstance(blocks[-1], Heading) and blocks[-1].level == level and prev and prev[0] == page_no:
                blocks[-1].content[0].inlines[0] = Text(blocks[-1].content[0].text + " " + text)
            else:
                blocks.append(Heading(level, [Sentence([Text(text)])]))
            prev = (page_no, y, size)
            continue
        if prev is not None and current:
            gap = prev[1] - y
            if prev[0] != page_no:
                gap = 0.0  # continue paragraphs across pages
            if gap > 1.6 * size or abs(prev[2] - size) > 0.15 * body:
                flush()
        current.append(text)
        prev = (page_no, y, size)
    flush()
    if not meta.title:
        first = next((b for b in blocks if isinstance(b, Heading)), None)
        if first is not None:
            meta.title = first.content[0].text
    return Document(meta=meta, blocks=blocks)
