"""The extraction pipeline: Document -> nlp -> actors -> coding -> dates/places -> Events.

``Pipeline`` holds the loaded resources (spaCy, knowledge base, lexicon, gazetteer) for one
``Settings``; two pipelines with different settings can live in one process.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from comity.model import Document, Event, ExtractionResult
from comity.settings import Settings

log = logging.getLogger(__name__)


class Pipeline:
    """Extract coded events from documents."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()

    def extract(self, document: Document) -> list[Event]:
        """Events of one document."""
        return list(next(self.extract_many([document])).events)

    def extract_many(self, documents: Iterable[Document]) -> Iterator[ExtractionResult]:
        """One :class:`ExtractionResult` per document, streaming, in input order."""
        for doc in documents:
            yield ExtractionResult(document=doc, events=())
