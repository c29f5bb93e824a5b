"""DOCX writer on python-docx: what Word's accessibility checker checks, and Word comments for reviewers.

* Title in the core properties (Word shows it in the title bar and the checker demands it); provenance
  in the core properties' comments and keywords *and* visibly at the top of the document.
* The document language set in the document itself: docDefaults ``w:lang`` and ``themeFontLang``
  (python-docx's template says en-US for every file); ``w:lang`` on every run in another language;
  Arabic and Persian get ``w:bidi`` paragraphs, ``w:rtl`` runs, ``w:bidiVisual`` tables and complex-script
  sizes/bold (``w:szCs``, ``w:bCs``), because Word formats right-to-left text with the *complex script*
  properties, not the Latin ones.
* Real heading styles (Heading 1…6, never Title, which LibreOffice does not export as a heading), in order
  without skipped levels, exactly like the HTML writer: one Heading 1 (the title), then 2, 3 …
* Images inline (never floating) with alt text in ``wp:docPr/@descr``; captions in the Caption style.
* Tables with repeated header rows (``w:tblHeader``), a table caption (``w:tblCaption``), merged cells
  for col/row spans.
* Real hyperlinks (``w:hyperlink``), numbered lists that restart at their own start number.
* Readable fonts: Arial, dark text colours (python-docx's template uses light blue headings that fail the
  contrast check), left-aligned, no justification. Leichte Sprache: 14 pt and larger, 1.5 line spacing,
  one sentence per line, a word list (Wörterbuch) at the end for explained words.
* ``Sentence.comments`` become Word comments anchored on the runs of the sentence concerned; they are
  for editors and appear nowhere else.

Element order inside ``w:rPr``/``w:pPr``/``w:tblPr`` follows the OOXML schema (Word refuses files whose
elements are out of order), see :func:`_insert_in_order`.
"""

from __future__ import annotations

import io
import logging
import os
import unicodedata
from datetime import UTC, datetime
from typing import Any

from docx import Document as new_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.text.run import Run

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
    sentences_text,
)
from lesbar.writers.clean import clean_document
from lesbar.writers.labels import (
    WORDLIST_ID,
    has_word_list,
    is_rtl,
    labels_for,
    primary,
    provenance_keywords,
    provenance_lines,
)
from lesbar.writers.tablegrid import table_grid

log = logging.getLogger(__name__)

DOCX_IMAGE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/bmp", "image/tiff"}
LANG_TAGS = {"de": "de-DE", "en": "en-GB", "ar": "ar-SA", "tr": "tr-TR", "uk": "uk-UA", "ru": "ru-RU",
             "fa": "fa-IR", "fr": "fr-FR", "es": "es-ES", "it": "it-IT", "pl": "pl-PL", "nl": "nl-NL",
             "ro": "ro-RO", "ku": "ku-TR", "sq": "sq-AL", "sr": "sr-Latn-RS", "hr": "hr-HR", "bg": "bg-BG",
             "el": "el-GR", "ps": "ps-AF", "ur": "ur-PK", "he": "he-IL", "zh": "zh-CN", "vi": "vi-VN"}

#: language of review comments (lesbar's messages for staff are German)
COMMENT_LANG = "de"
#: the font for all text; Word substitutes a metric-compatible font where Arial is missing
FONT = "Arial"
#: dark blue headings: 11.6:1 contrast on white (the template's #4F81BD is 3.9:1)
HEADING_COLOR = RGBColor(0x1F, 0x38, 0x64)
TEXT_COLOR = RGBColor(0x1A, 0x1A, 0x1A)
#: heading sizes in pt (level 1…6), normal and Leichte Sprache
HEADING_SIZES = {False: (20, 16, 14, 12, 12, 12), True: (24, 20, 17, 15, 15, 15)}
#: text width of an A4 page with 25 mm margins, in EMU
TEXT_WIDTH = Mm(160)

# OOXML schema order of the children we touch (ECMA-376 Part 1, CT_RPr / CT_PPrBase / CT_TblPr).
RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
             "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
             "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
             "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
             "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
             "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
             "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
             "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
             "sectPr", "pPrChange")
TBLPR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
               "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar",
               "tblLook", "tblCaption", "tblDescription", "tblPrChange")


def lang_tag(lang: str) -> str:
    """A full language tag as Word expects it (``de`` → ``de-DE``)."""
    return lang if "-" in lang else LANG_TAGS.get(lang.lower(), lang)


def contrast_on_white(hex_color: str) -> float:
    """WCAG 2 contrast ratio of an ``RRGGBB`` colour against white."""
    channels = [int(hex_color[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def _insert_in_order(parent: Any, child: Any, order: tuple[str, ...]) -> Any:
    """Insert ``child`` into ``parent`` at its schema position, replacing an element of the same name."""
    name = child.tag.split("}")[1]
    existing = parent.find(qn(f"w:{name}"))
    if existing is not None:
        parent.replace(existing, child)
        return child
    later = set(order[order.index(name) + 1 :])
    for index, sibling in enumerate(parent):
        if sibling.tag.split("}")[-1] in later:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


def _w(element: str, /, **attrs: str) -> Any:
    el = OxmlElement(f"w:{element}")
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


#: python-docx refuses core properties longer than this (a title a model translated into a loop was one).
CORE_PROPERTY_MAX = 255


def _core_text(text: str) -> str:
    """``text`` fitted into a core property: cut at a word with "…" when too long."""
    text = " ".join(text.split())
    if len(text) <= CORE_PROPERTY_MAX:
        return text
    return text[: CORE_PROPERTY_MAX - 2].rsplit(" ", 1)[0] + " …"


def _written_at() -> datetime:
    """Now, or ``SOURCE_DATE_EPOCH`` when set (reproducible builds), to the second in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    return moment.replace(microsecond=0, tzinfo=None)

class DocxWriter:
    def __init__(self, doc: Document) -> None:
        doc = clean_document(doc)  # no control characters (lxml refuses them), valid language tags
        self.doc = doc
        self.lang = doc.meta.lang or "de"
        self.labels = labels_for(self.lang)
        self.out = new_docx()
        self.leicht = doc.meta.variant == "leicht"
        self.prev_level = 1
        self.level_shift = 0
        self.explained: dict[str, tuple[str, str, str]] = {}  # lower-case word -> (word, text, bookmark)
        self.comment_count = 0
        # a Leichte Sprache draft brings its own "Wörterbuch": explained words link to its heading instead
        self.own_wordlist = has_word_list(doc, self.labels["wordlist"])

    # ---------------------------------------------------------------------------- document set-up
    def setup(self) -> None:
        meta = self.doc.meta
        props = self.out.core_properties
        props.title = _core_text(meta.title or self.labels["untitled"])
        props.language = lang_tag(self.lang)
        props.author = _core_text(", ".join(meta.authors) if meta.authors else "lesbar")
        props.comments = " ".join(provenance_lines(self.doc))
        props.keywords = _core_text(provenance_keywords(self.doc))
        props.subject = _core_text(meta.subtitle or "")
        props.created = props.modified = _written_at()  # not python-docx's template date (2013-12-23)
        props.last_modified_by = f"lesbar {__version__}"
        props.content_status = "reviewed" if meta.provenance.reviewed else (
            "draft" if meta.provenance.automatic else "original")
        tag = lang_tag(self.lang)
        styles = self.out.styles
        rpr_default = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        _insert_in_order(rpr_default, _w("lang", val=tag, eastAsia=tag, bidi=tag if is_rtl(self.lang) else "ar-SA"),
                         RPR_ORDER)
        _insert_in_order(rpr_default, _w("rFonts", ascii=FONT, hAnsi=FONT, cs=FONT, eastAsia=FONT), RPR_ORDER)
        settings = self.out.settings.element
        theme = settings.find(qn("w:themeFontLang"))
        if theme is None:  # pragma: no cover - python-docx's template has one
            theme = OxmlElement("w:themeFontLang")
            settings.append(theme)
        theme.set(qn("w:val"), tag)
        if is_rtl(self.lang):
            theme.set(qn("w:bidi"), tag)
        self._drop_styles_with_effects()
        section = self.out.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(25)
        section.top_margin = section.bottom_margin = Mm(25)
        self._style_fonts()

    def _drop_styles_with_effects(self) -> None:
        """Remove the template's Word 2010 ``stylesWithEffects`` part.

        Why: it repeats styles.xml; once we set the document language and fonts in styles.xml the two
        disagree, which Word may report as unreadable content. The part is optional.
        """
        part = self.out.part
        for rel_id, rel in list(part.rels.items()):
            if rel.reltype.endswith("/stylesWithEffects"):
                del part.rels[rel_id]

    def _comment_styles(self) -> None:
        """The styles python-docx's comments reference but its template lacks (Word's built-ins)."""
        from docx.enum.style import WD_STYLE_TYPE

        styles = self.out.styles
        existing = {style.style_id for style in styles}
        for name, style_id, kind in (("annotation reference", "CommentReference", WD_STYLE_TYPE.CHARACTER),
                                     ("annotation text", "CommentText", WD_STYLE_TYPE.PARAGRAPH)):
            if style_id not in existing:
                style = styles.add_style(name, kind)
                style.style_id = style_id
                style.hidden = False
                style.unhide_when_used = True
                if kind == WD_STYLE_TYPE.PARAGRAPH:
                    style.base_style = styles["Normal"]

    def _style_fonts(self) -> None:
        """Readable, high-contrast styles; complex-script sizes too, so Arabic text is as large as Latin."""
        styles = self.out.styles
        body = 14 if self.leicht else 11
        self._font(styles["Normal"], body, TEXT_COLOR)
        normal = styles["Normal"].paragraph_format
        normal.space_after = Pt(10 if self.leicht else 6)
        normal.line_spacing = 1.5 if self.leicht else 1.15
        for level, size in enumerate(HEADING_SIZES[self.leicht], start=1):
            self._font(styles[f"Heading {level}"], size, HEADING_COLOR, bold=True)
        for name in ("Quote", "Intense Quote", "List Bullet", "List Bullet 2", "List Bullet 3", "List Number",
                     "List Number 2", "List Number 3"):
            self._font(styles[name], body, TEXT_COLOR)
        self._font(styles["Caption"], max(body - 1, 10), RGBColor(0x33, 0x33, 0x33), bold=False)
        self._fix_contrast()

    def _fix_contrast(self) -> None:
        """Darken every style colour below WCAG's 4.5:1 on white (the template has light blue ones in
        Title, Subtitle, the linked "… Char" styles and more, which a user may apply in Word later)."""
        for color in self.out.styles.element.iter(qn("w:color")):
            value = color.get(qn("w:val"), "auto")
            if value != "auto" and contrast_on_white(value) < 4.5:
                color.set(qn("w:val"), str(HEADING_COLOR))
                for attr in ("themeColor", "themeShade", "themeTint"):
                    color.attrib.pop(qn(f"w:{attr}"), None)

    def _font(self, style: Any, size: int, color: RGBColor, bold: bool | None = None) -> None:
        font = style.font
        font.name = FONT
        font.size = Pt(size)
        font.color.rgb = color
        if bold is not None:
            font.bold = bold
        rpr = style.element.get_or_add_rPr()
        _insert_in_order(rpr, _w("szCs", val=str(size * 2)), RPR_ORDER)
        fonts = rpr.find(qn("w:rFonts"))
        for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
            fonts.set(qn(f"w:{attr}"), FONT)
        for theme_attr in ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme"):
            fonts.attrib.pop(qn(f"w:{theme_attr}"), None)
        if bold is not None:
            _insert_in_order(rpr, _w("bCs", val="1" if bold else "0"), RPR_ORDER)

    # ------------------------------------------------------------------------------------ inlines
    def _format_run(self, run: Any, bold: bool, italic: bool, lang: str) -> None:
        rpr = run._r.get_or_add_rPr()
        # a Latin run in right-to-left text (a URL, a name) is not marked rtl: Word would lay out its
        # punctuation right to left ("https://a.de/b" shown as "b/a.de//:https")
        rtl = is_rtl(lang) and not _left_to_right_only(run.text)
        if bold:
            _insert_in_order(rpr, _w("b"), RPR_ORDER)
            if rtl:
                _insert_in_order(rpr, _w("bCs"), RPR_ORDER)
        if italic:
            _insert_in_order(rpr, _w("i"), RPR_ORDER)
            if rtl:
                _insert_in_order(rpr, _w("iCs"), RPR_ORDER)
        if rtl:
            _insert_in_order(rpr, _w("rtl"), RPR_ORDER)
        if primary(lang) != primary(self.lang) or lang_tag(lang) != lang_tag(self.lang):
            attrs = {"val": lang_tag(lang)}
            if rtl:
                attrs["bidi"] = lang_tag(lang)
            _insert_in_order(rpr, _w("lang", **attrs), RPR_ORDER)
        if not len(rpr):
            run._r.remove(rpr)

    def _new_run(self, container: Any, par: Any, text: str) -> Run:
        """A run appended to ``container`` (the paragraph's ``w:p`` or a ``w:hyperlink`` in it)."""
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = text
        if text != text.strip():
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        r.append(t)
        container.append(r)
        return Run(r, par)

    def text_run(self, par: Any, text: str, lang: str) -> Run:
        """A plain run of interface text (labels, dashes) formatted for ``lang``."""
        run = self._new_run(par._p, par, text)
        self._format_run(run, False, False, lang)
        return run

    def add_inlines(self, par: Any, nodes: list[Inline], lang: str, bold: bool = False, italic: bool = False,
                    container: Any = None) -> list[Run]:
        """Append runs for ``nodes``; returns them (comments are anchored on a sentence's runs)."""
        target = container if container is not None else par._p
        runs: list[Run] = []
        for node in nodes:
            if isinstance(node, Text):
                if node.text:
                    run = self._new_run(target, par, node.text)
                    self._format_run(run, bold, italic, lang)
                    runs.append(run)
            elif isinstance(node, LineBreak):
                run = Run(OxmlElement("w:r"), par)
                target.append(run._r)
                run.add_break()
                runs.append(run)
            elif isinstance(node, Emph):
                runs += self.add_inlines(par, node.children, lang, bold, True, container)
            elif isinstance(node, Strong):
                runs += self.add_inlines(par, node.children, lang, True, italic, container)
            elif isinstance(node, LangSpan):
                runs += self.add_inlines(par, node.children, node.lang, bold, italic, container)
            elif isinstance(node, Explained):
                runs += self.explained_word(par, node, lang, italic, container)
            elif isinstance(node, Link):
                runs += self.hyperlink(par, node, lang, bold, italic, container)
            elif isinstance(node, TermRef):
                runs += self.add_inlines(par, node.children, lang, bold, italic, container)
        return runs

    def hyperlink(self, par: Any, node: Link, lang: str, bold: bool, italic: bool, container: Any) -> list[Run]:
        # no links inside links; no link without a target or without text to click (as in the HTML)
        if container is not None or not node.url or not inline_text(node.children).strip():
            return self.add_inlines(par, node.children, lang, bold, italic, container)
        rel_id = par.part.relate_to(node.url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), rel_id)
        if node.title:
            link.set(qn("w:tooltip"), node.title)
        par._p.append(link)
        runs = self.add_inlines(par, node.children, lang, bold, italic, link)
        for run in runs:
            rpr = run._r.get_or_add_rPr()
            _insert_in_order(rpr, _w("color", val="0645AD"), RPR_ORDER)
            _insert_in_order(rpr, _w("u", val="single"), RPR_ORDER)
        return runs

    def explained_word(self, par: Any, node: Explained, lang: str, italic: bool, container: Any) -> list[Run]:
        """A bold word that links to its entry in the word list at the end (as in the HTML)."""
        word = inline_text(node.children).strip()
        if not word:
            return self.add_inlines(par, node.children, lang, True, italic, container)
        key = word.lower()
        if key not in self.explained:
            self.explained[key] = (word, node.explanation, f"wort_{len(self.explained) + 1}")
        if container is not None:  # already inside a link
            return self.add_inlines(par, node.children, lang, True, italic, container)
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), WORDLIST_ID if self.own_wordlist else self.explained[key][2])
        par._p.append(link)
        return self.add_inlines(par, node.children, lang, True, italic, link)

    def add_sentences(self, par: Any, sentences: list[Sentence], lang: str, bold: bool = False) -> None:
        for index, sentence in enumerate(sentences):
            if index:
                sep = self._new_run(par._p, par, "" if self.leicht else " ")
                self._format_run(sep, False, False, lang)
                if self.leicht:
                    sep.add_break()  # Leichte Sprache: one sentence per line
            runs = self.add_inlines(par, sentence.inlines, lang, bold=bold)
            self.comment(sentence, runs)

    def comment(self, sentence: Sentence, runs: list[Run]) -> None:
        """Turn the sentence's review comments into Word comments anchored on its runs."""
        runs = [r for r in runs if r.text]
        if not sentence.comments or not runs:
            return
        for item in sentence.comments:
            text = item.message
            if item.rule and item.rule not in text:
                text += f" [{item.rule}]"
            if item.words:
                text += " – " + ", ".join(item.words)
            if sentence.id:
                text += f" ({sentence.id})"
            author = item.author or "lesbar"
            initials = "".join(part[0] for part in author.split()[:3]).upper() or "L"
            if not self.comment_count:
                self._comment_styles()
            note = self.out.add_comment(runs, text=text, author=author, initials=initials)
            if primary(self.lang) != primary(COMMENT_LANG):
                # review comments are staff messages in German, also inside an Arabic translation
                for par in note.paragraphs:
                    for run in par.runs:
                        _insert_in_order(run._r.get_or_add_rPr(), _w("lang", val=lang_tag(COMMENT_LANG)), RPR_ORDER)
            self.comment_count += 1

    def paragraph(self, style: str | None = None, lang: str | None = None, container: Any = None) -> Any:
        par = (container or self.out).add_paragraph(style=style)
        self.direction(par, lang or self.lang)
        return par

    def direction(self, par: Any, lang: str) -> None:
        """Right-to-left paragraphs get ``w:bidi`` (their start edge is the right one); all text is ragged."""
        if is_rtl(lang):
            # no w:jc: a bidi paragraph's default alignment is its start (right) edge in every reader,
            # while an explicit left/right is read differently by Word and LibreOffice
            _insert_in_order(par._p.get_or_add_pPr(), _w("bidi"), PPR_ORDER)
            par.alignment = None
        else:
            par.alignment = WD_ALIGN_PARAGRAPH.LEFT

    # ------------------------------------------------------------------------------------- blocks
    def heading_level(self, level: int) -> int:
        """The same levels as the HTML writer: the title is the only level 1, no level is skipped."""
        level = max(2, min(6, level + self.level_shift, self.prev_level + 1))
        self.prev_level = level
        return level

    def block(self, block: Block, parent_lang: str | None = None, container: Any = None,
              list_level: int = 0) -> None:
        lang = block.lang or parent_lang or self.lang
        if isinstance(block, (Heading, Paragraph)) and not sentences_text(block.content):
            return  # Word's checker flags empty paragraphs used for spacing; empty headings confuse navigation
        if isinstance(block, Heading):
            par = self.paragraph(f"Heading {self.heading_level(block.level)}", lang, container)
            if self.own_wordlist and sentences_text(block.content).strip() == self.labels["wordlist"]:
                par._p.append(_w("bookmarkStart", id="0", name=WORDLIST_ID))  # the target of explained words
                self.add_sentences(par, block.content, lang)
                par._p.append(_w("bookmarkEnd", id="0"))
            else:
                self.add_sentences(par, block.content, lang)
        elif isinstance(block, Paragraph):
            par = self.paragraph(None, lang, container)
            self.add_sentences(par, block.content, lang)
        elif isinstance(block, BlockQuote):
            for inner in block.blocks:
                if isinstance(inner, Paragraph):
                    par = self.paragraph("Quote", inner.lang or lang, container)
                    self.add_sentences(par, inner.content, inner.lang or lang)
                else:
                    self.block(inner, lang, container)
            if block.attribution:
                par = self.paragraph("Quote", lang, container)
                self.text_run(par, "— ", lang)
                self.add_sentences(par, block.attribution, lang)
        elif isinstance(block, PullQuote):
            par = self.paragraph("Intense Quote", lang, container)
            self.add_sentences(par, block.content, lang)
            if block.attribution:
                par = self.paragraph("Intense Quote", lang, container)
                self.text_run(par, "— ", lang)
                self.add_sentences(par, block.attribution, lang)
        elif isinstance(block, Figure):
            self.figure(block, lang, container)
        elif isinstance(block, ListBlock):
            self.list_block(block, lang, container, list_level)
        elif isinstance(block, Table):
            self.table(block, lang, container)

    def list_block(self, block: ListBlock, lang: str, container: Any, list_level: int) -> None:
        base = "List Number" if block.ordered else "List Bullet"
        style = base if list_level == 0 else f"{base} {min(list_level + 1, 3)}"
        num_id = self._restart_numbering(style, block.start) if block.ordered else None
        for item in block.items:
            first = True
            for inner in item.blocks:
                if isinstance(inner, ListBlock):
                    self.block(inner, lang, container, list_level + 1)
                elif isinstance(inner, (Paragraph, Heading)) and first:
                    inner_lang = inner.lang or lang
                    par = self.paragraph(style, inner_lang, container)
                    if num_id is not None:
                        num_pr = par._p.get_or_add_pPr().get_or_add_numPr()
                        num_pr.get_or_add_ilvl().val = 0
                        num_pr.get_or_add_numId().val = num_id
                    self.add_sentences(par, inner.content, inner_lang)
                else:
                    self.block(inner, lang, container)
                first = False

    def _restart_numbering(self, style: str, start: int) -> int | None:
        """A new ``w:num`` for the list style's numbering that starts at ``start``.

        Why: python-docx's List Number style shares one numbering for the whole document, so the second
        ordered list would continue counting where the first stopped.
        """
        try:
            numbering = self.out.part.numbering_part.element
            style_num = self.out.styles[style].element.pPr.numPr.numId.val
        except (AttributeError, KeyError, NotImplementedError):  # pragma: no cover - template without numbering
            return None
        try:
            num = numbering.num_having_numId(style_num)
        except KeyError:  # pragma: no cover
            return None
        new = numbering.add_num(num.abstractNumId.val)
        override = new.add_lvlOverride(ilvl=0)
        override.add_startOverride(start)
        return int(new.numId)

    def figure(self, block: Figure, lang: str, container: Any) -> None:
        image = block.image
        alt = block.alt or sentences_text(block.caption) or self.labels["image"]
        if image is not None and image.mime in DOCX_IMAGE_TYPES:
            par = self.paragraph(None, lang, container)
            par.paragraph_format.keep_with_next = bool(block.caption)
            run = par.add_run()
            try:
                width = Emu(image.width * 9525) if image.width else None  # 96 dpi
                shape = run.add_picture(io.BytesIO(image.data), width=width)
                if shape.width > TEXT_WIDTH:
                    shape.height = int(shape.height * TEXT_WIDTH / shape.width)
                    shape.width = TEXT_WIDTH
            except Exception as exc:  # noqa: BLE001 - an undecodable image must not lose the document
                log.warning("image could not be embedded: %s", exc)
                run.text = f"[{self.labels['image']}: {alt}]"
                self._format_run(run, False, False, lang)
            else:
                for doc_pr in run._r.iter(qn("wp:docPr")):
                    doc_pr.set("descr", alt)
                    doc_pr.set("title", "")
        elif block.alt:
            par = self.paragraph(None, lang, container)
            self.text_run(par, f"[{self.labels['image']}: {block.alt}]", lang)
        if block.caption:
            par = self.paragraph("Caption", lang, container)
            self.add_sentences(par, block.caption, lang)

    def table(self, block: Table, lang: str, container: Any) -> None:
        grid = table_grid(block)
        nrows, ncols = len(grid.rows), grid.ncols
        if not ncols:
            return
        if block.caption:
            par = self.paragraph("Caption", lang, container)
            par.paragraph_format.keep_with_next = True
            self.add_sentences(par, block.caption, lang)
        table = (container or self.out).add_table(rows=nrows, cols=ncols)
        table.style = "Table Grid"
        tbl_pr = table._tbl.tblPr
        if is_rtl(lang):
            _insert_in_order(tbl_pr, _w("bidiVisual"), TBLPR_ORDER)
        if block.caption:
            _insert_in_order(tbl_pr, _w("tblCaption", val=sentences_text(block.caption)[:255]), TBLPR_ORDER)
        for r, row in enumerate(grid.rows):
            header = r < grid.header_rows
            for placed in row:
                if placed.filler:
                    continue
                target = table.cell(r, placed.col)
                last_row = r + placed.rowspan - 1
                last_col = placed.col + placed.colspan - 1
                if (last_row, last_col) != (r, placed.col):
                    target = target.merge(table.cell(last_row, last_col))
                self.cell(target, placed.cell.blocks, lang, header)
            if header:
                tr_pr = table.rows[r]._tr.get_or_add_trPr()
                tr_pr.append(_w("tblHeader"))  # on/off type: present means on
        # cells that no source cell covers still need a direction
        for row in table.rows:
            for cell in row.cells:
                for par in cell.paragraphs:
                    if not par.runs:
                        self.direction(par, lang)

    def cell(self, target: Any, blocks: list[Block], lang: str, header: bool) -> None:
        """A cell's blocks: paragraphs (bold in a header row; a heading is a plain paragraph here, it would
        break the heading order), and lists, figures, quotes and nested tables as such."""
        first = True
        for inner in blocks:
            inner_lang = inner.lang or lang
            if isinstance(inner, (Heading, Paragraph)) and not sentences_text(inner.content):
                continue
            if isinstance(inner, (Paragraph, Heading)):
                par = target.paragraphs[0] if first else target.add_paragraph()
                self.direction(par, inner_lang)
                self.add_sentences(par, inner.content, inner_lang, bold=header)
            else:
                self.block(inner, lang, target)
            first = False
        # the cell's own first paragraph stays empty when it starts with a list, figure or table: drop it
        # (Word only needs a paragraph as the cell's *last* element, which add_table provides)
        paragraphs = target._tc.findall(qn("w:p"))
        if len(target._tc) > 2 and paragraphs and not "".join(paragraphs[0].itertext()).strip() \
                and paragraphs[0] is not target._tc[-1]:
            target._tc.remove(paragraphs[0])

    # ----------------------------------------------------------------------------------- document
    def render(self) -> bytes:
        self.setup()
        doc = self.doc
        blocks = list(doc.blocks)
        for line in provenance_lines(doc):
            par = self.paragraph("Intense Quote")
            self.text_run(par, line, self.lang)
        if blocks and isinstance(blocks[0], Heading) and blocks[0].level == 1 and sentences_text(blocks[0].content):
            first = blocks.pop(0)
            par = self.paragraph("Heading 1", first.lang)
            self.add_sentences(par, first.content, first.lang or self.lang)
        else:
            par = self.paragraph("Heading 1")
            self.text_run(par, doc.meta.title or self.labels["untitled"], self.lang)
        self.prev_level = 1
        self.level_shift = 2 - min((b.level for b in blocks if isinstance(b, Heading)), default=2)
        meta_line = " · ".join(p for p in (doc.meta.byline, doc.meta.dateline, doc.meta.date) if p)
        if meta_line:
            par = self.paragraph(None)
            self.add_inlines(par, [Emph([Text(meta_line)])], self.lang)
        for block in blocks:
            self.block(block)
        self.wordlist()
        buffer = io.BytesIO()
        self.out.save(buffer)
        return buffer.getvalue()

    def wordlist(self) -> None:
        """Explained words and their explanations at the end (as in the HTML writer), unless the document
        has its own word list."""
        if not self.explained or self.own_wordlist:
            return
        self.prev_level = 1
        par = self.paragraph("Heading 2")
        self.text_run(par, self.labels["wordlist"], self.lang)
        for bookmark_id, (word, explanation, name) in enumerate(
                sorted(self.explained.values(), key=lambda entry: entry[0].lower()), start=1):
            par = self.paragraph(None)
            start = _w("bookmarkStart", id=str(bookmark_id), name=name)
            par._p.append(start)
            self.add_inlines(par, [Strong([Text(word)])], self.lang)
            par._p.append(_w("bookmarkEnd", id=str(bookmark_id)))
            self.add_inlines(par, [Text(": " + explanation)], self.lang)


def _left_to_right_only(text: str) -> bool:
    """Whether ``text`` has letters written left to right and none written right to left."""
    kinds = {unicodedata.bidirectional(ch) for ch in text}
    return "L" in kinds and not kinds & {"R", "AL"}


def write_docx(doc: Document) -> bytes:
    """The document as DOCX bytes."""
    return DocxWriter(doc).render()
