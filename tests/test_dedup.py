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
    cluster_events,
    link_followthrough,
    merge_events,
    source_key,
)
from comity.model import Entity, Event, Mention, Place

A = Entity(id="kb:person/to-lam", name="Tô Lâm", country="VNM")
B = Entity(id="kb:person/hun-manet", name="Hun Manet", country="KHM")
C = Entity(id="kb:person/sonexay", name="Sonexay Siphandone", country="LAO")
H = Entity(id="kb:person/hun-sen", name="Hun Sen", country="KHM")
KHM = Entity(id="kb:country/KHM", name="Cambodia", kind="country", country="KHM")
VNM = Entity(id="kb:country/VNM", name="Vietnam", kind="country", country="VNM")
PP = Place(name="Phnom Penh", country="KHM", geonameid=1821306)
HN = Place(name="Hanoi", country="VNM", geonameid=1581130)
KH = Place(name="Cambodia", country="KHM", geonameid=1831722, resolution=1)
KANDAL = Place(name="Kandal", country="KHM", resolution=2)
PP_NAME = Place(name="Phnom Penh", country="KHM")
D = dt.date(2026, 2, 6)
DAY = dt.timedelta(days=1)


def ev(eid: str, *, doc: str | None = None, type: str = "CONSULT", cameo: str = "040",
       actor: Entity = A, recipient: Entity = B, date: dt.date | None = D,
       story: dt.date | None = D, status: str = "occurred", place: Place | None = None,
       symmetric: bool = False, source: str | None = None, url: str | None = None,
       mode: str | None = None, precision: str | None = None, sentence: int = 0) -> Event:
    doc = doc or eid.split("-")[0]
    return Event(id=eid, type=type, cameo=cameo, actor=(actor,), recipient=(recipient,),
                 date=date, story_date=story, status=status, location=place,
                 symmetric=symmetric, mode=mode, date_precision=precision,
                 mentions=(Mention(doc=doc, sentence=sentence, start=0, end=5,
                                   text=f"s {eid}", url=url, source=source),))


def praise(eid: str, **kw: object) -> Event:
    return ev(eid, type="SUPPORT", cameo="051", **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("a,b,merged", [
    (ev("d1-1"), ev("d2-1"), True),
    (ev("d1-1"), ev("d2-1", date=D + DAY), True),
    (ev("d1-1"), ev("d2-1", date=D + 2 * DAY), False),
    (ev("d1-1"), ev("d2-1", cameo="042"), True),
    (ev("d1-1"), ev("d2-1", type="SUPPORT", cameo="051"), False),
    (ev("d1-1"), ev("d2-1", status="planned"), False),
    (ev("d1-1"), ev("d2-1", recipient=C), False),
    (ev("d1-1"), ev("d2-1", actor=B, recipient=A), False),
    (ev("d1-1", symmetric=True), ev("d2-1", actor=B, recipient=A), True),
    (ev("d1-1", place=PP), ev("d2-1"), True),
    (ev("d1-1", place=PP), ev("d2-1", place=HN), False),
    (ev("d1-1", date=None), ev("d2-1"), True),
    (ev("d1-1", date=None), ev("d2-1", story=D + 5 * DAY), False),
    (ev("d1-1", mode="visit"), ev("d2-1", mode="phone"), False),
    (ev("d1-1", mode="multilateral"), ev("d2-1", mode="third-party"), True),
    (ev("d1-1", mode="visit"), ev("d2-1", mode="multilateral"), False),
    (ev("d1-1"), ev("d1-2"), False),
    (praise("d1-1"), ev("d2-1", type="SUPPORT", cameo="057"), False),
    (ev("d1-1", type="AGREE", cameo="036"), ev("d2-1", type="REQUEST", cameo="020"), True),
    (ev("d1-1", type="AGREE", cameo="030"), ev("d2-1", type="REQUEST", cameo="020"), False),
    (praise("d1-1", recipient=KHM), praise("d2-1", actor=VNM, recipient=KHM), True),
    (praise("d1-1", recipient=KHM), praise("d2-1", actor=B, recipient=KHM), False),
    (ev("d1-1", cameo="042", recipient=KHM), ev("d2-1", cameo="042", recipient=H), False),
    (ev("d1-1", date=D.replace(day=1), precision="month", story=D + 9 * DAY),
     ev("d2-1", story=D + DAY), True),
    (ev("d1-1", date=D.replace(day=1), precision="month", story=D - 3 * DAY),
     ev("d2-1"), False),
    (ev("d1-1", date=D.replace(month=1, day=1), precision="year", story=D + DAY),
     ev("d2-1", date=D - 300 * DAY, story=D - 300 * DAY), False),
    (ev("d1-1", place=KH), ev("d2-1", place=PP), True),
    (ev("d1-1", place=KANDAL), ev("d2-1", place=PP), True),
    (ev("d1-1", place=KH), ev("d2-1", place=HN), False),
    (ev("d1-1", place=PP_NAME), ev("d2-1", place=PP), True),
], ids=["same", "window", "outside-window", "cameo-root", "type", "status", "actors",
        "direction", "symmetric", "one-place-unknown", "other-city", "null-date-story",
        "null-date-far-story", "mode", "third-party-is-multilateral", "visit-vs-multilateral",
        "same-document", "praise-vs-signing", "invitation-as-request",
        "agreement-not-request", "person-or-their-country", "person-of-other-country",
        "visit-to-country-vs-meeting", "month-precision", "month-ends-at-story-date",
        "year-before-story-year", "country-contains-city", "province-same-country",
        "country-vs-city-elsewhere", "place-by-name-or-geonameid"])
def test_merge_events_rule(a: Event, b: Event, merged: bool) -> None:
    out = merge_events([a, b])
    assert len(out) == (1 if merged else 2)
    if merged:
        assert out[0].num_mentions == 2
        assert out[0].id == canonical_id(["d1-1", "d2-1"])


def test_merge_events_praise_at_different_meetings_stays_apart() -> None:
    # one state visit, two meetings the same day: each outlet reports one meeting and the
    # praise voiced at it; same speaker, same addressee, same day, yet two statements
    m1, p1 = ev("d1-1", symmetric=True), praise("d1-2", recipient=KHM, sentence=1)
    m2, p2 = ev("d2-1", recipient=H, symmetric=True), praise("d2-2", recipient=KHM, sentence=1)
    assert len(merge_events([m1, p1, m2, p2])) == 4


def test_merge_events_praise_at_one_meeting_merges() -> None:
    m1, p1 = ev("d1-1", symmetric=True), praise("d1-2", recipient=KHM, sentence=1)
    m3, p3 = ev("d3-1", symmetric=True), praise("d3-2", recipient=KHM, sentence=1)
    lone = praise("d4-1", recipient=KHM)  # no meeting in its document: not anchored
    members = sorted(c.members for c in cluster_events([m1, p1, m3, p3, lone]))
    assert members == [("d1-1", "d3-1"), ("d1-2", "d3-2", "d4-1")]


def test_merge_events_complete_linkage_no_chain() -> None:
    # reports one day apart each: the first two merge, the third is two days from the first
    out = cluster_events([ev("d1-1"), ev("d2-1", date=D + DAY), ev("d3-1", date=D + 2 * DAY)])
    assert sorted(c.members for c in out) == [("d1-1", "d2-1"), ("d3-1",)]


def test_merge_events_never_two_events_of_one_document() -> None:
    # d2-1 is compatible with both events of document d1; it joins one of them only
    out = cluster_events([ev("d1-1"), ev("d1-2", date=D + DAY), ev("d2-1")])
    assert sorted(c.members for c in out) == [("d1-1", "d2-1"), ("d1-2",)]


def test_merge_events_closest_pair_first() -> None:
    # d3-1 could merge with either event of document d1; it takes the same-day one
    out = cluster_events([ev("d1-1", date=D + DAY), ev("d1-2", place=PP), ev("d3-1", place=PP)])
    assert sorted(c.members for c in out) == [("d1-1",), ("d1-2", "d3-1")]

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


@pytest.mark.parametrize("mode,linked", [("multilateral", True), ("visit", False), (None, True)])
def test_link_followthrough_mode_must_agree(mode: str | None, linked: bool) -> None:
    plan = ev("d1-1", status="planned", mode="multilateral")
    done = ev("d2-1", mode=mode)
    out = {e.id: e for e in link_followthrough([plan, done])}
    assert out["d1-1"].links == (("d2-1",) if linked else ())


def test_link_followthrough_not_before_plan() -> None:
    plan = ev("d1-1", status="planned", date=D)
    earlier = ev("d2-1", date=D - dt.timedelta(days=10))
    out = {e.id: e for e in link_followthrough([plan, earlier])}
    assert out["d1-1"].links == ()


def test_block_key_by_countries() -> None:
    assert block_key(ev("d1-1")) == "KHM|VNM"
    assert block_key(ev("d1-1", actor=B, recipient=A)) == "KHM|VNM"


def _pool() -> list[Event]:
    """Random reports in several documents: meetings and praise, persons and countries,
    day and month precision, places at two granularities, sentence positions."""
    rng = random.Random(7)
    out = []
    for i in range(30):
        kind = rng.choice(["meet", "meet", "praise", "invite"])
        typ, cameo = {"meet": ("CONSULT", rng.choice(["040", "042"])),
                      "praise": ("SUPPORT", rng.choice(["051", "051", "057"])),
                      "invite": (rng.choice(["AGREE", "REQUEST"]),
                                 rng.choice(["036", "020"]))}[kind]
        date = rng.choice([D, D + DAY, D + 3 * DAY, None])
        month = date is not None and rng.random() < 0.2
        out.append(ev(f"d{i // 3}-{i % 3}", actor=rng.choice([A, A, VNM, B]),
                      recipient=rng.choice([B, H, KHM]),
                      date=date.replace(day=1) if month and date else date,
                      precision="month" if month else None, story=D + (i % 3) * DAY,
                      status=rng.choice(["occurred", "occurred", "planned"]),
                      place=rng.choice([None, PP, HN, KH]), symmetric=rng.random() < 0.5,
                      cameo=cameo, type=typ, source=rng.choice(["a", "b", None]),
                      mode=rng.choice([None, "visit", "multilateral"]) if kind == "meet"
                      else None, sentence=rng.randrange(4)))
    return out


POOL = _pool()


@settings(max_examples=30, deadline=None)
@given(st.permutations(POOL))
def test_merge_events_independent_of_order(perm: list[Event]) -> None:
    assert cluster_events(perm) == cluster_events(POOL)


def test_merge_events_pool_merges_something() -> None:
    # the order test is not vacuous: the pool has merged reports and links
    out = cluster_events(POOL)
    assert any(len(c.members) > 1 for c in out)
    assert any(c.event.links for c in out)
    assert all(len({m.split("-")[0] for m in c.members}) == len(c.members) for c in out)


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
