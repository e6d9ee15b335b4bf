"""RSS and Atom feeds: each entry becomes a :class:`Document`."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import logging
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import feedparser

from comity.errors import InputError
from comity.ingest.dates import parse_feed_date
from comity.ingest.decode import check_text, normalise_text
from comity.model import Document
from comity.settings import Settings

log = logging.getLogger(__name__)

_BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
    "table", "blockquote", "section", "article", "header", "footer", "pre", "hr",
})
_SKIP_TAGS = frozenset({"script", "style", "template", "noscript"})
_WHITE = re.compile(r"\s+")
_PARAGRAPHS = re.compile(r"\n[ \t]*\n\s*")
#: length of the hexadecimal digest used as a feed entry's id
ID_LENGTH = 16


class _TextExtractor(HTMLParser):
    """Collects the text of an HTML fragment, a line break per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(_WHITE.sub(" ", data))


def strip_html(fragment: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, white space
    collapsed as a browser does, block elements (paragraphs, list items, line breaks) kept
    as blank-line-separated paragraphs. Text without tags keeps its blank-line paragraphs."""
    if "<" not in fragment:
        blocks = _PARAGRAPHS.split(html.unescape(fragment))
    else:
        parser = _TextExtractor()
        parser.feed(fragment)
        parser.close()
        blocks = "".join(parser.parts).split("\n")
    paragraphs = (_WHITE.sub(" ", block).strip() for block in blocks)
    return "\n\n".join(p for p in paragraphs if p)


def entry_id(key: str) -> str:
    """A short stable id for a feed entry from its guid or link."""
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:ID_LENGTH]


def _str(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def _entry_text(entry: Any) -> str:
    for content in entry.get("content") or ():
        value = content.get("value") if hasattr(content, "get") else None
        if isinstance(value, str) and value.strip():
            return strip_html(value)
    for key in ("summary", "description"):
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            return strip_html(value)
    return ""


def looks_like_feed(head: str) -> bool:
    """True when the start of a decoded file looks like RSS, RDF or Atom XML."""
    low = head[:4096].lower()
    return any(tag in low for tag in ("<rss", "<feed", "<rdf:rdf", "<channel"))


def _parse(data: bytes, path: Path) -> Any:
    try:
        return feedparser.parse(data)
    except Exception as exc:  # feedparser / sax internals: translate at the boundary
        raise InputError(f"cannot parse feed: {type(exc).__name__}: {exc}", path) from exc


def parse_feed(data: bytes, path: Path, *, settings: Settings,
               story_date: dt.date | None = None) -> Iterator[Document | InputError]:
    """Each entry's :class:`Document`, then an :class:`InputError` per unusable entry.

    A file that is not a feed (or a feed without entries) is one :class:`InputError`.
    """
    parsed = _parse(data, path)
    entries = list(parsed.get("entries") or ())
    version = parsed.get("version") or ""
    if not entries:
        if not version:
            reason = parsed.get("bozo_exception") if parsed.get("bozo") else None
            detail = f" ({reason})" if reason else " (no <rss>, <feed> or <rdf:RDF> root)"
            raise InputError(f"not an RSS/Atom feed{detail}", path)
        raise InputError(f"{version} feed has no entries", path)
    feed_title = _str((parsed.get("feed") or {}).get("title"))
    source = normalise_text(feed_title) if feed_title else None
    errors: list[InputError] = []
    for number, entry in enumerate(entries, start=1):
        try:
            yield _document(entry, number, path, settings, story_date, source)
        except InputError as exc:
            errors.append(exc)
    yield from errors


def _entry_day(entry: Any) -> dt.date | None:
    """The entry's published/updated day: its own time zone, else feedparser's UTC."""
    for field in ("published", "updated", "created"):
        day = parse_feed_date(_str(entry.get(field)))
        if day is not None:
            return day
    for field in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(field)
        try:
            return dt.date(*parsed[:3])
        except (TypeError, ValueError, IndexError):
            continue
    return None


def _document(entry: Any, number: int, path: Path, settings: Settings,
              story_date: dt.date | None, source: str | None) -> Document:
    link = _str(entry.get("link"))
    title = _str(entry.get("title"))
    title = (normalise_text(strip_html(title)) or None) if title else None
    text = normalise_text(_entry_text(entry))
    key = _str(entry.get("id")) or link
    label = f"entry {number}" + (f" ({title[:60]!r})" if title else "")
    if not text.strip():
        raise InputError(f"{label}: no content or summary text", path)
    if title and not text.startswith(title):
        body_start = len(title) + 2
        text = f"{title}\n\n{text}"
    else:
        body_start = 0
    try:
        check_text(text, settings.max_chars, what=f"{label} text")
    except InputError as exc:
        raise InputError(exc.reason, path) from exc
    day = _entry_day(entry) or story_date
    if day is None:
        raise InputError(f"{label}: no story date (no published/updated date); give "
                         "--story-date", path)
    if key is None:
        key = f"{title or ''}\n{day.isoformat()}\n{text[:500]}"
    return Document(id=entry_id(key), text=text, story_date=day, url=link, title=title,
                    source=source, path=str(path), body_start=body_start)
