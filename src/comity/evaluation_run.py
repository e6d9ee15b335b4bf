"""Run the pipeline over a gold file's articles and score it (used by ``comity eval``)."""

from __future__ import annotations

from pathlib import Path

from comity.errors import EvalError, InputError
from comity.evaluate import EvalReport, GoldArticle, Scorer, load_gold
from comity.ingest import read_file
from comity.model import Event
from comity.pipeline import Pipeline
from comity.settings import Settings


def evaluate(gold_path: Path, articles: Path, settings: Settings | None = None,
             pipeline: Pipeline | None = None) -> EvalReport:
    """Extract the events of every article named in the gold file and score them."""
    settings = settings or Settings()
    gold = load_gold(gold_path)
    pipeline = pipeline or Pipeline(settings)
    place_key = None
    if pipeline.gazetteer is not None:
        gaz = pipeline.gazetteer

        def place_key(name: str) -> str:
            place = gaz.lookup(name)
            return place.name.lower() if place is not None else name.lower()

    scorer = Scorer(pipeline.kb, place_key)
    report = EvalReport()
    all_events: list[tuple[str, Event]] = []
    for article in gold:
        path = articles / article.file
        if not path.is_file():
            raise EvalError(f"article {article.file!r} of the gold file is not in {articles}")
        try:
            docs = read_file(path, settings=settings, story_date=article.story_date)
        except InputError as exc:
            raise EvalError(f"cannot read {path}: {exc.reason}") from exc
        events = [ev for doc in docs for ev in pipeline.extract(doc)]
        scorer.score_article(report, article, events)
        all_events.extend((article.file, ev) for ev in events)
    report.clusters = _cluster_scores(gold, scorer, all_events, settings)
    return report


def _cluster_scores(gold: list[GoldArticle], scorer: Scorer,
                    all_events: list[tuple[str, Event]], settings: Settings
                    ) -> dict[str, float]:
    """B-cubed precision/recall of canonical events' documents against gold clusters."""
    from comity.evaluate_clusters import score_clusters

    return score_clusters(gold, scorer, all_events, settings.merge_days)
