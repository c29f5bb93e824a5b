"""Token analysis for the simplification rules: SoMaJo tokens, HanTa POS tags and lemmas.

The rules work on lists of token strings and re-analyse after every rewrite; analysis is therefore
cached per token tuple, and every model (SoMaJo, HanTa) is loaded once per process behind a lock
(neither library documents thread safety).
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)
_lock = threading.Lock()

#: Punctuation that attaches to the token before it (no space before).
_NO_SPACE_BEFORE = set(",.:;!?)]}“”’") | {"...", "…"}
#: Punctuation that attaches to the token after it (no space after).
_NO_SPACE_AFTER = set("„([{‚")


@dataclass(frozen=True)
class Tok:
    """One analysed token: surface form, STTS-like HanTa tag (``VV(FIN)``, ``NN`` …) and lemma."""

    text: str
    tag: str
    lemma: str

    @property
    def is_finite(self) -> bool:
        return "(FIN)" in self.tag

    @property
    def is_noun(self) -> bool:
        return self.tag in ("NN", "NE", "NNA", "NNI")  # NNI: nominalised infinitive ("das Bestehen")

    @property
    def is_punct(self) -> bool:
        return self.tag.startswith("$")

    @property
    def is_word(self) -> bool:
        return any(c.isalnum() for c in self.text)


@lru_cache(maxsize=1)
def _somajo():  # type: ignore[no-untyped-def]
    from somajo import SoMaJo

    return SoMaJo("de_CMC", split_camel_case=False)


@lru_cache(maxsize=1)
def _hanta():  # type: ignore[no-untyped-def]
    """HanTa's tagger, with its morphological analysis of words outside its lexicon memoised.

    HanTa caches only the words of its training lexicon; every other word ("Integrationskonferenz",
    names) is analysed again in every sentence that contains it, about 5 ms each. The rules re-tag each
    rewritten sentence, so the same unknown words come back dozens of times: memoising the pure
    per-word function keeps its results identical and cut simplifying the sample report by half."""
    from HanTa import HanoverTagger as ht

    tagger = ht.HanoverTagger("morphmodel_ger.pgz")
    tagger.analyze_forward = lru_cache(maxsize=50_000)(tagger.analyze_forward)
    return tagger


def tokenize(text: str) -> list[str]:
    """Split a sentence (or a short text) into token strings with SoMaJo."""
    return list(_tokenize_cached(text))


@lru_cache(maxsize=50_000)
def _tokenize_cached(text: str) -> tuple[str, ...]:
    """SoMaJo's tokens of ``text``, cached: rules and the checker tokenise the same sentence repeatedly."""
    if not text.strip():
        return ()
    with _lock:
        toks = [t for sent in _somajo().tokenize_text([text]) for t in sent]
    return tuple(_final_stop(_close_mixed_quotes(_rejoin(toks))))


#: words before a sentence-final ordinal ("am 5.", "ab dem 3.", "der 2.")
_BEFORE_ORDINAL = {"am", "dem", "den", "zum", "vom", "bis", "ab", "seit", "der", "die", "das", "im", "jeder", "jede",
                   "jeden", "jedem"}


def _final_stop(tokens: list[str]) -> list[str]:
    """"…, erzählt Osman.": SoMaJo may keep a name and the sentence's full stop as one abbreviation-like
    token; a capitalised word of four letters or more that is no known abbreviation gets its stop back."""
    from lesbar.language.sentences import CAPITAL_ABBREVIATIONS

    if tokens and len(tokens) > 1:
        last = tokens[-1]
        word = last[:-1]
        if last.endswith(".") and len(word) >= 4 and word.isalpha() and word[:1].isupper() and \
                word not in CAPITAL_ABBREVIATIONS:
            return tokens[:-1] + [word, "."]
        if last.endswith(".") and word.isdigit() and (tokens[-2].lower().endswith(_NUMBERED_PLACES) or (
                tokens[-2].lower() not in _BEFORE_ORDINAL and not tokens[-2].rstrip(".").isdigit())):
            # "in der Lindenallee 12.", "stieg auf 500.": a house number or an amount, no ordinal; "am 5."
            # ends with a day
            return tokens[:-1] + [word, "."]
    return tokens


#: nouns followed by a number that is no ordinal ("Lindenallee 12", "Raum 104")
_NUMBERED_PLACES = ("straße", "str", "allee", "weg", "platz", "gasse", "ring", "damm", "ufer", "raum", "zimmer",
                    "haus", "nummer", "saal", "gebäude", "etage", "tor", "gleis", "linie")


def _close_mixed_quotes(tokens: list[str]) -> list[str]:
    """„Deutsch plus" (a German opening mark closed by a straight one, common in typed text): the straight
    mark is the closing “, so that quotation rules see a pair."""
    out = list(tokens)
    open_low = False
    for k, tok in enumerate(out):
        if tok == "„":
            open_low = True
        elif tok == "“":
            open_low = False
        elif tok == '"' and open_low:
            out[k] = "“"
            open_low = False
    return out


def _rejoin(toks: list[Any]) -> list[str]:
    """Glue back what SoMaJo splits but the text wrote without spaces and a rewrite must not space out:
    scores and ratios ("3:1"), slashes ("m/w/d", "02821/123-45", "Verwaltungsfachangestellte/r") and an
    abbreviation before a hyphenated name ("St.-Antonius-Hospital")."""
    out: list[str] = []
    glued = False  # whether the last token of ``out`` had no space after it
    for k, t in enumerate(toks):
        text = t.text
        nxt = toks[k + 1].text if k + 1 < len(toks) else ""
        if out and glued:
            prev = out[-1]
            if prev.endswith(":") and prev[:1].isdigit() and text[:-1].isdigit() and text.endswith(".") \
                    and k == len(toks) - 1:
                out[-1] = prev + text[:-1]  # "zum 2:1." at the end: the score, then the full stop
                out.append(".")
                continue
            if (text == "/" and prev[-1:].isalnum() and t.space_after is False and nxt[:1].isalnum()) or (
                    prev.endswith("/") and text[:1].isalnum()) or (
                    text == ":" and prev[-1:].isdigit() and t.space_after is False and nxt[:1].isdigit()) or (
                    prev.endswith(":") and prev[:1].isdigit() and text[:1].isdigit()) or (  # "3:1-Sieg"
                    text.startswith("-") and len(text) > 1 and prev.endswith(".") and prev[:1].isupper()) or (
                    prev.endswith("-") and len(prev) > 1 and text[:1].isalnum() and any(c.isdigit() for c in prev + text)) or (
                    # "2.318-mal": a thousands point SoMaJo splits off before a suffix
                    text == "." and re.fullmatch(r"\d{1,3}(\.\d{3})*", prev) and re.match(r"\d{3}(\D|$)", nxt)
                    and t.space_after is False) or (
                    re.fullmatch(r"\d{1,3}(\.\d{3})*\.", prev) and re.match(r"\d{3}(\D|$)", text)) or (
                    # "4711-2026-0815": a reference number in groups
                    re.fullmatch(r"-\d+", text) and prev[-1:].isdigit()) or (
                    # "jobcenter.digital": a domain without "www."
                    text == "." and t.space_after is False and re.fullmatch(r"[a-z0-9-]{2,}", prev)
                    and re.fullmatch(r"[a-z]{2,12}", nxt)) or (
                    prev.endswith(".") and re.fullmatch(r"[a-z0-9-]{2,}\.", prev) and re.fullmatch(r"[a-z]{2,12}", text)):
                out[-1] = prev + text
                glued = not t.space_after
                continue
        out.append(text)
        glued = not t.space_after
    return out


_QUOTE_OPEN = {"„", "‚", "»", '"'}
_GUILLEMETS = {"»", "«"}


def join_tokens(tokens: list[str]) -> str:
    """Rebuild text from tokens with German spacing rules for punctuation and quotation marks."""
    out: list[str] = []
    open_quote = guillemet_open = low_open = False
    for i, tok in enumerate(tokens):
        if not out:
            out.append(tok)
            open_quote = tok in _QUOTE_OPEN
            guillemet_open = tok in _GUILLEMETS
            low_open = tok in ("„", "‚")
            continue
        prev = tokens[i - 1]
        no_space = tok in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER
        if tok in ("„", "‚"):
            low_open = True
        elif tok in ("“", "‘"):
            low_open = False
        if tok == '"' and low_open:
            no_space = True  # „Deutsch plus" : a straight mark closes the German opening one
            low_open = False
        elif tok == '"':
            no_space = open_quote
            open_quote = not open_quote
        elif prev == '"' and open_quote:
            no_space = True
        elif tok in _GUILLEMETS:  # »German« and «Swiss» alike: the first of a pair opens, the next closes
            no_space = guillemet_open
            guillemet_open = not guillemet_open
        elif prev in _GUILLEMETS and guillemet_open:
            no_space = True
        if tok == "-" and out and out[-1].endswith("-"):
            no_space = True
        if (tok in ("-", "–") and prev[-1:].isdigit() and tokens[i + 1 : i + 2] and tokens[i + 1][:1].isdigit()) or \
                (prev in ("-", "–") and tok[:1].isdigit() and i >= 2 and tokens[i - 2][-1:].isdigit()):
            no_space = True  # "27-1234", "9-11": a hyphen between digits keeps them together
        out.append(tok if no_space else " " + tok)
    text = "".join(out)
    return re.sub(r"\s+", " ", text).strip()


def _tag_cached(tokens: tuple[str, ...]) -> tuple[Tok, ...]:
    if not tokens:
        return ()
    with _lock:
        tags = _hanta().tag_sent(list(tokens), taglevel=0)
        toks = [Tok(word, tag, _lemma(word, tag)) for word, tag in zip(tokens, tags, strict=True)]
    return tuple(repair_finite_verbs(toks))


@lru_cache(maxsize=200_000)
def _lemma(word: str, tag: str) -> str:
    """HanTa's lemma for ``word`` with POS ``tag``, cached per pair: the same words are re-analysed after
    every rewrite, and HanTa's ``tag_sent(taglevel=1)`` repeats the morphological analysis each time.
    Uses HanTa's ``_analyze`` (what ``tag_sent`` calls itself); falls back to tagging the word alone."""
    tagger = _hanta()
    try:
        lemma = tagger._analyze(word, tagger.tag2int[tag], taglevel=1)[0]
    except (AttributeError, KeyError, IndexError, TypeError):
        lemma = tagger.tag_sent([word], taglevel=1)[0][1]
    if tag == "NN" and word.endswith("innen") and lemma == word[:-2]:
        return word[:-3]  # "Lotsinnen" → "Lotsin", not "Lotsinn": the feminine plural of an unknown noun
    return lemma


_SUBJECTS = {"NN", "NE", "NNA", "PPER", "PIS", "PDS", "PRELS"}
_INF_TO_FIN = {"VV(INF)": "VV(FIN)", "VA(INF)": "VA(FIN)", "VM(INF)": "VM(FIN)"}


def repair_finite_verbs(toks: list[Tok]) -> list[Tok]:
    """HanTa tags a clause-final plural verb in a subordinate clause as infinitive ("weil die Preise
    ansteigen"). A subordinate clause (or a part of it after "und"/"oder") without a finite verb whose
    last word is an infinitive form, not after "zu", with a subject-like word, has that verb finite."""
    out = list(toks)
    for i, t in enumerate(out):
        if t.text.lower() in _ALWAYS_KOUS and t.tag != "KOUS":
            out[i] = Tok(t.text, "KOUS", t.text.lower())  # HanTa reads "sodass" as an adjective
        elif t.text.lower() in VERB_PARTICLES and t.tag != "PTKVZ":
            out[i] = Tok(t.text, "PTKVZ", t.text.lower())  # "kommt nicht infrage": no verb "infragen"
    _repair_participles(out)
    _repair_um(out)
    _repair_als(out)
    _repair_infinitives_after_modal(out)
    _repair_club_names(out)
    _repair_habe(out)
    _repair_statt(out)
    _repair_first_names(out)
    _repair_street_adjectives(out)
    _repair_place_names(out)
    _repair_surnames(out)
    _repair_roles_before_titles(out)
    _repair_konj2_lemmas(out)
    _repair_fronted_participle(out)
    _repair_coordinated_adjectives(out)
    _repair_capitalised_verbs(out)
    _repair_main_clause(out)
    _repair_final_participle(out)
    segments: list[list[int]] = []
    start = 0
    for end in [i for i, t in enumerate(toks) if t.text in {",", ".", ";", ":", "!", "?"}] + [len(toks)]:
        seg = list(range(start, end))
        if segments and segments[-1] and toks[segments[-1][0]].tag == "KOUS" and end > start and \
                toks[start - 1].text == "," and not any(toks[i].tag.startswith("V") for i in segments[-1]):
            # "weil manche nur Türkisch, Polnisch oder Kurdisch sprechen": a list inside the clause, one segment
            segments[-1] = segments[-1] + [start - 1] + seg
        else:
            segments.append(seg)
        start = end + 1
    for s_index, seg in enumerate(segments):
        if not seg:
            continue
        nxt_seg = segments[s_index + 1] if s_index + 1 < len(segments) else []
        # "dass Technik helfen, aber nicht ersetzen solle": the modal after the comma serves both infinitives
        shared_after = bool(nxt_seg) and toks[nxt_seg[0]].text.lower() in ("aber", "sondern", "und", "oder") and \
            toks[nxt_seg[0] - 1].text == "," and _shared_finite(toks, nxt_seg) and \
            not any(toks[i].is_finite for i in nxt_seg[:-1])
        first = toks[seg[0]]
        second = toks[seg[1]] if len(seg) > 1 else None
        subordinate = first.tag in ("KOUS", "PRELS", "PWAV") or (
            first.tag.startswith("APPR") and second is not None and second.tag == "PRELS")
        if not subordinate and _relative_read_as_article(toks, seg):
            _repair_relative(out, seg)
            continue
        if not subordinate:
            continue
        parts: list[list[int]] = [[]]
        for i in seg:
            if toks[i].tag == "KON" and toks[i].text in ("und", "oder") and any(
                    toks[k].tag.startswith("V") for k in parts[-1]):
                parts.append([])  # (not inside a list of words: "nur Türkisch, Polnisch oder Kurdisch sprechen")
            else:
                parts[-1].append(i)
        for n, part in enumerate(parts):
            words = [i for i in part if toks[i].is_word]
            if not words or any(toks[i].is_finite for i in part):
                continue
            if (n + 1 < len(parts) and _shared_finite(toks, parts[-1]) or n + 1 == len(parts) and shared_after) and not any(
                    toks[i].text.lower() == "seit" for i in part):
                continue  # "dass Mütter Deutsch lernen und ihre Kinder begleiten wollen": one modal for both
                # (not "die seit Jahren hier leben und jetzt arbeiten wollen": nobody wants to have lived here)
            last = words[-1]
            t = out[last]  # (earlier repairs may have changed it)
            relative_part = n > 0 and toks[seg[0]].tag == "PRELS"  # "die … leben und jetzt arbeiten wollen"
            if t.tag in _INF_TO_FIN and (last == 0 or toks[last - 1].text != "zu") and \
                    (any(toks[i].tag in _SUBJECTS for i in part[:-1]) or relative_part):
                out[last] = Tok(t.text, _INF_TO_FIN[t.tag], t.lemma)
            elif (lemma := _present_read_as_participle(t)) and any(toks[i].tag in _SUBJECTS for i in part[:-1]):
                out[last] = Tok(t.text, t.tag.replace("(PP)", "(FIN)"), lemma)  # "die übersetzt", "die … gefällt"
    return out


def _shared_finite(toks: list[Tok], part: list[int]) -> bool:
    """The last conjunct of a verb-final clause ends with an infinitive and a modal (or "werden"): the
    modal is the finite verb of every conjunct ("… lernen und … begleiten wollen")."""
    words = [i for i in part if toks[i].is_word]
    return len(words) >= 2 and (toks[words[-1]].tag.startswith("VM") or toks[words[-1]].lemma == "werden") and \
        toks[words[-2]].tag.endswith("(INF)")  # (the modal may itself be read as an infinitive: "fördern können")


#: words that are only ever a verb's particle ("infrage stellen", "zustande kommen")
VERB_PARTICLES = {"infrage", "zustande", "zugute", "zunichte", "zuteil", "instand", "imstande", "zutage", "zuwege"}
#: … of which these stay apart from the participle ("infrage gestellt", "zustande gekommen")
PARTICLES_APART = {"infrage", "zustande", "instand", "imstande", "zutage", "zuwege"}
#: words that are only ever subordinating conjunctions
_ALWAYS_KOUS = {"sodass", "obwohl", "obgleich", "weil"}
_D_WORDS = {"der", "die", "das", "dem", "den", "denen", "deren", "dessen"}


def _relative_read_as_article(toks: list[Tok], seg: list[int]) -> bool:
    """"ein Projekt gestartet, bei dem Lesepatinnen Kindern vorlesen", "unterwegs, die Familien bei Fragen
    unterstützen": after a comma HanTa may read the relative pronoun as an article and the clause-final
    verb as an infinitive. A comma segment that starts with (a preposition and) a d-word, has no finite
    verb and no conjunction, and ends with an infinitive form (not after "zu") is such a relative clause,
    unless the clause before it has a modal verb and ends with an infinitive ("muss kommen, die Kinder
    abholen": a list of infinitives)."""
    start = seg[0]
    if start < 2 or toks[start - 1].text != ",":
        return False
    d = start + 1 if toks[start].tag.startswith("APPR") else start
    if d >= seg[-1] or toks[d].tag != "ART" or toks[d].text.lower() not in _D_WORDS:
        return False
    words = [i for i in seg if toks[i].is_word]
    if len(words) < 4 or any(toks[i].is_finite or toks[i].tag == "KON" for i in seg):
        return False
    last = words[-1]
    if toks[last].tag not in _INF_TO_FIN or toks[last - 1].text == "zu":
        return False
    before = toks[start - 2]
    return not (before.tag.endswith("(INF)") and any(t.tag.startswith("VM") for t in toks[: start - 1]))


def _repair_relative(toks: list[Tok], seg: list[int]) -> None:
    """Retag what :func:`_relative_read_as_article` found: the d-word is a relative pronoun, the last
    verb finite."""
    start = seg[0]
    d = start + 1 if toks[start].tag.startswith("APPR") else start
    toks[d] = Tok(toks[d].text, "PRELS", toks[d].lemma)
    last = [i for i in seg if toks[i].is_word][-1]
    toks[last] = Tok(toks[last].text, _INF_TO_FIN[toks[last].tag], toks[last].lemma)


_NOUN_BEFORE = {"ART", "PDS", "APPR", "APPRART", "ADJ(A)", "PPOSAT", "PIAT", "PDAT"}


def _repair_club_names(toks: list[Tok]) -> None:
    """"der Verein Brücken e. V.": "e. V." and the words of the name between the club noun and it are a
    name, so that "der Verein …, der …" means the club ("Dieser Verein Brücken e. V. …")."""
    for i in range(1, len(toks)):
        if toks[i].text == "V." and toks[i - 1].text == "e.":
            toks[i - 1] = Tok("e.", "NE", "e.")
            toks[i] = Tok("V.", "NE", "V.")
            k = i - 2
            while k > 0 and toks[k].tag == "NN" and toks[k - 1].tag == "NN" and toks[k].text[:1].isupper():
                toks[k] = Tok(toks[k].text, "NE", toks[k].text)
                k -= 1


def _repair_habe(toks: list[Tok]) -> None:
    """"Habe die Schule genug Plätze?": a question's first word "Habe" before its subject is the verb, not
    the noun "die Habe" (belongings)."""
    for i, t in enumerate(toks):
        if t.text == "Habe" and t.tag == "NN" and (i == 0 or toks[i - 1].text in (":", "„")) and \
                i + 1 < len(toks) and toks[i + 1].tag in ("ART", "PPER", "PPOSAT", "PDAT", "PIAT", "NE") and \
                toks[-1].text == "?":
            toks[i] = Tok(t.text, "VA(FIN)", "haben")


def _repair_statt(toks: list[Tok]) -> None:
    """"spielten draußen statt in der Wohnung": "statt" before a phrase is "instead of", not the particle
    of "stattspielen"/"stattfinden" (a particle ends its clause)."""
    for i, t in enumerate(toks[:-1]):
        if t.tag == "PTKVZ" and t.text.lower() == "statt" and toks[i + 1].is_word and toks[i + 1].tag not in ("KON",):
            toks[i] = Tok(t.text, "KOKOM", t.text)


def _repair_participles(toks: list[Tok]) -> None:
    """HanTa tags some infinitives as participles ("werden die Bewohner betreuen" → "betreuen" as the
    participle): a "participle" that is its verb's infinitive and not its participle ("betreut") is the
    infinitive, so that a future is not read as a passive."""
    from lesbar.simplify.morphology import verb_table

    for i, t in enumerate(toks):
        if not t.tag.endswith("(PP)") or t.text != t.lemma or not t.text.islower():
            continue
        table = verb_table(t.lemma)
        if table is not None and table.participle and t.text not in table.participle.split():
            toks[i] = Tok(t.text, t.tag.replace("(PP)", "(INF)"), t.lemma)


def _repair_capitalised_verbs(toks: list[Tok]) -> None:
    """A capitalised word after an article, a preposition or an adjective is a noun, not a finite verb
    ("bei der Vorsprache" tagged as the verb "vorsprechen"): a second finite verb there would stop the
    clause rules. A capitalised present participle inside a sentence ("viele Teilnehmende", "Studierende")
    is an adjective used as a noun. Two finite verbs in a row at the start of a sentence: the first is a
    noun when german-nouns knows it ("Vordrucke gibt es im Rathaus", not "vordrucken")."""
    if len(toks) > 1 and toks[0].is_finite and toks[1].is_finite and toks[0].text[:1].isupper() \
            and toks[0].text.isalpha() and _noun_form(toks[0].text):
        toks[0] = Tok(toks[0].text, "NN", toks[0].text)
    for i in range(1, len(toks)):
        t = toks[i]
        if t.is_finite and t.text[:1].isupper() and t.text.isalpha() and (toks[i - 1].tag in _NOUN_BEFORE or (
                toks[i - 1].text in (",", "und", "oder") and i >= 2 and toks[i - 2].text[:1].isupper()
                and toks[i - 2].tag not in ("PPER",))):
            # "Arabisch, Dari und Englisch", "nach Ukrainisch und Dari": an item, not the verb "daraten"
            toks[i] = Tok(t.text, "NN", t.text)
        elif t.tag == "ADJ(A)" and t.text[:1].isupper() and t.text.endswith(("ende", "enden")) and \
                toks[i - 1].text not in {".", ":", "„", "!", "?"} and not (i + 1 < len(toks) and toks[i + 1].tag == "NE"):
            toks[i] = Tok(t.text, "NNA", t.text)


def _repair_infinitives_after_modal(toks: list[Tok]) -> None:
    """"wollen wir uns kennenlernen, miteinander reden und voneinander lernen": after a modal verb whose
    infinitive closes the clause, a comma segment without a subject whose "finite" verbs have the form of
    their infinitive lists more infinitives of the same modal."""
    modal = next((k for k, t in enumerate(toks) if t.is_finite and t.tag.startswith("VM")), None)
    if modal is None:
        return
    commas = [k for k, t in enumerate(toks) if t.text == ","]
    if not commas or commas[0] < modal or not toks[commas[0] - 1].tag.endswith("(INF)"):
        return
    start = commas[0] + 1
    end = next((k for k, t in enumerate(toks) if k >= start and t.text in (".", "!", "?", ";", ":")), len(toks))
    segment = toks[start:end]
    verbs = [k for k, t in enumerate(segment, start=start) if t.is_finite]
    if not verbs or any(t.tag in ("PPER", "PIS", "PDS", "KOUS", "PRELS", "PWS", "PWAV", "ART") for t in segment) \
            or any(toks[k].text != toks[k].lemma or toks[k].tag.startswith(("VA", "VM")) for k in verbs):
        return
    for k in verbs:
        toks[k] = Tok(toks[k].text, "VV(INF)", toks[k].lemma)


def _segment_end(toks: list[Tok], i: int) -> int:
    """The index of the first comma or sentence punctuation after ``i`` (the end of its comma segment)."""
    return next((k for k in range(i + 1, len(toks)) if toks[k].text in (",", ".", ";", ":", "!", "?")), len(toks))


def _repair_um(toks: list[Tok]) -> None:
    """"…, der früher Lehrer war, um die Kinder": HanTa reads "um" after a comma as the "um … zu" of an
    infinitive clause; without "zu" and an infinitive in its comma segment it is the preposition."""
    for i, t in enumerate(toks):
        if t.text.lower() != "um" or t.tag != "KOUI":
            continue
        end = _segment_end(toks, i)
        if not any(x.tag == "PTKZU" or x.tag.endswith("(IZU)") or x.text == "zu" for x in toks[i + 1 : end]):
            toks[i] = Tok(t.text, "APPR", "um")


def _repair_als(toks: list[Tok]) -> None:
    """"Als die Kinder lachten, …": HanTa reads "als" as a preposition; at the start of a clause whose comma
    segment ends with a finite verb it is the conjunction."""
    for i, t in enumerate(toks):
        if t.text.lower() != "als" or t.tag == "KOUS" or (i > 0 and toks[i - 1].text not in (",", "„", ":") and not (
                toks[i - 1].text.lower() in ("aber", "und", "doch") and (i == 1 or toks[i - 2].text in (",", "„", ":")))):
            continue  # ("Aber als die Kinder lachten, …": a conjunction before the clause)
        end = _segment_end(toks, i)
        if end - i > 2 and toks[end - 1].is_finite and end < len(toks) and toks[end].text == ",":
            toks[i] = Tok(t.text, "KOUS", "als")


def _noun_form(word: str) -> bool:
    """Whether german-nouns knows ``word`` as a form of a noun ("Vordrucke" of "Vordruck")."""
    from lesbar.simplify.morphology import noun_info

    for lemma in (word, word[:-1], word[:-2], word[:-1] + "n" if word.endswith("e") else ""):
        info = noun_info(lemma) if lemma else None
        if info is not None and word in info.flexion.values():
            return True
    return False


def _repair_first_names(toks: list[Tok]) -> None:
    """HanTa reads some first names as verbs ("Ahmet Demir sagte" → "ahmet" of "ahmen"): a capitalised
    "finite verb" right before a name, where another finite verb follows in the clause, is a name too."""
    for i in range(len(toks) - 2):
        t = toks[i]
        if not ((t.is_finite or t.tag.endswith("(IMP)")) and t.text[:1].isupper() and t.text.isalpha()
                and toks[i + 1].tag == "NE"
                and toks[i + 1].text[:1].isupper()):
            continue
        if i > 0 and (toks[i - 1].is_finite or (t.tag.endswith("(IMP)") and toks[i - 1].is_word
                                                and toks[i - 1].tag != "KON")):
            # "gab Ahmet Demir zu bedenken": no verb follows the verb; "äußerte sich Ahmet Demir": an
            # imperative opens its clause
            toks[i] = Tok(t.text, "NE", t.text)
            continue
        if i > 0 and toks[i - 1].tag not in ("$,", "$(", "ART", "NN", "APPR", "KON") and toks[i - 1].text not in ("„", "»"):
            continue
        if any(x.is_finite for x in toks[i + 2 :] if x.text not in {",", "."}):
            toks[i] = Tok(t.text, "NE", t.text)


#: nouns of streets and squares: a capitalised word in -er before them is a place adjective
_STREET_NOUNS = {"Straße", "Str.", "Weg", "Platz", "Allee", "Ring", "Tor", "Damm", "Chaussee", "Landstraße", "Gasse",
                 "Brücke", "Markt", "Ufer", "Wall", "Steinweg", "Heerstraße"}


def _repair_place_names(toks: list[Tok]) -> None:
    """"Kreis Recklinghausen": HanTa reads some place names as plural nouns (lemma "Recklinghaus"), so they
    become objects when a sentence is rebuilt; a noun that is a known place name and no common noun is a
    name."""
    from lesbar.simplify.morphology import is_place_name

    for i, t in enumerate(toks):
        if t.tag == "NN" and t.lemma != t.text and t.text[:1].isupper() and is_place_name(t.text):
            toks[i] = Tok(t.text, "NE", t.text)


def _repair_street_adjectives(toks: list[Tok]) -> None:
    """"an der Warendorfer Straße": HanTa reads "Warendorfer" as a noun (lemma "Warendorf"), so the street's
    name falls apart into two noun phrases; a capitalised "-er" word before a street noun is an adjective."""
    for i in range(len(toks) - 1):
        t = toks[i]
        if t.tag in ("NN", "NE") and t.text.endswith("er") and t.text[:1].isupper() and toks[i + 1].text in _STREET_NOUNS \
                and i > 0 and toks[i - 1].tag in ("ART", "APPRART", "APPR"):
            toks[i] = Tok(t.text, "ADJ(A)", t.text.lower())


def _repair_surnames(toks: list[Tok]) -> None:
    """HanTa reads some surnames after a first name as words ("Klaus Wendt" → imperative of "wenden",
    "Sabine Krüger" → noun "Krug"). A capitalised word inside the sentence right after a single name is
    the surname when it is tagged as a verb or adjective (capitalised, they cannot be one there), or as a
    noun before the verb or a comma when the name follows a description or starts the sentence
    ("Fraktionsvorsitzende Sabine Krüger sagte")."""
    from lesbar.simplify.resources import roles
    from lesbar.simplify.rules.subordinate_clauses import noun_number

    for i in range(1, len(toks)):
        t, prev = toks[i], toks[i - 1]
        if prev.tag != "NE" or not prev.text[:1].isupper() or not t.text.isalpha() or not t.text[:1].isupper():
            continue
        if i >= 2 and toks[i - 2].tag == "NE":
            continue
        if t.tag.startswith(("VV", "VA", "VM", "ADJ")) or t.tag == "NNA":
            toks[i] = Tok(t.text, "NE", t.text)  # "Tom Wiesner": not an adjective used as a noun
        elif t.tag == "NN" and i + 1 < len(toks) and (toks[i + 1].is_finite or toks[i + 1].text in {",", "(", "und"}) \
                and (i == 1 or toks[i - 2].tag in ("NN", "NNA", "ART", "$,") or toks[i - 2].text in {"von", "mit"}):
            toks[i] = Tok(t.text, "NE", t.text)
        elif t.tag == "NN" and i + 1 < len(toks) and toks[i + 1].tag in ("ART", "PPOSAT", "PDAT") and i >= 2 and \
                (toks[i - 2].is_finite or toks[i - 2].text.replace("-", "").capitalize() in roles()) and noun_number(t) == "singular":
            # "hat Bürgermeister Hans Weinberg den Menschen …": a bare singular noun between a name and the
            # object's article can be no object itself; it is the surname
            toks[i] = Tok(t.text, "NE", t.text)


def _repair_coordinated_adjectives(toks: list[Tok]) -> None:
    """"ältere und behinderte Menschen": a word after "<adjective> und" with the adjective's ending,
    before a noun, is an adjective too, not the preterite of "behindern"."""
    for i in range(2, len(toks) - 1):
        t, prev, adj = toks[i], toks[i - 1], toks[i - 2]
        if not (t.tag.startswith("VV") and t.text.islower() and prev.text in ("und", "oder", ",")
                and adj.tag == "ADJ(A)" and toks[i + 1].tag in ("NN", "NNA")):
            continue
        ending = next((e for e in ("en", "er", "es", "em", "e") if adj.text.endswith(e)), "")
        if ending and t.text.endswith(ending):
            toks[i] = Tok(t.text, "ADJ(A)", t.text[: -len(ending)])


def _repair_fronted_participle(toks: list[Tok]) -> None:
    """"Betrieben wird die Unterkunft vom DRK": a participle in first position is capitalised, and HanTa
    reads it as a noun ("Betrieben" of "Betrieb"). A first word before "wird/werden/wurde/wurden" whose
    small form is the participle of a verb, in a sentence without another participle, is that participle."""
    from lesbar.simplify.morphology import is_participle_form

    if len(toks) < 3 or toks[0].tag != "NN" or not toks[1].is_finite or toks[1].lemma != "werden" or any(
            t.tag.endswith("(PP)") for t in toks[2:]):
        return
    low = toks[0].text.lower()
    lemma = _lemma(low, "VV(PP)")
    if lemma and lemma.isalpha() and lemma.islower() and is_participle_form(low, lemma):
        toks[0] = Tok(toks[0].text, "VV(PP)", lemma)


_PARTICLES = ("ein", "aus", "auf", "an", "ab", "mit", "vor", "zu", "bei", "nach", "zurück", "weg", "fest", "statt",
              "teil", "her", "hin", "dar", "vorbei", "zusammen")


def _repair_konj2_lemmas(toks: list[Tok]) -> None:
    """HanTa does not know some Konjunktiv II forms ("einlüden", "lüden"): a finite verb whose lemma is no
    verb gets the verb whose Konjunktiv II it is, found from the preterite ("luden" → "laden") and a
    separable particle in front ("ein" + "laden")."""
    from wordfreq import zipf_frequency

    from lesbar.simplify.morphology import konjunktiv, verb_table

    for i, t in enumerate(toks):
        if t.tag not in ("VV(FIN)", "VV(INF)", "NE", "NN", "ADJ(A)", "ADV") or not t.text.islower() or not t.text.endswith(("en", "e", "est", "et")) \
                or zipf_frequency(t.lemma.lower(), "de") >= 2.0:
            continue  # (ablaut conjugates any word; an infinitive nobody writes is HanTa's guess)
        for particle in ("",) + tuple(p for p in _PARTICLES if t.text.startswith(p) and len(t.text) > len(p) + 3):
            rest = t.text[len(particle) :]
            past = rest.replace("ü", "u").replace("ä", "a").replace("ö", "o")
            if past == rest:
                continue
            lemma = particle + _lemma(past, "VV(FIN)").lower()
            mood = konjunktiv(t.text, lemma) if verb_table(lemma) is not None else None
            if mood is not None and mood.kind == "konj2" and zipf_frequency(lemma, "de") >= 1.0:
                toks[i] = Tok(t.text, t.tag if t.tag.startswith("VV") else "VV(FIN)", lemma)
                break


def _repair_roles_before_titles(toks: list[Tok]) -> None:
    """"Stadtbaurätin Dr. Ute Kramer": HanTa reads an unknown role before a title as a name; a word for a
    person right before a title and a name is the noun that describes the person."""
    from lesbar.simplify.resources import TITLES, is_person_noun

    for i in range(len(toks) - 2):
        t = toks[i]
        if t.tag == "NE" and toks[i + 1].text in TITLES and toks[i + 2].tag == "NE" and \
                is_person_noun(t.text, "NN"):
            toks[i] = Tok(t.text, "NN", t.text)


def _repair_final_participle(toks: list[Tok]) -> None:
    """"werden auf Antrag übersandt, der …": HanTa may read a clause-final participle whose form is also a
    present tense ("übersandt", "versandt") as finite. In a clause whose finite auxiliary (werden, haben,
    sein) stands earlier, the last word, if it is a participle form of its verb, is the participle."""
    from lesbar.simplify.morphology import is_participle_form

    start = 0
    for end in [i for i, t in enumerate(toks) if t.text in {",", ".", ";", ":", "!", "?"}] + [len(toks)]:
        seg = [i for i in range(start, end) if toks[i].is_word]
        start = end + 1
        if len(seg) < 3:
            continue
        last = toks[seg[-1]]
        if last.tag != "VV(FIN)" or not last.text.islower() or not is_participle_form(last.text, last.lemma):
            continue
        fins = [i for i in seg[:-1] if toks[i].is_finite]
        if len(fins) == 1 and toks[fins[0]].tag == "VA(FIN)" and toks[fins[0]].lemma in ("werden", "haben", "sein"):
            toks[seg[-1]] = Tok(last.text, "VV(PP)", last.lemma)


def _repair_main_clause(toks: list[Tok]) -> None:
    """HanTa also tags the verb of a short main clause with a plural subject as infinitive ("Die Eltern
    lernen."): a sentence without any finite verb whose first constituent is a determined noun phrase or
    a plural pronoun, directly followed by an infinitive form, has that verb finite. "Deutsch lernen."
    (no subject) stays a fragment."""
    from lesbar.simplify.clauses import constituent_end

    first_clause = next((i for i, t in enumerate(toks) if t.text in (",", ":", ";") or (
        t.tag == "KON" and t.text in ("und", "oder") and i + 1 < len(toks) and toks[i + 1].is_finite)), len(toks))
    # (a clause ends before "und" + finite verb too: "Der Bericht umfasst 64 Seiten und kann …")
    if not toks or any(t.is_finite for t in toks[:first_clause]):
        return  # "Die Mutter beklagt, dass …": the first clause has no finite verb of its own
    first = toks[0]
    if first.tag in ("ART", "PPOSAT", "PIAT", "PDAT"):
        k = constituent_end(toks, 0)
        while k + 1 < first_clause and toks[k].text in ("von", "vom", "aus") and toks[k + 1].tag != "PRELS":
            k = max(constituent_end(toks, k), k + 1)  # "Die Mutter von zwei Kindern beklagt"
    elif first.tag == "PPER" and first.text.lower() in ("wir", "sie", "ihr"):
        k = 1
    elif first.tag in ("NN", "NE"):
        # "Koordinator Jens Hartmann erklärt: …": a name (after a role) is a subject too
        k = 0
        while k < first_clause and toks[k].tag in ("NN", "NE"):
            k += 1
        if not any(t.tag == "NE" for t in toks[:k]):
            return
    else:
        return
    if 1 <= k < len(toks) and toks[k].tag in _INF_TO_FIN and (toks[k - 1].is_noun or k == 1):
        toks[k] = Tok(toks[k].text, _INF_TO_FIN[toks[k].tag], toks[k].lemma)
    elif 1 <= k < len(toks) and (lemma := _present_read_as_participle(toks[k])) and (toks[k - 1].is_noun or k == 1):
        toks[k] = Tok(toks[k].text, toks[k].tag.replace("(PP)", "(FIN)"), lemma)  # "Die Person übersetzt."
    elif 1 <= k < first_clause - 1 and toks[k - 1].is_noun and (lemma := _present_read_as_adjective(toks[k])):
        toks[k] = Tok(toks[k].text, "VV(FIN)", lemma)  # "Der Bericht umfasst 64 Seiten."
    elif 1 <= k < first_clause - 1 and toks[k - 1].is_noun and (lemma := _preterite_read_as_adjective(toks[k])):
        toks[k] = Tok(toks[k].text, "VV(FIN)", lemma)  # "Die Gäste besichtigten Räume der Schule."


def _present_read_as_adjective(t: Tok) -> str:
    """The verb of "umfasst", which HanTa reads as an adjective: a lower-case word in -t that is the
    present tense of a verb ("umfassen") is that verb when it follows the subject of a verbless clause."""
    from lesbar.simplify.morphology import is_present_form

    if not t.tag.startswith("ADJ") or not t.text.islower() or not t.text.endswith("t"):
        return ""
    stem = t.text[:-2] if t.text.endswith("et") else t.text[:-1]
    for lemma in (stem + "en", stem + "n", t.text[:-1] + "en"):
        if is_present_form(t.text, lemma):
            return lemma
    return ""


def _preterite_read_as_adjective(t: Tok) -> str:
    """The verb of "besichtigten", which HanTa reads as an adjective before a noun ("Die Gäste besichtigten
    Räume"): a lower-case weak preterite after the subject of a verbless clause is that verb."""
    from lesbar.simplify.morphology import verb_table

    if not t.tag.startswith("ADJ") or not t.text.islower() or not t.text.endswith(("te", "ten")):
        return ""
    stem = t.text[: -3 if t.text.endswith("ten") else -2]
    for lemma in (stem + "en", stem + "n", stem[:-1] + "en" if stem.endswith("e") else ""):
        table = verb_table(lemma) if lemma else None
        if table is not None and t.text in table.preterite:
            return lemma
    return ""


def _present_read_as_participle(t: Tok) -> str:
    """"übersetzt", "informiert": verbs with an inseparable prefix or -ieren have a participle that is also
    their present tense; without any finite verb in the clause it is the present. "gefällt" and "gehört"
    are participles of "fällen" and "hören" to HanTa and the present of "gefallen" and "gehören": the
    lemma of the present is returned ("" when the word is no present form)."""
    from lesbar.simplify.morphology import is_present_form

    if not (t.tag.startswith("VV") and t.tag.endswith("(PP)")):
        return ""
    stem = t.text.lower()[:-1]
    plain = stem.replace("ä", "a").replace("ö", "o").replace("ü", "u")
    for lemma in (t.lemma, "ge" + t.lemma, stem + "en", plain + "en"):
        if lemma.isalpha() and is_present_form(t.text, lemma):
            return lemma
    return ""


_tag = lru_cache(maxsize=50_000)(_tag_cached)


def forget_texts() -> None:
    """Empty the per-text caches (tokens, tags, unknown-word analyses); the models stay loaded.

    For benchmarks that time a document as if it were the first one seen by a warm process."""
    _tag.cache_clear()
    _tokenize_cached.cache_clear()
    if _hanta.cache_info().currsize:
        _hanta().analyze_forward.cache_clear()


def analyze(tokens: list[str] | tuple[str, ...]) -> list[Tok]:
    """Tags and lemmas for ``tokens`` (cached: rules re-analyse the same sentences often)."""
    return list(_tag(tuple(tokens)))


def analyze_text(text: str) -> list[Tok]:
    return analyze(tokenize(text))


def warm_up() -> None:
    """Load the models now (the first sentence would pay for it otherwise)."""
    _somajo()
    _hanta()


WORD_RE = re.compile(r"[A-Za-zÄÖÜäöüßÀ-ÿ0-9]")


def is_word(token: str) -> bool:
    return bool(WORD_RE.search(token))
