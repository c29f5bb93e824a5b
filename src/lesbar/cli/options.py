"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path

from lesbar.config import Settings, load_settings


def settings_from_context(config: Path | None = None) -> Settings:
    """Settings from ``config`` if given, else from the usual lesbar.toml files."""
    return load_settings([config] if config is not None else None)
