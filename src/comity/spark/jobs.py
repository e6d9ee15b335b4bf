"""Driver side of the Spark jobs: ``extract`` (documents -> events Parquet) and ``merge``
(events -> canonical events Parquet).

The driver never holds the corpus: it lists input files into a text file (streaming), lets
Spark read the rows, and only collects counts and a few error messages. The executors run
the functions of :mod:`comity.spark.worker` and :mod:`comity.spark.blocking` through
``DataFrame.mapInArrow``, one Arrow batch at a time.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from comity.errors import ComityError, ConfigError, InputError
from comity.ingest.reader import walk
from comity.settings import Settings
from comity.spark.blocking import KEYED_SCHEMA, keyed_batches, merge_fn
from comity.spark.schema import (
    DOCUMENT_SCHEMA,
    EVENT_SCHEMA,
    INPUT_SCHEMA,
    spark_schema,
)
from comity.spark.worker import extract_paths_fn, extract_rows_fn

log = logging.getLogger(__name__)

JSON_SUFFIXES = (".jsonl", ".ndjson", ".json", ".jsonl.gz", ".json.gz")
#: rows per Arrow batch handed to a Python worker (bounds worker memory)
ARROW_BATCH_ROWS = 256


class SparkJobError(ComityError):
    """A Spark job failed (bad input layout, or an error raised on an executor)."""


@dataclass(frozen=True)
class ExtractSummary:
    """What ``extract_job`` wrote."""

    documents: int
    errors: int
    events: int
    mentions: int
    #: a few "path: message" lines of the inputs that failed
    error_messages: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class MergeSummary:
    """What ``merge_job`` wrote."""

    events_in: int
    events_out: int


def spark_session(master: str | None = "local[2]", app_name: str = "comity",
                  conf: dict[str, str] | None = None) -> Any:
    """A SparkSession for Comity's jobs (``PYSPARK_PYTHON`` defaults to this Python).

    ``master=None`` keeps the master that ``spark-submit`` configured (it starts the JVM
    and sets ``PYSPARK_GATEWAY_PORT``), else uses ``local[2]``.
    """
    if master is None and "PYSPARK_GATEWAY_PORT" not in os.environ:
        master = "local[2]"
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:  # pragma: no cover - pyspark is a dependency
        raise ConfigError("pyspark is not installed; install comity's dependencies") from exc
    builder = SparkSession.builder
    if master is not None:
        builder = builder.master(master)
    builder = (builder.appName(app_name)
               .config("spark.ui.enabled", "false")
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(ARROW_BATCH_ROWS))
               .config("spark.python.worker.reuse", "true"))
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    try:
        return builder.getOrCreate()
    except Exception as exc:  # Java missing, bad master URL: py4j/pyspark errors vary
        raise ConfigError(f"cannot start Spark (master {master!r}): {exc}") from exc


def _is_parquet_dataset(path: Path) -> bool:
    if path.is_file():
        return path.suffix == ".parquet"
    found = False
    for p in path.rglob("*"):  # lazily: stops at the first article in a folder of articles
        if p.is_file() and not p.name.startswith(("_", ".")):
            if p.suffix != ".parquet":
                return False
            found = True
    return found


def _rows_frame(spark: Any, path: Path) -> Any:
    """A DataFrame with the ``INPUT_SCHEMA`` columns from JSON Lines or Parquet."""
    from pyspark.sql import functions as F

    if _is_parquet_dataset(path):
        df = spark.read.parquet(str(path))
    else:
        df = spark.read.schema(spark_schema(INPUT_SCHEMA)).json(str(path))
    columns = []
    for name in INPUT_SCHEMA.names:
        if name in df.columns:
            columns.append(F.col(name).cast("string").alias(name))
        elif name in ("id", "text"):
            raise InputError(f"input has no {name!r} column (columns: {df.columns})", path)
        else:
            columns.append(F.lit(None).cast("string").alias(name))
    return df.select(*columns)


def _partitions(spark: Any, partitions: int | None) -> int:
    return partitions or max(2, spark.sparkContext.defaultParallelism * 2)


def extract_job(spark: Any, input_path: str | Path, output_dir: str | Path,
                settings: Settings, *, partitions: int | None = None) -> ExtractSummary:
    """Extract the events of every document under ``input_path`` on the executors and
    write ``output_dir/{documents,events,mentions}`` as Parquet (overwriting)."""
    from pyspark.sql import functions as F

    source, out = Path(input_path), Path(output_dir)
    if not source.exists():
        raise InputError("no such file or folder", source)
    out.mkdir(parents=True, exist_ok=True)
    n_parts = _partitions(spark, partitions)
    doc_type = spark_schema(DOCUMENT_SCHEMA)
    listing = out / "input-paths.txt"
    walk_errors: list[str] = []
    if source.is_file() and source.name.endswith(JSON_SUFFIXES) or _is_parquet_dataset(source):
        frame = _rows_frame(spark, source).repartition(n_parts)
        result = frame.mapInArrow(extract_rows_fn(settings, str(source)), doc_type)
    else:
        count = 0
        with listing.open("w", encoding="utf-8") as fh:
            for file in ([source] if source.is_file() else walk(source)):
                if isinstance(file, InputError):  # unreadable folder, loop: rare
                    walk_errors.append(f"{file.path}: {file.reason}")
                    continue
                fh.write(f"{file.resolve()}\n")
                count += 1
        log.info("listed %d input files", count)
        frame = (spark.read.text(str(listing)).withColumnRenamed("value", "path")
                 .repartition(min(n_parts, max(count, 1))))
        result = frame.mapInArrow(extract_paths_fn(settings), doc_type)
    try:
        result.write.mode("overwrite").parquet(str(out / "documents"))
        docs = spark.read.schema(doc_type).parquet(str(out / "documents"))
        events = docs.select(F.explode("events").alias("e")).select("e.*")
        events.write.mode("overwrite").parquet(str(out / "events"))
        written = spark.read.parquet(str(out / "events"))
        (written.select(F.col("id").alias("event_id"), F.explode("mentions").alias("m"))
         .select("event_id", "m.*").write.mode("overwrite").parquet(str(out / "mentions")))
        totals = docs.agg(
            F.count(F.lit(1)).alias("n"), F.count("error").alias("errors"),
            F.sum("n_events").alias("events"),
            F.sum(F.expr("aggregate(events, 0L, (acc, e) -> acc + size(e.mentions))"))
            .alias("mentions")).first()
        messages: tuple[str, ...] = ()
        if totals["errors"]:
            messages = tuple(f"{r['path'] or r['id']}: {r['error']}" for r in
                             docs.where(F.col("error").isNotNull())
                             .select("id", "path", "error").limit(20).collect())
    except ComityError:
        raise
    except Exception as exc:  # py4j / executor failures
        raise SparkJobError(f"spark extract failed: {_short(exc)}") from exc
    finally:
        listing.unlink(missing_ok=True)
    return ExtractSummary(documents=int(totals["n"] - totals["errors"]),
                          errors=int(totals["errors"]) + len(walk_errors),
                          events=int(totals["events"] or 0),
                          mentions=int(totals["mentions"] or 0),
                          error_messages=(*walk_errors[:20], *messages))


def merge_job(spark: Any, input_dir: str | Path, output_dir: str | Path,
              settings: Settings, *, partitions: int | None = None) -> MergeSummary:
    """Merge the events of ``input_dir/events`` with :func:`comity.dedup.merge_events`
    blocked by country pair and date (see :mod:`comity.spark.blocking`); write canonical
    events to ``output_dir/events`` and their mentions to ``output_dir/mentions``."""
    from pyspark.sql import functions as F

    source, out = Path(input_dir), Path(output_dir)
    events_path = source / "events" if (source / "events").is_dir() else source
    if not events_path.exists():
        raise InputError("no events Parquet folder (run `comity spark extract` first)",
                         events_path)
    window = settings.merge_days
    try:
        events = spark.read.schema(spark_schema(EVENT_SCHEMA)).parquet(str(events_path))
        n_in = events.count()
        keyed = events.mapInArrow(keyed_batches, spark_schema(KEYED_SCHEMA))
        merged = (keyed.repartition(_partitions(spark, partitions), "_block")
                  .sortWithinPartitions("_block", "_start", "id")
                  .mapInArrow(merge_fn(window), spark_schema(EVENT_SCHEMA)))
        merged.write.mode("overwrite").parquet(str(out / "events"))
        written = spark.read.parquet(str(out / "events"))
        (written.select(F.col("id").alias("event_id"), F.explode("mentions").alias("m"))
         .select("event_id", "m.*").write.mode("overwrite").parquet(str(out / "mentions")))
        if (source / "documents").is_dir() and source.resolve() != out.resolve():
            (spark.read.schema(spark_schema(DOCUMENT_SCHEMA)).parquet(str(source / "documents"))
             .write.mode("overwrite").parquet(str(out / "documents")))
        n_out = written.count()
    except ComityError:
        raise
    except Exception as exc:  # py4j / executor failures
        raise SparkJobError(f"spark merge failed: {_short(exc)}") from exc
    return MergeSummary(events_in=int(n_in), events_out=int(n_out))


def _short(exc: BaseException) -> str:
    """The first meaningful line of a (often very long) Spark/py4j error."""
    text = str(exc).strip()
    for line in text.splitlines():
        if "Error" in line and "Traceback" not in line:
            return line.strip()[:500]
    return text.splitlines()[0][:500] if text else type(exc).__name__
