"""``comity ingest PATH... [--db URL] [--story-date D]``: extract and store articles.

Also holds the helpers the other database commands share (``--db``, opening the store).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Iterator
from typing import Any

from comity.errors import InputError
from comity.model import Document
from comity.settings import Settings


def add_db_flag(parser: argparse.ArgumentParser, *, nested: bool = False) -> None:
    """The ``--db URL`` flag (default: COMITY_DB, else sqlite:///comity.db). ``nested``:
    on a sub-sub-command, where it must not override a ``--db`` given before it."""
    parser.add_argument("--db", default=argparse.SUPPRESS if nested else None, metavar="URL",
                        help="database URL: sqlite:///FILE or postgresql://USER@HOST/DB "
                             "(default: COMITY_DB or sqlite:///comity.db)")


def open_store(args: argparse.Namespace, settings: Settings | None = None) -> Any:
    """Open the store named by ``--db`` (or the settings)."""
    from comity.store import Store

    settings = settings or Settings.from_mapping()
    return Store.open(getattr(args, "db", None) or settings.db, settings=settings)


def summary_line(s: Any) -> str:
    """One line for an :class:`~comity.store.IngestSummary`."""
    return (f"documents: {s.documents} ({s.new_documents} new, {s.unchanged} unchanged, "
            f"{s.replaced} replaced); events: {s.events}; merged: {s.merged}; "
            f"errors: {s.errors}")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``ingest`` command."""
    from comity.cli.extract import add_settings_flags

    p = sub.add_parser("ingest", help="extract events from articles and store them",
                       description="Read articles (files or folders), extract their events "
                                   "and store documents, actors, events and mentions. "
                                   "Documents already stored (same URL or content) are "
                                   "skipped; a new version replaces the old one.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of articles")
    add_db_flag(p)
    p.add_argument("--story-date", default=None,
                   help="story date YYYY-MM-DD for plain-text files that have none")
    p.add_argument("--commit-every", type=int, default=50, metavar="N",
                   help="documents per transaction (default: 50)")
    add_settings_flags(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``comity ingest``."""
    from tqdm import tqdm

    from comity.cli.extract import settings_from_args
    from comity.ingest import read_paths
    from comity.pipeline import Pipeline
    from comity.when import parse_iso_date

    settings = settings_from_args(args)
    if args.db:
        settings = settings.replace(db=args.db)
    story_date = parse_iso_date(args.story_date) if args.story_date else None
    if args.commit_every < 1:
        print("comity: error: --commit-every must be at least 1", file=sys.stderr)
        return 2
    errors: list[InputError] = []
    bar = tqdm(unit="doc", desc="ingest", disable=not sys.stderr.isatty(), file=sys.stderr)

    def documents() -> Iterator[Document]:
        for item in read_paths(args.paths, settings=settings, story_date=story_date):
            if isinstance(item, InputError):
                errors.append(item)
                bar.write(f"comity: {item}", file=sys.stderr)
            else:
                yield item

    store = open_store(args, settings)
    try:
        results = Pipeline(settings).extract_many(documents())
        summary = store.ingest(results, progress=bar.update,
                               batch_size=args.commit_every)
    finally:
        bar.close()
        store.close()
    summary = dataclasses.replace(summary, errors=len(errors))
    print(summary_line(summary))
    if errors:
        print(f"comity: {len(errors)} file(s) could not be read", file=sys.stderr)
        return 1
    return 0
