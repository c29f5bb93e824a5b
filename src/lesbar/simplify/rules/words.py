"""Rule 5a ``words``: glossary terms explained or replaced, difficult words replaced or marked.

* A glossary term gets a :class:`~lesbar.model.TermRef`; at its first use in the document it is
  explained: Leichte Sprache takes the first sentence of the entry's ``leicht`` text as a sentence right
  after the one using it, and the whole text goes into the word list ("Wörterbuch") at the end;
  Einfache Sprache takes the ``einfach`` text. Entries without an explanation but with a ``plain``
  replacement are replaced where the text uses the base form (other forms would need inflecting).
* Words from ``data/replacements.tsv`` (jedoch → aber, zahlreiche → viele) are replaced.
* Rare words (wordfreq Zipf frequency below the level's threshold) that the glossary does not cover
  get a review comment: the rule cannot invent an explanation.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from lesbar.simplify.analysis import Tok, tokenize
from lesbar.simplify.clauses import quoted
from lesbar.simplify.resources import idioms, replacements
from lesbar.simplify.units import Unit

if TYPE_CHECKING:
    from lesbar.simplify.context import Context
    from lesbar.simplify.rules import Finding

ID = "words"
PRIORITY = 110
LEVELS = ("leicht", "einfach")
HEADINGS = True


#: prepositions with the genitive whose plain replacement takes another case
_GENITIVE_PREPOSITIONS = {"bezüglich", "hinsichtlich", "seitens", "aufgrund", "infolge", "anlässlich", "mittels",
                          "zwecks", "bezugnehmend"}
#: replacements that mean "now": wrong in a sentence told in the past
_NOW = {"jetzt", "bis jetzt"}


def _past_tense(tokens: list[str]) -> bool:
    """Whether the sentence is told in the past: a finite preterite of sein/haben/werden or of a full verb."""
    from lesbar.simplify.analysis import analyze
    from lesbar.simplify.morphology import verb_table

    for t in analyze(tokens):
        if t.is_finite:
            table = verb_table(t.lemma)
            if table is not None and t.text.lower() in table.preterite and t.text.lower() not in table.present:
                return True
    return False


@lru_cache(maxsize=50_000)
def zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "de")


def glossary_matches(text: str, ctx: Context) -> list:
    if ctx.glossary is None or not text:
        return []
    try:
        return list(ctx.glossary.match(text))
    except Exception:  # noqa: BLE001 - a broken glossary must not stop simplification
        return []


def _explanation(entry, level: str) -> list[str]:  # noqa: ANN001
    """The entry's explanation for ``level`` as sentences."""
    text = (entry.leicht if level == "leicht" else entry.einfach or entry.leicht) or ""
    raw = [line.strip() for line in text.splitlines() if line.strip()]
    lines: list[str] = []
    for line in raw:  # "Vielfalt bedeutet:" + "Menschen sind verschieden." is one sentence
        if lines and lines[-1].endswith(":"):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    if level == "einfach" and len(lines) == 1:
        lines = [s.strip() for s in re.split(r"(?<=[.!?])\s+", lines[0]) if s.strip()]
    return lines


def is_difficult(tok: Tok, threshold: float) -> bool:
    """A rare word: not a name, number or abbreviation; rarer than ``threshold`` (Zipf scale) as written
    and as its lemma ("Rathäusern" is rare, "Rathaus" is not); compounds of frequent parts
    ("Tanzgruppen") are long, not difficult."""
    w = tok.text
    if tok.tag in ("NE", "CARD") or not w.isalpha() or w.isupper() or len(w) < 6:
        return False
    if zipf(w) >= threshold or (tok.lemma.isalpha() and zipf(tok.lemma) >= threshold):
        return False
    if tok.tag in ("NN", "NNA"):
        from lesbar.simplify.rules.compounds import split_compound

        base = tok.lemma if tok.lemma[:1].isupper() and tok.lemma.isalpha() else w
        if len(split_compound(base)) > 1:
            return False
    return True


def _explain(m, unit: Unit, ctx: Context, extra: list[Unit]) -> bool:  # noqa: ANN001
    """Add the explanation of the glossary match ``m`` after ``unit`` the first time its entry is used
    (returns whether it was added now)."""
    entry = m.entry
    lines = _explanation(entry, ctx.level)
    if not lines or entry.id in ctx.explained:
        return False
    ctx.explained[entry.id] = "\n".join(lines)
    ctx.explained_terms[entry.id] = entry.term
    first = lines[:1] if ctx.level == "leicht" else lines[:2]
    for line in first:
        extra.append(Unit(tokenize(line), source=list(unit.source), rules=[ID], kind="explanation", topic=m.surface))
    ctx.explained_words.update(m.surface.split())
    ctx.explained_words.update(entry.abbreviations)
    return True


_DETERMINER_WORDS = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
                     "ihr", "ihren", "ihrem", "sein", "seinen", "seinem", "keinen", "kein", "diesen", "dieser", "diesem"}


def _in_idiom(m, text: str, unit: Unit) -> bool:  # noqa: ANN001
    """Whether the glossary match is a word of a fixed everyday phrase ("Geben Sie uns Bescheid"): the term
    without a determiner before it, in a clause with one of the phrase's verbs (``data/idioms.tsv``)."""
    verbs = idioms().get(m.surface)
    if not verbs:
        return False
    before = text[: m.start].split()
    if before and before[-1].lower() in _DETERMINER_WORDS:
        return False  # "einen Bescheid geben": the official letter
    return any(t.lemma in verbs for t in unit.toks())


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    level = ctx.level
    text = unit.text
    changed = False
    tokens = list(unit.tokens)
    explained = dict(unit.explained)
    terms = dict(unit.terms)
    extra: list[Unit] = []
    # glossary
    matches = [m for m in glossary_matches(text, ctx) if not _in_idiom(m, text, unit)]
    replace_spans: list[tuple[int, int, str]] = []
    for m in matches:
        entry = m.entry
        terms[m.surface] = (entry.id, getattr(entry, "source", "") or "")
        changed = True
        if entry.dnt or ctx.in_heading:
            continue
        if _explain(m, unit, ctx, extra):
            explained[m.surface] = " ".join(_explanation(entry, level))
            continue
        if _explanation(entry, level):
            continue
        plain = entry.plain or (entry.einfach if level == "einfach" and len(entry.einfach.split()) <= 3 else "")
        if plain and m.surface in (entry.term, *entry.variants):
            replace_spans.append((m.start, m.end, plain))
    if unit.speaker and not ctx.in_heading:
        # "Die Agentur für Arbeit sagt:": a term in the speech frame is explained like one in the sentence
        for m in glossary_matches(unit.speaker, ctx):
            if not m.entry.dnt and _explain(m, unit, ctx, extra):
                changed = True
    if replace_spans:
        for a, b, plain in sorted(replace_spans, reverse=True):
            text = text[:a] + plain + text[b:]
        tokens = tokenize(text)
        ctx.counts[ID] += len(replace_spans)
        changed = True
    # word list replacements
    table = replacements(level)
    new_tokens = []
    inside = quoted(tokens)
    past = _past_tense(tokens)
    skip_next = False
    for i, w in enumerate(tokens):
        if skip_next:
            skip_next = False
            continue
        repl = table.get(w) or (table.get(w[:1].lower() + w[1:]) if i == 0 else None)
        nxt = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
        if repl and (i in inside or (past and repl in _NOW)):
            repl = None  # a quotation stays as said; "inzwischen war es dunkel" is no "jetzt"
        elif repl in _NOW and i > 0 and tokens[i - 1].lower() in ("statt", "anstatt", "als", "wie"):
            repl = None  # "16 statt bisher 22": the earlier number, not one that holds now
        elif repl and w.lower() in _GENITIVE_PREPOSITIONS and nxt in ("des", "der", "eines", "einer", "von"):
            if repl == "wegen" and nxt == "von":
                skip_next = True  # "aufgrund von Bauarbeiten" → "wegen Bauarbeiten"
            elif repl != "wegen":
                repl = None  # "bezüglich des Antrags" would need another case after "über"
        if repl:
            if i == 0:
                repl = repl[:1].upper() + repl[1:]
            new_tokens.extend(repl.split(" "))
            ctx.counts[ID] += 1
            changed = True
        else:
            new_tokens.append(w)
    new = unit.derive(new_tokens, ID, explained=explained, terms=terms)
    # difficult words that nothing explains
    covered = {w for m in matches for w in m.surface.split()}
    from lesbar.simplify.analysis import analyze

    hard = [t.text for t in analyze(new_tokens) if is_difficult(t, ctx.options.rare_zipf) and t.text not in covered]
    if hard and not ctx.in_heading:
        new.comment(ID, "Schweres Wort: durch ein leichtes Wort ersetzen oder erklären", hard)
        changed = True
    if not changed:
        return None
    return [new] + extra


def check(toks: list[Tok], ctx: Context) -> list[Finding]:
    from lesbar.simplify.rules import Finding

    text = " ".join(t.text for t in toks)
    covered = {w for m in glossary_matches(text, ctx) for w in m.surface.split()}
    hard = [t.text for t in toks if is_difficult(t, ctx.options.rare_zipf) and t.text not in covered
            and t.text not in ctx.explained_words]
    table = replacements(ctx.level)
    listed = [t.text for t in toks if t.text in table]
    out = []
    if hard:
        out.append(Finding(ID, "Schweres Wort: durch ein leichtes Wort ersetzen oder erklären", hard))
    if listed:
        out.append(Finding(ID, "Es gibt ein leichteres Wort", listed))
    return out
