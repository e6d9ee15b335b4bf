"""Row conversions and Parquet round trips of comity.spark.schema."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from comity.model import Document, Entity, Event, Mention, Place
from comity.spark import schema
from tests.spark.factories import make_event

CASES = [
    make_event(1, "VNM", "KHM", dt.date(2025, 3, 4)),
    make_event(2, "FRA", "JPN", None, type_="COOPERATE", status="planned"),
    dataclasses.replace(make_event(3, "KHM", "VNM", dt.date(2024, 1, 1)), location=None,
                        participants=(), context=(), links=("ev-9", "ev-10"), mode=None,
                        num_mentions=3, num_sources=2, intensity=-2.5, goldstein=-4.0,
                        quad=4),
]


@pytest.mark.parametrize("event", CASES, ids=lambda e: e.id)
def test_event_row_round_trips_through_parquet(event: Event, tmp_path: Path) -> None:
    table = pa.Table.from_pylist([schema.event_row(event)], schema=schema.EVENT_SCHEMA)
    pq.write_table(table, tmp_path / "e.parquet")
    back = pq.read_table(tmp_path / "e.parquet").to_pylist()
    assert [schema.event_from_row(r) for r in back] == [event]


@pytest.mark.parametrize(("model", "arrow_type"), [
    (Event, pa.struct(schema.EVENT_SCHEMA)),
    (Entity, schema.ENTITY_TYPE),
    (Place, schema.PLACE_TYPE),
    (Mention, schema.MENTION_TYPE),
])
def test_schema_covers_every_model_field(model: type, arrow_type: pa.StructType) -> None:
    names = {f.name for f in dataclasses.fields(model)}
    assert names == {arrow_type.field(i).name for i in range(arrow_type.num_fields)}


def test_document_schema_covers_every_document_field() -> None:
    names = {f.name for f in dataclasses.fields(Document)}
    extra = {"error", "n_events", "provisional", "events"}
    assert names | extra == set(schema.DOCUMENT_SCHEMA.names)


def test_result_row_round_trips_events_and_provisional_actors() -> None:
    from comity.model import ExtractionResult

    result = ExtractionResult(
        document=Document(id="d1", text="x", story_date=dt.date(2025, 3, 4)),
        events=(make_event(1, "VNM", "KHM", dt.date(2025, 3, 4)),),
        provisional=(Entity(id="prov:x", name="X", provisional=True),))
    table = pa.Table.from_pylist([schema.result_row(result)], schema=schema.DOCUMENT_SCHEMA)
    assert schema.result_from_row(table.to_pylist()[0]) == result


@pytest.mark.parametrize("document", [
    Document(id="a", text="Hello.", story_date=dt.date(2025, 1, 2), url="https://x/a",
             title="T", source="S", path="/tmp/a.txt", body_start=3),
    Document(id="b", text=""),
])
def test_document_row_round_trips(document: Document) -> None:
    table = pa.Table.from_pylist([schema.document_row(document)],
                                 schema=schema.DOCUMENT_SCHEMA)
    assert schema.document_from_row(table.to_pylist()[0]) == document


def test_mention_rows_carry_the_event_id() -> None:
    event = make_event(7, "VNM", "KHM", dt.date(2025, 3, 4))
    rows = schema.mention_rows(event)
    assert rows == [{"event_id": "ev-7", **schema.mention_row(event.mentions[0])}]
    pa.Table.from_pylist(rows, schema=schema.MENTION_SCHEMA)  # fits the schema


def test_error_row_fits_the_document_schema() -> None:
    row = schema.error_row("bad", "not UTF-8", path="/in/bad.txt")
    table = pa.Table.from_pylist([row], schema=schema.DOCUMENT_SCHEMA)
    assert table.to_pylist()[0]["error"] == "not UTF-8"
