"""Records the event store returns: filters, summaries, search hits, aggregates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from comity.model import Mention, Role

SORTS = ("date", "-date", "intensity", "-intensity", "mentions", "-mentions")


@dataclass(frozen=True)
class EventFilter:
    """Which canonical events a query returns (every field optional, combined with AND)."""

    #: name (diacritic/case-insensitive, alias-aware) or entity id
    actor: str | None = None
    #: ISO3 of actor or recipient
    country: str | None = None
    #: two actor names/ids or two ISO3 codes, either direction
    dyad: tuple[str, str] | None = None
    #: PLOVER type
    type: str | None = None
    status: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    #: place name (folded) or ISO3 country of the place
    place: str | None = None
    #: full-text query over the mentions' documents
    text: str | None = None
    #: True: planned events only; False: occurred only
    planned: bool | None = None


@dataclass(frozen=True)
class IngestSummary:
    """What one ingest call did."""

    documents: int = 0
    new_documents: int = 0
    unchanged: int = 0
    replaced: int = 0
    #: per-document events stored
    events: int = 0
    #: of those, how many joined a canonical event with other reports
    merged: int = 0
    errors: int = 0

    def __add__(self, other: IngestSummary) -> IngestSummary:
        return IngestSummary(*(a + b for a, b in zip(_astuple(self), _astuple(other),
                                                      strict=True)))


def _astuple(s: IngestSummary) -> tuple[int, ...]:
    return (s.documents, s.new_documents, s.unchanged, s.replaced, s.events, s.merged,
            s.errors)


@dataclass(frozen=True)
class ActorSummary:
    """An actor as stored: knowledge-base or provisional, with evidence for the latter."""

    id: str
    name: str
    kind: str = "person"
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    provisional: bool = False
    first_doc: str | None = None
    #: the text as written where the actor was first seen
    evidence: str | None = None
    events: int = 0


@dataclass(frozen=True)
class ActorDetail:
    """An actor with roles over time (from the knowledge base) and event statistics."""

    actor: ActorSummary
    roles: tuple[Role, ...] = ()
    aliases: tuple[str, ...] = ()
    events: int = 0
    first_date: dt.date | None = None
    last_date: dt.date | None = None


@dataclass(frozen=True)
class DocumentSummary:
    """A stored document without its text."""

    id: str
    url: str | None
    title: str | None
    source: str | None
    story_date: dt.date | None
    content_hash: str
    events: int = 0


@dataclass(frozen=True)
class StoredDocument:
    """A stored document with its text and the evidence spans of its mentions."""

    summary: DocumentSummary
    text: str
    #: (canonical event id, mention) pairs, in text order
    mentions: tuple[tuple[str, Mention], ...] = ()


@dataclass(frozen=True)
class SearchHit:
    """A full-text search hit."""

    doc_id: str
    title: str | None
    snippet: str


@dataclass(frozen=True)
class DyadCount:
    """Events between two countries (sorted pair) in a period."""

    country_a: str
    country_b: str
    period: str
    count: int
    mean_intensity: float


@dataclass(frozen=True)
class NetworkEdge:
    """Directed actor->recipient edge (actor or country level)."""

    source_id: str
    source_name: str
    target_id: str
    target_name: str
    count: int
    mean_intensity: float
