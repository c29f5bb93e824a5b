"""Apply the rules to a whole document and build the draft: a new Document plus the review report.

Sentences are processed in reading order because some rules need what came before (who spoke last,
which words are already explained). The clause rules are repeated until nothing changes (one clause
per step); a rule result that would leave a sentence without a finite verb is refused (rule 10).
"""

from __future__ import annotations

import copy
import logging
import re
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from lesbar.model import (
    BlockQuote,
    Cell,
    Document,
    Explained,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    PullQuote,
    Row,
    Sentence,
    Strong,
    Table,
    TermRef,
    Text,
)
from lesbar.model.nodes import Block, Inline
from lesbar.simplify.analysis import Tok, analyze, join_tokens, tokenize, warm_up
from lesbar.simplify.checker import WORDLIST_TITLE, check_sentence, fragment_sentences, summarize
from lesbar.simplify.clauses import quote_balance, quoted
from lesbar.simplify.context import Context, options_for
from lesbar.simplify.places import place_names
from lesbar.simplify.readability import compare
from lesbar.simplify.rules import RULESET_VERSION, Finding, rules_for
from lesbar.simplify.rules.finite_verb import has_finite_verb, is_salutation
from lesbar.simplify.rules.speech import PERFECT, says
from lesbar.simplify.units import Unit, end_sentence
from lesbar.transforms.segment import number_sentences

log = logging.getLogger(__name__)

_REPEAT = {"subordinate_clauses": 8, "split_coordination": 8}


@dataclass
class SimplifyOutcome:
    document: Document
    report: dict[str, Any]
    notes: list[str] = field(default_factory=list)


def _fragment_free(units: list[Unit]) -> bool:
    return all(has_finite_verb(u.toks()) for u in units if u.kind == "sentence")


def _quotes_kept(before: Unit, units: list[Unit]) -> bool:
    """A sentence whose quotation marks are balanced gives sentences whose marks are balanced: a split
    must never leave a stray „ or “ ("„dient dazu, …")."""
    if quote_balance(before.tokens) != 0 or before.tokens.count('"') % 2:
        return True  # a quotation over several sentences: its marks are already open
    return all(quote_balance(toks) == 0 and toks.count('"') % 2 == 0
               for u in units for toks in [u.tokens, *u.items])


def _semicolon_parts(tokens: list[str]) -> list[list[str]]:
    """"Der Bedarf sei groß, erklärte sie; der Anteil liege bei 85.000 Euro.": a speech frame before a
    semicolon ends its sentence, so the main clauses are sentences of their own before any rule runs.
    Only when every part has a finite verb and the semicolon stands outside quotation marks."""
    inside = quoted(tokens)
    cuts = [k for k, w in enumerate(tokens) if w == ";" and k not in inside and 0 < k < len(tokens) - 1]
    if not cuts:
        return [tokens]
    parts, start = [], 0
    for k in cuts + [len(tokens)]:
        part = tokens[start:k]
        if k < len(tokens):
            part = part + ["."]
        if part and part[0][:1].islower():
            part[0] = part[0][:1].upper() + part[0][1:]
        parts.append(part)
        start = k + 1
    analysed = [analyze(p) for p in parts]
    if not all(has_finite_verb(a) for a in analysed):
        return [tokens]
    if not any(_ends_with_frame(a) for a in analysed[:-1]):
        return [tokens]  # the coordination rule splits the others, with what it knows of the whole sentence
    return parts


def _ends_with_frame(toks: list[Tok]) -> bool:
    """"…, erklärte sie." : the sentence's last comma segment starts with a speech verb."""
    from lesbar.simplify.rules.speech import is_speech_verb

    commas = [k for k, t in enumerate(toks) if t.text == ","]
    return bool(commas) and commas[-1] + 1 < len(toks) and is_speech_verb(toks[commas[-1] + 1], toks, commas[-1] + 1)


def run_rules(unit: Unit, ctx: Context, heading: bool = False) -> list[Unit]:
    """All rules of the level over one sentence, in priority order."""
    units = [unit]
    for rule in rules_for(ctx.level):
        if heading and not rule.HEADINGS:
            continue
        for _ in range(_REPEAT.get(rule.ID, 1)):
            changed = False
            out: list[Unit] = []
            for u in units:
                if u.kind in ("explanation", "list"):
                    out.append(u)  # glossary explanations are already plain; lists are finished
                    continue
                result = rule.apply(u, ctx)
                if result and len(result) > 1 and not _fragment_free(result):
                    result = None  # rule 10: never leave fragments
                if result and not _quotes_kept(u, result):
                    result = None
                if result:
                    changed = changed or [r.tokens for r in result] != [u.tokens]
                    out.extend(result)
                else:
                    out.append(u)
            units = out
            if not changed:
                break
    return [_she_in_lower_case(u) for u in units]


def _she_in_lower_case(unit: Unit) -> Unit:
    """"Trotzdem will sie weitermachen": a sentence's first word "Sie" that a rule moved inside the sentence
    is "sie" when its verb is singular; the polite "Sie" always takes the plural ("Sie wollen")."""
    if not unit.rules or "Sie" not in unit.tokens[1:]:
        return unit
    from lesbar.simplify.rules.subordinate_clauses import verb_number

    toks = unit.toks()
    words = list(unit.tokens)
    for k in range(1, len(toks)):
        if toks[k].text != "Sie" or toks[k].tag != "PPER" or toks[k - 1].text in (":", "„", "»", "\"", "(", "–"):
            continue
        if toks[k - 1].is_finite:  # "Trotzdem will Sie": the subject after the verb, with nothing else before it
            verb = toks[k - 1] if not any(t.is_noun or t.tag in ("PPER", "PIS", "PDS", "ART", "PRELS", "PWS")
                                          for t in toks[: k - 1]) else None
        else:  # "…, und Sie will …"
            verb = toks[k + 1] if k + 1 < len(toks) and toks[k + 1].is_finite and toks[k - 1].text in (
                ",", "und", "aber", "oder", "denn") else None
        if verb is not None and verb_number(verb) == "singular":
            words[k] = "sie"
    return unit if words == unit.tokens else unit.derive(words, unit.rules[-1])


#: words a sentence cannot end with: a line ending in one introduces what follows (a list)
_OPEN_ENDINGS = {"bei", "für", "mit", "von", "zu", "an", "auf", "in", "um", "über", "die", "der", "das", "den",
                 "dem", "und", "oder", "wie", "z.", "als"}


#: what ends a sentence in the source; a sentence without it is a line ("Ort: Stadtbibliothek")
_SENTENCE_ENDS = {".", "!", "?", "…", "“", "”", "\"", "»", ":"}


#: third person singular forms not ending in -t: after them "Sie" is "she", never the polite address
_SINGULAR_VERBS = {"war", "kann", "muss", "will", "soll", "darf", "mag", "weiß", "wird", "sei", "habe", "könne",
                   "müsse", "wolle", "solle", "dürfe", "werde", "wäre", "hätte", "könnte", "würde"}
#: pronouns whose capital makes them the polite address
_POLITE_FORMS = {"Sie", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres"}


def _paragraph_number(tokens: list[str]) -> int:
    """How many tokens number the sentence ("(1)", "a)", "(3a)"): 0 when it is not numbered."""
    if len(tokens) > 4 and tokens[0] == "(" and tokens[2] == ")" and (tokens[1].isdigit() or (
            len(tokens[1]) <= 3 and tokens[1][:1].isdigit() and tokens[1][1:].isalpha()) or (
            len(tokens[1]) == 1 and tokens[1].islower())):
        return 3
    return 0


def _finish_tokens(unit: Unit, polite: bool = True) -> list[str]:
    tokens = list(unit.tokens)
    if unit.kind in ("sentence", "explanation") and (unit.rules or unit.speaker):
        if unit.line and not unit.speaker and tokens and tokens[-1] not in {".", "!", "?", ":"}:
            # "Ort: Stadt-Bibliothek", a signature line: only words changed; a line stays a line
            if not tokens[0].endswith("."):  # ("gez. Doktor Klaus Wiemers": an abbreviation keeps its case)
                tokens = [tokens[0][:1].upper() + tokens[0][1:]] + tokens[1:]
        elif tokens and (tokens[-1] == ":" or tokens[-1].lower() in _OPEN_ENDINGS) and not unit.speaker:
            # "… folgende Themen:" or "Wir helfen zum Beispiel bei" before a list: no full stop
            tokens = [tokens[0][:1].upper() + tokens[0][1:]] + tokens[1:]
        else:
            tokens = end_sentence(tokens)  # a sentence no rule touched keeps its punctuation ("VON ANNA …")
    if unit.speaker and tokens:
        singular = tokens[0] == "Sie" and len(tokens) > 1 and (tokens[1].endswith("t") or tokens[1] in _SINGULAR_VERBS)
        if not polite and tokens[0] in _POLITE_FORMS and not singular:  # ("Sie ist krank" is "she")
            # "Die Eltern sagen: sie sind krank": in a text that never addresses its reader, "Sie"/"Ihre" after
            # the frame would read as the polite "you"; after the colon the small letter keeps "they"/"their"
            tokens = [tokens[0].lower()] + tokens[1:]
        tokens = unit.speaker.split() + [says(unit.speaker, unit.speech_verb)] + unit.speech_tail + [":"] + tokens
    return tokens


def _final_toks(unit: Unit, tokens: list[str]) -> list[Tok] | None:
    """Tags for the finished sentence without tagging it again: the speaker frame has known tags."""
    if not unit.speaker:
        return None
    n = len(unit.speaker.split())
    content = tokens[n + 2 + len(unit.speech_tail) :]
    frame = ([Tok(w, "NE", w) for w in unit.speaker.split()]
             + [Tok(says(unit.speaker, unit.speech_verb), "VA(FIN)", "haben") if unit.speech_verb.startswith(PERFECT)
                else Tok(says(unit.speaker, unit.speech_verb), "VV(FIN)", unit.speech_verb or "sagen")]
             + [Tok(w, "ADV", w) for w in unit.speech_tail] + [Tok(":", "$.", ":")])
    return frame + analyze(content)


def _inlines(text: str, unit: Unit) -> list[Inline]:
    """Text with the first occurrence of each explained word / glossary term wrapped."""
    spans: list[tuple[int, int, Inline]] = []
    taken: list[tuple[int, int]] = []
    marks = set(unit.explained) | set(unit.terms)
    for surface in sorted(marks, key=len, reverse=True):
        pos = text.find(surface)
        if pos < 0 or any(a < pos + len(surface) and pos < b for a, b in taken):
            continue
        node: Inline = Text(surface)
        if surface in unit.terms:
            term_id, glossary = unit.terms[surface]
            node = TermRef([node], term_id=term_id, glossary=glossary)
        if surface in unit.explained:
            node = Explained([node], explanation=unit.explained[surface])
        spans.append((pos, pos + len(surface), node))
        taken.append((pos, pos + len(surface)))
    out: list[Inline] = []
    cursor = 0
    for a, b, node in sorted(spans, key=lambda x: x[0]):
        if a > cursor:
            out.append(Text(text[cursor:a]))
        out.append(node)
        cursor = b
    if cursor < len(text):
        out.append(Text(text[cursor:]))
    return out


class Builder:
    """Walks the original document and builds the simplified one."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.pairs: list[tuple[Sentence, list[Finding]]] = []
        self.fragments: set[int] = set()
        #: ids of the glossary explanation sentences (they may move after a list that follows them)
        self.explanations: set[int] = set()
        self.prev_heading = False  # the block emitted last is a heading
        self.topic_level = 2
        self.topic_speaker = ""

    def sentence(self, unit: Unit, fragment: bool = False) -> Sentence:
        tokens = _finish_tokens(unit, self.ctx.polite)
        text = join_tokens(tokens)
        findings = check_sentence(text, self.ctx, fragment=fragment, toks=_final_toks(unit, tokens))
        s = Sentence(_inlines(text, unit), source=list(unit.source),
                     origin="rule:" + ",".join(unit.rules) if unit.rules else "source",
                     comments=list(unit.comments))
        for f in findings:
            if not any(c.rule == f.rule and c.message == f.message for c in s.comments):
                s.comments.append(_comment(f))
        if fragment:
            self.fragments.add(id(s))
        if unit.kind == "explanation":
            self.explanations.add(id(s))
        self.pairs.append((s, [_finding_of(c) for c in s.comments]))
        return s

    def units(self, sentences: list[Sentence], heading: bool = False) -> list[Unit]:
        out: list[Unit] = []
        for s in sentences:
            tokens = tokenize(s.text)
            if not tokens:
                continue
            # "Liebe Eltern,": a salutation gets only the word rules, like a heading, and keeps its comma
            line = heading or is_salutation(analyze(tokens))
            number = _paragraph_number(tokens) if not line else 0
            for part in ([tokens[number:]] if line else _semicolon_parts(tokens[number:])):
                unit = Unit(part, source=[s.id] if s.id else list(s.source),
                            kind="heading" if line else "sentence", line=bool(tokens) and tokens[-1] not in _SENTENCE_ENDS)
                result = run_rules(unit, self.ctx, heading=line)
                if number and result:
                    # "(1) Der Antrag wird geprüft.": the rules see the sentence, the number stays in front of it
                    result[0] = result[0].derive(tokens[:number] + result[0].tokens, result[0].rules[-1] if result[0].rules
                                                 else "structure")
                    number = 0
                out.extend(result)
                self.ctx.previous_sentence = part
        return out

    def topic_heading(self, units: list[Unit]) -> Heading | None:
        """Rule 9, a heading before each topic: in an event report a paragraph that mostly reports one
        person's words is that person's topic ("Das sagt Stephan Pusch"). Only for Leichte Sprache, only
        where the original has no heading right before, and not twice in a row for the same person."""
        if self.ctx.level != "leicht" or self.prev_heading:
            return None
        speakers = [_without_role(u.speaker) for u in units if u.kind == "sentence"]
        if len(speakers) < 2:
            return None
        name, n = Counter(speakers).most_common(1)[0]
        if not name or 2 * n <= len(speakers) or name == self.topic_speaker:
            return None
        self.topic_speaker = name
        if name.split()[0] in ("Ein", "Eine", "Der", "Die"):
            name = name[:1].lower() + name[1:]  # "Das sagt ein Sprecher von der Polizei"
        polite = next((u.speaker.split()[0] for u in units if u.kind == "sentence" and len(u.speaker.split()) == 2
                       and u.speaker.split()[0] in ("Frau", "Herr") and u.speaker.split()[1] == name), "")
        if polite:
            name = f"{polite} {name}"  # "Das sagt Frau Pohl", not "Das sagt Pohl"
        title = Sentence([Text(f"Das {says(name)} {name}")], source=sorted({i for u in units for i in u.source}),
                         origin="rule:structure")
        self.fragments.add(id(title))
        self.ctx.counts["structure"] += 1
        return Heading(self.topic_level, [title])

    def _too_long_with_frame(self, unit: Unit) -> bool:
        """Einfache Sprache keeps "X sagt: …" in one sentence unless the frame makes it too long or the
        statement has a colon of its own ("Sie freut sich: Der Verein wächst": no two colons in a row)."""
        from lesbar.simplify.readability import words_of

        inside = quoted(unit.tokens)
        if any(w == ":" and k not in inside for k, w in enumerate(unit.tokens)):
            return True
        return len(words_of(join_tokens(_finish_tokens(unit, self.ctx.polite)))) > self.ctx.options.max_words

    def speech_intro(self, unit: Unit) -> Sentence:
        """"Stephan Pusch sagt:" on a line of its own, before the statements of one speaker. The speech
        rule's review comments (a speaker found from a pronoun) belong here."""
        tokens = unit.speaker.split() + [says(unit.speaker, unit.speech_verb)] + unit.speech_tail + [":"]
        return self.sentence(Unit(tokens, source=list(unit.source), rules=["speech"], kind="intro",
                                  comments=[c for c in unit.comments if c.rule == "speech"]))

    def _speech_run(self, unit: Unit, run: tuple[str, tuple[str, ...]] | None, blocks: list[Block],
                    current: list[Sentence], lang: str | None) -> tuple[list[Sentence], tuple[str, tuple[str, ...]]]:
        """Continue the current speaker's paragraph, or close it and open a new one with "<Name> sagt:"."""
        key = _run_key(unit)
        if not _new_run(key, run):
            return current, run or key
        if current:
            blocks.append(Paragraph(current, lang=lang))
        return [self.speech_intro(unit)], key

    def text_blocks(self, sentences: list[Sentence], lang: str | None) -> list[Block]:
        """A paragraph's sentences → paragraph(s), with lists where an enumeration became one.

        In Leichte Sprache the statements of one speaker form a paragraph of their own that starts with
        "<Name> sagt:" on its own line, instead of repeating the frame in front of every sentence: the
        sentences stay short and the reader sees where the speaker's words begin and end."""
        blocks: list[Block] = []
        current: list[Sentence] = []
        units = _name_pointing_explanations(_explanations_after_quotations(self.units(sentences), self.ctx.polite),
                                            self.ctx)
        inside = _extend_speaker_over_quotation(units)
        heading = self.topic_heading(units)
        if heading is not None:
            blocks.append(heading)
        grouped = _in_runs(units, inside) if self.ctx.level != "leicht" else set()
        run: tuple[str, tuple[str, ...]] | None = None  # (speaker, frame words) of the current run
        last_frame: tuple[str, str] = ("", "")  # (speaker, frame verb) of the last sentence with its own verb
        for unit in units:
            if unit.kind == "list":
                if unit.speaker:  # "Katrin Möltgen-Sicking sagt:" / "Wichtige Faktoren sind:" / the list
                    current, _ = self._speech_run(unit, run, blocks, current, lang)
                    unit = _unframed(unit)
                run = None
                current.append(self.sentence(unit.derive(unit.tokens, "structure", kind="intro"), fragment=False))
                blocks.append(Paragraph(current, lang=lang))
                current = []
                items = [ListItem([Paragraph([self.sentence(unit.derive(item, "structure", kind="item"), fragment=True)],
                                            lang=lang)]) for item in unit.items]
                blocks.append(ListBlock(ordered=False, items=items, lang=lang))
                continue
            if unit.kind == "sentence" and unit.speaker and (
                    self.ctx.level == "leicht" or id(unit) in grouped or self._too_long_with_frame(unit)):
                current, run = self._speech_run(unit, run, blocks, current, lang)
                current.append(self.sentence(_unframed(unit)))
                continue
            if unit.speaker and id(unit) in inside:  # Einfache Sprache: the frame only before the quotation
                unit = unit.derive(unit.tokens, "speech", speaker="", speech_tail=[])
            if unit.speech_verb and (unit.speaker, unit.speech_verb) == last_frame:
                # "Eva Noller widerspricht: A." + "Eva Noller sagt: B.": the second part of one statement
                # contradicts nothing new
                unit = unit.derive(unit.tokens, "speech", speech_verb="")
            last_frame = (unit.speaker, unit.speech_verb) if unit.speech_verb else last_frame
            if run is not None:
                run = None
                if current:
                    blocks.append(Paragraph(current, lang=lang))
                current = []
            current.append(self.sentence(unit))
        if current:
            blocks.append(Paragraph(current, lang=lang))
        return blocks

    def block(self, block: Block) -> list[Block]:
        ctx = self.ctx
        ctx.block_index += 1
        if isinstance(block, Heading):
            self.topic_level = max(2, block.level)
            self.topic_speaker = ""
            ctx.in_heading = True
            ctx.current_speaker = None
            content = [self.sentence(u, fragment=True) for u in self.units(block.content, heading=True)]
            ctx.in_heading = False
            return [Heading(block.level, content, lang=block.lang)]
        if isinstance(block, Paragraph):
            return self.text_blocks(block.content, block.lang)
        if isinstance(block, PullQuote):
            ctx.in_heading = True
            content = [self.sentence(u, fragment=True) for u in self.units(block.content, heading=True)]
            attribution = [self.sentence(u, fragment=True) for u in self.units(block.attribution, heading=True)]
            ctx.in_heading = False
            return [PullQuote(content, attribution, lang=block.lang)]
        if isinstance(block, Figure):
            caption = [self.sentence(_as_sentence(u)) for u in self.units(block.caption)]
            return [Figure(image=block.image, alt=block.alt, alt_status=block.alt_status, caption=caption, lang=block.lang)]
        if isinstance(block, BlockQuote):
            quoted = [b for child in block.blocks for b in self.block(child)]
            attribution = [self.sentence(u, fragment=True) for u in self.units(block.attribution, heading=True)]
            return [BlockQuote(quoted, attribution, lang=block.lang)]
        if isinstance(block, ListBlock):
            items = []
            for item in block.items:
                inner: list[Block] = []
                for child in item.blocks:
                    if isinstance(child, Paragraph):
                        ctx.in_heading = True
                        inner.append(Paragraph([self.sentence(u, fragment=True)
                                                for u in self.units(child.content, heading=True)], lang=child.lang))
                        ctx.in_heading = False
                    else:
                        inner.extend(self.block(child))
                items.append(ListItem(inner))
            return [ListBlock(block.ordered, items, block.start, lang=block.lang)]
        if isinstance(block, Table):
            ctx.in_heading = True
            rows = []
            for row in block.rows:
                cells = []
                for cell in row.cells:
                    inner = []
                    for child in cell.blocks:
                        if isinstance(child, Paragraph):
                            inner.append(Paragraph([self.sentence(u, fragment=True)
                                                    for u in self.units(child.content, heading=True)], lang=child.lang))
                        else:
                            inner.extend(self.block(child))
                    cells.append(Cell(inner, cell.colspan, cell.rowspan))
                rows.append(Row(cells))
            caption = [self.sentence(u, fragment=True) for u in self.units(block.caption, heading=True)]
            ctx.in_heading = False
            return [Table(rows, block.header_rows, caption, lang=block.lang)]
        return [copy.deepcopy(block)]

    def word_list(self) -> list[Block]:
        """The "Wörterbuch" at the end: every word the draft explains, in order of first use."""
        if not self.ctx.explained_terms:
            return []
        items = []
        for key, word in self.ctx.explained_terms.items():
            if self.ctx.options.split_compounds:
                word = _split_words(word, self.ctx)  # the word as the draft's text writes it ("Integrations-Konferenz")
            head = Sentence([Strong([Text(word)]), Text(":")], origin="rule:words")
            self.fragments.add(id(head))
            sentences = [head]
            for line in _explanation_sentences(self.ctx.explained[key]):
                s = Sentence([Text(line)], origin="rule:words")  # one sentence per line (rule 9)
                self.fragments.add(id(s))
                sentences.append(s)
            items.append(ListItem([Paragraph(sentences)]))
        title = Sentence([Text(WORDLIST_TITLE)], origin="rule:words")
        self.fragments.add(id(title))
        return [Heading(2, [title]), ListBlock(ordered=False, items=items)]


_POLITE = {"Sie", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres"}


def _collect_persons(doc: Document, ctx: Context) -> None:
    """Know every person's full name before the first sentence: a report often writes "Landrat Pusch"
    first and "Stephan Pusch" later; the draft should name him the same way throughout."""
    from lesbar.simplify.rules.speech import note_persons

    for s in doc.sentences():
        words = tokenize(s.text)
        toks = analyze(words)
        note_persons(toks, ctx)
        ctx.place_names |= place_names(toks)
        if "Ihnen" in words or any(w in _POLITE for w in words[1:] if w not in ("„", "»")):
            ctx.polite = True
    ctx.last_person = None
    ctx.seen.clear()


def _as_sentence(unit: Unit) -> Unit:
    """A list unit written as one sentence again ("freuten sich A, B, C und D"): a caption holds sentences
    only, and its items would otherwise be lost."""
    if unit.kind != "list":
        return unit
    words = list(unit.tokens)
    while words and words[-1] in (":", ","):
        words.pop()
    for k, item in enumerate(unit.items):
        if k == len(unit.items) - 1 and k > 0 and item[:1] != ["oder"]:
            words.append("und")
        elif k > 0 and item[:1] != ["oder"]:
            words.append(",")
        words.extend(item)
    return unit.derive(end_sentence(words), "structure", kind="sentence")


def _unframed(unit: Unit) -> Unit:
    """A statement of a speaker's run: the frame and its review comments are on the "sagt:" line."""
    return unit.derive(unit.tokens, "speech", speaker="", speech_tail=[],
                       comments=[c for c in unit.comments if c.rule != "speech"])


def _run_key(unit: Unit) -> tuple[str, tuple[str, ...]]:
    """The speaker and the frame's circumstances: sentences with the same key belong to one statement."""
    return _without_role(unit.speaker), tuple(unit.speech_tail + ([unit.speech_verb] if unit.speech_verb else []))


def _in_runs(units: list[Unit], quotation: set[int]) -> set[int]:
    """Ids of the framed sentences that follow or precede another sentence of the same statement.

    Einfache Sprache names the speaker in front of a single reported sentence ("Anna Berg sagt: …"), but
    two or more sentences of one statement go under one "Anna Berg sagt:" line, as in Leichte Sprache:
    repeating the frame in front of each of them makes every sentence longer and the text monotonous
    (twelve lines starting "Asli Sevinçim sagt:" in the sample report). The sentences of one quotation
    (``quotation``: the ids of those after its first) are one statement, named once already before it; no
    run starts inside it or reaches into it."""
    framed = [(k, u) for k, u in enumerate(units) if u.kind == "sentence" and u.speaker]
    out: set[int] = set()
    for (k, a), (m, b) in zip(framed, framed[1:], strict=False):
        between = units[k + 1 : m]
        if id(a) in quotation or id(b) in quotation or any(u.kind != "explanation" for u in between):
            continue  # narration or a list between them: two statements
        if not _new_run(_run_key(b), _run_key(a)):
            out.update((id(a), id(b)))
    return out


def _new_run(key: tuple[str, tuple[str, ...]], run: tuple[str, tuple[str, ...]] | None) -> bool:
    """Another speaker, or the same speaker in new circumstances ("sagt beim Abschied"), starts a new
    run; the next sentence of the same report ("sagt: …" without circumstances) continues it."""
    return run is None or key[0] != run[0] or (bool(key[1]) and key[1] != run[1])


def _explanations_after_quotations(units: list[Unit], polite: bool = False) -> list[Unit]:
    """A glossary explanation of a word inside a quotation over several sentences comes after the
    quotation's closing mark, not between the speaker's sentences („A. / Ein Ehren-Amt ist … / B.“);
    after a condition written as a question it comes after the "Dann …" sentence that answers it."""
    out: list[Unit] = []
    held: list[Unit] = []
    depth = 0
    question = False  # "Erhalten Sie Bürger-Geld?" + "Dann …": the explanation goes after the answer
    in_run = False  # the same speaker goes on: under "X sagt:" an explanation would read as X's words
    for k, unit in enumerate(units):
        if unit.kind == "explanation" and (depth > 0 or question or in_run or _refers_back(units, k, polite)):
            held.append(unit)
            continue
        out.append(unit)
        if unit.kind == "sentence":
            was_question = question
            depth = max(0, depth + quote_balance(unit.tokens))
            question = depth == 0 and bool(unit.tokens) and unit.tokens[-1] == "?" and not was_question
            nxt = next((u for u in units[k + 1 :] if u.kind != "explanation"), None)
            demonstrative = nxt is not None and nxt.kind in ("sentence", "intro") and not nxt.speaker and bool(nxt.tokens) \
                and (nxt.tokens[0].lower() in _REFERRING - _SEQUENCE or tuple(nxt.tokens[:3]) in _CONTINUATIONS
                     or nxt.tokens[:2] == ["Ausnahme", ":"])
            in_run = bool(unit.speaker) and nxt is not None and nxt.kind == "sentence" and \
                _without_role(nxt.speaker) == _without_role(unit.speaker)
            if depth == 0 and not question and held and not demonstrative and not in_run:
                out.extend(held)  # not before "Das ist am Donnerstag." that points back to this sentence
                held = []
    return out + held


def _name_pointing_explanations(units: list[Unit], ctx: Context) -> list[Unit]:
    """"Das ist ein Ministerium vom Land NRW." points back to the word it explains; after the explanation
    of another word it would point to that one. There it names its word first ("Integrations-Ministerium:
    Das ist …")."""
    for k, unit in enumerate(units):
        prev = units[k - 1] if k > 0 else None
        if unit.kind != "explanation" or not unit.topic or prev is None or prev.kind != "explanation" or \
                prev.topic == unit.topic or len(unit.tokens) < 3 or unit.tokens[0] not in _POINTING_START:
            continue
        if not unit.tokens[1][:1].islower():
            continue  # "Das Kommunale Integrations-Management ist …": an article, no pointing word
        topic = _split_words(unit.topic, ctx) if ctx.options.split_compounds else unit.topic
        units[k] = replace(unit, tokens=[*topic.split(), ":"] + unit.tokens)
    return units


#: pronouns that start an explanation by pointing back to its word ("Das ist ein Amt.")
_POINTING_START = {"Das", "Dies", "Er", "Sie", "Es"}


#: first words of a sentence that point back to the sentence before ("Das geht aus dem Bericht hervor.")
_REFERRING = {"das", "dies", "diese", "dieser", "dieses", "er", "es", "dort", "dabei", "damit", "dadurch",
              "deshalb", "dafür", "davor", "danach", "daher", "darum", "trotzdem", "dann", "demnach", "darin",
              "daraus", "dazu", "darüber", "demzufolge", "folglich", "außerdem", "zudem", "ebenso", "auch",
              "jedoch", "allerdings", "stattdessen", "dagegen", "hingegen", "somit", "also", "denn"}


#: pointing words that only order events ("Danach gab es Kaffee."): an explanation may stand before them
#: sentence starts that the clause rules give a moved condition or purpose: it belongs to the sentence before
_CONTINUATIONS = {("Die", "Bedingung", "ist"), ("Das", "Ziel", "ist"), ("Der", "Grund", "ist")}
_SEQUENCE = {"danach", "dann", "davor", "außerdem", "zudem", "auch", "ebenso"}
_PRONOUNS_BACK = {"er", "es", "ihm", "ihn", "sie", "ihnen", "dort", "dies", "das", "dafür", "dazu", "davon", "dabei",
                  "damit", "darauf", "darin", "daraus", "darüber", "dadurch", "deshalb", "deswegen", "daher"}


def _refers_back(units: list[Unit], k: int, polite: bool = False) -> bool:
    """The explanation at ``k`` stands before a sentence that points back ("Das …", "Er …", and "Sie …"
    in a text that does not address its reader as "Sie"): the explanation would take the reference, so
    it waits until after that sentence."""
    nxt = next((u for u in units[k + 1 :] if u.kind != "explanation"), None)
    # ("Die Bedingung ist:" on a line of its own is an "intro" unit and points back all the same)
    if nxt is None or nxt.kind not in ("sentence", "intro") or nxt.speaker or not nxt.tokens:
        return False
    if nxt.tokens[0] == "Sie" and not polite:
        return True  # "Sie findet jeden Dienstag statt.": the Sprechstunde, not the explained word
    if tuple(nxt.tokens[:3]) in _CONTINUATIONS or nxt.tokens[:2] == ["Ausnahme", ":"]:
        return True  # "Man genehmigt den Antrag." + "Die Bedingung ist: …": one statement in two sentences
    # "Das geht aus …", "Jetzt gehören ihm 86 Frauen und Männer an": the pointing word comes early
    return nxt.tokens[0].lower() in _REFERRING or any(w in _PRONOUNS_BACK for w in nxt.tokens[1:4])


def _extend_speaker_over_quotation(units: list[Unit]) -> set[int]:
    """A quotation over several sentences whose frame follows its last sentence ("„A. B“, sagte er.")
    gives its speaker to all of its sentences, so that the speaker is named before the quotation
    starts and never inside it. Returns the ids of the units after the quotation's first sentence."""
    inside: set[int] = set()
    for i, unit in enumerate(units):
        if not unit.speaker or quote_balance(unit.tokens) >= 0:
            continue
        depth = quote_balance(unit.tokens)
        j = i - 1
        while j >= 0 and depth < 0 and units[j].kind == "sentence" and not units[j].speaker:
            depth += quote_balance(units[j].tokens)
            j -= 1
        if depth != 0:
            continue
        for k in range(j + 1, i):
            units[k].speaker = unit.speaker
            units[k].speech_tail = list(unit.speech_tail)
            if "speech" not in units[k].rules:
                units[k].rules.append("speech")
        inside.update(id(units[k]) for k in range(j + 2, i + 1))
    return inside


def _split_words(text: str, ctx: Context) -> str:
    from lesbar.simplify.rules.compounds import hyphenate, split_like_explanation

    def split(word: str) -> str:
        new = hyphenate(word)
        return new if new != word else split_like_explanation(word, word, ctx)

    return re.sub(r"[A-ZÄÖÜ][a-zäöüß]+", lambda m: split(m.group(0)), text)


def _without_role(speaker: str) -> str:
    from lesbar.simplify.resources import is_person_noun, roles

    words = speaker.split()
    if words and words[0] in ("Der", "Die"):  # "Der bisherige Vorsitzende Karl Oswald"
        k = 1
        while k < len(words) and words[k][:1].islower():
            k += 1
        if k < len(words) and (words[k] in roles() or (len(words) - k > 2 and is_person_noun(words[k], "NN")
                                                       and all(w[:1].isupper() for w in words[k + 1 :]))):
            words = words[k:]  # "Die Integrationsbeauftragte Fatma Yıldırım"
    full = list(words)
    while words and (words[0] in roles() or (len(words) > 2 and (
            (is_person_noun(words[0], "NN") and not re.fullmatch(r"[A-ZÄÖÜ]\.", words[1]))  # "Martin M. Richter"
            or words[0] in ("Doktor", "Dr.", "Professor", "Professorin", "Prof.")))):
        words = words[1:]  # "Landrat", "Sozialarbeiterin", "Doktor" before "Anna Berg"
    if words and (words[0].lower() in ("vom", "von", "der", "des", "im", "für", "bei", "beim") or not words[0][:1].isupper()):
        return " ".join(full)  # "Die Geschäftsführerin vom Verein": without the role no name is left
    return " ".join(words)


def _explanation_sentences(text: str) -> list[str]:
    """The glossary's explanation as sentences ("Vielfalt bedeutet:" joins the line after it)."""
    out: list[str] = []
    for line in (x.strip() for x in text.splitlines()):
        if not line:
            continue
        if out and out[-1].endswith(":"):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _comment(f: Finding):  # type: ignore[no-untyped-def]
    from lesbar.model import Comment

    return Comment(message=f.message, rule=f.rule, words=list(f.words))


def _finding_of(c) -> Finding:  # type: ignore[no-untyped-def]
    return Finding(c.rule, c.message, list(c.words))


def simplify_document(doc: Document, level: str, glossary: Any = None,
                      split_compounds: bool | None = None) -> SimplifyOutcome:
    """A Leichte Sprache (``leicht``) or Einfache Sprache (``einfach``) draft of ``doc``.

    ``doc`` must be segmented (sentence ids). The result is a new document; ``doc`` is not changed.
    """
    if level not in ("leicht", "einfach"):
        raise ValueError(f"unknown level {level!r}: use 'leicht' or 'einfach'")
    started = time.monotonic()
    warm_up()
    ctx = Context(options_for(level, split_compounds), glossary)
    _collect_persons(doc, ctx)
    builder = Builder(ctx)
    blocks: list[Block] = []
    doc_lang = doc.meta.lang.split("-")[0]
    for block in doc.blocks:
        if block.lang and block.lang.split("-")[0] != doc_lang:
            blocks.append(copy.deepcopy(block))  # a statement in English stays as it is: German rules don't apply
            continue
        builder.prev_heading = bool(blocks) and isinstance(blocks[-1], Heading)
        new = builder.block(block)
        if isinstance(block, ListBlock) and new and blocks and isinstance(blocks[-1], Paragraph):
            # "Für Bürgergeld brauchen Sie:" / the explanation of "Bürgergeld" / the items: the explanation
            # goes after the list, so that the intro stays next to its items
            intro = blocks[-1]
            held = [s for s in intro.content if id(s) in builder.explanations]
            kept = [s for s in intro.content if id(s) not in builder.explanations]
            if held and kept and kept[-1].text.endswith(":"):
                intro.content = kept
                new = new + [Paragraph(held, lang=intro.lang)]
        blocks.extend(new)
    if level == "leicht":
        blocks.extend(builder.word_list())
    meta = copy.deepcopy(doc.meta)
    meta.variant = level  # type: ignore[assignment]
    meta.provenance.automatic = True
    meta.provenance.reviewed = False
    meta.provenance.method = f"{RULESET_VERSION} ({level})"
    meta.provenance.source_lang = doc.meta.lang
    note = ("Entwurf: automatisch in Leichte Sprache übertragen, noch nicht geprüft"
            if level == "leicht" else "Entwurf: automatisch in Einfache Sprache übertragen, noch nicht geprüft")
    if note not in meta.provenance.notes:
        meta.provenance.notes.append(note)
    new = Document(meta=meta, blocks=blocks)
    number_sentences(new)
    report = build_report(doc, new, builder, ctx, level)
    report["seconds"] = round(time.monotonic() - started, 3)
    summary = report["summary"]
    notes = [f"{level}: draft with {summary['sentences']} sentences, "
             f"{summary['sentences_with_findings']} with findings for review"]
    return SimplifyOutcome(new, report, notes)


def build_report(original: Document, new: Document, builder: Builder, ctx: Context, level: str) -> dict[str, Any]:
    original_fragments = fragment_sentences(original)
    before = [s.text for s in original.sentences() if s.text.strip() and id(s) not in original_fragments]
    body = [(s, f) for s, f in builder.pairs if id(s) not in builder.fragments]
    after = [s.text for s, _ in body]
    summary = summarize(new, [(s, f) for s, f in builder.pairs], level)
    return {
        "level": level,
        "draft": True,
        "method": new.meta.provenance.method,
        "readability": compare(before, after),
        "sentences": [
            {"id": s.id, "source": list(s.source), "text": s.text,
             "findings": [{"rule": f.rule, "message": f.message, "words": list(f.words)} for f in findings]}
            for s, findings in builder.pairs
        ],
        "summary": summary,
        "rules_applied": dict(sorted(ctx.counts.items())),
    }
