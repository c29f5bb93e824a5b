"""Saving glossary changes: version check, lock, atomic write, history."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest
from tests.glossary.conftest import SMALL, write

from lesbar.glossary import ConflictError, GlossaryError, Target, load_glossaries
from lesbar.glossary.store import GlossaryStore, file_lock


def test_stale_version_is_a_conflict_and_nothing_is_written(tmp_path: Path) -> None:
    path = write(tmp_path / "g.yaml", SMALL)
    store = GlossaryStore([path])
    opened = store.load().get("kreis")
    first = replace(opened, targets={"en": Target("county")})
    store.save_entry(first, expected=opened.content_hash(), user="Anna")
    before = path.read_bytes()
    second = replace(opened, targets={"en": Target("circle")})
    with pytest.raises(ConflictError, match="inzwischen von Anna geändert"):
        store.save_entry(second, expected=opened.content_hash(), user="Ben")
    assert path.read_bytes() == before


def test_parallel_edits_of_different_entries_are_both_kept(tmp_path: Path) -> None:
    path = write(tmp_path / "g.yaml", SMALL)
    store = GlossaryStore([path])
    glossary = store.load()
    ids = ["kreis", "integrationskurs", "kreis-heinsberg", "nrw"]
    errors: list[BaseException] = []

    def edit(entry_id: str) -> None:
        try:
            entry = glossary.get(entry_id)
            store.save_entry(replace(entry, note=f"geprüft {entry_id}"), expected=entry.content_hash())
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=edit, args=(i,)) for i in ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    reloaded = load_glossaries([path])
    assert [reloaded.get(i).note for i in ids] == [f"geprüft {i}" for i in ids]


def test_write_keeps_history_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = write(tmp_path / "g.yaml", SMALL)
    store = GlossaryStore([path])
    entry = store.load().get("kreis")
    store.save_entry(replace(entry, note="eins"), expected=entry.content_hash())
    entry = store.load().get("kreis")
    store.save_entry(replace(entry, note="zwei"), expected=entry.content_hash())
    history = sorted((tmp_path / ".glossar-historie").glob("g-*.yaml"))
    assert len(history) == 2
    assert "note: eins" not in history[0].read_text(encoding="utf-8")
    assert "note: eins" in history[1].read_text(encoding="utf-8")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith((".tmp", ".lock"))]


def test_a_held_lock_makes_a_save_wait_then_fail_clearly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import lesbar.glossary.store as store_module

    path = write(tmp_path / "g.yaml", SMALL)
    monkeypatch.setattr(store_module, "LOCK_TIMEOUT", 0.3)
    store = GlossaryStore([path])
    entry = store.load().get("kreis")
    with file_lock(path):
        with pytest.raises(GlossaryError, match="wird gerade von jemand anderem gespeichert"):
            store.save_entry(replace(entry, note="x"), expected=entry.content_hash())
    store.save_entry(replace(entry, note="x"), expected=entry.content_hash())  # lock released: works
    assert load_glossaries([path]).get("kreis").note == "x"


def test_a_failed_write_leaves_the_old_file_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import lesbar.glossary.store as store_module

    path = write(tmp_path / "g.yaml", SMALL)
    before = path.read_bytes()
    store = GlossaryStore([path])
    entry = store.load().get("kreis")

    def broken_replace(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_module.os, "replace", broken_replace)
    with pytest.raises(OSError):
        store.save_entry(replace(entry, note="x"), expected=entry.content_hash())
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_removing_an_entry_only_in_the_target_deletes_it_without_marker(tmp_path: Path) -> None:
    path = write(tmp_path / "g.yaml", SMALL)
    store = GlossaryStore([path])
    store.remove_entry("kreis")
    text = path.read_text(encoding="utf-8")
    assert "id: kreis\n" not in text and "removed" not in text
