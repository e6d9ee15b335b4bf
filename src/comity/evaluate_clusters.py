"""B-cubed scoring of cross-document merging against the gold ``cluster`` ids.

A gold ``cluster`` names one real-world event across articles; the statements made at a
meeting share the meeting's cluster, and a planned meeting shares the cluster of the
meeting that took place (``../shared/seeds/README.md``). The merging rule, on the other
hand, builds one canonical event per *type* of act (a meeting and the praise voiced at it
stay two canonical events) and links a planned event to the event that fulfils it
instead of merging them (``docs/database.md``). So the items scored are **reports**, not
events:

* an item is a (document, gold cluster) pair: the document reports that real-world event.
  It exists when an extracted event of the document is aligned to a gold event of the
  cluster (one-to-one, core gold events first, as :meth:`comity.evaluate.Scorer.
  score_article` does, preferring a prediction with the gold date); ``optional`` gold
  events are neither rewarded nor penalised, so they make no item;
* the predicted grouping: two items are together when a canonical event has member events
  in both, or when a planned canonical event is linked to the occurred canonical event of
  the same type that fulfils it (the transitive closure of both);
* the gold grouping: the cluster id.

Precision is the B-cubed share of an item's predicted group with its gold cluster; recall
the share of its gold cluster in its predicted group. Events the extractor missed make no
item: extraction recall is scored by ``comity eval``'s event table, not here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from comity.evaluate import GoldArticle, GoldEvent, Scorer
from comity.model import Event


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float]:
    """B-cubed precision and recall of a clustering: ``predicted`` and ``gold`` map each
    item to its cluster id; items missing from either side are ignored. Returns
    (precision, recall); (1.0, 1.0) for no items."""
    items = sorted(set(predicted) & set(gold))
    if not items:
        return 1.0, 1.0
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for i in items:
        by_pred[predicted[i]].add(i)
        by_gold[gold[i]].add(i)
    precision = recall = 0.0
    for i in items:
        p, g = by_pred[predicted[i]], by_gold[gold[i]]
        both = len(p & g)
        precision += both / len(p)
        recall += both / len(g)
    return precision / len(items), recall / len(items)


def align(article: GoldArticle, events: Sequence[Event], scorer: Scorer
          ) -> list[tuple[GoldEvent, Event]]:
    """One-to-one (gold, predicted) pairs of an article: gold events in file order, core
    ones first; each takes the first unused matching prediction with the gold date, else
    the first unused matching one."""
    used: set[int] = set()
    pairs = []
    order = sorted(range(len(article.events)), key=lambda i: not article.events[i].core)
    for gi in order:
        gold = article.events[gi]
        cands = [pi for pi, ev in enumerate(events)
                 if pi not in used and scorer.matches(gold, ev)]
        if not cands:
            continue
        pi = next((c for c in cands if events[c].date == gold.date), cands[0])
        used.add(pi)
        pairs.append((gold, events[pi]))
    return pairs


def report_items(gold: Sequence[GoldArticle], scorer: Scorer,
                 events: Sequence[tuple[str, Event]]) -> dict[str, tuple[str, str]]:
    """Map each extracted event id aligned to a non-optional gold event with a cluster to
    its item: (document file, gold cluster)."""
    by_file: dict[str, list[Event]] = defaultdict(list)
    for file, ev in events:
        by_file[file].append(ev)
    items: dict[str, tuple[str, str]] = {}
    for article in gold:
        for g, ev in align(article, by_file.get(article.file, []), scorer):
            if g.cluster and not g.optional:
                items[ev.id] = (article.file, g.cluster)
    return items


class _Partition:
    """Union-find over hashable keys with deterministic representatives (the smallest)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, xs: Iterable[str]) -> None:
        roots = sorted({self.find(x) for x in xs})
        for r in roots[1:]:
            self.parent[r] = roots[0]


def _item_key(item: tuple[str, str]) -> str:
    return f"{item[0]}\t{item[1]}"


def predicted_groups(members: Mapping[str, Sequence[str]], canonical: Sequence[Event],
                     items: Mapping[str, tuple[str, str]]) -> dict[str, str]:
    """Predicted group of each item: ``members`` maps each canonical event id to its member
    (per-document) event ids; ``canonical`` are the canonical events with their
    follow-through links. Returns item key -> group id."""
    part = _Partition()
    for member_ids in members.values():
        keys = [_item_key(items[m]) for m in member_ids if m in items]
        part.union(keys)
    by_id = {e.id: e for e in canonical}
    for plan in canonical:
        if plan.status != "planned":
            continue
        for lk in plan.links:
            done = by_id.get(lk)
            if done is None or done.status != "occurred" or done.type != plan.type:
                continue
            keys = [_item_key(items[m]) for m in (*members[plan.id], *members[done.id])
                    if m in items]
            part.union(keys)
    return {_item_key(i): part.find(_item_key(i)) for i in items.values()}


def score_clusters(gold: Sequence[GoldArticle], scorer: Scorer,
                   events: Sequence[tuple[str, Event]], window_days: int
                   ) -> dict[str, float]:
    """B-cubed precision, recall and F1 of the canonical events' documents (the reports
    above) against the gold clusters; ``{}`` when no extracted event has a gold cluster."""
    from comity.dedup import cluster_events

    items = report_items(gold, scorer, events)
    if not items:
        return {}
    clusters = cluster_events([ev for _f, ev in events], window_days=window_days)
    members = {c.event.id: c.members for c in clusters}
    predicted = predicted_groups(members, [c.event for c in clusters], items)
    gold_of = {_item_key(i): i[1] for i in items.values()}
    p, r = bcubed(predicted, gold_of)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
