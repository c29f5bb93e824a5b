"""The lesbar document model: one typed tree that every reader produces and every writer consumes.

Like pandoc's AST the set of node kinds is small and closed. Three layers:

* :class:`Document` holds :class:`Meta` and a list of blocks;
* blocks (:class:`Heading`, :class:`Paragraph`, :class:`BlockQuote`, :class:`PullQuote`, :class:`Figure`,
  :class:`ListBlock`, :class:`Table`) carry an optional language tag each, so mixed-language documents work;
* text-bearing blocks hold :class:`Sentence` objects, each a list of inlines (:class:`Text`,
  :class:`Emph`, :class:`Strong`, :class:`Link`, :class:`LangSpan`, :class:`TermRef`, :class:`Explained`,
  :class:`LineBreak`).

Sentences are first-class because simplification, translation, the translation memory and the review
report all address single sentences. A block that has not been segmented yet holds exactly one
"sentence" containing all of its text (see :mod:`lesbar.model.segment`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

# --------------------------------------------------------------------------------------------- inlines


@dataclass
class Text:
    """Plain text. Spaces are part of the text; readers normalise runs of whitespace to one space."""

    text: str


@dataclass
class Emph:
    """Emphasis (italic in print)."""

    children: list[Inline] = field(default_factory=list)


@dataclass
class Strong:
    """Strong emphasis (bold in print)."""

    children: list[Inline] = field(default_factory=list)


@dataclass
class Link:
    """A hyperlink."""

    children: list[Inline]
    url: str
    title: str = ""


@dataclass
class LangSpan:
    """Text in another language than its block (BCP 47 tag), e.g. a quoted English phrase."""

    children: list[Inline]
    lang: str


@dataclass
class TermRef:
    """A glossary term found in the text; ``term_id`` names the glossary entry."""

    children: list[Inline]
    term_id: str
    glossary: str = ""


@dataclass
class Explained:
    """A word that the text explains (Leichte Sprache); ``explanation`` is the plain explanation."""

    children: list[Inline]
    explanation: str


@dataclass
class LineBreak:
    """A hard line break inside a block."""


Inline = Text | Emph | Strong | Link | LangSpan | TermRef | Explained | LineBreak
CONTAINER_INLINES = (Emph, Strong, Link, LangSpan, TermRef, Explained)

# ------------------------------------------------------------------------------------------- sentences


@dataclass
class Comment:
    """A review comment on a sentence (e.g. a rule finding of the Leichte Sprache checker).

    Comments are for editors: the DOCX writer turns them into Word comments; they never appear in
    published outputs (HTML, PDF).
    """

    message: str
    rule: str = ""
    words: list[str] = field(default_factory=list)
    author: str = "lesbar"


@dataclass
class Sentence:
    """One sentence of a text block: the unit that is simplified, translated, remembered and reported.

    ``id`` is stable within a document (``b3.s2`` = block 3, sentence 2) so that reports and the
    translation memory can point at it. ``source`` names the sentence id(s) of the document this one was
    derived from (a simplified or translated sentence keeps track of its origin); ``origin`` says how it
    came about (``source``, ``rule:<id>``, ``mt``, ``memory``, ``human``).
    """

    inlines: list[Inline] = field(default_factory=list)
    id: str = ""
    source: list[str] = field(default_factory=list)
    origin: str = "source"
    comments: list[Comment] = field(default_factory=list)

    @property
    def text(self) -> str:
        return inline_text(self.inlines)


# ---------------------------------------------------------------------------------------------- blocks

AltStatus = Literal["source", "draft", "missing", "reviewed"]


@dataclass
class Image:
    """Raster or vector image bytes as found in the source, with their media type."""

    data: bytes
    mime: str = "image/png"
    width: int = 0
    height: int = 0


@dataclass
class Heading:
    level: int
    content: list[Sentence] = field(default_factory=list)
    lang: str | None = None
    id: str = ""


@dataclass
class Paragraph:
    content: list[Sentence] = field(default_factory=list)
    lang: str | None = None
    id: str = ""


@dataclass
class BlockQuote:
    """A quotation set off from the text, with an optional attribution (who said it)."""

    blocks: list[Block] = field(default_factory=list)
    attribution: list[Sentence] = field(default_factory=list)
    lang: str | None = None
    id: str = ""


@dataclass
class PullQuote:
    """A quote repeated from the body as a typographic highlight (newspapers); not part of the text flow."""

    content: list[Sentence] = field(default_factory=list)
    attribution: list[Sentence] = field(default_factory=list)
    lang: str | None = None
    id: str = ""


@dataclass
class Figure:
    """An image with alt text and caption.

    ``alt_status`` is ``source`` when the source document provided the alt text, ``draft`` when lesbar
    derived it (from the caption) and a person should review it, ``missing`` when there is none.
    """

    image: Image | None = None
    alt: str = ""
    alt_status: AltStatus = "missing"
    caption: list[Sentence] = field(default_factory=list)
    lang: str | None = None
    id: str = ""


@dataclass
class ListItem:
    blocks: list[Block] = field(default_factory=list)


@dataclass
class ListBlock:
    """An ordered or unordered list; nested lists are ListBlocks inside an item's blocks."""

    ordered: bool = False
    items: list[ListItem] = field(default_factory=list)
    start: int = 1
    lang: str | None = None
    id: str = ""


@dataclass
class Cell:
    blocks: list[Block] = field(default_factory=list)
    colspan: int = 1
    rowspan: int = 1


@dataclass
class Row:
    cells: list[Cell] = field(default_factory=list)


@dataclass
class Table:
    """A table; the first ``header_rows`` rows are header rows (``th`` / ``w:tblHeader``)."""

    rows: list[Row] = field(default_factory=list)
    header_rows: int = 0
    caption: list[Sentence] = field(default_factory=list)
    lang: str | None = None
    id: str = ""


Block = Heading | Paragraph | BlockQuote | PullQuote | Figure | ListBlock | Table
TEXT_BLOCKS = (Heading, Paragraph)

# ------------------------------------------------------------------------------------------- document

Variant = Literal["original", "leicht", "einfach", "translation"]


@dataclass
class SourceInfo:
    """Where the document came from."""

    path: str = ""
    name: str = ""
    format: str = ""
    sha256: str = ""
    pages: int = 0


@dataclass
class Provenance:
    """How this variant was made: what readers of the output (and the report) must be told.

    Every automatic output says visibly and in its metadata that it was produced automatically and
    whether a person reviewed it.
    """

    automatic: bool = False
    reviewed: bool = False
    method: str = ""  # e.g. "lesbar-simplify 0.1 (rules)", "argos-translate de→en→ar"
    source_lang: str = ""
    pivot: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Meta:
    title: str = ""
    lang: str = "de"
    authors: list[str] = field(default_factory=list)
    byline: str = ""
    dateline: str = ""
    date: str = ""  # ISO 8601 where known
    subtitle: str = ""
    source: SourceInfo = field(default_factory=SourceInfo)
    variant: Variant = "original"
    provenance: Provenance = field(default_factory=Provenance)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Document:
    meta: Meta = field(default_factory=Meta)
    blocks: list[Block] = field(default_factory=list)

    def walk(self) -> Iterator[Block]:
        """All blocks in reading order, depth first (list items, quotes and table cells included)."""
        yield from walk_blocks(self.blocks)

    def sentences(self) -> Iterator[Sentence]:
        """All sentences in reading order, including captions and attributions."""
        for block in self.walk():
            yield from block_sentences(block)


# -------------------------------------------------------------------------------------------- helpers


def inline_text(inlines: list[Inline]) -> str:
    """The plain text of a list of inlines (line breaks become spaces)."""
    parts: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            parts.append(node.text)
        elif isinstance(node, LineBreak):
            parts.append(" ")
        else:
            parts.append(inline_text(node.children))
    return "".join(parts)


def sentences_text(sentences: list[Sentence]) -> str:
    """The plain text of a sentence list, sentences separated by one space."""
    return " ".join(s.text.strip() for s in sentences if s.text.strip())


def walk_blocks(blocks: list[Block]) -> Iterator[Block]:
    for block in blocks:
        yield block
        if isinstance(block, BlockQuote):
            yield from walk_blocks(block.blocks)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from walk_blocks(item.blocks)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    yield from walk_blocks(cell.blocks)


def block_sentences(block: Block) -> Iterator[Sentence]:
    """The sentences a block owns directly (not those of nested blocks)."""
    if isinstance(block, (Heading, Paragraph)):
        yield from block.content
    elif isinstance(block, PullQuote):
        yield from block.content
        yield from block.attribution
    elif isinstance(block, BlockQuote):
        yield from block.attribution
    elif isinstance(block, Figure):
        yield from block.caption
    elif isinstance(block, Table):
        yield from block.caption


def text_sentences(text: str) -> list[Sentence]:
    """Wrap a plain string as one unsegmented sentence (or none for empty text)."""
    text = text.strip()
    return [Sentence([Text(text)])] if text else []


def block_text(block: Block) -> str:
    """The plain text a block shows, nested blocks included."""
    parts = [s.text for s in block_sentences(block)]
    if isinstance(block, BlockQuote):
        parts = [block_text(b) for b in block.blocks] + parts
    elif isinstance(block, ListBlock):
        parts = [block_text(b) for item in block.items for b in item.blocks]
    elif isinstance(block, Table):
        parts = [block_text(b) for row in block.rows for cell in row.cells for b in cell.blocks]
    return " ".join(p.strip() for p in parts if p.strip())
