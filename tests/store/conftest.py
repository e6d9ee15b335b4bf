"""Store fixtures: every store test runs against SQLite and the PostgreSQL server at
127.0.0.1:5432 (database ``test``), each test in its own schema (dropped afterwards)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from comity.store import Store

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


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database URL, SQLite file or PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'comity.db'}"
    else:
        yield from pg_schema_url()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL schema URL."""
    yield from pg_schema_url()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An open, empty store on SQLite or PostgreSQL."""
    with Store.open(store_url) as s:
        yield s
