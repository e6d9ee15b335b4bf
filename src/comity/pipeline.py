"""The extraction pipeline: Document -> nlp -> actors -> coding -> dates/places -> Events.

``Pipeline`` holds the loaded resources (spaCy, knowledge base, lexicon, title grammar,
gazetteer) for one ``Settings``; two pipelines with different settings can live in one
process.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Sequence

from comity.actors.kb import Country, KnowledgeBase, Organisation, Person, load_kb
from comity.actors.resolve import ActorStage
from comity.actors.titles import TitleGrammar, load_titles
from comity.coding.assemble import Assembler, GazetteerLike, load_contexts
from comity.coding.coder import Coder
from comity.coding.lexicon import Lexicon, load_lexicon
from comity.model import Document, Event, ExtractionResult, ParsedDocument, Place
from comity.nlp.pipeline import NLPStage, RulerPattern
from comity.settings import Settings
from comity.textnorm import fold

log = logging.getLogger(__name__)


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


#: endings that turn a lexicon head word into the forms spaCy lemmatises back to it
_SUFFIXES = ("", "s", "es", "d", "ed", "ing", "ings")
#: words (lower-case, hyphenated compounds kept whole) and words of a name (any case)
_LOWER_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_NAME_WORD = re.compile(r"\w+")
_VOWELS = frozenset("aeiou")
#: words before a capital that make it a place or a modifier, not its government ("talks in
#: Hanoi", "the Hanoi region")
LOCATIVE_WORDS = frozenset({
    "the", "a", "an", "in", "at", "to", "near", "into", "outside", "around", "across", "via",
    "toward", "towards", "within", "inside", "throughout", "for", "on", "over", "through",
    "after", "before", "until", "since", "during", "under", "beyond", "like", "than", "of"})
#: "a delegation from <place>": the actor stage finds the place's country
_DELEGATION_FROM = re.compile(r"\bdelegations? from\b", re.IGNORECASE)
NAME_PARTICLES = frozenset({"bin", "binti", "van", "de", "von", "al", "da", "di", "del", "der",
                            "la", "le", "dos", "das", "do"})


def trigger_forms(lexicon: Lexicon) -> frozenset[str]:
    """Every inflected form of the lexicon's head words (plus its listed irregular forms):
    a sentence none of whose words is one of these cannot hold a trigger."""
    out: set[str] = set()
    for trigger in lexicon.triggers:
        head = trigger.words[-1].lower()
        bases = {head}
        if head.endswith("e"):
            bases.add(head[:-1])
        if head.endswith("y") and len(head) > 2 and head[-2] not in _VOWELS:
            bases.add(head[:-1] + "i")
        if head[-1:].isalpha() and head[-1] not in _VOWELS:
            bases.add(head + head[-1])  # expelled, committed
        out.update(base + suffix for base in bases for suffix in _SUFFIXES)
        out.update(form.lower() for form in trigger.forms)
    return frozenset(out)


def _name_key(text: str) -> tuple[str, ...]:
    return tuple(_NAME_WORD.findall(fold(text)))


class Prefilter:
    """Chooses the sentences of a document that go to the dependency parser.

    A sentence can yield an event only if it holds a *trigger* (a form of a lexicon head
    word) and an actor, named or referred to. The actor stage resolves references ("he",
    "the two sides", "Kishida") against what earlier sentences named, so a document's
    discourse starts at its first *actor cue*: a knowledge-base name, alias, short name,
    country or demonym, a title from the title grammar before a capitalised word
    ("President Xyz"), a capital that may stand for its government ("talks with Bangkok",
    not "in Bangkok") or "a delegation from" a place. Before that sentence nothing can be
    resolved; after the last trigger
    sentence nothing can become an event. The pre-filter keeps the sentences from the first
    actor cue (or from an earlier sentence holding a capitalised name, which the recogniser
    may take for a person that later sentences refer to) to the last trigger sentence, and
    skips the rest, so the events, and the discourse state behind them, are those of a
    run with every sentence parsed. A document with no actor cue before its last trigger
    is skipped whole: events between unknown, untitled names only are not looked for.
    Knowledge-base acronyms ("US", "WHO", "PLAN") count only as written in capitals.

    Whatever the actor stage can resolve with no earlier context must count as a cue here;
    ``tests/test_pipeline.py`` checks that the seeds and the dev set give the same events
    with the pre-filter on and off.
    """

    def __init__(self, lexicon: Lexicon, kb: KnowledgeBase, titles: TitleGrammar) -> None:
        self.forms = trigger_forms(lexicon)
        names: set[tuple[str, ...]] = set()
        acronyms: set[tuple[str, ...]] = set()
        for alias, _entry in kb.surface_forms():
            if alias.isupper():
                acronyms.add(tuple(_NAME_WORD.findall(alias)))
            else:
                names.add(_name_key(alias))
        for person in kb.persons.values():
            names.update(_name_key(s) for s in person.short)
        for country in kb.countries.values():
            names.update(_name_key(d) for d in country.demonyms)
        self._names = _by_first(names)
        self._acronyms = _by_first(acronyms)
        self._titles = _by_first({_name_key(e.phrase) for e in titles.entries
                                  if e.kind in {"title", "honorific"}})
        self._capitals = _by_first({_name_key(n) for c in kb.countries.values() if c.capital
                                    for n in (c.capital, c.capital.split(",")[0])})

    def __call__(self, sentences: Sequence[str]) -> list[bool]:
        """Which of a document's sentences (in order) to parse."""
        keep = [False] * len(sentences)
        last = max((i for i, s in enumerate(sentences) if self.has_trigger(s)), default=-1)
        first = next((i for i in range(last + 1) if self.has_actor(sentences[i])), None)
        if first is None:
            return keep
        # an unknown name ("Evan Gershkovich freed ...") before the first actor cue may be
        # what a later sentence refers to: the discourse starts there
        first = next((i for i in range(first) if has_name(sentences[i])), first)
        for i in range(first, last + 1):
            keep[i] = True
        return keep

    def has_trigger(self, text: str) -> bool:
        """True when a word of ``text`` is a form of a lexicon head word."""
        forms = self.forms
        for word in _LOWER_WORD.findall(text.lower()):
            if word in forms or ("-" in word and any(p in forms for p in word.split("-"))):
                return True
        return False

    def has_actor(self, text: str) -> bool:
        """True when ``text`` names a knowledge-base actor or a titled person."""
        words = _NAME_WORD.findall(fold(text))
        if _found(words, self._names):
            return True
        written = _NAME_WORD.findall(text)
        if _found(written, self._acronyms):
            return True
        if len(words) != len(written):  # folding split a word: no safe alignment
            return True
        for i, word in enumerate(written):
            if i and word[:1].isupper() and _found(words[:i], self._titles, ending=i):
                return True
            # a capital standing for its government ("talks with Bangkok"), not a place
            # ("in Bangkok") nor a dateline in capitals ("BANGKOK -")
            if words[i] in self._capitals and not word.isupper() and (
                    i == 0 or words[i - 1] not in LOCATIVE_WORDS) and _found(
                    words, self._capitals, at=i):
                return True
        return bool(_DELEGATION_FROM.search(text))


def has_name(text: str) -> bool:
    """True when ``text`` has two capitalised words in a row (particles such as "bin" or
    "van" may come between): what the recogniser could take for a person's name."""
    previous = False
    for word in _NAME_WORD.findall(text):
        if word[:1].isupper():
            if previous:
                return True
            previous = True
        elif word not in NAME_PARTICLES:
            previous = False
    return False


def _by_first(keys: Iterable[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for key in keys:
        if key:
            index.setdefault(key[0], []).append(key)
    return {first: tuple(v) for first, v in index.items()}


def _found(words: Sequence[str], index: dict[str, tuple[tuple[str, ...], ...]],
           ending: int | None = None, at: int | None = None) -> bool:
    """True when some key of ``index`` occurs in ``words`` (ending at ``ending``, or
    starting at ``at``, if given)."""
    if at is not None:
        starts: Iterable[int] = (at,)
    elif ending is not None:
        starts = range(max(0, ending - 8), ending)
    else:
        starts = range(len(words))
    for i in starts:
        for key in index.get(words[i], ()):
            n = len(key)
            if (ending is None or i + n == ending) and tuple(words[i:i + n]) == key:
                return True
    return False


def make_prefilter(lexicon: Lexicon, kb: KnowledgeBase, titles: TitleGrammar) -> Prefilter:
    """The pre-filter for these resources (see :class:`Prefilter`)."""
    return Prefilter(lexicon, kb, titles)


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
        self.coder = Coder(self.lexicon, self.kb, self._place_country)
        self.assembler = Assembler(self.gazetteer, load_contexts(), self._capital)

    def _is_place(self, text: str) -> bool:
        return self.gazetteer is not None and self.gazetteer.lookup(text) is not None

    def _capital(self, word: str | None, host: str | None) -> str | None:
        """The capital of the country ``word`` names (a demonym or country name), or of
        ``host`` (ISO alpha-3) when ``word`` is None."""
        country = (self.kb.demonym(word) or self.kb.country(word)) if word \
            else self.kb.countries.get(host or "")
        return country.capital if country is not None else None

    def _place_country(self, text: str) -> str | None:
        place = self.gazetteer.lookup(text) if self.gazetteer is not None else None
        return place.country if place is not None and place.resolution >= 2 else None

    def extract(self, document: Document) -> list[Event]:
        """Events of one document."""
        return list(self.process(document).events)

    def process(self, document: Document) -> ExtractionResult:
        """Events and provisional actors of one document."""
        return self._finish(self.nlp.parse_one(document))

    def _finish(self, parsed: ParsedDocument) -> ExtractionResult:
        document = parsed.document
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
        """One :class:`ExtractionResult` per document, streaming, in input order.

        Documents are parsed ``settings.batch_size`` at a time (their sentences go to
        spaCy together), so a result comes out once its batch is parsed."""
        for parsed in self.nlp.parse(documents):
            yield self._finish(parsed)
