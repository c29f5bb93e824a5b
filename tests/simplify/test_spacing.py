"""Rewritten sentences are rebuilt from tokens: punctuation and quotation marks must sit as a typesetter
would put them, in every quotation style German texts use."""

from __future__ import annotations

import pytest

from lesbar.simplify.analysis import join_tokens, tokenize


@pytest.mark.parametrize("text", [
    "Er sprach: »Ich komme morgen.« Dann ging er.",        # German guillemets point inwards
    "Sie sagte: «Das ist gut.» Und ging.",                 # Swiss guillemets point outwards
    "Das Motto »Vielfalt leben« passt.",
    "„Wir sind da“, sagte sie.",
    'Er rief "Hallo" und lachte.',
    "Die Nummer ist 02303 27-1234.",
])
def test_tokens_join_back_to_the_text_they_came_from(text: str) -> None:
    assert join_tokens(tokenize(text)) == text
