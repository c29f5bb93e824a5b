"""Finding glossary terms in running German text: leftmost-longest, whole words, in milliseconds.

The text is split once into word tokens (letters and digits; a hyphen separates tokens, so "NRW-Ministerium"
has the tokens "NRW" and "Ministerium"). Every surface form of every entry is indexed by its first token; at
each token the matcher tries only the token counts that some form starting with that token has, longest
first, with one dictionary lookup each. A report of 5,000 words costs a few thousand lookups whatever the
size of the glossary (see benchmarks/glossary_matching.py for the comparison with one regex per form).

Case: abbreviations and entries marked ``case_sensitive`` match exactly ("KI" but never "Ki" or "ki");
everything else matches case-insensitively ("KREIS HEINSBERG" in a dateline, "kommunale" in running text).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from lesbar.glossary.entry import Entry, Match

_TOKEN = re.compile(r"[^\W_]+")
_SPACE = re.compile(r"\s+")
#: What may follow an abbreviation and still belong to it: genitive/plural "KI's", "KI’s".
_ABBR_SUFFIXES = ("'s", "’s")
#: Invisible characters inside words (soft hyphen from PDF/Word, zero-width space) that must not split terms.
_INVISIBLE = ("\u00ad", "\u200b", "\u2060")
_CHUNK = re.compile(r".[\u0300-\u036f]*", re.S)


def _cleaned(text: str) -> tuple[str, list[int], list[int]] | None:
    """Text without invisible characters and in NFC ("u" + combining diaeresis → "ü"), with the original
    start and end offset of every character; None if the text needs no cleaning (the common case)."""
    if not any(ch in text for ch in _INVISIBLE) and unicodedata.is_normalized("NFC", text):
        return None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for chunk in _CHUNK.finditer(text):
        value = chunk.group()
        if value in _INVISIBLE:
            continue
        for ch in unicodedata.normalize("NFC", value) if len(value) > 1 else value:
            out.append(ch)
            starts.append(chunk.start())
            ends.append(chunk.end())
    return "".join(out), starts, ends


@dataclass(frozen=True)
class _Target:
    entry: Entry
    kind: str
    trailing: str  # punctuation that belongs to the form ("e. V." -> ".")
    priority: tuple[int, int, int]
    #: token (0-based) that must be capitalised in the text for a case-insensitive form, or -1
    capital: int = -1
    #: a compound's first part with linking element ("Migrations-"): only valid right before a hyphen
    before_hyphen: bool = False


def _key_span(form: str) -> tuple[str, str, int] | None:
    """(key, trailing punctuation, token count) of a form, or None if it has no word characters."""
    tokens = list(_TOKEN.finditer(form))
    if not tokens:
        return None
    key = _SPACE.sub(" ", form[tokens[0].start(): tokens[-1].end()])
    trailing = form[tokens[-1].end():].strip()
    return key, trailing, len(tokens)


class Matcher:
    """An index over the surface forms of many entries."""

    def __init__(self) -> None:
        self._full: list[dict[str, _Target]] = [{}, {}]  # [case-insensitive (casefolded keys), case-sensitive]
        self._first: list[dict[str, tuple[int, ...]]] = [{}, {}]
        self._lengths: list[dict[str, set[int]]] = [{}, {}]

    def add(self, entry: Entry, form: str, kind: str, priority: tuple[int, int, int],
            before_hyphen: bool = False) -> None:
        """Index ``form`` for ``entry``; on a collision the higher ``priority`` wins.

        A case-insensitive form whose last capitalised word (usually the head noun) appears in lower case in
        the text does not match: "ehrenamtlichen Akteure" is an adjective, not the noun "Ehrenamtliche".
        All-capitals text ("KREIS HEINSBERG") still matches.
        """
        spec = _key_span(form)
        if spec is None:
            return
        key, trailing, count = spec
        words = _TOKEN.findall(key)
        capital = max((i for i, w in enumerate(words) if w[:1].isupper()), default=-1)
        exact = kind == "abbreviation" or entry.case_sensitive
        table = 1 if exact else 0
        first = _TOKEN.match(key)
        assert first is not None
        first_token = first.group()
        if not exact:
            key, first_token = key.casefold(), first_token.casefold()
        old = self._full[table].get(key)
        if old is not None and old.priority > priority:
            return
        self._full[table][key] = _Target(entry, kind, trailing, priority, -1 if exact else capital,
                                         before_hyphen)
        self._lengths[table].setdefault(first_token, set()).add(count)

    def freeze(self) -> None:
        """Sort the candidate token counts once (longest first) after all forms are added."""
        for table in (0, 1):
            self._first[table] = {tok: tuple(sorted(counts, reverse=True))
                                  for tok, counts in self._lengths[table].items()}

    def __len__(self) -> int:
        return len(self._full[0]) + len(self._full[1])

    def match(self, text: str) -> list[Match]:
        """Non-overlapping matches, longest first at each position, in text order.

        Offsets always refer to ``text`` as given, also when soft hyphens or decomposed umlauts had to be
        cleaned away for matching.
        """
        cleaned = _cleaned(text)
        if cleaned is None:
            return self._match(text)
        clean, starts, ends = cleaned
        out = []
        for m in self._match(clean):
            start, end = starts[m.start], ends[m.end - 1]
            out.append(replace(m, start=start, end=end, surface=text[start:end]))
        return out

    def _match(self, text: str) -> list[Match]:
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        full_ci, full_cs = self._full
        first_ci, first_cs = self._first
        matches: list[Match] = []
        i, count = 0, len(tokens)
        while i < count:
            start, end = tokens[i]
            word = text[start:end]
            lengths_cs = first_cs.get(word, ())
            lengths_ci = first_ci.get(word.casefold(), ())
            if not lengths_cs and not lengths_ci:
                i += 1
                continue
            found = self._longest(text, tokens, i, lengths_cs, lengths_ci, full_cs, full_ci)
            if found is None:
                i += 1
                continue
            match, used = found
            matches.append(match)
            i += used
            while i < count and tokens[i][0] < match.end:
                i += 1
        return matches

    @staticmethod
    def _longest(text: str, tokens: list[tuple[int, int]], i: int, lengths_cs: tuple[int, ...],
                 lengths_ci: tuple[int, ...], full_cs: dict[str, _Target], full_ci: dict[str, _Target],
                 ) -> tuple[Match, int] | None:
        start = tokens[i][0]
        lengths = sorted(set(lengths_cs) | set(lengths_ci), reverse=True) if lengths_cs and lengths_ci \
            else (lengths_cs or lengths_ci)
        for n in lengths:
            if i + n > len(tokens):
                continue
            end = tokens[i + n - 1][1]
            segment = text[start:end]
            if n > 1:
                segment = _SPACE.sub(" ", segment)
            target = full_cs.get(segment) if n in lengths_cs else None
            if target is None and n in lengths_ci:
                target = full_ci.get(segment.casefold())
            if target is None:
                continue
            entry = target.entry
            if target.capital >= 0:
                c_start, c_end = tokens[i + target.capital]
                if not text[c_start].isupper():
                    continue
            if target.before_hyphen and not (text[end: end + 1] == "-" and text[end + 1: end + 2].isalpha()):
                continue
            if not entry.in_compounds and target.kind == "term" and (
                    text[start - 1: start] == "-" or text[end: end + 1] == "-"):
                continue
            if target.trailing and text.startswith(target.trailing, end):
                end += len(target.trailing)
            if target.kind == "abbreviation":
                for suffix in _ABBR_SUFFIXES:
                    after = end + len(suffix)
                    if text.startswith(suffix, end) and not text[after: after + 1].isalnum():
                        end = after
                        break
            return Match(start, end, text[start:end], entry, target.kind), n
        return None
