"""The translation memory: what counts as a hit, and that people's translations always win."""

from __future__ import annotations

from pathlib import Path

import pytest

from lesbar.translate.memory import Segment, TranslationMemory, TranslationMemoryError, normalize_segment


def _mt(source: str, target: str, engine: str = "de-en@1.0", version: str = "g1") -> Segment:
    return Segment(source, "de", "en", target, "mt", engine, version, ["truncated"])


def test_a_machine_translation_is_reused_only_for_the_same_models_and_glossary(tmp_path: Path) -> None:
    with TranslationMemory(tmp_path / "tm.sqlite") as tm:
        tm.store_mt([_mt("Der Landrat kam.", "The administrator came.")])
        assert tm.lookup(["Der Landrat kam."], "de", "en", "de-en@1.0", "g1")["Der Landrat kam."].flags == ["truncated"]
        assert tm.lookup(["Der Landrat kam."], "de", "en", "de-en@2.0", "g1") == {}  # new model version
        assert tm.lookup(["Der Landrat kam."], "de", "en", "de-en@1.0", "g2") == {}  # glossary changed
        assert tm.lookup(["Der Landrat kam."], "de", "ar", "de-en@1.0", "g1") == {}  # other language


def test_a_persons_translation_wins_over_any_machine_translation(tmp_path: Path) -> None:
    with TranslationMemory(tmp_path / "tm.sqlite") as tm:
        tm.store_mt([_mt("Der Landrat kam.", "The administrator came.")])
        assert tm.store_human("Der Landrat kam.", "de", "en", "The District Administrator came.")
        for engine, version in (("de-en@1.0", "g1"), ("other", "g9")):
            hit = tm.lookup(["Der Landrat kam."], "de", "en", engine, version)["Der Landrat kam."]
            assert (hit.origin, hit.target) == ("human", "The District Administrator came.")
        assert not tm.store_human("Der Landrat kam.", "de", "en", "The District Administrator came.")


def test_segments_are_matched_with_whitespace_collapsed(tmp_path: Path) -> None:
    with TranslationMemory(tmp_path / "tm.sqlite") as tm:
        tm.store_mt([_mt("Der  Landrat\nkam.", "x")])
        assert normalize_segment("Der  Landrat\nkam.") in tm.lookup(["Der Landrat kam."], "de", "en", "de-en@1.0", "g1")


def test_the_memory_survives_reopening_and_counts_its_segments(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "tm.sqlite"
    with TranslationMemory(path) as tm:
        tm.store_mt([_mt("A.", "a"), _mt("B.", "b")])
        tm.store_human("A.", "de", "en", "A!")
    with TranslationMemory(path) as tm:
        assert tm.stats() == {"en": {"mt": 2, "human": 1}}


def test_a_file_that_is_not_a_memory_gives_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "tm.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(TranslationMemoryError, match="cannot be opened"):
        TranslationMemory(bad)


def test_forgetting_a_document_deletes_its_machine_translations_but_not_shared_or_human_ones(tmp_path: Path) -> None:
    from lesbar.translate.memory import forget_document

    path = tmp_path / "tm.sqlite"
    with TranslationMemory(path) as tm:
        tm.store_mt([Segment("Nur in A.", "de", "en", "Only in A.", "mt", "e1", "g1"),
                     Segment("In beiden.", "de", "en", "In both.", "mt", "e1", "g1"),
                     Segment("Nur in B.", "de", "en", "Only in B.", "mt", "e1", "g1")])
        tm.store_human("Nur in A.", "de", "en", "Only in A (reviewed).")
        tm.link_document(["Nur in A.", "In beiden."], "de", "en", "a" * 64)
        tm.link_document(["Nur in B.", "In beiden."], "de", "en", "b" * 64)
    assert forget_document("a" * 64, path) == 1
    with TranslationMemory(path) as tm:
        left = {(s.source, s.origin) for s in tm.segments()}
    assert left == {("In beiden.", "mt"), ("Nur in B.", "mt"), ("Nur in A.", "human")}
    assert forget_document("a" * 64, path) == 0  # already forgotten
    assert forget_document("b" * 64, path) == 2
    assert forget_document("c" * 64, tmp_path / "no-memory-yet.sqlite") == 0


def test_the_watch_folder_retention_uses_this_memory_hook() -> None:
    from lesbar.translate.memory import forget_document
    from lesbar.watch.retention import MEMORY_HOOK, load_memory_hook

    assert load_memory_hook(MEMORY_HOOK) is forget_document
