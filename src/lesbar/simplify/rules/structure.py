"""Rule 9 ``structure``: enumerations of more than three items become a list.

"Es gibt Kurse in Deutsch, Englisch, Arabisch und Türkisch." → "Es gibt Kurse in:" followed by a
list with one item per line. In a sentence over the level's word limit, three items (of up to eight
words) become a list too: that is the gentlest way to shorten it. Only enumerations at the end of a
sentence are turned into lists (the sentence before them stays a full clause); others get a review
comment. Enumerations inside names ("Ministerium für Kinder, Jugend, Familie …") are left alone: an item
that is part of a name is not detectable reliably, so nothing after "für" following a name-like noun is
listed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lesbar.simplify.analysis import Tok
from lesbar.simplify.clauses import SENT_END, top_level_commas
from lesbar.simplify.resources import TITLES
from lesbar.simplify.units import Unit

if TYPE_CHECKING:
    from lesbar.simplify.context import Context
    from lesbar.simplify.rules import Finding

ID = "structure"
PRIORITY = 130
LEVELS = ("leicht", "einfach")
HEADINGS = False

_NP_TAGS = {"ART", "ADJ(A)", "NN", "NE", "NNA", "CARD", "PPOSAT", "PIAT", "PDAT"}
MIN_ITEMS = 4
MAX_ITEM_WORDS = 5
LONG_ITEM_WORDS = 8


def find_enumeration(toks: list[Tok], min_items: int = MIN_ITEMS,
                     max_item_words: int = MAX_ITEM_WORDS) -> tuple[int, list[list[Tok]]] | None:
    """(start index, items) of an enumeration "A, B, C und D" with at least ``min_items`` items."""
    commas = top_level_commas(toks)
    if len(commas) < min_items - 2:
        return None
    end = len(toks)
    while end > 0 and toks[end - 1].text in SENT_END:
        end -= 1
    # walk back from the end: last item after und/oder/sowie, then comma-separated items. The last
    # "und"/"oder" may be inside the last item ("sowie Änderungen vom Einkommen oder vom Vermögen"): the
    # conjunction before it is tried too.
    last_comma = max(commas)
    for k in [i for i in range(end - 1, last_comma, -1) if toks[i].tag == "KON"
              and toks[i].text in ("und", "oder", "sowie") and not _gender_pair(toks, i)][:2]:
        found = _enumeration_at(toks, commas, k, end, min_items, max_item_words)
        if found is not None:
            return found
    return None


def _gender_pair(toks: list[Tok], k: int) -> bool:
    """"Erzieherinnen und Erziehern", "Bürgerinnen und Bürger": one group named in both forms, no two items."""
    if k == 0 or k + 1 >= len(toks):
        return False
    left, right = toks[k - 1].text, toks[k + 1].text
    return left.endswith("innen") and len(left) > 7 and right.startswith(left[:-5])


def _enumeration_at(toks: list[Tok], commas: list[int], k: int, end: int, min_items: int,
                    max_item_words: int) -> tuple[int, list[list[Tok]]] | None:
    if k <= 0 or any(t.is_finite for t in toks[k + 1 : end]) or not (1 <= end - k - 1 <= max_item_words):
        return None
    items = [toks[k + 1 : end]]
    right = k
    for c in reversed([c for c in commas if c < k]):
        item = toks[c + 1 : right]
        if not item or len(item) > max_item_words or any(t.is_finite or t.tag in ("KOUS", "PRELS") for t in item):
            break
        items.insert(0, item)
        right = c
    # the first item: back to the preposition/verb that governs the enumeration
    j = right - 1
    first: list[Tok] = []
    while j >= 0 and len(first) < max_item_words and (toks[j].tag in _NP_TAGS or (
            toks[j].text in ("von", "vom") and j > 0 and toks[j - 1].tag == "NN" and first)):
        if toks[j].tag in ("NN", "NE", "NNA") and first and first[0].tag in ("ART", "PPOSAT", "PIAT", "PDAT", "CARD") \
                and not (len(first) == 1 and first[0].tag == "CARD"):
            # "plant das Team einen Ausflug": a noun before the item's article ends another phrase; a number
            # alone after a noun is its number ("das Zeugnis der Klasse 4")
            break
        first.insert(0, toks[j])  # "die Aufnahme von einer Arbeit": "von" after a noun belongs to it
        j -= 1
    if not first or j < 0:
        return None
    if toks[j].tag == "KON" or toks[j].text.endswith("-") or (toks[j].text == "zum" and first[0].text == "Beispiel"):
        return None  # "Musik- und Tanzauftritte", "mit zum Beispiel …": the intro would end in a fragment
    items.insert(0, first)
    if len(items) < min_items:
        return None
    if any(not any(t.tag in ("NN", "NE", "NNA", "CARD") for t in item) for item in items):
        return None  # "in deutscher, arabischer … Sprache": adjectives sharing one noun are no list
    if any(t.tag == "PTKVZ" or t.tag.startswith("V") for t in items[-1]):
        return None
    if any(t.tag.startswith("V") for item in items for t in item):
        return None  # "aus der Türkei, gefolgt von Syrien mit 15 …": a participle phrase, no item
    if toks[j].text == "für" and j > 0 and toks[j - 1].tag in ("NN", "NE"):
        return None  # "Ministerium für Kinder, Jugend, …" is a name
    if not _phrase_boundary(toks, j) or not _complete_items(items):
        return None
    if any(item and item[0].text.lower() in _SUBSET_WORDS for item in items):
        return None  # "ein Team aus 14 Ehrenamtlichen, darunter ein Elektromeister, …": members, no siblings
    return j + 1, items


#: words that open a part of what was named before ("darunter", "davon"): that is no item of the list
_SUBSET_WORDS = {"darunter", "davon", "insbesondere", "etwa", "beispielsweise", "vor"}


#: an intro ending in one of these stops inside a noun phrase ("über die Fische vom:", "nach dem:")
_OPEN_PHRASE = {"ART", "APPRART", "ADJ(A)", "PPOSAT", "PIAT", "PDAT", "CARD", "PIDAT"}


def _phrase_boundary(toks: list[Tok], j: int) -> bool:
    """Whether the intro ending at ``toks[j]`` ends at a phrase boundary: not after an article, a
    contracted article or an adjective, nor at a preposition inside a noun phrase ("ein nach:" of "ein
    nach dem Stadtteil benanntes Gericht")."""
    t = toks[j]
    if t.tag in _OPEN_PHRASE:
        return False
    if t.tag in ("ADV", "ADJ(D)") and j + 1 < len(toks) and toks[j + 1].tag == "ADJ(A)":
        return False  # "die Beratung sehr junger Kinder": the adverb belongs to the adjective after it
    return not (t.tag.startswith("APPR") and j > 0 and toks[j - 1].tag in _OPEN_PHRASE)  # "ein nach:"


def _complete_items(items: list[list[Tok]]) -> bool:
    """Items are complete, parallel phrases: if one starts with a preposition, all do ("über die Fische,
    über die Vögel"; not "die Fische vom Meer" next to "über die Vögel"), and the first does not hold
    the preposition the others depend on ("Arten von Vieh", "Reptilien", "wilden Tieren": bare nouns,
    like the noun after "von")."""
    if any(i and i[0].text.lower() in ("aber", "sondern", "doch", "jedoch") for i in items):
        return False  # "aus der Berufsschule, aber auch das Schreiben …": a contrast, no list of equals
    starts = [bool(i) and i[0].tag.startswith("APPR") for i in items]
    if any(starts) and not all(starts):
        return False
    first = items[0]
    if any(i and i[0].tag in _DETERMINERS for i in items[1:]):
        return True  # "die Aufnahme von einer Arbeit, ein Umzug, …": items of their own
    return not any(t.tag == "APPR" and k > 0 and first[k - 1].is_noun and first[k + 1].tag not in _DETERMINERS
                   for k, t in enumerate(first[:-1]))


_DETERMINERS = {"ART", "PPOSAT", "PDAT", "PIAT"}
#: words before a person's name that start an item of a list of persons
_PERSON_TITLES = TITLES | {"Herr", "Frau"}
_CONTRACTED = {"vom": ("von", "dem"), "zum": ("zu", "dem"), "zur": ("zu", "der"), "beim": ("bei", "dem"),
               "im": ("in", "dem"), "am": ("an", "dem")}
_VERB_END = {"VV(PP)", "VV(INF)", "VA(INF)", "VM(INF)", "VA(PP)", "PTKVZ", "VV(IZU)"}


def _determined_items(span: list[Tok]) -> list[list[Tok]] | None:
    """A list of noun phrases that each start with an article ("der Stiftung Mercator, dem Ministerium
    für Arbeit, Gesundheit und Soziales …, der Sparkasse Dortmund und dem Caritasverband …"): a comma or
    "und" followed by an article starts a new item, one followed by a bare noun continues the item (a
    name like "Ministerium für Arbeit, Gesundheit und Soziales")."""
    if not span or span[0].tag not in _DETERMINERS:
        return None
    items: list[list[Tok]] = [[]]
    depth = 0
    for k, t in enumerate(span):
        nxt = span[k + 1] if k + 1 < len(span) else None
        if t.text in ("(", "„"):
            depth += 1
        elif t.text in (")", "“"):
            depth -= 1
        boundary = depth == 0 and (t.text == "," or (t.tag == "KON" and t.text in ("und", "oder", "sowie")))
        # "… Selin Aydın und Dr. Thomas Weigand"; not "der Leiterin vom KI, Dr. Ayşe Kaya-Brenner," (her name)
        person = nxt is not None and (nxt.text in _PERSON_TITLES or nxt.tag == "NE") and any(
            x.tag == "NE" for x in items[-1])
        if boundary and nxt is not None and (nxt.tag in _DETERMINERS or person) and items[-1]:
            items.append([])
            continue
        items[-1].append(t)
    if any(t.is_finite or t.tag in ("KOUS", "PRELS") for item in items for t in item):
        return None
    if any(item[k - 1].is_noun and t.tag == "ART" and t.text.lower() not in ("der", "des")
           for item in items for k, t in enumerate(item) if k > 0):
        return None  # "innerhalb eines Jahres eine Arbeit, …": two phrases in one item, the list starts later
    return items if not _last_item_runs_on(items) else None


def _prepositional_items(span: list[Tok]) -> list[list[Tok]] | None:
    """"um die Öffnung …, um das Zusammenspiel … und um das KIM …": items that all start with the same
    preposition (a comma or "und" before it starts a new item)."""
    prep = span[0].text.lower()
    items: list[list[Tok]] = [[]]
    for k, t in enumerate(span):
        nxt = span[k + 1] if k + 1 < len(span) else None
        boundary = t.text == "," or (t.tag == "KON" and t.text in ("und", "oder", "sowie"))
        if boundary and nxt is not None and nxt.text.lower() == prep and items[-1]:
            items.append([])
            continue
        items[-1].append(t)
    if any(t.is_finite or t.tag in ("KOUS", "PRELS") for item in items for t in item):
        return None
    if any(len(item) < 2 for item in items) or any(t.text == "," for t in items[-1]):
        return None
    return items if not _last_item_runs_on(items) else None


def _last_item_runs_on(items: list[list[Tok]]) -> bool:
    """"mit A, mit B und mit C über den neuen Haushalt …": a last item much longer than the others holds
    words that belong to the whole sentence, not to it."""
    return len(items) > 1 and len(items[-1]) > max(len(i) for i in items[:-1]) + 4


def _final_prepositional(toks: list[Tok]) -> tuple[int, list[list[Tok]]] | None:
    """"In den Fachforen ging es um A, um B sowie um C." at the end of a sentence: items that repeat one
    preposition, however long each is (start index, items)."""
    end = len(toks)
    while end > 0 and toks[end - 1].text in SENT_END:
        end -= 1
    fins = [k for k, t in enumerate(toks) if t.is_finite]
    if len(fins) != 1:
        return None
    for p in range(fins[0] + 1, end - 1):
        if toks[p].tag != "APPR" or not _phrase_boundary(toks, p - 1):
            continue
        items = _prepositional_items(toks[p:end])
        if items and len(items) >= 3:
            return p, items
        return None
    return None


def find_embedded_list(toks: list[Tok], min_items: int) -> tuple[list[str], list[list[Tok]]] | None:
    """An enumeration after a preposition that the clause's verb part follows ("Das Projekt wird von A, B,
    C und D gefördert."): (intro with the verb part moved before the preposition — "Das Projekt wird
    gefördert von:" — and the items)."""
    end = len(toks)
    while end > 0 and toks[end - 1].text in SENT_END:
        end -= 1
    v = end
    while v > 0 and (toks[v - 1].tag in _VERB_END or toks[v - 1].text in ("werden", "worden", "sein")):
        v -= 1
    if v == end:
        return None  # an enumeration at the end is find_enumeration's
    for p in range(1, v - 1):
        contracted = _CONTRACTED.get(toks[p].text.lower())
        if contracted and toks[p].tag == "APPRART" and not toks[p - 1].is_noun:
            # "vom Land NRW, der Sparkasse …" → "von:" + "dem Land NRW", "der Sparkasse", …
            prep, article = contracted
            span = [Tok(article, "ART", "der")] + toks[p + 1 : v]
        elif toks[p].tag.startswith("APPR") and toks[p + 1].tag in _DETERMINERS and not toks[p - 1].is_noun:
            prep, span = toks[p].text, toks[p + 1 : v]  # not "die Aufnahme von einer Arbeit, …" (an attribute)
        else:
            continue
        repeated = toks[p].tag == "APPR" and _prepositional_items(toks[p:v])
        if repeated and len(repeated) >= min_items:
            # "ist es um A, um B und um C gegangen" → "ist es gegangen:" + "um A", "um B", "um C"
            return [t.text for t in toks[:p]] + [t.text for t in toks[v:end]] + [":"], repeated
        if any(t.is_finite for t in span):
            continue
        items = _determined_items(span)
        if items is None or len(items) < min_items or any(len(i) > LONG_ITEM_WORDS + 4 for i in items):
            continue
        intro = [t.text for t in toks[:p]] + [t.text for t in toks[v:end]] + [prep, ":"]
        return intro, items
    fins = [k for k, t in enumerate(toks[:v]) if t.is_finite]
    if len(fins) == 1 and fins[0] + 1 < v and toks[fins[0] + 1].tag in _DETERMINERS and (
            toks[0].tag.startswith("APPR") or (toks[0].tag in ("ADV", "PAV", "PROAV") and fins[0] == 1)):
        # (only after a phrase of place or time: after a subject the noun phrases are objects, "sind der
        # Einladung von …, … gefolgt")
        # "Auf dem Podium haben A, B, C und D gesessen." → "Auf dem Podium haben gesessen:" + the persons
        f = fins[0]
        items = _determined_items(toks[f + 1 : v])
        if items is not None and len(items) >= min_items and not any(len(i) > LONG_ITEM_WORDS + 4 for i in items):
            return [t.text for t in toks[: f + 1]] + [t.text for t in toks[v:end]] + [":"], items
    return None


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    if unit.kind != "sentence":
        return None
    toks = unit.toks()
    long = sum(1 for t in toks if t.is_word) > ctx.options.max_words
    embedded = find_embedded_list(toks, MIN_ITEMS if not long else 3)
    if embedded is not None:
        intro, items = embedded
        ctx.counts[ID] += 1
        return [unit.derive(intro, ID, kind="list", items=_item_words(toks, items))]
    found = find_enumeration(toks)
    if found is None and sum(1 for t in toks if t.is_word) > ctx.options.max_words:
        # a sentence that is too long: three items, and longer ones, are worth a list too
        found = find_enumeration(toks, min_items=3, max_item_words=LONG_ITEM_WORDS) or _final_prepositional(toks)
    if found is None:
        return None
    start, items = found
    if toks[0].tag.endswith("(PP)") and not any(t.is_noun or t.tag in ("PPER", "PIS", "PDS") for t in toks[:start]):
        return None  # "Organisiert wurde die Messe vom Jobcenter, der Stadt, …": the subject is in the list
    intro = [t.text for t in toks[:start]]
    while intro and intro[-1] in {":", ","}:
        intro.pop()  # "Mitzubringen sind folgende Unterlagen: …" has its colon already
    if ":" in intro:
        return None  # "… vorbereitet: Es gab Suppe, …": a second colon in the intro would garble it
    intro.append(":")
    new = unit.derive(intro, ID, kind="list", items=_item_words(toks, items))
    ctx.counts[ID] += 1
    return [new]


def _item_words(toks: list[Tok], items: list[list[Tok]]) -> list[list[str]]:
    """The words of each list item. Alternatives keep their "oder" before the last item ("Bürgergeld, Wohngeld
    oder den Kinderzuschlag": one of them, not all)."""
    out = [[t.text for t in item] for item in items]
    if items and items[-1]:
        k = next((k for k, t in enumerate(toks) if t is items[-1][0]), None)
        if k is not None and k > 0 and toks[k - 1].text == "oder" and out[-1][0] != "oder":
            out[-1] = ["oder"] + out[-1]
    return out


def check(toks: list[Tok], ctx: Context) -> list[Finding]:
    from lesbar.simplify.rules import Finding

    found = find_enumeration(toks)
    if found is None:
        return []
    return [Finding(ID, "Aufzählung mit mehr als 3 Teilen: als Liste schreiben", [" ".join(t.text for t in i) for i in found[1]])]
