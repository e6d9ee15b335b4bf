"""``comity export --format F [filters] -o FILE``: events in the formats analysts use."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from comity.errors import ExportError

SORTS = ("date", "-date", "intensity", "-intensity", "mentions", "-mentions")


def parse_date(text: str | None, flag: str) -> dt.date | None:
    """A ``YYYY-MM-DD`` option value; ExportError (one line, naming the flag) otherwise."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ExportError(f"{flag}: not a YYYY-MM-DD date: {text!r}") from None


def _export(args: argparse.Namespace) -> int:
    from comity.interop.db import export_from_db
    from comity.interop.export import get_format
    from comity.store import EventFilter

    spec = get_format(args.format)
    date_from = parse_date(args.date_from, "--from")
    date_to = parse_date(args.date_to, "--to")
    if date_from and date_to and date_from > date_to:
        raise ExportError(f"--from {date_from} is after --to {date_to}")
    if args.sort not in SORTS:
        raise ExportError(f"--sort: unknown order {args.sort!r}; choose one of "
                          f"{', '.join(SORTS)}")
    if args.status not in (None, "occurred", "planned"):
        raise ExportError(f"--status: expected occurred or planned, got {args.status!r}")
    filt = EventFilter(actor=args.actor, country=args.country,
                       dyad=tuple(args.dyad) if args.dyad else None, type=args.type,
                       status=args.status, date_from=date_from, date_to=date_to,
                       place=args.place, text=args.text)
    target: Any = args.output
    if args.output == "-":
        if spec.name == "parquet":
            raise ExportError("parquet is a binary format: give a file with -o FILE")
        target = sys.stdout.buffer if spec.binary else sys.stdout
    n = export_from_db(args.db, spec.name, target, filt=filt,
                       cameo_pairs=args.cameo_pairs, sort=args.sort)
    if args.output != "-":
        print(f"wrote {n} {spec.name} records to {args.output}", file=sys.stderr)
    return 0


def register(subparsers: Any) -> None:
    """Add ``comity export``."""
    from comity.interop.export import FORMATS

    parser = subparsers.add_parser(
        "export", help="export events: plover, polecat, gdelt, icews, phoenix, csv, "
                       "parquet, graphml, gexf",
        description="Export the events of the database (filtered like `comity events`) in "
                    "the formats of PLOVER, POLECAT, GDELT, ICEWS and Phoenix, as CSV or "
                    "Parquet, or as an actor network (GraphML/GEXF). See docs/interop.md.")
    # --format, the dates and --sort are checked by the command (one-line errors)
    parser.add_argument("--format", "-f", required=True, metavar="FORMAT",
                        help="; ".join(f"{f.name}: {f.help}" for f in FORMATS.values()))
    parser.add_argument("-o", "--output", default="-",
                        help="output file, or - for standard output (default)")
    parser.add_argument("--cameo-pairs", action="store_true", dest="cameo_pairs",
                        help="gdelt/icews/phoenix: write each visit as the CAMEO pair 042 "
                             "visitor->host and 043 host->visitor")
    parser.add_argument("--db", default=None,
                        help="database URL of an existing database (default: COMITY_DB or "
                             "sqlite:///comity.db)")
    parser.add_argument("--actor", help="actor name or id (either side)")
    parser.add_argument("--country", help="ISO alpha-3 of actor or recipient")
    parser.add_argument("--dyad", nargs=2, metavar=("A", "B"),
                        help="two actors or two countries, either direction")
    parser.add_argument("--type", help="PLOVER event type (CONSULT, AGREE, ...)")
    parser.add_argument("--status", metavar="STATUS", help="occurred or planned")
    parser.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD",
                        help="first date")
    parser.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last date")
    parser.add_argument("--place", help="place name or ISO alpha-3 of the place")
    parser.add_argument("--text", help="full-text query over the articles")
    parser.add_argument("--sort", default="date", metavar="ORDER",
                        help=f"row order: {', '.join(SORTS)} (default: date)")
    parser.set_defaults(func=_export)
