"""Apache Arrow / Parquet export: typed columns (dates as ``date32``, lists as lists,
entities, places and mentions as structs)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from comity.errors import ExportError
from comity.model import Event
from comity.output import event_to_record

log = logging.getLogger(__name__)

ENTITY_TYPE = pa.struct([
    ("id", pa.string()), ("name", pa.string()), ("kind", pa.string()),
    ("text", pa.string()), ("country", pa.string()), ("sector", pa.string()),
    ("title", pa.string()), ("wikidata", pa.string()), ("provisional", pa.bool_())])
PLACE_TYPE = pa.struct([
    ("name", pa.string()), ("country", pa.string()), ("lat", pa.float64()),
    ("lon", pa.float64()), ("geonameid", pa.int64()), ("text", pa.string()),
    ("resolution", pa.int8())])
MENTION_TYPE = pa.struct([
    ("doc", pa.string()), ("url", pa.string()), ("source", pa.string()),
    ("sentence", pa.int32()), ("start", pa.int32()), ("end", pa.int32()),
    ("text", pa.string())])

#: the Arrow schema of an event table (one row per event)
EVENT_SCHEMA = pa.schema([
    ("id", pa.string()), ("type", pa.string()), ("mode", pa.string()),
    ("cameo", pa.string()), ("context", pa.list_(pa.string())), ("status", pa.string()),
    ("date", pa.date32()), ("date_text", pa.string()), ("date_precision", pa.string()),
    ("story_date", pa.date32()), ("actor", pa.list_(ENTITY_TYPE)),
    ("recipient", pa.list_(ENTITY_TYPE)), ("participants", pa.list_(ENTITY_TYPE)),
    ("location", PLACE_TYPE), ("intensity", pa.float64()), ("goldstein", pa.float64()),
    ("quad", pa.int8()), ("kind", pa.string()), ("trigger", pa.string()),
    ("symmetric", pa.bool_()), ("mentions", pa.list_(MENTION_TYPE)),
    ("num_mentions", pa.int32()), ("num_sources", pa.int32()),
    ("links", pa.list_(pa.string()))])


def _row(event: Event) -> dict[str, Any]:
    rec = event_to_record(event)
    rec["date"], rec["story_date"] = event.date, event.story_date
    return rec


def events_to_table(events: Iterable[Event]) -> pa.Table:
    """An Arrow table of ``events`` with :data:`EVENT_SCHEMA`."""
    rows = [_row(ev) for ev in events]
    try:
        return pa.Table.from_pylist(rows, schema=EVENT_SCHEMA)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise ExportError(f"cannot build the Arrow table: {exc}") from exc


def write_parquet(events: Iterable[Event], out: BinaryIO | str) -> int:
    """Write ``events`` as a Parquet file; returns the number of rows."""
    table = events_to_table(events)
    try:
        pq.write_table(table, out)
    except (OSError, pa.ArrowException) as exc:
        raise ExportError(f"cannot write Parquet: {exc}") from exc
    return table.num_rows
