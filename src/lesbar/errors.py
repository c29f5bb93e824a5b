"""Errors that reach the user as one clear line (what is wrong, what to do), never as a traceback."""

from __future__ import annotations


class LesbarError(Exception):
    """Base class: ``str(error)`` is a complete message for the user."""


class InputError(LesbarError):
    """The input file cannot be read: missing, empty, corrupt, encrypted, unsupported, too large."""


class LimitExceeded(InputError):
    """A guard limit (pages, page size, image size, time) was exceeded while reading a file."""


class ConfigError(LesbarError):
    """A configuration file or option is invalid."""


class OutputExistsError(LesbarError):
    """The output folder exists and may hold someone's edits."""
