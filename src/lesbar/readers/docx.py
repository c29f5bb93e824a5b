"""DOCX reader on python-docx and lxml.

What it recovers: headings from the style chain (Title, Heading N, Überschrift N — also by a style id the
file uses but does not define) and ``w:outlineLvl``; hand-formatted pseudo-headings (short, all bold or
clearly larger than the body); lists with levels from ``numPr`` resolved through numbering.xml (also
``numStyleLink``); tables with header rows, merged cells and nested tables; images with their alt text
(``wp:docPr/@descr``) and a following caption paragraph; Quote styles; core properties.

The text walk is our own, over the XML (python-docx only sees ``w:r`` and ``w:hyperlink`` directly in a
paragraph and ``w:p``/``w:tbl`` directly in the body). It reads what Word and LibreOffice really write:

* tracked changes: ``w:ins``/``w:moveTo`` kept, ``w:del``/``w:moveFrom`` dropped; hidden text (``w:vanish``) dropped;
* content controls (``w:sdt``) at block, row, cell and run level; their placeholder text
  (``w:showingPlcHdr``) and a table of contents (which repeats the headings) are left out;
* ``w:smartTag``, ``w:customXml``, ``w:dir``/``w:bdo`` wrappers;
* fields: ``w:fldSimple`` and complex fields (``w:fldChar``/``w:instrText``, nested) give their result, never
  their instruction; ``HYPERLINK`` fields become links, like ``w:hyperlink`` (internal anchors stay text);
* text boxes and shapes (``w:txbxContent`` in DrawingML or VML): read once — ``mc:AlternateContent`` has the
  same box in its Choice and its Fallback — and placed after the paragraph they are anchored in;
* footnotes and endnotes: the reference mark is dropped, the note text follows at the end of the document;
* ``w:tab``/``w:ptab`` → space, ``w:br``/``w:cr`` → line break (page and column breaks → space), soft hyphens
  dropped, non-breaking hyphens → "-", ``w:sym`` and text in symbol fonts → Unicode (``docx_symbols``);
* layout tables: a one-row table (a letterhead: sender left, date right) or a one-column table (a box, a
  frame around the whole text) is unwrapped into ordinary blocks instead of a data table;
* data tables: header rows from ``w:tblHeader``, an all-bold first row or a table style that sets the first
  row apart; row spans from ``w:vMerge``; a Caption paragraph next to the table becomes its caption;
* lists number on across an interrupting paragraph (``ListBlock.start``); an unnumbered List Paragraph after
  an item continues it; lists typed by hand ("•<Tab>…", "1.<Tab>…") become lists;
* a drop-cap initial (``w:framePr/@w:dropCap``) is joined to its paragraph; SmartArt texts come from the
  diagram's data part; an imported HTML chunk (``w:altChunk``) is read as headings, paragraphs and lists.

Style lookups are cached: python-docx finds the default style by walking all styles, on every call.

python-docx traps (``shared/notes/pdf-and-docx-reading.md``): numbering.xml elements need explicit
``namespaces=`` in xpath; language tags in the file are unreliable, so the language is detected from text.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from lxml import etree

from lesbar.errors import InputError
from lesbar.model import (
    Block,
    BlockQuote,
    Cell,
    Document,
    Emph,
    Figure,
    Heading,
    Image,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    ListItem,
    Meta,
    Paragraph,
    Row,
    Sentence,
    Strong,
    Table,
    Text,
    inline_text,
)
from lesbar.readers.docx_symbols import is_symbol_font, symbol_char, symbol_text
from lesbar.readers.guard import Guard

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "dgm": "http://schemas.openxmlformats.org/drawingml/2006/diagram",
}
W = f"{{{NS['w']}}}"
A = f"{{{NS['a']}}}"
R = f"{{{NS['r']}}}"
V = f"{{{NS['v']}}}"
OFFICE = f"{{{NS['o']}}}"
WP = f"{{{NS['wp']}}}"
MC = f"{{{NS['mc']}}}"
M = f"{{{NS['m']}}}"
DGM = f"{{{NS['dgm']}}}"

#: Wrappers whose content is ordinary content (block or inline level).
_TRANSPARENT = {W + "ins", W + "moveTo", W + "smartTag", W + "customXml", W + "dir", W + "bdo"}
#: Tracked deletions: their text is not in the document any more.
_DELETED = {W + "del", W + "moveFrom"}
#: Fields whose result repeats text from elsewhere in the document (headings, index entries).
_REPEATING_FIELDS = {"TOC", "INDEX", "TOA"}


_XPATHS: dict[str, etree.XPath] = {}


def _xp(element: Any, path: str) -> list[Any]:
    """XPath with our namespace map (python-docx's own ``xpath`` does not take ``namespaces=``), compiled once."""
    compiled = _XPATHS.get(path)
    if compiled is None:
        compiled = _XPATHS[path] = etree.XPath(path, namespaces=NS)
    return compiled(element)  # type: ignore[no-any-return]

_HEADING_STYLE = re.compile(
    r"^(heading|überschrift|berschrift|titre|kop|t[íi]tulo|titolo|rubrik|otsikko|nagłówek|başlık|заголовок)\s*(\d)$",
    re.IGNORECASE)
_TITLE_STYLES = {"title", "titel"}
_SUBTITLE_STYLES = {"subtitle", "untertitel"}
_QUOTE_STYLES = {"quote", "intense quote", "zitat", "intensives zitat", "block text", "blocktext"}
_CAPTION_STYLES = {"caption", "beschriftung"}
_LIST_STYLE_LEVEL = re.compile(r"^(?:list|liste)\b.*?\s(\d)$", re.IGNORECASE)
_LIST_PARAGRAPH_STYLES = {"list paragraph", "listenabsatz", "listparagraph"}
#: A list item typed by hand: a bullet glyph, dash or number, then white space (a tab is read as a space).
_MANUAL_ITEM = re.compile(r"^\s*([•·▪■◦○●►➢➔→✓✔–*-]|\d{1,2}[.)])\s+(?=\S)")
_BULLET_GLYPHS = set("•▪■◦○●►➢➔✓✔")
_ATTRIBUTION = re.compile(r"^\s*[—–-]\s*\S")
_MIME = {"png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg", "gif": "image/gif", "bmp": "image/bmp",
         "tiff": "image/tiff", "tif": "image/tiff", "emf": "image/emf", "wmf": "image/wmf", "svg": "image/svg+xml"}


def read_docx(path: Path, guard: Guard) -> Document:
    """Read a DOCX file into a :class:`Document`."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{path.name}: damaged Word file ({exc}); open it in Word and save it again") from None
    except Exception as exc:  # lxml XMLSyntaxError and friends: the file is broken, not lesbar
        raise InputError(
            f"{path.name}: Word file cannot be read ({type(exc).__name__}); open it in Word and save it again"
        ) from None
    return _DocxReader(document, guard).read()


#: Core properties that say nothing about the report: python-docx's template (every file it writes is
#: "created" 2013-12-23 23:15 by "python-docx") and the default user names of office installations.
TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15)
PLACEHOLDER_AUTHORS = frozenset({"python-docx", "Microsoft Office User", "Microsoft Office-Anwender", "Windows User",
                                 "Windows-Benutzer", "Benutzer", "User", "Admin", "Administrator", "lesbar"})


@dataclass
class _Para:
    """A paragraph with what the reader needs to decide its role."""

    inlines: list[Inline]
    text: str
    style: str
    style_chain: list[str]
    outline_level: int | None
    num: tuple[str, int] | None  # (numId, ilvl)
    all_bold: bool
    size: float | None
    images: list[Figure]
    floats: list[Any] = field(default_factory=list)  # text box content anchored here: _Para and Table items
    pseudo_heading: bool = True  # may a short bold line be a heading here (not in a letterhead)?
    drop_cap: bool = False  # a framed initial letter ("D" + "ie Konferenz …"): belongs to the next paragraph


@dataclass
class _Field:
    """An open complex field: its instruction so far, and where its result started."""

    instr: str = ""
    in_result: bool = False
    kind: str = ""
    url: str = ""
    out: list[Inline] | None = None
    start: int = 0


class _Story:
    """One flow of text — the body, a text box, a note — with the part its relationship ids belong to."""

    def __init__(self, part: Any) -> None:
        self.part = part
        self.fields: list[_Field] = []

    def visible(self) -> bool:
        """Is text at this point field result (or outside fields), not instruction or a repeated TOC?"""
        return all(f.in_result and f.kind not in _REPEATING_FIELDS for f in self.fields)


@dataclass
class _ParaState:
    paragraph: Any
    story: _Story
    style_bold: bool
    style_size: float | None
    style_hidden: bool
    bold_flags: list[bool] = field(default_factory=list)
    sizes: list[float] = field(default_factory=list)
    images: list[Figure] = field(default_factory=list)
    floats: list[Any] = field(default_factory=list)


class _DocxReader:
    def __init__(self, document: Any, guard: Guard) -> None:
        self.document = document
        self.guard = guard
        self.starts: dict[tuple[str, int], int] = {}  # (numId, ilvl) → first number
        self.numbering = self._load_numbering()
        self.counts: dict[str, list[int]] = {}  # numId → items seen per level (for start numbers)
        self.body_size = 11.0
        self.has_title = False
        self.meta = Meta()
        self.list_ids: dict[int, str] = {}  # id(ListBlock) → numId of its top level
        self.warnings: list[str] = []
        self.note_refs: list[tuple[str, str]] = []  # ("footnote" | "endnote", id) in reading order
        self.depth = 0
        self.style_cache: dict[tuple[str, str | None], Any] = {}
        self.flag_cache: dict[tuple[int, str | None, str], bool] = {}

    # ----------------------------------------------------------------------------------- numbering
    def _load_numbering(self) -> dict[tuple[str, int], bool]:
        """Map (numId, ilvl) → ordered? from numbering.xml (following ``numStyleLink`` to the linked list)."""
        result: dict[tuple[str, int], bool] = {}
        try:
            part = self.document.part.numbering_part
        except (NotImplementedError, KeyError, AttributeError):
            return result
        root = part.element
        abstract: dict[str, dict[int, str]] = {}
        starts: dict[str, dict[int, int]] = {}
        style_links: dict[str, str] = {}  # abstractNumId → numbering style id it takes its levels from
        linked: dict[str, str] = {}  # numbering style id → abstractNumId that defines it
        for an in _xp(root, "./w:abstractNum"):
            aid = an.get(W + "abstractNumId")
            levels: dict[int, str] = {}
            for lvl in _xp(an, "./w:lvl"):
                fmt = _xp(lvl, "./w:numFmt/@w:val")
                levels[int(lvl.get(W + "ilvl", "0"))] = fmt[0] if fmt else "decimal"
            abstract[aid] = levels
            for lvl in _xp(an, "./w:lvl"):
                first = _xp(lvl, "./w:start/@w:val")
                starts.setdefault(aid, {})[_int(lvl.get(W + "ilvl", "0"))] = _int(first[0]) if first else 1
            for link in _xp(an, "./w:numStyleLink/@w:val"):
                style_links[aid] = link
            for link in _xp(an, "./w:styleLink/@w:val"):
                linked[link] = aid
        num_abstract: dict[str, str] = {}
        for num in _xp(root, "./w:num"):
            aid = _xp(num, "./w:abstractNumId/@w:val")
            if aid:
                num_abstract[num.get(W + "numId")] = aid[0]
        for num in _xp(root, "./w:num"):
            nid = num.get(W + "numId")
            aid = num_abstract.get(nid, "")
            for _ in range(3):  # numStyleLink → numbering style → its num → the abstractNum with the levels
                if aid not in style_links:
                    break
                target = linked.get(style_links[aid])
                if target is None:
                    target = num_abstract.get(self._numbering_style_num(style_links[aid]) or "", "")
                if not target or target == aid:
                    break
                aid = target
            levels = dict(abstract.get(aid, {}))
            firsts = dict(starts.get(aid, {}))
            for override in _xp(num, "./w:lvlOverride"):
                ilvl = _int(override.get(W + "ilvl", "0"))
                fmt = _xp(override, "./w:lvl/w:numFmt/@w:val")
                if fmt:
                    levels[ilvl] = fmt[0]
                first = _xp(override, "./w:startOverride/@w:val") or _xp(override, "./w:lvl/w:start/@w:val")
                if first:
                    firsts[ilvl] = _int(first[0])
            for ilvl in range(9):
                fmt = levels.get(ilvl, "bullet")
                result[(nid, ilvl)] = fmt not in ("bullet", "none")
                self.starts[(nid, ilvl)] = firsts.get(ilvl, 1)
        return result

    def _numbering_style_num(self, style_id: str) -> str | None:
        try:
            styles = self.document.styles.element
        except Exception:  # noqa: BLE001 - a document without styles part
            return None
        for style in _xp(styles, "./w:style"):
            if style.get(W + "styleId") == style_id:
                num = _xp(style, "./w:pPr/w:numPr/w:numId/@w:val")
                return num[0] if num else None
        return None

    # -------------------------------------------------------------------------------------- reading
    def read(self) -> Document:
        meta = self.meta
        props = self.document.core_properties
        meta.title = (props.title or "").strip()
        if props.author and props.author.strip() not in PLACEHOLDER_AUTHORS:
            meta.authors = [props.author.strip()]
        if props.created and props.created.replace(tzinfo=None) != TEMPLATE_CREATED:
            meta.date = props.created.date().isoformat()
        body = self.document.element.body
        items = self._items(body, _Story(self.document.part))
        sizes = Counter(p.size for p in _paras(items) if p.size and len(p.text) > 60)
        if sizes:
            self.body_size = sizes.most_common(1)[0][0] or 11.0
        blocks = self._classify(items)
        blocks.extend(self._notes())
        meta.warnings.extend(self.warnings)
        return Document(meta=meta, blocks=blocks)

    def _classify(self, converted: list[Any], in_cell: bool = False) -> list[Block]:
        """Blocks from converted paragraphs and tables: headings, lists, quotes, figures, paragraphs.

        In a data table's cell (``in_cell``) headings become paragraphs and do not set the title.
        """
        meta = self.meta
        blocks: list[Block] = []
        index = 0
        while index < len(converted):
            item = converted[index]
            index += 1
            if isinstance(item, Table):
                blocks.append(item)
                continue
            para: _Para = item
            for fig in para.images:
                # caption: the next paragraph in a caption style
                if index < len(converted) and isinstance(converted[index], _Para):
                    nxt: _Para = converted[index]
                    if nxt.style.lower() in _CAPTION_STYLES and not nxt.images:
                        fig.caption = [Sentence(nxt.inlines)]
                        index += 1
                blocks.append(fig)
            if not para.text.strip():
                continue
            style = para.style.lower()
            if style in _CAPTION_STYLES:
                # a caption before its image (Word allows both orders)
                if index < len(converted) and isinstance(converted[index], _Para) and converted[index].images:
                    converted[index].images[0].caption = [Sentence(para.inlines)]
                    continue
                # a table caption: above the table (Word's default) or, naming a table, below it
                if index < len(converted) and isinstance(converted[index], Table) and not converted[index].caption:
                    converted[index].caption = [Sentence(para.inlines)]
                    continue
                if (blocks and isinstance(blocks[-1], Table) and not blocks[-1].caption
                        and re.match(r"(?i)tab(elle|le)?\b", para.text.strip())):
                    blocks[-1].caption = [Sentence(para.inlines)]
                    continue
                blocks.append(Paragraph([Sentence(para.inlines)]))
                continue
            level = self._heading_level(para)
            if in_cell and level is not None:
                blocks.append(Paragraph([Sentence(para.inlines)]))
                continue
            if level == 0:
                if not meta.title:
                    meta.title = para.text.strip()
                self.has_title = True
                blocks.append(Heading(1, [Sentence(para.inlines)]))
                continue
            if any(s.lower() in _SUBTITLE_STYLES for s in para.style_chain):
                if not in_cell:
                    meta.subtitle = para.text.strip()
                blocks.append(Paragraph([Sentence(para.inlines)]))
                continue
            if level is not None:
                blocks.append(Heading(min(6, level + (1 if self.has_title else 0)), [Sentence(para.inlines)]))
                continue
            if para.num is not None:
                self._add_list_item(blocks, para)
                continue
            if self._add_continuation(blocks, para):
                continue
            manual = self._manual_list(converted, index - 1)
            if manual:
                blocks.extend(manual)
                index += len(manual[0].items) - 1
                continue
            if any(s.lower() in _QUOTE_STYLES for s in para.style_chain):
                self._add_quote(blocks, para)
                continue
            blocks.append(Paragraph([Sentence(para.inlines)]))
        return blocks

    def _heading_level(self, para: _Para) -> int | None:
        """0 for the title, 1–9 for headings, None for body text."""
        chain = [s.lower() for s in para.style_chain]
        if chain and chain[0] in _TITLE_STYLES:
            return 0
        for name in chain:
            m = _HEADING_STYLE.match(name)
            if m:
                return int(m.group(2))
        if para.outline_level is not None and para.outline_level < 9:
            return para.outline_level + 1
        text = para.text.strip()
        if para.num is not None or not text or len(text) >= 90 or text[-1] in ".:;,!?":
            return None
        if len(text.split()) < 1 or not para.pseudo_heading or _MANUAL_ITEM.match(text):
            return None
        larger = para.size is not None and para.size >= 1.15 * self.body_size
        if para.all_bold or larger:
            if para.size is not None and para.size >= 1.6 * self.body_size:
                return 1
            return 2
        return None

    def _add_list_item(self, blocks: list[Block], para: _Para) -> None:
        num_id, ilvl = para.num  # type: ignore[misc]
        ordered = self.numbering.get((num_id, ilvl), False)
        item = ListItem([Paragraph([Sentence(para.inlines)])])
        # Word numbers on across interruptions (a paragraph between items 2 and 3 keeps "3."): count per numId
        counts = self.counts.setdefault(num_id, [0] * 9)
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        current = blocks[-1] if blocks and isinstance(blocks[-1], ListBlock) else None
        if current is not None and ilvl == 0 and self.list_ids.get(id(current)) not in (None, num_id):
            current = None  # another top-level numbering: a new list
        if current is None:
            top_ordered = self.numbering.get((num_id, 0), ordered)
            blocks.append(ListBlock(ordered=top_ordered, items=[], start=self._start(num_id, 0, counts)))
            self.list_ids[id(blocks[-1])] = num_id
        target: ListBlock = blocks[-1]  # type: ignore[assignment]
        for depth in range(ilvl):
            if not target.items:
                target.items.append(ListItem([]))
            last = target.items[-1]
            if not last.blocks or not isinstance(last.blocks[-1], ListBlock):
                level_ordered = self.numbering.get((num_id, depth + 1), ordered)
                last.blocks.append(ListBlock(ordered=level_ordered, items=[],
                                             start=self._start(num_id, depth + 1, counts)))
            target = last.blocks[-1]  # type: ignore[assignment]
        target.items.append(item)

    def _start(self, num_id: str, ilvl: int, counts: list[int]) -> int:
        """The number a new (part of a) list at ``ilvl`` shows first."""
        return self.starts.get((num_id, ilvl), 1) + max(0, counts[ilvl] - 1)

    def _add_continuation(self, blocks: list[Block], para: _Para) -> bool:
        """An unnumbered 'List Paragraph' right after a list item is a second paragraph of that item."""
        if not blocks or not isinstance(blocks[-1], ListBlock):
            return False
        if not any(s.lower() in _LIST_PARAGRAPH_STYLES for s in para.style_chain):
            return False
        target: ListBlock = blocks[-1]
        while target.items and target.items[-1].blocks and isinstance(target.items[-1].blocks[-1], ListBlock):
            target = target.items[-1].blocks[-1]  # type: ignore[assignment]
        if not target.items:
            return False
        target.items[-1].blocks.append(Paragraph([Sentence(para.inlines)]))
        return True

    def _manual_list(self, converted: list[Any], index: int) -> list[ListBlock]:
        """A list typed by hand ("•<Tab>Sprachkurse", "1.<Tab>Anmeldung") starting at ``converted[index]``.

        Returns the list (or nothing) and leaves its paragraphs to be skipped by the caller: one line with
        a bullet glyph is a list, dashes and numbers need two lines in a row (numbers counting up by one).
        """
        first = converted[index]
        m = _MANUAL_ITEM.match(first.text)
        if not m or first.num is not None:
            return []
        kind = _marker_kind(m.group(1))
        run = [(first, m)]
        while index + len(run) < len(converted):
            nxt = converted[index + len(run)]
            if not isinstance(nxt, _Para) or nxt.num is not None or nxt.images or not nxt.text.strip():
                break
            m2 = _MANUAL_ITEM.match(nxt.text)
            if not m2 or _marker_kind(m2.group(1)) != kind:
                break
            if kind == "1" and _int(m2.group(1)[:-1]) != _int(run[-1][1].group(1)[:-1]) + 1:
                break
            run.append((nxt, m2))
        if len(run) < 2 and kind not in _BULLET_GLYPHS:
            return []
        items = [ListItem([Paragraph([Sentence(_drop_prefix(para.inlines, m.end()))])]) for para, m in run]
        start = _int(run[0][1].group(1)[:-1]) if kind == "1" else 1
        return [ListBlock(ordered=kind == "1", items=items, start=start or 1)]

    def _add_quote(self, blocks: list[Block], para: _Para) -> None:
        if _ATTRIBUTION.match(para.text) and blocks and isinstance(blocks[-1], BlockQuote):
            text = re.sub(r"^\s*[—–-]\s*", "", para.text)
            blocks[-1].attribution = [Sentence([Text(text.strip())])]
            return
        if blocks and isinstance(blocks[-1], BlockQuote) and not blocks[-1].attribution:
            blocks[-1].blocks.append(Paragraph([Sentence(para.inlines)]))
        else:
            blocks.append(BlockQuote([Paragraph([Sentence(para.inlines)])]))

    # --------------------------------------------------------------------------------- block walk
    def _items(self, container: Any, story: _Story) -> list[Any]:
        """Paragraphs (with the text boxes anchored in them after them) and tables of a block container."""
        items: list[Any] = []
        self.depth += 1
        try:
            if self.depth > 100:  # nested text boxes/tables that deep are a damaged or hostile file
                return items
            for child in container:
                tag = child.tag
                if tag == W + "p":
                    self.guard.check_time()
                    para = self._para(child, story)
                    if items and isinstance(items[-1], _Para) and items[-1].drop_cap and not para.drop_cap:
                        cap = items.pop()
                        para.inlines = _trim(_merge(cap.inlines + para.inlines))
                        para.text = inline_text(para.inlines)
                        para.images = cap.images + para.images
                    items.append(para)
                    items.extend(para.floats)
                elif tag == W + "tbl":
                    items.extend(self._table(child, story))
                elif tag == W + "sdt":
                    content = _sdt_content(child)
                    if content is not None and not _sdt_skipped(child):
                        items.extend(self._items(content, story))
                elif tag in _TRANSPARENT:
                    items.extend(self._items(child, story))
                elif tag == MC + "AlternateContent":
                    branch = _choose_branch(child)
                    if branch is not None:
                        items.extend(self._items(branch, story))
                elif tag == W + "altChunk":
                    items.extend(self._alt_chunk(child, story))
        finally:
            self.depth -= 1
        return items

    # --------------------------------------------------------------------------------------- styles
    def _style(self, style_id: str | None, kind: str) -> Any:
        """The style object for an id (the default style when the id is missing or unknown), cached:
        python-docx looks the default style up by walking all styles, on every call."""
        key = (kind, style_id)
        if key not in self.style_cache:
            from docx.enum.style import WD_STYLE_TYPE

            style_type = WD_STYLE_TYPE.PARAGRAPH if kind == "paragraph" else WD_STYLE_TYPE.CHARACTER
            try:
                self.style_cache[key] = self.document.part.get_style(style_id, style_type)
            except Exception:  # noqa: BLE001 - an id naming a style of another type, no styles part
                self.style_cache[key] = None
        return self.style_cache[key]

    def _flag(self, style: Any, style_id: str | None, name: str) -> bool:
        key = (id(style), style_id, name)
        if key not in self.flag_cache:
            self.flag_cache[key] = _style_flag(style, name)
        return self.flag_cache[key]

    def _alt_chunk(self, chunk: Any, story: _Story) -> list[Any]:
        """An imported HTML chunk (``w:altChunk``, written by web exports; Word renders it on opening):
        headings, paragraphs and list items from the HTML."""
        try:
            part = story.part.related_parts[chunk.get(R + "id", "")]
        except (KeyError, AttributeError):
            return []
        ctype = (getattr(part, "content_type", "") or "").lower()
        if "html" not in ctype:
            self.warnings.append(f"Ein eingebetteter Abschnitt ({ctype or 'unbekannt'}) wurde nicht gelesen.")
            return []
        import lxml.html

        try:
            root = lxml.html.fromstring(_decode_html(part.blob))
        except Exception:  # noqa: BLE001 - damaged HTML: nothing to read
            return []
        items: list[Any] = []

        def para(text: str, chain: list[str], num: tuple[str, int] | None = None) -> None:
            text = re.sub(r"\s+", " ", _clean(text)).strip()
            if text:
                items.append(_Para([Text(text)], text, chain[0] if chain else "", chain, None, num, False, None,
                                   []))

        def visit(node: Any, lists: list[tuple[str, bool]]) -> None:
            loose = [node.text or ""]  # inline text between block elements

            def flush() -> None:
                para("".join(loose), [])
                loose.clear()

            for child in node:
                tag = child.tag if isinstance(child.tag, str) else ""
                if tag not in _HTML_BLOCKS:
                    if tag == "br":
                        loose.append(" ")
                    elif tag and tag not in ("script", "style", "head", "title"):
                        loose.append(child.text_content())
                    loose.append(child.tail or "")
                    continue
                flush()
                if tag in ("script", "style", "head", "title"):
                    pass
                elif re.fullmatch(r"h[1-6]", tag):
                    para(child.text_content(), [f"Heading {tag[1]}"])
                elif tag in ("ul", "ol"):
                    key = f"html-{id(child)}"
                    visit(child, [*lists, (key, tag == "ol")])
                elif tag == "li" and lists:
                    nested = [c for c in child if isinstance(c.tag, str) and c.tag in ("ul", "ol")]
                    for sub in nested:
                        child.remove(sub)
                    key = lists[0][0]
                    for depth, (_, ordered) in enumerate(lists):
                        self.numbering[(key, depth)] = ordered
                    para(child.text_content(), [], (key, len(lists) - 1))
                    for sub in nested:
                        visit(_wrap(sub), lists)
                elif tag in ("p", "pre", "dt", "dd", "caption", "td", "th", "figcaption", "address", "li"):
                    para(child.text_content(), [])
                elif tag == "blockquote":
                    para(child.text_content(), ["Quote"])
                else:
                    visit(child, lists)
                loose.append(child.tail or "")
            flush()

        body = root.find("body")
        visit(body if body is not None else _wrap(root), [])
        return items

    # ----------------------------------------------------------------------------------- paragraph
    def _para(self, p_el: Any, story: _Story) -> _Para:
        from docx.text.paragraph import Paragraph as DocxParagraph

        paragraph = DocxParagraph(p_el, self.document._body)
        raw_id = _xp(p_el, "./w:pPr/w:pStyle/@w:val")
        style = self._style(raw_id[0] if raw_id else None, "paragraph")
        chain: list[str] = []
        s = style
        while s is not None and len(chain) < 10:
            chain.append(s.name or "")
            s = s.base_style
        if raw_id and (style is None or style.style_id != raw_id[0]):
            chain.insert(0, raw_id[0])  # a style the file uses but does not define: its id is all we have
        outline = _xp(p_el, "./w:pPr/w:outlineLvl/@w:val")
        if not outline and style is not None:
            outline = _xp(style.element, "./w:pPr/w:outlineLvl/@w:val")
        num = self._num(p_el, style)
        key = raw_id[0] if raw_id else None
        state = _ParaState(paragraph=paragraph, story=story, style_bold=self._flag(style, key, "bold"),
                           style_size=_style_size(style), style_hidden=self._flag(style, key, "hidden"))
        out: list[Inline] = []
        self._inline(p_el, state, out)
        # an instruction does not outlive its paragraph: a damaged field (begin without end) must not
        # swallow the rest of the document; results (a TOC) may span paragraphs
        story.fields = [f for f in story.fields if f.in_result]
        inlines = _trim(_merge(out))
        sizes = state.sizes
        return _Para(
            inlines=inlines,
            text=inline_text(inlines),
            style=chain[0] if chain else "",
            style_chain=chain,
            outline_level=_int(outline[0]) if outline else None,
            num=num,
            all_bold=bool(state.bold_flags) and all(state.bold_flags),
            size=max(set(sizes), key=sizes.count) if sizes else state.style_size,
            images=state.images,
            floats=state.floats,
            drop_cap=bool(_xp(p_el, "./w:pPr/w:framePr[@w:dropCap='drop' or @w:dropCap='margin']")),
        )

    def _num(self, p_el: Any, style: Any) -> tuple[str, int] | None:
        num_id = _xp(p_el, "./w:pPr/w:numPr/w:numId/@w:val")
        ilvl = _xp(p_el, "./w:pPr/w:numPr/w:ilvl/@w:val")
        s = style
        depth = 0
        while not num_id and s is not None and depth < 10:
            num_id = _xp(s.element, "./w:pPr/w:numPr/w:numId/@w:val")
            if not ilvl:
                ilvl = _xp(s.element, "./w:pPr/w:numPr/w:ilvl/@w:val")
            s = s.base_style
            depth += 1
        if not num_id or num_id[0] == "0":
            return None
        level = min(8, max(0, _int(ilvl[0]))) if ilvl else 0
        # "List Bullet 2" and friends carry their depth in the style name, not in ilvl
        m = _LIST_STYLE_LEVEL.match(style.name or "") if style is not None else None
        if m and level == 0:
            level = int(m.group(1)) - 1
        return num_id[0], level

    # -------------------------------------------------------------------------------------- inlines
    def _inline(self, container: Any, state: _ParaState, out: list[Inline]) -> None:
        """Walk the inline content of a paragraph (or of a wrapper inside it) into ``out``."""
        story = state.story
        for child in container:
            tag = child.tag
            if tag == W + "r":
                self._run(child, state, out)
            elif tag == W + "hyperlink":
                children: list[Inline] = []
                self._inline(child, state, children)
                url = self._rel_url(story.part, child.get(R + "id"))
                if url and child.get(W + "anchor"):
                    url += "#" + child.get(W + "anchor")
                if url and inline_text(children).strip():
                    out.append(Link(_merge(children), url=url, title=child.get(W + "tooltip", "")))
                else:
                    out.extend(children)  # an internal jump (w:anchor only): the text, no link
            elif tag == W + "fldSimple":
                kind, url = _field_kind(child.get(W + "instr", ""))
                if kind in _REPEATING_FIELDS:
                    continue
                children = []
                self._inline(child, state, children)
                if url and inline_text(children).strip():
                    out.append(Link(_merge(children), url=url))
                else:
                    out.extend(children)
            elif tag == W + "sdt":
                content = _sdt_content(child)
                if content is not None and not _sdt_skipped(child):
                    self._inline(content, state, out)
            elif tag in _TRANSPARENT:
                self._inline(child, state, out)
            elif tag == MC + "AlternateContent":
                branch = _choose_branch(child)
                if branch is not None:
                    self._inline(branch, state, out)
            elif tag in (M + "oMathPara", M + "oMath"):
                if story.visible():
                    text = "".join(t.text or "" for t in child.iter(M + "t"))
                    if text.strip():
                        out.append(Text(text))

    def _run(self, r_el: Any, state: _ParaState, out: list[Inline]) -> None:
        from docx.text.run import Run

        run = Run(r_el, state.paragraph)
        font = run.font
        r_id = _xp(r_el, "./w:rPr/w:rStyle/@w:val")
        r_key = r_id[0] if r_id else None
        r_style = self._style(r_key, "character") if r_key else None
        hidden = font.hidden if font.hidden is not None else (
            self._flag(r_style, r_key, "hidden") or state.style_hidden)
        symbol_font = font.name if is_symbol_font(font.name) else None
        parts: list[Inline] = []

        def flush() -> None:
            if not parts:
                return
            text = inline_text(parts)
            node: list[Inline] = list(parts)
            parts.clear()
            if not text.strip():
                out.extend(node)
                return
            bold = run.bold if run.bold is not None else (self._flag(r_style, r_key, "bold") or state.style_bold)
            italic = run.italic if run.italic is not None else self._flag(r_style, r_key, "italic")
            state.bold_flags.append(bool(bold))
            size = font.size.pt if font.size is not None else state.style_size
            if size:
                state.sizes.extend([size] * len(text))
            if italic:
                node = [Emph(node)]
            if bold:
                node = [Strong(node)]
            out.extend(node)

        self._run_children(r_el, state, parts, flush, hidden, symbol_font, out)
        flush()

    def _run_children(self, container: Any, state: _ParaState, parts: list[Inline], flush: Any, hidden: bool,
                      symbol_font: str | None, out: list[Inline]) -> None:
        story = state.story
        for child in container:
            tag = child.tag
            if tag == W + "fldChar":
                flush()
                self._field_char(child, story, out)
                continue
            if tag == W + "instrText":
                if story.fields and not story.fields[-1].in_result:
                    story.fields[-1].instr += child.text or ""
                continue
            if hidden or not story.visible():
                continue
            if tag == W + "t":
                text = child.text or ""
                if symbol_font:
                    text = symbol_text(symbol_font, text)
                parts.append(Text(_clean(text)))
            elif tag in (W + "tab", W + "ptab"):
                parts.append(Text(" "))
            elif tag == W + "br":
                kind = child.get(W + "type")
                parts.append(LineBreak() if kind in (None, "textWrapping") else Text(" "))
            elif tag == W + "cr":
                parts.append(LineBreak())
            elif tag == W + "noBreakHyphen":
                parts.append(Text("-"))
            elif tag == W + "sym":
                try:
                    code = int(child.get(W + "char", ""), 16)
                except ValueError:
                    continue
                char = symbol_char(child.get(W + "font"), code)
                if char:
                    parts.append(Text(char))
            elif tag in (W + "drawing", W + "pict", W + "object"):
                self._graphic(child, state)
            elif tag == MC + "AlternateContent":
                branch = _choose_branch(child)
                if branch is not None:
                    self._run_children(branch, state, parts, flush, hidden, symbol_font, out)
            elif tag in (W + "footnoteReference", W + "endnoteReference"):
                kind = "footnote" if tag == W + "footnoteReference" else "endnote"
                ref = (kind, child.get(W + "id", ""))
                if ref not in self.note_refs:
                    self.note_refs.append(ref)
            elif tag == W + "ruby":
                base = child.find(W + "rubyBase")
                if base is not None:
                    for base_run in base.iter(W + "t"):
                        parts.append(Text(_clean(base_run.text or "")))

    def _field_char(self, fld: Any, story: _Story, out: list[Inline]) -> None:
        kind = fld.get(W + "fldCharType")
        if kind == "begin":
            story.fields.append(_Field())
        elif kind == "separate" and story.fields:
            current = story.fields[-1]
            current.in_result = True
            current.kind, current.url = _field_kind(current.instr)
            current.out, current.start = out, len(out)
        elif kind == "end" and story.fields:
            current = story.fields.pop()
            if current.url and current.out is out and current.start <= len(out):
                children = out[current.start:]
                if inline_text(children).strip():
                    del out[current.start:]
                    out.append(Link(_merge(children), url=current.url))

    def _rel_url(self, part: Any, rid: str | None) -> str:
        if not rid:
            return ""
        try:
            rel = part.rels[rid]
        except (KeyError, AttributeError):
            return ""
        return str(rel.target_ref) if rel.is_external else ""

    # ------------------------------------------------------------------------- images, text boxes
    def _graphic(self, element: Any, state: _ParaState) -> None:
        """An inline or floating object: its picture becomes a figure, its text box content floats."""
        found: dict[str, str] = {}

        def visit(node: Any) -> None:
            for child in node:
                tag = child.tag
                if not isinstance(tag, str):
                    continue
                if tag == W + "txbxContent":
                    state.floats.extend(self._items(child, _Story(state.story.part)))
                    continue
                if tag == MC + "AlternateContent":
                    branch = _choose_branch(child)
                    if branch is not None:
                        visit(branch)
                    continue
                if tag == A + "blip" and "rid" not in found and child.get(R + "embed"):
                    found["rid"] = child.get(R + "embed")
                elif tag == V + "imagedata" and "rid" not in found and child.get(R + "id"):
                    found["rid"] = child.get(R + "id")
                    found.setdefault("alt", child.getparent().get("alt", "") or child.get(OFFICE + "title", ""))
                elif tag == V + "textpath" and child.get("string", "").strip():
                    # WordArt in VML: its text is an attribute
                    state.floats.append(_Para([Text(child.get("string").strip())], child.get("string").strip(),
                                              "", [], None, None, False, None, []))
                elif tag == DGM + "relIds" and child.get(R + "dm"):
                    state.floats.extend(self._diagram_text(state.story.part, child.get(R + "dm")))
                elif tag == WP + "docPr":
                    found.setdefault("alt", child.get("descr", "") or child.get("title", ""))
                visit(child)

        visit([element])
        rid = found.get("rid")
        if not rid:
            chart = _xp(element, ".//a:graphicData[contains(@uri, '/chart')]")
            alt = found.get("alt", "").strip()
            if chart and alt:  # a chart: no picture to show, but its description is content
                state.images.append(Figure(image=None, alt=alt, alt_status="source"))
            return
        image = self._image(state.story.part, rid)
        if image is None:
            return
        extent = _xp(element, ".//wp:extent")
        if extent:
            # EMU → pixels at 96 dpi, for the writers' width/height hints
            image.width = int(_int(extent[0].get("cx", "0")) / 9525)
            image.height = int(_int(extent[0].get("cy", "0")) / 9525)
        alt = found.get("alt", "").strip()
        state.images.append(Figure(image=image, alt=alt, alt_status="source" if alt else "missing"))

    def _diagram_text(self, source: Any, rid: str) -> list[_Para]:
        """The texts of a SmartArt diagram, from its data part (the drawing part repeats them), in order."""
        try:
            root = etree.fromstring(source.related_parts[rid].blob)
        except Exception:  # noqa: BLE001 - missing or damaged diagram part: nothing to read
            return []
        paras: list[_Para] = []
        for pt in root.iter(DGM + "pt"):
            if pt.get("type", "node") != "node":
                continue
            for a_p in pt.iter(A + "p"):
                text = re.sub(r"\s+", " ", "".join(t.text or "" for t in a_p.iter(A + "t"))).strip()
                if text:
                    paras.append(_Para([Text(_clean(text))], _clean(text), "", [], None, None, False, None, [],
                                       pseudo_heading=False))
        return paras

    def _image(self, source: Any, rid: str) -> Image | None:
        try:
            part = source.related_parts[rid]
        except (KeyError, AttributeError):
            return None
        blob = part.blob
        ext = part.partname.ext.lower() if hasattr(part.partname, "ext") else ""
        mime = getattr(part, "content_type", "") or _MIME.get(ext, "application/octet-stream")
        size = _pixel_size(blob)
        if size is not None and not self.guard.image_allowed(*size):
            self.warnings.append(
                f"Ein Bild mit {size[0]}×{size[1]} Pixeln war zu groß und wurde weggelassen."
            )
            return None
        return Image(data=blob, mime=mime)

    # --------------------------------------------------------------------------------------- notes
    def _notes(self) -> list[Block]:
        """Footnote and endnote texts, in the order of their references, for the end of the document."""
        if not self.note_refs:
            return []
        parts: dict[str, tuple[Any, dict[str, Any]]] = {}
        for rel in self.document.part.rels.values():
            kind = rel.reltype.rsplit("/", 1)[-1]
            if kind in ("footnotes", "endnotes") and not rel.is_external:
                part = rel.target_part
                try:
                    from docx.oxml.parser import parse_xml

                    root = part.element if hasattr(part, "element") else parse_xml(part.blob)
                except Exception:  # noqa: BLE001 - a damaged notes part: the body is still worth reading
                    self.warnings.append("Die Fußnoten konnten nicht gelesen werden.")
                    continue
                notes = {n.get(W + "id", ""): n for n in root if n.get(W + "type") in (None, "normal")}
                parts[kind[:-1]] = (part, notes)
        blocks: list[Block] = []
        index = 0
        while index < len(self.note_refs) and index < 1000:
            kind, note_id = self.note_refs[index]
            index += 1
            part, notes = parts.get(kind, (None, {}))
            note = notes.get(note_id)
            if note is None:
                continue
            for block in self._classify(self._items(note, _Story(part)), in_cell=True):
                blocks.append(block)
        return blocks

    # --------------------------------------------------------------------------------------- tables
    def _table(self, tbl: Any, story: _Story) -> list[Any]:
        """A data table as ``[Table]``; a layout table as the items of its cells; an empty table as ``[]``."""
        grid: list[list[tuple[Cell, list[Any]]]] = []
        header_flags: list[bool] = []
        open_cells: dict[int, tuple[Cell, list[Any]]] = {}  # grid column → cell a vertical merge started in
        for tr in _rows(tbl):
            self.guard.check_time()
            if _xp(tr, "./w:trPr/w:del"):
                continue  # a deleted row (tracked change)
            col = _int((_xp(tr, "./w:trPr/w:gridBefore/@w:val") or ["0"])[0])
            cells: list[tuple[Cell, list[Any]]] = []
            for tc in _cells(tr):
                span = max(1, _int((_xp(tc, "./w:tcPr/w:gridSpan/@w:val") or ["1"])[0]))
                items = self._items(tc, story)
                hmerge = _xp(tc, "./w:tcPr/w:hMerge")
                if hmerge and hmerge[0].get(W + "val") in (None, "continue") and cells:
                    cells[-1][0].colspan += span  # old-style horizontal merge
                    cells[-1][1].extend(items)
                    col += span
                    continue
                vmerge = _xp(tc, "./w:tcPr/w:vMerge")
                if vmerge and vmerge[0].get(W + "val") in (None, "continue") and col in open_cells:
                    owner = open_cells[col]
                    owner[0].rowspan += 1
                    owner[1].extend(items)  # normally empty; text in a merged-away cell is still text
                    col += span
                    continue
                record = (Cell(blocks=[], colspan=span), items)
                for c in range(col, col + span):
                    open_cells.pop(c, None)
                if vmerge:
                    open_cells[col] = record
                cells.append(record)
                col += span
            grid.append(cells)
            header_flags.append(bool(_xp(tr, "./w:trPr/w:tblHeader")))
        all_items = [item for row in grid for _, items in row for item in items]
        if not any(_has_content(item) for item in all_items):
            return []
        if len(grid) <= 1 or all(len(row) <= 1 for row in grid):
            # layout: a letterhead row or a box/frame column, not data — its content reads as body text
            if len(grid) <= 1:
                for item in all_items:
                    if isinstance(item, _Para):
                        item.pseudo_heading = False
            return all_items
        rows: list[Row] = []
        header_rows = 0
        counting_header = True
        styled_first_row = self._styled_first_row(tbl)
        for r_index, row in enumerate(grid):
            first_bold = [p.all_bold for _, items in row for p in _paras(items) if p.text.strip()]
            is_header = header_flags[r_index] or (r_index == 0 and (styled_first_row or (
                bool(first_bold) and all(first_bold))))
            for cell, items in row:
                cell.blocks = self._classify(items, in_cell=True)
            if counting_header and is_header:
                header_rows += 1
            else:
                counting_header = False
            rows.append(Row([cell for cell, _ in row]))
        if header_rows >= len(rows):
            header_rows = 0
        return [Table(rows=rows, header_rows=header_rows)]


    def _styled_first_row(self, tbl: Any) -> bool:
        """Does the table style set the first row apart (bold or shaded, "Gitternetztabelle 4" and friends)
        and does this table switch that on (``w:tblLook``)? Then row one is a header row, though its runs
        are not bold themselves."""
        look = _xp(tbl, "./w:tblPr/w:tblLook")
        if not look:
            return False
        first_row = look[0].get(W + "firstRow")
        if first_row is None:
            first_row = "1" if _int_hex(look[0].get(W + "val", "0")) & 0x0020 else "0"
        if first_row not in ("1", "true", "on"):
            return False
        style_id = _xp(tbl, "./w:tblPr/w:tblStyle/@w:val")
        try:
            styles = {st.get(W + "styleId"): st for st in _xp(self.document.styles.element, "./w:style")}
        except Exception:  # noqa: BLE001 - no styles part
            return False
        seen: set[str] = set()
        current = style_id[0] if style_id else None
        while current and current in styles and current not in seen:
            seen.add(current)
            style = styles[current]
            for pr in _xp(style, "./w:tblStylePr[@w:type='firstRow']"):
                bold = _xp(pr, "./w:rPr/w:b")
                if bold and bold[0].get(W + "val") not in ("0", "false", "off"):
                    return True
                fill = _xp(pr, "./w:tcPr/w:shd/@w:fill")
                if fill and fill[0].lower() not in ("auto", "ffffff"):
                    return True
            based = _xp(style, "./w:basedOn/@w:val")
            current = based[0] if based else None
        return False


def _int_hex(value: str) -> int:
    try:
        return int(value, 16)
    except (TypeError, ValueError):
        return 0


def _int(value: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


_HTML_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "pre", "dt", "dd", "dl", "caption", "td", "th", "tr",
                "thead", "tbody", "tfoot", "table", "figcaption", "figure", "address", "ul", "ol", "li", "blockquote",
                "div", "section", "article", "main", "header", "footer", "aside", "nav", "body", "form", "fieldset",
                "center", "script", "style", "head", "title"}


def _decode_html(blob: bytes) -> str:
    """HTML bytes as text: BOM, then a declared charset, then UTF-8, then Windows-1252."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if blob.startswith(bom):
            return blob[len(bom):].decode(encoding, errors="replace")
    declared = re.search(rb"""charset=["']?([A-Za-z0-9_-]+)""", blob[:4096])
    candidates = [declared.group(1).decode("ascii")] if declared else []
    for encoding in [*candidates, "utf-8"]:
        try:
            text = blob.decode(encoding)
            break
        except (LookupError, UnicodeDecodeError):
            continue
    else:
        text = blob.decode("cp1252", errors="replace")
    return re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str input with an encoding declaration


def _wrap(element: Any) -> Any:
    """A throwaway parent, to visit ``element`` itself and not only its children."""
    holder = element.makeelement("div", {})
    holder.append(element)
    return holder


def _marker_kind(marker: str) -> str:
    return "1" if marker[0].isdigit() else marker


def _drop_prefix(inlines: list[Inline], n: int) -> list[Inline]:
    """The inlines without their first ``n`` characters (a typed list marker)."""
    out: list[Inline] = []
    for node in inlines:
        length = len(inline_text([node]))
        if n <= 0:
            out.append(node)
        elif length <= n:
            n -= length
        elif isinstance(node, Text):
            out.append(Text(node.text[n:]))
            n = 0
        elif isinstance(node, (Emph, Strong, Link)):
            node.children = _drop_prefix(node.children, n)
            out.append(node)
            n = 0
        else:
            out.append(node)
            n = 0
    return out


def _paras(items: list[Any]) -> list[_Para]:
    return [item for item in items if isinstance(item, _Para)]


def _has_content(item: Any) -> bool:
    if isinstance(item, Table):
        return True
    return bool(item.text.strip() or item.images)


def _rows(tbl: Any) -> list[Any]:
    """The rows of a table, also those wrapped in content controls or custom XML."""
    return _children(tbl, W + "tr")


def _cells(tr: Any) -> list[Any]:
    return _children(tr, W + "tc")


def _children(parent: Any, tag: str) -> list[Any]:
    """The ``tag`` children of ``parent``, looking through content controls and custom XML wrappers."""
    found: list[Any] = []
    for child in parent:
        if child.tag == tag:
            found.append(child)
        elif child.tag == W + "sdt":
            content = _sdt_content(child)
            if content is not None:
                found.extend(_children(content, tag))
        elif child.tag in _TRANSPARENT:
            found.extend(_children(child, tag))
    return found


def _sdt_content(sdt: Any) -> Any:
    return sdt.find(W + "sdtContent")


def _sdt_skipped(sdt: Any) -> bool:
    """Content controls showing their placeholder ("Klicken Sie hier …") and tables of contents."""
    pr = sdt.find(W + "sdtPr")
    if pr is None:
        return False
    if pr.find(W + "showingPlcHdr") is not None:
        return True
    gallery = _xp(pr, "./w:docPartObj/w:docPartGallery/@w:val")
    return bool(gallery) and gallery[0].lower() == "table of contents"  # it repeats the headings


def _choose_branch(alternate: Any) -> Any:
    """One branch of ``mc:AlternateContent``: the first Choice with content, else the Fallback — never both."""
    for child in alternate:
        if child.tag == MC + "Choice" and len(child):
            return child
    for child in alternate:
        if child.tag == MC + "Fallback":
            return child
    return None


_FIELD_ARG = re.compile(r'"([^"]*)"|(\S+)')


def _field_kind(instr: str) -> tuple[str, str]:
    """The field's name (upper case) and, for ``HYPERLINK``, its target (not an internal ``\\l`` jump)."""
    tokens = [quoted if quoted or not bare else bare for quoted, bare in _FIELD_ARG.findall(instr)]
    if not tokens:
        return "", ""
    kind = tokens[0].upper()
    if kind != "HYPERLINK":
        return kind, ""
    url, skip = "", False
    for token in tokens[1:]:
        if skip:
            skip = False
            continue
        if token.startswith("\\"):
            skip = token.lower() in ("\\l", "\\o", "\\t")  # switches with an argument: anchor, tip, frame
            continue
        url = token
        break
    return kind, url


def _clean(text: str) -> str:
    """Soft hyphens and zero-width spaces are invisible unless a line breaks there; a non-breaking hyphen is a
    hyphen."""
    return text.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "").replace("\u2011", "-")


def _pixel_size(blob: bytes) -> tuple[int, int] | None:
    """Width and height from the image header, without decoding the pixels (guards against image bombs)."""
    import io

    from PIL import Image as PILImage

    try:
        with PILImage.open(io.BytesIO(blob)) as img:
            return int(img.width), int(img.height)
    except Exception:  # noqa: BLE001 - EMF/WMF and damaged images: size unknown, left to the writers
        return None


def _style_flag(style: Any, name: str) -> bool:
    depth = 0
    while style is not None and depth < 10:
        value = getattr(style.font, name, None) if hasattr(style, "font") else None
        if value is not None:
            return bool(value)
        style = style.base_style
        depth += 1
    return False


def _style_size(style: Any) -> float | None:
    depth = 0
    while style is not None and depth < 10:
        font = getattr(style, "font", None)
        if font is not None and font.size is not None:
            return float(font.size.pt)
        style = style.base_style
        depth += 1
    return None


def _merge(inlines: list[Inline]) -> list[Inline]:
    """Merge neighbouring Text nodes and neighbouring marks of the same kind."""
    out: list[Inline] = []
    for node in inlines:
        if out and isinstance(node, Text) and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text + node.text)
        elif out and type(node) in (Emph, Strong) and type(out[-1]) is type(node):
            out[-1].children = _merge(out[-1].children + node.children)  # type: ignore[union-attr]
        else:
            out.append(node)
    return out


def _trim(inlines: list[Inline]) -> list[Inline]:
    """Collapse whitespace runs and strip the ends of a paragraph's inlines."""
    for node in inlines:
        if isinstance(node, Text):
            node.text = re.sub(r"[ \t\u00a0]+", " ", node.text)
    while inlines and isinstance(inlines[0], (Text, LineBreak)) and not inline_text([inlines[0]]).strip():
        inlines.pop(0)
    while inlines and isinstance(inlines[-1], (Text, LineBreak)) and not inline_text([inlines[-1]]).strip():
        inlines.pop()
    if inlines and isinstance(inlines[0], Text):
        inlines[0].text = inlines[0].text.lstrip()
    if inlines and isinstance(inlines[-1], Text):
        inlines[-1].text = inlines[-1].text.rstrip()
    return inlines
