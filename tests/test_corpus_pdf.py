"""Every PDF of the shared third-party corpus converts, or fails with one clear line — no traceback, no hang.

The corpus (``../shared/corpus``: pypdf's sample files and test resources) holds encrypted files, forms,
scans, broken cross-reference tables, RTL text and LaTeX output. All of them go through ``lesbar convert``
in one CliRunner invocation (the path staff use, in-process); the files that fail are then converted
again with :func:`convert_file` directly to check the result object and that nothing half-written stays.
Only the original variant as HTML is written: the writers have their own tests.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from lesbar.cli.main import cli
from lesbar.pipeline import ConvertOptions, convert_file

pytestmark = pytest.mark.slow


def _unique_pdfs(corpus: Path) -> list[Path]:
    """The corpus PDFs, each distinct file once (the two collections share some files)."""
    seen: set[str] = set()
    files: list[Path] = []
    for path in sorted(corpus.rglob("*.pdf")):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest not in seen:
            seen.add(digest)
            files.append(path)
    return files


CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def cli_run(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    if not CORPUS.is_dir() or not any(CORPUS.rglob("*.pdf")):
        pytest.skip(f"shared corpus with PDFs not found at {CORPUS} (it lives beside the project)")
    files = _unique_pdfs(CORPUS)
    out = tmp_path_factory.mktemp("corpus-out")
    # a copy per file name, so that equal names in different folders do not share an output folder
    inputs = tmp_path_factory.mktemp("corpus-in")
    named: list[Path] = []
    for n, path in enumerate(files):
        target = inputs / f"{n:03d}-{path.name}"
        target.write_bytes(path.read_bytes())
        named.append(target)
    result = CliRunner().invoke(cli, ["convert", *map(str, named), "-o", str(out), "--formats", "html",
                                      "--variants", "original"])
    return named, out, result


def test_corpus_run_has_no_traceback_and_one_line_per_failure(cli_run) -> None:  # type: ignore[no-untyped-def]
    named, out, result = cli_run
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    text = result.output + result.stderr
    assert "Traceback" not in text
    errors = [line for line in result.stderr.splitlines() if line.startswith("lesbar: error:")]
    converted = [line for line in result.stdout.splitlines() if " -> " in line]
    assert len(errors) + len(converted) == len(named)
    for line in errors:
        name = line.removeprefix("lesbar: error: ").split(":", 1)[0]
        assert any(p.name == name for p in named), line
        assert re.search(r"; |password|damaged|no text|no readable|images", line), line
    assert result.exit_code == (1 if errors else 0)


def test_every_converted_corpus_file_has_its_output(cli_run) -> None:  # type: ignore[no-untyped-def]
    named, out, result = cli_run
    converted = [line.split(" -> ")[0] for line in result.stdout.splitlines() if " -> " in line]
    assert len(converted) >= len(named) // 2  # most of the corpus is readable
    for source in converted:
        folder = out / Path(source).stem
        html = (folder / "original.html").read_text(encoding="utf-8")
        assert "<html" in html and (folder / "manifest.json").exists()


def test_failing_corpus_files_fail_cleanly_through_convert_file(cli_run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    named, _out, result = cli_run
    failed = {line.removeprefix("lesbar: error: ").split(":", 1)[0]
              for line in result.stderr.splitlines() if line.startswith("lesbar: error:")}
    options = ConvertOptions(variants=["original"], formats=["html"])
    for path in named:
        if path.name not in failed:
            continue
        outcome = convert_file(path, tmp_path, options)
        assert not outcome.ok and "\n" not in outcome.error and outcome.error.startswith(path.name)
        assert not (tmp_path / path.stem).exists()  # nothing half-written
    assert not [p for p in tmp_path.iterdir() if not p.name.startswith(".")]
