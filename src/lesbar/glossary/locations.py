"""Where glossaries are: the shipped one, the staff glossary, and the selection for a run.

Selection, highest priority first: explicit paths (``--glossary``, repeatable), the environment variable
``LESBAR_GLOSSARY`` (paths separated by ``os.pathsep``), ``[glossary] paths`` in lesbar.toml, and finally the
default: the shipped glossary with the staff glossary on top. Edits always go to the last (highest
precedence) glossary of the selection: by default the staff glossary, which an upgrade never touches.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from lesbar.config import Settings, load_settings, user_data_dir

SHIPPED_NAME = "kreis-heinsberg.yaml"
STAFF_NAME = "glossar.yaml"
ENV_VAR = "LESBAR_GLOSSARY"


def shipped_glossary() -> Path:
    """The glossary shipped with lesbar (package data; ``glossaries/`` in a checkout links to it)."""
    return Path(str(resources.files("lesbar.glossary") / "data" / SHIPPED_NAME))


def staff_glossary(settings: Settings | None = None) -> Path:
    """The staff glossary: ``[glossary] staff`` in lesbar.toml, else ``<data dir>/glossar.yaml``."""
    settings = settings if settings is not None else load_settings()
    if settings.glossary.staff:
        return Path(settings.glossary.staff).expanduser()
    return user_data_dir() / STAFF_NAME


def env_glossaries() -> list[Path]:
    raw = os.environ.get(ENV_VAR, "")
    return [Path(p).expanduser() for p in raw.split(os.pathsep) if p.strip()]


def selected_glossaries(paths: list[str | Path] | None = None,
                        settings: Settings | None = None) -> tuple[list[Path], Path, bool]:
    """(glossary files in precedence order, the file edits go to, whether the selection is the default).

    In the default selection the staff glossary may not exist yet (it is created by the first edit); every
    explicitly selected file must exist, except that the edit target may be new.
    """
    if paths:
        chosen = [Path(p).expanduser() for p in paths]
        return chosen, chosen[-1], False
    env = env_glossaries()
    if env:
        return env, env[-1], False
    settings = settings if settings is not None else load_settings()
    if settings.glossary.paths:
        chosen = [Path(p).expanduser() for p in settings.glossary.paths]
        return chosen, chosen[-1], False
    staff = staff_glossary(settings)
    return [shipped_glossary(), staff], staff, True
