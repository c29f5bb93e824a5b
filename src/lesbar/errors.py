"""Errors that reach the user as one clear line (what is wrong, what to do), never as a traceback.

Each error carries a stable ``code`` besides its message, so that other front ends (the watch folder's German
notes) can tell what went wrong without parsing the English text.
"""

from __future__ import annotations

#: The codes an :class:`InputError` can carry.
INPUT_CODES = (
    "missing", "unreadable", "empty", "too_large", "password", "odt", "doc", "rtf", "zip", "unsupported",
    "damaged", "no_text", "pages", "page_size", "timeout", "memory", "ocr_missing",
)


class LesbarError(Exception):
    """Base class: ``str(error)`` is a complete message for the user; ``code`` says what kind of problem."""

    default_code = "error"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.code = code or self.default_code


class InputError(LesbarError):
    """The input file cannot be read: missing, empty, corrupt, encrypted, unsupported, too large."""

    default_code = "damaged"


class LimitExceeded(InputError):
    """A guard limit (pages, page size, image size, time) was exceeded while reading a file."""

    default_code = "timeout"


class ConfigError(LesbarError):
    """A configuration file or option is invalid."""

    default_code = "config"


class OutputExistsError(LesbarError):
    """The output folder exists and may hold someone's edits."""

    default_code = "output_exists"
