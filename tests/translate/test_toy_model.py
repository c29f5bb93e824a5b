"""Glossary protection on a model that really translates and copies placeholders (the trained toy package,
built by scripts/build_toy_model.py), next to the random-weight models that drop them."""

from __future__ import annotations

from pathlib import Path

import pytest

from lesbar.translate.engine import EngineOptions, translate_route
from lesbar.translate.packages import install_from_file
from lesbar.translate.routes import find_route
from lesbar.translate.segments import glossary_summary, translate_segments

TOY = Path(__file__).resolve().parents[1] / "fixtures" / "argos" / "translate-de_en-toy.argosmodel"
OPTIONS = EngineOptions(beam_size=2)


@pytest.fixture
def toy_route(packages_dir: Path):  # type: ignore[no-untyped-def]
    assert TOY.is_file(), "build it with: python scripts/build_toy_model.py"
    install_from_file(packages_dir, TOY)
    return find_route(packages_dir, "de", "en")


def test_the_toy_model_really_translates(toy_route, count_calls) -> None:
    out = translate_route(toy_route, ["Die Lehrerin besucht die Schule.", "Das Team plant das Fest heute."], OPTIONS)
    assert [o.text for o in out] == ["The teacher visits the school.", "The team plans the festival today."]
    assert all("truncated" not in o.flags for o in out)


def test_protected_terms_come_back_as_the_glossary_target_in_one_batch(toy_route, glossary, count_calls) -> None:
    sources = ["Der Landrat besucht die Schule.", "Die Lehrerin lobt die Kinder in Heinsberg."]
    results = translate_segments(sources, source_lang="de", target_lang="en", route=toy_route, glossary=glossary,
                                 memory=None, options=OPTIONS)
    first, second = (results[s] for s in sources)
    assert first.target == "The District Administrator visits the school."
    assert second.target == "The teacher praises the children in Heinsberg."  # do-not-translate name kept
    assert first.strategy == "placeholder" and not first.lost and not second.lost
    assert len(count_calls["de-en"].calls) == 1, "no retry needed when the model keeps the placeholders"
    summary = glossary_summary([first, second])
    assert (summary["enforced"], summary["drafts"], summary["failures"]) == (2, 1, 0)


def test_without_protection_the_model_uses_its_own_words(toy_route) -> None:
    out = translate_route(toy_route, ["Der Landrat besucht die Schule."], OPTIONS)
    assert out[0].text == "The district administrator visits the school."  # not the glossary's term


def test_numbers_survive_and_are_not_flagged(toy_route, glossary) -> None:
    source = "Der Verein plant das Fest mit 120 Gästen."
    result = translate_segments([source], source_lang="de", target_lang="en", route=toy_route, glossary=glossary,
                                memory=None, options=OPTIONS)[source]
    assert "120" in result.target and not any(f.startswith("number-missing") for f in result.flags)
