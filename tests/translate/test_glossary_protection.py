"""Glossary terms in translation: found with the real glossary matcher, protected, restored, verified."""

from __future__ import annotations

from lesbar.translate.engine import EngineOptions
from lesbar.translate.protect import find_terms, protect, restore
from lesbar.translate.routes import find_route
from lesbar.translate.segments import glossary_summary, number_flags, translate_segments

SENTENCE = "Der Landrat aus Heinsberg besuchte das KI."


def test_terms_with_a_target_in_the_language_are_found_with_their_target(glossary) -> None:
    terms = find_terms(glossary, SENTENCE, "en")
    assert [(t.surface, t.target, t.status) for t in terms] == [
        ("Landrat", "District Administrator", "draft"),
        ("Heinsberg", "Heinsberg", "dnt"),
        ("KI", "Municipal Integration Centre", "approved"),
    ]


def test_inflected_forms_are_protected_too(glossary) -> None:
    terms = find_terms(glossary, "Sie sprach mit dem Landrat und den Mitarbeitenden des Integrationszentrums.", "en")
    assert [t.target for t in terms] == ["District Administrator", "Municipal Integration Centre"]


def test_a_language_without_target_term_leaves_the_term_to_the_model(glossary) -> None:
    terms = find_terms(glossary, SENTENCE, "tr")
    assert [t.surface for t in terms] == ["Heinsberg"]  # only the do-not-translate name


def test_placeholders_are_restored_as_target_terms_even_with_spaces_around_them(glossary) -> None:
    protected = protect(SENTENCE, find_terms(glossary, SENTENCE, "en"), "placeholder")
    assert protected.text == "Der [0] aus [1] besuchte das [2]."
    restored = restore("The [ 0 ] from [1] visited the [2 ].", protected)
    assert restored.text == "The District Administrator from Heinsberg visited the Municipal Integration Centre."
    assert not restored.lost
    assert [restored.text[a:b] for a, b, _ in restored.spans] == [
        "District Administrator", "Heinsberg", "Municipal Integration Centre"]


def test_a_dropped_placeholder_is_reported_as_lost(glossary) -> None:
    protected = protect(SENTENCE, find_terms(glossary, SENTENCE, "en"), "placeholder")
    restored = restore("The [0] visited the centre.", protected)
    assert [t.surface for t in restored.lost] == ["Heinsberg", "KI"]


def test_injection_writes_the_target_term_into_the_source_and_verifies_it(glossary) -> None:
    protected = protect(SENTENCE, find_terms(glossary, SENTENCE, "en"), "inject")
    assert protected.text == "Der District Administrator aus Heinsberg besuchte das Municipal Integration Centre."
    ok = restore("The district  administrator from Heinsberg visited the Municipal Integration Centre.", protected)
    assert not ok.lost
    bad = restore("The governor from Heinsberg visited the AI.", protected)
    assert [t.surface for t in bad.lost] == ["Landrat", "KI"]


def test_source_text_with_bracketed_numbers_is_protected_by_injection(glossary) -> None:
    text = "Der Landrat verweist auf Quelle [1]."
    protected = protect(text, find_terms(glossary, text, "en"), "placeholder")
    assert protected.strategy == "inject"
    assert "[1]" in protected.text and "District Administrator" in protected.text


def test_numbers_lost_in_translation_are_flagged() -> None:
    assert number_flags("Am 5. Mai 2024 um 10:30 Uhr", "On 5 May at 10:30", []) == ["number-missing:2024"]
    assert number_flags("Am 5. Mai", "On May 5", []) == []


def test_a_model_that_drops_placeholders_is_retried_with_injection_then_flagged(
        install, packages_dir, glossary, count_calls) -> None:
    install("de-en")
    route = find_route(packages_dir, "de", "en")
    results = translate_segments([SENTENCE, "Viele Ehrenamtliche helfen."], source_lang="de", target_lang="en",
                                 route=route, glossary=glossary, memory=None,
                                 options=EngineOptions(beam_size=1, max_decoding_length=10))
    calls = count_calls["de-en"].calls
    assert len(calls) == 2, "first batch with placeholders, one retry batch for the failed sentence"
    assert len(calls[1]) == 1
    result = results[SENTENCE]
    # random weights keep nothing: the sentence is flagged, never silently wrong
    assert result.lost and any(f.startswith("glossary-lost:") for f in result.flags)
    summary = glossary_summary(list(results.values()))
    assert summary["failures"] == len(result.lost)
    assert {t["entry"] for t in summary["terms"]} >= {"landrat"}


def test_restored_and_lost_terms_are_counted_with_their_draft_status(glossary) -> None:
    from lesbar.translate.segments import SegmentResult

    protected = protect(SENTENCE, find_terms(glossary, SENTENCE, "en"), "placeholder")
    restored = restore("The [0] from [1] visited.", protected)
    result = SegmentResult(SENTENCE, restored.text, "mt", [], restored.spans, restored.lost)
    summary = glossary_summary([result])
    assert summary["enforced"] == 2 and summary["drafts"] == 1 and summary["failures"] == 1


def test_placeholders_the_model_invents_or_repeats_never_reach_the_reader(glossary) -> None:
    text = "Der Landrat besucht die Schule."
    protected = protect(text, find_terms(glossary, text, "en"), "placeholder")
    restored = restore("The [0] visits the [0] school [3] .", protected)
    assert restored.text == "The District Administrator visits the school."
    assert restored.stray == 2 and restored.lost == []
    # a sentence without terms: a hallucinated placeholder is removed too
    plain = protect("Der Kurs ist kostenlos.", [], "placeholder")
    assert restore("The [0] course is free.", plain).text == "The course is free."
    # bracketed numbers the source itself contains are text, not placeholders
    footnote = protect("Siehe Anlage [2].", [], "placeholder")
    assert restore("See annex [2].", footnote).text == "See annex [2]."
