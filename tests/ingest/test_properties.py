"""Property tests of comity.ingest: whatever bytes or text come in, only ComityError
subclasses ever escape (no third-party exception, no crash)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comity.errors import ComityError
from comity.ingest import read_file, read_paths, read_text
from comity.model import Document
from comity.settings import Settings

EXTENSIONS = [".txt", ".jsonl", ".ndjson", ".html", ".htm", ".xml", ".rss", ".atom", ".dat",
              ""]

#: fragments that steer random input into each reader's deeper code paths
FRAGMENTS = [
    " date 2025-01-20 ", " date 2025-13-40 ", "date ", "\n", "\r\n", "\r", "\x00", "\ufeff",
    '{"id": "a", "text": "t", "date": "2025-01-20"}', '{"id": ', '"text": ', '"date": "',
    "[", "]", "{", "}", "\"", "<?xml version='1.0' encoding='latin-1'?>", "<rss version='2.0'>",
    "<channel>", "<item>", "</item>", "<title>", "<guid>", "<pubDate>", "<description>",
    "<feed xmlns='http://www.w3.org/2005/Atom'>", "<entry>", "<content type='html'>",
    "<!DOCTYPE html>", "<html>", "<head>", "<meta charset='utf-16'>", "<body>", "<article>",
    "<p>", "</p>", "&amp;", "&#x0;", "&#xD800;", "&bogus;", "<script>", "<!--", "]]>",
    "Tô Lâm met Hun Sen in Phnom Penh. ", "2025-01-20T10:00:00Z", "Mon, 20 Jan 2025",
    "\ud7ff", "\U0001f600", "e\u0301", "\u202e",
]

markup = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)),
                  max_size=30).map("".join)
payloads = st.one_of(
    st.binary(max_size=3000),
    markup.map(lambda s: s.encode("utf-8", "surrogatepass")),
    markup.map(lambda s: s.encode("utf-16")),
    markup.map(lambda s: s.encode("latin-1", "replace")),
)
limits = st.sampled_from([Settings(), Settings(max_bytes=64, max_chars=32)])
story_dates = st.sampled_from([None, dt.date(2025, 1, 20)])
PROPERTY = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


@pytest.mark.slow
@PROPERTY
@given(data=payloads, extension=st.sampled_from(EXTENSIONS), conf=limits, day=story_dates)
def test_readers_only_raise_comity_errors(tmp_path: Path, data: bytes, extension: str,
                                          conf: Settings, day: dt.date | None) -> None:
    path = tmp_path / f"input{extension}"
    path.write_bytes(data)
    try:
        docs = read_file(path, settings=conf, story_date=day)
    except ComityError:
        docs = []
    for doc in docs:
        assert isinstance(doc, Document)
        assert 0 <= doc.body_start <= len(doc.text) <= conf.max_chars
    for record in read_paths([path, tmp_path], settings=conf, story_date=day):
        assert isinstance(record, Document | ComityError)


@PROPERTY
@given(text=st.one_of(markup, st.text()), doc_id=st.text(max_size=5), conf=limits,
       day=story_dates)
def test_read_text_only_raises_comity_errors(text: str, doc_id: str, conf: Settings,
                                             day: dt.date | None) -> None:
    try:
        doc = read_text(text, doc_id=doc_id, story_date=day, settings=conf)
    except ComityError:
        return
    assert doc.text.strip()
    assert 0 <= doc.body_start <= len(doc.text)
