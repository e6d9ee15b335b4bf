"""Actor networks for Gephi and friends: GraphML and GEXF via networkx.

Nodes are actors (entity ids) with ``name``, ``country``, ``sector`` and ``kind``; a directed
edge source -> target carries ``weight`` (number of events), ``intensity`` (their mean
PLOVER intensity), ``goldstein`` (mean) and ``types`` (the PLOVER types seen, ``;``-joined).
Edges run from each actor to each recipient; an event with no recipient links its actors
pairwise, in the order they are listed.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Iterator
from typing import BinaryIO

import networkx as nx

from comity.model import Entity, Event

log = logging.getLogger(__name__)


def _pairs(event: Event) -> Iterator[tuple[Entity, Entity]]:
    if event.recipient:
        yield from itertools.product(event.actor, event.recipient)
    else:
        yield from itertools.combinations(event.actor, 2)


def actor_graph(events: Iterable[Event]) -> nx.DiGraph:
    """The directed, weighted actor network of ``events``."""
    g = nx.DiGraph()
    sums: dict[tuple[str, str], list[float]] = {}
    types: dict[tuple[str, str], set[str]] = {}
    for ev in events:
        for ent in (*ev.actor, *ev.recipient):
            if ent.id not in g:
                g.add_node(ent.id, name=ent.name, country=ent.country or "",
                           sector=ent.sector or "", kind=ent.kind)
        for src, dst in _pairs(ev):
            if src.id == dst.id:
                continue
            acc = sums.setdefault((src.id, dst.id), [0.0, 0.0, 0.0])
            acc[0] += 1
            acc[1] += ev.intensity
            acc[2] += ev.goldstein
            types.setdefault((src.id, dst.id), set()).add(ev.type)
    for key, (count, intensity, goldstein) in sums.items():
        g.add_edge(key[0], key[1], weight=int(count), intensity=round(intensity / count, 4),
                   goldstein=round(goldstein / count, 4), types=";".join(sorted(types[key])))
    return g


def write_graphml(events: Iterable[Event], out: BinaryIO | str) -> int:
    """Write the actor network as GraphML; returns the number of edges."""
    g = actor_graph(events)
    nx.write_graphml(g, out)
    return int(g.number_of_edges())


def write_gexf(events: Iterable[Event], out: BinaryIO | str) -> int:
    """Write the actor network as GEXF (1.2); returns the number of edges."""
    g = actor_graph(events)
    for node, data in g.nodes(data=True):
        data["label"] = data["name"] or node
    nx.write_gexf(g, out)
    return int(g.number_of_edges())
