"""``lesbar watch --once``: one pass over eingang/ as a real subprocess (what cron would run)."""

from __future__ import annotations

import json
import tomllib
import zipfile
from pathlib import Path

from watch_helpers import files_below, make_report, manifests, run_once, sha256


def test_first_run_creates_layout_and_commented_german_settings(tmp_path: Path) -> None:
    root = tmp_path / "neu"
    result = run_once(root)
    assert result.returncode == 0, result.stderr
    for name in ("eingang", "ausgang", "erledigt", "fehler", ".lesbar"):
        assert (root / name).is_dir(), name
    text = (root / "einstellungen.toml").read_text(encoding="utf-8")
    assert "# Welche Fassungen sollen entstehen?" in text
    data = tomllib.loads(text)
    assert data["formate"] == ["html", "docx", "pdf"]
    assert data["aufbewahrung"]["erledigt_tage"] == 0  # default: keep


def test_dropped_report_is_converted_and_original_filed_after_outputs(folder: Path) -> None:
    source = make_report(folder / "eingang" / "Bericht Oktober.docx", "Sommerfest")
    digest = sha256(source)
    result = run_once(folder)
    assert result.returncode == 0, result.stderr
    out = folder / "ausgang" / "Bericht Oktober"
    assert sorted(p.name for p in out.iterdir()) == ["manifest.json", "original.html", "report.html", "report.json"]
    assert "Sommerfest" in (out / "original.html").read_text(encoding="utf-8")
    assert files_below(folder / "eingang") == []
    assert sha256(folder / "erledigt" / "Bericht Oktober.docx") == digest
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["input"]["sha256"] == digest
    assert manifest["input"]["path"] == "eingang/Bericht Oktober.docx"  # not lesbar's private working copy
    assert files_below(folder / ".lesbar" / "arbeit") == []
    log_line = [line for line in result.stdout.splitlines() if " OK " in line]
    assert len(log_line) == 1
    assert "Beginn" in log_line[0] and "Ende" in log_line[0] and "Dauer" in log_line[0]
    assert "original.html" in log_line[0]
    assert log_line[0] in (folder / ".lesbar" / "watch.log").read_text(encoding="utf-8")


def test_temporary_hidden_and_system_files_are_left_alone(folder: Path) -> None:
    eingang = folder / "eingang"
    eingang.mkdir()
    make_report(eingang / "~$ericht.docx", "Besitzerdatei")
    (eingang / "download.pdf.crdownload").write_bytes(b"%PDF-1.7 halb")
    (eingang / "kopie.docx.part").write_bytes(b"PK")
    make_report(eingang / ".versteckt.docx", "Versteckt")
    (eingang / "Thumbs.db").write_bytes(b"x")
    make_report(eingang / ".sync" / "im-versteckten-ordner.docx", "Sync")
    before = {p: sha256(eingang / p) for p in files_below(eingang)}
    result = run_once(folder)
    assert result.returncode == 0, result.stderr
    assert {p: sha256(eingang / p) for p in files_below(eingang)} == before
    assert files_below(folder / "ausgang") == [] and files_below(folder / "fehler") == []


def test_file_open_in_word_waits_until_its_owner_file_is_gone(folder: Path) -> None:
    eingang = folder / "eingang"
    make_report(eingang / "Protokoll.docx", "Offen")
    (eingang / "~$otokoll.docx").write_bytes(b"owner")  # Word's lock file while the document is open
    result = run_once(folder)
    assert result.returncode == 0
    assert (eingang / "Protokoll.docx").exists() and files_below(folder / "ausgang") == []
    assert "warten noch (geöffnet oder Einstellungen fehlerhaft): eingang/Protokoll.docx" in result.stdout
    (eingang / "~$otokoll.docx").unlink()
    assert run_once(folder).returncode == 0
    assert (folder / "ausgang" / "Protokoll" / "original.html").exists()


def test_same_name_dropped_twice_gets_a_new_folder_and_never_overwrites(folder: Path) -> None:
    make_report(folder / "eingang" / "bericht.docx", "Erster Bericht")
    assert run_once(folder).returncode == 0
    first = (folder / "ausgang" / "bericht" / "original.html").read_bytes()
    make_report(folder / "eingang" / "bericht.docx", "Zweiter Bericht")
    assert run_once(folder).returncode == 0
    assert (folder / "ausgang" / "bericht" / "original.html").read_bytes() == first
    assert "Zweiter Bericht" in (folder / "ausgang" / "bericht-2" / "original.html").read_text(encoding="utf-8")
    assert files_below(folder / "erledigt") == ["bericht-2.docx", "bericht.docx"]


def test_identical_content_under_two_names_is_converted_for_each_drop(folder: Path) -> None:
    a = make_report(folder / "eingang" / "a.docx", "Gleich")
    (folder / "eingang" / "b.docx").write_bytes(a.read_bytes())
    assert run_once(folder).returncode == 0
    assert sorted(m["input"]["name"] for m in manifests(folder)) == ["a.docx", "b.docx"]
    assert files_below(folder / "erledigt") == ["a.docx", "b.docx"]


def _odt(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<office:document-content/>")


def test_bad_files_go_to_fehler_with_a_plain_german_note(folder: Path) -> None:
    eingang = folder / "eingang"
    eingang.mkdir()
    (eingang / "leer.docx").write_bytes(b"")
    (eingang / "kaputt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\n" + b"\x00" * 50)
    _odt(eingang / "libre.odt")
    (eingang / "alt.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    (eingang / "notizen.txt").write_text("Nur Text", encoding="utf-8")
    make_report(eingang / "gut.docx", "Gut")
    result = run_once(folder)
    assert result.returncode == 0, result.stderr
    expected = {
        "leer.docx": "Die Datei ist leer",
        "kaputt.pdf": "beschädigt",
        "libre.odt": "OpenDocument",
        "alt.doc": "alte Word-Datei",
        "notizen.txt": "weder ein PDF noch eine Word-Datei",
    }
    for name, phrase in expected.items():
        assert (folder / "fehler" / name).exists(), name
        note = (folder / "fehler" / f"{name}.fehler.txt").read_text(encoding="utf-8")
        assert note.startswith(f"lesbar konnte diese Datei nicht bearbeiten: {name}")
        assert "Was ist los?" in note and "Was können Sie tun?" in note
        assert phrase in note, (name, note)
    assert (folder / "ausgang" / "gut" / "original.html").exists()
    assert files_below(eingang) == []
    assert result.stdout.count(" FEHLER ") == len(expected)


def test_file_above_the_size_limit_goes_to_fehler_without_being_read(folder: Path) -> None:
    settings = folder / "einstellungen.toml"
    settings.write_text(settings.read_text(encoding="utf-8") + "hoechstgroesse_mb = 0.02\n", encoding="utf-8")
    big = folder / "eingang" / "gross.pdf"
    big.parent.mkdir()
    big.write_bytes(b"%PDF-1.7\n" + b"0" * 60_000)
    result = run_once(folder)
    assert result.returncode == 0, result.stderr
    note = (folder / "fehler" / "gross.pdf.fehler.txt").read_text(encoding="utf-8")
    assert "0.02 MB" in note and "hoechstgroesse_mb" in note
    assert (folder / "fehler" / "gross.pdf").stat().st_size == 60_009


def test_a_subfolder_has_its_own_settings_and_mirrored_output(folder: Path) -> None:
    team = folder / "eingang" / "team-nord"
    make_report(team / "treffen.docx", "Treffen")
    (team / "einstellungen.toml").write_text('formate = ["docx"]\n', encoding="utf-8")
    make_report(folder / "eingang" / "haupt.docx", "Haupt")
    assert run_once(folder).returncode == 0
    assert sorted(p.name for p in (folder / "ausgang" / "team-nord" / "treffen").glob("original.*")) == ["original.docx"]
    assert sorted(p.name for p in (folder / "ausgang" / "haupt").glob("original.*")) == ["original.html"]
    assert (folder / "erledigt" / "team-nord" / "treffen.docx").exists()
    assert (team / "einstellungen.toml").exists()  # the settings file is not an input


def test_broken_settings_file_stops_start_with_one_clear_line(folder: Path) -> None:
    (folder / "einstellungen.toml").write_text('formate = ["html", "odt"]\n', encoding="utf-8")
    make_report(folder / "eingang" / "x.docx", "X")
    result = run_once(folder)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert "formate" in lines[0] and "odt" in lines[0]
    assert (folder / "eingang" / "x.docx").exists()


def test_library_entry_point_works_without_the_cli(folder: Path) -> None:
    from lesbar.watch import watch_folder
    from lesbar.watch.service import WatchConfig

    make_report(folder / "eingang" / "direkt.docx", "Direkt")
    lines: list[str] = []
    assert watch_folder(folder, config=WatchConfig(once=True), echo=lines.append) == 0
    assert (folder / "ausgang" / "direkt" / "original.html").exists()
    assert any(" OK " in line and "eingang/direkt.docx" in line for line in lines)


def test_cli_help_has_examples_and_bad_folder_is_one_line() -> None:
    from click.testing import CliRunner

    from lesbar.cli.main import cli

    runner = CliRunner()
    result = runner.invoke(cli, ["watch", "--help"])
    assert result.exit_code == 0 and "lesbar watch --polling" in result.output and "--once" in result.output
    result = runner.invoke(cli, ["watch", "/proc/kein-ordner", "--once"])
    assert result.exit_code != 0
    assert "cannot create the watch folder" in result.output and "Traceback" not in result.output


def test_retention_runs_from_cron_even_when_eingang_is_empty(folder: Path) -> None:
    import time

    from lesbar.watch.layout import Layout
    from lesbar.watch.retention import DAY, append_index

    settings = folder / "einstellungen.toml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\n[aufbewahrung]\nerledigt_tage = 2\n",
                        encoding="utf-8")
    layout = Layout(folder)
    layout.ensure()
    for name, age in (("alt.docx", 3), ("neu.docx", 1)):
        (layout.erledigt / name).write_bytes(b"PK")
        append_index(layout, {"path": f"erledigt/{name}", "at": time.time() - age * DAY, "sha256": name * 8})
    result = run_once(folder)
    assert result.returncode == 0, result.stderr
    assert files_below(layout.erledigt) == ["neu.docx"]
    assert "GELOESCHT erledigt/alt.docx (Aufbewahrung 2 Tage)" in result.stdout
