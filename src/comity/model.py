"""The typed data model shared by every stage.

``Document`` (ingest) -> ``ParsedDocument`` (nlp) -> ``Event`` with ``Entity``, ``Place`` and
``Mention`` (coding, dates/places, dedup) -> store / output. All records are frozen
dataclasses; collections are tuples so records are hashable and safe to share.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True)
class Document:
    """One article: its id, text (NFC), story date and where it came from."""

    id: str
    text: str
    story_date: dt.date | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    path: str | None = None
    #: offset in ``text`` where the body starts (after a ``date`` line, say)
    body_start: int = 0


# --------------------------------------------------------------------------- nlp


@dataclass(frozen=True)
class Token:
    """A token of a parsed sentence. ``i`` and ``head`` index into the sentence's tokens;
    ``start``/``end`` are character offsets in the document text."""

    i: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    start: int
    end: int
    ent_type: str = ""
    ent_iob: str = "O"
    is_parsed: bool = True


@dataclass(frozen=True)
class Span:
    """A named-entity or actor span in a sentence: token range [start, end)."""

    start: int
    end: int
    label: str
    text: str
    char_start: int
    char_end: int
    #: knowledge-base id when the span came from the actor ruler
    kb_id: str = ""


@dataclass(frozen=True)
class Sentence:
    """A sentence with its tokens and entity spans; offsets are document offsets."""

    index: int
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]
    spans: tuple[Span, ...] = ()
    #: False when the pre-filter skipped the parser (no trigger and no actor)
    parsed: bool = True


@dataclass(frozen=True)
class ParsedDocument:
    """A document with its sentences, as the NLP stage returns it."""

    document: Document
    sentences: tuple[Sentence, ...]
    #: upper-case dateline place ("PHNOM PENH —") if any
    dateline: str | None = None


# --------------------------------------------------------------------------- actors


@dataclass(frozen=True)
class Role:
    """An office held by a person, valid from ``start`` to ``end`` (None = open)."""

    office: str
    country: str | None = None
    sector: str | None = None
    organisation: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def valid_on(self, day: dt.date | None) -> bool:
        """True when the role is held on ``day`` (an unknown day matches any role)."""
        if day is None:
            return True
        if self.start is not None and day < self.start:
            return False
        return not (self.end is not None and day > self.end)


@dataclass(frozen=True)
class Entity:
    """A resolved actor as it takes part in an event.

    ``id`` is the knowledge-base id (``kb:...``) or a provisional id (``prov:...``);
    ``kind`` is person, organisation, country or collective.
    """

    id: str
    name: str
    kind: str = "person"
    text: str = ""
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    wikidata: str | None = None
    provisional: bool = False


# --------------------------------------------------------------------------- places


@dataclass(frozen=True)
class Place:
    """A geocoded place."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    text: str = ""
    #: 4 city, 2 province, 1 country (PLOVER resolution)
    resolution: int = 4


# --------------------------------------------------------------------------- events


@dataclass(frozen=True)
class Mention:
    """Provenance: where in which document an event was reported."""

    doc: str
    sentence: int
    start: int
    end: int
    text: str
    url: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Event:
    """A coded event (PLOVER type with CAMEO code), with actors, date, place, provenance."""

    id: str
    type: str
    cameo: str
    actor: tuple[Entity, ...]
    recipient: tuple[Entity, ...] = ()
    participants: tuple[Entity, ...] = ()
    mode: str | None = None
    context: tuple[str, ...] = ()
    status: str = "occurred"
    date: dt.date | None = None
    date_text: str | None = None
    date_precision: str | None = None
    story_date: dt.date | None = None
    location: Place | None = None
    intensity: float = 0.0
    goldstein: float = 0.0
    quad: int = 1
    mentions: tuple[Mention, ...] = ()
    kind: str = "interaction"
    trigger: str = ""
    symmetric: bool = False
    num_mentions: int = 1
    num_sources: int = 1
    #: ids of related events (a planned event and the event that fulfils it)
    links: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class ExtractionResult:
    """What the pipeline returns for one document: its events (or why it failed)."""

    document: Document
    events: tuple[Event, ...] = ()
    #: actors named in the document that are not in the knowledge base
    provisional: tuple[Entity, ...] = ()


@dataclass(frozen=True)
class ActorMention:
    """An actor found in a sentence by the actor stage.

    ``start``/``end`` are token indexes in the sentence ([start, end)); ``head`` is the
    token that stands for the actor in the parse. ``members`` holds the entities of a
    collective reference ("both sides", "the two leaders"); ``how`` says how it was found
    (name, short, title, coref, collective, country, organisation).
    """

    sentence: int
    start: int
    end: int
    head: int
    entity: Entity
    how: str = "name"
    members: tuple[Entity, ...] = ()
    #: head of delegation ("the CPP delegation led by X")
    leader: Entity | None = None


@dataclass(frozen=True)
class ResolvedDocument:
    """A parsed document with the actors of each sentence (index = sentence index)."""

    parsed: ParsedDocument
    actors: tuple[tuple[ActorMention, ...], ...]
    provisional: tuple[Entity, ...] = ()
    #: country hosting the events of the article (dateline, "visit to X"), if known
    host_country: str | None = None
