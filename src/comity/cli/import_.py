"""``comity import plover FILE [--db URL]``: events coded elsewhere into the database."""

from __future__ import annotations

import argparse
from typing import Any


def _import_plover(args: argparse.Namespace) -> int:
    from comity.interop.db import import_plover_into

    summary = import_plover_into(args.file, args.db)
    print(f"imported {summary.events} events from {args.file} "
          f"({summary.merged} merged with events already stored)")
    return 0


def register(subparsers: Any) -> None:
    """Add ``comity import`` (sub-command ``plover``)."""
    parser = subparsers.add_parser(
        "import", help="import event data coded elsewhere (PLOVER JSON Lines)")
    sub = parser.add_subparsers(dest="import_format", metavar="FORMAT", required=True)
    plover = sub.add_parser("plover", help="PLOVER JSON Lines (one event a line)")
    plover.add_argument("file", help="the .jsonl file")
    plover.add_argument("--db", default=None,
                        help="database URL (default: COMITY_DB or sqlite:///comity.db)")
    plover.set_defaults(func=_import_plover)
