"""Matching glossary terms in running German text."""

from __future__ import annotations

from pathlib import Path

import pytest

from lesbar.glossary import load_glossaries

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "integrationskonferenz_ocr.txt"


def found(glossary, text: str) -> list[tuple[str, str, str]]:
    return [(m.surface, m.entry.id, m.kind) for m in glossary.match(text)]


def test_inflected_forms_of_nouns_are_found(small_glossary: Path) -> None:
    g = load_glossaries([small_glossary])
    assert found(g, "die Aufgaben des Kreises") == [("Kreises", "kreis", "term")]
    assert found(g, "zwei Integrationskurse und drei Integrationskursen") == [
        ("Integrationskurse", "integrationskurs", "term"), ("Integrationskursen", "integrationskurs", "term")]


def test_adjective_in_a_term_is_inflected_and_may_be_lower_case(small_glossary: Path) -> None:
    g = load_glossaries([small_glossary])
    assert found(g, "im Kommunalen Integrationszentrum") == [
        ("Kommunalen Integrationszentrum", "kommunales-integrationszentrum", "term")]
    assert found(g, "das kommunale Integrationszentrum")[0][0] == "kommunale Integrationszentrum"


def test_name_with_apposition_inflects_the_head_noun(small_glossary: Path) -> None:
    g = load_glossaries([small_glossary])
    assert found(g, "die Konferenz des Kreises Heinsberg") == [("Kreises Heinsberg", "kreis-heinsberg", "term")]


def test_longest_match_wins_over_a_contained_term(small_glossary: Path) -> None:
    g = load_glossaries([small_glossary])
    assert found(g, "im Kreis Heinsberg und im Kreis") == [
        ("Kreis Heinsberg", "kreis-heinsberg", "term"), ("Kreis", "kreis", "term")]


def test_abbreviation_matches_only_whole_word_and_exact_case(small_glossary: Path) -> None:
    g = load_glossaries([small_glossary])
    assert found(g, "Das KI berät.") == [("KI", "kommunales-integrationszentrum", "abbreviation")]
    assert found(g, "Die Kita, die Ki-Gruppe, ki und KIT") == []


def test_abbreviation_with_genitive_or_plural_s_is_one_match(small_glossary: Path) -> None:
    g = load_glossaries([small_glossary])
    assert [m[0] for m in found(g, "Die KI's und die KIs und des KI’s")] == ["KI's", "KIs", "KI’s"]


def test_terms_are_found_inside_hyphenated_compounds(small_glossary: Path) -> None:
    g = load_glossaries([small_glossary])
    assert found(g, "im NRW-Ministerium") == [("NRW", "nrw", "abbreviation")]
    assert found(g, "die Integrationskurs-Träger") == [("Integrationskurs", "integrationskurs", "term")]


def test_lower_case_adjective_does_not_match_a_noun_entry(tmp_path: Path) -> None:
    from tests.glossary.conftest import write  # noqa: PLC0415

    path = write(tmp_path / "g.yaml", """
        entries:
          - id: ehrenamtliche
            term: Ehrenamtliche
            forms: [Ehrenamtlichen]
        """)
    g = load_glossaries([path])
    assert found(g, "die haupt- und ehrenamtlichen Akteure") == []
    assert found(g, "Den Ehrenamtlichen danken wir.") == [("Ehrenamtlichen", "ehrenamtliche", "term")]


def test_all_capitals_dateline_matches(small_glossary: Path) -> None:
    g = load_glossaries([small_glossary])
    assert found(g, "KREIS HEINSBERG Schon die Zahl") == [("KREIS HEINSBERG", "kreis-heinsberg", "term")]


def test_term_across_a_line_break_is_found(small_glossary: Path) -> None:
    g = load_glossaries([small_glossary])
    assert found(g, "im Kreis\nHeinsberg") == [("Kreis\nHeinsberg", "kreis-heinsberg", "term")]


def test_entry_without_compound_matching_is_not_found_inside_a_compound(tmp_path: Path) -> None:
    from tests.glossary.conftest import write  # noqa: PLC0415

    path = write(tmp_path / "g.yaml", """
        entries:
          - id: rat
            term: Rat
            in_compounds: false
        """)
    g = load_glossaries([path])
    assert found(g, "der Integrations-Rat und der Rat") == [("Rat", "rat", "term")]


def test_match_offsets_point_at_the_surface(small_glossary: Path) -> None:
    g = load_glossaries([small_glossary])
    text = "Im Kreis Heinsberg hilft das KI (Kommunales Integrationszentrum)."
    for m in g.match(text):
        assert text[m.start:m.end] == m.surface


def test_shipped_glossary_finds_the_key_terms_of_the_sample_report() -> None:
    if not SEED.exists():
        pytest.skip(f"sample report OCR text not found at {SEED} (shared material beside the project)")
    g = load_glossaries()
    text = SEED.read_text(encoding="utf-8")
    ids = {m.entry.id for m in g.match(text)}
    for expected in ("kommunales-integrationszentrum", "kommunales-integrationsmanagement", "landrat",
                     "kreis-heinsberg", "nordrhein-westfalen", "podiumsdiskussion", "subsidiaritaetsprinzip",
                     "willkommenskultur", "einbuergerung", "plenum", "fachforum", "oberbruch", "hueckelhoven",
                     "ehrenamt", "zeche-sophia-jacoba"):
        assert expected in ids, expected
    # "ehrenamtlichen Akteure" (adjective) is not the noun, "KI's" is the Integrationszentrum
    surfaces = [m.surface for m in g.match(text)]
    assert "ehrenamtlichen" not in surfaces
    assert "KI's" in surfaces


def test_generated_forms_are_cached_on_disk(small_glossary: Path, isolated_dirs: Path) -> None:
    load_glossaries([small_glossary]).match("Kreis")
    cache_files = list((isolated_dirs / "cache").glob("glossary-forms-*.json"))
    assert len(cache_files) == 1 and "Kreises" in cache_files[0].read_text(encoding="utf-8")


CASES = Path(__file__).parent / "data" / "matching_cases.tsv"


def _cases() -> list[tuple[str, list[tuple[str, str]]]]:
    cases = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sentence, _, expected = line.partition("\t")
        pairs = [tuple(item.strip().rsplit("=", 1)) for item in expected.split(" ; ") if item.strip()]
        cases.append((sentence, pairs))
    return cases


def test_hand_written_sentences_are_matched_exactly() -> None:
    """Precision and recall on varied sentences written for the shipped glossary (inflection, compounds,
    abbreviations, false friends like "Kita", "ki", "ehrenamtlichen", "Ratgeber")."""
    g = load_glossaries()
    cases = _cases()
    assert len(cases) >= 50
    expected_total = found_total = correct = 0
    wrong = []
    for sentence, expected in cases:
        got = [(m.surface, m.entry.id) for m in g.match(sentence)]
        expected_total += len(expected)
        found_total += len(got)
        correct += len(set(got) & set(expected))
        if got != expected:
            wrong.append(f"{sentence!r}: got {got}, expected {expected}")
    assert wrong == []
    assert correct == expected_total == found_total


def test_soft_hyphens_and_decomposed_umlauts_do_not_hide_terms(small_glossary: Path) -> None:
    g = load_glossaries([small_glossary])
    text = "Die Integrations\u00adkurse des Kreises und die Landra\u0308te"
    matches = g.match(text)
    assert [(m.surface, m.entry.id) for m in matches] == [
        ("Integrations\u00adkurse", "integrationskurs"), ("Kreises", "kreis")]
    for m in matches:
        assert text[m.start:m.end] == m.surface


def test_decomposed_umlaut_in_a_term_is_found_with_original_offsets() -> None:
    g = load_glossaries()
    text = "Bei der Einbu\u0308rgerung hilft die Ausla\u0308nderbeho\u0308rde."
    found_ids = [(m.entry.id, text[m.start:m.end] == m.surface) for m in g.match(text)]
    assert found_ids == [("einbuergerung", True), ("auslaenderbehoerde", True)]


def test_nouns_made_from_adjectives_decline_like_adjectives(tmp_path: Path) -> None:
    from tests.glossary.conftest import write  # noqa: PLC0415

    path = write(tmp_path / "g.yaml", """
        entries:
          - id: teilnehmende
            term: Teilnehmende
          - id: gefluechtete
            term: Geflüchtete
        """)
    g = load_glossaries([path])
    text = "Ein Geflüchteter sprach mit den Teilnehmenden; jeder Teilnehmender bekam Geflüchteten-Hilfe."
    assert [(m.surface, m.entry.id) for m in g.match(text)] == [
        ("Geflüchteter", "gefluechtete"), ("Teilnehmenden", "teilnehmende"), ("Teilnehmender", "teilnehmende"),
        ("Geflüchteten", "gefluechtete")]
