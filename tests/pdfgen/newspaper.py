"""Newspaper-style test PDFs with reportlab, built from known text so reading can be measured.

Every layout sets an article (``articles/*.yaml``) as a clipping: header, headline and lead across the
page, byline, a dateline in bold capitals at the start of the body, body text in 2–4 columns (ragged or
justified, hyphenated with pyphen), intermediate headings, a photo with a caption, a pull quote with
attribution set over a column gutter, and a footer with page numbers. Two ways of writing the text:

* ``lines``: one text object per column, one ``Tj`` per line, ``Tw`` for justification and mid-line
  font changes (bold dateline) — like office and DTP exports;
* ``words``: every word its own text object, and the whole page's words sorted top to bottom across
  columns — like e-paper and print-to-PDF drivers.

The generator returns the source text (paragraphs, headings, caption, quote) the reader must recover.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ARTICLES = Path(__file__).resolve().parent / "articles"


@dataclass(frozen=True)
class Layout:
    name: str
    columns: int
    justified: bool
    mode: str = "lines"  # or "words"
    family: str = "Times"
    size: float = 9.0
    leading: float = 1.2
    gutter: float = 12.0
    page: tuple[float, float] = (595.28, 841.89)
    margin: float = 42.0
    indent: bool = False  # first-line indent instead of space between paragraphs
    image_cols: tuple[int, int] = (0, 2)  # first column, number of columns
    image_at: float = 0.45  # fraction of the column height
    quote_col: int = 1  # the quote spans this column and the next one (over the gutter)
    quote_at: float = 0.3
    attribution_dash: bool = False
    drop_cap: bool = False  # a large initial over three lines instead of the dateline
    article: str = "sprachcafe"
    held_out: bool = False  # not looked at while tuning the reader


LAYOUTS: dict[str, Layout] = {layout.name: layout for layout in [
    Layout("four_justified", 4, True, article="sprachcafe", image_cols=(0, 2), quote_col=2),
    Layout("three_ragged", 3, False, family="Helvetica", size=9.5, article="ausbildung", image_cols=(2, 1),
           quote_col=0, attribution_dash=True),
    Layout("two_words_a5", 2, True, mode="words", size=10.0, page=(419.53, 595.28), margin=30, indent=True,
           article="nachbarschaft", image_cols=(1, 1), quote_col=0, image_at=0.55),
    Layout("three_words_justified", 3, True, mode="words", size=9.0, article="sprachcafe", image_cols=(1, 2),
           quote_col=0, quote_at=0.6, held_out=True),
    Layout("four_words_ragged", 4, False, mode="words", family="Helvetica", size=8.5, article="ausbildung",
           image_cols=(2, 2), quote_col=0, attribution_dash=True, held_out=True),
    Layout("two_lines_a5_multipage", 2, False, size=10.5, page=(419.53, 595.28), margin=30, indent=True,
           article="nachbarschaft", image_cols=(0, 1), quote_col=0, quote_at=0.5, held_out=True),
    Layout("three_photo_top_helvetica", 3, True, family="Helvetica", size=9.0, gutter=10.0, indent=True,
           article="nachbarschaft", image_cols=(0, 3), image_at=0.02, quote_col=1, quote_at=0.62,
           attribution_dash=True, held_out=True),
    Layout("four_drop_cap_words", 4, True, mode="words", size=9.0, article="ausbildung", image_cols=(1, 2),
           image_at=0.5, quote_col=2, quote_at=0.15, drop_cap=True),
]}

FONTS = {
    "Times": ("Times-Roman", "Times-Bold", "Times-Italic"),
    "Helvetica": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique"),
}


@dataclass
class Article:
    headline: str
    lead: str
    byline: str
    dateline: str
    header: str
    footer: str
    caption: str
    quote: str
    attribution: str
    paragraphs: list[str]
    subheadings: dict[int, str] = field(default_factory=dict)

    @classmethod
    def load(cls, name: str) -> Article:
        data = yaml.safe_load((ARTICLES / f"{name}.yaml").read_text(encoding="utf-8"))
        data["subheadings"] = {int(k): v for k, v in (data.get("subheadings") or {}).items()}
        return cls(**data)

    def body_text(self) -> list[str]:
        """Body paragraphs as the reader should return them (the dateline is metadata)."""
        return list(self.paragraphs)


@dataclass
class _Word:
    text: str
    style: int  # 0 regular, 1 bold, 2 italic
    size: float


class _Generator:
    def __init__(self, layout: Layout, article: Article) -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        self.layout = layout
        self.article = article
        self.width_of = stringWidth
        self.fonts = FONTS[layout.family]
        import pyphen

        self.hyph = pyphen.Pyphen(lang="de_DE")

    # ---------------------------------------------------------------------------------- metrics
    def w(self, text: str, style: int, size: float) -> float:
        return self.width_of(text, self.fonts[style], size)

    def split_word(self, word: str, style: int, size: float, room: float) -> tuple[str, str] | None:
        """Hyphenate ``word`` so that the first part (with its hyphen) fits into ``room``."""
        best: tuple[str, str] | None = None
        if "-" in word[1:-1]:
            head, tail = word.split("-", 1)
            if self.w(head + "-", style, size) <= room:
                best = (head + "-", tail)
        if len(word) >= 6 and word.isalpha():
            for left, right in self.hyph.iterate(word):
                if len(left) >= 2 and len(right) >= 3 and self.w(left + "-", style, size) <= room:
                    if best is None or len(left) > len(best[0]) - 1:
                        best = (left + "-", right)
                    break
        return best

    def wrap(self, words: list[_Word], width: float, first_indent: float,
             indent_lines: int = 1) -> list[list[_Word]]:
        lines: list[list[_Word]] = []
        line: list[_Word] = []
        used = first_indent
        queue = list(words)
        while queue:
            word = queue.pop(0)
            space = self.w(" ", word.style, word.size) if line else 0.0
            ww = self.w(word.text, word.style, word.size)
            if used + space + ww <= width:
                line.append(word)
                used += space + ww
                continue
            split = self.split_word(word.text, word.style, word.size, width - used - space)
            if split is not None:
                line.append(_Word(split[0], word.style, word.size))
                queue.insert(0, _Word(split[1], word.style, word.size))
            else:
                queue.insert(0, word)
            if not line:  # a single word wider than the column: put it alone
                line.append(queue.pop(0))
            lines.append(line)
            line, used = [], (first_indent if len(lines) < indent_lines else 0.0)
        if line:
            lines.append(line)
        return lines


def _photo_jpeg(width: int, height: int, seed: int) -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (width, height), (200, 210, 225))
    draw = ImageDraw.Draw(img)
    for i in range(0, width, 8):
        shade = (i * 7 + seed * 31) % 120 + 80
        draw.rectangle([i, height // 3, i + 6, height - 1], fill=(shade, 140, 200 - shade // 2))
    draw.ellipse([width // 3, height // 8, width // 3 + height // 3, height // 8 + height // 3], fill=(240, 200, 120))
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=80)  # press photos are JPEG (DCTDecode in the PDF)
    return buf.getvalue()


def build(path: Path, layout: Layout, article: Article | None = None) -> Article:
    """Write the clipping for ``layout`` to ``path``; returns the article it was set from."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    article = article or Article.load(layout.article)
    gen = _Generator(layout, article)
    pw, ph = layout.page
    m = layout.margin
    size = layout.size
    lead_h = size * layout.leading
    col_w = (pw - 2 * m - (layout.columns - 1) * layout.gutter) / layout.columns
    canvas = Canvas(str(path), pagesize=layout.page)
    canvas.setTitle("")
    regular, bold, italic = gen.fonts
    # x, y, text, font, size, word_space, continues the previous draw's text object
    page_draws: list[tuple[float, float, str, str, float, float, bool]] = []

    def emit(x: float, y: float, text: str, font: str, fsize: float, word_space: float = 0.0,
             cont: bool = False) -> None:
        page_draws.append((x, y, text, font, fsize, word_space, cont))

    def flush_page(number: int) -> None:
        # header and footer with page number
        emit(m, ph - m * 0.55, article.header, regular, size * 0.8)
        emit(m, m * 0.45, f"{article.footer} {number}" if number > 1 else article.footer, regular, size * 0.8)
        emit(pw - m - 10, m * 0.45, str(number), regular, size * 0.8)
        if layout.mode == "words":
            words: list[tuple[float, float, str, str, float]] = []
            for x, y, text, font, fsize, ws, _cont in page_draws:
                cursor = x
                for piece in text.split(" "):
                    if piece:
                        words.append((cursor, y, piece, font, fsize))
                    cursor += gen.width_of(piece + " ", font, fsize) + ws
            words.sort(key=lambda t: (-round(t[1], 1), t[0]))
            for x, y, text, font, fsize in words:
                canvas.setFont(font, fsize)
                canvas.drawString(x, y, text)
        else:
            obj = None
            for x, y, text, font, fsize, ws, cont in page_draws:
                if not cont or obj is None:
                    if obj is not None:
                        canvas.drawText(obj)
                    obj = canvas.beginText(x, y)
                    obj.setWordSpace(ws)
                obj.setFont(font, fsize)
                obj.textOut(text)
            if obj is not None:
                canvas.drawText(obj)
        page_draws.clear()
        canvas.showPage()

    # --------------------------------------------------------------------------- page 1 top
    y = ph - m - size * 1.5
    head_size = size * 2.6
    for line in gen.wrap([_Word(w, 1, head_size) for w in article.headline.split()], pw - 2 * m, 0):
        y -= head_size * 1.1
        emit(m, y, " ".join(w.text for w in line), bold, head_size)
    y -= size * 1.2
    lead_size = size * 1.3
    for line in gen.wrap([_Word(w, 0, lead_size) for w in article.lead.split()], pw - 2 * m, 0):
        y -= lead_size * 1.25
        emit(m, y, " ".join(w.text for w in line), regular, lead_size)
    y -= size * 1.4
    emit(m, y, article.byline, bold, size * 0.85)
    y -= size * 1.6
    body_top = y

    # --------------------------------------------------------------------------- obstacles
    col_h = body_top - m - size * 1.5
    obstacles: dict[tuple[int, int], list[tuple[float, float]]] = {}  # (page, col) -> [(top, bottom)]

    def block(page: int, col: int, top: float, bottom: float) -> None:
        obstacles.setdefault((page, col), []).append((top, bottom))

    c0, span = layout.image_cols
    span = min(span, layout.columns - c0)
    img_w = col_w * span + layout.gutter * (span - 1)
    img_h = min(img_w * 0.62, col_h * 0.35)
    img_top = body_top - col_h * layout.image_at
    img_x = m + c0 * (col_w + layout.gutter)
    cap_lines = gen.wrap([_Word(w, 0, size * 0.8) for w in article.caption.split()], img_w, 0)
    cap_bottom = img_top - img_h - size * 0.6 - len(cap_lines) * size * 0.95
    for c in range(c0, c0 + span):
        block(1, c, img_top + size * 0.6, cap_bottom - size * 0.8)
    canvas_image = ImageReader(io.BytesIO(_photo_jpeg(400, 250, len(article.caption))))
    image_box = (img_x, img_top - img_h, img_w, img_h)
    yy = img_top - img_h - size * 0.6
    caption_draws = []
    for line in cap_lines:
        yy -= size * 0.95
        caption_draws.append((img_x, yy, " ".join(w.text for w in line), regular, size * 0.8))

    q_col = min(layout.quote_col, layout.columns - 2)
    q_x = m + q_col * (col_w + layout.gutter) + col_w * 0.35
    q_w = col_w * 1.3 + layout.gutter
    q_size = size * 1.45
    q_top = body_top - col_h * layout.quote_at
    q_lines = gen.wrap([_Word(w, 2, q_size) for w in article.quote.split()], q_w, 0)
    attribution = ("— " if layout.attribution_dash else "") + article.attribution
    a_lines = gen.wrap([_Word(w, 0, size * 0.85) for w in attribution.split()], q_w, 0)
    q_bottom = q_top - len(q_lines) * q_size * 1.15 - size * 0.5 - len(a_lines) * size * 1.05
    if layout.page[0] < 500 or (q_col <= c0 + span - 1 and q_col + 1 >= c0):
        quote_page = 2  # small pages or collisions with the photo: the quote goes on page 2
    else:
        quote_page = 1
    quote_top_page = q_top if quote_page == 1 else ph - m - size * 2 - col_h * layout.quote_at * 0.5
    q_bottom_page = quote_top_page - (q_top - q_bottom)
    for c in (q_col, q_col + 1):
        block(quote_page, c, quote_top_page + size * 0.8, q_bottom_page - size * 0.8)
    quote_draws = []
    yy = quote_top_page
    for line in q_lines:
        yy -= q_size * 1.15
        quote_draws.append((q_x, yy, " ".join(w.text for w in line), italic, q_size))
    yy -= size * 0.5
    for line in a_lines:
        yy -= size * 1.05
        quote_draws.append((q_x, yy, " ".join(w.text for w in line), regular, size * 0.85))

    # --------------------------------------------------------------------------- body flow
    page_no = 1
    col = 0
    top = body_top
    y = top

    def free(page: int, column: int, ytop: float, ybottom: float) -> float | None:
        """The y to jump to when the line box [ytop, ybottom] hits an obstacle, else None."""
        for otop, obottom in obstacles.get((page, column), []):
            if ybottom < otop and ytop > obottom:
                return obottom
        return None

    def draw_page_extras(number: int) -> None:
        if number == 1:
            canvas.drawImage(canvas_image, *image_box)
            for d in caption_draws:
                emit(*d)
        if number == quote_page:
            for d in quote_draws:
                emit(*d)

    def next_line_y(height: float) -> tuple[float, float]:
        nonlocal page_no, col, y, top
        while True:
            cand = y - height
            if cand < m + size * 1.5:
                col += 1
                if col >= layout.columns:
                    draw_page_extras(page_no)
                    flush_page(page_no)
                    page_no += 1
                    col = 0
                    top = ph - m - size * 2
                y = top
                continue
            jump = free(page_no, col, y, cand - size * 0.3)
            if jump is not None:
                y = jump
                continue
            y = cand
            return m + col * (col_w + layout.gutter), cand

    for index, paragraph in enumerate(article.paragraphs):
        if index in article.subheadings:
            y -= lead_h * 0.8
            for line in gen.wrap([_Word(w, 1, size * 1.05) for w in article.subheadings[index].split()], col_w, 0):
                x, ly = next_line_y(lead_h * 1.05)
                emit(x, ly, " ".join(w.text for w in line), bold, size * 1.05)
            y -= lead_h * 0.2
        elif index > 0 and not layout.indent:
            y -= lead_h * 0.5
        words = [_Word(w, 0, size) for w in paragraph.split()]
        indent_lines = 1
        initial = ""
        if index == 0 and layout.drop_cap:
            initial, words[0] = words[0].text[0], _Word(words[0].text[1:], 0, size)
            cap_size = lead_h * 2.9
            indent = gen.w(initial, 1, cap_size) + size * 0.4
            indent_lines = 3
        elif index == 0:
            words = [_Word(w, 1, size) for w in article.dateline.split()] + words
            indent = 0.0
        else:
            indent = size * 1.2 if layout.indent and index not in article.subheadings else 0.0
        lines = gen.wrap(words, col_w, indent, indent_lines)
        for n, line in enumerate(lines):
            x, ly = next_line_y(lead_h)
            offset = indent if n < indent_lines else 0.0
            if initial and n == 2:
                emit(x, ly, initial, bold, cap_size)
            natural = sum(gen.w(w.text, w.style, w.size) for w in line) + sum(
                gen.w(" ", 0, size) for _ in line[1:])
            ws = 0.0
            if layout.justified and n < len(lines) - 1 and len(line) > 1:
                ws = (col_w - offset - natural) / (len(line) - 1)
            # group consecutive words of one style into one draw (mid-line font changes in "lines" mode)
            cursor = x + offset
            first = True
            group: list[_Word] = []
            for w in line + [None]:  # type: ignore[list-item]
                if group and (w is None or w.style != group[0].style):
                    text = " ".join(g.text for g in group)
                    trailing = w is not None
                    emit(cursor, ly, text + (" " if trailing else ""), gen.fonts[group[0].style], size, ws,
                         cont=not first)
                    first = False
                    cursor += gen.w(text + (" " if trailing else ""), group[0].style, size) + ws * (
                        len(group) - 1 + (1 if trailing else 0))
                    group = []
                if w is not None:
                    group.append(w)
    draw_page_extras(page_no)
    if page_no == 1 and quote_page == 2:
        flush_page(page_no)
        page_no += 1
        draw_page_extras(2)
    flush_page(page_no)
    canvas.save()
    return article
