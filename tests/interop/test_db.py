"""Store-backed export/import and the CLI: PLOVER round trip through fresh databases."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from comity.cli import main
from comity.interop.db import export_from_db, import_plover_into
from comity.interop.plover import write_plover
from comity.interop.tabular import TABULAR_FORMATS
from comity.model import Event
from comity.store import EventFilter, Store


def _plover_file(events: list[Event], path: Path) -> Path:
    buf = io.StringIO()
    write_plover(events, buf)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def test_plover_round_trip_through_fresh_databases(events: list[Event],
                                                   tmp_path: Path) -> None:
    first_db, second_db = f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    with Store.open(first_db) as store:
        store.add_events(events)
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert export_from_db(first_db, "plover", a) == len(events)
    summary = import_plover_into(a, second_db)
    assert summary.events == len(events)
    export_from_db(second_db, "plover", b)
    assert b.read_bytes() == a.read_bytes()


def test_export_from_db_filter(events: list[Event], tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'f.db'}"
    with Store.open(url) as store:
        store.add_events(events)
    out = io.StringIO()
    n = export_from_db(url, "icews", out, filt=EventFilter(actor="Hun Sen"))
    df = pd.read_csv(io.StringIO(out.getvalue()), **TABULAR_FORMATS["icews"].read_kwargs())
    assert n == 2 and set(df["Event ID"]) == {"ev-talks", "ev-plan"}


def test_cli_import_then_export(events: list[Event], tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    src = _plover_file(events, tmp_path / "in.jsonl")
    assert main(["import", "plover", str(src), "--db", url]) == 0
    assert "imported 5 events" in capsys.readouterr().out
    assert main(["export", "--format", "gdelt", "--db", url, "--cameo-pairs",
                 "--type", "CONSULT", "-o", "-"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) == 3  # the visit as 042 + 043, and the talks
    assert all(len(r.split("\t")) == 61 for r in rows)
    out = tmp_path / "events.parquet"
    assert main(["export", "-f", "parquet", "--db", url, "--from", "2026-02-07",
                 "-o", str(out)]) == 0
    assert len(pd.read_parquet(out)) == 3


def test_cli_import_malformed_reports_line(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "date": "2024-01-01", "event": ["NOPE"], '
                   '"actor": [{"code": "USA"}]}\n', encoding="utf-8")
    assert main(["import", "plover", str(bad), "--db",
                 f"sqlite:///{tmp_path / 'x.db'}"]) == 1
    assert f"{bad}:1:" in capsys.readouterr().err


def test_cli_parquet_to_stdout_refused(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "-f", "parquet", "--db", f"sqlite:///{tmp_path / 'e.db'}"]) == 1
    assert "binary format" in capsys.readouterr().err


@pytest.mark.parametrize(("args", "message"), [
    (["-f", "plover", "--db", "sqlite:///{tmp}/missing/none.db"], "no database at"),
    (["-f", "csv", "--db", "{tmp}/none.db"], "no database at"),
    (["-f", "bogus", "--db", "{db}"], "unknown export format 'bogus'; choose one of plover"),
    (["-f", "csv", "--from", "2024-13-01", "--db", "{db}"], "--from: not a YYYY-MM-DD"),
    (["-f", "csv", "--to", "yesterday", "--db", "{db}"], "--to: not a YYYY-MM-DD"),
    (["-f", "csv", "--from", "2025-02-01", "--to", "2025-01-01", "--db", "{db}"],
     "--from 2025-02-01 is after --to 2025-01-01"),
    (["-f", "csv", "--sort", "random", "--db", "{db}"], "--sort: unknown order"),
    (["-f", "csv", "--status", "rumoured", "--db", "{db}"], "--status: expected"),
    (["-f", "csv", "--db", "{tmp}/not-a-db.db"], "file is not a database"),
    (["-f", "csv", "--db", "mysql://x/y"], "unsupported database URL"),
    (["-f", "csv", "--db", "{db}", "-o", "{tmp}/no/such/dir/x.csv"], "cannot write"),
])
def test_cli_export_bad_input_is_one_line_error(
        events: list[Event], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        args: list[str], message: str) -> None:
    url = f"sqlite:///{tmp_path / 'ok.db'}"
    with Store.open(url) as store:
        store.add_events(events)
    (tmp_path / "not-a-db.db").write_text("hello\n", encoding="utf-8")
    argv = ["export", *(a.format(tmp=tmp_path, db=url) for a in args)]
    assert main(argv) == 1
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert err.startswith("comity: error: ") and message in err, err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert captured.out == ""
    # exporting never creates a database
    assert not (tmp_path / "missing").exists() and not (tmp_path / "none.db").exists()
