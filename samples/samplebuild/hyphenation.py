"""German hyphenation for the clipping's justified columns.

reportlab hyphenates with pyphen when a paragraph style names a language, but it also feeds
pyphen words that already contain a hyphen ("Topal-Cevahir"), and pyphen then offers break points
inside the names ("Topa-l-Cevahir"). A typesetter breaks such compounds only at their own hyphen,
so this callable (reportlab accepts one in ``hyphenationLang``) does exactly that and leaves all
other words to pyphen's dictionary.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyphen


class Hyphenator:
    """``word -> (head, tail)`` break candidates, longest head first, as reportlab expects."""

    def __init__(self, language: str) -> None:
        self._dictionary = pyphen.Pyphen(lang=language)

    def __deepcopy__(self, memo: dict[int, object]) -> Hyphenator:
        # reportlab deep-copies paragraph styles on every split; the dictionary is read-only and
        # copying it made the build 10× slower.
        return self

    def __call__(self, word: str) -> Iterator[tuple[str, str]]:
        inner = word.strip("-")
        if "-" in inner:
            # break only after an existing hyphen; reportlab adds no second hyphen to "Topal-"
            positions = [i + 1 for i, char in enumerate(word) if char == "-" and 0 < i < len(word) - 1]
            for position in sorted(positions, reverse=True):
                yield word[:position], word[position:]
            return
        yield from self._dictionary.iterate(word)
