"""Tests of ``comity watch --once`` against a local feed server."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from comity.cli import main
from comity.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from store._feedserver import Server  # noqa: E402


@pytest.mark.slow
def test_watch_once_ingests_feed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'w.db'}"
    with Server() as server:
        assert main(["watch", server.url + "/feed.xml", "--once", "--db", url]) == 0
        out = capsys.readouterr().out
        assert "entries: 2; new: 2" in out and "2 new" in out
        assert main(["watch", server.url + "/feed.xml", "--once", "--db", url]) == 0
        assert "new: 0" in capsys.readouterr().out
    with Store.open(url) as store:
        assert len(store.documents()) == 2
