"""Ingest: turn files (text, HTML, RSS/Atom, JSON Lines, folders) into
:class:`comity.model.Document` records.

Public API: :func:`read_paths` (lenient, yields documents and errors), :func:`read_file`
(strict, raises :class:`comity.errors.InputError`) and :func:`read_text` (a string).
See ``docs/ingest.md`` for the formats and how ids, dates and offsets are defined.
"""

from __future__ import annotations

from comity.ingest.plaintext import read_text
from comity.ingest.reader import read_file, read_paths

__all__ = ["read_file", "read_paths", "read_text"]
