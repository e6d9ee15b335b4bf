"""``comity show EVENT_ID``: one event, its mentions, the evidence highlighted."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from comity.cli.ingest import add_db_flag, open_store
from comity.errors import NotFoundError

BOLD, RESET = "\033[1;33m", "\033[0m"


def highlight(sentence: str, start: int, end: int, *, ansi: bool) -> str:
    """``sentence`` with [start, end) marked: ANSI colour or [[brackets]]."""
    start, end = max(0, min(start, len(sentence))), max(0, min(end, len(sentence)))
    if start >= end:
        return sentence
    left, right = (BOLD, RESET) if ansi else ("[[", "]]")
    return sentence[:start] + left + sentence[start:end] + right + sentence[end:]


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``show`` command."""
    p = sub.add_parser("show", help="show one event with its mentions and evidence",
                       description="Show an event (a canonical id or the id of one of its "
                                   "reports), every mention and the evidence highlighted.")
    p.add_argument("event_id", metavar="EVENT_ID")
    add_db_flag(p)
    p.set_defaults(func=run)


def _names(ents: Any) -> str:
    return ", ".join(f"{e.name} ({e.country or '?'})" for e in ents) or "-"


def run(args: argparse.Namespace) -> int:
    """Run ``comity show``."""
    ansi = sys.stdout.isatty()
    with open_store(args) as store:
        ev = store.event(args.event_id)
        texts: dict[str, str] = {}
        print(f"event {ev.id}")
        print(f"  {ev.type} {ev.mode or ''} cameo {ev.cameo} ({ev.kind}, {ev.status})")
        print(f"  date: {ev.date or '?'} ({ev.date_text or 'no date text'}); "
              f"story date {ev.story_date or '?'}")
        print(f"  actor: {_names(ev.actor)}")
        print(f"  recipient: {_names(ev.recipient)}")
        if ev.participants:
            print(f"  participants: {_names(ev.participants)}")
        if ev.location:
            print(f"  location: {ev.location.name} ({ev.location.country or '?'})")
        print(f"  intensity {ev.intensity}, goldstein {ev.goldstein}, quad {ev.quad}")
        print(f"  mentions: {ev.num_mentions} from {ev.num_sources} source(s)")
        if ev.links:
            print(f"  linked: {', '.join(ev.links)}")
        for m in ev.mentions:
            if m.doc not in texts:
                try:
                    texts[m.doc] = store.document(m.doc).text
                except NotFoundError:  # a document not stored: show the sentence
                    texts[m.doc] = ""
            text = texts[m.doc]
            where = m.url or m.doc
            print(f"- {where} (sentence {m.sentence})")
            if text and 0 <= m.start < m.end <= len(text):
                lo = text.rfind("\n", 0, m.start) + 1
                hi = text.find("\n", m.end)
                hi = len(text) if hi < 0 else hi
                print("    " + highlight(text[lo:hi], m.start - lo, m.end - lo, ansi=ansi))
            else:
                print("    " + m.text)
    return 0
