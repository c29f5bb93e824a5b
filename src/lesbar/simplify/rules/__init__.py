"""The simplification rules as named, ordered transforms (docutils style).

Each module defines ``ID`` (cited in the report and in review comments), ``PRIORITY`` (lower runs
first), ``LEVELS`` (``leicht``/``einfach``), ``HEADINGS`` (whether it also rewrites headings),
``apply(unit, ctx) -> list[Unit] | None`` (None: nothing to change) and, where the rule can be
checked on any text, ``check(toks, ctx) -> list[Finding]`` for the checker.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import lru_cache
from types import ModuleType

RULE_MODULES = (
    "abbreviations",
    "speech",
    "subordinate_clauses",
    "indirect_questions",
    "apposition",
    "participles",
    "split_coordination",
    "konjunktiv",
    "modal_paraphrase",
    "passive",
    "praeteritum",
    "word_order",
    "genitive",
    "negation",
    "numbers",
    "fillers",
    "adverbials",
    "coordinated_phrases",
    "words",
    "compounds",
    "colon_split",
    "structure",
    "finite_verb",
    "sentence_length",
)

#: Version of the rule set, written into the draft's provenance.
RULESET_VERSION = "lesbar-simplify-rules 1.0"


@dataclass(frozen=True)
class Finding:
    rule: str
    message: str
    words: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def all_rules() -> list[ModuleType]:
    mods = [importlib.import_module(f"lesbar.simplify.rules.{name}") for name in RULE_MODULES]
    return sorted(mods, key=lambda m: m.PRIORITY)


def rules_for(level: str) -> list[ModuleType]:
    return [m for m in all_rules() if level in m.LEVELS]


def rule_ids() -> list[str]:
    return [m.ID for m in all_rules()]
