"""Tests of comity.store.engine: URLs, schema creation, SQLite pragmas."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from comity.errors import StoreError
from comity.store import Store
from comity.store.engine import make_engine, normalise_url


@pytest.mark.parametrize("url,expected", [
    ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
    ("sqlite:///x.db", "sqlite:///x.db"),
    ("events.db", "sqlite:///events.db"),
])
def test_normalise_url(url: str, expected: str) -> None:
    assert normalise_url(url) == expected


def test_make_engine_rejects_unknown_scheme() -> None:
    with pytest.raises(StoreError, match="unsupported database URL"):
        make_engine("mysql://u@h/db")


def test_open_unreachable_postgresql_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot create or upgrade"):
        Store.open("postgresql://postgres@127.0.0.1:1/none?connect_timeout=2")


def test_open_creates_schema_and_is_repeatable(store_url: str) -> None:
    for _ in range(2):
        with Store.open(store_url) as store:
            names = set(sa.inspect(store.engine).get_table_names())
            assert {"documents", "doc_events", "events", "event_actors", "mentions",
                    "links", "actors", "alembic_version"} <= names
            with store.engine.connect() as conn:
                rev = conn.exec_driver_sql("SELECT version_num FROM alembic_version")
                assert [r[0] for r in rev] == ["0001"]


def test_sqlite_uses_wal(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'w.db'}") as store, store.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert int(c.exec_driver_sql("PRAGMA busy_timeout").scalar() or 0) >= 1000


def _open_and_migrate(path: str) -> str:
    from comity.store.engine import migrate

    try:
        engine = make_engine(f"sqlite:///{path}")
        migrate(engine)
        engine.dispose()
    except StoreError as exc:
        return str(exc)
    return "ok"


@pytest.mark.slow
def test_sqlite_new_file_opened_by_several_processes_at_once(tmp_path: Path) -> None:
    """Processes switching a new file to WAL together can deadlock inside SQLite, which then
    answers "database is locked" without waiting; every opener must still succeed."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(4) as pool:
        for i in range(40):
            path = str(tmp_path / f"new{i}.db")
            assert pool.map(_open_and_migrate, [path] * 4) == ["ok"] * 4, i
