"""``lesbar models``: list, install and remove the offline translation models (Argos packages)."""

from __future__ import annotations

from pathlib import Path

import click

from lesbar.cli.options import settings_from_context
from lesbar.translate.models_index import download_from_index, install_from_index
from lesbar.translate.packages import (
    install_from_file,
    installed_packages,
    remove,
    resolve_packages_dir,
)
from lesbar.translate.routes import PIVOT, available_targets

_DIR_HELP = ("Package directory (default: [translation] packages_dir in lesbar.toml, else $ARGOS_PACKAGES_DIR, "
             "else Argos's own directory).")


def _packages_dir(packages_dir: Path | None, config: Path | None) -> Path:
    if packages_dir is not None:
        return packages_dir
    return resolve_packages_dir(settings_from_context(config).translation.packages_dir)


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n / 1000:.0f} kB"


def _common(func):  # type: ignore[no-untyped-def]
    func = click.option("--packages-dir", type=click.Path(file_okay=False, path_type=Path), help=_DIR_HELP)(func)
    return click.option("--config", type=click.Path(dir_okay=False, path_type=Path),
                        help="Use this lesbar.toml instead of the usual ones.")(func)


@click.group()
def models() -> None:
    """Manage the offline translation models (Argos Translate packages).

    Translation never uses the network; only 'models install FROM TO' and 'models download' fetch
    from the Argos package index. On a machine without internet, copy a .argosmodel file over and use
    'install --file'.

    \b
    Examples:
      lesbar models list
      lesbar models install de en
      lesbar models install --file translate-de_en-1_9.argosmodel
      lesbar models download de ar -o usb-stick/    # for an offline machine
      lesbar models remove de en
    """


@models.command("list")
@_common
def list_cmd(packages_dir: Path | None, config: Path | None) -> None:
    """Show the installed language pairs, their sizes, and what can be reached through English.

    \b
    Example:
      lesbar models list
    """
    folder = _packages_dir(packages_dir, config)
    packages = installed_packages(folder)
    click.echo(f"Package directory: {folder}")
    if not packages:
        click.echo("No translation models installed. Install one with: lesbar models install de en")
        return
    click.echo("Installed models:")
    for pkg in packages:
        click.echo(f"  {pkg.from_code} → {pkg.to_code}  {pkg.from_name} → {pkg.to_name}  "
                   f"version {pkg.version or '?'}  {_size(pkg.size_bytes())}")
    sources = sorted({p.from_code for p in packages} - {PIVOT}) or ["de"]
    for source in sources:
        routes = available_targets(folder, source)
        if routes:
            via = ", ".join(f"{code} (via {PIVOT})" if r.pivot else code for code, r in routes.items())
            click.echo(f"From {source} you can translate into: {via}")


@models.command("install")
@click.argument("languages", nargs=-1)
@click.option("--file", "files", multiple=True, type=click.Path(path_type=Path),
              help="Install this .argosmodel file (no network); repeat for several.")
@_common
def install_cmd(languages: tuple[str, ...], files: tuple[Path, ...], packages_dir: Path | None,
                config: Path | None) -> None:
    """Install a model: FROM TO from the Argos package index (needs internet), or --file FILE (offline).

    When the index has no direct model (e.g. de → fa), the two models through English are installed.

    \b
    Examples:
      lesbar models install de en
      lesbar models install de ar
      lesbar models install --file translate-de_en-1_9.argosmodel
    """
    folder = _packages_dir(packages_dir, config)
    if files and languages:
        raise click.UsageError("give either FROM TO or --file FILE, not both")
    if files:
        for path in files:
            pkg = install_from_file(folder, path)
            click.echo(f"Installed {pkg.from_code} → {pkg.to_code} (version {pkg.version or '?'}) into {folder}")
        return
    if len(languages) != 2:
        raise click.UsageError("give the two language codes, e.g.: lesbar models install de en "
                               "(or --file FILE for a model file)")
    source, target = languages
    click.echo(f"Downloading the Argos package index and the model {source} → {target} (this needs internet) …",
               err=True)
    for pkg in install_from_index(folder, source, target):
        click.echo(f"Installed {pkg.from_code} → {pkg.to_code} (version {pkg.version or '?'}) into {folder}")


@models.command("download")
@click.argument("source")
@click.argument("target")
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the .argosmodel file(s).")
@_common
def download_cmd(source: str, target: str, output: Path, packages_dir: Path | None, config: Path | None) -> None:
    """Download the model file(s) for SOURCE → TARGET without installing them (needs internet).

    For an offline machine: copy the files over and run 'lesbar models install --file FILE' there.

    \b
    Example:
      lesbar models download de ar -o usb-stick/
    """
    folder = _packages_dir(packages_dir, config)
    click.echo(f"Downloading the Argos package index and the model {source} → {target} (this needs internet) …",
               err=True)
    for path in download_from_index(folder, source, target, output):
        click.echo(f"Downloaded {path}")


@models.command("remove")
@click.argument("source")
@click.argument("target")
@_common
def remove_cmd(source: str, target: str, packages_dir: Path | None, config: Path | None) -> None:
    """Remove the installed model SOURCE → TARGET.

    \b
    Example:
      lesbar models remove de en
    """
    folder = _packages_dir(packages_dir, config)
    pkg = remove(folder, source, target)
    click.echo(f"Removed {pkg.from_code} → {pkg.to_code} from {folder}")
