"""The parts of the watch folder on their own: settings, stability, retention, notes, journal."""

from __future__ import annotations

import fcntl
import json
import time
from pathlib import Path

import pytest
from watch_helpers import files_below, make_report

from lesbar.errors import ConfigError
from lesbar.watch import notes
from lesbar.watch.journal import Journal
from lesbar.watch.layout import Layout
from lesbar.watch.retention import DAY, append_index, sweep
from lesbar.watch.settings import (
    Retention,
    ensure_settings_file,
    load_folder_settings,
    options_for,
    template_text,
)
from lesbar.watch.stability import StabilityTracker, is_locked

# ------------------------------------------------------------------ settings


def _layout(tmp_path: Path, text: str | None = None) -> Layout:
    layout = Layout(tmp_path)
    layout.ensure()
    if text is not None:
        layout.settings.write_text(text, encoding="utf-8")
    return layout


def test_default_settings_file_matches_the_built_in_defaults(tmp_path: Path) -> None:
    layout = _layout(tmp_path)
    assert ensure_settings_file(layout) and not ensure_settings_file(layout)  # never overwrites staff edits
    from_file = load_folder_settings(layout)
    layout.settings.unlink()
    built_in = load_folder_settings(layout)
    assert from_file.convert.formats == built_in.convert.formats
    assert from_file.convert.variants == built_in.convert.variants
    assert from_file.behaviour == built_in.behaviour and not from_file.retention.active


@pytest.mark.parametrize(("text", "phrase"), [
    ('formatee = ["html"]\n', 'unbekannte Einstellung "formatee"'),
    ('formate = ["html", "odt"]\n', "erlaubt sind: html, docx, pdf"),
    ('formate = []\n', "darf nicht leer sein"),
    ('sprachen = ["englisch!"]\n', "kein Sprach-Kürzel"),
    ('[ueberwachung]\ngleichzeitig = "zwei"\n', "muss eine Zahl sein"),
    ('[ueberwachung]\ngleichzeitig = 0\n', "nicht kleiner als 1"),
    ('[aufbewahrung]\nerledigt_tag = 30\n', "[aufbewahrung]"),
    ('formate = ["html"\n', "Zeile"),
])
def test_settings_mistakes_are_named_in_german(tmp_path: Path, text: str, phrase: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_folder_settings(_layout(tmp_path, text))
    assert phrase in str(caught.value)


def test_subfolder_settings_override_only_their_keys_and_may_not_change_the_watcher(tmp_path: Path) -> None:
    layout = _layout(tmp_path, 'formate = ["html", "pdf"]\nsprachen = ["en"]\nglossare = ["glossar.yaml"]\n')
    top = load_folder_settings(layout)
    team = layout.eingang / "team"
    team.mkdir()
    (team / "einstellungen.toml").write_text('sprachen = ["ar", "tr"]\n', encoding="utf-8")
    options = options_for(layout, top, team / "x.docx")
    assert options.translate == ["ar", "tr"] and options.formats == ["html", "pdf"]
    assert options_for(layout, top, layout.eingang / "y.docx").translate == ["en"]
    assert top.convert.glossaries == [str((tmp_path / "glossar.yaml").resolve())]
    (team / "einstellungen.toml").write_text("[ueberwachung]\ngleichzeitig = 8\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        options_for(layout, top, team / "x.docx")


def test_size_limit_setting_reaches_the_readers_limits(tmp_path: Path) -> None:
    settings = load_folder_settings(_layout(tmp_path, "[ueberwachung]\nhoechstgroesse_mb = 5\n"))
    assert settings.behaviour.max_file_mb == 5 and settings.convert.limits.max_file_mb == 5


def test_template_is_german_and_explains_every_key() -> None:
    text = template_text()
    for key in ("fassungen", "formate", "sprachen", "uebersetzen_aus", "glossare", "wartezeit_sekunden",
                "hoechstgroesse_mb", "gleichzeitig", "erledigt_tage", "protokoll_tage", "uebersetzungsspeicher_tage"):
        lines = text.splitlines()
        index = next(i for i, line in enumerate(lines) if line.startswith(key))
        assert lines[index - 1].startswith("#"), f"{key} has no explanation above it"


# ------------------------------------------------------------------ stability


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_file_is_ready_only_after_size_and_mtime_were_stable_for_the_settle_time(tmp_path: Path) -> None:
    clock = FakeClock()
    tracker = StabilityTracker(2.0, clock=clock)
    path = tmp_path / "x.docx"
    path.write_bytes(b"PK1")
    tracker.touch(path)
    clock.now += 1.5
    assert tracker.settled() == []
    with open(path, "ab") as fh:  # the copy goes on: the wait starts again
        fh.write(b"more")
    clock.now += 1.0
    assert tracker.settled() == []
    clock.now += 1.9
    assert tracker.settled() == []
    clock.now += 0.2
    assert tracker.settled() == [path]


def test_vanished_file_is_forgotten(tmp_path: Path) -> None:
    clock = FakeClock()
    tracker = StabilityTracker(0.5, clock=clock)
    path = tmp_path / "weg.pdf"
    path.write_bytes(b"%PDF")
    tracker.touch(path)
    path.unlink()
    clock.now += 1
    assert tracker.settled() == [] and len(tracker) == 0


def test_lock_files_and_posix_locks_mean_the_file_is_still_open(tmp_path: Path) -> None:
    path = tmp_path / "Bericht.docx"
    path.write_bytes(b"PK")
    assert not is_locked(path)
    (tmp_path / ".~lock.Bericht.docx#").write_text("LibreOffice")
    assert is_locked(path)
    (tmp_path / ".~lock.Bericht.docx#").unlink()
    with open(path, "rb+") as holder:
        fcntl.flock(holder.fileno(), fcntl.LOCK_EX)
        assert is_locked(path)
    assert not is_locked(path)


# ------------------------------------------------------------------ retention


def _filed(layout: Layout, rel: str, sha: str, at: float, **extra: object) -> Path:
    path = layout.abs(rel)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x")
    append_index(layout, {"path": rel, "at": at, "sha256": sha, **extra})
    return path


def test_default_retention_deletes_nothing_even_after_years(tmp_path: Path) -> None:
    layout = _layout(tmp_path)
    _filed(layout, "erledigt/alt.docx", "a" * 64, time.time() - 3000 * DAY)
    result = sweep(layout, Retention(), now=time.time())
    assert result.deleted == [] and (layout.erledigt / "alt.docx").exists()


def test_retention_counts_days_from_filing_not_from_the_file_date(tmp_path: Path) -> None:
    layout = _layout(tmp_path)
    now = time.time()
    old = _filed(layout, "erledigt/alt.docx", "a" * 64, now - 31 * DAY)
    young = _filed(layout, "erledigt/team/neu.docx", "b" * 64, now - 29 * DAY)
    import os

    os.utime(young, (now - 900 * DAY, now - 900 * DAY))  # an old file, filed recently: kept
    fehler = _filed(layout, "fehler/kaputt.pdf", "c" * 64, now - 8 * DAY)
    (layout.fehler / "kaputt.pdf.fehler.txt").write_text("Notiz", encoding="utf-8")
    result = sweep(layout, Retention(erledigt_days=30, fehler_days=7), now=now)
    assert sorted(result.deleted) == ["erledigt/alt.docx", "fehler/kaputt.pdf", "fehler/kaputt.pdf.fehler.txt"]
    assert not old.exists() and young.exists() and not fehler.exists()
    index = layout.archive_index.read_text(encoding="utf-8")
    assert "alt.docx" not in index and "neu.docx" in index  # the index forgets deleted names too


def test_retention_of_result_folders_and_log_lines(tmp_path: Path) -> None:
    layout = _layout(tmp_path)
    now = time.time()
    folder = layout.ausgang / "bericht"
    folder.mkdir()
    (folder / "manifest.json").write_text("{}", encoding="utf-8")
    append_index(layout, {"path": "erledigt/bericht.docx", "at": now - 11 * DAY, "sha256": "d" * 64,
                          "ausgang": "ausgang/bericht"})
    old_line = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(now - 40 * DAY)) + " OK alt"
    new_line = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(now - DAY)) + " OK neu"
    layout.log.write_text(f"{old_line}\n{new_line}\n", encoding="utf-8")
    result = sweep(layout, Retention(ausgang_days=10, log_days=30), now=now)
    assert "ausgang/bericht" in result.deleted and not folder.exists()
    assert result.log_lines_dropped == 1
    assert layout.log.read_text(encoding="utf-8") == f"{new_line}\n"


def test_translation_memory_entries_are_forgotten_once_per_document_through_the_hook(tmp_path: Path) -> None:
    layout = _layout(tmp_path)
    now = time.time()
    _filed(layout, "erledigt/a.docx", "a" * 64, now - 100 * DAY)
    _filed(layout, "erledigt/b.docx", "b" * 64, now - DAY)
    calls: list[str] = []

    def forget(sha: str) -> int:
        calls.append(sha)
        return 7

    first = sweep(layout, Retention(memory_days=90, erledigt_days=60), now=now, memory_hook=forget)
    assert calls == ["a" * 64] and first.memory_entries == 7
    sweep(layout, Retention(memory_days=90, erledigt_days=60), now=now + 1, memory_hook=forget)
    assert calls == ["a" * 64]  # not asked twice, although the original was deleted meanwhile


def test_missing_translation_memory_api_is_reported_not_ignored(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from lesbar.watch import retention

    monkeypatch.setattr(retention, "MEMORY_HOOK", "lesbar.translate.no_such_memory:forget_document")
    layout = _layout(tmp_path)
    _filed(layout, "erledigt/a.docx", "a" * 64, time.time() - 100 * DAY)
    result = sweep(layout, Retention(memory_days=30), now=time.time())
    assert result.problems == ["translation memory retention is not available in this version of lesbar"]
    assert result.memory_documents == []


# ------------------------------------------------------------------ notes and journal


@pytest.mark.parametrize(("technical", "kind"), [
    ("x.pdf: the PDF is password-protected; save a copy without password", "passwort"),
    ("x.odt: this is an OpenDocument (ODT) file; save it as DOCX or PDF", "odt"),
    ("x.docx: damaged Word file (bad zip); open it in Word and save it again", "beschaedigt"),
    ("x.pdf: 400 pages is more than the limit of 300; split the file", "zu_viele_seiten"),
    ("something nobody foresaw", "unbekannt"),
])
def test_technical_errors_map_to_plain_german_notes(technical: str, kind: str) -> None:
    assert notes.classify(technical) == kind
    text = notes.render_note("x.pdf", notes.note_for(kind), technical)
    assert "Was ist los?" in text and "Was können Sie tun?" in text and technical in text


@pytest.mark.parametrize("kind", sorted(notes._catalogue()))
def test_every_note_says_once_where_the_file_goes_next(kind: str) -> None:
    text = notes.render_note("x.pdf", notes.note_for(kind), "technical")
    assert text.count("„eingang“") == 1, text
    assert "„fehler“ können Sie dann löschen" in text


def test_journal_survives_reopen_and_compaction(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.jsonl")
    journal.open()
    journal.append("a", "claim", source="eingang/a.docx", name="a.docx", sub="", size=1, mtime_ns=1, sha256="s")
    journal.append("a", "done")
    journal.append("b", "claim", source="eingang/b.docx", name="b.docx", sub="", size=1, mtime_ns=1, sha256="t")
    journal.close()
    again = Journal(tmp_path / "j.jsonl")
    again.open()
    jobs = again.jobs()
    assert jobs["a"].finished and not jobs["b"].finished
    again.compact([jobs["b"].claim])
    assert [json.loads(line)["job"] for line in (tmp_path / "j.jsonl").read_text().splitlines()] == ["b"]
    again.close()


def test_layout_scan_finds_inputs_in_subfolders_oldest_first(tmp_path: Path) -> None:
    layout = _layout(tmp_path)
    newer = make_report(layout.eingang / "b.docx", "B")
    older = make_report(layout.eingang / "team" / "a.docx", "A")
    import os

    os.utime(older, (time.time() - 60, time.time() - 60))
    (layout.eingang / "team" / "einstellungen.toml").write_text("", encoding="utf-8")
    (layout.eingang / "x.docx.fehler.txt").write_text("", encoding="utf-8")
    assert layout.scan() == [older, newer]
    assert files_below(layout.eingang) == ["b.docx", "team/a.docx", "team/einstellungen.toml", "x.docx.fehler.txt"]


# ------------------------------------------------------------------ worker pool


class _EndsTheProcessWhenLoaded:
    """Unpickling this in the worker ends the worker at once: a stand-in for a broken installation."""

    def __reduce__(self):  # type: ignore[no-untyped-def]
        import os

        return (os._exit, (3,))


def test_pool_gives_up_with_a_clear_error_when_workers_cannot_start() -> None:
    from lesbar.pipeline.convert import ConvertOptions
    from lesbar.watch.worker import MAX_START_FAILURES, WorkerPool, WorkerStartError

    pool = WorkerPool(1, warmup=ConvertOptions(extra={"kaputt": _EndsTheProcessWhenLoaded()}))
    pool.start()
    try:
        with pytest.raises(WorkerStartError) as caught:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                pool.poll(0.5)
        assert f"{MAX_START_FAILURES} times" in str(caught.value) and "exit code 3" in str(caught.value)
    finally:
        pool.stop()


def test_warm_up_report_has_the_structures_of_a_real_report_and_converts(tmp_path: Path,
                                                                       caplog: pytest.LogCaptureFixture) -> None:
    from lesbar.pipeline.convert import ConvertOptions
    from lesbar.readers import read_document
    from lesbar.watch.worker import build_warmup_docx, warm_up

    doc = read_document(build_warmup_docx(tmp_path / "w.docx"))
    kinds = {type(block).__name__ for block in doc.walk()}
    assert {"Heading", "Paragraph", "ListBlock", "Table"} <= kinds
    with caplog.at_level("WARNING", logger="lesbar.watch.worker"):
        warm_up(ConvertOptions(variants=["original"], formats=["html"]))
    assert not [r for r in caplog.records if "warm-up" in r.getMessage()]
