"""Word features python-docx 1.2 has no API for, done with its XML layer.

Kept in one module because each function works around a gap in python-docx:
document language (its default template declares en-US in docDefaults and ``themeFontLang``),
image alt text (``wp:docPr/@descr``), external hyperlinks, repeated table header rows
(``w:tblHeader``) and byte-stable output (python-docx stamps every ZIP entry with the current time).
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shape import InlineShape
from docx.table import _Row
from docx.text.paragraph import Paragraph

#: Fixed timestamp for ZIP entries (and default for core properties): rebuilds give identical bytes.
FIXED_TIME = datetime(2024, 11, 18, 9, 0, 0, tzinfo=UTC)


def _child(parent, tag: str, before: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    """Return ``parent``'s child ``tag``, creating it before the first of ``before`` (schema order)."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    element = OxmlElement(tag)
    for successor in before:
        anchor = parent.find(qn(successor))
        if anchor is not None:
            anchor.addprevious(element)
            return element
    parent.append(element)
    return element


def set_document_language(document: Document, language: str) -> None:
    """Declare ``language`` (e.g. ``de-DE``) for all text: docDefaults, settings and core properties."""
    styles = document.styles.element
    doc_defaults = _child(styles, "w:docDefaults", before=("w:latentStyles", "w:style"))
    rpr_default = _child(doc_defaults, "w:rPrDefault", before=("w:pPrDefault",))
    rpr = _child(rpr_default, "w:rPr")
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), lang.get(qn("w:eastAsia")) or "en-US")
    lang.set(qn("w:bidi"), lang.get(qn("w:bidi")) or "ar-SA")
    settings = document.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), language)
    document.core_properties.language = language


def set_alt_text(shape: InlineShape, description: str, title: str = "") -> None:
    """Set the picture's alt text where Word keeps it: ``wp:docPr/@descr`` (and ``@title``)."""
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", description)
    if title:
        doc_pr.set("title", title)


def add_hyperlink(paragraph: Paragraph, url: str, text: str) -> None:
    """Append an external hyperlink run styled like Word's "Hyperlink" character style."""
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "0563C1")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    rpr.append(colour)
    rpr.append(underline)
    run.append(rpr)
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def repeat_as_header_row(row: _Row) -> None:
    """Mark ``row`` as a header row that Word repeats on each page (``w:tblHeader``)."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)


def set_core_properties(
    document: Document, title: str, author: str, subject: str = "", keywords: str = "", when: datetime = FIXED_TIME
) -> None:
    """Fill title/author and pin created/modified to ``when`` (python-docx keeps the template's)."""
    properties = document.core_properties
    properties.title = title
    properties.author = author
    properties.last_modified_by = author
    properties.subject = subject
    properties.keywords = keywords
    properties.created = when.replace(tzinfo=None)
    properties.modified = when.replace(tzinfo=None)
    properties.revision = 1
    properties.comments = ""


def save_stable(document: Document) -> bytes:
    """Save and rewrite the ZIP with fixed entry times so that identical input gives identical bytes."""
    raw = io.BytesIO()
    document.save(raw)
    raw.seek(0)
    stable = io.BytesIO()
    stamp = FIXED_TIME.timetuple()[:6]
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(stable, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return stable.getvalue()
