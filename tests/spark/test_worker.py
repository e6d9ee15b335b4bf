"""Executor-side functions: streaming (bounded memory), the pipeline cache, error rows."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pytest

from comity.errors import InputError
from comity.model import Document
from comity.settings import Settings
from comity.spark import blocking, worker
from comity.spark.schema import DOCUMENT_SCHEMA, INPUT_SCHEMA, event_row
from tests.spark.factories import ARTICLES, make_event

SETTINGS = Settings.from_mapping({}, environ={})


def _endless_documents() -> Iterator[Document]:
    texts = [t for t, _, _ in ARTICLES.values()]
    for i in itertools.count():
        yield Document(id=f"d{i}", text=texts[i % len(texts)], story_date=dt.date(2025, 3, 4))


def test_pipeline_for_loads_once_per_settings() -> None:
    first = worker.pipeline_for(SETTINGS)
    assert worker.pipeline_for(Settings.from_mapping({}, environ={})) is first
    assert worker._PIPELINES[SETTINGS] is first


@pytest.mark.slow
def test_extract_stream_streams_an_endless_input() -> None:
    # an endless input still yields batches: nothing holds the whole input
    batches = worker.extract_stream(_endless_documents(), SETTINGS, rows_per_batch=3)
    first, second = next(batches), next(batches)
    assert first.schema == DOCUMENT_SCHEMA and first.num_rows == second.num_rows == 3
    assert second.column("id").to_pylist() == ["d3", "d4", "d5"]


def test_extract_stream_turns_input_errors_into_rows() -> None:
    items: list[Document | InputError] = [InputError("not UTF-8", Path("/in/bad.txt"))]
    rows = [r for b in worker.extract_stream(items, SETTINGS) for r in b.to_pylist()]
    assert [(r["id"], r["error"], r["path"]) for r in rows] == [
        ("bad", "not UTF-8", "/in/bad.txt")]


@pytest.mark.parametrize(("row", "message"), [
    ({"id": "a", "text": "Hello.", "date": None}, "no story date"),
    ({"id": "a", "text": "Hello.", "date": "2025-13-40"}, "'date' of 'a'"),
    ({"id": "", "text": "Hello.", "date": "2025-01-01"}, "missing or empty 'id'"),
    ({"id": "a", "text": None, "date": "2025-01-01"}, "missing 'text'"),
    ({"id": "a", "text": "   ", "date": "2025-01-01"}, "record 'a'"),
])
def test_documents_from_rows_reports_bad_rows(row: dict[str, str | None], message: str) -> None:
    full = {name: None for name in INPUT_SCHEMA.names} | row
    batch = pa.RecordBatch.from_pylist([full], schema=INPUT_SCHEMA)
    (item,) = worker.documents_from_rows([batch], SETTINGS, origin="/in/x.jsonl")
    assert isinstance(item, InputError) and message in str(item)
    assert item.path == "/in/x.jsonl"


def test_documents_from_rows_builds_documents_like_the_jsonl_reader() -> None:
    row = {"id": " a1 ", "text": "Caf\u0065\u0301 talks.", "date": "2025-03-04",
           "url": " https://x/a ", "title": None, "source": "wire"}
    batch = pa.RecordBatch.from_pylist([row], schema=INPUT_SCHEMA)
    (doc,) = worker.documents_from_rows([batch], SETTINGS, origin="/in/x.jsonl")
    assert doc == Document(id="a1", text="Caf\u00e9 talks.", story_date=dt.date(2025, 3, 4),
                           url="https://x/a", source="wire", path="/in/x.jsonl")


def test_merge_fn_streams_an_endless_sorted_input() -> None:
    def endless() -> Iterator[pa.RecordBatch]:
        for i in itertools.count():  # one event a week: every session is one event
            ev = make_event(i, "VNM", "KHM", dt.date(2020, 1, 1) + dt.timedelta(days=7 * i))
            key = blocking.event_key(ev)
            row = event_row(ev) | {"_block": key.block, "_start": key.start,
                                   "_end": key.end, "_plan": key.plan}
            yield pa.RecordBatch.from_pylist([row], schema=blocking.KEYED_SCHEMA)

    out = blocking.merge_fn(1, rows_per_batch=5)(endless())
    assert next(out).column("id").to_pylist() == [f"ev-{i}" for i in range(5)]


def test_extract_stream_streams_an_endless_run_of_errors() -> None:
    errors = (InputError("empty file", Path(f"/in/e{i}.txt")) for i in itertools.count())
    batch = next(worker.extract_stream(errors, SETTINGS, rows_per_batch=4))
    assert batch.column("id").to_pylist() == ["e0", "e1", "e2", "e3"]
