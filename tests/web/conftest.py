"""Fixtures of the web tests: a real SQLite store filled with hand-built events/documents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from comity.model import Document, Entity, Event, Mention, Place
from comity.store import EventFilter, Store
from comity.web.app import create_app

TOKEN = "s3cret-token"

HUN_MANET = Entity(id="prov:hun-manet", name="Hun Manet", kind="person", country="KHM",
                   sector="GOV", title="Prime Minister", provisional=True)
PHAM = Entity(id="prov:pham-minh-chinh", name="Phạm Minh Chính", kind="person",
              country="VNM", sector="GOV", title="Prime Minister", provisional=True)
HUN_SEN = Entity(id="kb:person/hun-sen", name="Hun Sen", kind="person", country="KHM",
                 sector="GOV", title="Senate President")
SONEXAY = Entity(id="prov:sonexay", name="Sonexay Siphandone", kind="person",
                 country="LAO", sector="GOV", provisional=True)
THAILAND = Entity(id="prov:thailand", name="Thailand", kind="country", country="THA",
                  provisional=True)
VIETNAM = Entity(id="prov:vietnam", name="Vietnam", kind="country", country="VNM",
                 provisional=True)

HANOI = Place(name="Hanoi", country="VNM", lat=21.03, lon=105.85, geonameid=1581130)
PHNOM_PENH = Place(name="Phnom Penh", country="KHM", lat=11.56, lon=104.92,
                   geonameid=1821306)
VIENTIANE = Place(name="Vientiane", country="LAO", lat=17.97, lon=102.6, geonameid=1651944)

# Hand-written articles (not the seed articles). Each evidence sentence is located by
# its text so offsets are right by construction.
DOC_TEXTS = {
    "doc-hanoi": (
        "Hanoi talks\n\nPrime Minister Phạm Minh Chính held talks with Cambodian Prime "
        "Minister Hun Manet in Hanoi on Monday. The two leaders agreed to expand trade. "
        "Hun Manet invited Phạm Minh Chính to visit Phnom Penh next year."),
    "doc-phnompenh": (
        "In Phnom Penh, Prime Minister Hun Manet welcomed Phạm Minh Chính for an official "
        "visit. Senate President Hun Sen also received Phạm Minh Chính. Observers said the "
        "visit deepened ties."),
    "doc-vientiane": (
        "Lao Prime Minister Sonexay Siphandone met Vietnamese Prime Minister Phạm Minh "
        "Chính in Vientiane. Thailand criticised the border arrangements."),
    "doc-xss": (
        "Beware <script>window.__pwned = 1</script> and "
        "<img src=x onerror=\"window.__pwned = 2\"> in this report. "
        "Vietnam praised Cambodia <b>warmly</b> for its cooperation."),
}
DOC_META = {
    "doc-hanoi": ("Leaders hold talks in Hanoi", "Example News", dt.date(2025, 3, 11)),
    "doc-phnompenh": ("Official visit to Phnom Penh", "Example Wire", dt.date(2025, 6, 2)),
    "doc-vientiane": ("Meeting in Vientiane", "Example Daily", dt.date(2025, 9, 20)),
    "doc-xss": ("<script>alert(1)</script> praise", "Example Post", dt.date(2025, 10, 5)),
}


def mention(doc: str, sentence_text: str, index: int = 0) -> Mention:
    """A mention of ``sentence_text`` in the hand-written document ``doc``."""
    text = DOC_TEXTS[doc]
    start = text.index(sentence_text)
    return Mention(doc=doc, sentence=index, start=start, end=start + len(sentence_text),
                   text=sentence_text, url=f"https://example.org/{doc}",
                   source=DOC_META[doc][1])


def documents() -> list[Document]:
    """The hand-written documents."""
    out = []
    for doc_id, text in DOC_TEXTS.items():
        title, source, day = DOC_META[doc_id]
        out.append(Document(id=doc_id, text=text, story_date=day, title=title, source=source,
                            url=f"https://example.org/{doc_id}"))
    return out


def events() -> list[Event]:
    """Hand-built per-document events covering types, statuses, places and countries."""
    return [
        Event(id="ev-talks", type="CONSULT", cameo="040", mode="visit",
              actor=(HUN_MANET,), recipient=(PHAM,), date=dt.date(2025, 3, 10),
              story_date=dt.date(2025, 3, 11), location=HANOI, intensity=4.0, quad=1,
              mentions=(mention("doc-hanoi", "Prime Minister Phạm Minh Chính held talks "
                                "with Cambodian Prime Minister Hun Manet in Hanoi on "
                                "Monday.", 1),), trigger="talks", symmetric=True),
        Event(id="ev-agree-trade", type="AGREE", cameo="030", actor=(PHAM,),
              recipient=(HUN_MANET,), date=dt.date(2025, 3, 10),
              story_date=dt.date(2025, 3, 11), location=HANOI, intensity=2.5,
              mentions=(mention("doc-hanoi", "The two leaders agreed to expand trade.", 2),),
              kind="statement", trigger="agreed"),
        Event(id="ev-invite", type="AGREE", cameo="036", status="planned",
              actor=(HUN_MANET,), recipient=(PHAM,), date=None,
              story_date=dt.date(2025, 3, 11), intensity=2.5,
              mentions=(mention("doc-hanoi", "Hun Manet invited Phạm Minh Chính to visit "
                                "Phnom Penh next year.", 3),), kind="statement",
              trigger="invited"),
        Event(id="ev-visit", type="CONSULT", cameo="042", mode="visit", actor=(PHAM,),
              recipient=(HUN_MANET,), date=dt.date(2025, 6, 1),
              story_date=dt.date(2025, 6, 2), location=PHNOM_PENH, intensity=4.0,
              mentions=(mention("doc-phnompenh", "In Phnom Penh, Prime Minister Hun Manet "
                                "welcomed Phạm Minh Chính for an official visit.", 0),),
              trigger="welcomed"),
        Event(id="ev-hunsen", type="CONSULT", cameo="042", mode="visit", actor=(PHAM,),
              recipient=(HUN_SEN,), date=dt.date(2025, 6, 1),
              story_date=dt.date(2025, 6, 2), location=PHNOM_PENH, intensity=4.0,
              mentions=(mention("doc-phnompenh", "Senate President Hun Sen also received "
                                "Phạm Minh Chính.", 1),), trigger="received"),
        Event(id="ev-laos", type="CONSULT", cameo="040", actor=(SONEXAY,),
              recipient=(PHAM,), date=dt.date(2025, 9, 19),
              story_date=dt.date(2025, 9, 20), location=VIENTIANE, intensity=2.5,
              mentions=(mention("doc-vientiane", "Lao Prime Minister Sonexay Siphandone met "
                                "Vietnamese Prime Minister Phạm Minh Chính in Vientiane.",
                                0),), trigger="met", symmetric=True),
        Event(id="ev-accuse", type="ACCUSE", cameo="111", actor=(THAILAND,),
              recipient=(SONEXAY,), date=dt.date(2025, 9, 19),
              story_date=dt.date(2025, 9, 20), intensity=-3.0, quad=3,
              mentions=(mention("doc-vientiane", "Thailand criticised the border "
                                "arrangements.", 1),), kind="statement",
              trigger="criticised"),
        Event(id="ev-xss", type="SUPPORT", cameo="051", actor=(VIETNAM,),
              recipient=(HUN_MANET,), date=dt.date(2025, 10, 4),
              story_date=dt.date(2025, 10, 5), intensity=5.0,
              mentions=(mention("doc-xss", "Vietnam praised Cambodia <b>warmly</b> for its "
                                "cooperation.", 1),), kind="statement", trigger="praised"),
    ]


def fill(store: Store) -> None:
    """Add the hand-built documents and events to ``store``."""
    store.add_events(events(), documents())


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """URL of a SQLite database filled with the hand-built data (built once)."""
    path = Path(tmp_path_factory.mktemp("webdb")) / "web.db"
    url = f"sqlite:///{path}"
    with Store.open(url) as store:
        fill(store)
    return url


@pytest.fixture(scope="session")
def store(web_db: str) -> Iterator[Store]:
    """The filled store (read-only use)."""
    s = Store.open(web_db)
    yield s
    s.close()


@pytest.fixture(scope="session")
def client(store: Store) -> Iterator[TestClient]:
    """An in-process client of an app with ingest enabled and a 10 kB body limit."""
    app = create_app(store, token=TOKEN, max_body=10_000)
    with TestClient(app) as c:
        yield c


@pytest.fixture()
def event_ids(store: Store) -> dict[str, str]:
    """Canonical event id by trigger word."""
    return {ev.trigger: ev.id for ev in store.events(EventFilter())}
