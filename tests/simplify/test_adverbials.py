"""Rule ``adverbials``: the time and place of a long one-clause sentence become a sentence of their own.

Leichte Sprache writers say when and where something happens in a sentence of its own ("Das ist am
Samstag im Rathaus."). The rule does that only for sentences that are too long (Leichte Sprache: over 10
words) and only where the phrase is clearly a time or the place of the event and the rest stays a full
sentence.
"""

from __future__ import annotations

import pytest

from lesbar.simplify import simplify_document
from lesbar.simplify.analysis import analyze, tokenize
from lesbar.simplify.clauses import top_level_commas
from lesbar.simplify.places import is_place_noun, place_blocks
from lesbar.simplify.rules.adverbials import time_blocks

from .conftest import doc_of


def leicht(text: str) -> list[str]:
    return [s.text for s in simplify_document(doc_of(text), "leicht", None).document.sentences()]


def einfach(text: str) -> list[str]:
    return [s.text for s in simplify_document(doc_of(text), "einfach", None).document.sentences()]


def phrases(text: str) -> list[str]:
    toks = analyze(tokenize(text))
    return [" ".join(t.text for t in toks[a:b]) for a, b in time_blocks(toks)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Der Kurs findet jeden Dienstag und Donnerstag von 9 bis 11:30 Uhr statt.",
     ["jeden Dienstag und Donnerstag von 9 bis 11:30 Uhr"]),
    ("Die Elternabende finden in der Woche vom 7. bis 11. September statt.",
     ["in der Woche vom 7. bis 11. September"]),
    ("Das Fest beginnt am Samstag, 21. Juni 2025, um 11 Uhr auf dem Marktplatz.",
     ["am Samstag , 21. Juni 2025 , um 11 Uhr"]),
    ("Die Vorschläge sind bis zum 8. August 2025, 18 Uhr, einzureichen.", ["bis zum 8. August 2025 , 18 Uhr"]),
    ("Die Beratung ist montags bis freitags zwischen 8 und 16 Uhr erreichbar.",
     ["montags bis freitags zwischen 8 und 16 Uhr"]),
    ("Die Rede hielt er am Donnerstag-Abend im Rathaus.", ["am Donnerstag-Abend"]),
])
def test_time_phrases_are_found_whole(text: str, expected: list[str]) -> None:
    assert phrases(text) == expected


@pytest.mark.parametrize("text", [
    "Das Programm ist für Menschen zwischen 16 und 25 Jahren gedacht.",  # an age
    "Für eine Familie sind das Mehrkosten von 24 Euro im Jahr.",  # a rate
    "Der Bus fährt jede Stunde zum Bahnhof.",  # a frequency
    "Ohne Termin kann man in die offene Sprech-Stunde kommen.",  # "Stunde" as a compound head is no time
    "Die Kosten sind um 17 Prozent gestiegen.",  # a number without a time word
    "Die Elternabende der Klassen 5 bis 10 sind wichtig.",
])
def test_no_time_phrase_where_there_is_none(text: str) -> None:
    assert phrases(text) == []


def test_the_commas_of_a_date_after_a_weekday_are_no_clause_boundaries() -> None:
    toks = analyze(tokenize("Das Fest, das am Samstag, dem 21. Juni, stattfindet, ist groß."))
    assert [toks[c - 1].text for c in top_level_commas(toks)] == ["Fest", "stattfindet"]


def test_a_time_phrase_in_the_middle_field_gets_its_own_sentence() -> None:
    assert leicht("Der Unterricht beginnt für alle Klassen am Mittwoch, 12. August 2026, um 7:55 Uhr.") == [
        "Der Unterricht beginnt für alle Klassen.", "Das ist am Mittwoch, 12. August 2026, um 7:55 Uhr."]


def test_a_time_phrase_in_the_prefield_lets_the_subject_move_to_the_front() -> None:
    assert leicht("Am Samstag, dem 14. Juni, lädt der Integrationsrat der Stadt Hückelhoven zum Fest der "
                  "Kulturen auf den Marktplatz ein.") == [
        "Der Integrations-Rat von der Stadt Hückelhoven lädt zum Fest der Kulturen auf den Marktplatz ein.",
        "Das ist am Samstag, dem 14. Juni."]


def test_the_tense_follows_the_sentence() -> None:
    out = leicht("Im großen Sitzungssaal des Kreishauses haben am vergangenen Donnerstag 86 Frauen, Männer und "
                 "Kinder ihre Urkunden erhalten.")
    assert out[-1] == "Das war am vergangenen Donnerstag im großen Sitzungs-Saal vom Kreishaus.", out
    assert "86 Frauen, Männer und Kinder" in out[0], out


def test_a_state_with_sein_is_no_past() -> None:
    out = leicht("Die Beratungsstelle der Behörde ist montags bis donnerstags von 8:30 Uhr bis 12 Uhr im Rathaus "
                 "besetzt.")
    assert out[-1] == "Das ist montags bis donnerstags von 8:30 Uhr bis 12 Uhr.", out


def test_deadlines_and_starts_get_their_own_verb() -> None:
    assert leicht("Interessierte können sich bis zum 20. März per E-Mail beim Integrationszentrum melden.")[-1] == \
        "Das geht bis zum 20. März."
    assert leicht("Die Volkshochschule Heinsberg bietet ab dem 3. März 2025 einen neuen Deutschkurs an.")[-1] == \
        "Das gilt ab dem 3. März 2025."


def test_short_sentences_keep_their_time_phrase() -> None:
    assert leicht("Der Kurs beginnt am Montag um 9 Uhr.") == ["Der Kurs beginnt am Montag um 9 Uhr."]


def test_einfache_sprache_splits_only_above_its_limit() -> None:
    text = "Der Unterricht beginnt für alle Klassen am Mittwoch, 12. August 2026, um 7:55 Uhr."
    assert einfach(text) == [text]


@pytest.mark.parametrize("text", [
    # the verb would be left alone: "Die Elternabende finden statt."
    "Die Elternabende der Klassen 5 bis 10 finden in der Woche vom 7. bis 11. September statt.",
    # part of a coordination
    "Der Bus fährt an Werktagen alle 20 Minuten und am Wochenende alle 2 Stunden zum Bahnhof.",
    # the phrase belongs to a noun: past verb, future phrase
    "Wir sprachen mit dem Rat lange über den Haushalt der Stadt Hamm im kommenden Jahr.",
    # a subject that cannot be found safely after the verb
    "Jeden Dienstag von 9:30 bis 11:30 Uhr stehen in den Räumen des Familienzentrums Kaffee und Tee bereit.",
    # the time of a noun in the prefield, not of the event: "Nach Beginn des Krieges im Februar 2022"
    "Nach Beginn des Krieges in der Ukraine im Februar 2022 hat sich ihr Alltag völlig verändert.",
])
def test_no_split_where_meaning_or_grammar_would_suffer(text: str) -> None:
    out = leicht(text)
    assert not any(s.startswith(("Das ist", "Das war", "Das geht", "Das gilt")) for s in out), out


# ``colon_split``: the announcement and the statement on two lines


def test_a_long_sentence_with_a_colon_between_two_clauses_goes_on_two_lines() -> None:
    assert leicht("Der Rat der Stadt hat nach langer Diskussion beschlossen: Die alte Halle wird im Sommer "
                  "saniert.") == ["Der Rat von der Stadt hat nach langer Diskussion beschlossen:",
                                  "Man saniert die alte Halle im Sommer."]


def test_a_quoted_statement_after_the_colon_keeps_its_marks() -> None:
    out = leicht("Der Vorsitzende des Integrationsrates, Mehmet Aydın, begrüßte die Entscheidung: „Das ist ein "
                 "wichtiges Signal. Wir freuen uns.“")
    assert out[:2] == ["Der Vorsitzende vom Integrations-Rat, Mehmet Aydın, hat die Entscheidung begrüßt:",
                       "„Das ist ein wichtiges Signal."], out


@pytest.mark.parametrize("text", [
    "Wichtige Themen der Konferenz waren: Arbeit, Wohnen und Sprache.",  # a list, not a statement
    "Das Ziel ist: Man kann den Termin vergeben.",  # short enough
])
def test_no_colon_split_without_two_clauses_or_when_short(text: str) -> None:
    assert len(leicht(text)) == 1


# found in the seventh bug hunt (texts nobody tuned for)


def test_adverbs_of_the_time_phrase_go_with_it_and_joined_dates_stay_whole() -> None:
    assert leicht("Die Beratung findet am Montag, 17. März, und am Dienstag, 18. März, jeweils von 13 bis 16 Uhr im "
                  "Rathaus statt.") == ["Die Beratung findet im Rathaus statt.",
                                        "Das ist am Montag, 17. März, und am Dienstag, 18. März, jeweils von 13 bis "
                                        "16 Uhr."]


@pytest.mark.parametrize("text", [
    "Die neue Saison beginnt voraussichtlich am Wochenende vom 9. bis 10. August.",  # only the verb would be left
    "Das Sprachcafé trifft sich ab Oktober jeden zweiten Samstag von 10 bis 12 Uhr.",  # only "sich" would be left
    # a deadline and opening hours: two times that one "Das geht …" would mix up
    "Anmeldungen sind bis zum 23. August im Büro der Volkshochschule möglich, montags bis freitags von 8 bis 12 Uhr.",
])
def test_no_split_that_strands_a_word_or_mixes_two_times(text: str) -> None:
    out = leicht(text)
    assert not any(s.startswith(("Das ist", "Das war", "Das geht", "Das gilt")) for s in out), out


def test_a_perfekt_participle_goes_past_the_date_after_a_weekday() -> None:
    assert leicht("Rund 400 Besucher kamen am Samstag, 14.06.2025, zum Fest auf den Marktplatz.") == [
        "Rund 400 Besucher sind zum Fest auf den Marktplatz gekommen.", "Das war am Samstag, 14. Juni 2025."]


def test_the_place_of_an_event_gets_a_sentence_of_its_own() -> None:
    assert leicht("Die stellvertretende Bürgermeisterin Petra Lange überreichte die Auszeichnung im Bürgersaal "
                  "des Rathauses.") == [
        "Die stellvertretende Bürger-Meisterin Petra Lange hat die Auszeichnung überreicht.",
        "Das war im Bürgersaal vom Rathaus."]


def test_time_and_place_that_are_too_long_together_get_a_sentence_each() -> None:
    assert leicht("Im großen Sitzungssaal des Kreishauses in Unna haben am vergangenen Donnerstag 86 Frauen, "
                  "Männer und Kinder aus 27 Nationen ihre Einbürgerungsurkunden erhalten.") == [
        "86 Frauen, Männer und Kinder aus 27 Nationen haben ihre Einbürgerungs-Urkunden erhalten.",
        "Das war am vergangenen Donnerstag.",
        "Das war im großen Sitzungs-Saal vom Kreishaus in Unna."]


def test_a_date_keeps_its_closing_comma_before_the_place() -> None:
    out = leicht("Rund 120 Fachleute haben am Mittwoch, 9. Oktober, im Kulturzentrum über neue Wege der "
                 "Integration diskutiert.")
    assert out[-1] == "Das war am Mittwoch, 9. Oktober, im Kultur-Zentrum.", out


@pytest.mark.parametrize("text", [
    # a direction, not a place ("in den Garten", accusative)
    "Rund 600 Besucherinnen und Besucher sind nach Angaben der Veranstalter in den Garten des Zentrums gekommen.",
    # the verb needs its place
    "Die Familie von Yusuf Haddad wohnt seit vielen Jahren in der Innenstadt von Schwerte.",
    # the place says which noun, inside a prepositional phrase
    "Seit dem Sommer gelten für alle Antragstellerinnen neue Regeln für die Einbürgerung in Deutschland.",
    "Der Rat hat mit großer Mehrheit den Bau von einem neuen Wohnprojekt in der Ulmer Straße beschlossen.",
    # the place is in an infinitive clause
    "Der Ausschuss hat beschlossen, zwei zusätzliche Stellen im Kommunalen Integrationszentrum zu schaffen.",
    # an instruction to the reader: where to go, not where something happened
    "Die Anträge für das Bildungspaket erhalten Sie im Sekretariat der Schule an jedem Werktag.",
    # something follows the place that the rule cannot take along
    "Das neue Sprachcafé öffnet zum ersten Mal im Raum 012 neben der Mensa der Gesamtschule.",
])
def test_places_that_cannot_leave_their_sentence_stay(text: str) -> None:
    assert not any(s.startswith("Das ist im") or s.startswith("Das war i") or s.startswith("Das ist in")
                   for s in leicht(text)), leicht(text)


@pytest.mark.parametrize(("word", "place"), [
    ("Sitzungs-Saal", True), ("Kreishaus", True), ("Räumen", True), ("Familienzentrum", True),
    ("Zeitraum", False), ("Arbeitsmarkt", False), ("Haushalt", False), ("Verein", False),
])
def test_place_nouns_are_recognised_by_their_head(word: str, place: bool) -> None:
    assert is_place_noun(word) is place


def test_a_place_phrase_takes_along_whose_place_it_is_and_where_that_is() -> None:
    toks = analyze(tokenize("Sie trafen sich im Saal des Kreishauses in Unna an der Bahnhofstraße 12 zum Gespräch."))
    assert [" ".join(t.text for t in toks[a:b]) for a, b in place_blocks(toks)] == [
        "im Saal des Kreishauses in Unna an der Bahnhofstraße 12"]
