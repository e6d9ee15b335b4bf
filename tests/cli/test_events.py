"""Tests of ``comity events``, ``show``, ``documents`` and ``actors`` on a hand-built DB."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from comity.cli import main
from comity.model import Document, Entity, Event, ExtractionResult, Mention
from comity.store import Store

TO_LAM = Entity(id="kb:person/to-lam", name="Tô Lâm", country="VNM", sector="PTY")
HUN_MANET = Entity(id="kb:person/hun-manet", name="Hun Manet", country="KHM", sector="GOV")
PROV = Entity(id="prov:sok", name="Keo Vannak Testperson", text="Keo Vannak Testperson",
              country="KHM", sector="GOV", title="Deputy Prime Minister", provisional=True)
D = dt.date(2026, 2, 6)


def build(url: str) -> None:
    results = []
    for n, (actor, status, typ, cameo) in enumerate([
            (TO_LAM, "occurred", "CONSULT", "040"), (TO_LAM, "occurred", "CONSULT", "040"),
            (PROV, "planned", "CONSULT", "042"), (HUN_MANET, "occurred", "SUPPORT", "051")]):
        text = f"Story {n}. {actor.name} met Hun Manet in Hà Nội today."
        doc = Document(id=f"d{n}", text=text, story_date=D, url=f"https://w{n}.example/",
                       title=f"T{n}", source=f"w{n}")
        start = text.index(actor.name)
        ev = Event(id=f"d{n}-e0", type=typ, cameo=cameo, actor=(actor,),
                   recipient=(HUN_MANET if actor != HUN_MANET else TO_LAM,), status=status,
                   date=D + dt.timedelta(days=n // 2), story_date=D,
                   mentions=(Mention(doc=doc.id, sentence=0, start=start,
                                     end=start + len(actor.name), text=text),))
        results.append(ExtractionResult(document=doc, events=(ev,),
                                        provisional=(PROV,) if actor == PROV else ()))
    with Store.open(url) as store:
        store.ingest(results)


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'q.db'}"
    build(url)
    return url


@pytest.mark.parametrize("flags,count", [
    ([], 3),
    (["--actor", "to lam"], 2),
    (["--country", "khm"], 3),
    (["--dyad", "VNM", "KHM"], 2),
    (["--dyad", "Hun Manet", "Keo Vannak Testperson"], 1),
    (["--type", "SUPPORT"], 1),
    (["--from", "2026-02-07"], 2),
    (["--to", "2026-02-06"], 1),
    (["--text", "Story 3"], 1),
    (["--limit", "2"], 2),
])
def test_events_filters_jsonl(db: str, flags: list[str], count: int,
                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", db, "--format", "jsonl", *flags]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == count
    assert all("mentions" in json.loads(line) for line in lines)


def test_events_csv_and_table(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    main(["events", "--db", db, "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    merged = [r for r in rows if r["num_mentions"] == "2"]
    assert len(merged) == 1 and merged[0]["num_sources"] == "2"
    main(["events", "--db", db])
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("DATE") and len(out) == 4


def test_events_planned(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", db, "--planned"]) == 0
    out = capsys.readouterr().out
    assert "d2-e0" in out and "not yet" in out


def test_show_highlights_evidence(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "d0-e0", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "mentions: 2 from 2 source(s)" in out
    assert "Story 0. [[Tô Lâm]] met Hun Manet" in out
    assert "Story 1. [[Tô Lâm]] met" in out


def test_show_unknown_event_fails(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "nope", "--db", db]) == 1
    assert "no event 'nope'" in capsys.readouterr().err


def test_documents_list_and_search(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    main(["documents", "--db", db])
    assert len(capsys.readouterr().out.splitlines()) == 4
    main(["documents", "--db", db, "--search", "ha noi"])
    out = capsys.readouterr().out
    assert len(out.splitlines()) == 4 and "[[Hà Nội]]" in out


def test_actors_provisional_merge_and_promote(db: str, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    main(["actors", "--db", db, "--provisional"])
    out = capsys.readouterr().out
    assert "prov:sok" in out and "Deputy Prime Minister" in out and "first document d2" in out
    kb_dir = tmp_path / "kb"
    assert main(["actors", "promote", "prov:sok", "--kb-dir", str(kb_dir), "--db", db]) == 0
    assert "kb:person/keo-vannak-testperson" in capsys.readouterr().out
    lines = (kb_dir / "persons-local.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0]) == {"format": "comity-kb/persons", "version": 1}
    rec = json.loads(lines[1])
    assert rec["name"] == "Keo Vannak Testperson"
    assert rec["roles"] == [{"office": "Deputy Prime Minister", "country": "KHM",
                             "sector": "GOV"}]
    with Store.open(db) as store:
        assert store.actors(provisional=True) == []
        assert store.event("d2-e0").actor[0].id == "kb:person/keo-vannak-testperson"


def test_actors_merge_into_kb(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actors", "merge", "prov:sok", "kb:person/nobody", "--db", db]) == 1
    assert "no knowledge-base entry" in capsys.readouterr().err
    # --db before the sub-command reaches it too
    assert main(["actors", "--db", db, "merge", "prov:sok", "kb:person/hun-manet"]) == 0
    assert "1 event report(s) re-pointed" in capsys.readouterr().out
    assert main(["actors", "merge", "prov:sok", "kb:person/hun-sen", "--db", db]) == 1
    assert "no actor 'prov:sok'" in capsys.readouterr().err


def test_actors_import_petrarch_subcommand_exists(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["actors", "import-petrarch", "--help"])
    assert exc.value.code == 0
    assert "--kb-dir" in capsys.readouterr().out
