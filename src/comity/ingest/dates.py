"""Story dates for ingest: the `` date YYYY-MM-DD`` first line, dates in file names, and
ISO / RFC 822 date strings from JSON Lines and feeds."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass
from pathlib import Path

from comity.errors import InputError

#: the first line of the seed format: " date 2025-01-20 rest of line (caption)"
_DATE_LINE = re.compile(r"\A[ \t]?date[ \t]+(\S+)")
_ISO_DAY = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})\Z")
#: a date in a file name: 2025-01-20_x, 20250120-x, x_2025_01_20 (not inside longer digits)
_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})([-_.]?)(\d{2})\2(\d{2})(?!\d)")
_FOLLOWING_SPACE = re.compile(r"\s*")


@dataclass(frozen=True)
class DateLine:
    """What the `` date YYYY-MM-DD`` first line gives."""

    day: dt.date
    #: offset just after the date token and the white space that follows
    body_start: int
    #: the rest of the first line (a title or photo caption), or None
    title: str | None


def parse_day(value: str, path: Path | str | None = None, where: str = "date") -> dt.date:
    """A ``YYYY-MM-DD`` string as a date; :class:`InputError` naming ``where`` if invalid."""
    match = _ISO_DAY.match(value.strip())
    if not match:
        raise InputError(f"invalid {where} {value[:40]!r}: expected YYYY-MM-DD", path)
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError as exc:
        raise InputError(f"invalid {where} {value[:40]!r}: {exc}", path) from exc


def parse_date_line(text: str, path: Path | str | None = None) -> DateLine | None:
    """The date line at the start of ``text``, or None when the text has none.

    A first line that starts `` date`` but has a malformed or impossible date is an
    :class:`InputError` rather than silently ignored.
    """
    match = _DATE_LINE.match(text)
    if not match:
        return None
    day = parse_day(match[1], path, where="date line")
    space = _FOLLOWING_SPACE.match(text, match.end())
    body_start = space.end() if space else match.end()
    line_end = text.find("\n", match.end())
    rest = text[match.end():] if line_end < 0 else text[match.end():line_end]
    title = rest.strip() or None
    return DateLine(day=day, body_start=body_start, title=title)


def date_from_name(name: str) -> dt.date | None:
    """A date in a file name (``2025-01-20_x.txt``, ``20250120-x.txt``), else None."""
    for match in _NAME_DATE.finditer(name):
        try:
            return dt.date(int(match[1]), int(match[3]), int(match[4]))
        except ValueError:
            continue
    return None


def parse_feed_date(value: str | None) -> dt.date | None:
    """The calendar day of a feed date string (RFC 822 or ISO 8601), in its own time zone.

    Returns None when the string is missing or unparseable.
    """
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
