"""Blocking for the distributed merge: which events can possibly be merged or linked.

The merge rule is :func:`comity.dedup.merge_events` (the function the event database
uses). It only merges or links events of the same :func:`comity.dedup.block_key` (the
sorted set of countries of actors and recipients), and only when they are close in time:
two events merge when their dates (or, if one is undated, their story dates) lie within
``window_days``; a planned event or invitation links to an occurred meeting at most
``FOLLOWTHROUGH_DAYS`` later. So the Spark job:

1. keys every event by its block and its **time interval**: from the earliest to the latest
   of its date and story date (:func:`event_key`);
2. partitions by block and sorts by interval start within each partition;
3. walks each partition in order keeping a **horizon**: the latest interval end seen plus
   ``window_days``, and for planned events and invitations their interval end plus
   ``FOLLOWTHROUGH_DAYS``. A **session** is cut when the block changes or the next event
   starts after the horizon (:func:`sessions`). Two events that the rule could merge or
   link are therefore always in one session, across any calendar-window edge and along
   chains; events in different sessions can be neither merged nor linked;
4. applies ``merge_events`` to each session (:func:`merge_sorted`). Events with neither a
   date nor a story date can merge with nothing and are passed through one by one.

The result is identical to ``merge_events`` over all events at once (tested, including a
property test over random events). Memory is bounded by the largest session (a run of one
block with no gap wider than the window, or than the follow-through horizon after a planned
event), not by the input size.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from comity.dedup import FOLLOWTHROUGH_DAYS, block_key, is_plan
from comity.model import Event
from comity.spark.schema import EVENT_SCHEMA, event_from_row, event_row

log = logging.getLogger(__name__)

#: the extra key columns the merge job adds before partitioning
KEYED_SCHEMA = pa.schema([*EVENT_SCHEMA, ("_block", pa.string()), ("_start", pa.int64()),
                          ("_end", pa.int64()), ("_plan", pa.bool_())])


@dataclass(frozen=True)
class EventKey:
    """Where an event sorts for the merge: its block and day interval (ordinals)."""

    block: str
    start: int | None
    end: int | None
    plan: bool


def event_key(event: Event) -> EventKey:
    """The block and the [earliest, latest] day of the event's date and story date."""
    days = [d.toordinal() for d in (event.date, event.story_date) if d is not None]
    return EventKey(block_key(event), min(days) if days else None,
                    max(days) if days else None, is_plan(event))


def keyed_batches(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """``EVENT_SCHEMA`` batches -> ``KEYED_SCHEMA`` batches (adds the key columns)."""
    for batch in batches:
        rows = batch.to_pylist()
        for row in rows:
            key = event_key(event_from_row(row))
            row.update(_block=key.block, _start=key.start, _end=key.end, _plan=key.plan)
        yield pa.RecordBatch.from_pylist(rows, schema=KEYED_SCHEMA)


def sessions(keyed: Iterable[tuple[EventKey, Event]],
             window_days: int) -> Iterator[list[Event]]:
    """Cut a stream of (key, event), sorted by block then interval start, into sessions
    (see the module doc); undated events come out alone."""
    current: list[Event] = []
    block: str | None = None
    horizon = 0
    for key, event in keyed:
        if key.start is None or key.end is None:
            yield [event]
            continue
        if current and (key.block != block or key.start > horizon):
            yield current
            current = []
        if not current:
            block, horizon = key.block, key.end + window_days
        current.append(event)
        horizon = max(horizon, key.end + window_days,
                      key.end + FOLLOWTHROUGH_DAYS if key.plan else horizon)
    if current:
        yield current


MergeFn = Callable[..., list[Event]]


def merge_sorted(keyed: Iterable[tuple[EventKey, Event]], window_days: int,
                 merge: MergeFn | None = None) -> Iterator[Event]:
    """Canonical events of a sorted keyed stream: ``merge`` (default
    :func:`comity.dedup.merge_events`) applied to each session."""
    if merge is None:
        from comity.dedup import merge_events

        merge = merge_events
    for session in sessions(keyed, window_days):
        yield from merge(session, window_days=window_days)


def sort_key(item: tuple[EventKey, Event]) -> tuple[str, int, str]:
    """The order the Spark job sorts a partition in (block, start, id); for tests."""
    key, event = item
    return key.block, key.start if key.start is not None else -1, event.id


def _keyed_rows(batches: Iterable[pa.RecordBatch]) -> Iterator[tuple[EventKey, Event]]:
    for batch in batches:
        for row in batch.to_pylist():
            key = EventKey(row["_block"], row["_start"], row["_end"], row["_plan"])
            yield key, event_from_row(row)


def merge_fn(window_days: int, *, rows_per_batch: int = 256,
             ) -> Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    """The ``mapInArrow`` function of the merge job: sorted ``KEYED_SCHEMA`` batches in,
    canonical ``EVENT_SCHEMA`` batches out."""
    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        out: list[dict[str, Any]] = []
        for event in merge_sorted(_keyed_rows(batches), window_days):
            out.append(event_row(event))
            if len(out) >= rows_per_batch:
                yield pa.RecordBatch.from_pylist(out, schema=EVENT_SCHEMA)
                out = []
        if out:
            yield pa.RecordBatch.from_pylist(out, schema=EVENT_SCHEMA)
    return run
