"""JSON Lines articles: one object per line with ``id``, ``text``, ``date`` and optional
``url``, ``title``, ``source``."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from comity.errors import InputError
from comity.ingest.dates import parse_day
from comity.ingest.decode import check_text, normalise_text
from comity.model import Document
from comity.settings import Settings

log = logging.getLogger(__name__)

_OPTIONAL = ("url", "title", "source")


def _line_error(path: Path, number: int, message: str) -> InputError:
    return InputError(f"line {number}: {message}", path)


def _document(obj: Any, path: Path, number: int, settings: Settings,
              story_date: dt.date | None) -> Document:
    where = f"{path}:{number}"
    if not isinstance(obj, dict):
        raise _line_error(path, number, f"expected a JSON object, got {type(obj).__name__}")
    raw_id = obj.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int) or not str(raw_id).strip():
        raise _line_error(path, number, "missing or empty 'id' (a string)")
    text = obj.get("text")
    if not isinstance(text, str):
        raise _line_error(path, number, "missing 'text' (a string)")
    text = normalise_text(text)
    try:
        check_text(text, settings.max_chars, what="'text'")
    except InputError as exc:
        raise _line_error(path, number, exc.reason) from exc
    raw_date = obj.get("date")
    if raw_date is None:
        if story_date is None:
            raise _line_error(path, number, "no story date: add a 'date' field (YYYY-MM-DD) "
                              "or give --story-date")
        day = story_date
    elif not isinstance(raw_date, str):
        raise _line_error(path, number, f"invalid 'date' {raw_date!r}: expected YYYY-MM-DD")
    else:
        try:
            day = parse_day(raw_date, where="'date'")
        except InputError as exc:
            raise _line_error(path, number, exc.reason) from exc
    extra: dict[str, str | None] = {}
    for key in _OPTIONAL:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise _line_error(path, number, f"'{key}' must be a string or null")
        extra[key] = (normalise_text(value).strip() or None) if value is not None else None
    log.debug("%s: document %s", where, raw_id)
    return Document(id=str(raw_id).strip(), text=text, story_date=day, url=extra["url"],
                    title=extra["title"], source=extra["source"], path=str(path))


def parse_jsonl(text: str, path: Path, *, settings: Settings,
                story_date: dt.date | None = None) -> Iterator[Document | InputError]:
    """Each good line's :class:`Document`, then an :class:`InputError` per bad line.

    Blank lines are skipped. An error names the file and the line number.
    """
    errors: list[InputError] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(_line_error(path, number, f"malformed JSON: {exc.msg} "
                                      f"(column {exc.colno})"))
            continue
        except (RecursionError, ValueError) as exc:
            errors.append(_line_error(path, number, f"malformed JSON: {exc}"))
            continue
        try:
            yield _document(obj, path, number, settings, story_date)
        except InputError as exc:
            errors.append(exc)
    yield from errors
