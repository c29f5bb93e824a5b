"""PDF reader on pypdf: tagged structure, newspaper geometry, or OCR — whatever the file offers.

Opens the file safely (encrypted, truncated, malformed → one clear :class:`InputError`), then

* a tagged PDF (``/MarkInfo /Marked``) is read from its structure tree (:mod:`pdf_tagged`), falling back
  to geometry when the tree covers too little of the text;
* otherwise each page's text runs (:mod:`pdf_runs`, the pypdf adapter) go through layout analysis
  (:mod:`pdf_layout`: fragments, two-pass XY-cut, roles) and are joined across columns and pages
  (:mod:`pdf_assemble`);
* pages without a text layer but with images are scans and go through OCR (:mod:`ocr`).

See ``docs/pdf-reading.md``.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from pathlib import Path
from typing import Any

from lesbar.errors import InputError
from lesbar.model import Document, Meta
from lesbar.readers.guard import Guard
from lesbar.readers.pdf_runs import image_bytes, page_content

log = logging.getLogger(__name__)

#: /Title values that name a file or a template rather than the report.
_PLACEHOLDER_TITLE = re.compile(
    r"^(untitled|unbenannt|ohne titel|microsoft word\b.*|document\s*\d*|dokument\s*\d*)$|\.(docx?|pdf|odt|rtf)$",
    re.IGNORECASE,
)


#: /Author values that name an account or a generator, not a person.
_PLACEHOLDER_AUTHORS = {"anonymous", "unknown", "unbekannt", "user", "administrator", "admin", "benutzer", "owner",
                        "windows user", "windows-benutzer", "microsoft office user", "microsoft office-benutzer",
                        "python-docx", "reportlab", "weasyprint"}


def open_pdf(path: Path, guard: Guard) -> Any:
    """A :class:`pypdf.PdfReader` for ``path``, decrypted with an empty password where that works."""
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError, PdfStreamError

    # pypdf reports every repaired cross-reference table as a warning; staff cannot act on those
    logging.getLogger("pypdf").setLevel(logging.ERROR)

    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except (NotImplementedError, DependencyErrors) as exc:  # unsupported crypto
                raise InputError(
                    f"{path.name}: encrypted with a method lesbar cannot open ({type(exc).__name__}); "
                    "save a copy without password or encryption and try again",
                    code="password",
                ) from None
            if not ok:
                raise InputError(
                    f"{path.name}: the PDF is password-protected; save a copy without password and try again",
                    code="password",
                )
        pages = len(reader.pages)
    except InputError:
        raise
    except FileNotDecryptedError:
        raise InputError(f"{path.name}: the PDF is password-protected; save a copy without password", code="password") from None
    except (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError, AttributeError, OSError,
            IndexError, AssertionError, RecursionError) as exc:
        raise InputError(
            f"{path.name}: damaged or incomplete PDF ({type(exc).__name__}); export or download it again"
        ) from None
    if pages == 0:
        raise InputError(f"{path.name}: the PDF has no pages; export it again", code="damaged")
    guard.check_pages(pages)
    return reader


try:  # pypdf raises DependencyError when cryptography is missing for AES
    from pypdf.errors import DependencyError as DependencyErrors
except ImportError:  # pragma: no cover
    DependencyErrors = RuntimeError  # type: ignore[misc,assignment]


def read_pdf(path: Path, guard: Guard) -> Document:
    """Read a PDF into the model: tag tree where the PDF is tagged, else page geometry, OCR for scans.

    Pages are processed one at a time; only their text results are kept (see :mod:`pdf_assemble`).
    """
    reader = open_pdf(path, guard)
    meta = _metadata(reader, path)
    meta.source.pages = len(reader.pages)
    from lesbar.readers.pdf_tagged import read_tagged

    tagged = read_tagged(reader, path, guard, meta)
    if tagged is not None:
        return tagged
    return read_geometry(reader, path, guard, meta)


def _metadata(reader: Any, path: Path) -> Meta:
    meta = Meta()
    try:
        info = reader.metadata
        if info is not None:
            title = str(info.title or "").strip()
            # generators put file names or "untitled" into /Title; those are not titles
            if title and not _PLACEHOLDER_TITLE.search(title):
                meta.title = title
            author = str(info.author or "").strip()
            if author and author.lower() not in _PLACEHOLDER_AUTHORS:
                meta.authors = [author]
    except Exception:  # noqa: BLE001 - unreadable metadata is common and harmless
        log.debug("unreadable PDF metadata in %s", path.name)
    return meta


def read_geometry(reader: Any, path: Path, guard: Guard, meta: Meta) -> Document:
    """Geometry-based reading (untagged PDFs), page by page; pages without text go through OCR."""
    from lesbar.readers.pdf_assemble import Assembler
    from lesbar.readers.pdf_layout import analyse_page

    assembler = Assembler(meta)
    sizes: Counter[float] = Counter()
    seen_headline = False
    text_pages = 0
    scan_pages: list[int] = []
    ocr_error: InputError | None = None
    font_cache: dict[int, Any] = {}
    for number in range(1, len(reader.pages) + 1):
        guard.check_time()
        try:
            page = reader.pages[number - 1]
            box = page.mediabox
            guard.check_page_size(float(box.width), float(box.height), number)
            content = page_content(page, number, font_cache)
        except InputError:
            raise
        except RecursionError:
            meta.warnings.append(f"Seite {number} konnte nicht gelesen werden.")
            continue
        except Exception as exc:  # noqa: BLE001 - one broken page must not lose the others
            log.info("%s: page %d unreadable (%s)", path.name, number, exc)
            meta.warnings.append(f"Seite {number} konnte nicht gelesen werden.")
            continue
        runs = [r for r in content.runs if r.text.strip()]
        if sum(len(r.text.strip()) for r in runs) < 3:
            if _looks_scanned(content):
                scan_pages.append(number)
                ocr_error = _ocr_page(path, reader, number, guard, meta, assembler, ocr_error)
            continue
        text_pages += 1
        for run in runs:
            sizes[round(run.size * 2) / 2] += len(run.text)
        body = sizes.most_common(1)[0][0]
        layout = analyse_page(content, body, seen_headline)
        seen_headline = seen_headline or any(b.role == "headline" for b in layout.front)
        _attach_images(assembler, layout, page, guard, meta)
        assembler.add_page(layout)
        del content
    if ocr_error is not None and text_pages == 0:
        raise ocr_error
    if not scan_pages and text_pages == 0:
        raise InputError(
            f"{path.name}: the PDF has no text and no images that could be read; export it again",
            code="no_text",
        )
    blocks = assembler.finish()
    if not blocks:
        if scan_pages and not text_pages:
            raise InputError(
                f"{path.name}: the PDF holds only images and OCR found no text in them; if it should contain "
                "text, scan it again (300 dpi, straight) or export it from the original program",
                code="no_text",
            )
        raise InputError(f"{path.name}: no readable text found in the PDF; export it again or scan it anew", code="no_text")
    return Document(meta=meta, blocks=blocks)


#: Share of the page that images must cover for a page without text to count as a scan.
SCAN_COVERAGE = 0.25


def _looks_scanned(content: Any) -> bool:
    """A page without text whose images cover a good part of it: a scan or an image-only poster."""
    area = max(content.width * content.height, 1.0)
    covered = sum(max(0.0, im.x1 - im.x0) * max(0.0, im.bottom - im.top) for im in content.images)
    return covered >= SCAN_COVERAGE * area


def _ocr_page(path: Path, reader: Any, number: int, guard: Guard, meta: Meta, assembler: Any,
              previous_error: InputError | None) -> InputError | None:
    """OCR one scanned page in its place in the document (pages keep their order).

    Without the OCR tools a scan page in an otherwise born-digital file is left out with a warning; only
    when no page has text does the error (naming what to install) end the reading.
    """
    from lesbar.errors import LimitExceeded
    from lesbar.readers.ocr import missing_ocr_tools, ocr_pages

    try:
        for layout in ocr_pages(path, reader, [number], guard, meta):
            assembler.add_page(layout)
    except LimitExceeded:
        raise
    except InputError as err:
        if missing_ocr_tools():
            meta.warnings.append(f"Seite {number} ist ein Bild ohne Text; für die Texterkennung fehlt Tesseract.")
            return previous_error or err
        raise
    return previous_error


def _attach_images(assembler: Any, layout: Any, page: Any, guard: Guard, meta: Meta) -> None:
    """Image bytes for the figures of ``layout`` (fetched while the page is loaded)."""
    from lesbar.model import Image

    specials = [s for f in layout.flow for s in f.specials_before + f.specials_after] + layout.unplaced
    for special in specials:
        image = special.image
        if image is None or not image.name:
            continue
        if not guard.image_allowed(image.pixel_width, image.pixel_height):
            meta.warnings.append(f"Ein Bild auf Seite {layout.number} ist zu groß und wurde ausgelassen.")
            continue
        found = image_bytes(page, image.name)
        if found is None:
            continue
        data, mime = found
        assembler.images[id(special)] = Image(data=data, mime=mime, width=image.pixel_width,
                                              height=image.pixel_height)
