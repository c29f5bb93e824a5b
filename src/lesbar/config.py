"""Settings from ``lesbar.toml``: the working directory first, then the user's config directory.

Every setting can also be given as a CLI option; options win over files, the working directory's file wins
over the user's. Unknown keys are errors (a typo should not be silently ignored).
"""

from __future__ import annotations

import dataclasses
import os
import re
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
            names = sorted(n for n in known if n != "sources")
            raise ConfigError(f"{where}: unknown setting '{key}' (known: {', '.join(names)})")
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
        elif isinstance(current, int):
            if isinstance(value, bool) or not isinstance(value, int):
                raise ConfigError(f"{where}: '{key}' must be a whole number, e.g. {key} = {current}")
        elif isinstance(current, float):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ConfigError(f"{where}: '{key}' must be a number, e.g. {key} = {current:g}")
            value = float(value)
        elif isinstance(current, str) and not isinstance(value, str):
            raise ConfigError(f"{where}: '{key}' must be a string")
        setattr(target, name, value)


def load_settings(paths: list[Path] | None = None) -> Settings:
    """Settings from the given files (default: :func:`config_files`), validated; an error names the file and
    the setting (``lesbar.toml [convert]: 'variants' …``)."""
    settings = Settings()
    for path in config_files() if paths is None else paths:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from None
        except UnicodeDecodeError:
            raise ConfigError(f"{path}: not UTF-8 text; save it as UTF-8") from None
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
        _apply(settings, data, str(path))
        validate(settings, str(path))
        settings.sources.append(str(path))
    return settings


#: a language code as Argos Translate names its packages: en, ar, zt, pt-br …
_LANG_CODE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$")

#: (section, key, smallest allowed value)
_MINIMA = (("translation", "beam_size", 1), ("translation", "threads", 0), ("limits", "max_file_mb", 0),
           ("limits", "max_pages", 1), ("limits", "max_page_side_pt", 0), ("limits", "max_image_pixels", 0),
           ("limits", "timeout_seconds", 0))


def validate(settings: Settings, where: str = "", option_names: bool = False) -> None:
    """Check the values; ``where`` (a file) and the setting go into the message. ``option_names``: the values
    came from the command line, so the message names the option (``--translate``) instead.

    Language codes are normalised to lower case (``EN`` → ``en``)."""
    def fail(section: str, key: str, message: str) -> ConfigError:
        name = f"--{key.replace('_', '-')}" if option_names else f"{where} [{section}]: '{key}'".strip()
        return ConfigError(f"{name}: {message}")

    convert = settings.convert
    for key, values, allowed in (("variants", convert.variants, VARIANTS), ("formats", convert.formats, FORMATS),
                                 ("translate_from", convert.translate_from, VARIANTS)):
        bad = [v for v in values if v not in allowed]
        if bad:
            raise fail("convert", key, f"unknown value(s) {', '.join(repr(b) for b in bad)}; choose from "
                                       f"{', '.join(allowed)}")
    convert.translate = list(dict.fromkeys(lang.strip().lower().replace("_", "-") for lang in convert.translate))
    for lang in convert.translate:
        if not _LANG_CODE.match(lang):
            raise fail("convert", "translate", f"'{lang}' is not a language code (use codes like en, ar, tr, uk, "
                                               "ru, fa)")
    for section, key, minimum in _MINIMA:
        value = getattr(getattr(settings, section), key)
        if value < minimum:
            raise fail(section, key, f"{value:g} is too small; it must be at least {minimum:g}")
