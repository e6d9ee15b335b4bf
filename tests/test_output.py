"""Tests of comity.output: the event JSON schema and the writers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from comity.errors import ExportError
from comity.model import Entity, Event, Mention, Place
from comity.output import event_to_record, record_to_event, write_events

TO_LAM = Entity(id="kb:to-lam", name="Tô Lâm", text="To Lam", country="VNM", sector="PTY",
                title="General Secretary", wikidata="Q7814074")
HUN_MANET = Entity(id="kb:hun-manet", name="Hun Manet", country="KHM", sector="GOV")
PROV = Entity(id="prov:abc", name="Sok Chenda", provisional=True, kind="person")

FULL = Event(
    id="ev-1", type="CONSULT", cameo="042", actor=(TO_LAM,), recipient=(HUN_MANET,),
    participants=(PROV,), mode="visit", context=("diplomatic",), status="planned",
    date=dt.date(2026, 2, 6), date_text="on Friday", date_precision="day",
    story_date=dt.date(2026, 2, 5),
    location=Place(name="Phnom Penh", country="KHM", lat=11.56, lon=104.92, geonameid=1821306,
                   text="Phnom Penh"),
    intensity=1.5, goldstein=1.9, quad=1, kind="interaction", trigger="visit",
    symmetric=True, num_mentions=2, num_sources=2, links=("ev-2",),
    mentions=(Mention(doc="d1", sentence=0, start=0, end=10, text="To Lam visits",
                      url="https://a.example/1", source="a"),
              Mention(doc="d2", sentence=3, start=40, end=52, text="Hà Nội talks")),
)
MINIMAL = Event(id="ev-0", type="SUPPORT", cameo="051", actor=(HUN_MANET,))


@pytest.mark.parametrize("event", [FULL, MINIMAL], ids=["full", "minimal"])
def test_record_round_trip_is_lossless(event: Event) -> None:
    record = json.loads(json.dumps(event_to_record(event)))
    assert record_to_event(record) == event


def test_event_to_record_has_schema_fields() -> None:
    rec = event_to_record(FULL)
    for key in ("id", "type", "mode", "cameo", "context", "status", "date", "date_text",
                "date_precision", "story_date", "actor", "recipient", "participants",
                "location", "intensity", "goldstein", "quad", "kind", "mentions",
                "num_mentions", "num_sources", "links"):
        assert key in rec
    assert rec["date"] == "2026-02-06"
    assert set(rec["actor"][0]) >= {"id", "name", "text", "country", "sector", "title",
                                    "wikidata"}
    assert set(rec["location"]) >= {"name", "country", "lat", "lon", "geonameid"}
    assert set(rec["mentions"][0]) >= {"doc", "url", "sentence", "start", "end", "text"}


@pytest.mark.parametrize("record,needle", [
    ({"type": "CONSULT", "cameo": "040", "actor": []}, "id"),
    ({"id": "x", "type": "CONSULT", "cameo": "040", "date": "06/02/2026"}, "date"),
    ([1, 2], "JSON object"),
])
def test_record_to_event_rejects_bad_records(record: object, needle: str) -> None:
    with pytest.raises(ExportError, match=needle):
        record_to_event(record)  # type: ignore[arg-type]


def test_write_events_jsonl_one_line_each() -> None:
    buf = io.StringIO()
    assert write_events([FULL, MINIMAL], "jsonl", buf) == 2
    lines = buf.getvalue().splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["ev-1", "ev-0"]


def test_write_events_json_array() -> None:
    buf = io.StringIO()
    write_events([FULL], "json", buf)
    assert json.loads(buf.getvalue())[0]["actor"][0]["name"] == "Tô Lâm"


def test_write_events_csv_header_and_values() -> None:
    buf = io.StringIO()
    write_events([FULL, MINIMAL], "csv", buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert rows[0]["actor"] == "Tô Lâm" and rows[0]["recipient_country"] == "KHM"
    assert rows[1]["date"] == "" and rows[1]["cameo"] == "051"


def test_write_events_table_aligned_columns() -> None:
    buf = io.StringIO()
    write_events([FULL, MINIMAL], "table", buf)
    lines = buf.getvalue().splitlines()
    assert lines[0].startswith("DATE")
    assert len(lines) == 3
    col = lines[0].index("TYPE")
    assert lines[1][col:].startswith("CONSULT") and lines[2][col:].startswith("SUPPORT")


def test_write_events_unknown_format() -> None:
    with pytest.raises(ExportError, match="unknown output format"):
        write_events([FULL], "xml", io.StringIO())
