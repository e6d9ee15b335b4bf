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
    # "the (Chinese) capital" is the capital of the country named, or of the host country
    ("Pakistani Foreign Minister Ishaq Dar held talks with Chinese Foreign Minister Wang Yi "
     "in the Chinese capital on Tuesday.", "2025-02-26", "talks", "2025-02-25", "Beijing"),
    ("New Zealand Prime Minister Christopher Luxon arrived in the capital on Tuesday "
     "evening for an official visit to Vietnam.", "2025-02-26", "visit", "2025-02-25",
     "Hanoi"),
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


# (case, article, story date, trigger word, expected day, expected place): the day and place
# an article's later sentences give their events
SCENE_CASES = [
    ("gerund phrase takes its clause's day",
     "Chinese President Xi Jinping met Australian Prime Minister Anthony Albanese in Beijing "
     "on Monday. Albanese is scheduled to hold talks with Chinese Premier Li Qiang on Tuesday "
     "before attending a dinner hosted by Chinese President Xi Jinping.", "2023-11-06",
     "attending", "2023-11-07", None),
    ("during the talks goes back to the talks",
     "HANOI — Vietnamese President Võ Văn Thưởng held talks with Philippine President "
     "Ferdinand Marcos Jr. on Tuesday.\n\nMarcos arrived in Hanoi on Monday for a two-day "
     "state visit.\n\nDuring the talks, the two presidents agreed to expand the rice trade.",
     "2024-01-31", "agreed", "2024-01-30", "Hanoi"),
    ("a subordinate clause's day does not set the day",
     "Japanese Prime Minister Shigeru Ishiba held talks with South Korean President Lee "
     "Jae-myung in Busan on Tuesday.\n\nThe trip came five weeks after Lee visited Tokyo on "
     "Aug. 23.\n\nIshiba praised Lee for his efforts.", "2025-09-30", "praised",
     "2025-09-30", "Busan"),
    ("an arrival told after the talks is background",
     "MANILA – President Ferdinand Marcos Jr. and New Zealand Prime Minister Christopher "
     "Luxon held talks at Malacañan Palace on Thursday.\n\nLuxon arrived in Manila on "
     "Wednesday night for a two-day official visit.\n\nMarcos thanked Luxon for New "
     "Zealand's support.", "2024-04-19", "thanked", "2024-04-18", "Manila"),
    ("that evening counts from the day named in its sentence",
     "U.S. Secretary of State Marco Rubio, who arrived in Riyadh on Monday from Israel, had "
     "been received by Saudi Crown Prince Mohammed bin Salman that evening.", "2025-02-19",
     "received", "2025-02-17", "Riyadh"),
    # (and Dar, in Beijing from Monday to Wednesday, held those talks there)
    ("a day earlier counts from the running day, not a day in a relative clause",
     "Pakistani Foreign Minister Ishaq Dar met Chinese Foreign Minister Wang Yi in Beijing on "
     "Wednesday. Dar, who arrived in Beijing on Monday, had held talks with Chinese Vice "
     "President Han Zheng a day earlier.", "2025-05-22", "talks", "2025-05-20", "Beijing"),
    ("the following day is one day on",
     "Chinese President Xi Jinping met Cambodian Prime Minister Hun Manet on Thursday. The "
     "following day, Xi met Senate President Hun Sen.", "2025-04-19", "met", "2025-04-18",
     None),
]
SCENE_CASES += [
    ("a protest sets no scene for a statement",
     "Protesters attacked the French embassy in Kinshasa on Tuesday. UN Secretary-General "
     "António Guterres urged Rwanda to withdraw its troops from Congo on Tuesday.",
     "2025-01-29", "urged", "2025-01-28", None),
]
SCENE_CASES += [
    ("an invitation is dated and placed by the talks, not by the visit it asks for",
     "Italian Prime Minister Giorgia Meloni met Argentine President Javier Milei at the Casa "
     "Rosada on Wednesday. Meloni invited the Argentine president to Rome next year.",
     "2024-11-21", "invited", "2024-11-20", "Buenos Aires"),
    ("an invitation to visit a place next year",
     "Philippine President Ferdinand Marcos Jr. met Indian Prime Minister Narendra Modi at "
     "Hyderabad House on Tuesday. Marcos invited Modi to visit Manila next year.",
     "2025-08-06", "invited", "2025-08-05", "New Delhi"),
]
SCENE_CASES += [
    ("the day of the lede is the running day of what follows",
     "MANILA – Japan and the Philippines deepened their defence ties on Tuesday, with the two "
     "governments signing a reciprocal access pact. Japanese Prime Minister Shigeru Ishiba "
     "held talks with Philippine President Ferdinand Marcos Jr. at Malacañang Palace.",
     "2025-05-01", "talks", "2025-04-29", "Manila"),
    ("the same person a day earlier is still on that trip",
     "U.S. Secretary of State Marco Rubio met Chinese Foreign Minister Wang Yi in Kuala Lumpur "
     "on Friday. Rubio also met Russian Foreign Minister Sergei Lavrov on Thursday.",
     "2025-07-12", "met", "2025-07-10", "Kuala Lumpur"),
    ("capitals a statement is addressed to are not its place",
     "Ukrainian President Volodymyr Zelenskyy called on Washington, Beijing and the European "
     "capitals on Thursday to respond to the strike.", "2025-08-29", "called", "2025-08-28",
     None),
    ("other people on another day are not placed there",
     "U.S. Secretary of State Marco Rubio met Chinese Foreign Minister Wang Yi in Kuala Lumpur "
     "on Friday. On Saturday, Chinese President Xi Jinping met Brazilian President Luiz Inácio "
     "Lula da Silva.", "2025-07-12", "met", "2025-07-12", None),
]
ITINERARY = (
    "TOKYO, Jan. 8 (Kyodo) -- Japanese Foreign Minister Yoko Kamikawa will visit Vietnam on "
    "Tuesday and Wednesday next week.\n\nKamikawa will hold talks with Vietnamese Foreign "
    "Minister Bùi Thanh Sơn in Hanoi on Wednesday.\n\nShe is also scheduled to call on Prime "
    "Minister Phạm Minh Chính the same day.")
# a weekday told after "next week" is next week's, "the same day" is that planned day, and
# a planned visit abroad is not placed at the dateline
SCENE_CASES += [
    ("planned visit abroad", ITINERARY, "2026-01-08", "visit", "2026-01-13", None),
    ("planned talks next week", ITINERARY, "2026-01-08", "talks", "2026-01-14", "Hanoi"),
    ("the same day as a planned event", ITINERARY, "2026-01-08", "call", "2026-01-14",
     "Hanoi"),
    # the same two countries a day before are still on that trip
    ("the same two countries a day before", "Pakistan, China and Afghanistan agreed on "
     "Wednesday to extend the economic corridor at a trilateral meeting of their foreign "
     "ministers hosted by Chinese Foreign Minister Wang Yi in Beijing. Pakistani Foreign "
     "Minister Ishaq Dar, who arrived on Monday, held bilateral talks with Mr Wang a day "
     "earlier.", "2025-05-22", "talks", "2025-05-20", "Beijing"),
    # a journey on from the event ("before returning to Islamabad") is the next stop
    ("onward journey is not the place", "Pakistani Foreign Minister Ishaq Dar met Chinese "
     "Foreign Minister Wang Yi in Beijing on Tuesday. Dar is also expected to call on Chinese "
     "Vice President Han Zheng on Wednesday before returning to Islamabad.", "2025-02-25",
     "call", "2025-02-26", None),
    ("a visit the onward journey is made for is there", "South Korean President Lee "
     "Jae-myung is expected to hold a meeting with Indian Prime Minister Narendra Modi on "
     "Sunday before flying to Ankara on Monday for a state visit to Turkiye.", "2025-11-22",
     "visit", "2025-11-24", "Ankara"),
]


@pytest.mark.parametrize(("case", "text", "story", "trigger", "day", "place"), SCENE_CASES,
                         ids=[c[0] for c in SCENE_CASES])
def test_assemble_day_and_place_of_later_events(pipeline: Pipeline, case: str, text: str,
                                                story: str, trigger: str, day: str,
                                                place: str | None) -> None:
    events = [e for e in pipeline.extract(Document(
        id="a", text=text, story_date=dt.date.fromisoformat(story))) if e.trigger == trigger]
    got = [(e.date.isoformat() if e.date else None, e.location.name if e.location else None)
           for e in events]
    assert (day, place) in got, case


def test_assemble_statement_by_someone_not_at_the_scene_has_no_place(
        pipeline: Pipeline) -> None:
    text = ("Israeli jets struck a building in Doha on Tuesday. Qatari Prime Minister "
            "Mohammed bin Abdulrahman Al Thani condemned the attack in Doha on Tuesday. Saudi "
            "Arabia and Egypt also condemned the attack.")
    events = pipeline.extract(Document(id="s", text=text, story_date=dt.date(2025, 9, 9)))
    places = {e.actor[0].name: e.location.name if e.location else None for e in events
              if e.type == "ACCUSE"}
    assert places == {"Mohammed bin Abdulrahman Al Thani": "Doha", "Saudi Arabia": None,
                      "Egypt": None}


@pytest.mark.parametrize(("case", "last"), [
    ("a place something goes to is not where a statement is made",
     "Anwar thanked Turkey for its humanitarian aid to Gaza."),
    ("a visit dated only by its month sets no scene", "Anwar thanked Turkey for its support."),
])
def test_assemble_statement_after_a_call_has_no_place(pipeline: Pipeline, case: str,
                                                      last: str) -> None:
    text = ("Malaysian Prime Minister Anwar Ibrahim received a telephone call from Turkish "
            "President Recep Tayyip Erdogan on Sunday. Erdogan paid an official visit to "
            "Kuala Lumpur in February. " + last)
    events = pipeline.extract(Document(id="c", text=text, story_date=dt.date(2025, 5, 12)))
    assert [e.location for e in events if e.type == "SUPPORT"] == [None], case
