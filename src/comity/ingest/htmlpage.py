"""HTML pages: main text, title, canonical URL and publication date via trafilatura."""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path

import trafilatura

from comity.errors import InputError
from comity.ingest.dates import parse_day
from comity.ingest.decode import check_text, normalise_text
from comity.model import Document
from comity.settings import Settings

log = logging.getLogger(__name__)

#: only metadata (meta tags, JSON-LD, <time>), never a date guessed from the body text
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_BLANK_RUNS = re.compile(r"\n{3,}")


def _extract(html: str, path: Path) -> trafilatura.settings.Document | None:
    try:
        result = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params=_DATE_PARAMS)
    except Exception as exc:  # lxml / trafilatura internals: translate at the boundary
        raise InputError(f"cannot parse HTML: {type(exc).__name__}: {exc}", path) from exc
    if result is None or isinstance(result, dict):
        return None
    return result


def parse_html(html: str, path: Path, *, doc_id: str, settings: Settings,
               story_date: dt.date | None = None) -> Document:
    """A :class:`Document` from an HTML page.

    ``text`` is the title, a blank line, then the main text (unless the main text already
    starts with the title); ``body_start`` is where the main text starts. The story date
    comes from the page metadata, else ``story_date``, else :class:`InputError`.
    """
    page = _extract(html, path)
    body = normalise_text(page.text or "").strip() if page is not None else ""
    if page is None or not body:
        raise InputError("no main text found in the HTML page", path)
    body = _BLANK_RUNS.sub("\n\n", body)
    title = normalise_text(page.title).strip() if page.title else None
    if title and not body.startswith(title):
        text = f"{title}\n\n{body}"
        body_start = len(title) + 2
    elif title:
        text = body
        rest = body[len(title):]
        body_start = len(title) + (len(rest) - len(rest.lstrip()))
    else:
        text, body_start = body, 0
    check_text(text, settings.max_chars, path)
    day: dt.date | None = None
    if page.date:
        try:
            day = parse_day(page.date[:10], path, where="page date")
        except InputError:
            log.debug("%s: ignoring unparseable page date %r", path, page.date)
    if day is None:
        day = story_date
    if day is None:
        raise InputError("no story date: the page has no publication date in its metadata; "
                         "give --story-date", path)
    url = page.url or None
    source = page.sitename or None
    return Document(id=doc_id, text=text, story_date=day, url=url, title=title,
                    source=source, path=str(path), body_start=body_start)
