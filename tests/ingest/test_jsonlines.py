"""Tests of comity.ingest.jsonlines: JSON Lines files through read_paths / read_file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from comity.errors import InputError
from comity.ingest import read_file, read_paths
from comity.model import Document
from comity.settings import Settings

SETTINGS = Settings()


def _line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_read_file_jsonl_documents(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([
        _line(id="a1", text="Tô Lâm met Hun Sen.", date="2025-01-20",
              url="https://x.org/1", title="Meeting", source="VNA"),
        "",
        _line(id=7, text="Hun Sen visited Hanoi.\r\nThen left.", date="2025-01-21"),
    ]) + "\n", encoding="utf-8")
    docs = read_file(path, settings=SETTINGS)
    assert docs == [
        Document(id="a1", text="Tô Lâm met Hun Sen.", story_date=dt.date(2025, 1, 20),
                 url="https://x.org/1", title="Meeting", source="VNA", path=str(path)),
        Document(id="7", text="Hun Sen visited Hanoi.\nThen left.",
                 story_date=dt.date(2025, 1, 21), path=str(path)),
    ]


@pytest.mark.parametrize(("line", "reason"), [
    ('{"id": "x", "text": "t", "date": "2025-01-20"', "line 2: malformed JSON"),
    ('["x"]', "line 2: expected a JSON object, got list"),
    (_line(text="t", date="2025-01-20"), "line 2: missing or empty 'id' (a string)"),
    (_line(id=True, text="t", date="2025-01-20"), "line 2: missing or empty 'id'"),
    (_line(id="x", date="2025-01-20"), "line 2: missing 'text' (a string)"),
    (_line(id="x", text="  ", date="2025-01-20"), "line 2: empty 'text'"),
    (_line(id="x", text="t", date="2025-02-30"), "line 2: invalid 'date' '2025-02-30'"),
    (_line(id="x", text="t", date="20/01/2025"), "line 2: invalid 'date' '20/01/2025': expe"),
    (_line(id="x", text="t", date=20250120), "line 2: invalid 'date' 20250120"),
    (_line(id="x", text="t"), "line 2: no story date: add a 'date' field"),
    (_line(id="x", text="t", date="2025-01-20", url=5), "line 2: 'url' must be a string"),
])
def test_read_paths_jsonl_bad_line_yields_error_after_good_lines(
        tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "batch.ndjson"
    good = [_line(id=f"g{i}", text="Text.", date="2025-01-20") for i in (1, 3)]
    path.write_text("\n".join([good[0], line, good[1]]), encoding="utf-8")
    records = list(read_paths([path], settings=SETTINGS))
    assert [r.id for r in records[:2] if isinstance(r, Document)] == ["g1", "g3"]
    error = records[2]
    assert isinstance(error, InputError) and len(records) == 3
    assert error.path == str(path)
    assert error.reason.startswith(reason)
    assert str(error).startswith(f"{path}: line 2: ")


def test_read_file_jsonl_is_strict(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text("{bad\n" + _line(id="x", text="t", date="2025-01-20") + "\n[1]\n",
                    encoding="utf-8")
    with pytest.raises(InputError, match=r"line 1: malformed JSON.*\(and 1 more problem"):
        read_file(path, settings=SETTINGS)


def test_read_file_jsonl_story_date_argument_fills_missing_date(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(_line(id="x", text="t") + "\n", encoding="utf-8")
    [doc] = read_file(path, settings=SETTINGS, story_date=dt.date(2025, 4, 1))
    assert doc.story_date == dt.date(2025, 4, 1)


def test_read_file_jsonl_duplicate_ids_made_unique(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(_line(id="x", text=f"t{i}", date="2025-01-20")
                              for i in range(3)), encoding="utf-8")
    docs = read_file(path, settings=SETTINGS)
    assert [d.id for d in docs] == ["x", "batch/x", "batch/x~2"]
    assert [d.text for d in docs] == ["t0", "t1", "t2"]


def test_read_file_jsonl_text_too_long(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(_line(id="x", text="y" * 50, date="2025-01-20"), encoding="utf-8")
    with pytest.raises(InputError, match="line 1: 'text' is 50 characters, longer than the "
                                         "limit of 10"):
        read_file(path, settings=Settings(max_chars=10))
