"""Exports from and PLOVER imports into the event database (``comity.store``)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import BinaryIO, TextIO

from comity.interop.export import export_events
from comity.interop.plover import import_plover
from comity.settings import Settings
from comity.store import EventFilter, IngestSummary, Store

log = logging.getLogger(__name__)


def export_from_db(db: str | None, fmt: str, target: str | Path | TextIO | BinaryIO, *,
                   filt: EventFilter | None = None, cameo_pairs: bool = False,
                   sort: str = "date", settings: Settings | None = None) -> int:
    """Export the canonical events of database ``db`` matching ``filt`` in format ``fmt``;
    returns the number of records written."""
    with Store.open(db, settings=settings) as store:
        events = store.events(filt or EventFilter(), sort=sort)
    return export_events(events, fmt, target, cameo_pairs=cameo_pairs)


def import_plover_into(path: str | Path, db: str | None, *,
                       settings: Settings | None = None) -> IngestSummary:
    """Validate a PLOVER JSON Lines file and store its events in database ``db``.

    The whole file is validated before anything is written (errors carry the line)."""
    events = import_plover(path)
    with Store.open(db, settings=settings) as store:
        summary = store.add_events(events)
    log.info("%s: %d events stored", path, summary.events)
    return summary
