"""The unit the rules work on: one draft sentence as token strings, with where it came from.

A :class:`Unit` is cheap to copy; rules return new units instead of mutating, so that every output
sentence carries the ids of the original sentence(s) and the ids of the rules that shaped it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from lesbar.model import Comment
from lesbar.simplify.analysis import Tok, analyze, join_tokens


@dataclass
class Unit:
    tokens: list[str]
    source: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    #: who said it (indirect speech made direct); rendered as "<speaker> sagt: …" when finishing
    speaker: str = ""
    #: words of the speech frame that carry meaning ("bei der ersten Fahrt"): "<speaker> sagt <tail>: …"
    speech_tail: list[str] = field(default_factory=list)
    #: the frame's verb when "sagt" would lose its meaning ("widersprechen" → "<speaker> widerspricht: …")
    speech_verb: str = ""
    #: the content is a reported main clause without "dass" ("sie sagte, viele lebten hier"): its
    #: preterite-looking verbs are Konjunktiv II and mean the present
    reported: bool = False
    #: "sentence", "heading", "explanation" (added by a rule), "list" (items in ``items``)
    kind: str = "sentence"
    #: the word an explanation explains ("Integrationsministerium")
    topic: str = ""
    #: the source sentence had no final punctuation (a label line, a signature): when only its words
    #: change, no full stop is added
    line: bool = False
    items: list[list[str]] = field(default_factory=list)
    #: surface word → explanation, shown as an Explained inline
    explained: dict[str, str] = field(default_factory=dict)
    #: surface word → glossary term id, shown as a TermRef inline
    terms: dict[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return join_tokens(self.tokens)

    def toks(self) -> list[Tok]:
        return analyze(self.tokens)

    def derive(self, tokens: list[str], rule: str, **changes: object) -> Unit:
        """A new unit from this one with ``tokens``, recording ``rule``."""
        rules = self.rules + ([rule] if rule not in self.rules else [])
        fields: dict[str, object] = {
            "comments": list(self.comments),
            "explained": dict(self.explained),
            "terms": dict(self.terms),
            "items": [list(i) for i in self.items],
        }
        fields.update(changes)
        return replace(self, tokens=list(tokens), rules=rules, **fields)  # type: ignore[arg-type]

    def comment(self, rule: str, message: str, words: list[str] | None = None) -> None:
        if not any(c.rule == rule and c.message == message for c in self.comments):
            self.comments.append(Comment(message=message, rule=rule, words=list(words or [])))


def end_sentence(tokens: list[str]) -> list[str]:
    """Make ``tokens`` a sentence: strip stray commas/conjunctions at the edges, end with a full stop,
    start with a capital letter."""
    toks = list(tokens)
    while toks and toks[0] in {",", ";", "-", "–"}:
        toks.pop(0)
    while toks and toks[-1] in {",", ";", "-", "–", ":"}:
        toks.pop()
    if not toks:
        return toks
    closing_quote = toks[-1] in {"“", "”", "«", "'"} and len(toks) > 1
    last = toks[-2] if closing_quote else toks[-1]
    if last not in {".", "!", "?", "…"} and not (len(last) > 1 and last.endswith(".")):  # "Nr. 0." ends already
        if closing_quote and not _quoted_title(toks):
            toks.insert(len(toks) - 1, ".")
        else:
            toks.append(".")
    toks[0] = capitalize(toks[0])
    return toks


def _quoted_title(toks: list[str]) -> bool:
    """"für das Stück „Zwischen zwei Welten“": a short quotation inside the sentence is a title; the full
    stop goes after its closing mark (a quotation that is the whole statement takes it inside)."""
    opening = max((k for k, t in enumerate(toks) if t in {"„", "»", "‚", '"'}), default=-1)
    if opening <= 0:
        return False
    span = toks[opening + 1 : -1]
    return 0 < len(span) <= 6 and not any(t in {".", "!", "?", ",", ":"} for t in span)


def capitalize(word: str) -> str:
    return word[:1].upper() + word[1:] if word else word
