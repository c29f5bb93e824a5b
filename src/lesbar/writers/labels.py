"""Interface words of written documents in the output language (from ``labels.toml``).

Also the provenance notice: every output says visibly and in its metadata whether it was produced
automatically and whether a person reviewed it. The wording lives in ``labels.toml`` (one table per
output language); this module only decides which lines apply to a document.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

from lesbar.model import Document, Figure, Heading, sentences_text

#: Scripts written right to left (BCP 47 primary subtags).
RTL_LANGS = {"ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv", "sd", "ug"}


def primary(lang: str | None) -> str:
    """The primary language subtag (``de-DE`` → ``de``), lower case; German when unknown."""
    return (lang or "de").split("-")[0].lower()


def is_rtl(lang: str | None) -> bool:
    """Whether ``lang`` is written right to left."""
    return primary(lang) in RTL_LANGS


@lru_cache(maxsize=1)
def all_labels() -> dict[str, dict[str, str]]:
    """Every language table of ``labels.toml``."""
    text = resources.files("lesbar.writers").joinpath("labels.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def labels_for(lang: str) -> dict[str, str]:
    """Labels for ``lang``; a language without a table gets English (a reader of an unsupported target
    language is likelier to read English than German), German only fills keys English lacks."""
    table = all_labels()
    base = primary(lang)
    merged = dict(table["de"])
    if base != "de":
        merged.update(table.get("en", {}))
    merged.update(table.get(base, {}))
    return merged


def was_translated(doc: Document) -> bool:
    """A variant is a translation when marked so, or when it is in another language than its source."""
    prov = doc.meta.provenance
    if doc.meta.variant == "translation":
        return True
    return bool(prov.source_lang) and primary(prov.source_lang) != primary(doc.meta.lang)


def has_draft_alt(doc: Document) -> bool:
    return any(isinstance(b, Figure) and b.alt_status == "draft" for b in doc.walk())


def provenance_lines(doc: Document) -> list[str]:
    """What a reader must be told about how this variant came about, in the document's language.

    Never empty: an untouched original says that it is the original text, converted automatically.
    """
    meta = doc.meta
    prov = meta.provenance
    labels = labels_for(meta.lang)
    state = "reviewed" if prov.reviewed else "draft"
    lines: list[str] = []
    if meta.variant in ("leicht", "einfach"):
        lines.append(labels[f"{meta.variant}_{state}"])
    if was_translated(doc):
        lines.append(labels[f"mt_{state}"])
    if not lines:
        if prov.automatic:
            # an automatic variant of unknown kind: say so, never claim it is the untouched original
            lines.append(labels[f"mt_{state}"] if prov.source_lang else labels[f"einfach_{state}"])
        else:
            lines.append(labels["original"])
            source = meta.source.name or ""
            if source:
                lines.append(labels["original_source"].format(source=source))
    if has_draft_alt(doc) and not prov.reviewed:
        lines.append(labels["alt_draft"])
    return [line for line in lines if line]


def provenance_keywords(doc: Document) -> str:
    """Machine-readable provenance for document metadata (HTML meta, PDF keywords, DOCX keywords)."""
    meta = doc.meta
    prov = meta.provenance
    parts = [
        "lesbar",
        f"variant={meta.variant}",
        f"automatic={str(prov.automatic).lower()}",
        f"reviewed={str(prov.reviewed).lower()}",
    ]
    if prov.method:
        parts.append(f"method={prov.method}")
    if prov.source_lang:
        parts.append(f"source-language={prov.source_lang}")
    return "; ".join(parts)


WORDLIST_ID = "woerterbuch"  # the anchor of the word list in HTML and the bookmark in DOCX


def has_word_list(doc: Document, title: str) -> bool:
    """Whether the document brings its own word list (the simplifier writes a "Wörterbuch" heading and
    list for Leichte Sprache): then the writers link explained words to it and write no second one."""
    return any(isinstance(b, Heading) and sentences_text(b.content).strip() == title for b in doc.blocks)
