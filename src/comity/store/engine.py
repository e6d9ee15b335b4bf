"""Engines and migrations: URL handling, SQLite pragmas (WAL, busy timeout, one writer),
PostgreSQL through psycopg 3, and the Alembic upgrade run on open."""

from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

import comity.migrations
from comity.errors import StoreError

log = logging.getLogger(__name__)

#: key of the PostgreSQL advisory lock held by writers and migrations
PG_LOCK_KEY = 7_264_849_101
SQLITE_BUSY_MS = 60_000


def normalise_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` become ``postgresql+psycopg://``; a bare path
    becomes a SQLite URL."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url:
        return f"sqlite:///{url}"
    return url


def make_engine(url: str) -> Engine:
    """An engine for ``url`` (SQLite or PostgreSQL), with the pragmas set."""
    url = normalise_url(url)
    try:
        if url.startswith("sqlite"):
            path = url.split("///", 1)[1] if "///" in url else ""
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000})
            _sqlite_events(engine)
        elif url.startswith("postgresql"):
            engine = create_engine(url, pool_pre_ping=True)
        else:
            raise StoreError(f"unsupported database URL {url!r}: use sqlite:///FILE or "
                             "postgresql://USER@HOST/DB")
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open database {url!r}: {exc}") from exc
    return engine


def _sqlite_events(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        _set_wal(cur)
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("comity_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _set_wal(cur: Any) -> None:
    """Switch to WAL. On a new file two processes switching at once can deadlock (both hold
    a shared lock and want an exclusive one); SQLite then answers "database is locked" at once
    instead of waiting, so retry with a growing pause until the busy timeout is spent."""
    deadline = time.monotonic() + SQLITE_BUSY_MS / 1000
    pause = 0.01
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() + pause > deadline:
                raise
            log.debug("journal mode switch busy, retrying in %.2fs", pause)
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


def writer(engine: Engine) -> Connection:
    """A connection whose transactions take the write lock (SQLite BEGIN IMMEDIATE)."""
    return engine.connect().execution_options(comity_write=True)


def lock(conn: Connection) -> None:
    """Serialise writers on PostgreSQL (transaction-scoped advisory lock)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_KEY})


def migrate(engine: Engine) -> None:
    """Create or upgrade the schema to the latest revision."""
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(comity.migrations.__file__).parent))
    try:
        with writer(engine) as conn, conn.begin():
            lock(conn)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot create or upgrade the database schema: {exc}") from exc
