"""The regression list (``data/regressions.tsv``): whole drafts of real sentences, pinned."""

from __future__ import annotations

import pytest

from lesbar.simplify import simplify_document

from .conftest import DATA, doc_of


def _rows() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in (DATA / "regressions.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        level, source, expected, note = (line.split("\t") + [""])[:4]
        rows.append((level, source, expected, note))
    return rows


@pytest.mark.parametrize(("level", "source", "expected", "note"), _rows(), ids=[r[3] for r in _rows()])
def test_draft_matches_the_pinned_result(level: str, source: str, expected: str, note: str) -> None:
    outcome = simplify_document(doc_of(source), level, None)
    got = " ".join(s.text for s in outcome.document.sentences() if s.text != "Wörterbuch")
    assert got == expected
