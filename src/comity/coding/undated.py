"""Days of events the text gives no day of, inferred after the in-article merge: a
headline's event takes the lede's day, an undated event the day of the same people's next
dated event a few sentences on, and a readout that names no day at all its story date.
Each keeps ``date_text`` null, so an inferred day can be told from one read in the text."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from comity.model import Event


def undated(events: list[Event], lede: tuple[int, dt.date] | None,
            story: dt.date | None) -> list[Event]:
    """``events`` of one article with the days of undated events that happened inferred;
    ``lede``: the index of the lede sentence and the one day it names, if any."""
    if lede is not None:
        # "Poland shoots down Russian drones" over "Poland on Wednesday shot down ...": a
        # headline tells the news of the lede's day (not a stay in a country, dated by its
        # arrival)
        events = [replace(e, date=lede[1], date_precision="day")
                  if e.status == "occurred" and e.date is None
                  and all(m.sentence < lede[0] for m in e.mentions) and not _stay(e) else e
                  for e in events]
    events = [_dated_by_next(e, events) for e in events]
    if story is not None and not any(e.date is not None and e.date_precision == "day"
                                     for e in events):
        # a readout that names no day at all ("Vladimir Putin had a telephone conversation
        # with ..."): what it tells happened on the day it was issued
        events = [replace(e, date=story, date_precision="day")
                  if e.status == "occurred" and e.date is None else e for e in events]
    return events


def _stay(e: Event) -> bool:
    """A visit to a country: dated by its arrival, which no other event tells."""
    return e.mode == "visit" and bool(e.recipient) and e.recipient[0].kind == "country"


def _persons(e: Event) -> set[str]:
    return {x.id for x in (*e.actor, *e.recipient) if x.kind == "person"}


def _dated_by_next(e: Event, events: list[Event]) -> Event:
    """An undated event told before the day of the same people's next dated event, a few
    sentences on ("X has held talks with Y. The two leaders agreed to ... X met Y at the
    palace on Saturday"), happened that day."""
    if e.date is not None or e.status != "occurred" or not e.mentions or _stay(e):
        return e
    mine, at = _persons(e), e.mentions[0].sentence
    if not mine:
        return e
    for o in events:
        if not any(at < m.sentence <= at + 3 for m in o.mentions):
            continue
        if o.status == "occurred" and o.date is not None and o.date_precision == "day" \
                and mine <= _persons(o):
            return replace(e, date=o.date, date_precision="day")
    return e
