"""Exhaustive fault injection: a crash before *every* file-system step of a job, then recovery.

``kill -9`` can only strike between system calls. The steps that change what is on disk are renames,
links, unlinks, replaces, folder removals and journal appends; this test runs one job again and again and
simulates a crash right before step 1, 2, 3 … (the step is not executed and the runner is abandoned, just
as after SIGKILL). A fresh runner then recovers, the watcher's next pass takes whatever is still in
eingang/, and the end state must always be: converted exactly once, the original filed once, nothing in
eingang/ or in the working folder, nothing half-written. The subprocess test in test_watch_crash.py does the
same with real SIGKILLs at a few random moments.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from watch_helpers import files_below, make_report, sha256

from lesbar.pipeline.convert import ConvertOptions, convert_file
from lesbar.watch.jobs import JobRunner
from lesbar.watch.journal import Journal
from lesbar.watch.layout import Layout
from lesbar.watch.logbook import Logbook

OPTIONS = ConvertOptions(variants=["original"], formats=["html"])


class SimulatedCrash(BaseException):
    """Not an Exception: nothing in lesbar may catch it, as nothing can catch SIGKILL."""


class FaultPlan:
    """Counts disk-changing steps while armed and crashes before step number ``crash_at``."""

    def __init__(self, crash_at: int | None) -> None:
        self.crash_at = crash_at
        self.count = 0
        self.armed = False

    def step(self) -> None:
        if not self.armed:
            return
        self.count += 1
        if self.crash_at is not None and self.count == self.crash_at:
            self.armed = False
            raise SimulatedCrash


def _install(monkeypatch: pytest.MonkeyPatch, plan: FaultPlan) -> None:
    def wrap(module: object, name: str) -> None:
        original = getattr(module, name)

        def faulty(*args: object, **kwargs: object) -> object:
            plan.step()
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, faulty)

    for name in ("rename", "replace", "link", "unlink"):
        wrap(os, name)
    wrap(shutil, "rmtree")
    wrap(Journal, "append")


def _runner(layout: Layout) -> JobRunner:
    journal = Journal(layout.journal)
    journal.open()
    return JobRunner(layout, journal, Logbook(layout.log))


def _one_pass(layout: Layout, plan: FaultPlan) -> None:
    """What the watcher does for each file in eingang/: claim, convert (in a worker), complete."""
    runner = _runner(layout)
    runner.recover()
    for path in layout.scan():
        plan.armed = True
        job, why = runner.claim(path, 200)
        plan.armed = False
        if job is None:
            continue
        result = convert_file(runner.snapshot(job), runner.results_dir(job), OPTIONS)  # the worker's part
        plan.armed = True
        runner.complete(job, {"folder": result.folder, "files": result.files, "error": result.error})
        plan.armed = False
    runner.journal.close()


def _run_with_crash(root: Path, crash_at: int | None, monkeypatch: pytest.MonkeyPatch,
                    name: str = "bericht.docx") -> tuple[Layout, str, int]:
    layout = Layout(root)
    layout.ensure()
    if name.endswith(".docx"):
        digest = sha256(make_report(layout.eingang / name, "Fehlerpunkte"))
    else:  # a file lesbar cannot read: its way goes to fehler/
        (layout.eingang / name).write_bytes(b"{\\rtf1 Bericht}")
        digest = sha256(layout.eingang / name)
    plan = FaultPlan(crash_at)
    with monkeypatch.context() as patch:
        _install(patch, plan)
        try:
            _one_pass(layout, plan)
        except SimulatedCrash:
            pass
        plan.armed = False
    _one_pass(layout, FaultPlan(None))  # the restarted watcher: recovery, then a scan of eingang/
    return layout, digest, plan.count


def test_a_crash_before_any_single_step_ends_converted_exactly_once(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _, _, steps = _run_with_crash(tmp_path / "ohne-absturz", None, monkeypatch)
    assert steps >= 6  # claim, publish, rename, archive, link, unlink, done, cleanup …
    for crash_at in range(1, steps + 1):
        layout, digest, _ = _run_with_crash(tmp_path / f"absturz-vor-schritt-{crash_at}", crash_at, monkeypatch)
        where = f"crash before step {crash_at} of {steps}"
        assert files_below(layout.eingang) == [], where
        assert files_below(layout.fehler) == [], where
        assert files_below(layout.work) == [], where
        assert sorted(p.name for p in layout.ausgang.iterdir()) == ["bericht"], where
        assert sorted(p.name for p in (layout.ausgang / "bericht").iterdir()) == \
            ["manifest.json", "original.html", "report.html", "report.json"], where
        assert files_below(layout.erledigt) == ["bericht.docx"], where
        assert sha256(layout.erledigt / "bericht.docx") == digest, where
        assert all(record.finished for record in Journal(layout.journal).jobs().values()), where


def test_a_crash_before_any_single_step_of_a_failing_file_ends_in_fehler_exactly_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, _, steps = _run_with_crash(tmp_path / "ohne-absturz", None, monkeypatch, "bericht.rtf")
    assert steps >= 4
    for crash_at in range(1, steps + 1):
        layout, digest, _ = _run_with_crash(tmp_path / f"absturz-vor-schritt-{crash_at}", crash_at, monkeypatch,
                                            "bericht.rtf")
        where = f"crash before step {crash_at} of {steps}"
        assert files_below(layout.eingang) == [], where
        assert files_below(layout.ausgang) == [] and files_below(layout.erledigt) == [], where
        assert files_below(layout.fehler) == ["bericht.rtf", "bericht.rtf.fehler.txt"], where
        assert sha256(layout.fehler / "bericht.rtf") == digest, where
        assert "RTF" in (layout.fehler / "bericht.rtf.fehler.txt").read_text(encoding="utf-8"), where
        assert files_below(layout.work) == [], where
