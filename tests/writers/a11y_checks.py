"""The validators the writer tests run: axe-core in Chromium, html5lib's strict parser, page (PDF/UA-1),
and readers of the PDF tag tree, fonts and DOCX parts.

Each helper returns findings (an empty list means "passes") so that a failing test prints what is wrong.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

#: WCAG 2.2 level A and AA rules of axe-core (the issue's acceptance criterion)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
}


# --------------------------------------------------------------------------------------------- HTML
def axe_violations(page: Any, path: Path) -> list[str]:
    """axe-core's WCAG 2.2 A/AA violations of the page at ``path``, one line per violation and node."""
    from axe_playwright_python.sync_playwright import Axe

    page.goto(path.resolve().as_uri())
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    lines = []
    for violation in result.response["violations"]:
        for node in violation["nodes"]:
            lines.append(f"{violation['id']}: {node['target']} – {violation['help']}")
    return lines


def html_parse_errors(html: str) -> list[str]:
    """Parse errors of the WHATWG HTML parsing algorithm (html5lib), i.e. markup that is not valid HTML5."""
    import html5lib

    parser = html5lib.HTMLParser(strict=False)
    parser.parse(html)
    return [f"{pos}: {code} {data or ''}" for pos, code, data in parser.errors]


# ---------------------------------------------------------------------------------------------- PDF
def pdf_ua_failures(pdf: bytes) -> list[str]:
    """PDF/UA-1 failures found by ``page`` (machine checks that pass the veraPDF corpus)."""
    import page

    report = page.validate_pdf_bytes(pdf, profile=page.ValidationProfile.PDF_UA_1)
    return [f"{f.rule_id}: {f.message}" for f in report.failures] + ([] if report.is_compliant else ["not compliant"])


@dataclass
class StructElem:
    tag: str
    depth: int
    alt: str | None = None
    lang: str | None = None
    text: str = ""
    kids: list[StructElem] = field(default_factory=list)


def pdf_struct_tree(pdf: bytes) -> list[StructElem]:
    """The tag tree in reading order (depth first), each element with its /Alt and /Lang."""
    import pikepdf

    out: list[StructElem] = []
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        root = doc.Root.StructTreeRoot

        def walk(node: Any, depth: int) -> None:
            if not isinstance(node, pikepdf.Dictionary) or "/S" not in node:
                return
            elem = StructElem(
                tag=str(node.S)[1:], depth=depth,
                alt=str(node.Alt) if "/Alt" in node else None,
                lang=str(node.Lang) if "/Lang" in node else None,
            )
            out.append(elem)
            kids = node.get("/K")
            for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
                walk(kid, depth + 1)

        kids = root.K
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
            walk(kid, 0)
    return out


def pdf_catalog_facts(pdf: bytes) -> dict[str, Any]:
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        prefs = doc.Root.get("/ViewerPreferences", {})
        with doc.open_metadata() as xmp:
            xmp_title = xmp.get("dc:title")
            xmp_desc = xmp.get("dc:description")
        return {
            "lang": str(doc.Root.get("/Lang", "")),
            "display_doc_title": bool(prefs.get("/DisplayDocTitle", False)),
            "marked": bool(doc.Root.get("/MarkInfo", {}).get("/Marked", False)),
            "title": str(doc.docinfo.get("/Title", "")),
            "keywords": str(doc.docinfo.get("/Keywords", "")),
            "subject": str(doc.docinfo.get("/Subject", "")),
            "xmp_title": xmp_title or "",
            "xmp_description": xmp_desc or "",
        }


@dataclass
class PdfFont:
    name: str
    embedded: bool
    to_unicode: dict[int, str]
    program: bytes


def pdf_fonts(pdf: bytes) -> list[PdfFont]:
    """Every font used on any page: base name, whether its program is embedded, its ToUnicode map."""
    import pikepdf

    fonts: dict[str, PdfFont] = {}
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for pg in doc.pages:
            resources = pg.obj.get("/Resources", {})
            for _key, font in dict(resources.get("/Font", {})).items():
                name = str(font.get("/BaseFont", ""))
                if name in fonts:
                    continue
                desc_font = font.DescendantFonts[0] if "/DescendantFonts" in font else font
                descriptor = desc_font.get("/FontDescriptor", {})
                program = b""
                for key in ("/FontFile2", "/FontFile3", "/FontFile"):
                    if key in descriptor:
                        program = descriptor[key].read_bytes()
                cmap = font.ToUnicode.read_bytes().decode("latin-1") if "/ToUnicode" in font else ""
                fonts[name] = PdfFont(name, bool(program), _parse_to_unicode(cmap), program)
    return list(fonts.values())


def _parse_to_unicode(cmap: str) -> dict[int, str]:
    """Glyph code → text from a ToUnicode CMap (bfchar and bfrange sections)."""
    import re

    out: dict[int, str] = {}

    def text(hexstr: str) -> str:
        data = bytes.fromhex(hexstr)
        return data.decode("utf-16-be", errors="replace")

    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(src, 16)] = text(dst)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            start = int(dst, 16)
            for offset, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[code] = chr(start + offset)
    return out


# --------------------------------------------------------------------------------------------- DOCX
class DocxParts:
    """The XML parts of a written DOCX, parsed with lxml (python-docx hides what the checker looks at)."""

    def __init__(self, data: bytes) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.document = self.xml("word/document.xml")
        self.styles = self.xml("word/styles.xml")
        self.settings = self.xml("word/settings.xml")
        self.core = self.xml("docProps/core.xml")
        names = self.zip.namelist()
        self.comments = self.xml("word/comments.xml") if "word/comments.xml" in names else None
        self.numbering = self.xml("word/numbering.xml") if "word/numbering.xml" in names else None

    def xml(self, name: str) -> Any:
        return etree.fromstring(self.zip.read(name))

    def paragraphs(self) -> list[Any]:
        return self.document.findall(".//w:body//w:p", NS)

    @staticmethod
    def text(el: Any) -> str:
        return "".join(el.itertext())

    @staticmethod
    def style(p: Any) -> str:
        st = p.find("w:pPr/w:pStyle", NS)
        return st.get(f"{{{W}}}val") if st is not None else "Normal"


def schema_order_errors(parent: Any, order: tuple[str, ...]) -> list[str]:
    """Children of ``parent`` that appear out of the OOXML schema sequence ``order``."""
    names = [child.tag.split("}")[-1] for child in parent]
    known = [n for n in names if n in order]
    positions = [order.index(n) for n in known]
    if positions != sorted(positions):
        return [f"{parent.tag.split('}')[-1]} children out of order: {names}"]
    return []
