"""Rules ``subordinate_clauses`` and ``split_coordination``: one statement per sentence, full sentences only."""

from __future__ import annotations

import pytest

from lesbar.simplify.analysis import analyze_text
from lesbar.simplify.rules.finite_verb import is_salutation

from .conftest import OWN_TEXTS, own_text
from .helpers import body_sentences, draft, texts


def test_weil_clause_becomes_a_denn_sentence() -> None:
    out = texts("Die Teilnahme ist kostenlos, weil das Land die Kosten übernimmt.", "einfach")
    assert out == ["Die Teilnahme ist kostenlos.", "Denn das Land übernimmt die Kosten."]


def test_nachdem_clause_first_gives_the_main_clause_an_adverb() -> None:
    # seed: "Nachdem die erste Ausgabe … noch online stattfinden musste, trafen sich …"
    out = texts("Nachdem die erste Ausgabe noch online stattfinden musste, trafen sich die Akteure jetzt in "
                "der Festhalle.", "einfach")
    assert out == ["Die erste Ausgabe musste noch online stattfinden.",
                   "Danach trafen sich die Akteure jetzt in der Festhalle."]


def test_separable_verb_is_split_again_in_second_position() -> None:
    out = texts("Die Stadt hilft, weil viele Familien eine Wohnung suchen und die Preise ansteigen.", "einfach")
    assert out == ["Die Stadt hilft.", "Denn viele Familien suchen eine Wohnung.", "Denn die Preise steigen an."]


def test_subject_relative_clause_becomes_article_and_noun_sentence() -> None:
    # seed: "Die Infrastruktur, die in NRW vorhanden sei, gebe es bundesweit nicht noch einmal"
    out = texts("Die Infrastruktur, die in Nordrhein-Westfalen vorhanden ist, gibt es nicht noch einmal.", "einfach")
    assert out == ["Die Infrastruktur gibt es nicht noch einmal.",
                   "Die Infrastruktur ist in Nordrhein-Westfalen vorhanden."]


def test_relative_clause_with_preposition_keeps_it_in_front() -> None:
    out = texts("Es gab eine Podiumsdiskussion, an der auch Freya Lüdike beteiligt war.", "einfach")
    assert out[-1] == "An dieser Podiumsdiskussion war auch Freya Lüdike beteiligt.", out


def test_relative_clause_after_separable_particle_finds_its_noun() -> None:
    out = texts("Die Volkshochschule bietet einen neuen Kurs an, der sich an Eltern richtet.", "einfach")
    assert out == ["Die Volkshochschule bietet einen neuen Kurs an.", "Dieser Kurs richtet sich an Eltern."]


def test_relative_pronoun_finds_the_one_noun_it_agrees_with() -> None:
    # seed: "Am Nachmittag standen drei Fachforen zur Wahl, in denen es um … ging, um das Zusammenspiel …"
    text = "Am Nachmittag standen drei Fachforen zur Wahl, in denen es um Sprache ging, um Arbeit und um Schule."
    out = texts(text, "einfach")
    assert out == ["Am Nachmittag standen 3 Fachforen zur Wahl.",
                   "In diesen Fachforen ging es um Sprache, um Arbeit und um Schule."]


def test_relative_clause_right_after_a_noun_belongs_to_that_noun() -> None:
    # "gefällt" is the present of "gefallen" here, not the participle of "fällen"
    text = "Die Kinder spielen mit den Hunden, denen das Wetter gefällt."
    assert texts(text, "einfach") == ["Die Kinder spielen mit den Hunden.", "Den Hunden gefällt das Wetter."]


def test_coordinated_verbs_in_a_relative_clause_give_one_sentence_each() -> None:
    out = texts("Es geht um die Menschen, die hier leben und jeden Morgen zur Arbeit gehen.", "einfach")
    assert out == ["Es geht um die Menschen.", "Die Menschen leben hier.", "Die Menschen gehen jeden Morgen zur Arbeit."]


def test_dass_clause_after_a_complete_main_clause_is_joined_by_a_colon() -> None:
    out = texts("Ich habe das Gefühl, dass die Vielfalt uns gutgetan hat.", "einfach")
    assert out == ["Ich habe das Gefühl: Die Vielfalt hat uns gutgetan."]


def test_main_clauses_joined_by_aber_are_split() -> None:
    out = texts("Das Fest beginnt um 11 Uhr, aber die Bühne öffnet erst um 14 Uhr.", "einfach")
    assert out == ["Das Fest beginnt um 11 Uhr.", "Aber die Bühne öffnet erst um 14 Uhr."]


def test_left_out_subject_is_repeated_when_splitting() -> None:
    out = texts("Vereine aus vielen Ländern stellen sich vor und bieten Speisen aus ihrer Heimat an.", "einfach")
    assert out == ["Vereine aus vielen Ländern stellen sich vor.",
                   "Vereine aus vielen Ländern bieten Speisen aus ihrer Heimat an."]  # the whole noun phrase


def test_coordinated_nouns_are_not_split() -> None:
    out = texts("Kinder und Eltern sind herzlich eingeladen.", "einfach")
    assert out == ["Kinder und Eltern sind herzlich eingeladen."]


def test_sentence_starting_with_und_loses_the_und() -> None:
    out = texts("Und in dieses Haus werden jetzt Steine geworfen.", "einfach")
    assert out[0].startswith("In dieses Haus"), out


@pytest.mark.parametrize("name", OWN_TEXTS)
@pytest.mark.parametrize("level", ["leicht", "einfach"])
def test_every_output_sentence_has_a_finite_verb(name: str, level: str) -> None:
    """Rule 10: headings and list items aside, no fragments."""
    outcome = draft(own_text(name), level)
    fragments = [s.text for s in body_sentences(outcome)
                 if not any(t.is_finite for t in analyze_text(s.text)) and not is_salutation(analyze_text(s.text))]
    assert fragments == []


def test_condition_after_the_main_clause_becomes_a_colon_sentence() -> None:
    out = texts("Die Vereine erhalten Geld, wenn sie Kinder aus armen Familien aufnehmen.", "einfach")
    assert out == ["Die Vereine erhalten Geld.", "Die Bedingung ist: sie nehmen Kinder aus armen Familien auf."]


def test_relative_clause_after_a_name_repeats_the_name_without_article() -> None:
    out = texts("Anna Berg, die aus Köln kommt, eröffnet das Fest.", "einfach")
    assert out == ["Anna Berg eröffnet das Fest.", "Anna Berg kommt aus Köln."], out


@pytest.mark.parametrize(("sentence", "expected"), [
    # a name: the new sentence names it with "von", no pronoun that could point to another noun
    ("Besonders eindrucksvoll ist die Geschichte von Emre, dessen Großvater 1972 in die Zeche Monopol gekommen ist.",
     ["Besonders eindrucksvoll ist die Geschichte von Emre.",
      "Der Großvater von Emre ist 1972 in die Zeche Monopol gekommen."]),
    # coordinated plural nouns go into the dative, the relative clause stood between subject and verb
    ("Die Schülerinnen und Schüler, deren Familien aus 11 Ländern stammen, haben Interviews geführt.",
     ["Die Schülerinnen und Schüler haben Interviews geführt.",
      "Die Familien von den Schülerinnen und Schülern stammen aus 11 Ländern."]),
    # the adjective after "deren" changes to the ending after the article; the noun's gender gives "der"
    ("Die Stadt ehrt die Ärztin, deren kleine Praxis seit 30 Jahren besteht.",
     ["Die Stadt ehrt die Ärztin.", "Die kleine Praxis von der Ärztin besteht seit 30 Jahren."]),
])
def test_possessive_relative_clause_becomes_a_sentence_with_von(sentence: str, expected: list[str]) -> None:
    assert texts(sentence, "einfach") == expected


@pytest.mark.parametrize("sentence", [
    # "wir" is the subject: "Die Arbeit von Frau Berg schätzen wir" needs a case the rule does not know
    "Wir danken Frau Berg, deren Arbeit wir sehr schätzen.",
    # the verb is singular, the possessed noun plural: the noun is not the subject
    "Wir besuchen die Schule, deren Kinder unser Bürgermeister eingeladen hat.",
])
def test_possessive_relative_clause_without_the_noun_as_subject_stays(sentence: str) -> None:
    assert texts(sentence, "einfach") == [sentence]


def test_relative_clause_with_preposition_read_as_article_is_still_found() -> None:
    # seed: the tagger reads "zu der" as preposition + article; the verb-final clause shows it is relative
    out = texts("„Vielfalt leben!“ war die Konferenz überschrieben, zu der die Moderatorin viele Gäste begrüßte.",
                "einfach")
    assert out == ["„Vielfalt leben!“ war die Konferenz überschrieben.",
                   "Zu der Konferenz begrüßte die Moderatorin viele Gäste."], out


def test_a_w_clause_as_subject_is_not_split_at_its_comma() -> None:
    # seed: "Was die Niederlande gerade vorhätten mit ihrer Abschottung, sei für ihn eine „Horrorvorstellung“."
    for sentence in ("Was die Stadt gerade plant mit dem Neubau, ist für ihn ein Fehler.",
                     "Wer morgen kommen möchte mit seinen Kindern, meldet sich im Büro an."):
        out = texts(sentence, "einfach")
        assert len(out) == 1 and not out[0].startswith(("Was ist", "Wer meldet")), out


def test_um_zu_clause_becomes_a_sentence_with_wollen_and_the_same_subject() -> None:
    assert texts("Die Stadt bietet neue Kurse an, um Zugewanderten den Einstieg zu erleichtern.", "einfach") == [
        "Die Stadt bietet neue Kurse an.", "Die Stadt will Zugewanderten den Einstieg erleichtern."]
    assert texts("Wir treffen uns, um gemeinsam zu kochen und um neue Leute kennenzulernen.", "einfach") == [
        "Wir treffen uns.", "Wir wollen gemeinsam kochen und neue Leute kennenlernen."]
    assert texts("Viele Frauen besuchten den Kurs, um schneller Deutsch zu lernen.", "einfach")[-1] == \
        "Viele Frauen wollten schneller Deutsch lernen."


def test_um_zu_clause_is_left_when_the_subject_is_not_clear() -> None:
    # the first constituent is the object: who wants something is not the first words
    out = texts("Den Kurs besuchen viele Frauen, um Deutsch zu lernen.", "einfach")
    assert out == ["Den Kurs besuchen viele Frauen, um Deutsch zu lernen."]


def test_a_short_clause_with_a_plural_subject_counts_as_a_full_sentence() -> None:
    # the tagger reads "lernen" in "Die Eltern lernen." as an infinitive; the split must not be refused
    assert texts("Während die Eltern lernen, werden die Kinder im Nebenraum betreut.", "leicht") == [
        "Die Eltern lernen.", "Gleichzeitig betreut man die Kinder im Nebenraum."]


@pytest.mark.parametrize(("source", "expected"), [
    # seed: "mit Blick auf seine aus Ungarn stammende Ehefrau"
    ("Er sprach mit Blick auf seine aus Ungarn stammende Ehefrau.",
     ["Er hat mit Blick auf seine Ehefrau gesprochen.", "Die Ehefrau stammt aus Ungarn."]),
    ("Die im Kreis lebenden Familien bekommen Hilfe.", ["Die Familien bekommen Hilfe.", "Die Familien leben im Kreis."]),
    ("Die am Kurs teilnehmenden Frauen lernen schnell.", ["Die Frauen lernen schnell.", "Die Frauen nehmen am Kurs teil."]),
])
def test_extended_participle_attribute_becomes_a_sentence_about_the_noun(source: str, expected: list[str]) -> None:
    assert texts(source, "leicht") == expected


def test_a_plain_participle_adjective_stays() -> None:
    assert texts("Die wartenden Familien sind froh.", "leicht") == ["Die wartenden Familien sind froh."]


def test_a_relative_clause_of_infinitives_sharing_one_modal_moves_whole() -> None:
    # the clause goes on over commas; all its infinitives share "möchten": it moves as one sentence
    assert texts("Das Angebot richtet sich an die Frauen im Kreis, die sich austauschen, Kontakte knüpfen und ihre "
                 "Deutschkenntnisse verbessern möchten.", "leicht") == [
        "Das Angebot richtet sich an die Frauen im Kreis.",
        # then each infinitive is a statement of its own (split_coordination)
        "Die Frauen möchten sich austauschen.", "Die Frauen möchten Kontakte knüpfen.",
        "Die Frauen möchten ihre Deutsch-Kenntnisse verbessern."]


@pytest.mark.parametrize("sentence", [
    # the clause goes on over commas and the main clause after it: taking out its first part would leave
    # the rest headless
    "Frauen, die sich austauschen, Kontakte knüpfen und Deutsch lernen möchten, sind willkommen.",
    # restrictive: as a sentence of its own it would say that all associations want a stand
    "Vereine, die sich mit einem eigenen Stand beteiligen möchten, können sich bis Mai anmelden.",
    "Wahlberechtigt sind alle Personen, die am Wahltag 16 Jahre alt sind.",
    # "bei dem" may mean the reception or the cake
    "Danach gab es einen Empfang mit Kaffee und Kuchen, bei dem viele Familien noch lange zusammensaßen.",
])
def test_relative_clauses_that_cannot_be_moved_safely_stay(sentence: str) -> None:
    out = texts(sentence, "einfach")
    assert len(out) == 1 and ", die" in out[0] or ", bei dem" in out[0], out


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Heute arbeitet er im Krankenhaus und bildet Auszubildende aus.",
     ["Heute arbeitet er im Krankenhaus.", "Er bildet Auszubildende aus."]),
    ("Gestern haben wir das Fest gefeiert und sind danach nach Hause gegangen.",
     ["Gestern haben wir das Fest gefeiert.", "Wir sind danach nach Hause gegangen."]),
])
def test_subject_pronoun_after_the_verb_is_repeated_for_the_second_verb(sentence: str, expected: list[str]) -> None:
    assert texts(sentence, "einfach") == expected


def test_a_time_span_in_the_main_clause_does_not_count_as_a_subject() -> None:
    # "zwischen 8 und 16 Uhr": "Uhr" follows numbers, it is no subject of "kann … anrufen"
    out = texts("Wer einen Termin braucht, kann montags bis freitags zwischen 8 und 16 Uhr anrufen.", "leicht")
    assert out == ["Manche Menschen brauchen einen Termin.",
                   "Diese Menschen können montags bis freitags zwischen 8 und 16 Uhr anrufen."]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a reflexive pronoun never stands first: the subject does, the pronoun follows the verb
    ("Das Amt warnt, weil sich viele Menschen angesteckt haben.",
     ["Das Amt warnt.", "Denn viele Menschen haben sich angesteckt."]),
    # a degree or focus particle belongs to the phrase after it
    ("Sie kritisierte, dass zu wenige Bäume gepflanzt werden.", ["Sie kritisierte: Zu wenige Bäume werden gepflanzt."]),
    ("Er sagt, dass rund 300 Menschen gekommen sind.", ["Er sagt: Rund 300 Menschen sind gekommen."]),
])
def test_clause_made_main_clause_puts_a_whole_phrase_before_the_verb(sentence: str, expected: list[str]) -> None:
    assert texts(sentence, "einfach") == expected


@pytest.mark.parametrize(("source", "expected"), [
    # a present main clause with "erst" or a modal: the perfect in the clause is a condition still to be met
    ("Sie dürfen erst umziehen, nachdem wir Ihnen die Aufhebung bestätigt haben.",
     ["Die Bedingung ist: Wir haben Ihnen die Aufhebung bestätigt.", "Erst dann dürfen Sie umziehen."]),
    ("Sie dürfen umziehen, nachdem wir Ihnen die Aufhebung bestätigt haben.",
     ["Die Bedingung ist: Wir haben Ihnen die Aufhebung bestätigt.", "Dann dürfen Sie umziehen."]),
    ("Bitte beachten Sie: Sie dürfen erst umziehen, nachdem wir die Aufhebung bestätigt haben.",
     ["Bitte beachten Sie:", "Die Bedingung ist: Wir haben die Aufhebung bestätigt.", "Erst dann dürfen Sie umziehen."]),
    # in the past "erst" keeps the order of events
    ("Er ist erst gegangen, nachdem alle gegessen hatten.", ["Alle haben gegessen.", "Erst danach ist er gegangen."]),
    # a sequence of facts stays a sequence
    ("Er ging nach Hause, nachdem alle gegessen hatten.", ["Er ist nach Hause gegangen.", "Davor haben alle gegessen."]),
    ("Die Kinder spielen, nachdem sie gegessen haben.", ["Die Kinder spielen.", "Davor haben sie gegessen."]),
])
def test_a_nachdem_clause_before_something_still_to_come_is_a_condition(source: str, expected: list[str]) -> None:
    assert texts(source) == expected
