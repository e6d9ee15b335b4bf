"""Tests of comity.dedup_rule: the pairwise tests behind the merging rule."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from comity.dedup_rule import (
    actors_agree,
    anchors,
    day_span,
    load_merge_table,
    places_agree,
)
from comity.errors import DataFileError
from comity.model import Entity, Event, Mention, Place

A = Entity(id="kb:person/to-lam", name="Tô Lâm", country="VNM")
B = Entity(id="kb:person/hun-manet", name="Hun Manet", country="KHM")
KHM = Entity(id="kb:country/KHM", name="Cambodia", kind="country", country="KHM")
VNM = Entity(id="kb:country/VNM", name="Vietnam", kind="country", country="VNM")
D = dt.date(2026, 2, 6)


def ev(eid: str, *, type: str = "CONSULT", actor: tuple[Entity, ...] = (A,),
       recipient: tuple[Entity, ...] = (B,), date: dt.date | None = D,
       precision: str | None = None, story: dt.date | None = D, symmetric: bool = False,
       sentences: tuple[int, ...] = (0,)) -> Event:
    doc = eid.split("-")[0]
    return Event(id=eid, type=type, cameo="040" if type == "CONSULT" else "051",
                 actor=actor, recipient=recipient, date=date, date_precision=precision,
                 story_date=story, symmetric=symmetric,
                 mentions=tuple(Mention(doc=doc, sentence=s, start=0, end=1, text="x")
                                for s in sentences))


def test_load_merge_table_bundled_rows() -> None:
    rows = load_merge_table()
    assert ("051", "057", "different") in rows
    assert all(rel in ("same", "different") for _a, _b, rel in rows)


@pytest.mark.parametrize("body,line,message", [
    ("a\tb\trelation\tnote\nx1\t02\tsame\tn\n", 3, "prefixes"),
    ("a\tb\trelation\tnote\n036\t02\tequal\tn\n", 3, "relation"),
    ("a\tb\tnote\n", 2, "header"),
], ids=["not-digits", "bad-relation", "bad-header"])
def test_load_merge_table_rejects_bad_rows(tmp_path: Path, body: str, line: int,
                                           message: str) -> None:
    path = tmp_path / "merge.tsv"
    path.write_text("# comity-merge\t1\n" + body, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_merge_table(path)
    assert message in str(err.value) and f":{line}" in str(err.value)


@pytest.mark.parametrize("date,precision,story,span", [
    (D, "day", D, (D, D)),
    (D, None, D + dt.timedelta(days=3), (D, D)),
    (dt.date(2026, 2, 2), "week", D + dt.timedelta(days=30), (dt.date(2026, 2, 2),
                                                             dt.date(2026, 2, 8))),
    (dt.date(2026, 2, 1), "month", dt.date(2026, 3, 5), (dt.date(2026, 2, 1),
                                                          dt.date(2026, 2, 28))),
    (dt.date(2026, 2, 1), "month", D, (dt.date(2026, 2, 1), D)),
    (dt.date(2025, 1, 1), "year", D, (dt.date(2025, 1, 1), dt.date(2025, 12, 31))),
], ids=["day", "no-precision", "week", "month", "month-cut-at-story", "year"])
def test_day_span_by_precision(date: dt.date, precision: str | None, story: dt.date,
                               span: tuple[dt.date, dt.date]) -> None:
    got = day_span(ev("d1-1", date=date, precision=precision, story=story))
    assert got == (span[0].toordinal(), span[1].toordinal())


@pytest.mark.parametrize("status,type,end", [
    ("planned", "CONSULT", dt.date(2026, 3, 31)),   # a plan: the whole month ahead
    ("planned", "SANCTION", dt.date(2026, 3, 1)),   # not a plan: cut at the story date
    ("occurred", "CONSULT", dt.date(2026, 3, 1)),
])
def test_day_span_plans_run_to_the_period_end(status: str, type: str, end: dt.date) -> None:
    e = dataclasses.replace(ev("d1-1", type=type, date=dt.date(2026, 3, 1),
                               precision="month"), status=status)
    assert day_span(e) == (dt.date(2026, 3, 1).toordinal(), end.toordinal())


def test_day_span_undated() -> None:
    assert day_span(ev("d1-1", date=None)) is None


PP = Place(name="Phnom Penh", country="KHM", geonameid=1821306)


@pytest.mark.parametrize("p,q,result", [
    (None, PP, 1),
    (PP, Place(name="phnom penh", country="KHM"), 0),
    (PP, Place(name="Siem Reap", country="KHM", geonameid=1822214), None),
    (Place(name="Cambodia", country="KHM", resolution=1), PP, 1),
    (Place(name="Vietnam", country="VNM", resolution=1), PP, None),
    (Place(name="Kandal", country="KHM", resolution=2),
     Place(name="Takeo", country="KHM", resolution=2), None),
], ids=["unknown", "same-by-name", "other-city", "country-contains", "other-country",
        "two-provinces"])
def test_places_agree_granularity(p: Place | None, q: Place, result: int | None) -> None:
    assert places_agree(p, q) == result
    assert places_agree(q, p) == result


@pytest.mark.parametrize("a,b,result", [
    (ev("d1-1"), ev("d2-1"), 0),
    (ev("d1-1", symmetric=True), ev("d2-1", actor=(B,), recipient=(A,)), 0),
    (ev("d1-1"), ev("d2-1", actor=(VNM,)), 1),
    (ev("d1-1", actor=(VNM,)), ev("d2-1"), 1),
    (ev("d1-1"), ev("d2-1", actor=(KHM,)), None),
    (ev("d1-1", recipient=(KHM,)), ev("d2-1"), None),
    (ev("d1-1", actor=(VNM,), symmetric=True), ev("d2-1", actor=(B,), recipient=(A,)), None),
], ids=["same", "swapped-symmetric", "person-then-country", "country-then-person",
        "other-country", "recipient-not-relaxed", "no-relaxation-when-swapped"])
def test_actors_agree_resolution(a: Event, b: Event, result: int | None) -> None:
    assert actors_agree(a, b) == result


def test_anchors_nearest_preceding_meeting_of_the_same_day() -> None:
    talks = ev("d1-1", sentences=(0,))
    later = ev("d1-2", recipient=(KHM,), sentences=(4,))
    other_day = ev("d1-3", date=D - dt.timedelta(days=1), sentences=(2,))
    said = ev("d1-4", type="SUPPORT", sentences=(3,))
    lead = ev("d1-5", type="SUPPORT", recipient=(KHM,), sentences=(0,))
    elsewhere = ev("d2-1", type="SUPPORT")
    events = [talks, later, other_day, said, lead, elsewhere]
    got = anchors(events, {e.id: "KHM|VNM" for e in events})
    assert got == {"d1-4": "d1-1", "d1-5": "d1-1"}


def test_anchors_prefer_shared_entities_at_equal_distance() -> None:
    visit = ev("d1-1", recipient=(KHM,), sentences=(1,))
    talks = ev("d1-2", sentences=(1,))
    said = ev("d1-3", type="SUPPORT", sentences=(2,))
    got = anchors([visit, talks, said], {"d1-1": "b", "d1-2": "b", "d1-3": "b"})
    assert got == {"d1-3": "d1-2"}


def test_anchors_only_in_the_same_block() -> None:
    talks, said = ev("d1-1"), ev("d1-2", type="SUPPORT", sentences=(1,))
    assert anchors([talks, said], {"d1-1": "KHM|VNM", "d1-2": "LAO|VNM"}) == {}
