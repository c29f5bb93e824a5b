"""From per-page layouts to the document model: paragraphs across columns and pages, headings, lists.

Pages are analysed one at a time (:mod:`lesbar.readers.pdf_layout`); only their small text results are
kept. This module then

* drops running headers/footers (lines in the top/bottom band repeated on several pages, digits
  normalised) and page numbers;
* joins lines into paragraphs, also across columns and pages, breaking only at real paragraph ends
  (extra space, first-line indent, a short line ending a sentence) — a hole left by a photo is not a
  paragraph end;
* removes line-end hyphenation where it is hyphenation (:func:`lesbar.language.hyphenation.join_lines`);
* ranks heading sizes into levels (the headline is level 1), turns bulleted/numbered lines into lists;
* puts byline and dateline into the metadata, figures and pull quotes between paragraphs (never inside).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from lesbar.language.hyphenation import join_lines
from lesbar.model import (
    Block,
    Cell,
    Emph,
    Figure,
    Heading,
    Image,
    Inline,
    ListBlock,
    ListItem,
    Meta,
    Paragraph,
    PullQuote,
    Row,
    Sentence,
    Strong,
    Table,
    Text,
    inline_text,
    text_sentences,
)
from lesbar.readers.pdf_layout import (
    ATTRIBUTION_DASH,
    NORMAL_LINE_GAP_EM,
    PAGE_NUMBER,
    SENTENCE_END,
    FlowLine,
    Line,
    PageLayout,
    Special,
    TextBlock,
)

BULLET = re.compile(r"^([•·▪■●◦‣∙○□➢►▶✓✔\u2013\u2014*-]|[\ue000-\uf8ff])\s+(?=\S)")
NUMBERED = re.compile(r"^(\d{1,2}|[a-z])[.)]\s+(?=\S)")
_DIGITS = re.compile(r"\d+")


def _norm(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.lower().split()))


@dataclass
class _Pending:
    """A block under construction."""

    kind: str  # paragraph, heading, item
    lines: list[Line] = field(default_factory=list)
    heading_key: tuple[float, bool] | None = None
    ordered: bool = False


@dataclass
class Assembler:
    """Builds blocks from page layouts; feed pages in order with :meth:`add_page`, then :meth:`finish`."""

    meta: Meta
    blocks: list[Block] = field(default_factory=list)
    headings: list[tuple[Heading, tuple[float, bool], bool]] = field(default_factory=list)
    pages: list[PageLayout] = field(default_factory=list)
    images: dict[int, Image] = field(default_factory=dict)
    ocr_keys: set[tuple[float, bool]] = field(default_factory=set)  # heading sizes measured by OCR (blurred)

    def add_page(self, page: PageLayout) -> None:
        self.pages.append(page)

    # ------------------------------------------------------------------------------------ finish
    def finish(self) -> list[Block]:
        repeated = self._repeated_band_lines()
        body = self._body_size()
        current: _Pending | None = None
        prev: tuple[int, FlowLine] | None = None
        pending_specials: list[Special] = []
        first_body = True
        spaced_pages: dict[int, bool] = {}

        def close() -> None:
            nonlocal current
            if current is not None:
                self._emit(current)
                current = None
            for special in pending_specials:
                self._emit_special(special)
            pending_specials.clear()

        for page in self.pages:
            front = page.front
            if front:
                close()
                for block in front:
                    self._emit_front(block)
            for special in page.unplaced:
                pending_specials.append(special)
            spaced_pages[page.number] = _spaced_paragraphs(page, body)
            tables = find_tables(page.flow)
            skip_until = -1
            has_body = any(not f.in_band for f in page.flow)
            for index, flow_line in enumerate(page.flow):
                if index < skip_until:
                    continue
                if index in tables:
                    table, skip_until = tables[index]
                    close()
                    self._flush_list()
                    self.blocks.append(table)
                    for row_line in page.flow[index:skip_until]:
                        pending_specials.extend(row_line.specials_before + row_line.specials_after)
                    prev = None
                    continue
                line = flow_line.line
                if flow_line.in_band and has_body and (_norm(line.text) in repeated or PAGE_NUMBER.match(line.text)):
                    pending_specials.extend(flow_line.specials_before + flow_line.specials_after)
                    continue
                role = flow_line.role
                starts_new = True
                if role in ("heading", "subheading"):
                    key = (round(line.size * 2) / 2, line.bold or role == "subheading")
                    if (current is not None and current.kind == "heading" and current.heading_key == key
                            and prev is not None and prev[0] == page.number
                            and line.top - prev[1].line.bottom < 0.6 * line.size):
                        starts_new = False
                    else:
                        close()
                        current = _Pending("heading", heading_key=key)
                else:
                    bullet = BULLET.match(line.text) or NUMBERED.match(line.text)
                    if current is not None and current.kind in ("paragraph", "item") and prev is not None:
                        starts_new = self._breaks(prev, (page.number, flow_line), body, page.line_gap,
                                                  spaced_pages.get(page.number, False))
                    # "•" always starts an item; a dash or "1." only where a paragraph could start
                    unambiguous = bool(bullet) and line.text[:1] not in "-–—*" and not NUMBERED.match(line.text)
                    if bullet and (unambiguous or starts_new or current is None or current.kind != "paragraph"
                                   or (prev is not None and prev[1].line.text.endswith(":"))):
                        self._close_for_item(current, pending_specials)
                        current = _Pending("item", ordered=bool(NUMBERED.match(line.text)))
                        starts_new = True
                    elif current is not None and current.kind == "item" and not starts_new:
                        pass  # a continuation line of the list item
                    elif starts_new or current is None or current.kind == "heading":
                        close()
                        current = _Pending("paragraph")
                        starts_new = True
                if starts_new:
                    # specials anchored before this line go before the new block … unless it continues one
                    for special in flow_line.specials_before:
                        self._emit_special(special)
                else:
                    pending_specials.extend(flow_line.specials_before)
                if first_body and current is not None and current.kind == "paragraph" and not current.lines:
                    line = self._take_dateline(line)
                    first_body = False
                assert current is not None
                current.lines.append(line)
                pending_specials.extend(flow_line.specials_after)
                prev = (page.number, flow_line)
        close()
        self._flush_list()
        self._rank_headings()
        return self.blocks

    # --------------------------------------------------------------------------------- decisions
    def _repeated_band_lines(self) -> set[str]:
        if len(self.pages) < 2:
            return set()
        counts: Counter[str] = Counter()
        for page in self.pages:
            if not any(not f.in_band for f in page.flow):
                continue  # a page whose only text is near its edges gives no evidence of running heads
            seen = {_norm(f.line.text) for f in page.flow if f.in_band} | {_norm(t) for t in page.margins}
            counts.update(seen)
        return {text for text, n in counts.items() if n >= 2 and len(text) < 120}

    def _body_size(self) -> float:
        counter: Counter[float] = Counter()
        for page in self.pages:
            counter[page.body_size] += sum(len(f.line.text) for f in page.flow) or 1
        return counter.most_common(1)[0][0] if counter else 10.0

    def _breaks(self, prev: tuple[int, FlowLine], cur: tuple[int, FlowLine], body: float,
                line_gap: float = NORMAL_LINE_GAP_EM, spaced: bool = False) -> bool:
        """Does ``cur`` start a new paragraph after ``prev``?

        Space between lines counts from the page's usual line gap (``line_gap``, em): text set with loose
        leading is not a paragraph per line.
        """
        extra = max(0.0, line_gap - NORMAL_LINE_GAP_EM)
        p_page, p = prev
        c_page, c = cur
        pl, cl = p.line, c.line
        size = max(cl.size, body * 0.8)
        if abs(pl.size - cl.size) > 0.12 * max(pl.size, cl.size):
            return True
        ends_sentence = pl.text.rstrip().endswith(SENTENCE_END)
        col_w = max(p.col_x1 - p.col_x0, 1.0)
        short = pl.x1 < p.col_x1 - max(2.0 * size, 0.15 * col_w)
        indented = cl.x0 > c.col_x0 + 0.6 * size and c.col_x1 - c.col_x0 > 4 * size
        same_column = (
            p_page == c_page
            and min(p.col_x1, c.col_x1) - max(p.col_x0, c.col_x0) > 0.5 * min(col_w, c.col_x1 - c.col_x0)
            and cl.top >= pl.bottom - 0.5 * size
        )
        if same_column:
            gap = cl.top - pl.bottom
            if gap > (1.5 + extra) * size:  # a hole (photo, quote) inside the column: the text flows around it
                return (ends_sentence and (short or indented)) or pl.bold != cl.bold
            if gap > (0.42 + extra) * size:
                return True
            if indented and cl.x0 > pl.x0 + 0.6 * size:
                return True
            # where paragraphs are set apart by space, a short line ending a sentence without that space is
            # ragged text before a long word ("… im Mai." / "Anregungen nimmt …"), not a paragraph end
            return ends_sentence and short and not spaced
        # a jump to the next column or page
        if indented or pl.bold != cl.bold:  # a bold lead (or bold paragraph) does not run on in regular type
            return True
        return ends_sentence and short

    def _take_dateline(self, line: Line) -> Line:
        """Leading bold capitals of the first body line ("KREIS HEINSBERG Schon …") are the dateline."""
        if self.meta.dateline:
            return line
        words: list[str] = []
        for text, bold, _italic in line.pieces:
            if not bold:
                break
            words.extend(text.split())
        caps = []
        for word in words:
            letters = [ch for ch in word if ch.isalpha()]
            if letters and all(ch.isupper() for ch in letters):
                caps.append(word)
            else:
                break
        if not caps:
            tokens = line.text.split()
            caps = []
            for token in tokens:
                letters = [ch for ch in token if ch.isalpha()]
                if len(letters) >= 3 and all(ch.isupper() for ch in letters):
                    caps.append(token)
                else:
                    break
            # one capitalised word is enough right after a byline ("VON … / HÜCKELHOVEN In der …")
            enough = 1 if self.meta.byline and caps and len(caps[0]) >= 5 else 2
            if len(caps) < enough or len(caps) >= len(tokens):
                return line
        prefix = " ".join(caps)
        if not line.text.startswith(prefix) or len(prefix) > 60:
            return line
        rest = line.text[len(prefix):].lstrip(" –—-/:")
        if not rest:
            return line
        self.meta.dateline = prefix.rstrip(" –—-/:.")
        return Line(text=rest, x0=line.x0, x1=line.x1, top=line.top, bottom=line.bottom, size=line.size,
                    bold=False, italic=line.italic, pieces=[(rest, False, line.italic)], lang=line.lang)

    # ------------------------------------------------------------------------------------ output
    def _emit_front(self, block: TextBlock) -> None:
        text = join_lines([line.text for line in block.lines])
        if block.role == "byline":
            if not self.meta.byline:
                self.meta.byline = text
                name = re.sub(r"^(von|text:)\s+", "", text, flags=re.IGNORECASE).strip()
                if name and not self.meta.authors:
                    self.meta.authors = [name.title() if name.isupper() else name]
                return
            self._flush_list()
            self.blocks.append(Paragraph(text_sentences(text)))
        elif block.role == "headline":
            self._flush_list()
            heading = Heading(1, text_sentences(text))
            self.blocks.append(heading)
            self.headings.append((heading, (round(block.size * 2) / 2, True), True))
            if not self.meta.title:
                self.meta.title = text
        else:  # lead
            self._flush_list()
            self.blocks.append(Paragraph(text_sentences(text), lang=_lang_of(block.lines)))

    _list: ListBlock | None = None

    def _close_for_item(self, current: _Pending | None, pending: list[Special]) -> None:
        if current is not None:
            self._emit(current)
        for special in pending:
            self._emit_special(special)
        pending.clear()

    def _flush_list(self) -> None:
        if self._list is not None:
            self.blocks.append(self._list)
            self._list = None

    def _emit(self, pending: _Pending) -> None:
        if not pending.lines:
            return
        text = join_lines([line.text for line in pending.lines])
        if not text:
            return
        if pending.kind == "heading":
            self._flush_list()
            heading = Heading(2, text_sentences(text), lang=_lang_of(pending.lines))
            self.blocks.append(heading)
            assert pending.heading_key is not None
            self.headings.append((heading, pending.heading_key, False))
            if all(run.font == "OCR" for line in pending.lines for frag in line.frags for run in frag.runs):
                self.ocr_keys.add(pending.heading_key)
        elif pending.kind == "item":
            match = BULLET.match(text) or NUMBERED.match(text)
            start = 1
            if match:
                if pending.ordered and match.group(1).isdigit():
                    start = int(match.group(1))
                text = text[match.end():]
            if self._list is None or self._list.ordered != pending.ordered:
                self._flush_list()
                self._list = ListBlock(ordered=pending.ordered, start=start)
            self._list.items.append(ListItem([Paragraph(text_sentences(text))]))
        else:
            self._flush_list()
            self.blocks.append(Paragraph([Sentence(marked_inlines(pending.lines, text))],
                                         lang=_lang_of(pending.lines)))  # long paragraphs in another language: readers.finish

    def _emit_special(self, special: Special) -> None:
        self._flush_list()
        if special.kind == "quote":
            quote = join_lines([line.text for line in special.quote])
            attribution = join_lines([line.text for line in special.attribution])
            attribution = ATTRIBUTION_DASH.sub(lambda m: m.group(0)[-1], attribution, count=1).strip()
            self.blocks.append(PullQuote(text_sentences(quote), text_sentences(attribution)))
        else:
            caption = join_lines([line.text for line in special.caption])
            image = self.images.get(id(special))
            if image is None and special.image is not None and special.image.data is not None:
                data, mime = special.image.data
                image = Image(data=data, mime=mime, width=special.image.pixel_width,
                              height=special.image.pixel_height)
            if image is None and not caption:
                return
            self.blocks.append(Figure(image=image, caption=text_sentences(caption)))

    def _rank_headings(self) -> None:
        if not self.headings:
            return
        has_headline = any(is_headline for _h, _k, is_headline in self.headings)
        keys = sorted({key for _h, key, is_headline in self.headings if not is_headline},
                      key=lambda k: (-k[0], not k[1]))
        first = 2 if has_headline else 1
        # OCR blurs sizes: there sizes within 10 % of each other (same weight) are one level; born-digital
        # sizes are exact (Word's Heading 1 at 14 pt and Heading 2 at 13 pt are two levels)
        level_of: dict[tuple[float, bool], int] = {}
        level = first - 1
        anchor: tuple[float, bool] | None = None
        for key in keys:
            blurred = key in self.ocr_keys and anchor in self.ocr_keys
            if anchor is None or key[1] != anchor[1] or key[0] < (0.9 if blurred else 0.97) * anchor[0]:
                level += 1
                anchor = key
            level_of[key] = min(level, 6)
        for heading, key, is_headline in self.headings:
            heading.level = 1 if is_headline else level_of[key]


def _spaced_paragraphs(page: PageLayout, body: float) -> bool:
    """Does the page set its paragraphs apart by space (rather than by first-line indents)?

    Counted between consecutive body lines of one column: extra space before a line that is not indented
    against one indented line without extra space. Space before headings does not count.
    """
    extra = max(0.0, page.line_gap - NORMAL_LINE_GAP_EM)
    spaced = indented = 0
    for before, after in zip(page.flow, page.flow[1:], strict=False):
        if before.role != "body" or after.role != "body" or after.line.top < before.line.bottom - 1.0:
            continue
        if min(before.col_x1, after.col_x1) - max(before.col_x0, after.col_x0) <= 0:
            continue
        size = max(after.line.size, body * 0.8)
        gap = after.line.top - before.line.bottom
        if (0.42 + extra) * size < gap <= (1.5 + extra) * size and after.line.x0 <= before.line.x0 + 0.3 * size:
            spaced += 1
        elif gap <= (0.42 + extra) * size and after.line.x0 > before.line.x0 + 0.6 * size:
            indented += 1
    return spaced >= 2 and spaced > indented


def marked_inlines(lines: list[Line], text: str) -> list[Inline]:
    """``text`` (the joined lines) with bold and italic stretches of a mostly regular paragraph as marks.

    The visible characters of ``text`` are aligned with those of the lines' styled pieces (line-end
    hyphens that joining removed are skipped); a space takes a style only when both neighbours have it.
    When the alignment fails, or most of the paragraph is styled (then the style is the block's, not an
    emphasis), plain text is returned.
    """
    if not any(bold or italic for line in lines for _piece, bold, italic in line.pieces):
        return [Text(text)]
    source: list[tuple[str, int]] = []
    for line in lines:
        for piece, bold, italic in line.pieces:
            style = (1 if bold else 0) | (2 if italic else 0)
            source.extend((ch, style) for ch in piece if not ch.isspace())
    styled_chars = sum(1 for _c, style in source if style)
    if not styled_chars or styled_chars > 0.6 * len(source):
        return [Text(text)]
    styles: list[int] = []
    k = 0
    for ch in text:
        if ch.isspace():
            styles.append(-1)
            continue
        while k < len(source) and source[k][0] != ch and source[k][0] in "-\u00ad\u2010\u2011":
            k += 1  # a hyphen that joining removed
        if k >= len(source) or source[k][0] != ch:
            return [Text(text)]
        styles.append(source[k][1])
        k += 1
    for i, style in enumerate(styles):  # spaces: styled only inside a styled stretch
        if style == -1:
            left = next((styles[j] for j in range(i - 1, -1, -1) if styles[j] != -1), 0)
            right = next((styles[j] for j in range(i + 1, len(styles)) if styles[j] != -1), 0)
            styles[i] = left if left == right else 0
    out: list[Inline] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or styles[i] != styles[start]:
            chunk = text[start:i]
            style = styles[start]
            if style == 0:
                out.append(Text(chunk))
            else:
                node: Inline = Text(chunk)
                if style & 2:
                    node = Emph([node])
                if style & 1:
                    node = Strong([node])
                out.append(node)
            start = i
    return out if inline_text(out) == text else [Text(text)]


def find_tables(flow: list[FlowLine]) -> dict[int, tuple[Table, int]]:
    """Simple tables in the flow: ≥ 2 consecutive rows of ≥ 2 cells side by side with aligned columns.

    The text-flow XY-cut reads a table row by row (rows are separated by horizontal gaps, cells by
    vertical ones), so a row shows up as consecutive flow lines on one baseline — something running
    text in columns never produces. A row set close above running text stays in one leaf with it and
    arrives as one line; once a table has started, such a line whose pieces (fragments at least 1 em
    apart) sit on the table's columns is its next row. Returns ``{first flow index: (table, index after
    the table)}``.
    """
    rows: list[tuple[int, int]] = []  # (start, end) index ranges of same-baseline groups
    i = 0
    while i < len(flow):
        j = i + 1
        while j < len(flow) and abs(flow[j].line.top - flow[i].line.top) < 0.3 * flow[i].line.size \
                and flow[j].line.x0 > flow[j - 1].line.x0:
            j += 1
        rows.append((i, j))
        i = j
    found: dict[int, tuple[Table, int]] = {}
    k = 0
    while k < len(rows):
        start, end = rows[k]
        if end - start < 2:
            k += 1
            continue
        columns = [flow[n].line.x0 for n in range(start, end)]
        cells_of: dict[int, list[str]] = {}
        m = k + 1
        while m < len(rows):
            s2, e2 = rows[m]
            if e2 - s2 == 1 and m - k >= 2:
                pieces = _row_pieces(flow[s2].line, columns)
                if pieces is None:
                    break
                cells_of[m] = pieces
                m += 1
                continue
            if e2 - s2 < 2 or not all(any(abs(flow[n].line.x0 - c) < 0.8 * flow[n].line.size
                                          or abs(flow[n].line.x1 - flow[n].col_x1) < 0.1 for c in columns)
                                      for n in range(s2, e2)):
                break
            m += 1
        if m - k >= 2:
            table_rows: list[Row] = []
            for r in range(k, m):
                s2, e2 = rows[r]
                texts = cells_of.get(r) or [flow[n].line.text for n in range(s2, e2)]
                table_rows.append(Row([Cell([Paragraph(text_sentences(t))]) for t in texts]))
            first_start, first_end = rows[k]
            header = 1 if all(flow[n].line.bold or flow[n].role in ("subheading", "heading")
                              for n in range(first_start, first_end)) else 0
            found[first_start] = (Table(rows=table_rows, header_rows=header), rows[m - 1][1])
            k = m
        else:
            k += 1
    return found


def _row_pieces(line: Line, columns: list[float]) -> list[str] | None:
    """The cells of a table row that arrived as one line, or None when its pieces miss the columns."""
    groups: list[list] = []  # type: ignore[type-arg]
    for frag in sorted(line.frags, key=lambda f: f.x0):
        if groups and frag.x0 - groups[-1][-1].x1 < 1.0 * frag.size:
            groups[-1].append(frag)
        else:
            groups.append([frag])
    if len(groups) < 2 or len(groups) > len(columns):
        return None
    if not all(any(abs(g[0].x0 - c) < 0.8 * g[0].size for c in columns) for g in groups):
        return None
    return [" ".join(f.text for f in g) for g in groups]


def _lang_of(lines: list[Line]) -> str | None:
    langs = Counter(line.lang for line in lines if line.lang)
    total = len(lines)
    if langs:
        lang, n = langs.most_common(1)[0]
        if n > total / 2:
            return lang
    return None
