"""HTML of the glossary editor's pages (German, server-rendered, no JavaScript needed).

Plain forms keep the editor usable with screen readers, keyboard only, high zoom and old browsers; every
input has a visible label, errors are listed in a summary that links to the fields and are repeated at the
field (``aria-describedby``), and right-to-left translations get ``lang``/``dir`` so they display and are read
correctly.
"""

from __future__ import annotations

from html import escape
from importlib import resources
from string import Template
from urllib.parse import quote

from lesbar.glossary.entry import LANGUAGES, Entry, Target

LANGUAGE_NAMES = {"en": "Englisch", "ar": "Arabisch", "tr": "Türkisch", "uk": "Ukrainisch", "ru": "Russisch",
                  "fa": "Persisch (Farsi)"}
RTL = {"ar", "fa", "he", "ur", "ps", "ckb"}
POS_LABELS = [("noun", "Nomen"), ("name", "Name"), ("abbreviation", "Abkürzung"), ("adjective", "Adjektiv"),
              ("verb", "Verb"), ("phrase", "Wendung"), ("other", "Sonstiges")]
GENDER_LABELS = [("", "—"), ("m", "maskulin (der)"), ("f", "feminin (die)"), ("n", "neutrum (das)"),
                 ("pl", "nur Plural")]
STATUS_LABELS = [("draft", "Entwurf"), ("approved", "Freigegeben")]
MESSAGES = {
    "gespeichert": "Der Eintrag wurde gespeichert.",
    "angelegt": "Der Eintrag wurde angelegt.",
    "geloescht": "Der Eintrag wurde gelöscht.",
}

_layout: Template | None = None


def e(value: object) -> str:
    return escape(str(value), quote=True)


def layout(title: str, body: str, target: str, current: str = "") -> str:
    global _layout
    if _layout is None:
        text = (resources.files("lesbar.glossary.web") / "templates" / "layout.html").read_text(encoding="utf-8")
        _layout = Template(text)
    return _layout.substitute(
        title=e(title), body=body, target=e(target),
        current_list=' aria-current="page"' if current == "list" else "",
        current_new=' aria-current="page"' if current == "new" else "",
    )


def _message(key: str) -> str:
    text = MESSAGES.get(key, "")
    return f'<p class="message" role="status">{e(text)}</p>' if text else ""


def list_page(entries: list[Entry], total: int, query: str, message: str = "") -> str:
    rows = []
    for entry in entries:
        approved = sum(1 for t in entry.targets.values() if t.status == "approved")
        langs = ", ".join(sorted(entry.targets)) if entry.targets else ("nicht übersetzen" if entry.dnt else "—")
        first_line = entry.leicht.splitlines()[0] if entry.leicht else "—"
        rows.append(
            "<tr>"
            f'<th scope="row"><a href="/eintrag/{quote(entry.id)}">{e(entry.term)}</a></th>'
            f"<td>{e(', '.join(entry.abbreviations)) or '—'}</td>"
            f"<td>{e(first_line)}</td>"
            f"<td>{e(langs)}"
            + (f'<br><span class="status-draft">{approved} von {len(entry.targets)} freigegeben</span>'
               if entry.targets else "") + "</td>"
            f"<td>{'Freigegeben' if entry.status == 'approved' else 'Entwurf'}</td>"
            "</tr>")
    caption = (f"{len(entries)} Treffer für „{e(query)}“ (von {total} Einträgen)" if query
               else f"Alle {total} Einträge")
    table = (
        '<div class="table-wrap" role="region" aria-labelledby="result-caption" tabindex="0">'
        '<table><caption id="result-caption">' + caption + '</caption><thead><tr>'
        '<th scope="col">Begriff</th><th scope="col">Abkürzungen</th><th scope="col">Leichte Sprache</th>'
        '<th scope="col">Übersetzungen</th><th scope="col">Status</th></tr></thead><tbody>'
        + "".join(rows) + "</tbody></table></div>"
    ) if entries else f'<p role="status">Keine Einträge gefunden für „{e(query)}“.</p>'
    return (
        "<h1>Glossar</h1>" + _message(message) +
        '<form class="search" method="get" action="/" role="search">'
        '<div class="field"><label for="q">Suchbegriff</label>'
        '<p class="hint" id="q-hint">Sucht in Begriffen, Abkürzungen, Erklärungen und Übersetzungen.</p>'
        f'<input type="search" id="q" name="q" value="{e(query)}" aria-describedby="q-hint"></div>'
        '<button type="submit">Suchen</button></form>'
        '<p><a class="button secondary" href="/eintrag/neu">Neuen Eintrag anlegen</a></p>'
        + table
    )


def _field(name: str, label: str, value: str, errors: dict[str, str], hint: str = "", multiline: bool = False,
           rows: int = 4, extra: str = "") -> str:
    described = []
    hint_html = error_html = ""
    if hint:
        hint_html = f'<p class="hint" id="{name}-hint">{e(hint)}</p>'
        described.append(f"{name}-hint")
    if name in errors:
        error_html = f'<p class="field-error" id="{name}-error">Fehler: {e(errors[name])}</p>'
        described.append(f"{name}-error")
    attrs = f' aria-describedby="{" ".join(described)}"' if described else ""
    attrs += ' aria-invalid="true"' if name in errors else ""
    if multiline:
        control = f'<textarea id="{name}" name="{name}" rows="{rows}"{attrs}{extra}>{e(value)}</textarea>'
    else:
        control = f'<input type="text" id="{name}" name="{name}" value="{e(value)}"{attrs}{extra}>'
    return f'<div class="field"><label for="{name}">{e(label)}</label>{hint_html}{error_html}{control}</div>'


def _select(name: str, label: str, value: str, options: list[tuple[str, str]], errors: dict[str, str]) -> str:
    opts = "".join(f'<option value="{e(v)}"{" selected" if v == value else ""}>{e(text)}</option>'
                   for v, text in options)
    error_html = (f'<p class="field-error" id="{name}-error">Fehler: {e(errors[name])}</p>'
                  if name in errors else "")
    attrs = f' aria-describedby="{name}-error" aria-invalid="true"' if name in errors else ""
    return (f'<div class="field"><label for="{name}">{e(label)}</label>{error_html}'
            f'<select id="{name}" name="{name}"{attrs}>{opts}</select></div>')


def _check(name: str, label: str, checked: bool) -> str:
    return (f'<div class="field check"><input type="checkbox" id="{name}" name="{name}" value="ja"'
            f'{" checked" if checked else ""}><label for="{name}">{e(label)}</label></div>')


def _target_rows(targets: dict[str, Target], errors: dict[str, str]) -> str:
    from lesbar.glossary.yamlfile import _LANG_RE

    valid = {lang: t for lang, t in targets.items() if _LANG_RE.match(lang)}
    invalid = [(lang, t) for lang, t in targets.items() if not _LANG_RE.match(lang)]
    langs = list(LANGUAGES) + sorted(lang for lang in valid if lang not in LANGUAGES)
    out = []
    for lang in langs:
        target = valid.get(lang, Target("", "draft"))
        name = LANGUAGE_NAMES.get(lang, lang)
        direction = "rtl" if lang in RTL else "ltr"
        key = f"targets.{lang}"
        error_html = (f'<p class="field-error" id="t-{lang}-error">Fehler: {e(errors[key])}</p>'
                      if key in errors else "")
        attrs = f' aria-describedby="t-{lang}-error" aria-invalid="true"' if key in errors else ""
        status_opts = "".join(f'<option value="{v}"{" selected" if v == target.status else ""}>{t}</option>'
                              for v, t in STATUS_LABELS)
        out.append(
            f'<div class="lang"><span class="code" aria-hidden="true">{e(lang)}</span>'
            f'<div><label for="t-{lang}">{e(name)}</label>{error_html}'
            f'<input type="text" id="t-{lang}" name="target_{e(lang)}" value="{e(target.term)}" lang="{e(lang)}" '
            f'dir="{direction}"{attrs}></div>'
            f'<div><label for="s-{lang}">Status {e(name)}</label>'
            f'<select id="s-{lang}" name="status_{e(lang)}">{status_opts}</select></div></div>')
    new_code, new_term = (invalid[0][0], invalid[0][1].term) if invalid else ("", "")
    new_error = errors.get(f"targets.{new_code}", "") if invalid else ""
    error_html = f'<p class="field-error" id="s-new-code-error">Fehler: {e(new_error)}</p>' if new_error else ""
    attrs = ' aria-describedby="s-new-code-error" aria-invalid="true"' if new_error else ""
    out.append(
        '<div class="lang"><span class="code" aria-hidden="true">+</span>'
        '<div><label for="t-new">Weitere Sprache: Übersetzung</label>'
        f'<input type="text" id="t-new" name="target_new" value="{e(new_term)}"></div>'
        f'<div><label for="s-new-code">Sprachcode (z. B. pl)</label>{error_html}'
        f'<input type="text" id="s-new-code" name="target_new_code" value="{e(new_code if new_code != "?" else "")}"'
        f' maxlength="12"{attrs}></div></div>')
    return "".join(out)


def entry_form(entry: Entry, *, is_new: bool, version: str, csrf: str, errors: dict[str, str] | None = None,
               conflict: str = "", current: Entry | None = None, message: str = "", user: str = "",
               known_forms: list[str] | None = None) -> str:
    errors = errors or {}
    title = "Neuer Eintrag" if is_new else f"Eintrag „{entry.term}“ bearbeiten"
    action = "/eintrag/neu" if is_new else f"/eintrag/{quote(entry.id)}"
    parts = [f"<h1>{e(title)}</h1>", _message(message)]
    if errors:
        items = "".join(f'<li><a href="#{_anchor(name)}">{e(text)}</a></li>' for name, text in errors.items())
        parts.append('<div class="error-summary" role="alert" tabindex="-1" autofocus>'
                     f'<h2>Bitte korrigieren Sie {len(errors)} Angabe{"n" if len(errors) > 1 else ""}</h2>'
                     f"<ul>{items}</ul></div>")
    if conflict:
        parts.append(f'<div class="conflict" role="alert" tabindex="-1" autofocus><h2>Nicht gespeichert: '
                     f'jemand anderes war schneller</h2><p>{e(conflict)}</p>'
                     + (_current_values(current) if current is not None else "") +
                     f'<p><a href="/eintrag/{quote(entry.id)}">Aktuelle Fassung laden</a> (Ihre Eingaben unten '
                     'bleiben bis dahin sichtbar, damit Sie sie übernehmen können).</p></div>')
    parts.append(f'<form method="post" action="{action}" novalidate>')
    parts.append(f'<input type="hidden" name="csrf" value="{e(csrf)}">')
    parts.append(f'<input type="hidden" name="version" value="{e(version)}">')
    parts.append(_field("term", "Begriff (Pflichtfeld)", entry.term, errors, extra=' required'))
    if is_new:
        parts.append(_field("id", "Kennung (id)", entry.id if entry.id != "neu" else "", errors,
                            hint="Leer lassen: wird aus dem Begriff gebildet, z. B. „integrationskurs“."))
    parts.append('<div class="row">' + _select("pos", "Wortart", entry.pos, POS_LABELS, errors)
                 + _select("gender", "Genus", entry.gender, GENDER_LABELS, errors)
                 + _select("status", "Status des Eintrags", entry.status, STATUS_LABELS, errors) + "</div>")
    parts.append(_field("abbreviations", "Abkürzungen", "\n".join(entry.abbreviations), errors, multiline=True,
                        rows=2, hint="Eine pro Zeile. Werden nur genau so geschrieben erkannt (KI, aber nicht Ki)."))
    parts.append(_field("variants", "Varianten und Synonyme", "\n".join(entry.variants), errors, multiline=True,
                        rows=2, hint="Eine pro Zeile, z. B. Landkreis für Kreis."))
    parts.append(_field("leicht", "Erklärung in Leichter Sprache", entry.leicht, errors, multiline=True, rows=5,
                        hint="Kurze Sätze, ein Satz pro Zeile. Eine Aussage pro Satz."))
    parts.append(_field("einfach", "Erklärung in Einfacher Sprache", entry.einfach, errors, multiline=True,
                        rows=3))
    parts.append(_field("plain", "Einfaches Ersatzwort", entry.plain, errors,
                        hint="Ein einfacheres Wort, das den Begriff im Text ersetzen kann (darf leer sein)."))
    parts.append('<fieldset><legend>Feste Übersetzungen</legend>'
                 '<p class="hint">Leer lassen, wenn es keine feste Übersetzung gibt. Neue Übersetzungen sind '
                 'Entwürfe, bis eine Fachkraft sie freigibt.</p>'
                 + _target_rows(entry.targets, errors) + "</fieldset>")
    parts.append('<fieldset><legend>Erkennung im Text</legend>'
                 + _check("dnt", "Nicht übersetzen (Namen, Marken)", entry.dnt)
                 + _check("case_sensitive", "Groß- und Kleinschreibung genau beachten", entry.case_sensitive)
                 + _check("in_compounds", "Auch in Wörtern mit Bindestrich finden (z. B. NRW-Ministerium)",
                          entry.in_compounds)
                 + "</fieldset>")
    parts.append(_field("forms", "Zusätzliche Wortformen", "\n".join(entry.forms), errors, multiline=True, rows=2,
                        hint="Nur nötig, wenn eine gebeugte Form nicht automatisch erkannt wird. Eine pro Zeile."))
    if known_forms:
        shown = ", ".join(known_forms[:60]) + (" …" if len(known_forms) > 60 else "")
        parts.append(f'<details class="field"><summary>Diese {len(known_forms)} Formen erkennt lesbar im Text'
                     f'</summary><p>{e(shown)}</p></details>')
    parts.append(_field("note", "Notiz für Kolleginnen und Kollegen", entry.note, errors, multiline=True, rows=2))
    parts.append(_field("changed_by", "Ihr Name", user, errors,
                        hint="Steht in der Änderungsliste beim Eintrag.", extra=' autocomplete="name"'))
    if not is_new and entry.changed_at:
        parts.append(f'<p class="hint">Zuletzt geändert: {e(entry.changed_at)} von {e(entry.changed_by or "—")}'
                     "</p>")
    buttons = '<button type="submit">Speichern</button>'
    if not is_new:
        buttons += f'<a class="button secondary" href="/eintrag/{quote(entry.id)}/loeschen">Eintrag löschen</a>'
    buttons += '<a href="/">Abbrechen und zur Liste</a>'
    parts.append(f'<div class="actions">{buttons}</div></form>')
    return "".join(parts)


def _anchor(name: str) -> str:
    from lesbar.glossary.yamlfile import _LANG_RE

    if name.startswith("targets.") and not _LANG_RE.match(name.split(".", 1)[1]):
        return "s-new-code"
    if name.startswith("targets."):
        return "t-" + name.split(".", 1)[1]
    return name


def _current_values(current: Entry) -> str:
    rows = [("Begriff", current.term), ("Leichte Sprache", current.leicht), ("Einfache Sprache", current.einfach),
            ("Übersetzungen", "\n".join(f"{k}: {v.term} ({v.status})" for k, v in current.targets.items())),
            ("Geändert", f"{current.changed_at} von {current.changed_by}")]
    items = "".join(f"<dt>{e(k)}</dt><dd>{e(v) or '—'}</dd>" for k, v in rows)
    return f'<h3>So ist der Eintrag jetzt gespeichert</h3><dl class="current">{items}</dl>'


def delete_page(entry: Entry, version: str, csrf: str, conflict: str = "") -> str:
    warn = (f'<div class="conflict" role="alert"><p>{e(conflict)}</p></div>' if conflict else "")
    return (
        f"<h1>Eintrag „{e(entry.term)}“ löschen?</h1>{warn}"
        "<p>Der Eintrag wird aus dem Glossar entfernt. Simplifizierung und Übersetzung verwenden ihn danach "
        "nicht mehr. Die vorige Fassung der Datei bleibt in der Historie erhalten.</p>"
        f'<form method="post" action="/eintrag/{quote(entry.id)}/loeschen">'
        f'<input type="hidden" name="csrf" value="{e(csrf)}">'
        f'<input type="hidden" name="version" value="{e(version)}">'
        '<div class="actions"><button type="submit" class="danger">Endgültig löschen</button>'
        f'<a href="/eintrag/{quote(entry.id)}">Nein, zurück zum Eintrag</a></div></form>'
    )


def login_page(error: bool) -> str:
    error_html = ('<div class="error-summary" role="alert" tabindex="-1" autofocus><h2>Zugang abgelehnt</h2>'
                  '<p><a href="#token">Der Zugangsschlüssel stimmt nicht.</a></p></div>' if error else "")
    described = ' aria-describedby="token-hint"' + (' aria-invalid="true"' if error else "")
    return (
        f"<h1>Anmelden</h1>{error_html}"
        '<form method="post" action="/anmelden">'
        '<div class="field"><label for="token">Zugangsschlüssel</label>'
        '<p class="hint" id="token-hint">Den Schlüssel erhalten Sie von der Person, die den Editor gestartet hat.</p>'
        f'<input type="password" id="token" name="token" autocomplete="current-password"{described}></div>'
        '<div class="actions"><button type="submit">Anmelden</button></div></form>'
    )


def error_page(text: str) -> str:
    return f'<h1>Das hat nicht geklappt</h1><p role="alert">{e(text)}</p><p><a href="/">Zur Liste</a></p>'
