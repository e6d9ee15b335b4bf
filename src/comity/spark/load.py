"""Load Comity's Parquet output (``events``, ``documents``) into the event database.

Reads with pyarrow one record batch at a time (no Spark needed, memory bounded by the batch
size) and hands documents and events to :meth:`comity.store.Store.add_events`, which applies
the database's own merging rule, so loading the output of ``comity spark extract`` or of
``comity spark merge`` gives the same canonical events.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds

from comity.errors import InputError
from comity.model import Document, Event
from comity.spark.schema import DOCUMENT_SCHEMA, EVENT_SCHEMA, document_from_row, event_from_row

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoadSummary:
    """What :func:`load_parquet` handed to the store."""

    documents: int
    events: int


def _dataset(path: Path, schema: Any) -> ds.Dataset:
    try:
        return ds.dataset(str(path), format="parquet", schema=schema)
    except (OSError, ValueError) as exc:  # pyarrow raises ArrowInvalid (a ValueError)
        raise InputError(f"cannot read Parquet: {exc}", path) from exc


def iter_documents(directory: str | Path, *, batch_size: int = 256) -> Iterator[list[Document]]:
    """Batches of the readable documents of ``directory/documents`` (error rows skipped)."""
    path = Path(directory) / "documents"
    if not path.is_dir():
        return
    for batch in _dataset(path, DOCUMENT_SCHEMA).to_batches(batch_size=batch_size):
        docs = [document_from_row(r) for r in batch.to_pylist() if r["error"] is None]
        if docs:
            yield docs


def iter_events(directory: str | Path, *, batch_size: int = 256) -> Iterator[list[Event]]:
    """Batches of the events of ``directory/events``."""
    path = Path(directory) / "events"
    if not path.is_dir():
        raise InputError("no events Parquet folder (output of `comity spark extract` or "
                         "`comity spark merge`)", path)
    for batch in _dataset(path, EVENT_SCHEMA).to_batches(batch_size=batch_size):
        events = [event_from_row(r) for r in batch.to_pylist()]
        if events:
            yield events


def load_parquet(directory: str | Path, store: Any, *, batch_size: int = 256) -> LoadSummary:
    """Add the documents, then the events, of a Parquet output folder to ``store``."""
    n_docs = n_events = 0
    if not (Path(directory) / "events").is_dir():  # check before touching the database
        raise InputError("no events Parquet folder", Path(directory) / "events")
    for docs in iter_documents(directory, batch_size=batch_size):
        store.add_events((), documents=docs)
        n_docs += len(docs)
    for events in iter_events(directory, batch_size=batch_size):
        store.add_events(events)
        n_events += len(events)
    log.info("loaded %d documents and %d events from %s", n_docs, n_events, directory)
    return LoadSummary(documents=n_docs, events=n_events)
