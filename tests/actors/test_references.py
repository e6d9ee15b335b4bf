"""References: pronouns, collectives, delegations and bare titles (role noun phrases:
tests/actors/test_roles.py)."""

from __future__ import annotations

import pytest

from comity.pipeline import Pipeline

from .factories import actors_of

# (context and sentence, story date, mention, expected (name, country) list)
CASES = [
    # collectives
    ("Australian Prime Minister Anthony Albanese met Indonesian President Prabowo Subianto. "
     "The two leaders agreed.", "2025-05-15", "The two leaders",
     [("Anthony Albanese", "AUS"), ("Prabowo Subianto", "IDN")]),
    ("Vietnamese Foreign Minister Bùi Thanh Sơn met his Lao counterpart Saleumxay "
     "Kommasith. Both sides agreed.", "2024-07-12", "Both sides",
     [("Vietnam", "VNM"), ("Laos", "LAO")]),
    ("Permanent Deputy Prime Minister Nguyen Hoa Binh met Lao President Thongloun "
     "Sisoulith. He conveyed the greetings of the Vietnamese leaders.", "2024-11-19",
     "the Vietnamese leaders", [("Vietnam", "VNM")]),
    # delegations
    ("The Vietnamese delegation headed by Deputy Foreign Minister Đỗ Hùng Việt arrived.",
     "2024-06-13", "The Vietnamese delegation", [("Đỗ Hùng Việt", "VNM")]),
    ("Governor Chan Vichet received a delegation from Thua Thien Hue province.",
     "2024-05-14", "a delegation", [("Vietnam", "VNM")]),
    # a role noun names nobody first named after it, nor the subject of its own verb
    ("Prime Minister Hun Manet received Australian Foreign Minister Penny Wong. Hun Manet "
     "welcomed the minister and asked her to convey his greetings to Trade Minister Don "
     "Farrell.", "2024-09-10", "the minister", [("Penny Wong", "AUS")]),
    # "the two ministers": the two named together, not the witness named after them
    ("The agreement was signed by Thai Foreign Minister Maris Sangiampongsa and Cambodian "
     "Foreign Minister Prak Sokhonn, witnessed by Malaysian Foreign Minister Mohamad Hasan. "
     "The two ministers met again in the afternoon.", "2025-07-25", "The two ministers",
     [("Maris Sangiampongsa", "THA"), ("Prak Sokhonn", "KHM")]),
    # a style alone is the person first named with it, not a dignitary named after
    ("President His Highness Sheikh Hamad bin Rashid Al Falasi received Amina Wanjiru. "
     "The talks were attended by H.H. Sheikh Saif bin Rashid Al Falasi. Later, His Highness "
     "thanked the guest.", "2025-01-14", "His Highness",
     [("Hamad bin Rashid Al Falasi", None)]),
    # "His Majesty" with nobody named with that style: the royal named last
    ("Foreign Minister Penny Wong called on King Norodom Sihamoni. His Majesty thanked "
     "Australia.", "2024-09-10", "His Majesty", [("Norodom Sihamoni", "KHM")]),
    # "the Indian leader": the Indian head of government named, not the last Indian named
    ("Indian Prime Minister Narendra Modi met Thai Prime Minister Paetongtarn Shinawatra, "
     "Indian Foreign Secretary Vikram Misri said. The Indian leader arrived on Thursday.",
     "2025-04-04", "The Indian leader", [("Narendra Modi", "IND")]),
    # ... and with no head named, the knowledge base's holder on the day
    ("Indian Foreign Secretary Vikram Misri said the Indian leader would come.",
     "2025-04-04", "the Indian leader", [("Narendra Modi", "IND")]),
    # "the two prime ministers": the two named holding that office
    ("Thai Prime Minister Paetongtarn Shinawatra met Indian Prime Minister Narendra Modi, "
     "Indian Foreign Secretary Vikram Misri said. The two prime ministers signed a pact.",
     "2025-04-04", "The two prime ministers",
     [("Paetongtarn Shinawatra", "THA"), ("Narendra Modi", "IND")]),
    # a head-of-government title with no name and no article, as releases write it
    ("Prime Minister Narendra Modi held talks with President Lula in Brasilia. Prime "
     "Minister thanked President Lula for the welcome.", "2025-07-08", "Prime Minister",
     [("Narendra Modi", "IND")]),
    ("Prime Minister Narendra Modi held talks with President Lula in Brasilia. President "
     "Lula conferred on Prime Minister the Grand Collar.", "2025-07-08", "Prime Minister",
     [("Narendra Modi", "IND")]),
    # the states listed after a plural head are all in it
    ("He thanked the governments of Iran and Armenia for their help.", "2025-06-18",
     "the governments of Iran and Armenia", [("Iran", "IRN"), ("Armenia", "ARM")]),
    ("The governments of Japan, the Philippines and the United States agreed.",
     "2025-06-18", "The governments of Japan, the Philippines and the United States",
     [("Japan", "JPN"), ("Philippines", "PHL"), ("United States", "USA")]),
    # the delegation a named person leads, and the same delegation named again
    ("Yunnan Vice Governor Zhang Guohua, who is leading a trade delegation on a visit to "
     "Laos, met investors. The Yunnan delegation will call on the Prime Minister.",
     "2024-09-03", "The Yunnan delegation", [("Zhang Guohua", "CHN")]),
    # a bare title as subject is not the person named as the verb's object
    ("President Joe Biden welcomed Kenyan President William Ruto. Later today, the "
     "President will host President Ruto for a State Dinner.", "2024-05-23",
     "the President", [("Joe Biden", "USA")]),
    ("President Joe Biden welcomed Kenyan President William Ruto. Later today, the First "
     "Lady and the President will host President Ruto.", "2024-05-23", "the President",
     [("Joe Biden", "USA")]),
]


@pytest.mark.parametrize(("text", "day", "mention", "expected"), CASES,
                         ids=[f"{c[2]}-{c[1]}" for c in CASES])
def test_references_resolve(pipeline: Pipeline, text: str, day: str, mention: str,
                            expected: list[tuple[str, str]]) -> None:
    assert actors_of(pipeline, text, day)[mention] == expected


@pytest.mark.parametrize(("text", "mention"), [
    # a noun phrase whose head is no role, even with a title after "of"
    ("He came at the invitation of King Norodom Sihamoni.", "the invitation of King"),
    ("They praised their cooperation.", "their cooperation"),
    ("Prime Minister Narendra Modi arrived. Prime Minister's Office issued a statement.",
     "Prime Minister"),
])
def test_references_other_noun_phrases_are_no_actor(pipeline: Pipeline, text: str,
                                                    mention: str) -> None:
    assert mention not in actors_of(pipeline, text)
