"""The API over PostgreSQL (127.0.0.1:5432, database ``test``): the same hand-built data
in a schema of its own, dropped afterwards."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from comity.store import Store
from comity.web.app import create_app

from .conftest import DOC_TEXTS, TOKEN, fill

pytestmark = pytest.mark.postgres

PG_BASE = os.environ.get("COMITY_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="module")
def pg_client() -> Iterator[TestClient]:
    name = f"comity_web_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    engine = sa.create_engine(PG_BASE)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {name}")
    except sa.exc.OperationalError as exc:
        pytest.fail(f"PostgreSQL at {PG_BASE} is unreachable ({exc}); set COMITY_TEST_PG")
    try:
        with Store.open(f"{PG_BASE}?options=-csearch_path%3D{name}") as store:
            fill(store)
            with TestClient(create_app(store, token=TOKEN)) as client:
                yield client
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {name} CASCADE")
        engine.dispose()


@pytest.mark.parametrize(("params", "expected"), [
    ({}, {"talks", "agreed", "invited", "welcomed", "received", "met", "criticised",
          "praised"}),
    ({"actor": "Hun Manet", "status": "planned"}, {"invited"}),
    ({"dyad": "THA-LAO"}, {"criticised"}),
    ({"date_from": "2025-06-01", "date_to": "2025-06-30", "type": "CONSULT"},
     {"welcomed", "received"}),
    ({"text": "border"}, {"met", "criticised"}),
])
def test_events_filter_on_postgresql(pg_client: TestClient, params: dict[str, str],
                                     expected: set[str]) -> None:
    body = pg_client.get("/api/events", params=params).json()
    assert {ev["trigger"] for ev in body["items"]} == expected
    assert body["total"] == len(expected)


def test_document_and_aggregates_on_postgresql(pg_client: TestClient) -> None:
    doc: dict[str, Any] = pg_client.get("/api/documents/doc-hanoi").json()
    assert doc["text"] == DOC_TEXTS["doc-hanoi"]
    assert all(doc["text"][e["start"]:e["end"]] == e["text"] for e in doc["evidence"])
    dyads = pg_client.get("/api/dyads", params={"dyad": "VNM-KHM", "by": "year"}).json()
    assert [(d["period"], d["count"]) for d in dyads["items"]] == [("2025", 5)]
    net = pg_client.get("/api/network", params={"level": "country"}).json()
    assert len(net["items"]) == 4
    hits = pg_client.get("/api/search", params={"q": "Vientiane"}).json()
    assert [h["doc_id"] for h in hits["items"]] == ["doc-vientiane"]
