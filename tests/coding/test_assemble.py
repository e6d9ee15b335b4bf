"""Dates and places of events come from the trigger's own clause (coding/assemble.py,
coding/clause.py): a relative clause or a "since" phrase holds another time and place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from comity.model import Document
from comity.pipeline import Pipeline

# (sentence, story date, trigger word of the main event, expected date, expected place);
# the relative clauses hold events of their own, with their own dates
CASES = [
    ("Australian Prime Minister Anthony Albanese, who arrived in Shanghai on Saturday, met "
     "Chinese President Xi Jinping in Beijing on Monday.", "2023-11-06",
     "met", "2023-11-06", "Beijing"),
    ("British Prime Minister Keir Starmer, on his first trip abroad since taking office in "
     "July, met German Chancellor Olaf Scholz in Berlin on Wednesday.", "2024-08-28",
     "met", "2024-08-28", "Berlin"),
    ("Chinese President Xi Jinping, who paid a state visit to Russia in March last year, "
     "held talks with Russian President Vladimir Putin in Beijing on Thursday.",
     "2024-05-16", "talks", "2024-05-16", "Beijing"),
]


@pytest.fixture(scope="module")
def pipeline() -> Iterator[Pipeline]:
    yield Pipeline()


@pytest.mark.parametrize(("text", "story", "trigger", "day", "place"), CASES)
def test_assemble_dates_and_places_from_own_clause(pipeline: Pipeline, text: str, story: str,
                                                    trigger: str, day: str | None,
                                                    place: str | None) -> None:
    events = [e for e in pipeline.extract(Document(
        id="a", text=text, story_date=dt.date.fromisoformat(story))) if e.trigger == trigger]
    assert len(events) == 1
    ev = events[0]
    assert (ev.date.isoformat() if ev.date else None) == day
    assert (ev.location.name if ev.location else None) == place
