"""The one adapter between pypdf and lesbar's PDF layout analysis: text runs and images with geometry.

pypdf's ``extract_text`` visitors give decoded text, the text and transformation matrices and the font,
but pypdf 7 has quirks we work around here and nowhere else (see ``docs/pdf-reading.md`` and
``shared/notes/pdf-and-docx-reading.md``):

* pypdf never advances the text matrix by the width of shown text, so text after a mid-line ``Tf`` is
  reported at the line start (pypdf #2059, #2513, #2932). We therefore track the pen position ourselves
  in ``visitor_operand_before``: every shown string advances by the width of its glyphs taken from the
  font's width table keyed by *character code*, plus ``Tc``/``Tw``/``Tz`` and ``TJ`` offsets. A run's
  horizontal extent is the hull of the strings it was built from.
* pypdf emits synthetic whitespace chunks on ``Td`` moves; whitespace-only chunks are dropped.
* No run width is reported at all; it comes from the same pen tracking.

The module also tracks marked content (``BDC``/``EMC`` with ``/MCID``, ``/Lang`` and ``/Artifact``) for
tagged PDFs and records where image XObjects are painted (``Do`` with the current matrix).
Coordinates are returned top-down (origin at the top left of the page's media box), in points.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

#: Major version of pypdf this adapter was written against (its quirks are version-specific).
PYPDF_MAJOR = 7

_IDENTITY = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
#: WinAnsiEncoding shows a bullet for its unused codes above 0x40 (PDF 32000-1, Annex D, note 3);
#: pypdf passes them through as control characters (reportlab writes "•" as 0x7F).
_UNUSED_WINANSI = str.maketrans({"\x7f": "•", "\x81": "•", "\x8d": "•", "\x8f": "•", "\x90": "•", "\x9d": "•",
                                 # Latin ligature glyphs (cairo, Ghostscript, DTP programs map them to
                                 # U+FB00–FB06): their letters, or "häuﬁg" would not be "häufig"
                                 "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                                 "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})
_SHOW_OPS = {b"Tj", b"TJ", b"'", b'"'}
_PATH_OPS = {b"m", b"l", b"c", b"v", b"y", b"re"}
_PAINT_OPS = {b"n", b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in device space


_DINGBAT_FONTS = ("wingdings", "webdings", "dingbats", "zapfdingbats", "marlett")


def _byte_swapped(text: str) -> str:
    """Undo little-endian UTF-16 in a ToUnicode map: "Ho\u6600\u6600mann" → "Hoffmann".

    Ghostscript's pdfwrite (print-to-PDF, PDF/A conversion) writes multi-character mappings such as the
    "ff"/"fi" ligatures byte-swapped, so each letter comes out as a CJK character U+xx00. Only in text that
    also has Latin letters, where such characters cannot be meant.
    """
    if not any("\u2000" <= ch <= "\u7eff" and ord(ch) & 0xFF == 0 for ch in text):
        return text
    if not any("a" <= ch.lower() <= "z" for ch in text):
        return text
    return "".join(chr(ord(ch) >> 8) if "\u2100" <= ch <= "\u7e00" and ord(ch) & 0xFF == 0 else ch for ch in text)


def _bullet_glyph(text: str, font: str) -> str:
    """A lone glyph that can only be a list bullet becomes "•".

    Word and other office programs draw bullets in Wingdings/Webdings: without a ToUnicode map their
    codes come out as letters ("§", "Ø", "ü"); glyphs without any Unicode mapping come out as control
    characters. Private-use glyphs (Symbol's U+F0B7) are kept: the list rules know them.
    """
    if len(text) != 1:
        return text
    if ord(text) < 0x20 or 0x7F <= ord(text) < 0xA0:
        return "•"
    lowered = font.lower()
    if any(name in lowered for name in _DINGBAT_FONTS) and not ("\ue000" <= text <= "\uf8ff"):
        return "•"
    return text


def _intersect(a: Box, b: Box) -> Box:
    x0, y0 = max(a[0], b[0]), max(a[1], b[1])
    return (x0, y0, max(x0, min(a[2], b[2])), max(y0, min(a[3], b[3])))
_LINE_OPS = {b"Td", b"TD", b"Tm", b"T*", b"BT", b"'", b'"'}


@dataclass(slots=True)
class Run:
    """A piece of text as pypdf flushed it, with its box on the page (top-down points)."""

    text: str
    x0: float
    x1: float
    baseline: float
    size: float
    font: str
    bold: bool
    italic: bool
    mcid: int | None = None
    lang: str | None = None
    artifact: bool = False
    seq: int = 0
    group: int | None = None  # a paragraph the source already knows (Tesseract's ocr_par), else None

    @property
    def top(self) -> float:
        return self.baseline - 0.8 * self.size

    @property
    def bottom(self) -> float:
        return self.baseline + 0.25 * self.size


@dataclass(slots=True)
class PlacedImage:
    """An image XObject painted on the page: its resource name and box (top-down points)."""

    name: str
    x0: float
    top: float
    x1: float
    bottom: float
    pixel_width: int = 0
    pixel_height: int = 0
    mcid: int | None = None
    artifact: bool = False
    data: tuple[bytes, str] | None = None  # image bytes and mime when known without the PDF (OCR crops)


@dataclass
class PageContent:
    """Everything lesbar needs from one page; built and dropped page by page."""

    number: int
    width: float
    height: float
    runs: list[Run] = field(default_factory=list)
    images: list[PlacedImage] = field(default_factory=list)
    page_ref: Any = None  # the indirect reference of the page (for tagged PDFs), or None


def _mult(m: list[float], n: list[float]) -> list[float]:
    """Matrix product m × n for PDF's 6-number affine matrices."""
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]


def orientation(m: list[float]) -> int | None:
    """Direction of text drawn with matrix ``m``: 0, 90, 180 or 270 degrees; None for skewed/mirrored text."""
    if m[1] == 0.0 and m[2] == 0.0 and m[0] > 0 and m[3] > 0:
        return 0  # the common case: upright text
    if m[0] * m[3] - m[1] * m[2] < 0:
        return None
    angle = math.degrees(math.atan2(m[1], m[0]))
    nearest = round(angle / 90.0) * 90
    if abs(angle - nearest) > 3.0:
        return None
    return int(nearest) % 360


def rotate(o: int, x: float, y: float) -> tuple[float, float]:
    """Device point → a frame in which text of orientation ``o`` runs left to right (y still up)."""
    if o == 90:
        return y, -x
    if o == 180:
        return -x, -y
    if o == 270:
        return -y, x
    return x, y


def clean_font_name(name: str) -> str:
    """``/ABCDEF+Helvetica-Bold`` → ``Helvetica-Bold`` (subset prefixes and the name slash removed)."""
    name = name.lstrip("/")
    if len(name) > 7 and name[6] == "+" and name[:6].isupper():
        name = name[7:]
    return name


_BOLD_WORDS = ("bold", "black", "heavy", "semibold", "demi", "extrabold", "ultrabold", ",bold")
_ITALIC_WORDS = ("italic", "oblique", "kursiv", "slanted")


class _FontInfo:
    """Widths by character code, bytes per code, and style flags for one font dictionary."""

    __slots__ = ("name", "bold", "italic", "widths", "default", "two_byte")

    def __init__(self, font_dict: Any) -> None:
        from pypdf.generic._font import Font

        self.widths: dict[int, float] = {}
        self.default = 500.0
        self.two_byte = False
        self.name = "Unknown"
        self.bold = False
        self.italic = False
        try:
            subtype = str(font_dict.get("/Subtype", ""))
            self.two_byte = subtype == "/Type0"
            self.name = clean_font_name(str(font_dict.get("/BaseFont", "Unknown")))
            font = Font.from_font_resource(font_dict)
            for key, width in font.character_widths.items():
                if key == "default":
                    self.default = float(width) or 500.0
                elif len(key) == 1:
                    self.widths[ord(key)] = float(width)
            descriptor = font.font_descriptor
            flags = int(getattr(descriptor, "flags", 0) or 0)
            weight = str(getattr(descriptor, "weight", "") or "").lower()
            self.italic = bool(flags & 64) or float(getattr(descriptor, "italic_angle", 0.0) or 0.0) != 0.0
            self.bold = bool(flags & (1 << 18)) or weight in {"bold", "black", "heavy", "semibold", "700", "800",
                                                                "900", "600"}
        except Exception as exc:  # noqa: BLE001 - a broken font must not stop reading the page
            log.debug("unreadable font %r: %s", self.name, exc)
        lowered = self.name.lower()
        if any(w in lowered for w in _BOLD_WORDS):
            self.bold = True
        if any(w in lowered for w in _ITALIC_WORDS):
            self.italic = True
        if not self.widths and self.default == 500.0:
            self.default = 520.0

    def advance(self, raw: bytes, tc: float, tw: float) -> tuple[float, int]:
        """Glyph advance of ``raw`` in thousandths of text space units per font size, and code count.

        Returns ``(sum of widths / 1000, codes)``; the caller adds ``Tc``/``Tw`` (which are not scaled by
        the font size) from the code count and the number of single-byte spaces.
        """
        total = 0.0
        if self.two_byte:
            codes = [raw[i] << 8 | raw[i + 1] for i in range(0, len(raw) - 1, 2)]
        else:
            codes = list(raw)
        widths = self.widths
        default = self.default
        for code in codes:
            total += widths.get(code, default)
        return total / 1000.0, len(codes)


def _raw_bytes(operand: Any) -> bytes | None:
    """The original bytes of a string operand (pypdf decodes some strings to ``TextStringObject``)."""
    if isinstance(operand, bytes):
        return bytes(operand)
    getter = getattr(operand, "get_original_bytes", None)
    if getter is not None:
        try:
            return bytes(getter())
        except Exception:  # noqa: BLE001
            return None
    if isinstance(operand, str):
        return operand.encode("latin-1", "replace")
    return None


class _Collector:
    """Stateful visitor pair for one page."""

    def __init__(self, page: Any, height: float, left: float, bottom: float,
                 font_cache: dict[int, tuple[Any, _FontInfo]] | None = None) -> None:
        self.height = height
        self.left = left
        self.bottom_off = bottom
        self.runs: list[Run] = []
        self.images: list[PlacedImage] = []
        self.font_dicts: dict[str, Any] = {}
        self.xobjects: dict[str, Any] = {}
        # keyed by id() of the font dictionary, which the tuple keeps alive; shared across a document's pages
        self._font_cache: dict[int, tuple[Any, _FontInfo]] = font_cache if font_cache is not None else {}
        self._collect_resources(page)
        self.font: _FontInfo | None = None
        self.font_size = 0.0
        self.tc = 0.0
        self.tw = 0.0
        self.th = 1.0
        self.rise = 0.0
        self.leading = 0.0
        # q/Q save and restore the text state with the graphics state (PDF 32000-1, 9.3.1): font and size too
        self.state_stack: list[tuple[Any, ...]] = []
        self.clip: Box | None = None  # device bbox of the clipping path (images are cropped to it)
        self.path: Box | None = None  # device bbox of the path under construction
        self.clip_pending = False
        self.adv = 0.0  # pen advance since the start of the current text line (text space units)
        self.pending: list[float] | None = None  # [x0, x1] device extent of the text not yet flushed
        self.mc_stack: list[tuple[int | None, str | None, bool]] = []
        self.pending_mcid: int | None = None
        self.pending_lang: str | None = None
        self.pending_artifact = False
        self.seq = 0
        self.orientations: list[int] = []  # orientation of each run in self.runs
        # pypdf extracts a form XObject with fresh matrices and the form's resources: we keep the matrix
        # the form is painted with (outer) and its resource names ourselves, one entry per Do
        self.outer: list[float] | None = None
        self.do_stack: list[dict[str, Any]] = []
        self.pending_form: dict[str, Any] | None = None

    # ------------------------------------------------------------------------------- resources
    def _collect_resources(self, obj: Any, depth: int = 0, override: bool = False) -> None:
        try:
            resources = obj.get("/Resources")
            resources = resources.get_object() if resources is not None else None
            if not resources:
                return
            fonts = resources.get("/Font")
            if fonts is not None:
                fonts = fonts.get_object()
                for name in fonts:
                    if override:
                        self.font_dicts[str(name)] = fonts[name]
                    else:
                        self.font_dicts.setdefault(str(name), fonts[name])
            xobjects = resources.get("/XObject")
            if xobjects is not None:
                xobjects = xobjects.get_object()
                for name in xobjects:
                    if override:
                        self.xobjects[str(name)] = xobjects[name]
                    else:
                        self.xobjects.setdefault(str(name), xobjects[name])
        except Exception as exc:  # noqa: BLE001
            log.debug("unreadable resources: %s", exc)

    def _font(self, name: str) -> _FontInfo | None:
        ref = self.font_dicts.get(name)
        if ref is None:
            return None
        try:
            obj = ref.get_object()
        except Exception:  # noqa: BLE001
            return None
        cached = self._font_cache.get(id(obj))
        if cached is None:
            cached = (obj, _FontInfo(obj))
            self._font_cache[id(obj)] = cached
        return cached[1]

    # ------------------------------------------------------------------------------ marked content
    def _current_mc(self) -> tuple[int | None, str | None, bool]:
        mcid: int | None = None
        lang: str | None = None
        artifact = False
        for m, lg, art in self.mc_stack:
            if m is not None:
                mcid = m
            if lg:
                lang = lg
            artifact = artifact or art
        return mcid, lang, artifact

    def _begin_marked(self, operator: bytes, operands: list[Any]) -> None:
        tag = str(operands[0]) if operands else ""
        mcid: int | None = None
        lang: str | None = None
        if operator == b"BDC" and len(operands) >= 2:
            props = operands[1]
            try:
                props = props.get_object()
                if isinstance(props, str):  # a name: look it up in /Properties (rare)
                    props = None
                if props is not None and hasattr(props, "get"):
                    if "/MCID" in props:
                        mcid = int(props["/MCID"])
                    if "/Lang" in props:
                        lang = str(props["/Lang"]) or None
            except Exception:  # noqa: BLE001
                pass
        self.mc_stack.append((mcid, lang, tag == "/Artifact"))

    # ---------------------------------------------------------------------------- the visitors
    def _show(self, raw: bytes, tm: list[float], cm: list[float]) -> None:
        if self.font is None:
            width, codes, spaces = len(raw) * 0.5, len(raw), raw.count(b" ")
        else:
            width, codes = self.font.advance(raw, self.tc, self.tw)
            spaces = 0 if self.font.two_byte else raw.count(b" ")
        start = self.adv
        self.adv += (width * self.font_size + self.tc * codes + self.tw * spaces) * self.th
        m = _mult(tm, cm)
        o = orientation(m) or 0
        rise_x, rise_y = self.rise * m[2] + m[4], self.rise * m[3] + m[5]
        x_start, _ = rotate(o, start * m[0] + rise_x, start * m[1] + rise_y)
        x_end, _ = rotate(o, self.adv * m[0] + rise_x, self.adv * m[1] + rise_y)
        lo, hi = min(x_start, x_end), max(x_start, x_end)
        if self.pending is None:
            self.pending = [lo, hi]
            mcid, lang, artifact = self._current_mc()
            self.pending_mcid, self.pending_lang, self.pending_artifact = mcid, lang, artifact
        else:
            self.pending[0] = min(self.pending[0], lo)
            self.pending[1] = max(self.pending[1], hi)

    def before(self, operator: bytes, operands: list[Any], cm: list[float], tm: list[float]) -> None:
        try:
            self._before(operator, operands, cm, tm)
        except Exception as exc:  # noqa: BLE001 - geometry bookkeeping must never stop extraction
            log.debug("operator %r not tracked: %s", operator, exc)

    def after(self, operator: bytes, operands: list[Any], cm: list[float], tm: list[float]) -> None:
        """Leaving a form XObject: back to the matrix and resource names of the content that painted it."""
        if operator != b"Do" or not self.do_stack:
            return
        entry = self.do_stack.pop()
        if entry.get("active"):
            self.font_dicts, self.xobjects, self.outer = entry["saved"]
        elif self.pending_form is entry:
            self.pending_form = None

    def _enter_form(self) -> None:
        """The first operator inside a form XObject: its matrix and resources apply from here on.

        (Not at the ``Do`` itself: pypdf still flushes the text before the form with the outer matrix.)
        """
        entry = self.pending_form
        self.pending_form = None
        if entry is None:
            return
        entry["active"] = True
        entry["saved"] = (self.font_dicts, self.xobjects, self.outer)
        self.font_dicts, self.xobjects = dict(self.font_dicts), dict(self.xobjects)
        self._collect_resources(entry["xobj"], override=True)
        self.outer = entry["matrix"]

    def _before(self, operator: bytes, operands: list[Any], cm: list[float], tm: list[float]) -> None:
        if self.pending_form is not None:
            self._enter_form()
        if self.outer is not None:
            cm = _mult(cm, self.outer)
        if operator in _LINE_OPS:
            self.adv = 0.0
        if operator == b"Tf" and len(operands) >= 2:
            self.font = self._font(str(operands[0]))
            try:
                self.font_size = float(operands[1])
            except (TypeError, ValueError):
                pass
        elif operator == b"Tc" and operands:
            self.tc = float(operands[0])
        elif operator == b"Tw" and operands:
            self.tw = float(operands[0])
        elif operator == b"Tz" and operands:
            self.th = float(operands[0]) / 100.0
        elif operator == b"TL" and operands:
            self.leading = float(operands[0])
        elif operator == b"TD" and len(operands) >= 2:
            self.leading = -float(operands[1])
        elif operator == b"Ts" and operands:
            self.rise = float(operands[0])
        elif operator == b"q":
            self.state_stack.append((self.tc, self.tw, self.th, self.rise, self.clip, self.font, self.font_size,
                                     self.leading))
        elif operator == b"Q":
            if self.state_stack:
                (self.tc, self.tw, self.th, self.rise, self.clip, self.font, self.font_size,
                 self.leading) = self.state_stack.pop()
        elif operator in _PATH_OPS:
            self._path(operator, operands, cm)
        elif operator in (b"W", b"W*"):
            self.clip_pending = True
        elif operator in _PAINT_OPS:
            if self.clip_pending and self.path is not None:
                self.clip = self.path if self.clip is None else _intersect(self.clip, self.path)
            self.clip_pending = False
            self.path = None
        elif operator in (b"BDC", b"BMC"):
            self._begin_marked(operator, operands)
        elif operator == b"EMC":
            if self.mc_stack:
                self.mc_stack.pop()
        elif operator == b"Do" and operands:
            entry: dict[str, Any] = {}
            self.do_stack.append(entry)
            self._do(str(operands[0]), cm, entry)
        elif operator == b"INLINE IMAGE":
            self._place_image("", cm, operands)
        if operator in _SHOW_OPS:
            line_tm = list(tm)
            if operator in (b"'", b'"'):  # T* first: next line by the leading (pypdf applies it after us)
                line_tm[4] -= self.leading * tm[2]
                line_tm[5] -= self.leading * tm[3]
            if operator == b'"' and len(operands) >= 3:
                self.tw = float(operands[0])
                self.tc = float(operands[1])
                operands = operands[2:]
            if operator == b"TJ" and operands:
                for item in operands[0]:
                    if isinstance(item, (int, float)) or type(item).__name__ in ("NumberObject", "FloatObject"):
                        self.adv -= float(item) / 1000.0 * self.font_size * self.th
                    else:
                        raw = _raw_bytes(item)
                        if raw:
                            self._show(raw, line_tm, cm)
            elif operands:
                raw = _raw_bytes(operands[0])
                if raw:
                    self._show(raw, line_tm, cm)

    def _path(self, operator: bytes, operands: list[Any], cm: list[float]) -> None:
        """Grow the bounding box of the current path (device space) by a path operator's points."""
        nums = [float(v) for v in operands]
        if operator == b"re" and len(nums) == 4:
            x, y, w, h = nums
            points = [(x, y), (x + w, y), (x, y + h), (x + w, y + h)]
        else:
            points = list(zip(nums[0::2], nums[1::2], strict=False))
        for ux, uy in points:
            dx, dy = ux * cm[0] + uy * cm[2] + cm[4], ux * cm[1] + uy * cm[3] + cm[5]
            if self.path is None:
                self.path = (dx, dy, dx, dy)
            else:
                x0, y0, x1, y1 = self.path
                self.path = (min(x0, dx), min(y0, dy), max(x1, dx), max(y1, dy))

    def _do(self, name: str, cm: list[float], entry: dict[str, Any]) -> None:
        ref = self.xobjects.get(name)
        if ref is None:
            return
        xobj = ref.get_object()
        subtype = str(xobj.get("/Subtype", ""))
        if subtype == "/Image":
            self._place_image(name, cm, xobj)
        elif subtype == "/Form":
            matrix = _IDENTITY
            try:
                if "/Matrix" in xobj:
                    matrix = [float(v) for v in xobj["/Matrix"]][:6]
            except (TypeError, ValueError):
                matrix = _IDENTITY
            entry.update(xobj=xobj, matrix=_mult(matrix, cm))
            self.pending_form = entry

    def _place_image(self, name: str, cm: list[float], xobj: Any) -> None:
        xs, ys = [], []
        for ux, uy in ((0, 0), (1, 0), (0, 1), (1, 1)):
            xs.append(ux * cm[0] + uy * cm[2] + cm[4])
            ys.append(ux * cm[1] + uy * cm[3] + cm[5])
        pw = ph = 0
        try:
            pw = int(xobj.get("/Width", 0) or xobj.get("/W", 0) or 0)
            ph = int(xobj.get("/Height", 0) or xobj.get("/H", 0) or 0)
        except Exception:  # noqa: BLE001
            pass
        mcid, _lang, artifact = self._current_mc()
        box: Box = (min(xs), min(ys), max(xs), max(ys))
        if self.clip is not None:  # a photo placed larger than its frame and cropped (Word, LibreOffice, DTP)
            box = _intersect(box, self.clip)
            if box[2] - box[0] <= 0.5 or box[3] - box[1] <= 0.5:
                return  # clipped away entirely
        self.images.append(PlacedImage(  # device corners for now (x0, y0) – (x1, y1); see page_content
            name=name, x0=box[0], x1=box[2], top=box[1], bottom=box[3],
            pixel_width=pw, pixel_height=ph, mcid=mcid, artifact=artifact,
        ))

    def text(self, text: str, cm: list[float], tm: list[float], font_dict: Any, size: float) -> None:
        pending = self.pending
        mcid, lang, artifact = self.pending_mcid, self.pending_lang, self.pending_artifact
        self.pending = None
        if not text or not text.strip():
            return
        try:
            m = _mult(list(tm), list(cm))
            if self.outer is not None:  # text inside a form XObject (pypdf reports it in the form's space)
                m = _mult(m, self.outer)
        except Exception:  # noqa: BLE001
            m = _IDENTITY
        o = orientation(m)
        if o is None:  # skewed or mirrored text: not part of any reading flow
            return
        eff = (size or self.font_size or 1.0) * (math.hypot(m[2], m[3]) or 1.0)
        x, y = rotate(o, m[4], m[5])
        clean = " ".join(text.replace("\n", " ").translate(_UNUSED_WINANSI).split())
        if pending is not None:
            x0, x1 = pending
        else:  # text we could not track (e.g. inside a form XObject): estimate its width
            x0, x1 = x, x + 0.5 * eff * len(clean)
        if font_dict is not None:
            try:
                obj = font_dict.get_object()
                info = self._font_cache.get(id(obj))
                info_obj = info[1] if info else None
                if info_obj is None:
                    info_obj = _FontInfo(obj)
                    self._font_cache[id(obj)] = (obj, info_obj)
                name, bold, italic = info_obj.name, info_obj.bold, info_obj.italic
            except Exception:  # noqa: BLE001
                name, bold, italic = "Unknown", False, False
        else:
            name, bold, italic = "Unknown", False, False
        clean = _bullet_glyph(_byte_swapped(clean), name)
        self.seq += 1
        self.runs.append(Run(
            text=(" " if text[:1] in " \t\u00a0" else "") + clean + (" " if text.rstrip("\n")[-1:] in (" ", "\t") else ""),
            x0=x0, x1=max(x1, x0 + 0.2 * eff), baseline=y,  # rotated device frame; see page_content
            size=round(eff, 2), font=name, bold=bold, italic=italic,
            mcid=mcid, lang=lang, artifact=artifact, seq=self.seq,
        ))
        self.orientations.append(o)


def page_content(page: Any, number: int, font_cache: dict[int, Any] | None = None) -> PageContent:
    """Runs and placed images of one pypdf page (top-down coordinates, media box origin).

    Pass the same ``font_cache`` dict for all pages of a document: fonts are shared between pages and
    their width tables are built once.
    """
    box = page.mediabox
    left, bottom = float(box.left), float(box.bottom)
    width, height = float(box.width), float(box.height)
    collector = _Collector(page, height, left, bottom, font_cache)
    page.extract_text(visitor_operand_before=collector.before, visitor_operand_after=collector.after,
                      visitor_text=collector.text)
    ref = getattr(page, "indirect_reference", None)
    # The text flow follows the dominant orientation (a landscape page drawn rotated, a table turned
    # sideways); text in other directions (margin notes, axis labels) is left out.
    weight: dict[int, int] = {}
    for run, o in zip(collector.runs, collector.orientations, strict=True):
        weight[o] = weight.get(o, 0) + len(run.text)
    dominant = max(weight.items(), key=lambda kv: kv[1])[0] if weight else 0
    corners = [rotate(dominant, x, y) for x in (left, left + width) for y in (bottom, bottom + height)]
    min_x = min(c[0] for c in corners)
    max_y = max(c[1] for c in corners)
    page_w = max(c[0] for c in corners) - min_x
    page_h = max_y - min(c[1] for c in corners)
    runs: list[Run] = []
    for run, o in zip(collector.runs, collector.orientations, strict=True):
        if o != dominant:
            continue
        run.x0 -= min_x
        run.x1 -= min_x
        run.baseline = max_y - run.baseline
        runs.append(run)
    images: list[PlacedImage] = []
    for image in collector.images:
        pts = [rotate(dominant, x, y) for x in (image.x0, image.x1) for y in (image.top, image.bottom)]
        image.x0, image.x1 = min(p[0] for p in pts) - min_x, max(p[0] for p in pts) - min_x
        image.top, image.bottom = max_y - max(p[1] for p in pts), max_y - min(p[1] for p in pts)
        images.append(image)
    return PageContent(number=number, width=page_w, height=page_h, runs=runs, images=images, page_ref=ref)


def image_bytes(page: Any, name: str) -> tuple[bytes, str] | None:
    """``(data, mime)`` of the image XObject ``name`` on ``page`` as pypdf can export it, or None."""
    try:
        image = page.images[name]
    except Exception:  # noqa: BLE001 - unsupported filters, missing Pillow codecs, broken streams
        try:
            image = next((img for img in page.images if img.name.rsplit(".", 1)[0] == name.lstrip("/")), None)
        except Exception:  # noqa: BLE001
            image = None
    if image is None:
        return None
    try:
        data = image.data
    except Exception:  # noqa: BLE001
        return None
    ext = image.name.rsplit(".", 1)[-1].lower() if "." in image.name else "png"
    mime = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "jp2": "image/jp2", "tif": "image/tiff",
            "tiff": "image/tiff", "gif": "image/gif", "bmp": "image/bmp"}.get(ext, "application/octet-stream")
    if mime in ("image/jp2", "application/octet-stream", "image/tiff"):
        try:  # browsers and WeasyPrint want PNG or JPEG
            import io

            buf = io.BytesIO()
            image.image.save(buf, format="PNG")
            return buf.getvalue(), "image/png"
        except Exception:  # noqa: BLE001
            return None
    return data, mime
