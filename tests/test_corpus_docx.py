"""Every DOCX in the shared robustness corpus converts or fails with one clear line — no traceback, no hang."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest


def test_every_corpus_docx_converts_or_fails_clearly(corpus: Path, tmp_path: Path):
    folder = corpus / "robustness_docx_python_docx"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    files = sorted(folder.rglob("*.docx"))
    assert len(files) >= 10
    out = tmp_path / "out"
    # one process for all files (as a user would run it); a hang ends the test instead of CI
    proc = subprocess.run(
        [sys.executable, "-m", "lesbar", "convert", str(folder), "-o", str(out), "--variants", "original"],
        capture_output=True, text=True, timeout=900,
    )
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    errors = [line for line in proc.stderr.splitlines() if line.startswith("lesbar: error:")]
    other = [line for line in proc.stderr.splitlines()
             if line.strip() and not line.startswith(("lesbar: error:", "lesbar: note:", "lesbar: missing:"))]
    assert other == [], other
    for line in errors:  # each error names its file and says what to do
        assert re.match(r"lesbar: error: \S+\.docx: .+; .+", line), line
    converted = {p.name for p in out.iterdir()} if out.exists() else set()
    failed = {re.match(r"lesbar: error: (\S+)\.docx", line).group(1) for line in errors}  # type: ignore[union-attr]
    stems = [f.stem for f in files]
    # every input is accounted for: a folder (possibly with a -N suffix for duplicate names) or an error line
    for stem in set(stems):
        n = stems.count(stem)
        made = {name for name in converted if name == stem or re.fullmatch(rf"{re.escape(stem)}-\d+", name)}
        assert len(made) + (1 if stem in failed else 0) >= min(n, 1), stem
    assert len(converted) >= 0.6 * len(files), f"only {len(converted)} of {len(files)} converted:\n{proc.stderr}"
    for name in converted:
        assert (out / name / "original.html").is_file()
        assert (out / name / "original.pdf").read_bytes().startswith(b"%PDF")
    assert proc.returncode == (1 if errors else 0)
