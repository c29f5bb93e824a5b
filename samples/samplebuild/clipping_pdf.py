"""The newspaper clipping ``integrationskonferenz.pdf``: two A4 pages, four justified columns.

It imitates what the integration office really receives: an e-paper clipping of a local newspaper.
The features lesbar's PDF reader must cope with are all present on purpose: a headline and lead
spanning the columns, a byline, a bold dateline starting the first body line (a font change
mid-line), German hyphenation at line ends (pyphen, via reportlab's ``hyphenationLang``), an
intermediate bold heading, a photo spanning three columns with a small caption, a pull quote in
large italics that cuts through two columns on page 2, and a running header and footer with the
newspaper's page number. Like a real clipping the PDF is not tagged.

The page-2 columns are balanced: the builder searches the smallest column height that still fits
the rest of the article on page 2, as a newspaper layout would.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate, Paragraph
from reportlab.platypus.flowables import CondPageBreak, Flowable

from .fonts import register_fonts
from .hyphenation import Hyphenator
from .photo import HEIGHT as PHOTO_HEIGHT
from .photo import WIDTH as PHOTO_WIDTH
from .photo import conference_photo_png
from .source import Report

PAGE_W, PAGE_H = A4
MARGIN_X = 36.0
TOP = PAGE_H - 40.0  # below the running header rule
BOTTOM = 46.0  # above the running footer rule
COLUMNS = 4
GUTTER = 11.0
COL_W = (PAGE_W - 2 * MARGIN_X - (COLUMNS - 1) * GUTTER) / COLUMNS
BODY_SIZE = 9.0
BODY_LEADING = 11.2
INK = (0.08, 0.08, 0.1)


def column_x(index: int) -> float:
    """Left edge of column ``index`` (0-based)."""
    return MARGIN_X + index * (COL_W + GUTTER)


def span_width(first: int, last: int) -> float:
    """Width of the area from column ``first`` to column ``last`` inclusive."""
    return column_x(last) + COL_W - column_x(first)


@dataclass(frozen=True)
class Styles:
    """Paragraph styles of the clipping (sizes relative to the 9 pt body text)."""

    body: ParagraphStyle
    body_first: ParagraphStyle
    heading: ParagraphStyle
    lead: ParagraphStyle
    caption: ParagraphStyle
    quote: ParagraphStyle
    attribution: ParagraphStyle


def make_styles(language: str) -> Styles:
    """Build the styles; body text is hyphenated with pyphen's dictionary for ``language``."""
    hyphenation = Hyphenator(language.replace("-", "_"))
    body = ParagraphStyle(
        "Body",
        fontName="Serif",
        fontSize=BODY_SIZE,
        leading=BODY_LEADING,
        alignment=TA_JUSTIFY,
        firstLineIndent=9,
        hyphenationLang=hyphenation,
        embeddedHyphenation=1,
        uriWasteReduce=0.3,
        textColor=INK,
    )
    return Styles(
        body=body,
        body_first=ParagraphStyle("BodyFirst", parent=body, firstLineIndent=0),
        heading=ParagraphStyle(
            "Subhead",
            parent=body,
            fontName="Serif-Bold",
            fontSize=10,
            leading=12.5,
            firstLineIndent=0,
            alignment=TA_LEFT,
            spaceBefore=7,
            spaceAfter=2,
            hyphenationLang="",
        ),
        lead=ParagraphStyle("Lead", fontName="Sans-Bold", fontSize=11.5, leading=14.5, textColor=INK),
        caption=ParagraphStyle("Caption", fontName="Sans", fontSize=7, leading=8.6, textColor=INK, alignment=TA_LEFT),
        quote=ParagraphStyle(
            "PullQuote", fontName="Serif-Italic", fontSize=14, leading=17, textColor=(0.1, 0.2, 0.42), alignment=TA_LEFT
        ),
        attribution=ParagraphStyle(
            "Attribution", fontName="Sans", fontSize=7.5, leading=9, textColor=INK, alignment=TA_LEFT
        ),
    )


@dataclass(frozen=True)
class Geometry:
    """Vertical positions computed for one layout attempt."""

    columns_top_p1: float  # top of the body columns on page 1
    photo_bottom: float  # bottom of the photo-plus-caption block (columns 2–4) on page 1
    columns_top_p2: float
    columns_bottom_p2: float
    quote_top: float
    quote_bottom: float


class ClippingBuilder:
    """Lays out the report; ``build()`` returns the PDF bytes."""

    def __init__(self, report: Report) -> None:
        register_fonts()
        self.report = report
        self.styles = make_styles(report.language)
        self.photo = ImageReader(io.BytesIO(conference_photo_png()))
        self.photo_w = span_width(1, 3)
        self.photo_h = self.photo_w * PHOTO_HEIGHT / PHOTO_WIDTH
        caption_markup = f'{escape(report.caption)} <font name="Sans-Bold" size="6">{escape(report.credit)}</font>'
        self.caption = Paragraph(caption_markup, self.styles.caption)
        self.caption_h = self.caption.wrap(self.photo_w, PAGE_H)[1]
        self.quote_w = span_width(1, 2) - 16
        self.quote = Paragraph(escape(report.pull_quote), self.styles.quote)
        self.quote_h = self.quote.wrap(self.quote_w, PAGE_H)[1]
        self.attribution = Paragraph(escape(report.attribution), self.styles.attribution)
        self.attribution_h = self.attribution.wrap(self.quote_w, PAGE_H)[1]

    # -- page furniture ----------------------------------------------------------------------

    def _headline_size(self, canvas: Canvas) -> float:
        """Largest size up to 34 pt at which the headline fits on one line across the page."""
        width = PAGE_W - 2 * MARGIN_X
        size = 34.0
        while canvas.stringWidth(self.report.headline, "Display-Bold", size) > width and size > 12:
            size -= 0.5
        return size

    def _furniture(self, canvas: Canvas, page_index: int) -> None:
        canvas.saveState()
        canvas.setFillColorRGB(*INK)
        canvas.setStrokeColorRGB(*INK)
        canvas.setFont("Sans", 7)
        canvas.drawString(MARGIN_X, PAGE_H - 28, self.report.newspaper["header"])
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN_X, PAGE_H - 33, PAGE_W - MARGIN_X, PAGE_H - 33)
        canvas.line(MARGIN_X, 36, PAGE_W - MARGIN_X, 36)
        canvas.drawString(MARGIN_X, 26, self.report.running_footer(page_index))
        canvas.setFont("Sans-Bold", 9)
        canvas.drawRightString(PAGE_W - MARGIN_X, 25, str(int(self.report.newspaper["first_page"]) + page_index))
        canvas.restoreState()

    def _head_lines(self) -> tuple[float, float, float, float]:
        """Baselines of headline and byline, bottom of the lead, and the rule under the head block."""
        lead_h = Paragraph(escape(self.report.lead), self.styles.lead).wrap(PAGE_W - 2 * MARGIN_X, PAGE_H)[1]
        headline = TOP - 34
        lead_bottom = headline - 14 - lead_h
        byline = lead_bottom - 14
        return headline, lead_bottom, byline, byline - 5

    def _draw_page_one(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        self._furniture(canvas, 0)
        canvas.saveState()
        canvas.setFillColorRGB(*INK)
        headline_y, lead_bottom, byline_y, rule_y = self._head_lines()
        canvas.setFont("Display-Bold", self._headline_size(canvas))
        canvas.drawString(MARGIN_X, headline_y, self.report.headline)
        lead = Paragraph(escape(self.report.lead), self.styles.lead)
        lead.wrap(PAGE_W - 2 * MARGIN_X, PAGE_H)
        lead.drawOn(canvas, MARGIN_X, lead_bottom)
        canvas.setFont("Sans", 7.5)
        canvas.drawString(MARGIN_X, byline_y, self.report.byline)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN_X, rule_y, PAGE_W - MARGIN_X, rule_y)
        photo_top = self.geometry.columns_top_p1
        canvas.drawImage(self.photo, column_x(1), photo_top - self.photo_h, self.photo_w, self.photo_h)
        self.caption.drawOn(canvas, column_x(1), photo_top - self.photo_h - 4 - self.caption_h)
        canvas.restoreState()

    def _draw_page_two(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        self._furniture(canvas, 1)
        g = self.geometry
        canvas.saveState()
        canvas.setStrokeColorRGB(0.1, 0.2, 0.42)
        canvas.setLineWidth(1.2)
        x = column_x(1) + 8
        canvas.line(x, g.quote_top - 4, x + self.quote_w, g.quote_top - 4)
        canvas.line(x, g.quote_bottom + 4, x + self.quote_w, g.quote_bottom + 4)
        self.quote.drawOn(canvas, x, g.quote_top - 10 - self.quote_h)
        self.attribution.drawOn(canvas, x, g.quote_top - 14 - self.quote_h - self.attribution_h)
        canvas.restoreState()

    # -- layout ------------------------------------------------------------------------------

    def _geometry(self, page_two_height: float) -> Geometry:
        columns_top_p1 = self._head_lines()[3] - 11
        photo_bottom = columns_top_p1 - self.photo_h - 4 - self.caption_h - 10
        top2 = TOP - 6
        bottom2 = top2 - page_two_height
        quote_block = 10 + self.quote_h + 4 + self.attribution_h + 12
        middle = (top2 + bottom2) / 2 + quote_block / 2
        return Geometry(columns_top_p1, photo_bottom, top2, bottom2, middle, middle - quote_block)

    def _frames(self, g: Geometry) -> tuple[list[Frame], list[Frame]]:
        def frame(name: str, col: int, top: float, bottom: float) -> Frame:
            return Frame(
                column_x(col),
                bottom,
                COL_W,
                top - bottom,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
                id=name,
                showBoundary=0,
            )

        first = [frame("p1c1", 0, g.columns_top_p1, BOTTOM)]
        first += [frame(f"p1c{c + 1}", c, g.photo_bottom, BOTTOM) for c in (1, 2, 3)]
        second = [frame("p2c1", 0, g.columns_top_p2, g.columns_bottom_p2)]
        for c in (1, 2):
            second.append(frame(f"p2c{c + 1}a", c, g.columns_top_p2, g.quote_top + 6))
            second.append(frame(f"p2c{c + 1}b", c, g.quote_bottom - 6, g.columns_bottom_p2))
        second.append(frame("p2c4", 3, g.columns_top_p2, g.columns_bottom_p2))
        return first, second

    def _story(self) -> list[Flowable]:
        story: list[Flowable] = [NextPageTemplate("later")]
        first = True
        after_heading = False
        for item in self.report.body:
            if item.is_heading:
                # A heading must not end a column: move it on unless it and four lines fit.
                # (keepWithNext would move the whole following paragraph to the next column.)
                story.append(CondPageBreak(2 * self.styles.heading.leading + 4 * BODY_LEADING + 7))
                story.append(Paragraph(escape(item.text), self.styles.heading))
                after_heading = True
                continue
            text = escape(item.text)
            if first:
                text = f"<b>{escape(self.report.dateline)}</b> {text}"
            style = self.styles.body_first if (first or after_heading) else self.styles.body
            story.append(Paragraph(text, style))
            first = after_heading = False
        return story

    def _render(self, page_two_height: float) -> tuple[bytes, int]:
        self.geometry = self._geometry(page_two_height)
        first, second = self._frames(self.geometry)
        buffer = io.BytesIO()
        document = BaseDocTemplate(
            buffer,
            pagesize=A4,
            invariant=1,
            title=self.report.headline,
            author=self.report.author,
            subject=f"{self.report.newspaper['name']}, {self.report.newspaper['date']}",
            creator="lesbar samples/make_samples.py",
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=PAGE_H - TOP,
            bottomMargin=BOTTOM,
        )
        document.addPageTemplates(
            [
                PageTemplate("first", frames=first, onPage=self._draw_page_one),
                PageTemplate("later", frames=second, onPage=self._draw_page_two),
            ]
        )
        document.build(self._story())
        return buffer.getvalue(), document.page

    def build(self) -> bytes:
        """Return the PDF with page-2 columns balanced (smallest height that fits on two pages)."""
        low, high = 6 * BODY_LEADING, TOP - 6 - BOTTOM
        result, pages = self._render(high)
        if pages > 2:
            raise RuntimeError("the report does not fit on two pages; shorten it or change the layout")
        while high - low > BODY_LEADING / 4:
            middle = (low + high) / 2
            candidate, pages = self._render(middle)
            if pages <= 2:
                high, result = middle, candidate
            else:
                low = middle
        # Render once more at the chosen height so the geometry used by callbacks matches the bytes.
        result, _ = self._render(high)
        return result


def build_clipping_pdf(report: Report) -> bytes:
    """Build ``integrationskonferenz.pdf`` from the report text."""
    return ClippingBuilder(report).build()
