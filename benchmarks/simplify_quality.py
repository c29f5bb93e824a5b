"""Quality and speed of the Leichte/Einfache Sprache drafts on the sample report and our own texts.

Run: ``.venv/bin/python benchmarks/simplify_quality.py`` (about a minute). Prints one table per level
with the issue's targets, then the speed: simplifying a report (warm, models loaded) against a
baseline measured in the same run (tokenising and tagging the same report once).
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lesbar.model import Document  # noqa: E402
from lesbar.simplify import check_document, simplify_document  # noqa: E402
from lesbar.simplify.analysis import analyze, tokenize  # noqa: E402
from lesbar.simplify.checker import fragment_sentences  # noqa: E402
from lesbar.simplify.plaintext import document_from_text  # noqa: E402
from lesbar.simplify.readability import scores, words_of  # noqa: E402
from lesbar.simplify.resources import abbreviations  # noqa: E402

OWN = ROOT / "tests" / "simplify" / "data"
SEED_DOCX = ROOT / "samples" / "integrationskonferenz.docx"
SEED_TXT = ROOT.parent / "shared" / "seed" / "integrationskonferenz_ocr.txt"


def documents() -> list[tuple[str, Document]]:
    docs: list[tuple[str, Document]] = []
    if SEED_DOCX.exists():
        from lesbar.readers import read_document
        from lesbar.transforms.segment import segment_document

        docs.append(("seed (docx)", segment_document(read_document(SEED_DOCX))))
    elif SEED_TXT.exists():
        docs.append(("seed (ocr txt)", document_from_text(SEED_TXT.read_text(encoding="utf-8"))))
    for path in sorted(OWN.glob("*.txt")):
        docs.append((path.stem, document_from_text(path.read_text(encoding="utf-8"))))
    return docs


def body(doc: Document) -> list[str]:
    frag = fragment_sentences(doc)
    return [s.text for s in doc.sentences() if id(s) not in frag and s.text.strip() and s.text != "Wörterbuch"]


def facts(doc: Document) -> set[str]:
    """Names (NE tokens), numbers and years: what must survive simplification."""
    out: set[str] = set()
    table = abbreviations()
    for text in body(doc):
        for t in analyze(tokenize(text)):
            if t.tag == "NE" and len(t.text) > 2 and not t.text.isupper() and t.text not in table:
                out.add(t.text)
            elif re.fullmatch(r"\d+([.,]\d+)?", t.text):
                out.add(t.text)
    return out


def lost(original: Document, draft: Document) -> list[str]:
    text = " ".join(s.text for s in draft.sentences())
    plain = text.replace("-", "").replace(".", "").replace(":", "")  # "11.30 Uhr" is kept as "11:30 Uhr"

    def kept(f: str) -> bool:
        if f in text or f.replace(".", "") in plain:
            return True
        # a name in the genitive is kept in the dative: "des Rhein-Sieg-Kreises" → "vom Rhein-Sieg-Kreis"
        return any(f.endswith(end) and re.search(rf"\b{re.escape(f[: -len(end)])}\b", text) for end in ("es", "s"))

    return sorted(f for f in facts(original) if not kept(f))


def count(report: dict, rule: str) -> int:
    return sum(1 for s in report["sentences"] for f in s["findings"] if f["rule"] == rule)


def row(name: str, doc: Document, level: str, glossary) -> list[str]:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    outcome = simplify_document(doc, level, glossary)
    seconds = time.perf_counter() - t0
    new = outcome.document
    check = check_document(new, level, glossary)
    lengths = [len(words_of(t)) for t in body(new)]
    limit = 15 if level == "leicht" else 20
    before = scores(body(doc)).flesch_amstad
    after = scores(body(new)).flesch_amstad
    fragments = count(check, "finite_verb")
    return [name, str(len(lengths)), str(max(lengths)), str(sum(1 for n in lengths if n > limit)),
            f"{100 * sum(1 for n in lengths if n <= 10) / len(lengths):.0f}%",
            str(count(check, "konjunktiv")), str(count(check, "passive")), str(count(check, "genitive")),
            str(count(check, "abbreviations")), str(count(check, "compounds")), str(fragments),
            f"{before:.1f}", f"{after:.1f}", f"{len(lost(doc, new))}/{len(facts(doc))}", f"{seconds:.2f}"]


HEAD = ["text", "sent", "max", ">lim", "≤10", "konj", "pass", "gen", "abbr", "long", "frag", "FA0", "FA1", "lost",
        "s"]


def table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [HEAD] + rows) for i in range(len(HEAD))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in [HEAD] + rows]
    return "\n".join(lines)


def main() -> None:
    from lesbar.glossary import load_glossaries
    from lesbar.glossary.locations import shipped_glossary

    glossary = load_glossaries([shipped_glossary()])
    docs = documents()
    t0 = time.perf_counter()
    simplify_document(docs[0][1], "leicht", glossary)  # cold: loads every model
    cold = time.perf_counter() - t0
    for level in ("leicht", "einfach"):
        print(f"\n== {level} (limit {15 if level == 'leicht' else 20} words; FA0/FA1 = Flesch-Amstad before/after)")
        print(table([row(name, doc, level, glossary) for name, doc in docs]))
    # speed: warm simplification of the first report against tagging it once (same run)
    name, doc = docs[0]
    from lesbar.simplify.analysis import forget_texts

    forget_texts()
    t0 = time.perf_counter()
    for s in doc.sentences():
        analyze(tokenize(s.text))
    baseline = time.perf_counter() - t0
    forget_texts()
    t0 = time.perf_counter()
    simplify_document(doc, "leicht", glossary)
    warm = time.perf_counter() - t0
    words = sum(len(words_of(s.text)) for s in doc.sentences())
    print(f"\nspeed on {name} ({words} words): cold {cold:.2f} s (model loading included), warm {warm:.2f} s; "
          f"baseline tag-once {baseline:.2f} s; ratio warm/baseline {warm / baseline:.1f}")


if __name__ == "__main__":
    main()
