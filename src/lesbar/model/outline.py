"""An indented, human-readable outline of a document (``lesbar inspect`` without ``--json``)."""

from __future__ import annotations

import textwrap

from lesbar.model.nodes import (
    Block,
    BlockQuote,
    Document,
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    PullQuote,
    Sentence,
    Table,
    sentences_text,
)


def _short(text: str, width: int = 100) -> str:
    return textwrap.shorten(text, width=width, placeholder=" …") if text else ""


def _sentences(lines: list[str], sentences: list[Sentence], indent: str) -> None:
    for s in sentences:
        lines.append(f"{indent}[{s.id or '-'}] {_short(s.text)}")


def _block(lines: list[str], block: Block, indent: str) -> None:
    lang = f" lang={block.lang}" if block.lang else ""
    if isinstance(block, Heading):
        lines.append(f"{indent}Heading {block.level}{lang}: {_short(sentences_text(block.content))}")
    elif isinstance(block, Paragraph):
        lines.append(f"{indent}Paragraph{lang} ({len(block.content)} sentences)")
        _sentences(lines, block.content, indent + "  ")
    elif isinstance(block, BlockQuote):
        lines.append(f"{indent}BlockQuote{lang}" + (f" — {sentences_text(block.attribution)}" if block.attribution else ""))
        for inner in block.blocks:
            _block(lines, inner, indent + "  ")
    elif isinstance(block, PullQuote):
        lines.append(f"{indent}PullQuote{lang}: {_short(sentences_text(block.content))}"
                     + (f" — {sentences_text(block.attribution)}" if block.attribution else ""))
    elif isinstance(block, Figure):
        image = f"{block.image.mime}, {len(block.image.data)} bytes" if block.image else "no image"
        lines.append(f"{indent}Figure{lang} ({image}) alt[{block.alt_status}]: {_short(block.alt, 70)}")
        if block.caption:
            lines.append(f"{indent}  caption: {_short(sentences_text(block.caption))}")
    elif isinstance(block, ListBlock):
        lines.append(f"{indent}List ({'ordered' if block.ordered else 'bullets'}, {len(block.items)} items){lang}")
        for item in block.items:
            for i, inner in enumerate(item.blocks):
                _block(lines, inner, indent + ("  - " if i == 0 else "    "))
    elif isinstance(block, Table):
        lines.append(f"{indent}Table{lang} ({len(block.rows)} rows, {block.header_rows} header)")
        for r, row in enumerate(block.rows):
            cells = " | ".join(_short(" ".join(_cell_text(b) for b in c.blocks), 30) for c in row.cells)
            lines.append(f"{indent}  {'H' if r < block.header_rows else ' '} {cells}")


def _cell_text(block: Block) -> str:
    from lesbar.model.nodes import block_text

    return block_text(block)


def outline(doc: Document) -> str:
    meta = doc.meta
    lines = [
        f"Title:    {meta.title}",
        f"Language: {meta.lang}",
        f"Source:   {meta.source.name} ({meta.source.format}, {meta.source.pages or '-'} pages)",
    ]
    for label, value in (("Byline", meta.byline), ("Dateline", meta.dateline), ("Date", meta.date),
                         ("Authors", ", ".join(meta.authors)), ("Variant", meta.variant)):
        if value and value != "original":
            lines.append(f"{label + ':':<10}{value}")
    for warning in meta.warnings:
        lines.append(f"Warning:  {warning}")
    lines.append("")
    for block in doc.blocks:
        _block(lines, block, "")
    return "\n".join(lines)
