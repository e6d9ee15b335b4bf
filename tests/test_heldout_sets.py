"""Structure checks for the held-out sets (tests/heldout, tests/heldout2, tests/heldout3,
tests/heldout4; docs/devset.md): the dev-set checks of tests/devset/test_devset_files.py
applied to each set, with the country and organisation names of the knowledge base as the
known non-person actors, and each set kept apart from the sets written before it (no shared
cluster, no shared 12-word run). They validate the files only; `comity eval
tests/heldoutN/gold.json --articles tests/heldoutN/articles` scores the extractor on them."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.devset.test_devset_files import (
    ARTICLES as DEVSET_ARTICLES,
)
from tests.devset.test_devset_files import (
    check_actor_aliases,
    check_events,
    check_header_and_length,
    check_no_seed_text,
    cluster_spread,
)

TESTS = Path(__file__).resolve().parent
KB = TESTS.parent / "src" / "comity" / "data" / "kb"
MAX_WORDS = 350


@dataclass(frozen=True)
class HeldoutSet:
    """One held-out set: its folder, its minimum size and its actors outside the KB."""

    name: str
    min_articles: int
    min_negatives: int
    #: non-person actors of its gold that are not in the knowledge base
    other_actors: frozenset[str] = field(default_factory=frozenset)

    @property
    def articles(self) -> Path:
        return TESTS / self.name / "articles"

    def gold(self) -> list[dict[str, Any]]:
        path = TESTS / self.name / "gold.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else []


# in the order they were written: each is kept apart from the dev set and those before it
SETS = [
    HeldoutSet("heldout", 12, 2, frozenset({"M23"})),
    HeldoutSet("heldout2", 15, 3, frozenset({"Hamas", "Mercosur"})),
    HeldoutSet("heldout3", 15, 3),
    HeldoutSet("heldout4", 15, 3, frozenset({"M23"})),
]
ARTICLES = [(s, a) for s in SETS for a in s.gold()]


def _kb_rows(name: str) -> list[dict[str, Any]]:
    lines = (KB / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.startswith("{") and '"format"' not in line]


COUNTRIES = {row["name"]: row["iso3"] for row in _kb_rows("countries.jsonl")}
ORGANISATIONS = {row["name"] for row in _kb_rows("organisations.jsonl")}


def _clusters(gold: list[dict[str, Any]]) -> set[str]:
    return {ev["cluster"] for article in gold for ev in article["events"]}


def _earlier(s: HeldoutSet) -> list[tuple[str, Path, list[dict[str, Any]]]]:
    """(name, articles folder, gold) of the dev set and the held-out sets before ``s``."""
    dev = json.loads((DEVSET_ARTICLES.parent / "gold.json").read_text(encoding="utf-8"))
    before = SETS[:SETS.index(s)]
    return [("devset", DEVSET_ARTICLES, dev)] + [(b.name, b.articles, b.gold()) for b in before]


@pytest.mark.parametrize("held", SETS, ids=[s.name for s in SETS])
def test_heldout_gold_covers_every_article_file_once(held: HeldoutSet) -> None:
    gold = held.gold()
    listed = [a["file"] for a in gold]
    assert len(listed) == len(set(listed))
    assert sorted(listed) == sorted(p.name for p in held.articles.glob("*.txt"))
    assert len(listed) >= held.min_articles
    assert sum(1 for a in gold if not a["events"]) >= held.min_negatives


@pytest.mark.parametrize(("held", "article"), ARTICLES,
                         ids=[f"{s.name}/{a['file']}" for s, a in ARTICLES])
def test_heldout_article_and_gold_are_well_formed(held: HeldoutSet,
                                                  article: dict[str, Any]) -> None:
    text = (held.articles / article["file"]).read_text(encoding="utf-8")
    check_header_and_length(article, text)
    assert len(text.split()) <= MAX_WORDS, article["file"]
    check_events(article, COUNTRIES, ORGANISATIONS | held.other_actors)
    check_actor_aliases(article, text)


@pytest.mark.parametrize("held", SETS, ids=[s.name for s in SETS])
def test_heldout_cluster_meetings_agree_on_day_and_country(held: HeldoutSet) -> None:
    assert not cluster_spread(held.gold(), "date")
    assert not cluster_spread(held.gold(), "location_country")


@pytest.mark.parametrize("held", SETS, ids=[s.name for s in SETS])
def test_heldout_clusters_are_not_in_earlier_sets(held: HeldoutSet) -> None:
    ours = _clusters(held.gold())
    for name, _folder, gold in _earlier(held):
        assert not ours & _clusters(gold), name


@pytest.mark.parametrize("held", SETS, ids=[s.name for s in SETS])
def test_heldout_does_not_copy_seed_text(held: HeldoutSet, seeds_dir: Path) -> None:
    check_no_seed_text(held.articles, seeds_dir)


@pytest.mark.parametrize("held", SETS, ids=[s.name for s in SETS])
def test_heldout_does_not_copy_earlier_set_text(held: HeldoutSet) -> None:
    for _name, folder, _gold in _earlier(held):
        check_no_seed_text(held.articles, folder)
