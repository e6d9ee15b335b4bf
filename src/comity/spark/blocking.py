"""Blocking for the distributed merge: which events can possibly be merged together.

The merge rule is :func:`comity.dedup.merge_events` (the same function the event database
uses). It only merges events whose actors resolve to the same countries on the same sides
(in either order) and whose dates lie within ``window_days`` of each other, chained. So the
Spark job:

1. keys every event by its **unordered country pair** (:func:`block_pair`) and its **day**
   (the event date, else the story date; :func:`block_day`);
2. partitions by the pair and sorts by day within each partition;
3. walks each partition in order and cuts a **block** wherever the pair changes or two
   consecutive days are more than ``window_days`` apart (:func:`blocks`). Events closer than
   the window are therefore always in one block, even across a calendar-window edge, and
   chains of close events stay together; events in different blocks are further apart
   than the window and could not have been merged;
4. applies ``merge_events`` to each block (:func:`merge_sorted`).

The result is identical to ``merge_events`` over all events at once (tested). Memory is
bounded by the largest block (the longest run of one country pair with no gap wider than
the window), not by the input. Undated events form one block per pair.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pyarrow as pa

from comity.model import Entity, Event
from comity.spark.schema import EVENT_SCHEMA, event_from_row, event_row

log = logging.getLogger(__name__)

#: the extra key columns the merge job adds before partitioning
KEYED_SCHEMA = pa.schema([*EVENT_SCHEMA, ("_pair", pa.string()), ("_day", pa.int64())])


def _side(entities: Iterable[Entity]) -> str:
    return ",".join(sorted({e.country or "" for e in entities}))


def block_pair(event: Event) -> str:
    """The unordered country pair of an event (``"KHM|VNM"``), sides sorted."""
    return "|".join(sorted((_side(event.actor), _side(event.recipient))))


def block_day(event: Event) -> int | None:
    """The day ordinal used for blocking: the event date, else the story date, else None."""
    day = event.date or event.story_date
    return day.toordinal() if day is not None else None


def keyed_batches(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """``EVENT_SCHEMA`` batches -> ``KEYED_SCHEMA`` batches (adds ``_pair`` and ``_day``)."""
    for batch in batches:
        rows = batch.to_pylist()
        for row in rows:
            event = event_from_row(row)
            row["_pair"] = block_pair(event)
            row["_day"] = block_day(event)
        yield pa.RecordBatch.from_pylist(rows, schema=KEYED_SCHEMA)


def blocks(keyed: Iterable[tuple[str, int | None, Event]],
           window_days: int) -> Iterator[list[Event]]:
    """Cut a stream of (pair, day, event), sorted by pair then day, into merge blocks."""
    current: list[Event] = []
    last_pair: str | None = None
    last_day: int | None = None
    for pair, day, event in keyed:
        same = (current and pair == last_pair
                and ((day is None and last_day is None)
                     or (day is not None and last_day is not None
                         and day - last_day <= window_days)))
        if current and not same:
            yield current
            current = []
        current.append(event)
        last_pair, last_day = pair, day
    if current:
        yield current


MergeFn = Callable[..., list[Event]]


def merge_sorted(keyed: Iterable[tuple[str, int | None, Event]], window_days: int,
                 merge: MergeFn | None = None) -> Iterator[Event]:
    """Canonical events of a sorted keyed stream: ``merge`` (default
    :func:`comity.dedup.merge_events`) applied to each block."""
    if merge is None:
        from comity.dedup import merge_events

        merge = merge_events
    for block in blocks(keyed, window_days):
        yield from merge(block, window_days=window_days)


def _keyed_rows(batches: Iterable[pa.RecordBatch]) -> Iterator[tuple[str, int | None, Event]]:
    for batch in batches:
        for row in batch.to_pylist():
            yield row["_pair"], row["_day"], event_from_row(row)


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
