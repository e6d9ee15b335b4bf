"""Structure checks for the evaluation data: the dev set, the PLOVER sentence cases and the
actor cases. They validate the files only (formats, vocabularies, internal consistency);
the tests that run the extractor on them live beside the stages they exercise."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).resolve().parents[1]
DEVSET = TESTS / "devset"
ARTICLES = DEVSET / "articles"
GOLD = DEVSET / "gold.json"
PLOVER_CASES = TESTS / "coding" / "plover_cases.tsv"
ACTOR_CASES = TESTS / "actors" / "actor_cases.jsonl"

TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
# CAMEO root codes each PLOVER type may carry (CAMEO -> PLOVER crosswalk, loosely).
CAMEO_ROOTS = {
    "AGREE": {"03"}, "CONSULT": {"04"}, "SUPPORT": {"05"}, "CONCEDE": {"03", "05", "08"},
    "COOPERATE": {"06"}, "AID": {"07"}, "RETREAT": {"08"}, "REQUEST": {"02", "10"},
    "ACCUSE": {"09", "11"}, "REJECT": {"12"}, "THREATEN": {"13"}, "PROTEST": {"14"},
    "SANCTION": {"16"}, "MOBILIZE": {"15"}, "COERCE": {"17"}, "ASSAULT": {"18", "19", "20"},
}
MODES = {None, "visit", "multilateral", "phone", "third-party"}
EVENT_FIELDS = [
    "kind", "type", "mode", "cameo", "source", "source_country", "target", "target_country",
    "date", "status", "location", "location_country", "cluster", "participants", "note",
]
FLAGS = {
    "symmetric", "implied", "optional", "background",
    "acceptable_modes", "acceptable_status", "acceptable_types",
}
# Country and non-person actors the gold may use as source/target (name -> ISO alpha-3).
COUNTRIES = {
    "Australia": "AUS", "Belarus": "BLR", "Brunei": "BRN", "Cambodia": "KHM", "Chile": "CHL",
    "China": "CHN", "France": "FRA", "Germany": "DEU", "India": "IND", "Indonesia": "IDN",
    "Japan": "JPN", "Laos": "LAO", "Malaysia": "MYS", "Myanmar": "MMR", "New Zealand": "NZL",
    "North Korea": "PRK", "Norway": "NOR", "Philippines": "PHL", "Poland": "POL",
    "Russia": "RUS", "Singapore": "SGP", "Slovenia": "SVN", "South Korea": "KOR",
    "Thailand": "THA", "Timor-Leste": "TLS", "Turkey": "TUR", "Ukraine": "UKR",
    "United Kingdom": "GBR", "United States": "USA", "Vietnam": "VNM",
}
ORGANISATIONS = {
    "ASEAN": "IGO", "United Nations": "IGO", "United Nations Security Council": "IGO",
    "European Union": "IGO", "Communist Party of Vietnam": "VNM",
    "Cambodian People's Party": "KHM", "Lao People's Revolutionary Party": "LAO",
    "Communist Party of China": "CHN", "Democratic Party of Korea": "KOR",
}
ISO3 = re.compile(r"^[A-Z]{3}$")
FIRST_LINE = re.compile(r"^ date (\d{4}-\d{2}-\d{2}) \S")


def _gold() -> list[dict[str, Any]]:
    data = json.loads(GOLD.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def _text(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


GOLD_ARTICLES = _gold() if GOLD.is_file() else []


def test_gold_covers_every_article_file_once() -> None:
    files = sorted(p.name for p in ARTICLES.glob("*.txt"))
    listed = [a["file"] for a in GOLD_ARTICLES]
    assert len(listed) == len(set(listed)), "an article is listed twice in gold.json"
    assert sorted(listed) == files


def test_gold_has_enough_articles_and_negatives() -> None:
    negatives = [a for a in GOLD_ARTICLES if not a["events"]]
    assert len(GOLD_ARTICLES) >= 70
    assert len(negatives) >= 12


@pytest.mark.parametrize("article", GOLD_ARTICLES, ids=lambda a: a["file"])
def test_article_header_and_length(article: dict[str, Any]) -> None:
    check_header_and_length(article, _text(article["file"]))


def check_header_and_length(article: dict[str, Any], text: str) -> None:
    """The first line carries the story date; 150-450 words (shared with tests/heldout)."""
    first = text.split("\n", 1)[0]
    match = FIRST_LINE.match(first)
    assert match, f"{article['file']}: first line must be ' date YYYY-MM-DD <headline>'"
    assert match.group(1) == article["story_date"]
    words = len(text.split())
    assert 150 <= words <= 450, f"{article['file']}: {words} words"


@pytest.mark.parametrize("article", GOLD_ARTICLES, ids=lambda a: a["file"])
def test_gold_events_are_well_formed(article: dict[str, Any]) -> None:
    check_events(article, COUNTRIES, set(ORGANISATIONS))


def check_events(article: dict[str, Any], countries: dict[str, str], organisations: set[str]
                 ) -> None:
    """Every event has every field, valid vocabularies and ISO codes, known actors and a
    date consistent with its status (shared with tests/heldout)."""
    story = _date(article["story_date"])
    names = {a["name"] for a in article["actors"]}
    known = names | set(countries) | organisations
    for i, ev in enumerate(article["events"]):
        where = f"{article['file']} event {i}"
        assert list(ev)[: len(EVENT_FIELDS) - 2] == EVENT_FIELDS[:-2], where
        assert set(ev) - set(EVENT_FIELDS) <= FLAGS, f"{where}: unknown fields"
        assert {"participants", "note"} <= set(ev), where
        assert ev["kind"] in {"interaction", "statement"}, where
        assert ev["type"] in TYPES, where
        assert re.fullmatch(r"\d{3,4}", ev["cameo"]), where
        assert ev["cameo"][:2] in CAMEO_ROOTS[ev["type"]], f"{where}: {ev['type']} {ev['cameo']}"
        assert ev["mode"] in MODES, where
        if ev["mode"] is not None:
            assert ev["type"] == "CONSULT", where
        if ev["type"] == "CONSULT":
            assert ev["kind"] == "interaction", where
        assert ev["status"] in {"occurred", "planned"}, where
        for field in ("source", "target"):
            assert ev[field] in known, f"{where}: unknown {field} {ev[field]!r}"
        for field in ("source_country", "target_country"):
            assert ISO3.match(ev[field]), where
        for name, field in ((ev["source"], "source_country"), (ev["target"], "target_country")):
            if name in countries:
                assert ev[field] == countries[name], where
        assert ev["source"] != ev["target"], where
        if ev["location_country"] is not None:
            assert ISO3.match(ev["location_country"]), where
        if ev["location"] is not None:
            assert ev["location_country"] is not None, where
        if ev["date"] is not None:
            date = _date(ev["date"])
            if ev["status"] == "occurred" and "planned" not in ev.get("acceptable_status", []):
                assert date <= story, f"{where}: occurred after the story date"
        elif not ev.get("background"):
            assert ev["status"] == "planned" or ev.get("implied"), f"{where}: no date"
        assert isinstance(ev["cluster"], str) and ev["cluster"], where
        for part in ev["participants"]:
            assert part in known, f"{where}: unknown participant {part!r}"
        for flag in ("symmetric", "optional", "background"):
            if flag in ev:
                assert ev[flag] is True, where
        for value in ev.get("acceptable_types", []):
            assert value in TYPES, where
        for value in ev.get("acceptable_modes", []):
            assert value in MODES, where
        for value in ev.get("implied", []):
            assert value in EVENT_FIELDS, where


@pytest.mark.parametrize("article", GOLD_ARTICLES, ids=lambda a: a["file"])
def test_gold_actor_aliases_occur_in_text(article: dict[str, Any]) -> None:
    check_actor_aliases(article, _text(article["file"]))


def check_actor_aliases(article: dict[str, Any], text: str) -> None:
    """Actors have the four fields, an ISO code and aliases found in the text."""
    for actor in article["actors"]:
        assert set(actor) == {"name", "aliases_in_text", "title_in_text", "country"}
        assert ISO3.match(actor["country"]), actor
        assert actor["aliases_in_text"], actor
        for alias in actor["aliases_in_text"]:
            assert alias in text, f"{article['file']}: {alias!r} not in the text"


def test_gold_clusters_agree_across_articles() -> None:
    spread = cluster_spread(GOLD_ARTICLES, "date")
    assert not spread, f"meetings of one cluster on different days: {spread}"


def cluster_spread(articles: list[dict[str, Any]], field: str) -> dict[str, set[str]]:
    """Clusters whose meetings (CONSULT events) disagree on ``field``."""
    values: dict[str, set[str]] = {}
    for article in articles:
        for ev in article["events"]:
            if ev["type"] == "CONSULT" and ev[field] is not None:
                values.setdefault(ev["cluster"], set()).add(ev[field])
    return {c: v for c, v in values.items() if len(v) > 1}


def test_gold_clusters_are_shared_across_articles() -> None:
    """The cluster score needs real-world events reported by several articles (055-072 report
    events of 001-054 again, as other outlets), and plans in one article held in another."""
    reports: dict[str, set[str]] = defaultdict(set)
    status: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for article in GOLD_ARTICLES:
        for ev in article["events"]:
            if not ev.get("optional"):
                reports[ev["cluster"]].add(article["file"])
            status[ev["cluster"]][ev["status"]].add(article["file"])
    shared = [c for c, files in reports.items() if len(files) > 1]
    assert len(shared) >= 45, shared
    held_elsewhere = [
        c for c, by in status.items()
        if any(p != o for p in by["planned"] for o in by["occurred"])
    ]
    assert len(held_elsewhere) >= 10, held_elsewhere


def test_gold_cluster_meetings_agree_on_country() -> None:
    spread = cluster_spread(GOLD_ARTICLES, "location_country")
    assert not spread, f"meetings of one cluster in different countries: {spread}"


def test_devset_does_not_copy_seed_text(seeds_dir: Path) -> None:
    check_no_seed_text(ARTICLES, seeds_dir)


def check_no_seed_text(articles: Path, seeds_dir: Path) -> None:
    """No run of 12 words of an article occurs in a seed article."""
    def shingles(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.lower())
        return {tuple(words[i : i + 12]) for i in range(len(words) - 11)}

    seed = set().union(*(shingles(p.read_text(encoding="utf-8")) for p in seeds_dir.glob("*.txt")))
    for path in articles.glob("*.txt"):
        assert not shingles(path.read_text(encoding="utf-8")) & seed, path.name


def _plover_rows() -> list[dict[str, str]]:
    with PLOVER_CASES.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_plover_cases_header_and_counts() -> None:
    header = PLOVER_CASES.read_text(encoding="utf-8").split("\n", 1)[0]
    assert header.split("\t") == ["type", "cameo", "actor", "recipient", "story_date", "sentence"]
    counts = Counter(row["type"] for row in _plover_rows())
    assert set(counts) == TYPES
    assert min(counts.values()) >= 5


@pytest.mark.parametrize("row", _plover_rows(), ids=lambda r: r["sentence"][:40])
def test_plover_cases_rows_are_valid(row: dict[str, str]) -> None:
    assert None not in row, "extra tab in the row"
    assert re.fullmatch(r"\d{3,4}", row["cameo"])
    assert row["cameo"][:2] in CAMEO_ROOTS[row["type"]]
    assert row["actor"]
    _date(row["story_date"])
    assert row["sentence"].endswith(".")


def _actor_cases() -> list[dict[str, Any]]:
    lines = ACTOR_CASES.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_actor_cases_count() -> None:
    assert len(_actor_cases()) >= 90


@pytest.mark.parametrize("case", _actor_cases(), ids=lambda c: c["sentence"][:40])
def test_actor_cases_are_valid(case: dict[str, Any]) -> None:
    assert set(case) <= {"sentence", "story_date", "context", "actors"}
    _date(case["story_date"])
    assert isinstance(case.get("context", []), list)
    assert case["actors"]
    for actor in case["actors"]:
        assert set(actor) == {"text", "name", "country"}
        assert actor["text"] in case["sentence"], actor
        assert ISO3.match(actor["country"]), actor
