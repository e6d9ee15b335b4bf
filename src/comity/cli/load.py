"""``comity load DIR --db URL``: Parquet output of the Spark jobs into the event database."""

from __future__ import annotations

import argparse
from typing import Any

from comity.settings import Settings


def _load(args: argparse.Namespace) -> int:
    from comity.spark.load import load_parquet
    from comity.store import Store

    url = args.db or Settings.from_mapping().db
    store = Store.open(url)
    try:
        summary = load_parquet(args.directory, store, batch_size=args.batch_size)
    finally:
        close = getattr(store, "close", None)
        if close is not None:
            close()
    print(f"loaded {summary.documents} documents and {summary.events} events into {url}")
    return 0


def register(subparsers: Any) -> None:
    """Add ``comity load``."""
    parser = subparsers.add_parser(
        "load", help="load Parquet output (comity spark extract/merge) into the database")
    parser.add_argument("directory", help="folder holding events/ (and documents/)")
    parser.add_argument("--db", default=None, help="database URL (default: COMITY_DB or "
                                                    "sqlite:///comity.db)")
    parser.add_argument("--batch-size", type=int, default=256, dest="batch_size",
                        help="rows per batch handed to the store")
    parser.set_defaults(func=_load)
