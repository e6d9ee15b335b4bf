"""Scoring extracted events against a gold file (format: ../shared/seeds/README.md).

Precision, recall and F1 for interaction and statement events (core = not optional, not
background), and among matched core events the accuracy of date, status, location and
mode (a date coarser than a day counts as no date, as in the gold format). Honours
``symmetric``, ``implied``, ``optional``, ``background`` and
``acceptable_*``. Matching: same kind (an interaction is not matched by a statement: the
praise voiced at a meeting is not the signing witnessed there), same type (or an acceptable
type), same actor and recipient after name normalisation through the knowledge base (an
unordered pair when symmetric). Core gold events are matched first; among the predictions
that match a gold event, the one with the same day, then the same status, then the first
in text order is taken.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from comity.actors.kb import KnowledgeBase
from comity.errors import EvalError
from comity.model import Event
from comity.textnorm import name_key

KINDS = ("interaction", "statement")


@dataclass(frozen=True)
class GoldEvent:
    """One annotated event."""

    kind: str
    type: str
    source: str | None
    target: str | None
    date: dt.date | None
    status: str
    location: str | None
    location_country: str | None
    mode: str | None
    cluster: str | None
    symmetric: bool = False
    implied: frozenset[str] = frozenset()
    optional: bool = False
    background: bool = False
    acceptable_types: frozenset[str] = frozenset()
    acceptable_modes: tuple[str | None, ...] = ()
    acceptable_status: frozenset[str] = frozenset()

    @property
    def core(self) -> bool:
        """Scored for recall (neither optional nor background)."""
        return not (self.optional or self.background)


@dataclass(frozen=True)
class GoldArticle:
    """An annotated article."""

    file: str
    story_date: dt.date | None
    events: tuple[GoldEvent, ...]


@dataclass
class KindScore:
    """Counts for one kind of event."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EvalReport:
    """The result of an evaluation."""

    kinds: dict[str, KindScore] = field(default_factory=lambda: {k: KindScore() for k in KINDS})
    attrs: dict[str, list[bool]] = field(default_factory=lambda: {
        "date": [], "status": [], "location": [], "mode": []})
    errors: list[dict[str, Any]] = field(default_factory=list)
    clusters: dict[str, float] = field(default_factory=dict)

    def accuracy(self, attr: str) -> float | None:
        vals = self.attrs[attr]
        return sum(vals) / len(vals) if vals else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready figures."""
        out: dict[str, Any] = {}
        for k, s in self.kinds.items():
            out[k] = {"precision": round(s.precision, 4), "recall": round(s.recall, 4),
                      "f1": round(s.f1, 4), "tp": s.tp, "fp": s.fp, "fn": s.fn}
        out["matched_accuracy"] = {a: (None if self.accuracy(a) is None
                                       else round(self.accuracy(a) or 0.0, 4))
                                   for a in self.attrs}
        out["matched_counts"] = {a: len(v) for a, v in self.attrs.items()}
        if self.clusters:
            out["clusters"] = {k: round(v, 4) for k, v in self.clusters.items()}
        out["errors"] = self.errors
        return out


def _date(value: Any, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise EvalError(f"{where}: bad date {value!r}") from exc


def load_gold(path: Path) -> list[GoldArticle]:
    """Read and validate a gold file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvalError(f"{path}: cannot read gold file: {exc}") from exc
    if not isinstance(data, list):
        raise EvalError(f"{path}: a gold file is a JSON list of articles")
    articles: list[GoldArticle] = []
    for n, art in enumerate(data):
        where = f"{path}: article {n}"
        if not isinstance(art, dict) or "file" not in art:
            raise EvalError(f"{where}: each article needs a 'file'")
        events = []
        for k, ev in enumerate(art.get("events", [])):
            w = f"{where} event {k}"
            try:
                events.append(GoldEvent(
                    kind=ev["kind"], type=ev["type"], source=ev.get("source"),
                    target=ev.get("target"), date=_date(ev.get("date"), w),
                    status=ev.get("status", "occurred"), location=ev.get("location"),
                    location_country=ev.get("location_country"), mode=ev.get("mode"),
                    cluster=ev.get("cluster"), symmetric=bool(ev.get("symmetric")),
                    implied=frozenset(ev.get("implied", [])),
                    optional=bool(ev.get("optional")), background=bool(ev.get("background")),
                    acceptable_types=frozenset(ev.get("acceptable_types", [])),
                    acceptable_modes=tuple(ev.get("acceptable_modes", [])),
                    acceptable_status=frozenset(ev.get("acceptable_status", []))))
            except (KeyError, TypeError) as exc:
                raise EvalError(f"{w}: missing or bad field {exc}") from exc
        articles.append(GoldArticle(file=str(art["file"]),
                                    story_date=_date(art.get("story_date"), where),
                                    events=tuple(events)))
    return articles


class Scorer:
    """Match predicted events to gold events and accumulate the scores."""

    def __init__(self, kb: KnowledgeBase, place_key: Callable[[str], str] | None = None
                 ) -> None:
        self.kb = kb
        self.place_key = place_key or name_key

    def actor_key(self, name: str | None) -> str | None:
        """Normalised key of a gold name (knowledge-base id when known)."""
        if not name:
            return None
        country = self.kb.country(name)
        if country is not None:
            return self.kb.entity_id(country)
        found = self.kb.lookup(name)
        return self.kb.entity_id(found[0]) if found else "name:" + name_key(name)

    def entity_key(self, event: Event, side: str) -> str | None:
        ents = event.actor if side == "actor" else event.recipient
        if not ents:
            return None
        e = ents[0]
        return e.id if e.id.startswith("kb:") else self.actor_key(e.name)

    def matches(self, gold: GoldEvent, pred: Event) -> bool:
        """Same kind, same type (or acceptable), same actor and recipient (unordered if
        symmetric)."""
        if pred.type != gold.type and pred.type not in gold.acceptable_types:
            return False
        if gold.kind in KINDS and pred.kind in KINDS and pred.kind != gold.kind:
            return False
        gs, gt = self.actor_key(gold.source), self.actor_key(gold.target)
        ps, pt = self.entity_key(pred, "actor"), self.entity_key(pred, "recipient")
        target_ok = {gt} | ({None} if "target" in gold.implied else set())
        source_ok = {gs} | ({None} if "source" in gold.implied else set())
        if ps in source_ok and pt in target_ok:
            return True
        return gold.symmetric and pt in source_ok and ps in target_ok

    def score_article(self, report: EvalReport, article: GoldArticle,
                      predicted: Iterable[Event]) -> None:
        """Add one article's matches to ``report``."""
        preds = list(predicted)
        used: set[int] = set()
        # core gold first, so an optional gold event never steals a core match
        order = sorted(range(len(article.events)), key=lambda i: not article.events[i].core)
        for gi in order:
            gold = article.events[gi]
            # of the predictions that match, the one that agrees on day and status: a
            # background "the two leaders first met in June" is not today's talks
            cands = [pi for pi, pred in enumerate(preds)
                     if pi not in used and self.matches(gold, pred)]
            if cands:
                pi = max(cands, key=lambda k: (self._day(preds[k]) == gold.date,
                                               preds[k].status == gold.status, -k))
                used.add(pi)
                if gold.core:
                    report.kinds[gold.kind].tp += 1
                    self._attributes(report, gold, preds[pi])
            else:
                if gold.core:
                    report.kinds[gold.kind].fn += 1
                    report.errors.append({"file": article.file, "error": "missed",
                                          "kind": gold.kind, "type": gold.type,
                                          "source": gold.source, "target": gold.target})
        for pi, pred in enumerate(preds):
            if pi not in used:
                kind = pred.kind if pred.kind in KINDS else "statement"
                report.kinds[kind].fp += 1
                report.errors.append({
                    "file": article.file, "error": "spurious", "kind": kind,
                    "type": pred.type,
                    "source": pred.actor[0].name if pred.actor else None,
                    "target": pred.recipient[0].name if pred.recipient else None,
                    "text": pred.mentions[0].text[:160] if pred.mentions else ""})

    @staticmethod
    def _day(pred: Event) -> dt.date | None:
        """The predicted day (a date coarser than a day counts as none)."""
        return pred.date if pred.date_precision in (None, "day") else None

    def _attributes(self, report: EvalReport, gold: GoldEvent, pred: Event) -> None:
        # gold gives a date only when the text gives a day: a month- or year-precision
        # prediction ("in March last year") says the same thing as a null gold date
        day = self._day(pred)
        date_ok = day == gold.date or ("date" in gold.implied and day is None)
        status_ok = pred.status == gold.status or pred.status in gold.acceptable_status
        if gold.location is None:
            loc_ok = pred.location is None or (
                pred.location.resolution < 3
                and pred.location.country == gold.location_country)
        else:
            loc_ok = pred.location is not None and self.place_key(
                pred.location.name) == self.place_key(gold.location)
            loc_ok = loc_ok or ("location" in gold.implied and pred.location is None)
        mode_ok = pred.mode == gold.mode or pred.mode in gold.acceptable_modes \
            or gold.type != "CONSULT"
        for attr, ok in (("date", date_ok), ("status", status_ok), ("location", loc_ok),
                         ("mode", mode_ok)):
            report.attrs[attr].append(bool(ok))
