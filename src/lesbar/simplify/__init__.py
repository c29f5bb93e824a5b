"""Leichte Sprache and Einfache Sprache drafts by ordered, named rules, and the rule checker.

Public API (used by :mod:`lesbar.pipeline.stages` and ``lesbar check``)::

    outcome = simplify_document(doc, "leicht", glossary)   # SimplifyOutcome(document, report, notes)
    report = check_document(doc, "einfach")                # findings per sentence, readability

See docs/simplification.md for the rules and how to extend them.
"""

from lesbar.simplify.checker import check_document
from lesbar.simplify.engine import SimplifyOutcome, simplify_document
from lesbar.simplify.rules import RULESET_VERSION, rule_ids

__all__ = ["RULESET_VERSION", "SimplifyOutcome", "check_document", "rule_ids", "simplify_document"]
