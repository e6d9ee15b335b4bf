"""Store results as JSON-ready values for the REST API.

Events use the event schema of :mod:`comity.output` (``docs/event-schema.md``); the other
store types (actor and document summaries, search hits, dyad counts, network edges) are
frozen dataclasses turned into dicts field by field, with dates as ``YYYY-MM-DD``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Mapping
from typing import Any

from comity.model import Entity, Event, Mention, Place
from comity.output import (
    entity_to_record,
    event_to_record,
    mention_to_record,
    place_to_record,
)


def to_json(value: Any) -> Any:
    """``value`` as plain JSON types: dataclasses become dicts, dates ISO strings."""
    if isinstance(value, Event):
        return event_to_record(value)
    if isinstance(value, Entity):
        return entity_to_record(value)
    if isinstance(value, Place):
        return place_to_record(value)
    if isinstance(value, Mention):
        return mention_to_record(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return to_json(value.value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_json(v) for v in value]
    if isinstance(value, float) and value != value:  # NaN is not JSON
        return None
    return value


def page(items: list[Any], total: int, limit: int, offset: int, **extra: Any) -> dict[str, Any]:
    """A page of results with its paging information."""
    out: dict[str, Any] = {"total": total, "limit": limit, "offset": offset,
                           "count": len(items), "items": to_json(items)}
    out.update({k: to_json(v) for k, v in extra.items()})
    return out
