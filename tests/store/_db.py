"""Fresh databases for the store tests: SQLite files and PostgreSQL schemas."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

PG_BASE = os.environ.get("COMITY_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def pg_schema_url() -> Iterator[str]:
    """Create a uniquely named schema; yield a URL whose search_path is that schema."""
    name = f"comity_t_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    engine = sa.create_engine(PG_BASE)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {name}")
    except sa.exc.OperationalError as exc:
        pytest.fail(f"PostgreSQL at {PG_BASE} is unreachable ({exc}); the store tests need "
                    "it (set COMITY_TEST_PG to another server)")
    try:
        yield f"{PG_BASE}?options=-csearch_path%3D{name}"
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {name} CASCADE")
        engine.dispose()
