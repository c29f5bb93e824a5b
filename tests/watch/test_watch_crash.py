"""Fault injection: ``kill -9`` the watcher mid-conversion, restart it, and nothing is lost or duplicated."""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

import pytest
from watch_helpers import (
    FAST_SETTINGS,
    Watcher,
    alive,
    child_pids,
    files_below,
    make_report,
    run_once,
    sha256,
    wait_for,
)

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SIGKILL and /proc: Linux")


def _journal_steps(folder: Path) -> list[dict]:
    path = folder / ".lesbar" / "journal.jsonl"
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            out.append(json.loads(line))
        except ValueError:
            pass
    return out


def _in_step(folder: Path, step: str) -> bool:
    """True while the journal shows a job whose last step is ``step`` (claim: a worker is converting it;
    publish: the result folder is being renamed into ausgang/; archive: the original is being filed)."""
    last: dict[str, str] = {}
    for record in _journal_steps(folder):
        last[record["job"]] = record["step"]
    return step in last.values()


def _assert_every_drop_converted_exactly_once(folder: Path, dropped: dict[str, str]) -> None:
    assert files_below(folder / "eingang") == []
    assert files_below(folder / "fehler") == []
    assert files_below(folder / ".lesbar" / "arbeit") == []
    results = sorted((folder / "ausgang").rglob("manifest.json"))
    by_sha: dict[str, list[Path]] = {}
    for manifest_path in results:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        by_sha.setdefault(manifest["input"]["sha256"], []).append(manifest_path.parent)
        for name in manifest["files"]:  # complete: every listed output is there and not empty
            assert (manifest_path.parent / name).stat().st_size > 0, (manifest_path.parent, name)
        html = (manifest_path.parent / "original.html").read_text(encoding="utf-8")
        assert html.rstrip().endswith("</html>")
    assert {sha: len(folders) for sha, folders in by_sha.items()} == {sha: 1 for sha in dropped.values()}
    filed = {sha256(folder / "erledigt" / p): p for p in files_below(folder / "erledigt")}
    assert sorted(filed) == sorted(dropped.values())
    assert sorted(filed.values()) == sorted(dropped)  # each under its own name, no "-2" from a double filing
    hidden = [p for p in files_below(folder / "ausgang") if any(part.startswith(".") for part in p.split("/"))]
    assert hidden == []  # no temporary folder or file left behind


@pytest.mark.slow
def test_sigkill_mid_conversion_and_restart_loses_nothing_and_duplicates_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "lesbar"
    folder.mkdir()
    (folder / "einstellungen.toml").write_text(
        FAST_SETTINGS.format(settle=0.2, workers=2), encoding="utf-8")
    dropped: dict[str, str] = {}

    def top_up(count: int) -> None:  # about a second of conversion each: long enough to be killed mid-way
        for _ in range(count):
            path = make_report(folder / "eingang" / f"bericht-{len(dropped)}.docx", f"Treffen {len(dropped)}",
                               sentences=300)
            dropped[path.name] = sha256(path)

    top_up(6)
    rng = random.Random(9)
    kills = 0
    for round_no in range(4):
        if len(files_below(folder / "eingang")) < 3:
            top_up(3)  # every round needs files to be in the middle of
        w = Watcher(folder).start()
        try:
            wanted = ("claim", "publish", "claim", "archive")[round_no]
            if wanted == "claim":  # kill while a conversion is in hand (it lasts about a second) …
                wait_for(lambda: _in_step(folder, "claim"), 60, "a conversion in hand", step=0.002)
            else:  # … or right after publishing / filing began (these take milliseconds)
                wait_for(lambda wanted=wanted: any(r["step"] == wanted for r in _journal_steps(folder)), 60,
                         f"a job to reach step {wanted}", step=0.002)
            time.sleep(rng.uniform(0.0, 0.2))  # plus a random moment
            workers = child_pids(w.pid)
            w.kill()
            kills += 1
            # the workers die with the watcher: no orphan may keep writing into .lesbar/arbeit
            wait_for(lambda workers=workers: not any(alive(pid) for pid in workers), 15,
                     "the workers to die with the watcher")
        finally:
            w.close()
    assert kills == 4
    result = run_once(folder, timeout=300)
    assert result.returncode == 0, result.stderr
    _assert_every_drop_converted_exactly_once(folder, dropped)


def _worker_pids(watcher_pid: int) -> list[int]:
    found = []
    for pid in child_pids(watcher_pid):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in cmdline:
            found.append(pid)
    return found


def test_worker_killed_mid_conversion_is_replaced_and_the_file_converted_once(folder: Path, watcher) -> None:
    import os
    import signal

    (folder / "einstellungen.toml").write_text(FAST_SETTINGS.format(settle=0.2, workers=1), encoding="utf-8")
    w = watcher(folder)
    path = make_report(folder / "eingang" / "gross.docx", "Groß", sentences=1000)  # seconds of conversion
    digest = sha256(path)
    wait_for(lambda: _in_step(folder, "claim"), 60, "the conversion to start", step=0.01)
    (victim,) = _worker_pids(w.pid)
    os.kill(victim, signal.SIGKILL)  # as the out-of-memory killer would
    wait_for(lambda: (folder / "erledigt" / "gross.docx").exists(), 90, "the retried conversion")
    assert victim not in _worker_pids(w.pid) and len(_worker_pids(w.pid)) == 1  # replaced, still bounded
    assert [sha256(folder / "erledigt" / "gross.docx")] == [digest]
    assert files_below(folder / "ausgang") == sorted(f"gross/{n}" for n in
                                                     ("manifest.json", "original.html", "report.html", "report.json"))
    log = (folder / ".lesbar" / "watch.log").read_text(encoding="utf-8")
    assert "ZURUECK eingang/gross.docx" in log and "absturz" in log
    assert w.stop() == 0
