"""`lesbar glossary …` through click's runner on real glossary files (and once as a real process)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from tests.glossary.conftest import SMALL, write

from lesbar.cli.main import cli
from lesbar.glossary import load_glossaries, shipped_glossary


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["glossary", *args], input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_every_subcommand_help_has_an_example() -> None:
    for name in ("list", "show", "add", "edit", "remove", "validate", "import", "export", "serve", "match"):
        code, out, _ = run(name, "--help")
        assert code == 0 and "Example" in out and "lesbar glossary" in out and "--glossary" in out, name


def test_list_and_show_use_the_shipped_glossary_by_default() -> None:
    code, out, _ = run("list", "Kurs")
    assert code == 0 and "integrationskurs" in out
    code, out, _ = run("show", "KI")
    assert code == 0 and "Kommunales Integrationszentrum" in out and "en: Municipal Integration Centre" in out


def test_show_unknown_entry_suggests_close_matches() -> None:
    code, _out, err = run("show", "Landrad")
    assert code == 1 and "gibt es nicht" in err and "Landrat" in err and "Traceback" not in err


def test_add_edit_remove_go_to_the_staff_glossary(isolated_dirs: Path) -> None:
    staff = isolated_dirs / "data" / "glossar.yaml"
    code, out, _ = run("add", "Integrationsagentur", "--gender", "f", "--leicht",
                       "Die Integrations-Agentur hilft.\\nSie ist ein Amt.", "--target", "en=integration agency",
                       "--user", "Anna")
    assert code == 0 and "integrationsagentur" in out
    code, _, _ = run("edit", "landrat", "--target", "en=District Administrator", "--approve", "en")
    assert code == 0
    code, _, _ = run("remove", "gastarbeiter", "--yes")
    assert code == 0
    data = yaml.safe_load(staff.read_text(encoding="utf-8"))
    by_id = {e["id"]: e for e in data["entries"]}
    assert by_id["integrationsagentur"]["leicht"] == "Die Integrations-Agentur hilft.\nSie ist ein Amt."
    assert by_id["integrationsagentur"]["changed_by"] == "Anna"
    assert by_id["landrat"]["targets"]["en"] == {"term": "District Administrator", "status": "approved"}
    assert by_id["gastarbeiter"] == {"id": "gastarbeiter", "removed": True}
    glossary = load_glossaries()
    assert glossary.get("gastarbeiter") is None and glossary.get("integrationsagentur") is not None
    assert shipped_glossary().read_text(encoding="utf-8").count("id: gastarbeiter") == 1  # shipped untouched


def test_add_with_existing_id_is_refused() -> None:
    code, _, err = run("add", "Landrat", "--id", "landrat")
    assert code == 1 and "gibt es schon" in err


def test_edit_with_unknown_language_status_is_a_clear_error() -> None:
    code, _, err = run("edit", "kreis", "--approve", "xx")
    assert code == 1 and "keine Übersetzung „xx“" in err


def test_explicit_glossary_option_selects_files_and_edit_target(tmp_path: Path) -> None:
    base = write(tmp_path / "land.yaml", SMALL)
    county = tmp_path / "kreis.yaml"
    code, _, _ = run("edit", "kreis", "--target", "en=county", "--glossary", str(base), "--glossary", str(county))
    assert code == 0
    assert "county" in county.read_text(encoding="utf-8")
    assert "county" not in base.read_text(encoding="utf-8")
    code, out, _ = run("show", "kreis", "--glossary", str(base), "--glossary", str(county))
    assert "en: county" in out


def test_validate_shipped_glossary_passes() -> None:
    code, out, err = run("validate", str(shipped_glossary()), "--strict")
    assert code == 0, err
    assert "0 Fehler, 0 Hinweise" in out  # plural for zero


def test_validate_reports_broken_file_with_line_and_exit_code(tmp_path: Path) -> None:
    broken = write(tmp_path / "kaputt.yaml", """
        entries:
          - id: kreis
            term: Kreis
            targets:
              en district
        """)
    code, _out, err = run("validate", str(broken))
    assert code == 1 and "kaputt.yaml, Zeile" in err and "Fehler" in err


def test_validate_reports_duplicates_conflicts_and_empty_translations(tmp_path: Path) -> None:
    path = write(tmp_path / "g.yaml", """
        entries:
          - id: kreis
            term: Kreis
            targets: {en: district}
          - id: kreis-2
            term: Kreis
            targets: {en: district}
          - id: ki
            term: Kommunales Integrationszentrum
            abbreviations: [KI]
            targets: {en: ""}
          - id: ki-technik
            term: Künstliche Intelligenz
            abbreviations: [KI]
        """)
    code, _out, err = run("validate", str(path))
    assert code == 1
    assert "g.yaml, Zeile 5: Fehler: doppelter Eintrag: Begriff „Kreis“" in err
    assert "widersprüchliche Einträge: Abkürzung „KI“" in err
    assert "Übersetzung „en“ ist leer" in err


def test_export_csv_to_stdout_has_bom_and_semicolons() -> None:
    result = CliRunner().invoke(cli, ["glossary", "export", "--format", "csv", "--delimiter", ";"])
    assert result.exit_code == 0
    raw = result.stdout_bytes
    assert raw.startswith("\ufeff".encode()) and raw.decode("utf-8-sig").startswith("id;term;variants")
    assert "\r\n" in raw.decode("utf-8")


def test_csv_round_trip_through_the_cli_is_lossless(tmp_path: Path) -> None:
    exported = tmp_path / "glossar.csv"
    code, _, _ = run("export", "--format", "csv", "--delimiter", ";", "-o", str(exported))
    assert code == 0
    target = tmp_path / "neu.yaml"
    code, out, _ = run("import", str(exported), "--glossary", str(target))
    assert code == 0 and "77 neu" in out
    assert _stored(load_glossaries([target])) == _stored(load_glossaries([shipped_glossary()]))


def test_tbx_round_trip_through_the_cli_is_lossless(tmp_path: Path) -> None:
    exported = tmp_path / "glossar.tbx"
    code, _, _ = run("export", "--format", "tbx", "-o", str(exported))
    assert code == 0 and exported.read_bytes().startswith(b"<?xml")
    target = tmp_path / "neu.yaml"
    code, out, _ = run("import", str(exported), "--glossary", str(target))
    assert code == 0 and "77 neu" in out
    assert _stored(load_glossaries([target])) == _stored(load_glossaries([shipped_glossary()]))


def test_import_of_unchanged_entries_writes_nothing(isolated_dirs: Path, tmp_path: Path) -> None:
    exported = tmp_path / "g.csv"
    run("export", "-o", str(exported))
    code, out, _ = run("import", str(exported))
    assert code == 0 and "0 neu, 0 geändert, 77 unverändert" in out
    assert not (isolated_dirs / "data" / "glossar.yaml").exists()


def test_import_edited_csv_updates_only_changed_rows(isolated_dirs: Path, tmp_path: Path) -> None:
    exported = tmp_path / "g.csv"
    run("export", "--delimiter", ";", "-o", str(exported))
    text = exported.read_text(encoding="utf-8-sig").replace("Kaymakam", "İlçe yöneticisi")
    exported.write_text(text, encoding="utf-8-sig")
    code, out, _ = run("import", str(exported), "--user", "Ayşe")
    assert code == 0 and "1 geändert" in out
    landrat = load_glossaries().get("landrat")
    assert landrat.targets["tr"].term == "İlçe yöneticisi" and landrat.changed_by == "Ayşe"


def test_broken_csv_row_is_reported_with_line_and_nothing_is_imported(isolated_dirs: Path, tmp_path: Path) -> None:
    path = tmp_path / "kaputt.csv"
    path.write_text("id;term;dnt;en\nkreis;Kreis;nein;district\nx;Xenon;vielleicht;xenon\n", encoding="utf-8-sig")
    code, _, err = run("import", str(path))
    assert code == 1 and "kaputt.csv, Zeile 3" in err and "weder ja noch nein" in err
    assert not (isolated_dirs / "data" / "glossar.yaml").exists()


def test_import_of_unknown_format_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "g.xlsx", "x")
    code, _, err = run("import", str(path))
    assert code == 1 and ".csv, .tbx und .yaml" in err


def test_export_to_a_file_with_the_wrong_extension_is_refused(tmp_path: Path) -> None:
    code, _, err = run("export", "--format", "tbx", "-o", str(tmp_path / "g.csv"))
    assert code == 1 and "--format csv" in err and not (tmp_path / "g.csv").exists()


def test_serve_refuses_network_without_flag_and_token() -> None:
    code, _, err = run("serve", "--host", "0.0.0.0", "--port", "0")
    assert code == 1 and "--allow-network" in err
    code, _, err = run("serve", "--host", "0.0.0.0", "--port", "0", "--allow-network")
    assert code == 1 and "Zugangsschlüssel" in err


def test_broken_glossary_gives_one_line_with_line_number_from_the_real_cli(tmp_path: Path) -> None:
    broken = write(tmp_path / "kaputt.yaml", "entries:\n  - id: a\n    term: A\n  - id: b\n   term: B\n")
    env = dict(os.environ, LESBAR_GLOSSARY=str(broken))
    done = subprocess.run([sys.executable, "-m", "lesbar", "glossary", "list"], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode != 0
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "kaputt.yaml, Zeile 5" in lines[0], done.stderr


def _stored(glossary) -> list[dict]:  # type: ignore[no-untyped-def]
    out = []
    for entry in glossary.entries:
        data = entry.to_dict()
        for key in ("source", "line"):
            data.pop(key)
        out.append(data)
    return out


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_with_multiline_cells_round_trips(tmp_path: Path, delimiter: str) -> None:
    from lesbar.glossary.csvio import export_csv, import_csv

    glossary = load_glossaries([shipped_glossary()])
    text = export_csv(glossary.entries, delimiter)
    back = import_csv(text, tmp_path / "x.csv")
    assert [e.leicht for e in back] == [e.leicht for e in glossary.entries]


def test_match_shows_what_the_matcher_finds() -> None:
    code, out, _ = run("match", "Die KI's des Kreises Heinsberg bieten Integrations-Kurse an, die Kita nicht.")
    assert code == 0
    assert [line.split("→")[1].split()[0] for line in out.splitlines()] == [
        "kommunales-integrationszentrum", "kreis-heinsberg", "integrationskurs", "kita"]


def test_match_reads_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "bericht.txt"
    path.write_text("Der Landrat sprach im Plenum.", encoding="utf-8")
    code, out, _ = run("match", "--file", str(path), "--json")
    assert code == 0 and [m["id"] for m in __import__("json").loads(out)] == ["landrat", "plenum"]


# ------------------------------------------------------------------ staff workflows found in a review


def _copy_of_shipped(tmp_path: Path) -> Path:
    copy = tmp_path / "kreis-heinsberg.yaml"
    copy.write_bytes(shipped_glossary().read_bytes())
    return copy


def test_a_sheet_without_status_column_keeps_approved_translations(tmp_path: Path) -> None:
    glossary = _copy_of_shipped(tmp_path)
    code, _, _ = run("edit", "landrat", "--approve", "en", "--glossary", str(glossary))
    assert code == 0
    # an agency returns "term;en": Landrat unchanged, Kreis with a new translation
    sheet = tmp_path / "agentur.csv"
    sheet.write_bytes("\ufeffterm;en\r\nLandrat;District Administrator\r\nKreis;county\r\n".encode())
    code, out, err = run("import", str(sheet), "--glossary", str(glossary))
    assert code == 0, err
    current = load_glossaries([glossary])
    assert current.get("landrat").targets["en"].status == "approved"  # repeated, still approved
    assert current.get("kreis").targets["en"] == type(current.get("kreis").targets["en"])("county", "draft")
    # a status column that says draft is obeyed
    sheet.write_bytes("\ufeffterm;en;en_status\r\nLandrat;District Administrator;draft\r\n".encode())
    assert run("import", str(sheet), "--glossary", str(glossary))[0] == 0
    assert load_glossaries([glossary]).get("landrat").targets["en"].status == "draft"


def test_a_tbx_from_another_tool_keeps_approved_translations(tmp_path: Path) -> None:
    glossary = _copy_of_shipped(tmp_path)
    assert run("edit", "landrat", "--approve", "en", "--glossary", str(glossary))[0] == 0
    tbx = write(tmp_path / "agentur.tbx", """
        <?xml version="1.0" encoding="UTF-8"?>
        <martif type="TBX" xml:lang="de"><martifHeader><fileDesc><sourceDesc><p>CAT</p></sourceDesc></fileDesc>
        </martifHeader><text><body>
          <termEntry id="landrat">
            <langSet xml:lang="de"><tig><term>Landrat</term></tig></langSet>
            <langSet xml:lang="en"><tig><term>District Administrator</term></tig></langSet>
          </termEntry>
        </body></text></martif>
        """)
    code, _, err = run("import", str(tbx), "--glossary", str(glossary))
    assert code == 0, err
    assert load_glossaries([glossary]).get("landrat").targets["en"].status == "approved"


def test_rows_typed_in_excel_with_empty_or_missing_cells_get_the_defaults(tmp_path: Path) -> None:
    glossary = _copy_of_shipped(tmp_path)
    exported = tmp_path / "glossar.csv"
    assert run("export", "--delimiter", ";", "-o", str(exported), "--glossary", str(glossary))[0] == 0
    lines = exported.read_bytes().decode("utf-8-sig").split("\r\n")
    columns = lines[0].split(";")
    new_row = [""] * len(columns)
    new_row[columns.index("term")], new_row[columns.index("en")] = "Sprachcafé", "language café"
    # a new row with every cell, one cut short after the gender (Excel drops trailing empty cells of
    # hand-made sheets), and a note with a semicolon inside quotes
    rows = [";".join(new_row), ";Elterncafé;;;;noun;n", ';Familienzentrum;;;;;;;;;;;;"offen; kostenlos"']
    exported.write_bytes(("\ufeff" + "\r\n".join([*lines[:-1], *rows, ""])).encode("utf-8"))
    code, out, err = run("import", str(exported), "--glossary", str(glossary))
    assert code == 0 and "3 neu, 0 geändert" in out, (out, err)
    current = load_glossaries([glossary])
    for entry_id in ("sprachcafe", "elterncafe", "familienzentrum"):
        entry = current.get(entry_id)
        assert entry.in_compounds is True and entry.dnt is False, entry_id  # "Sprachcafé-Team" still matches
    assert current.get("familienzentrum").note == "offen; kostenlos"
    assert [m.entry.id for m in current.match("Das Sprachcafé-Team lädt ein.")] == ["sprachcafe"]


def test_adding_or_importing_a_term_that_exists_is_refused(tmp_path: Path) -> None:
    glossary = _copy_of_shipped(tmp_path)
    before = glossary.read_bytes()
    code, _, err = run("add", "Landrat", "--glossary", str(glossary))
    assert code == 1 and "„Landrat“ gibt es schon im Eintrag „landrat“" in err
    assert "lesbar glossary edit landrat" in err and len(err.strip().splitlines()) == 1
    code, _, err = run("edit", "kreis", "--variant", "Landrat", "--glossary", str(glossary))
    assert code == 1 and "gibt es schon" in err
    sheet = tmp_path / "neu.csv"
    sheet.write_bytes("\ufeffid;term;en\r\nlandrat-neu;landrat;x\r\n".encode())
    code, _, err = run("import", str(sheet), "--glossary", str(glossary))
    assert code == 1 and "neu.csv, Zeile 2" in err and "gibt es schon" in err
    assert glossary.read_bytes() == before  # nothing written
    code, _, _ = run("validate", "--glossary", str(glossary))
    assert code == 0
    # an unrelated edit of an entry is still possible
    assert run("edit", "kreis", "--note", "Gebietskörperschaft", "--glossary", str(glossary))[0] == 0


def test_reading_commands_say_when_the_named_glossary_does_not_exist(tmp_path: Path) -> None:
    missing = tmp_path / "tippfehler.yaml"
    for args in (["list"], ["show", "landrat"], ["match", "Der Landrat"], ["export", "--format", "csv"]):
        code, out, err = run(*args, "--glossary", str(missing))
        assert code == 1 and "tippfehler.yaml: Die Glossar-Datei gibt es nicht" in err, (args, out, err)
    assert not missing.exists()
    # a new staff glossary is still created by the first edit
    code, _, err = run("add", "Sprachcafé", "--glossary", str(missing))
    assert code == 0 and missing.exists(), err


def test_old_excel_files_unicode_text_is_imported_and_ansi_csv_is_refused_with_a_way_out(tmp_path: Path) -> None:
    glossary = _copy_of_shipped(tmp_path)
    # "Unicode-Text (*.txt)" from Excel 2010: UTF-16 with BOM, tab-separated, CRLF; Arabic survives
    unicode_text = tmp_path / "glossar.txt"
    unicode_text.write_bytes("term\ten\tar\r\nLandrat\tDistrict Chief\tرئيس الدائرة\r\n".encode("utf-16"))
    code, out, err = run("import", str(unicode_text), "--glossary", str(glossary))
    assert code == 0 and "1 geändert" in out, err
    landrat = load_glossaries([glossary]).get("landrat")
    assert landrat.targets["en"].term == "District Chief" and landrat.targets["ar"].term == "رئيس الدائرة"
    # "CSV (Trennzeichen-getrennt)": Windows-1252, where Arabic would already be "?????"
    before = glossary.read_bytes()
    ansi = tmp_path / "ansi.csv"
    ansi.write_bytes("term;en\r\nLandrat;District Administrator\r\nBürgerbüro;citizens' office\r\n".encode("cp1252"))
    code, _, err = run("import", str(ansi), "--glossary", str(glossary))
    assert code == 1 and "ansi.csv, Zeile 3: Die CSV-Datei ist nicht in UTF-8 gespeichert" in err
    assert "„CSV UTF-8“" in err and "Unicode-Text" in err and len(err.strip().splitlines()) == 1
    assert glossary.read_bytes() == before


def test_staff_messages_carry_a_german_label_from_the_real_cli(tmp_path: Path) -> None:
    env = {**os.environ, "LESBAR_DATA_DIR": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    result = subprocess.run([sys.executable, "-m", "lesbar", "glossary", "show", "Landrad"], capture_output=True,
                            text=True, env=env, cwd=tmp_path, check=False)
    assert result.returncode == 1
    assert result.stderr.startswith("Fehler: Den Eintrag „Landrad“ gibt es nicht.") and "Error" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
