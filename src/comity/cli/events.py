"""``comity events [--actor NAME] [--country ISO3] [--dyad A B] ...``: query the database."""

from __future__ import annotations

import argparse
import sys

from comity.cli.ingest import add_db_flag, open_store


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``events`` command."""
    p = sub.add_parser("events", help="list canonical events from the database",
                       description="List canonical (merged) events matching every filter "
                                   "given.")
    add_db_flag(p)
    p.add_argument("--actor", help="actor name (any spelling or alias) or entity id")
    p.add_argument("--country", metavar="ISO3", help="country of actor or recipient")
    p.add_argument("--dyad", nargs=2, metavar=("A", "B"),
                   help="two actors (names/ids) or two ISO3 codes, either direction")
    p.add_argument("--type", help="PLOVER event type")
    p.add_argument("--status", choices=["occurred", "planned"])
    p.add_argument("--from", dest="date_from", metavar="DATE", help="first day YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="last day YYYY-MM-DD")
    p.add_argument("--place", help="place name or ISO3 country of the place")
    p.add_argument("--text", help="full-text query over the events' documents")
    p.add_argument("--planned", action="store_true",
                   help="planned events and invitations, with what fulfilled them")
    p.add_argument("--sort", default="date",
                   choices=["date", "-date", "intensity", "-intensity", "mentions",
                            "-mentions"])
    p.add_argument("--format", default="table", choices=["table", "jsonl", "json", "csv"])
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--offset", type=int, default=0)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``comity events``."""
    from comity.output import write_events
    from comity.store import EventFilter
    from comity.when import parse_iso_date

    filt = EventFilter(
        actor=args.actor, country=args.country.upper() if args.country else None,
        dyad=tuple(args.dyad) if args.dyad else None, type=args.type, status=args.status,
        date_from=parse_iso_date(args.date_from) if args.date_from else None,
        date_to=parse_iso_date(args.date_to) if args.date_to else None,
        place=args.place, text=args.text)
    with open_store(args) as store:
        if args.planned:
            rows = store.planned()
            if args.format != "table":
                write_events([p for p, _ in rows][:args.limit], args.format, sys.stdout)
                return 0
            for plan, done in rows[:args.limit]:
                actors = ", ".join(e.name for e in (*plan.actor, *plan.recipient))
                state = ("fulfilled by " + ", ".join(
                    f"{d.id} ({d.date or '?'})" for d in done)) if done else "not yet"
                print(f"{plan.date or '?'}  {plan.type} {plan.cameo}  {actors}  "
                      f"[{plan.id}]  {state}")
            return 0
        events = store.events(filt, limit=args.limit, offset=args.offset, sort=args.sort)
        write_events(events, args.format, sys.stdout)
    return 0
