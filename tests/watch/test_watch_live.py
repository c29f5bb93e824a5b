"""A running watcher (``python -m lesbar watch FOLDER``) reacting to files as staff drop them."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest
from watch_helpers import (
    FAST_SETTINGS,
    files_below,
    log_count,
    make_report,
    manifests,
    run_once,
    sha256,
    wait_for,
    watch_command,
)


def _done(folder: Path, n: int) -> bool:
    return len(list((folder / "ausgang").rglob("manifest.json"))) >= n and not any(
        (folder / "eingang").rglob("*.docx"))


def test_file_dropped_while_watching_is_converted_and_sigterm_ends_cleanly(folder: Path, watcher) -> None:
    w = watcher(folder)
    make_report(folder / "eingang" / "neu.docx", "Neu")
    wait_for(lambda: (folder / "erledigt" / "neu.docx").exists(), 60, "neu.docx to be filed")
    assert (folder / "ausgang" / "neu" / "original.html").exists()
    assert w.stop(signal.SIGTERM) == 0
    assert "ENDE" in w.output()


def test_file_written_slowly_in_chunks_is_taken_only_when_complete(folder: Path, watcher) -> None:
    complete = make_report(folder.parent / "vorlage.docx", "Langsam", sentences=40).read_bytes()
    watcher(folder)
    target = folder / "eingang" / "langsam.docx"
    chunk = len(complete) // 8 + 1
    with open(target, "wb") as fh:  # like a slow network copy: 8 pieces, 0.3 s apart (settle time 0.5 s)
        for start in range(0, len(complete), chunk):
            fh.write(complete[start:start + chunk])
            fh.flush()
            time.sleep(0.3)
    wait_for(lambda: (folder / "erledigt" / "langsam.docx").exists() or files_below(folder / "fehler"), 60,
             "the slow file to be processed")
    assert files_below(folder / "fehler") == []
    assert (folder / "erledigt" / "langsam.docx").read_bytes() == complete
    assert len(manifests(folder)) == 1


@pytest.mark.slow
def test_burst_of_50_files_is_converted_each_exactly_once(folder: Path, watcher) -> None:
    staging = folder.parent / "vorbereitet"
    digests = {}
    for n in range(50):
        path = make_report(staging / f"bericht-{n:02d}.docx", f"Veranstaltung {n}", sentences=2)
        digests[path.name] = sha256(path)
    w = watcher(folder)
    for path in sorted(staging.iterdir()):
        path.rename(folder / "eingang" / path.name)  # an atomic drop, as a file manager's move does
    wait_for(lambda: log_count(folder, " OK ") == 50, 150, "all 50 files to be done", step=0.5)
    found = manifests(folder)
    assert len(found) == 50
    assert sorted(m["input"]["sha256"] for m in found) == sorted(digests.values())
    assert {p: sha256(folder / "erledigt" / p) for p in files_below(folder / "erledigt")} == digests
    assert files_below(folder / "fehler") == [] and files_below(folder / "eingang") == []
    assert w.stop() == 0
    assert w.output().count(" OK ") == 50


def test_broken_settings_while_running_hold_new_files_until_fixed(folder: Path, watcher) -> None:
    w = watcher(folder)
    settings = folder / "einstellungen.toml"
    good = settings.read_text(encoding="utf-8")
    settings.write_text('formate = ["html"\n', encoding="utf-8")  # a typo: the bracket is missing
    wait_for(lambda: (folder / "einstellungen-FEHLER.txt").exists(), 30, "the settings error note")
    assert "Zeile" in (folder / "einstellungen-FEHLER.txt").read_text(encoding="utf-8")
    make_report(folder / "eingang" / "wartet.docx", "Wartet")
    time.sleep(3)
    assert (folder / "eingang" / "wartet.docx").exists() and files_below(folder / "ausgang") == []
    settings.write_text(good, encoding="utf-8")
    wait_for(lambda: (folder / "erledigt" / "wartet.docx").exists(), 60, "the held file after the fix")
    assert not (folder / "einstellungen-FEHLER.txt").exists()
    assert w.stop() == 0


def test_a_second_watcher_on_the_same_folder_is_refused(folder: Path, watcher) -> None:
    watcher(folder)
    second = subprocess.run(watch_command(folder, "--once"), capture_output=True, text=True, timeout=60)
    assert second.returncode != 0
    assert "already watched" in second.stderr and "Traceback" not in second.stderr


def test_polling_mode_for_network_shares_picks_up_drops(folder: Path, watcher) -> None:
    w = watcher(folder, "--polling", "--poll-interval", "0.5")
    make_report(folder / "eingang" / "smb.docx", "Netzlaufwerk")
    wait_for(lambda: (folder / "erledigt" / "smb.docx").exists(), 60, "the file on the polled folder")
    assert "Abfrage" in w.output()


@pytest.mark.parametrize("grace", ["0", "60"])
def test_stop_during_a_conversion_rolls_back_or_finishes_the_file_in_hand(tmp_path: Path, watcher, grace: str) -> None:
    folder = tmp_path / "w"
    folder.mkdir()
    (folder / "einstellungen.toml").write_text(FAST_SETTINGS.format(settle=0.2, workers=1), encoding="utf-8")
    w = watcher(folder, "--stop-grace", grace)
    make_report(folder / "eingang" / "inarbeit.docx", "In Arbeit", sentences=1000)  # seconds of conversion
    wait_for(lambda: any((folder / ".lesbar" / "arbeit").iterdir()), 60, "the conversion to start", step=0.02)
    assert w.stop(signal.SIGINT) == 0
    assert files_below(folder / ".lesbar" / "arbeit") == []
    if grace == "0":  # rolled back: the original is still in eingang, nothing half-written anywhere
        assert (folder / "eingang" / "inarbeit.docx").exists()
        assert files_below(folder / "ausgang") == [] and files_below(folder / "erledigt") == []
        assert "ZURUECK" in w.output()
    else:  # finished before exiting
        assert (folder / "erledigt" / "inarbeit.docx").exists()
        assert (folder / "ausgang" / "inarbeit" / "original.html").exists()
    assert run_once(folder).returncode == 0
    assert len(manifests(folder)) == 1 and files_below(folder / "eingang") == []


def test_a_folder_of_reports_moved_into_eingang_is_processed_with_its_subfolder(folder: Path, watcher) -> None:
    outside = folder.parent / "Team Süd"
    make_report(outside / "a.docx", "A")
    make_report(outside / "unter" / "b.docx", "B")
    watcher(folder, "--workers", "1")
    outside.rename(folder / "eingang" / "Team Süd")  # one event for the folder, none for the files in it
    wait_for(lambda: len(files_below(folder / "erledigt")) == 2, 25, "both files (well before the 30 s rescan)")
    assert files_below(folder / "erledigt") == ["Team Süd/a.docx", "Team Süd/unter/b.docx"]
    assert (folder / "ausgang" / "Team Süd" / "unter" / "b" / "original.html").exists()


def test_conversion_over_the_time_limit_is_stopped_and_the_file_goes_to_fehler(folder: Path, watcher) -> None:
    settings = folder / "einstellungen.toml"
    # simplified variants as PDF: 800 paragraphs are far more than the 3 s allowed, however fast the reader is
    text = settings.read_text(encoding="utf-8").replace('fassungen = ["original"]', 'fassungen = ["original", "leicht"]')
    settings.write_text(text.replace('formate = ["html"]', 'formate = ["html", "pdf"]') + "hoechstdauer_minuten = 0.05\n",
                        encoding="utf-8")
    w = watcher(folder, "--workers", "1")
    make_report(folder / "eingang" / "endlos.docx", "Sehr lang", sentences=800)
    wait_for(lambda: log_count(folder, "FEHLER  eingang/endlos.docx") == 1, 60, "the time limit to strike")
    note = (folder / "fehler" / "endlos.docx.fehler.txt").read_text(encoding="utf-8")
    assert "zu lange gedauert (0.05 Minuten)" in note and "hoechstdauer_minuten" in note
    assert files_below(folder / "ausgang") == [] and files_below(folder / ".lesbar" / "arbeit") == []
    make_report(folder / "eingang" / "kurz.docx", "Kurz")  # the replacement worker takes the next file
    wait_for(lambda: (folder / "erledigt" / "kurz.docx").exists(), 60, "the next file after the time limit")
    assert w.stop() == 0
