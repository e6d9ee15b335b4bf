"""``comity actors``: list actors; ``merge``, ``promote`` and ``import-petrarch``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from comity.cli.ingest import add_db_flag, open_store


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``actors`` command and its sub-commands."""
    p = sub.add_parser("actors", help="list actors; merge or promote provisional ones",
                       description="List stored actors (provisional ones with their "
                                   "evidence), or curate them with a sub-command.")
    add_db_flag(p)
    p.add_argument("--provisional", action="store_true",
                   help="only actors not in the knowledge base")
    p.add_argument("--query", metavar="Q", help="name contains Q (diacritic-insensitive)")
    p.add_argument("--limit", type=int, default=None)
    p.set_defaults(func=run_list)
    acts = p.add_subparsers(dest="action", metavar="ACTION")
    m = acts.add_parser("merge", help="attach a provisional actor to a knowledge-base entry")
    m.add_argument("prov_id", metavar="PROV_ID")
    m.add_argument("kb_id", metavar="KB_ID", help="kb:person/ID, kb:org/ID or kb:country/ISO3")
    add_db_flag(m, nested=True)
    m.set_defaults(func=run_merge)
    pr = acts.add_parser("promote", help="write a provisional actor as a new person to a "
                                         "local knowledge-base file")
    pr.add_argument("prov_id", metavar="PROV_ID")
    pr.add_argument("--kb-dir", default="comity-kb", type=Path,
                    help="folder of the local knowledge base (default: ./comity-kb)")
    add_db_flag(pr, nested=True)
    pr.set_defaults(func=run_promote)
    ip = acts.add_parser("import-petrarch", help="import a PETRARCH/Phoenix actor "
                                                 "dictionary into a local knowledge base")
    ip.add_argument("file", type=Path, metavar="FILE")
    ip.add_argument("--kb-dir", default="comity-kb", type=Path,
                    help="folder of the local knowledge base (default: ./comity-kb)")
    ip.set_defaults(func=run_import_petrarch)


def run_list(args: argparse.Namespace) -> int:
    """List actors."""
    with open_store(args) as store:
        rows = store.actors(query=args.query, provisional=True if args.provisional else None,
                            limit=args.limit)
    for a in rows:
        line = f"{a.id}\t{a.name}\t{a.country or '?'}\t{a.sector or ''}\t{a.events} events"
        if a.provisional:
            line += (f"\tprovisional: text {a.evidence or a.name!r}, title "
                     f"{a.title or '-'!r}, first document {a.first_doc or '-'}")
        print(line)
    return 0


def run_merge(args: argparse.Namespace) -> int:
    """Attach a provisional actor to a knowledge-base entry."""
    with open_store(args) as store:
        n = store.merge_actor(args.prov_id, args.kb_id)
    print(f"{args.prov_id} -> {args.kb_id}: {n} event report(s) re-pointed")
    return 0


def run_promote(args: argparse.Namespace) -> int:
    """Promote a provisional actor to a local knowledge-base person."""
    with open_store(args) as store:
        kb_id = store.promote_actor(args.prov_id, args.kb_dir)
    print(f"{args.prov_id} -> {kb_id} (written to {args.kb_dir / 'persons-local.jsonl'})")
    return 0


def run_import_petrarch(args: argparse.Namespace) -> int:
    """Import a PETRARCH dictionary (``comity.interop.petrarch``)."""
    try:
        from comity.interop.petrarch import import_petrarch
    except ImportError as exc:
        print(f"comity: error: the PETRARCH importer is not available ({exc})",
              file=sys.stderr)
        return 1
    report = import_petrarch(args.file, args.kb_dir)
    print(report.summary())
    return 0
