"""``einstellungen.toml``: what the watch folder produces and how it behaves, editable by staff.

Keys are German because staff edit the file; the messages for mistakes are German too and name the line
to fix. The top file ``FOLDER/einstellungen.toml`` holds everything; a subfolder of ``eingang/`` may hold its
own ``einstellungen.toml`` with only the conversion keys (fassungen, formate, sprachen, uebersetzen_aus,
glossare), which override the ones above it for files in that subfolder. The settings are read again for
every file, so an edit takes effect with the next drop; ``[ueberwachung]`` and ``[aufbewahrung]`` are read when
the watcher starts and when it rereads them (at least every minute).
"""

from __future__ import annotations

import copy
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from lesbar.config import FORMATS, VARIANTS, LimitSettings, Settings
from lesbar.errors import ConfigError
from lesbar.pipeline.convert import ConvertOptions
from lesbar.watch.layout import SETTINGS_NAME, Layout

TEMPLATE = "einstellungen-vorlage.toml"


@dataclass
class WatchBehaviour:
    """``[ueberwachung]``: how files are picked up."""

    settle_seconds: float = 2.0
    max_file_mb: float = 200.0
    workers: int = 2
    max_minutes: float = 20.0


@dataclass
class Retention:
    """``[aufbewahrung]``: days after which lesbar deletes; 0 keeps for ever (the default)."""

    erledigt_days: int = 0
    fehler_days: int = 0
    ausgang_days: int = 0
    log_days: int = 0
    memory_days: int = 0

    @property
    def active(self) -> bool:
        return any((self.erledigt_days, self.fehler_days, self.ausgang_days, self.log_days, self.memory_days))


@dataclass
class FolderSettings:
    convert: ConvertOptions
    behaviour: WatchBehaviour = field(default_factory=WatchBehaviour)
    retention: Retention = field(default_factory=Retention)
    sources: list[str] = field(default_factory=list)


_CONVERT_KEYS = {
    "fassungen": "variants",
    "formate": "formats",
    "sprachen": "translate",
    "uebersetzen_aus": "translate_from",
    "glossare": "glossaries",
}
_BEHAVIOUR_KEYS = {
    "wartezeit_sekunden": "settle_seconds",
    "hoechstgroesse_mb": "max_file_mb",
    "gleichzeitig": "workers",
    "hoechstdauer_minuten": "max_minutes",
}
_RETENTION_KEYS = {
    "erledigt_tage": "erledigt_days",
    "fehler_tage": "fehler_days",
    "ausgang_tage": "ausgang_days",
    "protokoll_tage": "log_days",
    "uebersetzungsspeicher_tage": "memory_days",
}
_ALLOWED = {
    "fassungen": VARIANTS,
    "formate": FORMATS,
    "uebersetzen_aus": VARIANTS,
}


def template_text() -> str:
    """The commented default settings file written into a new watch folder."""
    return resources.files("lesbar.watch").joinpath(TEMPLATE).read_text(encoding="utf-8")


def ensure_settings_file(layout: Layout) -> bool:
    """Write the commented default file if there is none. True if it was created."""
    if layout.settings.exists():
        return False
    from lesbar.watch.fsops import atomic_write_text

    atomic_write_text(layout.settings, template_text())
    return True


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: die Datei ist nicht als UTF-8 gespeichert; bitte als UTF-8 speichern") from None
    except OSError as exc:
        raise ConfigError(f"{path}: kann nicht gelesen werden ({exc.strerror})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            f"{path}: Schreibfehler ({_german_toml_error(exc)}); bitte die Zeile prüfen, z. B. "
            'Anführungszeichen: formate = ["html", "pdf"]'
        ) from None


def _german_toml_error(exc: tomllib.TOMLDecodeError) -> str:
    text = str(exc)
    if "(at line" in text:
        where = text[text.index("(at line") + 1:].rstrip(")")
        line, _, column = where.replace("at line", "").partition(", column")
        return f"Zeile {line.strip()}, Spalte {column.strip()}: {text[:text.index('(at line')].strip()}"
    return text


def _string_list(value: Any, key: str, where: Path) -> list[str]:
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f'{where}: "{key}" muss eine Liste sein, z. B. {key} = ["a", "b"]')
    allowed = _ALLOWED.get(key)
    if allowed:
        bad = [v for v in value if v not in allowed]
        if bad:
            raise ConfigError(
                f'{where}: "{key}" kennt {", ".join(bad)} nicht; erlaubt sind: {", ".join(allowed)}'
            )
    if key == "sprachen":
        bad = [v for v in value if not v.replace("-", "").isalnum() or len(v) > 12]
        if bad:
            raise ConfigError(f'{where}: "{", ".join(bad)}" ist kein Sprach-Kürzel (zum Beispiel "en", "ar", "tr")')
    return list(value)


def _number(value: Any, key: str, where: Path, minimum: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ConfigError(f'{where}: "{key}" muss eine Zahl sein, z. B. {key} = 2')
    if value < minimum:
        raise ConfigError(f'{where}: "{key}" darf nicht kleiner als {minimum:g} sein')
    return float(value)


def _apply_convert(options: ConvertOptions, data: dict[str, Any], where: Path) -> None:
    for key, value in data.items():
        attr = _CONVERT_KEYS[key]
        values = _string_list(value, key, where)
        if key == "glossare":
            values = [str((where.parent / v).resolve()) if not Path(v).is_absolute() else v for v in values]
        if key in ("fassungen", "formate") and not values:
            raise ConfigError(f'{where}: "{key}" darf nicht leer sein')
        setattr(options, attr, values)


def _unknown(keys: set[str], known: dict[str, str], where: Path, section: str = "") -> None:
    unknown = sorted(keys - set(known))
    if unknown:
        place = f" im Abschnitt [{section}]" if section else ""
        raise ConfigError(
            f'{where}: unbekannte Einstellung "{unknown[0]}"{place}; bekannt sind: {", ".join(sorted(known))} '
            "(Tippfehler?)"
        )


def load_folder_settings(layout: Layout, base: Settings | None = None) -> FolderSettings:
    """The top settings (``FOLDER/einstellungen.toml``) over the base ``lesbar.toml`` settings."""
    options = ConvertOptions.from_settings(base or Settings())
    result = FolderSettings(convert=options)
    result.behaviour.max_file_mb = options.limits.max_file_mb
    path = layout.settings
    if not path.exists():
        return result
    data = _read(path)
    sections = {"ueberwachung": _BEHAVIOUR_KEYS, "aufbewahrung": _RETENTION_KEYS}
    _unknown(set(data), {**_CONVERT_KEYS, **{k: k for k in sections}}, path)
    _apply_convert(options, {k: v for k, v in data.items() if k in _CONVERT_KEYS}, path)
    behaviour = data.get("ueberwachung", {})
    retention = data.get("aufbewahrung", {})
    for name, section in (("ueberwachung", behaviour), ("aufbewahrung", retention)):
        if not isinstance(section, dict):
            raise ConfigError(f"{path}: [{name}] muss ein Abschnitt sein (eine Zeile [{name}] und darunter die Werte)")
    _unknown(set(behaviour), _BEHAVIOUR_KEYS, path, "ueberwachung")
    _unknown(set(retention), _RETENTION_KEYS, path, "aufbewahrung")
    for key, value in behaviour.items():
        minimum = {"gleichzeitig": 1, "wartezeit_sekunden": 0, "hoechstgroesse_mb": 0.001,
                   "hoechstdauer_minuten": 0.05}[key]
        number = _number(value, key, path, minimum)
        setattr(result.behaviour, _BEHAVIOUR_KEYS[key], int(number) if key == "gleichzeitig" else number)
    for key, value in retention.items():
        setattr(result.retention, _RETENTION_KEYS[key], int(_number(value, key, path, 0)))
    options.limits = _with_limit(options, result.behaviour.max_file_mb)
    result.sources.append(str(path))
    return result


def _with_limit(options: ConvertOptions, max_file_mb: float) -> LimitSettings:
    limits = copy.copy(options.limits)
    limits.max_file_mb = max_file_mb
    return limits


def options_for(layout: Layout, top: FolderSettings, source: Path) -> ConvertOptions:
    """Conversion options for one dropped file: the top settings, then each subfolder's own file."""
    options = copy.deepcopy(top.convert)
    folder = layout.eingang
    for part in layout.subfolder(source).parts:
        folder = folder / part
        path = folder / SETTINGS_NAME
        if path.is_file():
            data = _read(path)
            _unknown(set(data), _CONVERT_KEYS, path)
            _apply_convert(options, data, path)
    return options
