"""Fixtures for translation tests: real .argosmodel packages (random weights, numpy only), installed through
lesbar's installer (checked, all or nothing) into a temporary package directory, and a real glossary file."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "argos"


def _load_builder() -> Any:
    spec = importlib.util.spec_from_file_location("lesbar_test_random_model", FIXTURES / "random_model.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


builder = _load_builder()

#: Training text for the tiny tokenizer: German and English sentences of the domain.
TOKENIZER_TEXT = [
    "Der Landrat begrüßte die Gäste im Kreishaus in Heinsberg.",
    "Das Kommunale Integrationszentrum lädt zur Integrationskonferenz ein.",
    "Die Konferenz fand am 5. Mai 2024 um 10 Uhr statt.",
    "Viele Ehrenamtliche helfen beim Integrationskurs.",
    "Die Ausländerbehörde berät zur Einbürgerung.",
    "The district administrator welcomed the guests.",
    "The Municipal Integration Centre invites you to the conference.",
    "Many volunteers help with the integration course [0] [1] [2].",
] * 30


@pytest.fixture(scope="session")
def sp_model() -> bytes:
    return builder.train_sentencepiece(TOKENIZER_TEXT, 200)


@pytest.fixture(scope="session")
def model_files(tmp_path_factory: pytest.TempPathFactory, sp_model: bytes) -> dict[str, Path]:
    """One random-weight package file per pair, built once per test session."""
    out = tmp_path_factory.mktemp("argosmodels")
    files = {}
    for i, (src, tgt) in enumerate([("de", "en"), ("en", "ar"), ("en", "fa"), ("de", "tr"), ("en", "uk")]):
        files[f"{src}-{tgt}"] = builder.build_random_package(
            out / f"translate-{src}_{tgt}-1_0.argosmodel", src, tgt, sp_model, seed=i)
    return files


@pytest.fixture
def packages_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty package directory; lesbar and argostranslate caches are cleared around each test."""
    from lesbar.translate.engine import forget_models
    from lesbar.translate.packages import clear_argos_caches

    folder = tmp_path / "argos-packages"
    folder.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(folder))
    monkeypatch.setenv("LESBAR_DATA_DIR", str(tmp_path / "lesbar-data"))
    forget_models()
    clear_argos_caches()
    yield folder
    forget_models()
    clear_argos_caches()


@pytest.fixture
def install(packages_dir: Path, model_files: dict[str, Path]) -> Any:
    """``install("de-en", "en-ar")`` installs those packages through argostranslate's installer."""
    from lesbar.translate.packages import install_from_file

    def _install(*pairs: str) -> None:
        for pair in pairs:
            install_from_file(packages_dir, model_files[pair])

    return _install


GLOSSARY_YAML = """\
glossary:
  format: 1
  name: Test
entries:
  - id: kommunales-integrationszentrum
    term: Kommunales Integrationszentrum
    variants: [Integrationszentrum]
    abbreviations: [KI]
    pos: noun
    gender: n
    targets:
      en: {term: Municipal Integration Centre, status: approved}
      ar: {term: المركز البلدي للاندماج, status: draft}
    status: approved
  - id: landrat
    term: Landrat
    pos: noun
    gender: m
    targets:
      en: {term: District Administrator, status: draft}
      ar: {term: مدير المقاطعة, status: draft}
    status: draft
  - id: heinsberg
    term: Heinsberg
    pos: name
    dnt: true
    status: approved
"""


@pytest.fixture
def glossary(tmp_path: Path) -> Any:
    from lesbar.glossary import load_glossaries

    path = tmp_path / "test-glossar.yaml"
    path.write_text(GLOSSARY_YAML, encoding="utf-8")
    return load_glossaries([path])


class CountingTranslator:
    """Wraps a real ``ctranslate2.Translator`` and records every ``translate_batch`` call."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.calls: list[list[list[str]]] = []

    def translate_batch(self, source: list[list[str]], **kwargs: Any) -> Any:
        self.calls.append(source)
        return self.real.translate_batch(source, **kwargs)


@pytest.fixture
def count_calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, CountingTranslator]:
    """Every model loaded during the test gets a counting wrapper, keyed by pair ``de-en``."""
    from lesbar.translate import engine

    seen: dict[str, CountingTranslator] = {}
    original_init = engine.LoadedModel.__init__

    def init(self: Any, package: Any, workers: int) -> None:
        original_init(self, package, workers)
        self.translator = seen.setdefault(f"{package.from_code}-{package.to_code}", CountingTranslator(self.translator))

    monkeypatch.setattr(engine.LoadedModel, "__init__", init)
    return seen
