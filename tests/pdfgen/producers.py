"""Test PDFs from producers other than :mod:`pdfgen.newspaper`: WeasyPrint, LibreOffice, reportlab platypus.

The reader is judged on files it has never seen; these producers write text, spacing, hyphenation and
running heads in their own ways (WeasyPrint: one ``TJ`` per line with CSS columns, ``column-span``, @page
margin boxes and pyphen hyphenation; LibreOffice: its own font subsets, section columns and tags;
reportlab platypus: letterhead frames, tables, ZapfDingbats bullets).
"""

from __future__ import annotations

import base64
import html
import io
import shutil
import subprocess
from pathlib import Path

from pdfgen.reports import Report


def photo_jpeg(width: int = 480, height: int = 300) -> bytes:
    """A small JPEG with some structure (a gradient and shapes), like a press photo."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (width, height), (90, 120, 150))
    draw = ImageDraw.Draw(img)
    for y in range(0, height, 6):
        draw.line([(0, y), (width, y)], fill=(90 + y // 4, 120, 150 - y // 5))
    draw.ellipse([width * 0.2, height * 0.2, width * 0.45, height * 0.8], fill=(200, 170, 140))
    draw.rectangle([width * 0.55, height * 0.3, width * 0.85, height * 0.9], fill=(60, 70, 90))
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=70)
    return buf.getvalue()


def _e(text: str) -> str:
    return html.escape(text, quote=False)


WEASY_CSS = """
@page {{ size: {page}; margin: 2.0cm 1.6cm 2.0cm 1.6cm;
  @top-left {{ content: "{header}"; font-size: 7.5pt; color: #444; }}
  @top-right {{ content: "Dienstag, 17. März 2026"; font-size: 7.5pt; color: #444; }}
  @bottom-left {{ content: "{footer}"; font-size: 7.5pt; }}
  @bottom-right {{ content: "Seite " counter(page) " von " counter(pages); font-size: 7.5pt; }} }}
body {{ font-family: "{font}"; font-size: {size}pt; line-height: {line_height}; margin: 0; }}
article {{ column-count: {columns}; column-gap: 1.3em; column-fill: {fill}; }}
h1 {{ column-span: all; font-size: 24pt; line-height: 1.1; margin: 0 0 0.3em; font-weight: bold; }}
p.lead {{ column-span: all; font-size: 12pt; font-weight: bold; margin: 0 0 0.6em; }}
p.byline {{ font-size: {size}pt; font-weight: bold; text-transform: uppercase; margin: 0 0 0.5em; }}
p {{ margin: 0 0 0.45em; text-align: {align}; hyphens: auto; }}
h2 {{ font-size: {size}pt; font-weight: bold; margin: 0.8em 0 0.25em; }}
figure {{ margin: 0.3em 0 0.8em; break-inside: avoid; }}
figure img {{ width: 100%; display: block; }}
figure[style] img {{ width: 60%; }}
span.drop {{ float: left; font-size: 3.3em; line-height: 0.8; margin: 0.06em 0.08em 0 0; }}
figcaption {{ font-size: 7.5pt; line-height: 1.2; margin-top: 0.3em; }}
aside.pull {{ font-size: 13pt; font-style: italic; line-height: 1.2; margin: 0.6em 0 0.9em;
  border-top: 1pt solid #000; border-bottom: 1pt solid #000; padding: 0.4em 0; break-inside: avoid; }}
aside.pull cite {{ display: block; font-size: 8pt; font-style: normal; margin-top: 0.3em; }}
"""


def weasy_html(report: Report, columns: int = 3, *, size: float = 9.5, font: str = "Nimbus Roman",
               justified: bool = True, page: str = "A4", figure_at: int = 1, quote_at: int = 4,
               fill: str = "balance", line_height: float = 1.3, dateline: str = "", drop_cap: bool = False,
               wide_figure: bool = False, bold_quote: bool = False, indent: bool = False,
               centered: bool = False) -> str:
    """An HTML newspaper article for WeasyPrint: CSS columns, spanning headline and lead, figure, pull quote."""
    css = WEASY_CSS.format(page=page, header=report.header, footer=report.footer, font=font, size=size,
                           columns=columns, fill=fill, align="justify" if justified else "left",
                           line_height=line_height)
    if indent:  # newspaper paragraphs: first-line indent, no space between them
        css += "article p {{ margin: 0; text-indent: 1.2em; }} article p.lead, article p.byline {{ text-indent: 0; }}".replace("{{", "{").replace("}}", "}")
    if centered:
        css += "h1, p.lead, h2 { text-align: center; }"
    if bold_quote:  # the pull quote in bold upright type, like a heading but for its attribution
        css = css.replace("font-size: 13pt; font-style: italic;", "font-size: 12pt; font-weight: bold;")
    photo = base64.b64encode(photo_jpeg()).decode("ascii")
    parts = [f"<h1>{_e(report.headline)}</h1>", f'<p class="lead">{_e(report.lead)}</p>']
    if report.byline:
        parts.append(f'<p class="byline">{_e(report.byline)}</p>')
    for i, para in enumerate(report.paragraphs):
        if i in report.subheadings:
            parts.append(f"<h2>{_e(report.subheadings[i])}</h2>")
        if i == 0 and dateline:
            parts.append(f"<p><strong>{_e(dateline)}</strong> {_e(para)}</p>")
        elif i == 0 and drop_cap:
            parts.append(f'<p><span class="drop">{_e(para[0])}</span>{_e(para[1:])}</p>')
        else:
            parts.append(f"<p>{_e(para)}</p>")
        if i == figure_at and report.caption:
            span = ' style="column-span: all"' if wide_figure else ""
            parts.append(f'<figure{span}><img src="data:image/jpeg;base64,{photo}" alt="">'
                         f"<figcaption>{_e(report.caption)}</figcaption></figure>")
        if i == quote_at and report.quote:
            parts.append(f'<aside class="pull">{_e(report.quote)}<cite>{_e(report.attribution)}</cite></aside>')
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{_e(report.headline)}</title>'
            f"<style>{css}</style></head><body><article>{''.join(parts)}</article></body></html>")


def weasyprint_pdf(path: Path, report: Report, *, tagged: bool = False, **options: object) -> Path:
    """Write ``report`` as a WeasyPrint PDF (``tagged``: PDF/UA-1 with a structure tree)."""
    from weasyprint import HTML

    document = HTML(string=weasy_html(report, **options))  # type: ignore[arg-type]
    if tagged:
        document.write_pdf(str(path), pdf_variant="pdf/ua-1")
    else:
        document.write_pdf(str(path))
    return path


def soffice() -> str | None:
    """The LibreOffice binary, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def report_docx(path: Path, report: Report, columns: int = 2, caption_style: bool = False) -> Path:
    """A DOCX of ``report``: title and lead in one column, then a section with ``columns`` columns.

    Bullets use Word's "List Bullet" style (a Symbol-font bullet), the table "Table Grid" with a bold
    first row; ``caption_style`` sets the photo caption in Word's "Caption" style.
    """
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = "Liberation Serif"
    normal.font.size = Pt(10)
    rpr = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "de-DE")
    section = doc.sections[0]
    section.left_margin = section.right_margin = Cm(2.0)
    header = section.header.paragraphs[0]
    header.text = report.header
    footer = section.footer.paragraphs[0]
    footer.text = report.footer
    doc.add_heading(report.headline, level=1)
    lead = doc.add_paragraph()
    lead.add_run(report.lead).bold = True
    if report.byline:
        doc.add_paragraph(report.byline)
    body = doc.add_section(WD_SECTION.CONTINUOUS)
    cols = body._sectPr.xpath("./w:cols")
    col = cols[0] if cols else OxmlElement("w:cols")
    if not cols:
        body._sectPr.append(col)
    col.set(qn("w:num"), str(columns))
    col.set(qn("w:space"), "567")
    for i, para in enumerate(report.paragraphs):
        if i in report.subheadings:
            doc.add_heading(report.subheadings[i], level=2)
        p = doc.add_paragraph(para)
        p.paragraph_format.alignment = 3  # justify
        if i == 1 and report.caption:
            doc.add_picture(io.BytesIO(photo_jpeg()), width=Cm(7.0))
            cap = doc.add_paragraph(report.caption, style="Caption" if caption_style else None)
            cap.runs[0].font.size = Pt(8)
        if i == 1 and report.bullets:
            for item in report.bullets:
                doc.add_paragraph(item, style="List Bullet")
        if i == 2 and report.table:
            table = doc.add_table(rows=0, cols=len(report.table[0]))
            table.style = "Table Grid"
            for r, row in enumerate(report.table):
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = text
                    if r == 0:
                        cell.paragraphs[0].runs[0].bold = True
            doc.add_paragraph()
    doc.save(str(path))
    return path


def libreoffice_pdf(source: Path, out_dir: Path, *, tagged: bool = False, timeout: float = 120) -> Path:
    """Convert ``source`` with LibreOffice headless (a private profile, so parallel runs do not clash)."""
    binary = soffice()
    assert binary, "LibreOffice is not installed"
    target = "pdf"
    if tagged:
        target = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
    profile = out_dir / "lo-profile"
    subprocess.run([binary, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
                    "--outdir", str(out_dir), str(source)], check=True, timeout=timeout,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return out_dir / (source.stem + ".pdf")


def reportlab_press_release(path: Path, report: Report, *, bullets: str = "symbol") -> Path:
    """A one-column press release set with reportlab platypus (not :mod:`pdfgen.newspaper`).

    Letterhead (sender block at the right, a rule), "PRESSEMITTEILUNG" and date, headline, bold lead,
    body paragraphs with space after, a bulleted list, an opening-hours table with a header row, a contact
    block and a footer with page numbers on every page. ``bullets``: ``symbol`` — U+F0B7 in a symbol font
    (the private-use bullet of Word exports); ``unmapped`` — a glyph the text layer cannot name (comes out
    as a control character); ``dingbats`` — ZapfDingbats' filled circle.
    """
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import (
        ListFlowable,
        ListItem,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    regular, bold = "Helvetica", "Helvetica-Bold"
    bullet, bullet_font = "l", "ZapfDingbats"
    if bullets == "symbol":
        bullet = "\uf0b7"
        bullet_font = register_symbol_font(path.parent / "LesbarSymbol.ttf", bullet)
    elif bullets == "unmapped":  # a glyph the font does not have: no Unicode in the text layer
        bullet = "\uf0a7"
        bullet_font = register_symbol_font(path.parent / "LesbarSymbol.ttf", "\uf0b7")
    body = ParagraphStyle("body", fontName=regular, fontSize=10.5, leading=15, spaceAfter=8, alignment=TA_JUSTIFY)
    lead = ParagraphStyle("lead", parent=body, fontName=bold)
    head = ParagraphStyle("head", fontName=bold, fontSize=17, leading=21, spaceAfter=10)
    kicker = ParagraphStyle("kicker", fontName=bold, fontSize=10.5, leading=14, spaceAfter=14)
    small = ParagraphStyle("small", fontName=regular, fontSize=8.5, leading=11)

    def letterhead(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        width, height = A4
        canvas.saveState()
        canvas.setFont(bold, 13)
        canvas.drawString(2.2 * cm, height - 2.0 * cm, "Kreis Heinsberg")
        canvas.setFont(regular, 9)
        canvas.drawString(2.2 * cm, height - 2.5 * cm, "Kommunales Integrationszentrum")
        for i, line in enumerate(["Valkenburger Straße 45", "52525 Heinsberg", "Telefon 02452 13-0",
                                  "presse@kreis-heinsberg.example"]):
            canvas.drawRightString(width - 2.2 * cm, height - 1.8 * cm - i * 11, line)
        canvas.setLineWidth(0.6)
        canvas.line(2.2 * cm, height - 3.1 * cm, width - 2.2 * cm, height - 3.1 * cm)
        canvas.setFont(regular, 8)
        canvas.drawString(2.2 * cm, 1.5 * cm, report.footer)
        canvas.drawRightString(width - 2.2 * cm, 1.5 * cm, f"Seite {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=2.2 * cm, rightMargin=2.2 * cm,
                            topMargin=3.8 * cm, bottomMargin=2.5 * cm, title=report.headline)
    story = [Paragraph("PRESSEMITTEILUNG · Heinsberg, 28. Januar 2026", kicker),
             Paragraph(report.headline, head), Paragraph(report.lead, lead)]
    for i, para in enumerate(report.paragraphs):
        story.append(Paragraph(para, body))
        if i == 1 and report.bullets:
            story.append(Paragraph("Das Angebot umfasst:", body))
            items = [ListItem(Paragraph(text, body), value=bullet) for text in report.bullets]
            story.append(ListFlowable(items, bulletType="bullet", start=bullet, bulletFontName=bullet_font,
                                      bulletFontSize=10, leftIndent=18))
        if i == 2 and report.table:
            table = Table(report.table, colWidths=[4 * cm, 4 * cm, 6 * cm])
            table.setStyle(TableStyle([
                ("FONT", (0, 0), (-1, 0), bold, 10), ("FONT", (0, 1), (-1, -1), regular, 10),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]))
            story.extend([Spacer(1, 4), table, Spacer(1, 10)])
    story.append(Spacer(1, 12))
    story.append(Paragraph("Kontakt für die Presse: Jonas Albers-Kühn, Telefon 02452 13-1234", small))
    doc.build(story, onFirstPage=letterhead, onLaterPages=letterhead)
    return path


def register_symbol_font(path: Path, char: str) -> str:
    """Build (with fontTools) and register with reportlab a tiny TrueType font drawing ``char`` as a dot.

    Office programs set bullets in symbol fonts whose glyphs sit at private-use code points; no such font
    is installed on test machines, so the test makes one.
    """
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    def glyph(square: bool):  # type: ignore[no-untyped-def]
        pen = TTGlyphPen(None)
        if square:
            pen.moveTo((150, 250))
            pen.lineTo((150, 550))
            pen.lineTo((450, 550))
            pen.lineTo((450, 250))
            pen.closePath()
        return pen.glyph()

    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", "space", "bullet"])
    builder.setupCharacterMap({0x20: "space", ord(char): "bullet"})
    builder.setupGlyf({".notdef": glyph(False), "space": glyph(False), "bullet": glyph(True)})
    builder.setupHorizontalMetrics({".notdef": (600, 0), "space": (300, 0), "bullet": (600, 150)})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "LesbarSymbol", "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=800, usWinAscent=800, usWinDescent=200)
    builder.setupPost()
    builder.save(str(path))
    pdfmetrics.registerFont(TTFont("LesbarSymbol", str(path)))
    return "LesbarSymbol"


def reportlab_flyer(path: Path, report: Report) -> Path:
    """A two-column A4 flyer with reportlab frames: headline across, then columns with a table in column 2."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph, Table, TableStyle

    width, height = A4
    margin, gutter = 1.8 * cm, 0.8 * cm
    col_w = (width - 2 * margin - gutter) / 2
    top_h = 5.4 * cm
    frames = [
        Frame(margin, height - margin - top_h, width - 2 * margin, top_h, id="top"),
        Frame(margin, margin + 1.0 * cm, col_w, height - 2 * margin - top_h - 1.0 * cm, id="left"),
        Frame(margin + col_w + gutter, margin + 1.0 * cm, col_w, height - 2 * margin - top_h - 1.0 * cm, id="right"),
    ]

    def footer(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(margin, margin * 0.6, report.footer)
        canvas.restoreState()

    doc = BaseDocTemplate(str(path), pagesize=A4, title=report.headline)
    doc.addPageTemplates([PageTemplate(id="flyer", frames=frames, onPage=footer)])
    head = ParagraphStyle("head", fontName="Helvetica-Bold", fontSize=22, leading=26, spaceAfter=8)
    lead = ParagraphStyle("lead", fontName="Helvetica", fontSize=12.5, leading=16)
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13.5, spaceAfter=7)
    sub = ParagraphStyle("sub", fontName="Helvetica-Bold", fontSize=11, leading=14, spaceBefore=6, spaceAfter=4)
    story = [Paragraph(report.headline, head), Paragraph(report.lead, lead), FrameBreak()]
    for i, para in enumerate(report.paragraphs):
        if i in report.subheadings:
            story.append(Paragraph(report.subheadings[i], sub))
        story.append(Paragraph(para, body))
        if i == 2 and report.table:
            story.append(Paragraph("Öffnungszeiten", sub))
            table = Table(report.table, colWidths=[col_w * 0.3, col_w * 0.3, col_w * 0.4])
            table.setStyle(TableStyle([
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 9), ("FONT", (0, 1), (-1, -1), "Helvetica", 9),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
            ]))
            story.append(table)
    doc.build(story)
    return path


def reportlab_cropped_photo(path: Path, report: Report) -> Path:
    """Two columns set line by line with a photo placed 1.7 × the column width and clipped to its column.

    DTP programs, Word and LibreOffice crop photos this way: the image XObject is painted larger than the
    visible frame and a clipping path cuts it. Unclipped, its box would bridge the column gutter.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    width, height = A4
    margin, gutter, size, leading = 50.0, 16.0, 11.0, 15.0
    col_w = (width - 2 * margin - gutter) / 2
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle(report.headline)
    c.setFont("Helvetica-Bold", 22)
    c.drawString(margin, height - margin - 22, report.headline)
    lines: list[tuple[str, bool]] = []  # (text, paragraph end)
    for para in report.body():
        words, line = para.split(), ""
        for word in words:
            trial = f"{line} {word}".strip()
            if stringWidth(trial, "Helvetica", size) > col_w and line:
                lines.append((line, False))
                line = word
            else:
                line = trial
        lines.append((line, True))
    top = height - margin - 60
    photo_h = 120.0
    y, col = top, 0
    photo_done = False
    for text, end in lines:
        if col == 0 and not photo_done and y < top - 160:
            x = margin
            c.saveState()
            path_obj = c.beginPath()
            path_obj.rect(x, y - photo_h, col_w, photo_h)
            c.clipPath(path_obj, stroke=0, fill=0)
            c.drawImage(ImageReader(io.BytesIO(photo_jpeg())), x - 0.35 * col_w, y - photo_h, 1.7 * col_w, photo_h)
            c.restoreState()
            c.setFont("Helvetica", 7.5)
            c.drawString(x, y - photo_h - 10, report.caption[:70])
            y -= photo_h + 28
            photo_done = True
        if y < margin + 20:
            col, y = col + 1, top
        c.setFont("Helvetica", size)
        c.drawString(margin + col * (col_w + gutter), y, text)
        y -= leading + (6 if end else 0)
    c.save()
    return path


def reprint(source: Path, target: Path, tool: str) -> Path:
    """Re-write a PDF as print-to-PDF drivers do: ``ghostscript`` (pdfwrite) or ``cairo`` (pdftocairo).

    Both re-encode the fonts: ligatures come out as U+FB00–FB06 (cairo) or byte-swapped UTF-16 (Ghostscript
    writes "ff" as U+6600 U+6600), font names may be lost.
    """
    if tool == "ghostscript":
        command = ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", f"-sOutputFile={target}",
                   str(source)]
    else:
        command = ["pdftocairo", "-pdf", str(source), str(target)]
    subprocess.run(command, check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return target


def placed_pages(sources: list[Path], target: Path, page_size: tuple[float, float], scale: float = 1.0) -> Path:
    """The first page of each source placed side by side on one page as form XObjects (pikepdf).

    n-up printing, imposition and DTP programs placing a PDF article on a newspaper page all paint the
    page content as a form XObject under a matrix (offset, scale).
    """
    import pikepdf

    out = pikepdf.new()
    out.add_blank_page(page_size=page_size)
    page = out.pages[0]
    x = 0.0
    for source in sources:
        with pikepdf.open(source) as pdf:
            width = float(pdf.pages[0].mediabox[2]) * scale
            form = out.copy_foreign(pdf.pages[0].as_form_xobject())
        name = page.add_resource(form, pikepdf.Name.XObject)
        page.contents_add(pikepdf.Stream(out, f"q {scale} 0 0 {scale} {x} 0 cm {name} Do Q".encode()), prepend=False)
        x += width
    out.save(target)
    return target


def fpdf2_columns(path: Path, report: Report, columns: int = 3) -> Path:
    """fpdf2's ``text_columns``: justified by ``TJ`` offsets in an Identity-H TrueType font, bold
    sub-headings set inside ``q … Q`` (the font switches back with the graphics state), the lead with
    looser leading than the body, the byline in plain capitals right above the first paragraph."""
    from fpdf import FPDF

    dejavu = Path("/usr/share/fonts/truetype/dejavu")
    pdf = FPDF(format="A4")
    pdf.add_font("dejavu", "", str(dejavu / "DejaVuSans.ttf"))
    pdf.add_font("dejavu", "B", str(dejavu / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("dejavu", "B", 20)
    pdf.multi_cell(0, 9, report.headline)
    pdf.ln(2)
    pdf.set_font("dejavu", "B", 11)
    pdf.multi_cell(0, 6, report.lead)
    pdf.ln(3)
    pdf.set_font("dejavu", "", 9)
    cols = pdf.text_columns(ncols=columns, gutter=5, text_align="J", l_margin=10, r_margin=10, line_height=1.25)
    with cols:
        cols.write(report.byline.upper() + "\n")
        for i, para in enumerate(report.paragraphs):
            if i in report.subheadings:
                pdf.set_font("dejavu", "B", 9)
                cols.write(report.subheadings[i] + "\n")
                pdf.set_font("dejavu", "", 9)
            with cols.paragraph(text_align="J", bottom_margin=2) as paragraph:
                paragraph.write(para)
    pdf.output(str(path))
    return path


def scanned(source: Path, target: Path, dpi: int = 200) -> Path:
    """``source`` rendered to greyscale page images (pypdfium2) and wrapped as an image-only PDF (img2pdf)."""
    import img2pdf
    import pypdfium2 as pdfium

    pages = []
    document = pdfium.PdfDocument(str(source))
    for index in range(len(document)):
        image = document[index].render(scale=dpi / 72).to_pil().convert("L")
        buf = io.BytesIO()
        image.save(buf, format="PNG")
        pages.append(buf.getvalue())
    target.write_bytes(img2pdf.convert(pages, layout_fun=img2pdf.get_fixed_dpi_layout_fun((dpi, dpi))))
    return target
