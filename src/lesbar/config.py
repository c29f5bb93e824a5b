"""Settings from ``lesbar.toml``: the working directory first, then the user's config directory.

Every setting can also be given as a CLI option; options win over files, the working directory's file wins
over the user's. Unknown keys are errors (a typo should not be silently ignored).
"""

from __future__ import annotations

import dataclasses
import os
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lesbar.errors import ConfigError

CONFIG_NAME = "lesbar.toml"
VARIANTS = ("original", "leicht", "einfach")
FORMATS = ("html", "docx", "pdf")


def user_config_dir() -> Path:
    """The per-user configuration directory (XDG on Linux, %APPDATA% on Windows)."""
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / "lesbar"
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "lesbar"


def user_data_dir() -> Path:
    """The per-user data directory: staff glossary, translation memory (survives upgrades of lesbar)."""
    if os.environ.get("LESBAR_DATA_DIR"):
        return Path(os.environ["LESBAR_DATA_DIR"])
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "lesbar"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "lesbar"


@dataclass
class ConvertSettings:
    variants: list[str] = field(default_factory=lambda: list(VARIANTS))
    formats: list[str] = field(default_factory=lambda: list(FORMATS))
    translate: list[str] = field(default_factory=list)
    translate_from: list[str] = field(default_factory=lambda: ["original"])
    strict: bool = False
    #: Split long compounds in Einfache Sprache too (Leichte Sprache always splits them).
    split_compounds: bool = False


@dataclass
class GlossarySettings:
    #: Glossary files in precedence order (later wins). Empty: the shipped glossary plus the staff glossary.
    paths: list[str] = field(default_factory=list)
    #: Where staff edits go; default ``<data dir>/glossar.yaml``.
    staff: str = ""


@dataclass
class TranslationSettings:
    packages_dir: str = ""
    beam_size: int = 2
    memory: str = ""
    threads: int = 0


@dataclass
class LimitSettings:
    max_file_mb: float = 200.0
    max_pages: int = 300
    max_page_side_pt: float = 14400.0
    max_image_pixels: int = 60_000_000
    timeout_seconds: float = 240.0


@dataclass
class Settings:
    convert: ConvertSettings = field(default_factory=ConvertSettings)
    glossary: GlossarySettings = field(default_factory=GlossarySettings)
    translation: TranslationSettings = field(default_factory=TranslationSettings)
    limits: LimitSettings = field(default_factory=LimitSettings)
    sources: list[str] = field(default_factory=list)


def config_files(cwd: Path | None = None) -> list[Path]:
    """Existing config files, lowest precedence first."""
    cwd = cwd or Path.cwd()
    candidates = [user_config_dir() / CONFIG_NAME, cwd / CONFIG_NAME]
    if os.environ.get("LESBAR_CONFIG"):
        candidates.append(Path(os.environ["LESBAR_CONFIG"]))
    return [p for p in candidates if p.is_file()]


def _apply(target: Any, data: dict[str, Any], where: str) -> None:
    known = {f.name: f for f in dataclasses.fields(target)}
    for key, value in data.items():
        name = key.replace("-", "_")
        if name not in known or name == "sources":
            raise ConfigError(f"{where}: unknown setting '{key}' (known: {', '.join(sorted(known))})")
        current = getattr(target, name)
        if dataclasses.is_dataclass(current):
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: [{key}] must be a table")
            _apply(current, value, f"{where} [{key}]")
            continue
        if isinstance(current, list):
            if isinstance(value, str):
                value = [v.strip() for v in value.split(",") if v.strip()]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}: '{key}' must be a list of strings")
        elif isinstance(current, bool):
            if not isinstance(value, bool):
                raise ConfigError(f"{where}: '{key}' must be true or false")
        elif isinstance(current, (int, float)):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ConfigError(f"{where}: '{key}' must be a number")
            value = type(current)(value)
        elif isinstance(current, str) and not isinstance(value, str):
            raise ConfigError(f"{where}: '{key}' must be a string")
        setattr(target, name, value)


def load_settings(paths: list[Path] | None = None) -> Settings:
    """Settings from the given files (default: :func:`config_files`), validated."""
    settings = Settings()
    for path in config_files() if paths is None else paths:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from None
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
        _apply(settings, data, str(path))
        settings.sources.append(str(path))
    validate(settings)
    return settings


def validate(settings: Settings) -> None:
    bad = [v for v in settings.convert.variants if v not in VARIANTS]
    if bad:
        raise ConfigError(f"unknown variant(s) {', '.join(bad)}; choose from {', '.join(VARIANTS)}")
    bad = [f for f in settings.convert.formats if f not in FORMATS]
    if bad:
        raise ConfigError(f"unknown format(s) {', '.join(bad)}; choose from {', '.join(FORMATS)}")
    bad = [v for v in settings.convert.translate_from if v not in VARIANTS]
    if bad:
        raise ConfigError(f"unknown translate-from variant(s) {', '.join(bad)}; choose from {', '.join(VARIANTS)}")
    for lang in settings.convert.translate:
        if not lang.replace("-", "").isalnum() or len(lang) > 12:
            raise ConfigError(f"'{lang}' is not a language code (use codes like en, ar, tr, uk, ru, fa)")
