"""Sessions of the distributed merge reproduce comity.dedup.merge_events exactly."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comity.dedup import merge_events
from comity.model import Event
from comity.spark import blocking
from comity.spark.schema import EVENT_SCHEMA, event_from_row, event_row
from tests.spark.factories import make_event

D0 = dt.date(2025, 3, 1)


def _spark_like(events: list[Event], window: int) -> list[Event]:
    """What the Spark job computes: key, sort by (block, start, id), merge per session."""
    keyed = sorted(((blocking.event_key(e), e) for e in events), key=blocking.sort_key)
    return sorted(blocking.merge_sorted(keyed, window), key=lambda e: e.id)


def _by_id(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: e.id)


def _day(n: int | None) -> dt.date | None:
    return None if n is None else D0 + dt.timedelta(days=n)


@pytest.mark.parametrize(("days", "window", "expected_sessions"), [
    ([0, 1], 1, [[0, 1]]),             # within the window: one session
    ([0, 2], 1, [[0], [2]]),           # two days apart, window 1: cut
    ([0, 1, 2, 3], 1, [[0, 1, 2, 3]]),  # a chain across calendar edges stays whole
    ([0, 3], 3, [[0, 3]]),             # the window is inclusive
    ([30, 31], 1, [[30, 31]]),         # month edge (Mar 31 - Apr 1)
])
def test_sessions_cut_only_beyond_the_window(days: list[int], window: int,
                                             expected_sessions: list[list[int]]) -> None:
    events = [make_event(i, "VNM", "KHM", _day(d)) for i, d in enumerate(days)]
    keyed = sorted(((blocking.event_key(e), e) for e in events), key=blocking.sort_key)
    got = [[(e.date - D0).days for e in s if e.date] for s in blocking.sessions(keyed, window)]
    assert got == expected_sessions


def test_sessions_keep_a_plan_with_its_later_fulfilment() -> None:
    plan = make_event(1, "VNM", "KHM", _day(0), status="planned")
    visit = make_event(2, "VNM", "KHM", _day(200))
    keyed = sorted(((blocking.event_key(e), e) for e in (plan, visit)), key=blocking.sort_key)
    assert [len(s) for s in blocking.sessions(keyed, 1)] == [2]
    merged = {e.id: e for e in _spark_like([plan, visit], 1)}
    assert merged["ev-2"].links == ("ev-1",)


def test_sessions_separate_blocks() -> None:
    a = make_event(1, "VNM", "KHM", _day(0))
    b = make_event(2, "FRA", "JPN", _day(0))
    keyed = sorted(((blocking.event_key(e), e) for e in (a, b)), key=blocking.sort_key)
    assert sorted(len(s) for s in blocking.sessions(keyed, 1)) == [1, 1]


def test_event_key_spans_date_and_story_date() -> None:
    event = dataclasses.replace(make_event(1, "VNM", "KHM", _day(5)), story_date=_day(9))
    key = blocking.event_key(event)
    assert (key.start, key.end) == (_day(5).toordinal(), _day(9).toordinal())  # type: ignore[union-attr]
    assert key.block == "KHM|VNM"


def test_undated_event_story_date_merges_with_dated_event_story() -> None:
    # dated (date day 0, story day 9) and undated (story day 9) compare by story dates
    a = dataclasses.replace(make_event(1, "VNM", "KHM", _day(0), doc="a"), story_date=_day(9))
    b = dataclasses.replace(make_event(2, "VNM", "KHM", None, doc="b"), story_date=_day(9))
    events = [a, b, make_event(3, "VNM", "KHM", _day(4))]
    assert _spark_like(events, 1) == _by_id(merge_events(events, window_days=1))
    assert len(merge_events(events, window_days=1)) == 2


_event = st.builds(
    lambda n, pair, date, story, type_, status, sym: dataclasses.replace(
        make_event(n, pair[0], pair[1], _day(date), type_=type_, status=status),
        story_date=_day(story), symmetric=sym,
        cameo="036" if type_ == "AGREE" else ("040" if type_ == "CONSULT" else "057")),
    st.integers(0, 10_000),
    st.sampled_from([("VNM", "KHM"), ("KHM", "VNM"), ("FRA", "JPN"), ("VNM", "FRA")]),
    st.one_of(st.none(), st.integers(0, 400)),
    st.one_of(st.none(), st.integers(0, 400)),
    st.sampled_from(["CONSULT", "AGREE", "COOPERATE"]),
    st.sampled_from(["occurred", "planned"]),
    st.booleans(),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_event, max_size=30, unique_by=lambda e: e.id), st.integers(0, 3))
def test_merge_sorted_equals_merge_events(events: list[Event], window: int) -> None:
    assert _spark_like(events, window) == _by_id(merge_events(events, window_days=window))


def test_merge_fn_merges_sorted_keyed_batches() -> None:
    events = [make_event(1, "VNM", "KHM", _day(0), doc="a", source="vna"),
              make_event(2, "KHM", "VNM", _day(1), doc="b", source="akp"),
              make_event(3, "FRA", "JPN", _day(0))]
    batch = pa.RecordBatch.from_pylist([event_row(e) for e in events], schema=EVENT_SCHEMA)
    keyed = pa.Table.from_batches(list(blocking.keyed_batches([batch])))
    keyed = keyed.sort_by([("_block", "ascending"), ("_start", "ascending"),
                           ("id", "ascending")])
    out = [event_from_row(r) for b in blocking.merge_fn(1)(iter(keyed.to_batches()))
           for r in b.to_pylist()]
    assert _by_id(out) == _by_id(merge_events(events, window_days=1))
    assert sorted(e.num_sources for e in out) == [1, 2]
