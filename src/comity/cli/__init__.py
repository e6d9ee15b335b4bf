"""The ``comity`` command line: a thin layer over the library.

Each sub-command lives in its own module in this package and exposes
``register(subparsers) -> None``; :func:`main` discovers them, so adding a command never
touches a shared list. Commands return an exit code; only this layer prints.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys
from collections.abc import Sequence

from comity.errors import ComityError

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every discovered sub-command registered."""
    parser = argparse.ArgumentParser(
        prog="comity",
        description="Diplomatic and political news to structured event data (PLOVER/CAMEO).")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="more log output (-vv for debug)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``comity`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(args.verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        code: int = args.func(args)
    except ComityError as exc:
        print(f"comity: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("comity: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return code


def run() -> None:
    """Console-script wrapper that exits with :func:`main`'s code."""
    sys.exit(main())
