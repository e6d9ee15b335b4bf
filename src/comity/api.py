"""The Python API: ``comity.extract(text)`` and ``comity.open(db).events(**filters)``.

Examples (more in ``docs/interop.md``)::

    import comity
    events = comity.extract("PHNOM PENH, Feb 6 - ...", story_date="2026-02-06")
    db = comity.open("sqlite:///comity.db")
    df = db.events(country="KHM", type="CONSULT").to_pandas()
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from comity.errors import ConfigError
from comity.model import Event
from comity.settings import Settings

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

    from comity.pipeline import Pipeline
    from comity.store import Store

log = logging.getLogger(__name__)

__all__ = ["EventDatabase", "EventList", "extract", "open"]


@functools.lru_cache(maxsize=4)
def _pipeline(settings: Settings) -> Pipeline:
    """One loaded pipeline per (frozen, hashable) settings: loading spaCy takes seconds."""
    from comity.pipeline import Pipeline

    return Pipeline(settings)


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(f"story_date: expected YYYY-MM-DD, got {value!r}") from exc


def extract(text: str, *, story_date: dt.date | str | None = None, doc_id: str = "text",
            url: str | None = None, settings: Settings | None = None) -> list[Event]:
    """The coded events of one article ``text`` (``story_date`` anchors relative dates)."""
    from comity.ingest import read_text

    settings = settings or Settings.from_mapping()
    doc = read_text(text, doc_id=doc_id, story_date=_as_date(story_date), url=url,
                    settings=settings)
    return _pipeline(settings).extract(doc)


class EventList(list[Event]):
    """A list of typed :class:`~comity.model.Event` with table conversions."""

    def to_arrow(self) -> pa.Table:
        """An Arrow table (one row per event; dates as date32, actors as struct lists)."""
        from comity.interop.arrow import events_to_table

        return events_to_table(self)

    def to_pandas(self) -> pd.DataFrame:
        """A pandas DataFrame of :meth:`to_arrow` (dates as ``datetime64``)."""
        return self.to_arrow().to_pandas(date_as_object=False)


_FILTERS = ("actor", "country", "dyad", "type", "status", "date_from", "date_to", "place",
            "text", "planned")


class EventDatabase:
    """An opened event database (see :func:`open`); use as a context manager or
    :meth:`close` it."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def events(self, *, limit: int | None = None, offset: int = 0, sort: str = "date",
               **filters: Any) -> EventList:
        """Canonical events matching the filters (``actor``, ``country``, ``dyad=(a, b)``,
        ``type``, ``status``, ``date_from``, ``date_to``, ``place``, ``text``,
        ``planned``); dates may be given as ``YYYY-MM-DD`` strings."""
        from comity.store import EventFilter

        unknown = set(filters) - set(_FILTERS)
        if unknown:
            raise ConfigError(f"unknown filter(s) {sorted(unknown)}; known: "
                              f"{', '.join(_FILTERS)}")
        for key in ("date_from", "date_to"):
            if key in filters:
                filters[key] = _as_date(filters[key])
        if filters.get("dyad") is not None:
            filters["dyad"] = tuple(filters["dyad"])
        return EventList(self.store.events(EventFilter(**filters), limit=limit,
                                           offset=offset, sort=sort))

    def add(self, events: Iterable[Event]) -> int:
        """Store events (already extracted); returns how many were stored."""
        return self.store.add_events(list(events)).events

    def close(self) -> None:
        """Release the database connections."""
        self.store.close()

    def __enter__(self) -> EventDatabase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open(db: str | None = None, *, settings: Settings | None = None) -> EventDatabase:
    """Open (creating if needed) the event database at URL ``db`` (default: settings.db,
    i.e. ``COMITY_DB`` or ``sqlite:///comity.db``)."""
    from comity.store import Store

    return EventDatabase(Store.open(db, settings=settings))

