"""``lesbar check``: the Leichte/Einfache Sprache rule checker on any file, without rewriting it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click


@click.command("check")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--level", type=click.Choice(["leicht", "einfach"]), default="leicht", show_default=True,
              help="Rules of Leichte Sprache (leicht) or Einfache Sprache (einfach).")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON (the report's format).")
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(path_type=Path),
              help="Glossary file (repeat for several). Default: shipped + staff glossary.")
@click.option("--all", "show_all", is_flag=True, help="Also list sentences without findings.")
def check(file: Path, level: str, as_json: bool, glossaries: tuple[Path, ...], show_all: bool) -> None:
    """Check FILE (PDF, DOCX, UTF-8 text or a model saved with 'lesbar inspect --json') against the rules and
    show the findings per sentence.

    Findings are not errors: the exit code is 0 unless the file cannot be read.

    \b
    Examples:
      lesbar check out/bericht/leicht.docx --level leicht
      lesbar check bericht.pdf --level einfach --json > befunde.json
    """
    from lesbar.simplify import check_document
    from lesbar.simplify.plaintext import TEXT_SUFFIXES, read_text_file

    if file.suffix.lower() in TEXT_SUFFIXES:
        doc = read_text_file(file)
    elif file.suffix.lower() == ".json":
        from lesbar.cli.options import read_model_json

        doc = read_model_json(file)  # a model saved with 'lesbar inspect FILE --json'
        if any(not s.id for s in doc.sentences()):  # saved with --no-segment: not split into sentences yet
            from lesbar.transforms.segment import segment_document

            doc = segment_document(doc)
    else:
        from lesbar.readers import read_document
        from lesbar.transforms.segment import segment_document

        doc = segment_document(read_document(file))
    glossary = _glossary(glossaries)
    report = check_document(doc, level, glossary)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    click.echo(render_text(report, show_all))


def _glossary(paths: tuple[Path, ...]) -> Any:
    from lesbar.glossary import load_glossaries

    return load_glossaries(list(paths) or None)


def render_text(report: dict[str, Any], show_all: bool = False) -> str:
    """The checker's report as text for a terminal (German, like the report page)."""
    title = {"leicht": "Leichte Sprache", "einfach": "Einfache Sprache"}[report["level"]]
    lines = [f"Prüfung: {title}", ""]
    for s in report["sentences"]:
        if not s["findings"] and not show_all:
            continue
        lines.append(f"{s['id']}: {s['text']}")
        for f in s["findings"]:
            words = f" ({', '.join(f['words'])})" if f["words"] else ""
            lines.append(f"  - [{f['rule']}] {f['message']}{words}")
    summary = report["summary"]
    r = report["readability"]
    lines += [
        "",
        f"Sätze: {summary['sentences']}, mit Befunden: {summary['sentences_with_findings']}, "
        f"längster Satz: {summary['max_words']} Wörter, höchstens 10 Wörter: "
        f"{round(100 * summary['share_at_most_10_words'])} %",
        f"Lesbarkeit: Flesch-Amstad {r['flesch_amstad']['value']}, "
        f"Wiener Sachtextformel {r['wiener_sachtextformel']['value']}, LIX {r['lix']['value']}, "
        f"Wörter je Satz {r['avg_sentence_length']['value']}",
    ]
    if summary["findings_by_rule"]:
        lines.append("Befunde je Regel: " + ", ".join(f"{k} {v}" for k, v in summary["findings_by_rule"].items()))
    return "\n".join(lines)
