"""Tests of comity.ingest.reader: dispatch, sniffing, folder walks, unique ids, seeds."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from comity.errors import InputError
from comity.ingest import read_file, read_paths
from comity.ingest.reader import sniff
from comity.model import Document
from comity.settings import Settings

SETTINGS = Settings()
DAY = " date 2025-01-20 "


def _write(root: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def _split(records: list[Document | InputError]) -> tuple[list[Document], list[InputError]]:
    docs = [r for r in records if isinstance(r, Document)]
    errors = [r for r in records if isinstance(r, InputError)]
    assert len(docs) + len(errors) == len(records)
    return docs, errors


def test_read_paths_walks_sorted_skipping_hidden_and_unknown(tmp_path: Path) -> None:
    _write(tmp_path, {
        "b.txt": DAY + "B.",
        "a.txt": DAY + "A.",
        "sub/c.txt": DAY + "C.",
        "sub/deeper/d.jsonl": json.dumps({"id": "d1", "text": "D.", "date": "2025-01-21"}),
        ".hidden.txt": DAY + "hidden",
        ".git/e.txt": DAY + "hidden folder",
        "README.md": "# not an article",
        "gold.json": "[]",
        "aa.txt": DAY + "AA.",
    })
    docs, errors = _split(list(read_paths([tmp_path], settings=SETTINGS)))
    assert errors == []
    assert [d.id for d in docs] == ["a", "aa", "b", "c", "d1"]
    assert docs[-1].story_date == dt.date(2025, 1, 21)


def test_read_paths_bad_files_do_not_stop_good_ones(tmp_path: Path) -> None:
    _write(tmp_path, {
        "1-empty.txt": "",
        "2-binary.txt": b"\x00\x01\x02\x03binary\x00",
        "3-good.txt": DAY + "Good.",
        "4-nodate.txt": "No date anywhere.",
        "5-big.txt": DAY + "x" * 500,
    })
    records = list(read_paths([tmp_path, tmp_path / "missing.txt"],
                              settings=Settings(max_bytes=400)))
    docs, errors = _split(records)
    assert [d.id for d in docs] == ["3-good"]
    reasons = [(Path(e.path or "").name, e.reason.split(":")[0]) for e in errors]
    assert reasons == [("1-empty.txt", "empty file"), ("2-binary.txt", "binary file"),
                       ("4-nodate.txt", "no story date"),
                       ("5-big.txt", "file is 517 bytes, larger than the limit of 400 bytes; "
                                     "raise the max_bytes setting (--max-bytes) to read it"),
                       ("missing.txt", "no such file or folder")]
    assert all("\n" not in str(e) for e in errors)


def test_read_paths_duplicate_ids_disambiguated_by_relative_path(tmp_path: Path) -> None:
    _write(tmp_path, {
        "x/story.txt": DAY + "one",
        "y/story.txt": DAY + "two",
        "y/story.html": ("<html><head><meta property='article:published_time' "
                         "content='2025-01-20'></head><body><article><p>"
                         + "Three words here. " * 10 + "</p></article></body></html>"),
    })
    docs, errors = _split(list(read_paths([tmp_path, tmp_path / "x"], settings=SETTINGS)))
    assert errors == []
    assert [d.id for d in docs] == ["story", "y/story", "y/story~2", "story~2"]
    again = [d.id for d in read_paths([tmp_path, tmp_path / "x"], settings=SETTINGS)
             if isinstance(d, Document)]
    assert again == [d.id for d in docs]


def test_read_paths_accepts_a_single_path(tmp_path: Path) -> None:
    _write(tmp_path, {"a.txt": DAY + "A."})
    assert [d.id for d in read_paths(str(tmp_path / "a.txt"), settings=SETTINGS)
            if isinstance(d, Document)] == ["a"]


def test_read_paths_reports_directory_loop(tmp_path: Path) -> None:
    _write(tmp_path, {"sub/a.txt": DAY + "A."})
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)
    (tmp_path / "sub" / "dead.txt").symlink_to(tmp_path / "nowhere.txt")
    docs, errors = _split(list(read_paths([tmp_path], settings=SETTINGS)))
    assert [d.id for d in docs] == ["a"]
    assert [(Path(e.path or "").name, e.reason) for e in errors] == [
        ("dead.txt", "cannot read: broken symbolic link"),
        ("loop", "directory loop: this link points back to a folder above it; not followed"),
    ]


def test_read_paths_reports_self_referencing_link(tmp_path: Path) -> None:
    link = tmp_path / "self.txt"
    link.symlink_to(link)
    [error] = list(read_paths([link], settings=SETTINGS))
    assert isinstance(error, InputError)
    assert error.reason.startswith("cannot read: ")


@pytest.mark.parametrize(("name", "content", "kind"), [
    ("feed.dat", '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
                 '<item><title>I</title><guid>g</guid><pubDate>Mon, 20 Jan 2025 10:00:00 GMT'
                 '</pubDate><description>Text.</description></item></channel></rss>', "feed"),
    ("page.dat", "<!DOCTYPE html><html><head><meta property='article:published_time' "
                 "content='2025-01-20'></head><body><article><p>"
                 + "Hun Sen visited Hanoi on Monday. " * 5 + "</p></article></body></html>",
     "html"),
    ("lines.dat", json.dumps({"id": "j", "text": "T.", "date": "2025-01-20"}), "jsonl"),
    ("story", DAY + "Text.", "text"),
])
def test_read_file_sniffs_unknown_extensions(tmp_path: Path, name: str, content: str,
                                             kind: str) -> None:
    assert sniff(content) == kind
    _write(tmp_path, {name: content})
    [doc] = read_file(tmp_path / name, settings=SETTINGS)
    assert doc.story_date == dt.date(2025, 1, 20)


def test_read_file_refuses_json_array_and_folder(tmp_path: Path) -> None:
    _write(tmp_path, {"gold.json": '[{"id": 1}]'})
    with pytest.raises(InputError, match="JSON array is not an article format"):
        read_file(tmp_path / "gold.json", settings=SETTINGS)
    with pytest.raises(InputError, match="is a folder: use read_paths"):
        read_file(tmp_path, settings=SETTINGS)


def test_read_paths_seed_articles(seeds_dir: Path) -> None:
    gold = json.loads((seeds_dir / "gold.json").read_text(encoding="utf-8"))
    docs, errors = _split(list(read_paths([seeds_dir], settings=SETTINGS)))
    assert errors == []
    assert len(docs) == 5
    assert {f"{d.id}.txt": d.story_date.isoformat() for d in docs if d.story_date} == {
        g["file"]: g["story_date"] for g in gold}
    for doc in docs:
        raw = (seeds_dir / f"{doc.id}.txt").read_text(encoding="utf-8")
        assert doc.text == raw
        assert doc.text.startswith(" date ")
        assert doc.body_start == len(f" date {doc.story_date} ")
        assert not doc.text[doc.body_start].isspace()
