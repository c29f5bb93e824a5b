"""Rule 6 ``compounds``: long compounds are split with a hyphen and a capital after it
("Integrationskonferenz" → "Integrations-Konferenz"), as the Netzwerk Leichte Sprache recommends.

A split point is accepted when the left part (without a linking s/es/n/en/e/ns/er) and the right part
are both frequent words (wordfreq Zipf ≥ 2.5) and the right part is a noun in german-nouns that is not
a derivational suffix ("-schaft", "-keit": see ``data/compound_blocklist.txt``). The head is split
again if it is long. Names (NE, glossary entries marked "do not translate") are never split. On for
Leichte Sprache; Einfache Sprache only when asked (``split_compounds``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from lesbar.simplify.analysis import Tok, analyze
from lesbar.simplify.clauses import quoted_names
from lesbar.simplify.morphology import is_known_noun, is_place_name, noun_info, separable_particle
from lesbar.simplify.resources import compound_blocklist, compound_prefixes, is_person_noun, roles
from lesbar.simplify.rules.words import glossary_matches, zipf
from lesbar.simplify.units import Unit

if TYPE_CHECKING:
    from lesbar.simplify.context import Context
    from lesbar.simplify.rules import Finding

ID = "compounds"
PRIORITY = 120
LEVELS = ("leicht", "einfach")
HEADINGS = True

MIN_LENGTH = 11  # letters; shorter compounds (Rathaus, Sprachkurs) are easy enough
CHECK_LENGTH = 14  # the checker reports unsplit words from this length
_LINKS = ("", "s", "es", "n", "en", "e", "ns", "er")
_MIN_ZIPF = 2.5
_SHORT_HEAD_ZIPF = 4.0
_RARE_STEM_ZIPF = 1.5
_COMMON_ZIPF = 3.0


_AGENT_ENDINGS = ("erinnen", "erin", "ern", "er")
_VERB_PARTICLES = ("ein", "aus", "an", "auf", "ab", "mit", "vor", "zu", "nach", "bei", "um", "durch", "weg", "zurück",
                   "quer", "los", "fest")


def _inside_particle_verb(low: str) -> set[int]:
    """Split points inside the agent noun of a particle verb ("seiteneinsteigerinnen": inside "einsteig"),
    where a split would cut the verb in two."""
    out: set[int] = set()
    for end in _AGENT_ENDINGS:
        if not low.endswith(end):
            continue
        stem = low[: -len(end)]
        for p in range(len(stem)):
            if stem[p:].startswith(_VERB_PARTICLES) and zipf(stem[p:] + "en") >= 2.5 and \
                    separable_particle(stem[p:] + "en"):
                out |= set(range(p + 1, len(stem) + 1))
                break
        break
    return out


def _nominalised(word: str) -> bool:
    """"Jugendlicher", "Ehrenamtliche", "Beschäftigten": an adjective or participle used as a noun (the word
    without its ending is a common adjective), which is no compound."""
    low = word.lower()
    for end in ("er", "en", "em", "es", "e"):
        if low.endswith(end) and len(low) - len(end) >= 6:
            base = low[: -len(end)]
            if base.endswith(("lich", "ig", "isch", "bar", "sam", "haft")) and zipf(base) >= 3.0:
                return True
    return False


@lru_cache(maxsize=20_000)
def split_compound(word: str) -> tuple[str, ...]:
    """The parts of a compound noun ("Integrations", "Konferenz"), or ``(word,)`` if it is not one."""
    if len(word) < MIN_LENGTH or not word.isalpha() or not word[:1].isupper():
        return (word,)
    if _demonym(word):
        return (word,)  # "Wittlicherinnen", "Heinsberger": people of a place, not "Witt-Licherinnen"
    if _nominalised(word):
        return (word,)  # "Jugendlicher": an adjective used as a noun, not "Jugend-Licher"
    best: tuple[tuple[float, float], int, str] | None = None
    low = word.lower()
    inside = _inside_particle_verb(low)
    for i in range(3, len(word) - 2):
        if i in inside:
            continue  # "Einsteigerinnen": never inside "einsteig-" ("Einst-Eigerinnen")
        head = word[i:].capitalize()
        if low[i:] in compound_blocklist() or len(head) < 3:
            continue
        agent_z = _agent_verb_zipf(head)
        derived_z = _collective_zipf(head)
        head_z = max(zipf(head), agent_z, _feminine_zipf(head), derived_z)  # "Antrag-Steller": "stellen" is common
        if not (is_known_noun(head) or agent_z >= _COMMON_ZIPF or _feminine_zipf(head) >= _MIN_ZIPF
                or derived_z >= _MIN_ZIPF or _compound_head(head)
                or (len(word) - word.endswith(("en", "er", "em", "es")) >= CHECK_LENGTH and _nominal_adjective(head))) or \
                head_z < (_MIN_ZIPF if len(head) > 3 else _SHORT_HEAD_ZIPF):
            continue  # a three-letter head only when it is a common word ("Integrations-Rat", "-Amt")
        left = word[:i]
        whole_z = _whole_zipf(word)
        if head in ("Ende", "Enden", "Ender") and left[-1:] not in ("n", "s"):
            continue  # "Vorsitzende", "Reisende": a participle, not "…-Ende"
        for link in _LINKS:
            if link and not left.lower().endswith(link):
                continue
            stem = left[: len(left) - len(link)] if link else left
            if len(stem) < 3 or stem.lower() in compound_prefixes() or left.lower() in compound_prefixes():
                continue
            if stem[-1:].lower() in ("n", "m", "s") and stem.lower()[:-1] in compound_prefixes():
                continue  # "Übern-Achtung": "übern" is the spoken "über'n", no first part
            if len(stem) == 3 and not is_known_noun(stem.capitalize()):
                continue  # "Gem-Einsamkeiten": a three-letter first part must be a word of its own ("Bus-")
            z = max(zipf(stem), zipf(stem.lower()), zipf(stem + "e") if link in ("", "s") else 0)
            noun = is_known_noun(stem.capitalize())
            if link == "er" and not noun:
                continue  # "Kinder-Garten" (Kind + er); not "Mitter-Nacht" ("Mitt" is no noun)
            verb_stem = max(zipf(stem.lower() + "n"), zipf(stem.lower() + "en")) >= _COMMON_ZIPF  # "Förder-"
            # not "Mitarb-Eiter": "mitarb" is no word, though wordfreq counts it
            common = z >= _MIN_ZIPF and (noun or verb_stem or z >= _COMMON_ZIPF)
            if common and z < _COMMON_ZIPF and not verb_stem and zipf(word) >= z:
                continue  # "Besch-Einigung", "Besch-Reibung": a rare first part rarer than the whole word is chance
            if whole_z >= 3.5 and whole_z > head_z and whole_z > z:
                continue  # "Generationen", "Katastrophen": a common word, more common than both supposed parts
            rare_noun = len(word) >= CHECK_LENGTH and z >= _RARE_STEM_ZIPF and noun  # "Subsidiaritäts-Prinzip"
            if not (common or rare_noun) and _compound_stem(stem):
                z = _MIN_ZIPF  # "Jugendmigrations-Dienst": the first part is a compound of its own
            elif not (common or rare_noun):
                continue
            # the rarer part decides; on a tie the more common parts win ("Landrats-Amt", not "Landrat-Samt")
            score = (min(z, head_z), z + head_z)
            if best is None or score > best[0]:
                best = (score, i, link)
    if best is None:
        return _particle_split(word) if len(word) >= CHECK_LENGTH else (word,)
    _, i, link = best
    left, head = word[:i], word[i:].capitalize()
    stem = left[: len(left) - len(link)]
    first = _compound_stem(stem) or (stem,)
    if len(first) > 1:  # "Jugend-Migrations-Dienst": the first part split too, in the word's own letters
        lead = [left[: len(first[0])]] + list(first[1:-1])
        return tuple(lead) + (first[-1] + left[len(stem) :],) + split_compound(head)
    return (left,) + split_compound(head)


def _nominal_adjective(head: str) -> bool:
    """"Berechtigten", "Beschäftigte": an adjective or participle used as a noun, as the head of "Wahl-Berechtigten";
    german-nouns lists few of them, the lower-case word is common."""
    low = head.lower()
    base = next((low[: -len(e)] for e in ("en", "er", "e") if low.endswith(e)), "")
    adjective = base.endswith(("nd", "ig", "lich", "isch")) or (base.endswith("t") and base.startswith(
        ("ge", "be", "er", "ver", "zer", "ent", "emp", "an", "ab", "auf", "aus", "ein", "vor", "zu", "über", "unter")))
    # ("Zuge-Wanderten": "wanderten" is a preterite, no participle)
    return len(head) >= 8 and adjective and zipf(low) >= _COMMON_ZIPF


def _compound_stem(stem: str) -> tuple[str, ...] | None:
    """The parts of a first part that is itself a rare compound of common words ("Jugendmigration",
    "Antidiskriminierung"), else None: "Lebensmittel", "Hausaufgaben" and "Sozialarbeiter" are common
    words a reader knows whole."""
    if len(stem) < 9 or zipf(stem) >= _RARE_STEM_ZIPF or zipf(stem.capitalize()) >= _RARE_STEM_ZIPF:
        return None
    parts = split_compound(stem.capitalize())
    if len(parts) < 2 or any(len(p) < 4 or zipf(p.rstrip("s")) < _COMMON_ZIPF and zipf(p) < _COMMON_ZIPF
                             for p in parts):
        return None
    return parts


def _demonym(word: str) -> bool:
    """A noun or adjective made from a place name with "-er" ("Heinsberger", "Wittlicherinnen")."""
    for suffix in ("erinnen", "erin", "ern", "er"):
        if word.endswith(suffix) and is_place_name(word[: -len(suffix)]):
            return True
    return False


def _whole_zipf(word: str) -> float:
    """How common the whole word is, its inflected and feminine forms counted by their base:
    "Begleiterinnen" is as common as "Begleiter" (and is then no "Beg-Leiterinnen")."""
    best = zipf(word)
    for ending in ("innen", "in", "en", "n", "s", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 5:
            best = max(best, zipf(word[: -len(ending)]))
    return best


def _feminine_zipf(head: str) -> float:
    """Frequency of the masculine noun of a feminine form ("Mittlerin" → "Mittler", "Pädagogin" →
    "Pädagoge"), 0 when ``head`` is no such form: the feminine forms are rare in word lists."""
    for suffix in ("innen", "in"):
        if head.endswith(suffix) and len(head) > len(suffix) + 3:
            base = head[: -len(suffix)]
            if not is_known_noun(base + "in"):
                return 0.0  # "Eiterin" is no word, though "Eiter" is ("Sachbearb-Eiterin")
            for cand in (base, base + "e"):
                if is_known_noun(cand):
                    return zipf(cand)
    return 0.0


def _collective_zipf(head: str) -> float:
    """Frequency of the noun a "-schaft" collective is made from ("Handwerkerschaft" → "Handwerker"), 0
    when ``head`` is none: such collectives are rare in word lists but as plain as their base
    ("Kreis-Handwerkerschaft")."""
    for suffix in ("schaften", "schaft"):
        if head.endswith(suffix) and len(head) > len(suffix) + 3:
            base = head[: -len(suffix)]
            return zipf(base) if is_known_noun(base) else 0.0
    return 0.0


def _compound_head(head: str) -> bool:
    """A head that is itself a compound of known parts ("Selbstorganisation" in
    "Migrantenselbstorganisation"), long enough to be worth a split of its own."""
    return len(head) >= MIN_LENGTH and len(split_compound(head)) > 1


def _agent_verb_zipf(head: str) -> float:
    """Frequency of the verb an agent noun comes from ("Steller", "Stellerinnen" → "stellen"), 0 if the
    head is no "-er" noun. A rare agent noun of a common verb is a good head: "Antrag-Steller", not the
    "Antrags-Teller" that the frequent "Teller" would give."""
    low = head.lower()
    for suffix in ("innen", "in"):
        if low.endswith("er" + suffix):
            low = low[: -len(suffix)]
            break
    if not low.endswith("er") or len(low) < 5:
        return 0.0
    stem = low[:-2]
    return max(zipf(stem + "en"), zipf(stem + "n") if stem.endswith(("el", "er")) else 0.0)


#: separable verb particles that Leichte Sprache texts split off long nouns ("Teil-Nehmer", "Mit-Arbeiter")
_PARTICLES = ("zusammen", "heraus", "zurück", "weiter", "teil", "mit", "auf", "aus", "ein", "vor", "nach", "bei")
_AGENT_SUFFIXES = ("erinnen", "erin", "ern", "er", "enden", "ende", "ungen", "ung")


def _particle_split(word: str) -> tuple[str, ...]:
    """A long noun made from a particle verb: "Teilnehmerinnen" → ("Teil", "Nehmerinnen"). The rest must
    be a common noun ("Forderung") or an agent/participle/-ung noun of a common verb ("nehmen")."""
    low = word.lower()
    for particle in _PARTICLES:
        rest = low[len(particle) :]
        if not low.startswith(particle) or len(rest) < 5:
            continue
        head = rest.capitalize()
        if is_known_noun(head) and zipf(head) >= _MIN_ZIPF:
            return (word[: len(particle)], head)
        for suffix in _AGENT_SUFFIXES:
            verb = rest[: -len(suffix)] + "en"
            if rest.endswith(suffix) and len(rest) - len(suffix) >= 3 and zipf(verb) >= _COMMON_ZIPF and \
                    zipf(particle + verb) >= _MIN_ZIPF:  # "Teil-Nehmerinnen"; not "Ein-Wohnerinnen" ("einwohnen")
                return (word[: len(particle)], head)
    return (word,)


def hyphenate(word: str, lemma: str = "") -> str:
    """``word`` with hyphens between its parts. The split is found on the lemma (``Messestand``) and
    carried over to the inflected form (``Messeständen`` → ``Messe-Ständen``)."""
    base = lemma if lemma and lemma[:1].isupper() and lemma.isalpha() else word
    parts = split_compound(base)
    if len(parts) <= 1:
        if base != word:
            parts = split_compound(word)
        if len(parts) <= 1:
            return word
        return "-".join(parts)
    prefix = "".join(parts[:-1])
    if not word.lower().startswith(prefix.lower()) or len(word) <= len(prefix) + 2:
        return word  # (the parts after the first are capitalised: "Ober", "Bürger", "Meister")
    out: list[str] = []
    pos = 0
    for part in parts[:-1]:
        piece = word[pos : pos + len(part)]
        out.append(piece if not out else piece[:1].upper() + piece[1:])
        pos += len(part)
    head = word[pos:]
    out.append(head[:1].upper() + head[1:])
    return "-".join(out)


_HYPHENATED = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)+")


def explained_forms(ctx: Context) -> dict[str, tuple[str, ...]]:
    """Words that the draft's explanations write with a hyphen ("Bürger-Geld ist Geld vom Job-Center."):
    lower-case joined form → parts. The text must write them the same way, or the reader does not see
    that "Bürgergeld" is the word explained as "Bürger-Geld"."""
    out: dict[str, tuple[str, ...]] = {}
    for text in ctx.explained.values():
        for m in _HYPHENATED.finditer(text):
            parts = tuple(m.group(0).split("-"))
            out.setdefault("".join(parts).lower(), parts)
    return out


def split_like_explanation(word: str, lemma: str, ctx: Context) -> str:
    """``word`` split as an explanation writes it or its lemma ("Fachforen" → "Fach-Foren" after
    "Ein Fach-Forum ist …"), else unchanged."""
    forms = explained_forms(ctx)
    if not forms or not word.isalpha():
        return word
    parts = forms.get(word.lower()) or forms.get(lemma.lower())
    if not parts:
        return word
    prefix = "".join(parts[:-1])
    if not word.lower().startswith(prefix.lower()) or len(word) <= len(prefix) + 1:
        return word
    out: list[str] = []
    pos = 0
    for part in parts[:-1]:
        piece = word[pos : pos + len(part)]
        out.append(piece if not out else piece[:1].upper() + piece[1:])  # "Jugend-Migrations-Dienst"
        pos += len(part)
    head = word[pos:]
    return "-".join(out + [head[:1].upper() + head[1:]])


def _protected(toks: list[Tok], ctx: Context) -> set[str]:
    text = " ".join(t.text for t in toks)
    out = set()
    for m in glossary_matches(text, ctx):
        if m.entry.dnt:
            out.update(m.surface.split())
    for person in ctx.persons:
        # "Petra Wollenhaupt sagt:": a name the text gave a person is never split, also where a rule
        # wrote it without the first name or role that made the tagger read it as one
        words = person.name.split()
        if words and words[0].lower() not in _DESCRIPTION_STARTS and all(w[:1].isupper() for w in words) and not (
                len(words) == 1 and noun_info(words[0]) is not None):  # ("Das Willkommenscafé … sagt": a noun)
            out.update(words)
    return out


#: how a person named by a description starts ("Die Mutter von Amira", "Ihr Lieblingsschüler", "Einige
#: Besucher"): those words are nouns, no name
_DESCRIPTION_STARTS = {"der", "die", "das", "ein", "eine", "einer", "eines", "mein", "meine", "dein", "deine", "sein",
                       "seine", "ihr", "ihre", "unser", "unsere", "euer", "eure", "einige", "viele", "manche", "alle",
                       "mehrere", "diese", "dieser", "dieses", "jede", "jeder", "jedes", "zwei", "drei", "beide"}


def _role_noun(t: Tok) -> bool:
    """A noun for a person's role ("Oberbürgermeister", "Sozialpädagogin"), strictly: "Förderverein" or
    "Sportverein" before a two-word name are institutions."""
    return t.text in roles() or t.tag == "NNA" or t.text.lower().endswith(_ROLE_ENDINGS)


_ROLE_ENDINGS = ("er", "erin", "ent", "entin", "ist", "istin", "or", "orin", "eur", "eurin", "gogin", "gin")


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    if not ctx.options.split_compounds:
        return None
    toks = unit.toks()
    protected = _protected(toks, ctx)
    inside = quoted_names(toks)  # „Winterhilfe 2025“ is a name or a reference: as written
    words = []
    changed = 0
    renames: dict[str, str] = {}
    for k, t in enumerate(toks):
        w = t.text
        # "Musikschule Unna" is a name; "Oberbürgermeister Thomas Westphal" is a role before a person's name
        in_name = k + 1 < len(toks) and toks[k + 1].tag == "NE" and not (
            k + 2 < len(toks) and toks[k + 2].tag == "NE" and _role_noun(t))
        # "die Kita Sonnenblume", "das Café Sonnenschein": a noun right after a noun (no article, no
        # preposition between) is the name of the place the first one names
        close_apposition = k > 0 and (toks[k - 1].tag == "NN" or (
            toks[k - 1].tag == "ADJ(A)" and is_known_noun(toks[k - 1].text))) and "-" not in toks[k - 1].text and \
            k >= 2 and toks[k - 2].tag in ("ART", "APPRART", "PPOSAT", "PDAT")
        # "in Bruckhausen", "nach Marienheide": a place name the tagger reads as a noun (no article, unknown)
        place = k > 0 and toks[k - 1].text.lower() in ("in", "nach", "aus", "bis") and not is_known_noun(t.text) \
            and not is_known_noun(t.lemma) and zipf(t.text) < 3.0
        if t.tag in ("NN", "NNA") and w not in protected and not in_name and not close_apposition and not place \
                and k not in inside and w not in ctx.place_names:
            parts = w.split("-")
            lemma = t.lemma if len(parts) == 1 else ""
            new_parts = [hyphenate(p, lemma) if p[:1].isupper() else p for p in parts]
            if len(parts) == 1 and new_parts == parts:
                new_parts = [split_like_explanation(w, t.lemma, ctx)]
            new = "-".join(new_parts)
            if new != w:
                renames[w] = new
                w = new
                changed += 1
        words.append(w)
    changed += _split_like_neighbours(words, toks, renames, protected)
    frame = _frame_words(unit, protected)
    if not changed and frame is None:
        return None
    ctx.counts[ID] += changed
    explained = {_rename(k, renames): v for k, v in unit.explained.items()}
    terms = {_rename(k, renames): v for k, v in unit.terms.items()}
    speaker, tail = frame if frame is not None else (unit.speaker, unit.speech_tail)
    return [unit.derive(words, ID, explained=explained, terms=terms, speaker=speaker, speech_tail=tail)]


def _frame_words(unit: Unit, protected: set[str]) -> tuple[str, list[str]] | None:
    """The speaker frame is written like the sentence: "Die Integrations-Beauftragte Lena Ostermann sagt bei
    der Eröffnung vor Gästen aus der Zivil-Gesellschaft:". Names (``protected``) stay as they are."""
    if not unit.speaker:
        return None
    words = unit.speaker.split()
    toks = analyze(words)
    speaker = []
    for k, (w, t) in enumerate(zip(words, toks, strict=True)):
        name_follows = k + 1 < len(toks) and toks[k + 1].tag == "NE"
        if t.tag in ("NN", "NNA", "ADJ(A)") and w[:1].isupper() and (is_person_noun(w, t.tag) or not name_follows) \
                and "-" not in w and w not in protected:
            w = hyphenate(w, t.lemma)
        speaker.append(w)
    tail = []
    tail_toks = analyze(unit.speech_tail) if unit.speech_tail else []
    for w, t in zip(unit.speech_tail, tail_toks, strict=True):
        tail.append(hyphenate(w, t.lemma) if t.tag in ("NN", "NNA") and "-" not in w else w)
    if speaker == words and tail == unit.speech_tail:
        return None
    return " ".join(speaker), tail


def _split_like_neighbours(words: list[str], toks: list[Tok], renames: dict[str, str], protected: set[str]) -> int:
    """"Jede Teil-Nehmerin und jeder Teilnehmer": a shorter form of a word split in the same sentence is
    split the same way ("Teil-Nehmer"), so that the pair reads as the same word."""
    splits = [new.split("-") for new in renames.values() if new.count("-") == 1]
    changed = 0
    for k, t in enumerate(toks):
        w = words[k]
        if t.tag not in ("NN", "NNA") or "-" in w or w in protected or not w.isalpha():
            continue
        for left, head in splits:
            rest = w[len(left) :]
            stem = head.lower().removesuffix("innen").removesuffix("in")  # "Nehmerinnen" → "nehmer"
            if w.startswith(left) and len(rest) >= 3 and (head.lower().startswith(rest.lower())
                                                          or rest.lower().startswith(head.lower())
                                                          or (len(stem) >= 4 and rest.lower().startswith(stem))):
                words[k] = f"{left}-{rest[:1].upper()}{rest[1:]}"
                renames[w] = words[k]
                changed += 1
                break
    return changed


def _rename(surface: str, renames: dict[str, str]) -> str:
    return " ".join(renames.get(w, w) for w in surface.split(" "))


def check(toks: list[Tok], ctx: Context) -> list[Finding]:
    from lesbar.simplify.rules import Finding

    if ctx.level != "leicht" and not ctx.options.split_compounds:
        return []
    protected = _protected(toks, ctx)
    long_words = [t.text for t in toks if t.tag in ("NN", "NNA") and t.text not in protected
                  and any(len(p) >= CHECK_LENGTH for p in t.text.split("-"))]
    if not long_words:
        return []
    return [Finding(ID, "Langes Wort: mit Binde-Strich trennen", long_words)]
