"""The Spark jobs in local mode give the single machine's events and canonical events."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from comity.dedup import merge_events
from comity.ingest import read_paths
from comity.model import Document, Event
from comity.pipeline import Pipeline
from comity.spark.jobs import extract_job, merge_job
from comity.spark.load import iter_results, load_parquet
from comity.spark.schema import EVENT_SCHEMA, event_from_row
from comity.store import Store
from tests.spark.factories import SETTINGS, corpus_records

pytestmark = [pytest.mark.spark, pytest.mark.slow]



def _events(folder: Path) -> list[Event]:
    table = pq.read_table(folder / "events", schema=EVENT_SCHEMA)
    return sorted((event_from_row(r) for r in table.to_pylist()), key=lambda e: e.id)


def _single_machine(path: Path) -> list[Event]:
    docs = [d for d in read_paths([path], settings=SETTINGS) if isinstance(d, Document)]
    results = Pipeline(SETTINGS).extract_many(docs)
    return sorted((e for r in results for e in r.events), key=lambda e: e.id)


def _by_id(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: e.id)


def test_extract_job_gives_the_single_machine_events(extracted: tuple[Path, Any],
                                                     corpus_jsonl: Path) -> None:
    out, summary = extracted
    expected = _single_machine(corpus_jsonl)
    assert len(expected) >= 5
    assert _events(out) == expected
    assert (summary.documents, summary.events) == (len(corpus_records()), len(expected))


def test_extract_job_reports_bad_records(extracted: tuple[Path, Any]) -> None:
    _, summary = extracted
    assert summary.errors == 1
    assert "date" in summary.error_messages[0]


def test_extract_job_writes_mentions_and_documents(extracted: tuple[Path, Any]) -> None:
    out, summary = extracted
    mentions = pq.read_table(out / "mentions")
    assert mentions.num_rows == summary.mentions >= summary.events
    assert set(mentions.column("event_id").to_pylist()) == {e.id for e in _events(out)}
    docs = {r.document.id: r for r in iter_results(out)}
    assert set(docs) == {r["id"] for r in corpus_records()}
    assert sum(len(r.events) for r in docs.values()) == summary.events


def test_extract_job_reads_parquet_like_jsonl(spark: Any, extracted: tuple[Path, Any],
                                              tmp_path: Path) -> None:
    pq.write_table(pa.Table.from_pylist(corpus_records()), tmp_path / "in.parquet")
    summary = extract_job(spark, tmp_path / "in.parquet", tmp_path / "out", SETTINGS)
    assert summary.errors == 0
    assert _events(tmp_path / "out") == _events(extracted[0])


def test_extract_job_reads_a_folder_like_the_readers(spark: Any, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for i, rec in enumerate(corpus_records()[:4]):
        where = folder / "sub" if i % 2 else folder
        (where / f"{rec['id']}.txt").write_text(f" date {rec['date']}\n{rec['text']}\n")
    (folder / "empty.txt").write_text("")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n")  # unknown extension: skipped by both
    (folder / "more.jsonl").write_text(json.dumps(corpus_records()[4]) + "\n")
    summary = extract_job(spark, folder, tmp_path / "out", SETTINGS)
    assert summary.errors == 1 and "empty.txt" in summary.error_messages[0]
    assert summary.documents == 5
    assert _events(tmp_path / "out") == _single_machine(folder)


def test_merge_job_equals_merge_events(extracted: tuple[Path, Any], merged: Path) -> None:
    per_doc = _events(extracted[0])
    canonical = _events(merged)
    assert canonical == _by_id(merge_events(per_doc, window_days=SETTINGS.merge_days))
    assert len(canonical) < len(per_doc)  # the corpus has reports to merge


def test_spark_output_equals_single_machine_database(merged: Path, corpus_jsonl: Path,
                                                     tmp_path: Path) -> None:
    docs = (d for d in read_paths([corpus_jsonl], settings=SETTINGS)
            if isinstance(d, Document))
    with Store.open(f"sqlite:///{tmp_path / 'one.db'}", settings=SETTINGS) as store:
        store.ingest(Pipeline(SETTINGS).extract_many(docs))
        database = _by_id(store.events())
    assert database == _events(merged)


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql",
                                                            marks=pytest.mark.postgres)])
def test_load_gives_the_single_machine_database(backend: str, extracted: tuple[Path, Any],
                                                corpus_jsonl: Path, tmp_path: Path,
                                                request: pytest.FixtureRequest) -> None:
    url = (f"sqlite:///{tmp_path / 'spark.db'}" if backend == "sqlite"
           else request.getfixturevalue("pg_url"))
    with Store.open(url, settings=SETTINGS) as store:
        first = load_parquet(extracted[0], store)
        again = load_parquet(extracted[0], store)  # idempotent, like comity ingest
        loaded = _by_id(store.events())
    docs = (d for d in read_paths([corpus_jsonl], settings=SETTINGS)
            if isinstance(d, Document))
    with Store.open(f"sqlite:///{tmp_path / 'one.db'}", settings=SETTINGS) as store:
        store.ingest(Pipeline(SETTINGS).extract_many(docs))
        assert loaded == _by_id(store.events())
    assert first.new_documents == len(corpus_records()) and again.new_documents == 0


def test_merge_job_equals_merge_events_on_random_events(spark: Any, tmp_path: Path) -> None:
    import dataclasses
    import datetime as dt
    import random

    from comity.spark.schema import event_row
    from tests.spark.factories import make_event

    rng = random.Random(5)
    pairs = [("VNM", "KHM"), ("KHM", "VNM"), ("FRA", "JPN"), ("VNM", "FRA")]
    events = []
    for n in range(400):
        day = dt.date(2024, 12, 25) + dt.timedelta(days=rng.randint(0, 60))
        event = make_event(n, *rng.choice(pairs), rng.choice([day, day, None]),
                           type_=rng.choice(["CONSULT", "CONSULT", "COOPERATE"]),
                           status=rng.choice(["occurred"] * 4 + ["planned"]),
                           source=rng.choice(["a", "b", "c"]))
        events.append(dataclasses.replace(event, symmetric=rng.random() < 0.5,
                                          story_date=day + dt.timedelta(rng.randint(0, 2))))
    (tmp_path / "in" / "events").mkdir(parents=True)
    pq.write_table(pa.Table.from_pylist([event_row(e) for e in events], schema=EVENT_SCHEMA),
                   tmp_path / "in" / "events" / "part-0.parquet")
    summary = merge_job(spark, tmp_path / "in", tmp_path / "out", SETTINGS, partitions=4)
    expected = _by_id(merge_events(events, window_days=SETTINGS.merge_days))
    assert _events(tmp_path / "out") == expected
    assert summary.events_out == len(expected) < summary.events_in == len(events)


@pytest.mark.parametrize(("files", "expected"), [
    (["part-0.parquet", "part-1.parquet", "_SUCCESS"], True),
    (["part-0.parquet", "article.txt"], False),
    (["sub/a.txt"], False),
    ([], False),
])
def test_is_parquet_dataset_tells_datasets_from_article_folders(
        files: list[str], expected: bool, tmp_path: Path) -> None:
    from comity.spark.jobs import _is_parquet_dataset

    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    assert _is_parquet_dataset(tmp_path) is expected
