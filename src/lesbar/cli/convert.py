"""``lesbar convert``: the main job."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lesbar.cli.options import settings_from_context
from lesbar.config import FORMATS, VARIANTS
from lesbar.pipeline import ConvertOptions, convert_file
from lesbar.pipeline.inputs import collect_inputs


def _csv(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [v.strip() for v in value.split(",") if v.strip()]


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "output", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the results; each input gets OUTPUT/<input name>/.")
@click.option("--translate", "translate", metavar="LANGS",
              help="Languages to translate into, comma-separated (e.g. en,ar,tr). Default: none.")
@click.option("--translate-from", "translate_from", metavar="VARIANTS",
              help="Which variants to translate: original, einfach (default: original).")
@click.option("--variants", metavar="VARIANTS", help=f"Variants to write (default: {','.join(VARIANTS)}).")
@click.option("--formats", metavar="FORMATS", help=f"Formats to write (default: {','.join(FORMATS)}).")
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(path_type=Path),
              help="Glossary file; repeat for several, later ones win. Default: shipped + staff glossary.")
@click.option("--as", "as_level", type=click.Choice(["leicht", "einfach"]),
              help="The input is already an edited Leichte/Einfache Sprache text: render it, don't simplify.")
@click.option("--split-compounds", is_flag=True, default=None,
              help="Einfache Sprache: split long compounds too (Leichte Sprache always does).")
@click.option("--force", is_flag=True, help="Replace an existing output folder (default: write a new one).")
@click.option("--strict", is_flag=True, default=None, help="Exit non-zero when a requested translation is missing.")
@click.option("--config", "config", type=click.Path(dir_okay=False, path_type=Path),
              help="Use this lesbar.toml instead of the usual ones.")
def convert(inputs: tuple[Path, ...], output: Path, translate: str | None, translate_from: str | None,
            variants: str | None, formats: str | None, glossaries: tuple[Path, ...], as_level: str | None,
            split_compounds: bool | None, force: bool, strict: bool | None, config: Path | None) -> None:
    """Convert reports (PDF, DOCX, or folders of them) into readable, accessible documents.

    For each input, OUTPUT/<input name>/ gets original.*, leicht.*, einfach.* (and <lang>.* for
    translations) as .html, .docx and .pdf, plus report.html, report.json and manifest.json.
    An existing folder is never overwritten: a new one is written unless --force.

    \b
    Examples:
      lesbar convert samples/integrationskonferenz.pdf -o out/
      lesbar convert berichte/ -o out/ --translate en,ar,tr
      lesbar convert leicht-korrigiert.docx -o out/ --as leicht
    """
    settings = settings_from_context(config)
    options = ConvertOptions.from_settings(settings)
    options.translate = _csv(translate) if translate is not None else options.translate
    options.translate_from = _csv(translate_from) or options.translate_from
    options.variants = _csv(variants) or options.variants
    options.formats = _csv(formats) or options.formats
    if glossaries:
        options.glossaries = [str(g) for g in glossaries]
    options.as_level = as_level
    options.force = force
    if strict is not None:
        options.strict = strict
    if split_compounds is not None:
        options.split_compounds = split_compounds
    from lesbar.config import Settings, validate

    check = Settings()
    check.convert.variants, check.convert.formats = options.variants, options.formats
    check.convert.translate, check.convert.translate_from = options.translate, options.translate_from
    validate(check, option_names=True)
    options.translate = check.convert.translate  # normalised: EN → en

    files, problems = collect_inputs(list(inputs))
    failures = len(problems)
    for problem in problems:
        click.echo(f"lesbar: error: {problem}", err=True)
    show_bar = sys.stderr.isatty() and len(files) > 0
    missing_any = False
    with click.progressbar(files, label="Konvertiere", file=sys.stderr, show_pos=True,
                           item_show_func=lambda p: p.name if p else None) if show_bar else _plain(files) as bar:
        for path in bar:
            result = convert_file(path, output, options)
            if not result.ok:
                failures += 1
                click.echo(f"lesbar: error: {result.error}", err=True)
                continue
            missing_any = missing_any or bool(result.missing)
            for note in result.notes:
                click.echo(f"lesbar: note: {path.name}: {note}", err=True)
            for missing in result.missing:
                click.echo(f"lesbar: missing: {path.name}: {missing}", err=True)
            click.echo(f"{path} -> {result.folder} ({len(result.files)} files, {result.seconds:.1f} s)")
    if failures:
        sys.exit(1)
    if missing_any and options.strict:
        sys.exit(3)


class _plain:
    """A stand-in for click's progress bar when stderr is not a terminal."""

    def __init__(self, items: list[Path]) -> None:
        self.items = items

    def __enter__(self) -> list[Path]:
        return self.items

    def __exit__(self, *exc: object) -> None:
        return None
