"""The event database: documents, per-document and canonical events, actors, mentions.

``Store.open(url)`` creates or upgrades the schema (SQLite or PostgreSQL); see
``docs/database.md``.
"""

from comity.store.store import Store
from comity.store.types import (
    SORTS,
    ActorDetail,
    ActorSummary,
    DocumentSummary,
    DyadCount,
    EventFilter,
    IngestSummary,
    NetworkEdge,
    SearchHit,
    StoredDocument,
)

__all__ = [
    "SORTS", "ActorDetail", "ActorSummary", "DocumentSummary", "DyadCount", "EventFilter",
    "IngestSummary", "NetworkEdge", "SearchHit", "Store", "StoredDocument",
]
