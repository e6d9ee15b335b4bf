"""The REST API routes (mounted under ``/api`` by :func:`comity.web.app.create_app`).

Every route is a thin layer over :class:`comity.store.Store`: it validates the query,
builds an :class:`comity.store.EventFilter`, calls the store and returns JSON. Routes are
plain functions (run in the server's thread pool), so a slow query never blocks the loop.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
import logging
import re
import unicodedata
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field

from comity.errors import NotFoundError
from comity.model import Document
from comity.web.serialize import page, to_json

log = logging.getLogger(__name__)

router = APIRouter()

MAX_LIMIT = 500
_COUNTRY = re.compile(r"^[A-Za-z]{3}$")


def _json(data: Any, status: int = 200) -> Response:
    """``data`` (already plain JSON types) as a response, skipping FastAPI's generic
    encoder (ten times slower on a page of events)."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return Response(body.encode("utf-8"), status_code=status, media_type="application/json")


def _store(request: Request) -> Any:
    return request.app.state.store


def _bad(field: str, problem: str) -> HTTPException:
    return HTTPException(status_code=422, detail=f"invalid request: query {field}: {problem}")


def parse_dyad(value: str | None) -> tuple[str, str] | None:
    """Two countries (``VNM-KHM``) or two actors (``Hun Sen,kb:person/to-lam``: names or
    ids, comma-separated) as a pair; three-letter parts are upper-cased as ISO3 codes."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if "," in text:
        parts = [p.strip() for p in text.split(",")]
    else:
        m = re.fullmatch(r"([A-Za-z]{3})\s*[-/: ]\s*([A-Za-z]{3})", text)
        parts = [m.group(1), m.group(2)] if m else [text]
    if len(parts) != 2 or not all(parts):
        raise _bad("dyad", "expected two ISO3 codes like VNM-KHM or two actors separated "
                           f"by a comma, got {value!r}")
    a, b = (p.upper() if _COUNTRY.match(p) else p for p in parts)
    return a, b


class EventQuery:
    """The event filters shared by ``/events``, ``/dyads`` and ``/network``."""

    def __init__(
        self,
        actor: Annotated[str | None, Query(description="actor id (kb:...) or name")] = None,
        country: Annotated[str | None, Query(description="ISO alpha-3 code of an actor's "
                                             "or recipient's country")] = None,
        dyad: Annotated[str | None, Query(description="two countries (VNM-KHM) or two "
                                          "actors, names or ids, comma-separated; either "
                                          "direction")] = None,
        type: Annotated[str | None, Query(description="PLOVER event type, e.g. CONSULT")
                        ] = None,
        status: Annotated[Literal["occurred", "planned"] | None, Query()] = None,
        date_from: Annotated[dt.date | None, Query(description="YYYY-MM-DD, inclusive")
                             ] = None,
        date_to: Annotated[dt.date | None, Query(description="YYYY-MM-DD, inclusive")
                           ] = None,
        place: Annotated[str | None, Query(description="place name or country code")] = None,
        text: Annotated[str | None, Query(description="words in the evidence sentence")
                        ] = None,
    ) -> None:
        if country is not None and country.strip() and not _COUNTRY.match(country.strip()):
            raise _bad("country", f"expected an ISO alpha-3 code like VNM, got {country!r}")
        if date_from and date_to and date_from > date_to:
            raise _bad("date_from", f"{date_from} is after date_to {date_to}")
        self.values: dict[str, Any] = {
            "actor": actor or None,
            "country": country.strip().upper() if country and country.strip() else None,
            "dyad": parse_dyad(dyad),
            "type": type.strip().upper() if type and type.strip() else None,
            "status": status,
            "date_from": date_from,
            "date_to": date_to,
            "place": place or None,
            "text": text or None,
        }

    def filter(self) -> Any:
        """The store's :class:`EventFilter` for these values."""
        from comity.store import EventFilter

        return EventFilter(**self.values)


Filters = Annotated[EventQuery, Depends()]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size (1-{MAX_LIMIT})")]
Offset = Annotated[int, Query(ge=0, description="items to skip")]
EventSort = Literal["date", "-date", "intensity", "-intensity", "mentions", "-mentions"]


def _open_page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    """A page of a list without a total: ``more`` tells whether another page follows
    (the store was asked for ``limit + 1`` items)."""
    return {"limit": limit, "offset": offset, "count": min(len(items), limit),
            "more": len(items) > limit, "items": to_json(items[:limit])}


@router.get("/health", summary="Server and database status")
def health(request: Request) -> Response:
    """``{"status": "ok", "events": N}`` when the database answers."""
    from comity.store import EventFilter

    return _json({"status": "ok", "events": _store(request).count_events(EventFilter())})


@router.get("/events", summary="Events, filtered, sorted and paginated")
def events(request: Request, filters: Filters, limit: Limit = 50, offset: Offset = 0,
           sort: Annotated[EventSort, Query(description="sort key; '-' for descending")
                           ] = "-date") -> Response:
    """A page of events matching the filters, with the total count."""
    store = _store(request)
    filt = filters.filter()
    items = store.events(filt, limit=limit, offset=offset, sort=sort)
    # a short page that is not past the end is the last page: no need to count
    total = offset + len(items) if 0 < len(items) < limit or (offset == 0 and not items) \
        else store.count_events(filt)
    return _json(page(items, total, limit, offset, sort=sort,
                filters={k: v for k, v in filters.values.items() if v is not None}))


@router.get("/events/{event_id}", summary="One event with its mentions")
def event(request: Request, event_id: str) -> Response:
    """The event record; ``documents`` describes each document it is mentioned in."""
    store = _store(request)
    ev = store.event(event_id)
    docs: dict[str, Any] = {}
    for m in ev.mentions:
        if m.doc in docs:
            continue
        try:
            doc = store.document(m.doc)
        except NotFoundError:
            docs[m.doc] = None
            continue
        docs[m.doc] = to_json(doc.summary)
    record: dict[str, Any] = to_json(ev)
    record["documents"] = docs
    return _json(record)


@router.get("/actors", summary="Actors, searchable by name")
def actors(request: Request, limit: Limit = 50, offset: Offset = 0,
           q: Annotated[str | None, Query(description="part of a name")] = None,
           provisional: Annotated[bool | None, Query(
               description="true: only actors not in the knowledge base")] = None,
           ) -> Response:
    """A page of actors with their event counts."""
    items = _store(request).actors(query=q or None, provisional=provisional,
                                   limit=limit + 1, offset=offset)
    return _json(_open_page(items, limit, offset))


@router.get("/actors/{actor_id:path}", summary="One actor: roles over time and events")
def actor(request: Request, actor_id: str,
          events_limit: Annotated[int, Query(ge=0, le=MAX_LIMIT,
                                             description="recent events to include")] = 50,
          ) -> Response:
    """The actor with roles over time, aliases, event statistics and recent events."""
    from comity.store import EventFilter

    store = _store(request)
    out: dict[str, Any] = to_json(store.actor(actor_id))
    recent = store.events(EventFilter(actor=actor_id), limit=events_limit, sort="-date") \
        if events_limit else []
    out["recent_events"] = to_json(recent)
    return _json(out)


@router.get("/documents", summary="Documents in the database")
def documents(request: Request, limit: Limit = 50, offset: Offset = 0) -> Response:
    """A page of document summaries."""
    items = _store(request).documents(limit=limit + 1, offset=offset)
    return _json(_open_page(items, limit, offset))


@router.get("/documents/{doc_id:path}", summary="One document: text and evidence spans")
def document(request: Request, doc_id: str) -> Response:
    """The document text with the evidence spans of its events.

    ``evidence`` lists ``{event, sentence, start, end, text}`` in text order; ``start`` and
    ``end`` are character (code point) offsets into ``text``.
    """
    doc = _store(request).document(doc_id)
    return _json({
        "summary": to_json(doc.summary),
        "text": doc.text,
        "evidence": [{"event": event_id, "sentence": m.sentence, "start": m.start,
                      "end": m.end, "text": m.text} for event_id, m in doc.mentions],
    })


class NewDocument(BaseModel):
    """A document to ingest through ``POST /api/documents``."""

    id: str = Field(min_length=1, max_length=300, description="unique document id")
    text: str = Field(min_length=1, description="the article text (plain text)")
    date: dt.date | None = Field(default=None, description="story date, YYYY-MM-DD")
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=300)


def _check_token(request: Request, authorization: str | None) -> None:
    token: str | None = request.app.state.token
    if not token:
        raise HTTPException(403, "ingest is disabled: the operator has set no API token "
                                 "(start `comity serve` with --token or COMITY_API_TOKEN)")
    if not authorization or not authorization.lower().startswith("bearer "):
        raise HTTPException(401, "ingest needs the header 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})
    given = authorization[7:].strip()
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(403, "the bearer token is not the operator's token")


@router.post("/documents", status_code=201, summary="Ingest a document (needs the token)")
def ingest(request: Request, body: NewDocument,
           authorization: Annotated[str | None, Header()] = None) -> Response:
    """Extract the events of one document and store them; answers the ids created."""
    _check_token(request, authorization)
    store = _store(request)
    doc = Document(id=body.id, text=unicodedata.normalize("NFC", body.text),
                   story_date=body.date, url=body.url, title=body.title,
                   source=body.source)
    with request.app.state.ingest_lock:
        try:
            store.document(doc.id)
        except NotFoundError:
            pass
        else:
            raise HTTPException(409, f"document {doc.id!r} already exists")
        results = list(request.app.state.extractor([doc]))
        store.ingest(results)
    event_ids = [ev.id for r in results for ev in r.events]
    log.info("ingested document %s with %d events", doc.id, len(event_ids))
    return _json({"id": doc.id, "events": event_ids}, 201)


@router.get("/search", summary="Full-text search over the documents")
def search(request: Request,
           q: Annotated[str, Query(min_length=1, max_length=500, description="words")],
           limit: Limit = 20) -> Response:
    """Search hits, best first."""
    hits = _store(request).search(q, limit=limit)
    return _json({"q": q, "count": len(hits), "items": to_json(hits)})


@router.get("/dyads", summary="Events per period between pairs of countries")
def dyads(request: Request, filters: Filters,
          by: Annotated[Literal["month", "year", "day"], Query()] = "month"
          ) -> Response:
    """Counts and mean intensity per country pair and period."""
    items = _store(request).dyads(filters.filter(), by=by)
    return _json({"by": by, "count": len(items), "items": to_json(items)})


@router.get("/network", summary="Actor or country network")
def network(request: Request, filters: Filters,
            level: Annotated[Literal["actor", "country"], Query()] = "actor"
            ) -> Response:
    """Edges weighted by event count and mean intensity."""
    items = _store(request).network(filters.filter(), level=level)
    return _json({"level": level, "count": len(items), "items": to_json(items)})
