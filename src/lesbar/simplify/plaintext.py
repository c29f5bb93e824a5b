"""Plain text (UTF-8) as a document, so that ``lesbar check`` also works on text pasted into a file.

Paragraphs are separated by blank lines; a short line without final punctuation is a heading.
"""

from __future__ import annotations

import re
from pathlib import Path

from lesbar.errors import InputError
from lesbar.language.hyphenation import join_lines, join_two
from lesbar.model import Document, Heading, ListBlock, ListItem, Paragraph, text_sentences
from lesbar.transforms.segment import segment_document

TEXT_SUFFIXES = (".txt", ".text", ".md")


def document_from_text(text: str, title: str = "") -> Document:
    """Blank lines separate paragraphs; lines are joined with line-end hyphenation removed ("Integra-" +
    "tionsrat"). A paragraph that continues the one before (it starts in lower case or with a digit, as
    after an OCR break in mid-sentence) is joined to it rather than read as a heading before it. Lines
    that start with "- ", "• " or "1. " are the items of a list."""
    doc = Document()
    doc.meta.title = title
    paras: list[tuple[str, bool]] = []  # (text, written on several lines)
    lists: dict[int, list[tuple[bool, list[str]]]] = {}  # paragraph index → the lists (ordered, items) after it
    signature = -1  # paragraphs from this index on follow a letter's closing ("Mit freundlichen Grüßen")
    chunks = text.replace("\r\n", "\n").split("\n\n")
    while chunks:
        raw = chunks.pop(0)
        if signature >= 0:
            # "Claudia Hesse, Schulleiterin" / "Tobias Brandt, Schulsozialarbeiter": one line each, never
            # joined into one sentence (that would make him the head teacher)
            paras += [(line.strip(), True) for line in raw.split("\n") if line.strip()]
            continue
        first_line = raw.strip().split("\n", 1)[0].strip()
        if _CLOSING.match(first_line) and len(first_line) <= 60:
            paras.append((first_line, True))  # "Mit freundlichen Grüßen" / "Sabine Kranz": one line each
            signature = len(paras)
            paras += [(line.strip(), True) for line in raw.strip().split("\n")[1:] if line.strip()]
            continue
        lines_of = [line.strip() for line in raw.strip().split("\n") if line.strip()]
        if len(lines_of) >= 2 and _DATELINE.match(lines_of[0]) and all(len(line) <= 60 for line in lines_of):
            # "Hohenlinden, den 16. Dezember 2024" / "Die Bürgermeisterin" / "Gerda Wilmsen": a signature
            paras += [(line, True) for line in lines_of]
            signature = len(paras)
            continue
        if len(lines_of) >= 2 and all(len(line) <= 60 and line[-1:] not in ".!?:;," for line in lines_of) and any(
                _SIGNATURE_MARK.match(line) for line in lines_of):
            # "Der Bürgermeister" / "In Vertretung" / "gez. Dr. Klaus Wiemers" / "Erster Beigeordneter"
            paras += [(line, True) for line in lines_of]
            signature = len(paras)
            continue
        if len(lines_of) >= 2 and all(_PROGRAMME_ITEM.match(line) for line in lines_of):
            # "10 Uhr: Ankommen" / "10:45 Uhr: Begrüßung" / …: a programme, one item a line
            lists.setdefault(len(paras) - 1, []).append((False, lines_of))
            continue
        if len(lines_of) >= 2 and all(_LABEL_LINE.match(line) for line in lines_of):
            # "Termin: Freitag, 21. März, 19 Uhr" / "Ort: Stadtbibliothek": one fact per line, never joined
            paras += [(line, True) for line in lines_of]
            continue
        bullets = _list_lines(raw) or _colon_lines(raw)
        head = _heading_line(raw)
        if head is not None and bullets is None:
            paras.append((head, False))  # "Ausländerbehörde geschlossen" / "Die Ausländerbehörde bleibt …"
            raw = raw.strip().split("\n", 1)[1]
            bullets = _list_lines(raw) or _colon_lines(raw)
        if bullets is not None:
            intro, ordered, items, after = bullets
            if intro:
                paras.append((intro, True))
            lists.setdefault(len(paras) - 1, []).append((ordered, items))
            if after:
                chunks.insert(0, after)  # "Alle Unterlagen sind im Original vorzulegen." after the list
            continue
        para = join_lines(raw.split("\n"))
        if not para:
            continue
        lines = "\n" in raw.strip()
        if paras and (len(paras) - 1) not in lists and paras[-1][0][-1:] not in ".!?:;“\"»" and \
                not _salutation(paras[-1][0]) and (
                para[:1].islower() or (para[:1].isdigit() and len(paras[-1][0]) > 80 and not _PROGRAMME_ITEM.match(para)
                                       and not _numbered_heading(para))
                or _ends_in_function_word(paras[-1][0])):
            # (a paragraph that starts with a year after a short headline is no continuation)
            paras[-1] = (join_two(paras[-1][0], para), True)  # "… zu spät" / "informiert worden seien."
        else:
            paras.append((para, lines))
    for ordered, items in lists.get(-1, []):
        _append_list(doc, ordered, items)
    for k, (para, lines) in enumerate(paras):
        bare = para.rstrip("“\"»”'")  # „Töpfe der Welt": a title in quotes ends a heading, not a sentence
        if len(para) <= 80 and bare and bare[-1] not in ".!?:;" and not lines and not _salutation(para):
            doc.blocks.append(Heading(2, text_sentences(para)))
        else:
            doc.blocks.append(Paragraph(text_sentences(para)))
        for ordered, items in lists.get(k, []):
            _append_list(doc, ordered, items)
    return segment_document(doc)


def _numbered_heading(para: str) -> bool:
    """"3. Seiteneinsteigerberatung und Sprachmittlerpool", "2.1 Ziele": a numbered section heading (short,
    no final punctuation), never the continuation of the title before it."""
    return len(para) <= 80 and para[-1:] not in ".!?:;," and bool(re.match(r"^\d{1,2}(\.|(\.\d{1,2})+\.?) [A-ZÄÖÜ]", para))


#: "14:00 Uhr: Gespräch …", "15.30–16 Uhr: Pause", "14. Januar: …": an item of a programme, never a continuation
_PROGRAMME_ITEM = re.compile(r"^\d{1,2}(?:[:.]\d{2})?(?:\s*(?:Uhr|–|-|bis)[^:]{0,20})?:\s|^\d{1,2}\. [A-ZÄÖÜ][a-zä]+:\s")
#: how a signature is marked: "gez. Dr. Klaus Wiemers", "In Vertretung", "i. A."
_SIGNATURE_MARK = re.compile(r"^(gez\.|i\. ?V\.|i\. ?A\.|In Vertretung|Im Auftrag)(\s|$)")
#: "19:15 Uhr Vorstellung …": a programme line that starts with a clock time
_TIME_START = re.compile(r"^\d{1,2}(?:[:.]\d{2})?\s*Uhr\b")
#: "Hohenlinden, den 16. Dezember 2024", "Kleve, 3.12.2025": the place and date line of a signature
_DATELINE = re.compile(r"^[A-ZÄÖÜ][\w .-]{1,40}, (den )?(\d{1,2}\. ?[A-ZÄÖÜ][a-zä]+ \d{4}|\d{1,2}\.\d{1,2}\.\d{2,4})$")
#: "Termin: Freitag, 19 Uhr", "Ort: Stadtbibliothek": a short label, a colon and its value
_LABEL_LINE = re.compile(r"^[A-ZÄÖÜ][\w./-]*(?: [\w./-]+){0,2}: \S")

_BULLET = re.compile(r"^\s*(?:([-•*–·▪])|(\d{1,2})[.)])\s+(\S.*)$")


def _list_lines(raw: str) -> tuple[str, bool, list[str], str] | None:
    """A paragraph whose lines (after at most one intro line) start with "- ", "• " or "1. ": (intro,
    ordered, items, what follows the list). A line without a marker continues the item before it when
    it goes on in lower case or the item ends in a function word, a comma or a hyphen (a wrapped item);
    otherwise the list has ended and the line starts the text after it ("- Ihren Mietvertrag" / "Alle
    Unterlagen sind im Original vorzulegen.")."""
    lines = [line for line in raw.split("\n") if line.strip()]
    marks = [_BULLET.match(line) for line in lines]
    first = next((k for k, m in enumerate(marks) if m), None)
    if first is None or first > 1 or sum(1 for m in marks if m) < 2:
        return None
    items: list[str] = []
    ordered = marks[first].group(2) is not None  # type: ignore[union-attr]
    for k, (line, m) in enumerate(zip(lines[first:], marks[first:], strict=True)):
        if m:
            items.append(m.group(3).strip())
            continue
        text = line.strip()
        last = items[-1].split()[-1] if items[-1].split() else ""
        if text[:1].islower() or items[-1][-1:] in ",-–" or last.lower() in _FUNCTION_WORDS:
            items[-1] = join_lines([items[-1], line])
            continue
        if sum(1 for m2 in marks[first : first + k] if m2) < 2:
            return None  # one item and then text: no list
        return join_lines(lines[:first]), ordered, items, "\n".join(lines[first + k :])
    return join_lines(lines[:first]), ordered, items, ""


#: what ends a line that is a sentence or an item of its own, or goes on in the next line
_LINE_END = ".!?:;,-–"


def _heading_line(raw: str) -> str | None:
    """A short first line without final punctuation before longer lines that start with a capital:
    a subheading written without a blank line after it ("Ausländerbehörde geschlossen" / "Die
    Ausländerbehörde bleibt am Montag geschlossen."). Text wrapped in narrow columns has lines of
    about the same length, and its next line goes on in lower case or after a function word."""
    lines = [line.strip() for line in raw.strip().split("\n") if line.strip()]
    if len(lines) < 2:
        return None
    first, rest = lines[0], lines[1:]
    words = first.split()
    if len(first) > 60 or first[-1] in _LINE_END or not rest[0][:1].isupper() or not words or \
            words[-1].lower() in _FUNCTION_WORDS or len(first) > 0.6 * max(len(line) for line in rest):
        return None
    return first


def _colon_lines(raw: str) -> tuple[str, bool, list[str], str] | None:
    """Lines after a line ending in ":" that are short and start with a capital or a digit are the items
    of a list written without bullets ("Die Öffnungszeiten sind:" / "Montag von 9 bis 13 Uhr" / …)."""
    lines = [line.strip() for line in raw.strip().split("\n") if line.strip()]
    colon = next((k for k, line in enumerate(lines) if line.endswith(":")), None)
    if colon is None or colon > 1 or len(lines) - colon - 1 < 2:
        return None
    items = lines[colon + 1 :]
    limit = 120 if all(_TIME_START.match(i) for i in items) else 70  # "19:15 Uhr Vorstellung der …": a programme
    if any(len(i) > limit or i[-1] in ",-–" or not (i[:1].isupper() or i[:1].isdigit()) for i in items):
        return None
    return join_lines(lines[: colon + 1]), False, items, ""


def _append_list(doc: Document, ordered: bool, items: list[str]) -> None:
    doc.blocks.append(ListBlock(ordered=ordered, items=[ListItem([Paragraph(text_sentences(i))]) for i in items]))


#: words that never end a sentence or a heading: a paragraph ending in one goes on in the next
_FUNCTION_WORDS = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
                   "in", "im", "an", "am", "auf", "aus", "bei", "beim", "mit", "nach", "von", "vom", "zu", "zum", "zur",
                   "für", "über", "unter", "vor", "durch", "gegen", "um", "und", "oder", "aber", "sowie", "dass",
                   "weil", "wenn", "als", "wie", "sich", "nicht", "sehr", "auch"}


#: a letter's closing formula: the lines after it are signatures, one person per line
_CLOSING = re.compile(r"^(mit )?(freundlichen|herzlichen|besten|vielen|lieben|solidarischen|freundlichem) grü(ß|ss)en,?$"
                      r"|^(viele|herzliche|liebe|beste|freundliche|schöne|sonnige) grü(ß|ss)e,?$",
                      re.IGNORECASE)

_SALUTATIONS = ("liebe ", "lieber ", "liebes ", "sehr geehrte", "hallo", "guten tag", "moin", "servus")


def _salutation(para: str) -> bool:
    """"Liebe Eltern," on a line of its own: a letter's salutation, after which German goes on in lower
    case; it is no sentence broken by OCR."""
    return len(para) <= 80 and para.endswith(",") and para.lower().startswith(_SALUTATIONS)


def _ends_in_function_word(para: str) -> bool:
    """"… Alle Menschen, die hier in" / "Deutschland seien …": an OCR break after a preposition or article
    in a long paragraph (a heading would be short)."""
    words = para.split()
    return len(para) > 80 and bool(words) and words[-1] in _FUNCTION_WORDS


def read_text_file(path: Path) -> Document:
    """A UTF-8 text file as a segmented document; one clear error if it is not readable text."""
    if not path.exists():
        raise InputError(f"{path}: no such file; check the name and path")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path.name}: not UTF-8 text; save it as UTF-8 or use the PDF/DOCX") from None
    except OSError as exc:
        raise InputError(f"{path.name}: cannot be read ({exc.strerror}); check the file's permissions") from None
    if not text.strip():
        raise InputError(f"{path.name}: the file is empty")
    return document_from_text(text, title=path.stem)
