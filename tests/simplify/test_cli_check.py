"""``lesbar check``: findings per sentence and readability; exit 0 unless the file is unreadable."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from click.testing import CliRunner

from lesbar.cli.main import cli

TEXT = "Die Teilnahme sei kostenlos, betonte Landrat Stephan Pusch. Der Kurs beginnt z. B. am 03.03.2025.\n"


def test_check_prints_findings_and_readability_and_exits_zero(tmp_path: Path) -> None:
    path = tmp_path / "bericht.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path), "--level", "leicht"])
    assert result.exit_code == 0, result.output
    assert "[konjunktiv]" in result.output and "(sei)" in result.output
    assert "[abbreviations]" in result.output
    assert "Flesch-Amstad" in result.output


def test_check_json_has_the_report_shape(tmp_path: Path) -> None:
    path = tmp_path / "bericht.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path), "--level", "einfach", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["level"] == "einfach"
    rules = {f["rule"] for s in report["sentences"] for f in s["findings"]}
    assert "konjunktiv" in rules
    assert "compounds" not in rules  # Einfache Sprache does not ask for split compounds


def test_check_reads_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "bericht.docx"
    d = docx.Document()
    d.add_paragraph("Die Präsentation der Ergebnisse beschloss die Konferenz.")
    d.save(path)
    result = CliRunner().invoke(cli, ["check", str(path), "--json"])
    assert result.exit_code == 0, result.output
    words = [w for s in json.loads(result.output)["sentences"] for f in s["findings"] if f["rule"] == "genitive"
             for w in f["words"]]
    assert words == ["der"]


def test_unreadable_file_is_one_line_and_non_zero(tmp_path: Path) -> None:
    missing = tmp_path / "fehlt.txt"
    result = CliRunner().invoke(cli, ["check", str(missing)])
    assert result.exit_code != 0
    assert "no such file" in result.output and "Traceback" not in result.output
    binary = tmp_path / "kaputt.txt"
    binary.write_bytes(b"\xff\xfe\x00\x81" * 10)
    result = CliRunner().invoke(cli, ["check", str(binary)])
    assert result.exit_code != 0 and "UTF-8" in result.output


def test_library_function_gives_the_same_findings_as_the_command(tmp_path: Path) -> None:
    from lesbar.simplify import check_document
    from lesbar.simplify.plaintext import document_from_text

    path = tmp_path / "bericht.txt"
    path.write_text(TEXT, encoding="utf-8")
    cli_report = json.loads(CliRunner().invoke(cli, ["check", str(path), "--json", "--glossary",
                                                      str(_empty_glossary(tmp_path))]).output)
    lib_report = check_document(document_from_text(TEXT), "leicht", None)
    assert [s["findings"] for s in cli_report["sentences"]] == [s["findings"] for s in lib_report["sentences"]]


def _empty_glossary(tmp_path: Path) -> Path:
    path = tmp_path / "leer.yaml"
    path.write_text("glossary:\n  format: 1\n  name: leer\nentries: []\n", encoding="utf-8")
    return path
