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
