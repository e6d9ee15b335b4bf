"""The Python API: comity.extract and comity.open(db).events(**filters)."""

from __future__ import annotations

import datetime as dt
import re
import shlex
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


README = Path(__file__).resolve().parents[1] / "README.md"


def _section(text: str, heading: str) -> str:
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end > 0 else None]


def _blocks(section: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", section, flags=re.S)


@pytest.mark.slow
def test_readme_python_api_and_export_examples_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The README's Python API and export/import examples, run as written (in a fresh
    folder): the Python blocks, then every `comity export` / `comity import` line."""
    from comity.cli import main

    text = README.read_text(encoding="utf-8")
    api, export = _section(text, "Python API"), _section(text, "Export and import")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COMITY_DB", raising=False)
    namespace: dict[str, object] = {}
    for block in _blocks(api, "python"):
        exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102
    printed = capsys.readouterr().out
    assert "CONSULT" in printed and "Tô Lâm" in printed and "Hun Sen" in printed, printed
    assert len(namespace["df"]) >= 1  # type: ignore[arg-type]
    assert Path("events.tsv").read_text(encoding="utf-8").count("\t") >= 60
    commands = [line.split("  #")[0].strip() for block in _blocks(export, "sh")
                for line in block.splitlines()
                if line.startswith(("comity export", "comity import"))]
    assert len(commands) >= 6
    for command in commands:
        assert main(shlex.split(command)[1:]) == 0, command
    for block in _blocks(export, "python"):
        exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102
    df = namespace["df"]
    assert isinstance(df, pd.DataFrame) and len(df) >= 1
    assert str(df["SQLDATE"].dtype) == "Int64" and df["EventCode"].iloc[0].startswith("0")
    with comity.open() as db, comity.open("sqlite:///copy.db") as copy:
        stored = db.events()
        assert len(pd.read_parquet("events.parquet")) == len(stored) >= 1
        assert [e.id for e in copy.events()] == [e.id for e in stored]
