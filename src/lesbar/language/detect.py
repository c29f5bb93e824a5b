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


#: A paragraph needs this many letters, and the guess this confidence, to get a language of its own.
PARAGRAPH_LANG_LETTERS = 150
PARAGRAPH_LANG_CONFIDENCE = 0.99


def paragraph_language(text: str) -> str | None:
    """The language of a long paragraph when it is clear (bilingual leaflets); ``None`` when unsure.

    Stricter than the document guess: a wrong block language makes screen readers switch voices."""
    if sum(ch.isalpha() for ch in text) < PARAGRAPH_LANG_LETTERS:
        return None
    lang, confidence = detect_language(text[:600], default="")  # a few sentences are enough and cheap
    return lang if lang and confidence >= PARAGRAPH_LANG_CONFIDENCE else None
