"""Indirect questions become direct questions after a colon; exclamations after verbs of showing
become statements; relative clauses with w-words stay."""

from __future__ import annotations

import pytest

from lesbar.simplify import check_document
from lesbar.simplify.plaintext import document_from_text

from .helpers import texts


@pytest.mark.parametrize(("source", "expected"), [
    ("Wir wissen noch nicht, ob der Kurs stattfindet.", ["Wir wissen noch nicht: Findet der Kurs statt?"]),
    ("Er fragte, ob sie anruft.", ["Er hat gefragt: Ruft sie an?"]),
    ("Die Stadt prüft, mit welchen Mitteln sie helfen kann.", ["Die Stadt prüft: Mit welchen Mitteln kann sie helfen?"]),
    ("Im Kurs lernen die Frauen, wie man einen Antrag stellt.", ["Im Kurs lernen die Frauen: Wie stellt man einen Antrag?"]),
    ("Sie erklärte den Eltern, was das bedeutet.", ["Sie hat den Eltern erklärt: Was bedeutet das?"]),
])
def test_an_indirect_question_becomes_a_direct_question(source: str, expected: list[str]) -> None:
    assert texts(source) == expected


def test_wie_with_an_adjective_after_a_verb_of_asking_stays_a_question() -> None:
    assert texts("Er fragte, wie wichtig das ist.") == ["Er hat gefragt: Wie wichtig ist das?"]
    # what a study is still to show is open
    assert texts("Die Studie soll zeigen, wie gut die Kurse sind.") == ["Die Studie soll zeigen: Wie gut sind die Kurse?"]
    assert texts("Wir wissen nicht, wie gut das klappt.") == ["Wir wissen nicht: Wie gut klappt das?"]


def test_a_long_question_sentence_goes_on_two_lines() -> None:
    assert texts("Nach einem Jahr wird der Kreis prüfen, wie viele Fahrgäste den neuen Bus nutzen.") == [
        "Nach einem Jahr wird der Kreis prüfen:", "Wie viele Fahrgäste nutzen den neuen Bus?"]


def test_a_passive_question_is_made_active_and_keeps_its_question_mark() -> None:
    assert texts("Darin hält man fest, welche Schritte vereinbart wurden.") == [
        "Darin hält man fest: Welche Schritte hat man vereinbart?"]


@pytest.mark.parametrize(("source", "expected"), [
    ("Das Fest zeigt, wie bunt unsere Stadt ist.", "Das Fest zeigt: Unsere Stadt ist sehr bunt."),
    ("Man hat gesehen, wie sehr die Zugewanderten das Leben bereichert haben.",
     "Man hat gesehen: Die Zugewanderten haben das Leben sehr bereichert."),
    ("Sie weiß, wie wichtig Sport sein kann.", "Sie weiß: Sport kann sehr wichtig sein."),
    ("Das zeigt, wie groß die Nachfrage geworden ist.", "Das zeigt: Die Nachfrage ist sehr groß geworden."),
])
def test_wie_with_an_adjective_after_a_verb_of_showing_is_an_exclamation(source: str, expected: str) -> None:
    assert texts(source) == [expected]


@pytest.mark.parametrize("source", [
    "Die Studie zeigt, wie viele Kinder arm sind.",  # an amount: neither a question nor a safe statement
    "Sie erzählte von der Stadt, wo sie aufwuchs.",  # a relative clause on "Stadt"
    "Er erzählte alles, was er wusste.",  # a relative clause on "alles"
    "Er erklärte die Art, wie man das macht.",  # a relative clause on "Art"
    "Wir sind gespannt, wie es weitergeht.",  # no verb that asks
    "Es ist unklar, ob das Geld reicht.",
    "Sie erklärte, wie gut man Deutsch lernt.",  # how well, or how to learn well? Left to the editor
    "Die Tabelle zeigt, wie teuer die Kurse sind.",  # a measure: no "sehr" may be claimed
    "Sie weiß, wie viele den Bus nutzen.",  # what someone knows is no open question
    "Ich weiß, wie schwer der Anfang ist.",
    "Wir entscheiden nach Aktenlage, was zu einer Ablehnung führen kann.",  # "was" means the clause before it
])
def test_clauses_that_are_no_indirect_question_after_an_asking_verb_stay(source: str) -> None:
    out = texts(source)
    assert len(out) == 1 and ":" not in out[0] and "?" not in out[0], out


def test_einfache_sprache_keeps_a_short_indirect_question() -> None:
    assert texts("Wir wissen noch nicht, ob der Kurs stattfindet.", "einfach") == [
        "Wir wissen noch nicht, ob der Kurs stattfindet."]


def test_the_checker_reports_an_indirect_question_left_in_a_leichte_sprache_text() -> None:
    report = check_document(document_from_text("Wir wissen noch nicht, ob der Kurs stattfindet."), "leicht")
    rules = [f["rule"] for s in report["sentences"] for f in s["findings"]]
    assert "indirect_questions" in rules


@pytest.mark.parametrize(("source", "expected"), [
    ("Wie es in der Praxis aussieht, berichtete Anna Berg.", ["Anna Berg hat berichtet:", "Wie sieht es in der Praxis aus?"]),
    ("Ob der Kurs stattfindet, entscheidet die Stadt im Mai.", ["Die Stadt entscheidet im Mai: Findet der Kurs statt?"]),
])
def test_a_question_clause_before_its_verb_is_its_object_and_no_statement(source: str, expected: list[str]) -> None:
    """Not "Anna Berg sagt: Wie es in der Praxis aussieht." (a fragment under a speech frame)."""
    assert texts(source) == expected


def test_a_free_relative_clause_before_its_verb_stays() -> None:
    assert texts("Wer kommt, bekommt ein Geschenk.") == ["Wer kommt, bekommt ein Geschenk."]
