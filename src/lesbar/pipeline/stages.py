"""The transform stages of ``convert`` after reading: simplification and translation.

Each stage adds variants to the context (``leicht``, ``einfach``, ``en``, ``einfach.ar`` …) and its section
to the report. A stage whose capability is missing (no model installed for a language) says so in
``missing`` and the other outputs are still written.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from lesbar.pipeline.convert import StageContext

log = logging.getLogger(__name__)


@dataclass
class StageResult:
    notes: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


class Stage(Protocol):
    name: str

    def run(self, context: StageContext) -> StageResult | None: ...


def load_glossary(context: StageContext) -> Any:
    """The glossary set for this run, loaded once and shared by all stages."""
    cached = context.options.extra.get("_glossary")
    if cached is None:
        from lesbar.glossary import load_glossaries

        cached = load_glossaries(context.options.glossaries or None)
        context.options.extra["_glossary"] = cached
    return cached


@dataclass
class SimplifyStage:
    """Make the Leichte Sprache or Einfache Sprache draft from the original."""

    level: str
    name: str = ""

    def __post_init__(self) -> None:
        self.name = f"simplify-{self.level}"

    def run(self, context: StageContext) -> StageResult | None:
        options = context.options
        needed = self.level in options.variants or self.level in options.translate_from
        if not needed or options.as_level or self.level in context.variants:
            return None
        try:
            from lesbar.simplify import simplify_document
        except ModuleNotFoundError as exc:
            if exc.name not in ("lesbar.simplify",):
                raise
            return StageResult(missing=[f"{self.level}: simplification is not available in this version of lesbar"])
        split = options.split_compounds if self.level == "einfach" else None
        outcome = simplify_document(context.doc, self.level, glossary=load_glossary(context), split_compounds=split)
        context.variants[self.level] = outcome.document
        context.report["variants"][self.level] = outcome.report
        return StageResult(notes=outcome.notes)


@dataclass
class TranslateStage:
    """Translate the requested variants into the requested languages."""

    name: str = "translate"

    def run(self, context: StageContext) -> StageResult | None:
        options = context.options
        if not options.translate:
            return None
        try:
            from lesbar.translate import translate_variants
        except ModuleNotFoundError as exc:
            if exc.name not in ("lesbar.translate",):
                raise
            return StageResult(missing=[f"{lang}: translation is not available in this version of lesbar"
                                        for lang in options.translate])
        return translate_variants(context, glossary=load_glossary(context))


def default_stages() -> list[Stage]:
    return [SimplifyStage("leicht"), SimplifyStage("einfach"), TranslateStage()]
