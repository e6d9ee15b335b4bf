"""Shared by the benches: articles read from disk and replicated to a corpus of n documents."""

from __future__ import annotations

from pathlib import Path

from comity.ingest import read_paths
from comity.model import Document
from comity.settings import Settings


def replicated(paths: list[Path], n: int, settings: Settings
               ) -> tuple[list[Document], list[Document]]:
    """(the articles read from ``paths``, those articles repeated to ``n`` documents with
    distinct ids)."""
    base = [d for d in read_paths(paths, settings=settings) if isinstance(d, Document)]
    docs = [Document(id=f"{d.id}-{i}", text=d.text, story_date=d.story_date,
                     body_start=d.body_start)
            for i in range(n // len(base) + 1) for d in base][:n]
    return base, docs
