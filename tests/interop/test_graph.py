"""GraphML/GEXF actor networks read back with networkx."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import networkx as nx
import pytest

from comity.interop.graph import actor_graph, write_gexf, write_graphml
from comity.model import Event


def _with_repeat(events: list[Event]) -> list[Event]:
    again = dataclasses.replace(events[0], id="ev-visit-2", intensity=2.0)
    return [*events, again]


@pytest.mark.parametrize(("writer", "reader", "suffix"), [
    (write_graphml, nx.read_graphml, "graphml"),
    (write_gexf, nx.read_gexf, "gexf"),
])
def test_graph_export_nodes_and_weights(events: list[Event], tmp_path: Path, writer,
                                        reader, suffix: str) -> None:
    path = tmp_path / f"actors.{suffix}"
    n_edges = writer(_with_repeat(events), str(path))
    g = reader(str(path))
    assert g.is_directed()
    assert g.number_of_edges() == n_edges == 5
    assert set(g.nodes) == {"kb:person/to-lam", "kb:country/KHM", "kb:person/hun-sen",
                            "kb:person/norodom-sihamoni", "prov:jane-doe", "kb:org/cpp"}
    node = g.nodes["kb:person/to-lam"]
    assert (node["name"], node["country"], node["sector"]) == ("Tô Lâm", "VNM", "PTY")
    edge = g.edges["kb:person/to-lam", "kb:country/KHM"]
    assert int(edge["weight"]) == 2
    assert float(edge["intensity"]) == pytest.approx(3.0)  # mean of 4.0 and 2.0
    assert edge["types"] == "CONSULT"
    assert int(g.edges["kb:person/to-lam", "kb:person/hun-sen"]["weight"]) == 1


def test_actor_graph_skips_self_loops(events: list[Event]) -> None:
    ev = dataclasses.replace(events[0], recipient=events[0].actor)
    assert actor_graph([ev]).number_of_edges() == 0
