"""The review report is read by editors: its labels are German and say how to read each number."""

from __future__ import annotations

from lesbar.pipeline.report import write_report_html


def test_readability_measures_have_german_names_that_say_which_way_is_easier() -> None:
    report = {
        "document": {"title": "Vielfalt leben", "source": "bericht.docx", "language": "de"},
        "variants": {"leicht": {"readability": {
            "flesch_amstad": {"before": 48.9, "after": 55.6},
            "wiener_sachtextformel": {"before": 9.2, "after": 8.2},
            "lix": {"before": 47.5, "after": 42.5},
            "avg_sentence_length": {"before": 15.9, "after": 9.2},
        }}},
    }
    html = write_report_html(report)
    assert "Flesch-Amstad (0–100, höher = leichter)" in html
    assert "Wiener Sachtextformel (Schulstufe, niedriger = leichter)" in html
    assert "Wörter je Satz (Durchschnitt)" in html
    assert "flesch_amstad" not in html and "avg_sentence_length" not in html
