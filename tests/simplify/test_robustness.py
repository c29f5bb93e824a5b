"""Odd input never breaks simplification or the checker (the pipeline runs it on every German report)."""

from __future__ import annotations

import pytest

from lesbar.model import Document, Paragraph, Sentence, Text
from lesbar.simplify import check_document, simplify_document
from lesbar.transforms.segment import segment_document

ODD = [
    "„Ein Zitat ohne Ende, sagte sie",
    "... – ; , „“",
    "123 456 7.890,12 % § 5 Abs. 3 Nr. 2",
    "DIE ÜBERSCHRIFT IN GROSSBUCHSTABEN OHNE VERB",
    "Er sagte, dass, weil, obwohl.",
    ", die , der , das , denen .",
    "Und und und aber oder denn.",
    " ".join(["Die Stadt plant, dass die Kinder, die hier wohnen, und die Eltern, die arbeiten, Hilfe bekommen"] * 20)
    + ".",
    "Der Vertrag (§ 3) gilt ab 01.13.2025 um 25:99 Uhr für MMXXIV Personen.",
]


@pytest.mark.parametrize("text", ODD, ids=range(len(ODD)))
@pytest.mark.parametrize("level", ["leicht", "einfach"])
def test_odd_text_gives_a_draft_and_a_report(text: str, level: str) -> None:
    doc = segment_document(Document(blocks=[Paragraph([Sentence([Text(text)])])]))
    outcome = simplify_document(doc, level, None)
    assert outcome.report["level"] == level
    check_document(outcome.document, level)
    words = [w for w in text.split() if any(c.isalnum() for c in w)]
    draft = " ".join(s.text for s in outcome.document.sentences())
    assert not words or any(c.isalnum() for c in draft)  # nothing silently dropped to empty


def test_empty_document_gives_an_empty_draft() -> None:
    outcome = simplify_document(Document(), "leicht", None)
    assert outcome.document.blocks == [] and outcome.report["sentences"] == []


def test_plain_text_with_ocr_breaks_keeps_sentences_whole() -> None:
    # a paragraph break in mid-sentence and a line-end hyphen, as OCR of a clipping leaves them
    from lesbar.simplify.plaintext import document_from_text

    doc = document_from_text("Ratsherr Peter Koch kritisierte, dass die Anwohner zu spät\n\ninformiert worden "
                             "seien. Er sprach in seiner Eröff-\nnungsrede.\n\nNeue Kurse\n\nDie Kurse beginnen.")
    texts = [s.text for s in doc.sentences()]
    assert texts == ["Ratsherr Peter Koch kritisierte, dass die Anwohner zu spät informiert worden seien.",
                     "Er sprach in seiner Eröffnungsrede.", "Neue Kurse", "Die Kurse beginnen."]


def test_a_long_paragraph_ending_in_a_preposition_goes_on_in_the_next() -> None:
    # the seed's OCR: "… Alle Menschen, die hier in" / "Deutschland seien …" (a capital after the break)
    from lesbar.simplify.plaintext import document_from_text

    doc = document_from_text("Eine Veranstaltung wie diese sei auch Teil der Lösung. Alle Menschen, die hier in\n\n"
                             "Deutschland seien, leisteten ihren Beitrag.\n\nNeue Kurse in\n\nDer Kurs beginnt.")
    texts = [s.text for s in doc.sentences()]
    assert texts[1] == "Alle Menschen, die hier in Deutschland seien, leisteten ihren Beitrag.", texts
    assert texts[2:] == ["Neue Kurse in", "Der Kurs beginnt."], texts  # a short line stays a heading


def test_a_salutation_stays_a_line_of_its_own_and_is_no_fragment() -> None:
    from lesbar.simplify import check_document
    from lesbar.simplify.plaintext import document_from_text

    doc = document_from_text("Liebe Eltern,\n\nam Freitag findet das Schulfest statt.")
    assert [s.text for s in doc.sentences()] == ["Liebe Eltern,", "am Freitag findet das Schulfest statt."]
    report = check_document(doc, "leicht", None)
    assert report["sentences"][0]["findings"] == []


def test_a_short_first_line_before_longer_lines_is_a_subheading() -> None:
    from lesbar.model import Heading
    from lesbar.simplify.plaintext import document_from_text

    doc = document_from_text("Kurz gemeldet\n\nAusländerbehörde geschlossen\n"
                             "Die Ausländerbehörde bleibt am Montag wegen einer Schulung geschlossen.")
    assert [type(b).__name__ for b in doc.blocks] == ["Heading", "Heading", "Paragraph"]
    assert isinstance(doc.blocks[1], Heading)


def test_text_wrapped_in_columns_is_not_cut_into_headings() -> None:
    from lesbar.simplify.plaintext import document_from_text

    doc = document_from_text("Der Landrat begrüßte die neuen\nStaatsbürgerinnen und Staatsbürger\nim Kreishaus.")
    assert [s.text for s in doc.sentences()] == [
        "Der Landrat begrüßte die neuen Staatsbürgerinnen und Staatsbürger im Kreishaus."]


def test_short_lines_after_a_colon_line_are_a_list() -> None:
    from lesbar.model import ListBlock
    from lesbar.simplify.plaintext import document_from_text

    doc = document_from_text("Die Öffnungszeiten sind:\nMontag von 9 bis 13 Uhr\nDienstag von 14 bis 18 Uhr")
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and len(lists[0].items) == 2


def test_signature_lines_after_a_closing_stay_one_line_each_and_are_no_fragments() -> None:
    from lesbar.simplify import check_document
    from lesbar.simplify.plaintext import document_from_text

    doc = document_from_text("Wir freuen uns auf Sie.\n\nMit freundlichen Grüßen\n\n"
                             "Claudia Hesse, Schulleiterin\nTobias Brandt, Schulsozialarbeiter")
    assert [s.text for s in doc.sentences()][1:] == [
        "Mit freundlichen Grüßen", "Claudia Hesse, Schulleiterin", "Tobias Brandt, Schulsozialarbeiter"]
    report = check_document(doc, "leicht", None)
    assert all(not any(f["rule"] == "finite_verb" for f in s["findings"]) for s in report["sentences"]), report


@pytest.mark.parametrize("closing", ["Herzliche Grüße", "Liebe Grüße", "Beste Grüße", "Mit herzlichen Grüßen"])
def test_other_closings_keep_the_signature_on_a_line_of_its_own(closing: str) -> None:
    from lesbar.simplify import check_document
    from lesbar.simplify.plaintext import document_from_text

    doc = document_from_text(f"Bitte denken Sie an die Anmeldung.\n\n{closing}\nIhr Kita-Team")
    assert [s.text for s in doc.sentences()][1:] == [closing, "Ihr Kita-Team"]
    report = check_document(doc, "leicht", None)
    assert not any(f["rule"] == "finite_verb" for f in report["sentences"][1]["findings"]), report


def test_label_lines_stay_one_line_each_and_get_no_full_stop() -> None:
    from lesbar.simplify import simplify_document
    from lesbar.simplify.plaintext import document_from_text

    doc = document_from_text("Einladung zur Lesung\n\nTermin: Freitag, 21. März 2025, 19 Uhr (Einlass 18 Uhr)\n"
                             "Ort: Stadtbibliothek, Ostenallee 5")
    draft = simplify_document(doc, "leicht", None).document
    assert [s.text for s in draft.sentences()][1:] == [
        "Termin: Freitag, 21. März 2025, 19 Uhr (Einlass 18 Uhr)", "Ort: Stadt-Bibliothek, Ostenallee 5"]


def test_a_place_and_date_line_starts_a_signature_and_the_place_stays_whole() -> None:
    from lesbar.simplify import simplify_document
    from lesbar.simplify.plaintext import document_from_text

    doc = document_from_text("Bekanntmachung\n\nHohenlinden liegt im Kreis.\n\n"
                             "Hohenlinden, den 16. Dezember 2024\nDie Bürgermeisterin\nGerda Wilmsen")
    draft = simplify_document(doc, "leicht", None).document
    assert [s.text for s in draft.sentences()][1:] == [
        "Hohenlinden liegt im Kreis.", "Hohenlinden, den 16. Dezember 2024", "Die Bürger-Meisterin", "Gerda Wilmsen"]


def test_a_part_after_a_dash_goes_on_from_a_title_with_an_exclamation_mark() -> None:
    from lesbar.language.sentences import split_sentences

    assert split_sentences("11. September: „Glück auf!“ – Bergleute erzählen") == [
        "11. September: „Glück auf!“ – Bergleute erzählen"]


def test_a_bracket_after_a_question_stays_on_its_line() -> None:
    from lesbar.language.sentences import split_sentences

    assert split_sentences("Do, 9. Oktober: Was kann ich sagen? (Raum 2.14)") == [
        "Do, 9. Oktober: Was kann ich sagen? (Raum 2.14)"]


def test_a_number_at_the_end_of_a_sentence_keeps_its_full_stop_apart() -> None:
    from lesbar.simplify.analysis import tokenize

    assert tokenize("Die Zahl stieg auf 500.")[-2:] == ["500", "."]
    assert tokenize("Die Feier ist am 5.")[-1] == "5."  # a day


@pytest.mark.parametrize(("text", "sentences"), [
    ("Die Sprechstunde ist in Raum 12. Kinder dürfen mitkommen.",
     ["Die Sprechstunde ist in Raum 12.", "Kinder dürfen mitkommen."]),
    ("Rufen Sie an unter 02452 62-5510. Informationsblätter liegen aus.",
     ["Rufen Sie an unter 02452 62-5510.", "Informationsblätter liegen aus."]),
    ("Am Freitag, 12. Mai kommt er.", ["Am Freitag, 12. Mai kommt er."]),  # a date, no end
    ("Der Kurs beginnt am 3. Oktober.", ["Der Kurs beginnt am 3. Oktober."]),
])
def test_a_number_after_a_noun_ends_a_sentence_before_a_capital(text: str, sentences: list[str]) -> None:
    from lesbar.language.sentences import split_sentences

    assert split_sentences(text) == sentences


def test_a_german_opening_quote_closed_by_a_straight_one_is_a_pair() -> None:
    from lesbar.simplify.analysis import join_tokens, tokenize

    tokens = tokenize('Das Programm „Deutsch plus" an der Lindenschule zeigt Erfolge.')
    assert "“" in tokens and join_tokens(tokens) == "Das Programm „Deutsch plus“ an der Lindenschule zeigt Erfolge."


def test_plain_text_lines_with_bullets_or_numbers_are_a_list() -> None:
    from lesbar.model import ListBlock
    from lesbar.simplify.plaintext import document_from_text

    doc = document_from_text("Bitte beachten Sie Folgendes:\n- Die Teilnahme ist kostenlos.\n- Die Zahl der Plätze "
                             "ist\nauf 24 begrenzt.\n\n1. Anmelden\n2. Bezahlen")
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [b.ordered for b in lists] == [False, True]
    items = [[s.text for p in item.blocks for s in p.content] for item in lists[0].items]
    assert items == [["Die Teilnahme ist kostenlos."], ["Die Zahl der Plätze ist auf 24 begrenzt."]]
    assert [s.text for s in doc.blocks[0].content] == ["Bitte beachten Sie Folgendes:"]


def test_a_line_without_a_marker_after_a_list_starts_the_text_after_it() -> None:
    from lesbar.model import ListBlock, Paragraph
    from lesbar.simplify.plaintext import document_from_text

    # a wrapped item goes on in lower case or after a function word; a sentence with a capital does not
    doc = document_from_text("Bitte bringen Sie mit:\n- Ihren Reisepass\n- den Nachweis über die Sicherung des\n"
                             "Lebensunterhalts\nAlle Unterlagen sind im Original vorzulegen.\n\nMit freundlichen Grüßen\n"
                             "Sabine Kranz")
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [[s.text for p in item.blocks for s in p.content] for item in lists[0].items] == [
        ["Ihren Reisepass"], ["den Nachweis über die Sicherung des Lebensunterhalts"]]
    after = [s.text for b in doc.blocks[doc.blocks.index(lists[0]) + 1 :] if isinstance(b, Paragraph) for s in b.content]
    assert after == ["Alle Unterlagen sind im Original vorzulegen.", "Mit freundlichen Grüßen", "Sabine Kranz"]


@pytest.mark.parametrize(("text", "full"), [
    ("Koordinator Jens Hartmann erklärt: „Ohne die Ehrenamtlichen könnten viele Gespräche nicht stattfinden.", True),
    ("„Wir kommen gern wieder.“", True),
    ("An Begriffen wie „Vorfahrt gewähren“.", False),  # the verb belongs to a quoted name
])
def test_a_verb_inside_a_quoted_name_makes_no_sentence(text: str, full: bool) -> None:
    from lesbar.simplify.analysis import analyze_text
    from lesbar.simplify.rules.finite_verb import has_finite_verb

    assert has_finite_verb(analyze_text(text)) is full


def test_a_name_before_the_full_stop_ends_the_sentence() -> None:
    from lesbar.language.sentences import split_sentences

    assert split_sentences("„Ich weiß es“, erzählt Osman. Niemand half ihr.") == [
        "„Ich weiß es“, erzählt Osman.", "Niemand half ihr."]
    assert split_sentences("Es sprach Prof. Meier.") == ["Es sprach Prof. Meier."]


def test_programme_items_in_plain_text_stay_apart() -> None:
    # a paragraph that starts with a time and a colon is the next item, not the rest of a long line before it
    from lesbar.simplify.plaintext import document_from_text

    doc = document_from_text("14:00 Uhr: Gespräch mit Schülerinnen und Schülern, die selbst mehrsprachig "
                             "aufgewachsen sind\n\n15:30 Uhr: Ende")
    assert [s.text for s in doc.sentences()][-1] == "15:30 Uhr: Ende"


def test_programme_lines_without_bullets_are_a_list_of_their_own() -> None:
    # the intro stands in its own paragraph; the items would otherwise run together into one line
    from lesbar.model import ListBlock
    from lesbar.simplify.plaintext import document_from_text

    doc = document_from_text("Das Programm sieht so aus:\n\n10 Uhr: Frühstück\n10:45 Uhr: Begrüßung\n12 Uhr: Ende")
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and len(lists[0].items) == 3
    assert [s.text for s in doc.sentences()][0] == "Das Programm sieht so aus:"


def test_a_signature_with_gez_stays_one_line_each_and_keeps_its_small_gez() -> None:
    from lesbar.simplify import simplify_document
    from lesbar.simplify.plaintext import document_from_text

    doc = document_from_text("Gut.\n\nDer Bürgermeister\nIn Vertretung\ngez. Dr. Klaus Wiemers\nErster Beigeordneter")
    draft = simplify_document(doc, "leicht", None).document
    assert [s.text for s in draft.sentences()][1:] == [
        "Der Bürger-Meister", "In Vertretung", "gez. Doktor Klaus Wiemers", "Erster Beigeordneter"]


def test_programme_items_with_a_time_but_no_colon_may_be_long() -> None:
    from lesbar.model import ListBlock
    from lesbar.simplify.plaintext import document_from_text

    doc = document_from_text("Programm:\n19:00 Uhr Begrüßung durch den Schulleiter\n19:15 Uhr Vorstellung der "
                             "Klassenlehrerinnen Frau Ucar und Frau Schmitt-Meier aus der Jahrgangsstufe\n"
                             "20:45 Uhr Fragen und Austausch")
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and len(lists[0].items) == 3
