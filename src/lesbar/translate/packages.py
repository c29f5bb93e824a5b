"""The Argos package directory: which language pairs are installed, installing and removing packages.

This module is the one adapter between lesbar and argostranslate's package code. It works around the
offline traps recorded in ``shared/notes/argos-offline.md``:

* argostranslate reads its settings once at import, so the package directory is set on its ``settings``
  module each time it is used (and ``ARGOS_PACKAGES_DIR`` before the first import);
* a stray folder or file in the package directory makes argostranslate's own listing raise
  ``FileNotFoundError``; lesbar lists folders itself and skips (and logs) what is not a package;
* ``get_available_packages()`` recurses until ``RecursionError`` when the index cannot be downloaded;
  lesbar downloads the index explicitly and checks that it arrived;
* ``get_installed_languages`` and ``translate.installed_translates`` cache packages; both are cleared
  after every install or removal.

The only network access in lesbar lives in :mod:`lesbar.translate.models_index` (``lesbar models install de en``).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from lesbar.errors import LesbarError

log = logging.getLogger(__name__)


class ModelError(LesbarError):
    """A translation package cannot be installed, found or used."""


@dataclass(frozen=True)
class InstalledPackage:
    """One installed translation package (a folder in the package directory)."""

    path: Path
    from_code: str
    to_code: str
    from_name: str
    to_name: str
    version: str
    target_prefix: str = ""

    @property
    def pair(self) -> str:
        return f"{self.from_code}→{self.to_code}"

    @property
    def signature(self) -> str:
        """Identifies the model in the translation memory: a new model version means new MT output."""
        return f"{self.from_code}-{self.to_code}@{self.version}"

    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file())


def argos_default_dir() -> Path:
    """argostranslate's own default package directory (without importing it)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "argos-translate" / "packages"


def resolve_packages_dir(configured: str | os.PathLike[str] | None = None) -> Path:
    """The package directory: lesbar.toml ``[translation] packages_dir``, else ``ARGOS_PACKAGES_DIR``,
    else argostranslate's default. An explicit setting in lesbar.toml wins because it is the one staff set
    for lesbar on purpose; ``ARGOS_PACKAGES_DIR`` is shared with other Argos tools."""
    if configured:
        return Path(configured).expanduser()
    env = os.environ.get("ARGOS_PACKAGES_DIR")
    if env:
        return Path(env).expanduser()
    return argos_default_dir()


def argos(packages_dir: Path) -> Any:
    """The ``argostranslate`` package configured for ``packages_dir``.

    Importing argostranslate creates its data/config/cache folders and reads its settings; the package
    directory is re-pointed here on every call, so several directories work in one process (tests)."""
    os.environ.setdefault("ARGOS_PACKAGES_DIR", str(packages_dir))
    os.environ.setdefault("ARGOS_DEVICE_TYPE", "cpu")
    import argostranslate.package
    import argostranslate.settings
    import argostranslate.translate
    import argostranslate.utils

    # argostranslate sets its logger to INFO at import and logs whole batches; lesbar's -v decides instead
    argos_log = logging.getLogger("argostranslate.utils")
    if argos_log.level == logging.INFO and not logging.getLogger().isEnabledFor(logging.DEBUG):
        argos_log.setLevel(logging.WARNING)
    settings = argostranslate.settings
    if Path(settings.package_data_dir) != packages_dir:
        settings.package_data_dir = packages_dir
        settings.package_dirs = [packages_dir]
        clear_argos_caches()
    return argostranslate


def clear_argos_caches() -> None:
    """Forget argostranslate's cached languages and translation objects (stale after any change)."""
    import argostranslate.translate

    argostranslate.translate.get_installed_languages.cache_clear()
    argostranslate.translate.installed_translates.clear()


def _read_metadata(folder: Path) -> dict[str, Any] | None:
    meta = folder / "metadata.json"
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def installed_packages(packages_dir: Path) -> list[InstalledPackage]:
    """Installed translation packages, sorted by pair. Folders that are not packages are skipped."""
    if not packages_dir.is_dir():
        return []
    found: list[InstalledPackage] = []
    for folder in sorted(packages_dir.iterdir()):
        if not folder.is_dir() or folder.name.startswith("."):
            continue
        meta = _read_metadata(folder)
        if meta is None or meta.get("type", "translate") != "translate":
            log.info("skipping %s: not an Argos translation package", folder)
            continue
        if not (folder / "model" / "model.bin").is_file():
            log.warning("skipping %s: no CTranslate2 model in it", folder)
            continue
        if not ((folder / "sentencepiece.model").is_file() or (folder / "bpe.model").is_file()):
            log.warning("skipping %s: no tokenizer (sentencepiece.model or bpe.model) in it", folder)
            continue
        found.append(InstalledPackage(
            path=folder,
            from_code=str(meta.get("from_code", "")),
            to_code=str(meta.get("to_code", "")),
            from_name=str(meta.get("from_name", meta.get("from_code", ""))),
            to_name=str(meta.get("to_name", meta.get("to_code", ""))),
            version=str(meta.get("package_version", "")),
            target_prefix=str(meta.get("target_prefix", "") or ""),
        ))
    return sorted(found, key=lambda p: (p.from_code, p.to_code, p.version))


def find_package(packages_dir: Path, from_code: str, to_code: str) -> InstalledPackage | None:
    """The installed package for one pair (the newest version if several)."""
    matches = [p for p in installed_packages(packages_dir) if p.from_code == from_code and p.to_code == to_code]
    return matches[-1] if matches else None


def check_package_file(path: Path) -> dict[str, Any]:
    """Validate an ``.argosmodel`` before anything is extracted; return its metadata.

    argostranslate's installer only checks that the file is a zip; a zip without one top-level folder
    would break every later listing of the package directory, so lesbar refuses it up front."""
    if not path.is_file():
        raise ModelError(f"{path}: no such file; give the path of a .argosmodel file")
    if not zipfile.is_zipfile(path):
        raise ModelError(f"{path}: not an Argos model (an .argosmodel file is a zip archive)")
    with zipfile.ZipFile(path) as zf:
        names = [n for n in zf.namelist() if n.strip("/")]
        tops = {PurePosixPath(n).parts[0] for n in names}
        loose = [n for n in names if len(PurePosixPath(n).parts) < 2 and not n.endswith("/")]
        unsafe = [n for n in names if PurePosixPath(n).is_absolute() or ".." in PurePosixPath(n).parts]
        if len(tops) != 1 or loose or unsafe:
            raise ModelError(f"{path}: not an Argos model (it must hold exactly one top-level folder)")
        top = tops.pop()
        if f"{top}/metadata.json" not in names:
            raise ModelError(f"{path}: not an Argos model (no metadata.json in {top}/)")
        try:
            meta = json.loads(zf.read(f"{top}/metadata.json"))
        except ValueError:
            raise ModelError(f"{path}: its metadata.json is not valid JSON") from None
        if not isinstance(meta, dict) or not meta.get("from_code") or not meta.get("to_code"):
            raise ModelError(f"{path}: its metadata.json names no from_code/to_code")
        if meta.get("type", "translate") != "translate":
            raise ModelError(f"{path}: this is a '{meta.get('type')}' package, not a translation model")
        if f"{top}/model/model.bin" not in names:
            raise ModelError(f"{path}: no CTranslate2 model (model/model.bin) in the package")
        if f"{top}/sentencepiece.model" not in names and f"{top}/bpe.model" not in names:
            raise ModelError(f"{path}: no tokenizer (sentencepiece.model or bpe.model) in the package")
        meta["_top"] = top
    return meta


def install_from_file(packages_dir: Path, path: Path) -> InstalledPackage:
    """Install one ``.argosmodel`` through argostranslate's installer (offline hand-over).

    An installed package for the same pair is replaced, so there is never a choice between two."""
    meta = check_package_file(path)
    packages_dir.mkdir(parents=True, exist_ok=True)
    old = [p for p in installed_packages(packages_dir)
           if p.from_code == meta["from_code"] and p.to_code == meta["to_code"]]
    target = packages_dir / meta["_top"]
    for pkg in old:
        shutil.rmtree(pkg.path)
    if target.exists():
        shutil.rmtree(target)
    lib = argos(packages_dir)
    try:
        lib.package.install_from_path(path)
    except Exception as exc:  # noqa: BLE001 - whatever went wrong, leave no half-extracted folder
        shutil.rmtree(target, ignore_errors=True)
        raise ModelError(f"{path}: could not be installed into {packages_dir}: {exc}") from None
    clear_argos_caches()
    from lesbar.translate.engine import forget_models

    forget_models()
    installed = find_package(packages_dir, meta["from_code"], meta["to_code"])
    if installed is None:
        raise ModelError(f"{path}: was extracted into {packages_dir} but is not a usable package")
    return installed


def remove(packages_dir: Path, from_code: str, to_code: str) -> InstalledPackage:
    """Remove the installed package for one pair."""
    pkg = find_package(packages_dir, from_code, to_code)
    if pkg is None:
        raise ModelError(f"no model {from_code}→{to_code} is installed in {packages_dir} (see: lesbar models list)")
    shutil.rmtree(pkg.path)
    clear_argos_caches()
    from lesbar.translate.engine import forget_models

    forget_models()
    return pkg
