"""Comity's error types.

Every error Comity raises on purpose derives from :class:`ComityError`; third-party errors
are translated at the boundary (``raise X(...) from exc``). Messages say what went wrong
and what to do about it.

::

    ComityError
    ├── ConfigError          bad setting value, unknown pipeline name, missing model
    ├── InputError           an article or file that cannot be read (carries ``path``)
    ├── DataFileError        a knowledge-base / lexicon / alias file that fails validation
    │                        (carries ``path`` and ``line``)
    ├── DateError            a date expression or story date that cannot be resolved
    ├── StoreError           database problems (connection, schema, integrity)
    │   └── NotFoundError    an id that is not in the database
    ├── ExportError          an export or import that cannot be done
    └── EvalError            a gold file that is malformed or does not match the articles
"""

from __future__ import annotations

from pathlib import Path


class ComityError(Exception):
    """Base class of every error Comity raises on purpose."""


class ConfigError(ComityError):
    """A setting has a bad value, or a configured resource (model, file) is missing."""


class InputError(ComityError):
    """An input document cannot be read. ``path`` names the file (or None)."""

    def __init__(self, message: str, path: str | Path | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.reason = message
        super().__init__(f"{self.path}: {message}" if self.path else message)


class DataFileError(ComityError):
    """A data file (knowledge base, lexicon, aliases) failed validation at ``path:line``."""

    def __init__(self, message: str, path: str | Path, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.reason = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


class DateError(ComityError):
    """A date expression or a story date cannot be resolved."""


class StoreError(ComityError):
    """The event database cannot do what was asked (connection, schema, integrity)."""


class NotFoundError(StoreError):
    """An id that is not in the database."""


class ExportError(ComityError):
    """An export or import cannot be done."""


class EvalError(ComityError):
    """A gold file is malformed or does not match the articles."""
