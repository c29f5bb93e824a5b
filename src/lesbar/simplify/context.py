"""State shared by the rules while one document is simplified: level, glossary, who is speaking,
which words were already explained, acronyms the text defines, and counters for the report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Person:
    name: str  # "Stephan Pusch"
    role: str = ""  # "Landrat"
    #: "f" or "m" where the text shows it ("die Leiterin", "dem neunjährigen Karim"), else "": a later
    #: description ("erzählt die 71-Jährige") must not be given to someone of the other gender
    gender: str = ""
    #: the age the text gives ("der 71-jährige Elektromeister"): "Der 22-Jährige" is then someone else
    age: int | None = None

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    def display(self, first: bool) -> str:
        return f"{self.role} {self.name}".strip() if first else self.name


@dataclass
class Options:
    """Which rules run: ``split_compounds`` is on for Leichte Sprache, off for Einfache Sprache."""

    level: str = "leicht"
    max_words: int = 15
    split_compounds: bool = True
    resolve_speech: bool = True
    rare_zipf: float = 2.5


def options_for(level: str, split_compounds: bool | None = None) -> Options:
    if level == "einfach":
        opts = Options(level="einfach", max_words=20, split_compounds=False, rare_zipf=2.0)
    else:
        opts = Options(level="leicht", max_words=15, split_compounds=True, rare_zipf=2.5)
    if split_compounds is not None:
        opts.split_compounds = split_compounds
    return opts


@dataclass
class Context:
    options: Options
    glossary: Any = None
    persons: list[Person] = field(default_factory=list)
    named: set[str] = field(default_factory=set)  # persons already introduced with their role
    current_speaker: Person | None = None
    last_person: Person | None = None
    #: words the text uses as names of places ("in Hohenlinden", "Hohenlinden, den 16. Dezember"): never
    #: split as compounds, also where the sentence alone does not show it ("Hohenlinden liegt …")
    place_names: set[str] = field(default_factory=set)
    #: persons in the order the text last named them, up to the sentence being simplified
    seen: list[Person] = field(default_factory=list)
    acronyms: dict[str, str] = field(default_factory=dict)  # defined in the text: "KI" → "Kommunales …"
    explained: dict[str, str] = field(default_factory=dict)  # term id/word → explanation (Wörterbuch)
    explained_terms: dict[str, str] = field(default_factory=dict)  # term id → the word shown in the list
    explained_words: set[str] = field(default_factory=set)  # surfaces explained in the text (checker)
    counts: Counter[str] = field(default_factory=Counter)
    in_heading: bool = False
    block_index: int = 0
    last_speech_block: int = -1
    #: the paragraph in which ``last_person`` was last named ("… lobte die Gastfreundschaft. Viele hätten …")
    last_person_block: int = -1
    #: the paragraph in which ``last_person`` was the subject of a speech verb without a statement ("Die
    #: Bürgermeisterin berichtete von ihrer Gemeinde. Dort lebten inzwischen …": what follows is her report)
    last_report_block: int = -1
    #: the text addresses its reader as "Sie" ("Ihnen", "Sie"/"Ihr…" inside a sentence): a capital "Ihr…"
    #: that a rule moves from the start of a sentence is then the polite "your"
    polite: bool = False
    #: the tokens of the source sentence before the one being simplified: where a continued report's
    #: "er"/"sie" may find another antecedent than the speaker
    previous_sentence: list[str] = field(default_factory=list)
    #: the speaker whose statement in the sentence before was made first person ("ich"): a continued
    #: report's "er"/"sie" goes on with that subject
    first_person_speaker: str = ""

    @property
    def level(self) -> str:
        return self.options.level

    def find_person(self, name_tokens: list[str]) -> Person | None:
        """The person of that name, or of that surname when only one of the two names has a first
        name ("Pusch" → "Stephan Pusch"); "Rana Haddad" is not "Samir Haddad"."""
        name = " ".join(name_tokens)
        for p in reversed(self.persons):
            if p.name == name:
                return p
            if p.surname == name_tokens[-1] and (len(name_tokens) == 1 or len(p.name.split()) == 1) \
                    and p.name.split()[0] not in ("Der", "Die", "Das", "Ein", "Eine"):
                return p  # (a description "Die Mutter von Amira" or "Die Hebammen" has no surname)
        return None

    def mention(self, person: Person) -> None:
        """``person`` was named just now: the most recent candidate for a later "die 71-Jährige"."""
        if person in self.seen:
            self.seen.remove(person)
        self.seen.append(person)

    def speaker_name(self, person: Person) -> str:
        first = person.name not in self.named
        self.named.add(person.name)
        return person.display(first)
