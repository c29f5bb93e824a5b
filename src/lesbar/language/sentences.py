"""Sentence boundaries in running text.

German (and English) text is split with SoMaJo, which knows abbreviations ("Dr.", "z. B."), ordinals and
dates ("am 1. September") and quotation marks. Other languages use a conservative punctuation rule.
Argos Translate's own splitter is never used: it downloads a model on first use (see the Argos note).
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

_SOMAJO_LANGS = {"de": "de_CMC", "en": "en_PTB"}
_lock = threading.Lock()

# Sentence end for languages without SoMaJo: . ! ? and their Arabic/Persian/CJK forms, then space.
_GENERIC_END = re.compile(r"(?<=[.!?\u061F\u06D4\u3002])[\"'\u201C\u201D\u00BB\u2019)]*\s+(?=\S)")


@lru_cache(maxsize=4)
def _somajo(language: str):  # type: ignore[no-untyped-def]
    from somajo import SoMaJo

    return SoMaJo(language, split_camel_case=False, character_offsets=True)


def sentence_spans(text: str, lang: str = "de") -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences in ``text``; whitespace between them is left out."""
    if not text.strip():
        return []
    base = (lang or "de").split("-")[0].lower()
    if base in _SOMAJO_LANGS:
        with _lock:  # SoMaJo's tokenizer is not documented as thread-safe
            tokenizer = _somajo(_SOMAJO_LANGS[base])
            sentences = list(tokenizer.tokenize_text([text]))
        spans = []
        for sent in sentences:
            if not sent:
                continue
            start = sent[0].character_offset[0]
            end = sent[-1].character_offset[1]
            spans.append((start, end))
        if base == "de":
            spans = [part for span in spans for part in _split_after_number(text, span)]
            spans = [part for span in spans for part in _split_after_name(text, span)]
        return _join_dash_continuations(text, _cover(text, spans))
    spans = []
    pos = 0
    for m in _GENERIC_END.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return _cover(text, spans)


# "Die Zahl stieg auf 96. Das ist gut.": SoMaJo reads "96." as an ordinal and keeps one sentence. A number
# with a full stop, then a word that starts sentences and never follows an ordinal, is a sentence end;
# "am 3. Oktober", "der 2. Bürgermeister", "zum 30. Juni" stay.
_AFTER_NUMBER_END = re.compile(
    r"(?<!\b[Aa]m )(?<!\b[Zz]um )(?<!\b[Vv]om )(?<!\b[Dd]en )(?<!\b[Dd]em )(?<=\d\.)\s+(?=(?:Das|Der|Die|Dies|Diese|Dieser|"
    r"Es|Er|Sie|Wir|Ich|Man|Dort|Dann|Danach|Damit|Deshalb|Auch|Außerdem|Insgesamt|Heute|Jetzt|Hier|Aber|"
    r"Doch|Alle|Viele|Mehr|Im|In|Mit|Für|Bei|Nach|Seit|Zudem|Zum|Zur)\b)")


# "Die Sprechstunde ist in Raum 12. Kinder dürfen mitkommen.", "Tel. 62-5510. Infoblätter …": a number
# after a noun (not after an article or preposition) or a number with a hyphen or slash is no ordinal,
# so a capitalised word after its full stop starts a sentence (not a month: "Freitag, 12. Mai").
_NUMBER_AFTER_NOUN_END = re.compile(
    r"(?:\b[A-ZÄÖÜ][a-zäöüß]{2,} \d+|\d+[-/]\d+)\.(\s+)(?=[A-ZÄÖÜ][a-zäöüß]+\b)")
_MONTHS = {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"}
_NOT_BEFORE_ORDINAL = {"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag", "Sonnabend"}


# "…“, erzählt Osman. Niemand habe …": SoMaJo may read a name before a full stop as an abbreviation and keep
# one sentence. A capitalised word of four letters or more with a full stop, then a capitalised word, ends
# a sentence unless the word is a known abbreviation.
_NAME_END = re.compile(r"\b([A-ZÄÖÜ][a-zäöüß]{3,})\.(\s+)(?=[A-ZÄÖÜ][a-zäöüß]+\b)")
CAPITAL_ABBREVIATIONS = {"Prof", "Dipl", "Abs", "Abt", "Jahrh", "Hrsg", "Verf", "Bsp", "Anm", "Gebr", "Bearb",
                          "Kath", "Evang", "Forts", "Tsd", "Stellv", "Vors", "Mrd", "Mio", "Std", "Okt", "Sept",
                          "Febr", "Sonn", "Nord", "Sankt"}


def _split_after_name(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    start, end = span
    out = []
    for m in _NAME_END.finditer(text, start, end):
        if m.group(1) in CAPITAL_ABBREVIATIONS or m.start(2) <= start:
            continue
        out.append((start, m.start(2)))
        start = m.end(2)
    out.append((start, end))
    return out


def _split_after_number(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    start, end = span
    cuts = sorted({m.start() for m in _AFTER_NUMBER_END.finditer(text, start, end)} | {
        m.start(1) for m in _NUMBER_AFTER_NOUN_END.finditer(text, start, end) if _noun_number_end(text, m)})
    out = []
    for cut in cuts:
        m = re.compile(r"\s+").match(text, cut)
        if m is None:
            continue
        before = text[max(start, m.start() - 12) : m.start()]
        if re.search(r"\b(?:am|zum|vom|den|dem|bis|ab)\s+\d+\.$", before, re.IGNORECASE):
            continue  # "bis zum 30. Die …" would be a date without its month: leave it
        if m.start() <= start:
            continue
        out.append((start, m.start()))
        start = m.end()
    out.append((start, end))
    return out


def _noun_number_end(text: str, m: re.Match[str]) -> bool:
    nxt = re.match(r"[A-ZÄÖÜ][a-zäöüß]+", text[m.end() :])
    if nxt is None or nxt.group(0) in _MONTHS:
        return False
    word_before = re.findall(r"([A-ZÄÖÜ][a-zäöüß]+) \d+\.$", text[m.start() : m.start(1)])
    return not (word_before and word_before[-1] in _NOT_BEFORE_ORDINAL | _MONTHS)


def _cover(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Make spans contiguous: trailing text a tokenizer dropped (e.g. a closing quote) stays with its sentence."""
    out: list[tuple[int, int]] = []
    for i, (start, _end) in enumerate(spans):
        nxt = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        seg = text[start:nxt]
        stripped_end = start + len(seg.rstrip())
        if stripped_end > start:
            out.append((start, stripped_end))
    if out and text[: out[0][0]].strip():  # leading text the tokenizer skipped
        out[0] = (len(text) - len(text.lstrip()), out[0][1])
    return out


def _join_dash_continuations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"11. September: „Glück auf!“ – Bergleute erzählen": a part that starts with a dash goes on from the
    part before it (a title with "!" or "?" inside a line); no sentence starts with a dash, and a bracket
    alone after a question or exclamation is its addition."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        part = text[start:end].strip()
        if out and text[start:end][:1] in ("–", "—") or out and text[start : start + 2] == "- " or (
                out and part.startswith("(") and part.endswith((")", ").")) and part.count("(") == 1
                and text[out[-1][0] : out[-1][1]].rstrip().endswith(("?", "!"))):
            # ("Was kann ich sagen? (Raum 2.14)": a bracket after a question belongs to its line)
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def split_sentences(text: str, lang: str = "de") -> list[str]:
    """The sentences of ``text`` as strings."""
    return [text[a:b] for a, b in sentence_spans(text, lang)]
