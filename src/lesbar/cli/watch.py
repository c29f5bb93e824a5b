"""``lesbar watch FOLDER``: a hot folder for staff (drop a report in eingang/, results appear in ausgang/)."""

from __future__ import annotations

from pathlib import Path

import click

from lesbar.cli.options import settings_from_context


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--once", is_flag=True, help="Process what is in eingang/ now, then exit (for cron and tests).")
@click.option("--polling", is_flag=True,
              help="Poll the folder instead of using file system events (network shares: SMB, NFS).")
@click.option("--poll-interval", type=float, default=2.0, show_default=True, metavar="SECONDS",
              help="How often --polling looks at the folder.")
@click.option("--workers", type=click.IntRange(1, 64), metavar="N",
              help="Files converted in parallel (default: [ueberwachung] gleichzeitig, 2).")
@click.option("--settle", type=click.FloatRange(0, 3600), metavar="SECONDS",
              help="Seconds a file must stay unchanged before it is taken (default: wartezeit_sekunden, 2).")
@click.option("--stop-grace", type=click.FloatRange(0, 86400), default=60.0, show_default=True, metavar="SECONDS",
              help="On Ctrl-C/SIGTERM, how long files in hand may finish before they are rolled back.")
@click.option("--config", "config", type=click.Path(dir_okay=False, path_type=Path),
              help="lesbar.toml with base settings (limits, translation); einstellungen.toml in FOLDER wins.")
def watch(folder: Path, once: bool, polling: bool, poll_interval: float, workers: int | None,
          settle: float | None, stop_grace: float, config: Path | None) -> None:
    """Turn FOLDER into a hot folder: reports dropped into FOLDER/eingang/ are converted into FOLDER/ausgang/.

    Creates FOLDER/eingang, ausgang, erledigt (converted originals), fehler (failed files with a German
    note) and a commented FOLDER/einstellungen.toml that staff can edit (variants, formats, languages,
    glossary, retention). Safe against crashes: after a restart every dropped file ends up converted
    exactly once or in fehler/. One line per file goes to stdout and FOLDER/.lesbar/watch.log.

    \b
    Examples:
      lesbar watch /srv/lesbar
      lesbar watch --polling /mnt/share/lesbar      # SMB/NFS share
      lesbar watch --once /srv/lesbar               # cron: process what is there, then exit
    """
    from lesbar.watch.service import WatchConfig, watch_folder

    base = settings_from_context(config)
    code = watch_folder(
        folder, base,
        WatchConfig(polling=polling, once=once, workers=workers, settle_seconds=settle, stop_grace=stop_grace,
                    poll_interval=poll_interval),
        echo=lambda line: click.echo(line),
    )
    raise SystemExit(code)
