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
    # a meeting a journey is made for takes the journey's date and destination
    ("Indian Prime Minister Narendra Modi will travel to Paris on Thursday to meet French "
     "President Emmanuel Macron.", "2025-02-10", "meet", "2025-02-13", "Paris"),
    ("Indian Prime Minister Narendra Modi will fly to Washington on Wednesday for talks with "
     "U.S. President Donald Trump.", "2025-02-10", "talks", "2025-02-12", "Washington"),
    ("New Zealand Prime Minister Christopher Luxon will fly to Tokyo later on Friday, where "
     "he is scheduled to meet Japanese Prime Minister Fumio Kishida on Saturday.",
     "2024-04-19", "meet", "2024-04-20", "Tokyo"),
    ("Philippine President Ferdinand Marcos Jr. met New Zealand Prime Minister Christopher "
     "Luxon in Manila on Thursday. Luxon will fly to Tokyo on Friday, where he will meet "
     "Japanese Prime Minister Fumio Kishida.", "2024-04-18", "meet", "2024-04-19", "Tokyo"),
]

# (sentence, story date, trigger word, expected status): a purpose shares its verb's tense
STATUS_CASES = [
    ("Ukrainian President Volodymyr Zelensky said he would travel to Washington to meet "
     "U.S. President Donald Trump on Monday.", "2025-08-16", "meet", "planned"),
    ("Japanese Prime Minister Shigeru Ishiba travelled to Seoul on Monday to meet South "
     "Korean President Lee Jae-myung.", "2025-09-30", "meet", "occurred"),
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


@pytest.mark.parametrize(("text", "story", "trigger", "status"), STATUS_CASES)
def test_assemble_purpose_shares_status_of_journey(pipeline: Pipeline, text: str, story: str,
                                                   trigger: str, status: str) -> None:
    events = [e for e in pipeline.extract(Document(
        id="a", text=text, story_date=dt.date.fromisoformat(story))) if e.trigger == trigger]
    assert [e.status for e in events] == [status]


VISIT_TOLD_TWICE = (
    "Vietnamese Prime Minister Phạm Minh Chính held talks with visiting Lao Prime Minister "
    "Sonexay Siphandone in Hanoi on Thursday.\n\nSonexay is on an official visit to Vietnam "
    "from January 8 to 10.")


def test_assemble_one_visit_told_twice_is_one_event_dated_by_its_first_day(
        pipeline: Pipeline) -> None:
    events = pipeline.extract(Document(id="a", text=VISIT_TOLD_TWICE,
                                       story_date=dt.date(2025, 1, 9)))
    visits = [e for e in events if e.type == "CONSULT" and e.recipient
              and e.recipient[0].kind == "country"]
    assert len(visits) == 1
    assert visits[0].date == dt.date(2025, 1, 8)
    assert visits[0].num_mentions == 2


SPAN_THEN_TALKS = (
    "Vietnamese President Lương Cường is on a state visit to Chile from Nov. 10 to 13.\n\n"
    "At the talks, Chilean President Gabriel Boric welcomed Cuong and praised Vietnam.")


def test_assemble_span_of_a_visit_does_not_date_later_events(pipeline: Pipeline) -> None:
    # the visit's first day is the visit's date, not the day of the talks told after it
    events = pipeline.extract(Document(id="a", text=SPAN_THEN_TALKS,
                                       story_date=dt.date(2024, 11, 12)))
    visit = [e for e in events if e.recipient and e.recipient[0].kind == "country"
             and e.type == "CONSULT"]
    later = [e for e in events if e.trigger in {"welcomed", "praised"}]
    assert [e.date for e in visit] == [dt.date(2024, 11, 10)]
    assert later and all(e.date != dt.date(2024, 11, 10) for e in later)


GERUND_AFTER_DATED_CLAUSE = (
    "Chinese President Xi Jinping met Australian Prime Minister Anthony Albanese in Beijing "
    "on Monday. Albanese is scheduled to hold talks with Chinese Premier Li Qiang on Tuesday "
    "before attending a dinner hosted by Chinese President Xi Jinping.")


def test_assemble_gerund_phrase_takes_date_of_its_clause(pipeline: Pipeline) -> None:
    # "before attending a dinner" has no time of its own: Tuesday, not the running Monday
    events = pipeline.extract(Document(id="a", text=GERUND_AFTER_DATED_CLAUSE,
                                       story_date=dt.date(2023, 11, 6)))
    dinner = [e for e in events if e.trigger == "attending"]
    assert [e.date for e in dinner] == [dt.date(2023, 11, 7)]


# (article, trigger word, expected place): the dateline is where a meeting told without
# another place happened, not where fighting or a phone call did
DATELINE_CASES = [
    ("PHNOM PENH, April 17 (Reuters) - Chinese President Xi Jinping held talks with Cambodian "
     "Prime Minister Hun Manet on Thursday.", "talks", "Phnom Penh"),
    ("BANGKOK, July 24 (Reuters) - Thai and Cambodian troops exchanged fire along the border "
     "on Thursday.", "exchanged", None),
    ("TOKYO, Oct. 2 (Kyodo) -- Japanese Prime Minister Shigeru Ishiba held telephone talks "
     "with South Korean President Yoon Suk Yeol on Wednesday.", "talks", None),
    ("New Delhi, Jun 18 (PTI) External Affairs Minister S Jaishankar held a phone "
     "conversation with Iranian Foreign Minister Abbas Araghchi on Tuesday night.",
     "conversation", None),
]


@pytest.mark.parametrize(("text", "trigger", "place"), DATELINE_CASES)
def test_assemble_dateline_places_meetings_only(pipeline: Pipeline, text: str, trigger: str,
                                                place: str | None) -> None:
    events = [e for e in pipeline.extract(Document(id="a", text=text,
                                                   story_date=dt.date(2025, 4, 17)))
              if e.trigger == trigger]
    assert [e.location.name if e.location else None for e in events] == [place]


BACK_TO_THE_TALKS = (
    "HANOI — Vietnamese President Võ Văn Thưởng held talks with Philippine President "
    "Ferdinand Marcos Jr. on Tuesday.\n\nMarcos arrived in Hanoi on Monday for a two-day state "
    "visit.\n\nDuring the talks, the two presidents agreed to expand the rice trade.")


def test_assemble_during_the_talks_takes_the_talks_day_and_place(pipeline: Pipeline) -> None:
    # the arrival on Monday is told after the talks; "during the talks" goes back to them
    events = pipeline.extract(Document(id="a", text=BACK_TO_THE_TALKS,
                                       story_date=dt.date(2024, 1, 31)))
    agreed = [e for e in events if e.trigger == "agreed"]
    assert [(e.date, e.location.name if e.location else None) for e in agreed] == [
        (dt.date(2024, 1, 30), "Hanoi")]


def test_assemble_subordinate_clause_date_does_not_set_the_day(pipeline: Pipeline) -> None:
    text = ("Japanese Prime Minister Shigeru Ishiba held talks with South Korean President "
            "Lee Jae-myung in Busan on Tuesday.\n\nThe trip came five weeks after Lee "
            "visited Tokyo on Aug. 23.\n\nIshiba praised Lee for his efforts.")
    events = pipeline.extract(Document(id="a", text=text, story_date=dt.date(2025, 9, 30)))
    thanks = [e for e in events if e.trigger == "praised"]
    assert [e.date for e in thanks] == [dt.date(2025, 9, 30)]


ARRIVAL_AFTER_TALKS = (
    "MANILA – President Ferdinand Marcos Jr. and New Zealand Prime Minister Christopher Luxon "
    "held talks at Malacañan Palace on Thursday.\n\nLuxon arrived in Manila on Wednesday night "
    "for a two-day official visit.\n\nMarcos thanked Luxon for New Zealand's support.")


def test_assemble_arrival_told_after_the_talks_is_background(pipeline: Pipeline) -> None:
    events = pipeline.extract(Document(id="a", text=ARRIVAL_AFTER_TALKS,
                                       story_date=dt.date(2024, 4, 19)))
    thanks = [e for e in events if e.trigger == "thanked"]
    assert [(e.date, e.location.name if e.location else None) for e in thanks] == [
        (dt.date(2024, 4, 18), "Manila")]


# (article, story date, trigger, expected date): anaphoric days count from the last day named
ANAPHORA_CASES = [
    ("U.S. Secretary of State Marco Rubio, who arrived in Riyadh on Monday from Israel, had "
     "been received by Saudi Crown Prince Mohammed bin Salman that evening.", "2025-02-19",
     "received", "2025-02-17"),
    ("Chinese President Xi Jinping met Cambodian Prime Minister Hun Manet on Thursday. The "
     "following day, Xi met Senate President Hun Sen.", "2025-04-19", "met", "2025-04-18"),
]


@pytest.mark.parametrize(("text", "story", "trigger", "day"), ANAPHORA_CASES)
def test_assemble_anaphoric_day_counts_from_last_day_named(pipeline: Pipeline, text: str,
                                                            story: str, trigger: str,
                                                            day: str) -> None:
    events = [e for e in pipeline.extract(Document(
        id="a", text=text, story_date=dt.date.fromisoformat(story))) if e.trigger == trigger]
    assert day in [e.date.isoformat() for e in events if e.date]


ITINERARY = (
    "TOKYO, Jan. 8 (Kyodo) -- Japanese Foreign Minister Yoko Kamikawa will visit Vietnam on "
    "Tuesday and Wednesday next week.\n\nKamikawa will hold talks with Vietnamese Foreign "
    "Minister Bùi Thanh Sơn in Hanoi on Wednesday.\n\nShe is also scheduled to call on Prime "
    "Minister Phạm Minh Chính the same day.")


def test_assemble_planned_itinerary_days_and_places(pipeline: Pipeline) -> None:
    # story on a Thursday: "Wednesday" after "next week" is next week's; "the same day" is
    # that Wednesday; a planned visit abroad is not placed at the dateline
    events = pipeline.extract(Document(id="a", text=ITINERARY, story_date=dt.date(2026, 1, 8)))
    got = {(e.recipient[0].name, e.date, e.location.name if e.location else None)
           for e in events if e.type == "CONSULT" and e.recipient}
    assert ("Vietnam", dt.date(2026, 1, 13), None) in got
    assert ("Bùi Thanh Sơn", dt.date(2026, 1, 14), "Hanoi") in got
    assert ("Phạm Minh Chính", dt.date(2026, 1, 14), "Hanoi") in got
