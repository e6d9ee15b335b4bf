"""Tests of ``comity ingest`` (real pipeline, SQLite)."""

from __future__ import annotations

from pathlib import Path

import pytest

from comity.cli import main
from comity.store import Store

ARTICLE = ("date 2026-02-0{n}\nGeneral Secretary To Lam met Prime Minister Hun Manet in "
           "Phnom Penh on Monday. Report {n} from the wire.\n")


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "arts"
    folder.mkdir()
    for n in (1, 2):
        (folder / f"a{n}.txt").write_text(ARTICLE.format(n=n), encoding="utf-8")
    return folder


@pytest.mark.slow
def test_ingest_stores_and_is_idempotent(articles: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    assert main(["ingest", str(articles), "--db", url]) == 0
    out = capsys.readouterr().out
    assert "documents: 2 (2 new, 0 unchanged, 0 replaced)" in out
    with Store.open(url) as store:
        before = store.dump()
        assert len(store.documents()) == 2
    assert main(["ingest", str(articles), "--db", url]) == 0
    assert "(0 new, 2 unchanged, 0 replaced); events: 0" in capsys.readouterr().out
    with Store.open(url) as store:
        assert store.dump() == before
        assert store.check_integrity() == []


@pytest.mark.slow
def test_ingest_reports_bad_files_and_fails(articles: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    code = main(["ingest", str(articles), str(tmp_path / "missing.txt"), "--db", url])
    captured = capsys.readouterr()
    assert code == 1
    assert "missing.txt" in captured.err
    assert "errors: 1" in captured.out
    assert "documents: 2" in captured.out


def test_ingest_uses_comity_db_env(articles: Path, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "env.db"
    monkeypatch.setenv("COMITY_DB", f"sqlite:///{db}")
    assert main(["ingest", str(articles / "a1.txt"), "--commit-every", "1"]) == 0
    assert db.exists()
