"""The cell grid of a table as every writer must lay it out: spans clipped, rows filled, header rows closed.

Readers produce tables as Word and PDFs have them, which HTML, Word and PDF/UA-1 do not all accept:

* a header cell that spans into the first body row (Word: a vertically merged "Ort" next to the years
  2023 / 2024 below "Gäste"). HTML clips a ``rowspan`` at the end of its row group (``thead``), so the body
  row then has one cell too few and the PDF tag tree has rows of different widths
  (PDFUA1-TABLE-ROW-COLUMNSPAN-001). The header rows are extended to cover such a span (the years *are*
  headers); only when that would leave no body row the span is cut at the header instead;
* a ``rowspan`` that reaches past the last row (cut at the last row);
* rows with fewer cells than the widest row (Word's ``gridBefore``/``gridAfter``, ragged PDF tables):
  filled with empty cells so that every row spans the same number of columns.
"""

from __future__ import annotations

from dataclasses import dataclass

from lesbar.model import Cell, Table


@dataclass
class Placed:
    """A cell at its grid position with the spans it really gets."""

    cell: Cell
    row: int
    col: int
    rowspan: int
    colspan: int
    filler: bool = False  # an empty cell added to fill a short row


@dataclass
class Grid:
    rows: list[list[Placed]]
    ncols: int
    header_rows: int


def _place(spans: list[list[tuple[int, int]]]) -> tuple[list[list[tuple[int, int, int]]], int]:
    """(col, rowspan, colspan) per cell and the grid width, each cell at the first free slot of its row."""
    taken: set[tuple[int, int]] = set()
    out: list[list[tuple[int, int, int]]] = []
    for r, row in enumerate(spans):
        col = 0
        placed = []
        for rowspan, colspan in row:
            while (r, col) in taken:
                col += 1
            taken |= {(r + dr, col + dc) for dr in range(rowspan) for dc in range(colspan)}
            placed.append((col, rowspan, colspan))
            col += colspan
        out.append(placed)
    ncols = max((c for _r, c in taken), default=-1) + 1
    return out, ncols


def table_grid(table: Table) -> Grid:
    """The table's cells placed on a rectangular grid (see the module docstring for what is repaired)."""
    nrows = len(table.rows)
    header_rows = max(0, min(table.header_rows, nrows))
    # extend the header over rows that a header cell spans into, unless no body row would be left
    while header_rows:
        reach = max((r + max(1, c.rowspan) for r in range(header_rows) for c in table.rows[r].cells), default=0)
        reach = min(reach, nrows)
        if reach <= header_rows or reach >= nrows:
            break
        header_rows = reach
    spans: list[list[tuple[int, int]]] = []
    for r, row in enumerate(table.rows):
        end = header_rows if r < header_rows else nrows  # a span never leaves its row group
        spans.append([(max(1, min(c.rowspan, end - r)), max(1, c.colspan)) for c in row.cells])
    positions, ncols = _place(spans)
    covered = [0] * nrows
    rows: list[list[Placed]] = []
    for r, row in enumerate(table.rows):
        placed = []
        for cell, (col, rowspan, colspan) in zip(row.cells, positions[r], strict=True):
            placed.append(Placed(cell, r, col, rowspan, colspan))
            for dr in range(rowspan):
                covered[r + dr] += colspan
        rows.append(placed)
    for r in range(nrows):
        # a short row: empty cells in its free slots (the HTML table model fills free slots left to right)
        missing = ncols - covered[r]
        if missing > 0:
            taken = {(p.row + dr, p.col + dc) for row in rows for p in row
                     for dr in range(p.rowspan) for dc in range(p.colspan)}
            free = [c for c in range(ncols) if (r, c) not in taken]
            rows[r].extend(Placed(Cell([]), r, c, 1, 1, filler=True) for c in free)
            rows[r].sort(key=lambda p: p.col)
    return Grid(rows, ncols, header_rows)
