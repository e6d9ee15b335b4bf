"""Throughput of ``comity extract`` vs the bare spaCy pipeline on the seeds replicated.

Usage: python bench/extract.py [--seeds DIR] [--n 500]
Prints articles/s and words/s for both, measured in the same run on the same texts.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from comity.ingest import read_paths
from comity.model import Document
from comity.pipeline import Pipeline
from comity.settings import Settings


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=Path, default=Path(__file__).resolve().parents[2]
                    / "shared" / "seeds")
    ap.add_argument("--n", type=int, default=500)
    args = ap.parse_args()
    settings = Settings()
    base = [d for d in read_paths([args.seeds], settings=settings) if isinstance(d, Document)]
    docs = [Document(id=f"{d.id}-{i}", text=d.text, story_date=d.story_date,
                     body_start=d.body_start)
            for i in range(args.n // len(base) + 1) for d in base][: args.n]
    words = sum(len(d.text.split()) for d in docs)

    nlp = spacy.load(settings.spacy_model)
    t0 = time.perf_counter()
    for _ in nlp.pipe([d.text for d in docs], batch_size=settings.batch_size):
        pass
    bare = time.perf_counter() - t0

    pipeline = Pipeline(settings)
    t0 = time.perf_counter()
    n_events = sum(len(r.events) for r in pipeline.extract_many(docs))
    full = time.perf_counter() - t0

    print(f"documents: {len(docs)}, words: {words}, events: {n_events}")
    print(f"bare spaCy   : {len(docs) / bare:8.1f} articles/s {words / bare:10.0f} words/s")
    print(f"comity extract: {len(docs) / full:8.1f} articles/s {words / full:10.0f} words/s")
    print(f"ratio extract/bare: {bare / full:.2f}")


if __name__ == "__main__":
    main()
