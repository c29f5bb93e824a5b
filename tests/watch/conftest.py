"""Fixtures for the watch folder tests: real folders, real DOCX files, a real watcher subprocess."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from watch_helpers import FAST_SETTINGS, Watcher  # noqa: E402


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A watch folder with fast settings: only original.html, 0.5 s settle time, 2 workers."""
    root = tmp_path / "lesbar"
    root.mkdir()
    (root / "einstellungen.toml").write_text(FAST_SETTINGS.format(settle=0.5, workers=2), encoding="utf-8")
    return root


@pytest.fixture
def watcher() -> Iterator[Callable[..., Watcher]]:
    started: list[Watcher] = []

    def start(folder: Path, *args: str) -> Watcher:
        w = Watcher(folder, *args).start()
        started.append(w)
        return w

    yield start
    for w in started:
        w.close()

