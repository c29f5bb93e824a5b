"""Leichte Sprache: two objects joined by und/oder in a long sentence become two sentences, only where
nothing can change its meaning."""

from __future__ import annotations

import pytest

from .helpers import texts


@pytest.mark.parametrize(("source", "expected"), [
    ("Die Stadt hat im letzten Jahr einen neuen Spielplatz und eine große Sporthalle gebaut.",
     ["Die Stadt hat einen neuen Spielplatz gebaut.", "Die Stadt hat auch eine große Sporthalle gebaut.",
      "Das war im letzten Jahr."]),
    ("Die erfahrene Beraterin gibt den vielen Familien einen neuen Termin oder eine andere Adresse.",
     ["Die erfahrene Beraterin gibt den vielen Familien einen neuen Termin.",
      "Oder die erfahrene Beraterin gibt den vielen Familien eine andere Adresse."]),
])
def test_two_objects_in_a_long_sentence_become_two_sentences(source: str, expected: list[str]) -> None:
    assert texts(source) == expected


@pytest.mark.parametrize("source", [
    # a phrase after the pair may belong to the second object only
    "Die Stadt bietet einen kostenlosen Deutschkurs und eine kostenlose Hausaufgabenhilfe für Kinder an.",
    # the first object has a prepositional phrase the second could continue
    "Die Stadt bietet einen kostenlosen Deutschkurs für Mütter und eine kostenlose Hausaufgabenhilfe an.",
    # the verb relates the two
    "Der Verein verbindet die alte Tradition und die moderne Musik der Jugend.",
    # the pair is the subject after the verb
    "Am Samstag spielen ein großer syrischer Chor und eine kleine Trommelgruppe aus Ghana.",
    # negation
    "Die Familie hat keine eigene Wohnung und keine feste Arbeit gefunden.",
    # short enough together
    "Nach dem Fest gab es für alle Gäste noch Kaffee und Kuchen.",
])
def test_pairs_that_belong_together_or_are_ambiguous_stay(source: str) -> None:
    out = texts(source)
    assert any("und" in s.split() for s in out), out  # the pair is still one phrase


def test_einfache_sprache_keeps_the_pair() -> None:
    source = "Die Stadt hat im letzten Jahr einen neuen Spielplatz und eine große Sporthalle gebaut."
    assert texts(source, "einfach") == [source]
