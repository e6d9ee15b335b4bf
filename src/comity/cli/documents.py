"""``comity documents``: the stored documents; ``--search Q`` for full-text search."""

from __future__ import annotations

import argparse

from comity.cli.ingest import add_db_flag, open_store


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``documents`` command."""
    p = sub.add_parser("documents", help="list stored documents or search them",
                       description="List stored documents, or full-text search them "
                                   "(diacritic-insensitive) with --search.")
    add_db_flag(p)
    p.add_argument("--search", metavar="Q", help="full-text query")
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--offset", type=int, default=0)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``comity documents``."""
    with open_store(args) as store:
        if args.search:
            for hit in store.search(args.search, limit=args.limit or 20):
                print(f"{hit.doc_id}\t{hit.title or ''}\t{hit.snippet}")
            return 0
        for d in store.documents(limit=args.limit, offset=args.offset):
            print(f"{d.story_date or '?'}\t{d.id}\t{d.events} events\t{d.source or ''}\t"
                  f"{d.title or ''}\t{d.url or ''}")
    return 0
