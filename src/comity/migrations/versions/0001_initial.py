"""Initial schema: documents, per-document events, canonical events, actors, mentions,
links, full-text search.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the tables and indexes."""
    op.create_table(
        "documents",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("url", sa.String(2000), unique=True, nullable=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("source", sa.String(200)),
        sa.Column("title", sa.Text),
        sa.Column("story_date", sa.Date),
        sa.Column("path", sa.Text),
        sa.Column("body_start", sa.Integer, nullable=False, server_default="0"),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("folded", sa.Text, nullable=False),
    )
    op.create_table(
        "doc_events",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("doc_id", sa.String(200), index=True),
        sa.Column("block", sa.String(400), nullable=False, index=True),
        sa.Column("canonical_id", sa.String(200), index=True),
        sa.Column("payload", sa.Text, nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("block", sa.String(400), nullable=False, index=True),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("cameo", sa.String(10), nullable=False),
        sa.Column("mode", sa.String(30)),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("date", sa.Date, index=True),
        sa.Column("story_date", sa.Date),
        sa.Column("intensity", sa.Float, nullable=False),
        sa.Column("goldstein", sa.Float, nullable=False),
        sa.Column("quad", sa.Integer, nullable=False),
        sa.Column("num_mentions", sa.Integer, nullable=False),
        sa.Column("num_sources", sa.Integer, nullable=False),
        sa.Column("loc_name", sa.String(400)),
        sa.Column("loc_folded", sa.String(400), index=True),
        sa.Column("loc_country", sa.String(3)),
        sa.Column("actor_country", sa.String(3)),
        sa.Column("recipient_country", sa.String(3)),
        sa.Column("payload", sa.Text, nullable=False),
    )
    op.create_index("ix_events_type_date", "events", ["type", "date"])
    op.create_table(
        "event_actors",
        sa.Column("event_id", sa.String(200), primary_key=True),
        sa.Column("role", sa.String(1), primary_key=True),
        sa.Column("entity_id", sa.String(200), primary_key=True),
        sa.Column("name_folded", sa.String(400), nullable=False, index=True),
        sa.Column("country", sa.String(3)),
        sa.Column("date", sa.Date),
    )
    op.create_index("ix_event_actors_entity_date", "event_actors",
                    ["entity_id", "date", "event_id"])
    op.create_index("ix_event_actors_country_date", "event_actors",
                    ["country", "date", "event_id"])
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(200), nullable=False, index=True),
        sa.Column("doc_id", sa.String(200), nullable=False, index=True),
        sa.Column("sentence", sa.Integer, nullable=False),
        sa.Column("char_start", sa.Integer, nullable=False),
        sa.Column("char_end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_table(
        "links",
        sa.Column("event_id", sa.String(200), primary_key=True),
        sa.Column("other_id", sa.String(200), primary_key=True),
    )
    op.create_table(
        "actors",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("name", sa.String(400), nullable=False),
        sa.Column("name_folded", sa.String(400), nullable=False, index=True),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("country", sa.String(3)),
        sa.Column("sector", sa.String(10)),
        sa.Column("title", sa.Text),
        sa.Column("provisional", sa.Boolean, nullable=False),
        sa.Column("first_doc", sa.String(200)),
        sa.Column("evidence", sa.Text),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("CREATE VIRTUAL TABLE docs_fts USING fts5(doc_id UNINDEXED, title, body, "
                   "folded, tokenize = 'unicode61 remove_diacritics 2')")
    elif dialect == "postgresql":
        op.execute("CREATE INDEX ix_documents_fts ON documents "
                   "USING gin (to_tsvector('simple', folded))")


def downgrade() -> None:
    """Drop everything."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS docs_fts")
    for name in ("actors", "links", "mentions", "event_actors", "events", "doc_events",
                 "documents"):
        op.drop_table(name)
