"""Rule 2a ``speech``: indirect speech becomes a direct statement with the speaker named.

Event reports are mostly reported speech: "Eine solche Konferenz sei wichtiger denn je, betonte sie."
The speech frame ("betonte sie", "Pusch erklärte, dass …", "lautete sein Appell") is removed and the
speaker is stored on the unit; when the draft is finished every such sentence reads
"Souad Lamroubal sagt: …" (the ``konjunktiv`` rule then puts the verb in the indicative). Sentences in
Konjunktiv I without a frame continue the last speaker's report and get the same speaker. A speaker
found from a pronoun ("betonte sie") is marked for review: the rule takes the last person named.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lesbar.simplify.analysis import Tok, analyze
from lesbar.simplify.clauses import (
    QUOTES_CLOSE,
    QUOTES_OPEN,
    SENT_END,
    constituent_end,
    mentioned_again,
    quote_balance,
    quoted,
    segment_end,
    strip_end,
    subject_after_verb,
    to_v2,
    top_level_commas,
)
from lesbar.simplify.context import Person
from lesbar.simplify.first_person import to_first_person, to_first_person_plural
from lesbar.simplify.morphology import (
    Mood,
    is_known_noun,
    konjunktiv,
    noun_info,
    present_form,
    separable_particle,
    verb_table,
)
from lesbar.simplify.places import is_place_name
from lesbar.simplify.resources import PEOPLE_NOUNS, TITLES, first_name_gender, is_person_noun, roles, speech_verbs
from lesbar.simplify.rules.apposition import is_description
from lesbar.simplify.rules.subordinate_clauses import (
    agrees_with_relative,
    coordinated,
    main_clauses,
    noun_number,
    possessive_sentence,
    verb_number,
)
from lesbar.simplify.temporal import is_time_word
from lesbar.simplify.units import Unit, end_sentence

if TYPE_CHECKING:
    from lesbar.simplify.context import Context

ID = "speech"
PRIORITY = 20
LEVELS = ("leicht", "einfach")
HEADINGS = False

_PRONOUNS = {"er", "sie", "Er", "Sie"}
_FRAME_ADVERBS = {"dabei", "auch", "weiter", "noch", "abschließend", "zudem", "außerdem", "ebenfalls", "aber", "zuvor",
                  # "hob besonders hervor": "sagt besonders" is no German
                  "besonders", "ausdrücklich", "nochmals", "mehrfach", "eindringlich", "nachdrücklich"}
_AUTO = "Sprecher automatisch zugeordnet: bitte prüfen"


def is_speech_verb(t: Tok, toks: list[Tok] | None = None, i: int = 0) -> bool:
    """A finite speech verb; a separated particle later in the clause counts ("merkte … an")."""
    if not t.is_finite:
        return False
    if t.lemma in speech_verbs() or t.lemma == "lauten":
        return True
    if toks is not None and t.lemma == "geben" and _to_consider(toks, i) is not None:
        return True  # "gab er zu bedenken"
    return toks is not None and _full_lemma(toks, i) in speech_verbs()


def _to_consider(toks: list[Tok], i: int) -> int | None:
    """Where "zu bedenken" stands in the clause of "geben" at ``i`` ("gab er zu bedenken"), else None."""
    for k in range(i + 1, min(i + 8, len(toks) - 1)):
        if toks[k].text in {",", ".", ";", ":"}:
            return None
        if toks[k].text == "zu" and toks[k + 1].text.lower() == "bedenken":
            return k
    return None


def _full_lemma(toks: list[Tok], i: int) -> str:
    """``anmerken`` for "merkte" when "an" (PTKVZ) follows in the same clause."""
    k = _particle_index(toks, i)
    return toks[k].text.lower() + toks[i].lemma if k is not None else toks[i].lemma


def _particle_index(toks: list[Tok], i: int) -> int | None:
    """Where the separated particle of the verb at ``i`` stands: a PTKVZ in the same clause, or a word
    the tagger read as a preposition that makes a speech verb with it and stands before another
    preposition ("sprach sie Beispiele an von Sprache …")."""
    for k in range(i + 1, len(toks)):
        t = toks[k]
        if t.text in {",", ".", ";", ":", "!", "?", "„", "“"}:
            break
        if t.tag == "PTKVZ":
            return k
        if t.tag == "APPR" and k + 1 < len(toks) and toks[k + 1].tag.startswith("APPR") and \
                t.text.lower() + toks[i].lemma in speech_verbs():
            return k
        if t.tag in ("PROAV", "PAV", "ADV") and (k + 1 == len(toks) or toks[k + 1].text in {",", ".", ":"}) and \
                t.text.lower() + toks[i].lemma in speech_verbs():
            return k  # "hielten dagegen, …": "dagegen" read as an adverb is the particle of "dagegenhalten"
    return None


def note_persons(toks: list[Tok], ctx: Context) -> None:
    """Record persons named in ``toks`` ("Landrat Stephan Pusch", "Asli Sevinçim") in order."""
    i = 0
    n = len(toks)
    _note_described_subject(toks, ctx)
    _note_source(toks, ctx)
    while i < n:
        role = ""
        j = i
        lead: list[str] = []
        if toks[j].tag == "ART" and toks[j].text.lower() in ("der", "die"):
            a = j + 1
            while a < n and toks[a].tag == "ADJ(A)" and not _capitalised(toks[a].text):
                a += 1
            if (a > j + 1 or toks[a].tag == "NNA") and a + 1 < n and toks[a].text in roles() and \
                    toks[a + 1].tag == "NE":
                lead = [toks[j].text.capitalize()] + [t.text for t in toks[j + 1 : a]]  # "Die stellvertretende"
                j = a
        if toks[j].text in roles() and j + 2 < n and toks[j + 1].tag == "NN" and toks[j + 2].tag == "NE" and \
                _capitalised(toks[j + 1].text) and toks[j + 1].text.isalpha():
            toks = toks[: j + 1] + [Tok(toks[j + 1].text, "NE", toks[j + 1].text)] + toks[j + 2 :]  # "Sacha"
        if (toks[j].text in roles() or (toks[j].tag == "NN" and toks[j].text.endswith("in") and _person_noun(toks[j])
                                         and j + 2 < n and toks[j + 2].tag == "NE")) and j + 1 < n and toks[j + 1].tag == "NE" \
                and not (toks[j].text in _KIN and j > 0 and toks[j - 1].tag == "PPOSAT"):
            # ("Seine Freundin Amira Nasser": a relation to someone, no title before her name)
            role = " ".join(lead + [toks[j].text])  # also "Lehrerin Sabine Kowalczyk": a woman's role
            j += 1
        while j < n and toks[j].text in TITLES:
            j += 1
        k = j
        while k < n and toks[k].tag == "NE" and toks[k].text[:1].isupper():
            k += 1
        if j < k < n and (_double_surname(toks[k]) or (j > i and _surname_as_noun(toks, k, n))):
            k += 1  # "Ayşe Kaya-Brenner", "Landrat Frank Rock": the tagger reads the surname as a noun
        if k == j and j > 0 and toks[j].tag == "NN" and toks[j - 1].text.lower().endswith(("jährige", "jährigen")) \
                and toks[j].text.isalpha() and not is_known_noun(toks[j].text) and \
                not is_person_noun(toks[j].text, "NN"):
            k = j + 1  # "den 14-jährigen Emre": an unknown word after the age is a first name
        if k == j and j < n and toks[j].tag == "NN" and toks[j].text.isalpha() and (
                known := ctx.find_person([toks[j].text])) is not None and len(known.name.split()) > 1 \
                and known.surname == toks[j].text:
            k = j + 1  # "Krüger war zufrieden": the surname of someone named before, read as a noun
        names = [t.text for t in toks[j:k]]
        prev = toks[i - 1].text.lower() if i > 0 else ""
        is_person = (role and names) or (len(names) >= 2 and prev not in {"in", "aus", "nach", "im", "bei"}
                                         and not any(w.isupper() or _org_word(w) for w in names))
        if len(names) == 1 and not role and not names[0].isupper() and (
                (j == 0 and k + 1 < n and toks[k].text == "aus" and toks[k + 1].tag == "NE")  # "Yonas aus Eritrea"
                or (j == 0 and k < n and toks[k].is_finite and toks[k].lemma != "liegen" and not is_place_name(names[0])
                    and not _org_word(names[0]) and k + 1 < n and toks[k + 1].text.lower() not in ("im", "in", "am"))
                # ("Mariam hat ein Tor geschossen.": a first name that acts; "Unna liegt …" is a place)
                or (j >= 2 and toks[j - 1].text in _KIN and toks[j - 2].tag == "PPOSAT")  # "Seine Freundin Mariam"
                or (j >= 2 and toks[j - 1].is_finite and toks[j - 1].lemma in ("sein", "heißen") and k < n
                    and toks[k].text in (".", "!") and any(_person_noun(t) for t in toks[: j - 1]))
                # ("Eine dieser Helferinnen ist Layla.": the name of a person described before the verb)
                or (j > 0 and toks[j - 1].text.lower().endswith(("jährige", "jähriger", "jährigen")))):  # "die 15-jährige Lena"
            is_person = True
        if not is_person and len(names) == 1 and not role:
            known = ctx.find_person(names)
            if known is not None and len(known.name.split()) > 1:
                ctx.last_person = known  # "Jansen sieht das anders": the surname of someone named before
                ctx.mention(known)
                ctx.last_person_block = ctx.block_index
                i = k
                continue
        if is_person:
            person = ctx.find_person(names)
            if person is None:
                person = Person(" ".join(names), role)
                ctx.persons.append(person)
            if not person.gender and not role and j > 0 and toks[j - 1].text in _KIN:
                # "Seine Freundin Amira Nasser": the relation shows the gender
                person.gender = "f" if toks[j - 1].text in _FEMALE_RELATIVES or toks[j - 1].text.endswith("in") else "m"
            else:
                if len(names) > len(person.name.split()):
                    person.name = " ".join(names)  # "Landrat Pusch" first, "Stephan Pusch" later
                if role and (not person.role or (role.endswith(" " + person.role) and person.role[:1].isupper())):
                    person.role = role
            if not _gender(person):
                person.gender = _gender_before(toks, j)  # "dem neunjährigen Karim"
            if person.age is None and j > 0:
                person.age = _age_of(toks[j - 1].text)  # "der 22-jährige Samir"
            ctx.last_person = person
            ctx.mention(person)
            ctx.last_person_block = ctx.block_index
            i = k
            continue
        i += 1


def _same_gender(ctx: Context, last: Person | None, gender: str) -> Person | None:
    """``last``, or when the text shows it has the other gender ("… mit dem neunjährigen Karim. „…“,
    erzählt die 71-Jährige"), the person named most recently who may have ``gender``."""
    if last is None or _gender(last) in ("", gender):
        return last
    for person in reversed(ctx.seen):
        if person is not last and _gender(person) in ("", gender) and not person.name.startswith(("Der ", "Die ")):
            return person
    return None


def _gender_before(toks: list[Tok], j: int) -> str:
    """The gender an article before a name shows: "dem neunjährigen Karim" (m), "die 15-jährige Lena"
    (f). "der" is left open: it is also the feminine dative and genitive."""
    k = j - 1
    while k >= 0 and (toks[k].tag in ("ADJ(A)", "ADJA", "CARD") or toks[k].text in TITLES
                      or toks[k].text in roles()):
        k -= 1
    if k < 0 or toks[k].tag != "ART":
        return ""
    art = toks[k].text.lower()
    if art in ("die", "eine"):
        return "f"
    if art in ("dem", "einem", "den", "einen"):
        return "m"
    return ""


def _org_word(word: str) -> bool:
    """"TuS", "SpVgg", "VfL", "e.V.": words of club and company names, which name no person."""
    return any(c.isupper() for c in word[1:]) and "-" not in word or word in ("e.V.", "GmbH", "gGmbH", "AG")


def _note_source(toks: list[Tok], ctx: Context) -> None:
    """"Nach Angaben der Behörde wurden 812 Anträge bewilligt. Die Dauer liege …": the named source is who
    a report that follows belongs to ("Die Behörde sagt: …"), not someone named earlier."""
    low = [t.text.lower() for t in toks]
    for k in range(len(toks) - 3):
        if low[k : k + 2] != ["nach", "angaben"] or toks[k + 2].text.lower() not in ("der", "des"):
            continue
        j = k + 3
        while j < len(toks) and toks[j].tag == "ADJ(A)":
            j += 1
        if j >= len(toks) or toks[j].tag != "NN":
            return
        info = noun_info(toks[j].lemma)
        if info is None:
            return
        plural = toks[j].text in info.number_forms("plural") and (
            toks[j].text not in info.number_forms("singular")
            or (toks[k + 2].text.lower() == "der" and info.genus in ("m", "n")))  # "der Veranstalter": plural
        if toks[k + 2].text.lower() == "der" and (plural or info.genus == "f"):
            article = "Die"
        elif toks[k + 2].text.lower() == "des" and info.genus in ("m", "n"):
            article = "Der" if info.genus == "m" else "Das"
        else:
            return
        noun = info.lemma if not plural else toks[j].text
        adjectives = [t.text[:-1] if t.text.endswith("en") else t.text for t in toks[k + 3 : j]]
        person = Person(" ".join([article] + adjectives + [noun]))
        ctx.persons.append(person)
        ctx.last_person, ctx.last_person_block = person, ctx.block_index
        return



_AGE = re.compile(r"^(\d{1,3})-[jJ]ährige[nrm]?$")


def _age_of(word: str) -> int | None:
    m = _AGE.match(word)
    return int(m.group(1)) if m else None


def _note_age_subject(toks: list[Tok], ctx: Context) -> bool:
    """"Der 71-jährige Elektromeister, der …": the age of the person named last; "Der 22-Jährige ist froh …"
    after him: someone else, the person named most recently whose age does not contradict it. Returns
    whether the sentence's subject was such a description."""
    if len(toks) < 3 or toks[0].tag != "ART" or toks[0].text.lower() not in ("der", "die"):
        return False
    age = _age_of(toks[1].text)
    if age is None:
        return False
    last = ctx.last_person
    if "-j" in toks[1].text:  # "Der 71-jährige Elektromeister": a description of the person named last
        if last is not None and last.age is None and toks[2].tag in ("NN", "NNA") and \
                is_person_noun(toks[2].text, toks[2].tag):
            last.age = age
        return False
    gender = "f" if toks[0].text.lower() == "die" else "m"
    same = [p for p in reversed(ctx.seen) if p.age == age]
    if same:
        ctx.last_person, ctx.last_person_block = same[0], ctx.block_index
        return True
    if last is not None and last.age is not None and last.age != age:
        other = next((p for p in reversed(ctx.seen) if p is not last and p.age in (None, age)
                      and _gender(p) in ("", gender)), None)
        if other is not None:
            other.age = age
            ctx.last_person, ctx.last_person_block = other, ctx.block_index
            return True
    return False


def _note_described_subject(toks: list[Tok], ctx: Context) -> None:
    """"Der Leiter zeigte sich erschüttert.": a person described by a role as the subject of a sentence
    becomes the last person, so that a report that follows is not given to someone named before."""
    if _note_age_subject(toks, ctx):
        return
    if len(toks) > 4 and toks[0].tag in ("ADV", "PAV", "PROAV") and toks[1].is_finite and \
            is_speech_verb(toks[1], toks, 1) and toks[2].tag == "ART":
        # "Außerdem berichtete die Ausländerbehörde über …": the subject after the verb, as if it led
        end = constituent_end(toks, 2)
        toks = toks[2:end] + [toks[1]] + toks[end:]
    if len(toks) < 3 or not (toks[0].tag == "ART" and toks[0].text.lower() in ("der", "die", "ein", "eine") or (
            toks[0].tag == "PPOSAT" and toks[0].text.lower() in ("seine", "sein", "ihre", "ihr"))):
        return
    k = 1
    while k < len(toks) and toks[k].tag == "ADJ(A)" and not _capitalised(toks[k].text):
        k += 1
    if k + 1 >= len(toks) or toks[k].tag not in ("NN", "NNA"):
        return
    if toks[k + 1].tag == "NE" or toks[k + 1].text in TITLES:
        return  # "Der Schüler Tim erzählte": a named person, noted by name
    end = k + 1
    if not toks[end].is_finite:
        # "Der Leiter des Gemeindezentrums, der erst im Januar kam, zeigte sich erschüttert."
        end = constituent_end(toks, 0)
        if end < len(toks) and toks[end].text.lower() in ("aus", "von", "vom"):
            end = constituent_end(toks, end)  # "Eine Mutter aus Syrien zeigte sich erleichtert."
        if end < len(toks) and toks[end].text == "," and end + 1 < len(toks) and toks[end + 1].tag == "PRELS":
            close = segment_end(toks, end + 1)
            end = close + 1 if close < len(toks) and toks[close].text == "," else len(toks)
        if end >= len(toks) or not toks[end].is_finite or end > 16:
            return
    indefinite = toks[0].text.lower() in ("ein", "eine", "seine", "sein", "ihre", "ihr")
    body = not indefinite and toks[k].tag == "NN" and is_speech_verb(toks[end], toks, end)
    # ("Die Jury lobte das Projekt. Es sei vorbildlich.": a body that speaks is the source of what follows)
    if not (toks[k].text in roles() or toks[k].text in PEOPLE_NOUNS or body or (
            indefinite and is_person_noun(toks[k].text, toks[k].tag))):
        return  # "Ein Mann fragte, …", "Eine Anwohnerin meinte …": someone new speaks
    by_role = [p for p in ctx.persons if p.role and p.role.split()[-1] == toks[k].text] if not indefinite else []
    if len(by_role) == 1:
        ctx.last_person, ctx.last_person_block = by_role[0], ctx.block_index
        return
    words = mentioned_again([toks[0].text.capitalize()] + [t.text for t in toks[1 : k + 1]])
    attribute = constituent_end(toks, 0)
    if not indefinite and k + 1 < attribute <= k + 5:
        words += _dative_genitives(toks[k:attribute])  # "Der Leiter vom Gemeindezentrum sagt:"
    person = Person(" ".join(words))  # "Ein Arzt bestätigte das. Er …" → "Der Arzt sagt: …"
    ctx.persons.append(person)
    ctx.last_person, ctx.last_person_block = person, ctx.block_index


#: titles that say nothing about gender ("Doktor Katrin Möltgen-Sicking")
_NEUTRAL_TITLES = TITLES - {"Professor", "Professorin"}


def _gender(person: Person) -> str:
    """"f"/"m" from the role or description ("Projektleiterin", "Der Fahrlehrer", "Die Mutter"), "" unknown."""
    if person.gender:
        return person.gender  # from the text: "dem neunjährigen Karim"
    words = [w for w in (person.role or person.name).split() if w not in _NEUTRAL_TITLES]
    if not words:
        return ""
    if words[0] in ("Die", "Eine") or words[-1] in ("Frau", "Mutter", "Tochter", "Schwester", "Oma"):
        return "f"
    if words[0] in ("Der", "Ein") or words[-1] in ("Herr", "Mann", "Vater", "Sohn", "Bruder", "Opa"):
        return "m"
    head = words[-1] if person.role else ""
    if head.endswith("in") and (head in roles() or is_person_noun(head, "NN")):
        return "f"
    if head and head.endswith(("er", "or", "ent", "ist", "eur", "rat", "ant")):
        return "m"
    names = [w for w in person.name.split() if w not in TITLES]
    if len(names) >= 2 and names[0] not in ("Der", "Die", "Das", "Ein", "Eine"):
        return first_name_gender(names[0])  # "Anna Kurz": the first name shows it
    return ""


def _previous_subject(pronoun: str, number: str, ctx: Context) -> Person | None:
    """"Die Erzieherinnen entdeckten den Einbruch. Sie sagten, …": a group or body that is the subject of
    the sentence right before is what the frame's pronoun means (the nearest subject), when it agrees in
    number and gender; the last person named may be someone from an earlier paragraph."""
    toks = analyze(ctx.previous_sentence) if ctx.previous_sentence else []
    if len(toks) < 3 or toks[0].tag != "ART" or toks[0].text not in ("Die", "Der", "Das"):
        return None
    k = 1
    while k < len(toks) and toks[k].tag == "ADJ(A)":
        k += 1
    if k >= len(toks) or toks[k].tag not in ("NN", "NNA", "NE") or k + 1 >= len(toks) or not (
            toks[k + 1].is_finite or toks[k + 1].tag in ("NN", "NE")):
        return None
    head = toks[k]
    end = k + 1 + (1 if toks[k + 1].tag in ("NN", "NE") and k + 2 < len(toks) and toks[k + 2].is_finite else 0)
    if not toks[end].is_finite or konjunktiv(toks[end].text, toks[end].lemma) is not None:
        # "Der Kreis habe eine spezielle Geschichte. „…“, erinnerte er": a sentence in the Konjunktiv is
        # what someone reported; its subject is the topic, the speaker is still the person before
        return None
    plural = toks[0].text == "Die" and (head.tag == "NNA" and head.text.endswith("n") or noun_number(head) == "plural")
    if number == "plural" and pronoun == "sie" and plural:
        pass  # "Die Jugendlichen …", "Die Erzieherinnen …"
    elif number == "singular" and not plural and (head.text.lower().endswith(_BODIES) or head.text in _ORGANISATIONS) \
            and {"Die": "sie", "Der": "er"}.get(toks[0].text) == pronoun:
        pass  # "Die Gemeinde will helfen. Sie kündigte an, …"
    else:
        return None
    name = " ".join(t.text for t in toks[:end])
    person = ctx.find_person(name.split()) or Person(name)
    if person not in ctx.persons:
        ctx.persons.append(person)
    return person


def _by_pronoun(pronoun: str, ctx: Context) -> Person | None:
    """The person "er"/"sie" points to: the last person named, unless that person's role shows the other
    gender and someone named before has the pronoun's ("Kern … Anna Roth ergänzte … Er meinte …")."""
    last = ctx.last_person
    want = {"er": "m", "sie": "f"}.get(pronoun, "")
    if last is None or not want or _gender(last) in ("", want):
        return last
    # the person named most recently with that gender ("Für den 14-jährigen Emre … „…“, erzählte er" after
    # "Lehrerin Sabine Kowalczyk"); persons the text names only later are no candidates
    match = [p for p in reversed(ctx.seen) if p is not last and _gender(p) == want]
    if match:
        return match[0]
    # nobody of that gender named: the last person is still meant when the role only guessed the gender
    return last if last.gender != {"m": "f", "f": "m"}[want] else None


def _subject(toks: list[Tok], start: int, end: int, ctx: Context) -> tuple[Person | None, bool, int]:
    """The speaker after a frame verb at ``start``: (person, from_pronoun, index after the subject)."""
    if start < end and toks[start].text in _PRONOUNS:
        if toks[start].text == "Sie" and start > 0:
            return None, False, start  # "…, sprechen Sie uns an": the reader addressed, nobody reported
        pronoun = toks[start].text.lower()
        verb = toks[start - 1] if start > 0 and toks[start - 1].is_finite else \
            toks[end] if end < len(toks) and toks[end].is_finite else None
        number = verb_number(verb) if verb is not None else ""
        person = _previous_subject(pronoun, number, ctx) or _by_pronoun(pronoun, ctx)
        if person is not None and number == "plural" and not _several(person):
            return None, True, start + 1  # "Sie sagten" is no single person named before
        if person is not None and not person.gender and not _several(person) and start > 0 and (
                pronoun == "er" or verb_number(toks[start - 1]) == "singular"):
            # "…, erinnert sie sich": the text shows the speaker's gender, so that later reports of a
            # speaker named without a role ("sagt Kovalenko") can speak in the first person
            person.gender = {"er": "m", "sie": "f"}[pronoun]
        return person, True, start + 1
    j = start
    role = ""
    lead: list[str] = []  # "Der bisherige", "Der": what the role cannot do without
    a = j + 1
    while a < end and toks[a].tag == "ADJ(A)" and not _capitalised(toks[a].text):
        a += 1
    if a + 1 < end and toks[j].tag == "ART" and toks[j].text.lower() in ("der", "die") and (toks[a].tag in (
            "NN", "NNA") or toks[a].tag == "ADJ(A)" and _capitalised(toks[a].text)) and (
            toks[a].text in roles() or _person_noun(toks[a])) and (
            toks[a + 1].tag == "NE" or (toks[a + 1].text in TITLES and a + 2 < end and toks[a + 2].tag == "NE")):
        # "sagte die Leiterin Anna Berg": the article before role and name. An adjective ("der bisherige
        # Vorsitzende") or an adjective used as a noun ("der Vorsitzende") needs its article in the frame.
        if a > j + 1 or toks[a].tag in ("NNA", "ADJ(A)") or (toks[a].text in PEOPLE_NOUNS and toks[a].text not in roles()):
            # (also "der Schüler Tim": a word for people in general, unlike a job, is no title before a name)
            lead = [toks[j].text.capitalize()] + [t.text for t in toks[j + 1 : a]]
        j = a
        if toks[j].tag == "ADJ(A)":  # "die Integrationsbeauftragte Dr. Lena Ostermann": read as an adjective
            toks = toks[:j] + [Tok(toks[j].text, "NNA", toks[j].text)] + toks[j + 1 :]
    while j < end and (toks[j].text in roles() or toks[j].text in TITLES or (
            toks[j].tag in ("NN", "NNA") and j - start < 2 and j + 1 < end
            and (toks[j + 1].tag == "NE" or toks[j + 1].text in TITLES))):
        # "Landrat", "Dr.", or a description without article: "Pfleger Yusuf Haddad erzählte, …",
        # "Fraktionsvorsitzende Sabine Krüger sagte, …", "Projektleiterin Doktor Hanna Berger"
        if toks[j].text in TITLES and role:  # "Verkehrsdezernentin Dr. Karin Vogt": both are kept
            role = f"{role} {toks[j].text}"
        else:
            role = toks[j].text if toks[j].text in roles() or toks[j].tag in ("NN", "NNA") else role
        j += 1
    k = j
    while k < end and toks[k].tag == "NE":
        k += 1
    if k == j and j < end and (_double_surname(toks[j]) or toks[j].tag == "NN" and _capitalised(toks[j].text)) \
            and (known := ctx.find_person([toks[j].text])) is not None and len(known.name.split()) > 1:
        k = j + 1  # "Kaya-Brenner betonte", "betonte Meinecke": a surname read as a noun, named before
    elif k == j and j == start and j + 1 == end and _double_surname(toks[j]) and not (
            start > 0 and toks[start - 1].tag in ("ART", "PPOSAT", "PDAT")):
        k = j + 1  # "Kaya-Brenner betonte, …": a double surname alone before the verb names a person
    elif j < k < end and _surname_as_noun(toks, k, end):
        k += 1  # "sagte Landrat Frank Rock in seiner Rede": the surname is also a noun
    if lead and role:
        role = " ".join(lead + [role])
    second = k + 1
    while second < end and (toks[second].text in roles() or toks[second].text in TITLES or (
            toks[second].tag in ("NN", "NNA") and second + 2 < end and toks[second + 1].tag == "NE"
            and toks[second + 2].tag == "NE")):
        second += 1  # "Hans Krüger und Kassenwart Thomas Becker": a role before a two-part name
    if k > j and second + 1 < end and toks[k].text == "und" and toks[second].tag == "NE" \
            and toks[second + 1].tag == "NE":
        m = second
        while m < end and toks[m].tag == "NE":
            m += 1
        # "Anna Berg und Peter Koch betonten": both speak; the frame says so ("… sagen:")
        both = " ".join([t.text for t in toks[j:k + 1]] + [t.text for t in toks[second:m]])
        person = ctx.find_person(both.split()) or Person(both)
        if person not in ctx.persons:
            ctx.persons.append(person)
        return person, False, m
    if k > j:
        names = [t.text for t in toks[j:k]]
        person = ctx.find_person(names)
        if person is None:
            person = Person(" ".join(names), role)
            ctx.persons.append(person)
        elif role and (not person.role or (role.endswith(" " + person.role) and person.role[:1].isupper())):
            person.role = role  # also "Vorsitzende" (noted before) → "Der Vorsitzende" (with its article)
        return person, False, k
    # "sagte der 27-jährige Elektroniker", "so die Leiterin": a definite description of someone named
    # before → the person with that role, else the last person named (marked for review)
    m = start
    if m < end and toks[m].tag == "ART" and toks[m].text.lower() in ("der", "die"):
        m += 1
        while m < end and toks[m].tag in ("ADJ(A)", "ADV") and not _capitalised(toks[m].text):
            m += 1
        if m < end and toks[m].tag == "ADJ(A)":  # "die 52-Jährige": a nominalised adjective
            toks = toks[:m] + [Tok(toks[m].text, "NNA", toks[m].text)] + toks[m + 1 :]
        if m < end and toks[m].tag in ("NN", "NNA") and _person_noun(toks[m]) and (
                m + 1 == end or (toks[m + 1].tag.startswith("APPR") and toks[m + 1].text not in ("von", "vom"))):
            noun = toks[m].text
            if toks[start].text.lower() == "die" and toks[m].tag == "NNA" and noun.endswith("en"):
                # "Die Jugendlichen erklärten", "die Teilnehmenden": a group, never the person named before
                group = " ".join([toks[start].text.capitalize()] + [t.text for t in toks[start + 1 : m + 1]])
                person = ctx.find_person(group.split()) or Person(group)
                if person not in ctx.persons:
                    ctx.persons.append(person)
                return person, False, m + 1
            by_role = [p for p in ctx.persons if p.role and (p.role == noun or p.role.endswith(noun.lower()))]
            if len(by_role) == 1:
                return by_role[0], False, m + 1
            last = _same_gender(ctx, ctx.last_person, "f" if toks[start].text.lower() == "die" else "m")
            if any(t.tag == "NE" for t in toks[m + 1 : end]):
                return None, False, start  # "Der Dezernent für Jugend, Michael Krüger, …": the name follows
            family = noun in PEOPLE_NOUNS and not (last is not None and last.role and last.role.split()[-1] == noun)
            if last is not None and last.name.split()[0] in ("Der", "Die", "Ein", "Eine") and noun not in last.name.split():
                last = None  # "Der Vorsitzende des Beirats" was described before; "die Leiterin" is someone else
            if last is not None and not by_role and not family and not (
                    noun in roles() and last.role and last.role != noun):
                if not last.gender:
                    last.gender = "f" if toks[start].text.lower() == "die" else "m"  # the article shows it
                return last, True, m + 1  # "sagte die 52-Jährige": the person named before
            if not by_role and (last is None or noun in roles() or family):
                # "erklärte der Bürgermeister", "sagte die Mutter" with nobody (or someone else) named before:
                # "erklärte der Bürgermeister" with nobody (or someone with another role) named before:
                # the description itself is the speaker, so the report keeps its source
                person = Person(" ".join([toks[start].text.capitalize()] + [t.text for t in toks[start + 1 : m + 1]]))
                ctx.persons.append(person)
                return person, False, m + 1
    # "sagte eine Teilnehmerin aus Eritrea": someone not named, described by what they are
    m = start
    if m < end and toks[m].tag == "ART" and toks[m].text.lower() in ("ein", "eine"):
        m += 1
        while m < end and toks[m].tag == "ADJ(A)" and not _capitalised(toks[m].text):
            m += 1
        if m < end and toks[m].tag in ("NN", "NNA") and is_person_noun(toks[m].text, toks[m].tag):
            stop = m + 1
            if stop < end and toks[stop].text.lower() in ("aus", "von", "vom"):
                stop = constituent_end(toks, stop)
            if stop >= end or toks[stop].text in SENT_END:
                person = Person(" ".join([toks[start].text.capitalize()] + [t.text for t in toks[start + 1 : stop]]))
                ctx.persons.append(person)
                return person, False, stop
    # "der Appell von Stephan Pusch", "sein Credo"
    m = start
    if start + 2 < end and toks[start].text.lower() in ("dessen", "deren") and toks[start + 1].tag in ("NN", "NNA") \
            and toks[start + 2].tag == "NE":
        # "erklärte dessen Leiter Markus Brandt": a possessive pronoun like "sein" before a role and a name
        toks = toks[:start] + [Tok(toks[start].text, "PPOSAT", toks[start].text.lower())] + toks[start + 1 :]
    while m < end and toks[m].tag in ("ART", "PPOSAT", "ADJ(A)", "NN"):
        m += 1
    if m > start and toks[start].tag == "PPOSAT" and m < end and toks[m].tag == "NNA":
        m += 1  # "Ihr Fraktionsvorsitzender": a nominalised adjective
    if m > start and toks[start].tag == "PPOSAT" and m < end and toks[m].tag == "NE":
        # "Ihr Fraktionsvorsitzender Bernd Kessler sagte": the name says who speaks
        q = m
        while q < end and toks[q].tag == "NE":
            q += 1
        names = [t.text for t in toks[m:q]]
        relation = toks[m - 1].lemma in _KIN or toks[m - 1].text in PEOPLE_NOUNS
        # ("Seine Freundin Amira Nasser": a relation, no title before the name)
        person = ctx.find_person(names) or Person(" ".join(names), "" if relation else toks[m - 1].text)
        if not person.role and not relation and toks[m - 1].text in roles():
            person.role = toks[m - 1].text  # "meinte deren Ratsherr Felix Braun": named before without the role
        elif not person.gender and _person_noun(toks[m - 1]):
            # "sein Mitschüler Arjun Nair": no title, but the noun shows the gender
            person.gender = _gender(Person("", toks[m - 1].text))
        if person not in ctx.persons:
            ctx.persons.append(person)
        return person, False, q
    if m > start and toks[start].tag == "PPOSAT":
        nouns = [t for t in toks[start:m] if t.tag in ("NN", "NNA")]
        if nouns and (_person_noun(nouns[-1]) or nouns[-1].lemma in _RELATIVES) and \
                nouns[-1].text not in ("Credo", "Appell", "Fazit"):
            # "Sein Kollege sagte", "sagt ihre Lehrerin": another person, related to the one named last
            if ctx.last_person is None or m - start > 3:
                return None, False, start
            noun = nouns[-1]
            info = noun_info(noun.lemma) if noun.tag == "NN" else None
            article = "die" if (info and info.genus == "f") or noun.text.endswith(("in", "innen")) else "der"
            person = Person(f"{article.capitalize()} {noun.text} von {ctx.last_person.name}")
            ctx.persons.append(person)
            return person, True, m
        return ctx.last_person, True, m
    if m < end and toks[m].text == "von":
        p = m + 1
        q = p
        while q < end and (toks[q].tag == "NE" or toks[q].text in roles()):
            q += 1
        if q > p:
            head = next((t for t in reversed(toks[start:m]) if t.tag in ("NN", "NNA")), None)
            if head is not None and _person_noun(head) and toks[start].tag == "ART" and q < end and toks[q].text == "," \
                    and any(t.tag == "NE" for t in toks[q + 1 : end]):
                return None, False, start  # "Die Mutter von Amira, Rania Nasser, …": the name follows
            if head is not None and _person_noun(head) and toks[start].tag == "ART":
                # "Die Mutter von Amira berichtete": the mother speaks, not Amira
                words = [toks[start].text.capitalize()] + [t.text for t in toks[start + 1 : q]]
                person = ctx.find_person(words) or Person(" ".join(words))
                if person not in ctx.persons:
                    ctx.persons.append(person)
                return person, False, q
            names = [t.text for t in toks[p:q] if t.text not in roles()]
            if names:
                return ctx.find_person(names) or Person(" ".join(names)), False, q
    return None, False, start




def _surname_as_noun(toks: list[Tok], k: int, end: int) -> bool:
    """``toks[k]`` follows a first name and is a surname the tagger read as a noun ("Frank Rock", "Anna
    Berg"): one capitalised word after exactly one name, and the phrase ends right after it."""
    t = toks[k]
    if t.tag not in ("NN", "FM") or not t.text[:1].isupper() or not t.text[1:].islower() or t.text in roles():
        return False
    if k < 1 or toks[k - 1].tag != "NE" or (k >= 2 and toks[k - 2].tag == "NE"):
        return False
    nxt = toks[k + 1] if k + 1 < end else None
    # ("begründete Petra Sommer den Antrag": a bare noun before the object's article is no object itself)
    return nxt is None or nxt.text in {",", ".", ":", ";", "!", "?", "(", "–"} or nxt.tag.startswith("APPR") \
        or nxt.is_finite or nxt.text in QUOTES_OPEN or nxt.tag in ("ART", "PPOSAT", "PDAT")


def _double_surname(t: Tok) -> bool:
    """"Kaya-Brenner", "Möltgen-Sicking": two capitalised parts joined by a hyphen, tagged as a noun."""
    parts = t.text.split("-")
    return t.tag in ("NN", "NE") and len(parts) == 2 and all(p[:1].isupper() and p[1:].islower() for p in parts)


def _capitalised(word: str) -> bool:
    """"Leiterin", "52-Jährige"."""
    return any(part[:1].isupper() for part in word.split("-"))


#: relations of kin and friendship: before a name they say whose, they are no title ("Seine Freundin Amira")
_KIN = {"Freund", "Freundin", "Nachbar", "Nachbarin", "Mutter", "Vater", "Sohn", "Tochter", "Bruder", "Schwester", "Frau",
        "Mann", "Ehefrau", "Ehemann", "Partner", "Partnerin", "Tante", "Onkel", "Oma", "Opa", "Großvater", "Großmutter",
        "Enkel", "Enkelin", "Kind"}
#: the kin nouns that name a woman
_FEMALE_RELATIVES = {"Mutter", "Tochter", "Schwester", "Frau", "Ehefrau", "Tante", "Oma", "Großmutter", "Enkelin"}
#: people named by their relation to someone ("sein Kollege", "ihre Mutter"): kin and relations at work
_RELATIVES = _KIN | {"Kollege", "Kollegin", "Chef", "Chefin", "Anwalt", "Anwältin", "Trainer", "Trainerin"}


def _person_noun(t: Tok) -> bool:
    """"Elektroniker", "Leiterin", "27-Jährige", "Vorsitzende", a role: a noun for a person, not "der Appell"."""
    return is_person_noun(t.text, t.tag)


_THIRD_PERSON = {"er", "ihn", "ihm", "sein", "seine", "seinen", "seinem", "seiner", "seines", "sie", "ihr",
                 "ihre", "ihren", "ihrem", "ihrer", "ihres"}
_PRONOUNS_NOTE = "Indirekte Rede: „er/sie/sein/ihr“ meint hier vielleicht die Person, die spricht (dann „ich/mein“)"


def _note_pronouns(unit: Unit) -> None:
    """Reported speech keeps the reporter's pronouns ("Heute arbeite er …"); after "X sagt:" the reader
    may take "er" for someone else. Changing them needs to know who is meant: the editor decides."""
    third = [w for w in unit.tokens if w.lower() in _THIRD_PERSON]
    if third and not any(w in QUOTES_OPEN for w in unit.tokens):
        unit.comment(ID, _PRONOUNS_NOTE, third)


def _several(person: Person) -> bool:
    """"Die Eltern", "Anna Berg und Peter Koch": several speak (their "ihr" is not "mein"); "Die Stadt",
    "Der Verein", "Die Jury", "Die Familie": a body speaks, and "ich" would make it a person."""
    if _says(person.name) == "sagen":
        return True
    words = person.name.split()
    if words and words[0] in ("Der", "Die", "Das", "Ein", "Eine"):
        nouns = [t for t in analyze(words)[1:] if t.text[:1].isupper()]
        if nouns and nouns[0].text in _ORGANISATIONS:
            return True  # "Die Linke": a party, no person
        return not nouns or not is_person_noun(nouns[0].text, nouns[0].tag) or (
            nouns[0].text.lower().endswith(_BODIES) and nouns[0].text not in roles())  # ("Der Landrat": a person)
    return False


#: nouns (and compound heads) for groups of people: they speak as "wir", never as "ich"
_BODIES = ("familie", "gruppe", "jury", "team", "mannschaft", "klasse", "gemeinde", "initiative", "verwaltung",
           "fraktion", "partei", "polizei", "feuerwehr", "leitung", "redaktion", "schaft", "verein", "verband",
           "rat", "ausschuss", "vorstand", "beirat", "tag", "senat", "chor", "club", "klub", "amt", "zentrum",
           "stelle", "behörde", "kreis", "stadt", "ministerium", "schule", "kita", "netzwerk", "bündnis")


#: bodies whose names are no nouns of the lexicon: parties, charities, services (they speak as "wir")
_ORGANISATIONS = {"Linke", "SPD", "CDU", "CSU", "FDP", "AfD", "BSW", "Grüne", "Caritas", "Diakonie", "AWO", "DRK",
                  "VHS", "ADAC", "THW", "Lebenshilfe", "Tafel", "Volkshochschule", "Jobcenter", "Polizei"}


def _only_candidate(content: list[str], person: Person, ctx: Context | None) -> str:
    """"Er habe Freunde gefunden, erzählte Ahmad Karimi.": a name alone does not show the gender, but when the
    statement starts with "er" (or "sie" with a singular verb) and nobody else the text has named could
    be meant by it, the pronoun is the speaker's own: "m" or "f", else ""."""
    if ctx is None or len(content) < 2:
        return ""
    toks = analyze(content)
    fins = [k for k, t in enumerate(toks) if t.is_finite]
    if not fins:
        return ""
    f = fins[0]
    # "Er habe …", "Im Sprachcafé habe er …", "Als sie ankam, habe sie …"
    k = 0 if toks[0].tag == "PPER" else 1 if toks[0].tag == "KOUS" and toks[1].tag == "PPER" else f + 1
    if k >= len(toks) or toks[k].tag != "PPER" or toks[k].text.lower() not in ("er", "sie"):
        if any(t.tag == "PPER" and t.text.lower() in ("er", "sie") for t in toks):
            return ""
        k = next((j for j, t in enumerate(toks) if (t.tag == "PPER" and t.text in ("ihm", "ihn"))  # "hätten ihm Sorgen
                  or (t.tag == "PPOSAT" and t.text.lower().startswith("sein"))  # gemacht", "Sein Haus sei klein"
                  # "Viele Kinder hätten ihr geschrieben": a dative "ihr", not "ihr habt"
                  or (t.tag == "PPER" and t.text == "ihr" and j > 0 and not (j + 1 < len(toks) and toks[j + 1].is_finite))),
                 None)
        if k is None:
            return ""
    if toks[k].text.lower() == "sie" and verb_number(toks[f]) != "singular":
        return ""
    gender = "f" if toks[k].text.lower() in ("sie", "ihr") else "m"
    others = [p for p in ctx.persons if p.name != person.name and p.surname != person.surname]
    return gender if all(_gender(p) and _gender(p) != gender for p in others) else ""


def _first_person(unit: Unit, content: list[str], person: Person, ctx: Context | None = None) -> list[str]:
    """The statement in the speaker's own voice where the frame sentence binds its pronoun to the speaker
    (see :mod:`lesbar.simplify.first_person`). The gender comes from the role or the text, or from the
    frame's own pronoun ("betonte sie"); a name alone does not show it, and then nothing changes."""
    if any(w in QUOTES_OPEN for w in content):
        return content
    original = unit.toks()
    inside = set(content)
    frame = [t for t in original if t.text not in inside]
    first = person.name.split()[0] if person.name else ""
    frame = [t for k, t in enumerate(frame) if not (  # "Seine Freundin Amira Nasser": the noun describes her
        k + 1 < len(frame) and frame[k + 1].text == first and _person_noun(t))]
    if _several(person):
        if _says(person.name) == "sagen":
            return to_first_person_plural(analyze(content), frame, _name_words(person)) or content
        genus = _body_genus(person)  # "Die Stadt teilte mit, sie werde …" → "Die Stadt sagt: Wir werden …"
        return to_first_person(analyze(content), frame, genus, _name_words(person), body=True) or content
    gender = _gender(person) or next((("f" if t.text.lower() == "sie" else "m") for t in frame
                                      if t.tag == "PPER" and t.text.lower() in ("er", "sie")), "")
    if not gender and (gender := _only_candidate(content, person, ctx)):
        person.gender = gender  # what the statement showed holds for the rest of the report
    frame = [t for t in frame if not (t.tag == "PPER" and t.text.lower() in ("er", "sie"))]
    return to_first_person(analyze(content), frame, gender, _name_words(person)) or content


def _body_genus(person: Person) -> str:
    """"f"/"m"/"n" of a speaking body ("Die Stadt", "Das Jugendamt", "Die Caritas", "Die Linke"), "" where
    the speaker is not known to be one: a person the word lists do not know ("Der Kommandant") keeps the
    third person rather than speaking as "wir"."""
    words = person.name.split()
    nouns = [t for t in analyze(words) if t.tag in ("NN", "NE", "NNA")]
    if not nouns or not (nouns[-1].text.lower().endswith(_BODIES) or nouns[-1].text in _ORGANISATIONS):
        return ""
    article = {"Die": "f", "Der": "m", "Das": "n"}.get(words[0], "")
    info = noun_info(nouns[-1].lemma) if nouns[-1].tag == "NN" else None
    if info is not None and nouns[-1].text in info.number_forms("singular"):
        return info.genus
    return article


def _name_words(person: Person) -> set[str]:
    """The words that name the speaker (name, role, titles): no other antecedent for "er/sie"."""
    return set(person.name.split()) | set(person.role.split()) | TITLES


def _speaker_unit(unit: Unit, content: list[str], person: Person, pronoun: bool, ctx: Context,
                  reported: bool = False) -> Unit:
    spoken = _first_person(unit, content, person, ctx)
    ctx.first_person_speaker = person.name if spoken is not content else ""
    new = unit.derive(spoken, ID, speaker=ctx.speaker_name(person), reported=reported)
    if pronoun:
        new.comment(ID, _AUTO, [person.name])
    _note_pronouns(new)
    ctx.current_speaker = person
    ctx.last_person = person
    ctx.mention(person)
    ctx.last_speech_block = ctx.block_index
    ctx.counts[ID] += 1
    return new


def _merge_quotes(first: list[str], second: list[str]) -> list[str]:
    """„A“ + „denn B.“ → „A, denn B.“"""
    if first and first[-1] in QUOTES_CLOSE and second and second[0] in QUOTES_OPEN:
        return first[:-1] + [","] + second[1:]
    return first + [","] + second


def _relative_statement(person: Person, clause: list[Tok]) -> list[str] | None:
    """A relative clause about the speaker as a sentence of its own, so its facts are neither lost nor
    glued to the frame: ", die das Angebot im KI koordiniert" → "Miriam Schäfer koordiniert das Angebot im KI."

    Only a subject relative clause ("der"/"die" with a verb in the singular; "die alle kennen" is not one)."""
    if len(clause) < 3 or clause[0].tag != "PRELS" or clause[0].text not in ("der", "die"):
        return None
    body = [t for t in clause[1:] if t.text not in SENT_END]
    fins = [i for i, t in enumerate(body) if t.is_finite]
    if not fins and body and body[-1].tag == "VV(PP)":  # "koordiniert": the 3rd person looks like the participle
        body = body[:-1] + [Tok(body[-1].text, "VV(FIN)", body[-1].lemma)]
        fins = [len(body) - 1]
    if len(fins) != 1 or body[fins[0]].text.endswith("en") or body[fins[0]].text == "sind":
        return None
    return to_v2(body, prefield=person.name.split()) + ["."]


def _object_pronoun(toks: list[Tok], k: int, end: int) -> bool:
    """Whether ``toks[k]`` is an object pronoun before the frame's subject ("lobte ihn der Landrat"):
    "ihn", "ihm", "ihnen" always; "sie", "es", "ihr" only when a subject follows ("lobte sie" alone is
    "she praised")."""
    word = toks[k].text
    if toks[k].tag != "PPER":
        return False
    if word in ("ihn", "ihm", "ihnen", "uns", "euch", "mich", "dich"):
        return True
    return word in ("sie", "es", "ihr") and k + 1 < end and (toks[k + 1].tag == "NE" or (
        toks[k + 1].tag == "ART" and toks[k + 1].text.lower() in ("der", "die")))


#: frame verbs whose accusative object is what was said ("merkt das mit Blick auf … an")
_SAYS_WHAT = {"sagen", "anmerken", "bemerken", "betonen", "erklären", "ergänzen", "hinzufügen", "unterstreichen",
              "berichten", "erzählen", "feststellen", "meinen", "versichern", "zugeben", "einräumen"}


def _keep_age(unit: Unit, toks: list[Tok], result: list[Unit], ctx: Context) -> list[Unit]:
    """"Die 17-jährige Amina erzählte, …" → "Amina sagt: …" would lose the age: it gets a sentence of its own
    ("Amina ist 17 Jahre alt."), as an apposition does."""
    ages = [(k, age) for k, t in enumerate(toks) if (age := _age_of(t.text)) is not None]
    if len(ages) != 1 or any("jährig" in t.lower() for r in result for t in r.tokens + r.speaker.split()):
        return result  # no age, or the age is still there ("Die 42-jährige Ärztin sagt:")
    k, age = ages[0]
    speakers = {r.speaker for r in result if r.speaker}
    near = [t.text for t in toks[k + 1 : k + 5]]
    person = next((p for p in ctx.persons if p.age in (None, age) and any(p.name in sp for sp in speakers)
                   and any(w in p.name.split() for w in near)), None)
    if person is None:
        return result
    person.age = age
    # "Der 19-jährige Schüler Ahmad": the role between age and name goes with the age
    first = next(w for w in near if w in person.name.split())
    role = [t.text for t in toks[k + 1 : k + 1 + near.index(first)] if t.tag in ("NN", "NNA")]
    if role and any(role[-1] in r.tokens or role[-1] in r.speaker.split() for r in result):
        role = []  # the frame keeps it ("Schülerin Amina sagt:")
    words = person.name.split() + ["ist"] + (role + ["und"] if role else []) + [str(age), "Jahre", "alt", "."]
    return [unit.derive(words, ID, speaker="")] + result


def _in_relative_clause(toks: list[Tok], k: int) -> bool:
    """Whether token ``k`` stands in a relative clause: its comma segment starts with a relative pronoun
    that is no article ("die Kommunen kämen …" after a comma is a reported clause, not a relative one)."""
    start = max((j + 1 for j in range(k) if toks[j].text == ","), default=0)
    if start == 0 or start >= len(toks):
        return False
    rel = start + 1 if toks[start].tag.startswith("APPR") and start + 1 < len(toks) else start
    nxt = toks[rel + 1] if rel + 1 < len(toks) else None
    return toks[rel].tag in ("PRELS", "PRELAT") and not (nxt is not None and nxt.tag in ("NN", "ADJ(A)", "NE"))


def _states_something(toks: list[Tok]) -> bool:
    """Whether the words before a closing frame are a statement: a quotation, or a clause with a finite
    verb outside relative clauses. "Anna Berg, die Lehrerin" and "Die Frau, die kam" are a subject with an
    apposition or a relative clause, and the verb after them is the sentence's own."""
    if any(t.text in QUOTES_OPEN or t.text in QUOTES_CLOSE for t in toks):
        return True
    start = 0
    for k in range(len(toks) + 1):
        if k < len(toks) and toks[k].text != ",":
            continue
        segment = toks[start:k]
        start = k + 1
        if not segment:
            continue
        if segment[0].tag in ("PRELS", "PRELAT") or (segment[0].tag.startswith("APPR") and len(segment) > 1
                                                      and segment[1].tag in ("PRELS", "PRELAT")):
            continue
        if segment[0].tag in ("KOUS", "PWS", "PWAV", "PWAT") and segment[-1].is_finite:
            continue  # "Wie es in der Praxis aussieht, berichtete …": the frame verb's object, no statement
        if any(t.is_finite for t in segment):
            return True
    return False


def _name_last(toks: list[Tok], c: int) -> list[str] | None:
    """The words of a closing frame whose speaker is a role followed by the name ("…, sagte die Leiterin
    der Schule, Anna Berg.") with name and role swapped ("…, sagte Anna Berg, die Leiterin der Schule."),
    else None."""
    body = strip_end(toks)
    end = [t.text for t in toks[len(body) :]]
    if c + 3 >= len(body) or body[c + 2].tag not in ("ART", "PPOSAT"):
        return None
    last = max(k for k, t in enumerate(body) if t.text == ",")
    name = body[last + 1 :]
    role = body[c + 2 : last]
    if last <= c + 2 or not name or len(name) > 3 or not all(t.tag == "NE" or t.text in TITLES for t in name):
        return None
    if any(t.text == "," or t.is_finite for t in role) or not any(t.is_noun and _person_noun(t) for t in role):
        return None
    return [t.text for t in body[: c + 2]] + [t.text for t in name] + [","] + [t.text for t in role] + end


def _trailing_frame(unit: Unit, toks: list[Tok], ctx: Context, after: int = 0) -> list[Unit] | None:
    commas = [c for c in top_level_commas(toks) if c > after]
    for c in commas:
        if c + 1 >= len(toks) or not is_speech_verb(toks[c + 1], toks, c + 1) or c == 0:
            continue
        if not _states_something(toks[after:c]):
            continue  # "Anna Berg, die Lehrerin, lobte die Arbeit": the subject and its apposition, no statement
        swapped = _name_last(toks, c)
        if swapped is not None:
            # "…, sagte die Leiterin der Schule, Anna Berg." is said as "…, sagte Anna Berg, die Leiterin der Schule."
            new = unit.derive(swapped, unit.rules[-1] if unit.rules else ID)
            return _trailing_frame(new, new.toks(), ctx, after)
        verb = toks[c + 1]
        verb_lemma = _full_lemma(toks, c + 1)
        end = segment_end(toks, c + 2)
        consider = _to_consider(toks, c + 1) if verb.lemma == "geben" else None
        # "…, gab die Lehrerin zu bedenken.": the speaker ends before "zu bedenken"
        subject_end = consider if consider is not None and consider + 2 >= end - 1 else end
        particle_at = _particle_index(toks, c + 1)
        if particle_at is not None and c + 2 < particle_at < subject_end and toks[particle_at].tag == "PTKVZ" and \
                not any(t.is_word for t in toks[particle_at + 1 : subject_end]):
            subject_end = particle_at  # "…, teilte eine Sprecherin mit.": the particle is no part of the speaker
        start = c + 3 if c + 3 < subject_end and (toks[c + 2].tag == "PRF" or _object_pronoun(
            toks, c + 2, subject_end)) else c + 2
        # "erinnert sich die 71-Jährige", "würdigte ihn der Landrat": the pronoun is no speaker
        if toks[c + 2].tag == "PPER" and start == c + 3:
            # "würdigte ihn der Landrat": "ihn" is the person named last; the speaker is someone else
            last, ctx.last_person = ctx.last_person, None
            person, pronoun, after = _subject(toks, start, subject_end, ctx)
            ctx.last_person = last
        else:
            person, pronoun, after = _subject(toks, start, subject_end, ctx)
        frame_end = end - 1 if end > start and toks[end - 1].text in SENT_END else end
        frame_end = min(frame_end, subject_end)
        if person is None and (person := _institution(toks, start, frame_end, ctx) or _group(
                toks, start, frame_end, ctx)) is not None:
            pronoun, after = False, frame_end  # "Alle Kurse seien ausgebucht, teilte die VHS mit."
        if person is None:
            continue
        content = [t.text for t in toks[:c]]
        rest = [t for k, t in enumerate(toks[after:end], start=after)
                if t.tag != "PTKVZ" and k != particle_at and t.text not in _FRAME_ADVERBS
                and (consider is None or k not in (consider, consider + 1))]
        tail = toks[end:]
        extra: list[Unit] = []
        object_clause = bool(rest) and rest[-1].is_noun and rest[-1].tag == "NN" and len(tail) > 2 and \
            tail[1].tag == "PRELS" and agrees_with_relative(rest[-1], tail[1].text.lower())
        if tail and tail[0].text == "," and object_clause:
            # "erinnerte er an die Gastarbeiter, die … angeworben worden sind": the clause is about the frame's
            # object; it stays with it in the frame's own sentence, which the relative-clause rule splits later
            rel_end = segment_end(toks, end + 1)
            rest = rest + [t for t in toks[end:rel_end] if t.text not in SENT_END]
            tail = toks[rel_end:]
        elif tail and tail[0].text == "," and len(tail) > 2 and tail[1].tag == "PRELS":
            rel_end = segment_end(toks, end + 1)
            statement = _relative_statement(person, toks[end + 1 : rel_end])
            if statement is None:
                return None  # "…, die alle kennen": left as written rather than glued to the frame
            extra.append(unit.derive(statement, ID, speaker=""))
            tail = toks[rel_end:]
        elif tail and tail[0].text == "," and len(tail) > 3 and tail[1].tag == "PRELAT":
            rel_end = segment_end(toks, end + 1)
            statement = possessive_sentence(toks[end + 1 : rel_end], person.name.split())
            if statement is None:
                return None  # "…, dessen Frau er lange kennt": left as written rather than glued to the frame
            extra.append(unit.derive(statement + ["."], ID, speaker=""))  # "Der Betrieb von Jürgen Haller hat …"
            tail = toks[rel_end:]
        # ", die Leiterin der Abteilung …" after the name: an apposition → "<Name> ist die Leiterin …"
        if tail and tail[0].text == "," and len(tail) > 2 and (tail[1].tag in ("ART", "PPOSAT") or (
                tail[1].tag in ("NN", "NNA") and _person_noun(tail[1]) and not any(t.is_finite for t in tail))):
            app_end = segment_end(toks, end + 1)
            if not any(t.is_finite or t.tag in ("KOUS", "PRELS") for t in toks[app_end:]):
                app_end = len(toks)  # the apposition runs to the end ("Ministerium für Kinder, Jugend, …")
                while app_end > end and toks[app_end - 1].text in SENT_END:
                    app_end -= 1
            app = [t.text for t in toks[end + 1 : app_end]]
            if not any(t.is_finite for t in toks[end + 1 : app_end]):
                extra.append(unit.derive(person.name.split() + ["ist"] + app + ["."], ID, speaker=""))
                tail = toks[app_end:]
        enumeration = bool(tail) and tail[0].text == "," and len(tail) > 1 and tail[1].tag in ("NN", "NE") and \
            bool(rest) and rest[-1].is_noun and not any(t.is_finite for t in tail)
        # "„A“, fügte er hinzu, „denn B.“": the quote goes on after the frame
        if enumeration:
            # "sprach sie Beispiele an von Sprache, Kultur oder Sport …": the frame's enumeration goes on
            rest += [t for t in tail if t.text not in SENT_END]
        elif tail and tail[0].text == "," and len(tail) > 1 and tail[1].text in QUOTES_OPEN:
            content = _merge_quotes(content, [t.text for t in tail[1:]])
        elif tail and tail[0].text == "," and not any(t.is_finite for t in tail) and not any(
                t.text in QUOTES_OPEN for t in tail) and not any(w in QUOTES_OPEN for w in content):
            # "Das Fest sei wichtig, sagte Anna Berg, vor allem für Kinder.": the addition is part of the statement
            content = content + [t.text for t in tail if t.text not in SENT_END]
        elif tail and tail[0].text == "," and len(tail) > 3 and tail[1].text in ("und", "aber", "oder") and \
                tail[2].is_finite and not any(t.text in QUOTES_OPEN for t in tail) and not any(
                w in QUOTES_OPEN for w in content):
            # "Er interessiere sich für …, erzählte er, und habe bereits zwei Termine vereinbart": the statement
            # goes on after the frame with the same subject
            content = content + [t.text for t in tail[1:] if t.text not in SENT_END]
        elif tail and tail[0].text == "," and len(tail) > 2 and tail[1].tag == "KOUS" and tail[1].text.lower() in (
                "weil", "da", "obwohl", "wenn", "falls", "damit", "sodass", "solange", "sobald") and any(
                t.is_finite for t in tail) and not any(t.text in QUOTES_OPEN for t in tail) and not any(
                w in QUOTES_OPEN for w in content):
            # "Das Projekt sei gut, sagte Max Berg, weil es den Kindern helfe.": the reason is part of what he
            # said; the clause rule takes it apart later ("Denn es hilft den Kindern.")
            content = content + [t.text for t in tail if t.text not in SENT_END]
        elif tail and tail[0].text == "," and len(tail) > 2 and tail[1].is_finite and not any(
                t.text in QUOTES_OPEN for t in tail) and not any(w in QUOTES_OPEN for w in content):
            # "Man sei nicht dagegen, sagte er, halte aber die Finanzierung für unsicher": the verb after the
            # frame shares the statement's subject; the coordination rule repeats it ("Man hält aber …")
            content = content + [t.text for t in tail if t.text not in SENT_END]
        elif tail and tail[0].text == "," and len(tail) > 2 and any(t.is_finite for t in tail) and not any(
                t.text in QUOTES_OPEN for t in tail) and tail[1].tag not in ("KOUS", "PRELS", "PWS", "PWAV") \
                and not any(w in QUOTES_OPEN for w in content):
            # "Die Wartezeit betrage sechs Monate, sagt er, deshalb lerne er mit einer App.": a second statement
            second = [t.text for t in tail[1:] if t.text not in SENT_END] + ["."]
            extra.append(_speaker_unit(unit, second, person, pronoun, ctx, reported=True))
        elif tail and tail[0].text == ",":
            rest += list(tail)
        words = [t.text for t in rest if t.text not in SENT_END]
        while words and words[-1] == ",":
            words.pop()
        tail_words: list[str] = []
        affiliation: list[str] = []
        circumstance = bool(rest) and (rest[0].tag.startswith("APPR") or rest[0].tag in ("ADV", "ADJ(D)"))
        if rest and rest[0].text.lower() in ("vom", "von") and rest[-1].is_noun and not pronoun and \
                not any(t.is_finite or t.text == "," for t in rest) and after == c + 2 + len(person.name.split()):
            affiliation = words  # "forderte Aylin Demir vom Integrationsrat": who she is, not the circumstance
        elif verb.lemma != "lauten" and circumstance and (len(words) <= 8 and "," not in words or (
                rest[0].tag.startswith("APPR") and len(words) <= 16 and ("," not in words or (
                    any(w in ("und", "oder") for w in words)
                    and all(k + 1 < len(words) and words[k + 1][:1].isupper()
                            for k, w in enumerate(words) if w == ","))))) \
                and not any(t.is_finite for t in rest):
            # "sagte er bei der Eröffnung" (also "… vor Gästen aus Politik, Verwaltung und Zivilgesellschaft"):
            # "Stephan Pusch sagt bei der Eröffnung: …"; genitives as the genitive rule writes them
            tail_words = _dative_genitives([verb] + [t for t in rest if t.text not in SENT_END])
            while tail_words and tail_words[-1] == ",":
                tail_words.pop()
        elif verb.lemma != "lauten" and rest and rest[0].tag == "ART" and rest[0].text.lower() in ("dem", "den", "der") \
                and len(words) <= 4 and not any(t.is_finite or t.tag.startswith("APPR") for t in rest) \
                and rest[-1].is_noun and verb_lemma in _TELLING:
            # "…, erzählte Layla den Gästen": whom she told; "Layla sagt zu den Gästen: …"
            contracted = {"dem": "zum", "der": "zur"}.get(words[0].lower())
            tail_words = [contracted] + words[1:] if contracted else ["zu"] + words  # ("zum Bürgermeister")
        elif verb.lemma != "lauten" and any(t.is_noun for t in rest):
            fin = present_form(verb_lemma, 2)
            particle = separable_particle(verb_lemma)
            if fin:
                # "merkte er an mit Blick auf …" → "Stephan Pusch merkt das mit Blick auf … an": "das" is what he said
                party: list[str] = []
                if words and words[0] == "(" and ")" in words:
                    party, words = words[: words.index(")") + 1], words[words.index(")") + 1 :]
                    # "begründete Petra Sommer (SPD) den Antrag": the party stays with the name
                obj = ["das"] if words and rest[len(party)].tag.startswith("APPR") and verb_lemma in _SAYS_WHAT else []
                extra.append(unit.derive(person.name.split() + party + [fin] + obj + words +
                                         ([particle] if particle else []) + ["."], ID, speaker=""))
        if content and content[-1] not in SENT_END | QUOTES_CLOSE:
            content.append(".")
        main = _speaker_unit(unit, content, person, pronoun, ctx,
                             reported=not any(w in QUOTES_OPEN for w in content))
        _frame_verb(main, tail_words, verb_lemma)
        if affiliation:
            main.speaker = " ".join([main.speaker] + affiliation)
        return [main] + extra
    return None


def _dative_genitives(toks: list[Tok]) -> list[str]:
    """The words after the head noun ``toks[0]`` with genitives as "von" + dative ("des Kreises" → "vom
    Kreis"), as the genitive rule writes them: a speaker's name in the frame is not rewritten later."""
    from lesbar.simplify.rules.genitive import _match

    words: list[str] = []
    i = 1
    while i < len(toks):
        m = _match(toks, i)
        if m is not None:
            words += m[1]
            i = m[0]
        else:
            words.append(toks[i].text)
            i += 1
    return words


def _described_speaker(toks: list[Tok], v: int, ctx: Context) -> tuple[Person | None, list[str]]:
    """"Die Kursleiterin Maria Schneider" / "Die Leiterin der Beratungsstelle, Ayşe Demir," before the
    verb at ``v``: the person and, for the comma form, the description ("die Leiterin der …")."""
    pre = toks[:v]
    if not pre or pre[0].tag not in ("ART", "PPOSAT"):
        return None, []
    k = 1
    while k < len(pre) and pre[k].tag == "ADJ(A)":
        k += 1
    head_ok = k < len(pre) and (pre[k].tag == "NNA" or (pre[k].tag == "NN" and (
        _person_noun(pre[k]) or pre[0].text.lower() in ("der", "die", "das"))))
    if pre[0].text.lower() in ("ein", "eine", "der", "die", "das") and head_ok and k <= 2 and len(pre) <= 6 \
            and all(t.tag in ("ART", "NN", "NE", "APPR", "APPRART", "ADJ(A)", "CARD") for t in pre[k + 1 :]) \
            and not (k + 1 < len(pre) and pre[k + 1].tag == "NE") and pre[-1].text != ",":
        # "Ein Sprecher der Polizei sagte, …", "Die Stadt teilte mit, …", "Der Angeklagte behauptete, …":
        # nobody named, but the report is still someone's
        words = [pre[0].text] + _dative_genitives(pre)
        person = Person(" ".join([words[0][:1].upper() + words[0][1:]] + words[1:]))  # "Wie ein Sprecher …"
        ctx.persons.append(person)
        return person, []
    if pre[-1].text == "," :
        k = len(pre) - 2
        j = k
        while j >= 0 and (pre[j].tag == "NE" or pre[j].text in TITLES):
            j -= 1
        if j < k and j >= 0 and pre[j].text == ",":
            names = [t.text for t in pre[j + 1 : k + 1] if t.text not in TITLES]  # "…, Dr. Miriam Osei, sagte"
            person = ctx.find_person(names) or Person(" ".join(names))
            if person not in ctx.persons:
                ctx.persons.append(person)
            if not person.gender and pre[0].text.lower() in ("die", "eine", "der", "ein"):
                # "Die Mutter von Amira, Rania Nasser,": the article of the description shows the gender
                person.gender = "f" if pre[0].text.lower() in ("die", "eine") else "m"
            return person, [t.text for t in pre[:j]]
        return None, []
    k = len(pre)
    j = k - 1
    while j >= 0 and pre[j].tag == "NE":
        j -= 1
    if j < k - 1 and all(t.tag in ("ART", "PPOSAT", "NN", "ADJ(A)") for t in pre[: j + 1]):
        names = [t.text for t in pre[j + 1 :]]
        role = pre[j].text if pre[j].text in roles() else ""
        person = ctx.find_person(names) or Person(" ".join(names), role)
        if person not in ctx.persons:
            ctx.persons.append(person)
        if role and not person.role:
            person.role = role
        return person, []
    return None, []


def _leading_frame(unit: Unit, toks: list[Tok], ctx: Context) -> list[Unit] | None:
    """"Asli Sevinçim betonte dabei, dass …" / "Er sagte: „…“"."""
    window = 12
    c = next((k for k, t in enumerate(toks[:window]) if t.text == ","), None)
    if c is not None and c + 1 < len(toks) and toks[c + 1].tag == "PRELS":
        window += segment_end(toks, c + 1) - c  # "Die kleine Mariam, die vor zwei Jahren … kam, erzählte"
    for v, t in enumerate(toks[:window]):
        if not is_speech_verb(t, toks, v) or t.lemma == "lauten":
            continue
        person, pronoun, subject_end = _subject(toks, 0, v, ctx)
        description: list[str] = []
        statement: list[str] | None = None
        if person is not None and subject_end + 2 < v and toks[subject_end].text == ",":
            # "Anna Berg, die den Verein leitet, sagte, …": the relative clause is a fact about the speaker
            statement = _relative_statement(person, toks[subject_end + 1 : segment_end(toks, subject_end + 1)])
            app = toks[subject_end + 1 : v - 1]
            if statement is None and toks[v - 1].text == "," and app and not any(
                    x.is_finite or x.text == "," for x in app) and is_description(app):
                # "Bernd Kampmann, Sprecher der Ärzteschaft, sagte, …": the apposition says who he is
                statement = person.name.split() + ["ist"] + [x.text for x in app] + ["."]
        elif person is not None and subject_end + 1 < v and toks[subject_end].text.lower() in ("aus", "von", "vom") \
                and not any(t.text == "," or t.is_finite for t in toks[subject_end:v]):
            # "Olena Petrenko aus Charkiw erzählte", "Leyla Demir von der Technischen Hochschule Köln erklärte":
            # where the speaker comes from is a fact of its own
            statement = person.name.split() + ["kommen" if _says(person.name) == "sagen" else "kommt"] + \
                [t.text for t in toks[subject_end:v]] + ["."]
        front: list[str] = []
        j = v + 1
        if person is None and v > 0 and (toks[0].tag.startswith("APPR") or toks[0].tag in ("ADV", "ADJ(D)")):
            # "In seiner Ansprache sagte Löhr, …": the speaker follows the verb, the circumstances lead
            person, pronoun, after = _subject(toks, v + 1, segment_end(toks, v + 1), ctx)
            if person is not None:
                front = [x.text for x in toks[:v] if x.text not in _FRAME_ADVERBS]
                if front and toks[0].tag != "NE":
                    front[0] = front[0][:1].lower() + front[0][1:]
                j = after
        if person is None and 2 <= v <= 4 and toks[0].tag == "ART" and all(
                t.tag == "NE" or t.text in _ORGANISATIONS for t in toks[1:v]):
            person, pronoun = _institution(toks, 0, v, ctx), False  # "Die SPD erklärte": the party with its article
        if person is None:
            person, description = _described_speaker(toks, v, ctx)
            pronoun = False
        if person is None and v > 0:
            person = _group(toks, 0, v, ctx)  # "Andere Besucher hielten dagegen, …"
        if person is None and v > 4 and toks[v - 1].text == "," and toks[0].tag == "ART":
            # "Ein Vater, der im Förderverein aktiv ist, sagte, …": the described speaker and a fact about him
            c = next((k for k in range(1, v) if toks[k].text == ","), v)
            if c < v - 1 and toks[c + 1].tag == "PRELS" and segment_end(toks, c + 1) == v - 1:
                person, _ = _described_speaker(toks, c, ctx)
                if person is not None:
                    statement = _relative_statement(person, toks[c + 1 : v - 1])  # "Ein Vater ist im …"
                    if statement is None:
                        return None
                    person.name = " ".join(mentioned_again(person.name.split()))  # "Der Vater sagt: …"
        if person is None:
            return None
        while j < len(toks) and (toks[j].text in _FRAME_ADVERBS or toks[j].tag == "PTKVZ"):
            j += 1
        tail: list[str] = []
        k0 = j
        while j < len(toks) and j - k0 < 8 and toks[j].text not in {",", ":"} and not toks[j].is_finite:
            j += 1  # "sagte bei der ersten Fahrt, …": the circumstances stay in the frame
        if j > k0 and toks[k0].tag in ("ART", "PPOSAT", "PDAT", "PIAT", "NN", "NNA"):
            return None  # "lobte das Engagement der Ehrenamtlichen, ohne die …": an object, no speech frame
        if j > k0:
            # "erinnerte daran, dass …": the pronominal adverb points to the statement, it is no circumstance
            consider = _to_consider(toks, v) if t.lemma == "geben" else None  # "gab zu bedenken" → "sagt"
            # ("erinnerte sich, dass …": "sagt sich" would be talking to oneself; the reflexive goes)
            tail = [x.text for m, x in enumerate(toks[k0:j], start=k0) if x.text not in _FRAME_ADVERBS and x.tag
                    not in ("PTKVZ", "PAV", "PROAV", "PRF") and (consider is None or m not in (consider, consider + 1))]
        cut = next((m for m, w in enumerate(tail) if w.lower() in ("von", "vom")), None)
        if cut is not None:
            tail = tail[:cut]  # "berichtete (stolz) von ihren Erfahrungen": "sagt von …" is no German
            # ("sagte über ihren Sohn, er …" keeps "über ihren Sohn": "er" means the son)
        tail = front + tail
        deed: list[str] = []
        if j >= len(toks) or toks[j].text not in {",", ":"}:
            return None
        reported = toks[j].text == "," and (not (j + 1 < len(toks) and toks[j + 1].text in {"dass", "daß"}) or any(
            t.text.lower() in _NOW for t in toks[j + 1 :]))  # "…, dass sie jetzt lesen lernten": now, reported
        if toks[j].text == ":":
            content = [x.text for x in toks[j + 1 :]]
        else:
            k = j + 1
            if k < len(toks) and toks[k].text in {"dass", "daß"}:
                end = segment_end(toks, k + 1)
                content = main_clauses(coordinated(toks[k + 1 : end])) + [x.text for x in toks[end:]]
                if end + 2 < len(toks) and toks[end].text == "," and toks[end + 1].text in ("und", "aber") and \
                        toks[end + 2].is_finite and konjunktiv(toks[end + 2].text, toks[end + 2].lemma) is None:
                    # "Weber räumte ein, dass es schwierig gewesen sei, und kündigte einen Shuttlebus an": the
                    # second verb is the speaker's own deed, said by the narrator
                    content = main_clauses(coordinated(toks[k + 1 : end])) + ["."]
                    deed = ([] if toks[end + 1].text == "und" else ["Aber"]) + person.name.split() + [
                        x.text for x in toks[end + 2 :]]
            elif k < len(toks) and toks[k].text in {"wie", "ob"} or (k < len(toks) and toks[k].tag.startswith("PW")) or (
                    k + 1 < len(toks) and toks[k].tag.startswith("APPR") and toks[k + 1].tag.startswith("PW")):
                return None  # an indirect question ("mit welchen Problemen sie zu kämpfen haben") is no statement
            elif k < len(toks) and toks[k].tag == "KOUS" and (end := segment_end(toks, k + 1)) + 1 < len(toks) and \
                    toks[end].text == "," and toks[end + 1].is_finite and \
                    konjunktiv(toks[end + 1].text, toks[end + 1].lemma) is not None:
                # "sagte, als sie ankam, habe sie nichts verstanden": the clause leads the reported statement
                content = [x.text for x in toks[k:]]
            elif k < len(toks) and (toks[k].tag in ("PRELS", "PRELAT", "KOUS") or (
                    toks[k].tag.startswith("APPR") and k + 1 < len(toks) and toks[k + 1].tag == "PRELS")):
                return None  # a relative or subordinate clause after the comma is no statement
            else:
                content = [x.text for x in toks[k:]]
        first_clause = content[: content.index(",")] if "," in content else content
        if not content or not any(w in QUOTES_OPEN for w in content) and not any(
                t.is_finite for t in analyze(first_clause)):
            # "sprach am Montag, dem 3. Mai, im Rathaus", "kündigte an, das Café samstags zu öffnen, sofern …":
            # what follows the comma is no statement of its own
            return None
        lemma = _full_lemma(toks, v)
        if lemma in _DEMANDS:
            content = _as_demand(content)  # "fordern, dass die Schule mehr Lehrer bekommt"
        out = [_speaker_unit(unit, content, person, pronoun, ctx, reported=reported)]
        _frame_verb(out[0], tail, lemma)
        if deed:
            out.append(unit.derive(end_sentence(deed), ID, speaker=""))
        if statement is not None:
            out.insert(0, unit.derive(statement, ID, speaker=""))
        if description:  # "Ayşe Demir ist die Leiterin der Beratungsstelle."
            # "Die Leiterin des KI, Dr. Miriam Osei, betonte": the title between the commas stays with the name
            titles = [x.text for x in toks[len(description) + 1 : v] if x.text in TITLES]
            description[0] = description[0].lower()
            out.insert(0, unit.derive(titles + person.name.split() + ["ist"] + description + ["."], ID, speaker=""))
        return out
    return None


def _continued(unit: Unit, toks: list[Tok], ctx: Context) -> list[Unit] | None:
    """A Konjunktiv I main clause without a frame continues the report of the last speaker."""
    person = ctx.last_person
    if person is None or not toks or toks[0].text in QUOTES_OPEN or toks[-1].text == "?":
        return None  # a question is nobody's reported statement
    inside = quoted([t.text for t in toks])  # ("eine Nachricht wie „Ich sehe das auch so“": a quoted example)
    if any(t.tag in ("PPER", "PRF") and (t.text.lower() in ("ich", "wir") or (t.text == "Sie" and k > 0))
           and k not in inside for k, t in enumerate(toks)):
        return None  # "Ich würde …": someone speaks for themselves (an interview answer), no report
    if len(toks) > 2 and toks[1].text == ":" and toks[0].tag in ("NN", "NE"):
        return None  # "Frage: …", "Lange: …": an interview's label says who speaks
    colon = next((k for k, t in enumerate(toks) if t.text == ":"), None)
    if colon is not None and any(t.is_finite for t in toks[:colon]) and any(t.tag == "NE" for t in toks[:colon]):
        return None  # "Schulleiter Thomas Reuter zeigte sich stolz: Selten habe er …": he frames it himself
    low = [t.text.lower() for t in toks]
    if "laut" in low or "zufolge" in low or any(low[k : k + 2] == ["nach", "angaben"] for k in range(len(low))):
        return None  # "Laut Feuerwehr sei der Brand gelöscht": the sentence names its own source
    if "es" in low[:12] and any(t.lemma == "heißen" and t.is_finite for t in toks[:12]):
        return None  # "Am Ende hieß es: man wolle …": an impersonal source, nobody's continued report
    first_fin = next((t for t in toks if t.is_finite), None)
    if first_fin is None:
        return None
    commas = top_level_commas(toks)
    if commas:
        frame = [t for t in toks[commas[-1] + 1 :] if t.text not in SENT_END]
        if len(frame) >= 2 and frame[0].is_finite and len(frame) <= 4 and all(
                t.tag == "NE" or t.text in TITLES for t in frame[1:]):
            return None  # "…, monierte Kolbe.": a frame with a name of its own, whatever its verb
    if first_fin is toks[0] and first_fin.text.lower() in ("sollte", "sollten") and any(t.text == "," for t in toks):
        comma = next(k for k, t in enumerate(toks) if t.text == ",")
        if not any(t.is_finite and (m := konjunktiv(t.text, t.lemma)) is not None and m.kind == "konj1"
                   for t in toks[comma:]):
            return None  # "Sollte sich das Modell bewähren, wollen …": a condition, not a report ("…, müsse man" is)
    mood = konjunktiv(first_fin.text, first_fin.lemma)
    if mood is None and is_speech_verb(first_fin, toks, toks.index(first_fin)) and not any(
            t.is_finite for t in toks[: toks.index(first_fin)]):
        return None  # "Deren Chef, Klaus Wolf, sagte, er habe …": the sentence has its own speaker
    last = toks[commas[-1] + 1] if commas and commas[-1] + 1 < len(toks) else None
    if commas and not any(t.is_finite for t in toks[: commas[0]]) and last is not None and last.is_finite and \
            konjunktiv(last.text, last.lemma) is None and last.tag.startswith("VV"):
        return None  # "Kritik, die Gemeinde wolle …, wies er zurück": the narrator reports, the main verb says so
    first_clause = [t for t in toks[: commas[0]] if t.is_word] if commas else []
    if mood is None and first_clause and first_clause[-1] is first_fin:
        return None  # "Die Fraktionen argumentierten, Sprache sei wichtig": a frame of its own (unknown verb)
    if mood is None:
        # "Viele gingen zur Arbeit, die Gesellschaft profitiere davon": a Konjunktiv I later in the
        # sentence shows the report when the first verb looks like an indicative (a main clause's verb:
        # "…, zu dem die Gemeinde einlade" or "…, ob es Streit gebe" is no report of the sentence)
        main = _main_clause_verbs(toks)
        mood = next((m for t in main if t is not first_fin
                     for m in [konjunktiv(t.text, t.lemma)] if m is not None and m.kind == "konj1"), None)
        reporting = ctx.block_index in (ctx.last_speech_block, ctx.last_report_block)
        if mood is None and reporting and _preterite_as_konj2(first_fin) and (
                any(t.text.lower() in _NOW for t in toks) or (first_fin.tag.startswith("VM") and any(
                    t.text.lower() in _FUTURE for t in toks)) or (any(t.text.lower() in _GENERIC for t in toks)
                                                              and not any(t.text.lower() in _PAST_CUES for t in toks))):
            # "Zu seinen Kunden gehörten mittlerweile auch …", "Die meisten Vermieter handelten nicht aus
            # böser Absicht", "Aus Angst schwiegen sie oft monatelang": what is so now or as a rule
            mood = Mood("konj2", 2, first_fin.text)
        if mood is None and ctx.last_speech_block == ctx.block_index and first_fin.lemma == "sollen" and \
                _preterite_as_konj2(first_fin) and any(t is first_fin for t in main):
            mood = Mood("konj2", 2, first_fin.text)  # "Die Lotsen sollten daher erreichbar sein": a demand reported
        if mood is None and reporting and _preterite_as_konj2(first_fin):
            # "Viele fühlten sich einsam, weil es kaum Treffpunkte gebe": a Konjunktiv I in the reason shows
            # that the whole sentence is reported
            mood = next((m for k, t in enumerate(toks) if k > 0 and toks[k - 1].text == "," and t.tag == "KOUS"
                         and t.text.lower() in ("weil", "da", "denn") for x in toks[k + 1 :] if x.is_finite
                         for m in [konjunktiv(x.text, x.lemma)] if m is not None and m.kind == "konj1"), None)
        if mood is None and ctx.last_speech_block == ctx.block_index and _preterite_as_konj2(first_fin):
            # "Viele lebten allein und hätten kaum Kontakt": an unambiguous Konjunktiv II in the same
            # sentence shows that the preterite-looking form is one too
            mood = next((m for t in main if t is not first_fin for m in [konjunktiv(t.text, t.lemma)]
                         if m is not None and m.kind == "konj2" and not _preterite_as_konj2(t)), None)
        if mood is None and reporting and _preterite_as_konj2(first_fin):
            # "In ihrem Team arbeiteten 23 Pflegekräfte, die neun Sprachen sprächen": a Konjunktiv in a
            # relative clause of the sentence shows that the whole sentence is reported
            # (a Konjunktiv II of sein, haben or a modal may be unreal: "…, ohne die das Projekt unmöglich wäre")
            relative = [t for k, t in enumerate(toks) if _in_relative_clause(toks, k)]
            found = next((m for t in relative if t is not first_fin and t.is_finite
                          for m in [konjunktiv(t.text, t.lemma)]
                          if m is not None and (m.kind == "konj1" or (
                              not _preterite_as_konj2(t) and not t.tag.startswith(("VA", "VM"))))), None)
            # (the Konjunktiv there is evidence enough, as a Konjunktiv I would be)
            mood = Mood("konj1", 2, first_fin.text) if found is not None else None
    if mood is None:
        return None
    # Konjunktiv II stands for Konjunktiv I in reported speech, right after a reported statement, or after
    # the person was named in this paragraph when the form cannot be a past ("hätten", "wären", "käme")
    if mood.kind != "konj1" and first_fin.lemma != "werden" and ctx.last_speech_block != ctx.block_index and not (
            ctx.last_person_block == ctx.block_index and not _preterite_as_konj2(first_fin)) and not (
            ctx.last_report_block == ctx.block_index and any(t.text.lower() in _NOW for t in toks)):
        return None
    # a report continued without a frame is reported speech throughout: "gingen" next to "seien" is the
    # Konjunktiv II standing for the present, not a past
    quoting = any(t.text in QUOTES_OPEN for t in toks)
    # the sentence before is where another antecedent could be, unless the speaker spoke as "ich" there: then
    # the pronoun goes on with the subject of that sentence ("Ich habe eine Empfehlung bekommen. Deshalb habe
    # sie …" is still the mother)
    before = [] if ctx.first_person_speaker == person.name or not ctx.previous_sentence else \
        analyze(ctx.previous_sentence)
    if quoting:
        spoken = None
    elif _several(person):
        spoken = to_first_person_plural(toks, before, _name_words(person)) if _says(person.name) == "sagen" else \
            to_first_person(toks, before, _body_genus(person), _name_words(person), body=True)
    else:
        gender = _gender(person)
        if not gender and (gender := _only_candidate([t.text for t in toks], person, ctx)):
            person.gender = gender  # "…, berichtete Thomas Keller. Er sei sehr beeindruckt."
        spoken = to_first_person(toks, before, gender, _name_words(person),
                                 continuing=ctx.first_person_speaker == person.name)
    ctx.first_person_speaker = person.name if spoken else ""
    new = unit.derive(spoken or list(unit.tokens), ID, speaker=ctx.speaker_name(person), reported=not quoting)
    _note_pronouns(new)
    if person is not ctx.current_speaker or ctx.last_speech_block != ctx.block_index:
        new.comment(ID, _AUTO, [person.name])  # continuing the same speaker's report needs no new check
    ctx.current_speaker = person
    ctx.last_speech_block = ctx.block_index
    ctx.counts[ID] += 1
    return [new]


#: adverbs of the present: with them a preterite-looking form in a report is the Konjunktiv II
_NOW = {"mittlerweile", "inzwischen", "heute", "jetzt", "derzeit", "zurzeit", "momentan", "gegenwärtig", "aktuell"}
#: words of the future: a preterite-looking modal beside them ("wollten im nächsten Jahr wiederkommen") after
#: a report is its Konjunktiv II (a full verb may tell a past: "spielten im nächsten Jahr wieder")
_FUTURE = {"nächsten", "nächste", "nächstes", "kommenden", "kommende", "kommendes", "künftig", "demnächst",
           "bald", "morgen", "übermorgen"}
#: words of what holds as a rule (frequency, most of a group): in a report, like _NOW
_GENERIC = {"oft", "häufig", "oftmals", "meist", "meistens", "selten", "regelmäßig", "meisten", "manche", "mancher"}
#: words that put a sentence in the past; a preterite beside them is the narrator's
_PAST_CUES = {"gestern", "vorgestern", "damals", "letzten", "letzte", "letzter", "vergangenen", "vergangene",
              "früher", "zuvor", "anschließend", "danach", "später", "am", "abends", "morgens"}
_SUBORDINATE_START = {"KOUS", "PRELS", "PRELAT", "PWS", "PWAV", "KOUI"}


def _preterite_as_konj2(verb: Tok) -> bool:
    """A finite form that is both preterite and Konjunktiv II ("gehörten", "lebten")."""
    table = verb_table(verb.lemma)
    low = verb.text.lower()
    return table is not None and low in table.preterite and low in table.konj2


def _main_clause_verbs(toks: list[Tok]) -> list[Tok]:
    """The finite verbs outside subordinate clauses (a comma segment that starts with a subordinating
    word, a relative pronoun or a preposition + relative pronoun, or "ob")."""
    out = []
    start = 0
    subordinate = False
    for end in top_level_commas(toks) + [len(toks)]:
        seg = toks[start:end]
        start = end + 1
        if not seg:
            continue
        first = seg[0]
        if first.tag in ("ADV", "PTKNEG") and len(seg) > 1 and seg[1].tag in _SUBORDINATE_START:
            first = seg[1]  # "…, nämlich dass …", "…, auch wenn …", "…, nicht weil …"
        words = [t for t in seg if t.is_word]
        if subordinate and first.text.lower() in ("aber", "sondern", "und", "oder") and words and words[-1].is_finite and not any(
                t.is_finite for t in words[:-1]):
            continue  # "dass Technik helfen, aber nicht ersetzen solle": the clause goes on to its verb
        subordinate = first.tag in _SUBORDINATE_START or first.text.lower() == "ob" or (
            first.tag.startswith("APPR") and len(seg) > 1 and seg[1].tag in ("PRELS", "PWS", "PWAV"))
        if subordinate:
            continue
        out.extend(t for t in seg if t.is_finite)
    return out


def _wie_frame(unit: Unit, toks: list[Tok], ctx: Context) -> list[Unit] | None:
    """"Wie der Vorsitzende Jürgen Albers berichtete, ist die Zahl gestiegen." → "Der Vorsitzende Jürgen
    Albers sagt: Die Zahl ist gestiegen." The main clause after the comma starts with its verb; its
    subject goes first again."""
    if not toks or toks[0].text != "Wie" or toks[-1].text == "?":
        return None
    commas = top_level_commas(toks)
    if not commas or commas[0] < 3:
        return None
    c = commas[0]
    v = next((k for k in range(c - 1, 0, -1) if toks[k].is_finite), None)
    if v is None or not is_speech_verb(toks[v], toks, v) or any(t.is_finite for t in toks[v + 1 : c]):
        return None
    from lesbar.simplify.rules.adverbials import time_blocks

    when = next(((a, b) for a, b in time_blocks(toks[:v]) if b == v and a > 2), None)
    s_end = when[0] if when else v  # "Wie die Agentur für Arbeit am Donnerstag mitteilte": the time is no speaker
    person, pronoun, subject_end = _subject(toks, 1, s_end, ctx)
    if person is None:
        # "Wie ein Sprecher der Stadt mitteilte, …", "Wie die Stadt mitteilte, …"
        person, _ = _described_speaker(toks[1:], s_end - 1, ctx)
        person = person or _institution(toks, 1, s_end, ctx)
        pronoun, subject_end = False, s_end
    if person is None or subject_end != s_end:
        return None
    main = strip_end(toks[c + 1 :])
    if not main or not main[0].is_finite or any(t.text in QUOTES_OPEN for t in main):
        return None
    found = subject_after_verb(main, 0)
    if found is None:
        return None
    lead, s0, s1 = found
    content = ([t.text for t in main[s0:s1]] + [main[0].text] + [t.text for t in main[lead:s0]]
               + [t.text for t in main[s1:]] + ["."])
    new = _speaker_unit(unit, content, person, pronoun, ctx)
    if when:
        new.speech_tail = [t.text for t in toks[when[0] : when[1]]]  # "… sagt am Donnerstag:"
    return [new]


def _quotes_balanced(toks: list[Tok]) -> bool:
    """False when a quotation runs over the sentence boundary (opened here and closed in a later sentence, or
    closed here after it opened in an earlier one): framing only this part with "X sagt:" would put the
    speaker in the middle of the quotation."""
    return quote_balance([t.text for t in toks]) == 0


def _closing_frame(unit: Unit, toks: list[Tok], ctx: Context) -> list[Unit] | None:
    """"… gesprochen“, hat er angemerkt.": the last sentence of a quotation that began in an earlier
    sentence, with the frame after it. Only the frame after the closing mark is read; the engine gives
    the speaker to the quotation's earlier sentences (and names him before the quotation)."""
    closing = [i for i, t in enumerate(toks) if t.text in QUOTES_CLOSE]
    if any(t.text in QUOTES_OPEN for t in toks) or len(closing) != 1:
        return None
    return _trailing_frame(unit, toks, ctx, after=closing[0])


#: frame verbs whose statement is a demand: "Die Eltern fordern: Die Schule soll mehr Lehrer bekommen."
_DEMANDS = {"fordern", "verlangen"}
#: speech verbs with a dative of the listener ("erzählte den Gästen")
_TELLING = {"erzählen", "erklären", "sagen", "berichten", "versichern", "mitteilen", "verraten", "zurufen"}


def _as_demand(content: list[str]) -> list[str]:
    """"Die Schule bekommt mehr Lehrer." after "fordern" would read as a fact: the demand gets "soll"/
    "sollen" and the verb's infinitive at the end. Statements with a modal verb, several clauses or a
    quotation stay as they are."""
    toks = analyze(content)
    if any(t.text in QUOTES_OPEN or t.text in (",", ":", ";") for t in toks):
        return content
    fins = [k for k, t in enumerate(toks) if t.is_finite]
    if len(fins) != 1 or toks[fins[0]].tag.startswith("VM") or fins[0] == 0:
        return content
    f = fins[0]
    verb = toks[f]
    if any(t.tag.endswith(("(PP)", "(INF)")) for t in toks[f + 1 :]):
        return content  # "wird … gebaut", "hat … beschlossen": left as written
    particle = next((k for k in range(f + 1, len(toks)) if toks[k].tag == "PTKVZ"), None)
    infinitive = (toks[particle].text.lower() if particle is not None else "") + verb.lemma
    if verb_table(infinitive) is None:
        return content
    plural = verb.text.lower().endswith("en") or verb.text.lower() == "sind"
    words = [t.text for k, t in enumerate(toks) if k != particle]
    end = len(words)
    while end > 0 and words[end - 1] in SENT_END:
        end -= 1
    words[f] = "sollen" if plural else "soll"
    return words[:end] + [infinitive] + words[end:]


def _institution(toks: list[Tok], start: int, end: int, ctx: Context) -> Person | None:
    """"die Stadt", "die VHS", "der Caritasverband": an institution as the speaker of a frame, when the
    words from ``start`` to ``end`` are just that noun phrase."""
    words = [t for t in toks[start:end] if t.tag != "PTKVZ"]
    if not (1 < len(words) <= 4 and words[0].tag == "ART" and words[0].text.lower() in ("der", "die", "das")
            and all(t.tag in ("ADJ(A)", "NN", "NE") for t in words[1:]) and words[-1].tag in ("NN", "NE")):
        return None
    person = Person(" ".join([words[0].text.capitalize()] + [t.text for t in words[1:]]))
    ctx.persons.append(person)
    return person


#: quantifiers before a group that speaks ("Andere Besucher hielten dagegen, …")
_GROUP_WORDS = {"Viele", "Einige", "Andere", "Mehrere", "Manche", "Zahlreiche", "Etliche", "Wenige"}


def _group(toks: list[Tok], start: int, end: int, ctx: Context) -> Person | None:
    """"Spieler der unterlegenen Mannschaften", "andere Besucher": a group of people without article as the
    speaker of a frame, when the words from ``start`` to ``end`` are just that noun phrase (a genitive
    after it is written with "von")."""
    words = [t for t in toks[start:end] if t.tag != "PTKVZ" and t.text not in SENT_END]
    k = 1 if words and words[0].text.capitalize() in _GROUP_WORDS else 0
    while k < len(words) and words[k].tag == "ADJ(A)":
        k += 1
    if k >= len(words) or words[k].tag != "NN" or not (
            is_person_noun(words[k].text, "NN") or is_person_noun(words[k].lemma, "NN")):
        return None
    info = noun_info(words[k].lemma)
    if info is None or words[k].text not in info.number_forms("plural"):
        return None
    rest = words[k + 1 :]
    if rest and not (rest[0].text in ("der", "des") and (rest[-1].is_noun or rest[-1].tag == "CARD") and all(
            t.tag in ("ART", "ADJ(A)", "NN", "NE", "CARD") for t in rest)):
        return None
    name = [words[0].text.capitalize()] + [t.text for t in words[1 : k + 1]] + _dative_genitives(words[k:])
    person = Person(" ".join(name))
    ctx.persons.append(person)
    return person


def _so_frame(unit: Unit, toks: list[Tok], ctx: Context) -> list[Unit] | None:
    """"Das größte Problem sei der Busverkehr, so Maier." / "…, so die Leiterin weiter.": the source
    after "so" at the end is the speaker of what comes before."""
    body = strip_end(toks)
    commas = [c for c in top_level_commas(toks) if c + 2 < len(body) and body[c + 1].text.lower() == "so"]
    if not commas:
        return None
    c = commas[-1]
    after = [k for k in top_level_commas(toks) if k > c + 2]
    middle: tuple[Person | None, bool, int] = (None, False, 0)
    if after and c > 0 and not any(t.is_finite for t in body[c + 1 : after[0]]) and \
            any(t.is_finite or t.tag.endswith(("(PP)", "(INF)")) for t in body[after[0] :]):
        # "Auffällig sei, so Nkemelu, dass Frauen …": the frame in the middle names the speaker of the whole
        middle = _subject(body, c + 2, after[0], ctx)
        if middle[0] is None and (institution := _institution(body, c + 2, after[0], ctx)) is not None:
            middle = (institution, False, after[0])
    if middle[0] is not None and middle[2] == after[0]:
        person, pronoun, _ = middle
        nxt = after[0] + 1
        keep_comma = nxt < len(toks) and toks[nxt].tag in ("KOUS", "PRELS", "PWS", "PWAV", "KOUI")
        content = [t.text for t in toks[:c]] + [t.text for t in toks[after[0] if keep_comma else nxt :]]
        return [_speaker_unit(unit, content, person, pronoun, ctx,
                              reported=not any(w in QUOTES_OPEN for w in content))]
    if c == 0 or any(t.is_finite for t in body[c + 1 :]):
        return None
    end = len(body)
    while end > c + 2 and body[end - 1].text in _FRAME_ADVERBS | {"weiter", "abschließend"}:
        end -= 1
    extra: list[Unit] = []
    inner = [k for k in range(c + 2, end) if body[k].text == ","]
    if len(inner) == 1 and inner[0] + 2 <= end and all(t.tag == "NE" for t in body[inner[0] + 1 : end]):
        # "…, so die Leiterin der Beratungsstelle, Anna Berg": the name after the description
        names = [t.text for t in body[inner[0] + 1 : end]]
        person = ctx.find_person(names) or Person(" ".join(names))
        if person not in ctx.persons:
            ctx.persons.append(person)
        description = [t.text for t in body[c + 2 : inner[0]]]
        description[0] = description[0].lower()
        extra.append(unit.derive(names + ["ist"] + description + ["."], ID, speaker=""))
        pronoun = False
    else:
        person, pronoun, after = _subject(body, c + 2, end, ctx)
        if person is None and (person := _institution(body, c + 2, end, ctx)) is not None:
            pronoun, after = False, end  # "…, so die Stadt", "…, so die Polizei": an institution speaks
        if person is None or after != end:
            return None
    content = [t.text for t in toks[:c]]
    if content and content[-1] not in SENT_END | QUOTES_CLOSE:
        content.append(".")
    return extra + [_speaker_unit(unit, content, person, pronoun, ctx,
                                  reported=not any(w in QUOTES_OPEN for w in content))]


def _impersonal_at(toks: list[Tok]) -> int | None:
    """Index of the comma after an impersonal frame ("Am Ende hieß es, …", "Es heißt, …"), or None."""
    for k, t in enumerate(toks[:12]):
        if t.lemma != "heißen" or not t.is_finite:
            continue
        nxt = k + 1
        if nxt < len(toks) and toks[nxt].text == "es":
            nxt += 1  # "hieß es,"
        elif not (k > 0 and toks[k - 1].text in ("Es", "es")):
            return None  # "Das Fest heißt …": a name, no frame
        while nxt < len(toks) and toks[nxt].tag in ("ADV", "ADJ(D)") and toks[nxt].text != ",":
            nxt += 1  # "hieß es abschließend,"
        return nxt if nxt + 1 < len(toks) and toks[nxt].text == "," else None
    return None


def _impersonal_after(unit: Unit, toks: list[Tok]) -> list[Unit] | None:
    """"Kleinere Standorte seien geprüft worden, hieß es aus ihrer Fraktion, und hätten sich …": the
    impersonal frame after the statement goes in front of it ("Aus ihrer Fraktion hieß es: …")."""
    for c in top_level_commas(toks):
        if not (c > 2 and c + 2 < len(toks) and toks[c + 1].lemma == "heißen" and toks[c + 1].is_finite
                and toks[c + 2].text == "es"):
            continue
        end = segment_end(toks, c + 3)
        semicolon = next((k for k in range(c + 3, end) if toks[k].text == ";"), None)
        after: list[Unit] = []
        if semicolon is not None:  # "…, hieß es aus dem Kreishaus; ab Oktober solle …": a second statement
            second = [t.text for t in toks[semicolon + 1 :]]
            if len(second) < 3:
                return None
            after = [unit.derive(end_sentence([second[0][:1].upper() + second[0][1:]] + second[1:]), ID, speaker="")]
            toks, end = toks[:semicolon], semicolon
        source = [t.text for t in toks[c + 3 : end] if t.text not in SENT_END]
        if any(t.is_finite for t in toks[c + 3 : end]):
            return None
        rest = [t.text for t in toks[end + 1 :] if t.text not in SENT_END] if end < len(toks) and toks[end].text == "," else []
        if rest and not (rest[0] in ("und", "aber") and toks[end + 2].is_finite):
            return None  # something else follows the frame
        frame = ([source[0][:1].upper() + source[0][1:]] + source[1:] + [toks[c + 1].text, "es"]) if source \
            else ["Es", toks[c + 1].text]
        content = [t.text for t in toks[:c]] + rest
        if any(t.text == ":" for t in toks[:c]):
            # "Janssen widersprach: Die Standorte seien geprüft worden, hieß es aus ihrer Fraktion, und …": the
            # speaker is named already; the inserted frame goes
            return [unit.derive(content + ["."], ID)] + after
        if toks[0].tag not in ("NE", "NN", "NNA") and content[0] != "Sie":
            content[0] = content[0][:1].upper() + content[0][1:]
        return [unit.derive(frame + [":"] + content + ["."], ID, speaker="")] + after
    return None


def _impersonal_frame(unit: Unit, toks: list[Tok]) -> list[Unit] | None:
    """"Am Ende der Veranstaltung hieß es, man wolle …" names no speaker: nobody can be named in front of
    it, and it is nobody's continued report. The comma becomes a colon before the statement ("…  hieß es:
    Man will …"), which the later rules treat like any statement after a colon."""
    c = _impersonal_at(toks)
    if c is None:
        return _impersonal_after(unit, toks)
    rest = toks[c + 1 :]
    if rest and rest[0].text in ("dass", "daß"):
        end = segment_end(toks, c + 2)
        content = to_v2(toks[c + 2 : end]) + [t.text for t in toks[end:]]
    elif rest and (rest[0].tag in ("KOUS", "PRELS", "PWS", "PWAV") or not any(t.is_finite for t in rest)):
        return None
    else:
        content = [t.text for t in rest]
    if content and content[0] not in ("Sie",) and rest[0].tag not in ("NE", "NN", "NNA"):
        content[0] = content[0][:1].upper() + content[0][1:]
    return [unit.derive([t.text for t in toks[:c]] + [":"] + content, ID, speaker="")]


def apply(unit: Unit, ctx: Context) -> list[Unit] | None:
    if unit.speaker or unit.kind != "sentence":
        return None
    toks = unit.toks()
    impersonal = _impersonal_frame(unit, toks)
    if impersonal is not None:
        if len(impersonal) == 1 and not any(w in ("hieß", "heißt") for w in impersonal[0].tokens):
            # the inserted frame went; the speaker's own frame before the colon is still to read. What
            # follows the colon is that sentence's subject's, never a continued report of someone else
            rest = impersonal[0].toks()
            return (_wie_frame(impersonal[0], rest, ctx) or _trailing_frame(impersonal[0], rest, ctx)
                    or _so_frame(impersonal[0], rest, ctx) or _leading_frame(impersonal[0], rest, ctx) or impersonal)
        return impersonal
    if not _quotes_balanced(toks):
        result = _closing_frame(unit, toks, ctx)
        if result is None:
            note_persons(toks, ctx)
        return result
    result = (_wie_frame(unit, toks, ctx) or _trailing_frame(unit, toks, ctx) or _so_frame(unit, toks, ctx)
              or _leading_frame(unit, toks, ctx) or _continued(unit, toks, ctx))
    if result is not None:
        result = _keep_age(unit, toks, result, ctx)
    else:
        ctx.first_person_speaker = ""  # a sentence of the narrator in between: the chain of "ich" ends
    if result is None:
        note_persons(toks, ctx)
        if ctx.last_person_block == ctx.block_index and any(is_speech_verb(t, toks, k) for k, t in enumerate(toks)):
            ctx.last_report_block = ctx.block_index  # "berichtete von ihrer Gemeinde": a report follows
    return result


#: a frame's adverbs of habit or of the past: with them the frame stays in the past ("hat oft erzählt",
#: "haben gestern gewarnt")
_HABITUAL = {"später", "gern", "gerne", "oft", "häufig", "immer", "stets", "damals", "früher", "einst",
             "wiederholt", "mehrfach", "mehrmals", "öfter", "gestern", "vorgestern", "kürzlich", "neulich", "jüngst",
             "seinerzeit", "vergangenen", "vergangene", "letzten", "letzte", "vorigen", "vorige", "vorher", "zuvor"}


def _frame_verb(unit: Unit, tail: list[str], lemma: str) -> None:
    """The frame's verb and circumstances on a statement: "sagt" or a verb that keeps its meaning, in the
    present; in the perfect where the circumstances are habitual or past ("erzählte er später gern",
    "warnten gestern"), since "sagt gestern" or "sagt später gern" would change the time."""
    unit.speech_tail = tail
    unit.speech_verb = lemma if lemma in FRAME_VERBS else ""
    table = verb_table(lemma)
    dated = any(w[:1].isupper() and is_time_word(w) or (w[:1].isdigit() and w.endswith(".")) for w in tail)
    # ("am Montag", "am 3. Mai": a day that is past; "vor rund 60 Gästen" is no date)
    if (dated or any(w.lower() in _HABITUAL for w in tail)) and table is not None and table.participle and \
            table.auxiliary == "haben":
        unit.speech_tail = tail + [table.participle]
        unit.speech_verb = PERFECT + lemma
#: marks ``Unit.speech_verb`` of a frame in the perfect: the participle ends ``speech_tail``
PERFECT = "perfect:"

#: frame verbs whose meaning the plain "sagt" would lose ("widersprach" says that someone disagrees):
#: lemma → (singular, plural) present forms used in the frame
FRAME_VERBS = {"fordern": ("fordert", "fordern"), "kritisieren": ("kritisiert", "kritisieren"),
               "bemängeln": ("kritisiert", "kritisieren"), "widersprechen": ("widerspricht", "widersprechen"),
               "warnen": ("warnt", "warnen"), "antworten": ("antwortet", "antworten"),
               "entgegnen": ("antwortet", "antworten"), "versprechen": ("verspricht", "versprechen"),
               "loben": ("lobt", "loben"), "dagegenhalten": ("widerspricht", "widersprechen"),
               "entgegenhalten": ("widerspricht", "widersprechen"), "verlangen": ("fordert", "fordern"),
               "schätzen": ("schätzt", "schätzen"), "hoffen": ("hofft", "hoffen"),
               "befürchten": ("befürchtet", "befürchten"), "vermuten": ("vermutet", "vermuten"),
               "empfehlen": ("empfiehlt", "empfehlen"), "raten": ("rät", "raten")}


def says(speaker: str, verb: str = "") -> str:
    """"sagt" or, for several speakers, "sagen": "Die Eltern sagen:", "Die Grünen sagen:", "Anna Berg und
    Peter Koch sagen:" (the frame must agree with its subject). ``verb``: the frame's own verb when "sagt"
    would lose its meaning ("Karl Ott widerspricht:")."""
    said = _says(speaker)
    if verb.startswith(PERFECT):
        return "hat" if said == "sagt" else "haben"  # "Hüseyin Aksoy hat später gern erzählt:"
    if verb in FRAME_VERBS:
        return FRAME_VERBS[verb][0 if said == "sagt" else 1]
    return said


def _says(speaker: str) -> str:
    words = speaker.split()
    if "und" in words:
        return "sagen"
    if words and words[0] in _GROUP_WORDS:
        return "sagen"  # "Andere Besucher sagen:"
    if words and words[0].lower() != "die":
        first = analyze(words)
        info = noun_info(first[0].lemma) if first[0].tag == "NN" else None
        if info is not None and not any(t.tag == "NE" for t in first) and words[0] in info.number_forms("plural") \
                and words[0] not in roles() and not (len(first) == 1 and _double_surname(first[0])):
            return "sagen"  # "Spieler von den unterlegenen Mannschaften sagen:": a bare noun is a plural
        return "sagt"
    if not words:
        return "sagt"
    # "Die Teil-Nehmerinnen" (the compound rule has split the speaker): the noun as one word
    joined = [re.sub(r"-([A-ZÄÖÜ])", lambda m: m.group(1).lower(), w) for w in words]
    toks = analyze([j if j != w and is_known_noun(j) else w for w, j in zip(words, joined, strict=True)])
    nouns = [t for t in toks if t.tag in ("NN", "NNA")]
    if nouns and nouns[0].tag == "NNA":
        return "sagen" if nouns[0].text.endswith("en") else "sagt"  # "Die Grünen", "Die Verantwortlichen"
    if not nouns:
        return "sagt"
    noun = nouns[0]
    info = noun_info(noun.lemma)
    if info is None:
        # "Die Grünen", "Die Verantwortlichen": an adjective used as a noun; "die" + "-en" is its plural
        return "sagen" if noun.text.endswith("en") else "sagt"
    plural = noun.text in info.number_forms("plural")
    singular = noun.text in info.number_forms("singular")
    return "sagen" if plural and (not singular or info.genus in ("m", "n")) else "sagt"
