"""Spark fixtures: one local[2] session for the module's tests, a small hand-written corpus
(wire-style sentences written for these tests) and fresh databases."""

from __future__ import annotations

import json
import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from tests.spark.factories import SETTINGS, corpus_records

PG_BASE = os.environ.get("COMITY_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")

@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """A local[2] SparkSession shared by the Spark tests."""
    pytest.importorskip("pyspark")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from comity.spark.jobs import spark_session

    session = spark_session("local[2]", "comity-tests",
                            {"spark.sql.shuffle.partitions": "4"})
    yield session
    session.stop()


@pytest.fixture(scope="session")
def corpus_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus as one JSON Lines file, plus one record with no date (an error)."""
    path = tmp_path_factory.mktemp("corpus") / "articles.jsonl"
    lines = [json.dumps(r) for r in corpus_records()]
    lines.append(json.dumps({"id": "nodate", "text": "Leaders met."}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL schema on 127.0.0.1:5432 (dropped afterwards)."""
    name = f"comity_spark_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    engine = sa.create_engine(PG_BASE)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {name}")
    except sa.exc.OperationalError as exc:
        pytest.fail(f"PostgreSQL at {PG_BASE} is unreachable ({exc})")
    try:
        yield f"{PG_BASE}?options=-csearch_path%3D{name}"
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {name} CASCADE")
        engine.dispose()


@pytest.fixture(scope="session")
def extracted(spark: Any, corpus_jsonl: Path, tmp_path_factory: pytest.TempPathFactory
              ) -> tuple[Path, Any]:
    """``extract_job`` output folder and summary for the corpus (run once)."""
    from comity.spark.jobs import extract_job

    out = tmp_path_factory.mktemp("extract")
    return out, extract_job(spark, corpus_jsonl, out, SETTINGS, partitions=3)


@pytest.fixture(scope="session")
def merged(spark: Any, extracted: tuple[Path, Any],
           tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``merge_job`` output folder for the extracted corpus (run once)."""
    from comity.spark.jobs import merge_job

    out = tmp_path_factory.mktemp("merged")
    merge_job(spark, extracted[0], out, SETTINGS, partitions=3)
    return out
