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
    sources = ["Der Landrat besucht die Schule.", "Das KI plant das Fest am Montag."]
    results = translate_segments(sources, source_lang="de", target_lang="en", route=toy_route, glossary=glossary,
                                 memory=None, options=OPTIONS)
    first, second = (results[s] for s in sources)
    assert first.target == "The District Administrator visits the school."
    assert second.target == "The Municipal Integration Centre plans the festival on Monday."
    assert {first.strategy, second.strategy} == {"placeholder"} and not first.lost and not second.lost
    assert len(count_calls["de-en"].calls) == 1, "no retry needed when the model keeps the placeholders"
    summary = glossary_summary([first, second])
    assert (summary["enforced"], summary["drafts"], summary["failures"]) == (2, 1, 0)


def test_a_placeholder_the_model_drops_is_retried_by_injection_and_verified(toy_route, glossary,
                                                                           count_calls) -> None:
    # the toy model never saw a placeholder after "in": it drops "[0]" there ("… the children.")
    source = "Die Lehrerin lobt die Kinder in Heinsberg."
    result = translate_segments([source], source_lang="de", target_lang="en", route=toy_route, glossary=glossary,
                                memory=None, options=OPTIONS)[source]
    calls = count_calls["de-en"].calls
    assert len(calls) == 2 and len(calls[1]) == 1, "one retry batch with the failed sentence"
    assert result.strategy == "inject" and not result.lost and result.flags == []
    assert result.target == "The teacher praises the children in Heinsberg."  # do-not-translate name kept


def test_without_protection_the_model_uses_its_own_words(toy_route) -> None:
    out = translate_route(toy_route, ["Der Landrat besucht die Schule."], OPTIONS)
    assert out[0].text == "The district administrator visits the school."  # not the glossary's term


def test_a_number_the_model_changes_is_flagged_and_a_kept_one_is_not(toy_route) -> None:
    sources = ["Der Verein plant das Fest mit 120 Gästen.", "Der Verein plant das Fest im Jahr 2024."]
    results = translate_segments(sources, source_lang="de", target_lang="en", route=toy_route, glossary=None,
                                 memory=None, options=OPTIONS)
    changed, kept = (results[s] for s in sources)
    assert "120" not in changed.target and "number-missing:120" in changed.flags  # the toy model wrote 122
    assert "2024" in kept.target and kept.flags == []


def test_restored_terms_become_term_references_in_the_translated_document(toy_route, glossary,
                                                                          packages_dir) -> None:
    from lesbar.model import Document, Meta, Paragraph, Sentence, TermRef, Text
    from lesbar.translate import translate_documents

    doc = Document(Meta(title="Besuch", lang="de"),
                   [Paragraph([Sentence([Text("Der Landrat besucht die Schule.")], id="b1.s1")], id="b1")])
    outcome = translate_documents({"original": doc}, ["en"], glossary=glossary, packages_dir=packages_dir,
                                  memory=None, options=OPTIONS)
    sentence = outcome.documents["en"].blocks[0].content[0]
    assert sentence.text == "The District Administrator visits the school."
    refs = [i for i in sentence.inlines if isinstance(i, TermRef)]
    assert [(r.term_id, r.children[0].text) for r in refs] == [("landrat", "District Administrator")]
    assert sentence.origin == "mt" and sentence.source == ["b1.s1"]
    assert outcome.report["en"]["glossary"]["terms"][0]["entry"] == "landrat"
