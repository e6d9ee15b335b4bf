"""Exports from and PLOVER imports into the event database (``comity.store``)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import BinaryIO, TextIO

from comity.errors import StoreError
from comity.interop.export import export_events, get_format
from comity.interop.plover import import_plover
from comity.settings import Settings
from comity.store import EventFilter, IngestSummary, Store
from comity.store.engine import normalise_url

log = logging.getLogger(__name__)


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite database URL (or bare path); None for other databases and for
    in-memory SQLite."""
    url = normalise_url(url)
    if not url.startswith("sqlite"):
        return None
    path = url.split("///", 1)[1] if "///" in url else ""
    return Path(path) if path and path != ":memory:" else None


def open_database(db: str | None, *, create: bool = False,
                  settings: Settings | None = None,
                  hint: str = "comity ingest creates one") -> Store:
    """Open the database ``db`` (default: ``settings.db``); unless ``create``, it must
    already exist (reads never create an empty database); ``hint`` ends the message.

    A missing SQLite file raises :class:`StoreError` naming it; errors of the database
    driver are reduced to their first line (no driver background text)."""
    settings = settings or Settings.from_mapping()
    url = db or settings.db
    path = sqlite_file(url)
    if not create and path is not None and not path.is_file():
        raise StoreError(f"no database at {path}: give --db sqlite:///FILE of an existing "
                         f"database ({hint})")
    return _open(url, settings)


def _open(url: str | None, settings: Settings | None) -> Store:
    """``Store.open`` with driver errors reduced to their first line."""
    try:
        return Store.open(url, settings=settings)
    except StoreError as exc:
        text = str(exc).strip()
        raise StoreError(text.splitlines()[0] if text else repr(exc)) from exc


def export_from_db(db: str | None, fmt: str, target: str | Path | TextIO | BinaryIO, *,
                   filt: EventFilter | None = None, cameo_pairs: bool = False,
                   sort: str = "date", settings: Settings | None = None) -> int:
    """Export the canonical events of database ``db`` matching ``filt`` in format ``fmt``;
    returns the number of records written. The database must exist (see
    :func:`open_database`); the format is checked before it is opened."""
    get_format(fmt)
    with open_database(db, settings=settings) as store:
        events = store.events(filt or EventFilter(), sort=sort)
    return export_events(events, fmt, target, cameo_pairs=cameo_pairs)


def import_plover_into(path: str | Path, db: str | None, *,
                       settings: Settings | None = None) -> IngestSummary:
    """Validate a PLOVER JSON Lines file and store its events in database ``db`` (created
    when it does not exist).

    The whole file is validated before anything is written (errors carry the line)."""
    events = import_plover(path)
    with _open(db, settings) as store:
        summary = store.add_events(events)
    log.info("%s: %d events stored", path, summary.events)
    return summary
