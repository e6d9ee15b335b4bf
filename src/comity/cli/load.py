"""``comity load DIR --db URL``: Parquet output of the Spark jobs into the event database."""

from __future__ import annotations

import argparse
from typing import Any

from comity.settings import Settings


def _load(args: argparse.Namespace) -> int:
    from comity.spark.load import load_parquet
    from comity.store import Store

    settings = Settings.from_mapping({"merge_days": args.merge_days})
    url = args.db or settings.db
    with Store.open(url, settings=settings) as store:
        s = load_parquet(args.directory, store, batch_size=args.batch_size)
    print(f"{s.documents} documents ({s.new_documents} new, {s.unchanged} unchanged, "
          f"{s.replaced} replaced), {s.events} events ({s.merged} merged) -> {url}")
    return 0


def register(subparsers: Any) -> None:
    """Add ``comity load``."""
    parser = subparsers.add_parser(
        "load", help="load Parquet output (comity spark extract/merge) into the database")
    parser.add_argument("directory", help="folder holding events/ (and documents/)")
    parser.add_argument("--db", default=None, help="database URL (default: COMITY_DB or "
                                                    "sqlite:///comity.db)")
    parser.add_argument("--batch-size", type=int, default=64, dest="batch_size",
                        help="rows per Parquet batch read")
    parser.add_argument("--merge-days", type=int, default=None, dest="merge_days",
                        help="merge window in days")
    parser.set_defaults(func=_load)
