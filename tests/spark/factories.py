"""Hand-built events and a small hand-written corpus for the Spark tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from comity.model import Entity, Event, Mention, Place
from comity.settings import Settings

#: default settings, environment ignored
SETTINGS = Settings.from_mapping({}, environ={})

LEADERS = {
    "VNM": Entity(id="kb:to-lam", name="To Lam", kind="person", text="Tô Lâm",
                  country="VNM", sector="PTY", title="General Secretary", wikidata="Q10800"),
    "KHM": Entity(id="kb:hun-manet", name="Hun Manet", kind="person", text="Hun Manet",
                  country="KHM", sector="GOV", title="Prime Minister", wikidata="Q5943196"),
    "FRA": Entity(id="kb:fra-president", name="French President", kind="person",
                  country="FRA", sector="GOV"),
    "JPN": Entity(id="kb:jpn-pm", name="Japanese Prime Minister", kind="person",
                  country="JPN", sector="GOV"),
}


def make_event(n: int, actor: str, recipient: str, day: dt.date | None, *,
               type_: str = "CONSULT", doc: str | None = None, source: str = "wire",
               status: str = "occurred") -> Event:
    """A fully populated event reported by document ``doc`` (default ``d<n>``)."""
    doc = doc or f"d{n}"
    return Event(
        id=f"ev-{n}", type=type_, cameo="040" if type_ == "CONSULT" else "057",
        actor=(LEADERS[actor],), recipient=(LEADERS[recipient],),
        participants=(Entity(id=f"prov:aide-{n}", name=f"Aide {n}", provisional=True),),
        mode="visit", context=("diplomatic",), status=status, date=day,
        date_text="on Monday" if day else None, date_precision="day" if day else None,
        story_date=day, location=Place(name="Hanoi", country="VNM", lat=21.03, lon=105.85,
                                       geonameid=1581130, text="Hanoi"),
        intensity=1.0, goldstein=1.0, quad=1,
        mentions=(Mention(doc=doc, sentence=n % 3, start=10 * n, end=10 * n + 40,
                          text=f"{actor} met {recipient} ({n})", url=f"https://ex.org/{doc}",
                          source=source),),
        kind="interaction", trigger="met", symmetric=True,
    )


#: id -> (text, story date, source); two outlets report each of the first two meetings
ARTICLES: dict[str, tuple[str, str, str]] = {
    "vna-1": ("HANOI — Prime Minister Pham Minh Chinh held talks with Cambodian Prime "
              "Minister Hun Manet in Hanoi on Monday. The two leaders agreed to raise "
              "bilateral trade.", "2025-03-04", "vna"),
    "akp-1": ("PHNOM PENH — Cambodian Prime Minister Hun Manet held talks with his Vietnamese "
              "counterpart Pham Minh Chinh in Hanoi on Monday, March 3.", "2025-03-04", "akp"),
    "kyodo-1": ("TOKYO — Japanese Prime Minister Shigeru Ishiba held talks with French "
                "President Emmanuel Macron in Tokyo on Tuesday, the government said.",
                "2025-03-05", "kyodo"),
    "afp-1": ("TOKYO — French President Emmanuel Macron met Japanese Prime Minister Shigeru "
              "Ishiba in Tokyo on Tuesday.", "2025-03-05", "afp"),
    "vna-2": ("HANOI — General Secretary To Lam received Cambodian Senate President Hun Sen "
              "in Hanoi on Thursday.", "2025-03-07", "vna"),
    "eco-1": ("The central bank kept interest rates unchanged on Wednesday as inflation eased "
              "to 2.1 percent, and analysts expect a cut in June.", "2025-03-05", "wire"),
}


def corpus_records() -> list[dict[str, Any]]:
    """The test corpus as JSON Lines records."""
    return [{"id": k, "text": t, "date": d, "source": s, "url": f"https://example.org/{k}"}
            for k, (t, d, s) in ARTICLES.items()]
