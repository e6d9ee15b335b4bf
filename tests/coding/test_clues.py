"""Clues the coder reads beyond a trigger's own arguments (comity/coding/clues.py): a
pledge in reported speech, and the signers a 'by' phrase names inside an object."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from comity.coding.args import Tree
from comity.coding.clues import reported, signers
from comity.model import Document
from comity.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Iterator[Pipeline]:
    yield Pipeline()


def _tree(pipeline: Pipeline, text: str) -> Tree:
    doc = Document(id="c", text=text, story_date=dt.date(2025, 10, 30))
    resolved = pipeline.actors.resolve(pipeline.nlp.parse_one(doc), host_country=None)
    return Tree(resolved.parsed.sentences[0].tokens, resolved.actors[0])


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Trump said he would cut the tariff on Chinese goods.", "cut", True),
    ("Ishiba told Marcos that Japan would provide patrol boats.", "provide", True),
    ("Trump will cut the tariff on Chinese goods.", "cut", False),
    # a present reporting verb is no past pledge ("says it will")
    ("Trump says he will cut the tariff.", "cut", False),
])
def test_clues_reported_pledge(pipeline: Pipeline, text: str, word: str,
                               expected: bool) -> None:
    tree = _tree(pipeline, text)
    tok = next(t for t in tree.tokens if t.text == word)
    assert reported(tree, tok) is expected


def test_clues_signers_named_in_the_object(pipeline: Pipeline) -> None:
    tree = _tree(pipeline, "Chinese President Xi Jinping and Cambodian Prime Minister Hun "
                           "Manet witnessed the signing of the agreement by Wang Yi and "
                           "Sok Chenda Sophea.")
    tok = next(t for t in tree.tokens if t.text == "witnessed")
    assert [m.entity.name for m in signers(tree, tok)] == ["Wang Yi", "Sok Chenda Sophea"]
