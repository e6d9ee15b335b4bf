"""The event JSON schema: ``Event`` <-> plain record, and writers for people and programs.

The schema is documented in ``docs/event-schema.md``. :func:`event_to_record` and
:func:`record_to_event` are inverses (lossless for every field of the schema);
:func:`write_events` writes events as JSON Lines, a JSON array, CSV or an aligned table.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import logging
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from comity.errors import ExportError
from comity.model import Entity, Event, Mention, Place

log = logging.getLogger(__name__)

FORMATS = ("jsonl", "json", "table", "csv")
SCHEMA_VERSION = 1

#: columns of the csv and table formats
CSV_COLUMNS = ("id", "date", "type", "mode", "cameo", "status", "kind", "actor",
               "actor_country", "recipient", "recipient_country", "location",
               "location_country", "intensity", "goldstein", "quad", "num_mentions",
               "num_sources", "story_date", "text")
TABLE_COLUMNS = ("date", "type", "mode", "cameo", "status", "actor", "recipient",
                 "location", "text")
_TABLE_WIDTHS = {"actor": 24, "recipient": 24, "location": 16, "text": 60}


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse_date(value: Any, what: str) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise ExportError(f"{what}: not a YYYY-MM-DD date: {value!r}") from exc


def entity_to_record(entity: Entity) -> dict[str, Any]:
    """An entity as a JSON-ready dict."""
    return {"id": entity.id, "name": entity.name, "text": entity.text,
            "country": entity.country, "sector": entity.sector, "title": entity.title,
            "wikidata": entity.wikidata, "kind": entity.kind,
            "provisional": entity.provisional}


def record_to_entity(d: Mapping[str, Any]) -> Entity:
    """The inverse of :func:`entity_to_record`."""
    try:
        return Entity(id=str(d["id"]), name=str(d["name"]), kind=d.get("kind") or "person",
                      text=d.get("text") or "", country=d.get("country"),
                      sector=d.get("sector"), title=d.get("title"),
                      wikidata=d.get("wikidata"),
                      provisional=bool(d.get("provisional", str(d["id"]).startswith("prov:"))))
    except (KeyError, TypeError) as exc:
        raise ExportError(f"entity record lacks {exc}: {dict(d)!r}") from exc


def place_to_record(place: Place | None) -> dict[str, Any] | None:
    """A place as a JSON-ready dict (None stays None)."""
    if place is None:
        return None
    return {"name": place.name, "country": place.country, "lat": place.lat, "lon": place.lon,
            "geonameid": place.geonameid, "text": place.text,
            "resolution": place.resolution}


def record_to_place(d: Mapping[str, Any] | None) -> Place | None:
    """The inverse of :func:`place_to_record`."""
    if d is None:
        return None
    try:
        return Place(name=str(d["name"]), country=d.get("country"),
                     lat=None if d.get("lat") is None else float(d["lat"]),
                     lon=None if d.get("lon") is None else float(d["lon"]),
                     geonameid=None if d.get("geonameid") is None else int(d["geonameid"]),
                     text=d.get("text") or "", resolution=int(d.get("resolution", 4)))
    except (KeyError, TypeError, ValueError) as exc:
        raise ExportError(f"bad location record {dict(d)!r}: {exc}") from exc


def mention_to_record(m: Mention) -> dict[str, Any]:
    """A mention as a JSON-ready dict."""
    return {"doc": m.doc, "url": m.url, "source": m.source, "sentence": m.sentence,
            "start": m.start, "end": m.end, "text": m.text}


def record_to_mention(d: Mapping[str, Any]) -> Mention:
    """The inverse of :func:`mention_to_record`."""
    try:
        return Mention(doc=str(d["doc"]), sentence=int(d["sentence"]), start=int(d["start"]),
                       end=int(d["end"]), text=str(d["text"]), url=d.get("url"),
                       source=d.get("source"))
    except (KeyError, TypeError, ValueError) as exc:
        raise ExportError(f"bad mention record {dict(d)!r}: {exc}") from exc


def event_to_record(event: Event) -> dict[str, Any]:
    """An event as a JSON-ready dict in the event schema (``docs/event-schema.md``)."""
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "context": list(event.context),
        "status": event.status,
        "date": _date(event.date),
        "date_text": event.date_text,
        "date_precision": event.date_precision,
        "story_date": _date(event.story_date),
        "actor": [entity_to_record(e) for e in event.actor],
        "recipient": [entity_to_record(e) for e in event.recipient],
        "participants": [entity_to_record(e) for e in event.participants],
        "location": place_to_record(event.location),
        "intensity": event.intensity,
        "goldstein": event.goldstein,
        "quad": event.quad,
        "kind": event.kind,
        "trigger": event.trigger,
        "symmetric": event.symmetric,
        "mentions": [mention_to_record(m) for m in event.mentions],
        "num_mentions": event.num_mentions,
        "num_sources": event.num_sources,
        "links": list(event.links),
    }


def record_to_event(d: Mapping[str, Any]) -> Event:
    """The inverse of :func:`event_to_record`; raises :class:`ExportError` on bad records."""
    if not isinstance(d, Mapping):
        raise ExportError(f"an event record must be a JSON object, got {type(d).__name__}")
    try:
        return Event(
            id=str(d["id"]),
            type=str(d["type"]),
            cameo=str(d["cameo"]),
            mode=d.get("mode"),
            context=tuple(d.get("context") or ()),
            status=d.get("status") or "occurred",
            date=_parse_date(d.get("date"), "date"),
            date_text=d.get("date_text"),
            date_precision=d.get("date_precision"),
            story_date=_parse_date(d.get("story_date"), "story_date"),
            actor=tuple(record_to_entity(e) for e in d.get("actor") or ()),
            recipient=tuple(record_to_entity(e) for e in d.get("recipient") or ()),
            participants=tuple(record_to_entity(e) for e in d.get("participants") or ()),
            location=record_to_place(d.get("location")),
            intensity=float(d.get("intensity") or 0.0),
            goldstein=float(d.get("goldstein") or 0.0),
            quad=int(d.get("quad") or 1),
            kind=d.get("kind") or "interaction",
            trigger=d.get("trigger") or "",
            symmetric=bool(d.get("symmetric", False)),
            mentions=tuple(record_to_mention(m) for m in d.get("mentions") or ()),
            num_mentions=int(d.get("num_mentions", len(d.get("mentions") or ()) or 1)),
            num_sources=int(d.get("num_sources") or 1),
            links=tuple(d.get("links") or ()),
        )
    except KeyError as exc:
        raise ExportError(f"event record lacks the field {exc}") from exc
    except (TypeError, ValueError) as exc:
        raise ExportError(f"bad event record {d.get('id')!r}: {exc}") from exc


def _names(entities: Iterable[Entity]) -> str:
    return "; ".join(e.name for e in entities)


def _countries(entities: Iterable[Entity]) -> str:
    return "; ".join(e.country or "" for e in entities)


def flat_row(event: Event) -> dict[str, Any]:
    """One flat row (CSV columns) for an event."""
    loc = event.location
    return {
        "id": event.id, "date": _date(event.date) or "", "type": event.type,
        "mode": event.mode or "", "cameo": event.cameo, "status": event.status,
        "kind": event.kind, "actor": _names(event.actor),
        "actor_country": _countries(event.actor), "recipient": _names(event.recipient),
        "recipient_country": _countries(event.recipient),
        "location": loc.name if loc else "", "location_country": (loc.country or "") if loc
        else "", "intensity": event.intensity, "goldstein": event.goldstein,
        "quad": event.quad, "num_mentions": event.num_mentions,
        "num_sources": event.num_sources, "story_date": _date(event.story_date) or "",
        "text": event.mentions[0].text if event.mentions else "",
    }


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _write_table(events: list[Event], stream: TextIO) -> None:
    rows = []
    for ev in events:
        flat = flat_row(ev)
        rows.append({c: _cut(str(flat[c]), _TABLE_WIDTHS.get(c, 40)) for c in TABLE_COLUMNS})
    widths = {c: max([len(c)] + [len(r[c]) for r in rows]) for c in TABLE_COLUMNS}
    stream.write("  ".join(c.upper().ljust(widths[c]) for c in TABLE_COLUMNS).rstrip() + "\n")
    for r in rows:
        stream.write("  ".join(r[c].ljust(widths[c]) for c in TABLE_COLUMNS).rstrip() + "\n")


def write_events(events: Iterable[Event], fmt: str, stream: TextIO) -> int:
    """Write ``events`` to ``stream`` as jsonl, json, csv or table; returns the count."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
    n = 0
    if fmt == "jsonl":
        for ev in events:
            stream.write(json.dumps(event_to_record(ev), ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "json":
        records = [event_to_record(ev) for ev in events]
        json.dump(records, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
        n = len(records)
    elif fmt == "csv":
        writer = csv.DictWriter(stream, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
        writer.writeheader()
        for ev in events:
            writer.writerow(flat_row(ev))
            n += 1
    else:
        evs = list(events)
        _write_table(evs, stream)
        n = len(evs)
    return n
