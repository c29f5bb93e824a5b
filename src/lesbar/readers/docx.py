"""DOCX reader on python-docx.

What it recovers: headings from the style chain (Title, Heading N, Überschrift N) and ``w:outlineLvl``;
hand-formatted pseudo-headings (short, all bold or clearly larger than the body); lists with levels from
``numPr`` resolved through numbering.xml; tables with header rows; images with their alt text
(``wp:docPr/@descr``) and a following caption paragraph; Quote styles; core properties.

python-docx traps (``shared/notes/pdf-and-docx-reading.md``): numbering.xml elements need explicit
``namespaces=`` in xpath; language tags in the file are unreliable, so the language is detected from text.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from dataclasses import dataclass
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
from lesbar.readers.guard import Guard

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "v": "urn:schemas-microsoft-com:vml",
}
W = f"{{{NS['w']}}}"


def _xp(element: Any, path: str) -> list[Any]:
    """XPath with our namespace map (python-docx's own ``xpath`` does not take ``namespaces=``)."""
    return etree._Element.xpath(element, path, namespaces=NS)  # type: ignore[no-any-return]

_HEADING_STYLE = re.compile(r"^(heading|überschrift|titre|berschrift)\s*(\d)$", re.IGNORECASE)
_TITLE_STYLES = {"title", "titel"}
_SUBTITLE_STYLES = {"subtitle", "untertitel"}
_QUOTE_STYLES = {"quote", "intense quote", "zitat", "intensives zitat", "block text", "blocktext"}
_CAPTION_STYLES = {"caption", "beschriftung"}
_LIST_STYLE_LEVEL = re.compile(r"^(?:list|liste)\b.*?\s(\d)$", re.IGNORECASE)
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


class _DocxReader:
    def __init__(self, document: Any, guard: Guard) -> None:
        self.document = document
        self.guard = guard
        self.numbering = self._load_numbering()
        self.body_size = 11.0
        self.has_title = False
        self.list_ids: dict[int, str] = {}
        self.warnings: list[str] = []  # id(ListBlock) → numId of its top level

    # ----------------------------------------------------------------------------------- numbering
    def _load_numbering(self) -> dict[tuple[str, int], bool]:
        """Map (numId, ilvl) → ordered? from numbering.xml."""
        result: dict[tuple[str, int], bool] = {}
        try:
            part = self.document.part.numbering_part
        except (NotImplementedError, KeyError, AttributeError):
            return result
        root = part.element
        abstract: dict[str, dict[int, str]] = {}
        for an in _xp(root, "./w:abstractNum"):
            aid = an.get(W + "abstractNumId")
            levels: dict[int, str] = {}
            for lvl in _xp(an, "./w:lvl"):
                fmt = _xp(lvl, "./w:numFmt/@w:val")
                levels[int(lvl.get(W + "ilvl", "0"))] = fmt[0] if fmt else "decimal"
            abstract[aid] = levels
        for num in _xp(root, "./w:num"):
            nid = num.get(W + "numId")
            aid = _xp(num, "./w:abstractNumId/@w:val")
            levels = abstract.get(aid[0], {}) if aid else {}
            for ilvl in range(9):
                fmt = levels.get(ilvl, "bullet")
                result[(nid, ilvl)] = fmt not in ("bullet", "none")
        return result

    # -------------------------------------------------------------------------------------- reading
    def read(self) -> Document:
        meta = Meta()
        props = self.document.core_properties
        meta.title = (props.title or "").strip()
        if props.author:
            meta.authors = [props.author.strip()]
        if props.created:
            meta.date = props.created.date().isoformat()
        items = list(self.document.iter_inner_content())
        paras = [self._para(p) for p in items if not hasattr(p, "rows")]
        sizes = Counter(p.size for p in paras if p.size and len(p.text) > 60)
        if sizes:
            self.body_size = sizes.most_common(1)[0][0] or 11.0
        blocks: list[Block] = []
        index = 0
        converted: list[Any] = []
        for item in items:
            self.guard.check_time()
            if hasattr(item, "rows"):
                converted.append(self._table(item))
            else:
                converted.append(self._para(item))
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
                blocks.append(Paragraph([Sentence(para.inlines)]))
                continue
            level = self._heading_level(para)
            if level == 0:
                if not meta.title:
                    meta.title = para.text.strip()
                self.has_title = True
                blocks.append(Heading(1, [Sentence(para.inlines)]))
                continue
            if any(s.lower() in _SUBTITLE_STYLES for s in para.style_chain):
                meta.subtitle = para.text.strip()
                blocks.append(Paragraph([Sentence(para.inlines)]))
                continue
            if level is not None:
                blocks.append(Heading(min(6, level + (1 if self.has_title else 0)), [Sentence(para.inlines)]))
                continue
            if para.num is not None:
                self._add_list_item(blocks, para)
                continue
            if any(s.lower() in _QUOTE_STYLES for s in para.style_chain):
                self._add_quote(blocks, para)
                continue
            blocks.append(Paragraph([Sentence(para.inlines)]))
        meta.warnings.extend(self.warnings)
        return Document(meta=meta, blocks=blocks)

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
        if len(text.split()) < 1:
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
        current = blocks[-1] if blocks and isinstance(blocks[-1], ListBlock) else None
        if current is not None and ilvl == 0 and self.list_ids.get(id(current)) not in (None, num_id):
            current = None  # another top-level numbering: a new list
        if current is None:
            top_ordered = self.numbering.get((num_id, 0), ordered)
            blocks.append(ListBlock(ordered=top_ordered, items=[]))
            self.list_ids[id(blocks[-1])] = num_id
        target: ListBlock = blocks[-1]  # type: ignore[assignment]
        for _ in range(ilvl):
            if not target.items:
                target.items.append(ListItem([]))
            last = target.items[-1]
            if not last.blocks or not isinstance(last.blocks[-1], ListBlock):
                last.blocks.append(ListBlock(ordered=ordered, items=[]))
            target = last.blocks[-1]  # type: ignore[assignment]
        target.items.append(item)

    def _add_quote(self, blocks: list[Block], para: _Para) -> None:
        if _ATTRIBUTION.match(para.text) and blocks and isinstance(blocks[-1], BlockQuote):
            text = re.sub(r"^\s*[—–-]\s*", "", para.text)
            blocks[-1].attribution = [Sentence([Text(text.strip())])]
            return
        if blocks and isinstance(blocks[-1], BlockQuote) and not blocks[-1].attribution:
            blocks[-1].blocks.append(Paragraph([Sentence(para.inlines)]))
        else:
            blocks.append(BlockQuote([Paragraph([Sentence(para.inlines)])]))

    # ----------------------------------------------------------------------------------- paragraph
    def _para(self, paragraph: Any) -> _Para:
        style = paragraph.style
        chain: list[str] = []
        s = style
        while s is not None and len(chain) < 10:
            chain.append(s.name or "")
            s = s.base_style
        p_el = paragraph._p
        outline = p_el.xpath("./w:pPr/w:outlineLvl/@w:val")
        if not outline and style is not None:
            outline = style.element.xpath("./w:pPr/w:outlineLvl/@w:val")
        num = self._num(p_el, style)
        inlines, all_bold, size, images = self._inlines(paragraph)
        text = inline_text(inlines)
        return _Para(
            inlines=inlines,
            text=text,
            style=chain[0] if chain else "",
            style_chain=chain,
            outline_level=int(outline[0]) if outline else None,
            num=num,
            all_bold=all_bold,
            size=size,
            images=images,
        )

    def _num(self, p_el: Any, style: Any) -> tuple[str, int] | None:
        num_id = p_el.xpath("./w:pPr/w:numPr/w:numId/@w:val")
        ilvl = p_el.xpath("./w:pPr/w:numPr/w:ilvl/@w:val")
        s = style
        depth = 0
        while not num_id and s is not None and depth < 10:
            num_id = s.element.xpath("./w:pPr/w:numPr/w:numId/@w:val")
            if not ilvl:
                ilvl = s.element.xpath("./w:pPr/w:numPr/w:ilvl/@w:val")
            s = s.base_style
            depth += 1
        if not num_id or num_id[0] == "0":
            return None
        level = int(ilvl[0]) if ilvl else 0
        # "List Bullet 2" and friends carry their depth in the style name, not in ilvl
        m = _LIST_STYLE_LEVEL.match(style.name or "") if style is not None else None
        if m and level == 0:
            level = int(m.group(1)) - 1
        return num_id[0], level

    def _inlines(self, paragraph: Any) -> tuple[list[Inline], bool, float | None, list[Figure]]:
        inlines: list[Inline] = []
        images: list[Figure] = []
        bold_flags: list[bool] = []
        sizes: list[float] = []
        style_bold = _style_flag(paragraph.style, "bold")
        style_size = _style_size(paragraph.style)
        for item in paragraph.iter_inner_content():
            if hasattr(item, "runs") and hasattr(item, "address"):  # Hyperlink
                children: list[Inline] = []
                for run in item.runs:
                    children.extend(self._run(run, style_bold, bold_flags, sizes, style_size, images))
                if children:
                    inlines.append(Link(_merge(children), url=item.address or ""))
            else:
                inlines.extend(self._run(item, style_bold, bold_flags, sizes, style_size, images))
        inlines = _trim(_merge(inlines))
        all_bold = bool(bold_flags) and all(bold_flags)
        size = max(set(sizes), key=sizes.count) if sizes else style_size
        return inlines, all_bold, size, images

    def _run(self, run: Any, style_bold: bool, bold_flags: list[bool], sizes: list[float],
             style_size: float | None, images: list[Figure]) -> list[Inline]:
        out: list[Inline] = []
        r_el = run._r
        for fig in self._images(r_el):
            images.append(fig)
        text_parts: list[Inline] = []
        for child in r_el.iterchildren():
            tag = child.tag
            if tag == W + "t":
                text_parts.append(Text(child.text or ""))
            elif tag == W + "tab":
                text_parts.append(Text(" "))
            elif tag in (W + "br", W + "cr"):
                if child.get(W + "type") in (None, "textWrapping"):
                    text_parts.append(LineBreak())
            elif tag == W + "noBreakHyphen":
                text_parts.append(Text("-"))
            elif tag == W + "softHyphen":
                continue
        if not text_parts:
            return out
        text = inline_text(text_parts)
        bold = run.bold if run.bold is not None else (_style_flag(run.style, "bold") or style_bold)
        italic = run.italic if run.italic is not None else _style_flag(run.style, "italic")
        if text.strip():
            bold_flags.append(bool(bold))
            size = run.font.size.pt if run.font.size is not None else style_size
            if size:
                sizes.extend([size] * len(text))
        node: list[Inline] = text_parts
        if italic and text.strip():
            node = [Emph(node)]
        if bold and text.strip():
            node = [Strong(node)]
        return node

    def _images(self, r_el: Any) -> list[Figure]:
        figures: list[Figure] = []
        for drawing in r_el.xpath("./w:drawing"):
            descr = _xp(drawing, ".//wp:docPr/@descr")
            title = _xp(drawing, ".//wp:docPr/@title")
            blips = _xp(drawing, ".//a:blip/@r:embed")
            extent = _xp(drawing, ".//wp:extent")
            image = None
            if blips:
                image = self._image(blips[0])
            if image is None:
                continue
            if extent:
                # EMU → pixels at 96 dpi, for the writers' width/height hints
                image.width = int(int(extent[0].get("cx", "0")) / 9525)
                image.height = int(int(extent[0].get("cy", "0")) / 9525)
            alt = (descr[0] if descr else "") or (title[0] if title else "")
            figures.append(Figure(image=image, alt=alt.strip(), alt_status="source" if alt.strip() else "missing"))
        return figures

    def _image(self, rid: str) -> Image | None:
        try:
            part = self.document.part.related_parts[rid]
        except KeyError:
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

    # --------------------------------------------------------------------------------------- tables
    def _table(self, table: Any) -> Table:
        rows: list[Row] = []
        header_rows = 0
        counting_header = True
        for r_index, tr in enumerate(table._tbl.tr_lst):
            self.guard.check_time()
            cells: list[Cell] = []
            is_header = bool(tr.xpath("./w:trPr/w:tblHeader"))
            row_bold: list[bool] = []
            for tc in tr.tc_lst:
                vmerge = tc.xpath("./w:tcPr/w:vMerge")
                if vmerge and vmerge[0].get(W + "val") in (None, "continue"):
                    continue  # continuation of a vertically merged cell
                span = tc.xpath("./w:tcPr/w:gridSpan/@w:val")
                from docx.table import _Cell

                cell = _Cell(tc, table)
                blocks: list[Block] = []
                for p in cell.paragraphs:
                    para = self._para(p)
                    if para.text.strip():
                        blocks.append(Paragraph([Sentence(para.inlines)]))
                        row_bold.append(para.all_bold)
                cells.append(Cell(blocks=blocks, colspan=int(span[0]) if span else 1))
            if not is_header and r_index == 0 and row_bold and all(row_bold) and len(table._tbl.tr_lst) > 1:
                is_header = True
            if counting_header and is_header:
                header_rows += 1
            else:
                counting_header = False
            rows.append(Row(cells))
        return Table(rows=rows, header_rows=header_rows)


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
    while inlines and isinstance(inlines[0], Text) and not inlines[0].text.strip():
        inlines.pop(0)
    while inlines and isinstance(inlines[-1], (Text, LineBreak)) and not inline_text([inlines[-1]]).strip():
        inlines.pop()
    if inlines and isinstance(inlines[0], Text):
        inlines[0].text = inlines[0].text.lstrip()
    if inlines and isinstance(inlines[-1], Text):
        inlines[-1].text = inlines[-1].text.rstrip()
    return inlines
