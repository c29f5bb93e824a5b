"""``lesbar review`` (XLIFF round trip into the memory) and ``lesbar models`` through click's runner."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from lesbar.cli.main import cli
from lesbar.model import Document, Meta, Paragraph, Sentence, Text
from lesbar.translate import translate_documents
from lesbar.translate.memory import TranslationMemory
from lesbar.translate.xliff import XLIFF12_NS, XLIFF20_NS

SENTENCES = ["Der Landrat begrüßte die Gäste.", "Viele Ehrenamtliche helfen.", "Die Konferenz war gut."]


def _doc() -> Document:
    return Document(Meta(title="Konferenz", lang="de"),
                    [Paragraph([Sentence([Text(s)], id=f"b1.s{i}") for i, s in enumerate(SENTENCES, 1)])])


@pytest.fixture
def converted(tmp_path: Path, install, packages_dir: Path) -> tuple[Path, Path]:
    """An output folder with a report.json for en and ar, made by a real translation run."""
    install("de-en", "en-ar")
    memory_path = tmp_path / "tm.sqlite"
    with TranslationMemory(memory_path) as memory:
        outcome = translate_documents({"original": _doc()}, ["en", "ar"], glossary=None, packages_dir=packages_dir,
                                      memory=memory)
    folder = tmp_path / "out" / "bericht"
    folder.mkdir(parents=True)
    report = {"document": {"language": "de"}, "translations": outcome.report}
    (folder / "report.json").write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    return folder, memory_path


def _edit_xliff12(path: Path, source: str, new_target: str | None = None, approve: bool = False) -> None:
    tree = etree.parse(str(path))
    ns = {"x": XLIFF12_NS}
    for unit in tree.iterfind(".//x:trans-unit", ns):
        if unit.findtext("x:source", namespaces=ns) == source:
            if new_target is not None:
                unit.find("x:target", ns).text = new_target
            if approve:
                unit.set("approved", "yes")
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


def test_xliff12_round_trip_puts_reviewed_segments_into_the_memory_and_convert_uses_them(
        tmp_path, converted, packages_dir) -> None:
    folder, memory_path = converted
    runner = CliRunner()
    result = runner.invoke(cli, ["review", "export", str(folder), "-o", str(tmp_path / "review"),
                                 "--memory", str(memory_path)])
    assert result.exit_code == 0, result.output
    en_file = tmp_path / "review" / "bericht.en.xlf"
    ar_file = tmp_path / "review" / "bericht.ar.xlf"
    assert en_file.is_file() and ar_file.is_file()
    root = etree.parse(str(en_file)).getroot()
    assert root.get("version") == "1.2" and etree.QName(root).namespace == XLIFF12_NS
    assert len(root.findall(f".//{{{XLIFF12_NS}}}trans-unit")) == len(SENTENCES)

    # the translator corrects one sentence, confirms another, leaves the third untouched
    _edit_xliff12(en_file, SENTENCES[0], "The District Administrator welcomed the guests.")
    _edit_xliff12(en_file, SENTENCES[1], approve=True)
    result = runner.invoke(cli, ["review", "import", str(en_file), "--memory", str(memory_path)])
    assert result.exit_code == 0, result.output
    assert "2 reviewed segments imported (en)" in result.output and "1 not confirmed" in result.output

    with TranslationMemory(memory_path) as memory:
        outcome = translate_documents({"original": _doc()}, ["en"], glossary=None, packages_dir=packages_dir,
                                      memory=memory)
    rows = {r["source"]: r for r in outcome.report["en"]["sentences"]}
    assert rows[SENTENCES[0]]["origin"] == "human"
    assert rows[SENTENCES[0]]["target"] == "The District Administrator welcomed the guests."
    assert rows[SENTENCES[1]]["origin"] == "human"
    assert rows[SENTENCES[2]]["origin"] == "memory"
    assert outcome.documents["en"].meta.provenance.reviewed is False  # one sentence still unreviewed


def test_a_fully_reviewed_translation_is_marked_reviewed(tmp_path, converted, packages_dir) -> None:
    folder, memory_path = converted
    runner = CliRunner()
    assert runner.invoke(cli, ["review", "export", str(folder), "-o", str(tmp_path / "r"), "--lang", "ar",
                               "--format", "xliff20", "--memory", str(memory_path)]).exit_code == 0
    path = tmp_path / "r" / "bericht.ar.xliff"
    tree = etree.parse(str(path))
    ns = {"x": XLIFF20_NS}
    assert tree.getroot().get("trgLang") == "ar"
    for segment in tree.iterfind(".//x:segment", ns):
        assert segment.get("state") == "initial"
        segment.set("state", "final")
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    result = runner.invoke(cli, ["review", "import", str(path), "--memory", str(memory_path)])
    assert result.exit_code == 0 and "3 reviewed segments imported (ar)" in result.output
    with TranslationMemory(memory_path) as memory:
        outcome = translate_documents({"original": _doc()}, ["ar"], glossary=None, packages_dir=packages_dir,
                                      memory=memory)
    assert outcome.documents["ar"].meta.provenance.reviewed is True


@pytest.mark.parametrize("cat_language", ["EN-GB", "en_US"])
def test_a_cat_tool_that_rewrites_the_target_language_still_feeds_the_memory(
        tmp_path, converted, packages_dir, cat_language) -> None:
    folder, memory_path = converted
    runner = CliRunner()
    assert runner.invoke(cli, ["review", "export", str(folder), "-o", str(tmp_path / "r"), "--lang", "EN",
                               "--memory", str(memory_path)]).exit_code == 0
    path = tmp_path / "r" / "bericht.en.xlf"
    _edit_xliff12(path, SENTENCES[0], "The District Administrator welcomed the guests.", approve=True)
    path.write_text(path.read_text(encoding="utf-8").replace('target-language="en"',
                                                             f'target-language="{cat_language}"'),
                    encoding="utf-8")
    result = runner.invoke(cli, ["review", "import", str(path), "--memory", str(memory_path)])
    assert result.exit_code == 0 and "1 reviewed segments imported (en)" in result.output, result.output
    with TranslationMemory(memory_path) as memory:
        outcome = translate_documents({"original": _doc()}, ["en"], glossary=None, packages_dir=packages_dir,
                                      memory=memory)
    rows = {r["source"]: r for r in outcome.report["en"]["sentences"]}
    assert rows[SENTENCES[0]]["origin"] == "human"
    assert rows[SENTENCES[0]]["target"] == "The District Administrator welcomed the guests."
    # --lang given by hand, in capitals, for a file that names no language
    bare = tmp_path / "r" / "ohne-sprache.xlf"
    bare.write_text(path.read_text(encoding="utf-8").replace(f' target-language="{cat_language}"', ""),
                    encoding="utf-8")
    result = runner.invoke(cli, ["review", "import", str(bare), "--lang", "EN", "--memory", str(memory_path)])
    assert result.exit_code == 0 and "(en)" in result.output and "1 already known" in result.output, result.output


def test_export_from_memory_lists_only_unreviewed_machine_translations(tmp_path, converted) -> None:
    _folder, memory_path = converted
    with TranslationMemory(memory_path) as memory:
        memory.store_human(SENTENCES[0], "de", "en", "Reviewed.")
    result = CliRunner().invoke(cli, ["review", "export", "--from-memory", "--lang", "en", "-o", str(tmp_path / "m"),
                                      "--memory", str(memory_path)])
    assert result.exit_code == 0, result.output
    root = etree.parse(str(tmp_path / "m" / "memory.en.xlf")).getroot()
    sources = [el.text for el in root.iter(f"{{{XLIFF12_NS}}}source")]
    assert SENTENCES[0] not in sources and set(SENTENCES[1:]) <= set(sources)


def test_importing_a_broken_file_is_one_clear_line(tmp_path) -> None:
    bad = tmp_path / "kaputt.xlf"
    bad.write_text("<xliff><file>", encoding="utf-8")
    result = CliRunner().invoke(cli, ["review", "import", str(bad), "--memory", str(tmp_path / "tm.sqlite")])
    assert result.exit_code != 0
    assert "kaputt.xlf: not a valid XLIFF file" in result.output and "Traceback" not in result.output


def test_models_install_list_and_remove(tmp_path, packages_dir, model_files) -> None:
    runner = CliRunner()
    for pair in ("de-en", "en-ar"):
        result = runner.invoke(cli, ["models", "install", "--file", str(model_files[pair]),
                                     "--packages-dir", str(packages_dir)])
        assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["models", "list", "--packages-dir", str(packages_dir)])
    assert result.exit_code == 0
    assert "de → en" in result.output and "en → ar" in result.output
    assert "ar (via en)" in result.output
    result = runner.invoke(cli, ["models", "remove", "en", "ar", "--packages-dir", str(packages_dir)])
    assert result.exit_code == 0 and "Removed en → ar" in result.output
    assert not any(p.name.startswith("translate-en_ar") for p in packages_dir.iterdir())
    result = runner.invoke(cli, ["models", "remove", "en", "ar", "--packages-dir", str(packages_dir)])
    assert result.exit_code != 0 and "no model en→ar is installed" in result.output


def test_installing_a_file_that_is_no_model_changes_nothing(tmp_path, packages_dir) -> None:
    not_zip = tmp_path / "x.argosmodel"
    not_zip.write_text("hello")
    flat = tmp_path / "flat.argosmodel"
    with zipfile.ZipFile(flat, "w") as zf:
        zf.writestr("metadata.json", "{}")
    runner = CliRunner()
    for path, message in ((not_zip, "not an Argos model (an .argosmodel file is a zip archive)"),
                          (flat, "exactly one top-level folder")):
        result = runner.invoke(cli, ["models", "install", "--file", str(path), "--packages-dir", str(packages_dir)])
        assert result.exit_code != 0 and message in result.output, result.output
    assert list(packages_dir.iterdir()) == []


def _rewrite_package(source: Path, target: Path, change) -> Path:  # type: ignore[no-untyped-def]
    """A copy of an .argosmodel with ``change(name, data)`` applied to each member."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, change(info.filename, zin.read(info.filename)))
    return target


def _corrupt_member(path: Path, suffix: str) -> None:
    """Flip bytes inside one compressed member, as a broken copy from a USB stick would."""
    with zipfile.ZipFile(path) as zf:
        info = next(i for i in zf.infolist() if i.filename.endswith(suffix))
    with path.open("rb") as handle:
        handle.seek(info.header_offset + 26)
        name_len, extra_len = int.from_bytes(handle.read(2), "little"), int.from_bytes(handle.read(2), "little")
    start = info.header_offset + 30 + name_len + extra_len + info.compress_size // 2
    data = bytearray(path.read_bytes())
    for i in range(start, start + 32):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


def test_a_damaged_model_file_never_costs_the_installed_model(tmp_path, packages_dir, model_files) -> None:
    runner = CliRunner()
    args = ["--packages-dir", str(packages_dir)]
    assert runner.invoke(cli, ["models", "install", "--file", str(model_files["de-en"]), *args]).exit_code == 0
    before = sorted(p.name for p in packages_dir.iterdir())

    damaged = tmp_path / "kopie" / model_files["de-en"].name
    damaged.parent.mkdir()
    damaged.write_bytes(model_files["de-en"].read_bytes())
    _corrupt_member(damaged, "model/model.bin")
    garbage = _rewrite_package(model_files["de-en"], tmp_path / "garbage.argosmodel",
                               lambda name, data: b"kein Modell" * 50 if name.endswith("model.bin") else data)
    for path, message in ((damaged, "the model file is damaged"), (garbage, "cannot be loaded")):
        result = runner.invoke(cli, ["models", "install", "--file", str(path), *args])
        assert result.exit_code != 0, result.output
        assert message in result.output and "Traceback" not in result.output
        assert len(result.output.strip().splitlines()) == 1, result.output
        # the working model is still installed, and no half-extracted folder is left behind
        assert sorted(p.name for p in packages_dir.iterdir()) == before
        listing = runner.invoke(cli, ["models", "list", *args])
        assert "de → en" in listing.output


def test_a_package_for_another_pair_in_a_taken_folder_does_not_replace_that_pair(
        tmp_path, packages_dir, model_files) -> None:
    def other_pair(name: str, data: bytes) -> bytes:
        if name.endswith("metadata.json"):
            meta = json.loads(data)
            meta.update(from_code="en", to_code="ar", from_name="English", to_name="Arabic")
            return json.dumps(meta).encode()
        return data

    # a package whose folder is named like de→en but which translates en→ar
    wrong = _rewrite_package(model_files["de-en"], tmp_path / "translate-de_en-1_0.argosmodel", other_pair)
    runner = CliRunner()
    args = ["--packages-dir", str(packages_dir)]
    assert runner.invoke(cli, ["models", "install", "--file", str(model_files["de-en"]), *args]).exit_code == 0
    result = runner.invoke(cli, ["models", "install", "--file", str(wrong), *args])
    assert result.exit_code == 0 and "Installed en → ar" in result.output, result.output
    listing = runner.invoke(cli, ["models", "list", *args]).output
    assert "de → en" in listing and "en → ar" in listing and "ar (via en)" in listing
    # reinstalling de→en replaces only de→en
    assert runner.invoke(cli, ["models", "install", "--file", str(model_files["de-en"]), *args]).exit_code == 0
    listing = runner.invoke(cli, ["models", "list", *args]).output
    assert "de → en" in listing and "en → ar" in listing


def test_stray_folders_in_the_package_dir_do_not_break_listing(install, packages_dir) -> None:
    install("de-en")
    (packages_dir / "notes").mkdir()
    (packages_dir / "README.txt").write_text("x")
    result = CliRunner().invoke(cli, ["models", "list", "--packages-dir", str(packages_dir)])
    assert result.exit_code == 0 and "de → en" in result.output


def test_installing_from_the_index_without_internet_says_what_to_do(tmp_path, packages_dir, monkeypatch) -> None:
    import argostranslate.settings

    # an index URL that cannot be reached (a closed local port): the same path as having no internet
    monkeypatch.setattr(argostranslate.settings, "remote_package_index", "http://127.0.0.1:9/index.json")
    monkeypatch.setattr(argostranslate.settings, "local_package_index", tmp_path / "index.json")
    result = CliRunner().invoke(cli, ["models", "install", "de", "en", "--packages-dir", str(packages_dir)])
    assert result.exit_code != 0
    assert "needs internet access" in result.output and "--file" in result.output


@pytest.fixture
def local_index_server(tmp_path: Path, model_files):  # type: ignore[no-untyped-def]
    """A package index and its files served over HTTP on 127.0.0.1 (argostranslate downloads http(s) only)."""
    import functools
    import shutil
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    root = tmp_path / "served"
    root.mkdir()
    for path in model_files.values():
        shutil.copy(path, root / path.name)

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_installing_from_an_index_downloads_and_installs_through_english(tmp_path, packages_dir, model_files,
                                                                      local_index_server, monkeypatch) -> None:
    import argostranslate.settings

    root, base = local_index_server
    index = [{"type": "translate", "from_code": f, "to_code": t, "from_name": f, "to_name": t,
              "package_version": "1.0", "argos_version": "1.0", "links": [f"{base}/{model_files[f'{f}-{t}'].name}"],
              "code": f"translate-{f}_{t}"} for f, t in (("de", "en"), ("en", "ar"))]
    (root / "index.json").write_text(json.dumps(index))
    monkeypatch.setattr(argostranslate.settings, "remote_package_index", f"{base}/index.json")
    monkeypatch.setattr(argostranslate.settings, "local_package_index", tmp_path / "index.json")
    monkeypatch.setattr(argostranslate.settings, "downloads_dir", tmp_path / "downloads")
    (tmp_path / "downloads").mkdir()
    result = CliRunner().invoke(cli, ["models", "install", "de", "ar", "--packages-dir", str(packages_dir)])
    assert result.exit_code == 0, result.output
    assert "Installed de → en" in result.output and "Installed en → ar" in result.output
    assert "this needs internet" in result.output
    assert list((tmp_path / "downloads").iterdir()) == []  # downloads are not left behind


def test_models_can_be_downloaded_for_an_offline_machine_and_installed_there(
        tmp_path, packages_dir, model_files, local_index_server, monkeypatch) -> None:
    import argostranslate.settings

    root, base = local_index_server
    index = [{"type": "translate", "from_code": "de", "to_code": "en", "from_name": "German", "to_name": "English",
              "package_version": "1.0", "argos_version": "1.0", "links": [f"{base}/{model_files['de-en'].name}"],
              "code": "translate-de_en"}]
    (root / "index.json").write_text(json.dumps(index))
    monkeypatch.setattr(argostranslate.settings, "remote_package_index", f"{base}/index.json")
    monkeypatch.setattr(argostranslate.settings, "local_package_index", tmp_path / "index.json")
    monkeypatch.setattr(argostranslate.settings, "downloads_dir", tmp_path / "downloads")
    (tmp_path / "downloads").mkdir()
    runner = CliRunner()
    stick = tmp_path / "usb"
    result = runner.invoke(cli, ["models", "download", "de", "en", "-o", str(stick), "--packages-dir",
                                 str(packages_dir)])
    assert result.exit_code == 0, result.output
    files = list(stick.glob("*.argosmodel"))
    assert len(files) == 1 and list(packages_dir.iterdir()) == []  # downloaded, not installed
    offline = tmp_path / "offline-packages"
    result = runner.invoke(cli, ["models", "install", "--file", str(files[0]), "--packages-dir", str(offline)])
    assert result.exit_code == 0 and "Installed de → en" in result.output
