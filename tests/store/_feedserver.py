"""A local RSS feed and article server (http.server on 127.0.0.1) for the watch tests."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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
