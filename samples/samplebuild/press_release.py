"""``pressemitteilung-sprachkurs.docx`` and ``.pdf``: a short single-column press release.

A second, different kind of input: an office document rather than a newspaper page, with a title
and subtitle, headings, a bulleted list, a small table of dates with a header row, a link and a
letterhead in the page header. The PDF is the same text typeset in one ragged-right column with
reportlab — untagged, like a PDF printed from a mail-merge tool, so readers cannot rely on a tag tree.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.shared import Pt
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from .docx_xml import (
    add_hyperlink,
    repeat_as_header_row,
    save_stable,
    set_core_properties,
    set_document_language,
)
from .fonts import register_fonts
from .source import load_yaml

LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


@dataclass(frozen=True)
class PressRelease:
    """The press release text (pressemitteilung-sprachkurs.yaml), whitespace normalised."""

    language: str
    sender: str
    kind: str
    number: str
    place_date: str
    author: str
    title: str
    subtitle: str
    body: tuple[dict[str, Any] | str, ...]
    contact: str
    written: datetime

    def plain_text(self) -> str:
        """The text as a reader should see it (links as their text), one block per line."""
        lines = [self.title, self.subtitle]
        for item in self.body:
            if isinstance(item, str):
                lines.append(LINK.sub(r"\1", item))
            elif "heading" in item:
                lines.append(item["heading"])
            elif "bullets" in item:
                lines.extend(item["bullets"])
            elif "table" in item:
                lines.extend(" ".join(row) for row in [item["table"]["header"], *item["table"]["rows"]])
        return "\n".join(lines)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return [_clean(entry) for entry in value]
    if isinstance(value, dict):
        return {key: _clean(entry) for key, entry in value.items()}
    return value


def load_press_release() -> PressRelease:
    """Read ``source/pressemitteilung-sprachkurs.yaml``."""
    data = _clean(load_yaml("pressemitteilung-sprachkurs.yaml"))
    return PressRelease(
        language=data["language"],
        sender=data["sender"],
        kind=data["kind"],
        number=data["number"],
        place_date=data["place_date"],
        author=data["author"],
        title=data["title"],
        subtitle=data["subtitle"],
        body=tuple(data["body"]),
        contact=data["contact"],
        written=datetime.fromisoformat(str(data["written"])),
    )


def _pieces(text: str) -> list[tuple[str, str | None]]:
    """Split a paragraph into (text, url-or-None) pieces at [text](url) links."""
    pieces: list[tuple[str, str | None]] = []
    position = 0
    for match in LINK.finditer(text):
        if match.start() > position:
            pieces.append((text[position : match.start()], None))
        pieces.append((match.group(1), match.group(2)))
        position = match.end()
    if position < len(text):
        pieces.append((text[position:], None))
    return pieces


# -- DOCX ---------------------------------------------------------------------------------------


def build_press_release_docx(release: PressRelease) -> bytes:
    """Build the Word version; returns byte-stable DOCX bytes."""
    document = Document()
    set_document_language(document, release.language)
    set_core_properties(
        document,
        title=release.title,
        author=release.author,
        subject=f"{release.kind} {release.number}",
        when=release.written,
    )
    header = document.sections[0].header.paragraphs[0]
    header.text = release.sender
    meta = document.add_paragraph()
    meta.add_run(f"{release.kind} {release.number}").bold = True
    meta.add_run(f" · {release.place_date}")
    document.add_paragraph(release.title, style="Title")
    document.add_paragraph(release.subtitle, style="Subtitle")
    for item in release.body:
        if isinstance(item, str):
            paragraph = document.add_paragraph()
            for text, url in _pieces(item):
                if url:
                    add_hyperlink(paragraph, url, text)
                else:
                    paragraph.add_run(text)
        elif "heading" in item:
            document.add_heading(item["heading"], level=1)
        elif "bullets" in item:
            for bullet in item["bullets"]:
                document.add_paragraph(bullet, style="List Bullet")
        elif "table" in item:
            table_data = item["table"]
            table = document.add_table(rows=1, cols=len(table_data["header"]))
            table.style = document.styles["Table Grid"]
            for cell, text in zip(table.rows[0].cells, table_data["header"], strict=True):
                cell.paragraphs[0].add_run(text).bold = True
            repeat_as_header_row(table.rows[0])
            for row in table_data["rows"]:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = text
            document.add_paragraph()
    contact = document.add_paragraph()
    run = contact.add_run(release.contact)
    run.italic = True
    run.font.size = Pt(9)
    return save_stable(document)


# -- PDF ----------------------------------------------------------------------------------------

INK = colors.Color(0.1, 0.1, 0.12)
ACCENT = colors.Color(0.0, 0.33, 0.6)


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("Body", fontName="Sans", fontSize=10.5, leading=14.5, spaceAfter=7, textColor=INK)
    return {
        "body": body,
        "meta": ParagraphStyle("Meta", parent=body, fontSize=9, leading=12, spaceAfter=14),
        "title": ParagraphStyle(
            "Title", parent=body, fontName="Sans-Bold", fontSize=19, leading=23, spaceAfter=4, textColor=ACCENT
        ),
        "subtitle": ParagraphStyle("Subtitle", parent=body, fontSize=13, leading=17, spaceAfter=14),
        "heading": ParagraphStyle(
            "Heading",
            parent=body,
            fontName="Sans-Bold",
            fontSize=12.5,
            leading=16,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "item": ParagraphStyle("Item", parent=body, spaceAfter=2),
        "cell": ParagraphStyle("Cell", parent=body, fontSize=9.5, leading=12.5, spaceAfter=0),
        "contact": ParagraphStyle(
            "Contact", parent=body, fontName="Sans-Italic", fontSize=9, leading=12, spaceBefore=10
        ),
    }


def _markup(text: str) -> str:
    parts = []
    for piece, url in _pieces(text):
        if url:
            parts.append(f'<a href="{escape(url)}" color="#00549a"><u>{escape(piece)}</u></a>')
        else:
            parts.append(escape(piece))
    return "".join(parts)


def _story(release: PressRelease, styles: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(
            f"<b>{escape(release.kind)} {escape(release.number)}</b> · {escape(release.place_date)}", styles["meta"]
        ),
        Paragraph(escape(release.title), styles["title"]),
        Paragraph(escape(release.subtitle), styles["subtitle"]),
    ]
    for item in release.body:
        if isinstance(item, str):
            story.append(Paragraph(_markup(item), styles["body"]))
        elif "heading" in item:
            story.append(Paragraph(escape(item["heading"]), styles["heading"]))
        elif "bullets" in item:
            story.append(
                ListFlowable(
                    [ListItem(Paragraph(escape(text), styles["item"]), leftIndent=16) for text in item["bullets"]],
                    bulletType="bullet",
                    start="•",
                    bulletFontName="Sans",
                    bulletFontSize=10.5,
                    leftIndent=16,
                )
            )
        elif "table" in item:
            table_data = item["table"]
            rows = [[Paragraph(f"<b>{escape(text)}</b>", styles["cell"]) for text in table_data["header"]]]
            rows += [[Paragraph(escape(text), styles["cell"]) for text in row] for row in table_data["rows"]]
            table = Table(rows, colWidths=[width * 0.36, width * 0.42, width * 0.22], repeatRows=1)
            table.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.5, INK),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.92, 0.96)),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("TOPPADDING", (0, 0), (-1, -1), 4),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                    ]
                )
            )
            story += [table, Spacer(1, 10)]
    story.append(Paragraph(escape(release.contact), styles["contact"]))
    return story


def build_press_release_pdf(release: PressRelease) -> bytes:
    """Typeset the press release in one column on A4 (untagged, deterministic)."""
    register_fonts()
    styles = _styles()
    buffer = io.BytesIO()
    margin = 2.5 * cm
    page_w, page_h = A4

    def furniture(canvas: Canvas, document: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(margin, page_h - 1.7 * cm, 0.35 * cm, 0.7 * cm, stroke=0, fill=1)
        canvas.setFillColor(INK)
        canvas.setFont("Sans-Bold", 9)
        canvas.drawString(margin + 0.6 * cm, page_h - 1.45 * cm, release.sender)
        canvas.setFont("Sans", 8)
        canvas.drawString(margin, 1.3 * cm, f"{release.author} · {release.kind} {release.number}")
        canvas.drawRightString(page_w - margin, 1.3 * cm, f"Seite {document.page}")
        canvas.restoreState()

    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        invariant=1,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=2.6 * cm,
        bottomMargin=2.2 * cm,
        title=release.title,
        author=release.author,
        subject=f"{release.kind} {release.number}",
        creator="lesbar samples/make_samples.py",
    )
    document.build(_story(release, styles, page_w - 2 * margin), onFirstPage=furniture, onLaterPages=furniture)
    return buffer.getvalue()
