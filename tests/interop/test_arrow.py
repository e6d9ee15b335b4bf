"""Parquet export: typed columns (dates as dates, lists as lists, structs)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from comity.interop.arrow import EVENT_SCHEMA, events_to_table, write_parquet
from comity.model import Event


def test_write_parquet_typed_columns(events: list[Event], tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert write_parquet(events, str(path)) == len(events)
    table = pq.read_table(path)
    assert table.schema.equals(EVENT_SCHEMA)
    assert table.schema.field("date").type == pa.date32()
    assert pa.types.is_list(table.schema.field("context").type)
    assert pa.types.is_struct(table.schema.field("actor").type.value_type)
    rows = table.to_pylist()
    assert rows[0]["date"] == dt.date(2026, 2, 6)
    assert rows[2]["date"] is None and rows[2]["story_date"] == dt.date(2026, 2, 6)
    assert rows[0]["context"] == ["diplomatic", "economic"]
    assert [a["name"] for a in rows[1]["actor"]] == ["Tô Lâm", "Hun Sen"]
    assert rows[0]["location"]["geonameid"] == 1821306
    assert rows[4]["location"] is None
    assert rows[0]["mentions"][1]["doc"] == "doc-b"


def test_parquet_reads_in_pandas(events: list[Event], tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    write_parquet(events, str(path))
    df = pd.read_parquet(path)
    assert list(df["id"]) == [e.id for e in events]
    assert pd.api.types.is_float_dtype(df["intensity"])
    assert list(df["links"][3]) == ["ev-visit"]


def test_events_to_table_empty() -> None:
    table = events_to_table([])
    assert table.num_rows == 0 and table.schema.equals(EVENT_SCHEMA)
