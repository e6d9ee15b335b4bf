"""The database schema as SQLAlchemy Core tables (created by the Alembic migrations in
``comity.migrations``; keep both in step).

documents -> doc_events (per-document events, the source of truth) -> events (canonical,
recomputed per block by :func:`comity.dedup.cluster_events`) with event_actors, mentions
and links; actors (knowledge-base and provisional). SQLite adds the FTS5 table
``docs_fts``; PostgreSQL a GIN index over ``to_tsvector('simple', documents.folded)``.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", String(200), primary_key=True),
    Column("url", String(2000), unique=True, nullable=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("source", String(200)),
    Column("title", Text),
    Column("story_date", Date),
    Column("path", Text),
    Column("body_start", Integer, nullable=False, default=0),
    Column("text", Text, nullable=False),
    Column("folded", Text, nullable=False),
)

doc_events = Table(
    "doc_events", metadata,
    Column("id", String(200), primary_key=True),
    Column("doc_id", String(200), index=True),
    Column("block", String(400), nullable=False, index=True),
    Column("canonical_id", String(200), index=True),
    Column("payload", Text, nullable=False),
)

events = Table(
    "events", metadata,
    Column("id", String(200), primary_key=True),
    Column("block", String(400), nullable=False, index=True),
    Column("type", String(20), nullable=False),
    Column("cameo", String(10), nullable=False),
    Column("mode", String(30)),
    Column("status", String(20), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("date", Date, index=True),
    Column("story_date", Date),
    Column("intensity", Float, nullable=False),
    Column("goldstein", Float, nullable=False),
    Column("quad", Integer, nullable=False),
    Column("num_mentions", Integer, nullable=False),
    Column("num_sources", Integer, nullable=False),
    Column("loc_name", String(400)),
    Column("loc_folded", String(400), index=True),
    Column("loc_country", String(3)),
    Column("actor_country", String(3)),
    Column("recipient_country", String(3)),
    Column("payload", Text, nullable=False),
)

event_actors = Table(
    "event_actors", metadata,
    Column("event_id", String(200), primary_key=True),
    #: a actor, r recipient, p participant
    Column("role", String(1), primary_key=True),
    Column("entity_id", String(200), primary_key=True),
    Column("name_folded", String(400), nullable=False, index=True),
    Column("country", String(3)),
    #: the event's date, copied for the (entity, date) index
    Column("date", Date),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(200), nullable=False, index=True),
    Column("doc_id", String(200), nullable=False, index=True),
    Column("sentence", Integer, nullable=False),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

links = Table(
    "links", metadata,
    Column("event_id", String(200), primary_key=True),
    Column("other_id", String(200), primary_key=True),
)

actors = Table(
    "actors", metadata,
    Column("id", String(200), primary_key=True),
    Column("name", String(400), nullable=False),
    Column("name_folded", String(400), nullable=False, index=True),
    Column("kind", String(30), nullable=False),
    Column("country", String(3)),
    Column("sector", String(10)),
    Column("title", Text),
    Column("provisional", Boolean, nullable=False),
    Column("first_doc", String(200)),
    Column("evidence", Text),
)

#: tables in dump/delete order
ALL_TABLES = (documents, doc_events, events, event_actors, mentions, links, actors)
