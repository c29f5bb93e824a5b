"""Re-joining text lines: remove line-end hyphenation, keep real hyphens.

Rules measured on newspaper clippings (see ``shared/notes/pdf-and-docx-reading.md``): at a line-end ``-``
(or soft hyphen U+00AD) followed by

* und / oder / bzw. / sowie / & → a suspended hyphen, keep it with a space ("haupt- und ehrenamtlichen");
* a lowercase letter → hyphenation, join ("wer-" + "den" → "werden");
* an uppercase letter or digit → a real hyphen in a compound, keep it without a space ("Corona-" + "Pandemie");
  except in all-capitals text, where a piece shorter than four letters is a syllable ("WEI-" + "DENFELD"),
  and so are longer pieces that join into a common word ("BRINK-" + "MANN").
"""

from __future__ import annotations

import re

SOFT_HYPHEN = "\u00ad"
_SUSPENDED_NEXT = re.compile(r"^(und|oder|bzw\.?|sowie|als auch|&|wie|bis)\b", re.IGNORECASE)
_HYPHENS = ("-", "\u2010", "\u2011", SOFT_HYPHEN)
#: wordfreq Zipf frequency from which a word joined across a line end in capitals is a word of its own
#: ("brinkmann" 3.2; "hansjürgen" 2.3 and "annapetra" 0 stay hyphenated names).
JOINED_WORD_ZIPF = 2.5


def join_lines(lines: list[str]) -> str:
    """Join the lines of one paragraph into running text."""
    out = ""
    for raw in lines:
        line = " ".join(raw.replace("\u00a0", " ").split())
        if not line:
            continue
        if not out:
            out = line
            continue
        out = join_two(out, line)
    return out.replace(SOFT_HYPHEN, "")


def _caps_syllable_split(stem: str, right: str) -> bool:
    """"WEI-" + "DENFELD": in capitals case tells nothing, so a piece shorter than a name part decides.

    Hyphenated names in capitals ("ANNA-PETRA", "KLEIN-HEYDEN") have parts of four letters or more;
    a three-letter piece at a line end is a syllable. Longer pieces are a syllable split when the joined
    word is common in German text ("BRINKMANN"), which hyphenated names never are ("ANNAPETRA").
    """
    left_word = stem.split()[-1] if stem.split() else ""
    right_word = right.split()[0] if right.split() else ""
    left_letters = [ch for ch in left_word.split("-")[-1] if ch.isalpha()]
    right_letters = [ch for ch in right_word.split("-")[0] if ch.isalpha()]
    if not left_letters or not right_letters:
        return False
    if not all(ch.isupper() for ch in left_letters + right_letters):
        return False
    if len(left_letters) < 4 or len(right_letters) < 4:
        return True
    # both pieces long enough to be name parts: a common word when joined ("BRINK-" + "MANN") is one
    from wordfreq import zipf_frequency

    return zipf_frequency("".join(left_letters + right_letters).lower(), "de") >= JOINED_WORD_ZIPF


def join_two(left: str, right: str) -> str:
    """Join ``right`` to ``left`` across a line end, deciding about a trailing hyphen."""
    if left.endswith(_HYPHENS) and len(left) >= 2 and left[-2].isalpha():
        stem = left[:-1]
        if _SUSPENDED_NEXT.match(right):
            return f"{stem}- {right}"
        first = right[:1]
        if left.endswith(SOFT_HYPHEN) or first.islower() or _caps_syllable_split(stem, right):
            return stem + right
        return f"{stem}-{right}"
    if left.endswith(_HYPHENS) and len(left) >= 2 and left[-2].isdigit() and right[:1].isalnum():
        # "26-" + "köpfiges", "2014-" + "2015": a number compound never loses its hyphen
        if _SUSPENDED_NEXT.match(right):
            return f"{left[:-1]}- {right}"
        return f"{left[:-1]}-{right}"
    return f"{left} {right}"
