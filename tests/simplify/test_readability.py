"""Readability formulas (computed directly, vowel-group syllables)."""

from __future__ import annotations

from lesbar.simplify.readability import compare, scores, syllables


def test_syllables_are_vowel_groups() -> None:
    assert syllables("Haus") == 1
    assert syllables("Konferenz") == 3
    assert syllables("Integrationskonferenz") == 7  # In-te-gra-tio-ns-kon-fe-renz: "io" is one group
    assert syllables("Hmm") == 1


def test_flesch_amstad_by_hand() -> None:
    # 2 sentences, 6 words, syllables: Das(1) Haus(1) ist(1) groß(1) Wir(1) wohnen(2) → 7
    s = scores(["Das Haus ist groß.", "Wir wohnen."])
    asl, asw = 6 / 2, 7 / 6
    assert s.flesch_amstad == round(180 - asl - 58.5 * asw, 1)
    assert s.lix == round(asl + 0, 1)  # no word longer than 6 letters


def test_shorter_sentences_and_words_read_easier() -> None:
    long = ["Die Integrationskonferenz des Kreises wurde von zahlreichen Teilnehmenden besucht."]
    short = ["Viele Menschen waren bei der Konferenz.", "Sie war im Kreis."]
    result = compare(long, short)
    assert result["flesch_amstad"]["after"] > result["flesch_amstad"]["before"]
    assert result["wiener_sachtextformel"]["after"] < result["wiener_sachtextformel"]["before"]


def test_empty_text_scores_zero_instead_of_failing() -> None:
    assert scores([]).words == 0
