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


def render_formats(doc: Document, formats: list[str]) -> list[tuple[str, bytes]]:
    """The document in each of ``formats``, in order; the PDF reuses the HTML when both are asked for."""
    from lesbar.writers.html import write_html
    from lesbar.writers.pdf import write_pdf

    html: str | None = write_html(doc) if "html" in formats or "pdf" in formats else None
    out: list[tuple[str, bytes]] = []
    for fmt in formats:
        if fmt == "html":
            assert html is not None
            out.append((fmt, html.encode("utf-8")))
        elif fmt == "pdf":
            out.append((fmt, write_pdf(doc, html)))
        else:
            out.append((fmt, render(doc, fmt)))
    return out
