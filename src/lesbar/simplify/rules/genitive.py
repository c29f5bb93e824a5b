"""Rule 4 ``genitive``: genitive after a noun → "von dem / von der / von den" + dative
("des Kreises Heinsberg" → "vom Kreis Heinsberg", "der Ergebnisse" → "von den Ergebnissen").

german-nouns gives the gender and the dative form; for compounds only the head is inflected. "der"
after a noun is a genitive only for feminine singular or plural nouns (for masculine/neuter nouns it is
not a genitive article at all).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lesbar.simplify.analysis import Tok
from lesbar.simplify.clauses import quoted
from lesbar.simplify.morphology import dative, form_of, forms, noun_info
from lesbar.simplify.rules.words import glossary_matches
from lesbar.simplify.temporal import WEEKDAYS
from lesbar.simplify.units import Unit

if TYPE_CHECKING:
    from lesbar.simplify.context import Context
    from lesbar.simplify.rules import Finding

ID = "genitive"
PRIORITY = 80
LEVELS = ("leicht", "einfach")
HEADINGS = True

_GEN_ARTICLES = {"des", "der", "eines", "einer"}
#: fixed names with a genitive that everyone knows in that form (noun before, genitive noun)
#: events named with a genitive ("Fest der Kulturen", "Sportfest der Nationen", "Woche der Vielfalt")
_EVENTS = ("fest", "festival", "woche", "nacht", "markt", "gala", "tag")
_FIXED_NAMES = {("Tag", "Tür"), ("Haus", "Jugend"), ("Tag", "Arbeit"), ("Tag", "Einheit"), ("Haus", "Geschichte"),
                ("Tag", "Begegnung"), ("Woche", "Begegnung"), ("Raum", "Stille"), ("Haus", "Begegnung"),
                ("Haus", "Kulturen"), ("Haus", "Familie"), ("Garten", "Kulturen"), ("Garten", "Religionen"),
                ("Platz", "Republik"), ("Platz", "Einheit"), ("Haus", "Religionen"), ("Ort", "Begegnung"),
                ("Ort", "Erinnerung"), ("Tag", "Menschenrechte"), ("Tag", "Muttersprache")}


def _match(toks: list[Tok], i: int, ctx_gender=None, coordinated: bool = False) -> tuple[int, list[str]] | None:  # noqa: ANN001
    """A genitive phrase starting at article ``i`` → (end index, replacement words). ``coordinated``:
    the second of two genitives joined by und/oder ("des Einkommens oder des Vermögens")."""
    t = toks[i]
    art = t.text.lower()
    if art not in _GEN_ARTICLES or t.tag != "ART" or i == 0:
        return None
    prev = toks[i - 1]
    if not prev.is_noun and not coordinated and not (prev.tag in ("PIS", "PIAT") and prev.text.lower() in (
            "viele", "einige", "manche", "alle", "wenige", "keiner", "keine", "jeder", "jede", "einer", "eine",
            "mehrere", "beide", "zwei", "drei", "die", "meisten")):
        return None  # "viele der Anwesenden" → "viele von den Anwesenden"; otherwise only after a noun
    if not coordinated and any(prev.text.lower().startswith(d) for d in WEEKDAYS):
        return None  # "sind am Mittwochabend der Einladung gefolgt": a weekday takes no genitive, "der" is a dative
    j = i + 1
    adjs = []
    while j < len(toks) and toks[j].tag in ("ADJ(A)", "CARD", "PIAT", "ADV") and not toks[j].is_noun:
        adjs.append(toks[j].text)
        j += 1
    if j < len(toks) and art == "des" and toks[j].text.isupper() and len(toks[j].text) >= 2 and ctx_gender:
        # "des KI": an abbreviation whose gender the glossary knows
        g = ctx_gender(toks[j].text)
        if g in ("m", "n"):
            return j + 1, ["vom"] + adjs + [toks[j].text]
        return None
    prefix = ""
    if j < len(toks) and toks[j].tag in ("NN", "NE") and "-" in toks[j].text.strip("-"):
        # "des Rhein-Sieg-Kreises": the last part is inflected ("vom Rhein-Sieg-Kreis")
        head, _, last = toks[j].text.rpartition("-")
        if last[:1].isupper() and last.isalpha() and noun_info(last) is not None:
            prefix = head + "-"
            toks = toks[:j] + [Tok(last, "NN", noun_info(last).lemma)] + toks[j + 1 :]
    if j >= len(toks) or toks[j].tag not in ("NN", "NNA"):
        return None
    if (prev.text, toks[j].text) in _FIXED_NAMES or (
            prev.text.lower().endswith(_EVENTS) and art in ("der", "des") and toks[j].text[:1].isupper()
            and (i < 2 or toks[_before_adjectives(toks, i - 2)].text.lower() not in ("am", "an", "vom", "seit", "bis",
                                                                                   "nach"))
            and not (j + 1 < len(toks) and toks[j + 1].tag == "NE")):  # ("Woche des Kreises Lippe": its owner)
        # "Tag der Deutschen Einheit", "Tag der offenen Moschee", "Fest der Kulturen": names of events, not
        # genitives to rewrite ("am Tag der Wahl" is a date and gets "von")
        return None
    noun = toks[j]
    end = j + 1
    names = []
    while end < len(toks) and toks[end].tag == "NE":
        names.append(toks[end].text)
        end += 1
    if art in ("der", "einer") and end < len(toks) and (toks[end].tag.startswith("V") or toks[end].tag == "PTKVZ") and not coordinated and (
            end + 1 == len(toks) or toks[end + 1].text in {",", ".", ";", "!", "?"}):
        k = i - 2
        while k >= 0 and toks[k].tag == "ADJ(A)":
            k -= 1
        after_genitive = k > 0 and toks[k].tag == "ART" and toks[k].text.lower() in ("der", "des") and \
            toks[k - 1].is_noun  # "Prozent der Männer", not "auf der Internetseite der Stadt"
        info = noun_info(toks[j].lemma) if toks[j].tag == "NN" else None
        accusative_before = k >= 0 and toks[k].text.lower() in ("den", "einen", "ihren", "seinen", "unseren",
                                                                 "diesen", "keinen", "euren", "meinen", "deinen")
        if info is not None and info.genus == "f" and (
                (accusative_before and toks[end].lemma in _DATIVE_VERBS) or (
                    toks[end].lemma in _TARGET_VERBS and not after_genitive)):
            # "hat Ihren Sohn der Gesamtschule zugewiesen", "das Kind einer Schule zuzuweisen": an object, then
            # the dative one right before a verb that takes both (with "zuweisen" the target is never missing)
            return None
        if after_genitive and info is not None and info.genus == "f" and toks[j].text in forms(info, "dativ singular"):
            # "58 Prozent der Männer einer Beschäftigung nachgehen": after a genitive and before the verb
            # that ends the clause, a feminine "einer/der Beschäftigung" is the verb's dative object
            return None
    # "der Kindertagesstätte" read as an adjective: a noun all the same when no adjective is written so
    # ("der Grünen", "der Ehrenamtlichen" are adjectives used as nouns)
    known = noun_info(noun.text) if noun.tag == "NNA" else None
    if known is not None and not (known.genus == "f" and noun.text == form_of(known, "nominativ singular")):
        known = None  # only a feminine noun in its own form ("Kindertagesstätte"), not "der Ratsuchenden"
    if noun.tag == "NNA" and known is None:  # nominalised adjective: "der Teilnehmenden" – the form stays
        if art == "der":
            return end, ["von", "den"] + adjs + [prefix + noun.text] + names
        return None
    info = known or noun_info(noun.lemma)
    if info is None:
        return None
    plural = noun.text in forms(info, "genitiv plural") and (
        noun.text not in forms(info, "genitiv singular")
        # "der Nachbarn", "der Menschen": after "der" a masculine weak noun can only be plural
        or (art == "der" and info.genus in ("m", "n") and noun.text not in forms(info, "nominativ singular")))
    if art in ("des", "eines"):
        if info.genus not in ("m", "n"):
            return None
        dat = dative(info, plural=False) or noun.lemma
        head = ["vom"] if art == "des" else ["von", "einem"]
        return end, head + adjs + [prefix + dat] + names
    if art == "einer":
        if info.genus != "f":
            return None
        return end, ["von", "einer"] + adjs + [prefix + noun.text] + names
    # "der": feminine singular or plural
    if plural and noun.text in forms(info, "nominativ singular") and (
            prev.tag == "NE" or (_copula_around(toks, i)
                                 and not any(x.tag.endswith(("(PP)", "(INF)", "(IZU)")) for x in toks))):
        return None  # "Damals war Herr Koch der Trainer": a predicate noun in the nominative, no genitive
    if plural:
        out = ["von", "den"] + adjs + [prefix + (dative(info, plural=True) or noun.text)] + names
        if not names and end + 1 < len(toks) and toks[end].text in ("und", "oder") and toks[end + 1].tag == "NN":
            other = noun_info(toks[end + 1].lemma)
            if other is not None and toks[end + 1].text in forms(other, "genitiv plural"):
                # "der Leserinnen und Leser" → "von den Leserinnen und Lesern": both nouns in the dative
                return end + 2, out + [toks[end].text, dative(other, plural=True) or toks[end + 1].text]
        return end, out
    if info.genus == "f":
        return end, ["von", "der"] + adjs + [prefix + noun.text] + names
    return None


#: verbs with an accusative and a dative object ("hat Ihren Sohn der Gesamtschule zugewiesen")
_DATIVE_VERBS = {"zuweisen", "geben", "schicken", "senden", "übergeben", "überreichen", "zeigen", "vorstellen",
                 "empfehlen", "anbieten", "bringen", "schenken", "melden", "mitteilen", "übermitteln", "vorlegen",
                 "zuordnen", "überlassen", "überweisen", "zuteilen", "zusenden", "zustellen", "aushändigen"}


#: verbs that always name where something goes in the dative ("einer Schule zuweisen")
_TARGET_VERBS = {"zuweisen", "zuordnen", "zuteilen", "überweisen", "zusenden", "zustellen", "aushändigen",
                 "überreichen", "übergeben"}


def _before_adjectives(toks: list[Tok], k: int) -> int:
    """The index of the word before the adjectives ending at ``k`` ("am ersten Tag": "am")."""
    while k > 0 and toks[k].tag == "ADJ(A)":
        k -= 1
    return k


def _copula_around(toks: list[Tok], i: int) -> bool:
    """A finite sein/werden/bleiben before the article ("ist die Stadt der Eigentümer") or closing the
    clause after it ("dass der Verein der Veranstalter ist"): the phrase may be its predicate noun."""
    words = [k for k, x in enumerate(toks) if x.is_word]
    return any(x.is_finite and x.lemma in ("sein", "werden", "bleiben") and (k < i or (words and k == words[-1]))
               for k, x in enumerate(toks))


def _gender_lookup(ctx):  # noqa: ANN001, ANN202
    """Gender of an abbreviation from the glossary ("KI" → n) or from the long form the text gave it
    ("Kommunales Integrationszentrum (KI)": the gender of its last noun), or None when neither exists."""
    if ctx.glossary is None and not ctx.acronyms:
        return None

    def gender(word: str) -> str:
        if ctx.glossary is not None:
            for m in glossary_matches(word, ctx):
                if m.surface == word:
                    return getattr(m.entry, "gender", "") or ""
        long = ctx.acronyms.get(word, "")
        info = noun_info(long.split()[-1]) if long else None
        return info.genus if info is not None else ""

    return gender


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    toks = unit.toks()
    words: list[str] = []
    i = 0
    changed = 0
    gender = _gender_lookup(ctx)
    inside = quoted([t.text for t in toks])  # "Stimmen der Welt" is a name
    while i < len(toks):
        if ctx.level == "leicht" and toks[i].text.lower() in ("wegen", "trotz") and i + 1 < len(toks) and \
                i + 1 not in inside and (m := _match(toks, i + 1, gender, coordinated=True)) is not None:
            # "wegen des Regens" → "wegen dem Regen": Leichte Sprache takes the dative after wegen/trotz too
            end, repl = m
            words.extend([toks[i].text] + (["dem"] + repl[1:] if repl[0] == "vom" else repl[1:]))
            i = end
            changed += 1
            continue
        m = _match(toks, i, gender) if i not in inside else None
        if m is not None:
            start = i
            end, repl = m
            words.extend(repl)
            i = end
            changed += 1
            # "vom Einkommen oder des Vermögens": a second "des"/"eines" genitive after und/oder goes too
            if toks[start].text.lower() in ("des", "eines") and i + 1 < len(toks) \
                    and toks[i].text in ("und", "oder", "sowie") and toks[i + 1].text.lower() in ("des", "eines"):
                second = _match(toks, i + 1, gender, coordinated=True)
                if second is not None:
                    words.append(toks[i].text)
                    words.extend(second[1])
                    i = second[0]
                    changed += 1
            continue
        words.append(toks[i].text)
        i += 1
    if not changed:
        return None
    ctx.counts[ID] += changed
    return [unit.derive(words, ID)]


def check(toks: list[Tok], ctx: Context) -> list[Finding]:
    from lesbar.simplify.rules import Finding

    if ctx.level != "leicht":
        return []  # Einfache Sprache may keep genitives (the rule still rewrites the easy cases)
    words = []
    inside = quoted([t.text for t in toks])  # a quoted name ("„Stimmen der Welt“") is not the writer's genitive
    for i, t in enumerate(toks):
        low = t.text.lower()
        if i in inside:
            continue
        if t.tag == "ART" and low in ("des", "eines") and i > 0 and toks[i - 1].is_noun:
            words.append(t.text)
        elif _match(toks, i) is not None:
            words.append(t.text)
    if not words:
        return []
    return [Finding(ID, "Genitiv: mit „von“ schreiben", words)]
