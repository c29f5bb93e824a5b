"""Tagged PDFs: the structure tree gives headings, lists, tables with TH, figure alt text, language spans.

The PDFs are written by WeasyPrint as PDF/UA-1 (tagged, like Word/LibreOffice exports) from HTML made in
the test; one variant has its structure tree emptied to check the fall-back to page geometry.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest

from lesbar.model import Figure, Heading, LangSpan, ListBlock, Paragraph, Table, block_text, sentences_text
from lesbar.readers import read_document
from lesbar.readers.pdf_tagged import is_tagged


def _png() -> str:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (60, 40), (200, 100, 50)).save(buf, format="PNG")
    return base64.b64encode(buf.getvalue()).decode()


HTML = """<!doctype html><html lang="de"><head><title>Bericht zur Konferenz</title></head><body>
<h1>Integrationskonferenz im Kreis</h1>
<p>Die Konferenz war gut besucht. Viele Menschen kamen in die Festhalle.</p>
<h2>Programm des Tages</h2>
<ul><li>Begrüßung durch den Landrat</li><li>Vortrag zur Integration</li></ul>
<ol><li>Erster Punkt</li><li>Zweiter Punkt</li><li>Dritter Punkt</li></ol>
<table><thead><tr><th>Zeit</th><th>Thema</th></tr></thead>
<tbody><tr><td>9 Uhr</td><td>Begrüßung</td></tr><tr><td>10 Uhr</td><td>Vortrag</td></tr></tbody></table>
<figure><img src="data:image/png;base64,{img}" alt="Vier Menschen auf einer Bühne">
<figcaption>Die Gäste auf der Bühne.</figcaption></figure>
<p>Das Motto lautete <span lang="en">Diversity matters</span> und wurde oft zitiert.</p>
<h3>Ausblick</h3><p>Im nächsten Jahr gibt es eine weitere Konferenz im Kreis.</p>
</body></html>"""


@pytest.fixture(scope="module")
def tagged_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import weasyprint

    folder = tmp_path_factory.mktemp("tagged")
    plain = folder / "weasyprint.pdf"
    weasyprint.HTML(string=HTML.replace("{img}", _png())).write_pdf(str(plain), pdf_variant="pdf/ua-1")
    # WeasyPrint drops lang="en" from span tags; Word and LibreOffice write it. Add it like they do.
    return _with_span_language(plain, folder / "bericht.pdf", paragraph_index=-2, lang="en")


def _with_span_language(source: Path, target: Path, paragraph_index: int, lang: str) -> Path:
    """Copy of ``source`` with ``/Lang`` on the second span of the chosen ``/P`` structure element."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(source))
    paragraphs = []

    def walk(elem) -> None:  # type: ignore[no-untyped-def]
        elem = elem.get_object()
        if not hasattr(elem, "get"):
            return
        if elem.get("/S") == "/P":
            paragraphs.append(elem)
        kids = elem.get("/K")
        if kids is None:
            return
        kids = kids.get_object()
        for kid in kids if isinstance(kids, list) else [kids]:
            if hasattr(kid, "get_object") and hasattr(kid.get_object(), "get"):
                walk(kid)

    walk(writer.root_object["/StructTreeRoot"])
    span = paragraphs[paragraph_index]["/K"][1].get_object()
    span[NameObject("/Lang")] = TextStringObject(lang)
    with target.open("wb") as fh:
        writer.write(fh)
    return target


@pytest.fixture(scope="module")
def doc(tagged_pdf: Path):
    return read_document(tagged_pdf)


def test_file_is_recognised_as_tagged(tagged_pdf: Path) -> None:
    from pypdf import PdfReader

    assert is_tagged(PdfReader(tagged_pdf))


def test_headings_and_their_levels_come_from_the_tags(doc) -> None:
    headings = [(b.level, block_text(b)) for b in doc.blocks if isinstance(b, Heading)]
    assert headings == [(1, "Integrationskonferenz im Kreis"), (2, "Programm des Tages"), (3, "Ausblick")]


def test_lists_are_lists_with_items_and_numbering(doc) -> None:
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 2
    bullets, numbers = lists
    assert [block_text(i.blocks[0]) for i in bullets.items] == ["Begrüßung durch den Landrat", "Vortrag zur Integration"]
    assert not bullets.ordered
    assert numbers.ordered and len(numbers.items) == 3
    assert block_text(numbers.items[2].blocks[0]) == "Dritter Punkt"


def test_table_keeps_rows_cells_and_its_header_row(doc) -> None:
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert table.header_rows == 1
    cells = [[" ".join(block_text(x) for x in c.blocks) for c in row.cells] for row in table.rows]
    assert cells == [["Zeit", "Thema"], ["9 Uhr", "Begrüßung"], ["10 Uhr", "Vortrag"]]


def test_figure_alt_text_comes_from_the_tag_and_the_caption_is_attached(doc) -> None:
    figure = next(b for b in doc.blocks if isinstance(b, Figure))
    assert figure.alt == "Vier Menschen auf einer Bühne" and figure.alt_status == "source"
    assert sentences_text(figure.caption) == "Die Gäste auf der Bühne."
    assert figure.image is not None and figure.image.data
    assert not any("Die Gäste auf der Bühne" in block_text(b) for b in doc.blocks if isinstance(b, Paragraph))


def test_language_span_is_kept_inside_the_sentence(doc) -> None:
    paragraph = next(b for b in doc.blocks if isinstance(b, Paragraph) and "Motto" in block_text(b))
    assert block_text(paragraph) == "Das Motto lautete Diversity matters und wurde oft zitiert."
    spans = [node for s in paragraph.content for node in s.inlines if isinstance(node, LangSpan)]
    assert [(s.lang, s.children[0].text) for s in spans] == [("en", "Diversity matters")]
    assert doc.meta.lang == "de"


def test_reading_order_is_the_tag_order(doc) -> None:
    texts = [block_text(b) for b in doc.blocks]
    assert texts[0] == "Integrationskonferenz im Kreis"
    assert texts[-1] == "Im nächsten Jahr gibt es eine weitere Konferenz im Kreis."


def test_empty_structure_tree_falls_back_to_page_geometry(tagged_pdf: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, NameObject

    writer = PdfWriter(clone_from=PdfReader(tagged_pdf))
    writer.root_object["/StructTreeRoot"].get_object()[NameObject("/K")] = ArrayObject()
    broken = tmp_path / "leerer-baum.pdf"
    with broken.open("wb") as fh:
        writer.write(fh)
    doc = read_document(broken)
    text = " ".join(block_text(b) for b in doc.walk())
    assert "Die Konferenz war gut besucht." in text
    assert "Im nächsten Jahr gibt es eine weitere Konferenz im Kreis." in text
    headings = [block_text(b) for b in doc.blocks if isinstance(b, Heading)]
    assert headings[0] == "Integrationskonferenz im Kreis"


def test_paragraph_language_tag_becomes_the_block_language(tagged_pdf: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(tagged_pdf))
    document = writer.root_object["/StructTreeRoot"]["/K"]
    document = document[0].get_object() if isinstance(document, list) else document.get_object()
    paragraphs = [k.get_object() for k in document["/K"] if k.get_object().get("/S") == "/P"]
    last = paragraphs[-1]  # "Im nächsten Jahr …" — declare it French, as a translated insert would be
    last[NameObject("/Lang")] = TextStringObject("fr")
    target = tmp_path / "mit-sprache.pdf"
    with target.open("wb") as fh:
        writer.write(fh)
    doc = read_document(target)
    paragraph = next(b for b in doc.blocks if isinstance(b, Paragraph) and "nächsten Jahr" in block_text(b))
    assert paragraph.lang == "fr"
    assert doc.meta.lang == "de"
