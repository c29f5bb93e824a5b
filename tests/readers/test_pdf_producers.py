"""PDFs from producers other than the reader's own generator: WeasyPrint, LibreOffice, reportlab platypus.

The reader is judged on files it has never seen. These producers differ from ``pdfgen.newspaper`` in ways
that broke it: CSS line heights (1.3–1.6 instead of 1.2) and hyphens from a fallback font that make some
lines taller, headlines and leads spanning CSS columns, WeasyPrint's per-column ``Art`` tags, photos
placed larger than their frame and clipped (LibreOffice, DTP), Word-style heading sizes 14/13 pt, table
rows set close to the text after them, bullets whose glyph has no Unicode. The reports are in
``pdfgen/reports.py``; every test names the behaviour it checks.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from lesbar.model import Document, Figure, ListBlock, Table, block_text
from lesbar.readers import read_document
from pdfgen.measure import (
    body_sentences,
    captions,
    headings,
    intact_in_order,
    paragraphs_text,
    quotes,
    source_sentences,
)
from pdfgen.producers import (
    fpdf2_columns,
    libreoffice_pdf,
    placed_pages,
    report_docx,
    reportlab_cropped_photo,
    reportlab_flyer,
    reportlab_press_release,
    reprint,
    scanned,
    soffice,
    weasyprint_pdf,
)
from pdfgen.reports import FACHTAG, PRESSEMITTEILUNG, WOCHE, Report

WEASY_LAYOUTS: dict[str, tuple[Report, dict[str, object]]] = {
    "three_columns_justified": (FACHTAG, {"columns": 3}),
    "two_columns_a5_multipage": (FACHTAG, {"columns": 2, "page": "A5", "size": 9, "fill": "auto"}),
    "two_columns_ragged_sans": (WOCHE, {"columns": 2, "justified": False, "font": "Nimbus Sans"}),
    "two_columns_loose_leading": (WOCHE, {"columns": 2, "font": "DejaVu Sans", "size": 9, "line_height": 1.6}),
    "three_columns_loose_leading": (FACHTAG, {"columns": 3, "font": "Nimbus Sans", "size": 8.5,
                                              "line_height": 1.5, "justified": False}),
    "three_columns_photo_across": (FACHTAG, {"columns": 3, "wide_figure": True, "figure_at": 3}),
    "four_columns_dateline": (FACHTAG, {"columns": 4, "size": 8.5, "font": "DejaVu Serif", "figure_at": 5,
                                        "quote_at": 2, "dateline": "HEINSBERG."}),
    "two_columns_drop_cap": (WOCHE, {"columns": 2, "drop_cap": True, "font": "Nimbus Sans"}),
    "three_columns_bold_quote": (FACHTAG, {"columns": 3, "bold_quote": True}),
}


def _intact(report: Report, doc: Document) -> float:
    return intact_in_order(source_sentences(report.body()), body_sentences(doc))


def _no_furniture_in_body(report: Report, doc: Document) -> None:
    text = " ".join(paragraphs_text(doc))
    if report.caption:
        assert report.caption[:40] not in text
    if report.quote:
        assert report.quote[1:40] not in text
    for furniture in (report.header, report.footer, "Seite 1 von", "Dienstag, 17. März 2026"):
        if furniture:
            assert furniture not in text


@pytest.fixture(scope="module")
def weasy(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Report, Document]]:
    pytest.importorskip("weasyprint")
    folder = tmp_path_factory.mktemp("weasy")
    out = {}
    for name, (report, options) in WEASY_LAYOUTS.items():
        path = weasyprint_pdf(folder / f"{name}.pdf", report, **options)
        out[name] = (report, read_document(path))
    return out


@pytest.mark.parametrize("name", sorted(WEASY_LAYOUTS))
def test_weasyprint_column_article_reads_in_order(weasy, name: str) -> None:
    report, doc = weasy[name]
    score = _intact(report, doc)
    assert score >= 0.98, f"{name}: only {score:.1%} of the sentences intact and in order"


@pytest.mark.parametrize("name", sorted(WEASY_LAYOUTS))
def test_weasyprint_article_keeps_headline_subheadings_figure_and_quote_out_of_the_body(weasy, name: str) -> None:
    report, doc = weasy[name]
    assert headings(doc) == [(1, report.headline)] + [(2, h) for h in report.subheadings.values()]
    assert any(c.startswith(report.caption[:40]) for c in captions(doc))
    assert quotes(doc) == [(report.quote, report.attribution)]
    assert doc.meta.byline.upper().startswith(report.byline.upper()[:20])
    _no_furniture_in_body(report, doc)


def test_weasyprint_lead_set_across_the_columns_stays_one_paragraph(weasy) -> None:
    report, doc = weasy["three_columns_justified"]
    assert paragraphs_text(doc)[0] == report.lead


def test_weasyprint_byline_wrapped_in_a_narrow_column_is_one_byline(weasy) -> None:
    _report, doc = weasy["three_columns_justified"]
    assert doc.meta.byline == "VON ANNA-PETRA SCHULTE-BRINKMANN"


def test_weasyprint_photo_across_all_columns_is_read_band_by_band(weasy) -> None:
    report, doc = weasy["three_columns_photo_across"]
    texts = paragraphs_text(doc)
    # the text runs through the three columns above the photo, then through the three below it
    assert texts.index(report.paragraphs[2]) < texts.index(report.paragraphs[3])
    assert report.paragraphs[2] in texts and report.paragraphs[3] in texts


def test_weasyprint_bold_dateline_goes_to_the_metadata(weasy) -> None:
    report, doc = weasy["four_columns_dateline"]
    assert doc.meta.dateline == "HEINSBERG"
    assert paragraphs_text(doc)[1] == report.paragraphs[0]


def test_weasyprint_tagged_article_joins_paragraphs_split_by_column_boxes(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    doc = read_document(weasyprint_pdf(tmp_path / "tagged.pdf", FACHTAG, columns=3, tagged=True))
    assert _intact(FACHTAG, doc) >= 0.98
    assert headings(doc) == [(1, FACHTAG.headline)] + [(2, h) for h in FACHTAG.subheadings.values()]
    # WeasyPrint tags every column box as an Art; a paragraph running on into the next column is one P
    texts = paragraphs_text(doc)
    assert FACHTAG.paragraphs[2] in texts


@pytest.mark.parametrize("tool", ["ghostscript", "cairo"])
def test_reprinted_pdf_ligatures_come_out_as_letters(tmp_path: Path, tool: str) -> None:
    import shutil

    if shutil.which("gs" if tool == "ghostscript" else "pdftocairo") is None:
        pytest.skip(f"{tool} is not installed")
    pytest.importorskip("weasyprint")
    source = weasyprint_pdf(tmp_path / "source.pdf", FACHTAG, columns=3)
    doc = read_document(reprint(source, tmp_path / f"{tool}.pdf", tool))
    text = " ".join(paragraphs_text(doc))
    assert "Demir-Hoffmann" in text and "häufig" in text and "stattfinden" in text
    assert _intact(FACHTAG, doc) >= 0.98


def test_page_placed_scaled_as_form_xobject_reads_in_order(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    source = weasyprint_pdf(tmp_path / "source.pdf", FACHTAG, columns=3)
    doc = read_document(placed_pages([source], tmp_path / "placed.pdf", (420.9, 595.28), scale=0.7071))
    assert _intact(FACHTAG, doc) >= 0.98
    assert headings(doc)[0] == (1, FACHTAG.headline)
    assert any(isinstance(b, Figure) and b.image is not None for b in doc.blocks)


def test_two_pages_side_by_side_as_form_xobjects_read_one_after_the_other(tmp_path: Path) -> None:
    """Each form is extracted by pypdf in its own coordinates; the second page must not land on the first."""
    pytest.importorskip("weasyprint")
    source = weasyprint_pdf(tmp_path / "a5.pdf", FACHTAG, columns=2, page="A5", size=9, fill="auto")
    from pypdf import PdfReader, PdfWriter

    halves = []
    for number in range(len(PdfReader(source).pages)):
        writer = PdfWriter()
        writer.add_page(PdfReader(source).pages[number])
        halves.append(tmp_path / f"page{number}.pdf")
        writer.write(halves[-1])
    doc = read_document(placed_pages(halves, tmp_path / "2up.pdf", (841.89, 595.28)))
    assert len(halves) == 2
    assert _intact(FACHTAG, doc) >= 0.98


def test_fpdf2_text_columns_read_in_order_with_fonts_restored_by_q_and_Q(tmp_path: Path) -> None:
    pytest.importorskip("fpdf")
    if not Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf").exists():
        pytest.skip("DejaVu fonts are not installed")
    doc = read_document(fpdf2_columns(tmp_path / "fpdf2.pdf", FACHTAG))
    assert _intact(FACHTAG, doc) >= 0.98
    assert headings(doc) == [(1, FACHTAG.headline)] + [(2, h) for h in FACHTAG.subheadings.values()]
    assert paragraphs_text(doc)[0] == FACHTAG.lead
    assert doc.meta.byline == FACHTAG.byline.upper()


def test_scan_of_a_css_column_article_reads_in_order(tmp_path: Path) -> None:
    """OCR line sizes are x-heights, so the line gap is large in em: thresholds follow the page's spacing."""
    from lesbar.readers.ocr import missing_ocr_tools

    if missing_ocr_tools():
        pytest.skip(f"OCR tools missing: {missing_ocr_tools()}")
    pytest.importorskip("weasyprint")
    source = weasyprint_pdf(tmp_path / "source.pdf", FACHTAG, columns=3)
    doc = read_document(scanned(source, tmp_path / "scan.pdf"))
    assert _intact(FACHTAG, doc) >= 0.85  # OCR misreads an accent or two ("Begegnungscafes")
    found = [text for _level, text in headings(doc)]
    assert found[0] == FACHTAG.headline and set(FACHTAG.subheadings.values()) <= set(found)


# --------------------------------------------------------------------------------------- reportlab


@pytest.mark.parametrize("bullets", ["symbol", "unmapped", "dingbats"])
def test_press_release_bullets_become_a_list_whatever_the_bullet_glyph(tmp_path: Path, bullets: str) -> None:
    doc = read_document(reportlab_press_release(tmp_path / f"press-{bullets}.pdf", PRESSEMITTEILUNG,
                                                bullets=bullets))
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1
    assert [block_text(item.blocks[0]) for item in lists[0].items] == PRESSEMITTEILUNG.bullets
    assert not any(isinstance(b, Table) and len(b.rows[0].cells) == 2 and not block_text(b.rows[0].cells[0].blocks[0])
                   .strip(" •") for b in doc.blocks)
    assert _intact(PRESSEMITTEILUNG, doc) >= 0.98


def test_press_release_with_letterhead_reads_headline_lead_body_and_table(tmp_path: Path) -> None:
    doc = read_document(reportlab_press_release(tmp_path / "press.pdf", PRESSEMITTEILUNG))
    assert (1, PRESSEMITTEILUNG.headline) in headings(doc)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1 and len(tables[0].rows) == len(PRESSEMITTEILUNG.table) and tables[0].header_rows == 1
    assert _intact(PRESSEMITTEILUNG, doc) >= 0.98
    assert PRESSEMITTEILUNG.footer not in " ".join(paragraphs_text(doc))


def test_flyer_table_row_set_close_above_text_stays_in_the_table(tmp_path: Path) -> None:
    doc = read_document(reportlab_flyer(tmp_path / "flyer.pdf", PRESSEMITTEILUNG))
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [[block_text(c.blocks[0]) for c in row.cells] for row in tables[0].rows] == PRESSEMITTEILUNG.table
    assert _intact(PRESSEMITTEILUNG, doc) >= 0.98
    assert [h for _level, h in headings(doc)] == [PRESSEMITTEILUNG.headline, "Öffnungszeiten"]


def test_cropped_photo_is_placed_at_its_visible_frame(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from lesbar.readers.pdf_runs import page_content

    path = reportlab_cropped_photo(tmp_path / "crop.pdf", FACHTAG)
    content = page_content(PdfReader(str(path)).pages[0], 1)
    [image] = content.images
    column = (content.width - 2 * 50.0 - 16.0) / 2
    assert image.x0 == pytest.approx(50.0, abs=0.5) and image.x1 == pytest.approx(50.0 + column, abs=0.5)
    doc = read_document(path)
    assert _intact(FACHTAG, doc) >= 0.98
    assert any(isinstance(b, Figure) for b in doc.blocks)


def test_ragged_column_with_spaced_paragraphs_keeps_a_short_sentence_end_inside_its_paragraph(tmp_path: Path) -> None:
    """"… dann voraussichtlich im Mai." ends short because "Anregungen" did not fit: no space follows, and
    this page sets its paragraphs apart by space, so the paragraph goes on."""
    doc = read_document(reportlab_cropped_photo(tmp_path / "crop.pdf", FACHTAG))
    assert FACHTAG.paragraphs[-1] in paragraphs_text(doc)


# ------------------------------------------------------------------------------------- LibreOffice

needs_soffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")


@pytest.fixture(scope="module")
def libreoffice(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Report, Document]]:
    folder = tmp_path_factory.mktemp("libreoffice")
    out = {}
    for name, report, columns, tagged in [("fachtag_two_columns", FACHTAG, 2, False),
                                          ("woche_three_columns", WOCHE, 3, False),
                                          ("fachtag_two_columns_tagged", FACHTAG, 2, True),
                                          ("press_release", PRESSEMITTEILUNG, 1, False),
                                          ("press_release_tagged", PRESSEMITTEILUNG, 1, True),
                                          ("fachtag_caption_style_tagged", FACHTAG, 2, True)]:
        source = report_docx(folder / f"{name}.docx", report, columns=columns,
                             caption_style=name.startswith("fachtag_caption"))
        out[name] = (report, read_document(libreoffice_pdf(source, folder, tagged=tagged)))
    return out


@needs_soffice
@pytest.mark.parametrize("name", ["press_release", "press_release_tagged"])
def test_libreoffice_press_release_list_and_table(libreoffice, name: str) -> None:
    report, doc = libreoffice[name]
    assert _intact(report, doc) >= 0.98
    [bullets] = [b for b in doc.blocks if isinstance(b, ListBlock)]
    # Word's "List Bullet" draws U+F0B7 (Symbol); tagged, LibreOffice puts it inside the item's body
    assert [block_text(item.blocks[0]) for item in bullets.items] == report.bullets
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    # untagged: the rows sit closer together than any gap the cut would take; still read row by row
    assert [[block_text(c.blocks[0]) for c in row.cells] for row in table.rows] == report.table
    if name == "press_release":  # the DOCX declares no header row, so only geometry (a bold first row) sees one
        assert table.header_rows == 1


@needs_soffice
def test_libreoffice_caption_style_is_a_caption_in_the_tag_tree(libreoffice) -> None:
    report, doc = libreoffice["fachtag_caption_style_tagged"]
    assert any(c.startswith(report.caption[:40]) for c in captions(doc))
    assert report.caption[:40] not in " ".join(paragraphs_text(doc))


@needs_soffice
@pytest.mark.parametrize("name", ["fachtag_two_columns", "woche_three_columns", "fachtag_two_columns_tagged"])
def test_libreoffice_column_section_reads_in_order(libreoffice, name: str) -> None:
    report, doc = libreoffice[name]
    assert _intact(report, doc) >= 0.98
    assert doc.meta.title == report.headline


@needs_soffice
@pytest.mark.parametrize("name", ["fachtag_two_columns", "woche_three_columns", "fachtag_two_columns_tagged"])
def test_libreoffice_heading_1_and_heading_2_are_two_levels(libreoffice, name: str) -> None:
    report, doc = libreoffice[name]
    assert headings(doc) == [(1, report.headline)] + [(2, h) for h in report.subheadings.values()]


@needs_soffice
@pytest.mark.parametrize("name", ["fachtag_two_columns", "woche_three_columns"])
def test_libreoffice_untagged_export_drops_header_footer_and_sets_the_caption_apart(libreoffice, name: str) -> None:
    report, doc = libreoffice[name]
    assert any(c.startswith(report.caption[:40]) for c in captions(doc))
    _no_furniture_in_body(dataclasses.replace(report, quote=""), doc)


def test_generated_producer_files_cover_the_required_variety() -> None:
    assert {options.get("columns") for _r, options in WEASY_LAYOUTS.values()} >= {2, 3}
    assert any(float(options.get("line_height", 1.3)) >= 1.5 for _r, options in WEASY_LAYOUTS.values())  # type: ignore[arg-type]
