"""PLOVER JSON Lines: export (one object a line, the PLOVER manual's fields) and import.

Export writes the PLOVER fields (``id``, ``date``, ``actor``, ``recipient``, ``event``,
``event_loc``, ``quad_code``, ``event_scale``, ``mode``, ``context``, ``link``, ``text``,
``text_info``, ``cite_info``, ...) and, under the key ``comity``, what PLOVER has no field
for (CAMEO code, status, exact date fields, every mention, entity ids), so that
export -> import -> export is byte-identical. Import accepts files coded elsewhere too
(no ``comity`` block): the missing fields are derived from the code tables.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TextIO

from comity import __version__
from comity.errors import DataFileError, ExportError
from comity.interop.codes import code_tables
from comity.model import Entity, Event, Mention, Place
from comity.output import (
    entity_to_record,
    mention_to_record,
    record_to_entity,
    record_to_mention,
)
from comity.textnorm import name_key

log = logging.getLogger(__name__)

_RESOLUTION_FEATURE = {5: "PPLX", 4: "PPL", 3: "ADM2", 2: "ADM1", 1: "PCLI"}


def _entity(e: Entity) -> dict[str, Any]:
    return {"code": e.country, "sector": e.sector, "entity_text": e.text or e.name,
            "identifier_id": e.wikidata, "identifier_text": e.name, "office": e.title,
            "comity": {"id": e.id, "kind": e.kind, "text": e.text,
                       "provisional": e.provisional}}


def _location(p: Place) -> dict[str, Any]:
    tables = code_tables()
    res = p.resolution
    return {"extracted_place": p.text or p.name, "resolved_place": p.name,
            "geonameid": p.geonameid, "lat": p.lat, "lon": p.lon,
            "city": p.name if res >= 4 else None, "district": p.name if res == 3 else None,
            "province": p.name if res == 2 else None,
            "country": tables.country_name(p.country) or None, "country_code": p.country,
            "feature_class": "A" if res <= 3 else "P",
            "feature_code": _RESOLUTION_FEATURE.get(res), "resolution": res,
            "comity": {"text": p.text}}


def event_to_plover(event: Event) -> dict[str, Any]:
    """One event as a PLOVER record (a JSON-ready dict, keys in the manual's order)."""
    day = event.date or event.story_date
    if day is None:
        raise ExportError(f"event {event.id}: PLOVER requires a date and the event has "
                          "neither an event date nor a story date")
    first = event.mentions[0] if event.mentions else None
    rec: dict[str, Any] = {
        "id": event.id,
        "date": day.isoformat(),
        "has_event": True,
        "actor": [_entity(e) for e in event.actor],
        "recipient": [_entity(e) for e in event.recipient],
        "event": [event.type],
        "event_loc": _location(event.location) if event.location else None,
        "event_text": [event.trigger] if event.trigger else [],
        "quad_code": event.quad,
        "event_scale": event.intensity,
        "mode": [event.mode] if event.mode else [],
        "context": list(event.context),
        "link": event.links[0] if event.links else None,
        "text": first.text if first else None,
        "text_info": ({"sequence": first.sentence, "start": first.start, "end": first.end,
                       "text_story": first.doc} if first else None),
        "cite_info": ({"corpus": "comity", "citation": first.doc, "url": first.url,
                       "title": None, "language": "en", "publication": first.source,
                       "coder": "comity", "codebook": "PLOVER", "version": __version__}
                      if first else None),
        "coder": "comity",
        "comity": {
            "cameo": event.cameo, "goldstein": event.goldstein, "status": event.status,
            "kind": event.kind, "date": event.date.isoformat() if event.date else None,
            "date_text": event.date_text, "date_precision": event.date_precision,
            "story_date": event.story_date.isoformat() if event.story_date else None,
            "symmetric": event.symmetric, "num_mentions": event.num_mentions,
            "num_sources": event.num_sources, "links": list(event.links),
            "participants": [entity_to_record(e) for e in event.participants],
            "mentions": [mention_to_record(m) for m in event.mentions],
        },
    }
    return rec


def write_plover(events: Iterable[Event], out: TextIO) -> int:
    """Write ``events`` as PLOVER JSON Lines to ``out``; returns the number written."""
    n = 0
    for ev in events:
        out.write(json.dumps(event_to_plover(ev), ensure_ascii=False) + "\n")
        n += 1
    return n


# ---------------------------------------------------------------------------- import
class _Line:
    """Validation helpers for one PLOVER record, raising file:line errors."""

    def __init__(self, path: Path, line: int) -> None:
        self.path, self.line = path, line

    def fail(self, message: str) -> DataFileError:
        return DataFileError(message, self.path, self.line)

    def date(self, value: Any, key: str) -> dt.date | None:
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError as exc:
            raise self.fail(f"{key}: {value!r} is not a YYYY-MM-DD date") from exc

    def strings(self, rec: Mapping[str, Any], key: str) -> tuple[str, ...]:
        value = rec.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(f"{key!r} must be a list of strings")
        return tuple(value)

    def entity(self, d: Any, key: str, n: int) -> Entity:
        if not isinstance(d, dict):
            raise self.fail(f"{key}[{n}] must be an object")
        extra = d.get("comity")
        if isinstance(extra, dict):
            eid, kind = str(extra.get("id") or ""), str(extra.get("kind") or "person")
            text, prov = str(extra.get("text") or ""), bool(extra.get("provisional"))
        else:
            eid, kind, text, prov = "", "person", str(d.get("entity_text") or ""), False
        name = d.get("identifier_text") or d.get("entity_text") or d.get("code")
        if not isinstance(name, str) or not name.strip():
            raise self.fail(f"{key}[{n}]: an entity needs identifier_text, entity_text "
                            "or code")
        code = d.get("code")
        if code is not None and (not isinstance(code, str) or len(code) != 3):
            raise self.fail(f"{key}[{n}].code: {code!r} is not a three-letter code")
        qid = d.get("identifier_id")
        if not eid:
            eid = f"plover:{qid}" if qid else f"prov:{name_key(name).replace(' ', '-')}"
            prov = not qid
        return Entity(id=eid, name=name, kind=kind, text=text, country=code,
                      sector=d.get("sector"), title=d.get("office"), wikidata=qid,
                      provisional=prov)

    def place(self, d: Any) -> Place | None:
        if d is None:
            return None
        if not isinstance(d, dict):
            raise self.fail("'event_loc' must be an object")
        name = d.get("resolved_place") or d.get("extracted_place") or d.get("city") \
            or d.get("province") or d.get("country")
        if not isinstance(name, str):
            raise self.fail("event_loc: needs resolved_place, extracted_place or country")
        extra = d.get("comity")
        text = (extra.get("text") if isinstance(extra, dict)
                else d.get("extracted_place")) or ""
        try:
            return Place(name=name, country=d.get("country_code"),
                         lat=None if d.get("lat") is None else float(d["lat"]),
                         lon=None if d.get("lon") is None else float(d["lon"]),
                         geonameid=None if d.get("geonameid") is None
                         else int(d["geonameid"]),
                         text=str(text), resolution=int(d.get("resolution") or 4))
        except (TypeError, ValueError) as exc:
            raise self.fail(f"event_loc: {exc}") from exc


def plover_to_events(rec: Mapping[str, Any], chk: _Line) -> list[Event]:
    """Events of one PLOVER record (one per type in ``event``), validated."""
    tables = code_tables()
    for key in ("id", "date", "actor", "event"):
        if key not in rec:
            raise chk.fail(f"missing required PLOVER field {key!r}")
    if not isinstance(rec["id"], str) or not rec["id"]:
        raise chk.fail("'id' must be a non-empty string")
    types = chk.strings(rec, "event")
    if not types:
        raise chk.fail("'event' must list at least one PLOVER type")
    for t in types:
        if t.upper() not in tables.plover:
            raise chk.fail(f"unknown PLOVER event type {t!r}; known: "
                           f"{', '.join(sorted(tables.plover))}")
    if not isinstance(rec["actor"], list) or not rec["actor"]:
        raise chk.fail("'actor' must be a non-empty list of entities")
    recipients = rec.get("recipient") or []
    if not isinstance(recipients, list):
        raise chk.fail("'recipient' must be a list of entities")
    quad = rec.get("quad_code")
    if quad is not None and quad not in (1, 2, 3, 4):
        raise chk.fail(f"'quad_code' must be 1, 2, 3 or 4, got {quad!r}")
    scale = rec.get("event_scale")
    if scale is not None and (isinstance(scale, bool) or not isinstance(scale, int | float)):
        raise chk.fail(f"'event_scale' must be a number, got {scale!r}")
    day = chk.date(rec["date"], "date")
    extra = rec.get("comity") if isinstance(rec.get("comity"), dict) else None
    x: Mapping[str, Any] = extra or {}
    try:
        participants = tuple(record_to_entity(e) for e in x.get("participants") or ())
        mentions: tuple[Mention, ...] = tuple(record_to_mention(m)
                                              for m in x.get("mentions") or ())
    except ExportError as exc:
        raise chk.fail(str(exc)) from exc
    if not mentions and isinstance(rec.get("text_info"), dict):
        ti, ci = rec["text_info"], rec.get("cite_info") or {}
        mentions = (Mention(doc=str(ti.get("text_story") or ci.get("citation") or rec["id"]),
                            sentence=int(ti.get("sequence") or 0),
                            start=int(ti.get("start") or 0), end=int(ti.get("end") or 0),
                            text=str(rec.get("text") or ""), url=ci.get("url"),
                            source=ci.get("publication")),)
    modes = chk.strings(rec, "mode")
    link = rec.get("link")
    links = tuple(x.get("links") or ([link] if isinstance(link, str) else []))
    out = []
    for t in types:
        spec = tables.plover[t.upper()]
        cameo = str(x.get("cameo") or spec.cameo)
        out.append(Event(
            id=rec["id"] if len(types) == 1 else f"{rec['id']}-{spec.type}",
            type=spec.type, cameo=cameo,
            actor=tuple(chk.entity(e, "actor", n) for n, e in enumerate(rec["actor"])),
            recipient=tuple(chk.entity(e, "recipient", n) for n, e in enumerate(recipients)),
            participants=participants, mode=modes[0] if modes else None,
            context=chk.strings(rec, "context"), status=str(x.get("status") or "occurred"),
            date=chk.date(x.get("date"), "comity.date") if "date" in x else day,
            date_text=x.get("date_text"), date_precision=x.get("date_precision"),
            story_date=chk.date(x.get("story_date"), "comity.story_date"),
            location=chk.place(rec.get("event_loc")),
            intensity=float(scale) if scale is not None else spec.intensity,
            goldstein=float(x["goldstein"]) if "goldstein" in x
            else tables.goldstein(cameo),
            quad=int(quad) if quad is not None else spec.quad, mentions=mentions,
            kind=str(x.get("kind") or "interaction"),
            trigger=(chk.strings(rec, "event_text") or ("",))[0],
            symmetric=bool(x.get("symmetric", False)),
            num_mentions=int(x.get("num_mentions") or max(1, len(mentions))),
            num_sources=int(x.get("num_sources") or 1), links=links))
    return out


def read_plover(lines: Iterable[str], path: Path) -> Iterator[Event]:
    """Events of PLOVER JSON Lines ``lines`` (``path`` names them in errors)."""
    seen: dict[str, int] = {}
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        chk = _Line(path, lineno)
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise chk.fail(f"invalid JSON ({exc.msg} at column {exc.colno})") from exc
        if not isinstance(rec, dict):
            raise chk.fail("each line must be a JSON object")
        for ev in plover_to_events(rec, chk):
            if ev.id in seen:
                raise chk.fail(f"duplicate event id {ev.id!r} (first on line {seen[ev.id]})")
            seen[ev.id] = lineno
            yield ev


def import_plover(path: str | Path) -> list[Event]:
    """Read and validate a PLOVER JSON Lines file; raises DataFileError with the line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"cannot read PLOVER file: {exc}", path) from exc
    events = list(read_plover(text.splitlines(), path))
    log.info("%s: %d PLOVER events", path, len(events))
    return events
