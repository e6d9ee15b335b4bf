"""Organisations, countries and groups: metonymic capitals, demonyms before collective
nouns, and spans that only qualify a title."""

from __future__ import annotations

import pytest

from comity.pipeline import Pipeline

from .factories import actors_of, mentions, resolve_text


@pytest.mark.parametrize(("text", "mention", "country"), [
    ("Phnom Penh values the partnership.", "Phnom Penh", "KHM"),          # subject
    ("He discussed the border with Bangkok.", "Bangkok", "THA"),         # "with"
    ("She signed on behalf of Jakarta.", "Jakarta", "IDN"),               # "on behalf of"
    ("Washington said the talks were useful.", "Washington", "USA"),      # "Washington, D.C."
])
def test_groups_capital_stands_for_its_country(pipeline: Pipeline, text: str, mention: str,
                                              country: str) -> None:
    found = [e for f in mentions(resolve_text(pipeline, text)) if f.text == mention
             for e in f.entities]
    assert [(e.kind, e.country) for e in found] == [("country", country)]


@pytest.mark.parametrize(("text", "capital"), [
    ("The delegation arrived in Hanoi on Monday.", "Hanoi"),              # a location
    ("The talks were held in Phnom Penh.", "Phnom Penh"),
    ("BEIJING, March 3 (Reuters) - China said it opposed the tariffs.", "BEIJING"),
])
def test_groups_capital_as_location_is_no_actor(pipeline: Pipeline, text: str,
                                                capital: str) -> None:
    assert capital not in {f.text for f in mentions(resolve_text(pipeline, text))}


@pytest.mark.parametrize(("text", "mention", "name", "sector"), [
    ("Malaysian police arrested 12 people.", "Malaysian police", "Malaysia", "COP"),
    ("The army accused Cambodian troops of laying mines.", "Cambodian troops", "Cambodia",
     "MIL"),
    ("Myanmar's junta released two Thai fishermen.", "Thai fishermen", "Thailand", "CVL"),
    ("The Lao government and the Chinese embassy signed it.", "Chinese embassy", "China",
     "GOV"),
    ("Japanese and Philippine coast guard ships held a drill.", "Japanese", "Japan", None),
])
def test_groups_demonym_before_collective_noun(pipeline: Pipeline, text: str, mention: str,
                                               name: str, sector: str | None) -> None:
    found = [e for f in mentions(resolve_text(pipeline, text)) if f.text == mention
             for e in f.entities]
    assert [(e.name, e.kind) for e in found] == [(name, "country")]
    if sector is not None:
        assert found[0].sector == sector


def test_groups_singular_noun_is_not_a_country(pipeline: Pipeline) -> None:
    found = actors_of(pipeline, "Cambodian Foreign Minister Sok Chenda Sophea met Bùi "
                      "Thanh Sơn. The Cambodian official thanked his host.", "2025-02-10")
    assert found["The Cambodian official"] == [("Sok Chenda Sophea", "KHM")]


@pytest.mark.parametrize(("text", "day", "mention", "name"), [
    # the organisation only qualifies the title: the office holder is the actor
    ("The Cambodian Senate President thanked his hosts.", "2024-09-25",
     "The Cambodian Senate President", "Hun Sen"),
    ("Vietnam's State President will attend the APEC summit.", "2024-11-11",
     "Vietnam's State President", "Lương Cường"),
])
def test_groups_span_qualifying_a_title_gives_way(pipeline: Pipeline, text: str, day: str,
                                                  mention: str, name: str) -> None:
    found = actors_of(pipeline, text, day)
    assert [n for n, _ in found[mention]] == [name]
    assert "Cambodian Senate" not in found and "Vietnam" not in found
