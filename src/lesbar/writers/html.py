"""HTML writer: semantic, accessible HTML5 from the document model.

One ``h1``; ``figure``/``figcaption`` with the image embedded and its alt text; ``blockquote`` with a
``figure`` for attribution; pull quotes as ``aside``; lists; tables with ``th``; ``lang`` on ``<html>`` and
on every block in another language; ``dir="rtl"`` for right-to-left scripts. Every sentence is a
``span.s`` with its id, so that Leichte Sprache can show one sentence per line and reports can link to it.
"""

from __future__ import annotations

import base64
import re
from html import escape
from importlib import resources

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
    block_text,
    sentences_text,
)
from lesbar.writers.clean import clean_document
from lesbar.writers.labels import WORDLIST_ID, has_word_list, is_rtl, labels_for, provenance_keywords, provenance_lines
from lesbar.writers.tablegrid import Grid, table_grid

#: letters (longest words of all columns plus padding) that fit across a portrait A4 page; wider tables
#: are printed on a landscape page with fixed column widths (Leichte Sprache has larger type)
WIDE = 75
WIDE_LEICHT = 60
BROWSER_IMAGE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml", "image/bmp"}


def text_dir(lang: str) -> str:
    return "rtl" if is_rtl(lang) else "ltr"


def _lang_attrs(lang: str | None, parent: str) -> str:
    if not lang or lang == parent:
        return ""
    attrs = f' lang="{escape(lang)}"'
    if text_dir(lang) != text_dir(parent):
        attrs += f' dir="{text_dir(lang)}"'
    return attrs


class HtmlWriter:
    def __init__(self, doc: Document, stylesheet: str | None = None) -> None:
        self.prev_level = 1
        doc = clean_document(doc)
        self.doc = doc
        self.lang = doc.meta.lang or "de"
        self.labels = labels_for(self.lang)
        self.stylesheet = stylesheet if stylesheet is not None else default_stylesheet(doc)
        self.explained: dict[str, tuple[str, str]] = {}  # anchor -> (word, explanation)
        # a Leichte Sprache draft brings its own "Wörterbuch" (heading and list, written by the simplifier):
        # then explained words link to that heading and no second list is written
        self.own_wordlist = has_word_list(doc, self.labels["wordlist"])
        self.used_ids: set[str] = {"inhalt", "woerterbuch"}
        self.table_depth = 0

    # ------------------------------------------------------------------------------------ inlines
    def inlines(self, nodes: list[Inline], lang: str) -> str:
        out: list[str] = []
        for node in nodes:
            if isinstance(node, Text):
                out.append(breakable(node.text))
            elif isinstance(node, LineBreak):
                out.append("<br>")
            elif isinstance(node, Emph):
                out.append(f"<em>{self.inlines(node.children, lang)}</em>")
            elif isinstance(node, Strong):
                out.append(f"<strong>{self.inlines(node.children, lang)}</strong>")
            elif isinstance(node, Link):
                if not node.url or not _plain(node.children):
                    # no target, or nothing to click (a link around an image or a space): a link without
                    # a name fails WCAG 2.4.4 / 4.1.2, so only its text (if any) is kept
                    out.append(self.inlines(node.children, lang))
                    continue
                title = f' title="{escape(node.title)}"' if node.title else ""
                inner, attrs = self.link_content(node.children, lang)
                out.append(f'<a href="{escape(node.url)}"{title}{attrs}>{inner}</a>')
            elif isinstance(node, LangSpan):
                out.append(f"<span{_lang_attrs(node.lang, lang)}>{self.inlines(node.children, node.lang)}</span>")
            elif isinstance(node, TermRef):
                out.append(
                    f'<span class="term" data-term="{escape(node.term_id)}">{self.inlines(node.children, lang)}</span>'
                )
            elif isinstance(node, Explained):
                plain = _plain(node.children)
                if not plain:  # nothing to link to the word list
                    out.append(self.inlines(node.children, lang))
                    continue
                word, attrs = self.link_content(node.children, lang)
                anchor = WORDLIST_ID if self.own_wordlist else word_anchor(plain)
                if not self.own_wordlist:
                    self.explained.setdefault(anchor, (plain, node.explanation))  # one entry per spelling
                terms = [n.term_id for n in node.children if isinstance(n, TermRef)]
                if terms:
                    attrs += f' data-term="{escape(terms[0])}"'
                out.append(f'<a class="explained" href="#{anchor}"{attrs}>{word}</a>')
        return "".join(out)

    def link_content(self, children: list[Inline], lang: str) -> tuple[str, str]:
        """The text of a link and extra attributes for its ``<a>``.

        A link holds plain text only: WeasyPrint's PDF/UA tagging leaves the annotation of any element nested
        in an ``<a>`` outside the Link structure element (PDFUA1-LINK-LINK-TAG-001), so marks inside a link
        are flattened (not even ``<wbr>``: a long URL breaks by the stylesheet's ``overflow-wrap: anywhere``
        on links instead). A link that is wholly in another language carries that ``lang`` on the ``<a>`` itself.
        """
        if len(children) == 1 and isinstance(children[0], LangSpan):
            span = children[0]
            return escape(_plain(span.children), quote=False), _lang_attrs(span.lang, lang)
        return escape(_plain(children), quote=False), ""

    def sentences(self, sentences: list[Sentence], lang: str) -> str:
        parts = []
        for s in sentences:
            # ids must be unique in HTML; a repeated sentence id (e.g. from a merged table) is left off
            ident = f' id="{escape(s.id)}"' if s.id and s.id not in self.used_ids else ""
            self.used_ids.add(s.id)
            parts.append(f'<span class="s"{ident}>{self.inlines(s.inlines, lang)}</span>')
        return " ".join(parts)

    # ------------------------------------------------------------------------------------- blocks
    def block(self, block: Block, parent_lang: str, level_shift: int) -> str:
        lang = block.lang or parent_lang
        attrs = _lang_attrs(block.lang, parent_lang)
        if isinstance(block, (Heading, Paragraph)) and not sentences_text(block.content):
            return ""  # an empty heading or paragraph is announced as "blank" by screen readers
        if isinstance(block, Heading):
            # no skipped levels: a heading is at most one level below the previous one
            level = max(2, min(6, block.level + level_shift, self.prev_level + 1))
            self.prev_level = level
            if self.own_wordlist and sentences_text(block.content).strip() == self.labels["wordlist"]:
                attrs += f' id="{WORDLIST_ID}"'
            return f"<h{level}{attrs}>{self.sentences(block.content, lang)}</h{level}>"
        if isinstance(block, Paragraph):
            return f"<p{attrs}>{self.sentences(block.content, lang)}</p>"
        if isinstance(block, BlockQuote):
            inner = "\n".join(self.block(b, lang, level_shift) for b in block.blocks)
            if block.attribution:
                return (
                    f'<figure class="quote"{attrs}><blockquote>{inner}</blockquote>'
                    f"<figcaption>— {self.sentences(block.attribution, lang)}</figcaption></figure>"
                )
            return f"<blockquote{attrs}>{inner}</blockquote>"
        if isinstance(block, PullQuote):
            attribution = (
                f'<p class="attribution">— {self.sentences(block.attribution, lang)}</p>' if block.attribution else ""
            )
            return (
                f'<aside class="pullquote" aria-label="{escape(self.labels["pullquote"])}"{attrs}>'
                f"<blockquote><p>{self.sentences(block.content, lang)}</p></blockquote>{attribution}</aside>"
            )
        if isinstance(block, Figure):
            return self.figure(block, lang, attrs)
        if isinstance(block, ListBlock):
            tag = "ol" if block.ordered else "ul"
            start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
            items = "".join(f"<li>{self.list_item(item.blocks, lang, level_shift)}</li>" for item in block.items)
            return f"<{tag}{start}{attrs}>{items}</{tag}>"
        if isinstance(block, Table):
            return self.table(block, lang, attrs, level_shift)
        raise TypeError(f"unknown block {type(block).__name__}")

    def list_item(self, blocks: list[Block], lang: str, level_shift: int) -> str:
        """An item's content; a leading same-language paragraph is written inline, without ``<p>``.

        Why: WeasyPrint tags an inline ``li`` body as ``LBody``, but a ``<p>`` in an ``li`` as ``P`` directly
        under ``LI``, which PDF/UA-1 forbids (LI may hold only Lbl and LBody).
        """
        parts: list[str] = []
        for index, inner in enumerate(blocks):
            if index == 0 and isinstance(inner, Paragraph) and not inner.lang:
                parts.append(self.sentences(inner.content, lang))
            else:
                parts.append(self.block(inner, lang, level_shift))
        return "\n".join(parts)

    def figure(self, block: Figure, lang: str, attrs: str) -> str:
        img = ""
        if block.image is not None and block.image.mime in BROWSER_IMAGE_TYPES:
            data = base64.b64encode(block.image.data).decode("ascii")
            # never an image without a text alternative (PDF/UA-1 fails it, screen readers read the file
            # name): fall back to the caption, else the word "image"; data-alt-status says it needs review
            alt = escape(block.alt or sentences_text(block.caption) or self.labels["image"])
            size = ""
            if block.image.width and block.image.height:
                size = f' width="{block.image.width}" height="{block.image.height}"'
            review = f' data-alt-status="{block.alt_status}"' if block.alt_status in ("draft", "missing") else ""
            img = f'<img src="data:{block.image.mime};base64,{data}" alt="{alt}"{size}{review}>'
        elif block.alt:
            img = f'<p class="image-missing">[{escape(self.labels["image"])}: {escape(block.alt)}]</p>'
        caption = f"<figcaption>{self.sentences(block.caption, lang)}</figcaption>" if block.caption else ""
        return f"<figure{attrs}>{img}{caption}</figure>"

    def table(self, block: Table, lang: str, attrs: str, level_shift: int) -> str:
        nested = self.table_depth > 0
        self.table_depth += 1
        try:
            return self._table(block, lang, attrs, level_shift, nested)
        finally:
            self.table_depth -= 1

    def _table(self, block: Table, lang: str, attrs: str, level_shift: int, nested: bool) -> str:
        grid = table_grid(block)
        head, body = [], []
        for index, row in enumerate(grid.rows):
            header = index < grid.header_rows
            cells = []
            for placed in row:
                # a filler in a header row is an empty header cell: a data cell there would have no header
                tag = "th" if header else "td"
                scope = ' scope="col"' if tag == "th" else ""
                span = f' colspan="{placed.colspan}"' if placed.colspan > 1 else ""
                span += f' rowspan="{placed.rowspan}"' if placed.rowspan > 1 else ""
                inner = " ".join(self.block(b, lang, level_shift) for b in placed.cell.blocks)
                cells.append(f"<{tag}{scope}{span}>{inner}</{tag}>")
            (head if header else body).append("<tr>" + "".join(cells) + "</tr>")
        caption = f"<caption>{self.sentences(block.caption, lang)}</caption>" if block.caption else ""
        thead = f"<thead>{''.join(head)}</thead>" if head else ""
        widths = None if nested else self.print_widths(grid)
        colgroup = ""
        if widths:
            colgroup = "<colgroup>" + "".join(f'<col style="width: {w}%">' for w in widths) + "</colgroup>"
        wide = ' class="wide"' if widths else ""
        html = f"<table{wide}{attrs}>{caption}{colgroup}{thead}<tbody>{''.join(body)}</tbody></table>"
        if nested:
            return html
        # a table wider than a phone scrolls by itself, not the page (WCAG 1.4.10 exempts tables, not the
        # page); the scroll container is focusable so that keyboard users can scroll it too
        label = escape(sentences_text(block.caption) or self.labels["table"])
        return (f'<div class="table-scroll{" wide" if widths else ""}" role="region" aria-label="{label}" '
                f'tabindex="0"{attrs}>{html}</div>')

    def print_widths(self, grid: Grid) -> list[int] | None:
        """Column widths in percent for a table too wide for a printed page, else None.

        Why: a table is never narrower than the sum of its longest words; WeasyPrint then lets it run off
        the page and the right-hand columns are cut off in the PDF. Such a table is printed on a landscape
        page with fixed column widths in proportion to each column's longest word, where words may break
        (see ``table.wide`` in base.css; on screen the table scrolls instead and the widths do not apply).
        """
        longest = [3] * grid.ncols
        for row in grid.rows:
            for placed in row:
                if placed.colspan != 1:
                    continue
                words = " ".join(block_text(b) for b in placed.cell.blocks).split()
                # words of LONG_WORD letters and more get break opportunities every _CHUNK letters
                size = max((min(len(w), _CHUNK) if len(w) >= LONG_WORD else len(w) for w in words), default=0)
                longest[placed.col] = max(longest[placed.col], size)
        need = sum(n + 3 for n in longest)  # letters plus the cell padding (1.2 em) and border
        if need <= (WIDE_LEICHT if self.doc.meta.variant == "leicht" else WIDE):
            return None
        return [max(1, round(100 * (n + 3) / need)) for n in longest]


    # ----------------------------------------------------------------------------------- document
    def render(self) -> str:
        doc = self.doc
        meta = doc.meta
        blocks = list(doc.blocks)
        title = meta.title or self.labels["untitled"]
        # exactly one h1: a leading level-1 heading is the title; other headings start at h2
        h1_html = f"<h1>{escape(title)}</h1>"
        if blocks and isinstance(blocks[0], Heading) and blocks[0].level == 1:
            first = blocks.pop(0)
            if sentences_text(first.content):
                attrs = _lang_attrs(first.lang, self.lang)
                h1_html = f"<h1{attrs}>{self.sentences(first.content, first.lang or self.lang)}</h1>"
        self.prev_level = 1
        level_shift = 2 - min((b.level for b in blocks if isinstance(b, Heading)), default=2)
        body = "\n".join(self.block(b, self.lang, level_shift) for b in blocks)
        byline = ""
        if meta.byline or meta.dateline or meta.date:
            parts = [escape(p) for p in (meta.byline, meta.dateline, meta.date) if p]
            byline = f'<p class="byline">{" · ".join(parts)}</p>'
        lines = provenance_lines(doc)
        notice = "".join(f"<p>{escape(line)}</p>" for line in lines)
        notice_html = (
            f'<section class="provenance" aria-label="{escape(self.labels["provenance"])}">{notice}</section>'
        )
        wordlist = self.wordlist()
        # WeasyPrint copies description/keywords/author/dcterms.created into the PDF's metadata, so the
        # provenance is machine-readable in the PDF too.
        meta_tags = [
            f'<meta name="generator" content="lesbar {__version__}">',
            f'<meta name="description" content="{escape(" ".join(lines))}">',
            f'<meta name="keywords" content="{escape(provenance_keywords(doc))}">',
            f'<meta name="lesbar:variant" content="{escape(meta.variant)}">',
            f'<meta name="lesbar:automatic" content="{str(meta.provenance.automatic).lower()}">',
            f'<meta name="lesbar:reviewed" content="{str(meta.provenance.reviewed).lower()}">',
        ]
        if meta.date:
            meta_tags.append(f'<meta name="dcterms.created" content="{escape(meta.date)}">')
        if meta.authors:
            meta_tags.append(f'<meta name="author" content="{escape(", ".join(meta.authors))}">')
        return f"""<!DOCTYPE html>
<html lang="{escape(self.lang)}" dir="{text_dir(self.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
{chr(10).join(meta_tags)}
<style>
{self.stylesheet}
</style>
</head>
<body class="variant-{escape(meta.variant)}">
<a class="skip-link" href="#inhalt">{escape(self.labels["skip"])}</a>
<header>
{notice_html}
</header>
<main id="inhalt">
<article>
{h1_html}
{byline}
{body}
{wordlist}
</article>
</main>
<footer><p>{escape(self.labels["footer"])}</p></footer>
</body>
</html>
"""

    def wordlist(self) -> str:
        if not self.explained or self.own_wordlist:
            return ""
        items = []
        for ident, (word, explanation) in sorted(self.explained.items(), key=lambda kv: kv[1][0].lower()):
            items.append(f'<dt id="{ident}">{escape(word)}</dt><dd>{escape(explanation)}</dd>')
        return (
            f'<section class="wordlist" aria-labelledby="{WORDLIST_ID}"><h2 id="{WORDLIST_ID}">'
            f'{escape(self.labels["wordlist"])}</h2><dl>{"".join(items)}</dl></section>'
        )


#: a "word" this long (a URL, a chain of compounds) gets line-break opportunities
LONG_WORD = 20
_URL_BREAK = re.compile(r"(?<=[/?&=_.\-:@#])(?![/?&=_.\-:@#])(?=.)")
_CHUNK = 12


def breakable(text: str) -> str:
    """Escaped ``text`` with ``<wbr>`` inside very long words.

    Why: a table column is never narrower than its longest word, so one long URL or compound in a cell
    pushes the table past the page edge (cut off in the PDF) and past 320 px on a phone (WCAG 1.4.10);
    ``overflow-wrap`` does not help inside tables and ``anywhere`` would break short words in every cell of
    a table with long text. ``<wbr>`` adds no character (text, search and screen readers see the word
    whole); URLs break after ``/ ? & = . -`` and the like, other words every 12 letters.
    """
    parts: list[str] = []
    for token in re.split(r"(\s+)", text):
        if len(token) < LONG_WORD or token.isspace():
            parts.append(escape(token, quote=False))
            continue
        pieces: list[str] = []
        for piece in _URL_BREAK.split(token):
            pieces += [piece[i : i + _CHUNK] for i in range(0, len(piece), _CHUNK)]
        parts.append("<wbr>".join(escape(p, quote=False) for p in pieces if p))
    return "".join(parts)


def word_anchor(word: str) -> str:
    """A stable fragment id for a word in the word list."""
    slug = "".join(ch if ch.isalnum() else "-" for ch in word.lower()).strip("-")
    return "wort-" + (slug or "x")


def _plain(nodes: list[Inline]) -> str:
    from lesbar.model import inline_text

    return inline_text(nodes).strip()


def default_stylesheet(doc: Document) -> str:
    """The bundled stylesheet; Leichte Sprache gets its own additions."""
    base = resources.files("lesbar.writers").joinpath("styles/base.css").read_text(encoding="utf-8")
    if doc.meta.variant == "leicht":
        base += resources.files("lesbar.writers").joinpath("styles/leicht.css").read_text(encoding="utf-8")
    return base


def write_html(doc: Document) -> str:
    """The document as an HTML5 page (a string)."""
    return HtmlWriter(doc).render()
