"""Time the event coder against the spaCy pipeline it runs on (issue 4: at most +25 %).

Usage: python bench/coding.py [--articles DIR ...] [--n 500]

The corpus is the diplomatic articles given (default: the seeds and the dev set), replicated
to ``--n`` documents. In one run it times:
- the bare spaCy pipeline (``spacy.load(settings.spacy_model)``, ``nlp.pipe``) on the
  documents' texts;
- ``Pipeline.extract_many`` on the same documents, and inside it the coder
  (``Coder.code``: triggers, dependency patterns, status) and the assembler
  (``Assembler.assemble``: dates, places, contexts, in-article merge).
The figure to read is (coder + assembler) / bare spaCy. A warm-up pass runs first.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

import spacy
from replicate import replicated  # bench/ is on sys.path when run as a script

from comity.pipeline import Pipeline
from comity.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


class _Timed:
    """Wraps a stage method and adds up the time spent in it."""

    def __init__(self, fn: Any) -> None:
        self.fn = fn
        self.seconds = 0.0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        out = self.fn(*args, **kwargs)
        self.seconds += time.perf_counter() - t0
        return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=Path, nargs="*", default=[
        ROOT.parent / "shared" / "seeds", ROOT / "tests" / "devset" / "articles"])
    ap.add_argument("--n", type=int, default=500)
    args = ap.parse_args()

    settings = Settings()
    base, docs = replicated([p for p in args.articles if p.exists()], args.n, settings)
    words = sum(len(d.text.split()) for d in docs)
    print(f"documents: {len(docs)} ({len(base)} articles replicated), words: {words}")

    nlp = spacy.load(settings.spacy_model)
    list(nlp.pipe(d.text for d in base))  # warm-up
    t0 = time.perf_counter()
    for _ in nlp.pipe(d.text for d in docs):
        pass
    bare = time.perf_counter() - t0
    print(f"bare spaCy ({settings.spacy_model}): {bare:.2f} s "
          f"({len(docs) / bare:.1f} articles/s)")

    pipeline = Pipeline(settings)
    for _ in pipeline.extract_many(base):  # warm-up: lazy loads, caches
        pass
    coder = _Timed(pipeline.coder.code)
    assembler = _Timed(pipeline.assembler.assemble)
    pipeline.coder.code = coder  # type: ignore[method-assign]
    pipeline.assembler.assemble = assembler  # type: ignore[method-assign]
    t0 = time.perf_counter()
    events = sum(len(r.events) for r in pipeline.extract_many(docs))
    total = time.perf_counter() - t0
    coding = coder.seconds + assembler.seconds
    print(f"extract: {total:.2f} s ({len(docs) / total:.1f} articles/s), {events} events")
    print(f"coder {coder.seconds:.2f} s + assembler {assembler.seconds:.2f} s = "
          f"{coding:.2f} s ({1000 * coding / len(docs):.1f} ms/document)")
    print(f"coding time / bare spaCy time: {100 * coding / bare:.1f} % (target <= 25 %)")


if __name__ == "__main__":
    main()
