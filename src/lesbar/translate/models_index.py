"""Argos Translate's online package index: the only code in lesbar that goes to the network.

It is reached only through ``lesbar models install FROM TO`` and ``lesbar models download``; everything else,
installing a handed-over ``.argosmodel`` file included, works offline (:mod:`lesbar.translate.packages`).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lesbar.translate.packages import InstalledPackage, ModelError, argos, check_package_file, install_from_file


@dataclass
class IndexEntry:
    from_code: str
    to_code: str
    version: str
    size_note: str
    package: Any


def fetch_index(packages_dir: Path) -> list[IndexEntry]:
    """Download argostranslate's package index (network) and return its translation packages."""
    lib = argos(packages_dir)
    index_file = Path(lib.settings.local_package_index)
    before = index_file.stat().st_mtime_ns if index_file.exists() else None
    lib.package.update_package_index()  # logs and returns on network errors
    after = index_file.stat().st_mtime_ns if index_file.exists() else None
    if after is None or after == before:
        raise ModelError(
            "could not download the Argos package index (this needs internet access); on a machine "
            "without internet copy a .argosmodel file over and run: lesbar models install --file FILE"
        )
    entries = []
    for pkg in lib.package.get_available_packages():
        if getattr(pkg, "type", "translate") != "translate":
            continue
        entries.append(IndexEntry(pkg.from_code, pkg.to_code, str(getattr(pkg, "package_version", "")), "", pkg))
    return entries


def plan_install(entries: list[IndexEntry], from_code: str, to_code: str) -> list[IndexEntry]:
    """The packages to download for a pair: the direct one, or the two through English."""
    direct = [e for e in entries if e.from_code == from_code and e.to_code == to_code]
    if direct:
        return direct[-1:]
    first = [e for e in entries if e.from_code == from_code and e.to_code == "en"]
    second = [e for e in entries if e.from_code == "en" and e.to_code == to_code]
    if first and second and "en" not in (from_code, to_code):
        return [first[-1], second[-1]]
    raise ModelError(f"the Argos package index has no model for {from_code}→{to_code} (nor through English)")


def download_from_index(packages_dir: Path, from_code: str, to_code: str, out_dir: Path) -> list[Path]:
    """Download the package file(s) for a pair into ``out_dir`` without installing them (network).

    For handing models to an offline machine: copy the files over and ``lesbar models install --file``."""
    plan = plan_install(fetch_index(packages_dir), from_code, to_code)
    out_dir.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    for entry in plan:
        download = _download(entry)
        target = out_dir / download.name
        shutil.move(str(download), target)
        check_package_file(target)
        files.append(target)
    return files


def _download(entry: IndexEntry) -> Path:
    try:
        return Path(entry.package.download())
    except Exception as exc:  # noqa: BLE001 - network errors come in many types
        raise ModelError(
            f"downloading the model {entry.from_code}→{entry.to_code} failed ({exc}); check the internet "
            "connection, or copy a .argosmodel file over and use: lesbar models install --file FILE"
        ) from None


def install_from_index(packages_dir: Path, from_code: str, to_code: str) -> list[InstalledPackage]:
    """Download and install the package(s) for a pair from argostranslate's index (network)."""
    plan = plan_install(fetch_index(packages_dir), from_code, to_code)
    installed: list[InstalledPackage] = []
    for entry in plan:
        download = _download(entry)
        try:
            installed.append(install_from_file(packages_dir, download))
        finally:
            download.unlink(missing_ok=True)
    return installed
