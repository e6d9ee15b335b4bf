"""Plain-text articles: the seed format (a `` date YYYY-MM-DD`` first line) and plain
``.txt`` files dated by argument or file name; also :func:`read_text` for the Python API."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from comity.errors import InputError
from comity.ingest.dates import date_from_name, parse_date_line
from comity.ingest.decode import check_text, normalise_text
from comity.model import Document
from comity.settings import Settings

NO_DATE = ("no story date: add a ' date YYYY-MM-DD' first line, a date in the file name, "
           "or --story-date")


def _as_day(value: dt.date | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def read_text(text: str, *, doc_id: str, story_date: dt.date | None = None,
              url: str | None = None, title: str | None = None, source: str | None = None,
              settings: Settings | None = None) -> Document:
    """A :class:`Document` from a string.

    The text is normalised (NFC, line breaks to ``\\n``). A `` date YYYY-MM-DD`` first line
    gives the story date and ``body_start`` (it wins over ``story_date``); otherwise the
    story date is ``story_date`` (which may be None here). Raises :class:`InputError` for
    empty, too long (``settings.max_chars``) or invalid text, or a bad date line.
    """
    if not isinstance(text, str):
        raise InputError(f"text must be a string, got {type(text).__name__}")
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise InputError("document id must be a non-empty string")
    settings = settings or Settings()
    text = normalise_text(text)
    check_text(text, settings.max_chars, doc_id)
    line = parse_date_line(text, doc_id)
    if line is not None:
        return Document(id=doc_id, text=text, story_date=line.day, url=url,
                        title=title, source=source, body_start=line.body_start)
    return Document(id=doc_id, text=text, story_date=_as_day(story_date), url=url,
                    title=title, source=source)


def document_from_text_file(text: str, path: Path, *, doc_id: str, settings: Settings,
                            story_date: dt.date | None) -> Document:
    """A :class:`Document` from the decoded text of a ``.txt`` file.

    Story date: the date line, else ``story_date``, else a date in the file name, else
    :class:`InputError` (no story date).
    """
    check_text(text, settings.max_chars, path)
    line = parse_date_line(text, path)
    if line is not None:
        return Document(id=doc_id, text=text, story_date=line.day, path=str(path),
                        body_start=line.body_start)
    day = _as_day(story_date) or date_from_name(path.name)
    if day is None:
        raise InputError(NO_DATE, path)
    return Document(id=doc_id, text=text, story_date=day, path=str(path))
