"""Tests of comity.ingest.plaintext: read_text and .txt files (dated and plain)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from comity.errors import InputError
from comity.ingest import read_file, read_text
from comity.settings import Settings

SETTINGS = Settings()
DATED = " date 2025-01-20 HÀ NỘI — Tô Lâm received Hun Sen.\r\nThey talked.\r\n"


def test_read_text_date_line_gives_date_and_body_start() -> None:
    doc = read_text(DATED, doc_id="a", url="https://x.org/a", source="VNA")
    assert doc.id == "a"
    assert doc.story_date == dt.date(2025, 1, 20)
    assert doc.text == " date 2025-01-20 HÀ NỘI — Tô Lâm received Hun Sen.\nThey talked.\n"
    assert doc.text[doc.body_start:].startswith("HÀ NỘI")
    assert (doc.url, doc.source, doc.title) == ("https://x.org/a", "VNA", None)


@pytest.mark.parametrize(("text", "story_date", "expected"), [
    ("Hun Sen visited Hanoi.", dt.date(2025, 3, 1), dt.date(2025, 3, 1)),
    ("Hun Sen visited Hanoi.", None, None),
    (" date 2025-01-20 Body", dt.date(2025, 3, 1), dt.date(2025, 1, 20)),
    ("Hun Sen visited Hanoi.", dt.datetime(2025, 3, 1, 12, 0), dt.date(2025, 3, 1)),
])
def test_read_text_story_date_precedence(text: str, story_date: dt.date | None,
                                         expected: dt.date | None) -> None:
    doc = read_text(text, doc_id="a", story_date=story_date)
    assert doc.story_date == expected
    assert type(doc.story_date) is type(expected)


def test_read_text_normalises_to_nfc() -> None:
    doc = read_text("To\u0302 La\u0302m", doc_id="a")
    assert doc.text == "Tô Lâm"


@pytest.mark.parametrize(("text", "doc_id", "match"), [
    ("", "a", "empty text"),
    ("  \n ", "a", "empty text"),
    ("x" * 201, "a", "201 characters, longer than the limit of 200"),
    ("text", "", "document id"),
    (" date 2025-02-30 x", "a", "invalid date line"),
])
def test_read_text_refuses(text: str, doc_id: str, match: str) -> None:
    with pytest.raises(InputError, match=match):
        read_text(text, doc_id=doc_id, settings=Settings(max_chars=200))


def test_read_file_dated_txt(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(DATED.encode())
    [doc] = read_file(path, settings=SETTINGS, story_date=dt.date(2000, 1, 1))
    assert doc.id == "story"
    assert doc.story_date == dt.date(2025, 1, 20)
    assert doc.body_start == 17
    assert doc.text.startswith(" date 2025-01-20 HÀ")
    assert "\r" not in doc.text
    assert doc.path == str(path)


@pytest.mark.parametrize(("name", "story_date", "expected"), [
    ("2025-01-20_x.txt", None, dt.date(2025, 1, 20)),
    ("20250120-x.txt", None, dt.date(2025, 1, 20)),
    ("2025-01-20_x.txt", dt.date(2025, 5, 5), dt.date(2025, 5, 5)),
    ("plain.txt", dt.date(2025, 5, 5), dt.date(2025, 5, 5)),
])
def test_read_file_plain_txt_story_date(tmp_path: Path, name: str,
                                        story_date: dt.date | None,
                                        expected: dt.date) -> None:
    path = tmp_path / name
    path.write_text("Hun Sen visited Hanoi on Monday.\n", encoding="utf-8")
    [doc] = read_file(path, settings=SETTINGS, story_date=story_date)
    assert doc.story_date == expected
    assert doc.body_start == 0
    assert doc.id == path.stem


def test_read_file_plain_txt_without_date_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Hun Sen visited Hanoi on Monday.\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_file(path, settings=SETTINGS)
    assert str(err.value) == (f"{path}: no story date: add a ' date YYYY-MM-DD' first line, "
                              "a date in the file name, or --story-date")


def test_read_file_latin1_txt(tmp_path: Path) -> None:
    body = ("Le président français a rencontré à Genève le ministre des affaires "
            "étrangères; les délégations ont évoqué la coopération régionale. ") * 3
    path = tmp_path / "fr.txt"
    path.write_bytes((" date 2025-01-20 " + body).encode("latin-1"))
    [doc] = read_file(path, settings=SETTINGS)
    assert doc.text[doc.body_start:] == body


def test_read_file_text_too_long(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(" date 2025-01-20 " + "é" * 100, encoding="utf-8")
    with pytest.raises(InputError, match="117 characters, longer than the limit of 100; "
                                         "raise the max_chars setting"):
        read_file(path, settings=Settings(max_chars=100))
