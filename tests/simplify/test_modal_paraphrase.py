"""Rule 1c: obligations, permissions and requests said with a zu-infinitive become modal verbs."""

from __future__ import annotations

import pytest

from .helpers import texts


@pytest.mark.parametrize(("source", "expected"), [
    ("Dann sind Sie verpflichtet, dem Jobcenter alle Änderungen sofort mitzuteilen.",
     "Dann müssen Sie dem Jobcenter alle Änderungen sofort mitteilen."),
    ("Sie werden gebeten, rechtzeitig einen Termin zu buchen.", "Sie sollen rechtzeitig einen Termin buchen."),
    ("Sie haben die Möglichkeit, den Antrag online zu stellen.", "Sie können den Antrag online stellen."),
    ("Wir sind dazu verpflichtet, die Daten zu löschen.", "Wir müssen die Daten löschen."),
    ("Die Eltern waren verpflichtet, ihre Kinder anzumelden.", "Die Eltern mussten ihre Kinder anmelden."),
    ("Es ist verboten, im Haus zu rauchen.", "Man darf im Haus nicht rauchen."),
    ("Es ist nicht möglich, den Termin zu verschieben.", "Man kann den Termin nicht verschieben."),
    ("Dann ist es notwendig, einen neuen Antrag zu stellen.", "Dann muss man einen neuen Antrag stellen."),
    ("Bitte beachten Sie: Es ist nicht erlaubt, Tiere mitzubringen.",
     "Bitte beachten Sie: Man darf Tiere nicht mitbringen."),
])
def test_a_roundabout_obligation_becomes_a_modal_verb(source: str, expected: str) -> None:
    assert texts(source, "leicht") == [expected]


@pytest.mark.parametrize("source", [
    "Sie sind verpflichtet, dem Jobcenter alle Änderungen mitzuteilen.",  # Einfache Sprache keeps it
])
def test_einfache_sprache_keeps_the_zu_infinitive(source: str) -> None:
    assert texts(source, "einfach") == [source]


@pytest.mark.parametrize("source", [
    # a second clause, a question, a negated trigger the modal cannot carry: left as written
    "Antragsteller, deren Titel die Behörde kennt, werden gebeten, einen Termin zu buchen.",
    "Sind Sie verpflichtet, den Ausweis mitzubringen?",
    "Es ist keine Pflicht, den Ausweis mitzubringen.",
])
def test_only_the_plain_case_is_rewritten(source: str) -> None:
    out = " ".join(texts(source, "leicht")).replace("?", " ").replace(".", " ").split()
    assert not {"sollen", "müssen", "muss", "darf", "dürfen", "kann", "können"} & set(out), out
