"""The end-to-end pipeline on hand-written sentences and on the seeds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from comity.model import Document
from comity.pipeline import Pipeline
from comity.settings import Settings


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline(Settings())


def _events(pipeline: Pipeline, text: str, day: str = "2025-03-05"):  # type: ignore[no-untyped-def]
    doc = Document(id="t", text=text, story_date=dt.date.fromisoformat(day))
    return pipeline.extract(doc)


@pytest.mark.parametrize(("text", "type_", "actor", "recipient"), [
    ("Prime Minister Phạm Minh Chính met with Cambodian Prime Minister Hun Manet in "
     "Hanoi on March 3.", "CONSULT", "Phạm Minh Chính", "Hun Manet"),
    ("Hun Sen congratulated Vietnam on its achievements.", "SUPPORT", "Hun Sen", "Vietnam"),
    ("General Secretary Tô Lâm received Cambodian Senate President Hun Sen in Hà Nội on "
     "Monday.", "CONSULT", "Hun Sen", "Tô Lâm"),
])
def test_pipeline_codes_simple_sentences(pipeline: Pipeline, text: str, type_: str,
                                         actor: str, recipient: str) -> None:
    events = _events(pipeline, text)
    assert any(e.type == type_ and e.actor and e.actor[0].name == actor and e.recipient
               and e.recipient[0].name == recipient for e in events), events


def test_pipeline_weekday_resolves_against_story_date(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Tô Lâm met Hun Sen in Phnom Penh on Monday.", "2025-03-05")
    assert events and events[0].date == dt.date(2025, 3, 3)
    assert events[0].location is not None and events[0].location.country == "KHM"


def test_pipeline_future_tense_is_planned(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Tô Lâm will meet Hun Sen in Phnom Penh on Friday.")
    assert events and events[0].status == "planned"
    assert events[0].date == dt.date(2025, 3, 7)


def test_pipeline_offsets_point_at_the_evidence(pipeline: Pipeline) -> None:
    text = "Economy grew. Tô Lâm met Hun Sen in Phnom Penh on Monday."
    events = _events(pipeline, text)
    m = events[0].mentions[0]
    assert text[m.start:m.end] == m.text and "met" in m.text


def test_pipeline_negative_text_has_no_interaction(pipeline: Pipeline) -> None:
    text = ("Vietnam's exports rose 12 percent in the first quarter, the statistics office "
            "said on Monday. Rice and coffee led the growth.")
    assert not [e for e in _events(pipeline, text) if e.kind == "interaction"]


def test_pipeline_two_settings_in_one_process() -> None:
    off = Pipeline(Settings(prefilter=False))
    on = Pipeline(Settings(prefilter=True))
    text = "Tô Lâm met Hun Sen in Phnom Penh on Monday. The weather was fine."
    doc = Document(id="t", text=text, story_date=dt.date(2025, 3, 5))
    assert [e.id for e in off.extract(doc)] == [e.id for e in on.extract(doc)]
    assert on.nlp.sentences_parsed < off.nlp.sentences_parsed


@pytest.mark.slow
def test_eval_on_seeds_matches_events(seeds_dir: Path, pipeline: Pipeline) -> None:
    from comity.evaluation_run import evaluate

    report = evaluate(seeds_dir / "gold.json", seeds_dir, pipeline=pipeline)
    data = report.to_dict()
    print("seed eval:", {k: data[k]["f1"] for k in ("interaction", "statement")})
    assert data["interaction"]["tp"] > 0 and data["statement"]["tp"] > 0
