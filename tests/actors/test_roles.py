"""Roles (comity/actors/roles.py): a role noun phrase names the person of the article
holding the office, else who held it on the story date, else the country; counterparts,
hosts and guests."""

from __future__ import annotations

import pytest

from comity.pipeline import Pipeline

from .factories import actors_of

# (context and sentence, story date, mention, expected (name, country) list)
CASES = [
    # office holder on the story date: the same words name different people
    ("The Vietnamese President arrived in Tokyo.", "2023-06-01", "The Vietnamese President",
     [("Võ Văn Thưởng", "VNM")]),
    ("The Vietnamese President arrived in Tokyo.", "2024-11-12", "The Vietnamese President",
     [("Lương Cường", "VNM")]),
    ("Japan's prime minister said he would call Seoul.", "2025-06-05",
     "Japan's prime minister", [("Shigeru Ishiba", "JPN")]),
    ("The U.S. secretary of state arrived in Manila.", "2025-03-18",
     "The U.S. secretary of state", [("Marco Rubio", "USA")]),
    ("China's top diplomat will travel to Moscow.", "2025-03-31", "China's top diplomat",
     [("Wang Yi", "CHN")]),
    # "leader": the office the knowledge base names for the country
    ("The Thai premier said she would call the Cambodian leader.", "2025-06-12",
     "the Cambodian leader", [("Hun Manet", "KHM")]),
    # discourse first
    ("Lao President Thongloun Sisoulith received Tô Lâm. The Lao leader thanked him.",
     "2024-07-12", "The Lao leader", [("Thongloun Sisoulith", "LAO")]),
    # counterpart: from the other side, the same office where possible; else the KB
    # holder of that office; else the country
    ("Foreign Minister Bùi Thanh Sơn received Cambodian Prime Minister Hun Manet and "
     "Foreign Minister Sok Chenda Sophea. Sơn briefed his counterpart.", "2025-02-10",
     "his counterpart", [("Sok Chenda Sophea", "KHM")]),
    ("Thai Foreign Minister Maris Sangiampongsa said his Malaysian counterpart would come.",
     "2024-10-18", "his Malaysian counterpart", [("Mohamad Hasan", "MYS")]),
    ("Malaysian Deputy Home Minister Datuk Azlan Hamid said his Thai counterpart agreed.",
     "2024-12-02", "his Thai counterpart", [("Thailand", "THA")]),
    # host and guest from "received" / "paid a courtesy call on", without a host country
    ("Vietnamese President Lương Cường paid a courtesy call on King Norodom Sihamoni. "
     "The guest thanked the host.", "2025-12-04", "The guest", [("Lương Cường", "VNM")]),
    ("Vietnamese President Lương Cường paid a courtesy call on King Norodom Sihamoni. "
     "The guest thanked the host.", "2025-12-04", "the host", [("Norodom Sihamoni", "KHM")]),
    # an office without a country: the countries of the article
    ("President Lương Cường met King Norodom Sihamoni and the Queen Mother. The Queen "
     "Mother wished him well.", "2025-12-04", "The Queen Mother",
     [("Norodom Monineath Sihanouk", "KHM")]),
    # "the Vietnamese leader": the head of state or government just named, else the leader
    ("General Secretary To Lam met Lao Prime Minister Sonexay Siphandone. Sonexay invited "
     "President Luong Cuong to visit Laos, and the Vietnamese leader accepted.", "2025-01-10",
     "the Vietnamese leader", [("Lương Cường", "VNM")]),
    ("General Secretary To Lam met Lao Prime Minister Sonexay Siphandone. Sonexay met Prime "
     "Minister Pham Minh Chinh on Thursday. Sonexay briefed the Vietnamese leader.",
     "2025-01-10", "the Vietnamese leader", [("Tô Lâm", "VNM")]),
]


@pytest.mark.parametrize(("text", "day", "mention", "expected"), CASES,
                         ids=[f"{c[2]}-{c[1]}" for c in CASES])
def test_roles_resolve(pipeline: Pipeline, text: str, day: str, mention: str,
                       expected: list[tuple[str, str]]) -> None:
    assert actors_of(pipeline, text, day)[mention] == expected
