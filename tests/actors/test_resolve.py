"""The actor stage: wire-style sentences of ``actor_cases.jsonl`` scored against their
expected actors, and hand-built cases of its rules."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from comity.actors.kb import NON_STATE_CODES, KnowledgeBase
from comity.model import Document, Entity, ResolvedDocument
from comity.pipeline import Pipeline
from comity.settings import Settings
from comity.textnorm import name_key

CASES = Path(__file__).with_name("actor_cases.jsonl")
CANONICAL_TARGET = 0.95
COUNTRY_TARGET = 0.98


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    """A pipeline that parses every sentence (no pre-filter: actors, not events, are
    scored here)."""
    return Pipeline(Settings(prefilter=False))


def resolve_text(pipeline: Pipeline, text: str, day: str) -> ResolvedDocument:
    """Parse and resolve ``text`` as :meth:`Pipeline.process` does (host from the
    dateline, else guessed from the opening lines)."""
    doc = Document(id="t", text=text, story_date=dt.date.fromisoformat(day))
    parsed = pipeline.nlp.parse_one(doc)
    dateline = pipeline.assembler.dateline_place(doc)
    host = dateline.country if dateline is not None else pipeline._guess_host(doc)
    return pipeline.actors.resolve(parsed, host_country=host)


@dataclass(frozen=True)
class Found:
    """One resolved mention: its character span, text and the entities it stands for."""

    start: int
    end: int
    text: str
    entities: tuple[Entity, ...]


def mentions(resolved: ResolvedDocument) -> list[Found]:
    """Every mention of ``resolved`` with document character offsets."""
    text = resolved.parsed.document.text
    out = []
    for sent, found in zip(resolved.parsed.sentences, resolved.actors, strict=True):
        for m in found:
            start, end = sent.tokens[m.start].start, sent.tokens[m.end - 1].end
            out.append(Found(start, end, text[start:end], m.members or (m.entity,)))
    return out


def _same_actor(kb: KnowledgeBase, entity: Entity, name: str) -> bool:
    """True when ``entity`` is the actor named ``name`` (canonical name or a knowledge-base
    alias of the same entry: "ASEAN" for the Association of Southeast Asian Nations)."""
    if name_key(entity.name) == name_key(name):
        return True
    return entity.id in {kb.entity_id(e) for e in kb.lookup(name)}


def _country(code: str | None) -> str | None:
    return "IGO" if code in NON_STATE_CODES else code


def score_case(pipeline: Pipeline, case: dict[str, Any]
               ) -> list[tuple[dict[str, str], bool, bool, list[Found]]]:
    """(expected actor, canonical correct, country correct, mentions) for each expected
    actor of ``case``: the mentions overlapping its text in the last sentence are looked
    at, an entity with the expected name is preferred, else the first one."""
    sentence = case["sentence"]
    text = " ".join([*case["context"], sentence])
    offset = len(text) - len(sentence)
    found = [f for f in mentions(resolve_text(pipeline, text, case["story_date"]))
             if f.end > offset]
    out = []
    for actor in case["actors"]:
        start = offset + sentence.index(actor["text"])
        end = start + len(actor["text"])
        entities = [e for f in found if f.start < end and start < f.end for e in f.entities]
        named = [e for e in entities if _same_actor(pipeline.kb, e, actor["name"])]
        best = named[0] if named else (entities[0] if entities else None)
        country_ok = best is not None and _country(best.country) == actor["country"]
        out.append((actor, bool(named), country_ok, found))
    return out


def test_actor_stage_accuracy_on_actor_cases(pipeline: Pipeline,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    cases = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    results = [r for case in cases for r in score_case(pipeline, case)]
    canonical = sum(r[1] for r in results) / len(results)
    country = sum(r[2] for r in results) / len(results)
    with capsys.disabled():
        print(f"\nactor_cases.jsonl: {len(cases)} sentences, {len(results)} actors: "
              f"canonical actor {canonical:.3f}, country {country:.3f}")
        for actor, name_ok, country_ok, found in results:
            if not (name_ok and country_ok):
                got = [(f.text, [(e.name, e.country) for e in f.entities]) for f in found]
                print(f"  miss {actor['text']!r} -> {actor['name']} ({actor['country']}); "
                      f"got {got}")
    assert canonical >= CANONICAL_TARGET
    assert country >= COUNTRY_TARGET
