"""Offline translation of lesbar documents on Argos Translate models, glossary-true, with a memory.

The pipeline calls :func:`translate_variants`; :func:`translate_documents` is the same as a library
function. See ``docs/translation.md`` for the design and for installing models.

Modules: :mod:`.packages` (the Argos package directory), :mod:`.routes` (direct or via English),
:mod:`.engine` (tokenizer + CTranslate2, one batch per model), :mod:`.protect` (glossary terms),
:mod:`.memory` (SQLite translation memory), :mod:`.segments` (memory → MT → verify), :mod:`.document`
(documents in and out), :mod:`.xliff` (human review).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lesbar.model import Document
from lesbar.translate.document import build_translation, source_texts
from lesbar.translate.engine import EngineOptions
from lesbar.translate.memory import TranslationMemory, normalize_segment
from lesbar.translate.packages import resolve_packages_dir
from lesbar.translate.protect import GlossaryLike
from lesbar.translate.routes import find_route, missing_message
from lesbar.translate.segments import SegmentResult, glossary_summary, translate_segments

if TYPE_CHECKING:
    from lesbar.config import TranslationSettings
    from lesbar.pipeline.convert import StageContext
    from lesbar.pipeline.stages import StageResult

log = logging.getLogger(__name__)

__all__ = ["translate_variants", "translate_documents", "TranslationOutcome", "EngineOptions"]


@dataclass
class TranslationOutcome:
    """Translated documents by variant name (``en``, ``einfach.ar``) and their report sections."""

    documents: dict[str, Document] = field(default_factory=dict)
    report: dict[str, dict[str, Any]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def variant_name(from_variant: str, lang: str) -> str:
    return lang if from_variant == "original" else f"{from_variant}.{lang}"


def translate_documents(
    sources: dict[str, Document],
    languages: list[str],
    *,
    glossary: GlossaryLike | None,
    packages_dir: Path,
    memory: TranslationMemory | None,
    options: EngineOptions | None = None,
) -> TranslationOutcome:
    """Translate every document of ``sources`` (by variant name) into every language.

    All texts of all source documents for one language go through the models together: one
    ``translate_batch`` per model (plus one for the sentences retried with the other glossary strategy).
    """
    options = options or EngineOptions()
    outcome = TranslationOutcome()
    for lang in languages:
        by_source_lang: dict[str, list[tuple[str, Document]]] = {}
        for from_variant, doc in sources.items():
            by_source_lang.setdefault(doc.meta.lang.split("-")[0].lower(), []).append((from_variant, doc))
        for source_lang, docs in by_source_lang.items():
            names = [variant_name(v, lang) for v, _ in docs]
            if lang == source_lang:
                outcome.notes.append(f"{lang}: the document already is in {lang}; no translation made")
                continue
            route = find_route(packages_dir, source_lang, lang)
            if route is None:
                message = missing_message(source_lang, lang)
                outcome.missing.append(message)
                for name in names:
                    outcome.report[name] = {"language": lang, "pivot": [], "missing": message,
                                            "glossary": {"enforced": 0, "drafts": 0, "failures": 0, "terms": []},
                                            "sentences": []}
                continue
            texts = [t for _, doc in docs for t in source_texts(doc)]
            results = translate_segments(texts, source_lang=source_lang, target_lang=lang, route=route,
                                         glossary=glossary, memory=memory, options=options)
            if memory is not None:
                for _, doc in docs:
                    memory.link_document(source_texts(doc), source_lang, lang, doc.meta.source.sha256)
            for (from_variant, doc), name in zip(docs, names, strict=False):
                translated, rows = build_translation(doc, results, lang, route, from_variant)
                used: list[SegmentResult] = []
                seen: set[str] = set()
                for text in source_texts(doc):
                    key = normalize_segment(text)
                    if key in results and key not in seen:
                        seen.add(key)
                        used.append(results[key])
                outcome.documents[name] = translated
                summary = glossary_summary(used)
                outcome.report[name] = {
                    "language": lang,
                    "from": from_variant,
                    "route": route.description,
                    "models": route.signature,
                    "pivot": list(route.pivot),
                    "missing": "",
                    "reviewed": translated.meta.provenance.reviewed,
                    "glossary": summary,
                    "origins": {o: sum(1 for r in rows if r["origin"] == o) for o in ("mt", "memory", "human")},
                    "sentences": rows,
                }
                if summary["failures"]:
                    outcome.notes.append(f"{name}: {summary['failures']} glossary term(s) could not be enforced "
                                         "(see report)")
    return outcome


def translation_settings(options: Any) -> TranslationSettings:
    """The ``[translation]`` settings of this run (from the options, else from lesbar.toml)."""
    from lesbar.config import TranslationSettings, load_settings

    found = getattr(options, "translation", None) or options.extra.get("translation")
    if isinstance(found, TranslationSettings):
        return found
    try:
        return load_settings().translation
    except Exception:  # noqa: BLE001 - the CLI validated the config already; fall back to defaults
        log.debug("using default translation settings", exc_info=True)
        return TranslationSettings()


def engine_options(settings: TranslationSettings) -> EngineOptions:
    return EngineOptions(beam_size=max(1, int(settings.beam_size)), threads=max(0, int(settings.threads)))


def translate_variants(context: StageContext, glossary: GlossaryLike | None) -> StageResult:
    """Pipeline stage: add ``<lang>`` and ``einfach.<lang>`` variants and their report sections."""
    from lesbar.pipeline.stages import StageResult

    options = context.options
    settings = translation_settings(options)
    sources: dict[str, Document] = {}
    notes: list[str] = []
    for from_variant in options.translate_from:
        doc = context.variants.get(from_variant)
        if doc is None:
            notes.append(f"{from_variant}: this variant was not made, so it was not translated")
            continue
        sources[from_variant] = doc
    if not sources:
        return StageResult(notes=notes)
    engine = options.extra.get("translation_engine") or engine_options(settings)
    with TranslationMemory(settings.memory or None) as memory:
        outcome = translate_documents(
            sources, list(options.translate), glossary=glossary,
            packages_dir=resolve_packages_dir(settings.packages_dir), memory=memory, options=engine,
        )
    context.variants.update(outcome.documents)
    context.report.setdefault("translations", {}).update(outcome.report)
    return StageResult(notes=notes + outcome.notes, missing=outcome.missing)
