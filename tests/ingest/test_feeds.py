"""Tests of comity.ingest.feeds: RSS and Atom files, HTML stripping, entry ids."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from comity.errors import InputError
from comity.ingest import read_file, read_paths
from comity.ingest.feeds import entry_id, strip_html
from comity.model import Document
from comity.settings import Settings

SETTINGS = Settings()

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Diplomatic Wire</title>
<link>https://wire.example.org/</link><description>News</description>
<item><title>Tô Lâm meets Hun Sen</title><link>https://wire.example.org/a/1</link>
<guid>urn:wire:1</guid><pubDate>Fri, 06 Feb 2026 23:30:00 +0700</pubDate>
<description>&lt;p&gt;PHNOM PENH &amp;mdash; Party chief &lt;b&gt;Tô Lâm&lt;/b&gt; met
Hun Sen.&lt;/p&gt;&lt;p&gt;They discussed ties.&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;
</description></item>
<item><title>Undated item</title><link>https://wire.example.org/a/2</link>
<description>No date here.</description></item>
<item><title>Second</title><link>https://wire.example.org/a/3</link>
<pubDate>Sat, 07 Feb 2026 08:00:00 GMT</pubDate>
<description>Hun Manet received the delegation.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<id>urn:desk</id><updated>2025-01-20T10:00:00Z</updated>
<entry><title>Leaders meet</title><id>tag:desk,2025:42</id>
<link href="https://desk.example.org/42"/><updated>2025-01-20T22:00:00-05:00</updated>
<content type="html">&lt;p&gt;Hanoi &amp;amp; Phnom Penh agreed.&lt;/p&gt;</content>
</entry></feed>
"""


def test_read_paths_rss_entries_then_errors(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    records = list(read_paths([path], settings=SETTINGS))
    docs = [r for r in records if isinstance(r, Document)]
    assert [type(r) for r in records] == [Document, Document, InputError]
    first, second = docs
    assert first.id == entry_id("urn:wire:1")
    assert second.id == entry_id("https://wire.example.org/a/3")
    assert first.title == "Tô Lâm meets Hun Sen"
    assert first.text == ("Tô Lâm meets Hun Sen\n\nPHNOM PENH — Party chief Tô Lâm met "
                          "Hun Sen.\n\nThey discussed ties.")
    assert first.text[first.body_start:].startswith("PHNOM PENH")
    assert first.story_date == dt.date(2026, 2, 6)  # the feed's own time zone, not UTC
    assert first.url == "https://wire.example.org/a/1"
    assert first.source == "Example Diplomatic Wire"
    assert second.story_date == dt.date(2026, 2, 7)
    error = records[2]
    assert isinstance(error, InputError)
    assert error.reason == ("entry 2 ('Undated item'): no story date (no published/updated "
                            "date); give --story-date")


def test_read_file_rss_story_date_fills_undated_entries(tmp_path: Path) -> None:
    path = tmp_path / "wire.xml"
    path.write_text(RSS, encoding="utf-8")
    docs = read_file(path, settings=SETTINGS, story_date=dt.date(2026, 2, 8))
    assert [d.story_date for d in docs] == [dt.date(2026, 2, 6), dt.date(2026, 2, 8),
                                            dt.date(2026, 2, 7)]


def test_read_file_atom_entry(tmp_path: Path) -> None:
    path = tmp_path / "desk.atom"
    path.write_text(ATOM, encoding="utf-8")
    [doc] = read_file(path, settings=SETTINGS)
    assert doc.id == entry_id("tag:desk,2025:42")
    assert doc.text == "Leaders meet\n\nHanoi & Phnom Penh agreed."
    assert doc.story_date == dt.date(2025, 1, 20)
    assert (doc.url, doc.source) == ("https://desk.example.org/42", "Atom Desk")


def test_entry_id_short_and_stable() -> None:
    assert entry_id("urn:wire:1") == entry_id("urn:wire:1")
    assert entry_id("urn:wire:1") != entry_id("urn:wire:2")
    assert len(entry_id("x")) == 16
    assert entry_id("x") == "2d711642b726b044"


@pytest.mark.parametrize(("content", "reason"), [
    ('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
     "rss20 feed has no entries"),
    ('<?xml version="1.0"?><catalog><book>x</book></catalog>', "not an RSS/Atom feed"),
    ("just some words, not XML at all", "not an RSS/Atom feed"),
])
def test_read_file_not_a_feed(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "x.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_file(path, settings=SETTINGS)
    assert err.value.reason.startswith(reason)


def test_read_file_feed_entry_without_text(tmp_path: Path) -> None:
    path = tmp_path / "x.rss"
    path.write_text(RSS.replace("<description>No date here.</description>", ""),
                    encoding="utf-8")
    with pytest.raises(InputError, match=r"entry 2 \('Undated item'\): no content or summary"):
        read_file(path, settings=SETTINGS)


@pytest.mark.parametrize(("fragment", "text"), [
    ("<p>One</p><p>Two &amp; three</p>", "One\n\nTwo & three"),
    ("a<br>b", "a\n\nb"),
    ("x <style>p{}</style><script>y()</script> z", "x z"),
    ("plain   text\twith  spaces", "plain text with spaces"),
    ("<ul><li>a</li><li>b</li></ul>", "a\n\nb"),
    ("", ""),
    ("Plain\ntext &amp; more.\n\nSecond  paragraph.", "Plain text & more.\n\nSecond paragraph."),
    ("<p>line\nwrapped</p>", "line wrapped"),
])
def test_strip_html_cases(fragment: str, text: str) -> None:
    assert strip_html(fragment) == text
