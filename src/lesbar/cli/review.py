"""``lesbar review``: hand machine translations to a translator (XLIFF) and take the corrections back."""

from __future__ import annotations

from pathlib import Path

import click

from lesbar.cli.options import settings_from_context
from lesbar.translate.memory import TranslationMemory
from lesbar.translate.xliff import (
    FORMATS,
    import_review,
    review_file_from_memory,
    review_files_from_report,
    write_review,
)


def _memory(memory: Path | None, config: Path | None) -> TranslationMemory:
    configured = str(memory) if memory else settings_from_context(config).translation.memory
    return TranslationMemory(configured or None)


def _common(func):  # type: ignore[no-untyped-def]
    func = click.option("--memory", type=click.Path(dir_okay=False, path_type=Path),
                        help="Translation memory file (default: [translation] memory in lesbar.toml, "
                             "else translation-memory.sqlite in the data directory).")(func)
    return click.option("--config", type=click.Path(dir_okay=False, path_type=Path),
                        help="Use this lesbar.toml instead of the usual ones.")(func)


@click.group()
def review() -> None:
    """Let a translator review machine translations in their CAT tool (XLIFF).

    \b
    Examples:
      lesbar review export out/bericht/ -o review/            # one XLIFF per language
      lesbar review export out/bericht/ --lang ar --format xliff20 -o review/
      lesbar review export --from-memory --lang ar -o review/  # everything not yet reviewed
      lesbar review import review/bericht.ar.xlf               # corrections go into the memory
    """


@review.command("export")
@click.argument("source", required=False, type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the XLIFF files.")
@click.option("--lang", "langs", multiple=True, help="Only this language (repeat for several). Default: all.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="xliff12", show_default=True,
              help="XLIFF 1.2 (most CAT tools) or XLIFF 2.0.")
@click.option("--from-memory", is_flag=True,
              help="Export every machine translation in the memory that no person has reviewed yet.")
@click.option("--source-lang", default="de", show_default=True, help="Source language (with --from-memory).")
@_common
def export_cmd(source: Path | None, output: Path, langs: tuple[str, ...], fmt: str, from_memory: bool,
               source_lang: str, memory: Path | None, config: Path | None) -> None:
    """Write XLIFF files of the translations in SOURCE (an output folder of 'convert' or its report.json).

    \b
    Example:
      lesbar review export out/integrationskonferenz/ -o review/
    """
    langs = tuple(dict.fromkeys(lang.strip().lower() for lang in langs))  # --lang EN is en
    if from_memory:
        if source is not None or not langs:
            raise click.UsageError("with --from-memory give --lang LANG and no SOURCE")
        with _memory(memory, config) as tm:
            files = [review_file_from_memory(tm, source_lang, lang) for lang in langs]
        stem = "memory"
    else:
        if source is None:
            raise click.UsageError("give the output folder of 'lesbar convert' (or --from-memory --lang LANG)")
        files = review_files_from_report(source, list(langs) or None)
        stem = (source if source.is_dir() else source.parent).name
    output.mkdir(parents=True, exist_ok=True)
    suffix = ".xlf" if fmt == "xliff12" else ".xliff"
    for review_file in files:
        name = review_file.name if review_file.name.startswith("memory.") else f"{stem}.{review_file.name}"
        path = output / f"{name}{suffix}"
        data = write_review(review_file, fmt)
        tmp = path.with_name(f".{path.name}.part")
        tmp.write_bytes(data)
        tmp.replace(path)
        click.echo(f"{path}: {len(review_file.units)} segments ({review_file.source_lang} → {review_file.target_lang})")


@review.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--all", "take_all", is_flag=True,
              help="Take every non-empty target, even those the translator did not confirm or change.")
@click.option("--lang", "lang", help="Target language, if the file does not name it.")
@_common
def import_cmd(files: tuple[Path, ...], take_all: bool, lang: str | None, memory: Path | None,
               config: Path | None) -> None:
    """Read reviewed XLIFF files into the translation memory; the next 'convert' uses them.

    A segment counts as reviewed when the translator confirmed it in the CAT tool or changed its text.

    \b
    Example:
      lesbar review import review/integrationskonferenz.ar.xlf
    """
    with _memory(memory, config) as tm:
        for path in files:
            summary = import_review(path, tm, take_all=take_all, target_lang=lang)
            click.echo(f"{path}: {summary.imported} reviewed segments imported ({summary.target_lang}), "
                       f"{summary.unchanged} already known, {summary.skipped} not confirmed (skipped), "
                       f"{summary.empty} empty")
