"""Human review of machine translations in the translator's own CAT tool, through XLIFF.

``export`` writes one XLIFF file per translation (language) of a converted document — from the
``report.json`` that ``convert`` wrote — or every unreviewed machine translation in the memory for a
language. XLIFF 1.2 is written and read by translate-toolkit (it has no XLIFF 2 support); XLIFF 2.0,
which has a much smaller core, is written and read here with lxml.

State conventions, so that a CAT tool's normal workflow works:

* machine translations are exported as not approved (1.2: ``approved="no"``,
  ``state="needs-review-translation"``; 2.0: ``state="initial"``), a person's earlier translation as
  approved / ``final``;
* on import a unit counts as reviewed when the translator confirmed it (1.2: ``approved="yes"`` or a state
  ``translated``/``final``/``signed-off``; 2.0: ``translated``/``reviewed``/``final``) **or** changed its
  text; untouched machine translations are skipped. ``--all`` takes every non-empty target.

Imported segments go into the translation memory as ``human``: the next ``convert`` uses them.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from lesbar.errors import LesbarError
from lesbar.translate.memory import TranslationMemory, normalize_segment

log = logging.getLogger(__name__)

XLIFF12_NS = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF20_NS = "urn:oasis:names:tc:xliff:document:2.0"
FORMATS = ("xliff12", "xliff20")
_CONFIRMED_12 = {"translated", "final", "signed-off"}
_CONFIRMED_20 = {"translated", "reviewed", "final"}


class ReviewError(LesbarError):
    """A review file cannot be written or read."""


@dataclass
class ReviewUnit:
    id: str
    source: str
    target: str
    origin: str  # "mt" | "memory" | "human"
    flags: list[str] = field(default_factory=list)


@dataclass
class ReviewFile:
    source_lang: str
    target_lang: str
    name: str
    units: list[ReviewUnit]


# ------------------------------------------------------------------------------------------ export


def review_files_from_report(report_path: Path, languages: list[str] | None = None) -> list[ReviewFile]:
    """One review file per translation in a ``report.json`` (or an output folder holding one)."""
    if report_path.is_dir():
        report_path = report_path / "report.json"
    try:
        report = json.loads(report_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReviewError(f"{report_path}: not found; give an output folder of 'lesbar convert' "
                          "or its report.json") from None
    except (OSError, ValueError) as exc:
        raise ReviewError(f"{report_path}: not a lesbar report ({exc})") from None
    source_lang = str((report.get("document") or {}).get("language") or "de").split("-")[0]
    languages = [lang.strip().lower() for lang in languages] if languages else languages
    files = []
    for name, data in (report.get("translations") or {}).items():
        lang = str(data.get("language") or name.split(".")[-1])
        if languages and lang not in languages and name not in languages:
            continue
        if data.get("missing") or not data.get("sentences"):
            continue
        units = [ReviewUnit(str(s["id"]), str(s["source"]), str(s["target"]), str(s.get("origin", "mt")),
                            list(s.get("flags") or [])) for s in data["sentences"]]
        files.append(ReviewFile(source_lang, lang, name, units))
    if not files:
        wanted = f" for {', '.join(languages)}" if languages else ""
        raise ReviewError(f"{report_path}: holds no translations{wanted} to review "
                          "(convert with --translate LANGS first)")
    return files


def review_file_from_memory(memory: TranslationMemory, source_lang: str, target_lang: str) -> ReviewFile:
    """Every machine translation in the memory for a language that no person has translated yet."""
    human = {s.source for s in memory.segments(target_lang, "human")}
    units: list[ReviewUnit] = []
    seen: set[str] = set()
    for seg in memory.segments(target_lang, "mt"):
        if seg.source_lang != source_lang or seg.source in human or seg.source in seen:
            continue
        seen.add(seg.source)
        units.append(ReviewUnit(f"m{len(units) + 1}", seg.source, seg.target, "mt", seg.flags))
    return ReviewFile(source_lang, target_lang, f"memory.{target_lang}", units)


def _note(unit: ReviewUnit) -> str:
    text = f"lesbar: origin={unit.origin}"
    if unit.flags:
        text += "; flags=" + ", ".join(unit.flags)
    return text


def write_xliff12(review: ReviewFile) -> bytes:
    from translate.storage import xliff

    class Unit12(xliff.xliffunit):
        namespace = XLIFF12_NS

    class Xliff12(xliff.xlifffile):  # translate-toolkit writes 1.1 by default; same format, new namespace
        UnitClass = Unit12
        XMLskeleton = xliff.xlifffile.XMLskeleton.replace("1.1", "1.2")
        namespace = XLIFF12_NS

    store = Xliff12(sourcelanguage=review.source_lang, targetlanguage=review.target_lang)
    for item in review.units:
        unit = store.addsourceunit(item.source)
        unit.setid(item.id)
        unit.settarget(item.target, lang=review.target_lang)
        if item.origin == "human":
            unit.xmlelement.set("approved", "yes")
            unit.getlanguageNode(lang=None, index=1).set("state", "final")
        else:
            unit.xmlelement.set("approved", "no")
            unit.getlanguageNode(lang=None, index=1).set("state", "needs-review-translation")
        unit.addnote(_note(item), origin="lesbar")
    store.setfilename(store.getfilenode("NoName"), review.name)
    return bytes(store)


def write_xliff20(review: ReviewFile) -> bytes:
    ns = XLIFF20_NS
    root = etree.Element(f"{{{ns}}}xliff", nsmap={None: ns}, version="2.0", srcLang=review.source_lang,
                         trgLang=review.target_lang)
    file_el = etree.SubElement(root, f"{{{ns}}}file", id="f1", original=review.name)
    for item in review.units:
        unit = etree.SubElement(file_el, f"{{{ns}}}unit", id=item.id)
        notes = etree.SubElement(unit, f"{{{ns}}}notes")
        etree.SubElement(notes, f"{{{ns}}}note", category="lesbar").text = _note(item)
        segment = etree.SubElement(unit, f"{{{ns}}}segment", state="final" if item.origin == "human" else "initial")
        etree.SubElement(segment, f"{{{ns}}}source").text = item.source
        etree.SubElement(segment, f"{{{ns}}}target").text = item.target
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_review(review: ReviewFile, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ReviewError(f"unknown review format '{fmt}'; choose {' or '.join(FORMATS)}")
    return write_xliff12(review) if fmt == "xliff12" else write_xliff20(review)


# ------------------------------------------------------------------------------------------ import


@dataclass
class ImportedUnit:
    source: str
    target: str
    confirmed: bool


def _text(el: Any) -> str:
    return "".join(el.itertext()) if el is not None else ""


def read_review(data: bytes, path: str) -> tuple[str, str, list[ImportedUnit]]:
    """(source language, target language, units) of an XLIFF 1.x or 2.0 file."""
    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        raise ReviewError(f"{path}: not a valid XLIFF file (line {exc.lineno}: {exc.msg})") from None
    ns = etree.QName(root).namespace or ""
    if etree.QName(root).localname != "xliff":
        raise ReviewError(f"{path}: not an XLIFF file (its root element is <{etree.QName(root).localname}>)")
    if ns == XLIFF20_NS or root.get("version", "").startswith("2"):
        return _read20(root, ns, path)
    return _read12(data, path)


def _read20(root: Any, ns: str, path: str) -> tuple[str, str, list[ImportedUnit]]:
    q = (lambda tag: f"{{{ns}}}{tag}") if ns else (lambda tag: tag)
    src, tgt = root.get("srcLang", ""), root.get("trgLang", "")
    units = []
    for unit in root.iter(q("unit")):
        for segment in unit.iter(q("segment")):
            source, target = segment.find(q("source")), segment.find(q("target"))
            units.append(ImportedUnit(_text(source), _text(target), segment.get("state", "initial") in _CONFIRMED_20))
    return src, tgt, units


def _read12(data: bytes, path: str) -> tuple[str, str, list[ImportedUnit]]:
    from translate.storage import xliff

    try:
        store = xliff.xlifffile.parsestring(data)
    except Exception as exc:  # noqa: BLE001 - translate-toolkit raises various parser errors
        raise ReviewError(f"{path}: not a readable XLIFF 1.2 file ({exc})") from None
    src, tgt = store.getsourcelanguage() or "", store.gettargetlanguage() or ""
    units = []
    for unit in store.unit_iter():
        target_node = unit.getlanguageNode(lang=None, index=1)
        state = target_node.get("state", "") if target_node is not None else ""
        units.append(ImportedUnit(str(unit.source or ""), str(unit.target or ""),
                                  unit.isapproved() or state in _CONFIRMED_12))
    return src, tgt, units


def _base_language(code: str) -> str:
    """The memory's language key of an XLIFF language: CAT tools write "en-US", "EN-GB" or "en_GB"."""
    return code.strip().replace("_", "-").split("-")[0].lower()


@dataclass
class ImportSummary:
    path: str
    target_lang: str
    imported: int = 0
    unchanged: int = 0
    skipped: int = 0
    empty: int = 0


def import_review(path: Path, memory: TranslationMemory, *, take_all: bool = False,
                  source_lang: str | None = None, target_lang: str | None = None) -> ImportSummary:
    """Store the reviewed targets of an XLIFF file in the memory as human translations."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReviewError(f"{path}: cannot be read ({exc.strerror})") from None
    src, tgt, units = read_review(data, str(path))
    src = _base_language(source_lang or src or "de")
    tgt = _base_language(target_lang or tgt)
    if not tgt:
        raise ReviewError(f"{path}: the file names no target language; give it with --lang")
    machine = {s.source: s.target for s in memory.segments(tgt, "mt") if s.source_lang == src}
    summary = ImportSummary(str(path), tgt)
    for unit in units:
        source, target = normalize_segment(unit.source), unit.target.strip()
        if not source or not target:
            summary.empty += 1
            continue
        edited = source in machine and machine[source].strip() != target
        if not (take_all or unit.confirmed or edited):
            summary.skipped += 1
            continue
        if memory.store_human(source, src, tgt, target, note=f"imported from {path.name}"):
            summary.imported += 1
        else:
            summary.unchanged += 1
    return summary
