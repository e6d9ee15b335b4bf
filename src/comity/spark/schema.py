"""Explicit Arrow schemas of Comity's Parquet output, and lossless row conversions.

Three tables, written by ``comity spark extract`` (and ``events`` by ``comity spark merge``):

``events``
    One row per coded event, every field of :class:`comity.model.Event`, with the actors
    (``actor``, ``recipient``, ``participants``: lists of entity structs), ``location`` (a
    place struct) and ``mentions`` (list of mention structs) nested, so that a row converts
    back to the very same ``Event`` (:func:`event_from_row`).
``mentions``
    The mentions flattened for analysts: ``event_id`` then the mention fields.
``documents``
    One row per input document (or per input that could not be read, with ``error`` set):
    the document fields, ``error``, ``n_events``, the actors not in the knowledge base
    (``provisional``) and the document's own ``events`` nested (the same rows as in
    ``events``). A row is therefore a whole :class:`~comity.model.ExtractionResult`
    (:func:`result_from_row`), which is what ``comity load`` hands to the database, exactly
    as ``comity ingest`` does on one machine. The ``events`` and ``mentions`` tables are
    flattened views of it for analysts and for ``comity spark merge``.

This module imports pyarrow only (not pyspark), so ``comity load`` and pandas users can
read the output without Spark. The Spark schemas are derived from these Arrow schemas.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pyarrow as pa

from comity.model import Document, Entity, Event, ExtractionResult, Mention, Place

ENTITY_TYPE = pa.struct([
    ("id", pa.string()), ("name", pa.string()), ("kind", pa.string()), ("text", pa.string()),
    ("country", pa.string()), ("sector", pa.string()), ("title", pa.string()),
    ("wikidata", pa.string()), ("provisional", pa.bool_()),
])
PLACE_TYPE = pa.struct([
    ("name", pa.string()), ("country", pa.string()), ("lat", pa.float64()),
    ("lon", pa.float64()), ("geonameid", pa.int64()), ("text", pa.string()),
    ("resolution", pa.int64()),
])
MENTION_FIELDS: list[tuple[str, pa.DataType]] = [
    ("doc", pa.string()), ("sentence", pa.int64()), ("start", pa.int64()),
    ("end", pa.int64()), ("text", pa.string()), ("url", pa.string()), ("source", pa.string()),
]
MENTION_TYPE = pa.struct(MENTION_FIELDS)

EVENT_SCHEMA = pa.schema([
    ("id", pa.string()), ("type", pa.string()), ("cameo", pa.string()),
    ("actor", pa.list_(ENTITY_TYPE)), ("recipient", pa.list_(ENTITY_TYPE)),
    ("participants", pa.list_(ENTITY_TYPE)), ("mode", pa.string()),
    ("context", pa.list_(pa.string())), ("status", pa.string()), ("date", pa.date32()),
    ("date_text", pa.string()), ("date_precision", pa.string()),
    ("story_date", pa.date32()), ("location", PLACE_TYPE), ("intensity", pa.float64()),
    ("goldstein", pa.float64()), ("quad", pa.int64()), ("mentions", pa.list_(MENTION_TYPE)),
    ("kind", pa.string()), ("trigger", pa.string()), ("symmetric", pa.bool_()),
    ("num_mentions", pa.int64()), ("num_sources", pa.int64()),
    ("links", pa.list_(pa.string())),
])
MENTION_SCHEMA = pa.schema([("event_id", pa.string()), *MENTION_FIELDS])
DOCUMENT_FIELDS: list[tuple[str, pa.DataType]] = [
    ("id", pa.string()), ("text", pa.string()), ("story_date", pa.date32()),
    ("url", pa.string()), ("title", pa.string()), ("source", pa.string()),
    ("path", pa.string()), ("body_start", pa.int64()),
]
DOCUMENT_SCHEMA = pa.schema([
    *DOCUMENT_FIELDS, ("error", pa.string()), ("n_events", pa.int64()),
    ("provisional", pa.list_(ENTITY_TYPE)), ("events", pa.list_(pa.struct(EVENT_SCHEMA))),
])
#: input rows of JSON Lines / Parquet inputs (the reader's fields)
INPUT_SCHEMA = pa.schema([
    ("id", pa.string()), ("text", pa.string()), ("date", pa.string()),
    ("url", pa.string()), ("title", pa.string()), ("source", pa.string()),
])
#: input rows of folder inputs: one file path per row
PATH_SCHEMA = pa.schema([("path", pa.string())])


# --------------------------------------------------------------------------- to rows

def entity_row(entity: Entity) -> dict[str, Any]:
    """An entity as a row of ``ENTITY_TYPE``."""
    return {f.name: getattr(entity, f.name) for f in ENTITY_TYPE}


def place_row(place: Place | None) -> dict[str, Any] | None:
    """A place as a row of ``PLACE_TYPE`` (None stays None)."""
    if place is None:
        return None
    return {f.name: getattr(place, f.name) for f in PLACE_TYPE}


def mention_row(mention: Mention) -> dict[str, Any]:
    """A mention as a row of ``MENTION_TYPE``."""
    return {name: getattr(mention, name) for name, _ in MENTION_FIELDS}


def event_row(event: Event) -> dict[str, Any]:
    """An event as a row of ``EVENT_SCHEMA`` (lossless: see :func:`event_from_row`)."""
    return {
        "id": event.id, "type": event.type, "cameo": event.cameo,
        "actor": [entity_row(e) for e in event.actor],
        "recipient": [entity_row(e) for e in event.recipient],
        "participants": [entity_row(e) for e in event.participants],
        "mode": event.mode, "context": list(event.context), "status": event.status,
        "date": event.date, "date_text": event.date_text,
        "date_precision": event.date_precision, "story_date": event.story_date,
        "location": place_row(event.location), "intensity": float(event.intensity),
        "goldstein": float(event.goldstein), "quad": event.quad,
        "mentions": [mention_row(m) for m in event.mentions], "kind": event.kind,
        "trigger": event.trigger, "symmetric": event.symmetric,
        "num_mentions": event.num_mentions, "num_sources": event.num_sources,
        "links": list(event.links),
    }


def document_row(document: Document) -> dict[str, Any]:
    """A document (with no events) as a row of ``DOCUMENT_SCHEMA``."""
    row: dict[str, Any] = {name: getattr(document, name) for name, _ in DOCUMENT_FIELDS}
    row.update(error=None, n_events=0, provisional=[], events=[])
    return row


def result_row(result: ExtractionResult) -> dict[str, Any]:
    """An extraction result (document, events, provisional actors) as a document row."""
    row = document_row(result.document)
    row.update(n_events=len(result.events),
               provisional=[entity_row(e) for e in result.provisional],
               events=[event_row(e) for e in result.events])
    return row


def error_row(doc_id: str, message: str, *, path: str | None = None) -> dict[str, Any]:
    """A ``DOCUMENT_SCHEMA`` row for an input that could not be read or processed."""
    row: dict[str, Any] = {name: None for name, _ in DOCUMENT_FIELDS}
    row.update(id=doc_id, text="", path=path, body_start=0, error=message, n_events=0,
               provisional=[], events=[])
    return row


def mention_rows(event: Event) -> list[dict[str, Any]]:
    """Rows of ``MENTION_SCHEMA`` for the mentions of one event."""
    return [{"event_id": event.id, **mention_row(m)} for m in event.mentions]


# --------------------------------------------------------------------------- from rows

def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def entity_from_row(row: Mapping[str, Any]) -> Entity:
    """The :class:`Entity` of an ``ENTITY_TYPE`` row."""
    return Entity(**{f.name: row[f.name] for f in ENTITY_TYPE})


def place_from_row(row: Mapping[str, Any] | None) -> Place | None:
    """The :class:`Place` of a ``PLACE_TYPE`` row (None stays None)."""
    if row is None:
        return None
    return Place(**{f.name: row[f.name] for f in PLACE_TYPE})


def mention_from_row(row: Mapping[str, Any]) -> Mention:
    """The :class:`Mention` of a ``MENTION_TYPE`` row."""
    return Mention(**{name: row[name] for name, _ in MENTION_FIELDS})


def event_from_row(row: Mapping[str, Any]) -> Event:
    """The :class:`Event` of an ``EVENT_SCHEMA`` row (extra columns are ignored)."""
    return Event(
        id=row["id"], type=row["type"], cameo=row["cameo"],
        actor=tuple(entity_from_row(e) for e in row["actor"] or ()),
        recipient=tuple(entity_from_row(e) for e in row["recipient"] or ()),
        participants=tuple(entity_from_row(e) for e in row["participants"] or ()),
        mode=row["mode"], context=tuple(row["context"] or ()), status=row["status"],
        date=_date(row["date"]), date_text=row["date_text"],
        date_precision=row["date_precision"], story_date=_date(row["story_date"]),
        location=place_from_row(row["location"]), intensity=row["intensity"],
        goldstein=row["goldstein"], quad=row["quad"],
        mentions=tuple(mention_from_row(m) for m in row["mentions"] or ()),
        kind=row["kind"], trigger=row["trigger"], symmetric=row["symmetric"],
        num_mentions=row["num_mentions"], num_sources=row["num_sources"],
        links=tuple(row["links"] or ()),
    )


def document_from_row(row: Mapping[str, Any]) -> Document:
    """The :class:`Document` of a ``DOCUMENT_SCHEMA`` row."""
    values = {name: row[name] for name, _ in DOCUMENT_FIELDS}
    values["story_date"] = _date(values["story_date"])
    values["body_start"] = values["body_start"] or 0
    return Document(**values)


def result_from_row(row: Mapping[str, Any]) -> ExtractionResult:
    """The :class:`ExtractionResult` of a ``DOCUMENT_SCHEMA`` row (not an error row)."""
    return ExtractionResult(
        document=document_from_row(row),
        events=tuple(event_from_row(e) for e in row["events"] or ()),
        provisional=tuple(entity_from_row(e) for e in row["provisional"] or ()))


def spark_schema(schema: pa.Schema) -> Any:
    """The Spark ``StructType`` of an Arrow schema (imports pyspark; driver side)."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(schema)
