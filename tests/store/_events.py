"""Hand-built documents and extraction results for the store tests."""

from __future__ import annotations

import datetime as dt

from comity.model import Document, Entity, Event, ExtractionResult, Mention, Place

TO_LAM = Entity(id="kb:person/to-lam", name="Tô Lâm", text="To Lam", country="VNM",
                sector="PTY")
HUN_MANET = Entity(id="kb:person/hun-manet", name="Hun Manet", country="KHM", sector="GOV")
HUN_SEN = Entity(id="kb:person/hun-sen", name="Hun Sen", country="KHM", sector="PTY")
KHM = Entity(id="kb:country/KHM", name="Cambodia", kind="country", country="KHM")
PROV = Entity(id="prov:sok-chenda", name="Sok Chenda Sophea", text="Sok Chenda Sophea",
              country="KHM", sector="GOV", title="Deputy Prime Minister", provisional=True)
PHNOM_PENH = Place(name="Phnom Penh", country="KHM", geonameid=1821306)
D = dt.date(2026, 2, 6)


def doc(n: int, text: str | None = None, *, url: str | None = None, source: str = "vna",
        story: dt.date = D) -> Document:
    """Document number ``n`` (unique text unless given)."""
    body = text or f"Report {n}: Tô Lâm met Hun Manet in Phnom Penh on Friday. Hà Nội noted."
    return Document(id=f"doc{n}", text=body, story_date=story,
                    url=url if url is not None else f"https://{source}.example/{n}",
                    title=f"Title {n}", source=source)


def event(d: Document, k: int = 0, *, actor: Entity = TO_LAM, recipient: Entity = HUN_MANET,
          type: str = "CONSULT", cameo: str = "040", date: dt.date | None = D,
          status: str = "occurred", place: Place | None = None, intensity: float = 1.0,
          participants: tuple[Entity, ...] = ()) -> Event:
    """Event ``k`` of document ``d``, mentioned in its first sentence."""
    return Event(id=f"{d.id}-e{k}", type=type, cameo=cameo, actor=(actor,),
                 recipient=(recipient,), participants=participants, date=date,
                 story_date=d.story_date, status=status, location=place,
                 intensity=intensity, symmetric=type == "CONSULT",
                 mentions=(Mention(doc=d.id, sentence=0, start=10, end=30,
                                   text=d.text[:60]),))


def result(d: Document, *events: Event, provisional: tuple[Entity, ...] = ()
           ) -> ExtractionResult:
    """An extraction result."""
    return ExtractionResult(document=d, events=tuple(events), provisional=provisional)


def corpus(n: int = 6) -> list[ExtractionResult]:
    """``n`` documents: pairs reporting the same meeting, one planned visit, one call."""
    out = []
    for i in range(n):
        d = doc(i, source=["vna", "khmertimes", "xinhua"][i % 3])
        day = D + dt.timedelta(days=3 * (i // 2))
        evs = [event(d, 0, date=day, place=PHNOM_PENH if i % 2 else None)]
        if i == 0:
            evs.append(event(d, 1, type="AGREE", cameo="036", actor=HUN_SEN,
                             recipient=TO_LAM, date=None))
            evs.append(event(d, 2, cameo="042", actor=TO_LAM, recipient=KHM,
                             status="planned", date=D + dt.timedelta(days=1)))
        if i == 3:
            evs.append(event(d, 1, cameo="042", actor=TO_LAM, recipient=KHM,
                             date=D + dt.timedelta(days=2), participants=(PROV,)))
        out.append(result(d, *evs, provisional=(PROV,) if i == 3 else ()))
    return out
