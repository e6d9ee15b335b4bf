"""B-cubed scoring of canonical events (cross-document merging) against gold clusters."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from comity.evaluate import GoldArticle, Scorer
from comity.model import Event


def bcubed(gold: Sequence[GoldArticle], scorer: Scorer, events: Sequence[tuple[str, Event]],
           merge: Callable[..., Any], window_days: int) -> dict[str, float]:
    """B-cubed precision, recall and F1 over (document, event) items.

    Each extracted event that matches a gold event is an item labelled with the gold
    ``cluster``; its predicted cluster is the canonical event that the merging rule puts it
    in. Precision: the share of the items in an item's canonical event that share its gold
    cluster; recall: the share of the items of its gold cluster in its canonical event.
    """
    from comity.dedup import cluster_events

    by_file = {a.file: a for a in gold}
    labels: dict[str, str] = {}
    for file, ev in events:
        article = by_file[file]
        for g in article.events:
            if g.cluster and scorer.matches(g, ev):
                labels[ev.id] = g.cluster
                break
    if not labels:
        return {}
    canon: dict[str, str] = {}
    for cluster in cluster_events([ev for _f, ev in events], window_days=window_days):
        for member in cluster.members:
            canon[member] = cluster.event.id
    items = [i for i in labels if i in canon]
    p_sum = r_sum = 0.0
    for i in items:
        same_pred = [j for j in items if canon[j] == canon[i]]
        same_gold = [j for j in items if labels[j] == labels[i]]
        both = [j for j in same_pred if labels[j] == labels[i]]
        p_sum += len(both) / len(same_pred)
        r_sum += len(both) / len(same_gold)
    p, r = p_sum / len(items), r_sum / len(items)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
