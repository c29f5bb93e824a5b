"""Place phrases: where something happens ("im großen Sitzungssaal des Kreishauses in Unna").

The ``adverbials`` rule gives a long sentence's time phrase a sentence of its own; event reports put the
where right next to the when ("Am Samstag haben im Saal des Kreishauses 86 Menschen ihre Urkunden
erhalten."), and Leichte Sprache texts say both in one short sentence of their own ("Das war am Samstag
im Saal vom Kreishaus."). As with times, the test is lexical: a locative preposition with the dative
("im", "in der", "auf dem", "am", "in den Räumen" — never the accusative of a direction, "in den Garten",
"ins Rathaus") before a noun that names a place (its compound head: "Sitzungs-Saal", "Familienzentrum")
or a place name ("in Unna"), with what names the place more closely ("vom Kreishaus", "in Unna", "an
der Bahnhofstraße 12").
"""

from __future__ import annotations

import re

from lesbar.simplify.analysis import Tok
from lesbar.simplify.morphology import forms, is_known_noun, is_place_name, noun_info

#: heads of nouns for places where something happens (compared with the end of the noun, so that
#: "Sitzungssaal" and "Sitzungs-Saal" both count)
PLACE_HEADS = ("saal", "säle", "sälen", "haus", "häusern", "halle", "hallen", "raum", "räumen", "zentrum", "zentren",
               "straße", "platz", "plätzen", "markt", "garten", "gärten", "park", "schule", "schulen", "bibliothek",
               "bücherei", "büro", "kirche", "moschee", "synagoge", "stadion", "aula", "foyer", "bühne", "zimmer",
               "gebäude", "café", "cafe", "treff", "treffpunkt", "kita", "kindergarten", "heim", "unterkunft",
               "unterkünften", "stätte", "hof", "gelände", "museum", "theater", "kino", "innenstadt", "stadtteil",
               "viertel", "quartier", "werkstatt", "atelier", "galerie", "klinik", "forum", "restaurant", "arena",
               "kapelle", "mensa", "turnhalle", "pavillon", "festzelt", "zelt", "scheune", "wiese", "ufer")
#: nouns ending like a place that name none ("im Zeitraum", "auf dem Arbeitsmarkt", "im Haushalt")
NOT_PLACES = {"zeitraum", "spielraum", "freiraum", "lebensraum", "arbeitsmarkt", "wohnungsmarkt", "ausbildungsmarkt",
              "binnenmarkt", "haushalt", "zuhause", "rahmen"}
#: nouns for areas that are places only with their name after them ("im Kreis Unna", "in der Stadt Hamm")
AREA_NOUNS = {"kreis", "stadt", "gemeinde", "ortsteil", "stadtteil", "land", "bezirk", "region", "dorf"}

#: prepositions with the dative that say where ("im Saal", "auf dem Marktplatz", "vor dem Rathaus")
_DATIVE_CONTRACTIONS = {"im", "am", "beim"}
_LOCATIVE = {"in", "auf", "an", "vor", "neben", "hinter", "bei"}
_DATIVE_ARTICLES = {"dem", "der", "einem", "einer", "unserem", "unserer", "ihrem", "ihrer", "seinem", "seiner",
                    "diesem", "dieser"}
_PLURAL_DATIVE_ARTICLES = {"den", "unseren", "ihren", "seinen", "diesen"}
_NUMBER = re.compile(r"^\d+[a-z]?$")
_TOWN_PREFIXES = {"Bad", "Sankt", "St.", "Neu", "Alt", "Groß", "Klein", "Hohen", "Ober", "Unter", "Nieder"}


def is_place_noun(word: str) -> bool:
    """"Sitzungs-Saal", "Kreishaus", "Räumen": a noun whose head names a place."""
    low = word.lower()
    head = re.split(r"[-‐]", low)[-1]
    if low in NOT_PLACES or head in NOT_PLACES:
        return False
    return any(head.endswith(h) for h in PLACE_HEADS)


def _dative_plural(noun: Tok) -> bool:
    """"den Räumen" (dative) but not "den Garten" (accusative singular: a direction)."""
    info = noun_info(noun.lemma)
    if info is None:
        return False
    return noun.text in forms(info, "dativ plural") and noun.text not in forms(info, "akkusativ singular")


def _names_end(toks: list[Tok], k: int) -> int:
    """After a place noun: its names ("Zeche Monopol", "Begegnungszentrum „Brücke“") and house number."""
    n = len(toks)
    while k < n and toks[k].tag == "NE":
        k += 1
    if k < n and toks[k].text in ("„", '"', "‚", "»"):
        close = next((m for m in range(k + 1, min(k + 7, n)) if toks[m].text in ("“", '"', "‘", "«")), None)
        if close is not None and not any(t.tag.startswith("V") for t in toks[k + 1 : close]):
            k = close + 1  # the centre's name in quotes ("Kulturzentrum „Alte Weberei“")
    if k < n and _NUMBER.match(toks[k].text):
        k += 1  # "an der Bahnhofstraße 12"
    return k


def _known_word(word: str) -> bool:
    """A known noun, also when the Leichte Sprache rules split it ("Zusammen-Arbeit" is no town)."""
    if is_known_noun(word):
        return True
    parts = word.split("-")
    return len(parts) > 1 and all(p[:1].isupper() for p in parts) and (
        is_known_noun(parts[0] + "".join(p.lower() for p in parts[1:])) or is_known_noun(parts[-1]))


def _head(toks: list[Tok], i: int, *, first: bool) -> int | None:
    """End of "<preposition> [article] [adjectives] <place>" at ``i``, or None."""
    n = len(toks)
    t = toks[i]
    low = t.text.lower()
    if not (t.tag.startswith("APPR") and (low in _DATIVE_CONTRACTIONS or low in _LOCATIVE)):
        return None
    j = i + 1
    plural_article = False
    if low in _LOCATIVE:
        if j < n and toks[j].tag in ("ART", "PPOSAT", "PDAT") and toks[j].text.lower() in _DATIVE_ARTICLES:
            j += 1
        elif j < n and toks[j].tag in ("ART", "PPOSAT", "PDAT") and toks[j].text.lower() in _PLURAL_DATIVE_ARTICLES:
            plural_article = True
            j += 1
        elif j < n and low == "in" and (toks[j].tag == "NE" or (
                toks[j].tag == "NN" and toks[j].text[:1].isupper() and not _known_word(toks[j].text)
                and (is_place_name(toks[j].text) or j + 1 >= n or not toks[j + 1].is_noun))):
            # "in Unna", "in Bad Hersfeld": a town has one name (after "Bad", "Sankt" … two); a name after it
            # is something else ("in Gelsenkirchen Deutsch")
            return j + 2 if toks[j].text in _TOWN_PREFIXES and j + 1 < n and toks[j + 1].tag == "NE" else j + 1
        else:
            return None
    while j < n and toks[j].tag in ("ADJ(A)", "CARD") and not toks[j].is_noun:
        j += 1
    if j >= n or toks[j].tag not in ("NN", "NE"):
        return None
    noun = toks[j]
    if plural_article and not _dative_plural(noun):
        return None
    if noun.text.lower() in AREA_NOUNS:
        return _names_end(toks, j + 1) if j + 1 < n and toks[j + 1].tag == "NE" else None
    if not is_place_noun(noun.text):
        return None
    if low == "bei" and not first:
        return None
    return _names_end(toks, j + 1)


def place_end(toks: list[Tok], i: int) -> int | None:
    """End (exclusive) of a place phrase starting at ``i``: the place and what names it more closely —
    "vom Kreishaus", "von der Stadt Hamm", a further place ("in Unna", "an der Hochstraße")."""
    end = _head(toks, i, first=True)
    if end is None:
        return None
    n = len(toks)
    while end < n:
        low = toks[end].text.lower()
        if (low in ("vom", "von") or low in ("des", "der") and toks[end].tag == "ART") and end + 1 < n:
            # whose place it is ("vom Kreishaus", "des Kreishauses", "von den 8 Kommunen", "von der Stadt Hamm")
            k = end + 1
            if low == "von" and k < n and toks[k].tag in ("ART", "PPOSAT", "PDAT"):
                k += 1
            while k < n and toks[k].tag in ("ADJ(A)", "CARD"):
                k += 1
            if k < n and toks[k].tag in ("NN", "NE"):
                end = _names_end(toks, k + 1)
                continue
            break
        nxt = _head(toks, end, first=False)
        if nxt is None:
            break
        end = nxt
    return end


def place_blocks(toks: list[Tok]) -> list[tuple[int, int]]:
    """Spans of place phrases."""
    blocks: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        end = place_end(toks, i)
        if end is None:
            i += 1
            continue
        blocks.append((i, end))
        i = end
    return blocks


#: words before a place name: "die Stadt Hohenlinden", "Gemeinde Selfkant" ("in Gastfamilien" shows that
#: "in" is no such cue)
_BEFORE_PLACE = {"stadt", "gemeinde", "kreis", "landkreis", "ortsteil", "stadtteil", "dorf", "ortschaft"}


def place_names(toks: list[Tok]) -> set[str]:
    """Words this sentence uses as place names: an unknown capitalised word after "Stadt", "Gemeinde"
    …, or before ", den <date>" (a dateline). The document's pre-pass collects them, so that the same
    word is kept whole where nothing shows it is a name ("Hohenlinden liegt …")."""
    from lesbar.simplify.rules.words import zipf

    out: set[str] = set()
    for k, t in enumerate(toks):
        if not t.text[:1].isupper() or not t.text.isalpha() or len(t.text) < 5 or is_known_noun(t.text) \
                or zipf(t.text) >= 3.0:
            continue
        after_cue = k > 0 and toks[k - 1].text.lower() in _BEFORE_PLACE
        dateline = k == 0 and len(toks) > 3 and toks[1].text == "," and toks[2].text == "den" and toks[3].text[:1].isdigit()
        if after_cue or dateline:
            out.add(t.text)
    return out
