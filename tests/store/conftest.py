"""Store fixtures: every store test runs against SQLite and the PostgreSQL server at
127.0.0.1:5432 (database ``test``), each test in its own schema (dropped afterwards)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from comity.store import Store

from ._db import pg_schema_url


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
