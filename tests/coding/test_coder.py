"""The coder on hand-written sentences covering the 16 PLOVER types (plover_cases.tsv).

Each case gives the expected type, actor and recipient of one wire-style sentence; a case is
coded correctly when the pipeline returns an event of that type whose actor and recipient
resolve to the expected ones (an unordered pair when the event is symmetric). Issue 4 asks
for at least five correct sentences per type: the test per type prints its misses and the
count, and asserts the five.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from comity.coding.lexicon import PLOVER_TYPES
from comity.evaluate import GoldEvent, Scorer
from comity.model import Document
from comity.pipeline import Pipeline

CASES = Path(__file__).with_name("plover_cases.tsv")
MIN_CORRECT = 5
PLOVER_TYPE_NAMES = sorted(PLOVER_TYPES)


@dataclass(frozen=True)
class Case:
    """One sentence with its expected event."""

    type: str
    actor: str
    recipient: str | None
    story_date: dt.date
    sentence: str


def load_cases() -> list[Case]:
    """The case table (tab-separated, one header line)."""
    with CASES.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [Case(type=r["type"], actor=r["actor"], recipient=r["recipient"] or None,
                 story_date=dt.date.fromisoformat(r["story_date"]), sentence=r["sentence"])
            for r in rows]


@pytest.fixture(scope="module")
def pipeline() -> Iterator[Pipeline]:
    yield Pipeline()


def coded_correctly(pipeline: Pipeline, scorer: Scorer, case: Case) -> bool:
    events = pipeline.extract(Document(id="case", text=case.sentence,
                                       story_date=case.story_date))
    gold = GoldEvent(kind="case", type=case.type, source=case.actor, target=case.recipient,
                     date=None, status="occurred", location=None, location_country=None,
                     mode=None, cluster=None, symmetric=True)
    return any(scorer.matches(gold, ev) for ev in events)


def test_plover_cases_cover_every_type_with_five_sentences() -> None:
    cases = load_cases()
    for plover_type in PLOVER_TYPE_NAMES:
        assert sum(c.type == plover_type for c in cases) >= MIN_CORRECT, plover_type


@pytest.mark.parametrize("plover_type", PLOVER_TYPE_NAMES)
def test_coder_codes_plover_type(pipeline: Pipeline, plover_type: str) -> None:
    scorer = Scorer(pipeline.kb)
    cases = [c for c in load_cases() if c.type == plover_type]
    misses = [c for c in cases if not coded_correctly(pipeline, scorer, c)]
    correct = len(cases) - len(misses)
    print(f"\n{plover_type}: {correct}/{len(cases)} coded correctly")
    for c in misses:
        print(f"  missed: {c.actor} -> {c.recipient}: {c.sentence}")
    assert correct >= MIN_CORRECT


# ---------------------------------------------------------------------- rules
# (sentence or short article, story date, expected events as (type, actor, recipient);
#  an empty list means no event). Hand-written for the rules of coder.py.
RULE_CASES = [
    ("received a call from: the caller acts",
     "Prime Minister Anwar Ibrahim received a telephone call from Turkish President Recep "
     "Tayyip Erdoğan last night.", "2025-05-12",
     [("CONSULT", "Recep Tayyip Erdoğan", "Anwar Ibrahim")]),
    ("call on without an infinitive is a courtesy call",
     "Singapore's Foreign Minister Vivian Balakrishnan will call on Prime Minister Phạm Minh "
     "Chính in Hanoi.", "2025-03-03",
     [("CONSULT", "Vivian Balakrishnan", "Phạm Minh Chính")]),
    ("call on with an infinitive is an appeal",
     "Malaysian Prime Minister Anwar Ibrahim called on the Myanmar junta to extend the "
     "ceasefire.", "2025-04-05", [("REQUEST", "Anwar Ibrahim", "Myanmar")]),
    ("an appeal to two states is one appeal to each",
     "UN Secretary-General António Guterres urged Thailand and Cambodia to agree to an "
     "immediate ceasefire.", "2025-07-26",
     [("REQUEST", "António Guterres", "Thailand"), ("REQUEST", "António Guterres", "Cambodia")]),
    ("a reaffirmation is no agreement",
     "Vietnam and Laos agreed to continue deepening their special relationship.", "2025-01-10",
     []),
    ("an agreement to act is one",
     "Vietnam and Laos agreed to open two new border checkpoints next year.", "2025-01-10",
     [("AGREE", "Vietnam", "Laos")]),
    ("a domestic appeal is no dyadic event",
     "Prime Minister Hun Manet urged young Cambodians to learn foreign languages.",
     "2025-05-20", []),
    ("a meeting with two people is one meeting with each",
     "President Ferdinand Marcos Jr. also met Prime Minister Phạm Minh Chính and General "
     "Secretary Nguyễn Phú Trọng.", "2024-01-31",
     [("CONSULT", "Ferdinand Marcos Jr.", "Phạm Minh Chính"),
      ("CONSULT", "Ferdinand Marcos Jr.", "Nguyễn Phú Trọng")]),
    ("nationality-marked troops are their countries",
     "Thai and Cambodian troops exchanged fire along the border on Thursday.", "2025-07-24",
     [("ASSAULT", "Thailand", "Cambodia")]),
    ("a passive clause inherits no actor from its main clause",
     "The Thai army stayed on alert after a Cambodian soldier was killed in a brief "
     "firefight.", "2025-05-29", []),
    ("a pronoun subject of a reported clause is the reporter",
     "Israel said it had carried out air strikes on Syrian army positions overnight.",
     "2024-12-10", [("ASSAULT", "Israel", "Syria")]),
    ("the topic of a protest is not the protester's act",
     "South Korea lodged a protest with Japan over the sanctions.", "2019-07-04",
     [("ACCUSE", "South Korea", "Japan")]),
    ("coordinated verbs of one type between the same parties are one act",
     "Vietnam recalled its ambassador from Beijing and expelled two Chinese diplomats on "
     "Friday.", "2024-05-10", [("SANCTION", "Vietnam", "China")]),
    ("a vehicle's cargo is what is sent",
     "Japan flew two transport aircraft carrying relief supplies to Manila after the "
     "typhoon.", "2024-11-02", [("AID", "Japan", "Philippines")]),
    ("a state's deed reported by its minister stays the state's",
     "Indonesian Foreign Minister Sugiono said on Monday that Indonesia had sent a medical "
     "team to Myanmar.", "2025-03-31", [("AID", "Indonesia", "Myanmar")]),
    ("an object of the actor's own nationality is what is sent, not its receiver",
     "Malaysia sent a Malaysian rescue team to Myanmar on Sunday.", "2025-03-31",
     [("AID", "Malaysia", "Myanmar")]),
    ("a protest lodged in a country's name is the speaker's",
     "Japanese Foreign Minister Yoko Kamikawa said Tokyo had lodged a protest with Beijing.",
     "2024-08-27", [("ACCUSE", "Yoko Kamikawa", "China")]),
    ("protesters named by no nationality are the people of the place",
     "In Manila, hundreds of activists rallied outside the Chinese embassy on Friday.",
     "2024-06-21", [("PROTEST", "Philippines", "China")]),
    ("a release is made to the state of the people freed",
     "Poland and Germany freed eight Russians on Thursday.", "2024-08-01",
     [("RETREAT", "Poland", "Russia")]),
    ("a release of a named person is made to the state named with them",
     "Iran freed French aid worker Olivier Grondeau on Thursday.", "2025-03-20",
     [("RETREAT", "Iran", "France")]),
    ("states releasing together do not release to each other",
     "Russia and Belarus released 16 prisoners on Thursday.", "2024-08-01", []),
    ("a second infinitive of an agreement is its content",
     "Vietnam and Laos agreed to set up a joint working group and to cooperate closely on "
     "border security.", "2025-01-10", [("AGREE", "Vietnam", "Laos")]),
    ("what thanks are expressed for is not an event",
     "Lao Prime Minister Sonexay Siphandone expressed thanks to Japan for its generous "
     "assistance.", "2024-12-20", [("SUPPORT", "Sonexay Siphandone", "Japan")]),
    ("a refusal to sign is no signing",
     "The United States and Britain declined to sign the final communique.", "2025-02-11",
     []),
    ("a possible deed is no deed",
     "Officials said Thailand and Malaysia could cooperate on border patrols.", "2025-02-11",
     []),
    ("an accepted invitation answers the inviter",
     "Prime Minister Anthony Albanese invited President Prabowo Subianto to visit Australia, "
     "and Prabowo accepted the invitation.", "2025-05-15",
     [("AGREE", "Anthony Albanese", "Prabowo Subianto"),
      ("AGREE", "Prabowo Subianto", "Anthony Albanese")]),
    ("a denial answers the last accusation against its state",
     "Vietnam accused China of ramming a fishing boat near the Paracel Islands. Beijing "
     "denied the accusation.", "2024-10-03",
     [("ACCUSE", "Vietnam", "China"), ("REJECT", "China", "Vietnam")]),
    ("an offer to mediate is made to both parties and a rejection answers it",
     "China offered to mediate between Thailand and Cambodia. Thailand rejected third-party "
     "mediation.", "2025-07-26",
     [("AGREE", "China", "Thailand"), ("AGREE", "China", "Cambodia"),
      ("REJECT", "Thailand", "China")]),
    ("thanks to two people, each for his part, is one to each",
     "Cambodian Prime Minister Hun Manet thanked Anwar Ibrahim for his mediation and U.S. "
     "President Donald Trump for his support.", "2025-07-28",
     [("SUPPORT", "Hun Manet", "Anwar Ibrahim"), ("SUPPORT", "Hun Manet", "Donald Trump")]),
    ("congratulations to both leaders is one to each",
     "U.S. President Donald Trump spoke with Hun Manet and Phumtham Wechayachai. Trump "
     "congratulated both leaders.", "2025-07-28",
     [("CONSULT", "Donald Trump", "Hun Manet"), ("SUPPORT", "Donald Trump", "Hun Manet"),
      ("SUPPORT", "Donald Trump", "Phumtham Wechayachai")]),
    ("a rejection that answers nothing is not coded",
     "Thailand rejected the report as baseless.", "2025-07-26", []),
    ("a signed first-person release speaks for its signatory",
     "Media release\n\nToday I held talks with Prime Minister Phạm Minh Chính in Hanoi.\n\n"
     "The Hon Anthony Albanese MP\nPrime Minister of Australia", "2023-06-04",
     [("CONSULT", "Anthony Albanese", "Phạm Minh Chính")]),
    ("a stated readiness is an agreement, by the speaker",
     "Chinese Foreign Minister Wang Yi said China was willing to work with Thailand on the "
     "high-speed railway.", "2025-07-11", [("AGREE", "Wang Yi", "Thailand")]),
    ("a stated hope about another state is an appeal to it",
     "China's foreign ministry said on Tuesday that it hoped the Philippines would refrain "
     "from actions that complicate the situation.", "2024-01-31",
     [("REQUEST", "China", "Philippines")]),
    ("an envoy named in apposition after his title calls on the host",
     "Prime Minister Hun Manet received a courtesy call from the newly appointed Ambassador "
     "of Japan to Cambodia, Kenji Morimoto, at the Peace Palace on Monday. On the same day, "
     "the ambassador also paid a courtesy call on Cambodian Minister of Foreign Affairs Sok "
     "Chenda Sophea at the ministry.", "2025-03-04",
     [("CONSULT", "Kenji Morimoto", "Hun Manet"),
      ("CONSULT", "Kenji Morimoto", "Sok Chenda Sophea")]),
    ("a call on a titled name and the person coordinated with it",
     "Australian Foreign Minister Penny Wong will call on General Secretary of the Communist "
     "Party of Vietnam Tô Lâm and President Lương Cường.", "2025-03-04",
     [("CONSULT", "Penny Wong", "Tô Lâm"), ("CONSULT", "Penny Wong", "Lương Cường")]),
    ("a planned journey for a meeting is the meeting",
     "Ukrainian President Volodymyr Zelensky will travel to Washington on Monday to meet U.S. "
     "President Donald Trump.", "2025-08-16",
     [("CONSULT", "Volodymyr Zelensky", "Donald Trump")]),
    ("an arrival for a state visit is the visit",
     "Philippine President Ferdinand Marcos Jr. arrived in Hanoi on Monday for a two-day "
     "state visit.", "2024-01-30", [("CONSULT", "Ferdinand Marcos Jr.", "Vietnam")]),
    ("a visit named with its destination beside a reception is reported",
     "British Prime Minister Keir Starmer, on his first visit to Berlin, was greeted with "
     "military honours by German Chancellor Olaf Scholz.", "2024-08-28",
     [("CONSULT", "Keir Starmer", "Germany"), ("CONSULT", "Keir Starmer", "Olaf Scholz")]),
    ("a meeting named after both sides' ministers is held by its subject",
     "Australian Foreign Minister Penny Wong held an Australia-Indonesia Foreign Ministers' "
     "Meeting with Indonesian Foreign Minister Sugiono in Jakarta.", "2025-03-04",
     [("CONSULT", "Penny Wong", "Sugiono")]),
    ("a signing told with country names is that of the leaders in talks",
     "Vietnam and the Philippines signed two agreements on Tuesday as Vietnamese President "
     "Võ Văn Thưởng held talks with Philippine President Ferdinand Marcos Jr. in Hanoi.",
     "2024-01-30", [("SUPPORT", "Võ Văn Thưởng", "Ferdinand Marcos Jr."),
                    ("CONSULT", "Ferdinand Marcos Jr.", "Võ Văn Thưởng")]),
    ("the leader of a delegation on a visit is the visitor",
     "Yunnan Vice Governor Zhang Guohua, who is leading a trade delegation on a three-day "
     "visit to Laos, praised the progress of the railway. The Yunnan delegation is scheduled "
     "to pay a courtesy call on Prime Minister Sonexay Siphandone on Friday.", "2024-09-03",
     [("CONSULT", "Zhang Guohua", "Laos"), ("CONSULT", "Zhang Guohua", "Sonexay Siphandone")]),
    ("a phone call with two people of two states is one call with each",
     "U.S. Secretary of State Marco Rubio spoke by phone with Thai Foreign Minister Maris "
     "Sangiampongsa and Cambodian Foreign Minister Prak Sokhonn on Friday.", "2025-07-25",
     [("CONSULT", "Marco Rubio", "Maris Sangiampongsa"),
      ("CONSULT", "Marco Rubio", "Prak Sokhonn")]),
    ("phone talks held in a role are with the counterpart after it",
     "Japanese Prime Minister Shigeru Ishiba held his first phone talks as prime minister with "
     "Australian Prime Minister Anthony Albanese.", "2024-10-03",
     [("CONSULT", "Shigeru Ishiba", "Anthony Albanese")]),
    ("a journey goes to the country of its destination",
     "Japanese Prime Minister Shigeru Ishiba flew to Busan on Tuesday.", "2025-09-30",
     [("CONSULT", "Shigeru Ishiba", "South Korea")]),
    ("a journey within one's own country is no visit",
     "Japanese Prime Minister Shigeru Ishiba will fly to Osaka on Friday.", "2025-09-30", []),
    ("the owner of a thing welcomed is no guest",
     "German Chancellor Olaf Scholz welcomed the British government's approach to Europe.",
     "2024-08-28", []),
    ("co-chairs of a meeting named after their states meet each other",
     "Earlier on Monday, Australian Foreign Minister Penny Wong and Indonesian Foreign "
     "Minister Sugiono co-chaired the eighth Australia–Indonesia Foreign Ministers' Meeting in "
     "Canberra.", "2025-03-04", [("CONSULT", "Penny Wong", "Sugiono")]),
    ("chairing an organisation is no meeting with it",
     "Malaysian Prime Minister Anwar Ibrahim, who chairs ASEAN this year, hosted Cambodian "
     "Prime Minister Hun Manet in Putrajaya on Monday.", "2025-07-29",
     [("CONSULT", "Hun Manet", "Anwar Ibrahim")]),
    ("those who attend talks together do not meet each other there",
     "The U.S. ambassador to Malaysia, Edgard Kagan, and Chinese Ambassador Ouyang Yujing "
     "also attended the talks.", "2025-07-29", []),
    ("a ceasefire told with country names is that of their leaders named next to it",
     "Thailand and Cambodia agreed to an immediate ceasefire on Monday. Cambodian Prime "
     "Minister Hun Manet and Thai acting Prime Minister Phumtham Wechayachai shook hands at "
     "the news conference.", "2025-07-29",
     [("RETREAT", "Phumtham Wechayachai", "Hun Manet")]),
    ("a visit made to attend a multilateral meeting is told by the meeting",
     "Japanese Foreign Minister Yoko Kamikawa, who is visiting Laos to attend the ASEAN "
     "foreign ministers' meetings, held talks with Vietnamese Foreign Minister Bùi Thanh Sơn.",
     "2024-07-27", [("CONSULT", "Yoko Kamikawa", "Bùi Thanh Sơn")]),
    ("a journey to attend a ceremony is no visit nor meeting",
     "Australian Prime Minister Anthony Albanese will travel to Rome on Sunday to attend the "
     "inauguration Mass of Pope Leo XIV.", "2025-05-15", []),
    ("a journey to where a meeting will be is told by the meeting",
     "Singaporean Foreign Minister Vivian Balakrishnan will travel to Ho Chi Minh City on "
     "Wednesday, where he will meet city Party Secretary Nguyễn Văn Nên.", "2025-03-04",
     [("CONSULT", "Vivian Balakrishnan", "Nguyễn Văn Nên")]),
    ("call on with an infinitive the parser hangs on the verb is an appeal",
     "Foreign Minister Sok Chenda Sophea thanked Malaysia for its support, while Thai Foreign "
     "Minister Maris Sangiampongsa called on Cambodia to clear landmines in the border area.",
     "2025-08-07", [("SUPPORT", "Sok Chenda Sophea", "Malaysia"),
                    ("REQUEST", "Maris Sangiampongsa", "Cambodia")]),
    ("a royal audience granted to a guest is the guest's visit to the grantor",
     "On Friday, Lao President Thongloun Sisoulith was granted a royal audience by King "
     "Norodom Sihamoni at the Royal Palace in Phnom Penh.", "2025-03-07",
     [("CONSULT", "Thongloun Sisoulith", "Norodom Sihamoni")]),
    ("a meeting a relative clause says was hosted for a guest",
     "The talks followed the annual Leaders' Retreat, which Prime Minister Anwar Ibrahim "
     "hosted for Indonesian President Prabowo Subianto on Monday.", "2025-01-27",
     [("CONSULT", "Prabowo Subianto", "Anwar Ibrahim")]),
    ("thanks to a leader and congratulations to his country in one sentence are two acts",
     "Singaporean Prime Minister Lawrence Wong thanked Malaysian Prime Minister Anwar Ibrahim "
     "for his hospitality and congratulated Malaysia on its ASEAN chairmanship.", "2025-01-07",
     [("SUPPORT", "Lawrence Wong", "Anwar Ibrahim"), ("SUPPORT", "Lawrence Wong", "Malaysia")]),
    ("an arrival on a state visit is the visit",
     "Indian Prime Minister Narendra Modi arrived in Brasília on a State Visit to Brazil at "
     "the invitation of President Luiz Inácio Lula da Silva.", "2025-07-09",
     [("CONSULT", "Narendra Modi", "Brazil")]),
    ("a promised release is a concession",
     "Thailand said it would free 18 Cambodian soldiers once the ceasefire holds.",
     "2025-08-01", [("CONCEDE", "Thailand", "Cambodia")]),
    ("a meeting still to be dated is no meeting held",
     "A Kremlin aide said it was too early to set a date for a meeting between Presidents "
     "Vladimir Putin and Donald Trump.", "2025-02-18", []),
    ("a meeting wished for is no meeting held",
     "Officials said there was a strong desire on both sides for a meeting between Japanese "
     "Prime Minister Shigeru Ishiba and Chinese President Xi Jinping.", "2025-02-18", []),
    ("the possibility of a summit is no summit",
     "Diplomats discussed the possibility of a summit between South Korean President Lee "
     "Jae-myung and North Korean leader Kim Jong Un.", "2025-02-18", []),
    ("a visit still to be realised is no visit held",
     "Thai Foreign Minister Maris Sangiampongsa said Bangkok would work towards the early "
     "realization of a visit to Thailand by Chinese President Xi Jinping.", "2025-02-18", []),
    ("talks told as the subject of 'were held' name their parties in their own phrase",
     "Talks between Chinese Foreign Minister Wang Yi and Japanese Foreign Minister Takeshi "
     "Iwaya were held in Tokyo on Friday.", "2025-02-18",
     [("CONSULT", "Wang Yi", "Takeshi Iwaya")]),
    ("a possible meeting is no meeting held",
     "Officials discussed a possible meeting between Vladimir Putin and Donald Trump.",
     "2025-02-18", []),
    ("a proposed summit is no summit held",
     "Officials discussed a proposed summit between Xi Jinping and Donald Trump.",
     "2025-02-18", []),
    ("a meeting that could take place is no meeting held",
     "A meeting between Xi Jinping and Donald Trump could take place in April.",
     "2025-02-18", []),
    ("talks not held are no talks",
     "Chinese President Xi Jinping did not hold talks with Japanese Prime Minister Shigeru "
     "Ishiba.", "2025-02-18", []),
    ("a meeting ruled out is no meeting",
     "Officials ruled out a meeting between Xi Jinping and Donald Trump this year.",
     "2025-02-18", []),
    ("a summit said to be unlikely is no summit",
     "A summit between Kim Jong Un and Donald Trump is unlikely before the election.",
     "2025-02-18", []),
    ("a meeting being arranged is not yet held",
     "Diplomats are working on arrangements for a meeting between Lee Jae-myung and Xi "
     "Jinping.", "2025-02-18", []),
    ("the host of talks between two other parties is no party to them",
     "Turkey on Monday hosted the first direct talks between Russia and Ukraine since 2022.",
     "2025-05-19", [("CONSULT", "Russia", "Ukraine")]),
    ("those who open talks are not paired with each other",
     "Japanese Foreign Minister Takeshi Iwaya and Chinese Foreign Minister Wang Yi met in "
     "Tokyo, in talks opened by South Korean Foreign Minister Cho Tae-yul and Japanese Prime "
     "Minister Shigeru Ishiba.", "2025-03-22", [("CONSULT", "Takeshi Iwaya", "Wang Yi")]),
    ("a meeting named as the backdrop of a signing is not the signers' meeting",
     "After the meeting, Philippine Foreign Secretary Enrique Manalo and Australian Foreign "
     "Minister Penny Wong signed a memorandum of understanding on maritime cooperation.",
     "2025-03-22", [("SUPPORT", "Enrique Manalo", "Penny Wong")]),
    ("protesters attacking embassies protest against each embassy's state",
     "Protesters attacked several embassies in Khartoum on Monday, including those of "
     "Egypt, Qatar and Kenya.", "2025-01-28",
     [("PROTEST", "Sudan", "Egypt"), ("PROTEST", "Sudan", "Qatar"),
      ("PROTEST", "Sudan", "Kenya")]),
    ("demonstrators storming an embassy are the people of the place",
     "Hundreds of demonstrators stormed the French embassy in Niamey on Sunday.",
     "2025-01-28", [("PROTEST", "Niger", "France")]),
    ("a crowd marked with a nationality storming an embassy protests",
     "Iranian students stormed the British embassy in Tehran.", "2025-01-28",
     [("PROTEST", "Iran", "United Kingdom")]),
    ("a crowd gathering in front of an embassy protests against its state",
     "Demonstrators gathered in front of the U.S. embassy in Seoul on Monday.", "2025-02-18",
     [("PROTEST", "South Korea", "United States")]),
    ("a crowd setting fire to an embassy protests violently against its state",
     "Crowds set fire to the French embassy in Ouagadougou.", "2025-02-18",
     [("PROTEST", "Burkina Faso", "France")]),
    ("officials gathering at an embassy do not protest",
     "Japanese officials gathered at the Chinese embassy in Tokyo for the reception.",
     "2025-02-18", []),
    ("the meeting chaired is no party to it; those attending it are",
     "Malaysian Prime Minister Anwar Ibrahim chaired the ASEAN summit in Kuala Lumpur, "
     "attended by Thai Prime Minister Paetongtarn Shinawatra and Indonesian President Prabowo "
     "Subianto.", "2025-02-18", [("CONSULT", "Anwar Ibrahim", "Paetongtarn Shinawatra")]),
    ("chairing a summit named as an organisation meets no one",
     "Malaysian Prime Minister Anwar Ibrahim chaired the ASEAN Summit in Kuala Lumpur on "
     "Monday.", "2025-02-18", []),
    ("those named as attending a summit are not paired with each other",
     "The summit was attended by Japanese Prime Minister Shigeru Ishiba, Chinese Premier Li "
     "Qiang and South Korean President Yoon Suk Yeol.", "2025-01-28", []),
    ("'the two sides' are the persons named before it in its own sentence",
     "Japanese Foreign Minister Takeshi Iwaya arrived in Hanoi on Monday. Vietnamese "
     "President Luong Cuong received Japanese Prime Minister Shigeru Ishiba on Tuesday, and "
     "the two sides discussed trade and investment.", "2025-04-29",
     [("CONSULT", "Takeshi Iwaya", "Vietnam"), ("CONSULT", "Shigeru Ishiba", "Lương Cường")]),
    ("a visit by a nationality-marked leader is that of the leader of that nation named",
     "Japanese Prime Minister Fumio Kishida on Tuesday welcomed his Indian counterpart "
     "Narendra Modi in Tokyo, the first visit to Japan by an Indian head of government in "
     "five years.", "2023-05-24", [("CONSULT", "Narendra Modi", "Fumio Kishida"),
                                   ("CONSULT", "Narendra Modi", "Japan")]),
    ("a visit named by its visitor and destination is reported even after 'during'",
     "Officials signed three agreements during Indonesian President Prabowo Subianto's "
     "state visit to Malaysia.", "2025-01-28", [("CONSULT", "Prabowo Subianto", "Malaysia")]),
    ("'during the visit' alone is only the frame of what follows",
     "During the visit, Officials signed three agreements.", "2025-01-28", []),
    ("a discussion 'during which' a call took place is the call",
     "Thai Prime Minister Paetongtarn Shinawatra received a phone call on Monday from "
     "President Emmanuel Macron of France, during which they discussed trade and regional "
     "security.", "2025-01-28", [("CONSULT", "Emmanuel Macron", "Paetongtarn Shinawatra")]),
    ("the witnesses of a signing are not its other party",
     "Vietnamese Foreign Minister Bui Thanh Son and Lao Foreign Minister Thongsavanh "
     "Phomvihane signed the agreement, witnessed by Prime Ministers Pham Minh Chinh and "
     "Sonexay Siphandone.", "2025-02-18",
     [("SUPPORT", "Bùi Thanh Sơn", "Thongsavanh Phomvihane")]),
    ("the ministers of two states named as one phrase sign for both",
     "The foreign ministers of Vietnam and Laos signed the agreement, witnessed by Prime "
     "Ministers Pham Minh Chinh and Sonexay Siphandone.", "2025-02-18",
     [("SUPPORT", "Vietnam", "Laos")]),
    ("'whose visit' is the visit of the person the clause is about",
     "Cambodian Prime Minister Hun Manet, whose three-day visit to Japan began on Monday, "
     "met Japanese Prime Minister Shigeru Ishiba.", "2025-02-18",
     [("CONSULT", "Hun Manet", "Japan"), ("CONSULT", "Hun Manet", "Shigeru Ishiba")]),
    ("a visit to two countries is one visit to each",
     "Japanese Prime Minister Shigeru Ishiba visited Vietnam and the Philippines last week.",
     "2026-01-08", [("CONSULT", "Shigeru Ishiba", "Vietnam"),
                    ("CONSULT", "Shigeru Ishiba", "Philippines")]),
    ("a meeting attended by two people of two states is their meeting",
     "The meeting was attended by Vietnamese Foreign Minister Bui Thanh Son and Lao Foreign "
     "Minister Saleumxay Kommasith.", "2025-01-28",
     [("CONSULT", "Bùi Thanh Sơn", "Saleumxay Kommasith")]),
    ("a counterpart named in apposition is that person, not the state",
     "Dutch Foreign Minister Caspar Veldkamp held a phone call with his Czech counterpart, "
     "Jan Lipavsky.", "2025-03-04", [("CONSULT", "Caspar Veldkamp", "Jan Lipavsky")]),
    ("two leaders meeting a third together are one side, not each other's counterpart",
     "Indonesian President Prabowo Subianto and Malaysian Prime Minister Anwar Ibrahim arrived "
     "in Tokyo on Tuesday. The two leaders will hold talks with Japanese Prime Minister Shigeru "
     "Ishiba on Wednesday.", "2025-07-22",
     [("CONSULT", "Prabowo Subianto", "Japan"), ("CONSULT", "Prabowo Subianto", "Shigeru Ishiba")]),
    ("several states condemning an act: one condemnation by each",
     "Saudi Arabia, Egypt and Jordan condemned the Israeli strike on Tuesday.", "2025-05-01",
     [("ACCUSE", "Saudi Arabia", "Israel"), ("ACCUSE", "Egypt", "Israel"),
      ("ACCUSE", "Jordan", "Israel")]),
    ("condemning 'the attack' told before is said against the attacker",
     "Israeli jets struck a compound in Beirut on Tuesday. Jordan and Egypt also condemned the "
     "attack.", "2025-05-01",
     [("ASSAULT", "Israel", "Lebanon"), ("ACCUSE", "Jordan", "Israel"),
      ("ACCUSE", "Egypt", "Israel")]),
    ("calling an attack a violation is a condemnation",
     "Israeli jets struck a compound in Beirut on Tuesday. UN Secretary-General Antonio "
     "Guterres called the strike a flagrant violation of Lebanon's sovereignty.", "2025-05-01",
     [("ASSAULT", "Israel", "Lebanon"), ("ACCUSE", "António Guterres", "Israel")]),
    ("reserving the right to respond to an attack is a threat",
     "Israeli jets struck a compound in Beirut on Tuesday. The Lebanese government said "
     "Lebanon reserved the right to respond to the attack.", "2025-05-01",
     [("ASSAULT", "Israel", "Lebanon"), ("THREATEN", "Lebanon", "Israel")]),
    ("a vow of retaliation is a threat",
     "Iran vowed retaliation against Israel on Sunday.", "2025-05-01",
     [("THREATEN", "Iran", "Israel")]),
    ("answering with retaliatory measures is a threat",
     "Moscow said Russia would respond with retaliatory measures against Germany.",
     "2025-05-01", [("THREATEN", "Russia", "Germany")]),
    ("a weather director warning people of his own country threatens no one",
     "In Dodoma, Tanzania Meteorological Authority director Ali Mwinyi said growers in the "
     "north and western Tanzania should make use of the rains by sowing early, but warned "
     "residents of riverside settlements to be ready to move to safer ground.",
     "2025-05-01", []),
    ("a signing witnessed by leaders but done by named ministers is the ministers'",
     "The two prime ministers, Pham Minh Chinh and Sonexay Siphandone, then witnessed the "
     "signing of a transport agreement by Vietnamese Foreign Minister Bui Thanh Son and Lao "
     "Foreign Minister Thongsavanh Phomvihane.", "2025-02-18",
     [("SUPPORT", "Bùi Thanh Sơn", "Thongsavanh Phomvihane")]),
    ("leaving one place for another is a journey to the other",
     "Kenyan President William Ruto will leave Nairobi on Monday for Addis Ababa.",
     "2025-10-22", [("CONSULT", "William Ruto", "Ethiopia")]),
    ("a departure 'for' a place names no visit to the place left",
     "Kenyan President William Ruto left Nairobi on Monday.", "2025-10-22", []),
    ("a proposal with no addressee is made to the counterpart of the call",
     "Japanese Prime Minister Shigeru Ishiba held a telephone conversation with South Korean "
     "President Lee Jae-myung on Monday. Lee proposed that the two governments resume regular "
     "shuttle visits.", "2025-03-05",
     [("CONSULT", "Shigeru Ishiba", "Lee Jae-myung"),
      ("REQUEST", "Lee Jae-myung", "Shigeru Ishiba")]),
    ("thanking 'his host' thanks the counterpart of the meeting",
     "Brazilian President Luiz Inácio Lula da Silva met Chilean President Gabriel Boric in "
     "Santiago on Monday. Lula thanked his host for the warm welcome.", "2025-03-05",
     [("CONSULT", "Luiz Inácio Lula da Silva", "Gabriel Boric"),
      ("SUPPORT", "Luiz Inácio Lula da Silva", "Gabriel Boric")]),
    ("a party chief's proposal to a visiting minister is made to the minister's state",
     "General Secretary Tô Lâm received Cambodian Foreign Minister Sok Chenda Sophea in Hanoi "
     "on Tuesday. Lâm proposed that the two foreign ministries step up coordination on border "
     "issues.", "2025-03-05",
     [("CONSULT", "Sok Chenda Sophea", "Tô Lâm"), ("REQUEST", "Tô Lâm", "Cambodia")]),
    ("a proposal for 'the two countries' is made to the other state",
     "Brazilian President Luiz Inácio Lula da Silva met Chilean President Gabriel Boric in "
     "Santiago on Monday. Lula proposed that the two countries build a railway to the "
     "Pacific.", "2025-03-05",
     [("CONSULT", "Luiz Inácio Lula da Silva", "Gabriel Boric"),
      ("REQUEST", "Luiz Inácio Lula da Silva", "Chile")]),
    ("a state's pledge told by its leader to a counterpart is the leader's, to him",
     "Japanese Prime Minister Shigeru Ishiba met Philippine President Ferdinand Marcos Jr. in "
     "Manila on Monday. Ishiba told his Philippine counterpart that Japan intends to provide "
     "five coast guard vessels.", "2025-03-05",
     [("CONSULT", "Shigeru Ishiba", "Ferdinand Marcos Jr."),
      ("AGREE", "Shigeru Ishiba", "Ferdinand Marcos Jr.")]),
    ("a meeting with a country's firms or investors is no meeting with its state",
     "Philippine President Ferdinand Marcos Jr. will meet Indian technology firms in "
     "Bengaluru on Thursday. Vietnamese Prime Minister Pham Minh Chinh met Japanese investors "
     "in Tokyo on Friday.", "2025-08-06", []),
    ("two leaders condemning a third state together each condemn it",
     "Kenyan President William Ruto met U.S. President Joe Biden at the White House on "
     "Thursday. Both leaders condemned North Korea's missile launch.", "2025-03-05",
     [("CONSULT", "William Ruto", "Joe Biden"), ("ACCUSE", "William Ruto", "North Korea"),
      ("ACCUSE", "Joe Biden", "North Korea")]),
    ("a welcome accorded to the guest by the host: the guest visits the host",
     "Philippine President Ferdinand Marcos Jr. was accorded a ceremonial welcome by Indian "
     "President Droupadi Murmu on Tuesday.", "2025-08-06",
     [("CONSULT", "Ferdinand Marcos Jr.", "Droupadi Murmu")]),
    ("a banquet hosted for the guest",
     "Indian President Droupadi Murmu hosted a state banquet for Philippine President "
     "Ferdinand Marcos Jr. on Tuesday.", "2025-08-06",
     [("CONSULT", "Ferdinand Marcos Jr.", "Droupadi Murmu")]),
    ("talks told by their length are held by the subject",
     "Canadian Prime Minister Mark Carney held about 90 minutes of talks with Japanese Prime "
     "Minister Sanae Takaichi on Monday.", "2026-03-10",
     [("CONSULT", "Mark Carney", "Sanae Takaichi")]),
    ("a meeting told again 'after meeting X' is no second meeting; flying home no visit",
     "Chinese President Xi Jinping and US President Donald Trump met in Busan on Thursday. "
     "Trump left for Washington shortly after meeting Xi. After meeting Japanese Prime "
     "Minister Sanae Takaichi, Trump flew home.", "2025-10-30",
     [("CONSULT", "Xi Jinping", "Donald Trump"), ("CONSULT", "Donald Trump", "Sanae Takaichi")]),
    ("summoning an envoy is a protest to the envoy's state, or to the envoy named",
     "Germany summoned the Russian ambassador on Wednesday over the sabotage plot. The "
     "British Foreign Office summoned Russian Ambassador Andrei Kelin on Thursday. The EU "
     "summoned the Russian charge d'affaires in Brussels.", "2025-04-10",
     [("ACCUSE", "Germany", "Russia"), ("ACCUSE", "United Kingdom", "Andrei Kelin"),
      ("ACCUSE", "European Union", "Russia")]),
    ("summoning one's own ambassador home is no protest",
     "The Foreign Ministry of Algeria summoned its own ambassador for consultations.",
     "2025-04-10", []),
    ("denouncing the accusations is rejecting them",
     "Mali accused Algeria of a hostile act on Sunday. The Algerian foreign ministry on "
     "Monday denounced the accusations as baseless.", "2025-04-08",
     [("ACCUSE", "Mali", "Algeria"), ("REJECT", "Algeria", "Mali")]),
    ("an appeal to both sides is one appeal to each side's state",
     "Malian Foreign Minister Abdoulaye Diop and Algerian Foreign Minister Ahmed Attaf traded "
     "accusations on Monday. UN Secretary-General António Guterres appealed to both sides to "
     "show restraint.", "2025-04-08",
     [("REQUEST", "António Guterres", "Mali"), ("REQUEST", "António Guterres", "Algeria")]),
    ("'and X accepted' with no object accepts the invitation made to X",
     "Australian Prime Minister Anthony Albanese met Vietnamese Prime Minister Pham Minh "
     "Chinh on Monday. Albanese invited Chinh to visit Australia. Chinh accepted.",
     "2025-04-08",
     [("CONSULT", "Anthony Albanese", "Phạm Minh Chính"),
      ("AGREE", "Anthony Albanese", "Phạm Minh Chính"),
      ("AGREE", "Phạm Minh Chính", "Anthony Albanese")]),
    ("criticising, calling a move a mistake, voicing disappointment: accusations",
     "Vice President JD Vance criticised the European Union's excessive regulation. U.S. "
     "Treasury Secretary Scott Bessent called China's retaliation a big mistake. U.S. "
     "Secretary of State Marco Rubio voiced disappointment and frustration with Russia over "
     "the lack of progress.", "2025-04-08",
     [("ACCUSE", "JD Vance", "European Union"), ("ACCUSE", "Scott Bessent", "China"),
      ("ACCUSE", "Marco Rubio", "Russia")]),
    ("calling a meeting a success accuses no one",
     "Philippine President Ferdinand Marcos Jr. called the meeting with Xi Jinping a success.",
     "2025-04-08", []),
    ("condolences to a state are support",
     "Indonesian President Prabowo Subianto expressed his condolences to Myanmar over the "
     "earthquake.", "2025-03-30", [("SUPPORT", "Prabowo Subianto", "Myanmar")]),
    ("support for a thing is said to no one",
     "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Monday. "
     "Scholz supported all efforts toward lasting peace.", "2025-03-05",
     [("CONSULT", "Olaf Scholz", "Emmanuel Macron")]),
    ("leaving for a meeting still to come is told by that meeting",
     "Kenyan President William Ruto left Nairobi for Addis Ababa on Sunday and is scheduled to "
     "hold talks with Ethiopian Prime Minister Abiy Ahmed on Monday.", "2025-10-22",
     [("CONSULT", "William Ruto", "Abiy Ahmed")]),
    ("agreeing to lift sanctions is a concession, not yet a lifting",
     "The European Union agreed to lift sanctions on Syria.", "2025-05-20",
     [("CONCEDE", "European Union", "Syria")]),
    ("a second infinitive of an appeal is still its content",
     "Prime Minister Pham Minh Chinh asked the United States to recognise Vietnam's market "
     "economy status and to ease export controls.", "2023-09-11",
     [("REQUEST", "Phạm Minh Chính", "United States")]),
    ("cutting tariffs on a nation's goods yields to that nation",
     "US President Donald Trump cut the tariff on Chinese goods on Monday.", "2025-11-04",
     [("RETREAT", "Donald Trump", "China")]),
    ("talks told as the setting of an agreement are theirs, and held",
     "Japanese Prime Minister Shigeru Ishiba and German Chancellor Friedrich Merz agreed to "
     "expand cooperation during their first phone conversation on Tuesday.", "2025-07-09",
     [("AGREE", "Shigeru Ishiba", "Friedrich Merz"),
      ("CONSULT", "Shigeru Ishiba", "Friedrich Merz")]),
    ("welcoming a proposal accepts it, from the counterpart",
     "South Korean President Lee Jae-myung met South African President Cyril Ramaphosa on "
     "Saturday. Ramaphosa welcomed the proposal.", "2025-11-23",
     [("CONSULT", "Lee Jae-myung", "Cyril Ramaphosa"),
      ("AGREE", "Cyril Ramaphosa", "Lee Jae-myung")]),
    ("separate talks with two leaders are one with each",
     "South Korean President Lee Jae-myung on Saturday held separate talks with South African "
     "President Cyril Ramaphosa and Brazilian President Luiz Inacio Lula da Silva.",
     "2025-11-23", [("CONSULT", "Lee Jae-myung", "Cyril Ramaphosa"),
                    ("CONSULT", "Lee Jae-myung", "Luiz Inácio Lula da Silva")]),
    ("solidarity expressed with a state is support",
     "European Commission President Ursula von der Leyen expressed full solidarity with "
     "Poland.", "2025-09-10", [("SUPPORT", "Ursula von der Leyen", "Poland")]),
    ("solidarity as a topic is no statement",
     "The two leaders stressed the importance of education about the two countries' "
     "solidarity in combat.", "2025-09-10", []),
    ("denouncing what one calls a state's behaviour accuses the state",
     "NATO Secretary General Mark Rutte denounced what he called Russia's reckless "
     "behaviour.", "2025-09-10", [("ACCUSE", "Mark Rutte", "Russia")]),
    ("'said it was ready to' is the reporter's readiness",
     "Russia said it was ready to hold consultations with Poland.", "2025-09-10",
     [("AGREE", "Russia", "Poland")]),
    ("seeking a state's support is a request to it; assuring 'him' is said to the caller",
     "External Affairs Minister S Jaishankar held a phone conversation with his Iranian "
     "counterpart Abbas Araghchi on Tuesday night. Jaishankar also sought Tehran's support "
     "for the safe movement of Indian nationals. Araghchi assured him that the Iranian "
     "authorities would facilitate their exit.", "2025-06-18",
     [("CONSULT", "S. Jaishankar", "Abbas Araghchi"), ("REQUEST", "S. Jaishankar", "Iran"),
      ("AGREE", "Abbas Araghchi", "S. Jaishankar")]),
    ("a journey to a continent is no visit to the host country",
     "European Commission President Ursula von der Leyen will travel to Asia this week to "
     "meet Japanese Prime Minister Shigeru Ishiba in Tokyo.", "2025-07-22",
     [("CONSULT", "Ursula von der Leyen", "Shigeru Ishiba")]),
    ("a journey to a city of several words is a visit to its country",
     "Australian Prime Minister Anthony Albanese will travel to Ho Chi Minh City tomorrow.",
     "2024-06-03", [("CONSULT", "Anthony Albanese", "Vietnam")]),
    ("to be received, after a planning verb, is the planning verb's subject's visit",
     "European Commission President Ursula von der Leyen is scheduled to be received by "
     "Chinese President Xi Jinping on Thursday.", "2025-07-22",
     [("CONSULT", "Ursula von der Leyen", "Xi Jinping")]),
    ("a welcome's host the parser hangs on a place named in it",
     "Philippine President Ferdinand Marcos Jr. was accorded a ceremonial welcome at the "
     "forecourt of Rashtrapati Bhavan by Indian President Droupadi Murmu.", "2025-08-05",
     [("CONSULT", "Ferdinand Marcos Jr.", "Droupadi Murmu")]),
    ("an acceptance is its own act, not the agreement told before",
     "Philippine President Ferdinand Marcos Jr. met Vietnamese President Vo Van Thuong in "
     "Hanoi on Tuesday. The two presidents agreed to strengthen maritime cooperation. Marcos "
     "invited Thuong to visit Manila, and Thuong accepted the invitation.", "2024-01-30",
     [("CONSULT", "Ferdinand Marcos Jr.", "Võ Văn Thưởng"),
      ("AGREE", "Ferdinand Marcos Jr.", "Võ Văn Thưởng"),
      ("AGREE", "Ferdinand Marcos Jr.", "Võ Văn Thưởng"),
      ("AGREE", "Võ Văn Thưởng", "Ferdinand Marcos Jr.")]),
    ("accepting an invitation from X keeps X's invitation",
     "Nigerian President Bola Tinubu met Ghanaian President John Mahama in Abuja on Tuesday. "
     "Tinubu accepted an invitation from Mahama to attend Ghana's independence anniversary.",
     "2025-03-11", [("CONSULT", "Bola Tinubu", "John Mahama"),
                    ("AGREE", "Bola Tinubu", "John Mahama"),
                    ("AGREE", "John Mahama", "Bola Tinubu")]),
    ("accepting an invitation to a country, after meeting its leader, is said to him",
     "US President Donald Trump met Chinese President Xi Jinping in Busan on Thursday. Trump "
     "said he had accepted an invitation to visit China in April.", "2025-10-30",
     [("CONSULT", "Donald Trump", "Xi Jinping"), ("AGREE", "Donald Trump", "Xi Jinping")]),
    ("states recalling their ambassadors together: one recall by each",
     "Mali, Burkina Faso and Niger recalled their ambassadors from Algiers on Sunday.",
     "2025-04-08", [("SANCTION", "Mali", "Algeria"), ("SANCTION", "Burkina Faso", "Algeria"),
                    ("SANCTION", "Niger", "Algeria")]),
    ("one of several attacks: the light verb two phrases up",
     "Russia launched one of its largest combined missile and drone attacks on Kyiv "
     "overnight on Aug. 28, killing at least 18 people.", "2025-08-28",
     [("ASSAULT", "Russia", "Ukraine")]),
    ("speaking with a counterpart is a conversation, with reporters none",
     "Ukrainian Foreign Minister Andrii Sybiha said he had spoken with his Polish counterpart "
     "Radoslaw Sikorski. Sybiha later spoke with reporters in Kyiv.", "2025-08-28",
     [("CONSULT", "Andrii Sybiha", "Radosław Sikorski")]),
    ("a passive agent the parser hangs on a place still hosts",
     "On Friday, Kenyan President William Ruto will be hosted for lunch at the Department of "
     "State by Vice President Kamala Harris and Secretary of State Antony Blinken.",
     "2024-05-23", [("CONSULT", "William Ruto", "Kamala Harris"),
                    ("CONSULT", "William Ruto", "Antony Blinken")]),
]

# (sentence, trigger, expected type, expected status): a pledge is made when it is said
PLEDGE_CASES = [
    ("US President Donald Trump said he would cut the tariff on Chinese goods.", "cut",
     "CONCEDE", "occurred"),
    ("US President Donald Trump will cut the tariff on Chinese goods next month.", "cut",
     "CONCEDE", "planned"),
    ("Japanese Prime Minister Shigeru Ishiba told Philippine President Ferdinand Marcos Jr. "
     "that Japan would provide patrol boats to the Philippines.", "provide", "AGREE",
     "occurred"),
    ("Japan will provide patrol boats to the Philippines.", "provide", "AGREE", "planned"),
]


@pytest.mark.parametrize(("text", "trigger", "plover_type", "status"), PLEDGE_CASES)
def test_coder_reported_pledge_status(pipeline: Pipeline, text: str, trigger: str,
                                      plover_type: str, status: str) -> None:
    events = pipeline.extract(Document(id="pledge", text=text,
                                       story_date=dt.date(2025, 10, 30)))
    assert [(e.trigger, e.type, e.status) for e in events] == [(trigger, plover_type, status)]


@pytest.mark.parametrize(("name", "text", "story", "expected"), RULE_CASES,
                         ids=[c[0] for c in RULE_CASES])
def test_coder_rule_cases(pipeline: Pipeline, name: str, text: str, story: str,
                          expected: list[tuple[str, str, str]]) -> None:
    scorer = Scorer(pipeline.kb)
    events = pipeline.extract(Document(id="rule", text=text,
                                       story_date=dt.date.fromisoformat(story)))
    for plover_type, actor, recipient in expected:
        gold = GoldEvent(kind="case", type=plover_type, source=actor, target=recipient,
                         date=None, status="occurred", location=None, location_country=None,
                         mode=None, cluster=None, symmetric=True)
        assert any(scorer.matches(gold, ev) for ev in events), (name, plover_type, actor)
    assert len(events) == len(expected), [(e.type, e.actor, e.recipient) for e in events]
