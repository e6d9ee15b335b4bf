"""The Python API: comity.extract and comity.open(db).events(**filters)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

import comity
from comity.api import EventList, _pipeline
from comity.errors import ConfigError
from comity.model import Event
from comity.settings import Settings

sys.path.insert(0, str(Path(__file__).parent))
from interop.conftest import build_events  # noqa: E402

VISIT = ("HANOI, March 3 - Vietnamese Prime Minister Phạm Minh Chính met Cambodian Prime "
         "Minister Hun Manet in Hanoi on Tuesday. The two leaders held talks on trade.")


@pytest.fixture
def db(tmp_path: Path) -> comity.api.EventDatabase:
    database = comity.open(f"sqlite:///{tmp_path / 'api.db'}")
    database.add(build_events())
    yield database
    database.close()


def test_open_events_typed(db: comity.api.EventDatabase) -> None:
    got = db.events()
    assert isinstance(got, EventList)
    assert all(isinstance(e, Event) for e in got)
    assert {e.id for e in got} == {e.id for e in build_events()}


@pytest.mark.parametrize(("filters", "expected"), [
    ({"type": "CONSULT"}, {"ev-visit", "ev-talks"}),
    ({"actor": "Hun Sen"}, {"ev-talks", "ev-plan"}),
    ({"status": "planned"}, {"ev-plan"}),
    ({"date_from": "2026-02-07", "date_to": "2026-02-08"}, {"ev-talks", "ev-ask"}),
])
def test_open_events_filters(db: comity.api.EventDatabase, filters: dict,
                             expected: set[str]) -> None:
    assert {e.id for e in db.events(**filters)} == expected


def test_open_events_unknown_filter(db: comity.api.EventDatabase) -> None:
    with pytest.raises(ConfigError, match="unknown filter"):
        db.events(colour="red")


def test_event_list_to_pandas_and_arrow(db: comity.api.EventDatabase) -> None:
    events = db.events(type="CONSULT")
    table = events.to_arrow()
    assert isinstance(table, pa.Table) and table.num_rows == 2
    assert table.schema.field("date").type == pa.date32()
    df = events.to_pandas()
    assert pd.api.types.is_datetime64_any_dtype(df["date"])
    assert set(df["type"]) == {"CONSULT"}
    assert list(df.loc[df["id"] == "ev-visit", "context"].iloc[0]) == ["diplomatic",
                                                                        "economic"]


@pytest.mark.slow
def test_extract_returns_typed_events() -> None:
    events = comity.extract(VISIT, story_date="2026-03-03")
    assert all(isinstance(e, Event) for e in events)
    assert events, "the pipeline should find the meeting"
    assert any(e.type == "CONSULT" for e in events)
    assert all(e.story_date == dt.date(2026, 3, 3) for e in events)
    # the pipeline is cached per settings
    assert _pipeline(Settings.from_mapping()) is _pipeline(Settings.from_mapping())


def test_extract_bad_story_date() -> None:
    with pytest.raises(ConfigError, match="story_date"):
        comity.extract("text", story_date="03/03/2026")
