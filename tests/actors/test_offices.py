"""Office holders by country, normalised office and day (hand-built knowledge base)."""

from __future__ import annotations

import datetime as dt

import pytest

from comity.actors.kb import KnowledgeBase, Person
from comity.actors.offices import OfficeIndex, sectors_agree
from comity.actors.titles import load_titles
from comity.model import Role


def _person(pid: str, *roles: tuple[str, str, str, str | None, str | None]) -> Person:
    return Person(id=pid, name=pid.title(), roles=tuple(
        Role(office=o, country=c, sector=s,
             start=dt.date.fromisoformat(a) if a else None,
             end=dt.date.fromisoformat(b) if b else None) for o, c, s, a, b in roles))


@pytest.fixture(scope="module")
def index() -> OfficeIndex:
    persons = [
        _person("fm-old", ("Minister of Foreign Affairs", "XXA", "GOV", "2015-01-01",
                           "2020-12-31")),
        _person("fm-new", ("Minister for Foreign Affairs", "XXA", "GOV", "2021-01-01", None)),
        _person("party-head", ("President of the People's Party", "XXA", "PTY", "2015-01-01",
                               None)),
        _person("dpm-one", ("Deputy Prime Minister", "XXA", "GOV", "2020-01-01", None)),
        _person("dpm-two", ("Deputy Prime Minister and Minister of Finance", "XXA", "GOV",
                            "2020-01-01", None)),
        _person("fm-abroad", ("Foreign Minister", "XXB", "GOV", "2020-01-01", None)),
    ]
    kb = KnowledgeBase(persons={p.id: p for p in persons})
    return OfficeIndex(kb, load_titles())


@pytest.mark.parametrize(("office", "country", "day", "sector", "holder"), [
    # "Minister of/for Foreign Affairs" and "Foreign Minister" are one office, by date
    ("Foreign Minister", "XXA", "2018-06-01", None, "fm-old"),
    ("Foreign Minister", "XXA", "2024-06-01", None, "fm-new"),
    ("Foreign Minister", "XXB", "2024-06-01", None, "fm-abroad"),
    ("Foreign Minister", "XXA", "2010-06-01", None, None),          # nobody yet
    # a party president is not the state President
    ("President", "XXA", "2024-06-01", "GOV", None),
    ("President", "XXA", "2024-06-01", "PTY", "party-head"),
    # an office two people hold names nobody
    ("Deputy Prime Minister", "XXA", "2024-06-01", None, None),
])
def test_office_index_holder(index: OfficeIndex, office: str, country: str, day: str,
                             sector: str | None, holder: str | None) -> None:
    found = index.holder(office, country, dt.date.fromisoformat(day), sector)
    assert (found[0].id if found else None) == holder


def test_office_index_holders_lists_every_holder(index: OfficeIndex) -> None:
    found = index.holders("Deputy Prime Minister", "XXA", dt.date(2024, 6, 1))
    assert sorted(p.id for p, _ in found) == ["dpm-one", "dpm-two"]


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("GOV", "GOV", True), ("GOV", "MIL", True), ("COP", "GOV", True), (None, "PTY", True),
    ("GOV", "PTY", False), ("LEG", "GOV", False), ("ROY", "PTY", False)])
def test_sectors_agree(a: str | None, b: str | None, expected: bool) -> None:
    assert sectors_agree(a, b) is expected
