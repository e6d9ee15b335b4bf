"""Actor knowledge base load time and the share of ``extract`` time spent resolving actors.

Usage: python bench/actors.py [--seeds DIR] [--n 500] [--loads 5]

Prints:
- the knowledge-base load time (``load_kb()``, bundled files: parse, validate, index):
  the first load in this process and the median of ``--loads`` further loads (target
  < 1 s);
- the title grammar load time;
- for the seeds replicated to ``--n`` documents (as in ``bench/extract.py``), the time of
  ``Pipeline.extract_many`` and the part of it spent in ``ActorStage.resolve`` (target
  <= 15 %). A warm-up pass over the distinct seed articles runs first, so that one-off
  lazy loads (the gazetteer behind the actor stage's place lookups) are not counted.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from typing import Any

from replicate import replicated  # bench/ is on sys.path when run as a script

from comity.actors.kb import load_kb
from comity.actors.titles import load_titles
from comity.model import ParsedDocument, ResolvedDocument
from comity.pipeline import Pipeline
from comity.settings import Settings


def _load_times(n: int) -> tuple[float, float, dict[str, int]]:
    t0 = time.perf_counter()
    kb = load_kb()
    first = time.perf_counter() - t0
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        load_kb()
        times.append(time.perf_counter() - t0)
    sizes = {"persons": len(kb.persons), "organisations": len(kb.organisations),
             "countries": len(kb.countries)}
    return first, statistics.median(times), sizes


class _Timed:
    """Wraps ``ActorStage.resolve`` and adds up the time spent in it."""

    def __init__(self, resolve: Any) -> None:
        self.resolve = resolve
        self.seconds = 0.0
        self.calls = 0

    def __call__(self, parsed: ParsedDocument, host_country: str | None = None
                 ) -> ResolvedDocument:
        t0 = time.perf_counter()
        out: ResolvedDocument = self.resolve(parsed, host_country=host_country)
        self.seconds += time.perf_counter() - t0
        self.calls += 1
        return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=Path, default=Path(__file__).resolve().parents[2]
                    / "shared" / "seeds")
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--loads", type=int, default=5)
    args = ap.parse_args()

    first, median, sizes = _load_times(args.loads)
    print(f"knowledge base: {sizes['persons']} persons, {sizes['organisations']} "
          f"organisations, {sizes['countries']} countries")
    print(f"load_kb(): first {first:.3f} s, median of {args.loads} more {median:.3f} s "
          f"(target < 1 s)")
    t0 = time.perf_counter()
    titles = load_titles()
    print(f"load_titles(): {time.perf_counter() - t0:.3f} s ({len(titles.entries)} entries)")

    settings = Settings()
    base, docs = replicated([args.seeds], args.n, settings)
    words = sum(len(d.text.split()) for d in docs)

    pipeline = Pipeline(settings)
    for _ in pipeline.extract_many(base):   # warm-up: lazy loads, caches
        pass
    timed = _Timed(pipeline.actors.resolve)
    pipeline.actors.resolve = timed  # type: ignore[method-assign]
    t0 = time.perf_counter()
    n_events = sum(len(r.events) for r in pipeline.extract_many(docs))
    total = time.perf_counter() - t0
    print(f"documents: {len(docs)} ({len(base)} seed articles replicated), words: {words}, "
          f"events: {n_events}")
    print(f"extract: {total:.2f} s ({len(docs) / total:.1f} articles/s); actor resolution: "
          f"{timed.seconds:.2f} s in {timed.calls} calls "
          f"({1000 * timed.seconds / max(timed.calls, 1):.1f} ms/document)")
    print(f"actor resolution share of extract time: {100 * timed.seconds / total:.1f} % "
          f"(target <= 15 %)")


if __name__ == "__main__":
    main()
