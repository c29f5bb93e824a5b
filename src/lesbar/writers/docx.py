"""DOCX writer on python-docx.

Real heading styles (Heading 1…6, never the Title style, which LibreOffice does not export as a heading),
the document language set in the document itself (docDefaults ``w:lang`` and ``themeFontLang``: python-docx's
template says en-US), title in the core properties, images with alt text (``docPr/@descr``), captions in the
Caption style, list styles, tables with repeated header rows (``w:tblHeader``).
"""

from __future__ import annotations

import io
import logging
from typing import Any

from docx import Document as new_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from lesbar import __version__
from lesbar.model import (
    Block,
    BlockQuote,
    Document,
    Emph,
    Explained,
    Figure,
    Heading,
    Inline,
    LangSpan,
    LineBreak,
    Link,
    ListBlock,
    Paragraph,
    PullQuote,
    Sentence,
    Strong,
    Table,
    TermRef,
    Text,
    inline_text,
)
from lesbar.writers.labels import RTL_LANGS, labels_for, provenance_lines

log = logging.getLogger(__name__)

DOCX_IMAGE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/bmp", "image/tiff"}
LANG_TAGS = {"de": "de-DE", "en": "en-GB", "ar": "ar-SA", "tr": "tr-TR", "uk": "uk-UA", "ru": "ru-RU",
             "fa": "fa-IR", "fr": "fr-FR", "es": "es-ES", "it": "it-IT", "pl": "pl-PL"}


def lang_tag(lang: str) -> str:
    """A full language tag as Word expects it (``de`` → ``de-DE``)."""
    return lang if "-" in lang else LANG_TAGS.get(lang, lang)


def is_rtl(lang: str) -> bool:
    return lang.split("-")[0].lower() in RTL_LANGS


class DocxWriter:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.lang = doc.meta.lang or "de"
        self.out = new_docx()
        self.leicht = doc.meta.variant == "leicht"
        self.prev_level = 0

    # ---------------------------------------------------------------------------- document set-up
    def setup(self) -> None:
        meta = self.doc.meta
        props = self.out.core_properties
        props.title = meta.title or labels_for(self.lang)["untitled"]
        props.language = lang_tag(self.lang)
        props.author = ", ".join(meta.authors) if meta.authors else "lesbar"
        props.comments = " ".join(provenance_lines(self.doc))
        props.keywords = f"lesbar; variant={meta.variant}; automatic={meta.provenance.automatic}; " \
                         f"reviewed={meta.provenance.reviewed}"
        props.subject = meta.subtitle or ""
        props.last_modified_by = f"lesbar {__version__}"
        styles = self.out.styles
        tag = lang_tag(self.lang)
        # document language: docDefaults rPr/w:lang and settings themeFontLang
        rpr_default = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        lang_el = rpr_default.find(qn("w:lang"))
        if lang_el is None:
            lang_el = OxmlElement("w:lang")
            rpr_default.append(lang_el)
        lang_el.set(qn("w:val"), tag)
        lang_el.set(qn("w:eastAsia"), tag)
        lang_el.set(qn("w:bidi"), tag if is_rtl(self.lang) else "ar-SA")
        settings = self.out.settings.element
        theme = settings.find(qn("w:themeFontLang"))
        if theme is None:
            theme = OxmlElement("w:themeFontLang")
            settings.append(theme)
        theme.set(qn("w:val"), tag)
        normal = styles["Normal"]
        normal.font.name = "Arial"
        normal.font.size = Pt(14 if self.leicht else 11)
        if self.leicht:
            normal.paragraph_format.line_spacing = 1.5
            normal.paragraph_format.space_after = Pt(10)

    # ------------------------------------------------------------------------------------ inlines
    def add_inlines(self, par: Any, nodes: list[Inline], bold: bool = False, italic: bool = False,
                    lang: str | None = None) -> None:
        for node in nodes:
            if isinstance(node, Text):
                if node.text:
                    run = par.add_run(node.text)
                    run.bold = bold or None
                    run.italic = italic or None
                    if lang and lang != self.lang:
                        self._run_lang(run, lang)
                    if is_rtl(lang or self.lang):
                        run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))
            elif isinstance(node, LineBreak):
                par.add_run().add_break()
            elif isinstance(node, Emph):
                self.add_inlines(par, node.children, bold, True, lang)
            elif isinstance(node, Strong):
                self.add_inlines(par, node.children, True, italic, lang)
            elif isinstance(node, LangSpan):
                self.add_inlines(par, node.children, bold, italic, node.lang)
            elif isinstance(node, Explained):
                self.add_inlines(par, node.children, True, italic, lang)
            elif isinstance(node, (TermRef, Link)):
                self.add_inlines(par, node.children, bold, italic, lang)

    def _run_lang(self, run: Any, lang: str) -> None:
        rpr = run._r.get_or_add_rPr()
        el = OxmlElement("w:lang")
        el.set(qn("w:val"), lang_tag(lang))
        if is_rtl(lang):
            el.set(qn("w:bidi"), lang_tag(lang))
        rpr.append(el)

    def add_sentences(self, par: Any, sentences: list[Sentence], lang: str) -> None:
        for index, sentence in enumerate(sentences):
            if index:
                if self.leicht:
                    par.add_run().add_break()  # one sentence per line
                else:
                    par.add_run(" ")
            self.add_inlines(par, sentence.inlines, lang=lang)

    def paragraph(self, style: str | None = None, lang: str | None = None) -> Any:
        par = self.out.add_paragraph(style=style)
        if is_rtl(lang or self.lang):
            ppr = par._p.get_or_add_pPr()
            ppr.insert(0, OxmlElement("w:bidi"))
            par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        else:
            par.alignment = WD_ALIGN_PARAGRAPH.LEFT
        return par

    # ------------------------------------------------------------------------------------- blocks
    def block(self, block: Block, list_level: int = 0) -> None:
        lang = block.lang or self.lang
        if isinstance(block, Heading):
            level = max(1, min(6, block.level, self.prev_level + 1))
            self.prev_level = level
            par = self.paragraph(f"Heading {level}", lang)
            self.add_sentences(par, block.content, lang)
        elif isinstance(block, Paragraph):
            par = self.paragraph(None, lang)
            self.add_sentences(par, block.content, lang)
        elif isinstance(block, BlockQuote):
            for inner in block.blocks:
                if isinstance(inner, Paragraph):
                    par = self.paragraph("Quote", lang)
                    self.add_sentences(par, inner.content, lang)
                else:
                    self.block(inner)
            if block.attribution:
                par = self.paragraph("Quote", lang)
                par.add_run("— ")
                self.add_sentences(par, block.attribution, lang)
        elif isinstance(block, PullQuote):
            par = self.paragraph("Intense Quote", lang)
            self.add_sentences(par, block.content, lang)
            if block.attribution:
                par = self.paragraph("Intense Quote", lang)
                par.add_run("— ")
                self.add_sentences(par, block.attribution, lang)
        elif isinstance(block, Figure):
            self.figure(block, lang)
        elif isinstance(block, ListBlock):
            base = "List Number" if block.ordered else "List Bullet"
            style = base if list_level == 0 else f"{base} {min(list_level + 1, 3)}"
            for item in block.items:
                for inner in item.blocks:
                    if isinstance(inner, ListBlock):
                        self.block(inner, list_level + 1)
                    elif isinstance(inner, Paragraph):
                        par = self.paragraph(style, lang)
                        self.add_sentences(par, inner.content, lang)
                    else:
                        self.block(inner)
        elif isinstance(block, Table):
            self.table(block, lang)

    def figure(self, block: Figure, lang: str) -> None:
        image = block.image
        if image is not None and image.mime in DOCX_IMAGE_TYPES:
            par = self.paragraph(None, lang)
            run = par.add_run()
            try:
                width = None
                if image.width:
                    from docx.shared import Emu

                    width = Emu(min(image.width, 600) * 9525)
                run.add_picture(io.BytesIO(image.data), width=width)
            except Exception as exc:  # noqa: BLE001 - an undecodable image must not lose the document
                log.warning("image could not be embedded: %s", exc)
                run.text = f"[{labels_for(lang)['image']}: {block.alt}]"
            else:
                for doc_pr in run._r.iter(qn("wp:docPr")):
                    doc_pr.set("descr", block.alt or "")
                    doc_pr.set("title", "")
        elif block.alt:
            par = self.paragraph(None, lang)
            par.add_run(f"[{labels_for(lang)['image']}: {block.alt}]")
        if block.caption:
            par = self.paragraph("Caption", lang)
            self.add_sentences(par, block.caption, lang)

    def table(self, block: Table, lang: str) -> None:
        ncols = max((sum(c.colspan for c in row.cells) for row in block.rows), default=0)
        if not ncols:
            return
        table = self.out.add_table(rows=len(block.rows), cols=ncols)
        table.style = "Table Grid"
        for r, row in enumerate(block.rows):
            col = 0
            for cell in row.cells:
                target = table.cell(r, col)
                if cell.colspan > 1 and col + cell.colspan - 1 < ncols:
                    target = target.merge(table.cell(r, col + cell.colspan - 1))
                texts = [b for b in cell.blocks]
                first = True
                for inner in texts:
                    par = target.paragraphs[0] if first else target.add_paragraph()
                    first = False
                    if isinstance(inner, (Paragraph, Heading)):
                        self.add_sentences(par, inner.content, lang)
                        if r < block.header_rows:
                            for run in par.runs:
                                run.bold = True
                    else:
                        par.add_run(inline_text([Text(" ")]))
                col += cell.colspan
            if r < block.header_rows:
                tr_pr = table.rows[r]._tr.get_or_add_trPr()
                header = OxmlElement("w:tblHeader")
                header.set(qn("w:val"), "true")
                tr_pr.append(header)

    # ----------------------------------------------------------------------------------- document
    def render(self) -> bytes:
        self.setup()
        doc = self.doc
        blocks = list(doc.blocks)
        if not (blocks and isinstance(blocks[0], Heading) and blocks[0].level == 1):
            par = self.paragraph("Heading 1")
            par.add_run(doc.meta.title or labels_for(self.lang)["untitled"])
            self.prev_level = 1
        for line in provenance_lines(doc):
            par = self.paragraph("Intense Quote")
            par.add_run(line)
        meta_line = " · ".join(p for p in (doc.meta.byline, doc.meta.dateline, doc.meta.date) if p)
        for index, block in enumerate(blocks):
            self.block(block)
            if index == 0 and meta_line and isinstance(block, Heading):
                par = self.paragraph(None)
                self.add_inlines(par, [Emph([Text(meta_line)])])
        buffer = io.BytesIO()
        self.out.save(buffer)
        return buffer.getvalue()


def write_docx(doc: Document) -> bytes:
    """The document as DOCX bytes."""
    return DocxWriter(doc).render()
