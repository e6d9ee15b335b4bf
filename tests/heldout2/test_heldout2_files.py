"""Structure checks for the second held-out set (tests/heldout2, docs/devset.md): blind
articles, written and annotated without running the extractor. The checks of
tests/heldout/test_heldout_files.py (shared helpers of tests/devset/test_devset_files.py)
applied to these files; `comity eval tests/heldout2/gold.json --articles
tests/heldout2/articles` scores the extractor on them."""

from __future__ import annotations

import json
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
from tests.heldout.test_heldout_files import ARTICLES as HELDOUT_ARTICLES
from tests.heldout.test_heldout_files import COUNTRIES
from tests.heldout.test_heldout_files import ORGANISATIONS as KB_ORGANISATIONS

HELDOUT2 = Path(__file__).resolve().parent
ARTICLES = HELDOUT2 / "articles"
GOLD = HELDOUT2 / "gold.json"
# Non-person actors of this gold that are not in the knowledge base.
ORGANISATIONS = KB_ORGANISATIONS | {"Hamas", "Mercosur"}
GOLD_ARTICLES: list[dict[str, Any]] = (
    json.loads(GOLD.read_text(encoding="utf-8")) if GOLD.is_file() else []
)


def _text(article: dict[str, Any]) -> str:
    return (ARTICLES / article["file"]).read_text(encoding="utf-8")


def _clusters(gold: Path) -> set[str]:
    data = json.loads(gold.read_text(encoding="utf-8"))
    return {ev["cluster"] for article in data for ev in article["events"]}


def test_heldout2_gold_covers_every_article_file_once() -> None:
    listed = [a["file"] for a in GOLD_ARTICLES]
    assert len(listed) == len(set(listed))
    assert sorted(listed) == sorted(p.name for p in ARTICLES.glob("*.txt"))
    assert len(listed) >= 15
    assert sum(1 for a in GOLD_ARTICLES if not a["events"]) >= 3


@pytest.mark.parametrize("article", GOLD_ARTICLES, ids=lambda a: a["file"])
def test_heldout2_article_and_gold_are_well_formed(article: dict[str, Any]) -> None:
    text = _text(article)
    check_header_and_length(article, text)
    assert len(text.split()) <= 350, article["file"]
    check_events(article, COUNTRIES, ORGANISATIONS)
    check_actor_aliases(article, text)


def test_heldout2_cluster_meetings_agree_on_day_and_country() -> None:
    assert not cluster_spread(GOLD_ARTICLES, "date")
    assert not cluster_spread(GOLD_ARTICLES, "location_country")


def test_heldout2_clusters_are_not_in_the_other_sets() -> None:
    ours = {ev["cluster"] for a in GOLD_ARTICLES for ev in a["events"]}
    for other in (DEVSET_ARTICLES.parent / "gold.json", HELDOUT_ARTICLES.parent / "gold.json"):
        assert not ours & _clusters(other), other


def test_heldout2_does_not_copy_seed_text(seeds_dir: Path) -> None:
    check_no_seed_text(ARTICLES, seeds_dir)


@pytest.mark.parametrize("other", [DEVSET_ARTICLES, HELDOUT_ARTICLES], ids=["devset", "heldout"])
def test_heldout2_does_not_copy_other_set_text(other: Path) -> None:
    check_no_seed_text(ARTICLES, other)
