"""``lesbar glossary``: look up, change, check, import and export the municipal glossary.

A thin layer over :mod:`lesbar.glossary`: options are parsed here, everything else happens in the library.
Messages for staff are German; help texts are English like the rest of the CLI.
"""

from __future__ import annotations

import difflib
import json
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from lesbar.glossary import Entry, GlossaryError, GlossarySet, Target
from lesbar.glossary.entry import GENDERS, LANGUAGES, POS_VALUES, STATUSES
from lesbar.glossary.errors import EntryNotFound
from lesbar.glossary.store import GlossaryStore

_GLOSSARY_HELP = ("Glossary file; repeat for several, later ones win, edits go to the last one. "
                  "Default: $LESBAR_GLOSSARY, else the shipped glossary plus the staff glossary.")


def glossary_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--glossary", "glossaries", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
                        help=_GLOSSARY_HELP)(func)


def _store(glossaries: tuple[Path, ...]) -> GlossaryStore:
    return GlossaryStore(list(glossaries) or None)


def _load(glossaries: tuple[Path, ...]) -> GlossarySet:
    """The glossary for reading commands: a named file that does not exist is an error (a typo in the path
    would otherwise show an empty glossary); only the default staff glossary may not exist yet."""
    from lesbar.glossary import load_glossaries

    return load_glossaries(list(glossaries) or None)


def _resolve(glossary: GlossarySet, key: str) -> Entry:
    entry = glossary.find(key)
    if entry is not None:
        return entry
    names = [e.id for e in glossary.entries] + [e.term for e in glossary.entries]
    close = difflib.get_close_matches(key, names, n=3, cutoff=0.6)
    hint = f" Meinten Sie: {', '.join(close)}?" if close else " Suchen mit: lesbar glossary list SUCHWORT"
    raise EntryNotFound(f"Den Eintrag „{key}“ gibt es nicht.{hint}")


@click.group()
def glossary() -> None:
    """Look up and edit the municipal glossary (terms, explanations, fixed translations).

    By default lesbar uses the shipped glossary with the staff glossary on top (in the data directory,
    or [glossary] staff in lesbar.toml); all changes go to the staff glossary.

    \b
    Examples:
      lesbar glossary list Integration
      lesbar glossary show KI
      lesbar glossary edit landrat --target en="District Administrator" --approve en
      lesbar glossary export --format csv --delimiter ';' -o glossar.csv
      lesbar glossary match "Das KI des Kreises Heinsberg"
    """


# --------------------------------------------------------------------------------------------- reading


@glossary.command("list")
@click.argument("query", required=False, default="")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@glossary_option
def list_cmd(query: str, as_json: bool, glossaries: tuple[Path, ...]) -> None:
    """List entries, optionally only those containing QUERY (in term, explanation or translation).

    \b
    Example:
      lesbar glossary list           # everything
      lesbar glossary list Kurs      # Integrationskurs, ...
    """
    current = _load(glossaries)
    hits = current.search(query)
    if as_json:
        click.echo(json.dumps([e.to_dict() for e in hits], ensure_ascii=False, indent=2))
        return
    for entry in hits:
        abbreviations = f" ({', '.join(entry.abbreviations)})" if entry.abbreviations else ""
        flags = " [nicht übersetzen]" if entry.dnt else ""
        click.echo(f"{entry.id:<36} {entry.term}{abbreviations}{flags}  [{entry.status}]")
    click.echo(f"{len(hits)} von {len(current)} Einträgen", err=True)


@glossary.command("show")
@click.argument("entry")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@glossary_option
def show_cmd(entry: str, as_json: bool, glossaries: tuple[Path, ...]) -> None:
    """Show one entry (by id, term, variant or abbreviation).

    \b
    Example:
      lesbar glossary show KI
      lesbar glossary show "Kreis Heinsberg"
    """
    found = _resolve(_load(glossaries), entry)
    if as_json:
        click.echo(json.dumps(found.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(format_entry(found))


def format_entry(entry: Entry) -> str:
    rows = [("id", entry.id), ("Begriff", entry.term), ("Varianten", ", ".join(entry.variants)),
            ("Formen", ", ".join(entry.forms)), ("Abkürzungen", ", ".join(entry.abbreviations)),
            ("Wortart", entry.pos), ("Genus", entry.gender), ("Ersatzwort", entry.plain),
            ("Nicht übersetzen", "ja" if entry.dnt else ""),
            ("Groß/klein beachten", "ja" if entry.case_sensitive else ""),
            ("In Bindestrich-Wörtern", "" if entry.in_compounds else "nein"),
            ("Status", entry.status), ("Notiz", entry.note),
            ("Geändert", f"{entry.changed_at} {entry.changed_by}".strip()), ("Datei", entry.source)]
    lines = [f"{label + ':':<24}{value}" for label, value in rows if value]
    if entry.leicht:
        lines.append("Leichte Sprache:")
        lines += [f"    {line}" for line in entry.leicht.splitlines()]
    if entry.einfach:
        lines.append(f"{'Einfache Sprache:':<24}{entry.einfach}")
    if entry.targets:
        lines.append("Übersetzungen:")
        for lang, target in entry.targets.items():
            lines.append(f"    {lang}: {target.term}  [{target.status}]")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------- editing


def _entry_options(func: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--variant", "variants", multiple=True, help="Other spelling or synonym (repeatable; "
                     "replaces the list)."),
        click.option("--abbreviation", "abbreviations", multiple=True, help="Abbreviation, matched exactly "
                     "(repeatable; replaces the list)."),
        click.option("--form", "forms", multiple=True, help="Extra inflected form that the rules miss "
                     "(repeatable; replaces the list)."),
        click.option("--pos", type=click.Choice([p for p in POS_VALUES if p]), help="Part of speech; nouns and "
                     "names get inflected forms."),
        click.option("--gender", type=click.Choice([g for g in GENDERS if g]), help="Grammatical gender."),
        click.option("--leicht", help="Explanation in Leichte Sprache; one short sentence per line "
                     "(use \\n or a real line break)."),
        click.option("--einfach", help="Explanation or replacement in Einfache Sprache."),
        click.option("--plain", help="Plain replacement word(s)."),
        click.option("--target", "targets", multiple=True, metavar="LANG=TERM",
                     help="Fixed translation, e.g. en=district (repeatable; new ones are drafts)."),
        click.option("--approve", "approve", multiple=True, metavar="LANG", help="Mark this language's "
                     "translation as approved (repeatable)."),
        click.option("--unapprove", "unapprove", multiple=True, metavar="LANG", help="Mark as draft again."),
        click.option("--remove-target", "remove_targets", multiple=True, metavar="LANG",
                     help="Remove this language's translation."),
        click.option("--dnt/--translate", "dnt", default=None, help="Do not translate (names, brands)."),
        click.option("--case-sensitive/--ignore-case", "case_sensitive", default=None,
                     help="Match only with exactly this upper/lower case."),
        click.option("--note", help="Note for colleagues."),
        click.option("--status", type=click.Choice(STATUSES), help="Review status of the entry."),
        click.option("--user", help="Your name for the change history (default: login name)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _apply(entry: Entry, values: dict[str, Any]) -> Entry:
    entry = replace(entry, variants=list(entry.variants), forms=list(entry.forms),
                    abbreviations=list(entry.abbreviations),
                    targets={k: replace(v) for k, v in entry.targets.items()})
    for name in ("variants", "abbreviations", "forms"):
        if values.get(name):
            setattr(entry, name, [v for v in values[name] if v.strip()])
    for name in ("pos", "gender", "einfach", "plain", "note", "status", "dnt", "case_sensitive"):
        if values.get(name) is not None:
            setattr(entry, name, values[name])
    if values.get("leicht") is not None:
        entry.leicht = values["leicht"].replace("\\n", "\n")
    for spec in values.get("targets") or ():
        lang, sep, term = spec.partition("=")
        lang = lang.strip()
        if not sep or not lang:
            raise GlossaryError(f"„--target {spec}“: bitte als SPRACHE=ÜBERSETZUNG angeben, z. B. en=district.")
        old = entry.targets.get(lang)
        status = old.status if old is not None and old.term == term.strip() else "draft"
        entry.targets[lang] = Target(term.strip(), status)
    for lang in values.get("remove_targets") or ():
        entry.targets.pop(lang, None)
    for lang, status in [(lang, "approved") for lang in values.get("approve") or ()] + \
                        [(lang, "draft") for lang in values.get("unapprove") or ()]:
        if lang not in entry.targets:
            raise GlossaryError(f"„{entry.term}“ hat keine Übersetzung „{lang}“. Erst mit --target {lang}=… "
                                "anlegen.")
        entry.targets[lang].status = status
    return entry


def _check_entry(entry: Entry, current: GlossarySet, before: Entry | None = None) -> None:
    """The same checks as the web editor, and no term another entry already has, before anything is
    written (a second "Landrat" would make ``lesbar glossary validate`` fail)."""
    from lesbar.glossary.editing import conflict_problem, entry_problems

    problems = entry_problems(entry)
    if problems:
        raise GlossaryError(" ".join(problems))
    conflict = conflict_problem(entry, current.entries, before)
    if conflict:
        raise GlossaryError(conflict)


@glossary.command("add")
@click.argument("term")
@click.option("--id", "entry_id", help="Stable id (default: made from the term, e.g. 'integrationskurs').")
@_entry_options
@glossary_option
def add_cmd(term: str, entry_id: str | None, glossaries: tuple[Path, ...], user: str | None,
            **values: Any) -> None:
    """Add a new entry to the staff glossary (or the last --glossary).

    \b
    Example:
      lesbar glossary add Integrationsagentur --gender f \\
        --leicht "Die Integrations-Agentur hilft Menschen aus anderen Ländern." \\
        --target en="integration agency" --target tr="entegrasyon ajansı"
    """
    store = _store(glossaries)
    current = store.load()
    new = Entry(id=entry_id or store.new_id(term, current), term=term.strip())
    new = _apply(new, values)
    _check_entry(new, current)
    stored = store.save_entry(new, expected=None, user=user)
    click.echo(f"Neu angelegt: {stored.id} („{stored.term}“) in {stored.source}")


@glossary.command("edit")
@click.argument("entry")
@click.option("--term", "new_term", help="Change the term itself.")
@_entry_options
@glossary_option
def edit_cmd(entry: str, new_term: str | None, glossaries: tuple[Path, ...], user: str | None,
             **values: Any) -> None:
    """Change an entry; the changed entry is saved in the staff glossary (or the last --glossary).

    \b
    Examples:
      lesbar glossary edit landrat --target en="District Administrator" --approve en
      lesbar glossary edit KI --leicht "Das KI ist ein Amt.\\nDas KI hilft Menschen aus anderen Ländern."
    """
    store = _store(glossaries)
    current = store.load()
    old = _resolve(current, entry)
    changed = _apply(old, values)
    if new_term:
        changed.term = new_term.strip()
    _check_entry(changed, current, old)
    stored = store.save_entry(changed, expected=old.content_hash(), user=user)
    if stored is old or stored.content_hash() == old.content_hash():
        click.echo(f"Keine Änderung an {old.id}.")
    else:
        click.echo(f"Gespeichert: {stored.id} („{stored.term}“) in {stored.source}")


@glossary.command("remove")
@click.argument("entry")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@glossary_option
def remove_cmd(entry: str, yes: bool, glossaries: tuple[Path, ...]) -> None:
    """Remove an entry. A shipped entry is hidden by a marker in the staff glossary.

    The previous file is kept in .glossar-historie/ next to the glossary.

    \b
    Example:
      lesbar glossary remove gastarbeiter --yes
    """
    store = _store(glossaries)
    old = _resolve(store.load(), entry)
    if not yes and sys.stdin.isatty():
        click.confirm(f"„{old.term}“ ({old.id}) wirklich löschen?", abort=True)
    store.remove_entry(old.id, expected=old.content_hash())
    click.echo(f"Gelöscht: {old.id} („{old.term}“)")


# --------------------------------------------------------------------------------------------- checking


@glossary.command("validate")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--strict", is_flag=True, help="Also exit non-zero on warnings (missing languages, long sentences).")
@click.option("--quiet", "-q", is_flag=True, help="Only errors, no warnings.")
@glossary_option
def validate_cmd(files: tuple[Path, ...], strict: bool, quiet: bool, glossaries: tuple[Path, ...]) -> None:
    """Check glossaries: broken files (with line), duplicates, conflicts, empty translations.

    Exit code 1 if there are errors (with --strict also for warnings).

    \b
    Examples:
      lesbar glossary validate
      lesbar glossary validate glossaries/kreis-heinsberg.yaml
    """
    from lesbar.glossary.locations import selected_glossaries
    from lesbar.glossary.validate import validate

    paths, target, default = selected_glossaries(list(files or glossaries) or None)
    if default and not target.exists():
        paths = [p for p in paths if p != target]
    problems = validate(paths)
    errors = [p for p in problems if p.level == "error"]
    warnings = [p for p in problems if p.level == "warning"]
    for problem in errors + ([] if quiet else warnings):
        click.echo(str(problem), err=True)
    summary = (f"{len(paths)} Datei(en) geprüft: {len(errors)} Fehler, {len(warnings)} "
               f"Hinweis{'' if len(warnings) == 1 else 'e'}.")
    click.echo(summary)
    if errors or (strict and warnings):
        sys.exit(1)


@glossary.command("match")
@click.argument("text", required=False)
@click.option("--file", "file", type=click.Path(dir_okay=False, path_type=Path),
              help="Read the text from a UTF-8 text file instead.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@glossary_option
def match_cmd(text: str | None, file: Path | None, as_json: bool, glossaries: tuple[Path, ...]) -> None:
    """Show which glossary terms lesbar finds in a text (to check a new entry or form).

    \b
    Examples:
      lesbar glossary match "Die KI's des Kreises Heinsberg bieten Integrationskurse an."
      lesbar glossary match --file bericht.txt
    """
    if file is not None:
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise GlossaryError(f"Die Datei kann nicht gelesen werden ({exc}).", file) from None
    if not text:
        raise GlossaryError("Bitte einen Text angeben oder --file DATEI.")
    matches = _load(glossaries).match(text)
    if as_json:
        click.echo(json.dumps([{"start": m.start, "end": m.end, "surface": m.surface, "id": m.entry.id,
                                "kind": m.kind} for m in matches], ensure_ascii=False, indent=2))
        return
    for m in matches:
        kind = "Abkürzung" if m.kind == "abbreviation" else "Begriff"
        click.echo(f"{m.start:>6}-{m.end:<6} {m.surface}  →  {m.entry.id} ({kind})")
    click.echo(f"{len(matches)} Treffer", err=True)


# ------------------------------------------------------------------------------------ import and export


@glossary.command("export")
@click.option("--format", "fmt", type=click.Choice(["csv", "tbx", "yaml"]), default="csv", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (default: standard output).")
@click.option("--delimiter", type=click.Choice([",", ";", "tab"]), default=",", show_default=True,
              help="CSV column separator; ';' for German Excel.")
@glossary_option
def export_cmd(fmt: str, output: Path | None, delimiter: str, glossaries: tuple[Path, ...]) -> None:
    """Export the glossary in effect as CSV (Excel, UTF-8 with BOM), TBX (ISO 30042) or YAML.

    \b
    Examples:
      lesbar glossary export --format csv --delimiter ';' -o glossar.csv
      lesbar glossary export --format tbx > glossar.tbx
    """
    current = _load(glossaries)
    data = render_export(current, fmt, "\t" if delimiter == "tab" else delimiter)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    if output.suffix.lower() in (".csv", ".tbx", ".yaml", ".yml") and output.suffix.lower().lstrip(".") not in \
            (fmt, "yml" if fmt == "yaml" else fmt):
        raise GlossaryError(f"Die Datei endet auf {output.suffix}, das Format ist aber {fmt}. Bitte --format "
                            f"{output.suffix.lower().lstrip('.').replace('yml', 'yaml')} angeben.", output)
    write_atomic_bytes(output, data)
    click.echo(f"{len(current)} Einträge nach {output} exportiert ({fmt}).", err=True)


def render_export(current: GlossarySet, fmt: str, delimiter: str = ",") -> bytes:
    if fmt == "csv":
        from lesbar.glossary.csvio import export_csv

        return export_csv(current.entries, delimiter).encode("utf-8")
    if fmt == "tbx":
        from lesbar.glossary.tbxio import export_tbx

        return export_tbx(current.entries)
    from lesbar.glossary.yamlfile import GlossaryFile, dump_glossary

    entries = [replace(e) for e in current.entries]
    return dump_glossary(GlossaryFile(path=Path("export.yaml"), name="Export", entries=entries)).encode("utf-8")


def write_atomic_bytes(path: Path, data: bytes) -> None:
    import os
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@glossary.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--delimiter", type=click.Choice([",", ";", "tab"]), default=None,
              help="CSV column separator (default: detected from the first line).")
@click.option("--user", help="Your name for the change history (default: login name).")
@glossary_option
def import_cmd(file: Path, delimiter: str | None, user: str | None, glossaries: tuple[Path, ...]) -> None:
    """Import entries from CSV, TBX or YAML (format from the file extension) into the staff glossary.

    Entries with a known id (or, without an id column, a known term) are updated, new ones added,
    unchanged ones left alone. Fields the file has no column for keep their current value, so a sheet
    with just "term;en" only updates English. The whole file is checked first: if any row is broken,
    nothing is imported.

    \b
    Examples:
      lesbar glossary import glossar.csv
      lesbar glossary import uebersetzungen-agentur.tbx
    """
    from lesbar.glossary.editing import conflict_problem, entry_problems
    from lesbar.glossary.importing import merged, read_import

    items = read_import(file, "\t" if delimiter == "tab" else delimiter)
    store = _store(glossaries)
    current = store.load()
    entries = [merged(current, item) for item in items]
    after = {e.id: e for e in current.entries} | {e.id: e for e in entries}
    for entry in entries:
        problems = entry_problems(entry) or [conflict_problem(entry, after.values(), current.get(entry.id))]
        if any(problems):
            raise GlossaryError(" ".join(problems), file, entry.line)
    result = store.import_entries(entries, user=user)
    click.echo(f"Import aus {file.name}: {result.added} neu, {result.changed} geändert, "
               f"{result.unchanged} unverändert.")


# --------------------------------------------------------------------------------------------- web editor


@glossary.command("serve")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535),
              help="Port (0: any free port).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but 127.0.0.1/localhost needs --allow-network and a token.")
@click.option("--allow-network", is_flag=True, help="Allow listening on a network address (needs --token).")
@click.option("--token", envvar="LESBAR_GLOSSARY_TOKEN",
              help="Access token colleagues must enter (or $LESBAR_GLOSSARY_TOKEN); at least 16 characters.")
@click.option("--open", "open_browser", is_flag=True, help="Open the editor in the default browser.")
@glossary_option
def serve_cmd(port: int, host: str, allow_network: bool, token: str | None, open_browser: bool,
              glossaries: tuple[Path, ...]) -> None:
    """Start the glossary web editor (German, accessible) in the browser on this computer.

    \b
    Examples:
      lesbar glossary serve --open                # http://127.0.0.1:8765/
      lesbar glossary serve --host 0.0.0.0 --allow-network --token "$(openssl rand -hex 16)"
    """
    from lesbar.glossary.web.server import make_server

    server = make_server(_store(glossaries), host=host, port=port, allow_network=allow_network, token=token)
    click.echo(f"Glossar-Editor läuft auf {server.url} (beenden mit Strg+C)", err=False)
    sys.stdout.flush()
    if open_browser:
        click.launch(server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


__all__ = ["glossary", "LANGUAGES"]
