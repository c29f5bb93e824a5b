"""SARI and readability of lesbar's drafts against human simplifications of texts we did not write.

Run: ``.venv/bin/python benchmarks/simplify_sari.py [--pairs PATH ...] [--glossary none|shipped|FILE]
[--dump OUT.jsonl]`` (about a second per pair). Without ``--pairs`` it reads the pairs shipped in
``benchmarks/data/simplification_pairs/`` (only those whose licence allows redistribution; see the README
there). Pairs whose licence does not allow it are kept outside the repository and passed with ``--pairs``
(a file or a folder; the option can be repeated).

Pair format: JSON Lines (``*.jsonl``), one object per line::

    {"id": "alumniportal-86-01", "level": "einfach" | "leicht",
     "source": "standard German text (one or more sentences; blank lines separate paragraphs)",
     "references": ["human simplification", "..."],      # one or more
     "origin": "URL of the original -> URL of the simplification", "via": "where the pair was taken from",
     "domain": "free text", "licence": "licence of the texts"}

Every source is simplified with ``simplify_document(doc, level, glossary)`` at its pair's level. The
draft text is every sentence of the new document (headings, "<Name> sagt:" lines and lists included) up
to the "Wörterbuch" appendix, which is left out because no human reference of a single passage has one.
In the same run two baselines are scored against the same references: "copy the source" and, as a
sanity check of the metric, "empty output" (SARI's deletion part is a precision, so deleting everything
scores well when the references rewrite most of the text).

Printed per level and per domain:

* SARI (Xu et al. 2016, "Optimizing Statistical Machine Translation for Text Simplification") of lesbar
  with its add/keep/delete parts, and of the two baselines. This is the sentence-level SARI of the
  authors' script (``SARI.py`` in cocoxu/simplification; EASSE's ``sentence_sari`` test expects the same
  numbers): n-grams of order 1-4, F1 of added n-grams, F1 of kept n-grams (counts weighted by the number
  of references), precision of deleted n-grams, 0/0 = 0; averaged over the orders, then
  (add + keep + del) / 3 × 100, and averaged over the pairs. (Hugging Face's ``sari`` sets 0/0 = 1, which
  gives the copy baseline a full deletion score; the numbers here are not comparable with it.)
* cSARI: corpus-level SARI as EASSE's ``corpus_sari`` computes it by default: counts summed over all
  pairs of the row, F1 per order for add, keep and delete (deletion recall counts, so timid deletion is
  penalised), averaged over the orders.
* Flesch-Amstad (``lesbar.simplify.readability``, pooled over all sentences of the row) of source,
  lesbar and the first human reference, and the average sentence length in words.

Texts are lowercased and tokenised with a simple regex (words with inner hyphens, numbers, each
punctuation mark). ``tests/simplify/test_sari.py`` checks the implementation against the worked
example of the authors' script and a hand-computed corpus example.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

DEFAULT_PAIRS = ROOT / "benchmarks" / "data" / "simplification_pairs"
LEVELS = ("leicht", "einfach")

# ---------------------------------------------------------------------------------------------- SARI

_TOKEN = re.compile(r"\w+(?:[-'·∙]\w+)*|[^\w\s]", re.UNICODE)


def sari_tokens(text: str) -> list[str]:
    """Lowercased tokens: words (with inner hyphens), numbers and single punctuation marks."""
    return _TOKEN.findall(text.lower())


def _ngrams(tokens: list[str], n: int) -> list[str]:
    return [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p > 0 or r > 0 else 0.0


def sari_ngram(src: list[str], out: list[str], refs: list[list[str]]) -> tuple[float, float, float]:
    """(keep F1, deletion precision, addition F1) for one n-gram order, as in Xu et al.'s SARIngram."""
    num_refs = len(refs)
    ref_all = Counter(g for r in refs for g in r)
    src_rep = Counter({g: c * num_refs for g, c in Counter(src).items()})
    out_rep = Counter({g: c * num_refs for g, c in Counter(out).items()})

    keep = src_rep & out_rep
    keep_good = keep & ref_all
    keep_all = src_rep & ref_all
    keep_p = sum(keep_good[g] / keep[g] for g in keep_good) / len(keep) if keep else 0.0
    keep_r = sum(keep_good[g] / keep_all[g] for g in keep_good) / len(keep_all) if keep_all else 0.0

    delete = src_rep - out_rep
    del_good = delete - ref_all
    del_p = sum(del_good[g] / delete[g] for g in del_good) / len(delete) if delete else 0.0

    added = set(out) - set(src)
    add_good = added & set(ref_all)
    add_all = set(ref_all) - set(src)
    add_p = len(add_good) / len(added) if added else 0.0
    add_r = len(add_good) / len(add_all) if add_all else 0.0
    return _f1(keep_p, keep_r), del_p, _f1(add_p, add_r)


@dataclass
class Sari:
    add: float
    keep: float
    delete: float

    @property
    def score(self) -> float:
        return (self.add + self.keep + self.delete) / 3


def sari(source: str, output: str, references: list[str]) -> Sari:
    """Sentence-level SARI (0-100) of ``output`` for ``source`` against one or more ``references``."""
    s, o = sari_tokens(source), sari_tokens(output)
    rs = [sari_tokens(r) for r in references]
    keep = dele = add = 0.0
    for n in range(1, 5):
        k, d, a = sari_ngram(_ngrams(s, n), _ngrams(o, n), [_ngrams(r, n) for r in rs])
        keep, dele, add = keep + k, dele + d, add + a
    return Sari(100 * add / 4, 100 * keep / 4, 100 * dele / 4)


def _corpus_stats(sources: list[str], outputs: list[str], references: list[list[str]]) -> list[list[int]]:
    """Per n-gram order: [add correct, add sys, add ref, keep correct, keep sys, keep ref, del correct, del sys,
    del ref], summed over the corpus as in EASSE's compute_ngram_stats."""
    stats = [[0] * 9 for _ in range(4)]
    for src, out, refs in zip(sources, outputs, references, strict=True):
        s_tok, o_tok, r_toks = sari_tokens(src), sari_tokens(out), [sari_tokens(r) for r in refs]
        k = len(refs)
        for n in range(1, 5):
            s, o = Counter(_ngrams(s_tok, n)), Counter(_ngrams(o_tok, n))
            r: Counter = Counter()
            for rt in r_toks:
                r += Counter(_ngrams(rt, n))
            sk = Counter({g: c * k for g, c in s.items()})
            ok = Counter({g: c * k for g, c in o.items()})
            st = stats[n - 1]
            added, ref_added = set(o) - set(s), set(r) - set(s)
            st[0] += len(added & set(r))
            st[1] += len(added)
            st[2] += len(ref_added)
            kept, ref_kept = sk & ok, sk & r
            st[3] += sum((kept & ref_kept).values())
            st[4] += sum(kept.values())
            st[5] += sum(ref_kept.values())
            deleted, ref_deleted = sk - ok, sk - r
            st[6] += sum((deleted & ref_deleted).values())
            st[7] += sum(deleted.values())
            st[8] += sum(ref_deleted.values())
    return stats


def corpus_sari(sources: list[str], outputs: list[str], references: list[list[str]]) -> Sari:
    """Corpus-level SARI as EASSE's ``corpus_sari`` computes it by default: counts summed over the corpus,
    F1 per n-gram order for add, keep and (EASSE's default) delete, averaged over the orders."""

    def f1(correct: int, sys_total: int, ref_total: int) -> float:
        p = correct / sys_total if sys_total else 0.0
        r = correct / ref_total if ref_total else 0.0
        return 2 * p * r / (p + r) if p > 0 and r > 0 else 0.0

    stats = _corpus_stats(sources, outputs, references)
    add = sum(f1(*st[0:3]) for st in stats) / 4
    keep = sum(f1(*st[3:6]) for st in stats) / 4
    dele = sum(f1(*st[6:9]) for st in stats) / 4
    return Sari(100 * add, 100 * keep, 100 * dele)


# ------------------------------------------------------------------------------------------- pairs


@dataclass
class Pair:
    id: str
    level: str
    source: str
    references: list[str]
    domain: str = ""
    origin: str = ""
    licence: str = ""
    extra: dict = field(default_factory=dict)


def load_pairs(paths: list[Path]) -> list[Pair]:
    files: list[Path] = []
    for p in paths:
        files += sorted(p.glob("*.jsonl")) if p.is_dir() else [p]
    pairs: list[Pair] = []
    for f in files:
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            d = json.loads(line)
            refs = d.get("references") or [d["reference"]]
            if d["level"] not in LEVELS:
                raise SystemExit(f"{f}:{n}: level must be leicht or einfach, not {d['level']!r}")
            pairs.append(Pair(d.get("id", f"{f.stem}-{n}"), d["level"], d["source"], list(refs),
                              d.get("domain", ""), d.get("origin", ""), d.get("licence", "")))
    return pairs


# --------------------------------------------------------------------------------------- lesbar


def draft_sentences(doc) -> list[str]:  # type: ignore[no-untyped-def]
    """Sentences of a draft in reading order, up to the Wörterbuch appendix."""
    from lesbar.model import Heading
    from lesbar.model.nodes import block_sentences, walk_blocks

    out: list[str] = []
    for block in walk_blocks(doc.blocks):  # list items too (a list block itself has no sentences)
        texts = [s.text for s in block_sentences(block) if s.text.strip()]
        if isinstance(block, Heading) and texts and texts[0].strip() == "Wörterbuch":
            break
        out += texts
    return out


def sentences_of(text: str) -> list[str]:
    from lesbar.simplify.plaintext import document_from_text

    return [s.text for s in document_from_text(text).sentences() if s.text.strip()]


def load_glossary(spec: str):  # type: ignore[no-untyped-def]
    if spec == "none":
        return None
    from lesbar.glossary import load_glossaries
    from lesbar.glossary.locations import shipped_glossary

    return load_glossaries([shipped_glossary() if spec == "shipped" else Path(spec)])


# --------------------------------------------------------------------------------------- report


@dataclass
class Result:
    pair: Pair
    output: str
    out_sents: list[str]
    src_sents: list[str]
    ref_sents: list[str]
    lesbar: Sari
    copy: Sari
    empty: Sari


def run(pairs: list[Pair], glossary) -> list[Result]:  # type: ignore[no-untyped-def]
    from lesbar.simplify import simplify_document
    from lesbar.simplify.plaintext import document_from_text

    results = []
    for p in pairs:
        doc = document_from_text(p.source)
        new = simplify_document(doc, p.level, glossary).document
        out_sents = draft_sentences(new)
        output = " ".join(out_sents)
        results.append(Result(p, output, out_sents, [s.text for s in doc.sentences() if s.text.strip()],
                              sentences_of(p.references[0]), sari(p.source, output, p.references),
                              sari(p.source, p.source, p.references), sari(p.source, "", p.references)))
    return results


def _mean(xs: list[float]) -> float:
    return sum(xs) / len(xs) if xs else 0.0


def summary_row(name: str, rs: list[Result]) -> list[str]:
    from lesbar.simplify.readability import scores

    def parts(key: str) -> str:
        s = [getattr(r, key) for r in rs]
        return (f"{_mean([x.score for x in s]):5.1f} ({_mean([x.add for x in s]):4.1f}/"
                f"{_mean([x.keep for x in s]):4.1f}/{_mean([x.delete for x in s]):4.1f})")

    def corpus(kind: str) -> str:
        outs = {"lesbar": [r.output for r in rs], "copy": [r.pair.source for r in rs], "empty": ["" for _ in rs]}[kind]
        return f"{corpus_sari([r.pair.source for r in rs], outs, [r.pair.references for r in rs]).score:5.1f}"

    src = scores([s for r in rs for s in r.src_sents])
    out = scores([s for r in rs for s in r.out_sents])
    ref = scores([s for r in rs for s in r.ref_sents])
    return [name, str(len(rs)), parts("lesbar"), f"{_mean([r.copy.score for r in rs]):5.1f}",
            f"{_mean([r.empty.score for r in rs]):5.1f}", corpus("lesbar"), corpus("copy"), corpus("empty"),
            f"{src.flesch_amstad:5.1f}", f"{out.flesch_amstad:5.1f}", f"{ref.flesch_amstad:5.1f}",
            f"{src.avg_sentence_length:4.1f}", f"{out.avg_sentence_length:4.1f}", f"{ref.avg_sentence_length:4.1f}"]


HEAD = ["level / domain", "n", "SARI lesbar (add/keep/del)", "copy", "empty", "cSARI lesbar", "copy", "empty",
        "FA src", "FA lesbar", "FA human", "ASL src", "ASL lesbar", "ASL human"]


def table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [HEAD] + rows) for i in range(len(HEAD))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in [HEAD] + rows)


def _revision() -> str:
    import subprocess

    def git(*a: str) -> str:
        return subprocess.run(["git", *a], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "?"
    dirty = git("status", "--porcelain", "--", "src/lesbar/simplify")
    return head + (" + uncommitted changes in src/lesbar/simplify" if dirty else "")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", type=Path, action="append", help="JSONL file or folder of them (repeatable)")
    ap.add_argument("--glossary", default="none", help="none (default), shipped, or a glossary file")
    ap.add_argument("--dump", type=Path, help="write every pair with lesbar's output and scores to this JSONL")
    args = ap.parse_args(argv)
    pairs = load_pairs(args.pairs or [DEFAULT_PAIRS])
    if not pairs:
        raise SystemExit("no pairs found")
    results = run(pairs, load_glossary(args.glossary))
    rows: list[list[str]] = []
    for level in LEVELS:
        rs = [r for r in results if r.pair.level == level]
        if not rs:
            continue
        rows.append(summary_row(level.upper(), rs))
        for dom in sorted({r.pair.domain for r in rs}):
            rows.append(summary_row("  " + dom[:40], [r for r in rs if r.pair.domain == dom]))
    print(f"lesbar {_revision()}; {len(results)} pairs; glossary: {args.glossary}; SARI = mean over pairs (Xu et al. 2016); "
          "cSARI = corpus SARI as EASSE computes it (deletion F1);\n"
          "copy / empty = baselines in the same run; FA = Flesch-Amstad (higher = easier); "
          "ASL = words per sentence\n")
    print(table(rows))
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as f:
            for r in results:
                f.write(json.dumps({"id": r.pair.id, "level": r.pair.level, "domain": r.pair.domain,
                                    "source": r.pair.source, "lesbar": r.output, "references": r.pair.references,
                                    "sari_lesbar": round(r.lesbar.score, 2), "sari_copy": round(r.copy.score, 2),
                                    "lesbar_parts": [round(r.lesbar.add, 1), round(r.lesbar.keep, 1),
                                                     round(r.lesbar.delete, 1)]},
                                   ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
