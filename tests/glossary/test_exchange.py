"""CSV and TBX from other tools (Excel, CAT tools), and the YAML export."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from lesbar.cli.main import cli
from lesbar.glossary import load_glossaries, shipped_glossary
from lesbar.glossary.tbxio import import_tbx

FOREIGN_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif PUBLIC "ISO 12200:1999A//DTD MARTIF core (DXFcdV04)//EN" "TBXcdv04.dtd">
<martif type="TBX" xml:lang="de">
  <martifHeader><fileDesc><sourceDesc><p>Agentur</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="c17">
      <langSet xml:lang="de-DE">
        <tig><term>Jugendmigrationsdienst</term><termNote type="partOfSpeech">noun</termNote></tig>
        <tig><term>JMD</term><termNote type="termType">abbreviation</termNote></tig>
      </langSet>
      <langSet xml:lang="en-GB">
        <tig><term>Youth Migration Service</term>
             <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="tr"><tig><term>Gençlik Göç Servisi</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>
"""


def test_tbx_from_a_translation_agency_is_read_leniently(tmp_path: Path) -> None:
    entries = import_tbx(FOREIGN_TBX.encode("utf-8"), tmp_path / "agentur.tbx")
    assert len(entries) == 1
    entry = entries[0]
    assert entry.id == "c17" and entry.term == "Jugendmigrationsdienst" and entry.abbreviations == ["JMD"]
    assert entry.targets["en-gb"].term == "Youth Migration Service" and entry.targets["en-gb"].status == "approved"
    assert entry.targets["tr"].status == "draft"


def test_broken_tbx_is_reported_with_line(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.tbx"
    path.write_text(FOREIGN_TBX.replace("</langSet>\n      <langSet xml:lang=\"en-GB\">", "<langSet>", 1),
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["glossary", "import", str(path), "--glossary", str(tmp_path / "z.yaml")])
    assert result.exit_code == 1
    assert "kaputt.tbx, Zeile" in result.stderr and "TBX" in result.stderr
    assert not (tmp_path / "z.yaml").exists()


def test_excel_csv_with_only_some_columns_gets_ids_and_defaults(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("term;leicht;en;en_status\r\nSprachcafé;\"Im Sprach-Café üben Menschen Deutsch.\r\nEs ist "
                     "kostenlos.\";language café;approved\r\n".encode("utf-8-sig"))
    target = tmp_path / "team.yaml"
    result = CliRunner().invoke(cli, ["glossary", "import", str(path), "--glossary", str(target)])
    assert result.exit_code == 0, result.stderr
    entry = load_glossaries([target]).get("sprachcafe")
    assert entry is not None and entry.pos == "noun" and entry.status == "draft"
    assert entry.leicht == "Im Sprach-Café üben Menschen Deutsch.\nEs ist kostenlos."
    assert entry.targets["en"].term == "language café" and entry.targets["en"].status == "approved"


def test_csv_without_term_column_is_refused_with_line_1(tmp_path: Path) -> None:
    path = tmp_path / "falsch.csv"
    path.write_text("Begriff;Englisch\nKreis;district\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["glossary", "import", str(path)])
    assert result.exit_code == 1 and "falsch.csv, Zeile 1" in result.stderr


def test_yaml_export_is_a_valid_glossary_with_the_same_entries(tmp_path: Path) -> None:
    out = tmp_path / "export.yaml"
    result = CliRunner().invoke(cli, ["glossary", "export", "--format", "yaml", "-o", str(out)])
    assert result.exit_code == 0
    exported = load_glossaries([out])
    shipped = load_glossaries([shipped_glossary()])
    assert exported.version == shipped.version


def test_sheet_with_only_some_columns_updates_only_those_fields(isolated_dirs: Path, tmp_path: Path) -> None:
    """A colleague fills in Turkish in Excel: no id column, just the term and one language."""
    path = tmp_path / "tuerkisch.csv"
    path.write_bytes("term;tr;tr_status\r\nLandrat;İlçe yöneticisi;approved\r\nIntegrationskurs;;\r\n"
                     .encode("utf-8-sig"))
    before = load_glossaries()
    result = CliRunner().invoke(cli, ["glossary", "import", str(path), "--user", "Ayşe"])
    assert result.exit_code == 0, result.stderr
    assert "2 geändert" in result.stdout
    after = load_glossaries()
    landrat, kurs = after.get("landrat"), after.get("integrationskurs")
    assert landrat.targets["tr"].term == "İlçe yöneticisi" and landrat.targets["tr"].status == "approved"
    assert landrat.leicht == before.get("landrat").leicht  # fields without a column are kept
    assert landrat.targets["en"] == before.get("landrat").targets["en"]
    assert "tr" not in kurs.targets  # an empty cell in a given column removes that translation
    assert kurs.targets["ar"] == before.get("integrationskurs").targets["ar"]


def test_agency_tbx_updates_translations_and_keeps_explanations(isolated_dirs: Path, tmp_path: Path) -> None:
    path = tmp_path / "agentur.tbx"
    path.write_text(FOREIGN_TBX.replace('id="c17"', 'id="jugendmigrationsdienst"'), encoding="utf-8")
    before = load_glossaries().get("jugendmigrationsdienst")
    result = CliRunner().invoke(cli, ["glossary", "import", str(path)])
    assert result.exit_code == 0, result.stderr
    after = load_glossaries().get("jugendmigrationsdienst")
    assert after.targets["en-gb"].term == "Youth Migration Service"
    assert after.targets["tr"].term == "Gençlik Göç Servisi"
    assert after.leicht == before.leicht and after.einfach == before.einfach
    assert after.targets["ar"] == before.targets["ar"]
