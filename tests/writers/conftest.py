"""Fixtures of the writer tests: the every-block-type document in every variant, rendered once per
session into real files, and one headless Chromium for all browser tests."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from a11y_checks import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from alltypes import VARIANTS, build  # noqa: E402

from lesbar.model import Document  # noqa: E402
from lesbar.writers import render  # noqa: E402
from lesbar.writers.html import write_html  # noqa: E402
from lesbar.writers.pdf import write_pdf  # noqa: E402


@dataclass
class Rendered:
    """One variant in all three formats, on disk (the browser loads the HTML file)."""

    name: str
    doc: Document
    html: str
    docx: bytes
    pdf: bytes
    html_path: Path


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    out = tmp_path_factory.mktemp("alltypes")
    result = {}
    for name in VARIANTS:
        doc = build(name)
        html = write_html(doc)
        path = out / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        result[name] = Rendered(name, doc, html, render(doc, "docx"), write_pdf(doc, html), path)
    return result


@pytest.fixture(params=VARIANTS)
def variant(request: pytest.FixtureRequest, rendered: dict[str, Rendered]) -> Rendered:
    return rendered[request.param]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One Debian Chromium for the whole session, driven by Playwright (never ``playwright install``)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (scripts/setup does)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
