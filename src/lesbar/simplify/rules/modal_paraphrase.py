"""Rule 1c ``modal_paraphrase``: an obligation, permission or request said with a participle or noun and a
zu-infinitive becomes a modal verb with the plain infinitive (Leichte Sprache).

Notices say what the reader must, may or should do in a roundabout way: "Sie sind verpflichtet, dem
Jobcenter alle Änderungen mitzuteilen", "Sie werden gebeten, einen Termin zu buchen", "Sie haben die
Möglichkeit, …", "Es ist verboten, im Haus zu rauchen". Leichte Sprache says it with the modal verb:
"Sie müssen dem Jobcenter alle Änderungen mitteilen", "Sie sollen einen Termin buchen", "Sie können …",
"Man darf im Haus nicht rauchen". The sentence is one clause shorter, and the word that carries the
meaning (müssen, dürfen) is a common one.

Only the plain case: one main clause whose finite verb (sein/haben/werden) and the trigger word stand
right before the comma, and a zu-infinitive clause after it that ends the sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lesbar.simplify.analysis import Tok
from lesbar.simplify.clauses import SENT_END, quoted, strip_end
from lesbar.simplify.morphology import verb_table
from lesbar.simplify.units import Unit, end_sentence

if TYPE_CHECKING:
    from lesbar.simplify.context import Context

ID = "modal_paraphrase"
PRIORITY = 55
LEVELS = ("leicht",)
HEADINGS = False

#: (finite verb's lemma, trigger words before the comma) → modal verb
_PERSONAL = {
    ("sein", ("verpflichtet",)): "müssen",
    ("sein", ("berechtigt",)): "dürfen",
    ("sein", ("in", "der", "Lage")): "können",
    ("werden", ("gebeten",)): "sollen",
    ("werden", ("aufgefordert",)): "sollen",
    ("haben", ("die", "Möglichkeit")): "können",
    ("haben", ("die", "Gelegenheit")): "können",
    ("haben", ("das", "Recht")): "dürfen",
    ("haben", ("die", "Pflicht")): "müssen",
}
#: "Es ist <word>, … zu <verb>" → "Man <modal> …" (and whether "nicht" goes before the verb)
_IMPERSONAL = {"verboten": ("dürfen", True), "untersagt": ("dürfen", True), "erlaubt": ("dürfen", False),
               "möglich": ("können", False), "notwendig": ("müssen", False), "erforderlich": ("müssen", False),
               "nötig": ("müssen", False), "Pflicht": ("müssen", False)}
#: adverbs between the verb and the trigger that only stress it ("Sie sind dazu verpflichtet")
_EMPTY = {"dazu", "hiermit", "daher", "ausdrücklich"}


def _infinitive_clause(toks: list[Tok]) -> list[str] | None:
    """The words of a zu-infinitive clause without "zu" ("dem Jobcenter alles mitzuteilen" → "… mitteilen"),
    or None when the segment is no such clause."""
    body = strip_end(toks)
    if not body:
        return None
    last = body[-1]
    after_zu = len(body) > 1 and body[-2].text == "zu" and last.tag.startswith("V")  # (also read as finite)
    if not (last.tag.endswith("(IZU)") or after_zu):
        return None
    if any(t.is_finite or t.text in {",", ";", ":"} for t in (body[:-1] if after_zu else body)):
        return None
    if sum(1 for t in body if t.tag.endswith("(IZU)") or t.text == "zu") > 1 or (
            len(body) > 2 and body[-2].text == "zu" and body[-3].tag == "KON"):
        return None  # "zu kochen oder zu rauchen": a negation or modal would have to go into each part
    words: list[str] = []
    for t in body:
        if t.text == "zu" and t.tag == "PTKZU":
            continue
        words.append(t.lemma if t.tag.endswith("(IZU)") and t.lemma.isalpha() else t.text)
    return words


def _modal_form(finite: Tok, modal: str) -> str | None:
    """The modal verb in the person and tense of ``finite`` ("sind" → "müssen", "war" → "musste")."""
    table, target = verb_table(finite.lemma), verb_table(modal)
    if table is None or target is None:
        return None
    low = finite.text.lower()
    if low in table.present:
        return target.present[table.present.index(low)]
    if low in table.preterite:
        return target.preterite[table.preterite.index(low)]
    return None


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    if unit.kind != "sentence":
        return None
    toks = unit.toks()
    if not toks or quoted([t.text for t in toks]) or toks[-1].text not in set(SENT_END) - {"?"}:
        return None
    colon = next((k for k, t in enumerate(toks) if t.text == ":"), None)
    if colon is not None and colon + 3 < len(toks):
        # "Bitte beachten Sie: Es ist verboten, …": the clause after the colon
        after = apply(unit.derive([t.text for t in toks[colon + 1 :]], ID), ctx)
        if after is None or len(after) != 1:
            return None
        tail = after[0].tokens
        tail = [tail[0][:1].upper() + tail[0][1:]] + tail[1:]
        return [unit.derive([t.text for t in toks[: colon + 1]] + tail, ID)]
    commas = [k for k, t in enumerate(toks) if t.text == ","]
    if len(commas) != 1:
        return None
    c = commas[0]
    rest = _infinitive_clause(toks[c + 1 :])
    left = toks[:c]
    fins = [k for k, t in enumerate(left) if t.is_finite]
    if rest is None or len(fins) != 1:
        return None
    f = fins[0]
    finite = left[f]
    words = [t.text for t in left]
    # "Es ist verboten, …" / "Dann ist es verboten, …"
    it = [k for k, t in enumerate(left) if t.text.lower() == "es" and t.tag == "PPER"]
    if finite.lemma == "sein" and it and left[-1].text in _IMPERSONAL and c - 1 > it[0]:
        modal, negate = _IMPERSONAL[left[-1].text]
        keep = [w for k, w in enumerate(words[: c - 1]) if k not in (f, it[0])]
        if keep and keep[-1].lower() == "nicht" and not negate:
            keep, negate = keep[:-1], True  # "Es ist nicht erlaubt, …" → "Man darf … nicht …"
        if any(w.lower() in ("nicht", "kein", "keine") for w in keep):
            return None  # "Es ist keine Pflicht": the negation would need another place
        form = (verb_table(modal) or verb_table("können")).present[2]  # type: ignore[union-attr]
        infinitive = rest[-1:]
        body = rest[:-1] + (["nicht"] if negate else []) + infinitive
        lead = keep[:1] if f > 0 and it[0] > f else []  # "Dann ist es …" → "Dann darf man …"
        middle = keep[1:] if lead else keep
        new = (lead + [form, "man"] if lead else ["Man", form]) + middle + body
        ctx.counts[ID] += 1
        return [unit.derive(end_sentence(new), ID)]
    for (lemma, trigger), modal in _PERSONAL.items():
        n = len(trigger)
        if finite.lemma != lemma or c - n <= f or tuple(words[c - n : c]) != trigger:
            continue
        between = [w for w in words[f + 1 : c - n] if w.lower() not in _EMPTY]
        form = _modal_form(finite, modal)
        if form is None:
            return None
        form = form[:1].upper() + form[1:] if f == 0 else form
        new = words[:f] + [form] + between + rest
        ctx.counts[ID] += 1
        return [unit.derive(end_sentence(new), ID)]
    return None
