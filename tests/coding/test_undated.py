"""Days inferred for events the text gives no day of (comity/coding/undated.py), through
the pipeline: a headline's event takes the lede's day, an undated event the day of the same
people's next dated event, a readout that names no day its story date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from comity.model import Document
from comity.pipeline import Pipeline

# (case, text, story date, trigger word, expected day)
CASES = [
    # a headline tells the news of the lede's day
    ("headline dated by its lede", "Germany expels Russian diplomats over sabotage plot\n\n"
     "Germany on Wednesday ordered two employees of the Russian Embassy in Berlin to leave "
     "the country.", "2025-10-16", "expels", "2025-10-15"),
    # an undated event takes the day the same people's next event names, a few sentences on
    ("undated lede dated by what follows", "Japanese Prime Minister Shigeru Ishiba has held "
     "talks with Indonesian President Prabowo Subianto near Jakarta. The two leaders agreed "
     "to strengthen cooperation in maritime security. Ishiba met Prabowo at the presidential "
     "palace in Bogor on Saturday.", "2025-01-12", "agreed", "2025-01-11"),
    # a readout that names no day tells what happened on the day it was issued
    ("readout naming no day", "Vladimir Putin had a telephone conversation with President "
     "of Kazakhstan Kassym-Jomart Tokayev.", "2025-10-07", "conversation", "2025-10-07"),
]


@pytest.fixture(scope="module")
def pipeline() -> Iterator[Pipeline]:
    yield Pipeline()


@pytest.mark.parametrize(("case", "text", "story", "trigger", "day"), CASES,
                         ids=[c[0] for c in CASES])
def test_undated_day_inferred(pipeline: Pipeline, case: str, text: str, story: str,
                              trigger: str, day: str) -> None:
    events = [e for e in pipeline.extract(Document(
        id="u", text=text, story_date=dt.date.fromisoformat(story))) if e.trigger == trigger]
    assert [(e.date.isoformat() if e.date else None, e.date_text) for e in events] == [
        (day, None)], case


def test_undated_visit_to_a_country_keeps_no_day(pipeline: Pipeline) -> None:
    text = ("Vietnamese PM Pham Minh Chinh visits Japan\n\nPrime Minister Pham Minh Chinh "
            "held talks with Japanese Prime Minister Shigeru Ishiba in Tokyo on Wednesday.")
    events = pipeline.extract(Document(id="v", text=text, story_date=dt.date(2025, 3, 6)))
    visits = [e for e in events if e.mode == "visit" and e.recipient[0].kind == "country"]
    assert visits and all(e.date is None for e in visits)
