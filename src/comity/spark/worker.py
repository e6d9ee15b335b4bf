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

import dataclasses
import itertools
import logging
import resource
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa

from comity.errors import InputError
from comity.ingest.dates import parse_day
from comity.ingest.decode import normalise_text
from comity.model import Document
from comity.pipeline import Pipeline
from comity.settings import Settings
from comity.spark.schema import DOCUMENT_SCHEMA, error_row, result_row

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


def _optional(value: Any) -> str | None:
    if value is None:
        return None
    return normalise_text(str(value)).strip() or None


def documents_from_rows(batches: Iterable[pa.RecordBatch], settings: Settings, *,
                        origin: str | None = None) -> Iterator[Document | InputError]:
    """Documents of input rows (``INPUT_SCHEMA``: id, text, date, url, title, source) with
    the checks of the JSON Lines reader (a ``date`` is required); bad rows become errors.
    ``origin`` (the input path) goes into ``Document.path`` as that reader does."""
    from comity.ingest import read_text

    for batch in batches:
        for row in batch.to_pylist():
            raw_id = row.get("id")
            doc_id = str(raw_id).strip() if raw_id is not None else ""
            text, raw_date = row.get("text"), row.get("date")
            try:
                if not doc_id:
                    raise InputError("record with a missing or empty 'id'", origin)
                if not isinstance(text, str):
                    raise InputError(f"record {doc_id!r}: missing 'text'", origin)
                if raw_date is None:
                    raise InputError(f"record {doc_id!r}: no story date: add a 'date' "
                                     "field (YYYY-MM-DD)", origin)
                day = parse_day(str(raw_date)[:10], origin, where=f"'date' of {doc_id!r}")
                document = read_text(text, doc_id=doc_id, story_date=day,
                                     url=_optional(row.get("url")),
                                     title=_optional(row.get("title")),
                                     source=_optional(row.get("source")), settings=settings)
            except InputError as exc:
                yield (exc if exc.path == origin
                       else InputError(f"record {doc_id!r}: {exc.reason}", origin))
                continue
            # the JSON Lines reader keeps the story date of the record, not of a date line
            yield dataclasses.replace(document, story_date=day, body_start=0, path=origin)


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


def extract_stream(items: Iterable[Document | InputError], settings: Settings,
                   *, rows_per_batch: int = 64) -> Iterator[pa.RecordBatch]:
    """Run the cached pipeline over a stream of documents (errors pass through as error
    rows) and yield ``DOCUMENT_SCHEMA`` batches of at most ``rows_per_batch`` rows.

    The input is taken ``rows_per_batch`` items at a time, so memory holds one chunk of
    documents and one batch of results, whatever the input size.
    """
    pipeline = pipeline_for(settings)
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, rows_per_batch)):
        rows = [_input_error_row(item) for item in chunk if isinstance(item, InputError)]
        documents = [item for item in chunk if not isinstance(item, InputError)]
        rows.extend(result_row(result) for result in pipeline.extract_many(documents))
        yield pa.RecordBatch.from_pylist(rows, schema=DOCUMENT_SCHEMA)


def extract_rows_fn(settings: Settings, origin: str | None = None,
                    ) -> Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    """The ``mapInArrow`` function of the extract job for row inputs (JSONL, Parquet)."""
    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        yield from extract_stream(documents_from_rows(batches, settings, origin=origin),
                                  settings,
                                  rows_per_batch=max(settings.batch_size, 1))
    return run


def extract_paths_fn(settings: Settings) -> Callable[[Iterator[pa.RecordBatch]],
                                                      Iterator[pa.RecordBatch]]:
    """The ``mapInArrow`` function of the extract job for folder inputs (file paths)."""
    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        yield from extract_stream(documents_from_paths(batches, settings), settings,
                                  rows_per_batch=max(settings.batch_size, 1))
    return run
