"""Font files used by the sample builders.

Real TrueType fonts (Noto, from Debian's ``fonts-noto-core``, which ``scripts/setup`` installs) are
embedded so that text extraction from the PDFs yields Unicode, as it does for real newspaper PDFs.
The built-in PDF base-14 fonts would not cover „“ or ç reliably.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIRS = (Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/noto"))

#: reportlab font name -> font file name. Families get bold/italic mappings for <b>/<i> markup.
FONT_FILES: dict[str, str] = {
    "Serif": "NotoSerif-Regular.ttf",
    "Serif-Bold": "NotoSerif-Bold.ttf",
    "Serif-Italic": "NotoSerif-Italic.ttf",
    "Serif-BoldItalic": "NotoSerif-BoldItalic.ttf",
    "Display-Bold": "NotoSerifDisplay-Bold.ttf",
    "Sans": "NotoSans-Regular.ttf",
    "Sans-Bold": "NotoSans-Bold.ttf",
    "Sans-Italic": "NotoSans-Italic.ttf",
    "Sans-BoldItalic": "NotoSans-BoldItalic.ttf",
}


class MissingFontError(RuntimeError):
    """A font file the samples need is not installed."""


def font_path(file_name: str) -> Path:
    """Return the installed path of a Noto font file or raise a clear error."""
    for folder in FONT_DIRS:
        candidate = folder / file_name
        if candidate.is_file():
            return candidate
    raise MissingFontError(
        f"font {file_name} not found in {', '.join(map(str, FONT_DIRS))}; "
        "install Debian's fonts-noto-core (scripts/setup does this)"
    )


def register_fonts() -> None:
    """Register the Noto fonts with reportlab under the names in FONT_FILES (idempotent)."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, file_name in FONT_FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(font_path(file_name))))
    for family in ("Serif", "Sans"):
        addMapping(family, 0, 0, family)
        addMapping(family, 1, 0, f"{family}-Bold")
        addMapping(family, 0, 1, f"{family}-Italic")
        addMapping(family, 1, 1, f"{family}-BoldItalic")
