"""``comity extract PATH... [--format jsonl|json|table|csv]``: print coded events."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator

from comity.errors import InputError
from comity.model import Document, Event
from comity.settings import Settings
from comity.when import parse_iso_date


def add_settings_flags(parser: argparse.ArgumentParser) -> None:
    """Pipeline settings as flags (from the one settings table)."""
    from comity.settings import SETTINGS_TABLE

    group = parser.add_argument_group("pipeline settings")
    for spec in SETTINGS_TABLE:
        if spec.name in {"db", "merge_days"}:
            continue
        flag = "--" + spec.name.replace("_", "-")
        if spec.type is bool:
            group.add_argument(flag, dest=spec.name, default=None,
                               action=argparse.BooleanOptionalAction,
                               help=f"{spec.help} (default: {spec.default})")
        else:
            group.add_argument(flag, dest=spec.name, default=None, type=spec.type,
                               help=f"{spec.help} (default: {spec.default})")


def settings_from_args(args: argparse.Namespace) -> Settings:
    """Settings from the flags given (others from the environment or defaults)."""
    from comity.settings import SETTINGS_TABLE

    values = {s.name: getattr(args, s.name, None) for s in SETTINGS_TABLE}
    return Settings.from_mapping({k: v for k, v in values.items() if v is not None})


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``extract`` command."""
    p = sub.add_parser("extract", help="extract coded events from articles and print them",
                       description="Read articles (files or folders) and print their events.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of articles")
    p.add_argument("--format", default="jsonl", choices=["jsonl", "json", "table", "csv"],
                   help="output format (default: jsonl)")
    p.add_argument("--story-date", default=None,
                   help="story date YYYY-MM-DD for plain-text files that have none")
    add_settings_flags(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``comity extract``."""
    from comity.ingest import read_paths
    from comity.output import write_events
    from comity.pipeline import Pipeline

    settings = settings_from_args(args)
    story_date = parse_iso_date(args.story_date) if args.story_date else None
    errors: list[InputError] = []

    def documents() -> Iterator[Document]:
        for item in read_paths(args.paths, settings=settings, story_date=story_date):
            if isinstance(item, InputError):
                errors.append(item)
                print(f"comity: {item}", file=sys.stderr)
            else:
                yield item

    pipeline = Pipeline(settings)

    def events() -> Iterator[Event]:
        for result in pipeline.extract_many(documents()):
            yield from result.events

    write_events(events(), args.format, sys.stdout)
    sys.stdout.flush()
    if errors:
        print(f"comity: {len(errors)} file(s) could not be read", file=sys.stderr)
        return 1
    return 0
