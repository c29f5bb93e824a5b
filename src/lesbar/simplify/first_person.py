"""Reported speech made direct speaks in the first person: "Pusch sagte, er freue sich" → "Pusch sagt:
Ich freue mich."

After "Stephan Pusch sagt:" a reader takes what follows as the speaker's own words, so "Er freut sich"
reads as if someone else were meant. In the sentence that names the speaker, a third-person subject
pronoun of the speaker's gender is bound by the speaker, unless the frame offers another antecedent of
that gender. Only then are the subject ("er"/"sie" with a singular verb), the verb, a reflexive and the
speaker's possessives moved to the first person; otherwise the pronouns stay and the speech rule's
review note asks the editor. Object pronouns never change: "er habe ihn gesehen" means someone else.
"""

from __future__ import annotations

from lesbar.simplify.analysis import Tok
from lesbar.simplify.morphology import is_place_name, noun_info, separable_particle, verb_table
from lesbar.simplify.resources import is_person_noun
from lesbar.simplify.temporal import is_time_word

#: the speaker's subject pronoun and possessive stem by gender
_SUBJECT = {"m": "er", "f": "sie"}
_POSSESSIVE = {"m": "sein", "f": "ihr"}
#: reflexive verbs whose "sich" is a dative ("sich etwas wünschen" → "mir")
_DATIVE_REFLEXIVE = {"wünschen", "vorstellen", "merken", "ansehen", "leisten", "nehmen", "holen", "überlegen",
                     "sichern", "gönnen", "erhoffen", "erlauben", "aneignen", "erklären", "denken", "anschauen",
                     "vornehmen", "zutrauen", "einbilden", "ausdenken"}
#: prepositions of a time phrase in a frame ("sagte nach der Aufführung"): its noun is no antecedent
_TIME_PREPOSITIONS = {"nach", "vor", "bei", "beim", "während", "seit", "am"}
#: nouns of a moment in a speech ("sagte zum Schluss"): no antecedent
_MOMENTS = {"Schluss", "Abschluss", "Auftakt", "Beginn", "Ende", "Start", "Anfang", "Abschied", "Begrüßung",
            "Eröffnung", "Ausklang", "Einstieg", "Fazit", "Anschluss", "Rückblick", "Gespräch", "Interview"}
#: tokens that open a clause: the subject may follow them directly
_CLAUSE_OPENERS = {",", ":", ";", "und", "oder", "aber", "denn", "doch", "sondern"}


def _first_person_verb(fin: Tok, person: int = 0) -> str | None:
    """The first person singular (``person`` 3: plural, for a body that speaks as "wir") of a third person
    singular finite verb, in the same tense and mood."""
    table = verb_table(fin.lemma.lower()) if fin.lemma.isalpha() else None
    if table is None:
        return None
    low = fin.text.lower()
    for forms in (table.present, table.konj1):
        if forms[2] == low and low not in (forms[3], forms[5]):
            return forms[person]
        if forms[2] == low:
            return None  # "sie kaufen" is plural; "sie kauft" is not
    # a preterite-looking form ("dankte") may stand for the present in reported speech, which the Konjunktiv
    # rule decides later by the third person: it stays. A preterite that is no Konjunktiv ("ankam", not
    # "ankäme") is the past; its first person singular is the same form ("als sie ankam" → "als ich ankam")
    konj2 = table.konj2
    if konj2[2] == low and konj2[2] != table.preterite[2] and low not in (konj2[3], konj2[5]):
        # "er würde gern …", "wenn er … hätte": a Konjunktiv II that no preterite looks like is the same
        # form in the first person (the Konjunktiv rule reads the person from the "ich" next to it)
        return fin.text if person == 0 else konj2[person]
    forms = table.preterite
    prefix = low[: -len(forms[2])] if low.endswith(forms[2]) else None
    if prefix is None or prefix not in ("", separable_particle(fin.lemma.lower())) or forms[2] == table.konj2[2] \
            or low in (prefix + forms[3], prefix + forms[5]):
        return None
    return fin.text if person == 0 else prefix + forms[person]


def _prefield_without_subject(prefield: list[Tok]) -> bool:
    """"Zeitweise habe sie …", "Nach dem Krieg habe sie …": before the verb stands no noun or pronoun
    outside a prepositional phrase, so the pronoun after the verb is the subject."""
    in_pp = False
    for t in prefield:
        if t.tag.startswith("APPR"):
            in_pp = True
        elif t.tag in ("PPER", "PIS", "PDS") or (t.is_noun and not in_pp):
            return False
    return bool(prefield)


def _competitor(toks: list[Tok], gender: str, name_words: set[str]) -> bool:
    """Another noun the pronoun could mean: a person of the same gender, or a singular noun of that gender,
    also inside a prepositional phrase ("sagte zum Haushalt, er sei knapp", "lobte die Initiative, sie
    leiste …"). Only a place name after a preposition ("aus Syrien") is no candidate."""
    in_pp = False
    in_time = False  # "nach der Aufführung", "bei der Eröffnung": when it was said, not what about
    for k, t in enumerate(toks):
        if t.tag.startswith("APPR"):
            in_pp, in_time = True, t.text.lower() in _TIME_PREPOSITIONS
            continue
        if in_pp and t.text in _MOMENTS:
            in_pp = False  # "zum Schluss", "zum Auftakt": when, not what about (a genitive after it counts)
            continue
        if t.text in name_words:
            continue
        if t.tag == "ART" and t.text.lower() in ("des", "der") and not in_pp:
            in_time = False  # "bei der Eröffnung des Kindergartens": the genitive may be meant
        if t.tag in ("NN", "NNA", "NE") and t.text[:1].isupper():
            if t.tag == "NE" and is_place_name(t.text) and (in_pp or (k > 0 and toks[k - 1].text.lower()) not in {
                    "m": ("der", "den", "dem", "des"), "f": ("die", "der")}.get(gender, ())):
                # "aus Syrien": a place, no person; "Was die Niederlande vorhaben, sei für ihn …": a place is only
                # meant when its article has the pronoun's gender ("die Türkei … sie")
                continue
            info = noun_info(t.lemma) if t.tag == "NN" else None
            singular = info is None or t.text in info.number_forms("singular")
            if singular and info is not None and t.text in info.number_forms("plural") and k > 0 and \
                    toks[k - 1].tag not in ("ART", "PPOSAT", "PIAT", "PDAT", "ADJ(A)"):
                singular = False  # "für Nachbarn": without an article the form of both numbers is a plural
            if singular and info is not None and info.genus in ("m", "n") and k > 0 and toks[k - 1].text.lower() == "die" \
                    and toks[k - 1].tag == "ART":
                singular = False  # "Die Schüler": "die" before a masculine or neuter noun makes it a plural
            if is_person_noun(t.text, t.tag) or t.tag == "NE":
                if t.tag == "NE" or not info or (info.genus in (gender, "") and singular):
                    return True
            elif info is not None and info.genus == gender and singular and not in_time:
                return True
            in_pp = False
        elif t.text in (",", ":") or t.is_finite:
            in_pp = False
    return False


def to_first_person(content: list[Tok], frame: list[Tok], gender: str, name_words: set[str],
                    body: bool = False, continuing: bool = False) -> list[str] | None:
    """``content`` with the speaker's third-person subject, verb, reflexive and possessives in the first
    person, or None when nothing changes or the pronoun could mean someone else. ``frame``: the words
    that could hold another antecedent (the frame, or the sentence before a continued report). ``body``:
    the speaker is an office or a club ("Die Stadt", "Der Verein", "Das Amt"), which speaks as "wir"."""
    subjects = dict(_SUBJECT, n="es") if body else _SUBJECT
    if gender not in subjects or _competitor(frame, gender, name_words):
        return None
    pronoun, stem = subjects[gender], _POSSESSIVE.get(gender, "sein")
    me, my, myself = ("wir", "unser", "uns") if body else ("ich", "mein", "")
    words = [t.text for t in content]
    changed = False
    for i, t in enumerate(content):
        if t.text.lower() != pronoun or t.tag != "PPER":
            continue
        if _competitor(content[:i], gender, name_words):
            break
        found = _subject_clause(content, i)
        if found is None and pronoun in ("sie", "er") and not body and _after_das(content, i):
            if _experiencer_object(content, i):
                if pronoun == "sie":
                    words[i] = "mich"  # "Das habe sie lange beschäftigt" → "Das hat mich lange beschäftigt"
                    changed = True
                continue
            # "Das habe sie nicht gewusst": with any other verb "das" is what she did or knew
            found = (i - 1, _clause_end(content, next(
                (k for k in range(i + 1, len(content)) if content[k].text in (",", ";", ":", ".", "!", "?")),
                len(content))))
        if found is None:
            continue  # "er habe sie gesehen": an object
        fin, end = found
        verb = _first_person_verb(content[fin], 3 if body else 0)
        if verb is None:
            continue
        words[i] = me.capitalize() if i == 0 or words[i][0].isupper() else me
        words[fin] = verb[:1].upper() + verb[1:] if words[fin][0].isupper() else verb
        for k in _shared_subject_verbs(content, max(i, fin)):
            # "dass sie nicht nur Deutsch lerne, sondern auch verstehe": the second verb has the same subject
            words[k] = _first_person_verb(content[k], 3 if body else 0) or words[k]
        # the clause from its start: "Nach dem Tod ihres Mannes habe ich …" → "meines Mannes"
        start = max([k + 1 for k in range(min(i, fin)) if content[k].text in (",", ";", ":")], default=0)
        for k in range(start, end):
            low = content[k].text.lower()
            if low == "sich" and content[k].tag == "PRF":
                words[k] = myself or ("mir" if _dative_reflexive(content, k, end, fin, i) else "mich")
            elif content[k].tag == "PPOSAT" and low.startswith(stem) and not _competitor(
                    [x for x in content[min(i, fin, k) + 1 : k] if x.tag == "NE" or is_person_noun(x.text, x.tag)],
                    gender, name_words) and not _after_coordinated_noun(content, k):
                # "Ich kenne die Stellen und will ihr Wissen weitergeben": a possessive leans on the subject
                # of its clause, unless another person of the speaker's gender stands between; "die Kinder
                # und ihre Eltern": the possessive right after "und" belongs to the noun before
                words[k] = my + low[len(stem):]
        changed = True
    if not body and (changed or continuing or (
            not any(t.tag == "PPER" and t.text.lower() == pronoun for t in content)
            and not _competitor(content, gender, name_words))):
        # (continuing: the sentence before spoke as "ich" already: "Die Arbeit gebe ihr viel zurück" → "mir";
        # no "er" of the speaker and nobody else it could be: "Die Prüfungen hätten ihm Sorgen gemacht")
        before = list(words)
        _objects(content, words, gender)
        changed = changed or words != before
    if not changed and any(t.tag == "PPER" and t.text.lower() == pronoun for t in content):
        return None  # "Ohne seinen Paten hätte er …": "mein" next to "er" would make two persons of one
    for k, t in enumerate(content):
        # "ihr Alltag habe sich verändert": the speaker's possessive before any other noun or pronoun
        # "…, weil ihr Sohn …" after the speaker became "ich": a clause's first word
        first = changed and k > 0 and (content[k - 1].text.lower() in _CLAUSE_OPENERS or content[k - 1].tag == "KOUS") \
            and not _competitor(content[:k], gender, name_words) and not _plural_noun(content[:k]) \
            and not _after_coordinated_noun(content, k)
        if t.tag == "PPOSAT" and t.text.lower().startswith(stem) and words[k] == t.text and (first or not any(
                x.is_noun or x.tag in ("PPER", "PIS", "PDS", "PWS") for x in content[:k])) and (
                gender == "m" or not _plural_noun(frame)):
            new = my + t.text.lower()[len(stem):]
            words[k] = new.capitalize() if t.text[0].isupper() else new
            changed = True
    return words if changed else None


#: "ihr-" possessives of several speakers → "unser-"
_OUR = {"ihr": "unser", "ihre": "unsere", "ihren": "unseren", "ihrem": "unserem", "ihrer": "unserer",
        "ihres": "unseres"}


def to_first_person_plural(content: list[Tok], frame: list[Tok], name_words: set[str]) -> list[str] | None:
    """``content`` of several speakers ("Die Eltern sagten, sie seien krank") in their own voice: "sie"
    with a plural verb becomes "wir" (the verb form is the same), "sich" "uns", "ihr-" "unser-" and, in
    other clauses, "ihnen" "uns". None when another plural noun could be meant ("Die Eltern sagten über
    die Kinder, sie seien krank") or nothing changes. After "Die Eltern sagen:" a "sie" would read as
    someone else, and as the polite "Sie" at the start of a line."""
    from lesbar.simplify.rules.subordinate_clauses import verb_number

    if _any_plural([t for t in frame if t.text not in name_words]):
        return None  # ("Die Eltern sagten über die Lehrer, sie …": "sie" may be the teachers)
    words = [t.text for t in content]
    changed = False
    for i, t in enumerate(content):
        if t.text.lower() != "sie" or t.tag != "PPER":
            continue
        if _any_plural([x for x in content[:i] if x.text not in name_words]):
            break
        found = _subject_clause(content, i, plural=True)
        if found is None or verb_number(content[found[0]]) != "plural":
            continue  # "sie hätten sie gesehen": an object; "sie sei krank": one person, someone else
        fin, end = found
        words[i] = "Wir" if i == 0 or words[i][0].isupper() else "wir"
        for k in range(min(i, fin), end):
            low = content[k].text.lower()
            if low == "sich" and content[k].tag == "PRF":
                words[k] = "uns"
            elif content[k].tag == "PPOSAT" and low in _OUR and not _plural_noun(
                    [x for x in content[min(i, fin) + 1 : k] if x.text not in name_words]) \
                    and not _after_coordinated_noun(content, k):
                words[k] = _OUR[low]
        changed = True
    for k, t in enumerate(content):
        # "Die Anwohner befürchten, ihre Häuser würden …": the speakers' possessive before any other noun
        if t.tag == "PPOSAT" and t.text.lower() in _OUR and words[k] == t.text and (
                k == 0 or content[k - 1].text.lower() in _CLAUSE_OPENERS) and \
                not _any_plural([x for x in content[:k] if x.text not in name_words]) and \
                not any(x.tag == "PPER" and x.text.lower() == "sie" and words[m] == x.text
                        for m, x in enumerate(content)):
            new = _OUR[t.text.lower()]
            words[k] = new.capitalize() if k == 0 or t.text[0].isupper() else new
            changed = True
    if not changed:
        return None
    start = 0
    for end in [k for k, t in enumerate(content) if t.text in (",", ";", ":")] + [len(content)]:
        if not any(w.lower() == "wir" for w in words[start:end]):
            for k in range(start, end):
                if content[k].text == "ihnen" and content[k].tag == "PPER":
                    words[k] = "uns"  # "…, weil ihnen niemand helfe" after "Wir …": the speakers
        start = end + 1
    return words


def _subject_clause(content: list[Tok], i: int, plural: bool = False) -> tuple[int, int] | None:
    """(finite verb, clause end) when the pronoun at ``i`` is its clause's subject: first in the clause, or
    right after the verb of a prefield without a subject ("Zeitweise habe sie …"); with ``plural``, also
    after a plural verb whose prefield holds no plural noun ("Eine Antwort hätten sie nie bekommen": only
    "sie" agrees with the verb). None for an object."""
    from lesbar.simplify.rules.subordinate_clauses import verb_number

    opener = i == 0 or content[i - 1].text.lower() in _CLAUSE_OPENERS or content[i - 1].tag in ("KOUS", "PWAV", "PWS", "PRELS") \
        or (i >= 2 and content[i - 2].tag == "PWAV" and content[i - 1].tag in ("ADJ(D)", "ADV"))  # "wie fremd sie"
    # the clause the pronoun stands in begins after the last comma before it ("…, heute leite sie …")
    cs = max((k + 1 for k in range(i) if content[k].text in (",", ";", ":")), default=0)
    after_verb = i >= cs + 2 and content[i - 1].is_finite and not any(x.is_finite for x in content[cs : i - 1]) and (
        _prefield_without_subject(content[cs : i - 1]) or (
            plural and verb_number(content[i - 1]) == "plural" and not _any_plural(content[cs : i - 1])
            and not any(x.tag in ("PPER", "PIS", "PDS") for x in content[cs : i - 1])))
    # "Weil sie krank sei, bleibe sie zu Hause": the verb right after a fronted clause, then its subject
    after_clause = cs > 0 and i - 1 == cs and content[i - 1].is_finite and content[cs - 1].text == ","
    after_verb = after_verb or after_clause
    if not opener and not after_verb:
        return None
    end = next((k for k in range(i + 1, len(content)) if content[k].text in (",", ";", ":", ".", "!", "?")),
               len(content))
    fin = i - 1 if after_verb else next((k for k in range(i + 1, end) if content[k].is_finite), None)
    return None if fin is None else (fin, _clause_end(content, end))


_COORDINATORS = {"und", "oder", "aber", "sondern", "sowie"}


#: verbs whose object is the person who feels ("Das hat sie berührt"): with "das"/"dies"/"es" as subject,
#: a "sie" after the verb is that object, not the subject
_EXPERIENCER_VERBS = {"beschäftigen", "loslassen", "freuen", "ärgern", "berühren", "bewegen", "überraschen",
                      "beeindrucken", "erschrecken", "motivieren", "stören", "wundern", "interessieren", "prägen",
                      "stärken", "belasten", "bedrücken", "begeistern", "erschüttern", "enttäuschen", "ermutigen",
                      "schockieren", "verletzen", "beunruhigen", "erstaunen", "traurig", "glücklich", "stolz"}


def _after_das(content: list[Tok], i: int) -> bool:
    """The pronoun at ``i`` right after the finite verb of a clause that starts with "das"/"dies" alone."""
    cs = max((k + 1 for k in range(i) if content[k].text in (",", ";", ":")), default=0)
    return i == cs + 2 and content[i - 1].is_finite and content[cs].text.lower() in ("das", "dies") and \
        content[cs].tag in ("PDS", "ART", "PRELS")


def _experiencer_object(content: list[Tok], i: int) -> bool:
    """"Das habe sie lange beschäftigt": the pronoun at ``i`` (right after the verb of a clause that starts
    with "das" or "dies") with a verb of feeling is the object."""
    cs = i - 2
    end = next((k for k in range(i + 1, len(content)) if content[k].text in (",", ";", ":", ".", "!", "?")),
               len(content))
    verbs = [t for t in content[cs:end] if t.tag.startswith("VV")] + [
        t for t in content[i + 1 : end] if t.tag in ("PTKVZ", "ADJ(D)")]
    return any(t.lemma.lower() in _EXPERIENCER_VERBS or t.text.lower() in _EXPERIENCER_VERBS for t in verbs) or any(
        t.tag == "PTKVZ" and t.text.lower() + v.lemma.lower() in _EXPERIENCER_VERBS
        for t in content[i + 1 : end] for v in content[cs:end] if v.tag.startswith("VV"))


def _shared_subject_verbs(content: list[Tok], start: int) -> list[int]:
    """Finite verbs after ``start`` that share its subject: each right after a coordinating word (with a
    comma or adverbs such as "auch" between), before any other subject or clause word."""
    out = []
    k = start + 1
    while k < len(content):
        t = content[k]
        if t.tag in ("KOUS", "PRELS", "PWS", "PWAV", "PPER", "PIS", "PDS") or t.text in (";", ":", ".", "!", "?"):
            break
        if t.text.lower() in _COORDINATORS:
            j = k + 1
            while j < len(content) and content[j].tag in ("ADV", "PTKNEG"):
                j += 1
            if j < len(content) and content[j].is_finite:
                out.append(j)
                k = j + 1
                continue
            if j < len(content) and content[j].tag not in ("ART", "PPOSAT", "ADJ(A)", "NN", "NE", "APPR", "APPRART", "ADJ(D)"):
                break
        k += 1
    return out


def _clause_end(content: list[Tok], end: int) -> int:
    """The end of the clause past commas that set off a part of it without a verb of its own ("habe 30
    Stunden übersetzt, neben ihrer eigentlichen Arbeit"): its possessives lean on the same subject."""
    while end < len(content) and content[end].text == ",":
        nxt = next((k for k in range(end + 1, len(content)) if content[k].text in (",", ";", ":", ".", "!", "?")),
                   len(content))
        part = content[end + 1 : nxt]
        if not part or not part[0].tag.startswith("APPR") or any(
                t.is_finite or t.tag in ("KOUS", "PRELS", "PWS", "PWAV", "PPER") for t in part):
            break
        end = nxt
    return end


def _after_coordinated_noun(content: list[Tok], k: int) -> bool:
    """"die Kinder und ihre Eltern": a possessive right after "und" belongs to the noun before it."""
    return k > 1 and content[k - 1].text.lower() in ("und", "oder", "sowie") and content[k - 2].is_noun


_OBJECTS = {"m": {"ihm": "mir", "ihn": "mich"}, "f": {"ihr": "mir"}}


def _objects(content: list[Tok], words: list[str], gender: str) -> None:
    """"Ich mache das, weil es ihr Freude macht": once the speaker is "ich", an object pronoun of the
    speaker's gender in another clause is the speaker too ("mir"). In the clause whose subject became
    "ich" it is someone else ("Ich habe ihn gesehen")."""
    start = 0
    for end in [k for k, t in enumerate(content) if t.text in (",", ";", ":")] + [len(content)]:
        if not any(w.lower() == "ich" for w in words[start:end]):
            for k in range(start, end):
                text = content[k].text.lower() if k == 0 else content[k].text  # "Ihr sei wichtig, dass …"
                new = _OBJECTS[gender].get(text)
                if new and (content[k].tag == "PPER" or _dative_ihr(content, k)):
                    words[k] = new.capitalize() if k == 0 else new
        start = end + 1


def _dative_ihr(content: list[Tok], k: int) -> bool:
    """"es bereite ihr Freude": "ihr" before a feminine noun without "-e" is no possessive ("ihre Freude")."""
    nxt = content[k + 1] if k + 1 < len(content) else None
    info = noun_info(nxt.lemma) if nxt is not None and nxt.tag == "NN" else None
    return content[k].text == "ihr" and info is not None and info.genus == "f" and nxt is not None \
        and nxt.text == info.lemma


def _dative_reflexive(content: list[Tok], k: int, end: int, fin: int, subject: int) -> bool:
    """"sich" is "mir" where the verb has another object ("macht sich Sorgen", "kauft sich ein Fahrrad"),
    with "sein" ("ist sich sicher") and with verbs that take a dative reflexive; otherwise "mich" ("freut
    sich über", "kümmert sich um")."""
    if content[fin].lemma in _DATIVE_REFLEXIVE | {"sein"} or any(
            x.lemma in _DATIVE_REFLEXIVE for x in content[subject:end] if x.tag.startswith("VV")):
        return True
    in_pp = False
    for x in content[k + 1 : end]:
        if x.is_finite or x.tag == "KON":
            break  # "… und habe schon zwei Termine vereinbart": another clause
        if x.tag.startswith("APPR") or x.tag == "KOKOM":  # (also "als Mechatroniker")
            in_pp = True
        elif x.is_noun and not is_time_word(x.text):
            if not in_pp:
                return True  # an object of its own: "Sorgen", "ein Fahrrad", "große Mühe"
            in_pp = False
    return False


def _any_plural(toks: list[Tok]) -> bool:
    """A noun that may be a plural ("die Lehrer", "den Kindern", "Eltern"): another group "sie" could mean.
    Stricter than :func:`_plural_noun`: a form of both numbers counts."""
    for t in toks:
        if t.tag in ("NN", "NNA") and t.text[:1].isupper() and t.text not in _MOMENTS and not is_time_word(t.text):
            info = noun_info(t.lemma) if t.tag == "NN" else None
            if info is None or t.text in info.number_forms("plural"):
                return True
    return False


def _plural_noun(toks: list[Tok]) -> bool:
    """"ihr" may also mean "their" when the frame names several ("sagten die Eltern")."""
    return any(t.is_noun and (info := noun_info(t.lemma)) is not None and t.text in info.number_forms("plural")
               and t.text not in info.number_forms("singular") for t in toks)
