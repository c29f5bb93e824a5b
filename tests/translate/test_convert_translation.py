"""``convert --translate`` end to end on a real DOCX: variants, report, manifest, memory, missing models, RTL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lesbar.config import TranslationSettings
from lesbar.pipeline import ConvertOptions, convert_file

PARAGRAPHS = [
    "Der Landrat aus Heinsberg eröffnete die Integrationskonferenz am 5. Mai 2024.",
    "Das Kommunale Integrationszentrum stellte seine Arbeit vor. Viele Ehrenamtliche kamen.",
    "Viele Ehrenamtliche kamen.",
]


@pytest.fixture
def report_docx(tmp_path: Path) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.language = "de-DE"
    document.add_heading("Integrationskonferenz im Kreishaus", level=1)
    for text in PARAGRAPHS:
        document.add_paragraph(text)
    path = tmp_path / "bericht.docx"
    document.save(str(path))
    return path


def _options(tmp_path: Path, packages_dir: Path, glossary_path: Path | None, langs: list[str],
             formats: list[str] | None = None) -> ConvertOptions:
    options = ConvertOptions(variants=["original"], formats=formats or ["html"], translate=langs,
                             translate_from=["original"], glossaries=[str(glossary_path)] if glossary_path else [])
    options.extra["translation"] = TranslationSettings(packages_dir=str(packages_dir),
                                                       memory=str(tmp_path / "tm.sqlite"), beam_size=1)
    return options


@pytest.fixture
def glossary_file(tmp_path: Path) -> Path:
    from tests.translate.conftest import GLOSSARY_YAML

    path = tmp_path / "glossar.yaml"
    path.write_text(GLOSSARY_YAML, encoding="utf-8")
    return path


def test_translations_are_written_with_report_and_manifest(tmp_path, install, packages_dir, report_docx,
                                                           glossary_file) -> None:
    install("de-en", "en-ar")
    result = convert_file(report_docx, tmp_path / "out", _options(tmp_path, packages_dir, glossary_file, ["en", "ar"]))
    assert result.ok, result.error
    folder = Path(result.folder)
    assert {"original.html", "en.html", "ar.html", "report.json", "manifest.json"} <= set(result.files)
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["variants"]["ar"]["pivot"] == ["en"]
    assert manifest["variants"]["en"]["pivot"] == []
    assert manifest["variants"]["ar"]["automatic"] is True and manifest["variants"]["ar"]["reviewed"] is False
    report = json.loads((folder / "report.json").read_text())
    en = report["translations"]["en"]
    assert en["language"] == "en" and en["missing"] == ""
    ids = [s["id"] for s in en["sentences"]]
    assert len(ids) == len(set(ids)) and all(s["origin"] == "mt" for s in en["sentences"])
    assert {"enforced", "drafts", "failures", "terms"} <= set(en["glossary"])
    # a random model drops protected terms: each loss is flagged and counted, never hidden
    flagged = [s for s in en["sentences"] if any(f.startswith("glossary-lost") for f in s["flags"])]
    assert en["glossary"]["failures"] >= len(flagged) > 0


def test_arabic_output_is_right_to_left_and_says_it_is_machine_translated(tmp_path, install, packages_dir,
                                                                          report_docx) -> None:
    install("de-en", "en-ar")
    result = convert_file(report_docx, tmp_path / "out", _options(tmp_path, packages_dir, None, ["ar"]))
    assert result.ok, result.error
    html = (Path(result.folder) / "ar.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl"' in html
    assert 'name="lesbar:automatic" content="true"' in html
    assert 'name="lesbar:reviewed" content="false"' in html


def test_a_missing_model_is_reported_and_the_other_outputs_are_written(tmp_path, install, packages_dir,
                                                                       report_docx) -> None:
    install("de-en")
    result = convert_file(report_docx, tmp_path / "out", _options(tmp_path, packages_dir, None, ["en", "fa"]))
    assert result.ok, result.error
    assert result.missing == ["fa: no model de→fa (or via en) installed; install it with: lesbar models install de fa"]
    assert "en.html" in result.files and "fa.html" not in result.files
    manifest = json.loads((Path(result.folder) / "manifest.json").read_text())
    assert manifest["missing"] == result.missing
    report = json.loads((Path(result.folder) / "report.json").read_text())
    assert "lesbar models install de fa" in report["translations"]["fa"]["missing"]


def test_the_second_run_takes_every_sentence_from_the_memory(tmp_path, install, packages_dir, report_docx,
                                                              count_calls) -> None:
    install("de-en")
    first = convert_file(report_docx, tmp_path / "out", _options(tmp_path, packages_dir, None, ["en"]))
    assert first.ok
    calls_after_first = len(count_calls["de-en"].calls)
    second = convert_file(report_docx, tmp_path / "out", _options(tmp_path, packages_dir, None, ["en"]))
    assert second.ok
    assert len(count_calls["de-en"].calls) == calls_after_first, "nothing was translated again"
    report = json.loads((Path(second.folder) / "report.json").read_text())
    assert {s["origin"] for s in report["translations"]["en"]["sentences"]} == {"memory"}
    first_report = json.loads((Path(first.folder) / "report.json").read_text())
    assert [s["target"] for s in first_report["translations"]["en"]["sentences"]] == \
        [s["target"] for s in report["translations"]["en"]["sentences"]]


def test_translation_of_the_einfach_variant_is_named_einfach_lang(tmp_path, install, packages_dir) -> None:
    from lesbar.model import Document, Meta, Paragraph, Sentence, Text
    from lesbar.translate import translate_documents

    install("de-en")
    doc = Document(Meta(title="Titel", lang="de"), [Paragraph([Sentence([Text("Das ist einfach.")], id="b1.s1")])])
    einfach = Document(Meta(title="Titel", lang="de", variant="einfach"),
                       [Paragraph([Sentence([Text("Das ist sehr einfach.")], id="b1.s1")])])
    outcome = translate_documents({"original": doc, "einfach": einfach}, ["en"], glossary=None,
                                  packages_dir=packages_dir, memory=None)
    assert set(outcome.documents) == {"en", "einfach.en"}
    translated = outcome.documents["einfach.en"]
    assert translated.meta.variant == "translation" and translated.meta.lang == "en"
    assert translated.meta.provenance.source_lang == "de"
    assert "translated from the einfach variant" in translated.meta.provenance.notes
    assert outcome.report["einfach.en"]["sentences"][0]["id"] == "b1.s1"


def test_cli_convert_reports_a_missing_language_and_strict_fails(tmp_path, install, packages_dir, report_docx,
                                                                 monkeypatch) -> None:
    from click.testing import CliRunner

    from lesbar.cli.main import cli

    install("de-en")
    monkeypatch.chdir(tmp_path)  # no lesbar.toml here: packages from $ARGOS_PACKAGES_DIR, memory in $LESBAR_DATA_DIR
    args = ["convert", str(report_docx), "-o", str(tmp_path / "out"), "--translate", "en,fa",
            "--variants", "original", "--formats", "html"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "missing: bericht.docx: fa: no model de→fa (or via en) installed; install it with: " \
           "lesbar models install de fa" in result.output
    assert (tmp_path / "out" / "bericht" / "en.html").is_file()
    assert (tmp_path / "lesbar-data" / "translation-memory.sqlite").is_file()
    strict = CliRunner().invoke(cli, [*args, "--strict", "--force"])
    assert strict.exit_code == 3
