"""Bad input gets one clear line on stderr, a non-zero exit code, and nothing half-written;
the other inputs of the same run are still converted."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers_files import make_docx, make_pdf
from lesbar.cli.main import cli


def run(args: list[str]):
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def bad_file(tmp_path: Path, kind: str) -> Path:
    if kind == "missing":
        return tmp_path / "gibt-es-nicht.pdf"
    if kind == "empty":
        p = tmp_path / "leer.pdf"
        p.write_bytes(b"")
        return p
    if kind == "text":
        p = tmp_path / "notiz.txt"
        p.write_text("Nur eine Notiz.", encoding="utf-8")
        return p
    if kind == "corrupt_pdf":
        p = tmp_path / "kaputt.pdf"
        p.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" + b"\x00garbage" * 50)
        return p
    if kind == "truncated_pdf":
        full = make_pdf(tmp_path / "voll.pdf")
        p = tmp_path / "abgeschnitten.pdf"
        p.write_bytes(full.read_bytes()[:400])
        full.unlink()
        return p
    if kind == "encrypted_pdf":
        return make_pdf(tmp_path / "geheim.pdf", password="geheim")
    if kind == "zip_not_docx":
        p = tmp_path / "archiv.docx"
        with zipfile.ZipFile(p, "w") as zf:
            zf.writestr("fotos/bild.txt", "kein Word")
        return p
    if kind == "broken_zip_docx":
        p = tmp_path / "halb.docx"
        good = make_docx(tmp_path / "gut-temp.docx")
        p.write_bytes(good.read_bytes()[:300])
        good.unlink()
        return p
    if kind == "docx_without_text":
        import docx

        p = tmp_path / "ohne-text.docx"
        docx.Document().save(p)
        return p
    if kind == "old_doc":
        p = tmp_path / "alt.doc"
        p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
        return p
    raise AssertionError(kind)


CASES = {
    "missing": "no such file",
    "empty": "empty",
    "text": "not a PDF or DOCX",
    "corrupt_pdf": "PDF",
    "truncated_pdf": "PDF",
    "encrypted_pdf": "password",
    "zip_not_docx": "ZIP archive, not a Word document",
    "broken_zip_docx": "damaged",
    "old_doc": ".doc",
    "docx_without_text": "contains no text",
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_bad_input_gives_one_clear_line_and_nonzero_exit(tmp_path: Path, kind: str):
    path = bad_file(tmp_path, kind)
    out = tmp_path / "out"
    result = run(["convert", str(path), "-o", str(out), "--formats", "html"])
    assert result.exit_code != 0
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith("lesbar: error: ")
    assert CASES[kind].lower() in errors[0].lower()
    assert "Traceback" not in result.output + result.stderr
    # nothing half-written: no folder for the bad input, no temporary leftovers
    leftovers = list(out.rglob("*")) if out.exists() else []
    assert leftovers == []


def test_other_inputs_of_the_same_run_are_still_converted(tmp_path: Path):
    good = make_docx(tmp_path / "gut.docx")
    bad = bad_file(tmp_path, "corrupt_pdf")
    also_good = make_pdf(tmp_path / "auch-gut.pdf")
    out = tmp_path / "out"
    result = run(["convert", str(bad), str(good), str(also_good), "-o", str(out), "--formats", "html"])
    assert result.exit_code == 1
    assert (out / "gut" / "original.html").is_file()
    assert (out / "auch-gut" / "original.html").is_file()
    assert not (out / "kaputt").exists()
    assert result.stderr.count("lesbar: error:") == 1


def test_pdf_with_owner_password_only_opens_with_the_empty_user_password(tmp_path: Path):
    path = make_pdf(tmp_path / "nur-besitzer.pdf", password="", owner_password="chef")
    result = run(["convert", str(path), "-o", str(tmp_path / "out"), "--formats", "html"])
    assert result.exit_code == 0, result.stderr
    html = (tmp_path / "out" / "nur-besitzer" / "original.html").read_text(encoding="utf-8")
    assert "Integrationskonferenz" in html


def test_a_folder_without_reports_is_an_error(tmp_path: Path):
    (tmp_path / "leer").mkdir()
    result = run(["convert", str(tmp_path / "leer"), "-o", str(tmp_path / "out")])
    assert result.exit_code != 0
    assert "holds no PDF or DOCX" in result.stderr


def test_a_bad_config_file_is_reported_with_its_name(tmp_path: Path):
    config = tmp_path / "lesbar.toml"
    config.write_text("[convert]\nformat = ['html']\n", encoding="utf-8")
    good = make_docx(tmp_path / "gut.docx")
    result = run(["convert", str(good), "-o", str(tmp_path / "out"), "--config", str(config)])
    assert result.exit_code != 0
    assert "unknown setting 'format'" in result.stderr and "lesbar.toml" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("limits, expected", [
    ("max_pages = 1", "pages is more than the limit of 1"),
    ("timeout_seconds = 0", "took longer than 0 s"),
    ("max_file_mb = 0.0001", "more than the limit"),
])
def test_guard_limits_stop_a_file_with_a_clear_message(tmp_path: Path, limits: str, expected: str):
    from reportlab.pdfgen import canvas

    path = tmp_path / "lang.pdf"
    c = canvas.Canvas(str(path), invariant=1)
    for page in range(3):
        c.drawString(72, 700, f"Seite {page + 1}: Die Konferenz war gut besucht und alle waren zufrieden.")
        c.showPage()
    c.save()
    config = tmp_path / "lesbar.toml"
    config.write_text(f"[limits]\n{limits}\n", encoding="utf-8")
    result = run(["convert", str(path), "-o", str(tmp_path / "out"), "--config", str(config), "--formats", "html"])
    assert result.exit_code != 0
    assert expected in result.stderr and "lang.pdf" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("kind, code", [
    ("empty", "empty"), ("text", "unsupported"), ("corrupt_pdf", "damaged"), ("encrypted_pdf", "password"),
    ("zip_not_docx", "zip"), ("old_doc", "doc"), ("docx_without_text", "no_text"), ("missing", "missing"),
])
def test_each_bad_input_has_a_stable_error_code_for_front_ends(tmp_path: Path, kind: str, code: str):
    from lesbar.errors import INPUT_CODES
    from lesbar.pipeline import ConvertOptions, convert_file

    result = convert_file(bad_file(tmp_path, kind), tmp_path / "out", ConvertOptions(formats=["html"]))
    assert not result.ok
    assert result.error_code == code and code in INPUT_CODES
