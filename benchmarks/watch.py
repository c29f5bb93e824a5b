"""Benchmark of the watch folder on this machine.

1. Latency: the time from dropping ``samples/integrationskonferenz.docx`` into a running watcher's
   eingang/ until its results are in ausgang/ and the original is filed, compared with converting the same
   file directly with ``convert_file`` in a warm process (the baseline, measured in the same run). The
   difference is what the watch folder adds: the settle time (default 2 s), the working copy, the journal.
2. Throughput: files per minute for a burst of N small generated reports dropped at once, against the
   baseline of converting the same files one after another in one warm process.

Run:  .venv/bin/python benchmarks/watch.py [--burst 30] [--workers 2] [--settle 2] [--formats html,docx,pdf]
"""

from __future__ import annotations

import argparse
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "integrationskonferenz.docx"


def _settings(formats: list[str], variants: list[str], settle: float, workers: int) -> str:
    quoted = lambda items: "[" + ", ".join(f'"{i}"' for i in items) + "]"  # noqa: E731
    return (f"fassungen = {quoted(variants)}\nformate = {quoted(formats)}\n\n[ueberwachung]\n"
            f"wartezeit_sekunden = {settle}\ngleichzeitig = {workers}\n")


def _wait(condition, timeout: float, step: float = 0.02) -> float:  # type: ignore[no-untyped-def]
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if condition():
            return time.monotonic() - start
        time.sleep(step)
    raise SystemExit(f"timed out after {timeout:.0f} s")


def _start(folder: Path) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([sys.executable, "-m", "lesbar", "watch", str(folder)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    log = folder / ".lesbar" / "watch.log"
    _wait(lambda: log.exists() and "BEREIT" in log.read_text(encoding="utf-8"), 300, 0.1)
    return proc


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGTERM)
    proc.wait(120)


def _make_reports(folder: Path, n: int) -> list[Path]:
    import docx

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        d = docx.Document()
        d.add_heading(f"Bericht {i}: Treffen der Ehrenamtlichen", 1)
        for k in range(6):
            d.add_paragraph(f"Im Abschnitt {k + 1} berichtet das Kommunale Integrationszentrum über das Treffen {i}. "
                            "Viele Gäste haben zugehört, Fragen gestellt und neue Kontakte geknüpft.")
        path = folder / f"bericht-{i:03d}.docx"
        d.save(str(path))
        paths.append(path)
    return paths


def latency(work: Path, formats: list[str], variants: list[str], settle: float) -> None:
    from lesbar.pipeline.convert import ConvertOptions, convert_file
    from lesbar.watch.worker import warm_up

    if not SAMPLE.exists():
        print(f"latency: {SAMPLE} not found; skipped")
        return
    options = ConvertOptions(variants=variants, formats=formats)
    warm_up(options)  # the same warm-up a worker does (not the sample itself: its sentences would be cached)
    t0 = time.monotonic()
    direct = convert_file(SAMPLE, work / "direct", options)
    baseline = time.monotonic() - t0
    if not direct.ok:
        print(f"latency: the sample does not convert on this checkout: {direct.error}")
        return
    folder = work / "latenz"
    folder.mkdir()
    (folder / "einstellungen.toml").write_text(_settings(formats, variants, settle, 1), encoding="utf-8")
    proc = _start(folder)
    try:
        staged = folder / "vorbereitet.docx"
        shutil.copy2(SAMPLE, staged)
        t0 = time.monotonic()
        staged.rename(folder / "eingang" / SAMPLE.name)
        done = folder / "erledigt" / SAMPLE.name
        seconds = _wait(done.exists, 600)
    finally:
        _stop(proc)
    print(f"latency  sample {SAMPLE.name}  formats={','.join(formats)}  variants={','.join(variants)}")
    print(f"  drop -> results + original filed: {seconds:6.2f} s  (settle time {settle:g} s included)")
    print(f"  baseline convert_file after the same warm-up: {baseline:6.2f} s")
    print(f"  ratio watch/baseline: {seconds / baseline:5.2f}   (both timings move with the machine's load)")
    line = next((x for x in (folder / ".lesbar" / "watch.log").read_text(encoding="utf-8").splitlines()
                 if " OK " in x), "")
    found = re.search(r"Dauer ([0-9.]+) s .* Umwandlung ([0-9.]+) s", line)
    if found:
        total, conversion = float(found.group(1)), float(found.group(2))
        print(f"  in the watcher's log: claim→filed {total:.2f} s, of which conversion {conversion:.2f} s;"
              f" watch-folder work (copy, journal, publish, filing) {total - conversion:.2f} s")
        print(f"  detection + settle: {seconds - total:.2f} s (settle {settle:g} s)")


def burst(work: Path, n: int, workers: int, formats: list[str], variants: list[str], settle: float) -> None:
    from lesbar.pipeline.convert import ConvertOptions, convert_file
    from lesbar.watch.worker import warm_up

    files = _make_reports(work / "burst-quelle", n)
    options = ConvertOptions(variants=variants, formats=formats)
    warm_up(options)
    t0 = time.monotonic()
    for path in files:
        result = convert_file(path, work / "burst-direct", options)
        if not result.ok:
            print(f"burst: {result.error}")
            return
    baseline = time.monotonic() - t0
    folder = work / "burst"
    folder.mkdir()
    (folder / "einstellungen.toml").write_text(_settings(formats, variants, settle, workers), encoding="utf-8")
    proc = _start(folder)
    try:
        t0 = time.monotonic()
        for path in files:
            path.rename(folder / "eingang" / path.name)
        seconds = _wait(lambda: len(list((folder / "erledigt").iterdir())) >= n, 1800, 0.05)
    finally:
        _stop(proc)
    per_min, base_per_min = n / seconds * 60, n / baseline * 60
    print(f"burst    {n} files  workers={workers}  formats={','.join(formats)}  variants={','.join(variants)}")
    print(f"  watch folder: {seconds:6.2f} s  = {per_min:6.1f} files/min  (settle {settle:g} s included)")
    print(f"  baseline sequential convert_file, warm: {baseline:6.2f} s = {base_per_min:6.1f} files/min")
    print(f"  ratio watch/baseline throughput: {per_min / base_per_min:5.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--burst", type=int, default=30)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--settle", type=float, default=2.0)
    parser.add_argument("--formats", default="html,docx,pdf")
    parser.add_argument("--variants", default="original,leicht,einfach")
    parser.add_argument("--burst-formats", default="html")
    args = parser.parse_args()
    formats, variants = args.formats.split(","), args.variants.split(",")
    with tempfile.TemporaryDirectory(prefix="lesbar-bench-watch-") as tmp:
        work = Path(tmp)
        latency(work, formats, variants, args.settle)
        burst(work, args.burst, args.workers, args.burst_formats.split(","), variants, args.settle)


if __name__ == "__main__":
    main()
