"""Rule 2b ``konjunktiv``: Konjunktiv I/II forms become indicative present ("sei" → "ist",
"nähmen … ein" → "nehmen … ein", "würden … leisten" → "leisten …").

Detection and conversion use ablaut's tables (see :mod:`lesbar.simplify.morphology`): a form counts
only when it is not also an indicative form of the same verb.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lesbar.simplify.analysis import Tok
from lesbar.simplify.clauses import first_person_near, quoted, segment_end
from lesbar.simplify.morphology import Mood, konjunktiv, present_form, separable_particle, verb_table
from lesbar.simplify.rules.subordinate_clauses import unreal_condition
from lesbar.simplify.units import Unit

if TYPE_CHECKING:
    from lesbar.simplify.context import Context
    from lesbar.simplify.rules import Finding

ID = "konjunktiv"
PRIORITY = 50
LEVELS = ("leicht", "einfach")
HEADINGS = False


def detect(toks: list[Tok]) -> list[tuple[int, Mood]]:
    """Konjunktiv forms outside quotations (a quoted "könnten" is what the person said, and means it).
    A capitalised word inside the sentence is a noun, whatever the tagger says ("Die Vordrucke")."""
    out = []
    inside = quoted([t.text for t in toks])
    for i, t in enumerate(toks):
        if not t.is_finite or i in inside:
            continue
        if i > 0 and t.text[:1].isupper() and toks[i - 1].text not in {":", "„", "»", "(", "-", "–"}:
            continue
        mood = konjunktiv(t.text, t.lemma, first_person_near(toks, i))
        if mood is not None:
            out.append((i, mood))
    return out


def _wuerde_infinitive(toks: list[Tok], i: int) -> int | None:
    """Index of the infinitive that belongs to "würde(n)" at ``i`` (last infinitive of the clause)."""
    j = i + 1
    found = None
    while j < len(toks) and toks[j].text not in {",", ".", "!", "?", ";", ":", "“"}:
        if toks[j].tag in ("VV(INF)", "VA(INF)", "VM(INF)") or (toks[j].tag.startswith("VV") and toks[j].text == toks[j].lemma):
            found = j
        j += 1
    if found is None:  # verb-final: "… leisten würden"
        k = i - 1
        if k >= 0 and toks[k].tag in ("VV(INF)", "VA(INF)", "VM(INF)"):
            found = k
    return found


def _first_conjunct_infinitive(toks: list[Tok], i: int, last: int | None) -> int | None:
    """In "würde … A-en und … B-en", the index of the first infinitive (right before und/oder), when both
    conjuncts have words of their own."""
    if last is None or last <= i:
        return None
    for k in range(i + 2, last - 1):
        if toks[k].tag in ("VV(INF)", "VA(INF)") and toks[k + 1].tag == "KON" and toks[k + 1].text in ("und", "oder") \
                and last - k > 2:
            return k
    return None


_IRREALIS_CUES = {"ohne", "sonst", "beinahe", "fast"}
#: participles of wishing: "hätte mir … gewünscht" speaks of a wish that was not fulfilled
_WISHED = {"gewünscht", "erhofft", "vorgestellt", "gefreut"}
#: adverbs of a real, repeated or lasting past: with them "hätten … müssen" is a report, not unreal
#: words that put a clause in the past: a preterite beside them is the indicative, not a Konjunktiv II
_PAST_TIME = {"gestern", "vorgestern", "damals", "letzten", "letzte", "letzter", "vergangenen", "vergangene",
              "vergangener", "vorigen", "vorige", "voriger", "neulich", "kürzlich", "einst", "seinerzeit"}
_REAL_PAST_CUES = {"bisher", "bislang", "oft", "häufig", "jahrelang", "meist", "meistens"}


def irrealis(toks: list[Tok], i: int, mood: Mood) -> bool:
    """"Ohne die Ehrenamtlichen wäre das Fest nicht möglich gewesen": Konjunktiv II of haben/sein with a
    participle and a cue of something that did not happen ("ohne", "sonst", "fast") is the unreal past,
    not reported speech: the indicative ("ist … gewesen") would say the opposite. Konjunktiv II in a
    sentence with "wenn"/"falls" is an unreal condition. Both are left for the editor."""
    if mood.kind != "konj2":
        return False
    if any(t.tag == "KOUS" and t.text.lower() in ("wenn", "falls", "sofern") for t in toks):
        return True  # "Wenn ich Zeit hätte, würde ich kommen": an unreal condition
    if toks and toks[0].is_finite and toks[0].text[:1].isupper() and any(t.text == "," for t in toks) and \
            (first := konjunktiv(toks[0].text, toks[0].lemma)) is not None and first.kind == "konj2":
        return True  # "Hätten wir die Stelle früher gehabt, wären …": a condition with its verb first
    if any(t.text.lower() in ("gern", "gerne", "lieber") for t in toks) and (
            toks[i].lemma in ("haben", "sein") or any(t.text.lower() in ("ich", "wir") for t in toks)):
        # "Ich hätte gern mehr Zeit", "Er hätte lieber Investoren beteiligt": a wish, also when reported;
        # "habe gern", "hat lieber beteiligt" would say something else ("würde gern übernehmen" in a report
        # stands for "werde": it stays a statement)
        return True
    if toks[i].lemma not in ("haben", "sein"):
        return False
    if toks[i].lemma == "haben" and any(t.text in _WISHED for t in toks[i + 1 :]) and any(
            t.text.lower() in ("mir", "sich", "uns", "mich", "dir", "euch") for t in toks[i + 1 :]):
        # "Ich hätte mir mehr Hilfe gewünscht": a wish that was not fulfilled; "habe mir gewünscht" would not say so
        return True
    if toks[i].lemma == "haben" and any(
            (toks[k].tag == "VM(INF)" or (toks[k].tag.startswith("VM") and toks[k].text == toks[k].lemma))
            and toks[k - 1].tag.endswith(("(INF)", "(PP)")) for k in range(i + 2, min(i + 12, len(toks)))):
        # "dass ihn keiner hätte machen können": the unreal past with a modal (Ersatzinfinitiv); but "bisher
        # hätten Ratsuchende oft fahren müssen" reports what really happened
        return not (_real_past(toks) and not _irrealis_cue(toks))
    start, end = i, i + 1
    while start > 0 and toks[start - 1].text not in {",", ";", ":", ".", "!", "?"}:
        start -= 1
    while end < len(toks) and toks[end].text not in {",", ";", ":", ".", "!", "?"}:
        end += 1
    clause = toks[start:end]
    # "Ohne die Ehrenamtlichen wäre das Fest nicht möglich gewesen" and, in the present, "Ohne seinen
    # Mentor wäre er noch ohne Arbeit": a cue of what did not happen makes hätte/wäre unreal
    return _irrealis_cue(clause)


def _real_past(toks: list[Tok]) -> bool:
    """"bisher", "damals", "in dieser Zeit": a real, lasting past, so that "hätten … arbeiten können" in a
    report is what was so, not what would have been."""
    low = [t.text.lower() for t in toks]
    return any(w in _REAL_PAST_CUES | _PAST_TIME for w in low) or any(
        low[k] in ("dieser", "jener", "diesen", "jenen") and low[k + 1] in ("zeit", "jahren", "monaten", "wochen", "tagen")
        for k in range(len(low) - 1))


def _irrealis_cue(toks: list[Tok]) -> bool:
    """"ohne", "sonst", "fast" ("Fast wäre es ausgefallen"); not "fast alle", "fast 200": there "fast"
    narrows a quantity."""
    negated = any(t.tag == "PTKNEG" or t.text.lower() in ("unmöglich", "kaum", "nie", "niemals", "kein", "keine")
                  for t in toks)
    return any(t.text.lower() in _IRREALIS_CUES and not (
        t.text.lower() in ("fast", "beinahe") and k + 1 < len(toks) and toks[k + 1].tag in ("PIAT", "PIS", "CARD", "PIDAT"))
        and not (t.text.lower() == "ohne" and k + 1 < len(toks) and toks[k + 1].tag == "NN" and not negated)
        for k, t in enumerate(toks))  # ("ohne Pause gearbeitet": how, not what did not happen)


def _reported_preterite(toks: list[Tok], known: set[int]) -> list[tuple[int, Mood]]:
    """In reported speech a form that is both preterite and Konjunktiv II ("lebten", "hatten") is the
    Konjunktiv II standing in for a Konjunktiv I that looks like the indicative ("sie sagte, viele
    lebten schon lange hier"): it means the present. (The reported past is "hätten gelebt".)"""
    out: list[tuple[int, Mood]] = []
    if any(t.text.lower() in _PAST_TIME for t in toks):
        return out  # "das die Kinder am letzten Tag aufführten": the narrator's past, not a reported present
    inside = quoted([t.text for t in toks])
    for i, t in enumerate(toks):
        if i in known or i in inside or not t.is_finite or t.lemma in ("werden",) or (
                t.tag.startswith("VM") and t.lemma not in ("sollen", "wollen")):
            # "die Lotsen sollten erreichbar sein" in a report: "sollen"; "konnten" is no Konjunktiv II
            continue
        table = verb_table(t.lemma)
        low = t.text.lower()
        if table is None or low not in table.konj2 or low not in table.preterite or low in table.present:
            continue
        idx = table.preterite.index(low)
        idx = 5 if idx == 3 else (2 if idx == 0 else idx)  # reports speak of third persons
        out.append((i, Mood("konj2", idx, table.present[idx])))
    return out


def _reported_condition(unit: Unit, toks: list[Tok], i: int) -> bool:
    """In a speaker's report, "wenn alle … ringen würden" is Konjunktiv II standing for Konjunktiv I, not
    an unreal condition: only "hätte/wäre" with a participle stays unreal there."""
    if not unit.speaker or not any(t.tag == "KOUS" and t.text.lower() in ("wenn", "falls", "sofern") for t in toks):
        return False  # only a condition is reported speech there; "hätte … sein können" stays unreal
    k = next(k for k, t in enumerate(toks) if t.tag == "KOUS" and t.text.lower() in ("wenn", "falls", "sofern"))
    if unreal_condition(toks[k + 1 : segment_end(toks, k + 1)]):
        return False  # "…, wenn mehr Personal da wäre": unreal also in a report
    if not (toks[i].lemma in ("haben", "sein") and any(t.tag.endswith("(PP)") for t in toks)):
        return True
    # "hätte … verloren": unreal only with a Konjunktiv II in the other clause too ("wenn sie … verloren
    # hätten, wären sie …"); "Viele melden sich erst, wenn sie ihren Job verloren hätten" reports a fact
    return not any(k != i and m.kind == "konj2" for k, m in detect(toks))


def _conditional_sollte(toks: list[Tok], i: int) -> bool:
    """"Sollte die Nachfrage steigen, muss man …": "sollte" first in a clause marks a condition; "Soll die
    Nachfrage steigen, …" would be a question about a plan."""
    return toks[i].lemma == "sollen" and (i == 0 or toks[i - 1].text in (",", ":", "„")) and \
        toks[i].text.lower() in ("sollte", "sollten") and any(t.text == "," for t in toks[i + 1 :])


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    toks = unit.toks()
    wish = not unit.speaker and any(t.text.lower() in ("gern", "gerne", "lieber") for t in toks)
    # "Mit einer Quote würde die Stadt mehr vergeben": outside a report a Konjunktiv II after a condition
    # phrase is a hypothesis; the indicative would state it as a fact
    hypothesis = not unit.speaker and not unit.reported and len(toks) > 3 and (
        toks[0].text.lower() in ("mit", "ohne", "bei", "durch") and toks[1].tag in ("ART", "PPOSAT", "PIAT", "NN"))
    hits = [(i, mood) for i, mood in detect(toks) if not (irrealis(toks, i, mood) and not _reported_condition(
            unit, toks, i)) and not (wish and mood.kind == "konj2")  # "Die Stadt würde gern …": a wish
            and not (toks[i].lemma == "dürfen" and mood.kind == "konj2")  # "dürfte" means "probably"
            and not _conditional_sollte(toks, i) and not (hypothesis and mood.kind == "konj2")]
    if unit.reported:
        hits += [(i, m) for i, m in _reported_preterite(toks, {i for i, _ in hits}) if not _conditional_sollte(toks, i)]
    wishes = _wished(toks)
    hits = [(i, m) for i, m in hits if i not in wishes]
    if not hits and not wishes:
        return None
    words = [t.text for t in toks]
    for i, form in wishes.items():
        words[i] = _case_like(form, toks[i].text)  # "würde gern arbeiten" → "möchte gern arbeiten"
    drop: set[int] = set()
    for i, mood in hits:
        t = toks[i]
        if t.lemma == "werden" and mood.kind == "konj2":
            inf = _wuerde_infinitive(toks, i)
            first = _first_conjunct_infinitive(toks, i, inf)
            if first is not None and inf is not None:
                # "würden die Familien beraten und einen Termin vereinbaren" → "beraten die Familien und
                # vereinbaren einen Termin": each infinitive becomes the present of its own conjunct
                form1 = present_form(toks[first].lemma, mood.index) or ""
                form2 = present_form(toks[inf].lemma, mood.index) or ""
                if form1 and form2 and not separable_particle(toks[first].lemma) and \
                        not separable_particle(toks[inf].lemma):
                    words[i] = _case_like(form1, t.text)
                    words[first + 1] = words[first + 1] + " " + form2  # after "und"
                    drop.update({first, inf})
                    continue
            if inf is not None:
                form = present_form(toks[inf].lemma, mood.index) or ""
                if form:
                    words[i] = _case_like(form, t.text)
                    particle = separable_particle(toks[inf].lemma)
                    if particle and inf > i:
                        words[inf] = particle  # "würde … mitnehmen" → "nimmt … mit"
                    elif particle:
                        words[i] = particle + form  # verb-final: "mitnehmen würde" → "mitnimmt"
                        drop.add(inf)
                    else:
                        drop.add(inf)
                    continue
        words[i] = _case_like(mood.indicative, t.text)
    ctx.counts[ID] += len(hits) + len(wishes)
    kept = [w for k, w in enumerate(words) if k not in drop]
    return [unit.derive([part for w in kept for part in (w.split(" ") if " " in w and w.split(" ")[0] in
                                                        ("und", "oder") else [w])], ID)]


#: "würde gern …" is a wish: "möchte gern …" says it without the Konjunktiv of "werden"
_WISH_FORMS = {"würde": "möchte", "würden": "möchten", "würdest": "möchtest", "würdet": "möchtet"}


def _wished(toks: list[Tok]) -> dict[int, str]:
    """Indices of "würde(n)" with "gern/gerne/lieber" before its infinitive, and the form of "möchte" for
    each: a wish, in a report too ("er würde gerne schneller arbeiten" is no plan to work faster)."""
    inside = quoted([t.text for t in toks])
    out = {}
    for i, t in enumerate(toks):
        if t.lemma != "werden" or t.text.lower() not in _WISH_FORMS or i in inside:
            continue
        inf = _wuerde_infinitive(toks, i)
        lo, hi = (i + 1, inf) if inf is not None and inf > i else (inf or 0, i)
        if inf is not None and any(x.text.lower() in ("gern", "gerne", "lieber") for x in toks[lo:hi]):
            out[i] = _WISH_FORMS[t.text.lower()]
    return out


def _case_like(word: str, model: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def check(toks: list[Tok], ctx: Context) -> list[Finding]:
    from lesbar.simplify.rules import Finding

    hits = detect(toks)
    if not hits:
        return []
    return [Finding(ID, "Möglichkeitsform (Konjunktiv): in die Wirklichkeitsform setzen", [toks[i].text for i, _ in hits])]
