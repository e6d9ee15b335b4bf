"""Tests for comity.datelines: the place an article was filed from."""

from __future__ import annotations

import pytest

from comity.datelines import parse_dateline

# (text, expected place text)
DATELINES = [
    ("PHNOM PENH — General Secretary", "PHNOM PENH"),
    ("HCM CITY — The Vietnamese Party", "HCM CITY"),
    ("HÀ NỘI — General Secretary", "HÀ NỘI"),
    ("\n  BEIJING, Feb 6 (Reuters) - China said", "BEIJING"),
    ("WASHINGTON (AP) — The president", "WASHINGTON"),
    ("Hanoi (VNA) - Prime Minister", "Hanoi"),
    ("NEW DELHI: India and Vietnam", "NEW DELHI"),
    ("Phnom Penh, Feb. 6 (Xinhua) -- Cambodia", "Phnom Penh"),
    ("KUALA LUMPUR, Feb 6 (Bernama) -- Malaysia", "KUALA LUMPUR"),
    ("SAN FRANCISCO, Calif. (AP) — A", "SAN FRANCISCO"),
    ("VIENTIANE, Feb. 5, 2026 (KPL) – Laos", "VIENTIANE"),
    ("TOKYO -- Japan's prime minister", "TOKYO"),
    ("UNITED NATIONS (AP) — The council", "UNITED NATIONS"),
    ("BANGKOK – Thailand", "BANGKOK"),
    ("New Delhi, Jun 18 (PTI) External Affairs Minister", "New Delhi"),
]


@pytest.mark.parametrize(("text", "place"), DATELINES)
def test_parse_dateline_outlet_styles(text: str, place: str) -> None:
    found = parse_dateline(text)
    assert found is not None
    words, start, end = found
    assert words == place
    assert text[start:end] == place


@pytest.mark.parametrize("text", [
    "The meeting — was long",
    "US President said",
    "General Secretary To Lam met Hun Sen.",
    "Hanoi - a city",
    "",
    "   ",
    "— PHNOM PENH",
    "Hanoi, Jan 5 the minister said",
])
def test_parse_dateline_none(text: str) -> None:
    assert parse_dateline(text) is None


def test_parse_dateline_from_offset() -> None:
    text = " date 2026-02-06 PHNOM PENH — General"
    assert parse_dateline(text) is None
    assert parse_dateline(text, 16) == ("PHNOM PENH", 17, 27)
