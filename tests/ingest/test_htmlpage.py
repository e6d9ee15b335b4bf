"""Tests of comity.ingest.htmlpage: HTML pages read through read_file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from comity.errors import InputError
from comity.ingest import read_file
from comity.settings import Settings

SETTINGS = Settings()
BODY = ("<p>HANOI — Prime Minister Phạm Minh Chính met Cambodian Prime Minister Hun Manet "
        "in Hanoi on Monday to discuss trade and border cooperation.</p>"
        "<p>The two leaders agreed to raise bilateral trade and to meet again next year in "
        "Phnom Penh, the ministry said in a statement.</p>")


def _page(head: str = "", h1: str = "Leaders meet in Hanoi") -> str:
    return (f"<!DOCTYPE html><html><head><title>Leaders meet in Hanoi | Example News</title>"
            f"{head}</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a>"
            f"<a href='/sport'>Sport</a></nav><article><h1>{h1}</h1>{BODY}</article>"
            "<footer>Copyright 2025 Example News. All rights reserved. Cookie policy."
            "</footer></body></html>")


META = ("<link rel='canonical' href='https://example.org/world/leaders-meet'>"
        "<meta property='article:published_time' content='2025-01-20T08:00:00+07:00'>"
        "<meta property='og:site_name' content='Example News'>")


def test_read_file_html_main_text_title_date_url(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(_page(META), encoding="utf-8")
    [doc] = read_file(path, settings=SETTINGS, story_date=dt.date(2000, 1, 1))
    assert doc.id == "page"
    assert doc.story_date == dt.date(2025, 1, 20)
    assert doc.url == "https://example.org/world/leaders-meet"
    assert doc.title == "Leaders meet in Hanoi"
    assert doc.text.startswith("Leaders meet in Hanoi\n")
    assert doc.text[doc.body_start:].startswith("HANOI — Prime Minister Phạm Minh Chính")
    assert "Phnom Penh, the ministry said" in doc.text
    for boilerplate in ("Home", "Sport", "Copyright", "Cookie"):
        assert boilerplate not in doc.text


def test_read_file_html_title_added_when_body_lacks_it(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    page = _page(META, h1="").replace("<h1></h1>", "")
    path.write_text(page, encoding="utf-8")
    [doc] = read_file(path, settings=SETTINGS)
    assert doc.title is not None
    assert doc.text == f"{doc.title}\n\n{doc.text[doc.body_start:]}"
    assert doc.text[doc.body_start:].startswith("HANOI")


@pytest.mark.parametrize(("story_date", "expected"), [
    (dt.date(2025, 3, 3), dt.date(2025, 3, 3)),
    (None, None),
])
def test_read_file_html_without_date_metadata(tmp_path: Path, story_date: dt.date | None,
                                              expected: dt.date | None) -> None:
    path = tmp_path / "page.html"
    path.write_text(_page(), encoding="utf-8")
    if expected is None:
        with pytest.raises(InputError, match="no story date: the page has no publication "
                                             "date in its metadata; give --story-date"):
            read_file(path, settings=SETTINGS, story_date=story_date)
    else:
        [doc] = read_file(path, settings=SETTINGS, story_date=story_date)
        assert doc.story_date == expected


def test_read_file_html_windows_1252(tmp_path: Path) -> None:
    page = _page(META).replace("Phạm Minh Chính", "Jean-Noël Barrot (“minister”)")
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1252"))
    [doc] = read_file(path, settings=SETTINGS)
    assert "Jean-Noël Barrot (“minister”)" in doc.text


@pytest.mark.parametrize("page", [
    "<html><head><title>x</title></head><body></body></html>",
    "<html><body><script>var a = 1;</script></body></html>",
])
def test_read_file_html_without_text_is_an_error(tmp_path: Path, page: str) -> None:
    path = tmp_path / "empty.html"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(InputError, match="no main text found in the HTML page"):
        read_file(path, settings=SETTINGS, story_date=dt.date(2025, 1, 1))
