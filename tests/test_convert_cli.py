"""`lesbar convert` end to end on real files: the output folder contract, re-runs, options and config."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers_files import make_docx, make_pdf
from lesbar import __version__
from lesbar.cli.main import COMMANDS, LazyGroup, cli
from lesbar.pipeline import ConvertOptions, convert_file


def run(args: list[str]):
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def test_convert_writes_one_folder_per_input_with_original_report_and_manifest(tmp_path: Path):
    source = make_docx(tmp_path / "bericht.docx")
    result = run(["convert", str(source), "-o", str(tmp_path / "out"), "--variants", "original"])
    assert result.exit_code == 0, result.stderr
    folder = tmp_path / "out" / "bericht"
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["manifest.json", "original.docx", "original.html", "original.pdf", "report.html", "report.json"]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["lesbar_version"] == __version__
    assert manifest["input"]["name"] == "bericht.docx" and len(manifest["input"]["sha256"]) == 64
    assert set(manifest["files"]) == set(names)
    assert manifest["options"]["formats"] == ["html", "docx", "pdf"]
    assert manifest["timings"]["total"] > 0
    assert (folder / "original.pdf").read_bytes().startswith(b"%PDF-")
    assert "Integrationskonferenz" in (folder / "original.html").read_text(encoding="utf-8")


def test_rerun_never_overwrites_an_existing_folder_unless_forced(tmp_path: Path):
    source = make_docx(tmp_path / "bericht.docx")
    out = tmp_path / "out"
    args = ["convert", str(source), "-o", str(out), "--formats", "html", "--variants", "original"]
    assert run(args).exit_code == 0
    edited = out / "bericht" / "original.html"
    edited.write_text("von Hand bearbeitet", encoding="utf-8")
    assert run(args).exit_code == 0
    assert edited.read_text(encoding="utf-8") == "von Hand bearbeitet"
    assert (out / "bericht-2" / "original.html").is_file()
    assert run(args + ["--force"]).exit_code == 0
    assert "von Hand bearbeitet" not in edited.read_text(encoding="utf-8")
    assert not any(p.name.startswith(".") for p in out.iterdir())  # no temporary folders left behind


def test_folders_are_expanded_to_the_reports_inside(tmp_path: Path):
    inbox = tmp_path / "berichte"
    (inbox / "2024").mkdir(parents=True)
    make_docx(inbox / "a.docx")
    make_pdf(inbox / "2024" / "b.pdf")
    (inbox / "~$a.docx").write_bytes(b"lock")  # Word's lock file is ignored
    (inbox / "notiz.txt").write_text("x", encoding="utf-8")
    result = run(["convert", str(inbox), "-o", str(tmp_path / "out"), "--formats", "html", "--variants", "original"])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a", "b"]


def test_a_document_that_is_not_german_gets_only_the_original_with_a_note(tmp_path: Path):
    source = make_docx(tmp_path / "english.docx", title="Integration conference", paragraphs=[
        "The second integration conference of the district was fully booked with three hundred guests.",
        "Full-time and volunteer workers met for one day in the festival hall in Oberbruch.",
    ])
    result = run(["convert", str(source), "-o", str(tmp_path / "out"), "--formats", "html"])
    assert result.exit_code == 0, result.stderr
    folder = tmp_path / "out" / "english"
    assert sorted(p.name for p in folder.glob("*.html")) == ["original.html", "report.html"]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["input"]["language"] == "en"
    assert any("not German" in note for note in manifest["notes"])
    assert '<html lang="en"' in (folder / "original.html").read_text(encoding="utf-8")


def test_as_leicht_renders_an_edited_text_without_simplifying_it_again(tmp_path: Path):
    source = make_docx(tmp_path / "leicht-korrigiert.docx", paragraphs=[
        "Das ist ein Bericht in Leichter Sprache.", "Eine Redakteurin hat den Text geprüft."])
    result = run(["convert", str(source), "-o", str(tmp_path / "out"), "--as", "leicht", "--formats", "html,docx"])
    assert result.exit_code == 0, result.stderr
    folder = tmp_path / "out" / "leicht-korrigiert"
    assert (folder / "leicht.html").is_file() and (folder / "leicht.docx").is_file()
    assert not (folder / "original.html").exists()
    html = (folder / "leicht.html").read_text(encoding="utf-8")
    assert "Eine Redakteurin hat den Text geprüft." in html
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["variants"]["leicht"]["reviewed"] is True


def test_settings_come_from_lesbar_toml_in_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    source = make_docx(tmp_path / "bericht.docx")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-user-config"))
    (tmp_path / "lesbar.toml").write_text('[convert]\nformats = ["html"]\nvariants = ["original"]\n', encoding="utf-8")
    result = run(["convert", str(source), "-o", "out"])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out" / "bericht").iterdir()) == [
        "manifest.json", "original.html", "report.html", "report.json"]
    # a CLI option wins over the file
    run(["convert", str(source), "-o", "out2", "--formats", "docx"])
    assert (tmp_path / "out2" / "bericht" / "original.docx").is_file()
    assert not (tmp_path / "out2" / "bericht" / "original.html").exists()


def test_the_user_config_directory_is_read_when_the_working_directory_has_none(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from lesbar.config import load_settings

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    (tmp_path / "cfg" / "lesbar").mkdir(parents=True)
    (tmp_path / "cfg" / "lesbar" / "lesbar.toml").write_text('[convert]\ntranslate = "en, ar"\n', encoding="utf-8")
    assert load_settings().convert.translate == ["en", "ar"]
    (tmp_path / "lesbar.toml").write_text('[convert]\ntranslate = ["tr"]\n', encoding="utf-8")
    assert load_settings().convert.translate == ["tr"]


def test_unknown_format_or_variant_options_are_rejected_clearly(tmp_path: Path):
    source = make_docx(tmp_path / "bericht.docx")
    result = run(["convert", str(source), "-o", str(tmp_path / "out"), "--formats", "html,odt"])
    assert result.exit_code != 0 and "--formats: unknown value(s) 'odt'" in result.stderr
    result = run(["convert", str(source), "-o", str(tmp_path / "out"), "--translate", "en;ar"])
    assert result.exit_code != 0 and "not a language code" in result.stderr


def test_convert_works_from_python_too(tmp_path: Path):
    source = make_pdf(tmp_path / "bericht.pdf")
    result = convert_file(source, tmp_path / "out", ConvertOptions(variants=["original"], formats=["html"]))
    assert result.ok and Path(result.folder).name == "bericht"
    assert "original.html" in result.files
    broken = tmp_path / "kaputt.docx"
    broken.write_bytes(b"PK\x03\x04 not really")
    failed = convert_file(broken, tmp_path / "out", ConvertOptions(formats=["html"]))
    assert not failed.ok and "kaputt.docx" in failed.error


def test_version_and_every_command_help_has_an_example():
    result = run(["--version"])
    assert result.exit_code == 0 and __version__ in result.output
    assert "Example" in run(["--help"]).output
    for name in LazyGroup.list_commands(cli, None):  # type: ignore[arg-type]
        assert name in COMMANDS
        help_text = run([name, "--help"]).output
        assert "Example" in help_text, f"'lesbar {name} --help' has no example"


def test_inspect_prints_an_outline_and_lossless_json(tmp_path: Path):
    from lesbar.model import from_json

    source = make_docx(tmp_path / "bericht.docx")
    outline = run(["inspect", str(source)])
    assert outline.exit_code == 0
    assert "Heading 1: Integrationskonferenz" in outline.output
    assert "[b2.s1]" in outline.output
    as_json = run(["inspect", str(source), "--json"])
    doc = from_json(as_json.output)
    assert doc.meta.title == "Integrationskonferenz"
    assert [s.id for s in doc.sentences()][:2] == ["b1.s1", "b2.s1"]


def test_a_requested_translation_without_a_model_is_reported_and_strict_makes_it_fail(tmp_path: Path):
    source = make_docx(tmp_path / "bericht.docx")
    packages = tmp_path / "argos-leer"
    packages.mkdir()
    config = tmp_path / "lesbar.toml"
    config.write_text(f'[convert]\nformats = ["html"]\nvariants = ["original"]\n'
                      f'[translation]\npackages_dir = "{packages.as_posix()}"\n', encoding="utf-8")
    args = ["convert", str(source), "-o", str(tmp_path / "out"), "--config", str(config), "--translate", "ar"]
    result = run(args)
    assert result.exit_code == 0, result.stderr
    assert "lesbar models install" in result.stderr
    manifest = json.loads((tmp_path / "out" / "bericht" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["missing"] and manifest["missing"][0].startswith("ar")
    assert manifest["options"]["translation"]["packages_dir"] == packages.as_posix()
    assert (tmp_path / "out" / "bericht" / "original.html").is_file()
    strict = run(args + ["--strict"])
    assert strict.exit_code == 3


@pytest.mark.parametrize(("toml", "expected"), [
    ('[convert]\nvariant = ["original"]\n', "[convert]: unknown setting 'variant' (known: formats,"),
    ('[convert]\nstrict = "yes"\n', "[convert]: 'strict' must be true or false"),
    ('[convert]\nvariants = ["original", "leichte"]\n', "[convert]: 'variants': unknown value(s) 'leichte'"),
    ('[convert]\nformats = "html, odt"\n', "[convert]: 'formats': unknown value(s) 'odt'"),
    ('[convert]\ntranslate = ["englisch"]\n', "[convert]: 'translate': 'englisch' is not a language code"),
    ('[translation]\nbeam_size = 0\n', "[translation]: 'beam_size': 0 is too small; it must be at least 1"),
    ('[translation]\nbeam_size = 2.5\n', "[translation]: 'beam_size' must be a whole number"),
    ('[limits]\ntimeout_seconds = -1\n', "[limits]: 'timeout_seconds': -1 is too small; it must be at least 0"),
    ('[limits]\nmax_pages = -5\n', "[limits]: 'max_pages': -5 is too small"),
    ('[glossar]\npaths = []\n', "unknown setting 'glossar' (known: convert, glossary, limits, translation)"),
])
def test_a_wrong_setting_in_lesbar_toml_is_one_line_naming_file_and_key(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, toml: str, expected: str):
    source = make_docx(tmp_path / "bericht.docx")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-user-config"))
    monkeypatch.delenv("LESBAR_CONFIG", raising=False)
    (tmp_path / "lesbar.toml").write_text(toml, encoding="utf-8")
    result = run(["convert", str(source), "-o", "out", "--formats", "html"])
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert f"lesbar.toml {expected}" in lines[0] or f"lesbar.toml: {expected}" in lines[0], lines
    assert str(tmp_path / "lesbar.toml") in lines[0] and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_language_codes_are_case_insensitive_and_words_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from lesbar.config import load_settings

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-user-config"))
    (tmp_path / "lesbar.toml").write_text('[convert]\ntranslate = ["EN", "ar", "en"]\n', encoding="utf-8")
    assert load_settings().convert.translate == ["en", "ar"]
    source = make_docx(tmp_path / "bericht.docx")
    packages = tmp_path / "argos-leer"
    packages.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    result = run(["convert", str(source), "-o", "out", "--formats", "html", "--variants", "original",
                  "--translate", "TR"])
    assert result.exit_code == 0, result.stderr
    assert "no model de→tr" in result.stderr and "de→TR" not in result.stderr
    result = run(["convert", str(source), "-o", "out", "--translate", "Englisch"])
    assert result.exit_code != 0 and "--translate: 'englisch' is not a language code" in result.stderr


def test_inspect_json_reads_back_and_check_accepts_it(tmp_path: Path):
    source = make_docx(tmp_path / "bericht.docx")
    saved = tmp_path / "bericht.json"
    saved.write_text(run(["inspect", str(source), "--json"]).output, encoding="utf-8")
    again = run(["inspect", str(saved), "--json"])
    assert again.exit_code == 0, again.stderr
    assert again.output == saved.read_text(encoding="utf-8")  # lossless both ways
    assert run(["inspect", str(saved)]).output == run(["inspect", str(source)]).output
    from_docx = run(["check", str(source), "--level", "leicht", "--json"])
    from_model = run(["check", str(saved), "--level", "leicht", "--json"])
    assert from_model.exit_code == 0, from_model.stderr
    assert json.loads(from_model.output) == json.loads(from_docx.output)
    unsegmented = tmp_path / "roh.json"
    unsegmented.write_text(run(["inspect", str(source), "--json", "--no-segment"]).output, encoding="utf-8")
    assert json.loads(run(["check", str(unsegmented), "--json"]).output) == json.loads(from_docx.output)
    for text, message in (('{"a": 1}', "not a lesbar document"), ("{", "not valid JSON (line")):
        broken = tmp_path / "kaputt.json"
        broken.write_text(text, encoding="utf-8")
        for command in ("inspect", "check"):
            result = run([command, str(broken)])
            assert result.exit_code == 1 and message in result.stderr, result.stderr
            assert len(result.stderr.strip().splitlines()) == 1
