"""``lesbar``: the command group. Subcommands live in their own modules and are imported on demand.

Errors are :class:`~lesbar.errors.LesbarError` with a message written for the user; they end as one line
on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import importlib
import logging
import sys
from typing import Any

import click

from lesbar import __version__
from lesbar.errors import LesbarError

#: command name → "module:attribute"
COMMANDS = {
    "convert": "lesbar.cli.convert:convert",
    "inspect": "lesbar.cli.inspect:inspect_cmd",
    "check": "lesbar.cli.check:check",
    "glossary": "lesbar.cli.glossary:glossary",
    "models": "lesbar.cli.models:models",
    "review": "lesbar.cli.review:review",
    "watch": "lesbar.cli.watch:watch",
}


class LazyGroup(click.Group):
    """Imports a subcommand's module only when it is used (start-up stays fast)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if self._load(name) is not None)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return self._load(cmd_name)

    @staticmethod
    def _load(name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                return None  # capability not built yet
            raise
        command: click.Command = getattr(module, attr)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except LesbarError as exc:
            raise UserError(str(exc), german=_is_staff_message(exc)) from None


class UserError(click.ClickException):
    """A :class:`LesbarError` as one line on stderr; the glossary's German messages get a German label."""

    def __init__(self, message: str, german: bool = False) -> None:
        super().__init__(message)
        self.german = german

    def show(self, file: Any = None) -> None:
        label = "Fehler" if self.german else "Error"
        click.echo(f"{label}: {self.format_message()}", err=True, file=file)


def _is_staff_message(exc: LesbarError) -> bool:
    glossary_errors = sys.modules.get("lesbar.glossary.errors")
    return glossary_errors is not None and isinstance(exc, glossary_errors.GlossaryError)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="lesbar")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """lesbar makes public information readable for everyone.

    It turns a German event report (PDF or DOCX) into a Leichte Sprache draft, an Einfache Sprache draft,
    offline machine translations that obey the municipal glossary, and accessible HTML, DOCX and PDF.

    \b
    Example:
      lesbar convert samples/integrationskonferenz.pdf -o out/
      lesbar convert bericht.docx -o out/ --translate en,ar
    """
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG), format="%(levelname)s %(name)s: %(message)s")
    if verbose == 0:
        # Rendering libraries log about the document's content (fonts, images); lesbar reports what matters
        # itself (report.html), so their messages only show with -v.
        for handler in logging.getLogger().handlers:
            handler.addFilter(_quiet_libraries)


_NOISY = ("fontTools", "weasyprint", "pypdf", "PIL", "pikepdf", "ocrmypdf", "argostranslate")


def _quiet_libraries(record: logging.LogRecord) -> bool:
    return not record.name.startswith(_NOISY)


def main() -> None:
    try:
        cli(prog_name="lesbar")
    except KeyboardInterrupt:
        click.echo("lesbar: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - last line of defence: one line, never a traceback
        logging.getLogger("lesbar").debug("internal error", exc_info=True)
        click.echo(f"lesbar: internal error: {type(exc).__name__}: {exc} (run with -vv for details)", err=True)
        sys.exit(70)
