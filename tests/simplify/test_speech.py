"""Rule ``speech``: reported speech becomes a direct statement with the speaker named."""

from __future__ import annotations

import pytest

from .helpers import draft, statements, texts

SEED_PARAGRAPH = (
    "„Vielfalt leben im Kreis Heinsberg!“ war die Konferenz überschrieben, zu der Moderatorin Souad Lamroubal "
    "die Gäste begrüßte. Eine solche Konferenz sei in der aktuellen Zeit wichtiger denn je, betonte sie. "
    "Die Konferenz diene dazu, sich auszutauschen, Kräfte zu bündeln und Stärken zu entwickeln."
)


def test_trailing_frame_with_pronoun_names_the_last_person_and_asks_for_review() -> None:
    outcome = draft(SEED_PARAGRAPH, "einfach")
    assert statements(outcome)[:2] == [
        ("Moderatorin Souad Lamroubal", "Eine solche Konferenz ist in der aktuellen Zeit wichtiger denn je."),
        ("Moderatorin Souad Lamroubal", "Die Konferenz dient dazu, sich auszutauschen, Kräfte zu bündeln und Stärken "
                                        "zu entwickeln.")]
    # (two sentences of one statement: the frame and its review comment stand once, on the "sagt:" line)
    frame = next(s for s in outcome.document.sentences() if s.text == "Moderatorin Souad Lamroubal sagt:")
    assert any(c.rule == "speech" and "prüfen" in c.message for c in frame.comments)


def test_a_single_reported_sentence_keeps_its_frame_on_its_line_in_einfache_sprache() -> None:
    out = texts("Landrat Stephan Pusch betonte, die Konferenz sei wichtig. Danach begann die Diskussion.", "einfach")
    assert out == ["Landrat Stephan Pusch sagt: Die Konferenz ist wichtig.", "Danach begann die Diskussion."], out


def test_role_is_named_at_first_mention_only() -> None:
    out = texts("Landrat Stephan Pusch betonte, die Konferenz sei wichtig. Danach begann die Diskussion. "
                "Die Zeit dränge, sagte Pusch.", "einfach")
    assert out[-1] == "Stephan Pusch sagt: Die Zeit drängt.", out


def test_leading_frame_with_dass_becomes_colon_statement() -> None:
    out = texts("Die Kursleiterin Maria Schneider erklärte, dass viele Mütter bisher keinen Kurs besuchen konnten.",
                "einfach")
    assert out[0].startswith("Kursleiterin Maria Schneider sagt: Viele Mütter konnten"), out


def test_speaker_with_apposition_gets_a_sentence_of_its_own() -> None:
    out = texts("Die Leiterin der Beratungsstelle, Ayşe Demir, sagte, die Nachfrage sei stark gestiegen.", "einfach")
    assert out[0].startswith("Ayşe Demir ist die Leiterin"), out
    assert "Ayşe Demir sagt: Die Nachfrage ist stark gestiegen." in out


def test_quote_interrupted_by_the_frame_is_joined() -> None:
    out = texts("Landrat Stephan Pusch sprach über das Zentrum. "
                "„Es ist gut, dass wir es haben“, fügte er hinzu, „denn die Aufgaben werden nicht kleiner.“",
                "einfach")
    assert out[1] == "Landrat Stephan Pusch sagt: „Es ist gut, dass wir es haben, denn die Aufgaben werden nicht kleiner.“", out


def test_pronoun_without_any_person_named_before_is_left_alone() -> None:
    out = texts("„Das ist gut“, sagte er.", "einfach")
    assert out == ["„Das ist gut“, sagte er."]


def test_konjunktiv_sentences_after_a_frame_keep_the_speaker() -> None:
    text = ("Bürgermeister Stephan Muckel betonte, die Stadt wolle allen Kindern Sport ermöglichen. "
            "Sport verbinde Menschen.")
    said = statements(draft(text, "einfach"))
    assert said == [("Bürgermeister Stephan Muckel", "Die Stadt will allen Kindern Sport ermöglichen."),
                    ("Bürgermeister Stephan Muckel", "Sport verbindet Menschen.")], said


def test_frame_circumstances_stay_with_the_frame() -> None:
    out = texts("Landrat Stephan Pusch sagte bei der ersten Fahrt, die Linie sei ein wichtiger Schritt.", "einfach")
    assert out[0] == "Landrat Stephan Pusch sagt bei der ersten Fahrt: Die Linie ist ein wichtiger Schritt.", out


def test_plain_statements_without_konjunktiv_get_no_speaker() -> None:
    out = texts("Der Bus fährt jede Stunde. Die Fahrt kostet 2 Euro.", "einfach")
    assert out == ["Der Bus fährt jede Stunde.", "Die Fahrt kostet 2 Euro."]


def test_a_quotation_over_two_sentences_never_gets_the_speaker_inserted_in_its_middle() -> None:
    text = ("Landrat Stephan Pusch sprach über den Kreis. „Wir haben viel erreicht. Darauf sind wir stolz“, "
            "sagte er bei der Eröffnung.")
    for level in ("einfach", "leicht"):
        out = texts(text, level)
        depth = 0  # open quotation marks before the current sentence
        for sentence in out:
            if depth > 0:
                assert "sagt:" not in sentence, out
            depth += sentence.count("„") - sentence.count("“")
        assert depth == 0, out


def test_leichte_sprache_names_the_speaker_once_on_a_line_before_their_statements() -> None:
    from lesbar.model import Paragraph

    text = ("Die Halle war voll. Bürgermeister Stephan Muckel betonte, die Stadt wolle allen Kindern Sport "
            "ermöglichen. Sport verbinde Menschen. Danach gab es Kuchen.")
    outcome = draft(text, "leicht")
    paragraphs = [[s.text for s in b.content] for b in outcome.document.blocks if isinstance(b, Paragraph)]
    assert paragraphs == [
        ["Die Halle war voll."],
        ["Bürger-Meister Stephan Muckel sagt:", "Die Stadt will allen Kindern Sport ermöglichen.",
         "Sport verbindet Menschen."],
        ["Danach gab es Kuchen."],
    ], paragraphs
    intro = next(s for s in outcome.document.sentences() if s.text.endswith("sagt:"))
    assert intro.origin == "rule:speech" and intro.source  # traceable to the sentence it came from


def test_a_quotation_over_two_sentences_gets_its_speaker_before_it_starts() -> None:
    text = ("Landrat Stephan Pusch sprach über den Kreis. „Wir haben viel erreicht. Darauf sind wir stolz“, "
            "sagte er bei der Eröffnung.")
    leicht = texts(text, "leicht")
    assert leicht[-3:] == ["Landrat Stephan Pusch sagt bei der Eröffnung:", "„Wir haben viel erreicht.",
                           "Darauf sind wir stolz.“"], leicht
    einfach = texts(text, "einfach")
    assert einfach[-2:] == ["Landrat Stephan Pusch sagt bei der Eröffnung: „Wir haben viel erreicht.",
                            "Darauf sind wir stolz.“"], einfach


def test_speaker_after_the_verb_is_found_and_the_circumstances_stay_with_the_frame() -> None:
    # from a new text: the words were given to the person named before, not to Löhr
    text = ("Landrat Mario Löhr begrüßte die Gäste. Danach sprach Dr. Ayşe Kaya-Brenner. "
            "In seiner Ansprache sagte Löhr, die Einbürgerung sei kein Schlusspunkt. Man habe viel gesehen.")
    einfach = texts(text, "einfach")
    assert einfach[-3:] == ["Landrat Mario Löhr sagt in seiner Ansprache:", "Die Einbürgerung ist kein Schlusspunkt.",
                            "Man hat viel gesehen."], einfach
    leicht = texts(text, "leicht")
    assert leicht[-3:] == ["Landrat Mario Löhr sagt in seiner Ansprache:", "Die Einbürgerung ist kein Schluss-Punkt.",
                           "Man hat viel gesehen."], leicht


def test_a_description_without_article_before_the_name_and_kept_pronouns_are_flagged() -> None:
    outcome = draft("Pfleger Yusuf Haddad dankte Sami Ott. Haddad erzählte, er sei 2015 gekommen. Heute arbeite er "
                    "auf der Intensivstation.", "leicht")
    sentences = list(outcome.document.sentences())
    assert [s.text for s in sentences][-3:] == ["Pfleger Yusuf Haddad sagt:", "Er ist 2015 gekommen.",
                                                "Heute arbeitet er auf der Intensiv-Station."]
    # reported speech keeps "er" where Sami Ott may be meant: after "sagt:" the editor must decide whether it means "ich"
    assert any("ich" in c.message for s in sentences for c in s.comments)


def test_relative_clause_about_the_speaker_after_the_frame_becomes_a_sentence_about_them() -> None:
    # bundled press release: "„…“, sagt Miriam Schäfer, die das Angebot im KI koordiniert."
    out = texts("„Viele Eltern möchten Deutsch lernen“, sagt Miriam Schäfer, die das Angebot im KI koordiniert.",
                "einfach")
    assert out == ["Miriam Schäfer sagt: „Viele Eltern möchten Deutsch lernen.“",
                   "Miriam Schäfer koordiniert das Angebot im KI."]


def test_relative_clause_about_the_speaker_before_the_frame_is_kept_as_a_sentence() -> None:
    out = texts("Anna Berg, die den Verein seit 2010 geleitet hat, sagte, das Fest sei ein Erfolg gewesen.", "einfach")
    assert out == ["Anna Berg hat den Verein seit 2010 geleitet.", "Anna Berg sagt: Das Fest ist ein Erfolg gewesen."]


def test_object_relative_clause_after_the_frame_leaves_the_sentence_as_written() -> None:
    text = "„Wir sind froh“, sagte Anna Berg, die alle im Dorf kennen."
    assert texts(text, "leicht") == [text]


def test_reported_preterite_without_dass_is_konjunktiv_and_means_the_present() -> None:
    # "lebten" is both preterite and Konjunktiv II; in a reported main clause it stands for "leben"
    out = texts("Die Leiterin ist Doktor Ayşe Kaya-Brenner. Kaya-Brenner betonte, viele der Eingebürgerten "
                "lebten schon seit mehr als 10 Jahren in Deutschland.", "einfach")
    assert out[-1] == ("Doktor Ayşe Kaya-Brenner sagt: Viele von den Eingebürgerten leben schon seit mehr als "
                       "10 Jahren in Deutschland."), out


def test_preterite_in_a_dass_clause_stays_past() -> None:
    # "dass … besuchten" is the indicative past: it must not become the present
    out = texts("Anna Berg erklärte, dass viele Mütter früher keinen Kurs besuchten.", "einfach")
    assert out == ["Anna Berg sagt: Viele Mütter besuchten früher keinen Kurs."], out


def test_trailing_frame_with_article_role_and_name_names_the_speaker() -> None:
    out = texts("Viele Kinder spielten jeden Tag im Park, sagte die Leiterin Anna Berg.", "einfach")
    assert out == ["Leiterin Anna Berg sagt: Viele Kinder spielen jeden Tag im Park."], out


def test_an_unnamed_speaker_still_frames_the_report() -> None:
    # the police's guess must not become the narrator's fact when the Konjunktiv goes
    out = texts("Ein Sprecher der Polizei sagte, die Täter seien geflohen. Sie seien vermutlich bewaffnet.",
                "einfach")
    assert out == ["Ein Sprecher von der Polizei sagt:", "Die Täter sind geflohen.", "Sie sind vermutlich bewaffnet."], out


def test_a_surname_that_is_also_a_noun_stays_part_of_the_name() -> None:
    out = texts("„Das ist gut“, sagte Landrat Frank Rock in seiner Rede.", "einfach")
    assert out == ["Landrat Frank Rock sagt in seiner Rede: „Das ist gut.“"], out


def test_a_statement_with_its_own_colon_gets_the_frame_on_a_line_of_its_own() -> None:
    out = texts("Anna Berg sagte, sie freue sich, dass der Verein wachse.", "einfach")
    assert out == ["Anna Berg sagt:", "Ich freue mich: Der Verein wächst."], out


@pytest.mark.parametrize(("text", "frame"), [
    ("Die Eltern sagten: „Das ist gut.“", "Die Eltern sagen:"),
    ("Die Grünen kritisierten, dass zu wenig Geld vorgesehen sei.", "Die Grünen kritisieren:"),  # the verb kept
    ("Anna Berg und Peter Koch betonten, das Fest sei schön gewesen.", "Anna Berg und Peter Koch sagen:"),
    ("Die Leiterin Anna Berg sagte, das Fest sei schön gewesen.", "Leiterin Anna Berg sagt:"),
    ("Die Teilnehmerinnen sagten, das Fest sei schön gewesen.", "Die Teil-Nehmerinnen sagen:"),  # split compound
])
def test_the_frame_agrees_with_one_or_several_speakers(text: str, frame: str) -> None:
    assert texts(text)[0] == frame


@pytest.mark.parametrize(("text", "frame"), [
    ("Karl Ott widersprach: Das Geld reiche nicht.", "Karl Ott widerspricht:"),
    ("Anna Beck forderte, die Stadt müsse mehr tun.", "Anna Beck fordert:"),
    ("„Das kommt zu spät“, kritisierte Karl Ott.", "Karl Ott kritisiert:"),
    ("Anna Beck betonte, das Fest sei schön gewesen.", "Anna Beck sagt:"),
])
def test_a_frame_verb_that_carries_meaning_is_kept(text: str, frame: str) -> None:
    """"widersprach" says that someone disagrees; "sagt" would lose it. Plain reporting verbs become "sagt"."""
    assert texts(text, "leicht")[0] == frame


# ------------------------------------------------------------------------- the speaker's own voice

@pytest.mark.parametrize(("text", "statement"), [
    ("Landrat Stephan Pusch sagte, er freue sich über die vielen Gäste.", "Ich freue mich über die vielen Gäste."),
    ("Die Leiterin Anna Berg sagte, sie habe viel gelernt.", "Ich habe viel gelernt."),
    ("Landrat Pusch sagte, er wünsche sich mehr Geld.", "Ich wünsche mir mehr Geld."),  # a dative reflexive
    ("Landrat Pusch sagte, er habe seine Frau in Ungarn kennengelernt.",
     "Ich habe meine Frau in Ungarn kennengelernt."),
    ("Die Leiterin Anna Berg erzählte, ihr Alltag habe sich verändert.", "Mein Alltag hat sich verändert."),
    ("Zeitweise habe sie mehr als 30 Stunden übersetzt, sagte die Dolmetscherin.",
     "Zeitweise habe ich mehr als 30 Stunden übersetzt."),
])
def test_the_speakers_pronoun_in_the_frame_sentence_becomes_the_first_person(text: str, statement: str) -> None:
    """After "Stephan Pusch sagt:" the reader hears Pusch himself: "Er freut sich" would be someone else."""
    assert texts(text)[1] == statement


@pytest.mark.parametrize(("text", "statement"), [
    # another person of the same gender in the frame: "er" may mean the minister
    ("Landrat Pusch sagte mit Blick auf den Minister, er habe viel bewegt.", "Er hat viel bewegt."),
    # a feminine noun the frame names: "sie" may mean the initiative
    ("Die Leiterin Anna Berg lobte die Initiative und sagte, sie leiste viel.", None),
    # a first name used for both genders does not show it, and another person of unknown gender was named:
    # the editor decides
    ("Kim Berg dankte Robin Ott. Robin Ott sagte, sie habe viel gelernt.", "Sie hat viel gelernt."),
    # "ihn" is never the subject itself
    ("Landrat Pusch sagte, der Minister habe ihn angerufen.", "Der Minister hat ihn angerufen."),
    # several speakers are never "ich": they speak as "wir" ("unsere Kinder")
    ("Die Eltern sagten, ihre Kinder seien gern in der Schule.", "Unsere Kinder sind gern in der Schule."),
])
def test_a_pronoun_that_may_mean_someone_else_stays(text: str, statement: str | None) -> None:
    out = texts(text)
    if statement is not None:
        assert statement in out, out
    assert not any(w in s.split() for s in out for w in ("Ich", "ich", "mein", "Mein", "meine", "Meine")), out


def test_a_speaker_named_only_by_name_speaks_in_the_first_person_when_nobody_else_could_be_meant() -> None:
    assert texts("Anna Berg sagte, sie habe viel gelernt.")[-1] == "Ich habe viel gelernt."
    assert texts("Er habe Freunde gefunden, erzählte Ahmad Karimi.")[-1] == "Ich habe Freunde gefunden."
    # the gender the statement showed holds for the rest of the report: "meinem Team"
    assert texts("Anna Berg sagte, sie leite einen Pflegedienst. In ihrem Team seien 23 Kräfte.")[-1] == \
        "In meinem Team sind 23 Kräfte."
    # a woman named with her role could not be "er"; a man with his role could
    assert texts("Landrätin Anna Berg begrüßte Ahmad Karimi. Er habe Freunde gefunden, erzählte Karimi.")[-1] == \
        "Ich habe Freunde gefunden."
    assert texts("Landrat Peter Ott begrüßte Yonas Tesfaye. Er habe Freunde gefunden, erzählte Tesfaye.")[-1] == \
        "Er hat Freunde gefunden."


def test_a_first_name_that_is_clearly_female_or_male_shows_the_speakers_gender() -> None:
    """"Anna", "Paul", "Yusuf" are one gender in gender-guesser's international list; "Kim" or "Yonas" are not."""
    assert texts("Paul Berg sagte, das Spiel sei schön. Anna Kurz sagte, sie habe Freunde gefunden.")[-1] == \
        "Ich habe Freunde gefunden."
    assert texts("Anna Kurz lobte das Team. Yusuf Demir sagte, er sei stolz.")[-1] == "Ich bin stolz."
    assert texts("Kim Berg lobte das Team. Robin Kurz sagte, sie sei stolz.")[-1] == "Sie ist stolz."


def test_a_continued_report_speaks_in_the_first_person_when_the_sentence_before_offers_no_other_antecedent() -> None:
    assert texts("Die Leiterin Anna Berg lobte das Team. Sie habe viel gelernt.")[-1] == "Ich habe viel gelernt."
    # "die Stadt" before may be what "sie" means, even inside a prepositional phrase
    assert texts("Die Leiterin Anna Berg sprach über die Stadt. Sie sei sehr schön.")[-1] == "Sie ist sehr schön."
    assert texts("Landrat Pusch lobte den Verein. Er leiste viel.")[-1] == "Er leistet viel."


def test_once_the_speaker_is_ich_the_speakers_object_pronoun_and_possessive_in_another_clause_follow() -> None:
    out = texts("Die Leiterin Anna Berg sagte, sie mache das, weil es ihr Freude bereite.")
    assert out[-2:] == ["Ich mache das.", "Denn es bereitet mir Freude."]
    out = texts("Die Leiterin sagte, sie helfe gern, weil ihr Sohn auch Hilfe bekam.")
    assert out[-2:] == ["Ich helfe gern.", "Denn mein Sohn hat auch Hilfe bekommen."]
    # "ihre Kinder" after "den Eltern": their children
    assert texts("Die Leiterin sagte, sie helfe den Eltern, weil ihre Kinder Hilfe brauchen.")[-1] == \
        "Denn ihre Kinder brauchen Hilfe."


def test_an_age_before_the_speakers_name_gets_a_sentence_of_its_own() -> None:
    """"Amina sagt:" alone would lose the 17 (all numbers of the original must survive)."""
    assert texts("Die 17-jährige Amina erzählte, sie lerne gern.") == [
        "Amina ist 17 Jahre alt.", "Amina sagt:", "Ich lerne gern."]
    # a place after "aus" is no other antecedent of "sie"
    out = texts("Die 14-jährige Mariam, die vor zwei Jahren aus Syrien kam, erzählte, sie habe viel gelernt.")
    assert out[0] == "Mariam ist 14 Jahre alt." and out[-1] == "Ich habe viel gelernt."


def test_a_speakers_statement_with_a_colon_goes_on_two_lines_under_the_frame_in_leichte_sprache() -> None:
    out = texts("Anna Berg sagte, man wisse noch nicht, ob der neue Kurs im Herbst im Familienzentrum stattfinden könne.")
    assert out[-3:] == ["Anna Berg sagt:", "Man weiß noch nicht:",
                        "Kann der neue Kurs im Herbst im Familien-Zentrum stattfinden?"]


@pytest.mark.parametrize(("text", "statement"), [
    # a body speaks as "wir", never as "ich", with the verb in the plural
    ("Die Stadt erklärte, sie habe kein Geld.", "Die Stadt sagt: Wir haben kein Geld."),
    ("Der Verein teilte mit, er suche neue Helfer.", "Der Verein sagt: Wir suchen neue Helfer."),
    ("Die Jury sagte, sie habe lange beraten.", "Die Jury sagt: Wir haben lange beraten."),
    ("Die Familie erzählte, sie sei 2015 nach Deutschland gekommen.",
     "Die Familie sagt: Wir sind 2015 nach Deutschland gekommen."),
    ("Das Jugendamt teilte mit, es kümmere sich um seine Aufgaben.",
     "Das Jugendamt sagt: Wir kümmern uns um unsere Aufgaben."),
])
def test_bodies_speak_as_wir(text: str, statement: str) -> None:
    assert texts(text, "einfach")[-1] == statement


@pytest.mark.parametrize(("text", "statement"), [
    # a topic in the frame may be what the pronoun means
    ("Der Landrat sagte zum Haushalt, er sei knapp.", "Er ist knapp."),
    ("Der Bürgermeister sagte bei der Eröffnung des Kindergartens, er sei ein Gewinn.", "Er ist ein Gewinn."),
    ("Die Stadt sagte über die Schule, sie sei zu klein.", "Die Stadt sagt über die Schule: Sie ist zu klein."),
])
def test_topics_keep_the_third_person(text: str, statement: str) -> None:
    assert texts(text, "einfach")[-1].endswith(statement)


def test_a_time_phrase_in_the_frame_is_no_antecedent() -> None:
    out = texts("Die Theaterpädagogin Miriam Hoffmann sagte nach der Aufführung, sie sei stolz auf die Gruppe.",
                "einfach")
    assert out[-1].endswith("Ich bin stolz auf die Gruppe.")


@pytest.mark.parametrize(("text", "statement"), [
    ("Der Vater sagte, er mache sich Sorgen um seinen Sohn.", "Ich mache mir Sorgen um meinen Sohn."),
    ("Die Mutter sagte, sie sei sich nicht sicher.", "Ich bin mir nicht sicher."),
    ("Der Vater sagte, er kaufe sich ein Fahrrad.", "Ich kaufe mir ein Fahrrad."),
    ("Der Vater sagte, er freue sich über die Gäste.", "Ich freue mich über die Gäste."),
    ("Die Mutter sagte, sie kümmere sich um die Kinder.", "Ich kümmere mich um die Kinder."),
    # the possessive right after "und" belongs to the noun before it
    ("Die Leiterin sagte, sie habe die Kinder und ihre Eltern eingeladen.", "Ich habe die Kinder und ihre Eltern eingeladen."),
    ("Der Lehrer sagte, er habe das Kind und seine Mutter beraten.", "Ich habe das Kind und seine Mutter beraten."),
])
def test_reflexives_and_possessives_in_the_first_person(text: str, statement: str) -> None:
    assert texts(text, "einfach")[-1].endswith(statement)


def test_a_moment_of_the_speech_and_a_described_speaker_allow_the_first_person() -> None:
    assert texts("Der Landrat sagte zum Schluss, er sei stolz.", "einfach") == ["Der Landrat sagt zum Schluss: Ich bin stolz."]
    # "die 81-Jährige" shows the gender of the person named before
    assert texts("Anna Berg singt im Chor. Sie singe gern, sagte die 81-Jährige.", "einfach")[-1] == \
        "Anna Berg sagt: Ich singe gern."


def test_a_speaker_run_never_starts_inside_a_quotation() -> None:
    # the second sentence of a quotation belongs to the frame before the quotation; the report after it
    # gets its own "sagt:" line
    text = ("Olena Kovalenko hilft Geflüchteten. „Am Anfang war ich unsicher. Heute weiß ich mehr“, sagt "
            "Kovalenko. Besonders bei Arztterminen gehe es um sensible Themen. Dabei zähle jedes Wort.")
    out = texts(text, "einfach")
    assert out[1:] == ["Olena Kovalenko sagt: „Am Anfang war ich unsicher.", "Heute weiß ich mehr.“",
                       "Olena Kovalenko sagt:", "Besonders bei Arztterminen geht es um sensible Themen.",
                       "Dabei zählt jedes Wort."], out
