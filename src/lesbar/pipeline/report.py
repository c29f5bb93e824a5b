"""``report.html``: the review report as an accessible page, rendered from the ``report.json`` data.

The stages fill ``report["variants"][<level>]`` (per-sentence rule findings, readability before/after) and
``report["translations"][<name>]`` (per-sentence source, target, origin; glossary enforcement). This module
only renders what is there, so the JSON stays the single source of the report.
"""

from __future__ import annotations

from html import escape
from typing import Any

from lesbar import __version__
from lesbar.writers.clean import clean_text


def _table(headers: list[str], rows: list[list[str]], caption: str) -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    table = f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    # a table wider than a phone scrolls by itself, not the page (WCAG 1.4.10); focusable for keyboard users
    return f'<div class="table-scroll" role="region" aria-label="{escape(caption)}" tabindex="0">{table}</div>'


#: German names of the readability measures, saying which direction is easier (editors read the report).
MEASURE_LABELS = {
    "flesch_amstad": "Flesch-Amstad (0–100, höher = leichter)",
    "wiener_sachtextformel": "Wiener Sachtextformel (Schulstufe, niedriger = leichter)",
    "lix": "LIX (niedriger = leichter)",
    "avg_sentence_length": "Wörter je Satz (Durchschnitt)",
}


def _variant_section(level: str, data: dict[str, Any]) -> str:
    title = {"leicht": "Leichte Sprache", "einfach": "Einfache Sprache"}.get(level, level)
    parts = [f'<section aria-labelledby="v-{escape(level)}"><h2 id="v-{escape(level)}">{escape(title)} – Entwurf</h2>']
    readability = data.get("readability") or {}
    if readability:
        rows = []
        for key, values in readability.items():
            if isinstance(values, dict):
                rows.append([escape(MEASURE_LABELS.get(key, str(key))), escape(str(values.get("before", ""))), escape(str(values.get("after", "")))])
        if rows:
            parts.append(_table(["Maß", "Vorher", "Nachher"], rows, "Lesbarkeit vorher und nachher"))
    sentences = data.get("sentences") or []
    rows = []
    for sentence in sentences:
        findings = sentence.get("findings") or []
        if not findings:
            continue
        items = "".join(
            f"<li><strong>{escape(str(f.get('rule', '')))}</strong>: {escape(str(f.get('message', '')))}"
            + (f" <em>({escape(', '.join(map(str, f.get('words', []))))})</em>" if f.get("words") else "")
            + "</li>"
            for f in findings
        )
        rows.append([escape(str(sentence.get("id", ""))), escape(str(sentence.get("text", ""))), f"<ul>{items}</ul>"])
    if rows:
        parts.append(_table(["Satz", "Text", "Befunde"], rows, f"Befunde je Satz ({len(rows)} Sätze)"))
    else:
        parts.append("<p>Keine Regelverstöße gefunden.</p>")
    parts.append("</section>")
    return "".join(parts)


def _translation_section(name: str, data: dict[str, Any]) -> str:
    parts = [f'<section aria-labelledby="t-{escape(name)}"><h2 id="t-{escape(name)}">Übersetzung {escape(name)}</h2>']
    if data.get("missing"):
        parts.append(f"<p>{escape(str(data['missing']))}</p>")
    glossary = data.get("glossary") or {}
    if glossary:
        parts.append(
            "<p>"
            + escape(
                f"Glossar: {glossary.get('enforced', 0)} Begriffe durchgesetzt, "
                f"davon {glossary.get('drafts', 0)} Entwürfe, {glossary.get('failures', 0)} Fehler."
            )
            + "</p>"
        )
    if data.get("pivot"):
        parts.append(f"<p>{escape('Übersetzt über: ' + ' → '.join(map(str, data['pivot'])))}</p>")
    rows = [
        [escape(str(s.get("id", ""))), escape(str(s.get("source", ""))),
         f'<span lang="{escape(str(data.get("language", "")))}">{escape(str(s.get("target", "")))}</span>',
         escape(_ORIGINS.get(str(s.get("origin", "")), str(s.get("origin", "")))),
         escape(", ".join(map(str, s.get("flags") or [])) or "–")]
        for s in data.get("sentences") or []
    ]
    if rows:
        parts.append(_table(["Satz", "Quelle", "Übersetzung", "Herkunft", "Hinweise"], rows, "Sätze"))
    parts.append("</section>")
    return "".join(parts)


_ORIGINS = {"mt": "maschinell", "memory": "Übersetzungsspeicher", "human": "von Menschen geprüft"}

_FIELD_NAMES = {"title": "Titel", "language": "Sprache", "source": "Quelldatei", "blocks": "Blöcke",
                "sentences": "Sätze", "byline": "Autorin/Autor", "dateline": "Ortsmarke"}

_ALT_STATUS = {
    "source": "aus dem Original",
    "draft": "Entwurf aus der Bildunterschrift – bitte prüfen",
    "missing": "fehlt – bitte ergänzen",
    "reviewed": "geprüft",
}


def _figures_section(figures: list[dict[str, Any]]) -> str:
    if not figures:
        return ""
    rows = [[escape(str(f.get("id", ""))), escape(str(f.get("alt", "")) or "–"),
             escape(_ALT_STATUS.get(str(f.get("alt_status")), str(f.get("alt_status")))),
             escape(str(f.get("caption", "")) or "–")] for f in figures]
    return ('<section aria-labelledby="bilder"><h2 id="bilder">Bilder und Alternativtexte</h2>'
            + _table(["Bild", "Alternativtext", "Stand", "Bildunterschrift"], rows, "Alternativtexte") + "</section>")


def write_report_html(report: dict[str, Any]) -> str:
    doc = report.get("document", {})
    title = f"Prüfbericht: {doc.get('title') or doc.get('source') or 'Dokument'}"
    notes = "".join(f"<li>{escape(str(n))}</li>" for n in report.get("notes") or [])
    sections = _figures_section(doc.get("figures") or [])
    sections += "".join(_variant_section(k, v) for k, v in (report.get("variants") or {}).items())
    sections += "".join(_translation_section(k, v) for k, v in (report.get("translations") or {}).items())
    summary = _table(
        ["Angabe", "Wert"],
        [[escape(_FIELD_NAMES.get(k, k)), escape(str(v))] for k, v in doc.items() if not isinstance(v, (list, dict))],
        "Dokument",
    )
    page = f"""<!DOCTYPE html>
<html lang="de" dir="ltr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<meta name="generator" content="lesbar {__version__}">
<meta name="lesbar:automatic" content="true">
<meta name="lesbar:reviewed" content="false">
<style>
body {{ font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; line-height: 1.5; color: #1a1a1a;
  background: #fff; max-width: 70em; margin: 0 auto; padding: 1em;
  overflow-wrap: break-word; }}
table {{ border-collapse: collapse; }}
.table-scroll {{ overflow-x: auto; margin: 1em 0; }}
.table-scroll:focus-visible {{ outline: 2px solid #0645ad; outline-offset: 2px; }}
td {{ overflow-wrap: break-word; }}
th, td {{ border: 1px solid #555; padding: 0.3em 0.5em; text-align: start; vertical-align: top; }}
th {{ background: #eee; }}
caption {{ text-align: start; font-weight: bold; }}
.skip-link {{ position: absolute; top: -100em; left: 0.5em; background: #fff; color: #0645ad; padding: 0.5em; }}
.skip-link:focus {{ top: 0.5em; }}
</style></head>
<body>
<a class="skip-link" href="#inhalt">Zum Inhalt springen</a>
<main id="inhalt">
<h1>{escape(title)}</h1>
<p>Dieser Bericht wurde automatisch erstellt. Die Entwürfe sind noch nicht von Menschen geprüft.</p>
{summary}
{f'<h2>Hinweise</h2><ul>{notes}</ul>' if notes else ''}
{sections}
</main>
</body>
</html>
"""
    return clean_text(page)  # no control or private-use characters from the source text
