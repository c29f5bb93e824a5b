"""TBX (ISO 30042) export and import, for translation agencies and CAT tools, via translate-toolkit.

translate-toolkit's ``tbxfile`` provides the document (martif skeleton, parsing, serialisation) and its
``tbxunit`` the term entries. Its units only model one source and one target term, so the rest is written
into each ``termEntry`` with lxml, using standard TBX data categories where they exist:

* German ``langSet``: the term and its variants/abbreviations/forms as ``tig`` elements with
  ``termNote type="termType"`` (``fullForm``, ``variant``, ``abbreviation``, ``x-lesbar-form``),
  ``partOfSpeech`` and ``grammaticalGender`` on the main term, ``descrip type="definition"`` (Einfache
  Sprache) and ``descrip type="x-lesbar-leicht"`` (Leichte Sprache, line breaks kept), ``x-lesbar-plain``;
* one ``langSet`` per target language, with ``termNote type="x-lesbar-status"`` (draft/approved);
* ``transacGrp`` (modification, date, responsibility) for who changed it when; ``note``; the flags and the
  entry status as ``admin type="x-lesbar-…"``.

Files from other tools are read leniently: the first German term is the term, further German terms are
variants (or abbreviations by their termType), other languages become draft targets.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from translate.storage.tbx import tbxfile, tbxunit

from lesbar.glossary.entry import LANGUAGES, STATUSES, Entry, Target
from lesbar.glossary.errors import GlossaryError
from lesbar.glossary.ids import slugify
from lesbar.glossary.yamlfile import _ID_RE, normalize_entry

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_GENDER = {"m": "masculine", "f": "feminine", "n": "neuter", "pl": "otherGender"}
_GENDER_BACK = {v: k for k, v in _GENDER.items()}
_POS = {"noun": "noun", "name": "properNoun", "adjective": "adjective", "verb": "verb", "abbreviation": "noun",
        "phrase": "other", "other": "other", "": "other"}


def _sub(parent: etree._Element, tag: str, text: str = "", **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, tag, **attrs)
    if text:
        element.text = text
    return element


def _tig(lang_set: etree._Element, term: str, term_type: str, pos: str = "", gender: str = "") -> None:
    tig = _sub(lang_set, "tig")
    _sub(tig, "term", term)
    _sub(tig, "termNote", term_type, type="termType")
    if pos:
        _sub(tig, "termNote", pos, type="partOfSpeech")
    if gender:
        _sub(tig, "termNote", gender, type="grammaticalGender")


def export_tbx(entries: list[Entry], title: str = "lesbar") -> bytes:
    store = tbxfile(sourcelanguage="de")
    for entry in entries:
        unit = tbxunit(None)
        element = unit.xmlelement
        element.set("id", entry.id)
        _sub(element, "admin", entry.status, type="x-lesbar-status")
        _sub(element, "admin", entry.pos or "", type="x-lesbar-pos")
        for flag in ("dnt", "case_sensitive", "in_compounds"):
            _sub(element, "admin", "true" if getattr(entry, flag) else "false", type=f"x-lesbar-{flag}")
        if entry.note:
            _sub(element, "note", entry.note)
        if entry.changed_at or entry.changed_by:
            group = _sub(element, "transacGrp")
            _sub(group, "transac", "modification", type="transactionType")
            _sub(group, "date", entry.changed_at)
            _sub(group, "transacNote", entry.changed_by, type="responsibility")
        german = _sub(element, "langSet", **{XML_LANG: "de"})
        if entry.einfach:
            _sub(german, "descrip", entry.einfach, type="definition")
        if entry.leicht:
            _sub(german, "descrip", entry.leicht, type="x-lesbar-leicht")
        if entry.plain:
            _sub(german, "descrip", entry.plain, type="x-lesbar-plain")
        _tig(german, entry.term, "fullForm", _POS.get(entry.pos, "other"), _GENDER.get(entry.gender, ""))
        for variant in entry.variants:
            _tig(german, variant, "variant")
        for abbreviation in entry.abbreviations:
            _tig(german, abbreviation, "abbreviation")
        for form in entry.forms:
            _tig(german, form, "x-lesbar-form")
        for lang in sorted(entry.targets, key=lambda x: (LANGUAGES.index(x) if x in LANGUAGES else 99, x)):
            target = entry.targets[lang]
            lang_set = _sub(element, "langSet", **{XML_LANG: lang})
            tig = _sub(lang_set, "tig")
            _sub(tig, "term", target.term)
            _sub(tig, "termNote", target.status, type="x-lesbar-status")
        store.addunit(unit)
    root = store.document.getroot()
    for p in root.iter("p"):
        p.text = title
    return bytes(store)


def _text(element: etree._Element | None) -> str:
    return "".join(element.itertext()) if element is not None else ""


def import_tbx(data: bytes, path: str | Path) -> list[Entry]:
    return [entry for entry, _given in import_tbx_with_fields(data, path)]


def import_tbx_with_fields(data: bytes, path: str | Path) -> list[tuple[Entry, frozenset[str]]]:
    """Entries with the fields each termEntry actually carries (see :mod:`lesbar.glossary.importing`)."""
    try:
        store = tbxfile.parsestring(data)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else 0
        raise GlossaryError(f"keine gültige TBX-Datei: {exc.msg}", path, line) from None
    except Exception as exc:  # noqa: BLE001 - translate-toolkit raises various errors for non-TBX XML
        raise GlossaryError(f"keine gültige TBX-Datei: {exc}", path) from None
    entries: list[tuple[Entry, frozenset[str]]] = []
    seen: set[str] = set()
    for unit in store.units:
        element = unit.xmlelement
        line = element.sourceline or 0
        entry = _entry_from_element(element, path, line)
        if entry is None:
            continue
        if entry.id in seen:
            raise GlossaryError(f"die id „{entry.id}“ kommt zweimal vor.", path, line)
        seen.add(entry.id)
        entries.append((normalize_entry(entry), _given(element, entry)))
    return entries


def _given(element: etree._Element, entry: Entry) -> frozenset[str]:
    """Fields present in a termEntry: lesbar's own export carries all of them, other tools only some."""
    given = {"id", "term", "variants", "abbreviations"} | {f"targets.{lang}" for lang in entry.targets}
    types = {el.get("type", "") for el in element.iter() if _local(el.tag) in ("admin", "descrip", "termNote")}
    names = {_local(el.tag) for el in element.iter()}
    mapping = {"x-lesbar-leicht": "leicht", "definition": "einfach", "x-lesbar-plain": "plain",
               "x-lesbar-status": "status", "x-lesbar-pos": "pos", "partOfSpeech": "pos",
               "grammaticalGender": "gender", "x-lesbar-dnt": "dnt", "x-lesbar-case_sensitive": "case_sensitive",
               "x-lesbar-in_compounds": "in_compounds"}
    given |= {field for kind, field in mapping.items() if kind in types}
    for lang_set in (el for el in element if _local(el.tag) == "langSet"):
        lang = (lang_set.get(XML_LANG) or lang_set.get("lang") or "").lower()
        notes = {n.get("type", "") for n in lang_set.iter() if _local(n.tag) == "termNote"}
        if lang in entry.targets and notes & {"x-lesbar-status", "administrativeStatus"}:
            given.add(f"targets.{lang}.status")
    if "x-lesbar-pos" in types:  # lesbar's own export: every field is written when it has a value
        given |= {"leicht", "einfach", "plain", "forms", "note", "gender", "changed_by", "changed_at"}
    if "note" in names:
        given.add("note")
    if "transacGrp" in names:
        given |= {"changed_by", "changed_at"}
    return frozenset(given)


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _entry_from_element(element: etree._Element, path: str | Path, line: int) -> Entry | None:
    admin = {el.get("type", ""): _text(el) for el in element if _local(el.tag) == "admin"}
    lang_sets = [el for el in element if _local(el.tag) == "langSet"]
    german = next((ls for ls in lang_sets if (ls.get(XML_LANG) or ls.get("lang") or "").lower().startswith("de")),
                  None)
    if german is None:
        return None
    term, variants, abbreviations, forms, pos, gender = "", [], [], [], "", ""
    for tig in [el for el in german if _local(el.tag) in ("tig", "ntig")]:
        word = _text(next((t for t in tig.iter() if _local(t.tag) == "term"), None)).strip()
        notes = {n.get("type", ""): _text(n).strip() for n in tig.iter() if _local(n.tag) == "termNote"}
        kind = notes.get("termType", "")
        if not word:
            continue
        if not term and kind in ("", "fullForm", "variant", "x-lesbar-form") and kind != "x-lesbar-form":
            term = word
            pos = notes.get("partOfSpeech", "")
            gender = _GENDER_BACK.get(notes.get("grammaticalGender", ""), "")
        elif kind in ("abbreviation", "acronym", "shortForm", "initialism"):
            abbreviations.append(word)
        elif kind == "x-lesbar-form":
            forms.append(word)
        else:
            variants.append(word)
    if not term:
        raise GlossaryError("ein Eintrag hat keinen deutschen Begriff.", path, line)
    descrips = {d.get("type", ""): _text(d) for d in german if _local(d.tag) == "descrip"}
    targets: dict[str, Target] = {}
    for lang_set in lang_sets:
        lang = lang_set.get(XML_LANG) or lang_set.get("lang") or ""
        if lang.lower().startswith("de") or not lang:
            continue
        tig = next((el for el in lang_set if _local(el.tag) in ("tig", "ntig")), None)
        word = _text(next((t for t in tig.iter() if _local(t.tag) == "term"), None)) if tig is not None else ""
        notes = {n.get("type", ""): _text(n).strip() for n in (tig.iter() if tig is not None else [])
                 if _local(n.tag) == "termNote"}
        status = notes.get("x-lesbar-status", "")
        if status not in STATUSES:
            status = "approved" if notes.get("administrativeStatus", "").startswith("preferred") else "draft"
        targets[lang.lower()] = Target(word.strip(), status)
    transac = next((el for el in element if _local(el.tag) == "transacGrp"), None)
    changed_at = changed_by = ""
    if transac is not None:
        changed_at = _text(next((el for el in transac if _local(el.tag) == "date"), None)).strip()
        changed_by = _text(next((el for el in transac if _local(el.tag) == "transacNote"), None)).strip()
    note = "\n".join(_text(el).strip() for el in element if _local(el.tag) == "note")
    lesbar_pos = admin.get("x-lesbar-pos")
    entry_id = element.get("id") or slugify(term)
    if not _ID_RE.match(entry_id):
        entry_id = slugify(entry_id)
    status = admin.get("x-lesbar-status", "draft")
    return Entry(
        id=entry_id, term=term, variants=variants, forms=forms, abbreviations=abbreviations,
        pos=lesbar_pos if lesbar_pos is not None else ("name" if pos == "properNoun" else "noun"),
        gender=gender, leicht=descrips.get("x-lesbar-leicht", ""), einfach=descrips.get("definition", ""),
        plain=descrips.get("x-lesbar-plain", ""), targets=targets,
        dnt=admin.get("x-lesbar-dnt", "false") == "true",
        case_sensitive=admin.get("x-lesbar-case_sensitive", "false") == "true",
        in_compounds=admin.get("x-lesbar-in_compounds", "true") == "true",
        note=note, status=status if status in STATUSES else "draft", changed_by=changed_by, changed_at=changed_at,
        source=str(path), line=line,
    )
