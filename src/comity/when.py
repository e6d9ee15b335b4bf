"""Date expressions in news text, resolved against the story date.

:func:`find_dates` returns every date expression of a text, in order, as
:class:`DateMention` records: absolute dates ("February 6, 2025", "21 February",
"2025-02-21", "March 2025", "in 2023"), dates relative to the story date ("on Friday",
"yesterday", "last week", "in March", "on the 6th") and anaphoric references to the date of
the previous event ("earlier the same day", "the following day"). The rules are documented
in ``docs/dates-and-places.md``. Nothing here raises on odd input: an expression that cannot
be resolved (an impossible day, a story date at the edge of the calendar) gets ``date=None``.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from datetime import date

from comity.errors import DateError

log = logging.getLogger(__name__)

__all__ = ["DateMention", "find_dates", "parse_iso_date"]

PRECISIONS = ("day", "week", "month", "year")


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text.

    ``start``/``end`` are character offsets in the text passed to :func:`find_dates` and
    ``text`` is ``text[start:end]``. ``date`` is the resolved day (for precision week: the
    Monday of that week; month: the first of the month; year: January 1), or None when the
    expression is anaphoric or cannot be resolved. ``anaphoric`` expressions refer to the
    date of the previous event in the article, shifted by ``offset`` days ("the following
    day": +1). ``relative`` expressions were resolved against the story date.
    """

    start: int
    end: int
    text: str
    date: date | None
    precision: str
    anaphoric: bool = False
    relative: bool = False
    #: days to add to the previous event's date (anaphoric mentions only)
    offset: int = 0


_ISO_DAY = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})\Z")


def parse_iso_date(value: str) -> date:
    """A ``YYYY-MM-DD`` string (surrounding spaces allowed) as a date.

    Raises :class:`~comity.errors.DateError` naming the value when it is not of that form or
    is not a real day.
    """
    if not isinstance(value, str):
        raise DateError(f"expected a YYYY-MM-DD string, got {type(value).__name__}")
    match = _ISO_DAY.match(value.strip())
    if not match:
        raise DateError(f"invalid date {value[:40]!r}: expected YYYY-MM-DD, e.g. 2025-02-21")
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError as exc:
        raise DateError(f"invalid date {value[:40]!r}: {exc}") from exc


# --------------------------------------------------------------------------- vocabulary

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}


def _capitalised(words: list[str]) -> str:
    """Alternation of words with a capital first letter, the rest in any case."""
    return "|".join(f"{w[0].upper()}(?i:{w[1:]})" for w in sorted(words, key=len, reverse=True))


_FULL_MONTH = _capitalised([m for m in _MONTHS if len(m) > 4 or m in ("may", "june", "july")])
# abbreviations take an optional dot; "May" is both a full name and its own abbreviation
_MONTH = rf"(?:{_capitalised(list(_MONTHS))})(?![^\W\d_])\.?"
_WEEKDAY = rf"(?:{_capitalised(list(_WEEKDAYS))})"
_PART = r"(?i:morning|afternoon|evening|night)"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_ON = r"(?:(?i:on|in|by|since|until|from|before|after|through)\s+)?"
_NOT_WORD_BEFORE = r"(?<![\w-])"
_NOT_WORD_AFTER = r"(?![\w-])"

# Each pattern names its groups; the kind decides how it is resolved. Order = priority for
# candidates of equal span.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern)) for kind, pattern in (
        ("iso", rf"(?<![\w-]){_ON}(?<![\d-])(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?![\d-])"),
        # [on] [the morning of] [Friday,] February 6[,] [2025] [morning]
        ("mdy", rf"{_NOT_WORD_BEFORE}{_ON}(?:(?i:the)\s+{_PART}\s+(?i:of)\s+)?"
                rf"(?:{_WEEKDAY},?\s+)?(?:(?i:the)\s+)?(?P<mon>{_MONTH})\s+(?P<d>{_DAYNUM})"
                rf"(?:\s*(?:[-–]|(?i:to|and)\s)\s*{_DAYNUM})?"  # ranges: Nov. 10-13
                rf"(?:,?\s+(?P<y>{_YEAR})(?!\d))?(?:\s+{_PART})?{_NOT_WORD_AFTER}"),
        # [on] [Friday,] 6 February [2025] / the 6th of February
        ("dmy", rf"{_NOT_WORD_BEFORE}{_ON}(?:(?i:the)\s+{_PART}\s+(?i:of)\s+)?"
                rf"(?:{_WEEKDAY},?\s+)?(?:(?i:the)\s+)?(?P<d>{_DAYNUM})"
                rf"(?:\s*(?:[-–]|(?i:to|and)\s)\s*{_DAYNUM})?\s+(?:(?i:of)\s+)?"
                rf"(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR})(?!\d))?{_NOT_WORD_AFTER}"),
        # March 2025, [in] [early|mid-|late] March 2025
        ("my", rf"{_NOT_WORD_BEFORE}(?:(?i:in|during|since|until|by)\s+)?"
               rf"(?:(?i:early|late|mid)(?:-|\s+))?(?P<mon>{_MONTH})\s+(?P<y>{_YEAR})(?!\d)"),
        # in March last year / in June next year / last March this year
        ("myrel", rf"{_NOT_WORD_BEFORE}(?:(?i:in|during|since|until|by|from|before|after)\s+"
                  rf"(?:(?i:early|late|mid)(?:-|\s+))?)?(?P<mon>{_FULL_MONTH})\s+"
                  rf"(?P<rel>(?i:last|next|this))\s+(?i:year){_NOT_WORD_AFTER}"),
        # in March / since early March / last March / next March / mid-March
        ("month", rf"{_NOT_WORD_BEFORE}(?:(?P<rel>(?i:last|next|this))\s+"
                  rf"|(?i:in|during|since|until|by|from|before|after)\s+"
                  rf"(?:(?i:early|late|mid)(?:-|\s+))?|(?i:early|late|mid)(?:-|\s+))"
                  rf"(?P<mon>{_FULL_MONTH}){_NOT_WORD_AFTER}"),
        # in 2023 / since 2023 / in early 2023 / during 2023
        ("year", rf"{_NOT_WORD_BEFORE}(?i:in|during|since|until|by|before|after|throughout)"
                 rf"\s+(?:(?i:early|late|mid)(?:-|\s+))?(?P<y>{_YEAR})(?![\d-]|\s*[%$])"),
        # [on] [last|next|this] Friday [morning]
        ("weekday", rf"{_NOT_WORD_BEFORE}(?:(?P<rel>(?i:last|next|this))\s+"
                    rf"|(?:(?i:on|late|early)\s+))?(?P<wd>{_WEEKDAY}){_NOT_WORD_AFTER}"
                    rf"(?:\s+{_PART})?"),
        ("deictic", rf"{_NOT_WORD_BEFORE}(?P<w>(?i:yesterday|today|tomorrow|tonight)"
                    rf"|(?i:this)\s+{_PART}|(?i:last)\s+(?i:night))"
                    rf"(?:\s+{_PART})?{_NOT_WORD_AFTER}"),
        ("period", rf"{_NOT_WORD_BEFORE}(?:(?i:earlier|later)\s+)?(?:(?i:in|during)\s+)?"
                   rf"(?P<rel>(?i:last|next|this|the\s+past|the\s+coming))\s+"
                   rf"(?P<unit>(?i:week|month|year)){_NOT_WORD_AFTER}"),
        ("ago", rf"{_NOT_WORD_BEFORE}(?P<n>\d{{1,2}}|(?i:one|two|three|four|five|six|seven|"
                rf"a))\s+(?P<unit>(?i:days?|weeks?))\s+(?P<dir>(?i:ago|earlier|later))"
                rf"{_NOT_WORD_AFTER}"),
        ("yearsago", rf"{_NOT_WORD_BEFORE}(?P<n>\d{{1,2}}|(?i:one|two|three|four|five|six|"
                     rf"seven|a))\s+(?P<unit>(?i:months?|years?))\s+(?i:ago)"
                     rf"{_NOT_WORD_AFTER}"),
        ("nth", rf"{_NOT_WORD_BEFORE}(?i:on)\s+(?i:the)\s+(?P<d>{_DAYNUM})"
                rf"(?=\s*(?:[,.;:)]|$)|\s+(?:of\s+(?:this|the)\s+month|at|in|and|when|with|"
                rf"morning|afternoon|evening|night)\b)"),
        ("same", rf"{_NOT_WORD_BEFORE}(?:(?i:earlier|later)\s+)?(?:(?i:on|in)\s+)?"
                 rf"(?:(?i:the\s+same|that)\s+(?P<w>day|morning|afternoon|evening|night))"
                 rf"{_NOT_WORD_AFTER}"),
        ("shift", rf"{_NOT_WORD_BEFORE}(?:(?i:on)\s+)?(?:(?i:the)\s+(?P<w>following|next|"
                  rf"previous|preceding)\s+day|(?i:the)\s+day\s+(?P<w2>before|after)"
                  rf"|(?P<w3>a)\s+day\s+(?P<w4>later|earlier))(?![\w-]|\s+(?i:of)\b)"),
    )
)

_NAME_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


# --------------------------------------------------------------------------- resolution


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _shift(day: date, days: int) -> date | None:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def _nearest_year(month: int, day: int, story: date) -> date | None:
    """The day/month in the year that puts it nearest the story date."""
    best: date | None = None
    for year in (story.year - 1, story.year, story.year + 1):
        cand = _safe_date(year, month, day)
        if cand is None:
            continue
        if best is None or abs((cand - story).days) < abs((best - story).days):
            best = cand
    return best


def _month_year(month: int, story: date, future: bool, rel: str | None) -> date | None:
    """First of ``month`` in the most recent past (or next future) such month."""
    year = story.year
    if rel == "last" or (rel is None and not future):
        if month > story.month or (rel == "last" and month == story.month):
            year -= 1
    elif rel == "next" or (rel is None and future):
        if month < story.month or (rel == "next" and month == story.month):
            year += 1
    return _safe_date(year, month, 1)


def _weekday(wd: int, story: date, future: bool, rel: str | None) -> date | None:
    back = (story.weekday() - wd) % 7
    ahead = (wd - story.weekday()) % 7
    if rel == "last":
        return _shift(story, -(back or 7))
    if rel == "next":
        return _shift(story, ahead or 7)
    return _shift(story, ahead) if future else _shift(story, -back)


def _monday(day: date) -> date | None:
    return _shift(day, -day.weekday())


def _resolve(kind: str, m: re.Match[str], story: date | None,
             future: bool) -> tuple[date | None, str, bool, bool, int] | None:
    """(date, precision, anaphoric, relative, offset) for a match, or None to drop it."""
    g = m.groupdict()
    if kind == "iso":
        day = _safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
        return None if day is None else (day, "day", False, False, 0)
    if kind in ("mdy", "dmy"):
        month = _MONTHS[g["mon"].rstrip(".").lower()]
        dnum = int(re.sub(r"\D", "", g["d"]))
        if g.get("y"):
            day = _safe_date(int(g["y"]), month, dnum)
            return None if day is None else (day, "day", False, False, 0)
        if _safe_date(2000, month, dnum) is None:  # Feb 30: not a date
            return None
        return (_nearest_year(month, dnum, story) if story else None), "day", False, False, 0
    if kind == "my":
        month = _MONTHS[g["mon"].rstrip(".").lower()]
        return _safe_date(int(g["y"]), month, 1), "month", False, False, 0
    if kind == "myrel":
        month = _MONTHS[g["mon"].lower()]
        step = {"last": -1, "next": 1}.get(g["rel"].lower(), 0)
        return ((_safe_date(story.year + step, month, 1) if story else None),
                "month", False, True, 0)
    if kind == "yearsago":
        raw = g["n"].lower()
        n = int(raw) if raw.isdigit() else _NUMBERS[raw]
        if story is None:
            return None, "year", False, True, 0
        if g["unit"].lower().startswith("year"):
            return _safe_date(story.year - n, 1, 1), "year", False, True, 0
        total = story.year * 12 + story.month - 1 - n
        return _safe_date(total // 12, total % 12 + 1, 1), "month", False, True, 0
    if kind == "month":
        month = _MONTHS[g["mon"].lower()]
        rel = g["rel"].lower() if g.get("rel") else None
        if rel == "this":
            rel = None
        return ((_month_year(month, story, future, rel) if story else None),
                "month", False, True, 0)
    if kind == "year":
        return _safe_date(int(g["y"]), 1, 1), "year", False, False, 0
    if kind == "weekday":
        if m.start("wd") == m.start() and _NAME_AFTER.match(m.string, m.end()):
            return None  # "Sunday Times", "Friday Prayers": part of a name
        rel = g["rel"].lower() if g.get("rel") else None
        wd = _WEEKDAYS[g["wd"].lower()]
        if rel == "this":
            rel = None
        return ((_weekday(wd, story, future, rel) if story else None), "day", False, True, 0)
    if kind == "deictic":
        word = g["w"].lower()
        delta = -1 if word.startswith(("yesterday", "last")) else (
            1 if word == "tomorrow" else 0)
        return ((_shift(story, delta) if story else None), "day", False, True, 0)
    if kind == "period":
        rel = re.sub(r"\s+", " ", g["rel"].lower())
        unit = g["unit"].lower()
        step = {"last": -1, "the past": -1, "next": 1, "the coming": 1}.get(rel, 0)
        if story is None:
            return None, unit, False, True, 0
        if unit == "week":
            monday = _monday(story)
            return ((_shift(monday, 7 * step) if monday else None), "week", False, True, 0)
        if unit == "month":
            total = story.year * 12 + story.month - 1 + step
            return _safe_date(total // 12, total % 12 + 1, 1), "month", False, True, 0
        return _safe_date(story.year + step, 1, 1), "year", False, True, 0
    if kind == "ago":
        raw = g["n"].lower()
        n = int(raw) if raw.isdigit() else _NUMBERS[raw]
        unit = 7 if g["unit"].lower().startswith("week") else 1
        direction = g["dir"].lower()
        if direction == "ago":
            return ((_shift(story, -n * unit) if story else None), "day", False, True, 0)
        # "two days later" / "a week earlier": relative to the previous event
        sign = 1 if direction == "later" else -1
        return None, "day", True, False, sign * n * unit
    if kind == "nth":
        dnum = int(re.sub(r"\D", "", g["d"]))
        if story is None:
            return None, "day", False, True, 0
        return _safe_date(story.year, story.month, dnum), "day", False, True, 0
    if kind == "same":
        return None, "day", True, False, 0
    if kind == "shift":
        word = (g.get("w") or g.get("w2") or g.get("w4") or "").lower()
        offset = 1 if word in ("following", "next", "after", "later") else -1
        return None, "day", True, False, offset
    return None  # pragma: no cover - every kind is handled above


def find_dates(text: str, story_date: date | None, *, future: bool = False
               ) -> list[DateMention]:
    """Every date expression in ``text``, in order, resolved against ``story_date``.

    Weekdays resolve to the most recent such day on or before the story date, or with
    ``future=True`` the next one on or after it. Month names without a year ("in March")
    resolve to the most recent past such month (the next one with ``future``); days
    without a year ("February 6") to the year nearest the story date. Without a story date,
    relative expressions and yearless days have ``date=None``. Overlapping candidates keep
    the longest. Slash dates ("6/2") are ambiguous and ignored, as are bare years inside
    names ("Vision 2030") and ordinals that are not days ("the 14th Congress").
    """
    if not isinstance(text, str) or not text:
        return []
    candidates: list[tuple[int, int, int, str, re.Match[str]]] = []
    for priority, (kind, pattern) in enumerate(_PATTERNS):
        for m in pattern.finditer(text):
            if m.end() > m.start():
                candidates.append((m.start(), -(m.end() - m.start()), priority, kind, m))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    # longest first, so a short match inside a longer one never wins
    for start, neglen, _prio, kind, m in sorted(candidates, key=lambda c: (c[1], c[0], c[2])):
        end = start - neglen
        if any(start < e and s < end for s, e in taken):
            continue
        resolved = _resolve(kind, m, story_date, future)
        if resolved is None:
            continue
        day, precision, anaphoric, relative, offset = resolved
        taken.append((start, end))
        out.append(DateMention(start=start, end=end, text=text[start:end], date=day,
                               precision=precision, anaphoric=anaphoric, relative=relative,
                               offset=offset))
    out.sort(key=lambda d: d.start)
    return out
