"""The engine on real Argos packages: one batch per model, deduplication, pivoting, long inputs."""

from __future__ import annotations

from pathlib import Path

from lesbar.translate.engine import EngineOptions, load_model, split_long, translate_route
from lesbar.translate.packages import installed_packages
from lesbar.translate.routes import find_route, missing_message

SENTENCES = [
    "Der Landrat begrüßte die Gäste.",
    "Viele Ehrenamtliche helfen beim Integrationskurs.",
    "Die Konferenz fand am 5. Mai statt.",
]


def test_packages_are_installed_through_argostranslate_and_listed(install, packages_dir: Path) -> None:
    import argostranslate.translate

    install("de-en", "en-ar")
    pairs = [(p.from_code, p.to_code) for p in installed_packages(packages_dir)]
    assert pairs == [("de", "en"), ("en", "ar")]
    # argostranslate itself sees them too (same directory, caches cleared)
    codes = {lang.code for lang in argostranslate.translate.get_installed_languages()}
    assert {"de", "en", "ar"} <= codes


def test_all_sentences_of_a_document_go_through_one_translate_batch(install, packages_dir, count_calls) -> None:
    install("de-en")
    route = find_route(packages_dir, "de", "en")
    texts = SENTENCES * 4  # repeated sentences
    out = translate_route(route, texts, EngineOptions(beam_size=1, max_decoding_length=12))
    assert len(out) == len(texts)
    calls = count_calls["de-en"].calls
    assert len(calls) == 1, "one translate_batch call for the whole document"
    assert len(calls[0]) == len(SENTENCES), "duplicates are translated once"
    assert out[0].text == out[3].text == out[6].text


def test_pivot_through_english_uses_both_packages_once(install, packages_dir, count_calls) -> None:
    install("de-en", "en-ar")
    route = find_route(packages_dir, "de", "ar")
    assert route is not None and route.pivot == ["en"]
    assert [h.pair for h in route.hops] == ["de→en", "en→ar"]
    out = translate_route(route, SENTENCES, EngineOptions(beam_size=2, max_decoding_length=10))
    assert len(out) == len(SENTENCES)
    assert len(count_calls["de-en"].calls) == 1 and len(count_calls["en-ar"].calls) == 1
    # the second hop translates what the first produced
    assert len(count_calls["en-ar"].calls[0]) <= len(SENTENCES)


def test_no_route_gives_the_install_command(install, packages_dir) -> None:
    install("de-en")
    assert find_route(packages_dir, "de", "fa") is None
    assert "lesbar models install de fa" in missing_message("de", "fa")


def test_a_direct_package_is_preferred_over_the_pivot(install, packages_dir) -> None:
    install("de-en", "de-tr")
    route = find_route(packages_dir, "de", "tr")
    assert route is not None and route.pivot == [] and len(route.hops) == 1


def test_each_model_is_loaded_once_per_process(install, packages_dir) -> None:
    install("de-en")
    pkg = installed_packages(packages_dir)[0]
    assert load_model(pkg, 1) is load_model(pkg, 1)


def test_decoding_keeps_underscores_unlike_argostranslate(install, packages_dir) -> None:
    install("de-en")
    pkg = installed_packages(packages_dir)[0]
    model = load_model(pkg, 1)
    tokens = model.encode(["datei_name_2024 und [0]"])[0]
    assert model.decode(tokens) == "datei_name_2024 und [0]"
    from argostranslate.tokenizer import SentencePieceTokenizer

    assert "_" not in SentencePieceTokenizer(pkg.path / "sentencepiece.model").decode(tokens)


def test_long_input_is_split_at_clause_boundaries_not_truncated(install, packages_dir, count_calls) -> None:
    install("de-en")
    route = find_route(packages_dir, "de", "en")
    clause = "der Landrat begrüßte die Gäste im Kreishaus"
    long_sentence = ", ".join([clause] * 12) + "."
    out = translate_route(route, [long_sentence, SENTENCES[0]],
                          EngineOptions(beam_size=1, max_input_tokens=40, max_decoding_length=8))
    assert any(f.startswith("split-long-input:") for f in out[0].flags)
    assert not any(f.startswith("split-long-input") for f in out[1].flags)
    sent = count_calls["de-en"].calls[0]
    assert len(count_calls["de-en"].calls) == 1
    assert max(len(s) for s in sent) <= 40
    assert len(sent) > 2  # the long sentence became several pieces in the same batch


def test_split_long_falls_back_to_words_when_a_clause_is_too_long() -> None:
    text = " ".join(f"wort{i}" for i in range(50))
    pieces = split_long(text, lambda s: len(s.split()), 8)
    assert all(len(p.split()) <= 8 for p in pieces)
    assert " ".join(pieces) == text


def test_output_at_the_decoding_limit_is_flagged_truncated(install, packages_dir) -> None:
    install("de-en")
    route = find_route(packages_dir, "de", "en")
    # random weights never emit </s>: every output runs into the limit and must say so
    out = translate_route(route, SENTENCES[:1], EngineOptions(beam_size=1, max_decoding_length=6))
    assert "truncated" in out[0].flags
