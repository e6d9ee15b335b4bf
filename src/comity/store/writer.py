"""Writing: documents, per-document events, actors, and the recomputation of the
canonical events of the blocks a batch touches. Every function runs inside the caller's
transaction."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection

from comity.dedup import block_key, cluster_events
from comity.model import Document, Entity, Event
from comity.output import event_to_record, record_to_event
from comity.store import schema as S
from comity.textnorm import fold

log = logging.getLogger(__name__)


@dataclass
class BatchStats:
    """Counters of one batch."""

    documents: int = 0
    new_documents: int = 0
    unchanged: int = 0
    replaced: int = 0
    events: int = 0
    merged: int = 0


def content_hash(text: str) -> str:
    """SHA-256 of the document text (the identity of a document without a URL)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _with_provenance(ev: Event, doc: Document | None) -> Event:
    if doc is None:
        return ev
    ms = tuple(dataclasses.replace(m, url=m.url or doc.url, source=m.source or doc.source)
               if m.doc == doc.id else m for m in ev.mentions)
    return dataclasses.replace(ev, mentions=ms, story_date=ev.story_date or doc.story_date)


def _payload(ev: Event) -> str:
    return json.dumps(event_to_record(ev), ensure_ascii=False, sort_keys=True)


def _delete_doc(conn: Connection, doc_id: str, blocks: set[str]) -> None:
    rows = conn.execute(select(S.doc_events.c.block).where(S.doc_events.c.doc_id == doc_id))
    blocks.update(r.block for r in rows)
    conn.execute(delete(S.doc_events).where(S.doc_events.c.doc_id == doc_id))
    conn.execute(delete(S.documents).where(S.documents.c.id == doc_id))
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("DELETE FROM docs_fts WHERE doc_id = ?", (doc_id,))


def _insert_doc(conn: Connection, doc: Document, digest: str) -> None:
    folded = fold(f"{doc.title or ''}\n{doc.text}")
    conn.execute(insert(S.documents).values(
        id=doc.id, url=doc.url, content_hash=digest, source=doc.source, title=doc.title,
        story_date=doc.story_date, path=doc.path, body_start=doc.body_start, text=doc.text,
        folded=folded))
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(
            "INSERT INTO docs_fts (doc_id, title, body, folded) VALUES (?, ?, ?, ?)",
            (doc.id, doc.title or "", doc.text, folded))


def place_document(conn: Connection, doc: Document, stats: BatchStats,
                   blocks: set[str]) -> bool:
    """Insert ``doc`` unless it is known; replace an older version. True when its events
    must be stored (new or replaced)."""
    stats.documents += 1
    digest = content_hash(doc.text)
    d = S.documents.c
    old = None
    if doc.url:
        old = conn.execute(select(d.id, d.content_hash).where(d.url == doc.url)).first()
    if old is None:
        old = conn.execute(select(d.id, d.content_hash).where(d.id == doc.id)).first()
    if old is not None and old.content_hash == digest:
        stats.unchanged += 1
        return False
    if old is None and conn.execute(select(d.id).where(d.content_hash == digest)).first():
        stats.unchanged += 1
        return False
    if old is not None:
        _delete_doc(conn, old.id, blocks)
        stats.replaced += 1
    else:
        stats.new_documents += 1
    _insert_doc(conn, doc, digest)
    return True


def store_doc_events(conn: Connection, items: Sequence[tuple[Document | None, Sequence[Event]]],
                     blocks: set[str], stats: BatchStats) -> list[str]:
    """Store the per-document events of a batch (replacing same ids); returns their ids."""
    rows: dict[str, dict[str, object]] = {}
    for doc, events in items:
        for ev in events:
            if ev.id in rows:
                continue
            ev = _with_provenance(ev, doc)
            key = block_key(ev)
            blocks.add(key)
            rows[ev.id] = {"id": ev.id, "doc_id": doc.id if doc else None, "block": key,
                           "canonical_id": None, "payload": _payload(ev)}
    ids = list(rows)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        old = conn.execute(select(S.doc_events.c.block).where(S.doc_events.c.id.in_(chunk)))
        blocks.update(r.block for r in old)
        conn.execute(delete(S.doc_events).where(S.doc_events.c.id.in_(chunk)))
    if rows:
        conn.execute(insert(S.doc_events), list(rows.values()))
    stats.events += len(rows)
    return ids


def upsert_actors(conn: Connection, entities: Iterable[tuple[Entity, str | None]]) -> None:
    """Insert actors not yet known, with the first document (of this batch) naming them."""
    todo: dict[str, tuple[Entity, str | None]] = {}
    for e, doc_id in entities:
        todo.setdefault(e.id, (e, doc_id))
    if not todo:
        return
    known: set[str] = set()
    keys = sorted(todo)
    for start in range(0, len(keys), 500):
        known.update(r.id for r in conn.execute(
            select(S.actors.c.id).where(S.actors.c.id.in_(keys[start:start + 500]))))
    rows = [{"id": e.id, "name": e.name, "name_folded": fold(e.name), "kind": e.kind,
             "country": e.country, "sector": e.sector, "title": e.title,
             "provisional": e.provisional or e.id.startswith("prov:"), "first_doc": doc_id,
             "evidence": e.text or None}
            for k, (e, doc_id) in sorted(todo.items()) if k not in known]
    if rows:
        conn.execute(insert(S.actors), rows)


def entities_of(events: Iterable[Event]) -> list[Entity]:
    """Every entity of ``events`` (actors, recipients, participants)."""
    return [e for ev in events for e in (*ev.actor, *ev.recipient, *ev.participants)]


def _delete_events(conn: Connection, ids: list[str]) -> None:
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        conn.execute(delete(S.event_actors).where(S.event_actors.c.event_id.in_(chunk)))
        conn.execute(delete(S.mentions).where(S.mentions.c.event_id.in_(chunk)))
        conn.execute(delete(S.links).where(S.links.c.event_id.in_(chunk)))
        conn.execute(delete(S.events).where(S.events.c.id.in_(chunk)))


def event_row(ev: Event, block: str) -> dict[str, object]:
    """The ``events`` row of a canonical event."""
    loc = ev.location
    return {"id": ev.id, "block": block, "type": ev.type, "cameo": ev.cameo,
            "mode": ev.mode, "status": ev.status, "kind": ev.kind, "date": ev.date,
            "story_date": ev.story_date, "intensity": ev.intensity,
            "goldstein": ev.goldstein, "quad": ev.quad, "num_mentions": ev.num_mentions,
            "num_sources": ev.num_sources, "loc_name": loc.name if loc else None,
            "loc_folded": fold(loc.name) if loc and loc.name else None,
            "loc_country": loc.country if loc else None,
            "actor_country": ev.actor[0].country if ev.actor else None,
            "recipient_country": ev.recipient[0].country if ev.recipient else None,
            "payload": _payload(ev)}


def actor_rows(ev: Event) -> list[dict[str, object]]:
    """The ``event_actors`` rows of a canonical event."""
    rows: dict[tuple[str, str], dict[str, object]] = {}
    for role, ents in (("a", ev.actor), ("r", ev.recipient), ("p", ev.participants)):
        for e in ents:
            rows.setdefault((role, e.id), {
                "event_id": ev.id, "role": role, "entity_id": e.id,
                "name_folded": fold(e.name), "country": e.country, "date": ev.date})
    return list(rows.values())


def recompute_blocks(conn: Connection, blocks: Iterable[str], window_days: int,
                     new_ids: set[str] | None = None) -> int:
    """Recompute the canonical events of ``blocks`` from their per-document events; only
    canonical events that changed are rewritten. Returns how many of ``new_ids`` joined a
    canonical event with other members."""
    merged = 0
    new_ids = new_ids or set()
    todo = sorted(blocks)
    for start in range(0, len(todo), 200):
        chunk = todo[start:start + 200]
        stored = {r.id: r.payload for r in conn.execute(
            select(S.events.c.id, S.events.c.payload).where(S.events.c.block.in_(chunk)))}
        members: dict[str, list[Event]] = {b: [] for b in chunk}
        for r in conn.execute(select(S.doc_events.c.block, S.doc_events.c.payload)
                              .where(S.doc_events.c.block.in_(chunk))):
            members[r.block].append(record_to_event(json.loads(r.payload)))
        ev_rows: list[dict[str, object]] = []
        act_rows: list[dict[str, object]] = []
        men_rows: list[dict[str, object]] = []
        link_rows: list[dict[str, object]] = []
        canon_rows: list[dict[str, object]] = []
        keep: set[str] = set()
        for block in chunk:
            for cl in cluster_events(members[block], window_days=window_days):
                ev = cl.event
                row = event_row(ev, block)
                if len(cl.members) > 1:
                    merged += len(new_ids.intersection(cl.members))
                if stored.get(ev.id) == row["payload"]:
                    keep.add(ev.id)
                    if new_ids.intersection(cl.members):
                        canon_rows.extend({"b_id": m, "b_canon": ev.id} for m in cl.members)
                    continue
                ev_rows.append(row)
                act_rows.extend(actor_rows(ev))
                men_rows.extend({"event_id": ev.id, "doc_id": m.doc, "sentence": m.sentence,
                                 "char_start": m.start, "char_end": m.end, "text": m.text}
                                for m in ev.mentions)
                link_rows.extend({"event_id": ev.id, "other_id": lk} for lk in ev.links)
                canon_rows.extend({"b_id": m, "b_canon": ev.id} for m in cl.members)
        _delete_events(conn, sorted((set(stored) - keep) | {str(r["id"]) for r in ev_rows}))
        for table, data in ((S.events, ev_rows), (S.event_actors, act_rows),
                            (S.mentions, men_rows), (S.links, link_rows)):
            if data:
                conn.execute(insert(table), data)
        if canon_rows:
            conn.execute(update(S.doc_events).where(S.doc_events.c.id == bindparam("b_id"))
                         .values(canonical_id=bindparam("b_canon")), canon_rows)
    return merged
