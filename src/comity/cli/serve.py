"""``comity serve``: the REST API and the web interface in one uvicorn process."""

from __future__ import annotations

import argparse
import logging
import os
import socket
import sys
from typing import Any

from comity.errors import ConfigError

log = logging.getLogger(__name__)


def register(subparsers: Any) -> None:
    """Add the ``serve`` sub-command."""
    p = subparsers.add_parser(
        "serve", help="serve the REST API and the web interface",
        description="Serve the REST API (/api, OpenAPI docs at /docs) and the web "
                    "interface (/) over an event database. Read-only unless a token is set: "
                    "then POST /api/documents ingests documents for clients sending "
                    "'Authorization: Bearer TOKEN'.")
    p.add_argument("--db", default=None,
                   help="database URL (sqlite:///FILE or postgresql://...; default: "
                        "COMITY_DB or sqlite:///comity.db)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (8000)")
    p.add_argument("--token", default=None,
                   help="bearer token enabling POST /api/documents (default: "
                        "COMITY_API_TOKEN; ingest is disabled when neither is set)")
    p.add_argument("--max-body", type=int, default=1_000_000,
                   help="largest request body accepted, in bytes (1000000)")
    p.add_argument("--create", action="store_true",
                   help="create the database when it does not exist (to fill it through "
                        "POST /api/documents); without it a missing database is an error")
    p.set_defaults(func=run)


def check_listen(host: str, port: int) -> None:
    """ConfigError (one line) when ``host:port`` cannot be listened on (port taken, address
    not of this machine), before the database is opened and the server started."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        family, kind, proto, _, addr = infos[0]
        with socket.socket(family, kind, proto) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(addr)
    except OSError as exc:
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc


def run(args: argparse.Namespace) -> int:
    """Open the database and serve until interrupted."""
    import uvicorn

    from comity.interop.db import open_database
    from comity.settings import Settings
    from comity.web.app import create_app

    if not 0 < args.port < 65536:
        raise ConfigError(f"--port must be between 1 and 65535, got {args.port}")
    if args.max_body < 1:
        raise ConfigError(f"--max-body must be positive, got {args.max_body}")
    check_listen(args.host, args.port)
    token = args.token if args.token is not None else os.environ.get("COMITY_API_TOKEN")
    settings = Settings.from_mapping({"db": args.db} if args.db else None)
    store = open_database(settings.db, create=args.create, settings=settings,
                          hint="comity ingest creates one; --create serves a new, empty one")
    app = create_app(store, token=token or None, max_body=args.max_body)
    print(f"comity: serving {settings.db} on http://{args.host}:{args.port}/ "
          f"(API docs: /docs; ingest {'enabled' if token else 'disabled'})",
          file=sys.stderr, flush=True)
    try:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning",
                    access_log=False)
    finally:
        store.close()
    return 0
