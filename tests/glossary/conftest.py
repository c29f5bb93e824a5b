"""Fixtures for the glossary tests: an isolated data/cache directory and small glossary files on disk."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads or writes the real staff glossary, form cache or a lesbar.toml of the developer."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("LESBAR_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("LESBAR_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("LESBAR_GLOSSARY", raising=False)
    monkeypatch.delenv("LESBAR_CONFIG", raising=False)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return home


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


SMALL = """
glossary:
  name: Test
entries:
  - id: kommunales-integrationszentrum
    term: Kommunales Integrationszentrum
    abbreviations: [KI]
    gender: n
    leicht: |
      Das KI ist ein Amt.
      Es hilft.
    targets:
      en: Municipal Integration Centre
      ar: {term: "المركز البلدي للاندماج", status: approved}
  - id: kreis
    term: Kreis
    gender: m
    targets: {en: district}
  - id: kreis-heinsberg
    term: Kreis Heinsberg
    pos: name
    dnt: true
  - id: nrw
    term: Nordrhein-Westfalen
    abbreviations: [NRW]
    pos: name
  - id: integrationskurs
    term: Integrationskurs
    gender: m
"""


@pytest.fixture
def small_glossary(tmp_path: Path) -> Path:
    return write(tmp_path / "klein.yaml", SMALL)
