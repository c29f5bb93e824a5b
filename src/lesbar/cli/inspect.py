"""``lesbar inspect``: show the document model a reader makes of a file."""

from __future__ import annotations

from pathlib import Path

import click

from lesbar.model import to_json
from lesbar.model.outline import outline
from lesbar.readers import read_document
from lesbar.transforms.segment import segment_document


@click.command("inspect")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the full document model as JSON (lossless).")
@click.option("--no-segment", is_flag=True, help="Do not split paragraphs into sentences.")
def inspect_cmd(file: Path, as_json: bool, no_segment: bool) -> None:
    """Show how lesbar reads FILE: an indented outline, or the document model as JSON.

    FILE may also be a model saved with --json (e.g. after editing it), which is shown as it is.

    \b
    Examples:
      lesbar inspect samples/integrationskonferenz.pdf
      lesbar inspect bericht.docx --json > bericht.json
    """
    if file.suffix.lower() == ".json":
        from lesbar.cli.options import read_model_json

        doc = read_model_json(file)  # the output of --json, read back as it was saved
    else:
        doc = read_document(file)
        if not no_segment:
            segment_document(doc)
    click.echo(to_json(doc) if as_json else outline(doc))
