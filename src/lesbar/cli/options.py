"""Options shared by several commands."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lesbar.config import Settings, load_settings


def settings_from_context(config: Path | None = None) -> Settings:
    """Settings from ``config`` if given, else from the usual lesbar.toml files."""
    return load_settings([config] if config is not None else None)


def read_model_json(path: Path) -> Any:
    """A document saved with ``lesbar inspect FILE --json`` (the lossless model), for commands that accept
    it back; one clear error if the file is not such a document."""
    from lesbar.errors import InputError
    from lesbar.model import from_json

    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the name and path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot be read ({exc})") from None
    try:
        return from_json(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except (ValueError, TypeError) as exc:
        raise InputError(f"{path}: not a lesbar document as written by 'lesbar inspect --json' ({exc})") from None
