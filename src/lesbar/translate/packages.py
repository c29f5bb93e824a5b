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
import tempfile
import zipfile
import zlib
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


def _verify_zip(path: Path) -> None:
    """Every member's checksum: a file cut short or damaged on a USB stick or share fails here."""
    try:
        with zipfile.ZipFile(path) as zf:
            bad = zf.testzip()
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
        raise ModelError(f"{path}: the model file is damaged ({exc}); copy it again") from None
    if bad is not None:
        raise ModelError(f"{path}: the model file is damaged ({bad} is corrupt); copy it again")


def _check_loadable(folder: Path, source: Path) -> None:
    """Load the extracted model once, so a broken model.bin is refused before anything is replaced."""
    import ctranslate2

    try:
        ctranslate2.Translator(str(folder / "model"), device="cpu", compute_type="int8", inter_threads=1,
                               intra_threads=1)
    except (RuntimeError, ValueError, OSError) as exc:
        raise ModelError(f"{source}: the model in it cannot be loaded ({exc}); the file is damaged or not "
                         "an Argos Translate model") from None
    if (folder / "sentencepiece.model").is_file():
        import sentencepiece as spm

        try:
            spm.SentencePieceProcessor(model_file=str(folder / "sentencepiece.model"))
        except (RuntimeError, OSError) as exc:
            raise ModelError(f"{source}: its tokenizer (sentencepiece.model) cannot be loaded ({exc})") from None


def _folder_pair(folder: Path) -> tuple[str, str] | None:
    meta = _read_metadata(folder)
    if meta is None:
        return None
    return str(meta.get("from_code", "")), str(meta.get("to_code", ""))


def install_from_file(packages_dir: Path, path: Path) -> InstalledPackage:
    """Install one ``.argosmodel`` (offline hand-over), all or nothing.

    The file is checked (structure, checksums), extracted into a hidden folder in the package directory
    and its model loaded once; only then does it replace an installed package for the same pair, so a
    damaged file never costs the model that worked. A package whose folder name is taken by another pair
    goes into a folder of its own instead of replacing that pair."""
    meta = check_package_file(path)
    _verify_zip(path)
    pair = (str(meta["from_code"]), str(meta["to_code"]))
    packages_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".lesbar-install-", dir=packages_dir))
    try:
        try:
            with zipfile.ZipFile(path) as zf:
                zf.extractall(staging)  # member names were checked: one top folder, no absolute paths or ..
        except (OSError, zipfile.BadZipFile, zlib.error) as exc:
            raise ModelError(f"{path}: could not be extracted into {packages_dir}: {exc}") from None
        extracted = staging / meta["_top"]
        _check_loadable(extracted, path)
        old = [p for p in installed_packages(packages_dir) if (p.from_code, p.to_code) == pair]
        name = meta["_top"]
        taken = packages_dir / name
        if taken.exists() and _folder_pair(taken) not in (None, pair):
            name = f"{name}-{pair[0]}_{pair[1]}"
            log.warning("folder %s belongs to another model; installing %s→%s as %s", taken, *pair, name)
        target = packages_dir / name
        # move the old package(s) aside, put the new one in place, then delete the old ones
        aside: list[tuple[Path, Path]] = []
        for folder in {p.path for p in old} | ({target} if target.exists() else set()):
            backup = staging / f"old-{len(aside)}"
            os.replace(folder, backup)
            aside.append((folder, backup))
        try:
            os.replace(extracted, target)
        except OSError as exc:
            for folder, backup in aside:
                os.replace(backup, folder)
            raise ModelError(f"{path}: could not be installed into {packages_dir}: {exc.strerror}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    argos(packages_dir)
    clear_argos_caches()
    from lesbar.translate.engine import forget_models

    forget_models()
    installed = find_package(packages_dir, *pair)
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
