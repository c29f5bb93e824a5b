"""Rule 3 ``passive``: passive → active. With a known agent ("von den Fabriken") the agent becomes the
subject; without one the sentence gets "man".

Handled: main clauses with a finite "werden" (present or past) or perfect passive "ist … worden" and a
participle. The subject in nominative becomes the object in accusative (only masculine singular
articles change: der → den, ein → einen). Anything else (modal verbs, subordinate clauses) is left
for the editor and reported by the checker.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import TYPE_CHECKING

from lesbar.simplify.analysis import Tok
from lesbar.simplify.clauses import (
    QUOTES_CLOSE,
    QUOTES_OPEN,
    SENT_END,
    constituent_end,
    masculine_nominative,
    quoted,
    strip_end,
)
from lesbar.simplify.morphology import (
    form_of,
    is_known_noun,
    is_place_name,
    noun_info,
    separable_particle,
    verb_table,
)
from lesbar.simplify.places import is_place_noun
from lesbar.simplify.resources import is_person_noun
from lesbar.simplify.rules.subordinate_clauses import noun_number
from lesbar.simplify.temporal import date_after_weekday_end, is_time_word
from lesbar.simplify.units import Unit, end_sentence

if TYPE_CHECKING:
    from lesbar.simplify.context import Context
    from lesbar.simplify.rules import Finding

ID = "passive"
PRIORITY = 60
LEVELS = ("leicht",)
HEADINGS = False

_ACC = {"der": "den", "ein": "einen", "kein": "keinen", "dieser": "diesen", "jeder": "jeden", "mein": "meinen",
        "sein": "seinen", "ihr": "ihren", "unser": "unseren", "euer": "euren", "jener": "jenen", "welcher": "welchen",
        "mancher": "manchen", "solcher": "solchen", "jeglicher": "jeglichen"}
_NOM_FROM_DAT = {"dem": None, "den": "die", "der": "die", "einem": None, "einer": "eine"}


def detect(toks: list[Tok]) -> list[int]:
    """Indices of passive auxiliaries: finite "werden" with a participle later in the clause, or "worden"."""
    out = []
    inside = quoted([t.text for t in toks])  # „Gemeinsam ankommen“: a name's verb is not the clause's
    for i, t in enumerate(toks):
        if t.text == "worden":
            out.append(i)
            continue
        if t.is_finite and t.lemma == "werden":
            j = i + 1
            while j < len(toks) and (toks[j].text not in {",", ".", ";", ":", "!", "?"} or _list_comma(toks, j)
                                     or date_after_weekday_end(toks, j) is not None):
                if j in inside:
                    j += 1
                    continue
                # ("für Kinder, Eltern und Großeltern angeboten": a list; "am Sonntag, dem 14. September,": a date)
                if toks[j].text == "," and (date_end := date_after_weekday_end(toks, j)) is not None:
                    j = date_end
                    continue
                # ("wurde … beraten": a preterite "werden" has no future, so the form is the participle)
                if toks[j].tag == "VV(PP)" and (t.text.lower().startswith("wurde") or not _future_look_alike(toks, j)):
                    out.append(i)
                    break
                if toks[j].tag.endswith("(INF)"):
                    break  # future tense: "wird kommen"
                j += 1
            else:
                k = i - 1
                if k >= 0 and toks[k].tag == "VV(PP)" and not _future_look_alike(toks, k):
                    out.append(i)
        elif t.text == "werden" and not t.is_finite and i > 0 and toks[i - 1].tag == "VV(PP)":
            out.append(i)  # "können … gestellt werden"
    return out


def _date_commas(toks: list[Tok]) -> set[int]:
    """The commas around a date after a weekday ("am Sonntag, dem 14. September 2025, …")."""
    out: set[int] = set()
    for k, t in enumerate(toks):
        if t.text == "," and k not in out and (end := date_after_weekday_end(toks, k)) is not None:
            out |= {m for m in range(k, end) if toks[m].text == ","}
    return out


def _list_comma(toks: list[Tok], k: int) -> bool:
    """The comma at ``k`` separates items of an enumeration that ends with und/oder ("für Kinder, Eltern und
    Großeltern"): nouns on both sides and no verb or clause word up to the end."""
    if toks[k].text != "," or k == 0 or not (toks[k - 1].is_noun or toks[k - 1].tag == "ADJ(A)") or \
            k + 1 >= len(toks) or toks[k + 1].tag not in ("NN", "NE", "NNA", "ART", "CARD", "ADJ(A)"):
        return False  # ("ins Arabische, Russische und Dari": adjectives used as nouns)
    rest = toks[k + 1 :]
    return any(t.text in ("und", "oder", "sowie") for t in rest) and not any(
        t.is_finite or t.tag in ("KOUS", "PRELS", "PTKZU") or t.tag.endswith("(IZU)") or t.text in {";", ":"}
        for t in rest)


def _future_look_alike(toks: list[Tok], j: int) -> bool:
    """"Diesen Nachmittag werden die Spieler nicht vergessen": a participle that is also the infinitive
    ("vergessen", "bekommen") with an accusative object in the clause is the future, not the passive (a
    passive has no accusative object)."""
    if toks[j].text.lower() != toks[j].lemma.lower():
        return False
    start, end = j, j
    while start > 0 and toks[start - 1].text not in {",", ";", ":"}:
        start -= 1
    while end < len(toks) and toks[end].text not in {",", ".", ";", ":", "!", "?"}:
        end += 1
    for k in range(start, end - 1):
        if toks[k].tag not in ("ART", "PDAT", "PIAT", "PPOSAT") or toks[k].text.lower() not in _ACCUSATIVE_ONLY \
                or (k > 0 and toks[k - 1].tag.startswith("APPR")):
            continue  # ("über den Antrag": the accusative of a preposition, no object)
        noun = next((x for x in toks[k + 1 : min(k + 4, end)] if x.tag == "NN"), None)
        info = noun_info(noun.lemma) if noun is not None else None
        if info is not None and info.genus == "m" and noun is not None and noun.text in info.number_forms("singular"):
            return True  # "diesen Nachmittag" (not "den Teilnehmern": a dative plural)
    return False


#: determiners that are only accusative (masculine singular)
_ACCUSATIVE_ONLY = {"den", "diesen", "einen", "keinen", "jeden", "seinen", "ihren", "unseren", "meinen", "euren"}


_POLITE_TEXT: ContextVar[bool] = ContextVar("polite_text", default=False)


def _polite(word: str) -> bool:
    """"Ihr Antrag" at the start of a sentence of a text that addresses its reader as "Sie": the polite
    "your", which keeps its capital inside the sentence ("Man prüft Ihren Antrag"). In a report
    ("Ihre Arbeit wird vom Team fortgeführt") it is "her/their" and written small."""
    return _POLITE_TEXT.get() and word in ("Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres", "Sie")


def _plural_verb(verb: Tok) -> bool:
    """"werden", "können", "sind": a verb form for "Sie" addressing the reader; "Sie wird …", "Sie kann …"
    is "she" or "it" (the fee, the certificate), also in a text that addresses its reader."""
    table = verb_table(verb.lemma)
    low = verb.text.lower()
    if table is None:
        return low.endswith("en") or low == "sind"
    singular = {table.present[2], table.preterite[2]}
    return low not in singular and low in {table.present[5], table.preterite[5]}


#: masculine pronouns standing alone as the subject, and their accusative ("Wird dieser eingereicht?")
_PRONOUN_STANDALONE_ACC = {"dieser": "diesen", "jener": "jenen", "der": "den", "keiner": "keinen", "jeder": "jeden",
                           "einer": "einen", "niemand": "niemanden", "jemand": "jemanden"}


#: pronouns for several people or things that can be a plural passive subject on their own
_PLURAL_PRONOUNS = {"viele", "einige", "alle", "manche", "mehrere", "wenige", "beide", "andere"}
#: determiners of a singular noun phrase (a part of a coordinated plural subject)
_SINGULAR_DETERMINERS = {"der", "ein", "kein", "mein", "dein", "sein", "ihr", "unser", "euer", "dieser", "jeder",
                         "jener", "das", "eine", "die"}


def _conjuncts(np: list[Tok]) -> list[list[Tok]]:
    """The parts of a noun phrase and the conjunctions between them, each a list of its own."""
    out: list[list[Tok]] = [[]]
    for t in np:
        if t.tag == "KON" and t.text in ("und", "oder", "sowie", "bzw.", "beziehungsweise") and out[-1]:
            out += [[t], []]
        else:
            out[-1].append(t)
    return [p for p in out if p]


def _accusative(np: list[Tok]) -> list[str]:
    if len(np) == 1 and np[0].tag == "PPER" and np[0].text in _PRONOUN_ACC and not _polite(np[0].text):
        return [_PRONOUN_ACC[np[0].text]]  # "Danach wird er bewilligt" → "Danach bewilligt man ihn"
    if len(np) == 1 and np[0].tag in ("PDS", "PIS", "PRELS") and np[0].text.lower() in _PRONOUN_STANDALONE_ACC:
        return [_PRONOUN_STANDALONE_ACC[np[0].text.lower()]]
    kon = next((k for k, t in enumerate(np) if t.tag == "KON" and t.text in ("und", "oder", "sowie", "bzw.",
                                                                         "beziehungsweise") and k > 0), None)
    if kon is not None and kon + 1 < len(np):
        # "jede Teilnehmerin und jeder Teilnehmer" → "jede Teilnehmerin und jeden Teilnehmer"
        return _accusative(np[:kon]) + [np[kon].text] + _accusative(np[kon + 1 :])
    head = next((k for k, t in enumerate(np) if t.is_noun), None)
    if head is not None and head + 1 < len(np):
        # "der Entwurf der Verwaltung": only the head's own words change case, the attribute stays
        return _accusative(np[: head + 1]) + [t.text for t in np[head + 1 :]]
    words = [t.text for t in np]
    if np and np[-1].tag == "NNA" and words[0].lower() in _ACC and words[0].lower() != "mein":
        # "der bisherige Vorsitzende" (an adjective used as a noun; "der" before it in the nominative is
        # masculine) → "den bisherigen Vorsitzenden"; "ein Beauftragter" → "einen Beauftragten"
        first = _ACC[words[0].lower()]
        rest = [w + "n" if w.endswith("e") else w[:-2] + "en" if w.endswith("er") else w for w in words[1:]]
        return [first] + rest
    noun = next((t for t in reversed(np) if t.tag == "NN"), None)
    info = noun_info(noun.lemma) if noun is not None else None
    genus = info.genus if info else ""
    if genus != "m" and words and words[0].lower() in ("ein", "kein", "mein", "sein", "ihr", "unser", "euer") and any(
            np[k].tag == "ADJ(A)" and words[k].endswith("er") for k in range(1, len(words) - 1)):
        genus = "m"  # "ein großer Teil": the adjective shows the masculine of a noun that has two genders
    singular = info is not None and noun is not None and noun.text in {
        v for k, v in info.flexion.items() if k.startswith("nominativ singular")}
    if genus == "m" and singular and noun is not None and info is not None:
        out = []
        if words and (words[0].lower() in _PLURAL_DETERMINERS or np[0].tag == "CARD"):  # plural: the form stays
            return [words[0].lower()] + words[1:]
        for k, w in enumerate(words):
            low = w.lower()
            if k == 0 and np[k].tag in ("ART", "PPOSAT", "PIAT", "PDAT", "PWAT", "ADV", "ADJ(A)", "ADJ(D)") and \
                    not _polite(w) and not (np[k].tag == "PWAT"):
                w = low  # the phrase was first in the sentence: "Viele Gastarbeiter" → "viele Gastarbeiter"
            if low in _ACC:
                acc = _ACC[low]
                out.append(acc[:1].upper() + acc[1:] if _polite(w) else acc)
            elif w[:1].islower() and w.endswith("e") and w not in ("die", "eine"):
                out.append(w + "n")  # adjective: "der neue Plan" → "den neuen Plan"
            elif np[k].tag in ("ADJ(A)", "PIAT", "PIDAT") and w.endswith("er"):
                out.append(w[:-2] + "en")  # "ein ausgeglichener Haushalt" → "einen ausgeglichenen Haushalt"
            else:
                out.append(w)
        acc = form_of(info, "akkusativ singular")
        if acc and out[-1] == noun.text:
            out[-1] = acc  # n-declension: "der Mensch" → "den Menschen"
        return out
    if words and words[0].lower() == "der" and np[0].tag == "ART":
        # "Der TuS Brackwede wurde ausgezeichnet": a nominative "der" is masculine; the noun is unknown
        return ["den"] + [w + "n" if np[k].tag == "ADJ(A)" and w.endswith("e") else w
                          for k, w in enumerate(words) if k > 0]
    return [w if _polite(w) else w.lower() if t.tag in ("ART", "PPOSAT", "PIAT", "PDAT") or (k == 0 and (
        t.tag.startswith("ADJ") or t.tag == "ADV" or t.text.lower() in _ABOUT)) else w
            for k, (w, t) in enumerate(zip(words, np, strict=True))]  # "Eingebürgerte Personen" was first


def _agent(toks: list[Tok]) -> tuple[int, int, list[str], bool] | None:
    """"von den Fabriken" → (start, end, ["die", "Fabriken"]) in nominative; "durch den Landrat" →
    "der Landrat"; "von 12 Bergarbeitern" → "12 Bergarbeiter". None when no agent can be made a subject
    safely (coordinated agents, a noun left over after the phrase)."""
    for i, t in enumerate(toks):
        if t.text.lower() not in ("von", "vom", "durch") or i + 1 >= len(toks):
            continue
        if i > 0 and toks[i - 1].tag == "KON":
            return None  # "aus Mitteln des Landes und durch Spenden": one of two ways, not who acts
        if any(toks[k].text in ("und", "oder", "sowie") and toks[k + 1].text.lower() in ("von", "vom", "durch")
               for k in range(i + 1, len(toks) - 1)):
            return _two_von_agents(toks, i)  # "von den Fabriken in Oberbruch oder von der Zeche in Hückelhoven"
        if i > 0 and toks[i - 1].text in _MEASURES:
            continue  # "in Höhe von 5.000 Euro": an amount, not who does it
        if i > 0 and toks[i - 1].tag == "NN" and toks[i - 1].text.lower().endswith(_ACTION_ENDINGS):
            continue  # "mit Unterstützung von Dolmetschern": the noun's own "von", not who does it
        if t.text.lower() == "von" and i + 1 < len(toks) and toks[i + 1].tag == "PIS" and \
                toks[i + 1].text.lower() in _PLURAL_QUANTIFIERS and (i + 2 >= len(toks) or not toks[i + 2].is_noun):
            # "wird von vielen nicht ernst genommen" → "Viele nehmen … nicht ernst"
            return i, i + 2, [_PLURAL_QUANTIFIERS[toks[i + 1].text.lower()]], True
        end = _plain_np_end(toks, i + 1)  # the agent's own noun phrase; a genitive or a second agent follows
        np = toks[i + 1 : end]
        if not np or not (np[-1].is_noun or np[-1].tag == "FM") or np[-1].text in _UNITS:
            continue
        if t.text.lower() == "durch" and is_place_noun(np[-1].text):
            continue  # "durch den Gebetsraum geführt": the way through a place, not who does it
        if end + 1 < len(toks) and toks[end].tag == "ADJ(A)" and toks[end + 1].is_noun:
            return None  # "ein von Helferinnen zubereitetes Buffet": the agent of the participle, not of the sentence
        origin: list[str] = []
        named = False  # the origin is part of an institution's name ("Agentur für Arbeit")
        if end + 1 < len(toks) and toks[end].text == "aus" and toks[end + 1].tag in ("ART", "NE", "NN", "APPRART",
                                                                                        "CARD", "ADJ(A)", "PIAT"):
            origin_end = constituent_end(toks, end)
            origin = [w.text for w in toks[end:origin_end]]  # "von Familien aus der Region": who they are
            end = origin_end
        elif end + 1 < len(toks) and toks[end].text == "für" and toks[end + 1].tag in ("NN", "NE"):
            # "vom Bundesamt für Migration und Flüchtlinge bezahlt": the institution's name goes on
            k = end + 1
            while k < len(toks) and (toks[k].tag in ("NN", "NE") or (
                    toks[k].text in (",", "und") and k + 1 < len(toks) and toks[k + 1].tag in ("NN", "NE"))):
                k += 1
            if k < len(toks) and toks[k].text.lower() in ("des", "der") and toks[k].tag == "ART":
                g = _genitive_end(toks, k)  # "vom Ministerium für Kinder, Jugend und Familie des Landes NRW"
                if g > k and (g >= len(toks) or toks[g].tag.startswith("V") or toks[g].text in {".", "!", "?"}):
                    k = g
            if k >= len(toks) or toks[k].tag.startswith("V") or toks[k].text in {".", "!", "?"} or (
                    toks[k].text in ("und", "oder") and k + 1 < len(toks) and toks[k + 1].tag in ("ART", "APPRART")):
                origin = [w.text for w in toks[end:k]]  # also "von der Agentur für Arbeit und dem Jobcenter"
                named = True
                end = k
        if end + 1 < len(toks) and toks[end].text in ("von", "vom") and t.text.lower() == "durch":
            # "durch Spenden von Firmen": the noun's own "von" goes with the agent; after a person or a body
            # ("durch die Feuerwehr von Autos geräumt") it belongs to the verb: left as written
            if not (np[-1].text.lower().endswith(_ACTION_ENDINGS) or np[-1].text in _MEANS):
                return None
            of_end = constituent_end(toks, end)
            if of_end + 1 < len(toks) and toks[of_end].text == "aus" and toks[of_end + 1].tag in ("ART", "NE", "NN"):
                of_end = constituent_end(toks, of_end)  # "von Firmen aus der Region"
            origin = [w.text for w in toks[end:of_end]]
            end = of_end
        if end + 1 < len(toks) and toks[end].text == "," and toks[end + 1].text.lower() in ("darunter", "davon"):
            return None  # "von einem Team aus 14 Ehrenamtlichen, darunter …": the addition belongs to the agent
        if end + 1 < len(toks) and toks[end].text == "für" and toks[end + 1].tag in ("NN", "NE") and not named:
            return None  # "vom Ministerium für Kinder, Jugend, …": a name whose end is unclear
        if end < len(toks) and toks[end].text in QUOTES_OPEN:
            close = next((k for k in range(end + 1, min(end + 10, len(toks))) if toks[k].text in QUOTES_CLOSE), None)
            if close is None:
                return None
            origin = origin + [w.text for w in toks[end : close + 1]]  # "durch das Bundesprogramm „Integration …“"
            end = close + 1
        genitive_end = _genitive_end(toks, end)
        if genitive_end > end:  # "von der Fraktion der Grünen": the genitive goes with the agent (and gets "von" later)
            origin = [w.text for w in toks[end:genitive_end]]
            end = genitive_end
        if end + 1 < len(toks) and toks[end].text in ("und", "oder") and toks[end + 1].tag in ("ART", "APPRART"):
            # "von einer Mentorin oder einem Mentor", "vom Jugendamt und dem DRK": two agents, both in the dative
            second_end = constituent_end(toks, end + 1)
            second = toks[end + 1 : second_end]
            first = _nominative(t.text.lower(), np)
            other = _nominative("von", second) if second and second[-1].is_noun else None
            after = toks[second_end : second_end + 1]
            if first is not None and other is not None and (named or not origin) and not (
                    after and (after[0].tag in ("NN", "NE") or after[0].tag.startswith("APPR")
                               or after[0].text in (",", "und", "oder", "der", "des"))):
                plural = toks[end].text == "und" or first[1] or other[1]
                return i, second_end, first[0] + origin + [toks[end].text] + other[0], plural
            return None
        if end + 1 < len(toks) and toks[end].text == "und" and toks[end + 1].tag == "NN" and \
                np[-1].text.endswith("innen") and len(np[-1].text) > 8 and \
                toks[end + 1].text.startswith(np[-1].text[:-5]) and (end + 2 >= len(toks) or not toks[end + 2].is_noun):
            # "von ehrenamtlichen Mentorinnen und Mentoren": one group named in both forms
            first = _nominative(t.text.lower(), np)
            info = noun_info(toks[end + 1].lemma)
            other = form_of(info, "nominativ plural") if info is not None else None
            if first is not None and other:
                # "von Schülerinnen und Schülern des Gymnasiums": the genitive belongs to both
                of_end = _genitive_end(toks, end + 2)
                return i, of_end, first[0] + ["und", other] + [w.text for w in toks[end + 2 : of_end]], True
            return None
        if end + 1 < len(toks) and toks[end].text in (",", "und", "oder", "sowie") and toks[end + 1].tag in (
                "ART", "PPOSAT", "PDAT", "NE", "NN", "CARD", "PIAT", "ADJ(A)"):
            return None  # "vom Land NRW, der Sparkasse …": more agents are left to the editor
        if end < len(toks) and toks[end].tag in ("NN", "NE") or any(x.text in ("oder", "und", "der", "des")
                                                                    for x in toks[end : end + 1]):
            return None  # "von der Musikschule Bedburg" with the name read as a noun: the phrase goes on
        hedge = [np[0].text.lower()] if len(np) > 2 and np[1].tag == "CARD" and np[0].text.lower() in \
            _ABOUT | {"über", "unter"} else []
        nominative = _nominative(t.text.lower(), np[len(hedge) :])  # "von rund 60 Kindern" → "rund 60 Kinder"
        if nominative is not None:
            return i, end, hedge + nominative[0] + origin, nominative[1]
    return None


def _agent_phrase_end(toks: list[Tok], start: int) -> int:
    """End of "von <noun phrase>" with an optional place ("in Oberbruch") after it."""
    end = _plain_np_end(toks, start + 1)
    if end + 1 < len(toks) and toks[end].text in ("in", "aus") and (toks[end + 1].tag == "NE" or (
            toks[end + 1].tag == "NN" and (is_place_name(toks[end + 1].text) or not is_known_noun(toks[end + 1].text)))):
        end += 2  # ("in Oberbruch": a place the tagger may read as a noun)
    return end


def _two_von_agents(toks: list[Tok], i: int) -> tuple[int, int, list[str], bool] | None:
    """"von den Fabriken in Oberbruch oder von der Zeche in Hückelhoven" → ("die Fabriken in Oberbruch oder
    die Zeche in Hückelhoven", plural): two agents, each with "von", each a plain noun phrase; else None."""
    first_end = _agent_phrase_end(toks, i)
    if first_end + 2 >= len(toks) or toks[first_end].text not in ("und", "oder") or \
            toks[first_end + 1].text.lower() not in ("von", "vom"):
        return None
    second_end = _agent_phrase_end(toks, first_end + 1)
    if second_end < len(toks) and (toks[second_end].is_noun or toks[second_end].text in (",", "und", "oder")):
        return None
    parts = []
    for a, b in ((i, first_end), (first_end + 1, second_end)):
        np_end = _plain_np_end(toks, a + 1)
        np = toks[a + 1 : np_end]
        if not np or not np[-1].is_noun:
            return None
        nom = _nominative(toks[a].text.lower(), np)
        if nom is None:
            return None
        parts.append((nom[0] + [t.text for t in toks[np_end:b]], nom[1]))
    plural = toks[first_end].text == "und" or parts[0][1] or parts[1][1]
    return i, second_end, parts[0][0] + [toks[first_end].text] + parts[1][0], plural


def _name_adjective(toks: list[Tok], k: int) -> bool:
    """"(vom) Deutschen Roten Kreuz": a capitalised adjective inside a name, read as a noun, before another
    capitalised adjective or the name's noun."""
    return toks[k].tag in ("NNA", "ADJ(A)") and toks[k].text[:1].isupper() and k + 1 < len(toks) and \
        toks[k + 1].text[:1].isupper() and toks[k + 1].tag in ("ADJ(A)", "NN")


def _plain_np_end(toks: list[Tok], start: int) -> int:
    """End of a noun phrase without what may follow it (genitive, "und …"): determiners, adjectives,
    numbers, the noun and the names after it ("Oberbürgermeister Frank Dudda")."""
    k = start
    if k + 1 < len(toks) and toks[k].text.lower() in ("über", "unter") and toks[k + 1].tag == "CARD":
        k += 1  # "von über 60 Kindern": an amount, not a place
    while k < len(toks) and (toks[k].tag in ("ART", "PPOSAT", "PIAT", "PDAT", "PIDAT", "CARD", "ADJ(A)", "ADV")
                             and not toks[k].is_noun or _name_adjective(toks, k)):
        k += 1
    if k < len(toks) and toks[k].is_noun:
        k += 1
        # the names after it; the tagger reads rare ones as foreign words ("Senait Tesfay") or a surname after
        # a first name as a noun ("Gisela Oberdörfer")
        while k < len(toks) and (toks[k].tag in ("NE", "FM") and toks[k].text[:1].isupper() or (
                toks[k].tag == "NN" and toks[k - 1].tag == "NE" and not is_known_noun(toks[k].text))):
            k += 1
    return k


def _genitive_end(toks: list[Tok], end: int) -> int:
    """End of a genitive attribute right after an agent ("der Grünen", "des Elterncafés"), or ``end``."""
    if end >= len(toks) or toks[end].tag != "ART" or toks[end].text.lower() not in ("der", "des"):
        return end
    k = end + 1
    while k < len(toks) and toks[k].tag == "ADJ(A)":
        k += 1
    if k < len(toks) and toks[k].tag in ("NN", "NNA", "NE"):
        k += 1
        while k < len(toks) and toks[k].tag == "NE":
            k += 1
        return k
    return end


#: action nouns whose "von" names their own agent or object ("Unterstützung von", "Teilnahme von")
_ACTION_ENDINGS = ("ung", "nahme", "hilfe", "arbeit", "beteiligung", "spende", "spenden", "mitteln", "geld", "geldern",
                   "zuschuss", "zuschüssen")
#: nouns of means whose own "von" follows them ("durch den Bau von Straßen")
_MEANS = {"Bau", "Einsatz", "Besuch", "Beitrag", "Beiträge", "Beiträgen", "Engagement", "Verkauf", "Kauf",
          "Ausbau", "Umbau", "Abbau", "Wegfall", "Zuzug", "Verlust", "Mangel"}
#: nouns before "von" that make it an amount ("in Höhe von"), and units that are no agents
_MEASURES = {"Höhe", "Wert", "Umfang", "Laufzeit", "Zeitraum", "Frist", "Fläche", "Volumen", "Budget", "Betrag", "Summe", "Menge", "Zahl", "Alter", "Länge", "Dauer", "Größe"}
_UNITS = {"Euro", "Prozent", "Cent", "Stunden", "Minuten", "Tagen", "Wochen", "Monaten", "Jahren", "Metern",
          "Kilometern", "Kilogramm", "Tonnen", "Litern", "Punkten"}
_PLURAL_QUANTIFIERS = {"vielen": "viele", "einigen": "einige", "mehreren": "mehrere", "zahlreichen": "zahlreiche",
                       "wenigen": "wenige", "beiden": "beide", "allen": "alle"}


def _nominative(prep: str, np: list[Tok]) -> tuple[list[str], bool] | None:
    """The agent noun phrase after ``prep`` (von/vom: dative; durch: accusative) in the nominative, and
    whether it is plural."""
    words = [w.text for w in np]
    head = next((k for k, w in enumerate(np) if w.is_noun and not _name_adjective(np, k)), len(np))
    names = np[head + 1 :]  # (names as _plain_np_end found them: also "Senait Tesfay" read as foreign words)
    if any(w.tag not in ("NE", "FM", "NN") or not w.text[:1].isupper() for w in names) or len(names) > 3:
        return None
    noun = np[head]
    det, adjectives = np[:head], []
    while det and (det[-1].tag in ("ADJ(A)", "NNA") or (det[-1].tag == "PIAT" and det[-1].text.lower() not in _PLURAL_QUANTIFIERS
                                              and det[-1].text.lower() not in _PLURAL_DETERMINERS)) \
            and (not det[-1].text[:1].isupper() or _name_adjective(np, len(det) - 1)):
        adjectives.insert(0, det.pop())  # (also "Deutschen Roten" of a name)
    if len(adjectives) > 2 or len(det) > 1:
        return None
    info = noun_info(noun.lemma) if noun.tag == "NN" else None
    tail = [noun.text] + [w.text for w in names]
    if prep != "vom" and not det and not adjectives and noun.tag == "NN" and names:
        return words, False  # "von Oberbürgermeister Frank Dudda"
    if not det and not adjectives and noun.tag == "NE":
        return (words, False) if len(np) <= 3 else None  # a name
    d = det[0].text.lower() if det else ""

    def weak(adjs: list[Tok]) -> list[str]:  # "dem neuen" → "der neue"
        return [a.text[:-1] if a.text.endswith("en") else a.text for a in adjs]

    def plural_nominative() -> str | None:
        if info is None:  # "von Ehrenamtlichen" → "Ehrenamtliche" (strong plural of a nominalised adjective)
            return (noun.text[:-1] if noun.text.endswith("en") else noun.text) if noun.tag == "NNA" else None
        if noun.text not in info.number_forms("plural"):
            return None
        return form_of(info, "nominativ plural") or None

    if noun.tag == "NNA" and info is None and noun.text.endswith("en") and (
            prep == "vom" or (prep == "von" and d in ("dem", "der"))):
        # "von der Vorsitzenden Aylin Karaca" → "die Vorsitzende Aylin Karaca", "vom Beauftragten" → "der
        # Beauftragte": an adjective used as a noun, singular after a dative article
        return ["die" if d == "der" else "der"] + weak(adjectives) + [noun.text[:-1]] + tail[1:], False
    if prep == "vom" or (prep == "von" and d == "dem"):
        genus = info.genus if info else ""
        art = {"m": "der", "n": "das"}.get(genus)
        nom = form_of(info, "nominativ singular") if info else None
        if not art or not nom or d not in ("", "dem"):
            return None
        return [art] + weak(adjectives) + [nom] + tail[1:], False
    if prep == "von":
        if d == "der":
            if info is None or info.genus != "f":
                return None
            return ["die"] + weak(adjectives) + tail, False
        if d == "einer":  # "von einer ehrenamtlichen Mentorin" → "eine ehrenamtliche Mentorin"
            if info is None or info.genus != "f":
                return None
            return ["eine"] + weak(adjectives) + tail, False
        if d == "einem":  # "von einem ehrenamtlichen Mentor" → "ein ehrenamtlicher Mentor"
            genus = info.genus if info else ""
            nom = form_of(info, "nominativ singular") if info else None
            if genus not in ("m", "n") or not nom:
                return None
            ending = "er" if genus == "m" else "es"
            strong = [a.text[:-2] + ending if a.text.endswith("en") else a.text for a in adjectives]
            return ["ein"] + strong + [nom] + tail[1:], False
        plural = plural_nominative()
        if plural is None:
            return None
        if d == "den":
            if noun.tag == "NNA" and info is None:
                plural = noun.text  # "von den Grünen" → "die Grünen" (weak after the article)
            return ["die"] + [a.text for a in adjectives] + [plural] + tail[1:], True
        if not det or det[0].tag == "CARD" or d in _PLURAL_QUANTIFIERS:
            first = [] if not det else [det[0].text if det[0].tag == "CARD" else _PLURAL_QUANTIFIERS[d]]
            strong = [a.text[:-1] if a.text.endswith("en") else a.text for a in adjectives]
            if first and first[0] == "alle":
                strong = [a.text for a in adjectives]  # "von allen neuen Helfern" → "alle neuen Helfer"
            return first + strong + [plural] + tail[1:], True
        return None
    # durch + accusative
    if d == "den":
        nom = form_of(info, "nominativ singular") if info and info.genus == "m" else None
        if nom and noun.text in (form_of(info, "akkusativ singular"), nom):  # type: ignore[arg-type]
            return ["der"] + weak(adjectives) + [nom] + tail[1:], False
        return None
    if d in ("die", "das"):
        words = [d] + [a.text for a in adjectives] + tail
        return words, _plural(words)
    if not det and plural_nominative() == noun.text:
        return [a.text for a in adjectives] + tail, True  # "durch laute Geräusche"
    return None


_BORN = {"wurde": "ist", "wurden": "sind", "ist": "ist", "sind": "sind", "war": "ist", "waren": "sind", "bin": "bin"}


def _born(unit: Unit, full: list[Tok], fins: list[int]) -> list[Unit] | None:
    """"Sie wurde 1990 in Aleppo geboren." has no agent to name ("Man hat sie geboren" is nonsense):
    being born is said with "sein" ("Sie ist 1990 in Aleppo geboren.")."""
    words = [t.text for t in full]
    if "geboren" not in words or len(fins) != 1 or full[fins[0]].text.lower() not in _BORN:
        return None
    f = fins[0]
    out = list(words)
    verb = _BORN[words[f].lower()]
    if verb == "ist" and any(w.lower() == "ich" for w in words):
        verb = "bin"  # "Ich wurde 1990 geboren" → "Ich bin 1990 geboren"
    out[f] = verb.capitalize() if words[f][:1].isupper() else verb
    if "worden" in out:
        out.remove("worden")  # "ist … geboren worden" → "ist … geboren"
    if out == words:
        return None
    return [unit.derive(out, ID)]


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    out = _apply(unit, ctx)
    return [_kein(u) for u in out] if out else out


_KEIN = {"ein": "kein", "eine": "keine", "einen": "keinen", "einem": "keinem", "einer": "keiner"}


def _kein(unit: Unit) -> Unit:
    """"Eine Gebühr wird nicht erhoben" became "Man erhebt eine Gebühr nicht": in the active the indefinite
    object and "nicht" are "keine" ("Man erhebt keine Gebühr")."""
    toks = unit.toks()
    nots = [k for k, t in enumerate(toks) if t.text == "nicht"]
    if len(nots) != 1:
        return unit
    n = nots[0]
    for a in range(n - 1, -1, -1):
        low = toks[a].text.lower()
        if low in _KEIN and toks[a].tag == "ART":
            if a > 0 and toks[a - 1].tag.startswith("APPR"):
                return unit
            k = a + 1
            while k < n and toks[k].tag in ("ADJ(A)", "CARD"):
                k += 1
            if k >= n or not toks[k].is_noun or any(t.tag not in ("ADV",) for t in toks[k + 1 : n]):
                return unit
            words = [t.text for t in toks]
            words[a] = _KEIN[low] if toks[a].text[:1].islower() else _KEIN[low].capitalize()
            del words[n]
            return unit.derive(words, ID)
        if toks[a].is_finite or toks[a].text in (",", ":"):
            return unit
    return unit


def _apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    if unit.kind != "sentence":
        return None
    _POLITE_TEXT.set(ctx.polite)
    full = unit.toks()
    if len(full) > 2 and full[1].text == ":" and full[0].tag in ("NN", "NE"):
        # "Frage: Werden Sie …?": an interview's label before the sentence stays in front of it
        rest = apply(unit.derive([t.text for t in full[2:]], ID), ctx)
        if rest is None or len(rest) != 1:
            return None
        words = rest[0].tokens
        return [unit.derive([full[0].text, ":"] + [words[0][:1].upper() + words[0][1:]] + words[1:], ID)]
    toks = strip_end(full)
    hits = detect(toks)
    if not hits:
        return _zu_infinitive(unit, full, ctx)
    if toks and toks[0].text.lower() in ("wer", "was") and any(t.text == "," for t in toks):
        return None  # "Wer die Frist versäumt, kann … belegt werden": the clause is the subject; "man" has no room
    fins = [i for i, t in enumerate(toks) if t.is_finite]
    born = _born(unit, full, fins)
    if born is not None:
        return born
    if len(fins) > 1:
        return _around_colon(unit, toks, ctx) or _beside_clause(unit, full, toks, ctx)
    if any(t.text == "," and toks[k + 1].tag == "KOUI" for k, t in enumerate(toks[:-1])):
        return _beside_clause(unit, full, toks, ctx)  # "…, statt sie zu polarisieren": an infinitive clause after it
    if not fins:
        return None
    f = fins[0]
    if any(t.text.lower() == "man" and t.tag in ("PIS", "PPER") for t in toks):
        return None  # "Dann wird man auf eine Warteliste gesetzt": "man" is the subject already
    if f > 0 and toks[f - 1].tag == "KON" and toks[f - 1].text.lower() in ("und", "oder", "aber"):
        return None  # "Der Bericht umfasst 64 Seiten und kann … heruntergeladen werden": two clauses, split first
    expletive = f == 1 and toks[0].text in ("Es", "es") and len(toks) >= 3 and not any(
        t.text == "?" for t in full) and not (_has_agent_phrase(toks[2:]) and _middle_subject(
            [t for t in toks[2:] if t.tag != "VV(PP)" and t.text != "worden"]) is None)
    # ("Es wird von der Stadt bezahlt": with an agent and no other subject, "es" is the thing paid)
    if expletive:
        # "Es wird bekannt gegeben": the expletive "es" only fills the first place of the passive
        toks, f = toks[1:], 0
    if f == 0 and not expletive:
        # "Wird der Antrag zu spät gestellt?" (a condition as a question): the active keeps the question
        if not full or full[-1].text != "?":
            return None
        rest = apply(unit.derive(["Dann"] + [t.text for t in toks] + ["."], ID), ctx)
        if rest is None or len(rest) != 1 or rest[0].tokens[0] != "Dann":
            return None
        words = rest[0].tokens[1:]
        while words and words[-1] in {".", "!"}:
            words.pop()
        return [rest[0].derive([words[0][:1].upper() + words[0][1:]] + words[1:] + ["?"], ID)]
    aux = toks[f]
    if f > 0 and toks[0].tag == "KON" and toks[0].text.lower() in _LEADING_KON:
        # "Doch dieser Antrag wurde abgelehnt.": the conjunction stays first, the rest is the clause
        rest = apply(unit.derive([t.text for t in toks[1:]], ID), ctx)
        if rest is None:
            return None
        head = rest[0].tokens[0]
        lower = not _noun_like(rest[0], head)
        return [r.derive([toks[0].text] + [head[:1].lower() + head[1:] if lower else head]
                         + rest[0].tokens[1:], ID) if k == 0 else r for k, r in enumerate(rest)]
    if aux.tag == "VM(FIN)":
        return _modal_passive(unit, toks, f, ctx)
    coordinated = _coordinated_participles(toks, f)
    if coordinated is not None:
        # "Der Plan wird überprüft und bei Bedarf angepasst." → one active sentence per participle
        first, second = coordinated
        out_first = apply(unit.derive(first, ID), ctx)
        out_second = apply(unit.derive(second, ID), ctx)
        if out_first is None or out_second is None:
            return None
        return out_first + out_second
    if sum(1 for t in toks if t.tag == "VV(PP)") > 1:
        return None  # "ist angerufen und bedroht worden": two participles the rule cannot pair safely
    pp_i = next((i for i, t in enumerate(toks) if t.tag == "VV(PP)"), None)
    if pp_i is not None and pp_i < f:
        return _participle_first(unit, toks, f, pp_i, ctx)
    if pp_i is None:
        return None
    pp = toks[pp_i]
    lemma = pp.lemma
    table = verb_table(lemma)
    if table is None:
        return None
    perfect = any(t.text == "worden" for t in toks) or aux.text.lower() in ("wurde", "wurden")
    prefield = toks[:f]
    middle = [t for i, t in enumerate(toks[f + 1 :], start=f + 1) if i != pp_i and t.text != "worden"]
    agent = _agent(middle)
    # the passive subject: the prefield if it is a noun phrase, else the first noun phrase after the verb
    subj: list[Tok] = []
    lead: list[Tok] = []  # words before a subject found after the verb ("nur", "dem Kind")
    others_pre: list[Tok] = []
    pronoun: list[str] = []
    front_agent = _agent(prefield) if prefield and prefield[0].text.lower() in ("von", "vom", "durch") else None
    if front_agent is not None and front_agent[:2] == (0, len(prefield)):
        # "Vom Nachbarn wurde die Polizei gerufen": the agent leads; the subject follows the verb
        prefield, agent_first = [], front_agent
    else:
        agent_first = None
    opener: list[str] = []  # "Aber der Anbau wird …": the connective stays first
    hedge: list[str] = []  # "Nur etwa jeder dritte Anruf wurde …": the hedge stays with the subject
    while len(prefield) >= 2 and prefield[0].text.lower() in _OPENERS | _HEDGES | _ABOUT | {"vor", "unter"} and \
            prefield[-1].is_noun:
        if (prefield[0].text.lower(), prefield[1].text.lower()) in _HEDGE_PHRASES and len(prefield) > 2:
            hedge += [prefield[0].text.lower(), prefield[1].text]
            prefield = prefield[2:]
            continue
        if prefield[0].text.lower() in _OPENERS and not hedge:
            opener.append(prefield[0].text)
        elif prefield[0].text.lower() in _HEDGES | _ABOUT:
            hedge.append(prefield[0].text.lower())
        else:
            break
        prefield = prefield[1:]
    if (opener or hedge) and not (prefield[0].tag in ("ART", "PPOSAT", "PIAT", "PDAT", "NN", "NE", "ADJ(A)", "CARD")
                                  and prefield[0].text.lower() not in ("dem", "einem", "diesem", "jedem")):
        return None  # no subject after the hedge: left as written
    if len(prefield) == 1 and prefield[0].tag == "PPER" and prefield[0].text in _PRONOUN_ACC:
        pronoun = [prefield[0].text if _polite(prefield[0].text) and _plural_verb(aux) else _PRONOUN_ACC[prefield[0].text]]
        # "Er wurde festgenommen" → "… hat ihn festgenommen"; "Sie werden eingeladen" (polite) → "Sie"
    elif len(prefield) == 1 and prefield[0].tag == "PIS" and prefield[0].text.lower() in _PRONOUN_STANDALONE_ACC:
        subj = prefield  # "dass niemand ausgelacht wird" → "dass man niemanden auslacht"
    elif len(prefield) == 1 and prefield[0].tag in ("PIS", "PIAT") and prefield[0].text.lower() in _PLURAL_PRONOUNS:
        subj = prefield  # "Viele wurden von Familien gespendet" → "Familien haben viele gespendet"
    elif prefield and prefield[0].text.lower() not in ("dem", "einem", "diesem", "jedem") and (
            prefield[0].tag in ("ART", "PPOSAT", "PIAT", "PDAT", "NN", "NE", "ADJ(A)") or (
            prefield[-1].is_noun and (prefield[0].tag == "CARD" or prefield[0].text.lower() in _ABOUT))):
        subj = prefield
    else:
        others_pre = prefield
        found = _middle_subject(middle)
        if found is not None:
            s0, end = found
            lead, subj, middle = middle[:s0], middle[s0:end], middle[end:]
            agent = _agent(middle)  # the agent's place in what is left ("Anschließend wurden die Gäste vom …")
            early = _agent(lead) if agent is None else None
            if early is not None and not any(t.is_noun for k, t in enumerate(lead) if not early[0] <= k < early[1]):
                # "wird Ihnen vom Amt ein neuer Termin geschickt": only pronouns besides the agent before the
                # subject; the agent phrase goes with the rest
                middle = lead[early[0] : early[1]] + middle
                lead = lead[: early[0]] + lead[early[1] :]
                agent = _agent(middle)
            elif early is not None:
                return None  # the agent stands before the subject: leave the sentence to the editor
    new_subject = ["man"]
    if agent_first is not None:
        agent = (0, 0, agent_first[2], agent_first[3])  # already out of the sentence
    if agent is None and _has_agent_phrase(middle):
        return None  # an agent the rule cannot turn into a subject: "man" would change the meaning
    if agent is not None and agent[2] and agent[2][0].lower() in ("ein", "eine") and subj and \
            subj[0].text.lower() in ("jede", "jeder", "jedes", "alle"):
        return None  # "Jeder wird von einem Mentor begleitet": the active "Ein Mentor begleitet jeden" means one
    if agent is not None:
        a, b, nom, plural_agent = agent
        new_subject = nom
        middle = middle[:a] + middle[b:]
    idx = 5 if agent is not None and plural_agent else 2
    if aux.text.lower() in ("werden", "wurden") and subj:
        # "Gesucht werden neue Mitarbeiter": a plural subject keeps its form ("Helfer", "Lehrer" look singular);
        # in "Der neue Spielplatz und ein großer Garten werden gebaut" each singular part changes its case
        obj = []
        for part in _conjuncts(subj):
            if part[0].tag == "KON":
                obj.append(part[0].text)
            elif part[0].text.lower() in _SINGULAR_DETERMINERS:
                obj += [w[:1].lower() + w[1:] if k == 0 and not _polite(w) else w
                        for k, w in enumerate(_accusative(part))]
            else:
                obj += [t.text.lower() if k == 0 and not obj and (
                    t.tag in ("ART", "PPOSAT", "PIAT", "PDAT", "ADJ(A)", "ADV", "PIS") or t.text.lower() in _ABOUT)
                        and not _polite(t.text) else t.text for k, t in enumerate(part)]
    else:
        obj = _accusative(subj) if subj else []
    if agent is None and pp.lemma in _HARM:
        return None  # "Bei dem Unfall wurden zwei Kinder verletzt": "man" would make it on purpose
    if any(t.text == "sondern" for t in middle):
        return None  # "nicht nur der Stadtrat …, sondern auch der Integrationsrat": the second subject too
    particle = separable_particle(lemma)
    inseparable = bool(particle) and pp.text.lower().startswith(particle) and not pp.text.lower()[len(particle):] \
        .startswith(_PARTICIPLE_STARTS)  # "umrahmt", "übersetzt": the prefix is not separated here
    if perfect:
        fin = (verb_table(table.auxiliary) or table).present[idx]
        tail = [pp.text[:1].lower() + pp.text[1:]]  # the text's own participle: "geschaffen", not "geschafft"
    else:
        present = table.present[idx]
        fin = particle + present if inseparable else present
        tail = [particle] if particle and not inseparable else []
    before = [t.text for t in lead]
    # the verb part closes the clause before a following ", … zu beteiligen" / ", den …"
    dates = _date_commas(middle)
    cut = next((k for k, t in enumerate(middle) if t.text in {",", ";", ":"} and not _list_comma(middle, k)
                and k not in dates), len(middle))
    # unstressed pronouns come before the object: "Man hat mir das Buch geschenkt"
    # without a subject noun phrase a nominative pronoun is the subject: "Danach wird er bewilligt" →
    # "Danach bewilligt man ihn", "Wird dieser eingereicht?" → "Reicht man diesen ein?"
    nominative = {"er": "ihn", "ich": "mich", "du": "dich", "wir": "uns"} if not subj else {}
    pronoun += [nominative.get(t.text, t.text) for t in middle[:cut] if t.tag in ("PPER", "PRF")]
    inner = [_PRONOUN_STANDALONE_ACC.get(t.text, t.text) if not subj and t.tag in ("PDS", "PIS") else t.text
             for t in middle[:cut] if t.tag not in ("PPER", "PRF")]
    outer = [t.text for t in middle[cut:]]
    inner_toks = [t for t in middle[:cut] if t.tag not in ("PPER", "PRF")]
    lead_adv = 0
    while lead_adv < len(inner_toks) and inner_toks[lead_adv].tag in ("ADV", "PAV", "PROAV") and \
            inner_toks[lead_adv].text.lower() in _SENTENCE_ADVERBS:
        lead_adv += 1
    if lead_adv and lead_adv < len(inner_toks) and inner_toks[lead_adv - 1].text.lower() in _FOCUS and (
            inner_toks[lead_adv].tag.startswith("APPR") or inner_toks[lead_adv].tag in ("ART", "CARD", "NN", "NE")):
        lead_adv -= 1  # "werden auch auf Türkisch angeboten": "auch" goes with what follows, not the object
    if subj and lead_adv:
        # "Weitere Helfer werden außerdem gesucht" → "Man sucht außerdem weitere Helfer"
        before, inner = before + inner[:lead_adv], inner[lead_adv:]
    obj = pronoun + hedge + obj
    if opener and not others_pre:  # "Aber man stellt den Anbau … fertig": the conjunction before the clause
        words = opener + new_subject + [fin] + before + obj + inner + tail + outer
        ctx.counts[ID] += 1
        return [unit.derive(end_sentence(words), ID)]
    if others_pre:
        pre = [t.text for t in others_pre]
        if others_pre[0].tag == "PWAT" and others_pre[-1].is_noun:
            pre = _accusative(others_pre)  # "Welcher Antrag wird geprüft?" → "Welchen Antrag prüft man?"
            pre[0] = pre[0][:1].upper() + pre[0][1:]
        words = pre + [fin] + new_subject + before + obj + inner + tail + outer
    else:
        words = new_subject + [fin] + before + obj + inner + tail + outer
    ctx.counts[ID] += 1
    if words and words[-1] == ":":
        # "Folgende Themen werden behandelt:" + a list: the colon stays ("Man behandelt folgende Themen:")
        return [unit.derive([words[0][:1].upper() + words[0][1:]] + words[1:], ID)]
    if full and full[-1].text == "?":
        return [unit.derive(end_sentence(words)[:-1] + ["?"], ID)]  # "Was wird gefördert?" → "Was fördert man?"
    return [unit.derive(end_sentence(words), ID)]


def _around_colon(unit: Unit, toks: list[Tok], ctx: Context) -> list[Unit] | None:
    """"Es wird bekannt gegeben: Die Wahl wird am Sonntag durchgeführt." (a dass clause made a colon
    sentence): each side of the colon is a clause of its own and is made active on its own."""
    inside = quoted([t.text for t in toks])
    colons = [k for k, t in enumerate(toks) if t.text == ":" and k not in inside]
    if len(colons) != 1:
        return None
    c = colons[0]
    left, right = [t.text for t in toks[:c]], [t.text for t in toks[c + 1 :]]
    if not left or not right:
        return None
    mark = "?" if unit.tokens and unit.tokens[-1] == "?" else "."  # "Man prüft: Welche Kurse werden gebraucht?"
    new_left = apply(unit.derive(left + ["."], ID), ctx)
    token = _AFTER_FRAME.set(True)
    try:
        new_right = apply(unit.derive(right + [mark], ID), ctx)
    finally:
        _AFTER_FRAME.reset(token)
    if (new_left is None and new_right is None) or any(r is not None and len(r) != 1 for r in (new_left, new_right)):
        return None
    lw = [w for w in (new_left[0].tokens if new_left else left) if w != "."]
    rw = [w for w in (new_right[0].tokens if new_right else right) if w not in (".", "?")]
    rw = [rw[0][:1].upper() + rw[0][1:]] + rw[1:] if rw and rw[0] != "sie" else rw
    return [unit.derive(lw + [":"] + rw + [mark], ID)]


#: words that open a clause after the main clause's comma: the passive is made active in the main clause only
_CLAUSE_OPENERS = ("KOUS", "KOUI", "PWS", "PWAV", "PWAT")


def _beside_clause(unit: Unit, full: list[Tok], toks: list[Tok], ctx: Context) -> list[Unit] | None:
    """A main clause next to a subordinate clause, either of them passive: "Eine Bescheinigung wird nur
    ausgestellt, wenn der Antrag rechtzeitig eingegangen ist." → "Man stellt eine Bescheinigung nur aus, wenn
    …"; "Wenn der Antrag fehlt, wird er nachgefordert." → "Wenn der Antrag fehlt, fordert man ihn nach.";
    "Man weiß nicht, ob die Kosten übernommen werden." → "…, ob man die Kosten übernimmt." Each clause is
    made active on its own; the other one is kept word for word. Relative clauses are not handled: the
    active sentence would separate them from their noun."""
    inside = quoted([t.text for t in toks])
    end = [t.text for t in full[len(toks) :]] or ["."]
    first = next((k for k, t in enumerate(toks) if t.text == "," and k not in inside and k + 1 < len(toks)
                  and toks[k + 1].tag in _CLAUSE_OPENERS), None)
    if first is not None and first >= 2 and sum(1 for t in toks[:first] if t.is_finite) == 1:
        tail = toks[first + 1 :]
        if any(t.text in {",", ";", ":"} or t.text in QUOTES_OPEN for t in tail):
            return None  # a second clause or a quotation after it: left as written
        head_words: list[str] | None = [t.text for t in toks[:first]]
        if detect(toks[:first]):
            head = apply(unit.derive([t.text for t in toks[:first]] + ["."], ID), ctx)
            head_words = head[0].tokens[:-1] if head is not None and len(head) == 1 and \
                head[0].tokens[-1] == "." else None
        if head_words is None:
            return None  # the passive main clause stays ("Zwei Kinder wurden verletzt, …"): so does its clause
        tail_words = _verb_final_active(unit, tail, ctx) if detect(tail) else None
        if tail_words is not None and "man" in tail_words and "man" in [w.lower() for w in head_words]:
            tail_words = None  # "Wie reagiert man, wenn man einen Schüler beleidigt?" would make them one person
        if tail_words is None and not detect(toks[:first]):
            return None
        return [unit.derive(head_words + [","] + (tail_words or [t.text for t in tail]) + end, ID)]
    if toks[0].tag != "KOUS":
        return None
    # a leading clause ends at the comma that the main clause's finite verb follows
    comma = next((k for k, t in enumerate(toks) if t.text == "," and k not in inside and k + 1 < len(toks)
                  and toks[k + 1].is_finite), None)
    if comma is None or any(t.is_finite for t in toks[comma + 2 :]) or not detect(toks[comma + 1 :]):
        return None
    main = apply(unit.derive(["Dann"] + [t.text for t in toks[comma + 1 :]] + ["."], ID), ctx)
    if main is None or len(main) != 1 or main[0].tokens[0] != "Dann" or main[0].tokens[-1] != ".":
        return None
    return [main[0].derive([t.text for t in toks[: comma + 1]] + main[0].tokens[1:-1] + end, ID)]


def _verb_final_active(unit: Unit, clause: list[Tok], ctx: Context) -> list[str] | None:
    """A passive subordinate clause made active, verb last: "ob die Kosten übernommen werden" → "ob man die
    Kosten übernimmt"; "welche Schritte vereinbart wurden" → "welche Schritte man vereinbart hat". The clause
    is turned into a main clause ("Dann werden die Kosten übernommen.", "Welche Schritte wurden
    vereinbart?"), made active by the main-clause rule, and its finite verb is put back at the end."""
    if len(clause) < 3 or not clause[-1].is_finite or clause[-1].lemma not in ("werden", "sein"):
        return None
    fin = clause[-1]
    if clause[0].tag == "KOUS":
        lead, front = [clause[0].text], ["Dann"]
        body = clause[1:-1]
    elif clause[0].tag in ("PWS", "PWAV"):
        k = 1
        while k < len(clause) - 1 and clause[0].text.lower() == "wie" and clause[k].tag in (
                "PIAT", "PIS", "ADJD", "ADV", "ADJ(A)", "CARD"):
            k += 1  # "wie viel Energie", "wie lange", "wie oft": the question word and its measure
        if k > 1 and clause[k - 1].tag in ("PIAT", "ADJ(A)", "CARD") and clause[k].is_noun:
            k += 1
        lead, front, body = [], [clause[0].text.capitalize()] + [t.text for t in clause[1:k]], clause[k:-1]
    elif clause[0].tag == "PWAT":
        k = 1
        while k < len(clause) - 1 and not clause[k - 1].is_noun:
            k += 1
        if not clause[k - 1].is_noun:
            return None
        lead, front, body = [], [clause[0].text.capitalize()] + [t.text for t in clause[1:k]], clause[k:-1]
    else:
        return None
    if sum(1 for t in body if t.tag == "VV(PP)") != 1 or any(t.is_finite for t in body):
        return None
    question = [*front, fin.text, *(t.text for t in body), "?" if not lead else "."]
    out = apply(unit.derive(question, ID), ctx)
    if out is None or len(out) != 1:
        return None
    words = out[0].tokens
    if [w.lower() for w in words[: len(front)]] != [w.lower() for w in front] or len(words) < len(front) + 3:
        return None
    new_fin, rest = words[len(front)], words[len(front) + 1 : -1]
    pp = next(t for t in body if t.tag == "VV(PP)")
    particle = separable_particle(pp.lemma)
    if rest and particle and rest[-1] == particle:
        rest, new_fin = rest[:-1], particle + new_fin  # "fordert man ihn nach" → "man ihn nachfordert"
    kept_front = [] if lead else [front[0][:1].lower() + front[0][1:]] + front[1:]
    return lead + kept_front + rest + [new_fin]


#: set while the part after a colon frame ("X hat angekündigt: …") is made active
_AFTER_FRAME: ContextVar[bool] = ContextVar("passive_after_frame", default=False)
_LEADING_KON = {"doch", "aber", "und", "oder", "denn"}
#: adverbs about the whole statement: they come before the object in the active sentence
_SENTENCE_ADVERBS = {"außerdem", "auch", "zudem", "ebenfalls", "noch", "bereits", "schon", "dann", "danach",
                     "deshalb", "daher", "jedoch", "aber", "also", "nun", "inzwischen", "wieder", "gleichzeitig",
                     "immer", "dagegen", "hingegen", "allerdings", "trotzdem", "dennoch", "ebenso", "anschließend"}
#: focus particles: before another phrase they point to it ("auch auf Türkisch", "noch in der Nacht")
_FOCUS = {"auch", "noch", "schon", "bereits", "erst", "nur", "sogar", "wieder", "immer"}
#: harm that happens in accidents: without an agent, "man hat … verletzt" would say someone did it
_HARM = {"verletzen", "töten", "beschädigen", "zerstören", "verwunden", "verschütten", "überfluten", "verbrennen"}
#: a subject pronoun of the passive as the object of the active sentence
_PRONOUN_ACC = {"er": "ihn", "Er": "ihn", "sie": "sie", "Sie": "sie", "es": "es", "Es": "es", "wir": "uns",
                "Wir": "uns", "ich": "mich", "Ich": "mich", "du": "dich", "Du": "dich", "ihr": "euch", "Ihr": "euch"}
#: what follows a separated particle in a participle ("an-ge-worben", "an-erkannt")
_PARTICIPLE_STARTS = ("ge", "be", "er", "ver", "zer", "ent", "emp", "miss")
#: determiners that cannot start a nominative subject ("dem Kind", "des Jahres", "einem Verein")
_OBLIQUE = {"dem", "den", "des", "einem", "einen", "eines", "diesem", "diesen", "dieses", "jedem", "jeden"}


_HAVE_AMOUNTS = {"viel", "nichts", "wenig", "genug", "etwas", "einiges", "vieles", "mehr", "noch"}
_HAVE_NOUNS = {"Zeit", "Lust", "Recht", "Möglichkeit", "Gelegenheit", "Angst", "Mut", "Grund"}
#: "ist bis Sonntag zu sehen": what one can do, not what one must
_CAN_VERBS = {"sehen", "hören", "finden", "erreichen", "besichtigen", "erleben", "bestaunen", "bewundern",
              "entdecken", "genießen", "kaufen", "ausleihen", "lesen", "erkennen", "herunterladen", "abrufen",
              "buchen", "mieten", "nutzen", "bekommen", "erhalten", "verstehen", "besuchen", "probieren"}
#: "ist zu erwarten / befürchten": neither (an expectation): left alone
_STATEMENT_VERBS = {"erwarten", "befürchten", "vermuten", "hoffen", "beobachten", "feststellen", "sagen",
                    "bemerken", "annehmen", "rechnen", "begrüßen", "bedauern", "zurückführen"}
# ("ist auf … zurückzuführen": a cause, no duty)
_CAN_CUES = {"nicht", "kaum", "leicht", "schwer", "gut", "einfach", "nie", "niemals"}


def _inserted_details_only(toks: list[Tok]) -> bool:
    """Whether every comma pair of a clause sets off a short detail with a number and no verb: a clock time
    ("bis zum 3. Mai, 12 Uhr, im Rathaus") or an address ("beim Wahlleiter, Hauptstraße 17, einzureichen")."""
    commas = [k for k, t in enumerate(toks) if t.text == ","]
    if len(commas) % 2:
        return False
    for a, b in zip(commas[::2], commas[1::2], strict=True):
        part = toks[a + 1 : b]
        if not part or len(part) > 5 or any(t.tag.startswith("V") or t.tag in ("KOUS", "PRELS", "KON") for t in part) \
                or not any(t.text[:1].isdigit() for t in part):
            return False
    return True


def _zu_infinitive(unit: Unit, full: list[Tok], ctx: Context) -> list[Unit] | None:
    """"sein + zu-Infinitiv" is a passive with a modal meaning: "Eine Abwesenheit ist vorher zu beantragen."
    → "Man muss eine Abwesenheit vorher beantragen."; with a negation or "leicht/schwer" it is "kann"
    ("… ist nicht zu erreichen" → "Man kann … nicht erreichen"). "haben + zu-Infinitiv" is "müssen"
    ("Der Antragsteller hat die Unterlagen vorzulegen" → "… muss die Unterlagen vorlegen"). Only a main
    clause without commas; a colon and what follows it (a list) stay as they are."""
    colon = next((k for k, t in enumerate(full) if t.text == ":"), None)
    toks = strip_end(full[:colon] if colon is not None else full)
    after = [t.text for t in full[colon:]] if colon is not None else ["."]
    fins = [i for i, t in enumerate(toks) if t.is_finite]
    if fins == [1] and toks[1].text.lower() in ("ist", "sind") and (fronted := _fronted_zu_infinitive(toks[0])):
        # "Mitzubringen sind der Ausweis und ein Foto." → "Man muss den Ausweis und ein Foto mitbringen."
        middle = toks[2:]
        if not middle and colon is not None:
            ctx.counts[ID] += 1  # "Mitzubringen sind: …" → "Das muss man mitbringen: …"
            return [unit.derive(["Das", "muss", "man", fronted] + after, ID)]
        if not middle or middle[0].tag not in ("ART", "PPOSAT", "PIAT", "PDAT", "NN", "NE", "ADJ(A)") or any(
                t.tag in ("PTKNEG", "PPER", "PDS", "PIS", "KOUS", "PRELS") or t.text in {";", "„", "“"} for t in middle):
            return None
        ctx.counts[ID] += 1
        return [unit.derive(["Man", "muss"] + _accusative_list(middle) + [fronted] + after, ID)]
    if len(fins) != 1 or len(toks) < 3 or any(t.text in {";", "„", "“"} for t in toks) or not _inserted_details_only(toks):
        return None
    f = fins[0]
    aux = toks[f]
    last = toks[-1]
    if aux.text.lower() not in ("ist", "sind", "hat", "haben") or f == 0:
        return None  # present only: "war im Kino zu sehen" is no instruction
    if last.tag == "VV(IZU)" and last.lemma.isalpha() and last.lemma.islower():
        infinitive, drop = [last.lemma], 1
    elif last.tag == "VV(INF)" and toks[-2].tag == "PTKZU":
        infinitive, drop = [last.text], 2
    else:
        return None
    middle = toks[f + 1 : len(toks) - drop]
    prefield = toks[:f]
    if any(t.tag in ("PTKZU", "VV(IZU)") for t in middle) or infinitive[0] in _STATEMENT_VERBS:
        return None  # "ist auszufüllen und zu unterschreiben", "ist zu erwarten" (no "muss"/"kann")
    if aux.lemma == "haben":
        if any(t.tag in ("PIS", "PIAT") or t.text in _HAVE_NOUNS or t.text.lower() in _HAVE_AMOUNTS for t in middle):
            return None  # "hat viel zu tun", "haben nichts zu verlieren", "hat Zeit zu …": no obligation
        table = verb_table("müssen")
        if table is None or toks[0].tag in ("PPER",) and toks[0].text.lower() in ("ich", "du"):
            return None
        number = 5 if aux.text.lower() == "haben" else 2
        words = [t.text for t in prefield] + [_case_of(table.present[number], aux.text)] + \
            [t.text for t in middle] + infinitive
        ctx.counts[ID] += 1
        return [unit.derive(words + after, ID)]
    if any(t.text == "und" and k > 0 and middle[k - 1].tag == "ADJ(D)" for k, t in enumerate(middle)):
        return None  # "ist barrierefrei und gut zu erreichen": "ist" also belongs to the adjective
    can = any(t.text.lower() in _CAN_CUES for t in middle) or infinitive[0] in _CAN_VERBS
    modal = "kann" if can else "muss"
    experiencer = _experiencer(prefield) if can else None
    if experiencer is not None:
        # "Für die Angehörigen ist das oft schwer zu verstehen" → "Die Angehörigen können das oft schwer
        # verstehen": who finds it hard is who can (not) do it, not whom it is done for
        words, plural = experiencer
        words = words + ["können" if plural else "kann"] + [t.text for t in middle] + infinitive
        words[0] = words[0][:1].upper() + words[0][1:]
        ctx.counts[ID] += 1
        return [unit.derive(words + after, ID)]
    agent = _agent(middle) if prefield and prefield[0].tag in ("ART", "PPOSAT", "PIAT", "PDAT", "NN", "NE") else None
    if agent is not None and prefield[0].text.lower() not in _OBLIQUE:
        # "Die Miete ist vom Mieter zu zahlen" → "Der Mieter muss die Miete zahlen": who must do it is named
        start, end, subject, plural = agent
        verb = {"kann": "können", "muss": "müssen"}[modal] if plural else modal
        words = subject + [verb] + _accusative(prefield) + [t.text for t in middle[:start] + middle[end:]] + infinitive
        words[0] = words[0][:1].upper() + words[0][1:]
        ctx.counts[ID] += 1
        return [unit.derive(words + after, ID)]
    if prefield and prefield[0].tag in ("ART", "PPOSAT", "PIAT", "PDAT", "NN", "NE", "ADJ(A)") and \
            prefield[0].text.lower() not in _OBLIQUE:  # "Dem Antrag ist … beizufügen": a dative leads
        dative = _leading_dative(middle)
        # "Änderungen sind der Behörde mitzuteilen" → "Man muss der Behörde Änderungen mitteilen": the dative
        # noun goes first, so that it does not read as a genitive of the object ("Änderungen der Behörde")
        words = ["man", modal] + [t.text for t in middle[:dative]] + _accusative(prefield) + \
            [t.text for t in middle[dative:]] + infinitive
    elif prefield and prefield[0].tag not in ("PPER", "PDS", "PIS"):
        found = _middle_subject(middle)
        if found is None:
            return None  # "Hier ist zu beachten …": no subject, nothing to make the object
        a, b = found
        words = [t.text for t in prefield] + [modal, "man"] + [t.text for t in middle[:a]] + \
            _accusative(middle[a:b]) + [t.text for t in middle[b:]] + infinitive
    else:
        return None
    words[0] = words[0][:1].upper() + words[0][1:]
    ctx.counts[ID] += 1
    return [unit.derive(words + after, ID)]


def _fronted_zu_infinitive(t: Tok) -> str | None:
    """The infinitive of a zu-infinitive that opens the sentence ("Mitzubringen" → "mitbringen",
    "Einzureichen" → "einreichen"), which the tagger may read as a noun; else None."""
    if t.tag == "VV(IZU)" and t.lemma.isalpha() and t.lemma.islower():
        return t.lemma
    word = t.text.lower()
    k = word.find("zu", 1)
    if k < 1 or t.tag not in ("NN", "VV(IZU)") or not word.endswith("en"):
        return None
    verb = word[:k] + word[k + 2 :]
    return verb if verb_table(verb) is not None and separable_particle(verb) == word[:k] else None


def _accusative_list(middle: list[Tok]) -> list[str]:
    """Each noun phrase of an enumeration ("der Ausweis, der Pass und ein Foto") in the accusative; a
    prepositional phrase after the last one stays as it is."""
    out: list[str] = []
    start = 0
    for k in range(len(middle) + 1):
        if k == len(middle) or middle[k].text == "," or (middle[k].tag == "KON" and middle[k].text in ("und", "oder")):
            out += _accusative(middle[start:k]) if k > start else []
            if k < len(middle):
                out.append(middle[k].text)
            start = k + 1
    return out


def _leading_dative(middle: list[Tok]) -> int:
    """The end of a dative noun phrase at the start of ``middle`` ("der Behörde", "dem Jobcenter"), else 0.
    Right after the finite verb of "sein + zu" a "der" phrase can be neither the subject nor a genitive."""
    if not middle or middle[0].text.lower() not in ("dem", "einem", "der", "einer", "ihrem", "ihrer", "seinem",
                                                    "seiner", "unserem", "unserer"):
        return 0
    k = 1
    while k < len(middle) and middle[k].tag in ("ADJ(A)", "ADV") and not middle[k].is_noun:
        k += 1
    if k >= len(middle) or middle[k].tag not in ("NN", "NE") or is_time_word(middle[k].text):
        return 0
    k += 1
    while k < len(middle) and middle[k].tag == "NE":
        k += 1
    return k


#: accusative determiners after "für" and their nominative (a singular masculine noun)
_FOR_NOMINATIVE = {"den": "der", "einen": "ein", "keinen": "kein", "meinen": "mein", "seinen": "sein",
                   "unseren": "unser", "diesen": "dieser", "jeden": "jeder"}


def _experiencer(prefield: list[Tok]) -> tuple[list[str], bool] | None:
    """"für die Angehörigen", "für Kinder", "für den Vater": a person or persons after "für" in the
    prefield, as a subject in the nominative, and whether it is plural. None for anything else ("für den
    Antrag") and for an adjective before a singular noun (its ending would need a case of its own)."""
    if len(prefield) < 2 or prefield[0].text.lower() != "für":
        return None
    np = prefield[1:]
    head = np[-1]
    if not (head.tag in ("NN", "NNA") and (is_person_noun(head.text, head.tag) or head.tag == "NNA")):
        return None
    if any(t.tag not in ("ART", "PPOSAT", "PIAT", "PDAT", "ADJ(A)", "NN", "NNA") for t in np):
        return None
    det = np[0].text.lower() if np[0].tag != head.tag else ""
    plural = det in ("die", "alle", "viele", "keine", "diese", "meine", "unsere") and (
        head.tag == "NNA" or noun_number(head) == "plural") or (not det and noun_number(head) != "singular")
    if plural:
        return [t.text for t in np], True
    if det in _FOR_NOMINATIVE and len(np) == 2:
        return [_FOR_NOMINATIVE[det], head.text], False
    if det in ("die", "eine", "keine", "meine", "unsere", "diese") and len(np) == 2:
        return [np[0].text, head.text], False  # "für die Mutter": feminine, the same form
    return None


def _noun_like(unit: Unit, word: str) -> bool:
    """"Freiwillige leiten ihn": a noun (or an adjective used as a noun) keeps its capital after "Denn"."""
    first = unit.toks()[0]
    return first.is_noun or first.tag == "NE" or word == "Sie"


def _case_of(word: str, model: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def _participle_first(unit: Unit, toks: list[Tok], f: int, pp_i: int, ctx: Context) -> list[Unit] | None:
    """"Beschlossen wurde außerdem eine Erhöhung …", "Einstimmig verabschiedet wurde der Antrag, …": the
    participle (with adverbs) leads. Put the subject first and the participle at the end of the clause
    ("Eine Erhöhung … wurde außerdem … beschlossen"), then make that active."""
    prefield = toks[:f]
    if pp_i != f - 1 or any(t.tag not in ("ADJ(D)", "ADV") for t in prefield[:-1]):
        return None
    middle = toks[f + 1 :]
    comma = next((k for k, t in enumerate(middle) if t.text in {",", ";", ":"}), len(middle))
    main, tail = middle[:comma], middle[comma:]
    rest = [t for t in tail if t.text not in SENT_END]
    if rest and rest[0].text == "," and not any(t.is_finite or t.text in {";", ":"} for t in rest) and any(
            t.text in ("und", "oder", "sowie") for t in rest):
        main, tail = middle[: comma + len(rest)], middle[comma + len(rest) :]  # "Kurse für Kinder, Eltern und …"
    found = _middle_subject(main)
    if found is None and main and main[0].tag == "PPER" and main[0].text.lower() in ("er", "sie", "es", "wir", "ich"):
        found = (0, 1)  # "Geleitet wird er von zwei Trainerinnen."
    if found is None and main and main[0].tag.startswith("APPR") and not tail[1:]:
        # "Gespielt wurde in gemischten Teams.": no subject (an impersonal passive); the phrase leads
        # ("In gemischten Teams wurde gespielt.") and that becomes "… hat man gespielt"
        end = constituent_end(main, 0)
        if end < len(main) and main[end].tag.startswith("APPR") and all(
                t.tag.startswith("APPR") or t.tag in ("ART", "NN", "NE", "ADJ(A)", "CARD", "APPRART") for t in main[end:]):
            end = len(main)  # "bei Anträgen auf Bürgergeld": a phrase that hangs on the one before stays with it
        found = (0, end)
    if found is None:
        return None
    a, b = found
    lead = " ".join(t.text.lower() for t in main[:a])
    if any(h in lead for h in ("unter anderem", "vor allem", "zum beispiel", "insbesondere")) and any(
            t.text in (",", "und", "oder", "sowie") for t in middle):
        return None
    if lead in ("vor allem", "unter anderem", "insbesondere", "besonders", "auch", "nur"):
        a = 0  # "Gesucht werden vor allem Helfer" → "Vor allem Helfer werden gesucht": the focus stays with them  # "Behandelt wurden unter anderem A, B und C": the list rule gives "… unter anderem:" + items
    b = next((k for k in range(a + 1, b) if main[k].text.lower() in ("von", "vom", "durch")), b)  # the agent
    if any(t.text in ("und", "oder", "sowie") for t in main[a:b]) and b < len(main) and \
            main[b].tag.startswith("APPR") and main[b].text.lower() not in ("von", "vom", "durch") and \
            constituent_end(main, b) == len(main):
        b = len(main)  # "Techniken, Regeln und der Umgang mit Stress": the phrase belongs to the last item
    if tail and tail[0].text == "," and b == len(main) and not any(t.is_finite for t in tail) and any(
            t.text in ("und", "oder") for t in tail):
        return None  # "Gesucht werden vor allem Schuhe, Jacken und Decken": an enumeration as subject
    adverbs = [t.text.lower() if t.tag == "ADJ(D)" or t.text[:1].isupper() else t.text for t in prefield[:-1]]
    words = [t.text for t in main[a:b]] + [toks[f].text] + [t.text for t in main[:a] + main[b:]] + adverbs + \
        [toks[pp_i].text[:1].lower() + toks[pp_i].text[1:]] + [t.text for t in tail] + ["."]
    if not (main[a].tag == "PPER" and main[a].text in ("sie", "ihr")):
        words[0] = words[0][:1].upper() + words[0][1:]  # ("sie" stays small: "Sie" would be the reader)
    result = apply(unit.derive(words, ID), ctx)
    return result


_PLURAL_DETERMINERS = {"die", "viele", "alle", "einige", "mehrere", "beide", "wenige", "manche", "zahlreiche"}
#: words before a passive subject that are not part of it: connectives stay first, hedges stay with it
_OPENERS = {"aber", "doch"}
_HEDGES = {"nur", "lediglich", "sogar", "allein", "bereits", "schon", "auch", "insbesondere", "besonders"}
#: two-word focus phrases that work as a hedge ("Vor allem Helfer werden gesucht")
_HEDGE_PHRASES = {("vor", "allem"), ("unter", "anderem")}
_ABOUT = {"etwa", "rund", "ungefähr", "circa", "ca.", "knapp", "fast", "mindestens", "höchstens"}
#: amounts without a number before a noun ("ausreichend Dolmetscher", "genug Plätze", "mehr Kurse")
_QUANTITIES = {"ausreichend", "genug", "genügend", "mehr", "weniger", "zusätzlich", "weitere"}


def _middle_subject(middle: list[Tok]) -> tuple[int, int] | None:
    """The passive subject after the auxiliary: the first noun phrase that can be nominative, past
    adverbs ("nur", "möglicherweise"), prepositional phrases and dative/genitive phrases ("dem Kind")."""
    k = 0
    while k < len(middle):
        t = middle[k]
        end = _with_enumeration(middle, constituent_end(middle, k))
        if t.tag in ("ART", "PPOSAT", "PIAT", "NN", "NE", "PDAT") and t.text.lower() not in _OBLIQUE:
            return k, end
        if t.tag == "CARD" and end > k + 1 and middle[end - 1].is_noun:
            return k, end  # "3.000 Besucherinnen und Besucher"
        if t.text.lower() in _ABOUT and k + 1 < len(middle) and middle[k + 1].tag == "CARD":
            end = constituent_end(middle, k + 1)
            if end > k + 2 and middle[end - 1].is_noun:
                return k, end  # "etwa 3.000 Besucher": the hedge belongs to the number
        if t.tag == "ADJ(A)" and end > k + 1 and middle[end - 1].is_noun:
            return k, end  # "folgende Unterlagen"
        if t.text.lower() in _QUANTITIES and k + 1 < len(middle) and middle[k + 1].tag in ("NN", "ADJ(A)"):
            end = _with_enumeration(middle, constituent_end(middle, k + 1))
            if middle[end - 1].is_noun:
                return k, end  # "ausreichend Dolmetscher", "genug Plätze": the amount belongs to the noun
        if t.tag.startswith("APPR"):
            inner = next((m for m in range(k + 2, end - 1) if middle[m].text == "der" and middle[m - 1].is_noun
                          and masculine_nominative(middle[m + 1])), None)
            if inner is not None:
                return inner, end  # "vom Bürgermeister der Preis": "der Preis" is no genitive (that is "des")
        if t.tag in ("ADV", "PTKNEG", "ADJ(D)", "PROAV", "PAV") or t.tag.startswith("APPR") or t.text.lower() in _OBLIQUE:
            k = max(end, k + 1)
            continue
        if t.tag in ("PPER", "PRF") and t.text.lower() in _DATIVE_PRONOUNS:
            k += 1  # "wird Ihnen ein neuer Termin geschickt": the dative pronoun before the subject
            continue
        return None
    return None


_DATIVE_PRONOUNS = {"ihnen", "ihm", "mir", "dir", "uns", "euch", "sich"}


def _with_enumeration(toks: list[Tok], end: int) -> int:
    """"64 Frauen, Männer und Kinder": nouns joined by commas and a last und/oder are one subject."""
    k = end
    while k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].is_noun and toks[end - 1].is_noun:
        nxt = constituent_end(toks, k + 1)
        if nxt <= k + 1 or not toks[nxt - 1].is_noun:
            break
        k = nxt
    return k


def _coordinated_participles(toks: list[Tok], f: int) -> tuple[list[str], list[str]] | None:
    """"<subject> wird <…> überprüft und <…> angepasst": the two clauses as passive sentences of their own
    ("Der Plan wird … überprüft." / "Der Plan wird … angepasst."), or None. Only a subject before the
    auxiliary, one "und"/"oder" right after the first participle and a participle last."""
    if f == 0 or toks[0].tag not in ("ART", "PPOSAT", "PIAT", "PDAT", "NN", "NE", "ADJ(A)"):
        return None
    if constituent_end(toks, 0) != f:
        return None
    for k in range(f + 2, len(toks) - 1):
        if toks[k].text in ("und", "oder") and toks[k - 1].tag == "VV(PP)" and toks[-1].tag == "VV(PP)":
            if any(t.is_finite or t.text in {",", ";", ":"} for t in toks[k + 1 :]):
                return None
            subject = [t.text for t in toks[: f + 1]]
            return [t.text for t in toks[:k]] + ["."], subject + [t.text for t in toks[k + 1 :]] + ["."]
    return None


def _has_agent_phrase(toks: list[Tok]) -> bool:
    """"vom Kreis", "von der Stadt", "durch Frau Berg": a definite agent. "von Migration und Integration"
    (bare nouns) is a "von" instead of a genitive, not an agent."""
    for i, t in enumerate(toks[:-1]):
        if i > 0 and toks[i - 1].text in _MEASURES:
            continue  # "in Höhe von 5.000 Euro"
        if t.text == "durch" and is_place_noun(toks[min(constituent_end(toks, i), len(toks)) - 1].text):
            continue  # "durch den Gebetsraum": a way, no agent
        if t.text == "durch" and i > 1 and toks[i - 1].text in ("und", "oder", "sowie") and any(
                x.text in ("aus", "mit") for x in toks[: i - 1]):
            continue  # "aus Mitteln des Landes und durch eine Spende": a second means, no agent
        if i > 0 and toks[i - 1].tag == "NN" and toks[i - 1].text.lower().endswith(_ACTION_ENDINGS):
            continue  # "mit Unterstützung von Dolmetschern"
        if t.text == "von" and toks[i + 1].tag == "CARD" and any(
                x.text in ("bis", "Uhr") for x in toks[i + 2 : i + 5]):
            continue  # "in der Zeit von 8 bis 18 Uhr": a time, no agent
        if i > 0 and toks[i - 1].tag == "ART" and t.text in ("von", "vom", "durch"):
            return True  # "ein von Helferinnen zubereitetes Buffet": a participle's agent, left for the editor
        if t.text in ("von", "durch") and i + 2 < len(toks) and toks[i + 1].text.lower() in _ABOUT | {"über", "unter"} and \
                toks[i + 2].tag == "CARD" and not (i + 3 < len(toks) and toks[i + 3].text in _UNITS):
            return True  # "von über 60 Kindern"; not "von mindestens 6 Monaten"
        if t.text == "vom" or (t.text in ("von", "durch") and toks[i + 1].tag in (
                "ART", "NE", "PPER", "PPOSAT", "PDAT", "CARD", "PIAT", "NNA", "ADJ(A)")):
            return True  # "von vielen Helfern", "von zwölf Bergarbeitern", "von Ehrenamtlichen"
        if t.text in ("von", "durch") and toks[i + 1].tag == "NN":
            info = noun_info(toks[i + 1].lemma)
            if info is not None and toks[i + 1].text in info.number_forms("plural") and \
                    toks[i + 1].text not in info.number_forms("singular"):
                return True  # "von Familien aus der Region": bare plural people, not "von Migration"
        if t.text in ("von", "durch") and toks[i + 1].tag == "NN" and i + 2 < len(toks) and toks[i + 2].tag == "NE":
            return True  # "von Oberbürgermeister Frank Dudda"
    return False


def _modal_passive(unit: Unit, toks: list[Tok], f: int, ctx: Context) -> list[Unit] | None:
    """"Anträge können bei der Stadt gestellt werden." → "Man kann Anträge bei der Stadt stellen."
    Only agentless main clauses ending in "<participle> werden"."""
    if len(toks) < f + 3 or toks[-1].text != "werden" or toks[-2].tag != "VV(PP)":
        return None
    pp = toks[-2]
    if any(t.tag == "VV(PP)" for t in toks[f + 1 : -2]):
        return None  # "kann abgeholt oder heruntergeladen werden": two participles, one infinitive would not do
    if toks[f].text.lower() in ("soll", "sollen"):
        return _plan(unit, toks, f, ctx)
    if toks[f].lemma in ("wollen", "mögen", "möchten", "sollen") or toks[f].text.lower().startswith("möcht"):
        return None  # "die nicht genannt werden möchte", "sollte verwendet werden": "man" cannot take it
    table = verb_table(pp.lemma)
    modal = verb_table(toks[f].lemma)
    if table is None or modal is None:
        return None
    middle = toks[f + 1 : -2]
    if _has_agent_phrase(middle):
        return None  # an agent: leave it to the editor
    prefield = toks[:f]
    low = toks[f].text.lower()
    # "mussten … abgebaut werden" → "man musste … abbauen": the tense of the modal stays
    finite = modal.preterite[2] if low in modal.preterite and low not in modal.present else modal.present[2]
    if len(prefield) == 1 and prefield[0].tag == "PPER" and prefield[0].text in _PRONOUN_ACC:
        acc = prefield[0].text if _polite(prefield[0].text) and _plural_verb(toks[f]) else _PRONOUN_ACC[prefield[0].text]
        words = ["man", finite, acc] + [t.text for t in middle] + [pp.lemma]
    elif prefield and (prefield[0].tag in ("ART", "PPOSAT", "PIAT", "PDAT", "NN", "NE", "ADJ(A)") or (
            prefield[0].text.lower() in _QUANTITIES and prefield[-1].is_noun)):
        # "Anträge können gestellt werden", "Ausreichend Dolmetscher können eingeplant werden"
        # unstressed pronouns come before the object: "Man muss ihm ein Formular schicken"
        pronouns = [t.text for t in middle if t.tag in ("PPER", "PRF")]
        words = ["man", finite] + pronouns + _accusative(prefield) + [t.text for t in middle
                                                                      if t.tag not in ("PPER", "PRF")] + [pp.lemma]
    else:
        found = _middle_subject(middle)  # "Dann kann der Antrag nicht bearbeitet werden."
        if found is not None:
            a, b = found
            middle_words = [t.text for t in middle[:a]] + _accusative(middle[a:b]) + [t.text for t in middle[b:]]
        else:
            middle_words = [t.text for t in middle]
        words = [t.text for t in prefield] + [finite, "man"] + middle_words + [pp.lemma]
    ctx.counts[ID] += 1
    return [unit.derive(end_sentence(words), ID)]


def _plan(unit: Unit, toks: list[Tok], f: int, ctx: Context) -> list[Unit] | None:
    """"Das Projekt soll mit einer anderen Klasse fortgesetzt werden." → "Der Plan ist: Man setzt das Projekt mit
    einer anderen Klasse fort." An agentless "soll … werden" in a report states a plan; "Man soll das Projekt
    fortsetzen" would read as an order to the reader. Quotations ("Niemand soll ausgegrenzt werden") are wishes,
    not plans, and are left as written. With an agent it is that agent's task ("Das Land soll den Antrag
    prüfen.").
    """
    if any(t.text in QUOTES_OPEN or t.text in QUOTES_CLOSE for t in toks) or unit.speaker or unit.reported:
        return None
    if any(t.text.lower() in ("niemand", "keiner", "keine", "kein", "nichts") for t in toks[:f]):
        return None
    if any(t.lemma in ("Plan", "Ziel", "Absicht") for t in toks):
        return None  # "Nach den Plänen soll … umgebaut werden": "Der Plan ist:" would say it twice
    middle = toks[f + 1 : -2]
    if not toks[:f]:
        return None
    if _has_agent_phrase(middle):
        # "Der Antrag soll vom Land geprüft werden." → "Das Land soll den Antrag prüfen.": who is to act is named
        agent = _agent(middle)
        prefield = toks[:f]
        if agent is None or not (prefield[0].tag in ("ART", "PPOSAT", "PIAT", "PDAT", "NN", "NE", "ADJ(A)")
                                 and prefield[-1].is_noun and prefield[0].text.lower() not in _OBLIQUE):
            return None
        a, b, nom, plural_agent = agent
        rest = [t.text for t in middle[:a] + middle[b:]]
        modal = "sollen" if plural_agent else "soll"
        words = [nom[0][:1].upper() + nom[0][1:]] + nom[1:] + [modal] + _accusative(prefield) + rest + [toks[-2].lemma]
        ctx.counts[ID] += 1
        return [unit.derive(end_sentence(words), ID)]
    aux = "wird" if toks[f].text.lower() == "soll" else "werden"
    out = apply(unit.derive([t.text for t in toks[:f]] + [aux] + [t.text for t in toks[f + 1 : -1]] + ["."], ID), ctx)
    if out is None or len(out) != 1 or out[0].tokens[-1] != "." or "man" not in [w.lower() for w in out[0].tokens]:
        return None
    if _AFTER_FRAME.get():
        return out  # "X hat angekündigt: Man setzt das Projekt fort.": the frame already says it is a plan
    words = out[0].tokens
    return [out[0].derive(["Der", "Plan", "ist", ":", words[0][:1].upper() + words[0][1:]] + words[1:], ID)]


def _plural(np: list[str]) -> bool:
    """Whether the new subject needs a plural verb: coordinated, counted ("12 Helfer", "viele Helfer"),
    or a plural noun ("die Schüler", "Geräusche")."""
    if not np:
        return False
    first = np[0].lower()
    if "und" in np or first in _PLURAL_DETERMINERS - {"die"} or (first.isdigit() and first != "1"):
        return True
    if first in ("der", "das", "ein", "eine", "man"):
        return False
    nouns = [w for w in np if w[:1].isupper() and noun_info(w) is not None]
    noun = nouns[0] if nouns else np[-1]  # "die Musikschule Unna": the noun, not the name after it
    info = noun_info(noun)
    if info is None:
        if first != "die":
            return noun.endswith("e") and noun[:1].isupper() and len(np) == 1  # "Ehrenamtliche"
        return not _fem_singular(noun)
    in_plural = noun in info.number_forms("plural")
    if first != "die":
        return in_plural and noun not in info.number_forms("singular") or (in_plural and len(np) > 1)
    return in_plural


def _fem_singular(noun: str) -> bool:
    info = noun_info(noun)
    return bool(info and info.genus == "f")


def check(toks: list[Tok], ctx: Context) -> list[Finding]:
    from lesbar.simplify.rules import Finding

    hits = detect(toks)
    if not hits:
        return []
    words = [toks[i].text for i in hits] + [t.text for t in toks if t.tag == "VV(PP)"]
    return [Finding(ID, "Passiv: aktiv schreiben (wer tut etwas?)", words)]
