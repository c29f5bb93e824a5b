"""Checks on every machine translation, so a reviewer sees which outputs cannot be trusted."""

from __future__ import annotations

from lesbar.translate.segments import loop_flags


def test_a_decoding_loop_is_flagged() -> None:
    assert loop_flags("Es kamen 993 Gäste.", "guests 993 " * 30) == ["repetition-loop"]


def test_ordinary_output_and_repetitions_of_the_source_are_not_flagged() -> None:
    assert loop_flags("Es kamen viele Gäste.", "Many guests came.") == []
    assert loop_flags("Ha ha ha ha, lachte er.", "Ha ha ha ha, he laughed.") == []
