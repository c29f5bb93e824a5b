"""Fixtures for the simplification tests: documents from text, the shipped glossary, a custom glossary."""

from __future__ import annotations

from pathlib import Path

import pytest

from lesbar.model import Document
from lesbar.simplify.plaintext import document_from_text

DATA = Path(__file__).parent / "data"
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "integrationskonferenz_ocr.txt"
OWN_TEXTS = ("sprachkurs", "ratsbeschluss", "beratung", "einladung", "nachrichten",
             # written by a helper for a bug hunt (not by the rule author): a citizenship ceremony, a
             # women's café, an official notice, a school project, an interview, a festival invitation
             "einbuergerung", "frauencafe", "bekanntmachung", "schulprojekt", "interview", "fest",
             # unseen-text hunt: appointments notice, summer festival report with quotes, Jobcenter sheet,
             # letter to parents, council meeting with numbers, press release with many funding partners
             "auslaenderbehoerde", "sommerfest", "jobcenter", "elternbrief", "ratssitzung", "foerderpartner")


def doc_of(text: str) -> Document:
    """A segmented document from plain text (paragraphs separated by blank lines)."""
    return document_from_text(text)


def own_text(name: str) -> str:
    return (DATA / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def glossary():  # type: ignore[no-untyped-def]
    """The shipped municipal glossary (real matcher)."""
    from lesbar.glossary import load_glossaries
    from lesbar.glossary.locations import shipped_glossary

    return load_glossaries([shipped_glossary()])


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"seed report not found at {SEED}")
    return SEED.read_text(encoding="utf-8")
