"""Tests of comity.ingest.dates: date lines, file-name dates, feed dates."""

from __future__ import annotations

import datetime as dt

import pytest

from comity.errors import InputError
from comity.ingest.dates import date_from_name, parse_date_line, parse_day, parse_feed_date


@pytest.mark.parametrize(("text", "day", "body_start"), [
    (" date 2025-01-20 HÀ NỘI — text", dt.date(2025, 1, 20), 17),
    (" date 2025-01-20\n\nBody here", dt.date(2025, 1, 20), 18),
    (" date 2026-02-06   Caption. Photo: VNA\n\nBody", dt.date(2026, 2, 6), 19),
    ("date 2024-02-29 leap day", dt.date(2024, 2, 29), 16),
])
def test_parse_date_line_reads_day_and_body_start(text: str, day: dt.date,
                                                  body_start: int) -> None:
    line = parse_date_line(text)
    assert line is not None
    assert line.day == day
    assert line.body_start == body_start
    assert not text[body_start].isspace()


@pytest.mark.parametrize("text", [
    "The date 2025-01-20 was a Monday.",
    "  date 2025-01-20 two leading spaces",
    "dated 2025-01-20",
    "",
])
def test_parse_date_line_none_without_date_line(text: str) -> None:
    assert parse_date_line(text) is None


@pytest.mark.parametrize(("text", "match"), [
    (" date 2025-13-01 bad month", "invalid date line '2025-13-01': month must be in 1..12"),
    (" date 2023-02-29 not a leap year", "day is out of range"),
    (" date 20/01/2025 wrong format", "expected YYYY-MM-DD"),
])
def test_parse_date_line_invalid_date_raises(text: str, match: str) -> None:
    with pytest.raises(InputError, match=match):
        parse_date_line(text, "a.txt")


@pytest.mark.parametrize(("name", "day"), [
    ("2025-01-20_x.txt", dt.date(2025, 1, 20)),
    ("20250120-x.txt", dt.date(2025, 1, 20)),
    ("vna_2026_02_06.txt", dt.date(2026, 2, 6)),
    ("report-2025.01.20.txt", dt.date(2025, 1, 20)),
    ("99920250120x.txt", None),
    ("2025-13-45_x.txt", None),
    ("2025-01_20.txt", None),
    ("article.txt", None),
    ("000_7cc9bd021e6d08e4.txt", None),
])
def test_date_from_name_cases(name: str, day: dt.date | None) -> None:
    assert date_from_name(name) == day


@pytest.mark.parametrize(("value", "day"), [
    ("Mon, 20 Jan 2025 23:30:00 +0700", dt.date(2025, 1, 20)),
    ("Mon, 20 Jan 2025 01:30:00 GMT", dt.date(2025, 1, 20)),
    ("2025-01-20T23:30:00+07:00", dt.date(2025, 1, 20)),
    ("2025-01-20T10:00:00Z", dt.date(2025, 1, 20)),
    ("2025-01-20", dt.date(2025, 1, 20)),
    ("yesterday", None),
    ("", None),
    (None, None),
])
def test_parse_feed_date_cases(value: str | None, day: dt.date | None) -> None:
    assert parse_feed_date(value) == day


@pytest.mark.parametrize("value", ["2025-1-20", "2025-02-30", "soon", "2025-01-20T10:00"])
def test_parse_day_invalid(value: str) -> None:
    with pytest.raises(InputError, match="invalid date"):
        parse_day(value)
