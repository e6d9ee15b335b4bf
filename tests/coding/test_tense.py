"""Tests of comity.coding.tense: planned or occurred, and journeys told by what they are
made for (through the pipeline, on sentences written for the purpose)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from comity.model import Document
from comity.pipeline import Pipeline

# (sentence, story date, trigger word, expected status)
STATUS_CASES = [
    # a purpose shares its verb's tense
    ("Ukrainian President Volodymyr Zelensky said he would travel to Washington to meet "
     "U.S. President Donald Trump on Monday.", "2025-08-16", "meet", "planned"),
    ("Japanese Prime Minister Shigeru Ishiba travelled to Seoul on Monday to meet South "
     "Korean President Lee Jae-myung.", "2025-09-30", "meet", "occurred"),
    # what could happen has not
    ("Diplomatic sources said Lee Jae-myung and Friedrich Merz could meet on the margins of "
     "the summit in Johannesburg in November.", "2025-07-09", "meet", "planned"),
    # a gerund after what is scheduled is scheduled too
    ("European Commission President Ursula von der Leyen will fly to Beijing. On Thursday she "
     "is scheduled to be received by President Xi Jinping in the morning, before co-chairing "
     "the EU-China summit with Premier Li Qiang in the afternoon.", "2025-07-22", "summit",
     "planned"),
    # a headline's infinitive is the future
    ("Vietnam's Pham Minh Chinh to visit Laos", "2026-01-08", "visit", "planned"),
    ("Vietnam's Pham Minh Chinh visits Laos", "2026-01-08", "visits", "occurred"),
    # a nominal event takes the tense of the verb it is the subject of
    ("A meeting between Xi Jinping and Donald Trump will take place in Seoul on Friday.",
     "2025-02-18", "meeting", "planned"),
    ("The summit between Xi Jinping and Donald Trump is scheduled for Friday.", "2025-02-18",
     "summit", "planned"),
    ("A meeting between Xi Jinping and Donald Trump took place in Seoul on Friday.",
     "2025-02-18", "meeting", "occurred"),
]


@pytest.fixture(scope="module")
def pipeline() -> Iterator[Pipeline]:
    yield Pipeline()


@pytest.mark.parametrize(("text", "story", "trigger", "status"), STATUS_CASES)
def test_tense_status_of_event(pipeline: Pipeline, text: str, story: str, trigger: str,
                               status: str) -> None:
    events = [e for e in pipeline.extract(Document(
        id="t", text=text, story_date=dt.date.fromisoformat(story))) if e.trigger == trigger]
    assert [(e.type, e.status) for e in events] == [("CONSULT", status)]
