"""Interface words of written documents in the output language (from ``labels.toml``)."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

from lesbar.model import Document

#: Scripts written right to left (BCP 47 primary subtags).
RTL_LANGS = {"ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv", "sd", "ug"}


@lru_cache(maxsize=1)
def _all_labels() -> dict[str, dict[str, str]]:
    text = resources.files("lesbar.writers").joinpath("labels.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def labels_for(lang: str) -> dict[str, str]:
    """Labels for ``lang``, falling back to English and then German for missing keys."""
    table = _all_labels()
    base = (lang or "de").split("-")[0].lower()
    merged = dict(table["de"])
    merged.update(table.get("en", {}) if base != "de" else {})
    merged.update(table.get(base, {}))
    return merged


def provenance_lines(doc: Document) -> list[str]:
    """What a reader must be told about how this variant came about (empty for an untouched original)."""
    meta = doc.meta
    prov = meta.provenance
    labels = labels_for(meta.lang)
    reviewed = "reviewed" if prov.reviewed else "draft"
    lines: list[str] = []
    if meta.variant in ("leicht", "einfach"):
        lines.append(labels[f"{meta.variant}_{reviewed}"])
    elif meta.variant == "translation":
        lines.append(labels[f"mt_{reviewed}"])
    elif prov.automatic and not prov.reviewed:
        lines.append(labels["mt_draft"] if prov.source_lang else labels["leicht_draft"])
    return [line for line in lines if line]
