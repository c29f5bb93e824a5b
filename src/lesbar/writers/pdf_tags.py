"""Adapter around WeasyPrint's PDF tagging: fills two gaps of its PDF/UA-1 tag tree.

WeasyPrint (70) builds the structure tree in ``weasyprint.pdf.tags._build_box_tree``. Two things lesbar
needs are missing there (upstream collects its PDF/UA gaps in https://github.com/Kozea/WeasyPrint/issues/2482):

* **Language changes.** Only the catalog gets ``/Lang`` (from ``<html lang>``); an element with its own
  ``lang`` attribute (an English paragraph in a German report, a German name in an Arabic translation)
  gets none, so a screen reader speaks it with the wrong voice. PDF/UA-1 (ISO 14289-1, 7.2) requires
  language changes to be declared. We copy the element's ``lang`` to its structure element.
* **Table headers with spans.** WeasyPrint links a data cell to its header cells by column index without
  accounting for a header that spans several columns, so the cells under the second column of a
  ``colspan=2`` header get an empty ``/Headers`` (PDF/UA-1 7.5 fails). We recompute ``/Headers`` on the
  real cell grid.
* **List item children.** PDF/UA-1 allows only ``Lbl`` and ``LBody`` under ``LI``, but WeasyPrint puts a
  block child of ``<li>`` (a ``<p>``, a table, a figure) directly under ``LI``. We wrap such a child in an
  ``LBody``.

The wrapper replaces the module function once (the original calls itself through the module global, so
every level of the recursion goes through the wrapper). If a WeasyPrint release renames the function the
adapter logs a warning and does nothing; ``tests/writers/test_pdf.py`` then fails on the missing
``/Lang`` and tells us to revisit this module.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

log = logging.getLogger(__name__)

_LIST_ITEM_KIDS = ("/Lbl", "/LBody")
_installed = False


def _element_lang(box: Any) -> str | None:
    box = getattr(box, "_box", box)  # AbsolutePlaceholder wraps the real box
    element = getattr(box, "element", None)
    if element is None or getattr(box, "element_tag", None) in ("html", "body"):
        return None
    lang = element.get("lang") if hasattr(element, "get") else None
    return lang or None


def _table_rows(box: Any) -> Iterator[Any]:
    """Row boxes of a table box, not descending into cells (a nested table has its own Table tag)."""
    from weasyprint.formatting_structure import boxes

    for child in getattr(box, "children", ()):
        if isinstance(child, boxes.TableRowBox):
            yield child
        elif isinstance(child, (boxes.TableBox, boxes.TableRowGroupBox)):
            yield from _table_rows(child)


def _fix_table_headers(box: Any, table_element: Any) -> None:
    """Set every data cell's ``/Headers`` from the header cells that cover its rows or columns."""
    import pydyf

    table = box.get_wrapped_table() if getattr(box, "is_table_wrapper", False) else box
    taken: set[tuple[int, int]] = set()
    cells: list[tuple[Any, int, int, int, int]] = []  # (cell box, row, col, rowspan, colspan)
    for r, row in enumerate(_table_rows(table)):
        c = 0
        for cell in row.children:
            while (r, c) in taken:
                c += 1
            rowspan, colspan = max(1, getattr(cell, "rowspan", 1)), max(1, getattr(cell, "colspan", 1))
            taken |= {(r + dr, c + dc) for dr in range(rowspan) for dc in range(colspan)}
            if getattr(cell, "mark", None) is not None and cell.element is not None:
                cells.append((cell, r, c, rowspan, colspan))
            c += colspan
    headers = [item for item in cells if item[0].element_tag == "th"]
    for cell, r, c, _rs, _cs in headers:
        if "ID" not in cell.mark:
            cell.mark["ID"] = pydyf.String(f"{table_element.number}-{r}-{c}")
    for cell, r, c, rowspan, colspan in cells:
        if cell.element_tag != "td":
            continue
        rows, cols = set(range(r, r + rowspan)), set(range(c, c + colspan))
        ids = []
        for head, hr, hc, hrs, hcs in headers:
            if head.element.get("scope") == "row":
                if rows & set(range(hr, hr + hrs)) and hc < c:
                    ids.append(head.mark["ID"])
            elif cols & set(range(hc, hc + hcs)) and hr < r:
                ids.append(head.mark["ID"])
        if ids:
            cell.mark["A"]["Headers"] = pydyf.Array(ids)


def _wrap(original: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
    import pydyf

    def build_box_tree(box: Any, parent: Any, pdf: Any, page_number: int, *args: Any) -> Iterator[Any]:
        lang = _element_lang(box)
        for element in original(box, parent, pdf, page_number, *args):
            if lang and "Lang" not in element:
                element["Lang"] = pydyf.String(lang)
            if str(element.get("S", "")) == "/Table":
                _fix_table_headers(getattr(box, "_box", box), element)
            if str(parent.get("S", "")) == "/LI" and str(element.get("S", "")) not in _LIST_ITEM_KIDS:
                body = pydyf.Dictionary({
                    "Type": "/StructElem",
                    "S": "/LBody",
                    "K": pydyf.Array([element.reference]),
                    "Pg": pdf.page_references[page_number],
                    "P": parent.reference,
                })
                pdf.add_object(body)
                element["P"] = body.reference
                yield body
            else:
                yield element

    build_box_tree.__wrapped__ = original  # type: ignore[attr-defined]
    return build_box_tree


def install() -> None:
    """Patch WeasyPrint's tag-tree builder once per process (idempotent)."""
    global _installed
    if _installed:
        return
    try:
        from weasyprint.pdf import tags
    except ImportError:  # pragma: no cover - WeasyPrint is a runtime dependency
        return
    original = getattr(tags, "_build_box_tree", None)
    if original is None:
        log.warning("WeasyPrint has no _build_box_tree: element languages are not tagged in PDFs")
        return
    if not hasattr(original, "__wrapped__"):
        tags._build_box_tree = _wrap(original)
    _installed = True
