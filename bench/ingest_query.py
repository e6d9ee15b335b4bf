"""Benchmark of the event store: ingest throughput and query latency.

1. Ingest throughput (documents/s) of ``Store.ingest`` on SQLite and PostgreSQL, with
   hand-built extraction results (2 events a document; no NLP: the store alone).
2. p50/p95 latency of an ``events`` query filtered by actor and date range on a generated
   database of 1,000,000 canonical events (rows bulk-inserted directly).

Usage::

    .venv/bin/python bench/ingest_query.py [--docs 2000] [--events 1000000]
        [--pg postgresql://postgres@127.0.0.1:5432/test] [--backends sqlite,postgresql]

Prints the numbers and writes them to ``bench/RESULTS-store.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import sqlalchemy as sa

from comity.model import Document, Entity, Event, ExtractionResult, Mention
from comity.output import event_to_record
from comity.store import EventFilter, Store
from comity.store import schema as S
from comity.store.engine import normalise_url

COUNTRIES = ["VNM", "KHM", "LAO", "THA", "CHN", "USA", "JPN", "KOR", "IND", "FRA", "DEU",
             "RUS", "IDN", "MYS", "SGP", "PHL", "MMR", "AUS", "GBR", "BRA"]
START = dt.date(2021, 1, 1)
DAYS = 5 * 365
TYPES = [("CONSULT", "040"), ("CONSULT", "042"), ("AGREE", "036"), ("SUPPORT", "051"),
         ("COOPERATE", "061"), ("REQUEST", "020")]


def actors(n: int) -> list[Entity]:
    """``n`` synthetic person actors spread over the countries."""
    return [Entity(id=f"kb:person/bench-{i}", name=f"Bench Person {i}",
                   country=COUNTRIES[i % len(COUNTRIES)], sector="GOV") for i in range(n)]


def make_event(rng: random.Random, eid: str, doc: str, people: list[Entity],
               day: dt.date) -> Event:
    a, b = rng.sample(people, 2)
    typ, cameo = rng.choice(TYPES)
    text = f"{a.name} met {b.name} to discuss cooperation on {day.isoformat()}."
    return Event(id=eid, type=typ, cameo=cameo, actor=(a,), recipient=(b,), date=day,
                 story_date=day, intensity=rng.uniform(-5, 5), symmetric=typ == "CONSULT",
                 mentions=(Mention(doc=doc, sentence=0, start=0, end=len(a.name),
                                   text=text),))


def results(n: int, seed: int = 1) -> Iterator[ExtractionResult]:
    """``n`` documents of ~2 KB with two events each."""
    rng = random.Random(seed)
    people = actors(200)
    filler = "The talks covered trade, investment, security and people-to-people ties. " * 25
    for i in range(n):
        day = START + dt.timedelta(days=rng.randrange(DAYS))
        doc = Document(id=f"bench-{i}", text=f"Report {i}. {filler}", story_date=day,
                       url=f"https://wire{i % 7}.example/{i}", source=f"wire{i % 7}",
                       title=f"Report {i}")
        evs = tuple(make_event(rng, f"bench-{i}-e{k}", doc.id, people, day) for k in range(2))
        yield ExtractionResult(document=doc, events=evs)


def bench_ingest(url: str, n: int) -> float:
    """Documents per second of ``Store.ingest`` (batches of 50)."""
    with Store.open(url) as store:
        t0 = time.perf_counter()
        summary = store.ingest(results(n))
        elapsed = time.perf_counter() - t0
        assert summary.new_documents == n, summary
    return n / elapsed


def generate(url: str, n: int, seed: int = 2) -> None:
    """Bulk-insert ``n`` canonical events (and their actor rows) directly."""
    with Store.open(url) as store:
        engine = store.engine
    rng = random.Random(seed)
    people = actors(200)
    batch = 20_000
    with engine.begin() as conn:
        for start in range(0, n, batch):
            ev_rows, act_rows = [], []
            for i in range(start, min(n, start + batch)):
                day = START + dt.timedelta(days=rng.randrange(DAYS))
                ev = make_event(rng, f"gen-{i}", f"gdoc-{i}", people, day)
                rec = event_to_record(ev)
                ev_rows.append({
                    "id": ev.id, "block": "gen", "type": ev.type, "cameo": ev.cameo,
                    "mode": None, "status": "occurred", "kind": "interaction",
                    "date": day, "story_date": day, "intensity": ev.intensity,
                    "goldstein": 0.0, "quad": 1, "num_mentions": 1, "num_sources": 1,
                    "loc_name": None, "loc_folded": None, "loc_country": None,
                    "actor_country": ev.actor[0].country,
                    "recipient_country": ev.recipient[0].country,
                    "payload": json.dumps(rec, ensure_ascii=False)})
                for role, e in (("a", ev.actor[0]), ("r", ev.recipient[0])):
                    act_rows.append({"event_id": ev.id, "role": role, "entity_id": e.id,
                                     "name_folded": e.name.lower(), "country": e.country,
                                     "date": day})
            conn.execute(sa.insert(S.events), ev_rows)
            conn.execute(sa.insert(S.event_actors), act_rows)
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("ANALYZE events")
            conn.exec_driver_sql("ANALYZE event_actors")
        else:
            conn.exec_driver_sql("ANALYZE")


def bench_query(url: str, queries: int = 200, seed: int = 3) -> tuple[float, float, float]:
    """p50, p95 (ms) of actor + 30-day range queries, and the mean number of rows."""
    rng = random.Random(seed)
    times, rows = [], []
    with Store.open(url) as store:
        store.events(EventFilter(actor="kb:person/bench-0"), limit=1)  # warm up
        for _ in range(queries):
            who = f"kb:person/bench-{rng.randrange(200)}"
            lo = START + dt.timedelta(days=rng.randrange(DAYS - 30))
            filt = EventFilter(actor=who, date_from=lo, date_to=lo + dt.timedelta(days=30))
            t0 = time.perf_counter()
            got = store.events(filt, limit=100)
            times.append((time.perf_counter() - t0) * 1000)
            rows.append(len(got))
    q = statistics.quantiles(times, n=20)
    return statistics.median(times), q[18], statistics.mean(rows)


def pg_schema(base: str) -> tuple[str, sa.Engine, str]:
    name = f"comity_bench_{uuid.uuid4().hex[:8]}"
    engine = sa.create_engine(normalise_url(base))
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {name}")
    return f"{base}?options=-csearch_path%3D{name}", engine, name


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--out", default=str(Path(__file__).with_name("RESULTS-store.md")))
    args = ap.parse_args()
    lines = ["# Event store benchmark (bench/ingest_query.py)", "",
             f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC. Ingest: {args.docs} "
             "hand-built documents (~2 KB, 2 events each; the store alone, no NLP), "
             "batches of 50 documents a transaction. Query: `Store.events(EventFilter("
             "actor=<entity id>, date_from=D, date_to=D+30), limit=100)`, 200 random "
             f"actors/windows, on {args.events:,} generated events (200 actors, 5 years). "
             f"Machine: {os.cpu_count()} CPU cores, Python {platform.python_version()}, "
             "PostgreSQL on 127.0.0.1.",
             "", "| backend | ingest docs/s | query p50 ms | query p95 ms | mean rows |",
             "|---|---|---|---|---|"]
    for backend in args.backends.split(","):
        with tempfile.TemporaryDirectory() as tmp:
            cleanup = None
            if backend == "sqlite":
                ingest_url = f"sqlite:///{tmp}/ingest.db"
                query_url = f"sqlite:///{tmp}/query.db"
            else:
                ingest_url, eng1, s1 = pg_schema(args.pg)
                query_url, eng2, s2 = pg_schema(args.pg)
                cleanup = [(eng1, s1), (eng2, s2)]
            try:
                rate = bench_ingest(ingest_url, args.docs)
                print(f"{backend}: ingest {rate:.1f} documents/s", flush=True)
                t0 = time.perf_counter()
                generate(query_url, args.events)
                print(f"{backend}: generated {args.events:,} events in "
                      f"{time.perf_counter() - t0:.0f} s", flush=True)
                p50, p95, mean_rows = bench_query(query_url)
                print(f"{backend}: events query p50 {p50:.1f} ms, p95 {p95:.1f} ms "
                      f"({mean_rows:.0f} rows on average)", flush=True)
                lines.append(f"| {backend} | {rate:.1f} | {p50:.1f} | {p95:.1f} | "
                             f"{mean_rows:.0f} |")
            finally:
                for eng, name in cleanup or []:
                    with eng.begin() as conn:
                        conn.exec_driver_sql(f"DROP SCHEMA {name} CASCADE")
                    eng.dispose()
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
