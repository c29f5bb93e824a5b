"""``integrationskonferenz.docx``: the same report as a Word file, as an editor would write it.

It uses Word's built-in semantics that lesbar's DOCX reader relies on: the Title style for the
headline, a "Lead" paragraph style, a Heading 1 for the intermediate heading, the photo with alt
text in ``wp:docPr/@descr`` followed by a "Caption" paragraph, the pull quote and its attribution in
the "Quote" style, core properties, and German declared as the document language (python-docx's
template says en-US). The dateline is a bold run at the start of the first body paragraph, as in
the printed clipping.
"""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from .docx_xml import save_stable, set_alt_text, set_core_properties, set_document_language
from .photo import conference_photo_png
from .source import Report


def _add_lead_style(document: DocumentObject) -> None:
    """A "Lead" paragraph style (bold, 12 pt) as newsroom templates have it."""
    style = document.styles.add_style("Lead", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.bold = True
    style.font.size = Pt(12)
    style.paragraph_format.space_after = Pt(8)


def build_report_docx(report: Report) -> bytes:
    """Build the DOCX from the report text; returns byte-stable DOCX bytes."""
    document = Document()
    set_document_language(document, report.language)
    set_core_properties(
        document,
        title=report.headline,
        author=report.author,
        subject=f"{report.newspaper['name']}, {report.newspaper['date']}",
        keywords="Integrationskonferenz, Kreis Heinsberg, Kommunales Integrationszentrum",
    )
    _add_lead_style(document)

    document.add_paragraph(report.headline, style="Title")
    document.add_paragraph(report.lead, style="Lead")
    byline = document.add_paragraph()
    byline_run = byline.add_run(report.byline)
    byline_run.font.size = Pt(9)

    first = True
    for item in report.body:
        if item.is_heading:
            document.add_heading(item.text, level=1)
            continue
        paragraph = document.add_paragraph()
        if first:
            dateline = paragraph.add_run(report.dateline)
            dateline.bold = True
            paragraph.add_run(" ")
            first = False
        paragraph.add_run(item.text)
        if item.figure_after:
            picture = document.add_paragraph()
            picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
            shape = picture.add_run().add_picture(io.BytesIO(conference_photo_png()), width=Cm(15))
            set_alt_text(shape, report.alt_text)
            caption = document.add_paragraph(report.caption, style="Caption")
            caption.add_run(" ")
            caption.add_run(report.credit).bold = True
        if item.pull_quote_after:
            document.add_paragraph(report.pull_quote, style="Quote")
            attribution = document.add_paragraph(f"– {report.attribution}", style="Quote")
            attribution.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    footer = document.sections[0].footer.paragraphs[0]
    footer.text = f"{report.newspaper['name']} · {report.newspaper['date']}"
    return save_stable(document)
