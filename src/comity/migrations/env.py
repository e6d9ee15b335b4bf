"""Alembic environment: migrations run on the connection handed in by the store."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only via comity.store.migrate
    raise RuntimeError("comity migrations run through comity.store (Store.open)")
context.configure(connection=connection, target_metadata=None)
with context.begin_transaction():
    context.run_migrations()
