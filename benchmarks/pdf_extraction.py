"""Benchmark: lesbar's PDF structure extraction against plain pypdf ``extract_text()`` on the same files.

Both run in the same process on the same files, alternating, several rounds; the best round of each is
compared (the least disturbed by other work on a shared machine). Target: structure ≤ 2 × plain.

Files: the generated newspaper layouts (tests/pdfgen), the bundled samples and the text PDFs of the shared
corpus (when present). Scanned pages are not included — OCR time is Tesseract's, not extraction.

    .venv/bin/python benchmarks/pdf_extraction.py [--rounds 5] [--no-corpus]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def _files(workdir: Path, with_corpus: bool) -> list[Path]:
    from pdfgen.newspaper import LAYOUTS, build

    files = []
    for name, layout in LAYOUTS.items():
        path = workdir / f"{name}.pdf"
        build(path, layout)
        files.append(path)
    files.extend(sorted((ROOT / "samples").glob("*.pdf")))
    corpus = ROOT.parent / "shared" / "corpus"
    if with_corpus and corpus.is_dir():
        from pypdf import PdfReader

        for path in sorted(corpus.rglob("*.pdf")):
            try:
                reader = PdfReader(path)
                if reader.is_encrypted or len(reader.pages) > 60:
                    continue
                texts = [page.extract_text() or "" for page in reader.pages]
                if sum(len(t) for t in texts) < 200 or any(len(t.strip()) < 3 for t in texts):
                    continue  # pages without a text layer would be OCR, not extraction
            except Exception:  # noqa: BLE001 - broken corpus files are the robustness test's business
                continue
            files.append(path)
    return files


def plain(path: Path) -> int:
    from pypdf import PdfReader

    reader = PdfReader(path)
    return sum(len(page.extract_text() or "") for page in reader.pages)


def structure(path: Path) -> int:
    from lesbar.model import block_text
    from lesbar.readers.guard import Guard
    from lesbar.readers.pdf import read_pdf

    doc = read_pdf(path, Guard(name=path.name))
    return sum(len(block_text(b)) for b in doc.walk())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-corpus", action="store_true", help="only generated files and samples")
    args = parser.parse_args()
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        files = _files(Path(tmp), not args.no_corpus)
        pages = 0
        from pypdf import PdfReader

        for path in files:
            pages += len(PdfReader(path).pages)
        structure(files[0])  # warm up imports of both paths
        plain(files[0])
        best_plain = best_structure = float("inf")
        for _round in range(args.rounds):
            start = time.perf_counter()
            for path in files:
                plain(path)
            best_plain = min(best_plain, time.perf_counter() - start)
            start = time.perf_counter()
            for path in files:
                structure(path)
            best_structure = min(best_structure, time.perf_counter() - start)
    ratio = best_structure / best_plain
    print(f"files: {len(files)}, pages: {pages}, rounds: {args.rounds} (best round of each)")
    print(f"plain pypdf extract_text(): {best_plain:.3f} s ({pages / best_plain:.1f} pages/s)")
    print(f"lesbar structure extraction: {best_structure:.3f} s ({pages / best_structure:.1f} pages/s)")
    print(f"ratio structure / plain: {ratio:.2f}x (target <= 2.00x) -> {'OK' if ratio <= 2.0 else 'TOO SLOW'}")


if __name__ == "__main__":
    main()
