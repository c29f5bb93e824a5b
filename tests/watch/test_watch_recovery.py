"""Crash recovery step by step: the state after ``kill -9`` at each point of a job, then a restart.

Each test builds the exact on-disk state a crash at one point leaves (by running the real steps up to that
point on a real folder) and checks that :meth:`JobRunner.recover` ends with the file converted exactly once
or in fehler/, and that recovering twice changes nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from watch_helpers import files_below, make_report, sha256

from lesbar.pipeline.convert import ConvertOptions, convert_file
from lesbar.watch import jobs as jobs_module
from lesbar.watch.fsops import atomic_write_text, free_name, move_dir_no_replace
from lesbar.watch.jobs import MAX_TRIES, JobRunner
from lesbar.watch.journal import Journal
from lesbar.watch.layout import Layout
from lesbar.watch.logbook import Logbook

OPTIONS = ConvertOptions(variants=["original"], formats=["html"])


class Folder:
    def __init__(self, root: Path) -> None:
        self.layout = Layout(root)
        self.layout.ensure()
        self.runner = self.restart()

    def restart(self) -> JobRunner:
        """A new runner on the same folder, as a restarted watcher would have."""
        journal = Journal(self.layout.journal)
        journal.open()
        self.runner = JobRunner(self.layout, journal, Logbook(self.layout.log))
        return self.runner

    def drop(self, name: str = "bericht.docx", title: str = "Bericht") -> Path:
        return make_report(self.layout.eingang / name, title)

    def claim_and_convert(self, path: Path):  # type: ignore[no-untyped-def]
        job, why = self.runner.claim(path, 200)
        assert job is not None, why
        result = convert_file(self.runner.snapshot(job), self.runner.results_dir(job), OPTIONS)
        assert result.ok, result.error
        return job, Path(result.folder)


@pytest.fixture
def wf(tmp_path: Path) -> Folder:
    return Folder(tmp_path / "w")


def _final_state_is_one_conversion(wf: Folder, name: str, digest: str) -> None:
    stem = Path(name).stem
    assert files_below(wf.layout.eingang) == []
    assert sorted(p.name for p in wf.layout.ausgang.iterdir()) == [stem]
    assert (wf.layout.ausgang / stem / "original.html").exists()
    assert files_below(wf.layout.erledigt) == [name]
    assert sha256(wf.layout.erledigt / name) == digest
    assert files_below(wf.layout.work) == []


def _recover_twice(wf: Folder) -> None:
    wf.restart().recover()
    before = sorted(files_below(wf.layout.root))
    assert wf.restart().recover() == 0  # nothing left to do, nothing changes
    assert sorted(files_below(wf.layout.root)) == before


def test_crash_during_conversion_rolls_back_and_keeps_the_original_in_eingang(wf: Folder) -> None:
    path = wf.drop()
    job, _ = wf.runner.claim(path, 200)
    assert job is not None
    (wf.runner.results_dir(job) / ".bericht.x.tmp").mkdir(parents=True)  # a half-written conversion
    (wf.runner.results_dir(job) / ".bericht.x.tmp" / "original.html").write_text("<html><bo", encoding="utf-8")
    _recover_twice(wf)
    assert files_below(wf.layout.eingang) == ["bericht.docx"]
    assert files_below(wf.layout.ausgang) == [] and files_below(wf.layout.work) == []
    assert wf.layout.journal.read_text(encoding="utf-8") == ""  # compacted: no unfinished job left


def test_crash_after_publish_was_journaled_but_before_the_rename(wf: Folder) -> None:
    path = wf.drop()
    digest = sha256(path)
    job, staged = wf.claim_and_convert(path)
    wf.runner.journal.append(job.id, "publish", target="ausgang/bericht")
    _recover_twice(wf)
    _final_state_is_one_conversion(wf, "bericht.docx", digest)


def test_crash_after_the_rename_into_ausgang_before_filing_the_original(wf: Folder) -> None:
    path = wf.drop()
    digest = sha256(path)
    job, staged = wf.claim_and_convert(path)
    wf.runner.journal.append(job.id, "publish", target="ausgang/bericht")
    move_dir_no_replace(staged, wf.layout.ausgang / "bericht")
    _recover_twice(wf)
    _final_state_is_one_conversion(wf, "bericht.docx", digest)  # no second folder bericht-2


def test_crash_between_link_and_unlink_while_filing_the_original(wf: Folder) -> None:
    path = wf.drop()
    digest = sha256(path)
    job, staged = wf.claim_and_convert(path)
    wf.runner.journal.append(job.id, "publish", target="ausgang/bericht")
    move_dir_no_replace(staged, wf.layout.ausgang / "bericht")
    wf.runner.journal.append(job.id, "archive", target="erledigt/bericht.docx", mode="original",
                             ausgang="ausgang/bericht")
    os.link(path, wf.layout.erledigt / "bericht.docx")  # two names for one file
    _recover_twice(wf)
    _final_state_is_one_conversion(wf, "bericht.docx", digest)  # no bericht-2.docx


def test_crash_while_moving_a_failed_file_to_fehler(wf: Folder) -> None:
    path = wf.layout.eingang / "kaputt.pdf"
    path.write_bytes(b"%PDF-1.4 kaputt")
    job, _ = wf.runner.claim(path, 200)
    assert job is not None
    wf.runner.journal.append(job.id, "fail", target="fehler/kaputt.pdf", mode="original", kind="beschaedigt",
                             technical="kaputt.pdf: damaged", values={})
    _recover_twice(wf)
    assert files_below(wf.layout.eingang) == []
    assert files_below(wf.layout.fehler) == ["kaputt.pdf", "kaputt.pdf.fehler.txt"]
    assert "beschädigt" in (wf.layout.fehler / "kaputt.pdf.fehler.txt").read_text(encoding="utf-8")


def test_torn_last_journal_line_is_ignored_and_repaired(wf: Folder) -> None:
    path = wf.drop()
    job, _ = wf.claim_and_convert(path)
    with open(wf.layout.journal, "ab") as fh:
        fh.write(b'{"job":"' + job.id.encode() + b'","step":"publi')  # killed mid-write
    _recover_twice(wf)
    assert files_below(wf.layout.eingang) == ["bericht.docx"]  # the claim is rolled back; tried again later


def test_name_taken_meanwhile_gets_a_new_folder_and_both_survive(wf: Folder) -> None:
    path = wf.drop()
    job, staged = wf.claim_and_convert(path)
    wf.runner.journal.append(job.id, "publish", target="ausgang/bericht")
    (wf.layout.ausgang / "bericht").mkdir()  # a colleague created a folder of that name
    (wf.layout.ausgang / "bericht" / "notiz.txt").write_text("meins", encoding="utf-8")
    _recover_twice(wf)
    assert (wf.layout.ausgang / "bericht" / "notiz.txt").read_text(encoding="utf-8") == "meins"
    assert (wf.layout.ausgang / "bericht-2" / "original.html").exists()


def test_original_changed_during_conversion_files_the_converted_bytes_and_keeps_the_new_version(wf: Folder) -> None:
    path = wf.drop(title="Erste Fassung")
    first = sha256(path)
    job, staged = wf.claim_and_convert(path)
    make_report(path, "Zweite Fassung, länger und neuer")
    os.utime(path, ns=(job.mtime_ns + 10**9, job.mtime_ns + 10**9))
    wf.runner.complete(job, {"folder": str(staged), "files": ["original.html"], "error": ""})
    assert sha256(wf.layout.erledigt / "bericht.docx") == first  # the bytes that were converted
    assert files_below(wf.layout.eingang) == ["bericht.docx"]  # the new version waits for its own turn
    assert sha256(path) != first


def test_file_that_kills_its_worker_repeatedly_goes_to_fehler(wf: Folder) -> None:
    path = wf.drop()
    for attempt in range(MAX_TRIES):
        runner = wf.restart()
        runner.recover()
        job, _ = runner.claim(path, 200)
        assert job is not None
        runner.interrupted(job, "absturz", "the conversion process ended unexpectedly (exit code -9)")
        if attempt < MAX_TRIES - 1:
            assert path.exists()
    assert files_below(wf.layout.fehler) == ["bericht.docx", "bericht.docx.fehler.txt"]
    assert "mehrmals abgebrochen" in (wf.layout.fehler / "bericht.docx.fehler.txt").read_text(encoding="utf-8")


def test_killed_watcher_does_not_count_against_the_file(wf: Folder) -> None:
    path = wf.drop()
    for _ in range(MAX_TRIES + 1):
        runner = wf.restart()
        runner.recover()
        job, _ = runner.claim(path, 200)
        assert job is not None  # the next restart finds it claimed
    wf.restart().recover()
    assert files_below(wf.layout.eingang) == ["bericht.docx"] and files_below(wf.layout.fehler) == []


def test_unreadable_file_goes_to_fehler_with_a_note(wf: Folder, monkeypatch: pytest.MonkeyPatch) -> None:
    path = wf.drop()

    def refuse(src: Path, dst: Path) -> str:
        raise PermissionError(13, "Permission denied", str(src))

    monkeypatch.setattr(jobs_module, "copy_and_hash", refuse)  # tests run as root, which reads anything
    job, why = wf.runner.claim(path, 200)
    assert job is None and why == "unlesbar"
    note = (wf.layout.fehler / "bericht.docx.fehler.txt").read_text(encoding="utf-8")
    assert "darf die Datei nicht lesen" in note


def test_free_names_never_reuse_an_existing_name(tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_text("x")
    (tmp_path / "a-2.docx").write_text("x")
    (tmp_path / "b.v2").mkdir()
    assert free_name(tmp_path, "a.docx").name == "a-3.docx"
    assert free_name(tmp_path, "b.v2", is_dir=True).name == "b.v2-2"
    assert free_name(tmp_path, "neu.pdf").name == "neu.pdf"


def test_atomic_text_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    atomic_write_text(tmp_path / "n.txt", "Hallo\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.txt"]


def test_no_room_for_the_working_copy_is_lesbars_problem_not_the_files(wf: Folder) -> None:
    path = wf.drop()
    os.rmdir(wf.layout.work)
    wf.layout.work.write_text("kein Ordner", encoding="utf-8")  # writing the working copy must fail
    job, why = wf.runner.claim(path, 200)
    assert job is None and why == "arbeitsplatz"
    assert files_below(wf.layout.eingang) == ["bericht.docx"] and files_below(wf.layout.fehler) == []
    assert "Speicherplatz" in wf.layout.log.read_text(encoding="utf-8")


def test_original_deleted_after_conversion_files_the_working_copy(wf: Folder) -> None:
    path = wf.drop()
    digest = sha256(path)
    job, staged = wf.claim_and_convert(path)
    path.unlink()  # a colleague cleaned up eingang/ too early
    wf.runner.complete(job, {"folder": str(staged), "files": ["original.html"], "error": ""})
    assert sha256(wf.layout.erledigt / "bericht.docx") == digest
    assert (wf.layout.ausgang / "bericht" / "original.html").exists()


def test_failed_file_deleted_meanwhile_still_reaches_fehler_with_its_note(wf: Folder) -> None:
    path = wf.layout.eingang / "kaputt.docx"
    path.write_bytes(b"PK\x03\x04 kaputt")
    job, _ = wf.runner.claim(path, 200)
    assert job is not None
    path.unlink()
    wf.runner.complete(job, {"error": "kaputt.docx: damaged ZIP/DOCX file; open it in Word and save it again"})
    assert files_below(wf.layout.fehler) == ["kaputt.docx", "kaputt.docx.fehler.txt"]


def test_conversion_error_of_a_file_still_being_written_is_retried_not_put_into_fehler(wf: Folder) -> None:
    path = wf.layout.eingang / "halb.docx"
    path.write_bytes(b"PK\x03\x04 erst die Haelfte")
    job, _ = wf.runner.claim(path, 200)
    assert job is not None
    make_report(path, "Jetzt vollständig")  # the copy went on after lesbar took the file
    os.utime(path, ns=(job.mtime_ns + 10**9, job.mtime_ns + 10**9))
    wf.runner.complete(job, {"error": "halb.docx: damaged ZIP/DOCX file; open it in Word and save it again"})
    assert files_below(wf.layout.fehler) == [] and files_below(wf.layout.eingang) == ["halb.docx"]
    assert files_below(wf.layout.work) == []


def test_log_line_names_outputs_that_could_not_be_made(wf: Folder) -> None:
    path = wf.drop()
    job, staged = wf.claim_and_convert(path)
    wf.runner.complete(job, {"folder": str(staged), "files": ["original.html"], "error": "",
                             "missing": ["ar: no model de→ar installed"]})
    line = [x for x in wf.layout.log.read_text(encoding="utf-8").splitlines() if " OK " in x][0]
    assert "eingang/bericht.docx -> ausgang/bericht/" in line and "fehlt: ar: no model de→ar installed" in line
