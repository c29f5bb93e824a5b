"""The web editor refuses requests that could come from another web page or another computer."""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from tests.glossary.conftest import SMALL, write

from lesbar.glossary import GlossaryError, load_glossaries
from lesbar.glossary.store import GlossaryStore
from lesbar.glossary.web.server import EditorServer, make_server


@pytest.fixture
def server(tmp_path: Path) -> Iterator[EditorServer]:
    path = write(tmp_path / "g.yaml", SMALL)
    srv = make_server(GlossaryStore([path]), port=0)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def request(srv: EditorServer, method: str, path: str, body: dict[str, str] | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, str]:
    netloc = urlsplit(srv.url).netloc
    conn = http.client.HTTPConnection(netloc, timeout=10)
    data = urlencode(body).encode() if body is not None else None
    all_headers = {"Host": netloc, "Content-Type": "application/x-www-form-urlencoded", **(headers or {})}
    conn.request(method, path, body=data, headers=all_headers)
    response = conn.getresponse()
    return response.status, response.read().decode("utf-8", errors="replace")


def test_post_without_csrf_secret_is_refused_and_nothing_changes(server: EditorServer) -> None:
    before = server.store.target.read_bytes()
    status, text = request(server, "POST", "/eintrag/kreis", {"term": "Kreis", "version": ""})
    assert status == 403 and "abgelaufen" in text
    assert server.store.target.read_bytes() == before


def test_cross_origin_post_is_refused(server: EditorServer) -> None:
    entry = server.store.load().get("kreis")
    status, text = request(server, "POST", "/eintrag/kreis",
                           {"csrf": server.csrf, "term": "Kreis", "version": entry.content_hash()},
                           {"Origin": "http://angreifer.example"})
    assert status == 403 and "fremden Seite" in text


def test_dns_rebinding_host_is_refused(server: EditorServer) -> None:
    status, _ = request(server, "GET", "/", headers={"Host": "angreifer.example"})
    assert status == 421


def test_pages_forbid_scripts(server: EditorServer) -> None:
    netloc = urlsplit(server.url).netloc
    conn = http.client.HTTPConnection(netloc, timeout=10)
    conn.request("GET", "/")
    response = conn.getresponse()
    assert "default-src 'none'" in response.getheader("Content-Security-Policy")
    assert "<script" not in response.read().decode()


def test_plain_post_with_secret_saves_through_the_store(server: EditorServer) -> None:
    entry = server.store.load().get("kreis")
    form = {"csrf": server.csrf, "version": entry.content_hash(), "term": "Kreis", "pos": "noun", "gender": "m",
            "status": "draft", "target_en": "county", "status_en": "approved", "in_compounds": "ja",
            "changed_by": "Test"}
    status, _ = request(server, "POST", "/eintrag/kreis", form)
    assert status == 303
    stored = load_glossaries([server.store.target]).get("kreis")
    assert stored.targets["en"].term == "county" and stored.changed_by == "Test"


def test_network_address_needs_flag_and_long_token(tmp_path: Path) -> None:
    path = write(tmp_path / "g.yaml", SMALL)
    with pytest.raises(GlossaryError, match="--allow-network"):
        make_server(GlossaryStore([path]), host="0.0.0.0", port=0)
    with pytest.raises(GlossaryError, match="mindestens 16"):
        make_server(GlossaryStore([path]), host="0.0.0.0", port=0, allow_network=True, token="kurz")
    srv = make_server(GlossaryStore([path]), host="0.0.0.0", port=0, allow_network=True, token="x" * 16)
    try:
        assert srv.token == "x" * 16 and not srv.loopback
    finally:
        srv.server_close()
