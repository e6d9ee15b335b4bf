"""Tests of comity.store.watch against feeds served by a local HTTP server."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from comity.errors import ConfigError
from comity.model import Document, ExtractionResult
from comity.store import Store
from comity.store.watch import Watcher, parse_every

from ._feedserver import Server


@pytest.fixture
def server() -> Iterator[Server]:
    with Server() as s:
        yield s


def no_events(docs: Iterable[Document]) -> Iterator[ExtractionResult]:
    """An extractor that stores documents only (the watcher is what is tested)."""
    for d in docs:
        yield ExtractionResult(document=d)


def test_watch_ingests_new_articles_then_not_modified(server: Server, tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'w.db'}") as store:
        w = Watcher(store, no_events, backoff=0.01)
        s1 = w.poll_once([server.url + "/feed.xml"])
        assert (s1.entries, s1.new, s1.ingest.new_documents, s1.errors) == (2, 2, 2, [])
        docs = {d.url: d for d in store.documents()}
        assert set(docs) == {server.url + "/a1", server.url + "/a2"}
        assert docs[server.url + "/a1"].source == "Test Wire"
        assert store.document(docs[server.url + "/a1"].id).text.count("Hun Manet") == 1
        s2 = w.poll_once([server.url + "/feed.xml"])
        assert s2.not_modified == 1 and s2.new == 0
        assert server.hits[-1] == ("/feed.xml", 304)
        server.items = 3
        s3 = w.poll_once([server.url + "/feed.xml"])
        assert s3.new == 1 and s3.ingest.new_documents == 1
        assert [h for h in server.hits if h[0].startswith("/a")] == [
            ("/a1", 200), ("/a2", 200), ("/a3", 200)]
        w.close()


def test_watch_retries_server_errors(server: Server, tmp_path: Path) -> None:
    server.flaky = 2
    with Store.open(f"sqlite:///{tmp_path / 'w.db'}") as store:
        w = Watcher(store, no_events, backoff=0.01, retries=3)
        s = w.poll_once([server.url + "/feed.xml"])
        assert s.ingest.new_documents == 2
        assert ("/a1", 503) in server.hits
        w.close()


def test_watch_reads_article_url_and_reports_missing(server: Server, tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'w.db'}") as store:
        w = Watcher(store, no_events, backoff=0.01, retries=1)
        s = w.poll_once([server.url + "/a2", server.url + "/missing"])
        assert s.ingest.new_documents == 1
        assert len(s.errors) == 1 and "404" in s.errors[0]
        w.close()


@pytest.mark.parametrize("text,seconds", [("15m", 900), ("30s", 30), ("1h", 3600),
                                          ("90", 90), ("2d", 172800)])
def test_parse_every(text: str, seconds: float) -> None:
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "0m", "-5m"])
def test_parse_every_rejects(text: str) -> None:
    with pytest.raises(ConfigError):
        parse_every(text)
