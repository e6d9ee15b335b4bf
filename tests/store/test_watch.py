"""Tests of comity.store.watch against feeds served by a local HTTP server."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from comity.errors import ConfigError
from comity.model import Document, ExtractionResult
from comity.store import Store
from comity.store.watch import Watcher, parse_every

ARTICLE = """<html><head><title>Leaders meet in Hà Nội {n}</title>
<meta property="article:published_time" content="2026-02-0{n}T08:00:00Z"></head>
<body><article><h1>Leaders meet in Hà Nội {n}</h1>
<p>General Secretary To Lam received Prime Minister Hun Manet in Hanoi on Monday, in the
article number {n}. The two leaders discussed trade, security and the border.</p>
<p>They agreed to raise bilateral trade and to meet again next year in Phnom Penh.</p>
</article></body></html>"""


def feed(base: str, items: int) -> str:
    entries = "".join(
        f"<item><title>Leaders meet in Hà Nội {n}</title><link>{base}/a{n}</link>"
        f"<guid>{base}/a{n}</guid><pubDate>Mon, 0{n} Feb 2026 08:00:00 GMT</pubDate>"
        f"<description>Summary {n}: To Lam met Hun Manet.</description></item>"
        for n in range(1, items + 1))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Test Wire</title><link>{base}</link><description>x</description>"
            f"{entries}</channel></rss>")


class Server:
    """A local feed server that counts requests and answers conditional requests."""

    def __init__(self) -> None:
        self.items = 2
        self.hits: list[tuple[str, int]] = []
        self.flaky = 0  # answer 503 to this many article requests first
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server API
                base = f"http://127.0.0.1:{self.server.server_address[1]}"
                if self.path == "/feed.xml":
                    body = feed(base, outer.items).encode()
                    etag = f'"v{outer.items}"'
                    if self.headers.get("If-None-Match") == etag:
                        outer.hits.append((self.path, 304))
                        self.send_response(304)
                        self.end_headers()
                        return
                    self._send(200, body, "application/rss+xml", etag)
                elif self.path.startswith("/a"):
                    if outer.flaky:
                        outer.flaky -= 1
                        self._send(503, b"busy", "text/plain")
                        return
                    n = int(self.path[2:])
                    self._send(200, ARTICLE.format(n=n).encode(), "text/html")
                else:
                    self._send(404, b"no", "text/plain")

            def _send(self, code: int, body: bytes, ctype: str, etag: str | None = None
                      ) -> None:
                outer.hits.append((self.path, code))
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                if etag:
                    self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


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
