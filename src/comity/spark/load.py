"""Load Comity's Parquet output into the event database.

A ``documents`` row holds a whole :class:`~comity.model.ExtractionResult` (the document, its
per-document events and its provisional actors), so loading hands the rows to
:meth:`comity.store.Store.ingest`: exactly what ``comity ingest`` does on one machine, with
the database's own merging rule, idempotence and transactions. A folder with ``events``
only (no ``documents``) is loaded with :meth:`~comity.store.Store.add_events`.

Reads with pyarrow one record batch at a time: no Spark needed, memory bounded by the batch
size whatever the output size.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds

from comity.errors import InputError
from comity.model import Event, ExtractionResult
from comity.spark.schema import DOCUMENT_SCHEMA, EVENT_SCHEMA, event_from_row, result_from_row
from comity.store import IngestSummary, Store

log = logging.getLogger(__name__)


def _batches(path: Path, schema: pa.Schema, batch_size: int) -> Iterator[pa.RecordBatch]:
    try:
        yield from ds.dataset(str(path), format="parquet", schema=schema).to_batches(
            batch_size=batch_size)
    except (OSError, pa.ArrowException) as exc:
        raise InputError(f"cannot read Parquet: {exc}", path) from exc


def iter_results(directory: str | Path, *, batch_size: int = 64
                 ) -> Iterator[ExtractionResult]:
    """The extraction results of ``directory/documents`` (rows with an error skipped)."""
    path = Path(directory) / "documents"
    if not path.is_dir():
        raise InputError("no documents Parquet folder (output of `comity spark extract`)", path)
    for batch in _batches(path, DOCUMENT_SCHEMA, batch_size):
        for row in batch.to_pylist():
            if row["error"] is None:
                yield result_from_row(row)


def iter_events(directory: str | Path, *, batch_size: int = 256) -> Iterator[list[Event]]:
    """Batches of the events of ``directory/events``."""
    path = Path(directory) / "events"
    if not path.is_dir():
        raise InputError("no events Parquet folder", path)
    for batch in _batches(path, EVENT_SCHEMA, batch_size):
        events = [event_from_row(r) for r in batch.to_pylist()]
        if events:
            yield events


def load_parquet(directory: str | Path, store: Store, *, batch_size: int = 64
                 ) -> IngestSummary:
    """Load a Parquet output folder into ``store``; returns the store's ingest summary."""
    root = Path(directory)
    if (root / "documents").is_dir():
        summary = store.ingest(iter_results(root, batch_size=batch_size))
    elif (root / "events").is_dir():
        summary = IngestSummary()
        for events in iter_events(root, batch_size=batch_size):
            summary += store.add_events(events)
    else:
        raise InputError("neither documents/ nor events/ Parquet folders here", root)
    log.info("loaded %s: %s", root, summary)
    return summary
