"""Rule 1a ``split_coordination``: one statement per sentence — split main clauses joined by
und / aber / denn / sondern / oder / doch, and at semicolons.

A split is made only when the part after the conjunction is itself a main clause (finite verb in
second position, or first with the subject left out). When the subject was left out ("Sie kam und
blieb"), the subject of the first clause is repeated. Clauses with their verb last belong to a
subordinate clause and are left alone, as are enumerations of nouns ("Kinder und Eltern").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lesbar.simplify.analysis import Tok
from lesbar.simplify.clauses import (
    QUOTES_CLOSE,
    QUOTES_OPEN,
    constituent_end,
    is_direct_quote,
    is_verb_final,
    mentioned_again,
    strip_end,
    subject_of,
    top_level_commas,
)
from lesbar.simplify.resources import speech_verbs
from lesbar.simplify.rules.subordinate_clauses import noun_number
from lesbar.simplify.units import Unit, end_sentence

if TYPE_CHECKING:
    from lesbar.simplify.context import Context
    from lesbar.simplify.rules import Finding

ID = "split_coordination"
PRIORITY = 40
LEVELS = ("leicht", "einfach")
HEADINGS = False

#: conjunction → word that starts the second sentence ("" = none)
_KON = {"und": "", "aber": "Aber", "denn": "Denn", "sondern": "", "oder": "Oder", "doch": "Doch",
        "jedoch": "Aber"}
_SUBJECT_TAGS = {"PPER", "NE", "PIS", "PDS"}


def _has_subject_prefield(clause: list[Tok]) -> bool:
    if not clause:
        return False
    fin = next((i for i, t in enumerate(clause) if t.is_finite), None)
    return fin is not None and 0 < fin <= 8


def _is_main_clause(part: list[Tok]) -> bool:
    part = strip_end(part)
    fins = [i for i, t in enumerate(part) if t.is_finite]
    if not fins or len([t for t in part if t.is_word]) < 2:
        return False
    if is_verb_final(part):
        return False
    if part[0].tag in ("KOUS", "PRELS", "PRELAT") and part[1].text.lower() not in _PRONOUN_GROUPS:
        return False  # ("die meisten von ihnen sind …": an article read as a relative pronoun)
    if part[0].tag in ("PWS", "PWAV", "PWAT") and fins[0] != constituent_end(part, 0):
        return False  # "Was die Niederlande vorhätten mit …": a w-clause, not a question ("Was machen wir")
    if part[0].tag in ("PWS", "PWAV", "PWAT") and len(part) > 2 and part[-1].is_finite and part[-1].text != "?":
        return False  # "Welche Kinder teilnehmen, haben …": the verb at the end makes it a w-clause
    if any(t.text == "," for t in part[: fins[0]]):
        return False  # "… für Kinder und | Jugendliche kostenlos, Erwachsene zahlen …": the verb is another clause's
    if any(t.text == ":" for t in part[: fins[0]]):
        return False  # "Elternbegleiter: Sie sprechen …": the colon's clause, not this part's
    if fins[0] > 1 and part[fins[0] - 1].tag == "KON":
        return False  # "Sprechtagen und erklären …": the verb is joined to something before this part
    return fins[0] <= 6


def _split_points(toks: list[Tok]) -> list[int]:
    """Indices of conjunctions (or semicolons) outside quotes that join two main clauses, and of commas
    directly followed by a finite verb ("…, muss aber …": a second clause without its subject)."""
    out = []
    quote = False
    for i, t in enumerate(toks):
        if t.text in QUOTES_OPEN:
            quote = True
        elif t.text in QUOTES_CLOSE:
            quote = False
        if quote or i == 0:
            continue
        if t.tag == "KON" and toks[i - 1].text.endswith("-") and len(toks[i - 1].text) > 1:
            continue  # "baum- oder feldfrisch", "Musik- und Tanzgruppen": one word, shared ending
        if t.text == ";" or (t.tag == "KON" and t.text.lower() in _KON):
            out.append(i)
        elif t.text == "," and i + 1 < len(toks) and toks[i + 1].is_finite:
            out.append(i)
        elif t.text == "," and _v2_clause_follows(toks, i):
            out.append(i)  # "Die Gebühr beträgt 25 Euro, für Vereine ist die Teilnahme kostenlos."
    return out


_V2_START = {"ART", "PPER", "NN", "NE", "NNA", "PIS", "PDS", "ADV", "APPR", "APPRART", "PPOSAT", "PIAT", "PDAT",
             "ADJ(A)", "ADJ(D)", "PROAV", "PAV", "CARD"}
_REPORTING = {"glauben", "denken", "finden", "wissen", "hoffen", "fürchten", "vermuten", "schreiben", "fragen", "lauten",
              "befürchten", "erwarten", "annehmen", "meinen"}


#: pronouns that take an article ("die meisten", "die beiden"): "die" before them is no relative pronoun
_PRONOUN_GROUPS = {"beiden", "meisten", "anderen", "übrigen", "wenigsten"}


def _v2_clause_follows(toks: list[Tok], c: int) -> bool:
    """A comma between two main clauses without a conjunction: the part after it (to the next comma or
    the end) has its finite verb right after its first constituent, and the part before it is a main
    clause whose verb does not introduce what follows ("Er sagte, er komme")."""
    from lesbar.simplify.resources import speech_verbs

    end = c + 1
    while end < len(toks) and toks[end].text not in {",", ";", ":", ".", "!", "?", "„", "“"}:
        end += 1
    seg = toks[c + 1 : end]
    if len(seg) >= 3 and seg[0].text.lower() in ("die", "den") and seg[1].text.lower() in _PRONOUN_GROUPS:
        # "…, die meisten (von ihnen) sind …": a pronoun with its article, read as a relative pronoun
        k = 4 if len(seg) > 4 and seg[2].text == "von" and seg[3].tag in ("PPER", "PRELS", "PDS") else 2
    elif len(seg) < 3 or seg[0].tag not in _V2_START or _relative_read_as_article(toks, c, seg):
        return False
    else:
        k = constituent_end(seg, 0)
    if k >= len(seg) or not seg[k].is_finite or k > 5:
        return False
    left = toks[:c]
    fins = [t for t in left if t.is_finite]
    particles = [t.text.lower() for t in left if t.tag == "PTKVZ"]
    full = {particles[-1] + fins[0].lemma} if fins and particles else set()  # "teilte … mit" → "mitteilen"
    if len(fins) != 1 or fins[0].lemma in speech_verbs() or fins[0].lemma in _REPORTING or \
            full & (speech_verbs() | _REPORTING):
        return False
    if left and left[-1].tag.endswith(("(PP)", "(INF)")) and left[-1].lemma in speech_verbs() | _REPORTING:
        return False  # "sie habe befürchtet, die Kosten würden steigen": what she feared, no second statement
    return not any(t.text in {",", "„", "“"} for t in left)


def _relative_read_as_article(toks: list[Tok], c: int, seg: list[Tok]) -> bool:
    """"Wir suchen Menschen, die Hilfe brauchen", "einen Mann getroffen, der Geld sammelt": after a noun
    (or its participle) and a comma, "der/die/das" + words + the finite verb at the end has the shape of a
    relative clause, which the tagger may read as an article and a main clause. Such a segment is never
    split off as a sentence of its own ("die Hilfe brauchen" is no statement)."""
    if c == 0 or seg[0].text.lower() not in ("der", "die", "das", "den", "dem", "denen"):
        return False
    before = toks[c - 1]
    if not (before.is_noun or before.tag.endswith(("(PP)", "(INF)")) or before.tag == "PTKVZ"):
        return False
    words = [t for t in seg if t.is_word]
    fins = [t for t in words if t.is_finite]
    return bool(fins) and fins[-1] is words[-1] and len(fins) == 1


def _comment_clause(right: list[Tok]) -> bool:
    """", glaubt Bah", ", bedauerte die Leiterin", ", freute sich Anna Berg": a finite verb followed only by
    its subject (a name, a pronoun or a short noun phrase) comments on what was said before."""
    if not right or not right[0].is_finite:
        return False
    if not _says_something(right):
        return False  # ", mahnte aber schnelle Ergebnisse an": "anmahnen" says what was done, no comment
    rest = [t for t in right[1:] if t.tag not in ("PRF", "PTKVZ", "ADV")]
    while rest and rest[-1].text in {".", "!", "?"}:
        rest = rest[:-1]
    if len(rest) > 2 and rest[-2].text == "zu" and rest[-1].tag.startswith("V"):
        rest = rest[:-2]  # ", gab sie zu bedenken", ", gab er zu verstehen"
    if not rest or len(rest) > 5:
        return False
    return all(t.tag in ("NE", "NN", "NNA", "ART", "PPER", "ADJ(A)", "PPOSAT") for t in rest) and (
        rest[-1].tag in ("NE", "NN", "NNA", "PPER"))


def _verb_part_missing(left: list[Tok]) -> bool:
    """The clause before the split point has an auxiliary or modal verb whose participle or infinitive
    has not come yet ("wird vom Sozialfonds | und der Stadt finanziert", "sollte sauber | und gut erhalten
    sein"): the split point joins parts of one clause."""
    fins = [t for t in left if t.is_finite]
    if len(fins) != 1 or not (fins[0].lemma == "werden" or fins[0].tag == "VM(FIN)"):
        return False
    after = left[left.index(fins[0]) + 1 :]
    return not any(t.tag.endswith(("(PP)", "(INF)", "(IZU)")) for t in after) and any(t.is_word for t in after)


def _inside_subordinate_clause(toks: list[Tok], i: int) -> bool:
    """Whether the conjunction at ``i`` joins parts of a subordinate clause ("…, das vom Jugendamt und
    dem Verband betreut wird", "…, die sich austauschen, Kontakte knüpfen und … verbessern möchten").
    Walks back over comma segments without a finite verb to the clause they continue."""
    bounds = [c for c in top_level_commas(toks) if c < i]
    end = i
    for c in reversed([-1] + bounds):
        segment = toks[c + 1 : end]
        if segment and segment[0].tag in ("KOUS", "PRELS") and not any(t.is_finite for t in segment):
            return True  # "…, dass Migration kein Ausnahmefall, sondern der Normalfall ist": its verb comes later
        if any(t.is_finite for t in segment) or c == -1:
            first = segment[0] if segment else None
            second = segment[1] if len(segment) > 1 else None
            relative_v2 = (first is not None and first.tag == "PDS" and c > 0 and toks[c].text == ","
                           and toks[c - 1].is_noun and first.text.lower() in ("der", "die", "das"))
            return first is not None and (relative_v2 or first.tag in ("KOUS", "PRELS", "PWS", "PWAV", "PRELAT") or (
                first.tag.startswith("APPR") and second is not None and second.tag == "PRELS"))
        end = c
    return False


def _left_conjunct(toks: list[Tok], i: int) -> list[Tok]:
    """The part right before the conjunction at ``i``, back to the last top-level comma, colon or
    semicolon: "Zutatenliste: Gemüse | und Beilagen stehen …" → "Gemüse"."""
    return toks[_after_last(toks, i, {",", ":", ";"}) : i]


def _after_enumeration(toks: list[Tok], i: int, conjunct: list[Tok]) -> bool:
    """"Er kaufte Brot, Käse und Wein und fuhr nach Hause": the part before the conjunction is the last
    item of an enumeration that ends the first clause, and a verb without subject follows."""
    right = strip_end(toks[i + 1 :])
    if not right or not right[0].is_finite or not any(t.tag == "KON" for t in conjunct):
        return False
    start = _clause_start(toks, i)
    commas = [c for c in top_level_commas(toks) if start <= c < i]
    return bool(commas) and any(t.is_finite for t in toks[start : commas[0]]) and not any(
        t.is_finite or t.tag in ("KOUS", "PRELS") for t in toks[commas[0] : i])


def _clause_start(toks: list[Tok], i: int) -> int:
    """Start of the clause that ends at ``i``: after the last colon or semicolon outside quotes."""
    return _after_last(toks, i, {":", ";"})


def _after_last(toks: list[Tok], i: int, marks: set[str]) -> int:
    """The index after the last of ``marks`` before ``i`` outside quotation marks (0 if there is none)."""
    quote = False
    start = 0
    for k, t in enumerate(toks[:i]):
        if t.text in QUOTES_OPEN:
            quote = True
        elif t.text in QUOTES_CLOSE:
            quote = False
        elif not quote and t.text in marks:
            start = k + 1
    return start


def _verb_first(t: Tok) -> bool:
    return t.is_finite or t.tag.endswith("(IMP)")


def is_imperative(clause: list[Tok], rest: list[Tok] | None = None) -> bool:
    """A clause that starts with an imperative: tagged so ("Seid fruchtbar", "Komm her"), the polite form
    of a full verb ("Bitte füllen Sie das Formular aus"; not "Haben Sie Fragen", a condition), or a 2nd
    person plural with "euch"/"euer" in its sentence ("Geht nach Hause und ruht euch aus")."""
    words = [t for t in clause if t.is_word and t.text not in QUOTES_OPEN]
    if words and words[0].text.lower() == "bitte" and len(words) > 1:
        words = words[1:]
    if not words:
        return False
    v = words[0]
    if v.tag.endswith("(IMP)"):
        return True
    if not v.is_finite or any(t.text == "," for t in clause):
        return False
    if len(words) > 1 and words[1].text == "Sie" and v.text.lower().endswith("en") and v.tag.startswith("VV"):
        return True
    scope = [t for t in (rest if rest is not None else clause) if t.is_word]
    return v.text.lower().endswith("t") and not any(t.text.lower() == "ihr" for t in scope) and any(
        t.text.lower() in ("euch", "euer", "eure", "euren", "eurem", "eurer") for t in scope)


def _imperative_chain(unit: Unit, toks: list[Tok], points: list[int], ctx: Context) -> list[Unit] | None:
    """"Seid fruchtbar und vermehrt euch; füllt die Erde, unterwerft sie und herrscht über …!": a chain
    of imperatives is split into one imperative per sentence, none of them given a subject."""
    for n, i in enumerate(points):
        start = _clause_start(toks, i)
        if toks[i].text == "," and not toks[start].tag.endswith("(IMP)"):
            continue  # "Haben Sie Fragen, rufen Sie uns an": the first part may be a condition
        if not is_imperative(toks[start:i], toks[start:]):
            continue
        cuts = [i]
        for j in points[n + 1 :]:
            nxt = strip_end(toks[j + 1 :])
            if nxt and _verb_first(nxt[0]):
                cuts.append(j)
        parts: list[list[str]] = [[t.text for t in toks[:i]]]
        for a, b in zip(cuts, cuts[1:] + [len(toks)], strict=True):
            words = [t.text for t in toks[a + 1 : b]]
            if not words or not _verb_first(toks[a + 1]):
                parts[-1] += [toks[a].text] + words  # "über A, über B und über C": not a new imperative
                continue
            if toks[a].text.lower() == "oder":  # "Sprechen Sie uns an oder schreiben Sie …": a choice stays one
                parts.append(["Oder", words[0][:1].lower() + words[0][1:]] + words[1:])
                continue
            parts.append([words[0][:1].upper() + words[0][1:]] + words[1:])
        if len(parts) < 2:
            return None
        ctx.counts[ID] += 1
        return [unit.derive(end_sentence(p), ID) for p in parts]
    return None


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    if unit.kind != "sentence":
        return None
    toks = unit.toks()
    if is_direct_quote(toks):
        return None
    if len(toks) > 3 and toks[0].text == "Und" and _is_main_clause(toks[1:]):
        ctx.counts[ID] += 1  # a sentence starting with "Und": the "Und" adds nothing
        return [unit.derive(end_sentence([t.text for t in toks[1:]]), ID)]
    if _trailing_frame(toks):
        return None  # "Viele hätten kein Handy oder könnten …, sagte er": the frame belongs to both parts
    points = [i for i in _split_points(toks) if not _inside_subordinate_clause(toks, i)]
    if not toks[-1].text == "?":
        chain = _imperative_chain(unit, toks, points, ctx)
        if chain:
            return chain
    for i in points:
        left = toks[:i]
        if left and left[-1].text == ",":
            left = left[:-1]
        right = toks[i + 1 :]
        if not _is_main_clause(left):
            continue
        conjunct = _left_conjunct(toks, i)
        if toks[i].tag == "KON" and conjunct and not any(t.is_finite for t in conjunct) \
                and not _after_enumeration(toks, i, conjunct):
            continue  # "Zutatenliste: Gemüse und Beilagen stehen …": nouns joined, not clauses
        right_s = strip_end(right)
        if not right_s:
            continue
        if left and left[0].is_finite and right_s[0].text.lower() in ("so", "dann"):
            continue  # "Haben Sie Fragen, so rufen Sie uns an": a condition with its consequence, not two statements
        if toks[i].text == "," and right_s[0].is_finite and right_s[0].text.lower() in ("sollte", "sollten"):
            continue  # "Das Fest fällt aus, sollte es regnen": a condition after its consequence
        if toks[i].text == "," and _comment_clause(right_s):
            continue  # "Das Fest sei ein Erfolg gewesen, glaubt Bah.": who thinks so, not a second statement
        if _verb_part_missing(conjunct if toks[i].tag == "KON" and conjunct else left):
            continue  # "Die Kleidung sollte sauber und gut erhalten sein": the modal's infinitive comes later
        word = "" if toks[i].text in (";", ",") else _KON[toks[i].text.lower()]
        if toks[i].text == "," and not right_s[0].is_finite and not _v2_clause_follows(toks, i):
            continue
        if toks[i].text == ",":
            # "…, muss aber alle mitnehmen": the contrast word goes to the front
            for k, t in enumerate(right_s[:4]):
                if t.text.lower() in ("aber", "jedoch", "doch") and t.tag in ("KON", "ADV"):
                    word = "Aber"
                    right = right[:k] + right[k + 1 :]
                    right_s = strip_end(right)
                    break
        frame = right_s[: next((k for k, t in enumerate(right_s) if t.text == ","), len(right_s))]
        if right_s[0].is_finite and toks[i].text == "," and right_s[0].lemma in speech_verbs() and \
                _says_something(frame) and sum(1 for t in frame if t.is_word) <= 6:
            # "…, sagte die Leiterin" (also "…, sagte Anna Berg, deren Mann …"): a speech frame, not a
            # second statement of the same subject
            continue
        if right_s[0].is_finite and len(right_s) > 1 and right_s[1].tag in ("PPER", "PIS") and \
                right_s[1].text in ("Sie", "er", "ich", "wir", "du", "man") and toks[i].tag == "KON":
            # "Dann rufen Sie an und bringen Sie ein Attest mit": the second clause has its own subject after
            # its verb; it takes the first clause's opening adverb ("Dann bringen Sie …")
            clause = left[_clause_start(left, len(left)) :]
            opener = [clause[0].text] if len(clause) > 2 and clause[0].tag in ("ADV", "PAV", "PROAV") and \
                clause[1].is_finite else []
            right_words = opener + [t.text for t in right]
        elif right_s[0].is_finite:
            # "… und ging nach Hause": repeat the subject of the first clause
            subject = subject_of(left[_clause_start(left, len(left)) :])
            subject = mentioned_again(subject) if subject else subject
            if subject is None or not any(t.is_finite for t in right_s):
                continue
            if subject == ["Sie"] and not ctx.polite:
                subject = ["sie"]  # "Sie sind anerkannt, finden aber …": "they", not the reader
            right_words = subject + [t.text for t in right]
        else:
            if not _is_main_clause(right_s):
                continue
            right_words = [t.text for t in right]
        if word:
            right_words = [word] + _lower_first(right_words, right_s)
        if [w.lower() for w in right_words[:2]] == ["das", "heißt"] and right_words[2:3] != [":"]:
            rest = right_words[2:]  # ", d. h. Sie zahlen nichts" → "Das heißt: Sie zahlen nichts."
            if not any(t.is_finite for t in right_s[2:]):
                continue  # ", das heißt auch auf dem Balkon": no clause after it, it stays with its sentence
            right_words = ["Das", "heißt", ":"] + ([rest[0][:1].upper() + rest[0][1:]] + rest[1:] if rest else [])
        ctx.counts[ID] += 1
        return [unit.derive(end_sentence([t.text for t in left]), ID), unit.derive(end_sentence(right_words), ID)]
    return _gapping(unit, toks, ctx) or _shared_modal(unit, toks, ctx)


_NP_START = ("ART", "PPOSAT", "PIAT", "PDAT")


def _gapping(unit: Unit, toks: list[Tok], ctx: Context) -> list[Unit] | None:
    """A second clause whose verb is left out because it is the first one's ("gapping"): "Das Volumen
    beläuft sich auf 1,1 Milliarden Euro, das Defizit auf 28,4 Millionen Euro." → "… Das Defizit beläuft sich
    auf 28,4 Millionen Euro."; "Die Stadt zahlt 500 Euro und der Kreis 300 Euro." Only when both clauses
    start with a subject noun phrase of the same number and their remainders start alike (the same
    preposition, or a number), so that the copied verb fits."""
    body = strip_end(toks)
    if toks[-1].text != "." or any(t.text in QUOTES_OPEN or t.text in (":", ";") for t in body):
        return None
    fins = [k for k, t in enumerate(body) if t.is_finite]
    if len(fins) != 1 or fins[0] == 0 or body[0].tag not in _NP_START + ("NN", "NE"):
        return None
    f = fins[0]
    if not any(t.is_noun for t in body[:f]) or any(t.tag in ("KOUS", "PRELS", "PWS", "PWAV") for t in body):
        return None
    extra = [body[f + 1]] if f + 1 < len(body) and body[f + 1].tag == "PRF" else []
    after_start = f + 1 + len(extra)
    for j in range(after_start + 1, len(body) - 2):
        if not (body[j].text == "," or (body[j].tag == "KON" and body[j].text == "und")):
            continue
        right = body[j + 1 :]
        if right[0].tag not in _NP_START or any(t.tag.startswith("V") or t.text in (",", "und", "oder") for t in right):
            continue
        np_end = constituent_end(right, 0)
        while np_end + 1 < len(right) and right[np_end].text in ("der", "des"):
            np_end = max(constituent_end(right, np_end), np_end + 1)  # "die Zahl der Einbürgerungen"
        rest = right[np_end:]
        after = body[after_start:j]
        particle = [after[-1].text] if after and after[-1].tag == "PTKVZ" else []
        if not rest or not after or not right[np_end - 1].is_noun or any(t.tag == "PTKVZ" for t in rest):
            continue  # ("mit Blick auf A und die Fülle der … Aufgaben an": the particle closes the whole sentence)
        core = after[:-1] if particle else after
        if not _simple_phrase(core) or not _simple_phrase(rest):
            continue  # one phrase on each side ("auf 1,1 Milliarden Euro" / "auf 28,4 Millionen Euro")
        alike = (rest[0].tag.startswith("APPR") and rest[0].text.lower() == after[0].text.lower()) or (
            rest[0].tag == "CARD" and after[0].tag == "CARD")
        if not alike or _plural_np(body[:f]) != _plural_np(right[:np_end]):
            continue
        subject = [t.text for t in right[:np_end]]
        subject[0] = subject[0][:1].upper() + subject[0][1:]
        second = subject + [body[f].text] + [t.text for t in extra] + [t.text for t in rest] + particle
        ctx.counts[ID] += 1
        return [unit.derive(end_sentence([t.text for t in body[:j]]), ID), unit.derive(end_sentence(second), ID)]
    return None


def _simple_phrase(toks: list[Tok]) -> bool:
    """One phrase of an amount or a noun, with at most a preposition in front: "auf rund 1,1 Milliarden Euro",
    "300 Euro", "um 17 Prozent"."""
    body = toks[1:] if toks and toks[0].tag.startswith("APPR") else toks
    return bool(body) and (body[-1].is_noun or body[-1].tag == "CARD") and all(
        t.tag in ("ART", "ADJ(A)", "CARD", "NN", "NE", "PIAT", "PPOSAT") or (t.tag == "ADV" and t.text.lower() in (
            "rund", "etwa", "fast", "knapp", "gut", "mehr", "nur", "ungefähr", "circa")) or t.text in ("als",)
        for t in body)


def _plural_np(np: list[Tok]) -> bool:
    """Whether a subject noun phrase is plural: its first noun has a plural form only ("die Länder"), or
    it is a coordination."""
    if any(t.text in ("und", "sowie") for t in np):
        return True
    noun = next((t for t in np if t.tag == "NN"), None)
    return noun is not None and noun_number(noun) == "plural"


#: above this many words (Leichte Sprache) two infinitives under one modal verb get a sentence each
_SHARED_VERB_SPLIT_ABOVE = 10
#: connective adverbs right after the finite verb: they hold for every phrase of a split
_CONNECTIVES = {"deshalb", "daher", "darum", "deswegen", "außerdem", "trotzdem", "dann", "danach", "also", "jetzt",
                "nun", "inzwischen", "bereits", "schon"}
_NOMINATIVE_PRONOUNS = {"ich", "du", "er", "sie", "es", "wir", "ihr", "Sie", "man"}


def _own_object(words: list[Tok]) -> bool:
    """Whether a verb phrase holds a noun phrase or pronoun outside a prepositional phrase ("den Grund
    nachweisen"; not "persönlich in unserer Dienststelle abgeben", whose object is shared)."""
    in_pp = False
    for t in words:
        if t.tag.startswith("APPR"):
            in_pp = True
            continue
        if in_pp:
            if t.is_noun or t.tag in ("PPER", "PDS", "PIS", "PRF"):
                in_pp = False  # the phrase ends with its noun
            continue
        if t.tag in ("ART", "NN", "NE", "PPER", "PDS", "PIS", "PPOSAT", "PIAT", "CARD", "PAV", "PRF") or \
                t.text.lower() in ("mehr", "viel", "etwas", "nichts", "alles", "wenig"):
            return True  # ("mehr über das Leben erfahren": "mehr" is what one learns)
    return False


def _shared_modal(unit: Unit, toks: list[Tok], ctx: Context) -> list[Unit] | None:
    """"Dann müssen Sie sich vorher melden und den Grund nachweisen." → "Dann müssen Sie sich vorher
    melden." + "Und Sie müssen den Grund nachweisen." Verb phrases under one modal verb (or future "werden"),
    or participles under one "haben"/"sein" ("Die Schüler haben Interviews geführt und daraus eine
    Ausstellung gestaltet."), are statements of their own; each later one gets the subject and the finite
    verb again. Also for an enumeration ("… sich austauschen, Kontakte knüpfen und Deutsch lernen"). Only for
    long sentences, only when every phrase has words of its own besides the verb ("Fragen stellen und
    beantworten" stays), and only when the subject can be found."""
    limit = _SHARED_VERB_SPLIT_ABOVE if ctx.level == "leicht" else ctx.options.max_words
    if sum(1 for t in toks if t.is_word) <= limit or toks[-1].text != ".":
        return None
    body = strip_end(toks)
    if any(t.text in QUOTES_OPEN or t.text in (":", ";") or t.tag in ("KOUS", "PRELS", "PWS", "PWAV") for t in body):
        return None
    fins = [k for k, t in enumerate(body) if t.is_finite]
    if len(fins) != 1:
        return None
    f = fins[0]
    fin = body[f]
    if fin.tag == "VM(FIN)" or fin.lemma == "werden":
        kind = "(INF)"
    elif fin.tag == "VA(FIN)" and fin.lemma in ("haben", "sein"):
        kind = "(PP)"  # "haben … geführt und … gestaltet"
    else:
        return None

    def ends_phrase(k: int) -> bool:
        return body[k - 1].tag.endswith(kind) and not body[k - 1].tag.startswith("VM") and (
            kind == "(INF)" or body[k - 1].tag.startswith("VV"))

    kons = [k for k, t in enumerate(body) if k > f + 1 and t.tag == "KON" and t.text in ("und", "oder") and ends_phrase(k)]
    if len(kons) != 1:
        return None
    k = kons[0]
    commas = [m for m, t in enumerate(body[f + 1 : k], start=f + 1) if t.text == ","]
    if any(not ends_phrase(m) for m in commas):
        return None  # a comma inside a phrase: left alone
    second = body[k + 1 :]
    end2 = next((m for m, t in enumerate(second) if t.text == ","), len(second))
    phrase_last, tail = second[:end2], second[end2:]
    starts = [f + 1] + [m + 1 for m in commas]
    ends = commas + [k]
    phrases = [body[a:b] for a, b in zip(starts, ends, strict=True)] + [phrase_last]
    for phrase in phrases[1:]:
        if len(phrase) < 2 or not phrase[-1].tag.endswith(kind) or any(t.tag.endswith(kind) for t in phrase[:-1]):
            return None
    if kind == "(PP)" and any(t.text == "worden" or t.tag == "VV(PP)" and t.lemma == "werden" for t in body):
        return None
    pre = body[:f]
    after_modal = body[f + 1] if f + 1 < len(body) else None
    obj: list[str] = []
    if after_modal is not None and after_modal.tag in ("PPER", "PIS") and after_modal.text in _NOMINATIVE_PRONOUNS | {"man"} \
            and pre and pre[0].tag in ("ART", "PIAT", "PPOSAT", "NN", "ADJ(A)") and pre[-1].is_noun:
        # "Ein Buch können Sie mitbringen oder ausleihen": the pronoun is the subject, the prefield the object
        subject = [after_modal.text]
        obj = mentioned_again([t.text for t in pre])
        obj[0] = obj[0][:1].lower() + obj[0][1:] if pre[0].tag != "NN" else obj[0]
    else:
        subject = subject_of(list(pre) + [fin])
        subject = mentioned_again(subject) if subject else subject
    if not obj and any(not _own_object(phrase[:-1]) for phrase in phrases[1:]):
        return None  # "protokollieren und im Internet veröffentlichen": the object is shared, the second has none
    if subject is None:
        nxt = body[f + 1] if f + 1 < len(body) else None
        if nxt is None or nxt.tag != "PPER" or nxt.text not in _NOMINATIVE_PRONOUNS:
            return None
        subject = [nxt.text]  # "Dann müssen Sie …": the pronoun after the verb
    if len(phrases) > 2 and subject[0] in _NOMINATIVE_PRONOUNS and pre and pre[0].text != subject[0]:
        return None  # "Dann müssen Sie …, … und …": the pronoun comes after the verb in every phrase, left alone
    word = "Oder" if body[k].text == "oder" else "Und"
    subject_words = [subject[0] if subject[0] == "Sie" or body[0].tag == "NE" else subject[0][:1].lower()
                     + subject[0][1:]] + subject[1:]
    tail_words = [t.text for t in tail]
    carry: list[str] = []  # "Man hat deshalb A geschaffen und B vorangetrieben": "deshalb" holds for both
    for t in phrases[0]:
        if t.text.lower() not in _CONNECTIVES:
            break
        carry.append(t.text)
    obj = carry + obj
    out = [unit.derive(end_sentence([t.text for t in body[: ends[0]]] + tail_words), ID)]
    for n, phrase in enumerate(phrases[1:], start=1):
        lead = [word] if n == len(phrases) - 1 else []
        who = subject_words if lead else [subject_words[0][:1].upper() + subject_words[0][1:]] + subject_words[1:]
        out.append(unit.derive(end_sentence(lead + who + [fin.text] + obj + [t.text for t in phrase] + tail_words), ID))
    ctx.counts[ID] += 1
    return out


def _trailing_frame(toks: list[Tok]) -> bool:
    """The sentence ends in a speech frame the speech rule left ("…, sagte er.", "…, hat er gesagt.")."""
    from lesbar.simplify.resources import speech_verbs

    commas = top_level_commas(toks)
    if not commas:
        return False
    tail = [t for t in toks[commas[-1] + 1 :] if t.is_word]
    if tail and not _says_something(tail):
        return False  # "…, mahnte aber schnelle Ergebnisse an": "anmahnen" is a deed, no frame
    return 2 <= len(tail) <= 5 and tail[0].is_finite and (
        tail[0].lemma in speech_verbs() or (tail[-1].tag.endswith("(PP)") and tail[-1].lemma in speech_verbs()))


def _says_something(clause: list[Tok]) -> bool:
    """Whether the verb that opens ``clause`` is, with its separated particle, still a verb of saying:
    "merkte … an" (anmerken) is, "mahnte … an" (anmahnen) is not, though "mahnen" alone is."""
    particle = next((t.text.lower() for t in clause[1:] if t.tag == "PTKVZ"), "")
    return not particle or particle + clause[0].lemma in speech_verbs()


def _lower_first(words: list[str], toks: list[Tok]) -> list[str]:
    if words and toks and toks[0].tag in ("PPER", "ART", "PPOSAT", "PIAT", "PDAT", "PIS", "ADV", "PDS") and words[0] != "Sie":
        return [words[0][:1].lower() + words[0][1:]] + words[1:]
    return words


def check(toks: list[Tok], ctx: Context) -> list[Finding]:
    from lesbar.simplify.rules import Finding

    hits = []
    for i in _split_points(toks):
        left = toks[:i]
        if left and left[-1].text == ",":
            left = left[:-1]
        if _is_main_clause(left) and _is_main_clause(toks[i + 1 :]):
            hits.append(toks[i].text)
    if not hits:
        return []
    return [Finding(ID, "Mehrere Aussagen in einem Satz: teilen", hits)]
