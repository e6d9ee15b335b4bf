"""``comity export --format F [filters] -o FILE``: events in the formats analysts use."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from comity.errors import ExportError


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {text!r}") from None


def _export(args: argparse.Namespace) -> int:
    from comity.interop.db import export_from_db
    from comity.interop.export import get_format
    from comity.store import EventFilter

    spec = get_format(args.format)
    filt = EventFilter(actor=args.actor, country=args.country,
                       dyad=tuple(args.dyad) if args.dyad else None, type=args.type,
                       status=args.status, date_from=args.date_from, date_to=args.date_to,
                       place=args.place, text=args.text)
    target: Any = args.output
    if args.output == "-":
        if spec.name == "parquet":
            raise ExportError("parquet is a binary format: give a file with -o FILE")
        target = sys.stdout.buffer if spec.binary else sys.stdout
    n = export_from_db(args.db, args.format, target, filt=filt,
                       cameo_pairs=args.cameo_pairs, sort=args.sort)
    if args.output != "-":
        print(f"wrote {n} {args.format} records to {args.output}", file=sys.stderr)
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
    parser.add_argument("--format", "-f", required=True, choices=list(FORMATS),
                        help="; ".join(f"{f.name}: {f.help}" for f in FORMATS.values()))
    parser.add_argument("-o", "--output", default="-",
                        help="output file, or - for standard output (default)")
    parser.add_argument("--cameo-pairs", action="store_true", dest="cameo_pairs",
                        help="gdelt/icews/phoenix: write each visit as the CAMEO pair 042 "
                             "visitor->host and 043 host->visitor")
    parser.add_argument("--db", default=None,
                        help="database URL (default: COMITY_DB or sqlite:///comity.db)")
    parser.add_argument("--actor", help="actor name or id (either side)")
    parser.add_argument("--country", help="ISO alpha-3 of actor or recipient")
    parser.add_argument("--dyad", nargs=2, metavar=("A", "B"),
                        help="two actors or two countries, either direction")
    parser.add_argument("--type", help="PLOVER event type (CONSULT, AGREE, ...)")
    parser.add_argument("--status", choices=["occurred", "planned"], help="event status")
    parser.add_argument("--from", dest="date_from", type=_date, help="first date YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", type=_date, help="last date YYYY-MM-DD")
    parser.add_argument("--place", help="place name or ISO alpha-3 of the place")
    parser.add_argument("--text", help="full-text query over the articles")
    parser.add_argument("--sort", default="date",
                        choices=["date", "-date", "intensity", "-intensity", "mentions",
                                 "-mentions"], help="row order (default: date)")
    parser.set_defaults(func=_export)
