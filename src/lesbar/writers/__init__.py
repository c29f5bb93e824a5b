"""Writers: turn a :class:`~lesbar.model.Document` into HTML, DOCX or PDF bytes/text."""

from __future__ import annotations

from lesbar.model import Document


def render(doc: Document, fmt: str) -> bytes:
    """The document in ``fmt`` (``html``, ``docx`` or ``pdf``) as bytes."""
    if fmt == "html":
        from lesbar.writers.html import write_html

        return write_html(doc).encode("utf-8")
    if fmt == "docx":
        from lesbar.writers.docx import write_docx

        return write_docx(doc)
    if fmt == "pdf":
        from lesbar.writers.pdf import write_pdf

        return write_pdf(doc)
    raise ValueError(f"unknown output format {fmt!r}")
