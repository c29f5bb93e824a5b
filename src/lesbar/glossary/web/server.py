"""The glossary web editor: a small HTTP server from the standard library (no framework to install or patch).

Security, because the page can change a shared glossary:

* it listens on 127.0.0.1 unless ``--allow-network`` is given, and then only with a token of ≥ 16 characters
  (entered once on a login page; the HttpOnly, SameSite=Strict cookie holds a value derived from it, compared in
  constant time);
* every form carries a per-server secret (CSRF), and POSTs from another origin are refused;
* on 127.0.0.1 the Host header must name 127.0.0.1/localhost (no DNS rebinding from a web page);
* a Content-Security-Policy allows no scripts at all.

All writes go through :class:`~lesbar.glossary.store.GlossaryStore` (lock, version check, atomic rename,
history), so the CLI and several browsers can work on the same glossary at once.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import logging
import secrets
import time
from dataclasses import replace
from http import HTTPStatus
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from urllib.parse import parse_qs, quote, unquote, urlsplit

from lesbar.glossary.editing import field_problems
from lesbar.glossary.entry import LANGUAGES, Entry, Target
from lesbar.glossary.errors import ConflictError, EntryNotFound, GlossaryError
from lesbar.glossary.store import GlossaryStore, current_user
from lesbar.glossary.web import pages

log = logging.getLogger(__name__)

MAX_BODY = 1_000_000
MIN_TOKEN = 16
CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
       "base-uri 'none'")


def _is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class EditorServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], store: GlossaryStore, token: str | None) -> None:
        super().__init__(address, EditorHandler)
        self.store = store
        self.token = token
        self.csrf = secrets.token_urlsafe(24)
        #: what the login cookie holds: derived from the token, never the token itself, valid for this run only
        self.session = hashlib.sha256(f"{token}|{self.csrf}".encode()).hexdigest() if token else ""
        self.loopback = _is_loopback(address[0])

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = host if isinstance(host, str) and host not in ("0.0.0.0", "::") else "127.0.0.1"
        return f"http://{shown}:{port}/"


def make_server(store: GlossaryStore, host: str = "127.0.0.1", port: int = 8765, allow_network: bool = False,
                token: str | None = None) -> EditorServer:
    """A ready server (not yet serving); refuses unsafe combinations with a clear German message."""
    if not _is_loopback(host):
        if not allow_network:
            raise GlossaryError(f"Der Editor soll im Netzwerk erreichbar sein ({host}). Das geht nur mit "
                                "--allow-network und einem Zugangsschlüssel (--token).")
        if not token or len(token) < MIN_TOKEN:
            raise GlossaryError(f"Für den Betrieb im Netzwerk ist ein Zugangsschlüssel mit mindestens {MIN_TOKEN} "
                                "Zeichen nötig (--token oder LESBAR_GLOSSARY_TOKEN).")
    elif token is not None and len(token) < MIN_TOKEN:
        raise GlossaryError(f"Der Zugangsschlüssel muss mindestens {MIN_TOKEN} Zeichen lang sein.")
    store.load()  # a broken glossary is reported now, not on the first page view
    try:
        return EditorServer((host, port), store, token)
    except OSError as exc:
        raise GlossaryError(f"Der Editor kann nicht auf {host}:{port} starten: {exc.strerror}. Ist der Port "
                            "schon belegt? Anderen Port mit --port wählen.") from None


def entry_from_form(form: dict[str, str], base: Entry) -> Entry:
    """The entry as the form describes it (unknown languages from the "weitere Sprache" row included)."""
    def lines(name: str) -> list[str]:
        return [line.strip() for line in form.get(name, "").splitlines() if line.strip()]

    targets: dict[str, Target] = {}
    langs = list(dict.fromkeys([*LANGUAGES, *base.targets]))
    langs += [k[len("target_"):] for k in form if k.startswith("target_") and k not in ("target_new",
                                                                                         "target_new_code")]
    for lang in dict.fromkeys(langs):
        term = form.get(f"target_{lang}", "").strip()
        if term:
            targets[lang] = Target(term, form.get(f"status_{lang}", "draft"))
    new_code = form.get("target_new_code", "").strip().lower()
    new_term = form.get("target_new", "").strip()
    if new_code or new_term:
        targets[new_code or "?"] = Target(new_term, "draft")
    return replace(
        base,
        term=form.get("term", "").strip(),
        variants=lines("variants"), abbreviations=lines("abbreviations"), forms=lines("forms"),
        pos=form.get("pos", base.pos), gender=form.get("gender", ""), status=form.get("status", "draft"),
        leicht="\n".join(lines("leicht")), einfach=form.get("einfach", "").strip(),
        plain=form.get("plain", "").strip(), note=form.get("note", "").strip(),
        targets=targets, dnt="dnt" in form, case_sensitive="case_sensitive" in form,
        in_compounds="in_compounds" in form,
    )


def _known_forms(entry: Entry) -> list[str]:
    """The forms the matcher looks for (so staff can see whether an inflected form is covered)."""
    from lesbar.glossary.forms import FormCache, entry_forms

    forms = entry_forms(entry, FormCache())
    return [*forms, *entry.abbreviations]


class EditorHandler(BaseHTTPRequestHandler):
    server: EditorServer
    server_version = "lesbar-glossar"
    sys_version = ""

    # ------------------------------------------------------------------------------------------ plumbing

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        log.info("%s %s", self.address_string(), format % args)

    def _send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "same-origin")  # "no-referrer" would make POSTs send "Origin: null"
        self.send_header("Cache-Control", "no-store")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _page(self, title: str, body: str, status: int = 200, current: str = "",
              headers: dict[str, str] | None = None) -> None:
        target = str(self.server.store.target)
        self._send(status, pages.layout(title, body, target, current).encode("utf-8"), headers=headers)

    def _redirect(self, location: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(HTTPStatus.SEE_OTHER)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()

    def _cookies(self) -> SimpleCookie:
        cookie = SimpleCookie()
        try:
            cookie.load(self.headers.get("Cookie", ""))
        except Exception:  # noqa: BLE001 - a malformed cookie header is treated as no cookies
            return SimpleCookie()
        return cookie

    def _host_ok(self) -> bool:
        if not self.server.loopback:
            return True
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].strip("[]")
        return host in ("127.0.0.1", "localhost", "::1")

    def _authorised(self) -> bool:
        token = self.server.token
        if not token:
            return True
        given = self._cookies().get("lesbar_session")
        return given is not None and hmac.compare_digest(given.value.encode(), self.server.session.encode())

    def _form(self) -> dict[str, str] | None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._page("Zu groß", pages.error_page("Die Eingabe ist zu groß."), HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
            return None
        raw = self.rfile.read(length).decode("utf-8", errors="replace")
        return {k: v[-1] for k, v in parse_qs(raw, keep_blank_values=True).items()}

    def _origin_ok(self) -> bool:
        origin = self.headers.get("Origin")
        if not origin or origin == "null":
            return origin is None
        return urlsplit(origin).netloc == self.headers.get("Host")

    def _guard(self) -> bool:
        if not self._host_ok():
            self._send(HTTPStatus.MISDIRECTED_REQUEST, b"falscher Host")
            return False
        return True

    # ------------------------------------------------------------------------------------------ GET

    def do_HEAD(self) -> None:  # noqa: N802 - stdlib naming
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        if not self._guard():
            return
        url = urlsplit(self.path)
        path, query = url.path, {k: v[-1] for k, v in parse_qs(url.query).items()}
        if path == "/static/editor.css":
            css = (resources.files("lesbar.glossary.web") / "static" / "editor.css").read_bytes()
            self._send(200, css, "text/css; charset=utf-8")
            return
        if path == "/anmelden" or not self._authorised():
            self._page("Anmelden", pages.login_page(False), HTTPStatus.UNAUTHORIZED if self.server.token else 200)
            return
        try:
            self._route_get(path, query)
        except GlossaryError as exc:
            self._page("Fehler", pages.error_page(str(exc)), HTTPStatus.INTERNAL_SERVER_ERROR)

    def _route_get(self, path: str, query: dict[str, str]) -> None:
        store = self.server.store
        if path == "/":
            glossary = store.load()
            q = query.get("q", "")
            hits = glossary.search(q)
            title = f"Suche „{q}“" if q else "Alle Einträge"
            self._page(title, pages.list_page(hits, len(glossary), q, query.get("meldung", "")), current="list")
            return
        if path == "/eintrag/neu":
            self._page("Neuer Eintrag", pages.entry_form(Entry(id="", term=""), is_new=True, version="", csrf=self.server.csrf,
                                                         user=self._user()), current="new")
            return
        parts = [unquote(p) for p in path.strip("/").split("/")]
        if len(parts) in (2, 3) and parts[0] == "eintrag":
            entry = store.load().get(parts[1])
            if entry is None:
                self._page("Nicht gefunden", pages.error_page(f"Den Eintrag „{parts[1]}“ gibt es nicht (mehr)."),
                           HTTPStatus.NOT_FOUND)
                return
            if len(parts) == 3 and parts[2] == "loeschen":
                self._page(f"„{entry.term}“ löschen", pages.delete_page(entry, entry.content_hash(),
                                                                         self.server.csrf))
                return
            if len(parts) == 2:
                self._page(f"„{entry.term}“ bearbeiten",
                           pages.entry_form(entry, is_new=False, version=entry.content_hash(),
                                            csrf=self.server.csrf, message=query.get("meldung", ""),
                                            user=self._user(), known_forms=_known_forms(entry)))
                return
        self._page("Nicht gefunden", pages.error_page("Diese Seite gibt es nicht."), HTTPStatus.NOT_FOUND)

    def _user(self) -> str:
        cookie = self._cookies().get("lesbar_name")
        return unquote(cookie.value) if cookie is not None else ""

    # ------------------------------------------------------------------------------------------ POST

    def do_POST(self) -> None:  # noqa: N802 - stdlib naming
        if not self._guard():
            return
        if not self._origin_ok():
            self._page("Abgelehnt", pages.error_page("Anfrage von einer fremden Seite abgelehnt."),
                       HTTPStatus.FORBIDDEN)
            return
        form = self._form()
        if form is None:
            return
        path = urlsplit(self.path).path
        if path == "/anmelden":
            self._login(form)
            return
        if not self._authorised():
            self._page("Anmelden", pages.login_page(False), HTTPStatus.UNAUTHORIZED)
            return
        if not hmac.compare_digest(form.get("csrf", "").encode(), self.server.csrf.encode()):
            self._page("Abgelaufen", pages.error_page("Das Formular ist abgelaufen (der Editor wurde neu "
                                                      "gestartet). Bitte die Seite neu laden."), HTTPStatus.FORBIDDEN)
            return
        parts = [unquote(p) for p in path.strip("/").split("/")]
        try:
            if parts == ["eintrag", "neu"]:
                self._save(form, None)
            elif len(parts) == 2 and parts[0] == "eintrag":
                self._save(form, parts[1])
            elif len(parts) == 3 and parts[0] == "eintrag" and parts[2] == "loeschen":
                self._delete(form, parts[1])
            else:
                self._page("Nicht gefunden", pages.error_page("Diese Seite gibt es nicht."), HTTPStatus.NOT_FOUND)
        except GlossaryError as exc:
            self._page("Fehler", pages.error_page(str(exc)), HTTPStatus.INTERNAL_SERVER_ERROR)

    def _login(self, form: dict[str, str]) -> None:
        token = self.server.token
        if token and hmac.compare_digest(form.get("token", "").encode(), token.encode()):
            self._redirect("/", {"Set-Cookie": f"lesbar_session={self.server.session}; HttpOnly; SameSite=Strict; "
                                               "Path=/"})
            return
        time.sleep(1.0)  # slows down guessing; the token has at least 16 characters anyway
        log.warning("glossary editor: failed login from %s", self.address_string())
        self._page("Anmelden", pages.login_page(True), HTTPStatus.UNAUTHORIZED)

    def _save(self, form: dict[str, str], entry_id: str | None) -> None:
        store = self.server.store
        user = form.get("changed_by", "").strip()
        cookie = {"Set-Cookie": f"lesbar_name={quote(user)}; SameSite=Strict; Path=/"} if user else {}
        glossary = store.load()
        if entry_id is None:
            base = Entry(id=form.get("id", "").strip(), term="")
        else:
            existing = glossary.get(entry_id)
            base = existing if existing is not None else Entry(id=entry_id, term="")
        entry = entry_from_form(form, base)
        if entry_id is None and not entry.id and entry.term:
            entry.id = store.new_id(entry.term, glossary)
        errors = field_problems(entry)
        if entry_id is None and not errors and glossary.get(entry.id) is not None:
            errors["id"] = f"Die Kennung „{entry.id}“ gibt es schon. Bitte eine andere wählen."
        is_new = entry_id is None
        title = "Neuer Eintrag" if is_new else f"„{entry.term}“ bearbeiten"
        if errors:
            self._page(f"Fehler: {title}", pages.entry_form(entry, is_new=is_new, version=form.get("version", ""),
                                                            csrf=self.server.csrf, errors=errors, user=user),
                       HTTPStatus.UNPROCESSABLE_ENTITY, current="new" if is_new else "")
            return
        try:
            stored = store.save_entry(entry, None if is_new else form.get("version", ""), user=user or current_user())
        except ConflictError as exc:
            latest = store.load().get(entry.id)
            self._page(f"Konflikt: {title}",
                       pages.entry_form(entry, is_new=is_new, version=form.get("version", ""), csrf=self.server.csrf,
                                        conflict=exc.message, current=latest, user=user),
                       HTTPStatus.CONFLICT, current="new" if is_new else "")
            return
        message = "angelegt" if is_new else "gespeichert"
        self._redirect(f"/eintrag/{quote(stored.id)}?meldung={message}", cookie)

    def _delete(self, form: dict[str, str], entry_id: str) -> None:
        store = self.server.store
        try:
            store.remove_entry(entry_id, expected=form.get("version") or None)
        except EntryNotFound:
            self._redirect("/?meldung=geloescht")
            return
        except ConflictError as exc:
            entry = store.load().get(entry_id)
            if entry is None:
                self._redirect("/?meldung=geloescht")
                return
            self._page("Konflikt", pages.delete_page(entry, entry.content_hash(), self.server.csrf, exc.message),
                       HTTPStatus.CONFLICT)
            return
        self._redirect("/?meldung=geloescht")
