"""The SARI implementation of benchmarks/simplify_sari.py against the worked example of Xu et al. (2016).

The expected values are what the authors' script (SARI.py in cocoxu/simplification) prints for the
example in its main(); EASSE's sentence_sari test uses the same three numbers.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "simplify_sari.py"


@pytest.fixture(scope="module")
def bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("simplify_sari", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["simplify_sari"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


SOURCE = "About 95 species are currently accepted ."
REFS = ["About 95 species are currently known .", "About 95 species are now accepted .",
        "95 species are now accepted ."]


@pytest.mark.parametrize(("output", "expected"), [
    ("About 95 you now get in .", 26.82782411698074),
    ("About 95 species are now agreed .", 58.89995423074248),
    ("About 95 species are currently agreed .", 50.71608864657479),
])
def test_worked_example(bench, output: str, expected: float) -> None:  # type: ignore[no-untyped-def]
    assert bench.sari(SOURCE, output, REFS).score == pytest.approx(expected)


def test_copy_and_perfect(bench) -> None:  # type: ignore[no-untyped-def]
    ref = "Das Amt hilft. Es ist am Markt."
    src = "Das Amt, das am Markt liegt, hilft."
    copy, perfect = bench.sari(src, src, [ref]), bench.sari(src, ref, [ref])
    assert copy.add == 0 and copy.delete == 0  # copying adds and deletes nothing
    assert perfect.score > copy.score
    assert perfect.add == pytest.approx(100) and perfect.delete > 90
    # orders without any kept n-gram score 0 (the authors' 0/0 = 0), so keep is not 100 here
    assert perfect.keep >= copy.keep


def test_tokens(bench) -> None:  # type: ignore[no-untyped-def]
    assert bench.sari_tokens("Am 1. März: „Bürger-Amt“ öffnet.") == [
        "am", "1", ".", "märz", ":", "„", "bürger-amt", "“", "öffnet", "."]


def test_shipped_pairs_are_well_formed(bench) -> None:  # type: ignore[no-untyped-def]
    pairs = bench.load_pairs([bench.DEFAULT_PAIRS])
    assert len(pairs) >= 20
    for p in pairs:
        assert p.level in ("leicht", "einfach") and p.source and p.references and p.licence
    for f in bench.DEFAULT_PAIRS.glob("*.jsonl"):
        for line in f.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            assert d["origin"] and d["licence"], d["id"]


def test_corpus_sari_by_hand(bench) -> None:  # type: ignore[no-untyped-def]
    # n=1: add {c} correct, keep {a} correct, delete {b} correct -> 1, 1, 1
    # n=2: add {"a c"} correct -> 1; nothing kept -> 0; delete {"a b"} correct -> 1; n=3, 4: no n-grams -> 0
    result = bench.corpus_sari(["a b"], ["a c"], [["a c"]])
    assert (result.add, result.keep, result.delete) == pytest.approx((50.0, 25.0, 50.0))
    assert result.score == pytest.approx(125 / 3)
    copy = bench.corpus_sari(["a b"], ["a b"], [["a c"]])
    assert copy.add == 0 and copy.delete == 0
