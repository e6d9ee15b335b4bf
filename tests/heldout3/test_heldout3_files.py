"""Structure checks for the third held-out set (tests/heldout3, docs/devset.md): blind
articles, written and annotated without running the extractor. The checks of
tests/heldout2/test_heldout2_files.py (shared helpers of tests/devset/test_devset_files.py)
applied to these files; `comity eval tests/heldout3/gold.json --articles
tests/heldout3/articles` scores the extractor on them, once."""

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
from tests.heldout2.test_heldout2_files import ARTICLES as HELDOUT2_ARTICLES
from tests.heldout2.test_heldout2_files import _clusters

HELDOUT3 = Path(__file__).resolve().parent
ARTICLES = HELDOUT3 / "articles"
GOLD = HELDOUT3 / "gold.json"
OTHER_SETS = {"devset": DEVSET_ARTICLES, "heldout": HELDOUT_ARTICLES, "heldout2": HELDOUT2_ARTICLES}
GOLD_ARTICLES: list[dict[str, Any]] = (
    json.loads(GOLD.read_text(encoding="utf-8")) if GOLD.is_file() else []
)


def _text(article: dict[str, Any]) -> str:
    return (ARTICLES / article["file"]).read_text(encoding="utf-8")


def test_heldout3_gold_covers_every_article_file_once() -> None:
    listed = [a["file"] for a in GOLD_ARTICLES]
    assert len(listed) == len(set(listed))
    assert sorted(listed) == sorted(p.name for p in ARTICLES.glob("*.txt"))
    assert len(listed) >= 15
    assert sum(1 for a in GOLD_ARTICLES if not a["events"]) >= 3


@pytest.mark.parametrize("article", GOLD_ARTICLES, ids=lambda a: a["file"])
def test_heldout3_article_and_gold_are_well_formed(article: dict[str, Any]) -> None:
    text = _text(article)
    check_header_and_length(article, text)
    assert len(text.split()) <= 350, article["file"]
    check_events(article, COUNTRIES, KB_ORGANISATIONS)
    check_actor_aliases(article, text)


def test_heldout3_cluster_meetings_agree_on_day_and_country() -> None:
    assert not cluster_spread(GOLD_ARTICLES, "date")
    assert not cluster_spread(GOLD_ARTICLES, "location_country")


@pytest.mark.parametrize("other", OTHER_SETS.values(), ids=OTHER_SETS.keys())
def test_heldout3_clusters_are_not_in_the_other_sets(other: Path) -> None:
    ours = {ev["cluster"] for a in GOLD_ARTICLES for ev in a["events"]}
    assert not ours & _clusters(other.parent / "gold.json")


def test_heldout3_does_not_copy_seed_text(seeds_dir: Path) -> None:
    check_no_seed_text(ARTICLES, seeds_dir)


@pytest.mark.parametrize("other", OTHER_SETS.values(), ids=OTHER_SETS.keys())
def test_heldout3_does_not_copy_other_set_text(other: Path) -> None:
    check_no_seed_text(ARTICLES, other)
