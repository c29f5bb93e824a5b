"""Tagged PDFs (Word/LibreOffice/WeasyPrint exports): read the logical structure tree.

When the catalog says ``/MarkInfo << /Marked true >>`` and has a ``/StructTreeRoot``, the structure
elements name what each piece of text is: ``H1``…``H6``/``H``, ``P``, ``L``/``LI``/``Lbl``/``LBody``,
``Table``/``TR``/``TH``/``TD``, ``Figure`` (with ``/Alt``), ``Caption``, ``Quote``/``BlockQuote``, and
``/Lang`` on any element. Their content is referenced by marked-content ids (MCIDs) per page; the page
content streams map MCIDs to text (tracked in :mod:`pdf_runs`). Custom types go through ``/RoleMap``.

Pages are read one at a time; only the text per MCID is kept. When the tree references less than
:data:`MIN_COVERAGE` of the page text (broken or partial tagging), :func:`read_tagged` returns ``None``
and the caller falls back to geometry.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from lesbar.errors import InputError
from lesbar.language.hyphenation import join_lines
from lesbar.model import (
    Block,
    BlockQuote,
    Cell,
    Document,
    Figure,
    Heading,
    Image,
    Inline,
    LangSpan,
    ListBlock,
    ListItem,
    Meta,
    Paragraph,
    Row,
    Sentence,
    Table,
    Text,
)
from lesbar.readers.guard import Guard
from lesbar.readers.pdf_layout import fragments, lines_of
from lesbar.readers.pdf_runs import image_bytes, page_content

log = logging.getLogger(__name__)

#: Share of the page text the structure tree must reference for lesbar to trust it.
MIN_COVERAGE = 0.8
#: Structure elements nested deeper than this are flattened (hostile files).
MAX_DEPTH = 80

_HEADING = re.compile(r"^H([1-6])?$")
_CONTAINERS = {"Document", "Part", "Art", "Sect", "Div", "NonStruct", "Private", "DocumentFragment", "Aside",
               "TOC", "TOCI", "Index", "Form", "Reference", "BibEntry", "Annot", "Link", "Code", "Title",
               "FENote", "Note", "Sub", "Em", "Strong", "Span", "Quote"}
_BLOCK_TYPES = {"P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "Table", "Figure", "BlockQuote", "Caption",
                "Formula"}


def is_tagged(reader: Any) -> bool:
    """True when the PDF declares itself tagged and has a structure tree."""
    try:
        root = reader.trailer["/Root"]
        mark = root.get("/MarkInfo")
        marked = bool(mark.get_object().get("/Marked", False)) if mark is not None else False
        return marked and "/StructTreeRoot" in root
    except Exception:  # noqa: BLE001
        return False


class _Content:
    """Text and images per (page object number, MCID), collected page by page."""

    def __init__(self) -> None:
        self.lines: dict[tuple[int, int], list[str]] = {}
        self.langs: dict[tuple[int, int], str] = {}
        self.images: dict[tuple[int, int], Image] = {}
        self.total_chars = 0
        self.used_chars = 0
        self.used: set[tuple[int, int]] = set()

    def text_of(self, key: tuple[int, int]) -> list[str]:
        if key not in self.used:
            self.used.add(key)
            self.used_chars += sum(len(line) for line in self.lines.get(key, []))
        return self.lines.get(key, [])


def _collect(reader: Any, guard: Guard, meta: Meta) -> tuple[_Content, dict[int, int]]:
    content = _Content()
    page_numbers: dict[int, int] = {}
    font_cache: dict[int, Any] = {}
    for number in range(1, len(reader.pages) + 1):
        guard.check_time()
        page = reader.pages[number - 1]
        box = page.mediabox
        guard.check_page_size(float(box.width), float(box.height), number)
        try:
            data = page_content(page, number, font_cache)
        except Exception as exc:  # noqa: BLE001 - one broken page must not lose the others
            log.info("page %d unreadable (%s)", number, exc)
            meta.warnings.append(f"Seite {number} konnte nicht gelesen werden.")
            continue
        ref = data.page_ref
        if ref is None:
            continue
        idnum = ref.idnum
        page_numbers[idnum] = number
        by_mcid: dict[int, list] = defaultdict(list)  # type: ignore[type-arg]
        for run in data.runs:
            if run.artifact or not run.text.strip():
                continue
            content.total_chars += len(run.text.strip())
            if run.mcid is not None:
                by_mcid[run.mcid].append(run)
        for mcid, runs in by_mcid.items():
            key = (idnum, mcid)
            content.lines[key] = [line.text for line in lines_of(fragments(runs))]
            langs = [r.lang for r in runs if r.lang]
            if langs:
                content.langs[key] = langs[0]
        for image in data.images:
            if image.mcid is None or image.artifact or not image.name:
                continue
            if not guard.image_allowed(image.pixel_width, image.pixel_height):
                meta.warnings.append(f"Ein Bild auf Seite {number} ist zu groß und wurde ausgelassen.")
                continue
            found = image_bytes(page, image.name)
            if found is not None:
                content.images[(idnum, image.mcid)] = Image(found[0], found[1], image.pixel_width,
                                                            image.pixel_height)
    return content, page_numbers


class _Walker:
    def __init__(self, content: _Content, role_map: dict[str, str]) -> None:
        self.content = content
        self.role_map = role_map
        self.seen: set[int] = set()

    def kind(self, elem: Any) -> str:
        name = str(elem.get("/S", "")).lstrip("/")
        if name.lower() in _CAPTION_STYLES:  # LibreOffice exports paragraph styles as types, "caption" → P
            return "Caption"
        for _ in range(10):
            mapped = self.role_map.get(name)
            if mapped is None or mapped == name:
                break
            name = mapped
        return name

    # ---------------------------------------------------------------------------------- content
    def segments(self, elem: Any, page: int | None, lang: str | None, depth: int = 0) -> list[tuple[str, str | None]]:
        """(line text, language) pieces of ``elem`` in logical order."""
        out: list[tuple[str, str | None]] = []
        if depth > MAX_DEPTH:
            return out
        page = _page_of(elem, page)
        own_lang = _lang(elem) or lang
        actual = elem.get("/ActualText") if hasattr(elem, "get") else None
        if actual is not None and depth > 0:
            return [(str(actual), own_lang)]
        for kid in _kids(elem):
            if isinstance(kid, int):
                if page is not None:
                    key = (page, kid)
                    mc_lang = self.content.langs.get(key) or own_lang
                    out.extend((line, mc_lang) for line in self.content.text_of(key))
                continue
            if not hasattr(kid, "get"):
                continue
            ktype = str(kid.get("/Type", ""))
            if ktype == "/MCR":
                kpage = _page_of(kid, page)
                try:
                    mcid = int(kid["/MCID"])
                except (KeyError, TypeError, ValueError):
                    continue
                if kpage is not None:
                    key = (kpage, mcid)
                    out.extend((line, self.content.langs.get(key) or own_lang)
                               for line in self.content.text_of(key))
            elif ktype == "/OBJR":
                continue
            elif "/S" in kid:
                if self.kind(kid) == "Artifact":
                    continue
                out.extend(self.segments(kid, page, own_lang, depth + 1))
        return out

    def images(self, elem: Any, page: int | None, depth: int = 0) -> list[Image]:
        found: list[Image] = []
        if depth > MAX_DEPTH:
            return found
        page = _page_of(elem, page)
        for kid in _kids(elem):
            key = None
            if isinstance(kid, int) and page is not None:
                key = (page, kid)
            elif hasattr(kid, "get") and str(kid.get("/Type", "")) == "/MCR":
                kpage = _page_of(kid, page)
                if kpage is not None and "/MCID" in kid:
                    key = (kpage, int(kid["/MCID"]))
            elif hasattr(kid, "get") and "/S" in kid:
                found.extend(self.images(kid, page, depth + 1))
            if key is not None:
                self.content.text_of(key)
                if key in self.content.images:
                    found.append(self.content.images[key])
        return found

    def sentences(self, elem: Any, page: int | None, lang: str | None) -> list[Sentence]:
        segs = self.segments(elem, page, lang)
        if not segs:
            return []
        block_lang = lang
        inlines: list[Inline] = []
        group: list[str] = []
        group_lang: str | None = segs[0][1]
        parts: list[tuple[str, str | None]] = []
        for text, seg_lang in segs:
            if seg_lang != group_lang and group:
                parts.append((join_lines(group), group_lang))
                group = []
            group_lang = seg_lang
            group.append(text)
        if group:
            parts.append((join_lines(group), group_lang))
        for text, part_lang in parts:
            if not text:
                continue
            if inlines and text[:1] not in ".,;:!?)":
                inlines.append(Text(" "))
            if part_lang and block_lang and _base(part_lang) != _base(block_lang):
                inlines.append(LangSpan([Text(text)], part_lang))
            else:
                inlines.append(Text(text))
        return [Sentence(inlines)] if inlines else []

    # ----------------------------------------------------------------------------------- blocks
    def blocks(self, elem: Any, page: int | None, lang: str | None, depth: int = 0) -> list[Block]:
        out: list[Block] = []
        if depth > MAX_DEPTH:
            return out
        page = _page_of(elem, page)
        lang = _lang(elem) or lang
        pending_inline: list[Any] = []

        def flush_inline() -> None:
            if pending_inline:
                fake = _Group(pending_inline)
                sentences = self.sentences(fake, page, lang)
                if sentences:
                    out.append(Paragraph(sentences))
                pending_inline.clear()

        for kid in _kids(elem):
            if isinstance(kid, int) or (hasattr(kid, "get") and str(kid.get("/Type", "")) == "/MCR"):
                pending_inline.append(kid)
                continue
            if not hasattr(kid, "get") or "/S" not in kid:
                continue
            if id(kid) in self.seen:
                continue
            self.seen.add(id(kid))
            kind = self.kind(kid)
            if kind == "Artifact":
                continue
            if kind in ("Span", "Em", "Strong", "Link", "Sub", "Code", "Quote", "Note", "Reference") and (
                    pending_inline or not self._has_block_kids(kid)):
                pending_inline.append(kid)
                continue
            flush_inline()
            found = self.block(kid, kind, page, lang, depth + 1, out)
            if found and out and kind not in _BLOCK_TYPES and _continues(out[-1], found[0]):
                # a paragraph split by a column or page break into two containers (WeasyPrint tags each
                # column box as its own Art): one paragraph again
                out[-1] = _joined(out[-1], found[0])  # type: ignore[arg-type]
                found = found[1:]
            out.extend(found)
        flush_inline()
        return out

    def _has_block_kids(self, elem: Any) -> bool:
        return any(hasattr(k, "get") and "/S" in k and self.kind(k) in _BLOCK_TYPES for k in _kids(elem))

    def block(self, elem: Any, kind: str, page: int | None, lang: str | None, depth: int,
              previous: list[Block]) -> list[Block]:
        own_lang = _lang(elem)
        block_lang = own_lang or lang
        heading = _HEADING.match(kind)
        if heading:
            sentences = self.sentences(elem, page, block_lang)
            if not sentences:
                return []
            level = int(heading.group(1)) if heading.group(1) else 1
            return [Heading(level, sentences, lang=own_lang)]
        if kind in ("P", "Formula", "TOCI", "BibEntry", "Title", "Lbl", "LBody"):
            sentences = self.sentences(elem, page, block_lang)
            return [Paragraph(sentences, lang=own_lang)] if sentences else []
        if kind == "L":
            return [self.list_block(elem, page, block_lang, depth, own_lang)]
        if kind == "Table":
            return [self.table(elem, page, block_lang, depth, own_lang)]
        if kind == "Figure":
            alt = elem.get("/Alt")
            images = self.images(elem, page)
            figure = Figure(image=images[0] if images else None, lang=own_lang)
            if alt is not None and str(alt).strip():
                figure.alt = str(alt).strip()
                figure.alt_status = "source"
            if figure.image is None and not figure.alt:
                return []
            return [figure]
        if kind == "Caption":
            sentences = self.sentences(elem, page, block_lang)
            if previous and isinstance(previous[-1], (Figure, Table)) and not previous[-1].caption:
                previous[-1].caption = sentences
                return []
            # the photo it belongs to was not tagged with content (LibreOffice: an empty Figure): a figure
            # of its caption alone, as the geometry reader makes of a caption without image, never body text
            return [Figure(image=None, caption=sentences, lang=own_lang)] if sentences else []
        if kind == "BlockQuote":
            inner = self.blocks(elem, page, block_lang, depth)
            return [BlockQuote(inner, lang=own_lang)] if inner else []
        inner = self.blocks(elem, page, block_lang, depth)
        if own_lang:
            for block in inner:
                if block.lang is None:
                    block.lang = own_lang
        return inner

    def list_block(self, elem: Any, page: int | None, lang: str | None, depth: int, own_lang: str | None) -> ListBlock:
        items: list[ListItem] = []
        ordered = False
        attrs = elem.get("/A")
        try:
            attrs = attrs.get_object() if attrs is not None else None
            numbering = str(attrs.get("/ListNumbering", "")) if hasattr(attrs, "get") else ""
            ordered = numbering in ("/Decimal", "/UpperRoman", "/LowerRoman", "/UpperAlpha", "/LowerAlpha")
        except Exception:  # noqa: BLE001
            pass
        page = _page_of(elem, page)
        for kid in _kids(elem):
            if not hasattr(kid, "get") or "/S" not in kid:
                continue
            kind = self.kind(kid)
            if kind == "LI":
                blocks: list[Block] = []
                label = ""
                for part in _kids(kid):
                    if not hasattr(part, "get") or "/S" not in part:
                        continue
                    part_kind = self.kind(part)
                    if part_kind == "Lbl":
                        label = " ".join(t for t, _ in self.segments(part, _page_of(kid, page), lang)).strip()
                    elif part_kind == "LBody":
                        inner = self.blocks(part, _page_of(kid, page), lang, depth + 1)
                        if not inner:
                            sentences = self.sentences(part, _page_of(kid, page), lang)
                            inner = [Paragraph(sentences)] if sentences else []
                        blocks.extend(inner)
                    else:
                        blocks.extend(self.block(part, part_kind, _page_of(kid, page), lang, depth + 1, blocks))
                if not blocks:
                    sentences = self.sentences(kid, page, lang)
                    if sentences:
                        blocks = [Paragraph(sentences)]
                if label and re.match(r"^\(?\d+|[a-zA-Z][.)]", label):
                    ordered = True
                if blocks:
                    _strip_bullet(blocks[0])
                    items.append(ListItem(blocks))
            elif kind == "L":
                nested = self.list_block(kid, page, lang, depth + 1, None)
                if items:
                    items[-1].blocks.append(nested)
                else:
                    items.append(ListItem([nested]))
        return ListBlock(ordered=ordered, items=items, lang=own_lang)

    def table(self, elem: Any, page: int | None, lang: str | None, depth: int, own_lang: str | None) -> Table:
        rows: list[Row] = []
        header_rows = 0
        counting_header = True
        caption: list[Sentence] = []
        page = _page_of(elem, page)

        def add_rows(container: Any, in_thead: bool) -> None:
            nonlocal header_rows, counting_header
            for kid in _kids(container):
                if not hasattr(kid, "get") or "/S" not in kid:
                    continue
                kind = self.kind(kid)
                if kind in ("THead", "TBody", "TFoot"):
                    add_rows(kid, kind == "THead")
                elif kind == "TR":
                    cells: list[Cell] = []
                    all_th = True
                    for cell in _kids(kid):
                        if not hasattr(cell, "get") or "/S" not in cell:
                            continue
                        ckind = self.kind(cell)
                        if ckind not in ("TH", "TD"):
                            continue
                        all_th = all_th and ckind == "TH"
                        inner = self.blocks(cell, _page_of(kid, page), lang, depth + 1)
                        if not inner:
                            sentences = self.sentences(cell, _page_of(kid, page), lang)
                            inner = [Paragraph(sentences)] if sentences else []
                        attrs = cell.get("/A")
                        colspan = rowspan = 1
                        try:
                            attrs = attrs.get_object() if attrs is not None else None
                            if hasattr(attrs, "get"):
                                colspan = int(attrs.get("/ColSpan", 1))
                                rowspan = int(attrs.get("/RowSpan", 1))
                        except Exception:  # noqa: BLE001
                            pass
                        cells.append(Cell(inner, colspan=colspan, rowspan=rowspan))
                    if cells:
                        if counting_header and (all_th or in_thead):
                            header_rows += 1
                        else:
                            counting_header = False
                        rows.append(Row(cells))
                elif kind == "Caption":
                    caption.extend(self.sentences(kid, page, lang))

        add_rows(elem, False)
        return Table(rows=rows, header_rows=header_rows, caption=caption, lang=own_lang)


class _Group:
    """A pseudo structure element holding loose kids (MCIDs and inline elements) of a container."""

    def __init__(self, kids: list[Any]) -> None:
        self.kids = list(kids)

    def get(self, key: str, default: Any = None) -> Any:
        return default


#: Paragraph style names (exported as structure types by LibreOffice) that are captions whatever /RoleMap says.
_CAPTION_STYLES = {"caption", "beschriftung", "bildunterschrift", "abbildung", "figure caption", "bildbeschriftung"}
#: A bullet glyph drawn inside the list item's body (LibreOffice: no Lbl, "\uf0b7 " starts the text).
_LEADING_BULLET = re.compile(r"^\s*(?:[•·▪■●◦‣∙○□➢►▶✓✔\u2013\u2014*-]|[\ue000-\uf8ff])\s+(?=\S)")


def _strip_bullet(block: Block) -> None:
    if not isinstance(block, Paragraph) or not block.content or not block.content[0].inlines:
        return
    first = block.content[0].inlines[0]
    if isinstance(first, Text):
        match = _LEADING_BULLET.match(first.text)
        if match:
            first.text = first.text[match.end():]


_HYPHEN_END = re.compile(r"[^\W\d_][-\u2010\u2011\u00ad]$")
_SENTENCE_END = (".", "!", "?", ":", "“", "”", "\"", "«", "»", "…", ")")


def _plain(block: Block) -> str | None:
    """The text of a paragraph without inline structure (marks, language spans), else None."""
    if not isinstance(block, Paragraph) or not block.content:
        return None
    texts: list[str] = []
    for sentence in block.content:
        if not all(isinstance(inline, Text) for inline in sentence.inlines):
            return None
        texts.append("".join(inline.text for inline in sentence.inlines))  # type: ignore[union-attr]
    return " ".join(texts)


def _continues(before: Block, after: Block) -> bool:
    """Does paragraph ``after`` (first in the next container) continue paragraph ``before`` mid-sentence?

    Yes when ``before`` ends in a line-end hyphen, or ends without closing punctuation after at least a
    line's worth of text while ``after`` starts in lower case or ``before`` ends mid-sentence.
    """
    left, right = _plain(before), _plain(after)
    if not left or not right or before.lang != after.lang:
        return False
    left = left.rstrip()
    if _HYPHEN_END.search(left):
        return True
    if left.endswith(_SENTENCE_END):
        return False
    return right[:1].islower() or len(left) >= 80


def _joined(before: Paragraph, after: Paragraph) -> Paragraph:
    from lesbar.language.hyphenation import join_two

    text = join_two(_plain(before) or "", _plain(after) or "").replace("\u00ad", "")
    return Paragraph([Sentence([Text(text)])], lang=before.lang)


def _kids(elem: Any) -> list[Any]:
    if isinstance(elem, _Group):
        return [_resolve(k) for k in elem.kids]
    try:
        kids = elem.get("/K")
    except Exception:  # noqa: BLE001
        return []
    if kids is None:
        return []
    kids = _resolve(kids)
    if isinstance(kids, list):
        return [_resolve(k) for k in kids]
    return [kids]


def _resolve(obj: Any) -> Any:
    try:
        obj = obj.get_object()
    except AttributeError:
        pass
    if isinstance(obj, bool):
        return obj
    if isinstance(obj, int) or type(obj).__name__ == "NumberObject":
        return int(obj)
    return obj


def _page_of(elem: Any, page: int | None) -> int | None:
    try:
        ref = elem.get("/Pg") if hasattr(elem, "get") and not isinstance(elem, _Group) else None
    except Exception:  # noqa: BLE001
        ref = None
    if ref is not None and hasattr(ref, "idnum"):
        return int(ref.idnum)
    return page


def _lang(elem: Any) -> str | None:
    if isinstance(elem, _Group) or not hasattr(elem, "get"):
        return None
    try:
        value = elem.get("/Lang")
    except Exception:  # noqa: BLE001
        return None
    text = str(value).strip() if value is not None else ""
    return text or None


def _base(lang: str) -> str:
    return lang.split("-")[0].lower()


def read_tagged(reader: Any, path: Path, guard: Guard, meta: Meta) -> Document | None:
    """The document from the structure tree, or ``None`` when the PDF is untagged or poorly tagged."""
    if not is_tagged(reader):
        return None
    try:
        root = reader.trailer["/Root"]
        tree = root["/StructTreeRoot"].get_object()
        role_map: dict[str, str] = {}
        raw_map = tree.get("/RoleMap")
        if raw_map is not None:
            for key, value in raw_map.get_object().items():
                role_map[str(key).lstrip("/")] = str(value).lstrip("/")
        doc_lang = str(root.get("/Lang", "") or "").strip() or None
        content, _numbers = _collect(reader, guard, meta)
        if content.total_chars == 0:
            return None  # no text layer: a scan, handled by geometry + OCR
        walker = _Walker(content, role_map)
        blocks = walker.blocks(tree, None, doc_lang)
    except InputError:
        raise
    except (RecursionError, KeyError, TypeError, ValueError, AttributeError) as exc:
        log.info("%s: structure tree unusable (%s); reading the page layout instead", path.name, exc)
        return None
    coverage = content.used_chars / max(content.total_chars, 1)
    if coverage < MIN_COVERAGE or not blocks:
        log.info("%s: structure tree covers %.0f %% of the text; reading the page layout instead",
                 path.name, coverage * 100)
        return None
    if doc_lang:
        meta.lang = doc_lang.split("-")[0].lower()
    if not meta.title:
        first = next((b for b in blocks if isinstance(b, Heading)), None)
        if first is not None:
            meta.title = " ".join(s.text for s in first.content)
    return Document(meta=meta, blocks=blocks)
