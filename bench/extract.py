"""Throughput of ``comity extract`` vs the bare spaCy pipeline on the seeds replicated.

Usage: python bench/extract.py [--seeds DIR] [--n 500] [--repeat 3]

Prints articles/s and words/s for both, measured in the same run on the same texts: the
bare pipeline (``spacy.load`` + ``nlp.pipe`` over whole articles, ``batch_size`` from the
settings) and ``Pipeline.extract_many`` (segmentation, pre-filter, spaCy on the kept
sentences, actors, coding, dates and places). Both are loaded and warmed up before the
clock starts. The two alternate ``--repeat`` times; every round is printed, with wall and
CPU seconds (on a shared machine CPU time is the steadier of the two), then the medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

import spacy
from replicate import replicated  # bench/ is on sys.path when run as a script

from comity.pipeline import Pipeline
from comity.settings import Settings


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=Path, default=Path(__file__).resolve().parents[2]
                    / "shared" / "seeds")
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    settings = Settings()
    base, docs = replicated([args.seeds], args.n, settings)
    words = sum(len(d.text.split()) for d in docs)
    texts = [d.text for d in docs]

    nlp = spacy.load(settings.spacy_model)
    pipeline = Pipeline(settings)
    list(nlp.pipe(texts[:8], batch_size=settings.batch_size))  # warm-up
    list(pipeline.extract_many(docs[:8]))
    print(f"documents: {len(docs)} ({len(base)} seed articles replicated), words: {words}, "
          f"model {settings.spacy_model}, batch_size {settings.batch_size}, "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)

    rounds: list[tuple[float, float, float, float]] = []
    n_events = 0
    for r in range(args.repeat):
        w0, c0 = _clock()
        for _ in nlp.pipe(texts, batch_size=settings.batch_size):
            pass
        w1, c1 = _clock()
        seen, parsed = pipeline.nlp.sentences_seen, pipeline.nlp.sentences_parsed
        n_events = sum(len(res.events) for res in pipeline.extract_many(docs))
        w2, c2 = _clock()
        rounds.append((w1 - w0, c1 - c0, w2 - w1, c2 - c1))
        share = (pipeline.nlp.sentences_parsed - parsed) / max(
            pipeline.nlp.sentences_seen - seen, 1)
        print(f"round {r + 1}: bare {w1 - w0:6.1f} s wall {c1 - c0:6.1f} s cpu | extract "
              f"{w2 - w1:6.1f} s wall {c2 - c1:6.1f} s cpu | events {n_events}, "
              f"{share:.0%} of sentences parsed | ratio wall {(w1 - w0) / (w2 - w1):.2f} "
              f"cpu {(c1 - c0) / (c2 - c1):.2f} | load {os.getloadavg()[0]:.1f}", flush=True)

    bare, bare_cpu, full, full_cpu = (statistics.median(x) for x in zip(*rounds, strict=True))
    print(f"medians of {len(rounds)} rounds:")
    print(f"bare spaCy    : {len(docs) / bare:8.1f} articles/s {words / bare:10.0f} words/s "
          f"(cpu {len(docs) / bare_cpu:.1f} articles/s)")
    print(f"comity extract: {len(docs) / full:8.1f} articles/s {words / full:10.0f} words/s "
          f"(cpu {len(docs) / full_cpu:.1f} articles/s)")
    print(f"ratio extract/bare: wall {bare / full:.2f}, cpu {bare_cpu / full_cpu:.2f}")


if __name__ == "__main__":
    main()
