"""Hand-built events for the interop tests (no pipeline involved)."""

from __future__ import annotations

import datetime as dt

import pytest

from comity.model import Entity, Event, Mention, Place

TO_LAM = Entity(id="kb:person/to-lam", name="Tô Lâm", kind="person", text="To Lam",
                country="VNM", sector="PTY", title="General Secretary",
                wikidata="Q7814074")
HUN_SEN = Entity(id="kb:person/hun-sen", name="Hun Sen", kind="person",
                 text="Samdech Hun Sen", country="KHM", sector="LEG",
                 title="President of the Senate", wikidata="Q189692")
CAMBODIA = Entity(id="kb:country/KHM", name="Cambodia", kind="country", text="Cambodia",
                  country="KHM")
CPP = Entity(id="kb:org/cpp", name="Cambodian People's Party", kind="organisation",
             text="CPP", country="KHM", sector="PTY", wikidata="Q211929")
SIHAMONI = Entity(id="kb:person/norodom-sihamoni", name="Norodom Sihamoni", text="King",
                  country="KHM", sector="ROY", title="King")
NEWCOMER = Entity(id="prov:jane-doe", name="Jane Doe", text="Jane \"JD\" Doe",
                  provisional=True)
PHNOM_PENH = Place(name="Phnom Penh", country="KHM", lat=11.56245, lon=104.91601,
                   geonameid=1821306, text="Phnom Penh", resolution=4)


def _mention(doc: str, sentence: int, text: str) -> Mention:
    return Mention(doc=doc, sentence=sentence, start=10 * sentence, end=10 * sentence + 40,
                   text=text, url=f"https://example.org/{doc}", source="Example News")


def build_events() -> list[Event]:
    """Five events covering: a visit, a symmetric meeting with no recipient, praise with
    no date (story date only), a planned event with a link, and an event with no place."""
    return [
        Event(id="ev-visit", type="CONSULT", cameo="042", mode="visit",
              actor=(TO_LAM,), recipient=(CAMBODIA,), participants=(CPP,),
              context=("diplomatic", "economic"), date=dt.date(2026, 2, 6),
              date_text="today", date_precision="day", story_date=dt.date(2026, 2, 6),
              location=PHNOM_PENH, intensity=4.0, goldstein=1.9, quad=1,
              mentions=(_mention("doc-a", 0, "To Lam arrived in Phnom Penh\tfor a visit."),
                        _mention("doc-b", 2, "The visit began.")),
              trigger="visit", num_mentions=2, num_sources=2),
        Event(id="ev-talks", type="CONSULT", cameo="040", mode=None,
              actor=(TO_LAM, HUN_SEN), date=dt.date(2026, 2, 7),
              story_date=dt.date(2026, 2, 7), location=PHNOM_PENH, intensity=2.5,
              goldstein=1.0, quad=1, symmetric=True,
              mentions=(_mention("doc-c", 1, "They held \"fruitful\" talks."),),
              trigger="talks"),
        Event(id="ev-praise", type="SUPPORT", cameo="051", actor=(SIHAMONI,),
              recipient=(TO_LAM,), date=None, story_date=dt.date(2026, 2, 6),
              intensity=5.0, goldstein=3.4, quad=1, kind="statement",
              mentions=(_mention("doc-a", 5, "The King praised the visit."),)),
        Event(id="ev-plan", type="AGREE", cameo="036", actor=(HUN_SEN,),
              recipient=(TO_LAM,), status="planned", date=dt.date(2026, 5, 1),
              date_precision="month", story_date=dt.date(2026, 2, 7),
              location=Place(name="Vietnam", country="VNM", resolution=1),
              intensity=2.5, goldstein=4.0, quad=1, kind="statement",
              links=("ev-visit",), mentions=(_mention("doc-c", 3, "He will visit."),)),
        Event(id="ev-ask", type="REQUEST", cameo="020", actor=(NEWCOMER,),
              recipient=(CPP,), date=dt.date(2026, 2, 8), story_date=dt.date(2026, 2, 8),
              intensity=0.0, goldstein=3.0, quad=3),
    ]


@pytest.fixture
def events() -> list[Event]:
    """The hand-built events."""
    return build_events()
