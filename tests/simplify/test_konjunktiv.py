"""Rule ``konjunktiv``: detection (ablaut tables) and conversion to the indicative."""

from __future__ import annotations

from lesbar.simplify.analysis import analyze_text
from lesbar.simplify.morphology import konjunktiv
from lesbar.simplify.rules.konjunktiv import detect

from .conftest import DATA, doc_of


def _cases() -> list[tuple[str, set[str]]]:
    rows = []
    for line in (DATA / "konjunktiv_cases.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sentence, _, forms = line.partition("\t")
        rows.append((sentence, {f for f in forms.split(",") if f}))
    return rows


def _simplify(text: str, level: str = "einfach") -> list[str]:
    from lesbar.simplify import simplify_document

    return [s.text for s in simplify_document(doc_of(text), level).document.sentences()]


def test_seed_konjunktiv_i_forms_map_to_their_indicative() -> None:
    # forms from the sample report
    assert konjunktiv("sei", "sein").indicative == "ist"
    assert konjunktiv("seien", "sein").indicative == "sind"
    assert konjunktiv("könne", "können").indicative == "kann"
    assert konjunktiv("gelte", "gelten").indicative == "gilt"
    assert konjunktiv("generiere", "generieren").indicative == "generiert"


def test_separable_verb_in_verb_final_clause_keeps_its_particle() -> None:
    mood = konjunktiv("vorhätten", "vorhaben")
    assert mood is not None and mood.indicative == "vorhaben"


def test_indicative_forms_that_look_alike_are_not_konjunktiv() -> None:
    assert konjunktiv("haben", "haben") is None  # plural: same in both moods
    assert konjunktiv("gingen", "gehen") is None  # Konjunktiv II equals the preterite
    assert konjunktiv("hat", "haben") is None
    assert konjunktiv("möchte", "mögen") is None  # a verb of its own in use


def test_habe_is_konjunktiv_unless_ich_is_near() -> None:
    toks = analyze_text("Sie sagt, sie habe Hunger.")
    assert [toks[i].text for i, _ in detect(toks)] == ["habe"]
    toks = analyze_text("Ich habe Hunger.")
    assert detect(toks) == []


def test_detector_precision_and_recall_on_own_sentences() -> None:
    tp = fp = fn = 0
    misses = []
    for sentence, expected in _cases():
        toks = analyze_text(sentence)
        found = {toks[i].text for i, _ in detect(toks)}
        tp += len(found & expected)
        fp += len(found - expected)
        fn += len(expected - found)
        if found != expected:
            misses.append((sentence, sorted(found), sorted(expected)))
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    print(f"Konjunktiv on {len(_cases())} own sentences: precision {precision:.2f}, recall {recall:.2f}; {misses}")
    assert precision >= 0.95, misses
    assert recall >= 0.85, misses


def test_konjunktiv_sentence_from_the_seed_becomes_indicative() -> None:
    out = _simplify("Im eigentlichen Integrationsprozess nähmen die Kommunen eine Vorreiterrolle ein.")
    assert out == ["Im eigentlichen Integrationsprozess nehmen die Kommunen eine Vorreiterrolle ein."]


def test_wuerde_with_infinitive_becomes_present_tense() -> None:
    out = _simplify("Nur ein demokratischer Konsens würde den extremen Kräften den Boden entziehen.")
    assert any("entzieht den extremen Kräften den Boden" in s for s in out), out
    assert not any("würde" in s for s in out)


def test_wuerde_with_separable_verb_puts_the_particle_back() -> None:
    out = _simplify("Die Stadt würde die Kinder mitnehmen, sagte der Kämmerer Paul Meier.")
    assert any("nimmt die Kinder mit" in s for s in out), out


def test_wuerde_gern_is_a_wish_said_with_moechte() -> None:
    """"würde gern" wants something; the present ("übernimmt gern") would say it is done."""
    out = _simplify("Die Stadt würde die Kosten gerne übernehmen, sagte der Kämmerer Paul Meier.")
    assert any("möchte die Kosten gerne übernehmen" in s for s in out), out
    assert not any("würde" in s for s in out), out
