"""The end-to-end pipeline on hand-written sentences and on the seeds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from comity.actors.kb import load_kb
from comity.actors.titles import load_titles
from comity.coding.lexicon import load_lexicon
from comity.ingest import read_paths
from comity.model import Document
from comity.output import event_to_record
from comity.pipeline import Pipeline, Prefilter, has_name, make_prefilter
from comity.settings import Settings

REPO = Path(__file__).resolve().parents[1]


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


@pytest.fixture(scope="module")
def prefilter() -> Prefilter:
    return make_prefilter(load_lexicon(), load_kb(None), load_titles())


@pytest.fixture(scope="module")
def unfiltered() -> Pipeline:
    return Pipeline(Settings(prefilter=False))


@pytest.mark.parametrize(("text", "expected"), [
    ("Tô Lâm met Hun Sen.", True),
    ("The two leaders held a meeting in Hanoi.", True),
    ("He visited the museum.", True),
    ("The ministers co-chaired the session.", True),
    ("The talks ended late.", True),
    ("The runner covered 400 metres in record time.", False),
    ("Metal prices rose.", False),
    ("Rain fell across the north on Monday.", False),
])
def test_prefilter_trigger_words(prefilter: Prefilter, text: str, expected: bool) -> None:
    assert prefilter.has_trigger(text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Hun Sen spoke.", True),
    ("HUN SEN spoke.", True),
    ("Vietnam grew fast.", True),
    ("The Cambodian economy grew.", True),
    ("The US embassy opened.", True),
    ("Tell us more.", False),
    ("Ships of the PLAN sailed.", True),
    ("The plan was approved.", False),
    ("President Xandor Velmark spoke.", True),
    ("The president spoke.", False),
    ("Coren Group shares fell.", False),
    ("The deal was a win for Bangkok.", False),
    ("Talks with Bangkok went well.", True),
    ("Bangkok welcomed the move.", True),
    ("BANGKOK - Shares fell.", False),
    ("A delegation from Perth arrived.", True),
])
def test_prefilter_actor_cues(prefilter: Prefilter, text: str, expected: bool) -> None:
    assert prefilter.has_actor(text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Evan Gershkovich freed.", True),
    ("Talks with Ahmad bin Ali ended.", True),
    ("The talks ended in Perth.", False),
])
def test_prefilter_name_like(text: str, expected: bool) -> None:
    assert has_name(text) is expected


@pytest.mark.parametrize(("sentences", "expected"), [
    # from the first actor cue to the last trigger sentence
    (["Rain fell in the capital.", "Tô Lâm met Hun Sen.", "The weather was fine."],
     [False, True, False]),
    # a context sentence with no trigger is kept: a later "he" or short name needs it
    (["Japanese Prime Minister Fumio Kishida is in Hanoi this week.", "It is his first trip.",
      "Kishida met the Vietnamese prime minister on Monday."], [True, True, True]),
    # no actor cue before the last trigger: nothing to parse
    (["Coren Group shares met resistance.", "The team visited the stadium."],
     [False, False]),
    (["The team visited the stadium.", "Vietnam grew fast."], [False, False]),
    # an unknown name before the first actor cue starts the discourse
    (["Evan Gershkovich freed in swap.", "Rain fell.", "Russia released him on Thursday."],
     [True, True, True]),
    ([], []),
])
def test_prefilter_keeps_first_actor_to_last_trigger(prefilter: Prefilter,
                                                      sentences: list[str],
                                                      expected: list[bool]) -> None:
    assert prefilter(sentences) == expected


@pytest.mark.parametrize("text", [
    # the actor is named in a sentence with no trigger, referred to in the next
    "Japanese Foreign Minister Yoko Kamikawa is in Vientiane this week. She met Lao Foreign "
    "Minister Saleumxay Kommasith on Monday. The weather was fine.",
    "Economy grew. Tô Lâm met Hun Sen in Phnom Penh on Monday. Rain fell.",
    "Prime Minister Hun Manet is in Hanoi. Hun Manet said relations were excellent. The "
    "Cambodian leader praised Vietnam. Shares rose.",
    "Coren Group shares met resistance. The team visited the stadium.",
])
def test_prefilter_keeps_events(pipeline: Pipeline, unfiltered: Pipeline, text: str) -> None:
    doc = Document(id="t", text=text, story_date=dt.date(2025, 3, 5))
    assert pipeline.settings.prefilter
    assert pipeline.extract(doc) == unfiltered.extract(doc)


def test_pipeline_extract_many_batches_like_one_at_a_time(pipeline: Pipeline) -> None:
    texts = ["Tô Lâm met Hun Sen in Phnom Penh on Monday.", "Rain fell.", "",
             "Hun Manet visited Vietnam. He met Tô Lâm.", "Economy grew. Prices rose."]
    docs = [Document(id=f"d{i}", text=t, story_date=dt.date(2025, 3, 5))
            for i, t in enumerate(texts * 15)]
    many = list(pipeline.extract_many(docs))
    assert [r.document.id for r in many] == [d.id for d in docs]
    assert [r.events for r in many] == [pipeline.process(d).events for d in docs]


def _event_records(pipeline: Pipeline, folder: Path) -> list[list[str]]:
    import json

    docs = [d for d in read_paths([folder], settings=pipeline.settings)
            if isinstance(d, Document)]
    assert docs
    return [[json.dumps(event_to_record(e), sort_keys=True) for e in r.events]
            for r in pipeline.extract_many(docs)]


@pytest.mark.slow
def test_prefilter_same_events_on_seeds_and_devset(seeds_dir: Path, pipeline: Pipeline,
                                                   unfiltered: Pipeline) -> None:
    for folder in (seeds_dir, REPO / "tests" / "devset" / "articles"):
        assert _event_records(pipeline, folder) == _event_records(unfiltered, folder)


@pytest.mark.slow
def test_eval_on_seeds_matches_events(seeds_dir: Path, pipeline: Pipeline) -> None:
    from comity.evaluation_run import evaluate

    report = evaluate(seeds_dir / "gold.json", seeds_dir, pipeline=pipeline)
    data = report.to_dict()
    print("seed eval:", {k: data[k]["f1"] for k in ("interaction", "statement")})
    assert data["interaction"]["tp"] > 0 and data["statement"]["tp"] > 0
