"""What the sample bytes depend on besides the source texts.

reportlab's invariant mode and fixed ZIP times make a rebuild byte-identical, but only with the same
library versions, font files and zlib. ``build_environment()`` records those; the tests compare
bytes when the current environment matches the recorded one, and compare the text otherwise.
"""

from __future__ import annotations

import hashlib
import zlib
from importlib.metadata import version

from .fonts import FONT_FILES, font_path

ENVIRONMENT_FILE = "build-environment.json"

#: Distributions whose output ends up in the sample files.
DISTRIBUTIONS = ("reportlab", "pillow", "python-docx", "pyphen", "lxml")


def build_environment() -> dict[str, object]:
    """Versions and font digests that determine the bytes of the samples."""
    fonts = {}
    for file_name in sorted(set(FONT_FILES.values()) | {"NotoSans-Bold.ttf", "NotoSans-Regular.ttf"}):
        fonts[file_name] = hashlib.sha256(font_path(file_name).read_bytes()).hexdigest()[:16]
    return {
        "packages": {name: version(name) for name in DISTRIBUTIONS},
        "zlib": zlib.ZLIB_RUNTIME_VERSION,
        "fonts": fonts,
    }
