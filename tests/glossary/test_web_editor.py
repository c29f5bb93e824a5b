"""The glossary web editor, end to end: the real `lesbar glossary serve` process, Debian's Chromium driven by
Playwright, real glossary files on disk, and axe-core (WCAG 2.2 A/AA) on every kind of page."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from lesbar.glossary import load_glossaries

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium"),
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def assert_accessible(page) -> None:  # type: ignore[no-untyped-def]
    """axe-core with the WCAG 2.2 A/AA rule set finds nothing on the current page."""
    page.wait_for_load_state("load")  # a click may have started a navigation that is still under way
    page.evaluate(_axe_source())
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS)
    problems = [f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['html'][:120]})"
                for v in result["violations"]]
    assert problems == [], f"{page.url}: " + "; ".join(problems)


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`lesbar glossary serve --port 0` with the default selection: shipped glossary + empty staff glossary."""
    home = tmp_path_factory.mktemp("editor-home")
    env = dict(os.environ, LESBAR_DATA_DIR=str(home / "data"), LESBAR_CACHE_DIR=str(home / "cache"),
               XDG_CONFIG_HOME=str(home / "config"))
    env.pop("LESBAR_GLOSSARY", None)
    process = subprocess.Popen([sys.executable, "-m", "lesbar", "glossary", "serve", "--port", "0"], env=env,
                               cwd=home, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline() if process.stdout else ""
        assert "http://127.0.0.1:" in line, (line, process.stderr.read() if process.stderr else "")
        url = line[line.index("http://"):].split()[0]
        yield url, home / "data" / "glossar.yaml"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"])
        yield chromium
        chromium.close()


def staff_entries(path: Path) -> dict[str, dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {e["id"]: e for e in data.get("entries") or []}


def test_search_and_list_pages_are_accessible(editor, browser) -> None:  # type: ignore[no-untyped-def]
    url, _staff = editor
    page = browser.new_page()
    page.goto(url)
    assert page.title().startswith("Alle Einträge")
    assert_accessible(page)
    page.get_by_label("Suchbegriff").fill("Integrationskurs")
    page.get_by_role("button", name="Suchen").click()
    page.wait_for_url("**/?q=Integrationskurs")
    page.get_by_role("link", name="Integrationskurs", exact=True).wait_for()
    assert_accessible(page)
    page.get_by_label("Suchbegriff").fill("gibt-es-nicht-xyz")
    page.get_by_role("button", name="Suchen").click()
    page.wait_for_url("**/?q=gibt-es-nicht-xyz")
    assert "Keine Einträge gefunden" in page.content()
    page.close()


def test_pages_reflow_at_320_css_pixels_without_horizontal_scrolling(editor, browser) -> None:  # type: ignore[no-untyped-def]
    """WCAG 1.4.10: at 320 px (400 % zoom) only the data table may scroll, inside its own focusable region."""
    url, _staff = editor
    page = browser.new_page(viewport={"width": 320, "height": 700})
    for path in ("", "?q=Integration", "eintrag/kommunales-integrationszentrum", "eintrag/neu"):
        page.goto(url + path)
        scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert scroll <= client, f"{path or '/'}: page is {scroll}px wide at {client}px"
    page.goto(url)
    assert_accessible(page)
    page.close()


#: The words (between spaces, hyphens and slashes) of the table that are rendered broken over two lines.
_SPLIT_WORDS = """() => {
  const split = [];
  for (const cell of document.querySelectorAll('th, td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/[^\\s\\-\\u2010\\/]+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (tops.size > 1) split.push(m[0]);
      }
    }
  }
  return split;
}"""


@pytest.mark.parametrize("width", [1100, 320])
def test_table_cells_never_break_inside_a_word(editor, browser, width) -> None:  # type: ignore[no-untyped-def]
    """Column headings and statuses read as words ("Abkürzungen", "Entwurf"), not "Abkürz|ungen"."""
    url, _staff = editor
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(url)
    assert page.locator("th").count() >= 4
    assert page.evaluate(_SPLIT_WORDS) == []
    page.close()


def test_staff_edit_a_translation_and_it_is_saved_in_the_staff_glossary(editor, browser) -> None:  # type: ignore[no-untyped-def]
    url, staff = editor
    page = browser.new_page()
    page.goto(url + "?q=Landrat")
    page.get_by_role("link", name="Landrat", exact=True).click()
    page.wait_for_url("**/eintrag/landrat")
    page.get_by_text("Formen erkennt lesbar im Text").click()  # staff can see which forms are recognised
    assert "Landräte" in page.locator("details p").inner_text()
    assert_accessible(page)
    page.get_by_label("Englisch", exact=True).fill("District Administrator (Landrat)")
    page.get_by_label("Status Englisch").select_option("approved")
    page.get_by_label("Ihr Name").fill("Anna Beispiel")
    page.get_by_role("button", name="Speichern").click()
    assert page.get_by_role("status").inner_text() == "Der Eintrag wurde gespeichert."
    assert_accessible(page)
    stored = staff_entries(staff)["landrat"]
    assert stored["targets"]["en"] == {"term": "District Administrator (Landrat)", "status": "approved"}
    assert stored["changed_by"] == "Anna Beispiel"
    assert stored["targets"]["tr"]["term"] == "Kaymakam"  # the rest of the entry came along unchanged
    glossary = load_glossaries([Path(__file__).resolve().parents[2] / "glossaries" / "kreis-heinsberg.yaml", staff])
    assert glossary.get("landrat").targets["en"].status == "approved"
    page.close()


def test_new_entry_shows_german_validation_messages_then_saves(editor, browser) -> None:  # type: ignore[no-untyped-def]
    url, staff = editor
    page = browser.new_page()
    page.goto(url)
    page.get_by_role("link", name="Neuer Eintrag").click()
    page.wait_for_url("**/eintrag/neu")
    assert_accessible(page)
    page.get_by_label("Türkisch", exact=True).fill("entegrasyon ajansı")
    page.get_by_label("Weitere Sprache: Übersetzung").fill("agencja integracyjna")
    page.get_by_role("button", name="Speichern").click()
    summary = page.get_by_role("alert")
    assert "Bitte den Begriff eingeben." in summary.inner_text()
    assert "kein Sprachcode" in summary.inner_text()
    assert page.get_by_label("Begriff (Pflichtfeld)").get_attribute("aria-invalid") == "true"
    assert page.get_by_label("Türkisch", exact=True).input_value() == "entegrasyon ajansı"  # input kept
    assert_accessible(page)
    page.get_by_label("Begriff (Pflichtfeld)").fill("Integrationsagentur")
    page.get_by_label("Sprachcode (z. B. pl)").fill("pl")
    page.get_by_label("Genus").select_option("f")
    page.get_by_label("Erklärung in Leichter Sprache").fill("Die Integrations-Agentur hilft.\nSie ist ein Amt.")
    page.get_by_role("button", name="Speichern").click()
    assert page.get_by_role("status").inner_text() == "Der Eintrag wurde angelegt."
    stored = staff_entries(staff)["integrationsagentur"]
    assert stored["leicht"] == "Die Integrations-Agentur hilft.\nSie ist ein Amt."
    assert stored["targets"]["pl"]["term"] == "agencja integracyjna"
    assert stored["targets"]["tr"] == {"term": "entegrasyon ajansı", "status": "draft"}
    page.close()


def test_two_people_editing_at_once_get_a_conflict_not_a_silent_overwrite(editor, browser) -> None:  # type: ignore[no-untyped-def]
    url, staff = editor
    first, second = browser.new_page(), browser.new_page()
    first.goto(url + "eintrag/plenum")
    second.goto(url + "eintrag/plenum")
    first.get_by_label("Englisch", exact=True).fill("plenary")
    first.get_by_role("button", name="Speichern").click()
    assert first.get_by_role("status").inner_text() == "Der Eintrag wurde gespeichert."
    second.get_by_label("Türkisch", exact=True).fill("genel kurul")
    second.get_by_role("button", name="Speichern").click()
    alert = second.get_by_role("alert").inner_text()
    assert "jemand anderes war schneller" in alert and "inzwischen von" in alert
    assert second.get_by_label("Türkisch", exact=True).input_value() == "genel kurul"  # nothing typed is lost
    assert_accessible(second)
    stored = staff_entries(staff)["plenum"]
    assert stored["targets"]["en"]["term"] == "plenary"
    assert stored["targets"]["tr"]["term"] == "genel oturum"  # the second edit did not overwrite silently
    first.close()
    second.close()


def test_delete_asks_for_confirmation_and_hides_a_shipped_entry(editor, browser) -> None:  # type: ignore[no-untyped-def]
    url, staff = editor
    page = browser.new_page()
    page.goto(url + "eintrag/gastarbeiter")
    page.get_by_role("link", name="Eintrag löschen").click()
    page.wait_for_url("**/loeschen")
    assert_accessible(page)
    page.get_by_role("button", name="Endgültig löschen").click()
    assert page.get_by_role("status").inner_text() == "Der Eintrag wurde gelöscht."
    assert staff_entries(staff)["gastarbeiter"] == {"id": "gastarbeiter", "removed": True}
    page.goto(url + "eintrag/gastarbeiter")
    assert "gibt es nicht" in page.content()
    history = list((staff.parent / ".glossar-historie").glob("glossar-*.yaml"))
    assert history, "the previous version of the staff glossary is kept"
    page.close()


def test_network_editor_needs_the_token(tmp_path: Path, browser) -> None:  # type: ignore[no-untyped-def]
    import threading

    from lesbar.glossary.store import GlossaryStore
    from lesbar.glossary.web.server import make_server

    staff = tmp_path / "team.yaml"
    staff.write_text("entries:\n  - id: kreis\n    term: Kreis\n", encoding="utf-8")
    token = "geheimer-schluessel-123456"
    server = make_server(GlossaryStore([staff]), host="127.0.0.1", port=0, token=token)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        page = browser.new_page()
        response = page.goto(server.url)
        assert response.status == 401
        assert_accessible(page)
        page.get_by_label("Zugangsschlüssel").fill("falsch")
        page.get_by_role("button", name="Anmelden").click()
        assert "Der Zugangsschlüssel stimmt nicht." in page.get_by_role("alert").inner_text()
        page.get_by_label("Zugangsschlüssel").fill(token)
        page.get_by_role("button", name="Anmelden").click()
        page.get_by_role("link", name="Kreis", exact=True).wait_for()  # the list, after the redirect
        assert page.url == server.url
        page.close()
    finally:
        server.shutdown()
        server.server_close()
