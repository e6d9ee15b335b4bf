"""Tests of comity.dedup: the cross-document merging rule and follow-through links."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comity.dedup import (
    block_key,
    canonical_id,
    link_followthrough,
    merge_events,
    source_key,
)
from comity.model import Entity, Event, Mention, Place

A = Entity(id="kb:person/to-lam", name="Tô Lâm", country="VNM")
B = Entity(id="kb:person/hun-manet", name="Hun Manet", country="KHM")
C = Entity(id="kb:person/sonexay", name="Sonexay Siphandone", country="LAO")
KHM = Entity(id="kb:country/KHM", name="Cambodia", kind="country", country="KHM")
PP = Place(name="Phnom Penh", country="KHM", geonameid=1821306)
HN = Place(name="Hanoi", country="VNM", geonameid=1581130)
D = dt.date(2026, 2, 6)


def ev(eid: str, *, doc: str | None = None, type: str = "CONSULT", cameo: str = "040",
       actor: Entity = A, recipient: Entity = B, date: dt.date | None = D,
       story: dt.date | None = D, status: str = "occurred", place: Place | None = None,
       symmetric: bool = False, source: str | None = None, url: str | None = None,
       mode: str | None = None) -> Event:
    doc = doc or eid.split("-")[0]
    return Event(id=eid, type=type, cameo=cameo, actor=(actor,), recipient=(recipient,),
                 date=date, story_date=story, status=status, location=place,
                 symmetric=symmetric, mode=mode,
                 mentions=(Mention(doc=doc, sentence=0, start=0, end=5, text=f"s {eid}",
                                   url=url, source=source),))


@pytest.mark.parametrize("a,b,merged", [
    (ev("d1-1"), ev("d2-1"), True),
    (ev("d1-1"), ev("d2-1", date=D + dt.timedelta(days=1)), True),
    (ev("d1-1"), ev("d2-1", date=D + dt.timedelta(days=2)), False),
    (ev("d1-1"), ev("d2-1", cameo="042"), True),
    (ev("d1-1"), ev("d2-1", type="SUPPORT", cameo="051"), False),
    (ev("d1-1"), ev("d2-1", status="planned"), False),
    (ev("d1-1"), ev("d2-1", recipient=C), False),
    (ev("d1-1"), ev("d2-1", actor=B, recipient=A), False),
    (ev("d1-1", symmetric=True), ev("d2-1", actor=B, recipient=A), True),
    (ev("d1-1", place=PP), ev("d2-1"), True),
    (ev("d1-1", place=PP), ev("d2-1", place=HN), False),
    (ev("d1-1", date=None), ev("d2-1"), True),
    (ev("d1-1", date=None), ev("d2-1", story=D + dt.timedelta(days=5)), False),
    (ev("d1-1", mode="visit"), ev("d2-1", mode="phone"), False),
], ids=["same", "window", "outside-window", "cameo-root", "type", "status", "actors",
        "direction", "symmetric", "one-place-unknown", "other-city", "null-date-story",
        "null-date-far-story", "mode"])
def test_merge_events_rule(a: Event, b: Event, merged: bool) -> None:
    out = merge_events([a, b])
    assert len(out) == (1 if merged else 2)
    if merged:
        assert out[0].num_mentions == 2
        assert out[0].id == canonical_id(["d1-1", "d2-1"])


def test_merge_events_counts_sources() -> None:
    out = merge_events([ev("d1-1", source="VNA"), ev("d2-1", url="https://www.khmertimes.com/x"),
                        ev("d3-1", source="vna"), ev("d4-1")])
    assert len(out) == 1
    assert out[0].num_mentions == 4
    assert out[0].num_sources == 3


@pytest.mark.parametrize("mention,key", [
    (Mention(doc="d", sentence=0, start=0, end=1, text="x", source="VNA"), "vna"),
    (Mention(doc="d", sentence=0, start=0, end=1, text="x", url="https://www.a.org/p"), "a.org"),
    (Mention(doc="d9", sentence=0, start=0, end=1, text="x"), "d9"),
])
def test_source_key_fallbacks(mention: Mention, key: str) -> None:
    assert source_key(mention) == key


def test_merge_events_keeps_place_and_union_of_mentions() -> None:
    out = merge_events([ev("d1-1"), ev("d2-1", place=PP, date=None)])
    assert len(out) == 1
    assert out[0].location == PP
    assert out[0].date == D
    assert [m.doc for m in out[0].mentions] == ["d1", "d2"]


def test_link_followthrough_planned_to_occurred() -> None:
    plan = ev("d1-1", status="planned", date=D)
    done = ev("d2-1", date=D + dt.timedelta(days=3))
    out = {e.id: e for e in merge_events([plan, done])}
    assert out["d1-1"].links == ("d2-1",)
    assert out["d2-1"].links == ("d1-1",)


def test_link_followthrough_invitation_to_visit() -> None:
    invite = ev("d1-1", type="AGREE", cameo="036", actor=B, recipient=A, date=None)
    visit = ev("d2-1", cameo="042", actor=A, recipient=KHM, date=D + dt.timedelta(days=30))
    out = {e.id: e for e in link_followthrough([invite, visit])}
    assert out["d1-1"].links == ("d2-1",)


def test_link_followthrough_not_before_plan() -> None:
    plan = ev("d1-1", status="planned", date=D)
    earlier = ev("d2-1", date=D - dt.timedelta(days=10))
    out = {e.id: e for e in link_followthrough([plan, earlier])}
    assert out["d1-1"].links == ()


def test_block_key_by_countries() -> None:
    assert block_key(ev("d1-1")) == "KHM|VNM"
    assert block_key(ev("d1-1", actor=B, recipient=A)) == "KHM|VNM"


def _pool() -> list[Event]:
    rng = random.Random(7)
    out = []
    for i in range(24):
        out.append(ev(f"d{i}-{i % 3}", actor=rng.choice([A, B]), recipient=rng.choice([B, C]),
                      date=rng.choice([D, D + dt.timedelta(days=1), D + dt.timedelta(days=3),
                                       None]),
                      status=rng.choice(["occurred", "occurred", "planned"]),
                      place=rng.choice([None, PP, HN]), symmetric=rng.random() < 0.5,
                      cameo=rng.choice(["040", "042", "036"]),
                      type="CONSULT", source=rng.choice(["a", "b", None])))
    return out


POOL = _pool()


@settings(max_examples=30, deadline=None)
@given(st.permutations(POOL))
def test_merge_events_independent_of_order(perm: list[Event]) -> None:
    assert merge_events(perm) == merge_events(POOL)


def _reference_links(events: list[Event]) -> dict[str, tuple[str, ...]]:
    """Brute force: each plan links to the earliest (date, id) occurred CONSULT it fulfils."""
    from comity.dedup import _fulfils, _when, is_plan

    links: dict[str, set[str]] = {e.id: set(e.links) for e in events}
    occurred = sorted((e for e in events if e.status == "occurred" and e.type == "CONSULT"
                       and _when(e) is not None), key=lambda e: (_when(e), e.id))
    for plan in events:
        if is_plan(plan):
            target = next((o for o in occurred if _fulfils(plan, o)), None)
            if target is not None:
                links[plan.id].add(target.id)
                links[target.id].add(plan.id)
    return {k: tuple(sorted(v)) for k, v in links.items()}


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([A, B, C]), st.sampled_from([B, C, KHM]),
                          st.sampled_from(["040", "042", "036", "051"]),
                          st.sampled_from(["occurred", "planned"]),
                          st.integers(min_value=-400, max_value=400) | st.none()),
                min_size=1, max_size=30))
def test_link_followthrough_matches_brute_force(rows: list[tuple]) -> None:
    events = []
    for i, (a, r, cameo, status, offset) in enumerate(rows):
        typ = {"040": "CONSULT", "042": "CONSULT", "036": "AGREE", "051": "SUPPORT"}[cameo]
        day = None if offset is None else D + dt.timedelta(days=offset)
        events.append(ev(f"d{i}-0", actor=a, recipient=r, cameo=cameo, type=typ,
                         status=status, date=day, story=D + dt.timedelta(days=i % 5)))
    got = {e.id: e.links for e in link_followthrough(events)}
    assert got == _reference_links(events)
