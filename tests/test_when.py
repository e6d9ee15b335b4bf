"""Tests for comity.when: date expressions resolved against the story date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comity.errors import ComityError, DateError
from comity.when import DateMention, find_dates, parse_iso_date

FRI = date(2026, 2, 6)  # a Friday
MON = date(2025, 1, 20)  # a Monday
JAN2 = date(2026, 1, 2)  # a Friday just after New Year
DEC30 = date(2025, 12, 30)  # a Tuesday just before New Year

# (text, story date, future, expected mention text, date, precision, relative)
CASES = [
    # absolute days
    ("They met on February 6.", FRI, False, "on February 6", date(2026, 2, 6), "day", False),
    ("He left on Feb. 6 for Laos.", FRI, False, "on Feb. 6", date(2026, 2, 6), "day", False),
    ("Feb 6 morning talks", FRI, False, "Feb 6 morning", date(2026, 2, 6), "day", False),
    ("signed February 6, 2025 in Hanoi", FRI, False, "February 6, 2025", date(2025, 2, 6),
     "day", False),
    ("held on 21 February 2025.", FRI, False, "on 21 February 2025", date(2025, 2, 21),
     "day", False),
    ("held 6 February at noon", FRI, False, "6 February", date(2026, 2, 6), "day", False),
    ("dated 2025-02-21.", FRI, False, "2025-02-21", date(2025, 2, 21), "day", False),
    ("on the morning of February 6 the", FRI, False, "on the morning of February 6",
     date(2026, 2, 6), "day", False),
    ("on Friday, February 6, the", FRI, False, "on Friday, February 6", date(2026, 2, 6),
     "day", False),
    ("on the 6th of February", FRI, False, "on the 6th of February", date(2026, 2, 6),
     "day", False),
    ("SEPTEMBER 2 holiday", FRI, False, "SEPTEMBER 2", date(2025, 9, 2), "day", False),
    ("since March 3, 2024,", FRI, False, "since March 3, 2024", date(2024, 3, 3), "day",
     False),
    # ranges: the first day
    ("a state visit from Nov. 10-13.", FRI, False, "from Nov. 10-13", date(2025, 11, 10),
     "day", False),
    ("an official visit from 3 to 5 March", FRI, False, "from 3 to 5 March",
     date(2026, 3, 3), "day", False),
    ("held on 6-7 February 2025", FRI, False, "on 6-7 February 2025", date(2025, 2, 6),
     "day", False),
    # year inference around New Year (no year given: the nearest year)
    ("arrived on Dec 30", JAN2, False, "on Dec 30", date(2025, 12, 30), "day", False),
    ("arrived on January 3", DEC30, False, "on January 3", date(2026, 1, 3), "day", False),
    ("back on December 31", DEC30, False, "on December 31", date(2025, 12, 31), "day",
     False),
    ("talks on July 1", JAN2, False, "on July 1", date(2026, 7, 1), "day", False),
    ("talks on August 1", JAN2, False, "on August 1", date(2025, 8, 1), "day", False),
    # weekdays: past by default, future when asked
    ("in Phnom Penh on Friday.", FRI, False, "on Friday", date(2026, 2, 6), "day", True),
    ("in Hanoi on Monday.", FRI, False, "on Monday", date(2026, 2, 2), "day", True),
    ("in Hanoi on Monday.", FRI, True, "on Monday", date(2026, 2, 9), "day", True),
    ("will fly on Friday", FRI, True, "on Friday", date(2026, 2, 6), "day", True),
    ("received on Monday", MON, False, "on Monday", date(2025, 1, 20), "day", True),
    ("on Sunday", MON, False, "on Sunday", date(2025, 1, 19), "day", True),
    ("last Friday", FRI, False, "last Friday", date(2026, 1, 30), "day", True),
    ("next Friday", FRI, False, "next Friday", date(2026, 2, 13), "day", True),
    ("Thursday evening talks", FRI, False, "Thursday evening", date(2026, 2, 5), "day",
     True),
    ("On Tuesday Hun Sen met", MON, False, "On Tuesday", date(2025, 1, 14), "day", True),
    ("Saturday, Jan 3, 2026", JAN2, False, "Saturday, Jan 3, 2026", date(2026, 1, 3),
     "day", False),
    # deictic
    ("said yesterday", FRI, False, "yesterday", date(2026, 2, 5), "day", True),
    ("Today, the two", FRI, False, "Today", date(2026, 2, 6), "day", True),
    ("will meet tomorrow.", DEC30, False, "tomorrow", date(2025, 12, 31), "day", True),
    ("met last night", JAN2, False, "last night", date(2026, 1, 1), "day", True),
    ("three days ago", FRI, False, "three days ago", date(2026, 2, 3), "day", True),
    # weeks, months, years
    ("last week", FRI, False, "last week", date(2026, 1, 26), "week", True),
    ("earlier this week", FRI, False, "earlier this week", date(2026, 2, 2), "week", True),
    ("next week", DEC30, False, "next week", date(2026, 1, 5), "week", True),
    ("last month", JAN2, False, "last month", date(2025, 12, 1), "month", True),
    ("next month", DEC30, False, "next month", date(2026, 1, 1), "month", True),
    ("in March", FRI, False, "in March", date(2025, 3, 1), "month", True),
    ("in March", FRI, True, "in March", date(2026, 3, 1), "month", True),
    ("in January", JAN2, False, "in January", date(2026, 1, 1), "month", True),
    ("in December", JAN2, True, "in December", date(2026, 12, 1), "month", True),
    ("in mid-March 2025", FRI, False, "in mid-March 2025", date(2025, 3, 1), "month", False),
    ("by May 2027", FRI, False, "by May 2027", date(2027, 5, 1), "month", False),
    ("in 2023", FRI, False, "in 2023", date(2023, 1, 1), "year", False),
    ("since early 2024,", FRI, False, "since early 2024", date(2024, 1, 1), "year", False),
    ("last year", FRI, False, "last year", date(2025, 1, 1), "year", True),
    # day of the story month
    ("arrived on the 6th.", FRI, False, "on the 6th", date(2026, 2, 6), "day", True),
    ("on the 2nd at noon", FRI, False, "on the 2nd", date(2026, 2, 2), "day", True),
    # no story date: relative and yearless expressions stay unresolved
    ("on Friday", None, False, "on Friday", None, "day", True),
    ("yesterday", None, False, "yesterday", None, "day", True),
    ("last week", None, False, "last week", None, "week", True),
    ("in March", None, False, "in March", None, "month", True),
    ("on February 6", None, False, "on February 6", None, "day", False),
    ("on February 6, 2026", None, False, "on February 6, 2026", date(2026, 2, 6), "day",
     False),
    ("in 2023", None, False, "in 2023", date(2023, 1, 1), "year", False),
]


@pytest.mark.parametrize(("text", "story", "future", "words", "day", "precision", "relative"),
                         CASES)
def test_find_dates_resolves(text: str, story: date | None, future: bool, words: str,
                             day: date | None, precision: str, relative: bool) -> None:
    found = find_dates(text, story, future=future)
    assert len(found) == 1, found
    m = found[0]
    assert (m.text, m.date, m.precision, m.relative, m.anaphoric) == (
        words, day, precision, relative, False)
    assert text[m.start:m.end] == m.text


# (text, expected words, offset)
ANAPHORIC = [
    ("at the Royal Palace earlier the same day.", "earlier the same day", 0),
    ("signed on the same day", "on the same day", 0),
    ("later that day, he", "later that day", 0),
    ("That evening the two", "That evening", 0),
    ("the same morning", "the same morning", 0),
    ("met again the following day", "the following day", 1),
    ("on the next day", "on the next day", 1),
    ("the day before, Lam", "the day before", -1),
    ("two days later", "two days later", 2),
]


@pytest.mark.parametrize(("text", "words", "offset"), ANAPHORIC)
def test_find_dates_anaphoric(text: str, words: str, offset: int) -> None:
    found = find_dates(text, FRI)
    assert [(m.text, m.date, m.anaphoric, m.offset) for m in found] == [
        (words, None, True, offset)]


NOT_DATES = [
    "Vision 2030 sets the goals",
    "the 2030 Agenda for Sustainable Development",
    "a 60-year history of friendship",
    "the 14th National Party Congress",
    "on the 75th anniversary of ties",
    "6/2 was a good day",
    "Please share 12/25 results",
    "May I say a word",
    "They march to the square",
    "the Sunday Times reported",
    "for three days",
    "page 2025-1",
    "February 30 is no day",
    "2025-02-30 is no day",
    "a five-year plan",
    "1,500 people in 2,000 vehicles",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_find_dates_ignores_non_dates(text: str) -> None:
    assert find_dates(text, FRI) == []


def test_find_dates_many_in_order() -> None:
    text = ("Lam arrived on Thursday. On February 6 he met Hun Sen, after the welcome "
            "ceremony earlier the same day; they last met in March 2025 and in 2023.")
    found = find_dates(text, FRI)
    assert [m.text for m in found] == ["on Thursday", "On February 6",
                                       "earlier the same day", "in March 2025", "in 2023"]
    assert [m.date for m in found] == [date(2026, 2, 5), date(2026, 2, 6), None,
                                       date(2025, 3, 1), date(2023, 1, 1)]
    assert all(text[m.start:m.end] == m.text for m in found)


def test_find_dates_edge_of_calendar_gives_none() -> None:
    found = find_dates("on Monday and yesterday and next week", date(1, 1, 1))
    assert [m.text for m in found] == ["on Monday", "yesterday", "next week"]
    assert all(isinstance(m, DateMention) for m in found)
    assert found[1].date is None


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-02-21", date(2025, 2, 21)),
    (" 2026-02-06\n", date(2026, 2, 6)),
    ("2024-02-29", date(2024, 2, 29)),
])
def test_parse_iso_date_valid(value: str, expected: date) -> None:
    assert parse_iso_date(value) == expected


@pytest.mark.parametrize(("value", "message"), [
    ("2025-02-30", "day is out of range"),
    ("2025-13-01", "month must be in 1..12"),
    ("21/02/2025", "expected YYYY-MM-DD"),
    ("20250221", "expected YYYY-MM-DD"),
    ("", "expected YYYY-MM-DD"),
    ("yesterday", "expected YYYY-MM-DD"),
])
def test_parse_iso_date_invalid_raises(value: str, message: str) -> None:
    with pytest.raises(DateError, match=message):
        parse_iso_date(value)


_WORDS = st.sampled_from([
    "on", "the", "same", "day", "Friday", "February", "Feb.", "6", "31st", "2025", "-",
    "in", "March", "last", "next", "week", "yesterday", "of", "morning", ",", "2025-02-30",
    "9999-12-31", "0001-01-01", "ago", "two", "days", "later", "May", "\n", "the 6th",
])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(_WORDS).map(" ".join)),
       st.one_of(st.none(), st.dates()), st.booleans())
def test_find_dates_never_raises(text: str, story: date | None, future: bool) -> None:
    try:
        found = find_dates(text, story, future=future)
    except ComityError:
        return
    for m in found:
        assert text[m.start:m.end] == m.text
        assert m.precision in {"day", "week", "month", "year"}


def test_find_dates_seed_event_dates(seeds_dir: Path) -> None:
    """Every gold event date of the seed articles is among the dates found in its body."""
    import json

    gold = json.loads((seeds_dir / "gold.json").read_text(encoding="utf-8"))
    for article in gold:
        text = (seeds_dir / article["file"]).read_text(encoding="utf-8")
        body = text[text.index(article["story_date"]) + 10:]  # after the date line
        story = parse_iso_date(article["story_date"])
        days = {m.date for m in find_dates(body, story)}
        for event in article["events"]:
            if event["date"]:
                assert parse_iso_date(event["date"]) in days, article["file"]


def test_find_dates_devset_event_dates() -> None:
    """The gold dates of the development set's own events are among the dates found (the
    future reading for planned events)."""
    import json

    folder = Path(__file__).parent / "devset"
    if not (folder / "gold.json").is_file():
        pytest.skip("tests/devset/gold.json not present")
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    total = found = 0
    for article in gold:
        path = folder / "articles" / article["file"]
        if not path.is_file():  # the set is being extended: check what is there
            continue
        text = path.read_text(encoding="utf-8")
        story = parse_iso_date(article["story_date"])
        for event in article["events"]:
            if not event.get("date") or event.get("background"):
                continue
            total += 1
            days = {m.date for m in find_dates(text, story,
                                               future=event["status"] == "planned")}
            found += parse_iso_date(event["date"]) in days
    assert total >= 20
    assert found / total >= 0.95, f"{found}/{total}"
