"""``comity spark extract|merge`` and ``comity load`` from the command line (local mode)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from comity.cli import main
from comity.settings import Settings
from comity.spark.schema import EVENT_SCHEMA, event_from_row
from comity.store import Store
from tests.spark.factories import corpus_records

pytestmark = [pytest.mark.spark, pytest.mark.slow]


def test_cli_extract_reports_counts_and_errors(spark: Any, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(corpus_records()[0]) + "\n"
                      + json.dumps({"id": "x", "text": "No date here."}) + "\n")
    code = main(["spark", "extract", "--input", str(source), "--output",
                 str(tmp_path / "ev"), "--partitions", "1"])
    out, err = capsys.readouterr()
    assert code == 1  # one record has no date
    assert "1 documents," in out and "1 errors" in out and "date" in err


def test_cli_merge_then_load_gives_the_canonical_events(
        spark: Any, extracted: tuple[Path, Any], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    ev_dir, canon_dir, db = extracted[0], tmp_path / "canon", tmp_path / "c.db"
    assert main(["spark", "merge", "--input", str(ev_dir), "--output", str(canon_dir)]) == 0
    assert "canonical events" in capsys.readouterr().out
    assert main(["load", str(canon_dir), "--db", f"sqlite:///{db}"]) == 0
    assert "6 documents (6 new" in capsys.readouterr().out
    canonical = sorted((event_from_row(r) for r in
                        pq.read_table(canon_dir / "events", schema=EVENT_SCHEMA).to_pylist()),
                       key=lambda e: e.id)
    with Store.open(f"sqlite:///{db}", settings=Settings.from_mapping({})) as store:
        assert sorted(store.events(), key=lambda e: e.id) == canonical


@pytest.mark.parametrize(("argv", "message"), [
    (["spark", "extract", "--input", "/nonexistent/x.jsonl", "--output", "OUT"],
     "no such file"),
    (["spark", "merge", "--input", "/nonexistent", "--output", "OUT"], "no events"),
    (["load", "/nonexistent", "--db", "sqlite:///:memory:"], "neither documents"),
])
def test_cli_reports_missing_inputs(argv: list[str], message: str, spark: Any,
                                    tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [str(tmp_path / "out") if a == "OUT" else a for a in argv]
    assert main(argv) == 1
    assert message in capsys.readouterr().err
