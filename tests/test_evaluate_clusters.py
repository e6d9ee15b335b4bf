"""Tests of comity.evaluate_clusters: B-cubed over reports (document, gold cluster)."""

from __future__ import annotations

import datetime as dt

import pytest

from comity.actors.kb import KnowledgeBase
from comity.evaluate import GoldArticle, GoldEvent, Scorer
from comity.evaluate_clusters import align, bcubed, report_items, score_clusters
from comity.model import Entity, Event, Mention

A = Entity(id="x:alpha", name="Alpha Person", country="AAA")
B = Entity(id="x:beta", name="Beta Person", country="BBB")
D = dt.date(2025, 3, 4)
SCORER = Scorer(KnowledgeBase())


def gold(cluster: str, *, type: str = "CONSULT", date: dt.date | None = D,
         status: str = "occurred", optional: bool = False) -> GoldEvent:
    return GoldEvent(kind="interaction", type=type, source=A.name, target=B.name, date=date,
                     status=status, location=None, location_country=None, mode=None,
                     cluster=cluster, optional=optional)


def pred(eid: str, doc: str, *, type: str = "CONSULT", cameo: str = "040",
         date: dt.date | None = D, status: str = "occurred") -> tuple[str, Event]:
    return doc, Event(id=eid, type=type, cameo=cameo, actor=(A,), recipient=(B,), date=date,
                      story_date=D, status=status, kind="interaction",
                      mentions=(Mention(doc=doc, sentence=0, start=0, end=1, text="x"),))


def article(file: str, *events: GoldEvent) -> GoldArticle:
    return GoldArticle(file=file, story_date=D, events=events)


@pytest.mark.parametrize("predicted,gold_map,expected", [
    ({"a": "1", "b": "1", "c": "2"}, {"a": "x", "b": "x", "c": "y"}, (1.0, 1.0)),
    ({"a": "1", "b": "1", "c": "1"}, {"a": "x", "b": "x", "c": "y"}, (5 / 9, 1.0)),
    ({"a": "1", "b": "2", "c": "3"}, {"a": "x", "b": "x", "c": "y"}, (1.0, 2 / 3)),
    ({}, {"a": "x"}, (1.0, 1.0)),
], ids=["perfect", "over-merged", "split", "no-items"])
def test_bcubed_precision_recall(predicted: dict[str, str], gold_map: dict[str, str],
                                 expected: tuple[float, float]) -> None:
    p, r = bcubed(predicted, gold_map)
    assert p == pytest.approx(expected[0]) and r == pytest.approx(expected[1])


def test_score_clusters_statements_at_a_meeting_are_one_report() -> None:
    # the meeting is reported by both documents and merged; the praise voiced at it (same
    # gold cluster) is a different act and stays its own canonical event: no penalty
    arts = [article("a", gold("m"), gold("m", type="SUPPORT")), article("b", gold("m"))]
    events = [pred("a1", "a"), pred("a2", "a", type="SUPPORT", cameo="051"), pred("b1", "b")]
    assert score_clusters(arts, SCORER, events, 1) == {"precision": 1.0, "recall": 1.0,
                                                        "f1": 1.0}


@pytest.mark.parametrize("b_date,b_cluster,expected", [
    (D, "m", (1.0, 1.0)),                        # merged, same real-world event
    (D + dt.timedelta(days=9), "m", (1.0, 0.5)),  # not merged: each report alone
    (D, "other", (0.5, 1.0)),                    # merged two different events
], ids=["merged", "missed-merge", "false-merge"])
def test_score_clusters_two_documents(b_date: dt.date, b_cluster: str,
                                      expected: tuple[float, float]) -> None:
    arts = [article("a", gold("m")), article("b", gold(b_cluster, date=b_date))]
    got = score_clusters(arts, SCORER, [pred("a1", "a"), pred("b1", "b", date=b_date)], 1)
    assert (got["precision"], got["recall"]) == pytest.approx(expected)


def test_score_clusters_optional_gold_makes_no_item() -> None:
    arts = [article("a", gold("m")), article("b", gold("other", optional=True))]
    items = report_items(arts, SCORER, [pred("a1", "a"), pred("b1", "b")])
    assert items == {"a1": ("a", "m")}
    got = score_clusters(arts, SCORER, [pred("a1", "a"), pred("b1", "b")], 1)
    assert got["precision"] == 1.0


def test_score_clusters_plan_joins_the_event_that_fulfils_it() -> None:
    # a planned meeting (document a) and the meeting held (document b) share a gold cluster;
    # the merge links them instead of merging them, and the link counts as the same event
    arts = [article("a", gold("m", status="planned")), article("b", gold("m"))]
    events = [pred("a1", "a", status="planned"), pred("b1", "b")]
    assert score_clusters(arts, SCORER, events, 1)["recall"] == 1.0


def test_score_clusters_invitation_link_is_not_identity() -> None:
    # an invitation (occurred AGREE 036) links to the later visit, a different event
    later = D + dt.timedelta(days=30)
    arts = [article("a", gold("inv", type="AGREE")), article("b", gold("visit", date=later))]
    events = [pred("a1", "a", type="AGREE", cameo="036"), pred("b1", "b", date=later)]
    got = score_clusters(arts, SCORER, events, 1)
    assert (got["precision"], got["recall"]) == (1.0, 1.0)


def test_align_prefers_the_prediction_with_the_gold_date() -> None:
    earlier = D - dt.timedelta(days=400)
    art = article("a", gold("now"), gold("before", date=earlier))
    pairs = align(art, [pred("p1", "a", date=earlier)[1], pred("p2", "a")[1]], SCORER)
    assert {(g.cluster, e.id) for g, e in pairs} == {("now", "p2"), ("before", "p1")}


def test_score_clusters_empty_without_gold_clusters() -> None:
    assert score_clusters([article("a")], SCORER, [pred("a1", "a")], 1) == {}
