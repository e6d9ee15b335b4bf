"""Tests of the `comity serve` command's argument checks (the server itself is exercised
by tests/web/test_browser.py, which starts it in a subprocess)."""

from __future__ import annotations

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
    assert (args.host, args.port, args.token, args.max_body) == ("127.0.0.1", 8000, None,
                                                                 1_000_000)
