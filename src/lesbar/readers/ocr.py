"""OCR for scanned pages: OCRmyPDF + Tesseract (German), structure rebuilt from hOCR lines.

A page with no text layer but with images is a scan (or an image-only poster). OCRmyPDF rasterises it
(Ghostscript), cleans orientation and runs Tesseract with ``deu`` — one page per call, so the per-file
guard can stop between pages, and with ``OMP_THREAD_LIMIT=1`` (Tesseract's default threading was 5–60×
slower on our 2-core machines). We do **not** read the invisible text layer OCRmyPDF would put into a PDF
(stretched words: 24 % of sentences intact in our measurements); instead every hOCR word becomes a
positioned run with the size of its line (``x_size``), and the same layout analysis as for born-digital
PDFs (:mod:`pdf_layout`) recovers columns, headings, captions and reading order. Photo regions that
Tesseract reports (``ocr_photo``) are cropped from the page image and become figures.
"""

from __future__ import annotations

import io
import logging
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree

from lesbar.errors import InputError
from lesbar.model import Meta
from lesbar.readers.guard import Guard
from lesbar.readers.pdf_layout import PageLayout, analyse_page, body_size_of
from lesbar.readers.pdf_runs import PageContent, PlacedImage, Run

log = logging.getLogger(__name__)

LANGUAGE = "deu"
INSTALL_HINT = (
    "install Tesseract with German data and Ghostscript (Debian/Ubuntu: "
    "sudo apt-get install tesseract-ocr tesseract-ocr-deu ghostscript; scripts/setup does this)"
)
_BBOX = re.compile(r"bbox\s+(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)")
_BASELINE = re.compile(r"baseline\s+(-?[\d.]+)\s+(-?[\d.]+)")
_XSIZE = re.compile(r"x_size\s+([\d.]+)")
_CONF = re.compile(r"x_wconf\s+(\d+)")
_LINE_CLASSES = {"ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"}
#: Words Tesseract is less sure of than this (0–100) are kept but logged; below 10 they are noise.
MIN_CONFIDENCE = 10


@lru_cache(maxsize=1)
def missing_ocr_tools() -> str | None:
    """``None`` when OCR can run, otherwise what is missing (for the user message)."""
    if shutil.which("tesseract") is None:
        return "Tesseract is not installed"
    try:
        out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
        langs = set((out.stdout + out.stderr).split())
    except (OSError, subprocess.SubprocessError):
        return "Tesseract does not run"
    if LANGUAGE not in langs:
        return "Tesseract's German language data (tesseract-ocr-deu) is not installed"
    if shutil.which("gs") is None:
        return "Ghostscript (needed by OCRmyPDF) is not installed"
    try:
        import ocrmypdf  # noqa: F401
    except ImportError:
        return "the Python package ocrmypdf is not installed"
    return None


@contextmanager
def _single_thread() -> Iterator[None]:
    old = os.environ.get("OMP_THREAD_LIMIT")
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("OMP_THREAD_LIMIT", None)
        else:
            os.environ["OMP_THREAD_LIMIT"] = old


def _run_ocrmypdf(pdf: Path, page: int, work: Path, timeout: float) -> tuple[Path, Path | None]:
    """hOCR file and page image of ``page`` produced by OCRmyPDF in ``work``."""
    from ocrmypdf import api

    for name in ("ocrmypdf", "pdfminer", "PIL", "pikepdf"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    with _single_thread():
        api._pdf_to_hocr(  # the documented (experimental) hOCR half of the OCRmyPDF pipeline
            pdf, work, language=[LANGUAGE], jobs=1, use_threads=True, mode="force",
            progress_bar=False, tesseract_timeout=max(timeout, 5.0), rotate_pages=True,
        )
    hocr = next(iter(sorted(work.glob("*.hocr"))), None)
    if hocr is None:
        raise InputError(f"{pdf.name}: OCR of page {page} produced no result")
    image = next(iter(sorted(work.glob("*_ocr.png"))), None)
    return hocr, image


def _single_page(reader: Any, number: int, target: Path) -> None:
    """Write page ``number`` alone (and decrypted) to ``target``: OCRmyPDF refuses encrypted input."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_page(reader.pages[number - 1])
    with target.open("wb") as fh:
        writer.write(fh)


def hocr_page(hocr: Path, number: int, width_pt: float, height_pt: float,
              page_image: Path | None = None) -> PageContent:
    """Runs (one per word, sized by its line) and photo regions from a Tesseract hOCR file."""
    tree = etree.parse(str(hocr), etree.HTMLParser() if hocr.suffix != ".xml" else None)
    page_div = next(iter(tree.xpath("//*[@class='ocr_page']")), None)
    if page_div is None:
        return PageContent(number=number, width=width_pt, height=height_pt)
    box = _BBOX.search(page_div.get("title", ""))
    px_w = float(box.group(3)) if box else width_pt
    px_h = float(box.group(4)) if box else height_pt
    sx, sy = width_pt / max(px_w, 1.0), height_pt / max(px_h, 1.0)
    # Tesseract's x_size is noisy from line to line (capitals, descenders); a paragraph shares one size
    par_size: dict[str, float] = {}
    for par in tree.xpath("//*[@class='ocr_par']"):
        lines = [line for line in par.xpath(".//*[@class]") if line.get("class") in _LINE_CLASSES]
        sizes = [_line_size(line) for line in lines]
        for line, size in zip(lines, sizes, strict=True):
            similar = sorted(v for v in sizes if 0.8 * size <= v <= 1.25 * size)
            par_size[_key(line)] = similar[len(similar) // 2]
    photos = []
    for photo in tree.xpath("//*[@class='ocr_photo']"):
        pbox = _BBOX.search(photo.get("title", ""))
        if pbox is not None:
            photos.append(tuple(float(v) for v in pbox.groups()))
    _unify_large_lines(tree, par_size)
    par_of: dict[str, int] = {}
    for number, par in enumerate(tree.xpath("//*[@class='ocr_par']")):
        for line in par.xpath(".//*[@class]"):
            if line.get("class") in _LINE_CLASSES:
                par_of[_key(line)] = number
    runs: list[Run] = []
    seq = 0
    for line in tree.xpath("//*[@class]"):
        if line.get("class") not in _LINE_CLASSES:
            continue
        title = line.get("title", "")
        lbox = _BBOX.search(title)
        if lbox is None:
            continue
        lx0, _ly0, _lx1, ly1 = (float(v) for v in lbox.groups())
        base = _BASELINE.search(title)
        slope, intercept = (float(base.group(1)), float(base.group(2))) if base else (0.0, 0.0)
        size_px = par_size.get(_key(line)) or _line_size(line)
        for word in line.xpath(".//*[@class='ocrx_word']"):
            text = " ".join("".join(word.itertext()).split())
            wtitle = word.get("title", "")
            wbox = _BBOX.search(wtitle)
            conf = _CONF.search(wtitle)
            if not text or wbox is None or (conf and int(conf.group(1)) < MIN_CONFIDENCE):
                continue
            x0, y0, x1, y1 = (float(v) for v in wbox.groups())
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            if any(p[0] <= cx <= p[2] and p[1] <= cy <= p[3] for p in photos):
                continue  # letters "seen" in a photo are not text of the page
            baseline_px = ly1 + intercept + slope * (x0 - lx0)
            seq += 1
            runs.append(Run(text=text, x0=x0 * sx, x1=x1 * sx, baseline=baseline_px * sy, size=round(size_px * sy, 1),
                            font="OCR", bold=False, italic=False, seq=seq, group=par_of.get(_key(line))))
    _restore_bullets(runs)
    _snap_sizes(runs)
    if page_image is not None:
        _mark_bold_lines(runs, page_image, sx, sy)
    images: list[PlacedImage] = []
    for n, photo in enumerate(tree.xpath("//*[@class='ocr_photo']")):
        pbox = _BBOX.search(photo.get("title", ""))
        if pbox is None:
            continue
        x0, y0, x1, y1 = (float(v) for v in pbox.groups())
        placed = PlacedImage(name=f"ocr-photo-{n}", x0=x0 * sx, top=y0 * sy, x1=x1 * sx, bottom=y1 * sy,
                             pixel_width=int(x1 - x0), pixel_height=int(y1 - y0))
        if page_image is not None:
            placed.data = _crop(page_image, (x0, y0, x1, y1))
        images.append(placed)
    return PageContent(number=number, width=width_pt, height=height_pt, runs=runs, images=images)


def _key(element: Any) -> str:
    """A stable key for an hOCR element (lxml proxies do not keep their ``id()``)."""
    return element.get("id") or f"{element.sourceline}:{element.get('title', '')}"


def _line_size(line: Any) -> float:
    title = line.get("title", "")
    xsize = _XSIZE.search(title)
    if xsize:
        return float(xsize.group(1))
    box = _BBOX.search(title)
    return (float(box.group(4)) - float(box.group(2))) / 1.2 if box else 10.0


#: What Tesseract reads for a bullet glyph ("•") standing alone before a list item.
BULLET_MISREADS = frozenset("°«»©®¢~•·*")


def _restore_bullets(runs: list[Run]) -> None:
    """Lines that start with a lone bullet misread ("°", "«") get their "•" back, so lists are found.

    Tesseract has no class for bullets and reads them as the nearest character. A lone non-letter token
    at the start of at least two lines of a page is a bullet; a real guillemet is attached to its word
    (»Zitat«), and one such line alone is left as it is."""
    firsts: list[Run] = []
    for i, run in enumerate(runs):
        starts_line = i == 0 or runs[i - 1].group != run.group or abs(runs[i - 1].baseline - run.baseline) > 0.5 * run.size
        follows = i + 1 < len(runs) and abs(runs[i + 1].baseline - run.baseline) <= 0.5 * run.size
        if starts_line and follows and run.text in BULLET_MISREADS:
            firsts.append(run)
    if len(firsts) >= 2:
        for run in firsts:
            run.text = "\u2022"


def _unify_large_lines(tree: Any, sizes: dict[str, float]) -> None:
    """Consecutive lines of one large heading share one size, whatever Tesseract's paragraphs say.

    Tesseract's ``x_size`` of a short line is noisy ("werden" alone measured 15 % larger than the
    headline line above it) and its paragraphs can cut a two-line headline apart, so the per-paragraph
    smoothing does not reach it; the lines then rank as different heading levels and the larger one is
    read first. Lines clearly larger than the body text (≥ 1.3 ×) that follow each other at headline
    leading (baseline pitch ≤ 1.6 × size), overlap horizontally and differ by less than 25 % take the
    character-weighted median size of their run of lines."""
    lines = []
    for line in tree.xpath("//*[@class]"):
        if line.get("class") not in _LINE_CLASSES:
            continue
        box = _BBOX.search(line.get("title", ""))
        key = _key(line)
        if box is None or key not in sizes:
            continue
        x0, _y0, x1, y1 = (float(v) for v in box.groups())
        base = _BASELINE.search(line.get("title", ""))
        baseline = y1 + (float(base.group(2)) if base else 0.0)
        lines.append((key, x0, x1, baseline, sizes[key], len("".join(line.itertext()).strip())))
    if not lines:
        return
    body = _dominant_size((size, chars) for _k, _x0, _x1, _b, size, chars in lines)
    runs_of_lines: list[list[tuple[str, float, float, float, float, int]]] = []
    for entry in lines:
        _key_, x0, x1, baseline, size, _chars = entry
        group = runs_of_lines[-1] if runs_of_lines else None
        if group and size >= 1.3 * body and group[-1][4] >= 1.3 * body:
            prev = group[-1]
            ref = max(size, prev[4])
            if (0 < baseline - prev[3] <= 1.6 * ref and min(x1, prev[2]) > max(x0, prev[1])
                    and 0.8 <= size / prev[4] <= 1.25):
                group.append(entry)
                continue
        runs_of_lines.append([entry])
    for group in runs_of_lines:
        if len(group) > 1:
            size = _dominant_size((e[4], e[5]) for e in group)
            for entry in group:
                sizes[entry[0]] = size


def _dominant_size(pairs: Iterator[tuple[float, int]] | Any) -> float:
    """The character-weighted median of (size, characters) pairs."""
    ordered = sorted(pairs)
    total = sum(chars for _size, chars in ordered)
    seen = 0
    for size, chars in ordered:
        seen += chars
        if seen * 2 >= total:
            return size
    return ordered[-1][0] if ordered else 10.0


def _snap_sizes(runs: list[Run]) -> None:
    """Sizes within ±9 % of the body size are the body size (OCR measures them with noise)."""
    if not runs:
        return
    body = body_size_of(runs)
    for run in runs:
        if 0.91 <= run.size / body <= 1.09:
            run.size = body


#: A line whose ink density is this much above the page's typical body line is set in bold.
BOLD_INK_RATIO = 1.25


def _mark_bold_lines(runs: list[Run], image_path: Path, sx: float, sy: float) -> None:
    """Tesseract reports no weights; bold lines show as denser ink in the page image.

    The share of dark pixels in a line's box is compared with the median of body-sized lines; lines
    clearly above it (:data:`BOLD_INK_RATIO`) are marked bold, so intermediate headings are found
    like in born-digital PDFs.
    """
    try:
        from PIL import Image as PILImage

        with PILImage.open(image_path) as img:
            gray = img.convert("L")
            lines: dict[tuple[int | None, float], list[Run]] = {}
            for run in runs:
                lines.setdefault((run.group, round(run.baseline, 0)), []).append(run)
            ink: dict[tuple[int | None, float], float] = {}
            word_ink: dict[int, float] = {}

            def density(members: list[Run]) -> float | None:
                x0 = min(r.x0 for r in members) / sx
                x1 = max(r.x1 for r in members) / sx
                top = min(r.top for r in members) / sy
                bottom = max(r.baseline for r in members) / sy
                if x1 - x0 < 4 or bottom - top < 4:
                    return None
                hist = gray.crop((int(x0), int(top), int(x1), int(bottom))).histogram()
                return sum(hist[:128]) / (sum(hist) or 1)

            for key, members in lines.items():
                value = density(members)
                if value is not None:
                    ink[key] = value
            body = body_size_of(runs)
            body_ink = sorted(v for k, v in ink.items() if abs(lines[k][0].size - body) <= 0.1 * body)
            if len(body_ink) < 5:
                return
            typical = body_ink[len(body_ink) // 2]
            bold_lines = [key for key, value in ink.items() if value >= BOLD_INK_RATIO * typical]
            sample = [k for k in ink if abs(lines[k][0].size - body) <= 0.1 * body and k not in bold_lines][:40]
            typical_words = sorted(v for k in sample for r in lines[k] if (v := density([r])) is not None)
            for key in bold_lines:  # words of a bold-looking line: some may be regular (a dateline)
                for run in lines[key]:
                    value = density([run])
                    if value is not None:
                        word_ink[id(run)] = value
    except Exception as exc:  # noqa: BLE001 - without weights the reading is still correct, only flatter
        log.debug("ink measurement failed: %s", exc)
        return
    word_typical = typical_words[len(typical_words) // 2] if typical_words else typical
    for key in bold_lines:
        for run in lines[key]:
            run.bold = word_ink.get(id(run), 0.0) >= 1.15 * word_typical


def _crop(image_path: Path, box: tuple[float, float, float, float]) -> tuple[bytes, str] | None:
    try:
        from PIL import Image as PILImage

        with PILImage.open(image_path) as img:
            part = img.crop(tuple(int(v) for v in box))
            buf = io.BytesIO()
            part.save(buf, format="PNG")
            return buf.getvalue(), "image/png"
    except Exception as exc:  # noqa: BLE001 - a photo we cannot crop is left out, the text stays
        log.debug("photo crop failed: %s", exc)
        return None


def ocr_pages(path: Path, reader: Any, numbers: list[int], guard: Guard, meta: Meta) -> Iterator[PageLayout]:
    """Layouts of the scanned pages ``numbers`` (1-based), OCRed one at a time."""
    missing = missing_ocr_tools()
    if missing:
        raise InputError(f"{path.name}: this PDF is a scan and needs OCR, but {missing}; {INSTALL_HINT}", code="ocr_missing")
    seen_headline = False
    sizes: dict[float, int] = {}
    for number in numbers:
        guard.check_time()
        page = reader.pages[number - 1]
        box = page.mediabox
        remaining = guard.limits.timeout_seconds - (time.monotonic() - guard.started)
        with tempfile.TemporaryDirectory(prefix="lesbar-ocr-") as tmp:
            work = Path(tmp) / "ocr"
            work.mkdir()
            try:
                single = Path(tmp) / "page.pdf"
                _single_page(reader, number, single)
                hocr, image = _run_ocrmypdf(single, number, work, remaining)
            except InputError:
                raise
            except Exception as exc:  # noqa: BLE001 - OCRmyPDF's own errors: report per page, keep going
                log.info("%s: OCR of page %d failed (%s)", path.name, number, exc)
                meta.warnings.append(f"Seite {number}: Texterkennung (OCR) fehlgeschlagen.")
                continue
            content = hocr_page(hocr, number, float(box.width), float(box.height), image)
        if not content.runs:
            meta.warnings.append(f"Seite {number}: Auf dem Bild wurde kein Text erkannt.")
            continue
        for run in content.runs:
            key = round(run.size * 2) / 2
            sizes[key] = sizes.get(key, 0) + len(run.text)
        body = max(sizes.items(), key=lambda kv: kv[1])[0] if sizes else body_size_of(content.runs)
        layout = analyse_page(content, body, seen_headline)
        seen_headline = seen_headline or any(b.role == "headline" for b in layout.front)
        meta.warnings.append(f"Seite {number} wurde per Texterkennung (OCR) gelesen; bitte Text prüfen.")
        yield layout
