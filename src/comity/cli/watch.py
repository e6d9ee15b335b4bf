"""``comity watch FEED... [--every 15m] [--once]``: poll feeds and ingest new articles."""

from __future__ import annotations

import argparse
import sys
import time

from comity.cli.ingest import add_db_flag, open_store, summary_line


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``watch`` command."""
    p = sub.add_parser("watch", help="poll RSS/Atom feeds and article URLs, ingest new ones",
                       description="Poll feeds (conditional requests, retries) and ingest "
                                   "every article not stored yet. Ctrl-C stops.")
    p.add_argument("feeds", nargs="+", metavar="FEED", help="feed or article URLs")
    add_db_flag(p)
    p.add_argument("--every", default="15m", help="poll interval (30s, 15m, 1h; default 15m)")
    p.add_argument("--once", action="store_true", help="poll once and exit")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``comity watch``."""
    from comity.pipeline import Pipeline
    from comity.store.watch import Watcher, parse_every

    every = parse_every(args.every)
    with open_store(args) as store:
        pipeline = Pipeline(store.settings)
        watcher = Watcher(store, pipeline.extract_many)
        try:
            while True:
                s = watcher.poll_once(args.feeds)
                for err in s.errors:
                    print(f"comity: {err}", file=sys.stderr)
                print(f"{time.strftime('%Y-%m-%d %H:%M:%S')} feeds: {s.feeds} "
                      f"({s.not_modified} not modified); entries: {s.entries}; new: {s.new}; "
                      + summary_line(s.ingest), flush=True)
                if args.once:
                    return 1 if s.errors else 0
                time.sleep(every)
        finally:
            watcher.close()
