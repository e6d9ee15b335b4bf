"""Tests of comity.evaluate: matching predicted events to gold events."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from comity.actors.kb import KnowledgeBase
from comity.evaluate import EvalReport, GoldArticle, GoldEvent, Scorer
from comity.model import Entity, Event

A = Entity(id="x:alpha", name="Alpha Person", country="AAA")
B = Entity(id="x:beta", name="Beta Person", country="BBB")
D = dt.date(2025, 3, 4)
SCORER = Scorer(KnowledgeBase())


def gold(kind: str, *, symmetric: bool = False) -> GoldEvent:
    return GoldEvent(kind=kind, type="SUPPORT", source=A.name, target=B.name, date=D,
                     status="occurred", location=None, location_country=None, mode=None,
                     cluster=None, symmetric=symmetric)


def pred(kind: str, cameo: str, *, reverse: bool = False) -> Event:
    actor, recipient = ((B,), (A,)) if reverse else ((A,), (B,))
    return Event(id="e", type="SUPPORT", cameo=cameo, actor=actor, recipient=recipient,
                 date=D, story_date=D, status="occurred", kind=kind)


@pytest.mark.parametrize(("gold_event", "predicted", "expected"), [
    (gold("interaction"), pred("interaction", "057"), True),
    (gold("statement"), pred("statement", "051"), True),
    # praise is not the signing witnessed at the same meeting, nor the reverse
    (gold("interaction"), pred("statement", "051"), False),
    (gold("statement"), pred("interaction", "057"), False),
    (gold("interaction", symmetric=True), pred("interaction", "057", reverse=True), True),
    (gold("interaction"), pred("interaction", "057", reverse=True), False),
], ids=["interaction", "statement", "statement-for-interaction",
        "interaction-for-statement", "symmetric-reversed", "directed-reversed"])
def test_scorer_matches_same_kind_type_and_parties(gold_event: GoldEvent, predicted: Event,
                                                   expected: bool) -> None:
    assert SCORER.matches(gold_event, predicted) is expected


def test_scorer_score_article_counts_unmatched_prediction_under_its_kind() -> None:
    report = EvalReport()
    art = GoldArticle(file="a", story_date=D, events=(gold("interaction"),))
    SCORER.score_article(report, art, [pred("statement", "051")])
    assert (report.kinds["interaction"].fn, report.kinds["statement"].fp) == (1, 1)
    assert [e["kind"] for e in report.errors] == ["interaction", "statement"]


def test_scorer_prefers_the_matching_prediction_of_the_same_day() -> None:
    # "the two leaders first met in June" (background) is told before today's talks
    report = EvalReport()
    art = GoldArticle(file="a", story_date=D, events=(gold("interaction"),))
    earlier = replace(pred("interaction", "057"), id="bg", date=dt.date(2024, 6, 1))
    today = replace(pred("interaction", "057"), id="today")
    SCORER.score_article(report, art, [earlier, today])
    assert report.kinds["interaction"].tp == 1
    assert report.attrs["date"] == [True]
    assert [e["error"] for e in report.errors] == ["spurious"]
