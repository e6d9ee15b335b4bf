"""Helpers for the actor tests: running the actor stage on text, reading its mentions, and
hand-built tokens."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from comity.model import Document, Entity, ResolvedDocument, Token
from comity.pipeline import Pipeline


def resolve_text(pipeline: Pipeline, text: str, day: str = "2025-03-05") -> ResolvedDocument:
    """Parse and resolve ``text`` (see :func:`resolve_document`)."""
    doc = Document(id="t", text=text, story_date=dt.date.fromisoformat(day))
    return resolve_document(pipeline, doc)


def resolve_document(pipeline: Pipeline, doc: Document) -> ResolvedDocument:
    """Parse and resolve ``doc`` as :meth:`Pipeline.process` does (host from the
    dateline, else guessed from the opening lines)."""
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


def actors_of(pipeline: Pipeline, text: str, day: str = "2025-03-05"
              ) -> dict[str, list[tuple[str, str | None]]]:
    """{mention text: [(entity name, country), ...]} of the last sentence of ``text``."""
    resolved = resolve_text(pipeline, text, day)
    last = resolved.parsed.sentences[-1].start
    return {f.text: [(e.name, e.country) for e in f.entities]
            for f in mentions(resolved) if f.start >= last}


def tokens(spec: str) -> tuple[Token, ...]:
    """Hand-built tokens from "word/POS" items separated by spaces ("Mr/PROPN Son/PROPN");
    a word written "word+" is glued to the next one (no space between them). Heads point
    at the token itself; dependencies are empty."""
    out: list[Token] = []
    pos = 0
    for i, item in enumerate(spec.split()):
        word, _, tag = item.rpartition("/")
        glued = word.endswith("+")
        word = word.removesuffix("+")
        out.append(Token(i=i, text=word, lemma=word.lower(), pos=tag, tag=tag, dep="",
                         head=i, start=pos, end=pos + len(word)))
        pos += len(word) + (0 if glued else 1)
    return tuple(out)
