"""The event store: ``Store.open(url)``, ingest, queries, actor curation, integrity."""

from __future__ import annotations

import dataclasses
import json
import logging
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, delete, func, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from comity.actors.kb import KnowledgeBase, Person, load_kb
from comity.dedup import block_key, cluster_events
from comity.errors import NotFoundError, StoreError
from comity.model import Document, Entity, Event, ExtractionResult, Mention
from comity.output import event_to_record, record_to_event
from comity.settings import Settings
from comity.store import queries as Q
from comity.store import schema as S
from comity.store import writer as W
from comity.store.engine import lock, make_engine, migrate, writer
from comity.store.types import (
    ActorDetail,
    ActorSummary,
    DocumentSummary,
    DyadCount,
    EventFilter,
    IngestSummary,
    NetworkEdge,
    SearchHit,
    StoredDocument,
)
from comity.textnorm import fold

log = logging.getLogger(__name__)

#: the filter that matches every event
ALL = EventFilter()
#: documents per transaction in :meth:`Store.ingest`
BATCH = 50
Progress = Callable[[int], None]


class Store:
    """The event database (SQLite or PostgreSQL). Open with :meth:`open`."""

    def __init__(self, engine: Engine, settings: Settings) -> None:
        self.engine = engine
        self.settings = settings
        self._kb: KnowledgeBase | None = None

    # ------------------------------------------------------------------ lifecycle
    @classmethod
    def open(cls, url: str | None = None, *, settings: Settings | None = None) -> Store:
        """Open (create or upgrade) the database at ``url`` (default: settings.db)."""
        settings = settings or Settings.from_mapping()
        engine = make_engine(url or settings.db)
        try:
            migrate(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, settings)

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base (bundled + settings.kb_dir), loaded on first use."""
        if self._kb is None:
            self._kb = load_kb([self.settings.kb_path] if self.settings.kb_path else None)
        return self._kb

    def _read(self) -> Connection:
        return self.engine.connect()

    # ------------------------------------------------------------------ writing
    def _write_batch(self, items: list[tuple[Document | None, list[Event], list[Entity]]]
                     ) -> IngestSummary:
        stats = W.BatchStats()
        blocks: set[str] = set()
        new_ids: set[str] = set()
        try:
            with writer(self.engine) as conn, conn.begin():
                lock(conn)
                keep: list[tuple[Document | None, list[Event]]] = []
                ents: list[tuple[Entity, str | None]] = []
                for doc, events, provisional in items:
                    if doc is not None and not W.place_document(conn, doc, stats, blocks):
                        continue
                    keep.append((doc, events))
                    doc_id = doc.id if doc else None
                    ents.extend((e, doc_id) for e in (*W.entities_of(events), *provisional))
                new_ids.update(W.store_doc_events(conn, keep, blocks, stats))
                W.upsert_actors(conn, ents)
                merged = W.recompute_blocks(conn, blocks, self.settings.merge_days, new_ids)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write to the database: {exc}") from exc
        return IngestSummary(stats.documents, stats.new_documents, stats.unchanged,
                             stats.replaced, stats.events, merged, 0)

    def ingest(self, results: Iterable[ExtractionResult], *,
               progress: Progress | None = None, batch_size: int = BATCH) -> IngestSummary:
        """Store extraction results, one transaction per batch of documents; documents
        already known (URL or content hash) are skipped, new versions replace old ones."""
        total = IngestSummary()
        batch: list[tuple[Document | None, list[Event], list[Entity]]] = []
        for res in results:
            batch.append((res.document, list(res.events), list(res.provisional)))
            if len(batch) >= batch_size:
                total += self._write_batch(batch)
                if progress:
                    progress(len(batch))
                batch = []
        if batch:
            total += self._write_batch(batch)
            if progress:
                progress(len(batch))
        return total

    def add_events(self, events: Iterable[Event], documents: Iterable[Document] = ()
                   ) -> IngestSummary:
        """Store already-extracted per-document events (and their documents if given)."""
        docs = {d.id: d for d in documents}
        by_doc: dict[str | None, list[Event]] = defaultdict(list)
        for ev in events:
            by_doc[ev.mentions[0].doc if ev.mentions else None].append(ev)
        items: list[tuple[Document | None, list[Event], list[Entity]]] = []
        for doc_id, doc in docs.items():
            items.append((doc, by_doc.pop(doc_id, []), []))
        for _doc_id, evs in sorted(by_doc.items(), key=lambda kv: kv[0] or ""):
            items.append((None, evs, []))
        return self._write_batch(items)

    # ------------------------------------------------------------------ events
    def _resolve(self, conn: Connection) -> Q.Resolver:
        def resolve(name: str) -> list[str]:
            ids = {self.kb.entity_id(e) for e in self.kb.lookup(name)}
            ids.update(r.id for r in conn.execute(
                select(S.actors.c.id).where(S.actors.c.name_folded == fold(name))))
            return sorted(ids)
        return resolve

    def events(self, filt: EventFilter = ALL, *, limit: int | None = None,
               offset: int = 0, sort: str = "date") -> list[Event]:
        """Canonical events matching ``filt``."""
        with self._read() as conn:
            q = (select(S.events.c.payload)
                 .where(*Q.where_clauses(conn, filt, self._resolve(conn)))
                 .order_by(*Q.order_by(sort)).offset(offset))
            if limit is not None:
                q = q.limit(limit)
            return [record_to_event(json.loads(r.payload)) for r in conn.execute(q)]

    def count_events(self, filt: EventFilter = ALL) -> int:
        """How many canonical events match ``filt``."""
        with self._read() as conn:
            q = select(func.count()).select_from(S.events).where(
                *Q.where_clauses(conn, filt, self._resolve(conn)))
            return int(conn.execute(q).scalar_one())

    def event(self, event_id: str) -> Event:
        """One canonical event (a per-document event id finds its canonical event)."""
        with self._read() as conn:
            row = conn.execute(select(S.events.c.payload)
                               .where(S.events.c.id == event_id)).first()
            if row is None:
                canon = conn.execute(select(S.doc_events.c.canonical_id)
                                     .where(S.doc_events.c.id == event_id)).scalar()
                if canon:
                    row = conn.execute(select(S.events.c.payload)
                                       .where(S.events.c.id == canon)).first()
        if row is None:
            raise NotFoundError(f"no event {event_id!r} in the database")
        return record_to_event(json.loads(row.payload))

    def planned(self) -> list[tuple[Event, list[Event]]]:
        """Planned events (and invitations) with the events that fulfilled them."""
        plans = self.events(EventFilter(planned=True))
        plans += [e for e in self.events(EventFilter(type="AGREE"))
                  if e.cameo == "036" and e.status != "planned"]
        out = []
        for p in sorted(plans, key=lambda e: (e.date is None, e.date, e.id)):
            done = []
            for lk in p.links:
                try:
                    other = self.event(lk)
                except NotFoundError:
                    continue
                if other.status == "occurred" and other.type == "CONSULT":
                    done.append(other)
            out.append((p, done))
        return out

    # ------------------------------------------------------------------ actors
    @staticmethod
    def _actor_summary(r: Any, n: int) -> ActorSummary:
        return ActorSummary(id=r.id, name=r.name, kind=r.kind, country=r.country,
                            sector=r.sector, title=r.title, provisional=bool(r.provisional),
                            first_doc=r.first_doc, evidence=r.evidence, events=n)

    def actors(self, *, query: str | None = None, provisional: bool | None = None,
               limit: int | None = None, offset: int = 0) -> list[ActorSummary]:
        """Stored actors, with their event counts."""
        a, ea = S.actors.c, S.event_actors.c
        n = (select(func.count(func.distinct(ea.event_id))).where(ea.entity_id == a.id)
             .scalar_subquery())
        q = select(S.actors, n.label("n")).order_by(a.name_folded, a.id).offset(offset)
        if query:
            q = q.where(a.name_folded.contains(fold(query), autoescape=True))
        if provisional is not None:
            q = q.where(a.provisional.is_(provisional))
        if limit is not None:
            q = q.limit(limit)
        with self._read() as conn:
            return [self._actor_summary(r, int(r.n)) for r in conn.execute(q)]

    def actor(self, actor_id: str) -> ActorDetail:
        """An actor with roles over time (knowledge base), event count, first/last date."""
        a, ea = S.actors.c, S.event_actors.c
        with self._read() as conn:
            r = conn.execute(select(S.actors).where(a.id == actor_id)).first()
            if r is None:
                raise NotFoundError(f"no actor {actor_id!r} in the database")
            st = conn.execute(select(func.count(func.distinct(ea.event_id)),
                                     func.min(ea.date), func.max(ea.date))
                              .where(ea.entity_id == actor_id)).one()
        roles: tuple[Any, ...] = ()
        aliases: tuple[str, ...] = ()
        if actor_id.startswith("kb:person/"):
            p: Person | None = self.kb.persons.get(actor_id.split("/", 1)[1])
            if p is not None:
                roles, aliases = p.roles, p.aliases
        return ActorDetail(actor=self._actor_summary(r, int(st[0])), roles=roles,
                           aliases=aliases, events=int(st[0]), first_date=st[1],
                           last_date=st[2])

    def merge_actor(self, prov_id: str, kb_id: str) -> int:
        """Attach a provisional actor to a knowledge-base entity: its per-document events
        are re-pointed and their blocks recomputed. Returns the events changed."""
        target = self._kb_entity(kb_id)
        try:
            with writer(self.engine) as conn, conn.begin():
                lock(conn)
                if conn.execute(select(S.actors.c.id)
                                .where(S.actors.c.id == prov_id)).first() is None:
                    raise NotFoundError(f"no actor {prov_id!r} in the database")
                blocks: set[str] = set()
                changed = 0
                rows = conn.execute(select(S.doc_events).where(
                    S.doc_events.c.payload.contains(json.dumps(prov_id)))).all()
                for row in rows:
                    ev = record_to_event(json.loads(row.payload))
                    new = _repoint(ev, prov_id, target)
                    if new == ev:
                        continue
                    changed += 1
                    key = block_key(new)
                    blocks.update({row.block, key})
                    conn.execute(update(S.doc_events).where(S.doc_events.c.id == row.id)
                                 .values(block=key, payload=json.dumps(
                                     event_to_record(new), ensure_ascii=False,
                                     sort_keys=True)))
                W.upsert_actors(conn, [(target, None)])
                conn.execute(delete(S.actors).where(S.actors.c.id == prov_id))
                W.recompute_blocks(conn, blocks, self.settings.merge_days)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot merge actor: {exc}") from exc
        return changed

    def promote_actor(self, prov_id: str, kb_dir: Path) -> str:
        """Write a provisional actor as a new person to ``kb_dir/persons-local.jsonl``
        (knowledge-base format), then re-point its events to it. Returns the new id."""
        with self._read() as conn:
            r = conn.execute(select(S.actors).where(S.actors.c.id == prov_id)).first()
        if r is None:
            raise NotFoundError(f"no actor {prov_id!r} in the database")
        if not r.provisional:
            raise StoreError(f"actor {prov_id!r} is already in the knowledge base")
        path = kb_dir / "persons-local.jsonl"
        taken = set(self.kb.persons)
        if path.exists():
            taken.update(load_kb([kb_dir]).persons)
        base = re.sub(r"[^a-z0-9]+", "-", fold(r.name)).strip("-") or "person"
        pid, n = base, 1
        while pid in taken:
            n += 1
            pid = f"{base}-{n}"
        rec: dict[str, Any] = {"id": pid, "name": r.name}
        if r.evidence and fold(r.evidence) != fold(r.name):
            rec["aliases"] = [r.evidence]
        if r.title:
            role: dict[str, str] = {"office": r.title}
            if r.country:
                role["country"] = r.country
            if r.sector:
                role["sector"] = r.sector
            rec["roles"] = [role]
        kb_dir.mkdir(parents=True, exist_ok=True)
        new_file = not path.exists()
        with path.open("a", encoding="utf-8") as fh:
            if new_file:
                fh.write(json.dumps({"format": "comity-kb/persons", "version": 1}) + "\n")
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        self._kb = load_kb([*([self.settings.kb_path] if self.settings.kb_path else []),
                            kb_dir])
        kb_id = f"kb:person/{pid}"
        self.merge_actor(prov_id, kb_id)
        return kb_id

    def _kb_entity(self, kb_id: str) -> Entity:
        kind, _, key = kb_id.removeprefix("kb:").partition("/")
        kb = self.kb
        if kind == "person" and key in kb.persons:
            p = kb.persons[key]
            role = p.role_on(None)
            return Entity(id=kb_id, name=p.name, kind="person", wikidata=p.wikidata,
                          country=role.country if role else None,
                          sector=role.sector if role else None)
        if kind == "org" and key in kb.organisations:
            o = kb.organisations[key]
            return Entity(id=kb_id, name=o.name, kind="organisation", country=o.country,
                          sector=o.sector, wikidata=o.wikidata)
        if kind == "country" and key in kb.countries:
            c = kb.countries[key]
            return Entity(id=kb_id, name=c.name, kind="country", country=c.iso3,
                          wikidata=c.wikidata)
        raise NotFoundError(f"no knowledge-base entry {kb_id!r} (expected kb:person/ID, "
                            "kb:org/ID or kb:country/ISO3)")

    # ------------------------------------------------------------------ documents
    def documents(self, *, limit: int | None = None, offset: int = 0
                  ) -> list[DocumentSummary]:
        """Stored documents (without text), by story date then id."""
        d, de = S.documents.c, S.doc_events.c
        n = select(func.count()).where(de.doc_id == d.id).scalar_subquery()
        q = (select(d.id, d.url, d.title, d.source, d.story_date, d.content_hash,
                    n.label("n")).order_by(d.story_date, d.id).offset(offset))
        if limit is not None:
            q = q.limit(limit)
        with self._read() as conn:
            return [DocumentSummary(r.id, r.url, r.title, r.source, r.story_date,
                                    r.content_hash, int(r.n)) for r in conn.execute(q)]

    def document(self, doc_id: str) -> StoredDocument:
        """A document with its text and the evidence spans of its mentions."""
        d, de, m = S.documents.c, S.doc_events.c, S.mentions.c
        with self._read() as conn:
            r = conn.execute(select(S.documents).where(d.id == doc_id)).first()
            if r is None:
                raise NotFoundError(f"no document {doc_id!r} in the database")
            n = conn.execute(select(func.count()).where(de.doc_id == doc_id)).scalar_one()
            ms = conn.execute(select(S.mentions).where(m.doc_id == doc_id)
                              .order_by(m.char_start, m.char_end, m.event_id)).all()
        summary = DocumentSummary(r.id, r.url, r.title, r.source, r.story_date,
                                  r.content_hash, int(n))
        return StoredDocument(summary, r.text, tuple(
            (x.event_id, Mention(doc=doc_id, sentence=x.sentence, start=x.char_start,
                                 end=x.char_end, text=x.text, url=r.url, source=r.source))
            for x in ms))

    def known_urls(self, urls: Iterable[str]) -> set[str]:
        """Those of ``urls`` that are stored documents' URLs."""
        todo = sorted(set(urls))
        found: set[str] = set()
        with self._read() as conn:
            for i in range(0, len(todo), 500):
                found.update(r.url for r in conn.execute(select(S.documents.c.url).where(
                    S.documents.c.url.in_(todo[i:i + 500]))))
        return found

    def search(self, q: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search over documents (diacritic- and case-insensitive)."""
        with self._read() as conn:
            docs = Q.matching_docs(conn, q)
            if docs is None:
                return []
            rows = conn.execute(select(S.documents.c.id, S.documents.c.title,
                                       S.documents.c.text)
                                .where(S.documents.c.id.in_(docs))
                                .order_by(S.documents.c.story_date.desc(), S.documents.c.id)
                                .limit(limit)).all()
        return [SearchHit(r.id, r.title, Q.snippet(r.text, q)) for r in rows]

    # ------------------------------------------------------------------ aggregates
    def dyads(self, filt: EventFilter = ALL, *, by: str = "month"
              ) -> list[DyadCount]:
        """Event counts and mean intensity per sorted country pair and period."""
        if by not in {"month", "year", "day"}:
            raise StoreError(f"unknown period {by!r}: month, year or day")
        cut = {"month": 7, "year": 4, "day": 10}[by]
        acc: dict[tuple[str, str, str], list[float]] = defaultdict(list)
        for ev in self.events(filt):
            ca = ev.actor[0].country if ev.actor else None
            cb = ev.recipient[0].country if ev.recipient else None
            if not ca or not cb or ev.date is None:
                continue
            a, b = sorted((ca, cb))
            acc[(a, b, ev.date.isoformat()[:cut])].append(ev.intensity)
        return [DyadCount(a, b, p, len(v), sum(v) / len(v))
                for (a, b, p), v in sorted(acc.items())]

    def network(self, filt: EventFilter = ALL, *, level: str = "actor"
                ) -> list[NetworkEdge]:
        """Directed actor->recipient edges (entity or country level)."""
        if level not in {"actor", "country"}:
            raise StoreError(f"unknown network level {level!r}: actor or country")
        acc: dict[tuple[str, str], list[float]] = defaultdict(list)
        names: dict[str, str] = {}
        for ev in self.events(filt):
            for s in ev.actor:
                for t in ev.recipient:
                    if level == "actor":
                        sk, tk = s.id, t.id
                        names[sk], names[tk] = s.name, t.name
                    else:
                        if not s.country or not t.country:
                            continue
                        sk, tk = s.country, t.country
                        names[sk], names[tk] = sk, tk
                    acc[(sk, tk)].append(ev.intensity)
        return [NetworkEdge(s, names[s], t, names[t], len(v), sum(v) / len(v))
                for (s, t), v in sorted(acc.items())]

    # ------------------------------------------------------------------ integrity
    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table, sorted (for comparisons in tests and audits)."""
        out: dict[str, list[tuple[Any, ...]]] = {}
        with self._read() as conn:
            for t in S.ALL_TABLES:
                cols = [c for c in t.c if c.name != "id" or t is not S.mentions]
                out[t.name] = sorted((tuple(r) for r in conn.execute(select(*cols))),
                                     key=repr)
        return out

    def check_integrity(self, *, full: bool = True) -> list[str]:
        """Problems found (empty when consistent): per-document events have documents and
        canonical events, counts match the stored mentions and (``full``, which reads
        every per-document event) canonical events match a fresh merge of their block."""
        problems: list[str] = []
        with self._read() as conn:
            de, e, m, d = S.doc_events.c, S.events.c, S.mentions.c, S.documents.c
            for r in conn.execute(select(de.id).where(de.doc_id.is_not(None),
                                                      de.doc_id.not_in(select(d.id)))):
                problems.append(f"per-document event {r.id} has no document")
            for r in conn.execute(select(de.id).where(
                    de.canonical_id.is_(None) | de.canonical_id.not_in(select(e.id)))):
                problems.append(f"per-document event {r.id} has no canonical event")
            for r in conn.execute(select(e.id).where(e.id.not_in(select(de.canonical_id)
                                                                 .where(de.canonical_id
                                                                        .is_not(None))))):
                problems.append(f"canonical event {r.id} has no per-document event")
            cnt = (select(m.event_id, func.count().label("n")).group_by(m.event_id)
                   .subquery())
            for r in conn.execute(select(e.id, e.num_mentions, cnt.c.n).outerjoin(
                    cnt, cnt.c.event_id == e.id)):
                if (r.n or 0) != r.num_mentions:
                    problems.append(f"event {r.id}: num_mentions {r.num_mentions} but "
                                    f"{r.n or 0} mentions stored")
            blocks = ([r.block for r in conn.execute(select(de.block).distinct())]
                      if full else [])
            for block in blocks:
                members = [record_to_event(json.loads(r.payload)) for r in conn.execute(
                    select(de.payload).where(de.block == block))]
                want = {c.event.id: c.event for c in cluster_events(
                    members, window_days=self.settings.merge_days)}
                have = {r.id: record_to_event(json.loads(r.payload)) for r in conn.execute(
                    select(e.id, e.payload).where(e.block == block))}
                if want != have:
                    problems.append(f"block {block}: stored canonical events differ from "
                                    "a fresh merge of its per-document events")
        return problems


def _repoint(ev: Event, old: str, new: Entity) -> Event:
    def fix(ents: tuple[Entity, ...]) -> tuple[Entity, ...]:
        return tuple(dataclasses.replace(new, text=e.text, title=e.title or new.title)
                     if e.id == old else e for e in ents)
    return dataclasses.replace(ev, actor=fix(ev.actor), recipient=fix(ev.recipient),
                               participants=fix(ev.participants))
