"""Steps every reader ends with: language of the document, draft alt texts, a title.

Kept in one place so that PDF, DOCX and OCR readers behave alike.
"""

from __future__ import annotations

from lesbar.language.detect import detect_language, paragraph_language
from lesbar.model import Document, Figure, Heading, Paragraph, block_text, sentences_text

#: Minimum confidence for a detected language to replace the default.
LANG_CONFIDENCE = 0.8


def detect_document_language(doc: Document, default: str = "de") -> None:
    """Set ``doc.meta.lang`` from the text itself (metadata languages are unreliable), and tag long
    paragraphs that are clearly in another language (an English statement, a bilingual leaflet), whatever
    reader produced them; block languages equal to the document's are cleared."""
    text = " ".join(block_text(b) for b in doc.blocks)
    lang, confidence = detect_language(text, default=default)
    if confidence >= LANG_CONFIDENCE:
        doc.meta.lang = lang
    else:
        doc.meta.lang = default
    for block in doc.walk():
        if isinstance(block, Paragraph) and block.lang is None:
            block.lang = paragraph_language(block_text(block))
        if block.lang == doc.meta.lang:
            block.lang = None


def draft_alt_texts(doc: Document) -> None:
    """Figures without alt text get a draft from their caption, marked for review."""
    for block in doc.walk():
        if isinstance(block, Figure) and not block.alt.strip():
            caption = sentences_text(block.caption)
            if caption:
                block.alt = caption if len(caption) <= 250 else caption[:247].rsplit(" ", 1)[0] + " …"
                block.alt_status = "draft"
            else:
                block.alt_status = "missing"


def ensure_title(doc: Document) -> None:
    """Use the first heading (or the first words) as the title when the source gives none."""
    if doc.meta.title.strip():
        return
    for block in doc.walk():
        if isinstance(block, Heading) and block_text(block):
            doc.meta.title = block_text(block)
            return
    for block in doc.walk():
        text = block_text(block)
        if text:
            words = text.split()
            doc.meta.title = " ".join(words[:10]) + (" …" if len(words) > 10 else "")
            return
    doc.meta.title = doc.meta.source.name or "Dokument"


def finish(doc: Document, default_lang: str = "de") -> Document:
    detect_document_language(doc, default_lang)
    draft_alt_texts(doc)
    ensure_title(doc)
    return doc
