"""Page layout analysis: from positioned text runs to roles and reading order (newspaper pages).

The approach measured best in our prototypes (``shared/notes/pdf-and-docx-reading.md``):

1. runs on one baseline that lie close together (gap < 0.5 em) become *fragments*;
2. a recursive XY-cut over all fragments and images of the page (pass 1) yields blocks whose role is
   decided from size, weight, slant and position relative to the body text size: headline, lead,
   byline, heading, sub-heading, caption, pull quote (+ attribution), margin (running header/footer,
   page number) or body;
3. a second XY-cut over body text and headings only (pass 2) gives the reading order; with captions,
   photos and pull quotes set aside the column gutters run clear from top to bottom. Vertical gutters
   win over horizontal gaps smaller than 1.5 × the body size.

The result per page (:class:`PageLayout`) is small (text and boxes only), so a document is read page by
page; joining paragraphs across columns and pages happens in :mod:`lesbar.readers.pdf_assemble`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from lesbar.readers.pdf_runs import PageContent, PlacedImage, Run

#: Runs on one baseline closer than this (in em of their size) belong to one fragment.
FRAGMENT_GAP_EM = 0.5
#: A vertical gutter must be at least this wide (× body size) to separate columns.
GUTTER_EM = 0.8
#: Horizontal gaps at least this large (× body size) are cut before any vertical gutter.
BIG_GAP_EM = 1.5
#: Gaps smaller than this (× body size) never separate blocks.
SMALL_GAP_EM = 0.4
#: Fraction of the page height at top and bottom where running headers and footers live.
MARGIN_BAND = 0.075
#: The space between two lines of running text (em of the body size) the gap thresholds above were set for
#: (line pitch 1.2 × size). Text set with looser leading (CSS ``line-height: 1.5``, Word's multiple
#: spacing) has more space between lines; every threshold keeps its distance above that normal gap.
NORMAL_LINE_GAP_EM = 0.15

BYLINE = re.compile(r"^(von|VON|Von|text:|Text:|TEXT:)\s+\S", re.UNICODE)
CREDIT = re.compile(r"\b(FOTO|Foto|Fotos|FOTOS|Bild|BILD|Abb\.|Abbildung|Grafik|GRAFIK|Quelle)\s*:", re.UNICODE)
PAGE_NUMBER = re.compile(r"^\W*(Seite|S\.|Page)?\s*\d{1,4}(\s*(von|/|of)\s*\d{1,4})?\W*$", re.IGNORECASE)
QUOTE_OPEN = ("„", "\u201c", "\u00bb", "\u00ab", '"', "\u201a", "\u2039", "\u203a")
QUOTE_CLOSE = ("“", "”", "\u00ab", "\u00bb", '"', "‘", "’", "\u2039", "\u203a")
ATTRIBUTION_DASH = re.compile(r"^\s*[—–-]\s*\S")
#: A bullet glyph set apart from its item text by a tab stop (joined to the text, never a column).
BULLET_GLYPH = re.compile(r"^([•·▪■●◦‣∙○□➢►▶✓✔\u2013\u2014*-]|[\ue000-\uf8ff]|\d{1,2}[.)]|[a-z]\))$")
SENTENCE_END = (".", "!", "?", ":", "“", "”", "\"", "«", "»", "…")


@dataclass(slots=True)
class Fragment:
    """Runs on one baseline that belong together (a line of one column, or part of it)."""

    runs: list[Run]
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float
    bold: bool
    italic: bool
    text: str


@dataclass
class Line:
    """The fragments of one block on one baseline, left to right."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    italic: bool
    pieces: list[tuple[str, bool, bool]]  # (text, bold, italic) runs for inline marks and datelines
    lang: str | None = None
    frags: list[Fragment] = field(default_factory=list)
    group: int | None = None


@dataclass
class TextBlock:
    lines: list[Line]
    role: str = "body"

    @property
    def x0(self) -> float:
        return min(line.x0 for line in self.lines)

    @property
    def x1(self) -> float:
        return max(line.x1 for line in self.lines)

    @property
    def top(self) -> float:
        return min(line.top for line in self.lines)

    @property
    def bottom(self) -> float:
        return max(line.bottom for line in self.lines)

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)

    @property
    def size(self) -> float:
        return _dominant((line.size, len(line.text)) for line in self.lines)

    @property
    def bold(self) -> bool:
        total = sum(len(line.text) for line in self.lines) or 1
        return sum(len(line.text) for line in self.lines if line.bold) > 0.6 * total

    @property
    def italic(self) -> bool:
        total = sum(len(line.text) for line in self.lines) or 1
        return sum(len(line.text) for line in self.lines if line.italic) > 0.6 * total


@dataclass
class Special:
    """A figure (image with caption) or a pull quote, set aside from the text flow."""

    kind: str  # "figure" or "quote"
    x0: float
    top: float
    x1: float
    bottom: float
    image: PlacedImage | None = None
    caption: list[Line] = field(default_factory=list)
    quote: list[Line] = field(default_factory=list)
    attribution: list[Line] = field(default_factory=list)


@dataclass
class FlowLine:
    """A line of the text flow in reading order, with what paragraph joining needs."""

    line: Line
    role: str  # body, subheading, heading
    leaf: int
    col_x0: float
    col_x1: float
    in_band: bool = False
    specials_after: list[Special] = field(default_factory=list)
    specials_before: list[Special] = field(default_factory=list)


@dataclass
class PageLayout:
    number: int
    height: float
    body_size: float
    front: list[TextBlock] = field(default_factory=list)  # headline, lead, byline, in reading order
    flow: list[FlowLine] = field(default_factory=list)
    unplaced: list[Special] = field(default_factory=list)
    margins: list[str] = field(default_factory=list)
    line_gap: float = NORMAL_LINE_GAP_EM  # usual space between lines of running text, em (line_gap_em)


def _dominant(pairs: Iterable[tuple[float, int]]) -> float:
    counter: Counter[float] = Counter()
    for size, weight in pairs:
        counter[round(size * 2) / 2] += weight
    return counter.most_common(1)[0][0] if counter else 10.0


def body_size_of(runs: Sequence[Run]) -> float:
    """The most common font size weighted by characters: the body text size."""
    return _dominant((r.size, len(r.text)) for r in runs)


# ------------------------------------------------------------------------------------- fragments


def attach_drop_caps(runs: list[Run], body: float) -> list[Run]:
    """A large initial letter spanning several lines ("I" + "n der Werkstatt") joins its first line.

    Left alone it would be the largest text on the page (a "headline") and its word would lose its first
    letter. The initial is one or two letters, at least 1.8 × body size; its word continues in the
    top-most body-size line that starts right of it within its height.
    """
    caps = [r for r in runs if 1 <= len(r.text.strip()) <= 2 and r.text.strip().isalpha() and r.size >= 1.8 * body]
    if not caps:
        return runs
    dropped: set[int] = set()
    for cap in caps:
        beside = [r for r in runs
                  if r is not cap and abs(r.size - body) <= 0.15 * body
                  and cap.top - 0.3 * body <= r.baseline <= cap.baseline + 0.3 * body
                  and cap.x1 - 1.0 <= r.x0 <= cap.x1 + 2.0 * body]
        if not beside:
            continue
        first = min(beside, key=lambda r: (round(r.baseline, 1), r.x0))
        first.text = cap.text.strip() + first.text.lstrip()
        dropped.add(id(cap))
    return [r for r in runs if id(r) not in dropped]




def fragments(runs: Sequence[Run]) -> list[Fragment]:
    """Group runs into fragments: same baseline, horizontal gap < :data:`FRAGMENT_GAP_EM`."""
    if not runs:
        return []
    ordered = sorted(runs, key=lambda r: (r.baseline, r.x0))
    rows: list[list[Run]] = []
    for run in ordered:
        if rows:
            row = rows[-1]
            ref = row[0]
            if abs(run.baseline - ref.baseline) <= 0.3 * min(run.size, ref.size):
                row.append(run)
                continue
        rows.append([run])
    out: list[Fragment] = []
    for row in rows:
        row.sort(key=lambda r: (r.x0, r.seq))
        group: list[Run] = [row[0]]
        for run in row[1:]:
            prev_x1 = max(r.x1 for r in group)
            em = max(run.size, group[-1].size)
            lone_bullet = len(group) == 1 and BULLET_GLYPH.match(group[0].text.strip() or " ") is not None
            if run.x0 - prev_x1 < (4.0 if lone_bullet else FRAGMENT_GAP_EM) * em:
                group.append(run)
            else:
                out.append(_fragment(group))
                group = [run]
        out.append(_fragment(group))
    return out


def _fragment(runs: list[Run]) -> Fragment:
    text = ""
    prev: Run | None = None
    for run in runs:
        piece = run.text
        if prev is not None:
            gap = run.x0 - prev.x1
            if text and not text.endswith(" ") and not piece.startswith(" ") and (
                    gap > 0.12 * run.size or BULLET_GLYPH.match(text.strip())):
                text += " "
        text += piece
        prev = run
    total = sum(len(r.text) for r in runs) or 1
    size = _dominant((r.size, len(r.text)) for r in runs)
    return Fragment(
        runs=runs,
        x0=min(r.x0 for r in runs), x1=max(r.x1 for r in runs),
        top=min(r.top for r in runs), bottom=max(r.bottom for r in runs),
        baseline=runs[0].baseline, size=size,
        bold=sum(len(r.text) for r in runs if r.bold) > 0.85 * total,
        italic=sum(len(r.text) for r in runs if r.italic) > 0.85 * total,
        text=" ".join(text.split()),
    )


# ------------------------------------------------------------------------------------------ XY-cut

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


def _gaps(intervals: list[tuple[float, float]], minimum: float) -> list[tuple[float, float]]:
    """Empty stretches (start, end) at least ``minimum`` long between merged intervals."""
    intervals = sorted(intervals)
    gaps: list[tuple[float, float]] = []
    end = intervals[0][1]
    for lo, hi in intervals[1:]:
        if lo - end >= minimum:
            gaps.append((end, lo))
        end = max(end, hi)
    return gaps


def line_gap_em(frags: Sequence[Fragment], body: float) -> float:
    """The usual empty space between two lines of running text on a page, in em of the body size.

    Measured between each body-size fragment and the nearest body-size fragment below it in the same
    column; the lower quartile is the gap inside paragraphs (paragraph spacing and holes are larger).
    Never less than :data:`NORMAL_LINE_GAP_EM`, so pages set with tight leading keep the tuned thresholds.
    """
    lines = sorted((f for f in frags if abs(f.size - body) <= 0.12 * body and f.x1 - f.x0 > 3 * body),
                   key=lambda f: f.top)
    gaps: list[float] = []
    for i, upper in enumerate(lines):
        best: float | None = None
        for lower in lines[i + 1:]:
            if lower.top > upper.bottom + 2.0 * body:
                break
            if lower.baseline - upper.baseline < 0.6 * body:
                continue
            if _overlap(upper.x0, upper.x1, lower.x0, lower.x1) > 0.5 * min(upper.x1 - upper.x0, lower.x1 - lower.x0):
                gap = lower.top - upper.bottom
                best = gap if best is None else min(best, gap)
        if best is not None:
            gaps.append(best / body)
    if len(gaps) < 4:
        return NORMAL_LINE_GAP_EM
    gaps.sort()
    return min(max(gaps[len(gaps) // 4], NORMAL_LINE_GAP_EM), 1.2)


def xy_cut(items: list, box, body: float, flow: bool = False, depth: int = 0,  # type: ignore[type-arg]
           line_gap: float = NORMAL_LINE_GAP_EM) -> list[list]:  # type: ignore[type-arg]
    """Recursive XY-cut: ``items`` split into leaves in reading order (``box(item)`` gives its box).

    On the whole page (``flow=False``) horizontal gaps of at least :data:`BIG_GAP_EM` are cut first
    (headline, lead, photo rows). On the text flow (``flow=True``, photos and quotes removed) a clear
    vertical gutter always wins: the holes they leave may line up across all columns and must not
    be read as a break between two stories.
    """
    if len(items) <= 1 or depth > 60:
        return [items] if items else []
    extra = line_gap - NORMAL_LINE_GAP_EM  # looser leading: horizontal cuts need more space
    boxes = [box(i) for i in items]
    hgaps = _gaps([(b[1], b[3]) for b in boxes], (SMALL_GAP_EM + extra) * body)
    if not flow:
        big = [g for g in hgaps if g[1] - g[0] >= (BIG_GAP_EM + extra) * body]
        if big:
            return _split(items, boxes, big, 1, box, body, flow, depth, line_gap)
    vgaps = _gaps([(b[0], b[2]) for b in boxes], GUTTER_EM * body)
    if vgaps:
        if flow:
            rows = _table_rows(items, boxes, vgaps, body)
            if rows is not None:
                return rows
        return _split(items, boxes, vgaps, 0, box, body, flow, depth, line_gap)
    hgaps = _scaled_gaps(items, boxes, hgaps, (SMALL_GAP_EM + extra), body)
    if flow and hgaps:
        # Something spans the columns (a heading or lead across the page, a line across a gutter): cut
        # only above and below it, so the columns under it keep their own vertical gutter. Cutting at
        # every horizontal gap would read the columns row by row wherever their gaps happen to line up.
        around = _gaps_around_spanning(items, boxes, hgaps, body)
        if around:
            return _split(items, boxes, around, 1, box, body, flow, depth, line_gap)
    if hgaps:
        return _split(items, boxes, hgaps, 1, box, body, flow, depth, line_gap)
    return [items]


def _table_rows(items: list, boxes: list[Box], vgaps: list[tuple[float, float]],  # type: ignore[type-arg]
                body: float) -> list[list] | None:  # type: ignore[type-arg]
    """A table whose rows sit closer than any horizontal cut: its cells row by row, or None.

    The parts between the vertical gaps are table columns (not columns of running text) when each has
    at least two lines, their baselines coincide (each part has a line on ≥ 70 % of all the rows), and
    at least one part holds short lines (median < 8 em). The rows are returned left to right, top to
    bottom, so that :func:`pdf_assemble.find_tables` finds them as it finds rows cut apart by gaps.
    """
    if not all(isinstance(item, Fragment) for item in items):
        return None
    cuts = [(a + b) / 2 for a, b in vgaps]
    parts: list[list[Fragment]] = [[] for _ in range(len(cuts) + 1)]
    for item, b in zip(items, boxes, strict=True):
        parts[sum(1 for c in cuts if b[0] >= c)].append(item)
    if any(len(part) < 2 for part in parts):
        return None
    if all(sorted(f.x1 - f.x0 for f in part)[len(part) // 2] >= 8 * body for part in parts):
        return None
    row_of: dict[int, int] = {}  # id(fragment) → row number (baselines closer than 0.3 em are one row)
    last = None
    for frag in sorted(items, key=lambda f: f.baseline):
        if last is None or frag.baseline - last > 0.3 * body:
            row_of[id(frag)] = len(set(row_of.values()))
        else:
            row_of[id(frag)] = max(row_of.values())
        last = frag.baseline
    n_rows = max(row_of.values()) + 1
    if n_rows < 2:
        return None
    if any(len({row_of[id(f)] for f in part}) < 0.7 * n_rows for part in parts):
        return None
    out: list[list] = []  # type: ignore[type-arg]
    for row in range(n_rows):
        for part in parts:
            cell = [f for f in part if row_of[id(f)] == row]
            if cell:
                out.append(cell)
    return out


def _row_widths(boxes: list[Box], body: float) -> list[float]:
    """Widths of the rows (boxes on one bottom line, ± 0.3 em) — lines even where words are apart (OCR)."""
    widths: list[float] = []
    row: list[Box] = []
    for b in sorted(boxes, key=lambda b: b[3]):
        if row and b[3] - row[0][3] > 0.3 * body:
            widths.append(max(r[2] for r in row) - min(r[0] for r in row))
            row = []
        row.append(b)
    if row:
        widths.append(max(r[2] for r in row) - min(r[0] for r in row))
    return widths


def _gaps_around_spanning(items: list, boxes: list[Box], hgaps: list[tuple[float, float]],  # type: ignore[type-arg]
                          body: float) -> list[tuple[float, float]]:
    """Horizontal gaps right above and below the items that bridge an otherwise clear column gutter.

    A gutter is an x-range that only little text crosses (≤ 15 % of the height covered by the text next
    to it, at least :data:`GUTTER_EM` wide) with running text on both sides: lines at least 8 em wide
    (table cells are shorter, and a table must still be read row by row).
    """
    x0 = min(b[0] for b in boxes)
    x1 = max(b[2] for b in boxes)
    width = int(x1 - x0) + 2
    if width < 4 * GUTTER_EM * body:
        return []
    diff = [0.0] * (width + 1)
    for b in boxes:
        lo, hi = int(b[0] - x0), int(b[2] - x0) + 1
        diff[lo] += b[3] - b[1]
        diff[min(hi, width)] -= b[3] - b[1]
    cover: list[float] = []
    acc = 0.0
    for d in diff[:width]:
        acc += d
        cover.append(acc)
    peak = max(cover)
    low = [c <= 0.15 * peak for c in cover]
    runs: list[tuple[int, int]] = []
    start = None
    for i, is_low in enumerate([*low, False]):
        if is_low and start is None:
            start = i
        elif not is_low and start is not None:
            if i - start >= GUTTER_EM * body and start > 0 and i < width:
                runs.append((start, i))
            start = None
    if not runs:
        return []
    blockers: list[Box] = []
    for lo, hi in runs:
        g0, g1 = x0 + lo, x0 + hi
        left = _row_widths([b for b in boxes if b[2] <= g0 + 0.5], body)
        right = _row_widths([b for b in boxes if b[0] >= g1 - 0.5], body)
        if len(left) < 3 or len(right) < 3:
            continue
        if sorted(left)[len(left) // 2] < 8 * body or sorted(right)[len(right) // 2] < 8 * body:
            continue
        blockers.extend(b for b in boxes if b[0] < g0 and b[2] > g1)
    if not blockers:
        return []
    out = [g for g in hgaps if any(abs(b[3] - g[0]) < 0.5 or abs(b[1] - g[1]) < 0.5 for b in blockers)]
    return out


def _scaled_gaps(items: list, boxes: list[Box], gaps: list[tuple[float, float]], em: float,  # type: ignore[type-arg]
                 body: float) -> list[tuple[float, float]]:
    """Horizontal ``gaps`` that are at least ``em`` of the text size on both sides.

    Lines of a lead or a two-line heading in larger type are further apart than body lines; measured in
    body em the space between them would split one lead into a "lead" and a "heading".
    """
    def size(item: object) -> float:
        return max(getattr(item, "size", body), body)

    out: list[tuple[float, float]] = []
    for lo, hi in gaps:
        above = [size(i) for i, b in zip(items, boxes, strict=True) if abs(b[3] - lo) < 0.5]
        below = [size(i) for i, b in zip(items, boxes, strict=True) if abs(b[1] - hi) < 0.5]
        scale = min(max(above, default=body), max(below, default=body))
        if hi - lo >= em * scale:
            out.append((lo, hi))
    return out


def _split(items: list, boxes: list[Box], gaps: list[tuple[float, float]], axis: int, box,  # type: ignore[no-untyped-def]
           body: float, flow: bool, depth: int, line_gap: float) -> list[list]:  # type: ignore[type-arg]
    cuts = [(a + b) / 2 for a, b in gaps]
    parts: list[list] = [[] for _ in range(len(cuts) + 1)]  # type: ignore[type-arg]
    for item, b in zip(items, boxes, strict=True):
        start = b[axis]
        index = sum(1 for c in cuts if start >= c)
        parts[index].append(item)
    out: list[list] = []  # type: ignore[type-arg]
    for part in parts:
        out.extend(xy_cut(part, box, body, flow, depth + 1, line_gap))
    return out


def _frag_box(item: Fragment | PlacedImage) -> Box:
    if isinstance(item, PlacedImage):
        return (item.x0, item.top, item.x1, item.bottom)
    return (item.x0, item.top, item.x1, item.bottom)


# ---------------------------------------------------------------------------------------- lines


def lines_of(frags: list[Fragment]) -> list[Line]:
    """Fragments of one leaf grouped into lines by baseline, top to bottom."""
    ordered = sorted(frags, key=lambda f: (f.baseline, f.x0))
    rows: list[list[Fragment]] = []
    for frag in ordered:
        if rows and abs(frag.baseline - rows[-1][0].baseline) <= 0.3 * min(frag.size, rows[-1][0].size):
            rows[-1].append(frag)
        else:
            rows.append([frag])
    out: list[Line] = []
    for row in rows:
        row.sort(key=lambda f: f.x0)
        pieces: list[tuple[str, bool, bool]] = []
        for frag in row:
            for run in frag.runs:
                pieces.append((run.text, run.bold, run.italic))
        total = sum(len(f.text) for f in row) or 1
        langs = Counter(r.lang for f in row for r in f.runs if r.lang)
        out.append(Line(
            text=" ".join(f.text for f in row),
            x0=min(f.x0 for f in row), x1=max(f.x1 for f in row),
            top=min(f.top for f in row), bottom=max(f.bottom for f in row),
            size=_dominant((f.size, len(f.text)) for f in row),
            bold=sum(len(f.text) for f in row if f.bold) > 0.85 * total,
            italic=sum(len(f.text) for f in row if f.italic) > 0.85 * total,
            pieces=pieces,
            lang=langs.most_common(1)[0][0] if langs else None,
            frags=row,
            group=row[0].runs[0].group,
        ))
    return out


def blocks_of(lines: list[Line], body: float, line_gap: float = NORMAL_LINE_GAP_EM) -> list[TextBlock]:
    """Split a leaf's lines into blocks at style changes and at gaps larger than normal leading."""
    blocks: list[TextBlock] = []
    width = max((ln.x1 - ln.x0 for ln in lines), default=0.0)
    for line in lines:
        if blocks:
            prev = blocks[-1].lines[-1]
            gap = line.top - prev.bottom
            same_style = (prev.bold, prev.italic) == (line.bold, line.italic) and (
                abs(prev.size - line.size) <= 0.1 * max(prev.size, line.size))
            own_line = _is_byline(line.text) or (
                _is_byline(blocks[-1].text) and not _continues_byline(blocks[-1].text, line))
            body_sized = abs(line.size - body) <= 0.1 * body and abs(prev.size - body) <= 0.1 * body
            other_group = (line.group is not None and prev.group is not None and line.group != prev.group
                           and body_sized)
            unweighted_heading = (len(blocks[-1].lines) == 1 and _untyped(prev) and body_sized
                                  and _looks_like_heading_line(prev, line, width))
            if (same_style and gap < (0.35 + line_gap) * max(line.size, body) and not own_line and not other_group
                    and not unweighted_heading):
                blocks[-1].lines.append(line)
                continue
        blocks.append(TextBlock([line]))
    return blocks


def _untyped(line: Line) -> bool:
    """Text without weight information (OCR): headings must be told apart by shape alone."""
    return all(run.font == "OCR" for frag in line.frags for run in frag.runs)


def _looks_like_heading_line(line: Line, following: Line, width: float) -> bool:
    """A short first line without closing punctuation, followed by a line that starts a sentence."""
    text = line.text.rstrip()
    return (
        len(text.split()) <= 9 and (line.x1 - line.x0) < 0.8 * width
        and not text.endswith((".", ",", ";", ":", "!", "?", "-", "“", "”", "\"", "«", "»"))
        and following.text[:1].isupper()
    )


def _continues_byline(byline: str, line: Line) -> bool:
    """A byline wrapped in a narrow column: "VON ANNA-PETRA SCHULTE-" / "BRINKMANN"."""
    text = line.text.strip()
    words = text.split()
    if not words or len(words) > 4 or len(byline) + len(text) > 70 or text.endswith(SENTENCE_END):
        return False
    if byline.rstrip().endswith(("-", "\u2010")):
        return True
    return all(w[:1].isupper() for w in words) and _is_byline(f"{byline} {text}")


def _is_byline(text: str) -> bool:
    """"VON ANNA-PETRA THOMAS": a short line naming the author (its own block even in plain type)."""
    if not BYLINE.match(text) or len(text) > 70:
        return False
    words = text.split()[1:]
    return bool(words) and all(w[:1].isupper() for w in words if w[:1].isalpha())


# ---------------------------------------------------------------------------------------- roles


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return max(0.0, min(a1, b1) - max(a0, b0))


def classify(blocks: list[TextBlock], images: list[PlacedImage], body: float, page: PageContent,
             seen_headline: bool, line_gap: float = NORMAL_LINE_GAP_EM) -> None:
    """Set ``block.role`` for every block of the page (see the module docstring for the rules)."""
    extra = line_gap - NORMAL_LINE_GAP_EM
    content_x0 = min((b.x0 for b in blocks), default=0.0)
    content_x1 = max((b.x1 for b in blocks), default=page.width)
    content_w = max(content_x1 - content_x0, 1.0)
    have_lead = False
    for block in blocks:
        text = block.text
        size = block.size
        rel = size / body
        n_lines = len(block.lines)
        width = block.x1 - block.x0
        in_top = (block.bottom <= page.height * MARGIN_BAND * 1.6 and block.top <= page.height * MARGIN_BAND
                  and _gap_below(block, blocks) >= 0.8 * body)
        in_bottom = block.top >= page.height * (1 - MARGIN_BAND) and _gap_above(block, blocks) >= 0.8 * body
        if (in_top or in_bottom) and rel <= 1.1 and n_lines <= 2:
            block.role = "margin"
        elif PAGE_NUMBER.match(text) and (block.top > page.height * 0.85 or block.bottom < page.height * 0.15):
            block.role = "margin"
        elif rel >= 1.8:
            block.role = "headline"
        elif BYLINE.match(text) and len(text) < 90 and n_lines <= 2:
            block.role = "byline"
        elif block.italic and rel >= 1.1 and not block.bold:
            block.role = "quote"
        elif text.startswith(QUOTE_OPEN) and rel >= 1.15 and not block.bold and n_lines <= 8:
            block.role = "quote"
        elif rel < 0.95:
            near_image = any(
                _overlap(block.x0, block.x1, im.x0, im.x1) > 0.3 * min(width, im.x1 - im.x0)
                and (0 <= block.top - im.bottom < 2.5 * body or 0 <= im.top - block.bottom < 2.5 * body)
                for im in images
            )
            block.role = "caption" if (near_image or CREDIT.search(text)) else "small"
        elif rel >= 1.15:
            if (not have_lead and width > 0.55 * content_w and seen_headline
                    and (len(text) > 90 or n_lines >= 2 or width > 0.8 * content_w)):
                block.role = "lead"
                have_lead = True
            elif len(text) < 160 and n_lines <= 3:
                block.role = "heading"
            else:
                block.role = "body"
        elif (block.bold and len(text) < 110 and n_lines <= 3 and not text.endswith((".", ",", ";"))
              and not _caps_lead_in(block, blocks, body, extra)):
            block.role = "subheading"
        elif block.bold and not have_lead and seen_headline and width > 0.55 * content_w and len(text) > 90:
            block.role = "lead"
            have_lead = True
        elif (n_lines == 1 and 2 <= len(text.split()) <= 9 and len(text) < 70 and text[:1].isupper()
              and not text.rstrip().endswith((".", ",", ";", ":", "!", "?", "-", "“", "”", "\"", "«", "»"))
              and not text.rstrip()[-1:].isdigit() and _stands_alone(block, blocks, body, extra)):
            block.role = "subheading"  # plain-type intermediate heading (OCR has no weights)
        else:
            block.role = "body"
        if block.role == "headline":
            seen_headline = True
    if blocks and all(b.role == "margin" for b in blocks):
        for block in blocks:  # a page whose only text sits near an edge: that text is the content
            block.role = "body"
    # a quotation in bold type is a pull quote, not a heading, when an attribution sits right under it
    for block in blocks:
        if (block.role == "heading" and block.text.startswith(QUOTE_OPEN)
                and block.text.rstrip().endswith(QUOTE_CLOSE) and _attribution_below(block, blocks, body)):
            block.role = "quote"
    # attributions: short non-italic text right under a pull quote
    for block in blocks:
        if block.role != "quote":
            continue
        for other in blocks:
            if other is block or other.role not in ("body", "small", "caption", "subheading", "byline"):
                continue
            gap = other.top - block.bottom
            if -0.2 * body <= gap < 2.0 * body and _overlap(block.x0, block.x1, other.x0, other.x1) > 0.5 * min(
                    other.x1 - other.x0, block.x1 - block.x0) and len(other.text) < 140 and len(other.lines) <= 3:
                if other.role != "body" or ATTRIBUTION_DASH.match(other.text) or other.size < 0.97 * body:
                    other.role = "attribution"


_MERGEABLE = {"headline", "heading", "lead", "quote", "caption", "subheading", "attribution"}


def _merge_split_blocks(blocks: list[TextBlock]) -> list[TextBlock]:
    """Re-join lines of one headline/quote/caption that the XY-cut separated (large type, wide leading)."""
    out: list[TextBlock] = []
    for block in blocks:
        if out:
            prev = out[-1]
            gap = block.top - prev.bottom
            # a lead set with looser leading than the body falls apart into a "lead" and "headings"
            lead_goes_on = prev.role == "lead" and block.role == "heading" and block.bold == prev.bold
            if ((block.role == prev.role or lead_goes_on) and block.role in _MERGEABLE
                    and abs(block.size - prev.size) <= 0.1 * max(block.size, prev.size)
                    and -0.2 * block.size <= gap < 0.9 * block.size
                    and _overlap(prev.x0, prev.x1, block.x0, block.x1) > 0):
                prev.lines.extend(block.lines)
                continue
        out.append(block)
    return out


def _attribution_below(block: TextBlock, blocks: list[TextBlock], body: float) -> bool:
    """Short text in smaller type or after a dash right under ``block`` (a speaker under a quotation)."""
    for other in blocks:
        gap = other.top - block.bottom
        if (other is not block and -0.2 * body <= gap < 2.0 * body and len(other.text) < 140 and len(other.lines) <= 3
                and _overlap(block.x0, block.x1, other.x0, other.x1) > 0.5 * min(other.x1 - other.x0, block.x1 - block.x0)
                and (other.size < 0.97 * body or ATTRIBUTION_DASH.match(other.text))):
            return True
    return False


def _gap_below(block: TextBlock, blocks: list[TextBlock]) -> float:
    """Distance to the nearest text below (running heads stand apart from the text; a first line does not)."""
    below = [b.top - block.bottom for b in blocks if b is not block and b.top >= block.bottom - 0.5]
    return min(below, default=1e9)


def _gap_above(block: TextBlock, blocks: list[TextBlock]) -> float:
    above = [block.top - b.bottom for b in blocks if b is not block and b.bottom <= block.top + 0.5]
    return min(above, default=1e9)


def _caps_lead_in(block: TextBlock, blocks: list[TextBlock], body: float, extra: float = 0.0) -> bool:
    """Bold capitals running straight into body text: a dateline ("KREIS HEINSBERG"), not a heading."""
    letters = [ch for ch in block.text if ch.isalpha()]
    if not letters or not all(ch.isupper() for ch in letters):
        return False
    below = [b for b in blocks if b is not block and b.top >= block.bottom - 0.1
             and _overlap(b.x0, b.x1, block.x0, block.x1) > 0]
    if not below:
        return False
    nearest = min(below, key=lambda b: b.top)
    return nearest.top - block.bottom < (0.45 + extra) * body and not nearest.bold


def _stands_alone(block: TextBlock, blocks: list[TextBlock], body: float, extra: float = 0.0) -> bool:
    """Space above and body text right below: how an intermediate heading sits in a column."""
    above = [b for b in blocks if b is not block and b.bottom <= block.top + 0.1
             and _overlap(b.x0, b.x1, block.x0, block.x1) > 0]
    below = [b for b in blocks if b is not block and b.top >= block.bottom - 0.1
             and _overlap(b.x0, b.x1, block.x0, block.x1) > 0]
    if not below:
        return False
    nearest_below = min(below, key=lambda b: b.top)
    if nearest_below.top - block.bottom > (0.8 + extra) * body or len(nearest_below.lines) < 2:
        return False
    if not above:
        return True
    nearest_above = max(above, key=lambda b: b.bottom)
    return block.top - nearest_above.bottom >= (0.6 + extra) * body


# ----------------------------------------------------------------------------------------- page


def analyse_page(page: PageContent, body: float, seen_headline: bool, min_image_pt: float = 28.0) -> PageLayout:
    """Roles and reading order of one page (see the module docstring)."""
    layout = PageLayout(number=page.number, height=page.height, body_size=body)
    runs = attach_drop_caps([r for r in page.runs if r.text.strip()], body)
    frags = fragments(runs)
    images = [im for im in page.images if not im.artifact and (im.x1 - im.x0) >= min_image_pt
              and (im.bottom - im.top) >= min_image_pt]
    # images covering (nearly) the whole page are backgrounds, not photos
    images = [im for im in images if not ((im.x1 - im.x0) > 0.9 * page.width and (im.bottom - im.top) > 0.9 * page.height)]
    items: list[Fragment | PlacedImage] = list(frags) + list(images)
    line_gap = layout.line_gap = line_gap_em(frags, body)
    leaves = xy_cut(items, _frag_box, body, line_gap=line_gap)
    blocks: list[TextBlock] = []
    for leaf in leaves:
        leaf_frags = [i for i in leaf if isinstance(i, Fragment)]
        if leaf_frags:
            blocks.extend(blocks_of(lines_of(leaf_frags), body, line_gap))
    classify(blocks, images, body, page, seen_headline, line_gap)
    blocks = _merge_split_blocks(blocks)
    # front matter: headline, lead, byline (in pass-1 order)
    layout.front = [b for b in blocks if b.role in ("headline", "lead", "byline")]
    layout.margins = [b.text for b in blocks if b.role == "margin"]

    # specials: figures with captions, pull quotes with attributions
    specials = _specials(blocks, images, body)

    # pass 2: the flow of body text and headings only
    flow_blocks = [b for b in blocks if b.role in ("body", "subheading", "heading", "small")]
    role_of_frag: dict[int, str] = {}
    flow_frags: list[Fragment] = []
    for block in flow_blocks:
        for line in block.lines:
            for frag in line.frags:
                role_of_frag[id(frag)] = block.role
                flow_frags.append(frag)
    leaves2 = xy_cut(flow_frags, _frag_box, body, flow=True, line_gap=line_gap)
    banded = _banded_leaves(flow_frags, specials, body, line_gap)
    if banded is not None and _continuity(banded) > _continuity(leaves2):
        leaves2 = banded
    for leaf_no, leaf in enumerate(leaves2):
        leaf_lines = lines_of(leaf)
        if not leaf_lines:
            continue
        col_x0 = min(line.x0 for line in leaf_lines)
        col_x1 = max(line.x1 for line in leaf_lines)
        for line in leaf_lines:
            role = _line_role(line, role_of_frag)
            band = line.top < page.height * 0.12 or line.bottom > page.height * 0.88
            layout.flow.append(FlowLine(line=line, role="body" if role == "small" else role, leaf=leaf_no,
                                        col_x0=col_x0, col_x1=col_x1, in_band=band))
    _anchor(layout, specials)
    return layout


def _banded_leaves(frags: list[Fragment], specials: list[Special], body: float,
                   line_gap: float) -> list[list[Fragment]] | None:
    """The flow read band by band above and below photos/quotes with no text beside them (across all columns).

    Such a special may be a hole the columns flow around (read each column top to bottom, the default)
    or a break the text continues under (all columns above it, then all below): :func:`_continuity`
    decides by how well the columns' ends join. None when no special spans the text width.
    """
    if not frags:
        return None
    cuts = sorted((s.top + s.bottom) / 2 for s in specials
                  if not any(f.top < s.bottom - 1.0 and f.bottom > s.top + 1.0 for f in frags)  # no text beside
                  and any(f.bottom <= s.top for f in frags) and any(f.top >= s.bottom for f in frags))
    if not cuts:
        return None
    bands: list[list[Fragment]] = [[] for _ in range(len(cuts) + 1)]
    for frag in frags:
        bands[sum(1 for c in cuts if frag.top >= c)].append(frag)
    out: list[list[Fragment]] = []
    for band in bands:
        out.extend(xy_cut(band, _frag_box, body, flow=True, line_gap=line_gap))
    return out


_HYPHENATED = re.compile(r"[^\W\d_][-\u2010\u00ad]$")


def _continuity(leaves: list[list[Fragment]]) -> int:
    """How well consecutive leaves join: a hyphenated or unfinished line continued in lower case scores,
    a hyphenated word continued in capitals or after a finished sentence counts against the order."""
    score = 0
    previous: str | None = None
    for leaf in leaves:
        lines = lines_of(leaf)
        if not lines:
            continue
        first, last = lines[0].text.strip(), lines[-1].text.strip()
        if previous is not None and first:
            lower = first[:1].islower()
            if _HYPHENATED.search(previous):
                score += 2 if lower else -2
            elif not previous.endswith(SENTENCE_END):
                score += 1 if lower else 0
            elif lower:
                score -= 1
        previous = last
    return score


def _line_role(line: Line, roles: dict[int, str]) -> str:
    counter: Counter[str] = Counter()
    for frag in line.frags:
        counter[roles.get(id(frag), "body")] += len(frag.text)
    return counter.most_common(1)[0][0] if counter else "body"


def _specials(blocks: list[TextBlock], images: list[PlacedImage], body: float) -> list[Special]:
    specials: list[Special] = []
    captions = [b for b in blocks if b.role == "caption"]
    used: set[int] = set()
    for image in sorted(images, key=lambda im: (im.top, im.x0)):
        best = None
        best_dist = 1e9
        for i, cap in enumerate(captions):
            if i in used:
                continue
            if _overlap(cap.x0, cap.x1, image.x0, image.x1) <= 0:
                continue
            dist = cap.top - image.bottom if cap.top >= image.bottom - 1 else image.top - cap.bottom
            if -1 <= dist < 3 * body and dist < best_dist:
                best, best_dist = i, dist
        fig = Special("figure", image.x0, image.top, image.x1, image.bottom, image=image)
        if best is not None:
            used.add(best)
            cap = captions[best]
            fig.caption = cap.lines
            fig.x0, fig.x1 = min(fig.x0, cap.x0), max(fig.x1, cap.x1)
            fig.top, fig.bottom = min(fig.top, cap.top), max(fig.bottom, cap.bottom)
        specials.append(fig)
    for i, cap in enumerate(captions):
        if i not in used:
            specials.append(Special("figure", cap.x0, cap.top, cap.x1, cap.bottom, caption=cap.lines))
    attributions = [b for b in blocks if b.role == "attribution"]
    for block in blocks:
        if block.role != "quote":
            continue
        q = Special("quote", block.x0, block.top, block.x1, block.bottom, quote=block.lines)
        for att in attributions:
            gap = att.top - block.bottom
            if -0.2 * body <= gap < 2.0 * body and _overlap(block.x0, block.x1, att.x0, att.x1) > 0:
                q.attribution.extend(att.lines)
                q.bottom = max(q.bottom, att.bottom)
        specials.append(q)
    # attribution blocks whose quote was merged elsewhere stay out of the flow (never body text)
    return specials


def _anchor(layout: PageLayout, specials: list[Special]) -> None:
    """Attach each figure/quote after the flow line just above it in the same column."""
    for special in specials:
        best: FlowLine | None = None
        for flow_line in layout.flow:
            line = flow_line.line
            if _overlap(line.x0, line.x1, special.x0, special.x1) <= 0:
                continue
            if line.bottom <= special.top + 1.0:
                if best is None or line.bottom > best.line.bottom or (
                        line.bottom == best.line.bottom and line.x0 > best.line.x0):
                    best = flow_line
        if best is not None:
            best.specials_after.append(special)
            continue
        after = [f for f in layout.flow if _overlap(f.line.x0, f.line.x1, special.x0, special.x1) > 0
                 and f.line.top >= special.bottom - 1.0]
        if after:
            after[0].specials_before.append(special)
        elif layout.flow:
            layout.flow[-1].specials_after.append(special)
        else:
            layout.unplaced.append(special)
