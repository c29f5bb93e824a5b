"""Inflected forms of glossary terms, so that "des Kreises", "dem Landrat" and "Integrationskurse" are found.

Staff write an entry's base form only. Forms are generated here:

* a noun's case table comes from german-nouns (Wiktionary); a compound missing there borrows the table of its
  longest known final part ("Subsidiaritätsprinzip" → "Prinzip" → "…prinzips", "…prinzipien");
* unknown nouns get suffix rules by ending (-ung → -ungen, -er → -ers/-ern, else -s/-es/-e/-en);
* adjectives before the head noun get all five endings ("kommunale", "kommunalen", "kommunales", …);
* words after a function word ("Fachhochschule *für öffentliche Verwaltung*") stay as written;
* names ("Hückelhoven") get the genitive -s.

Over-generation is harmless (a form that never occurs is never matched) and cheaper than grammar. The forms
of each phrase are cached on disk (keyed by phrase, part of speech and generator version), so the 0.3 s for
the noun tables is paid only when an entry is new or changed.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import os
import sys
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

from lesbar.glossary.entry import Entry
from lesbar.glossary.nouns import noun_forms

log = logging.getLogger(__name__)

GENERATOR_VERSION = "5"
MAX_FORMS_PER_PHRASE = 600
MAX_CACHED_PHRASES = 50_000
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
#: Words that end the inflected part of a noun phrase; everything from here on stays as written.
FUNCTION_WORDS = frozenset(
    "für der die das des dem den von vom im in ins mit und oder zur zum auf an am bei beim aus gegen über "
    "unter nach als ohne durch um zu".split()
)
_FEMININE_ENDINGS = ("ung", "heit", "keit", "schaft", "ion", "tät", "ik", "ei", "ie", "enz", "anz", "ur")


def _cache_dir() -> Path:
    if os.environ.get("LESBAR_CACHE_DIR"):
        return Path(os.environ["LESBAR_CACHE_DIR"])
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "lesbar" / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lesbar"


class FormCache:
    """Generated forms per phrase, persisted as JSON in the user's cache directory."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or _cache_dir() / f"glossary-forms-v{GENERATOR_VERSION}.json"
        self._data: dict[str, list[str]] | None = None
        self._used: set[str] = set()
        self._dirty = False
        self._lock = threading.Lock()

    def _load(self) -> dict[str, list[str]]:
        if self._data is None:
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                self._data = data if isinstance(data, dict) else {}
            except (OSError, ValueError):
                self._data = {}
        return self._data

    @staticmethod
    def key(phrase: str, pos: str) -> str:
        return hashlib.sha1(f"{GENERATOR_VERSION}|{pos}|{phrase}".encode()).hexdigest()[:20]

    def get(self, phrase: str, pos: str) -> list[str] | None:
        key = self.key(phrase, pos)
        with self._lock:
            self._used.add(key)
            return self._load().get(key)

    def put(self, phrase: str, pos: str, forms: list[str]) -> None:
        key = self.key(phrase, pos)
        with self._lock:
            self._load()[key] = forms
            self._used.add(key)
            self._dirty = True

    def save(self) -> None:
        """Write the cache if it changed; a read-only or full disk only costs speed next time."""
        with self._lock:
            if not self._dirty or self._data is None:
                return
            if len(self._data) > MAX_CACHED_PHRASES:  # phrases of old glossary versions pile up: keep current
                self._data = {k: v for k, v in self._data.items() if k in self._used}
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".forms-", suffix=".tmp")
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(self._data, handle, ensure_ascii=False, separators=(",", ":"))
                os.replace(tmp, self.path)
                self._dirty = False
            except OSError as exc:
                log.info("glossary form cache not written (%s): %s", self.path, exc)


def _noun_table(word: str, singular_only: bool = False) -> list[str]:
    """Forms of a (possibly compound) noun from german-nouns; [] if neither it nor a final part is known."""
    if "-" in word:  # NRW-Ministerium, Sophia-Jacoba: inflect the last part
        head, _, last = word.rpartition("-")
        return [f"{head}-{form}" for form in _noun_table(last, singular_only)]
    forms = [form for form, _genus in noun_forms(word, singular_only)]
    if forms:
        return forms
    for cut in range(2, len(word) - 2):
        part = word[cut:]
        if len(part) < 3:
            break
        found = [form for form, _genus in noun_forms(part[0].upper() + part[1:], singular_only)]
        if found:
            prefix = word[:cut]
            return [prefix + form[0].lower() + form[1:] for form in found]
    return []


def _rule_forms(word: str, gender: str) -> list[str]:
    """Suffix rules for a noun unknown to the dictionary."""
    lower = word.lower()
    if gender == "f" or lower.endswith(_FEMININE_ENDINGS):
        return [word, word + ("n" if lower.endswith(("e", "el", "er")) else "en")]
    if lower.endswith("e"):
        return [word, word + "n", word + "ns"]
    if lower.endswith(("er", "el", "en", "chen", "lein")):
        return [word, word + "s", word + "n"]
    if lower.endswith(("s", "ß", "x", "z")):
        return [word, word + "es", word + "e", word + "en"]
    return [word, word + "s", word + "es", word + "e", word + "en", word + "n"]


def _adjective_forms(word: str) -> list[str]:
    lower = word.lower()
    for ending in ("es", "er", "en", "em", "e"):
        if lower.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            return [stem + e for e in ADJECTIVE_ENDINGS]
    return [word]


def inflect_phrase(phrase: str, pos: str, gender: str = "") -> list[str]:
    """All forms of ``phrase`` (the phrase itself first).

    The head is the first capitalised word that is not an adjective before another capitalised word: in
    "Kommunales Integrationszentrum" it is "Integrationszentrum", in "Kreis Heinsberg" and "Zeche
    Sophia-Jacoba" it is the first word (a following name is an apposition and stays as written).
    """
    words = phrase.split()
    if not words or pos not in ("noun", "name"):
        return [phrase]
    cut = next((i for i, w in enumerate(words) if i > 0 and w in FUNCTION_WORDS), len(words))
    core, tail = words[:cut], words[cut:]
    adjectives = {i for i in range(len(core) - 1) if _looks_like_adjective(core[i], core[i + 1])}
    head_index = next((i for i, w in enumerate(core) if w[:1].isupper() and i not in adjectives), -1)
    if head_index < 0:
        return [phrase]
    word = core[head_index]
    # a name with a common-noun head ("Kreis Heinsberg", "Zeche Sophia-Jacoba") is singular
    head_forms = _noun_table(word, singular_only=pos == "name") \
        if len(core) == 1 or pos == "noun" or head_index < len(core) - 1 else []
    if not head_forms:
        if pos == "name":
            head_forms = [word] if word.lower().endswith(("s", "ß", "x", "z")) else [word, word + "s"]
        else:
            head_forms = _rule_forms(word, gender)
    if pos == "noun" and word.endswith(_ADJECTIVAL_NOUN_ENDINGS):
        # nouns made from adjectives/participles decline like adjectives: "ein Geflüchteter", "den Geflüchteten"
        head_forms = list(dict.fromkeys([*head_forms, word + "r", word + "n"]))
    if pos == "noun":
        split = split_compound(word)
        if split is not None:
            head_forms = [*head_forms, *easy_reading_forms(split[0], head_forms)]
    options: list[list[str]] = []
    for i, w in enumerate(core):
        if i == head_index:
            options.append(list(dict.fromkeys([w, *head_forms])))
        elif i in adjectives and i < head_index:
            options.append(list(dict.fromkeys([w, *_adjective_forms(w)])))
        else:
            options.append([w])
    result = [phrase]
    for combo in itertools.islice(itertools.product(*options), MAX_FORMS_PER_PHRASE):
        form = " ".join([*combo, *tail])
        if form not in result:
            result.append(form)
    return result


_LINKING = ("", "s", "es", "n", "en", "er", "e")
_ADJECTIVAL_NOUN_ENDINGS = ("te", "nde", "che", "ige", "ene", "ische")


def split_compound(word: str) -> tuple[str, str] | None:
    """(first part, head) of a closed compound, e.g. "Integrationskurs" → ("Integrations", "Kurs").

    The head is the longest final part that german-nouns knows as a noun; the first part must be a known noun
    itself once a linking element (-s-, -es-, -n-, -en-, -er-) is removed. Otherwise None.
    """
    if "-" in word or " " in word or len(word) < 7:
        return None
    for cut in range(3, len(word) - 2):
        head = word[cut].upper() + word[cut + 1:]
        if not noun_forms(head):
            continue
        prefix = word[:cut]
        for linking in _LINKING:
            if linking and not prefix.endswith(linking):
                continue
            stem = prefix[: len(prefix) - len(linking)] if linking else prefix
            if len(stem) >= 3 and noun_forms(stem[0].upper() + stem[1:]):
                return prefix, head
    return None


def easy_reading_forms(prefix: str, forms: list[str]) -> list[str]:
    """Forms as Leichte Sprache writes long words: "Integrations-Kurs", "Integrations·kurs" (Mediopunkt)."""
    out = []
    for form in forms:
        if form.startswith(prefix) and len(form) > len(prefix):
            rest = form[len(prefix):]
            out.append(f"{prefix}-{rest[0].upper()}{rest[1:]}")
            out.append(f"{prefix}·{rest}")
    return out


def _looks_like_adjective(word: str, following: str) -> bool:
    """A modifier with an adjective ending before a capitalised word ("Kommunales Integrationszentrum")."""
    return following[:1].isupper() and word.lower().endswith(("e", "er", "es", "en", "em")) and \
        not word.isupper()


def entry_forms(entry: Entry, cache: FormCache | None = None) -> list[str]:
    """Every surface form of the entry's term and variants (explicit ``forms`` included, abbreviations not)."""
    result: list[str] = []
    for phrase in entry.surfaces():
        forms = cache.get(phrase, entry.pos) if cache is not None else None
        if forms is None:
            forms = inflect_phrase(phrase, entry.pos, entry.gender)
            if cache is not None:
                cache.put(phrase, entry.pos, forms)
        result.extend(forms)
    result.extend(entry.forms)
    return list(dict.fromkeys(f for f in result if f.strip()))


def all_forms(entries: Iterable[Entry], cache: FormCache | None = None) -> dict[str, list[str]]:
    """Forms for many entries, by entry id; saves the cache once at the end."""
    out = {entry.id: entry_forms(entry, cache) for entry in entries}
    if cache is not None:
        cache.save()
    return out


def linking_forms(phrases: Iterable[str]) -> list[str]:
    """First parts of hyphenated compounds with a linking element: "Migrations-Sozialarbeit",
    "Integrationskurs-Träger" needs none, "Kreis-" none; "Behörden-" for "Behörde".

    Only valid directly before a hyphen (the matcher checks), so over-generation cannot cause false matches
    in running text.
    """
    out = []
    for phrase in phrases:
        if " " in phrase or not phrase[-1:].isalpha():
            continue
        lower = phrase.lower()
        if lower.endswith("e"):
            out.append(phrase + "n")
        elif lower.endswith(("s", "ß", "x", "z")):
            out.append(phrase + "es")
        else:
            out.append(phrase + "s")
    return out
