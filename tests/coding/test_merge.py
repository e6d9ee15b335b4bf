"""Tests of comity.coding.merge: one event per real event per article (hand-built events)."""

from __future__ import annotations

import datetime as dt

import pytest

from comity.coding.merge import merge_in_article
from comity.model import Entity, Event, Mention

XI = Entity(id="kb:person/xi", name="Xi Jinping", kind="person", country="CHN")
MANET = Entity(id="kb:person/manet", name="Hun Manet", kind="person", country="KHM",
               title="Prime Minister")
ADVISER = Entity(id="kb:person/adviser", name="Sok An", kind="person", country="KHM",
                 title="Special Adviser")
CHINA = Entity(id="kb:country/CHN", name="China", kind="country", country="CHN")
CAMBODIA = Entity(id="kb:country/KHM", name="Cambodia", kind="country", country="KHM")
D = dt.date(2025, 4, 17)


def event(eid: str, actor: Entity, recipient: Entity, *, sentence: int, type: str = "CONSULT",
          cameo: str = "042", mode: str | None = "visit", date: dt.date | None = D,
          status: str = "occurred", symmetric: bool = False,
          kind: str = "interaction") -> Event:
    return Event(id=eid, type=type, cameo=cameo, actor=(actor,), recipient=(recipient,),
                 mode=mode, date=date, date_precision="day" if date else None, status=status,
                 symmetric=symmetric, kind=kind,
                 mentions=(Mention(doc="d", sentence=sentence, start=sentence * 100,
                                   end=sentence * 100 + 50, text=f"s{sentence}"),))


@pytest.mark.parametrize(("second_day", "merged"), [
    (dt.date(2025, 4, 16), True),    # "visiting" one day, "from April 16 to 18" the other
    (dt.date(2025, 4, 20), True),    # within the ten days of one visit
    (dt.date(2024, 9, 1), False),    # an earlier visit, months before
    (None, True),                    # an undated mention of the visit
], ids=["day-before", "within-visit", "earlier-visit", "undated"])
def test_merge_visit_to_country_told_twice(second_day: dt.date | None, merged: bool) -> None:
    out = merge_in_article([event("a", XI, CAMBODIA, sentence=0),
                            event("b", XI, CAMBODIA, sentence=3, date=second_day)])
    assert len(out) == (1 if merged else 2)
    if merged and second_day is not None:
        assert out[0].date == min(D, second_day)  # dated by the visit's first day
        assert out[0].num_mentions == 2


def test_merge_country_signing_goes_to_people_in_talks_told_with_it() -> None:
    signing = event("s", CHINA, CAMBODIA, sentence=0, type="SUPPORT", cameo="057", mode=None,
                    symmetric=True)
    talks = event("t", XI, MANET, sentence=0, cameo="040", mode=None)
    out = merge_in_article([signing, talks])
    signed = [e for e in out if e.cameo == "057"]
    assert [(e.actor[0].id, e.recipient[0].id) for e in signed] == [(XI.id, MANET.id)]


def test_merge_ceasefire_goes_to_persons_named_next_to_it() -> None:
    ceasefire = event("c", CAMBODIA, CHINA, sentence=2, type="RETREAT", cameo="0871",
                      mode=None, symmetric=True)
    out = merge_in_article([ceasefire], {3: [MANET, XI]})
    assert {out[0].actor[0].id, out[0].recipient[0].id} == {XI.id, MANET.id}


@pytest.mark.parametrize(("person", "second_sentence", "merged"),
                         [(MANET, 0, False), (MANET, 1, True), (ADVISER, 1, False)],
                         ids=["same-sentence", "later-sentence", "not-its-leader"])
def test_merge_praise_of_country_after_its_leader(person: Entity, second_sentence: int,
                                                  merged: bool) -> None:
    leader = event("p", XI, person, sentence=0, type="SUPPORT", cameo="051", mode=None,
                   kind="statement")
    country = event("q", XI, CAMBODIA, sentence=second_sentence, type="SUPPORT",
                    cameo="051", mode=None, kind="statement")
    assert len(merge_in_article([leader, country])) == (1 if merged else 2)


@pytest.mark.parametrize(("people_day", "merged"), [(D, True), (dt.date(2025, 4, 20), False)],
                         ids=["same-day", "other-day"])
def test_merge_talks_between_states_and_their_people(people_day: dt.date,
                                                     merged: bool) -> None:
    # "talks between China and Cambodia" and "Xi and Hun Manet held talks" the same day
    states = event("s", CHINA, CAMBODIA, sentence=2, cameo="040", mode=None, symmetric=True)
    people = event("p", XI, MANET, sentence=4, cameo="040", mode=None, date=people_day,
                   symmetric=True)
    out = merge_in_article([states, people])
    assert len(out) == (1 if merged else 2)
    if merged:
        assert (out[0].actor[0].id, out[0].recipient[0].id) == (XI.id, MANET.id)


@pytest.mark.parametrize(("planned_day", "merged"), [
    (D + dt.timedelta(days=2), True),     # a leg still to come of the visit under way
    (D + dt.timedelta(days=30), False),   # another visit, a month on
    (D - dt.timedelta(days=2), False),    # a plan dated before the visit began
], ids=["later-leg", "next-month", "before"])
def test_merge_planned_leg_of_a_visit_under_way(planned_day: dt.date, merged: bool) -> None:
    out = merge_in_article([event("a", XI, CAMBODIA, sentence=0),
                            event("b", XI, CAMBODIA, sentence=4, date=planned_day,
                                  status="planned")])
    assert len(out) == (1 if merged else 2)
    if merged:
        assert out[0].status == "occurred" and out[0].date == D
