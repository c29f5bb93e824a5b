"""The bundled samples: reproducible from their source texts, and structured like the real thing.

Other tests and the Quick start use the files in ``samples/``; these tests make sure they are what
``samples/README.md`` says: rebuilt identically by ``samples/make_samples.py``, carrying exactly the
corrected report text, and having the raw PDF/DOCX features the readers must handle (columns,
hyphenated line ends, an image with a caption, a pull quote, header and footer; Word styles, alt
text, language). They inspect the files with pypdf and python-docx directly, not with lesbar's
readers, so a reader bug cannot hide a broken sample.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import zipfile
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import ModuleType

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from PIL import Image
from pypdf import PageObject, PdfReader

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "integrationskonferenz_ocr.txt"
CLIPPING_PDF = SAMPLES / "integrationskonferenz.pdf"
REPORT_DOCX = SAMPLES / "integrationskonferenz.docx"
PRESS_DOCX = SAMPLES / "pressemitteilung-sprachkurs.docx"
PRESS_PDF = SAMPLES / "pressemitteilung-sprachkurs.pdf"
# samples/make_samples.py is a script, not part of the lesbar package; import it and its builders.
sys.path.insert(0, str(SAMPLES))
import make_samples as make_samples_module  # noqa: E402
from samplebuild.press_release import PressRelease, load_press_release  # noqa: E402
from samplebuild.source import Report, load_report  # noqa: E402

BUILT_FILES = (
    "integrationskonferenz.pdf",
    "integrationskonferenz.docx",
    "integrationskonferenz-foto.png",
    "pressemitteilung-sprachkurs.docx",
    "pressemitteilung-sprachkurs.pdf",
)


# -- helpers ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def make_samples() -> ModuleType:
    return make_samples_module


@pytest.fixture(scope="module")
def report() -> Report:
    return load_report()


@pytest.fixture(scope="module")
def press() -> PressRelease:
    return load_press_release()


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory, make_samples: ModuleType) -> Path:
    out = tmp_path_factory.mktemp("rebuilt")
    make_samples.build_all(out)
    return out


@dataclass(frozen=True)
class Run:
    """One text-showing operation as pypdf's visitor reports it, in page coordinates."""

    text: str
    x: float
    y: float
    size: float
    font: str


def _runs(page: PageObject) -> list[Run]:
    runs: list[Run] = []

    def visit(text: str, cm: list[float], tm: list[float], font: dict | None, size: float) -> None:
        if not text.strip():
            return
        # text matrix × current transformation matrix → position and effective size on the page
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = (tm[3] * cm[3]) or 1.0
        name = str(font.get("/BaseFont", "")) if font else ""
        runs.append(Run(text, x, y, size * abs(scale), name.split("+")[-1]))

    page.extract_text(visitor_text=visit)
    return runs


def _image_boxes(page: PageObject) -> list[tuple[float, float, float, float]]:
    """(x, y, width, height) of every XObject painted with ``Do`` on the page."""
    boxes = []

    def before(operator: bytes, operands: list, cm: list[float], tm: list[float]) -> None:
        if operator == b"Do":
            boxes.append((cm[4], cm[5], cm[0], cm[3]))

    page.extract_text(visitor_operand_before=before)
    return boxes


def _squeeze(text: str) -> str:
    """Text without whitespace and hyphens: equal for equal wording however the lines were broken."""
    return re.sub(r"[\s\-\u00ad]+", "", text)


def _pdf_article_text(path: Path, remove: list[str]) -> str:
    """All text of a PDF squeezed, with the given pieces (furniture, caption, quote) cut out."""
    squeezed = _squeeze("".join(page.extract_text() for page in PdfReader(path).pages))
    for piece in remove:
        key = _squeeze(piece)
        assert key in squeezed, f"expected {piece!r} in {path.name}"
        squeezed = squeezed.replace(key, "", 1)
    return squeezed


def _clipping_furniture(report: Report) -> list[str]:
    first = int(report.newspaper["first_page"])
    pieces = []
    for index in range(2):
        # the page number follows the footer text in the content stream
        pieces += [report.newspaper["header"], report.running_footer(index) + str(first + index)]
    pieces += [f"{report.caption} {report.credit}", report.pull_quote, report.attribution]
    return pieces


def _docx_texts(path: Path) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def _line_start_columns(runs: list[Run], size: float) -> list[float]:
    """Left edges of text columns: x positions where at least 10 runs of text at ``size`` start.

    Runs within 12 pt of a cluster's left edge belong to it, so first-line indents merge in.
    """
    starts = sorted(run.x for run in runs if abs(run.size - size) <= 0.05)
    clusters: list[list[float]] = []
    for x in starts:
        if clusters and x - clusters[-1][0] <= 12:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    return [cluster[0] for cluster in clusters if len(cluster) >= 10]


# -- reproducibility ------------------------------------------------------------------------------


def test_every_sample_file_is_committed(make_samples: ModuleType) -> None:
    assert set(make_samples.builders()) == set(BUILT_FILES)
    for name in BUILT_FILES:
        assert (SAMPLES / name).stat().st_size > 5000, name


def test_command_in_a_fresh_process_gives_identical_bytes(rebuilt: Path, tmp_path: Path) -> None:
    """The documented command, run in another interpreter (other hash seed), builds the same bytes."""
    result = subprocess.run(
        [sys.executable, str(SAMPLES / "make_samples.py"), "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
    )
    assert result.returncode == 0, result.stderr
    for name in BUILT_FILES:
        assert (tmp_path / name).read_bytes() == (rebuilt / name).read_bytes(), name
    assert not list(tmp_path.glob("*.part"))


def test_rebuild_reproduces_the_committed_samples(rebuilt: Path, report, press: PressRelease) -> None:
    recorded = json.loads((SAMPLES / "build-environment.json").read_text(encoding="utf-8"))
    current = json.loads((rebuilt / "build-environment.json").read_text(encoding="utf-8"))
    if recorded == current:
        # Same libraries, fonts and zlib as when the samples were built: bytes must match exactly,
        # otherwise the committed files are stale — run samples/make_samples.py.
        for name in BUILT_FILES:
            assert (rebuilt / name).read_bytes() == (SAMPLES / name).read_bytes(), f"{name} is stale"
        return
    # Other versions (e.g. another distribution's fonts) move line breaks; the wording must not change.
    furniture = _clipping_furniture(report)
    assert _pdf_article_text(rebuilt / CLIPPING_PDF.name, furniture) == _pdf_article_text(CLIPPING_PDF, furniture)
    for name in (REPORT_DOCX.name, PRESS_DOCX.name):
        assert _docx_texts(rebuilt / name) == _docx_texts(SAMPLES / name)
    assert _squeeze(PdfReader(rebuilt / PRESS_PDF.name).pages[0].extract_text()) == _squeeze(
        PdfReader(PRESS_PDF).pages[0].extract_text()
    )


def test_missing_fonts_give_one_clear_line_and_write_nothing(
    tmp_path: Path, make_samples: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fonts = sys.modules["samplebuild.fonts"]
    monkeypatch.setattr(fonts, "FONT_DIRS", (tmp_path / "no-fonts-here",))
    out = tmp_path / "out"
    assert make_samples.main(["-o", str(out)]) == 1
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1
    assert "fonts-noto-core" in error and error.startswith("make_samples:")
    assert not out.exists() or not any(out.iterdir())


# -- the report text ---------------------------------------------------------------------------


def test_report_source_has_every_ocr_fix_applied(report: Report) -> None:
    text = " ".join(report.plain_text().split())
    assert len(report.ocr_fixes) >= 15
    for fix in report.ocr_fixes:
        assert fix["fixed"] in text, fix
        assert fix["ocr"] not in text, fix
        assert fix["why"], fix


def test_every_recorded_ocr_error_occurs_in_the_seed(report: Report) -> None:
    if not SEED.is_file():
        pytest.skip(f"OCR seed not found at {SEED}")
    seed = " ".join(SEED.read_text(encoding="utf-8").split())
    for fix in report.ocr_fixes:
        assert fix["ocr"] in seed, fix


def test_corrected_report_keeps_the_authors_wording(report: Report) -> None:
    """Fixing OCR errors must not rewrite the report: ≥ 97 % of the seed's words survive.

    Compared as word counts, not sequences, because the OCR has the caption and the pull quote in
    the middle of the text where they sat on the page.
    """
    if not SEED.is_file():
        pytest.skip(f"OCR seed not found at {SEED}")
    seed_words = Counter(re.findall(r"\w+", SEED.read_text(encoding="utf-8")))
    source_words = Counter(re.findall(r"\w+", report.plain_text()))
    kept = sum((seed_words & source_words).values())
    added = sum((source_words - seed_words).values())
    assert kept / sum(seed_words.values()) >= 0.97
    assert added <= 2 * len(report.ocr_fixes)


def test_readme_lists_every_ocr_fix(report: Report) -> None:
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    for fix in report.ocr_fixes:
        assert f"| {fix['ocr']} | {fix['fixed']} |" in readme, fix


def test_report_keeps_konjunktiv_and_indirect_speech(report: Report) -> None:
    words = Counter(re.findall(r"\w+", report.plain_text()))
    assert words["sei"] >= 10 and words["habe"] >= 3 and words["könne"] >= 2 and words["würden"] >= 2


# -- the clipping PDF --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def clipping() -> PdfReader:
    return PdfReader(CLIPPING_PDF)


def test_clipping_has_two_untagged_pages(clipping: PdfReader) -> None:
    assert len(clipping.pages) == 2
    root = clipping.trailer["/Root"]
    assert "/StructTreeRoot" not in root
    assert "/MarkInfo" not in root


def test_clipping_body_is_set_in_four_columns(clipping: PdfReader) -> None:
    for page in clipping.pages:
        columns = _line_start_columns(_runs(page), 9.0)
        assert len(columns) == 4, columns
        gaps = [b - a for a, b in zip(columns, columns[1:], strict=False)]
        assert max(gaps) - min(gaps) < 1, gaps  # equal column pitch


def test_clipping_text_is_extractable_unicode_in_embedded_fonts(clipping: PdfReader, report: Report) -> None:
    text = clipping.pages[0].extract_text() + clipping.pages[1].extract_text()
    for needle in ("„Vielfalt leben im Kreis Heinsberg!“", "Sevinçim", "Möltgen-Sicking", "Großbritannien"):
        assert _squeeze(needle) in _squeeze(text), needle
    used = {run.font for page in clipping.pages for run in _runs(page)}
    assert used and not any(name.startswith(("Helvetica", "Times", "Courier")) for name in used)
    for page in clipping.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if str(font["/BaseFont"]).split("+")[-1] not in used:
                continue  # reportlab declares an unused default font in every page
            assert "/ToUnicode" in font
            assert "/FontFile2" in font["/FontDescriptor"].get_object()  # embedded TrueType


def test_clipping_contains_exactly_the_report_text(report: Report) -> None:
    article = [report.headline, report.lead, report.byline, report.dateline]
    article += [item.text for item in report.body]
    assert _pdf_article_text(CLIPPING_PDF, _clipping_furniture(report)) == _squeeze(" ".join(article))


def test_clipping_lines_end_with_real_german_hyphenation(clipping: PdfReader) -> None:
    lines = [line.rstrip() for page in clipping.pages for line in page.extract_text().splitlines()]
    broken = [(a, b) for a, b in zip(lines, lines[1:], strict=False) if re.search(r"\w-$", a) and b[:1].islower()]
    assert len(broken) >= 20
    # the break points are syllable boundaries from pyphen's German dictionary
    pyphen = pytest.importorskip("pyphen")
    dictionary = pyphen.Pyphen(lang="de_DE")
    for before, after in broken:
        head = re.search(r"(\w+)-$", before).group(1)
        tail = re.match(r"\w+", after).group(0)
        assert len(head) in dictionary.positions(head + tail), (before, after)
    # a suspended hyphen of the text survives as such
    assert re.search(r"haupt-\s+und\s+ehrenamtli-?\s*chen", "\n".join(lines))


def test_clipping_dateline_is_bold_capitals_starting_the_first_body_line(clipping: PdfReader, report: Report) -> None:
    runs = _runs(clipping.pages[0])
    dateline = next(run for run in runs if run.text.strip() == report.dateline)
    assert "Bold" in dateline.font and dateline.text.isupper() and dateline.size == pytest.approx(9.0)
    same_line = [run for run in runs if abs(run.y - dateline.y) < 0.5 and run is not dateline]
    assert any(run.text.strip().startswith("Schon") and "Bold" not in run.font for run in same_line)
    body_lines = [run for run in runs if run.size == pytest.approx(9.0) and run.x <= dateline.x + 0.5]
    assert dateline.y == pytest.approx(max(run.y for run in body_lines))


def test_clipping_headline_spans_the_columns_above_lead_and_byline(clipping: PdfReader, report: Report) -> None:
    runs = _runs(clipping.pages[0])
    headline = next(run for run in runs if run.text.strip() == report.headline)
    assert headline.size >= 1.8 * 9.0
    lead = [run for run in runs if "Sans-Bold" in run.font and run.size > 9.0]
    byline = next(run for run in runs if run.text.strip() == report.byline)
    assert lead and all(byline.y < run.y < headline.y for run in lead)
    body_top = max(run.y for run in runs if run.size == pytest.approx(9.0))
    assert body_top < byline.y


def test_clipping_photo_spans_three_columns_with_small_caption_below(clipping: PdfReader, report: Report) -> None:
    page = clipping.pages[0]
    images = page.images
    assert len(images) == 1 and images[0].image.size == (960, 620)
    ((x, y, width, height),) = _image_boxes(page)
    columns = _line_start_columns(_runs(page), 9.0)
    assert x == pytest.approx(columns[1], abs=1) and width > 2.5 * (columns[1] - columns[0])
    caption = [run for run in _runs(page) if run.size < 9.0 * 0.85 and y - 30 < run.y < y]
    assert _squeeze(report.caption) in _squeeze("".join(run.text for run in caption))
    assert any(report.credit in run.text for run in caption)


def test_clipping_pull_quote_is_large_italic_between_column_text(clipping: PdfReader, report: Report) -> None:
    runs = _runs(clipping.pages[1])
    quote = [run for run in runs if "Italic" in run.font]
    assert quote and all(run.size >= 1.4 * 9.0 for run in quote)
    assert _squeeze("".join(run.text for run in quote)) == _squeeze(report.pull_quote)
    top, bottom = max(run.y for run in quote), min(run.y for run in quote)
    left = min(run.x for run in quote)
    attribution = next(run for run in runs if run.text.strip() == report.attribution)
    assert attribution.y < bottom and attribution.size < 9.0
    # body text of the same columns continues above and below the quote
    body = [run for run in runs if run.size == pytest.approx(9.0) and abs(run.x - left) < 20]
    assert any(run.y > top + 10 for run in body) and any(run.y < attribution.y - 10 for run in body)


def test_clipping_has_running_header_and_footer_with_page_numbers(clipping: PdfReader, report: Report) -> None:
    for index, page in enumerate(clipping.pages):
        height = float(page.mediabox.height)
        runs = _runs(page)
        top = [run.text.strip() for run in runs if run.y > height * 0.95]
        bottom = [run.text.strip() for run in runs if run.y < height * 0.05]
        assert report.newspaper["header"] in top
        assert report.running_footer(index) in bottom
        assert str(int(report.newspaper["first_page"]) + index) in bottom


# -- the report DOCX ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report_docx() -> DocxDocument:
    return docx.Document(str(REPORT_DOCX))


def _assert_german_everywhere(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("word/styles.xml").decode()
        settings = archive.read("word/settings.xml").decode()
    assert re.search(r"<w:docDefaults>.*<w:lang w:val=\"de-DE\"", styles, re.S)
    assert 'w:val="en-US"' not in styles
    assert re.search(r"<w:themeFontLang w:val=\"de-DE\"", settings)


def test_report_docx_declares_german_and_core_properties(report_docx, report: Report) -> None:
    _assert_german_everywhere(REPORT_DOCX)
    properties = report_docx.core_properties
    assert properties.title == report.headline
    assert properties.author == report.author
    assert properties.language == "de-DE"


def test_report_docx_uses_title_lead_and_heading_styles(report_docx, report: Report) -> None:
    paragraphs = [p for p in report_docx.paragraphs if p.text.strip()]
    assert (paragraphs[0].style.name, paragraphs[0].text) == ("Title", report.headline)
    assert (paragraphs[1].style.name, paragraphs[1].text) == ("Lead", report.lead)
    assert paragraphs[2].text == report.byline
    headings = [p.text for p in paragraphs if p.style.name.startswith("Heading")]
    assert headings == [item.text for item in report.body if item.is_heading]
    assert all(p.style.name == "Heading 1" for p in paragraphs if p.text in headings)


def test_report_docx_first_paragraph_starts_with_bold_dateline(report_docx, report: Report) -> None:
    first_body = next(p for p in report_docx.paragraphs if p.text.startswith(report.dateline))
    runs = first_body.runs
    assert runs[0].text == report.dateline and runs[0].bold
    assert not any(run.bold for run in runs[1:])


def test_report_docx_image_has_alt_text_and_caption_after_it(report_docx, report: Report) -> None:
    body = report_docx.element.body
    pictures = body.findall(".//" + qn("wp:docPr"))
    assert len(pictures) == 1 and pictures[0].get("descr") == report.alt_text
    paragraphs = report_docx.paragraphs
    index = next(i for i, p in enumerate(paragraphs) if p._p.findall(".//" + qn("wp:docPr")))
    caption = paragraphs[index + 1]
    assert caption.style.name == "Caption"
    assert caption.text == f"{report.caption} {report.credit}"
    assert report_docx.inline_shapes[0].width > 0


def test_report_docx_pull_quote_with_attribution_in_quote_style(report_docx, report: Report) -> None:
    quotes = [p for p in report_docx.paragraphs if p.style.name == "Quote"]
    assert [p.text for p in quotes] == [report.pull_quote, f"– {report.attribution}"]


def test_report_docx_contains_exactly_the_report_text(report_docx, report: Report) -> None:
    texts = [p.text for p in report_docx.paragraphs if p.text.strip()]
    expected = [report.headline, report.lead, report.byline]
    first = True
    for item in report.body:
        expected.append(f"{report.dateline} {item.text}" if first and not item.is_heading else item.text)
        first = first and item.is_heading
        if item.figure_after:
            expected.append(f"{report.caption} {report.credit}")
        if item.pull_quote_after:
            expected += [report.pull_quote, f"– {report.attribution}"]
    assert texts == expected


# -- the press release -------------------------------------------------------------------------


def test_press_release_is_about_250_words(press: PressRelease) -> None:
    words = re.findall(r"\w+", press.plain_text())
    assert 220 <= len(words) <= 320


def test_press_release_docx_structure(press: PressRelease) -> None:
    _assert_german_everywhere(PRESS_DOCX)
    document = docx.Document(str(PRESS_DOCX))
    assert document.core_properties.title == press.title
    styles = [(p.style.name, p.text) for p in document.paragraphs if p.text.strip()]
    assert ("Title", press.title) in styles and ("Subtitle", press.subtitle) in styles
    headings = [text for style, text in styles if style == "Heading 1"]
    assert headings == [item["heading"] for item in press.body if isinstance(item, dict) and "heading" in item]
    bullets = [text for style, text in styles if style == "List Bullet"]
    expected_bullets = next(item["bullets"] for item in press.body if isinstance(item, dict) and "bullets" in item)
    assert bullets == expected_bullets
    (table,) = document.tables
    expected_table = next(item["table"] for item in press.body if isinstance(item, dict) and "table" in item)
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells == [expected_table["header"], *expected_table["rows"]]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)
    assert document.sections[0].header.paragraphs[0].text == press.sender


def test_press_release_docx_link_is_an_external_hyperlink(press: PressRelease) -> None:
    document = docx.Document(str(PRESS_DOCX))
    links = document.element.body.findall(".//" + qn("w:hyperlink"))
    assert len(links) == 1
    target = document.part.rels[links[0].get(qn("r:id"))]
    assert target.is_external and target.target_ref == "https://www.kreis-heinsberg.example/sprachkurs"
    assert "".join(t.text for t in links[0].iter(qn("w:t"))) == "www.kreis-heinsberg.example/sprachkurs"


def test_press_release_pdf_is_one_untagged_column_with_list_table_and_link(press: PressRelease) -> None:
    reader = PdfReader(PRESS_PDF)
    assert len(reader.pages) == 1 and "/StructTreeRoot" not in reader.trailer["/Root"]
    assert reader.metadata.title == press.title
    page = reader.pages[0]
    assert len(_line_start_columns(_runs(page), 10.5)) == 1
    furniture = [
        press.sender,
        f"{press.kind} {press.number} · {press.place_date}",
        press.contact,
        f"{press.author} · {press.kind} {press.number}",
        "Seite 1",
    ]
    text = page.extract_text()
    assert text.count("•") == len(
        next(item["bullets"] for item in press.body if isinstance(item, dict) and "bullets" in item)
    )
    assert _pdf_article_text(PRESS_PDF, furniture).replace("•", "") == _squeeze(press.plain_text())
    uris = [annotation.get_object()["/A"]["/URI"] for annotation in page.get("/Annots", [])]
    assert uris == ["https://www.kreis-heinsberg.example/sprachkurs"]


def test_press_release_dates_name_the_right_weekdays(press: PressRelease) -> None:
    """Invented dates must still be real ones: "Dienstag, 10. Dezember 2024" is a Tuesday."""
    weekdays = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
    months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
              "November", "Dezember"]  # fmt: skip
    table = next(item["table"] for item in press.body if isinstance(item, dict) and "table" in item)
    checked = 0
    for row in table["rows"]:
        for cell in row:
            match = re.fullmatch(r"(\w+), (\d+)\. (\w+) (\d{4})", cell)
            if match:
                day = date(int(match.group(4)), months.index(match.group(3)) + 1, int(match.group(2)))
                assert weekdays[day.weekday()] == match.group(1), cell
                checked += 1
    assert checked == len(table["rows"])


# -- the photo ---------------------------------------------------------------------------------


def test_photo_is_a_real_picture_embedded_unchanged_in_pdf_and_docx() -> None:
    png = (SAMPLES / "integrationskonferenz-foto.png").read_bytes()
    picture = Image.open(io.BytesIO(png)).convert("RGB")
    assert picture.size == (960, 620)
    assert len(picture.getcolors(maxcolors=1 << 16) or []) >= 50  # not a flat placeholder
    in_pdf = PdfReader(CLIPPING_PDF).pages[0].images[0].image.convert("RGB")
    assert in_pdf.tobytes() == picture.tobytes()
    document = docx.Document(str(REPORT_DOCX))
    (blob,) = [part.blob for part in document.part.package.parts if part.content_type == "image/png"]
    assert blob == png


@pytest.mark.parametrize("pdf", [CLIPPING_PDF, PRESS_PDF], ids=lambda path: path.name)
def test_pdf_samples_pass_qpdf_syntax_checks(pdf: Path) -> None:
    pikepdf = pytest.importorskip("pikepdf")
    with pikepdf.open(pdf) as document:
        assert document.check_pdf_syntax() == []


@pytest.mark.parametrize("path", [REPORT_DOCX, PRESS_DOCX], ids=lambda path: path.name)
def test_docx_samples_are_complete_packages(path: Path) -> None:
    """Every internal relationship points at a part that exists and has a content type."""
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        names = set(archive.namelist())
        content_types = archive.read("[Content_Types].xml").decode()
        for rels_name in [name for name in names if name.endswith(".rels")]:
            base = rels_name.replace("_rels/", "").removesuffix(".rels")
            folder = base.rsplit("/", 1)[0] if "/" in base else ""
            for match in re.finditer(r"<Relationship [^>]*>", archive.read(rels_name).decode()):
                rel = match.group(0)
                if 'TargetMode="External"' in rel:
                    continue
                target = re.search(r'Target="([^"]+)"', rel).group(1)
                resolved = os.path.normpath(target.lstrip("/") if target.startswith("/") else f"{folder}/{target}")
                assert resolved.lstrip("./") in names, (rels_name, target)
                extension = resolved.rsplit(".", 1)[-1]
                assert f'PartName="/{resolved}"' in content_types or f'Extension="{extension}"' in content_types
