"""Executor-side code of the Spark jobs: pure functions over Arrow record batches.

Nothing here imports pyspark: the functions take and return iterators of
``pyarrow.RecordBatch`` (what ``DataFrame.mapInArrow`` passes), so they can be tested and
benchmarked without Spark, and they stream: a partition is read, processed and written a
batch at a time, never held whole.

**The pipeline cache.** Loading spaCy, the knowledge base and the lexicon takes seconds, so
each executor Python process loads one :class:`~comity.pipeline.Pipeline` per
:class:`~comity.settings.Settings` and keeps it for the life of the process
(``_PIPELINES`` below). This module-level cache is the one exception to the "no global
mutable state" rule, and it is confined to this worker module on purpose: Spark reuses its
Python worker processes between tasks (``spark.python.worker.reuse``, on by default), and a
module global is the only place that survives from one task to the next. Settings are
frozen and hashable, so two jobs with different settings never share a pipeline.
"""

from __future__ import annotations

import datetime as dt
import logging
import resource
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa

from comity.errors import ComityError, InputError
from comity.model import Document, ExtractionResult
from comity.pipeline import Pipeline
from comity.settings import Settings
from comity.spark.schema import (
    STAGING_SCHEMA,
    document_row,
    error_row,
    event_row,
)

log = logging.getLogger(__name__)

#: Settings -> Pipeline, filled lazily in each executor process (see the module docstring)
_PIPELINES: dict[Settings, Pipeline] = {}


def pipeline_for(settings: Settings) -> Pipeline:
    """This process's pipeline for ``settings``, loaded on first use and then reused."""
    pipeline = _PIPELINES.get(settings)
    if pipeline is None:
        log.info("loading the pipeline in worker process (model %s)", settings.spacy_model)
        pipeline = Pipeline(settings)
        _PIPELINES[settings] = pipeline
    return pipeline


def peak_rss_kib() -> int:
    """Peak resident memory of this process in KiB (``VmHWM``; getrusage as fallback)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _story_date(value: Any, doc_id: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError as exc:
        raise InputError(f"record {doc_id!r}: date {text!r} is not YYYY-MM-DD") from exc


def documents_from_rows(batches: Iterable[pa.RecordBatch]) -> Iterator[Document | InputError]:
    """Documents of input rows (``INPUT_SCHEMA``: id, text, date, url, title, source),
    built by the same reader as JSON Lines on one machine; bad rows become errors."""
    from comity.ingest import read_text

    for batch in batches:
        for row in batch.to_pylist():
            doc_id = row.get("id")
            text = row.get("text")
            if not doc_id or text is None:
                yield InputError(f"record {doc_id!r}: needs a non-empty 'id' and a 'text'")
                continue
            try:
                yield read_text(text, doc_id=str(doc_id),
                                story_date=_story_date(row.get("date"), doc_id),
                                url=row.get("url"), title=row.get("title"),
                                source=row.get("source"))
            except ComityError as exc:
                yield exc if isinstance(exc, InputError) else InputError(str(exc))


def documents_from_paths(batches: Iterable[pa.RecordBatch],
                         settings: Settings) -> Iterator[Document | InputError]:
    """Documents of the files named in ``path`` rows, read with the readers on the executor
    (a file may hold several documents: JSON Lines, feeds)."""
    from comity.ingest import read_paths

    for batch in batches:
        for path in batch.column("path").to_pylist():
            yield from read_paths([Path(path)], settings=settings)


def _input_error_row(error: InputError) -> dict[str, Any]:
    name = Path(error.path).stem if error.path else "?"
    return error_row(name, error.reason, path=error.path)


def _staging_row(result: ExtractionResult) -> dict[str, Any]:
    row = document_row(result.document, n_events=len(result.events))
    row["events"] = [event_row(e) for e in result.events]
    return row


def extract_stream(items: Iterable[Document | InputError], settings: Settings,
                   *, rows_per_batch: int = 64) -> Iterator[pa.RecordBatch]:
    """Run the cached pipeline over a stream of documents (errors pass through as error
    rows) and yield ``STAGING_SCHEMA`` batches of at most ``rows_per_batch`` rows."""
    pipeline = pipeline_for(settings)
    pending: list[dict[str, Any]] = []

    def documents() -> Iterator[Document]:
        for item in items:
            if isinstance(item, InputError):
                pending.append(_input_error_row(item))
            else:
                yield item

    for result in pipeline.extract_many(documents()):
        pending.append(_staging_row(result))
        if len(pending) >= rows_per_batch:
            yield pa.RecordBatch.from_pylist(pending, schema=STAGING_SCHEMA)
            pending.clear()
    if pending:
        yield pa.RecordBatch.from_pylist(pending, schema=STAGING_SCHEMA)


def extract_rows_fn(settings: Settings) -> Callable[[Iterator[pa.RecordBatch]],
                                                     Iterator[pa.RecordBatch]]:
    """The ``mapInArrow`` function of the extract job for row inputs (JSONL, Parquet)."""
    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        yield from extract_stream(documents_from_rows(batches), settings,
                                  rows_per_batch=max(settings.batch_size, 1))
    return run


def extract_paths_fn(settings: Settings) -> Callable[[Iterator[pa.RecordBatch]],
                                                      Iterator[pa.RecordBatch]]:
    """The ``mapInArrow`` function of the extract job for folder inputs (file paths)."""
    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        yield from extract_stream(documents_from_paths(batches, settings), settings,
                                  rows_per_batch=max(settings.batch_size, 1))
    return run
