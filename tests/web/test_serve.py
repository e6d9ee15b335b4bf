"""Tests of the `comity serve` command's argument checks (the server itself is exercised
by tests/web/test_browser.py, which starts it in a subprocess)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from comity.cli import build_parser, main


@pytest.mark.parametrize(("argv", "message"), [
    (["serve", "--port", "70000"], "--port must be between 1 and 65535"),
    (["serve", "--max-body", "0"], "--max-body must be positive"),
])
def test_serve_refuses_bad_options(argv: list[str], message: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 1
    assert message in capsys.readouterr().err


def test_serve_defaults() -> None:
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.token, args.max_body, args.create) == (
        "127.0.0.1", 8000, None, 1_000_000, False)


@pytest.mark.parametrize(("argv", "message"), [
    (["serve", "--db", "sqlite:///{tmp}/missing/none.db"], "no database at"),
    (["serve", "--db", "{tmp}/none.db"], "--create serves a new, empty one"),
    (["serve", "--db", "{tmp}/not-a-db.db"], "file is not a database"),
    (["serve", "--db", "mysql://x/y"], "unsupported database URL"),
    (["serve", "--host", "nosuchhost.invalid"], "cannot listen on nosuchhost.invalid"),
])
def test_serve_bad_input_is_one_line_error(argv: list[str], message: str, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "not-a-db.db").write_text("hello\n", encoding="utf-8")
    port = free_port()
    code = main([a.format(tmp=tmp_path) for a in argv] + ["--port", str(port)])
    assert code == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("comity: error: ") and message in err, err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "missing").exists() and not (tmp_path / "none.db").exists()


def test_serve_refuses_a_port_in_use(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                     ) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--db", f"{tmp_path}/x.db", "--create", "--port",
                     str(port)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"comity: error: cannot listen on 127.0.0.1:{port}: Address already in use"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
