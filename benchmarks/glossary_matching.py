"""Benchmark: glossary matching on a whole report with a generated 2,000-entry glossary.

Compares lesbar's matcher (token index, one dictionary lookup per candidate length) with a naive baseline
measured in the same run: one precompiled case-insensitive regular expression per surface form, each scanned
over the whole text, overlaps then resolved longest-first. Both get the same forms, so the numbers compare
the matching strategy, not the form generation.

    .venv/bin/python benchmarks/glossary_matching.py [--entries 2000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "integrationskonferenz_ocr.txt"

PARTS = ["Integrations", "Migrations", "Kreis", "Jugend", "Familien", "Sozial", "Bildungs", "Sprach", "Arbeits",
         "Gesundheits", "Wohnungs", "Schul", "Kinder", "Senioren", "Frauen", "Beratungs", "Verwaltungs", "Bürger",
         "Ehrenamts", "Flüchtlings", "Kultur", "Sport", "Umwelt", "Verkehrs", "Stadt", "Landes", "Bundes", "Rats",
         "Gemeinde", "Wirtschafts", "Förder", "Projekt", "Netzwerk", "Quartiers", "Sicherheits", "Pflege",
         "Ausbildungs", "Berufs", "Eltern", "Mieter", "Nachbarschafts", "Hilfs", "Notfall", "Kommunal", "Teilhabe",
         "Inklusions", "Gleichstellungs", "Vereins", "Stiftungs", "Haushalts", "Planungs", "Personal", "Presse",
         "Dolmetscher", "Anerkennungs"]
HEADS = [("kurs", "m"), ("amt", "n"), ("beratung", "f"), ("zentrum", "n"), ("stelle", "f"), ("behörde", "f"),
         ("programm", "n"), ("konferenz", "f"), ("rat", "m"), ("ausschuss", "m"), ("dienst", "m"), ("büro", "n"),
         ("verband", "m"), ("netz", "n"), ("plan", "m"), ("bericht", "m"), ("fonds", "m"), ("agentur", "f"),
         ("management", "n"), ("forum", "n"), ("projekt", "n"), ("konzept", "n"), ("träger", "m"), ("leitung", "f"),
         ("gesetz", "n"), ("verordnung", "f"), ("antrag", "m"), ("bescheid", "m"), ("karte", "f"), ("geld", "n"),
         ("gruppe", "f"), ("zuschuss", "m"), ("satzung", "f"), ("team", "n"), ("portal", "n"), ("messe", "f"),
         ("prüfung", "f"), ("vertrag", "m"), ("kreis", "m"), ("tag", "m")]
ADJECTIVES = ["Kommunales", "Regionales", "Interkulturelles", "Digitales", "Soziales", "Öffentliches"]


def generate_glossary(count: int, path: Path, rng: random.Random) -> None:
    combos = [(p + h, g) for p, (h, g) in itertools.product(PARTS, HEADS)]
    rng.shuffle(combos)
    lines = ["glossary:", "  name: Benchmark", "entries:"]
    made = 0
    for i, (word, gender) in enumerate(combos):
        if made >= count:
            break
        term = word[0].upper() + word[1:]
        if i % 7 == 0:
            adjective = ADJECTIVES[i % len(ADJECTIVES)]
            if gender == "f":
                adjective = adjective[:-1]
            elif gender == "m":
                adjective = adjective[:-2] + "er"
            term = f"{adjective} {term}"
        lines += [f"  - id: e{made}", f"    term: {term}", f"    gender: {gender}"]
        if i % 5 == 0:
            abbreviation = "".join(ch for ch in term if ch.isupper()) + str(made % 10)
            lines.append(f"    abbreviations: [{abbreviation}]")
        lines.append(f"    targets: {{en: term {made}}}")
        made += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def generate_report(glossary, words: int, rng: random.Random) -> str:  # type: ignore[no-untyped-def]
    """The sample report, then generated sentences mixing glossary terms (some inflected) with filler text."""
    base = SEED.read_text(encoding="utf-8") if SEED.exists() else ""
    filler = ("Die Teilnehmenden sprachen am Nachmittag lange über die Zusammenarbeit vor Ort und über neue "
              "Wege für die Menschen in der Region").split()
    terms = [e.term for e in glossary.entries]
    out = [base]
    count = len(base.split())
    while count < words:
        term = rng.choice(terms)
        if rng.random() < 0.3 and not term.endswith(("e", "s")):
            term += "s"
        sentence = " ".join(rng.sample(filler, 8)) + f" im {term} " + " ".join(rng.sample(filler, 6)) + "."
        out.append(sentence[0].upper() + sentence[1:])
        count += len(sentence.split())
    return "\n".join(out)


def naive_matcher(glossary):  # type: ignore[no-untyped-def]
    from lesbar.glossary.forms import entry_forms

    patterns = []
    for entry in glossary.entries:
        for form in entry_forms(entry):
            patterns.append((re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)", re.IGNORECASE), entry))
        for abbreviation in entry.abbreviations:
            patterns.append((re.compile(r"(?<!\w)" + re.escape(abbreviation) + r"(?!\w)"), entry))

    def match(text: str) -> list[tuple[int, int, str]]:
        found = []
        for pattern, entry in patterns:
            for m in pattern.finditer(text):
                found.append((m.start(), m.end(), entry.id))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        result, end = [], -1
        for start, stop, entry_id in found:
            if start >= end:
                result.append((start, stop, entry_id))
                end = stop
        return result

    return match, len(patterns)


def alternation_matcher(glossary):  # type: ignore[no-untyped-def]
    """A stronger reference: one regex alternation of all forms (longest first), abbreviations separately."""
    from lesbar.glossary.forms import entry_forms

    forms = sorted({f for e in glossary.entries for f in entry_forms(e)}, key=len, reverse=True)
    abbreviations = sorted({a for e in glossary.entries for a in e.abbreviations}, key=len, reverse=True)
    terms = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)", re.IGNORECASE)
    abbrs = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, abbreviations)) + r")(?!\w)")

    def match(text: str) -> int:
        return len(terms.findall(text)) + len(abbrs.findall(text))

    return match


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--words", type=int, default=8000, help="report length in words")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from lesbar.glossary import load_glossaries
    from lesbar.glossary.forms import FormCache

    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "benchmark.yaml"
        generate_glossary(args.entries, path, rng)
        glossary = load_glossaries([path])
        glossary._form_cache = FormCache(Path(tmp) / "forms.json")  # cold cache: measure the real build
        text = generate_report(glossary, args.words, rng)

        start = time.perf_counter()
        matcher = glossary.matcher()
        build = time.perf_counter() - start
        fast_times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            fast = glossary.match(text)
            fast_times.append(time.perf_counter() - start)

        naive, pattern_count = naive_matcher(glossary)
        naive_times = []
        for _ in range(max(1, args.repeat // 2)):
            start = time.perf_counter()
            slow = naive(text)
            naive_times.append(time.perf_counter() - start)

        alternation = alternation_matcher(glossary)
        start = time.perf_counter()
        alternation_count = alternation(text)
        alternation_ms = (time.perf_counter() - start) * 1000

    fast_ms = statistics.median(fast_times) * 1000
    naive_ms = statistics.median(naive_times) * 1000
    fast_spans = {(m.start, m.end, m.entry.id) for m in fast}
    slow_spans = set(slow)
    agree = len(fast_spans & slow_spans) / max(1, len(fast_spans | slow_spans))
    print(f"glossary: {len(glossary)} entries, {len(matcher)} indexed forms; report: {len(text.split())} words, "
          f"{len(text)} characters")
    print(f"index build (cold form cache, once per run): {build * 1000:.0f} ms")
    print(f"lesbar matcher: {fast_ms:.1f} ms per report ({len(fast)} matches, median of {args.repeat})")
    print(f"naive baseline (one regex per form, {pattern_count} patterns): {naive_ms:.0f} ms per report "
          f"({len(slow)} matches)")
    print(f"reference: one regex alternation of all forms: {alternation_ms:.0f} ms per report "
          f"({alternation_count} matches) = {alternation_ms / fast_ms:.1f}x the matcher's time")
    print(f"speed-up over the naive baseline: {naive_ms / fast_ms:.0f}x; same matches: {agree:.1%} "
          "(differences: the matcher's capitalisation rule for head nouns and compound-part forms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
