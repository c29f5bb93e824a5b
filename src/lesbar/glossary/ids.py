"""Entry ids: stable, readable, ASCII (they appear in URLs, file diffs and the translation memory)."""

from __future__ import annotations

import re
import unicodedata


def slugify(term: str) -> str:
    """An id from a term: "Kommunales Integrationszentrum" → "kommunales-integrationszentrum", "ß" → "ss"."""
    text = term.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text or "eintrag"
