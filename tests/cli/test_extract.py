"""``comity extract`` on a folder with good and bad files (issue 2)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

GOOD = (" date 2025-03-05 Talks\n\nPrime Minister Phạm Minh Chính met with Cambodian Prime "
        "Minister Hun Manet in Hanoi on Monday.\n")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "comity", *args], capture_output=True,
                          text=True, timeout=300, env={**os.environ, "PYTHONWARNINGS": "ignore"})


def test_extract_folder_with_bad_files_reports_each_and_keeps_good(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (folder / "latin1.txt").write_bytes(GOOD.replace("Phạm Minh Chính", "Jos\u00e9")
                                        .encode("utf-8").decode("utf-8")
                                        .replace("ạ", "a").replace("í", "i")
                                        .encode("latin-1", errors="replace"))
    (folder / "nodate.txt").write_text("Tô Lâm met Hun Sen.\n", encoding="utf-8")
    (folder / "bad.jsonl").write_text('{"id": "a", "text": "x", "date": "2025-01-01"}\n{oops\n',
                                      encoding="utf-8")
    big = folder / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    proc = _run("extract", str(folder), "--format", "jsonl")
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("comity: ")]
    for name in ("empty.txt", "binary.txt", "nodate.txt", "bad.jsonl", "big.txt"):
        assert any(name in ln for ln in lines), (name, proc.stderr)
    events = [json.loads(ln) for ln in proc.stdout.splitlines() if ln.strip()]
    docs = {m["doc"] for e in events for m in e["mentions"]}
    assert "good" in docs


def test_extract_missing_path_is_a_clean_error(tmp_path: Path) -> None:
    proc = _run("extract", str(tmp_path / "nope.txt"))
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert "nope.txt" in proc.stderr
