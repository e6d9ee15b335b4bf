"""The actor stage: names, titles, short names, references and collectives -> entities.

For each parsed sentence it finds the actors the sentence names or refers to, as
:class:`~comity.model.ActorMention` records, using the knowledge base (names and roles in
time), the title grammar, and a small discourse state per article (who was mentioned last,
who hosts, who leads which delegation). Unknown names become provisional actors carrying
what the text says of them. References ("the Thai premier", "his counterpart") are in
:mod:`comity.actors.references`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from comity.actors.appositions import TitledNames
from comity.actors.discourse import SUBJECT_DEPS, Discourse, retext
from comity.actors.groups import Groups, join_tokens, span_head
from comity.actors.kb import Country, KnowledgeBase, Organisation, Person
from comity.actors.names import (
    COMPLEMENT,
    NAME_PARTICLES,
    NameFinder,
    is_vietnamese,
)
from comity.actors.offices import OfficeIndex
from comity.actors.references import References
from comity.actors.titles import PlaceCountry, TitleGrammar, TitleInfo
from comity.model import ActorMention, Entity, ParsedDocument, ResolvedDocument, Sentence, Token
from comity.textnorm import name_key

log = logging.getLogger(__name__)

IsPlace = Callable[[str], bool]
# Organisations that act for their state: resolved to the country, with their sector
# ("the Thai army" -> Thailand, MIL; "the Kremlin" -> Russia, GOV).
STATE_ORGAN_KINDS = frozenset({"government", "ministry", "military", "police"})
GROUP_LABELS = frozenset({"GPE", "ORG", "NORP"})


@dataclass(frozen=True)
class _Item:
    """A stretch of a sentence to resolve: a person candidate or a recogniser span."""

    start: int
    end: int
    label: str
    kb_id: str = ""
    weak: bool = False   # one titled word the recogniser did not call a person


def gazetteer_country() -> PlaceCountry:
    """Country of a place name by the bundled gazetteer (no place: None)."""
    try:
        from comity.places import Gazetteer
    except ImportError:  # places module not installed in this build
        return lambda text: None
    gazetteer = Gazetteer.load()

    def country(text: str) -> str | None:
        place = gazetteer.lookup(text)
        return place.country if place is not None else None

    return country


class ActorStage(TitledNames):
    """Resolve the actors of parsed documents."""

    def __init__(self, kb: KnowledgeBase, titles: TitleGrammar,
                 is_place: IsPlace | None = None, *,
                 place_country: PlaceCountry | None = None) -> None:
        self.kb = kb
        self.titles = titles
        self._is_place = is_place or (lambda text: False)
        self._place_country = place_country
        self._name_tokens: dict[str, list[Person]] | None = None
        self.offices = OfficeIndex(kb, titles)
        self.names = NameFinder(titles, self.is_place, self._country_or_org)
        self.references = References(self)
        self.groups = Groups(self)

    # ------------------------------------------------------------------ lookups
    def place_country(self, text: str) -> str | None:
        """Country of a place named ``text`` (gazetteer loaded on first use)."""
        if self._place_country is None:
            self._place_country = gazetteer_country()
        return self._place_country(text)

    def is_place(self, text: str) -> bool:
        """True when ``text`` names a place."""
        return self._is_place(text) or self.place_country(text) is not None

    def _country_or_org(self, text: str) -> bool:
        return self.kb.country(text) is not None or any(
            isinstance(e, Organisation) for e in self.kb.lookup(text))

    def capital(self, text: str) -> Country | None:
        """The country whose capital is ``text``."""
        return self.kb.capital(text)

    def analyse(self, text: str) -> TitleInfo:
        """Office, sector, country and organisation of a title phrase."""
        return self.titles.analyse(text, self.kb, self.place_country)

    # ------------------------------------------------------------------ entities
    def person_entity(self, person: Person, text: str, day: dt.date | None,
                      title: TitleInfo | None = None) -> Entity:
        """Entity for a knowledge-base person with the role held on ``day``."""
        role = person.role_on(day)
        country = role.country if role else (title.country if title else None)
        return Entity(id=self.kb.entity_id(person), name=person.name, kind="person",
                      text=text, country=country or person.country,
                      sector=role.sector if role else (title.sector if title else None),
                      title=role.office if role else (title.office if title else None),
                      wikidata=person.wikidata)

    def org_entity(self, org: Organisation, text: str) -> Entity:
        """Entity for a knowledge-base organisation; a state organ (government, ministry,
        armed forces, police) acts for its country."""
        if org.kind in STATE_ORGAN_KINDS and org.country in self.kb.countries:
            return self.country_entity(self.kb.countries[org.country], text, org.sector)
        return Entity(id=self.kb.entity_id(org), name=org.name, kind="organisation",
                      text=text, country=org.country, sector=org.sector,
                      wikidata=org.wikidata)

    def country_entity(self, country: Country, text: str, sector: str | None = "GOV"
                       ) -> Entity:
        """Entity for a country acting as a whole (or through one of its organs)."""
        return Entity(id=self.kb.entity_id(country), name=country.name, kind="country",
                      text=text, country=country.iso3, sector=sector or "GOV",
                      wikidata=country.wikidata)

    # ------------------------------------------------------------------ documents
    def resolve(self, parsed: ParsedDocument, host_country: str | None = None
                ) -> ResolvedDocument:
        """Actors of every sentence of ``parsed``."""
        state = Discourse()
        day = parsed.document.story_date
        state.author = self._author(parsed.document.text[parsed.document.body_start:], day)
        out: list[tuple[ActorMention, ...]] = []
        for sent in parsed.sentences:
            if not sent.parsed:
                out.append(())
                continue
            out.append(tuple(self._sentence(sent, day, state, host_country)))
        return ResolvedDocument(parsed=parsed, actors=tuple(out),
                                provisional=tuple(state.provisional.values()),
                                host_country=host_country)

    def _author(self, body: str, day: dt.date | None) -> Entity | None:
        """The signatory of a first-person text ("Today I held talks with ... — The Hon
        Anthony Albanese MP, Prime Minister of Australia"): a known person named in its
        last lines, when the narration outside quotes is in the first person."""
        if not FIRST_PERSON.search(_unquoted(body)):
            return None
        tail = body[-300:]
        best: tuple[int, Person] | None = None
        for person in self.kb.persons.values():
            for name in (person.name, *person.aliases):
                at = tail.rfind(name)
                if at >= 0 and (best is None or at > best[0]):
                    best = (at, person)
        return self.person_entity(best[1], best[1].name, day) if best else None

    def _sentence(self, sent: Sentence, day: dt.date | None, state: Discourse,
                  host_country: str | None) -> list[ActorMention]:
        toks = sent.tokens
        covered = [False] * len(toks)
        found: list[ActorMention] = []
        state.begin_sentence()

        def add(start: int, end: int, entity: Entity, how: str,
                members: tuple[Entity, ...] = (), leader: Entity | None = None,
                cover_from: int | None = None) -> None:
            head = span_head(toks, start, end)
            if entity.kind == "person" and toks[head].dep in SUBJECT_DEPS:
                state.subject(entity)
            found.append(ActorMention(sentence=sent.index, start=start, end=end, head=head,
                                      entity=entity, how=how, members=members,
                                      leader=leader))
            for i in range(start if cover_from is None else min(cover_from, start), end):
                covered[i] = True
            state.mention(entity, start)

        for item in self._items(toks, sent):
            if any(covered[item.start:item.end]):
                continue
            if item.label == "PERSON" and self.names.institution_after(toks, item.end):
                continue   # "Preah Sihanouk province", "Ho Chi Minh City"
            stop = max((m.end for m in found
                        if m.end <= item.start and m.entity.kind == "person"), default=0)
            if item.label == "PERSON":
                self._person_span(toks, item.start, item.end, item.kb_id, day, state, add,
                                  stop, item.weak)
            elif item.label in GROUP_LABELS:
                self.groups.span(toks, item.start, item.end, item.kb_id, item.label, add,
                                 host_country)
        self._short_names(toks, covered, state, add)
        self.groups.nouns(toks, covered, add)
        state.note_meetings(toks, found)
        self.references.resolve(toks, covered, day, state, host_country, add)
        state.note_roles(toks, found)
        found.sort(key=lambda m: m.start)
        return found

    def _items(self, toks: tuple[Token, ...], sent: Sentence) -> list[_Item]:
        """Knowledge-base spans, person candidates from name runs, then the recogniser's
        other spans where they do not overlap them, in text order."""
        blocked = [False] * len(toks)
        items = [_Item(s.start, s.end, s.label, s.kb_id) for s in sent.spans if s.kb_id]
        for it in items:
            for i in range(it.start, it.end):
                blocked[i] = True
        stat = [s for s in sent.spans if not s.kb_id]
        for a, b in self.names.runs(toks, blocked):
            over = [s for s in stat if s.start < b and a < s.end]
            named = any(s.label == "PERSON" for s in over)
            titled = (self.names.titled(toks, a, blocked)
                      or self._apposition(toks, a) is not None)
            if not titled and not named:
                continue
            if self.names.institution_after(toks, b) or (
                    (not titled or b - a == 1)
                    and self.names.modifier(toks, b)):
                continue   # "Kien Giang | party secretary", "for Foreign and | Diaspora Affairs"
            start = self.names.person_part(toks, self.names.honorific_end(toks, a, b), b)
            # a recogniser's organisation or place span reaching into the run is not the
            # person ("Science & Technology | Tan See Leng")
            start = max([start, *(s.end for s in over if s.label != "PERSON"
                                  and s.start <= start < s.end < b)])
            inner = [s.start for s in over if s.label == "PERSON" and start < s.start < b]
            if titled and inner and toks[a - 1].text.lower() in COMPLEMENT:
                start = inner[0]   # "Minister for ... Technology | Tan See Leng"
            if start < b:
                words = [t for t in toks[start:b] if t.text != "-"]
                items.append(_Item(start, b, "PERSON", weak=len(words) == 1 and not named))
                for i in range(a, b):
                    blocked[i] = True
        items += [_Item(s.start, s.end, s.label) for s in stat
                  if s.label != "PERSON" and not any(blocked[s.start:s.end])]
        items.sort(key=lambda it: it.start)
        return items

    # ------------------------------------------------------------------ names
    def _person_span(self, toks: tuple[Token, ...], start: int, end: int, kb_id: str,
                     day: dt.date | None, state: Discourse, add: Callable[..., None],
                     stop: int, weak: bool = False) -> None:
        # strip leading titles/honorifics inside the span
        words = [t.text for t in toks[start:end]]
        i = 0
        while i < len(words):
            hit = self.titles.match_at(words, i)
            if hit is None:
                break
            i += hit[1]
        s = start + i
        if toks[end - 1].text in {"’s", "'s"}:
            end -= 1
        if s >= end or all(self.titles.is_title_word(t.text) for t in toks[s:end]):
            return
        text = join_tokens(toks[s:end])
        title, t0 = self._title_for(toks, s, end, stop)
        titled = t0 < s
        person = self._known_person(text, kb_id, title, day, titled)
        if person is not None:
            entity = self.person_entity(person, text, day, title)
            if person.gender:
                state.genders[entity.id] = person.gender
            for short in person.short:
                state.short[name_key(short)] = entity
            add(s, end, entity, "name", cover_from=t0)
            self._note_styles(toks, min(t0, start), s, entity, state)
            return
        prior = state.short.get(name_key(text))
        if prior is not None:
            add(s, end, retext(prior, text), "short", cover_from=t0)
            return
        if weak or not titled and (self.is_place(text) or self.kb.country(text) is not None):
            return
        if not _looks_like_name(toks[s:end], title or (TitleInfo() if titled else None)):
            return
        entity = self._provisional(text, title, state)
        add(s, end, entity, "name", cover_from=t0)
        self._note_styles(toks, min(t0, start), s, entity, state)

    def _note_styles(self, toks: tuple[Token, ...], start: int, end: int, entity: Entity,
                     state: Discourse) -> None:
        """Remember ``entity`` as the person named with the styles of the honorifics in
        ``start:end`` ("His Highness Sheikh X": "His Highness" alone is X from now on). The
        first person named with a style keeps it: the one a release is about comes first,
        the dignitaries attending after."""
        for style in self.titles.styles_in([t.text for t in toks], start, end):
            state.styles.setdefault(style, entity)

    def _known_person(self, text: str, kb_id: str, title: TitleInfo | None,
                      day: dt.date | None, titled: bool) -> Person | None:
        if kb_id.startswith("kb:person/"):
            return self.kb.persons.get(kb_id.removeprefix("kb:person/"))
        parts = text.split()
        forms = [text]
        if len(parts) >= 2 and parts[0].isupper() and not all(p.isupper() for p in parts):
            forms.append(" ".join([*parts[1:], parts[0]]))   # "KAMIKAWA Yoko" (MOFA style)
        for form in forms:
            hits = [e for e in self.kb.lookup(form) if isinstance(e, Person)]
            if hits:
                return self._best(hits, title, day) or hits[0]
        if not titled:
            return None
        candidates = self.kb.lookup_short(text) or self._by_name_token(text)
        return self._best(candidates, title, day, unique=True)

    def _best(self, persons: list[Person], title: TitleInfo | None, day: dt.date | None,
              unique: bool = False) -> Person | None:
        """The person the title and day fit best; with ``unique``, only a sole fit."""
        pool = list(dict.fromkeys(persons))
        if day is not None:
            pool = [p for p in pool if p.roles_on(day)] or ([] if unique else pool)
        if title is not None and title.country:
            pool = [p for p in pool if title.country in {r.country for r in p.roles}]
        if title is not None and title.office and len(pool) > 1:
            fitting = [p for p in pool if any(
                self.offices.role_matches(r, title.office, None) for r in p.roles_on(day))]
            pool = fitting or pool
        if unique:
            return pool[0] if len(pool) == 1 else None
        return pool[0] if pool else None

    def _by_name_token(self, text: str) -> list[Person]:
        """Knowledge-base persons one of whose name words is ``text`` ("Kamikawa")."""
        if " " in text.strip():
            return []
        if self._name_tokens is None:
            index: dict[str, list[Person]] = {}
            for p in self.kb.persons.values():
                for form in (p.name, *p.aliases):
                    for w in set(name_key(form).split()):
                        index.setdefault(w, []).append(p)
            self._name_tokens = index
        return self._name_tokens.get(name_key(text), [])

    def _provisional(self, text: str, title: TitleInfo | None, state: Discourse) -> Entity:
        key = name_key(text)
        if key in state.provisional:
            return retext(state.provisional[key], text)
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
        country = title.country if title else None
        if country is None and is_vietnamese(text):
            country = "VNM"
        entity = Entity(id=f"prov:person/{digest}", name=text, kind="person", text=text,
                        country=country, sector=title.sector if title else None,
                        title=(title.office or title.text) if title else None,
                        provisional=True)
        state.provisional[key] = entity
        parts = [p for p in text.split() if p != "-"]
        if len(parts) > 1:
            # later short references: the last word and the last two ("Abdul Razak");
            # but for Vietnamese names (family name first, referred to by the last given
            # name), also the first word ("Mr Sonexay", "Takebe") and the words after it
            shorts = {parts[-1], " ".join(parts[-2:])}
            if not is_vietnamese(text):
                shorts |= {parts[0], " ".join(parts[1:])}
            if parts[0].lower() in NAME_PREFIXES and len(parts) > 2:
                shorts |= {parts[1], " ".join(parts[:2])}   # "Mohd Faizal" -> "Faizal"
            for short in shorts:
                if self._can_be_short(short):
                    state.short.setdefault(name_key(short), entity)
        return entity

    def _can_be_short(self, text: str) -> bool:
        """True when ``text`` can stand for a person met before (not "Lao", "Mr")."""
        return (len(text) > 1 and text.lower() not in _NOT_SHORT
                and not self.titles.is_title_word(text) and self.kb.country(text) is None
                and not self.kb.lookup(text))

    def _short_names(self, toks: tuple[Token, ...], covered: list[bool], state: Discourse,
                     add: Callable[..., None]) -> None:
        for t in toks:
            # a capitalised word naming a person met before, whatever the tagger made of
            # it ("Takebe congratulated ..." at the start of a sentence)
            if covered[t.i] or not (t.pos == "PROPN" or (t.text[:1].isupper()
                                                         and t.pos in {"NOUN", "ADJ", "VERB",
                                                                       "X", "ADV"})):
                continue
            for n in (3, 2, 1):   # "von der Leyen", "Abdul Razak", then "Razak"
                if t.i + n > len(toks) or any(covered[t.i:t.i + n]):
                    continue
                text = join_tokens(toks[t.i:t.i + n])
                entity = state.short.get(name_key(text))
                if entity is not None:
                    add(t.i, t.i + n, retext(entity, text), "short")
                    break

# ---------------------------------------------------------------------- helpers
#: first-person narration of a visit or a meeting ("Today I held talks", "I also met")
FIRST_PERSON = re.compile(r"\bI (?:have |will |also |then )?(?:held|met|thanked|announced|"
                          r"called|agreed|invited|welcomed|signed|visited|travel|discussed|"
                          r"spoke|hosted)\b")


def _unquoted(text: str) -> str:
    """``text`` without its quotations."""
    return re.sub(r"[\"“][^\"”]*[\"”]", " ", text)


_NOT_SHORT = frozenset({"mr", "mrs", "ms", "dr", "bin", "binti", "van", "de", "al"})
# First words of Malay and Arabic names that are not what a person is called by ("Mohd
# Faizal Abdul Razak" is "Mr Faizal").
NAME_PREFIXES = frozenset({"mohd", "muhammad", "mohamad", "mohammad", "mohamed", "md",
                           "muhd", "mohammed", "nik", "wan", "tuan"})


def _looks_like_name(toks: tuple[Token, ...], title: TitleInfo | None) -> bool:
    words: list[str] = []
    for k, t in enumerate(toks):
        if t.text == "-":
            continue
        after_hyphen = k > 0 and toks[k - 1].text == "-"
        if not (t.text[:1].isupper() or t.text.lower() in NAME_PARTICLES or after_hyphen):
            return False
        if not after_hyphen:
            words.append(t.text)
    if any(w.isupper() and len(w) > 1 for w in words) and len(words) == 1:
        return False
    return len(words) >= 2 or title is not None
