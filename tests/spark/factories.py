"""Hand-built events for the Spark tests."""

from __future__ import annotations

import datetime as dt

from comity.model import Entity, Event, Mention, Place

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
