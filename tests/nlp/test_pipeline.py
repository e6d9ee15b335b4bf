"""The NLP stage: batching, the pre-filter hook, and the typed tokens."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

from comity.model import Document
from comity.nlp.pipeline import NLPStage
from comity.settings import Settings

TEXTS = [
    "Tô Lâm met Hun Sen in Phnom Penh on Monday. The two leaders co-chaired talks.",
    "Rain fell. Prices rose. Nothing happened.",
    "",
    "Prime Minister Hun Manet visited Vietnam. He said relations were excellent.",
]


def _docs(n: int = 1) -> list[Document]:
    return [Document(id=f"d{i}-{j}", text=t, story_date=dt.date(2025, 3, 5))
            for j in range(n) for i, t in enumerate(TEXTS)]


def _odd_sentences(sentences: Sequence[str]) -> list[bool]:
    return [i % 2 == 1 for i in range(len(sentences))]


@pytest.fixture(scope="module")
def stage() -> NLPStage:
    return NLPStage(Settings(batch_size=3), selector=_odd_sentences)


@pytest.fixture(scope="module")
def every() -> NLPStage:
    return NLPStage(Settings(prefilter=False))


def test_parse_streams_in_order_across_batches(stage: NLPStage) -> None:
    docs = _docs(4)
    parsed = list(stage.parse(docs))
    assert [p.document.id for p in parsed] == [d.id for d in docs]


def test_parse_batched_equals_one_at_a_time(stage: NLPStage) -> None:
    docs = _docs(3)
    assert list(stage.parse(docs)) == [stage.parse_one(d) for d in docs]


def test_parse_selector_decides_what_is_parsed(stage: NLPStage) -> None:
    parsed = stage.parse_one(_docs()[1])
    assert [s.parsed for s in parsed.sentences] == [False, True, False]
    assert [bool(s.tokens) for s in parsed.sentences] == [False, True, False]
    assert [s.text for s in parsed.sentences] == ["Rain fell.", "Prices rose.",
                                                  "Nothing happened."]


def test_parse_counts_sentences() -> None:
    stage = NLPStage(Settings(), selector=_odd_sentences)
    list(stage.parse(_docs()))
    assert (stage.sentences_seen, stage.sentences_parsed) == (7, 3)


def test_parse_prefilter_off_ignores_the_selector() -> None:
    stage = NLPStage(Settings(prefilter=False), selector=_odd_sentences)
    parsed = stage.parse_one(_docs()[1])
    assert all(s.parsed for s in parsed.sentences)


def test_tokens_match_spacy(every: NLPStage) -> None:
    doc = _docs()[0]
    sentence = every.parse_one(doc).sentences[0]
    sdoc = every.nlp(sentence.text)
    assert [(t.text, t.lemma, t.pos, t.tag, t.dep, t.head, t.ent_type, t.ent_iob)
            for t in sentence.tokens] == [
        (t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_)
        for t in sdoc]
    assert all(doc.text[t.start:t.end] == t.text for t in sentence.tokens)
    assert [(s.text, s.label) for s in sentence.spans] == [
        (e.text, e.label_) for e in sdoc.ents]


def test_tokens_hyphenated_verbs_keep_their_lemma(every: NLPStage) -> None:
    sentence = every.parse_one(_docs()[0]).sentences[1]
    token = next(t for t in sentence.tokens if t.text == "co-chaired")
    assert token.lemma == "co-chair"
