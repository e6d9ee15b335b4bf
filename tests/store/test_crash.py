"""Crash safety and concurrency of ``comity ingest`` (real subprocesses, real databases)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from comity.store import Store
from comity.store.engine import normalise_url

LEADERS = [("To Lam", "Hun Manet", "Phnom Penh"), ("Pham Minh Chinh", "Hun Sen", "Hanoi"),
           ("Luong Cuong", "Norodom Sihamoni", "Phnom Penh")]


def write_articles(folder: Path, n: int) -> Path:
    """``n`` short plain-text articles."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        a, b, city = LEADERS[i % len(LEADERS)]
        day = 1 + i % 27
        (folder / f"a{i:04d}.txt").write_text(
            f"date 2026-02-{day:02d}\n{a} met {b} in {city} on Monday, report number {i}. "
            f"The two sides agreed to strengthen cooperation.\n", encoding="utf-8")
    return folder


def ingest_cmd(folder: Path, url: str, every: int = 5) -> list[str]:
    return [sys.executable, "-m", "comity", "ingest", str(folder), "--db", url,
            "--commit-every", str(every)]


def count_docs(url: str) -> int:
    engine = sa.create_engine(normalise_url(url))
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.text("SELECT count(*) FROM documents")).scalar_one())
    except sa.exc.DBAPIError:
        return 0
    finally:
        engine.dispose()


@pytest.mark.slow
def test_ingest_sigkill_mid_batch_then_rerun_completes(store_url: str, tmp_path: Path
                                                       ) -> None:
    n = 150
    folder = write_articles(tmp_path / "arts", n)
    proc = subprocess.Popen(ingest_cmd(folder, store_url), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while count_docs(store_url) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "ingest finished before it could be killed"
    partial = count_docs(store_url)
    assert 0 < partial < n
    with Store.open(store_url) as store:
        assert store.check_integrity() == []
    done = subprocess.run(ingest_cmd(folder, store_url), capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert f"{n - partial} new, {partial} unchanged" in done.stdout
    with Store.open(store_url) as store:
        assert len(store.documents()) == n
        assert store.check_integrity() == []


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
def test_concurrent_ingest_no_duplicates(backend: str, tmp_path: Path) -> None:
    from ._db import pg_schema_url

    folder = write_articles(tmp_path / "arts", 40)
    if backend == "postgresql":
        gen_a, gen_b = pg_schema_url(), pg_schema_url()
    else:
        gen_a = iter([f"sqlite:///{tmp_path / 'a.db'}"])
        gen_b = iter([f"sqlite:///{tmp_path / 'b.db'}"])
    url, ref_url = next(gen_a), next(gen_b)
    try:
        procs = [subprocess.Popen(ingest_cmd(folder, url, every=3), stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for _ in range(2)]
        outs = [p.communicate(timeout=300) for p in procs]
        assert [p.returncode for p in procs] == [0, 0], outs
        seq = subprocess.run(ingest_cmd(folder, ref_url), capture_output=True, text=True,
                             check=False)
        assert seq.returncode == 0, seq.stderr
        with Store.open(url) as s, Store.open(ref_url) as ref:
            assert len(s.documents()) == 40
            assert s.check_integrity() == []
            assert s.events() == ref.events()
            assert s.dump() == ref.dump()
    finally:
        for g in (gen_a, gen_b):
            for _ in g:
                pass


@pytest.mark.slow
def test_ingest_ctrl_c_rolls_back_and_rerun_completes(tmp_path: Path) -> None:
    n = 150
    url = f"sqlite:///{tmp_path / 'c.db'}"
    folder = write_articles(tmp_path / "arts", n)
    proc = subprocess.Popen(ingest_cmd(folder, url), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while count_docs(url) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "interrupted" in err
    partial = count_docs(url)
    assert 0 < partial < n
    with Store.open(url) as store:
        assert store.check_integrity() == []
    done = subprocess.run(ingest_cmd(folder, url), capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    with Store.open(url) as store:
        assert len(store.documents()) == n
        assert store.check_integrity() == []
