"""The seed articles through the real pipeline into the store (read from ../shared/seeds)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from comity.errors import InputError
from comity.model import Document, ExtractionResult
from comity.pipeline import Pipeline
from comity.settings import Settings
from comity.store import Store


@pytest.fixture(scope="module")
def seed_results(seeds_dir: Path) -> list[ExtractionResult]:
    from comity.ingest import read_paths

    settings = Settings.from_mapping(environ={})
    docs = [d for d in read_paths(sorted(seeds_dir.glob("*.txt")), settings=settings)
            if isinstance(d, Document)]
    assert len(docs) == 5 and not any(isinstance(d, InputError) for d in docs)
    return list(Pipeline(settings).extract_many(docs))


@pytest.mark.slow
def test_seeds_ingested_twice_equal_once(store: Store,
                                         seed_results: list[ExtractionResult]) -> None:
    first = store.ingest(seed_results)
    assert first.new_documents == 5
    before = store.dump()
    again = store.ingest(seed_results)
    assert again.unchanged == 5 and again.events == 0
    assert store.dump() == before
    assert store.check_integrity() == []


@pytest.mark.slow
def test_seeds_shuffled_same_canonical_events(store_url: str, tmp_path: Path,
                                              seed_results: list[ExtractionResult]) -> None:
    with Store.open(store_url) as s:
        s.ingest(seed_results)
        want = s.events()
    order = seed_results[:]
    random.Random(5).shuffle(order)
    other = (f"sqlite:///{tmp_path / 'other.db'}" if store_url.startswith("sqlite")
             else None)
    if other is None:
        from ._db import pg_schema_url

        gen = pg_schema_url()
        other = next(gen)
    else:
        gen = iter(())
    try:
        with Store.open(other) as s:
            for r in order:
                s.ingest([r])
            assert s.events() == want
    finally:
        for _ in gen:
            pass
