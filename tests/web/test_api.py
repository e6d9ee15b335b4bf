"""REST API tests: FastAPI's in-process client over a real SQLite store (hand-built data)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from comity.model import Document, ExtractionResult
from comity.store import Store
from comity.web.app import STATIC_DIR, create_app

from .conftest import DOC_TEXTS, TOKEN, fill

ALL_TRIGGERS = {"talks", "agreed", "invited", "welcomed", "received", "met", "criticised",
                "praised"}


def triggers(body: dict[str, Any]) -> set[str]:
    return {ev["trigger"] for ev in body["items"]}


def test_health_reports_event_count(client: TestClient) -> None:
    r = client.get("/api/health")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "events": len(ALL_TRIGGERS)}


def test_events_lists_everything_with_total(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert body["total"] == len(ALL_TRIGGERS)
    assert triggers(body) == ALL_TRIGGERS
    first = body["items"][0]
    for field in ("id", "type", "cameo", "actor", "recipient", "mentions", "date", "status"):
        assert field in first


@pytest.mark.parametrize(("params", "expected"), [
    ({"actor": "Hun Manet"}, {"talks", "agreed", "invited", "welcomed", "praised"}),
    ({"actor": "kb:person/hun-sen"}, {"received"}),
    ({"country": "LAO"}, {"met", "criticised"}),
    ({"country": "tha"}, {"criticised"}),
    ({"dyad": "VNM-KHM"}, {"talks", "agreed", "invited", "welcomed", "received", "praised"}),
    ({"dyad": "LAO,THA"}, {"criticised"}),
    ({"dyad": "lao tha"}, {"criticised"}),
    ({"dyad": "Hun Manet, Phạm Minh Chính"}, {"talks", "agreed", "invited", "welcomed"}),
    ({"dyad": "prov:pham-minh-chinh,kb:person/hun-sen"}, {"received"}),
    ({"type": "ACCUSE"}, {"criticised"}),
    ({"type": "consult"}, {"talks", "welcomed", "received", "met"}),
    ({"status": "planned"}, {"invited"}),
    ({"date_from": "2025-06-01", "date_to": "2025-09-30"},
     {"welcomed", "received", "met", "criticised"}),
    ({"date_from": "2025-10-01"}, {"praised"}),
    ({"place": "Vientiane"}, {"met"}),
    ({"text": "border"}, {"met", "criticised"}),
    ({"country": "KHM", "type": "AGREE", "status": "occurred"}, {"agreed"}),
    ({"actor": "Nobody At All"}, set()),
])
def test_events_filter(client: TestClient, params: dict[str, str], expected: set[str]) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    body = r.json()
    assert triggers(body) == expected
    assert body["total"] == len(expected)


def test_events_pagination_pages_do_not_overlap(client: TestClient) -> None:
    seen: list[str] = []
    for offset in range(0, 10, 3):
        body = client.get("/api/events", params={"limit": 3, "offset": offset,
                                                 "sort": "date"}).json()
        assert body["total"] == len(ALL_TRIGGERS)
        assert body["limit"] == 3 and body["offset"] == offset
        assert body["count"] == len(body["items"]) <= 3
        seen += [ev["id"] for ev in body["items"]]
    assert len(seen) == len(set(seen)) == len(ALL_TRIGGERS)


@pytest.mark.parametrize(("sort", "first"), [
    ("date", {"talks", "agreed"}), ("-date", {"praised"}), ("-intensity", {"praised"}),
    ("intensity", {"criticised"}),
])
def test_events_sort(client: TestClient, sort: str, first: set[str]) -> None:
    items = client.get("/api/events", params={"sort": sort}).json()["items"]
    assert items[0]["trigger"] in first
    if sort == "date":
        dated = [ev["date"] for ev in items if ev["date"]]
        assert dated == sorted(dated)


def test_events_newest_first_by_default(client: TestClient) -> None:
    items = client.get("/api/events").json()["items"]
    dates = [ev["date"] for ev in items if ev["date"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(("params", "field"), [
    ({"limit": 0}, "limit"),
    ({"limit": 501}, "limit"),
    ({"offset": -1}, "offset"),
    ({"date_from": "last tuesday"}, "date_from"),
    ({"sort": "random"}, "sort"),
    ({"status": "rumoured"}, "status"),
    ({"country": "Vietnam"}, "country"),
    ({"dyad": "VNM"}, "dyad"),
    ({"dyad": "VNM,KHM,LAO"}, "dyad"),
    ({"dyad": "VNM,"}, "dyad"),
    ({"date_from": "2025-05-01", "date_to": "2025-01-01"}, "date_from"),
])
def test_events_bad_query_is_422_naming_the_field(client: TestClient, params: dict[str, Any],
                                                  field: str) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 422
    err = r.json()["error"]
    assert err["status"] == 422
    assert field in err["message"]


def test_event_detail_has_mentions_and_documents(client: TestClient,
                                                event_ids: dict[str, str]) -> None:
    body = client.get(f"/api/events/{event_ids['talks']}").json()
    assert body["type"] == "CONSULT"
    [m] = body["mentions"]
    assert m["doc"] == "doc-hanoi"
    assert DOC_TEXTS["doc-hanoi"][m["start"]:m["end"]] == m["text"]
    assert body["documents"]["doc-hanoi"]["title"] == "Leaders hold talks in Hanoi"


def test_event_unknown_is_404_json(client: TestClient) -> None:
    r = client.get("/api/events/no-such-event")
    assert r.status_code == 404
    assert "no-such-event" in r.json()["error"]["message"]


@pytest.mark.parametrize(("params", "names"), [
    ({"q": "hun"}, {"Hun Manet", "Hun Sen"}),
    ({"q": "pham"}, {"Phạm Minh Chính"}),
    ({"provisional": "false"}, {"Hun Sen"}),
])
def test_actors_search(client: TestClient, params: dict[str, str], names: set[str]) -> None:
    body = client.get("/api/actors", params=params).json()
    assert {a["name"] for a in body["items"]} == names


def test_actors_paginate(client: TestClient) -> None:
    a = client.get("/api/actors", params={"limit": 2}).json()
    b = client.get("/api/actors", params={"limit": 2, "offset": 2}).json()
    assert len(a["items"]) == 2 and b["items"]
    assert not {x["id"] for x in a["items"]} & {x["id"] for x in b["items"]}
    assert a["more"] is True
    last = client.get("/api/actors", params={"limit": 50, "offset": 2}).json()
    assert last["more"] is False and last["count"] == len(last["items"])


def test_actor_detail_roles_over_time_and_events(client: TestClient) -> None:
    body = client.get("/api/actors/kb:person/hun-sen").json()
    assert body["actor"]["name"] == "Hun Sen"
    offices = {r["office"] for r in body["roles"]}
    assert "Prime Minister" in offices
    pm = next(r for r in body["roles"] if r["office"] == "Prime Minister")
    assert pm["start"] == "1985-01-14"
    assert [ev["trigger"] for ev in body["recent_events"]] == ["received"]
    assert body["events"] == 1


def test_actor_unknown_is_404(client: TestClient) -> None:
    r = client.get("/api/actors/prov:nobody")
    assert r.status_code == 404
    assert "prov:nobody" in r.json()["error"]["message"]


def test_documents_list(client: TestClient) -> None:
    body = client.get("/api/documents").json()
    assert {d["id"] for d in body["items"]} == set(DOC_TEXTS)
    assert "text" not in body["items"][0]


def test_document_evidence_offsets_slice_the_text(client: TestClient) -> None:
    body = client.get("/api/documents/doc-vientiane").json()
    assert body["text"] == DOC_TEXTS["doc-vientiane"]
    assert len(body["evidence"]) == 2
    for ev in body["evidence"]:
        assert body["text"][ev["start"]:ev["end"]] == ev["text"]
        assert ev["event"]


def test_document_unknown_is_404(client: TestClient) -> None:
    assert client.get("/api/documents/nope").status_code == 404


@pytest.mark.parametrize(("q", "docs"), [
    ("Vientiane", {"doc-vientiane"}),
    ("official visit", {"doc-phnompenh"}),
    ("Phạm Minh Chính", {"doc-hanoi", "doc-phnompenh", "doc-vientiane"}),
    ("zebra", set()),
])
def test_search(client: TestClient, q: str, docs: set[str]) -> None:
    body = client.get("/api/search", params={"q": q}).json()
    assert {h["doc_id"] for h in body["items"]} == docs


def test_search_without_query_is_422(client: TestClient) -> None:
    r = client.get("/api/search")
    assert r.status_code == 422
    assert "q" in r.json()["error"]["message"]


@pytest.mark.parametrize(("params", "expected"), [
    ({"dyad": "VNM-KHM"}, {("2025-03", 2), ("2025-06", 2), ("2025-10", 1)}),
    ({"dyad": "KHM-VNM", "by": "year"}, {("2025", 5)}),
    ({"country": "THA"}, {("2025-09", 1)}),
])
def test_dyads_counts_per_period(client: TestClient, params: dict[str, str],
                                 expected: set[tuple[str, int]]) -> None:
    body = client.get("/api/dyads", params=params).json()
    assert {(d["period"], d["count"]) for d in body["items"]} == expected


def test_dyads_mean_intensity(client: TestClient) -> None:
    body = client.get("/api/dyads", params={"dyad": "VNM-KHM"}).json()
    march = next(d for d in body["items"] if d["period"] == "2025-03")
    assert march["mean_intensity"] == pytest.approx((4.0 + 2.5) / 2)


def test_dyads_bad_period_is_422(client: TestClient) -> None:
    assert client.get("/api/dyads", params={"by": "week"}).status_code == 422


@pytest.mark.parametrize(("params", "edges"), [
    ({"level": "country"}, {("KHM", "VNM", 2), ("VNM", "KHM", 4), ("LAO", "VNM", 1),
                            ("THA", "LAO", 1)}),
    ({"level": "country", "date_from": "2025-09-01"},
     {("LAO", "VNM", 1), ("THA", "LAO", 1), ("VNM", "KHM", 1)}),
    ({"level": "actor", "type": "ACCUSE"}, {("prov:thailand", "prov:sonexay", 1)}),
])
def test_network_edges(client: TestClient, params: dict[str, str],
                       edges: set[tuple[str, str, int]]) -> None:
    body = client.get("/api/network", params=params).json()
    assert {(e["source_id"], e["target_id"], e["count"]) for e in body["items"]} == edges


def test_unknown_endpoint_is_404_json(client: TestClient) -> None:
    r = client.get("/api/nothing-here")
    assert r.status_code == 404
    assert "no such endpoint" in r.json()["error"]["message"]


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = set(client.get("/openapi.json").json()["paths"])
    for p in ("/api/events", "/api/events/{event_id}", "/api/actors",
              "/api/actors/{actor_id}", "/api/documents/{doc_id}", "/api/search",
              "/api/dyads", "/api/network", "/api/documents"):
        assert p in paths
    assert client.get("/docs").status_code == 200


def test_index_page_and_security_headers(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and "Comity" in r.text
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


SCRIPTS = sorted(p.name for p in (STATIC_DIR / "js").glob("*.js"))


def test_front_end_scripts_are_served(client: TestClient) -> None:
    assert "main.js" in SCRIPTS and len(SCRIPTS) >= 5
    assert '<script type="module" src="/static/js/main.js">' in client.get("/").text


@pytest.mark.parametrize("name", SCRIPTS)
def test_front_end_never_parses_data_as_html(client: TestClient, name: str) -> None:
    r = client.get(f"/static/js/{name}")
    assert r.status_code == 200 and "javascript" in r.headers["content-type"]
    for bad in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                "new Function", "DOMParser", "createContextualFragment"):
        assert bad not in r.text


def test_world_outlines_are_bundled(client: TestClient) -> None:
    world = client.get("/static/world.geojson").json()
    isos = {f["properties"]["iso_a3"] for f in world["features"]}
    assert {"VNM", "KHM", "LAO", "THA", "FRA"} <= isos
    assert len(world["features"]) > 150


# ------------------------------------------------------------------ ingest (POST)


def no_events(docs: Iterable[Document]) -> list[ExtractionResult]:
    """A hand-written extractor: every document, no events."""
    return [ExtractionResult(document=d) for d in docs]


@pytest.fixture()
def fresh(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(f"sqlite:///{tmp_path / 'w.db'}")
    fill(s)
    yield s
    s.close()


@pytest.fixture()
def writer_client(fresh: Store) -> Iterator[TestClient]:
    with TestClient(create_app(fresh, token=TOKEN, max_body=10_000,
                               extractor=no_events)) as c:
        yield c


NEW_DOC = {"id": "doc-new", "text": "Cambodia and Laos signed a border accord.",
           "date": "2025-11-01", "url": "https://example.org/new", "title": "Accord",
           "source": "Example"}


@pytest.mark.parametrize(("headers", "status", "fragment"), [
    ({}, 401, "Authorization: Bearer"),
    ({"Authorization": "Basic abc"}, 401, "Bearer"),
    ({"Authorization": "Bearer wrong"}, 403, "not the operator's token"),
])
def test_ingest_refuses_without_the_token(writer_client: TestClient, headers: dict[str, str],
                                          status: int, fragment: str) -> None:
    r = writer_client.post("/api/documents", json=NEW_DOC, headers=headers)
    assert r.status_code == status
    assert fragment in r.json()["error"]["message"]
    if status == 401:
        assert r.headers["www-authenticate"] == "Bearer"
    assert writer_client.get("/api/documents/doc-new").status_code == 404


def test_ingest_disabled_when_no_token_set(fresh: Store) -> None:
    with TestClient(create_app(fresh, token=None, extractor=no_events)) as c:
        r = c.post("/api/documents", json=NEW_DOC, headers={"Authorization": "Bearer x"})
    assert r.status_code == 403
    assert "disabled" in r.json()["error"]["message"]


def test_ingest_with_token_stores_the_document(writer_client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = writer_client.post("/api/documents", json=NEW_DOC, headers=auth)
    assert r.status_code == 201, r.text
    assert r.json() == {"id": "doc-new", "events": []}
    doc = writer_client.get("/api/documents/doc-new").json()
    assert doc["text"] == NEW_DOC["text"]
    assert doc["summary"]["story_date"] == "2025-11-01"
    again = writer_client.post("/api/documents", json=NEW_DOC, headers=auth)
    assert again.status_code == 409


@pytest.mark.parametrize(("body", "field"), [
    ({"text": "no id"}, "id"),
    ({"id": "x"}, "text"),
    ({"id": "x", "text": "t", "date": "yesterday"}, "date"),
])
def test_ingest_bad_body_is_422(writer_client: TestClient, body: dict[str, Any],
                                field: str) -> None:
    r = writer_client.post("/api/documents", json=body,
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 422
    assert field in r.json()["error"]["message"]


def test_ingest_too_large_is_413(writer_client: TestClient) -> None:
    big = dict(NEW_DOC, text="word " * 5000)
    r = writer_client.post("/api/documents", json=big,
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 413
    assert "10000 bytes" in r.json()["error"]["message"]


def test_ingest_too_large_chunked_is_413(writer_client: TestClient) -> None:
    payload = json.dumps(dict(NEW_DOC, text="word " * 5000)).encode()

    def chunks() -> Iterator[bytes]:
        for i in range(0, len(payload), 1000):
            yield payload[i:i + 1000]

    r = writer_client.post("/api/documents", content=chunks(),
                           headers={"Authorization": f"Bearer {TOKEN}",
                                    "Content-Type": "application/json"})
    assert r.status_code == 413
    assert writer_client.get("/api/documents/doc-new").status_code == 404


@pytest.mark.slow
def test_ingest_runs_the_extraction_pipeline(fresh: Store) -> None:
    text = ("PHNOM PENH — Cambodian Prime Minister Hun Manet met Vietnamese Prime Minister "
            "Phạm Minh Chính in Phnom Penh on Tuesday.")
    with TestClient(create_app(fresh, token=TOKEN)) as c:
        r = c.post("/api/documents", json={"id": "doc-pipe", "text": text,
                                           "date": "2025-12-03"},
                   headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 201, r.text
        doc = c.get("/api/documents/doc-pipe").json()
    assert doc["text"] == text
    for ev in doc["evidence"]:
        assert text[ev["start"]:ev["end"]] == ev["text"]
