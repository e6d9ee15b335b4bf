"""The extraction pipeline: Document -> nlp -> actors -> coding -> dates/places -> Events.

``Pipeline`` holds the loaded resources (spaCy, knowledge base, lexicon, title grammar,
gazetteer) for one ``Settings``; two pipelines with different settings can live in one
process.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator

from comity.actors.kb import Country, KnowledgeBase, Organisation, Person, load_kb
from comity.actors.resolve import ActorStage
from comity.actors.titles import TitleGrammar, load_titles
from comity.coding.assemble import Assembler, GazetteerLike, load_contexts
from comity.coding.coder import Coder
from comity.coding.lexicon import Lexicon, load_lexicon
from comity.model import Document, Event, ExtractionResult, Place
from comity.nlp.pipeline import NLPStage, RulerPattern
from comity.settings import Settings
from comity.textnorm import fold

log = logging.getLogger(__name__)

REFERENCE_WORDS = frozenset({"he", "she", "they", "host", "guest", "side", "sides", "leader",
                             "leaders", "chief", "counterpart", "delegation", "both"})


def ruler_patterns(kb: KnowledgeBase) -> Iterator[RulerPattern]:
    """Actor-ruler patterns for every knowledge-base name and alias."""
    for alias, entry in kb.surface_forms():
        if isinstance(entry, Person):
            label = "PERSON"
        elif isinstance(entry, Organisation):
            label = "ORG"
        elif isinstance(entry, Country):
            label = "GPE"
        else:  # pragma: no cover - exhaustive
            continue
        # the ruler matches lower-cased text: short upper-case codes ("US", "UN", "PM")
        # would match ordinary words, so they are left to the recogniser and the resolver
        if len(alias) <= 3 and (alias.isupper() or not alias.isalpha()):
            continue
        if len(alias) < 3:
            continue
        yield alias, label, kb.entity_id(entry)


def make_prefilter(lexicon: Lexicon, kb: KnowledgeBase, titles: TitleGrammar
                   ) -> Callable[[str], bool]:
    """A sentence is parsed only if it holds a trigger word and an actor cue (a
    knowledge-base name, a title word or a reference such as "he" or "the host")."""
    stems = sorted(lexicon.keywords(), key=len, reverse=True)
    trigger_re = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")",
                            re.IGNORECASE)
    names: set[str] = set()
    for alias, _entry in kb.surface_forms():
        names.add(fold(alias))
    for person in kb.persons.values():
        names.update(fold(s) for s in person.short)
    for country in kb.countries.values():
        names.update(fold(d) for d in country.demonyms)
    title_words = {w for e in titles.entries for w in e.key}
    cues = title_words | REFERENCE_WORDS
    word_re = re.compile(r"[\w'’.-]+")

    def keep(text: str) -> bool:
        if not trigger_re.search(text):
            return False
        words = [w.strip(".'’") for w in word_re.findall(fold(text))]
        if any(w in cues for w in words):
            return True
        for n in (1, 2, 3, 4):
            for i in range(len(words) - n + 1):
                if " ".join(words[i:i + n]) in names:
                    return True
        return False

    return keep


def _load_gazetteer() -> GazetteerLike | None:
    try:
        from comity.places import Gazetteer
    except ImportError:  # places module not installed in this build
        log.warning("comity.places is not available: events will have no location")
        return None
    gazetteer: GazetteerLike = Gazetteer.load()
    return gazetteer


class Pipeline:
    """Extract coded events from documents."""

    def __init__(self, settings: Settings | None = None, *, kb: KnowledgeBase | None = None
                 ) -> None:
        self.settings = settings or Settings()
        self.kb = kb or load_kb([self.settings.kb_path] if self.settings.kb_path else None)
        self.lexicon = load_lexicon()
        self.titles = load_titles()
        self.gazetteer = _load_gazetteer()
        self.nlp = NLPStage(self.settings, ruler_patterns(self.kb),
                            make_prefilter(self.lexicon, self.kb, self.titles))
        is_place = self._is_place
        self.actors = ActorStage(self.kb, self.titles, is_place)
        self.coder = Coder(self.lexicon, self.kb)
        self.assembler = Assembler(self.gazetteer, load_contexts())

    def _is_place(self, text: str) -> bool:
        return self.gazetteer is not None and self.gazetteer.lookup(text) is not None

    def extract(self, document: Document) -> list[Event]:
        """Events of one document."""
        return list(self.process(document).events)

    def process(self, document: Document) -> ExtractionResult:
        """Events and provisional actors of one document."""
        parsed = self.nlp.parse_one(document)
        dateline = self.assembler.dateline_place(document)
        host = dateline.country if dateline is not None else self._guess_host(document)
        resolved = self.actors.resolve(parsed, host_country=host)
        coded = self.coder.code(resolved)
        events = self.assembler.assemble(resolved, coded, dateline)
        return ExtractionResult(document=document, events=tuple(events),
                                provisional=resolved.provisional)

    def _guess_host(self, document: Document) -> str | None:
        if self.gazetteer is None:
            return None
        head = document.text[document.body_start:document.body_start + 600]
        for pm in self.gazetteer.find_places(head):
            place: Place = pm.place
            if place.resolution >= 3 and not re.search(
                    r"(depart\w*|left|from)\s+(the\s+)?(capital\s+)?$",
                    head[max(0, pm.start - 25):pm.start], re.I):
                return place.country
        m = re.search(r"\bvisit to ((?:[A-Z][\w’'-]+ ?)+)", head)
        if m:
            country = self.kb.country(m.group(1).split(" at ")[0].strip())
            if country is not None:
                return country.iso3
        return None

    def extract_many(self, documents: Iterable[Document]) -> Iterator[ExtractionResult]:
        """One :class:`ExtractionResult` per document, streaming, in input order."""
        for doc in documents:
            yield self.process(doc)
