"""Joining PDF lines: line-end hyphens are removed only where they are hyphenation."""

from __future__ import annotations

import pytest

from lesbar.language.hyphenation import join_lines


@pytest.mark.parametrize("lines, joined", [
    (["Auch bei mir zu Hause wer-", "den zwei Sprachen gesprochen"], "Auch bei mir zu Hause werden zwei Sprachen gesprochen"),
    (["während der Corona-", "Pandemie"], "während der Corona-Pandemie"),
    (["die haupt- und", "ehrenamtlichen Akteure"], "die haupt- und ehrenamtlichen Akteure"),
    (["die haupt-", "und ehrenamtlichen Akteure"], "die haupt- und ehrenamtlichen Akteure"),
    (["Migrations-", "oder Integrationsarbeit"], "Migrations- oder Integrationsarbeit"),
    (["VON ANNA-", "PETRA THOMAS"], "VON ANNA-PETRA THOMAS"),
    (["FOTO: MARKUS WEI-", "DENFELD"], "FOTO: MARKUS WEIDENFELD"),
    (["VON ANNA-PETRA SCHULTE-BRINK-", "MANN"], "VON ANNA-PETRA SCHULTE-BRINKMANN"),  # a common word joined
    (["VON HANS-", "JÜRGEN KLEIN-", "HEYDEN"], "VON HANS-JÜRGEN KLEIN-HEYDEN"),
    (["ein 26-", "köpfiges Team"], "ein 26-köpfiges Team"),
    (["im Jahr 2014-", "2015"], "im Jahr 2014-2015"),
    (["Inte\u00ad", "gration"], "Integration"),
    (["Inte\u00adgra-", "tion und mehr"], "Integration und mehr"),
    (["Ende des Satzes.", "Neuer Satz"], "Ende des Satzes. Neuer Satz"),
    (["  viel   Platz ", "", " danach "], "viel Platz danach"),
    (["Glanzstoff-", "Fabriken in Oberbruch"], "Glanzstoff-Fabriken in Oberbruch"),
])
def test_join_lines(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


def test_a_dash_between_words_is_not_a_hyphen() -> None:
    assert join_lines(["Kräfte bündeln –", "das waren die Ziele"]) == "Kräfte bündeln – das waren die Ziele"
