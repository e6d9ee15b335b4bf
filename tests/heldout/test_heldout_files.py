"""Structure checks for the held-out set (tests/heldout, docs/devset.md): the dev-set checks
of tests/devset/test_devset_files.py applied to the held-out files, with the country and
organisation names of the knowledge base as the known non-person actors. They validate the
files only; `comity eval tests/heldout/gold.json --articles tests/heldout/articles` scores
the extractor on them."""

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

HELDOUT = Path(__file__).resolve().parent
ARTICLES = HELDOUT / "articles"
GOLD = HELDOUT / "gold.json"
KB = HELDOUT.parents[1] / "src" / "comity" / "data" / "kb"
# Actors of the gold that are neither persons nor in the knowledge base.
OTHER_ACTORS = {"M23": "COD"}


def _kb_rows(name: str) -> list[dict[str, Any]]:
    lines = (KB / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.startswith("{") and '"format"' not in line]


COUNTRIES = {row["name"]: row["iso3"] for row in _kb_rows("countries.jsonl")}
ORGANISATIONS = {row["name"] for row in _kb_rows("organisations.jsonl")} | set(OTHER_ACTORS)
GOLD_ARTICLES: list[dict[str, Any]] = (
    json.loads(GOLD.read_text(encoding="utf-8")) if GOLD.is_file() else []
)


def _text(article: dict[str, Any]) -> str:
    return (ARTICLES / article["file"]).read_text(encoding="utf-8")


def test_heldout_gold_covers_every_article_file_once() -> None:
    listed = [a["file"] for a in GOLD_ARTICLES]
    assert len(listed) == len(set(listed))
    assert sorted(listed) == sorted(p.name for p in ARTICLES.glob("*.txt"))
    assert len(listed) >= 12
    assert sum(1 for a in GOLD_ARTICLES if not a["events"]) >= 2


@pytest.mark.parametrize("article", GOLD_ARTICLES, ids=lambda a: a["file"])
def test_heldout_article_header_and_length(article: dict[str, Any]) -> None:
    text = _text(article)
    check_header_and_length(article, text)
    assert len(text.split()) <= 350, article["file"]


@pytest.mark.parametrize("article", GOLD_ARTICLES, ids=lambda a: a["file"])
def test_heldout_gold_events_are_well_formed(article: dict[str, Any]) -> None:
    check_events(article, COUNTRIES, ORGANISATIONS)


@pytest.mark.parametrize("article", GOLD_ARTICLES, ids=lambda a: a["file"])
def test_heldout_gold_actor_aliases_occur_in_text(article: dict[str, Any]) -> None:
    check_actor_aliases(article, _text(article))


def test_heldout_cluster_meetings_agree_on_day_and_country() -> None:
    assert not cluster_spread(GOLD_ARTICLES, "date")
    assert not cluster_spread(GOLD_ARTICLES, "location_country")


def test_heldout_clusters_are_not_dev_set_clusters() -> None:
    dev = json.loads((DEVSET_ARTICLES.parent / "gold.json").read_text(encoding="utf-8"))
    dev_clusters = {ev["cluster"] for a in dev for ev in a["events"]}
    held = {ev["cluster"] for a in GOLD_ARTICLES for ev in a["events"]}
    assert not held & dev_clusters


def test_heldout_does_not_copy_seed_text(seeds_dir: Path) -> None:
    check_no_seed_text(ARTICLES, seeds_dir)


def test_heldout_does_not_copy_dev_set_text() -> None:
    check_no_seed_text(ARTICLES, DEVSET_ARTICLES)
