"""Tagged PDF (PDF/UA-1) from the HTML writer's output, rendered by WeasyPrint.

WeasyPrint's ``pdf/ua-1`` variant writes the structure tree, the document language, the title shown in
the window title (DisplayDocTitle), embedded fonts with Unicode mapping, and figure alt text from ``alt``.
:mod:`lesbar.writers.pdf_tags` adds what it lacks (``/Lang`` on elements in another language, list items
PDF/UA accepts). Fonts: the stylesheet names Noto Sans / Noto Sans Arabic / DejaVu Sans (Debian
``fonts-noto-core``, ``fonts-dejavu-core``), which cover Latin, Cyrillic and Arabic script; Pango and
HarfBuzz shape Arabic and Persian.
"""

from __future__ import annotations

import logging

from lesbar.model import Document
from lesbar.writers.html import write_html
from lesbar.writers.pdf_tags import install as install_tag_adapter

log = logging.getLogger(__name__)


def write_pdf(doc: Document, html: str | None = None) -> bytes:
    """The document as PDF/UA-1 bytes (from ``html`` when the caller already rendered it)."""
    for name in ("weasyprint", "fontTools", "fontTools.subset"):
        logging.getLogger(name).setLevel(logging.ERROR)
    from weasyprint import HTML

    install_tag_adapter()
    source = html if html is not None else write_html(doc)
    return HTML(string=source).write_pdf(pdf_variant="pdf/ua-1")
