"""Glossary files: reading with line numbers, combining several files, writing without loss."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.glossary.conftest import SMALL, write

from lesbar.glossary import GlossaryError, load_glossaries, read_glossary, shipped_glossary
from lesbar.glossary.yamlfile import dump_glossary


def test_yaml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path / "kaputt.yaml", """
        entries:
          - id: kreis
            term: Kreis
          - id: landrat
            term: [Landrat
        """)
    with pytest.raises(GlossaryError) as info:
        load_glossaries([path])
    message = str(info.value)
    assert "kaputt.yaml" in message and "Zeile " in message and "YAML" in message
    assert info.value.line >= 5


def test_unknown_field_is_reported_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path / "g.yaml", """
        entries:
          - id: kreis
            term: Kreis
            leict: Ein Kreis ist ein Gebiet.
        """)
    with pytest.raises(GlossaryError, match=r"g\.yaml, Zeile 4: unbekanntes Feld „leict“"):
        read_glossary(path)


def test_duplicate_id_in_one_file_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "g.yaml", """
        entries:
          - id: kreis
            term: Kreis
          - id: kreis
            term: Landkreis
        """)
    with pytest.raises(GlossaryError, match=r"Zeile 4: Die id „kreis“ gibt es in dieser Datei schon \(Zeile 2\)"):
        read_glossary(path)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="gibt es nicht"):
        load_glossaries([tmp_path / "fehlt.yaml"])


def test_not_utf8_is_reported_with_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("entries:\n  - id: a\n    term: Bürger\n".encode("latin-1"))
    with pytest.raises(GlossaryError, match="Zeile 3: .*UTF-8"):
        read_glossary(path)


def test_yes_and_no_stay_text_not_booleans(tmp_path: Path) -> None:
    path = write(tmp_path / "g.yaml", """
        entries:
          - id: nein
            term: no
            pos: other
            targets: {en: yes, tr: on}
        """)
    entry = read_glossary(path).entries[0]
    assert entry.term == "no" and entry.targets["en"].term == "yes" and entry.targets["tr"].term == "on"


def test_later_file_wins_and_can_remove_entries(tmp_path: Path, small_glossary: Path) -> None:
    staff = write(tmp_path / "staff.yaml", """
        entries:
          - id: kreis
            term: Kreis
            targets: {en: county}
          - id: nrw
            removed: true
        """)
    g = load_glossaries([small_glossary, staff])
    assert g.get("kreis").targets["en"].term == "county"
    assert g.get("kreis").source == str(staff)
    assert g.get("nrw") is None
    assert [m.surface for m in g.match("NRW")] == []
    assert g.get("kreis-heinsberg") is not None


def test_version_changes_when_an_entry_changes(tmp_path: Path, small_glossary: Path) -> None:
    before = load_glossaries([small_glossary]).version
    assert load_glossaries([small_glossary]).version == before
    small_glossary.write_text(small_glossary.read_text(encoding="utf-8").replace("district", "county"),
                              encoding="utf-8")
    assert load_glossaries([small_glossary]).version != before


def test_default_selection_is_shipped_plus_staff_glossary(isolated_dirs: Path) -> None:
    g = load_glossaries()
    assert g.paths == [shipped_glossary()]  # the staff glossary does not exist yet
    assert g.edit_target == isolated_dirs / "data" / "glossar.yaml"
    staff = write(isolated_dirs / "data" / "glossar.yaml", """
        entries:
          - id: landrat
            term: Landrat
            targets: {en: chief executive of the district}
        """)
    g = load_glossaries()
    assert g.paths == [shipped_glossary(), staff]
    assert g.get("landrat").targets["en"].term == "chief executive of the district"


def test_environment_variable_selects_glossaries(monkeypatch: pytest.MonkeyPatch, small_glossary: Path) -> None:
    monkeypatch.setenv("LESBAR_GLOSSARY", str(small_glossary))
    g = load_glossaries()
    assert g.paths == [small_glossary] and len(g) == 5


def test_staff_path_from_lesbar_toml(tmp_path: Path) -> None:
    staff = write(tmp_path / "share" / "team.yaml", "entries:\n  - id: x\n    term: Xenon\n")
    Path("lesbar.toml").write_text(f'[glossary]\nstaff = "{staff.as_posix()}"\n', encoding="utf-8")
    g = load_glossaries()
    assert g.edit_target == staff and g.get("x") is not None


def test_checkout_glossaries_folder_holds_the_shipped_file() -> None:
    checkout = Path(__file__).resolve().parents[2] / "glossaries" / "kreis-heinsberg.yaml"
    assert checkout.read_bytes() == shipped_glossary().read_bytes()


def test_writing_and_reading_back_is_lossless(tmp_path: Path) -> None:
    original = read_glossary(shipped_glossary())
    copy_path = tmp_path / "copy.yaml"
    original.path = copy_path
    copy_path.write_text(dump_glossary(original), encoding="utf-8")
    again = read_glossary(copy_path)
    strip = lambda e: {k: v for k, v in e.to_dict().items() if k not in ("source", "line")}  # noqa: E731
    assert [strip(e) for e in again.entries] == [strip(e) for e in original.entries]
    assert again.header == original.header


def test_tricky_texts_survive_a_write(tmp_path: Path) -> None:
    path = write(tmp_path / "g.yaml", SMALL)
    glossary = read_glossary(path)
    entry = glossary.entries[0]
    entry.note = "Achtung: „KI“ – # kein Kommentar, {keine} [Liste], 'Zitat' \"doppelt\""
    entry.einfach = "- beginnt mit Strich: und Doppelpunkt"
    entry.targets["tr"] = type(entry.targets["en"])("evet, hayır: {x}", "draft")
    entry.variants = ["true", "null", "- x", "#y"]
    text = dump_glossary(glossary)
    path.write_text(text, encoding="utf-8")
    back = read_glossary(path).entries[0]
    assert back.note == entry.note and back.einfach == entry.einfach
    assert back.targets["tr"].term == "evet, hayır: {x}" and back.variants == entry.variants


@pytest.mark.parametrize(("text", "line", "words"), [
    ("entries:\n  - id: a\n    term: A\n   x: 1\n", 4, "Einrückung"),
    ("entries:\n  - id: a\n    term: Der Satz: hier\n", 3, "Anführungszeichen"),
    ("entries:\n  - id: a\n    targets: {en: x\n", 3, "nicht richtig geschlossen"),
    ("entries:\n  - id: a\n    note: \"offen\n    status: draft\n", 3, "Anführungszeichen wird nicht geschlossen"),
    ("entries:\n\t- id: a\n", 2, "Tabulator"),
])
def test_common_yaml_mistakes_are_explained_in_german_with_the_right_line(tmp_path: Path, text: str, line: int,
                                                                           words: str) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GlossaryError) as info:
        read_glossary(path)
    assert info.value.line == line and words in str(info.value)
