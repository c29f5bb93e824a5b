"""Which language a text is in.

Metadata languages are unreliable (python-docx's template says en-US for every file it writes), so lesbar
looks at the text. py3langid is small, offline and fast; for short or ambiguous text we keep the default.
"""

from __future__ import annotations

from functools import lru_cache

#: Below this many letters the guess is too weak to override the default.
MIN_LETTERS = 40


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, default: str = "de") -> tuple[str, float]:
    """``(language code, confidence 0..1)``; ``(default, 0.0)`` when the text is too short to tell."""
    sample = text[:20000]
    letters = sum(ch.isalpha() for ch in sample)
    if letters < MIN_LETTERS:
        return default, 0.0
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)
