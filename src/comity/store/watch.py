"""Polling RSS/Atom feeds (and article URLs) into the store.

Each feed is fetched with httpx (timeouts, retries with exponential backoff on network
errors and 5xx/429 answers, conditional requests with ETag / Last-Modified); each entry
whose article URL is not stored yet is fetched and read through the HTML reader
(trafilatura), falling back to the entry's own summary text when the page cannot be read.
A URL that is not a feed is read as one article page.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from comity.errors import ComityError, ConfigError, InputError
from comity.ingest.feeds import looks_like_feed, parse_feed
from comity.ingest.htmlpage import parse_html
from comity.model import Document, ExtractionResult
from comity.settings import Settings
from comity.store.store import Store
from comity.store.types import IngestSummary

log = logging.getLogger(__name__)

Extract = Callable[[Iterable[Document]], Iterable[ExtractionResult]]
_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(text: str) -> float:
    """``15m``, ``1h``, ``30s``, ``90`` (seconds) as seconds."""
    m = _EVERY.match(text)
    if not m or float(m.group(1)) <= 0:
        raise ConfigError(f"bad interval {text!r}: use a number with s, m, h or d (15m)")
    return float(m.group(1)) * _UNITS[m.group(2)]


@dataclass
class FeedState:
    """What the server told us last time (for conditional requests)."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass
class PollSummary:
    """What one poll did."""

    feeds: int = 0
    not_modified: int = 0
    entries: int = 0
    new: int = 0
    errors: list[str] = field(default_factory=list)
    ingest: IngestSummary = IngestSummary()


class Watcher:
    """Polls feeds and ingests what is new; keeps ETag/Last-Modified between polls."""

    def __init__(self, store: Store, extract: Extract, *, settings: Settings | None = None,
                 client: httpx.Client | None = None, retries: int = 3,
                 backoff: float = 0.5) -> None:
        self.store = store
        self.extract = extract
        self.settings = settings or store.settings
        self.client = client or httpx.Client(
            timeout=httpx.Timeout(20.0, connect=10.0), follow_redirects=True,
            headers={"User-Agent": "comity-watch/0.1 (+https://github.com/comity)"})
        self.retries = retries
        self.backoff = backoff
        self.state: dict[str, FeedState] = {}

    def close(self) -> None:
        """Close the HTTP client."""
        self.client.close()

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> httpx.Response:
        """GET with retries (network errors, 429, 5xx) and exponential backoff."""
        delay = self.backoff
        last: Exception | None = None
        for attempt in range(1, self.retries + 1):
            try:
                resp = self.client.get(url, headers=headers or {})
                if resp.status_code != 429 and resp.status_code < 500:
                    return resp
                last = InputError(f"HTTP {resp.status_code}", url)
            except httpx.HTTPError as exc:
                last = exc
            if attempt < self.retries:
                log.info("%s: attempt %d failed (%s); retrying in %.1fs", url, attempt,
                         last, delay)
                time.sleep(delay)
                delay *= 2
        raise InputError(f"cannot fetch after {self.retries} attempts: {last}", url)

    def _article(self, url: str, fallback: Document | None) -> Document:
        try:
            resp = self.fetch(url)
            if resp.status_code >= 400:
                raise InputError(f"HTTP {resp.status_code}", url)
            doc_id = (fallback.id if fallback else
                      "url-" + hashlib.sha1(url.encode()).hexdigest()[:16])
            day = fallback.story_date if fallback else None
            doc = parse_html(resp.text, Path(url), doc_id=doc_id, settings=self.settings,
                             story_date=day)
            return dataclasses.replace(doc, url=url, path=None,
                                       source=(fallback.source if fallback else None)
                                       or doc.source, title=doc.title or
                                       (fallback.title if fallback else None))
        except InputError:
            if fallback is None:
                raise
            log.warning("%s: article not readable; using the feed entry's text", url)
            return fallback

    def poll_once(self, urls: Iterable[str]) -> PollSummary:
        """Fetch every feed (conditionally), read new articles, ingest them."""
        summary = PollSummary()
        docs: list[Document] = []
        for url in urls:
            summary.feeds += 1
            try:
                docs.extend(self._poll_feed(url, summary))
            except ComityError as exc:
                summary.errors.append(str(exc))
        if docs:
            summary.ingest = self.store.ingest(self.extract(docs))
        return summary

    def _poll_feed(self, url: str, summary: PollSummary) -> list[Document]:
        st = self.state.setdefault(url, FeedState())
        headers = {}
        if st.etag:
            headers["If-None-Match"] = st.etag
        if st.last_modified:
            headers["If-Modified-Since"] = st.last_modified
        resp = self.fetch(url, headers)
        if resp.status_code == 304:
            summary.not_modified += 1
            return []
        if resp.status_code >= 400:
            raise InputError(f"HTTP {resp.status_code}", url)
        st.etag = resp.headers.get("ETag")
        st.last_modified = resp.headers.get("Last-Modified")
        if not looks_like_feed(resp.text[:2000]):
            if self.store.known_urls([url]):
                return []
            summary.entries += 1
            summary.new += 1
            return [self._article(url, None)]
        out = []
        entries = list(parse_feed(resp.content, Path(url), settings=self.settings))
        links = [e.url for e in entries if isinstance(e, Document) and e.url]
        known = self.store.known_urls(links)
        for entry in entries:
            if isinstance(entry, InputError):
                summary.errors.append(str(entry))
                continue
            summary.entries += 1
            if entry.url and entry.url in known:
                continue
            summary.new += 1
            out.append(self._article(entry.url, entry) if entry.url else entry)
        return out
