"""The actor stage: names, titles, short names, references and collectives -> entities.

For each parsed sentence it finds the actors the sentence names or refers to, as
:class:`~comity.model.ActorMention` records, using the knowledge base (names and roles in
time), the title grammar, and a small discourse state per article (who was mentioned last,
who hosts, who leads which delegation). Unknown names become provisional actors carrying
what the text says of them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from comity.actors.kb import Country, KnowledgeBase, Organisation, Person
from comity.actors.titles import TitleGrammar, TitleInfo
from comity.model import (
    ActorMention,
    Entity,
    ParsedDocument,
    ResolvedDocument,
    Sentence,
    Token,
)
from comity.textnorm import fold, name_key

log = logging.getLogger(__name__)

PRONOUNS = {"he": "M", "she": "F"}
COLLECTIVE_NOUNS = {"side", "sides", "leader", "leaders", "chief", "chiefs", "parties",
                    "party", "countries", "nations", "minister", "ministers", "president",
                    "presidents", "delegation", "delegations", "counterpart", "counterparts"}
ROLE_HEADS = {"leader", "chief", "head", "president", "premier", "minister", "secretary",
              "king", "queen", "mother", "chairman", "chairwoman", "chancellor", "monarch",
              "counterpart", "host", "guest", "visitor", "speaker", "ambassador", "envoy",
              "general"}
IsPlace = Callable[[str], bool]


@dataclass
class _Discourse:
    """Who has been mentioned so far in one article."""

    persons: list[Entity] = field(default_factory=list)
    subjects: list[Entity] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)
    delegations: dict[str, Entity] = field(default_factory=dict)
    short: dict[str, Entity] = field(default_factory=dict)
    provisional: dict[str, Entity] = field(default_factory=dict)

    def mention(self, entity: Entity) -> None:
        if entity.kind != "person":
            return
        self.persons = [p for p in self.persons if p.id != entity.id] + [entity]

    def last(self, *, country: str | None = None, gender: str | None = None,
             title_words: tuple[str, ...] = (), exclude_country: str | None = None,
             sector: str | None = None, subject: bool = False) -> Entity | None:
        pool = self.subjects if subject and self.subjects else self.persons
        for p in reversed(pool):
            if sector and p.sector != sector:
                continue
            if country and p.country != country:
                continue
            if exclude_country and p.country == exclude_country:
                continue
            if gender and self.genders.get(p.id, gender) != gender:
                continue
            if title_words and not all(w in fold(p.title or "") for w in title_words):
                continue
            return p
        return None

    def pair(self) -> tuple[Entity, Entity] | None:
        if not self.persons:
            return None
        last = self.persons[-1]
        for p in reversed(self.persons[:-1]):
            if p.country != last.country:
                return (p, last)
        return (self.persons[-2], last) if len(self.persons) > 1 else None


class ActorStage:
    """Resolve the actors of parsed documents."""

    def __init__(self, kb: KnowledgeBase, titles: TitleGrammar,
                 is_place: IsPlace | None = None) -> None:
        self.kb = kb
        self.titles = titles
        self.is_place = is_place or (lambda text: False)

    # ------------------------------------------------------------------ entities
    def person_entity(self, person: Person, text: str, day: dt.date | None,
                      title: TitleInfo | None = None) -> Entity:
        """Entity for a knowledge-base person with the role held on ``day``."""
        role = person.role_on(day)
        return Entity(id=self.kb.entity_id(person), name=person.name, kind="person",
                      text=text,
                      country=role.country if role else (title.country if title else None),
                      sector=role.sector if role else (title.sector if title else None),
                      title=role.office if role else (title.office if title else None),
                      wikidata=person.wikidata)

    def org_entity(self, org: Organisation, text: str) -> Entity:
        """Entity for a knowledge-base organisation."""
        return Entity(id=self.kb.entity_id(org), name=org.name, kind="organisation",
                      text=text, country=org.country, sector=org.sector,
                      wikidata=org.wikidata)

    def country_entity(self, country: Country, text: str) -> Entity:
        """Entity for a country acting as a whole."""
        return Entity(id=self.kb.entity_id(country), name=country.name, kind="country",
                      text=text, country=country.iso3, sector="GOV",
                      wikidata=country.wikidata)

    # ------------------------------------------------------------------ documents
    def resolve(self, parsed: ParsedDocument, host_country: str | None = None
                ) -> ResolvedDocument:
        """Actors of every sentence of ``parsed``."""
        state = _Discourse()
        day = parsed.document.story_date
        out: list[tuple[ActorMention, ...]] = []
        for sent in parsed.sentences:
            if not sent.parsed:
                out.append(())
                continue
            out.append(tuple(self._sentence(sent, day, state, host_country)))
        return ResolvedDocument(parsed=parsed, actors=tuple(out),
                                provisional=tuple(state.provisional.values()),
                                host_country=host_country)

    def _sentence(self, sent: Sentence, day: dt.date | None, state: _Discourse,
                  host_country: str | None) -> list[ActorMention]:
        toks = sent.tokens
        covered = [False] * len(toks)
        found: list[ActorMention] = []

        def add(start: int, end: int, entity: Entity, how: str,
                members: tuple[Entity, ...] = (), leader: Entity | None = None) -> None:
            head = _span_head(toks, start, end)
            if entity.kind == "person" and toks[head].dep in {"nsubj", "nsubjpass"}:
                state.subjects = [p for p in state.subjects if p.id != entity.id] + [entity]
            found.append(ActorMention(sentence=sent.index, start=start, end=end, head=head,
                                      entity=entity, how=how, members=members,
                                      leader=leader))
            for i in range(start, end):
                covered[i] = True
            state.mention(entity)

        for span in sent.spans:
            if any(covered[span.start:span.end]):
                continue
            if span.label == "PERSON":
                self._person_span(toks, span.start, span.end, span.kb_id, day, state, add)
            elif span.label in {"GPE", "ORG", "NORP"}:
                self._group_span(toks, span.start, span.end, span.kb_id, state, add)
        self._short_names(toks, covered, state, add)
        self._references(toks, covered, day, state, host_country, add)
        found.sort(key=lambda m: m.start)
        return found

    # ------------------------------------------------------------------ names
    def _title_before(self, toks: tuple[Token, ...], start: int) -> TitleInfo | None:
        i = start
        while i > 0:
            prev = toks[i - 1]
            word = prev.text
            if word in {",", ";", ":", "—", "-", "–"} or (
                    word[:1].islower() and not self.titles.is_title_word(word)
                    and word not in {"of", "the", "and", "for", "'s", "’s"}):
                break
            i -= 1
        while i < start and toks[i].text.lower() in {"the", "and", "of"}:
            i += 1
        if i >= start:
            return None
        text = " ".join(t.text for t in toks[i:start])
        info = self.titles.analyse(text, self.kb)
        if info.office is None and info.country is None and info.sector is None:
            return None
        return info

    def _title_after(self, toks: tuple[Token, ...], end: int) -> TitleInfo | None:
        """Apposition after a name: ``X, a member of ... and First Vice President of ...``."""
        if end >= len(toks) or toks[end].text != ",":
            return None
        j = end + 1
        while j < len(toks) and toks[j].text not in {",", ";", "."} and toks[j].dep != "ROOT":
            j += 1
        text = " ".join(t.text for t in toks[end + 1:j])
        if not text or not any(self.titles.is_title_word(t.text) for t in toks[end + 1:j]):
            return None
        info = self.titles.analyse(text, self.kb)
        return info if info.office or info.country else None

    def _person_span(self, toks: tuple[Token, ...], start: int, end: int, kb_id: str,
                     day: dt.date | None, state: _Discourse, add: Callable[..., None]) -> None:
        # strip leading titles/honorifics inside the span
        words = [fold(t.text) for t in toks[start:end]]
        i = 0
        while i < len(words):
            entry = self.titles.match_at(words, i)
            if entry is None:
                break
            i += len(entry.key)
        s = start + i
        if s >= end or all(self.titles.is_title_word(t.text) for t in toks[s:end]):
            return
        text = " ".join(t.text for t in toks[s:end]).replace(" ’s", "").replace(" 's", "")
        if toks[end - 1].text in {"’s", "'s"}:
            end -= 1
            text = " ".join(t.text for t in toks[s:end])
        if s >= end:
            return
        title = self._title_before(toks, s) or self._title_after(toks, end)
        person = self._known_person(text, kb_id)
        if person is not None:
            entity = self.person_entity(person, text, day, title)
            if person.gender:
                state.genders[entity.id] = person.gender
            for short in person.short:
                state.short[name_key(short)] = entity
            add(s, end, entity, "name")
            return
        prior = state.short.get(name_key(text))
        if prior is not None:
            add(s, end, _retext(prior, text), "short")
            return
        if self.is_place(text) or self.kb.country(text) is not None:
            return
        if not _looks_like_name(toks[s:end], title):
            return
        entity = self._provisional(text, title, state)
        add(s, end, entity, "name")

    def _known_person(self, text: str, kb_id: str) -> Person | None:
        if kb_id.startswith("kb:person/"):
            return self.kb.persons.get(kb_id.removeprefix("kb:person/"))
        for entry in self.kb.lookup(text):
            if isinstance(entry, Person):
                return entry
        return None

    def _provisional(self, text: str, title: TitleInfo | None, state: _Discourse) -> Entity:
        key = name_key(text)
        if key in state.provisional:
            return _retext(state.provisional[key], text)
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
        entity = Entity(id=f"prov:person/{digest}", name=text, kind="person", text=text,
                        country=title.country if title else None,
                        sector=title.sector if title else None,
                        title=(title.office or title.text) if title else None,
                        provisional=True)
        state.provisional[key] = entity
        parts = text.split()
        if len(parts) > 1:
            state.short.setdefault(name_key(parts[-1]), entity)
        return entity

    def _short_names(self, toks: tuple[Token, ...], covered: list[bool], state: _Discourse,
                     add: Callable[..., None]) -> None:
        for t in toks:
            if covered[t.i] or t.pos != "PROPN":
                continue
            entity = state.short.get(name_key(t.text))
            if entity is not None:
                add(t.i, t.i + 1, _retext(entity, t.text), "short")

    # ------------------------------------------------------------------ groups
    def _group_span(self, toks: tuple[Token, ...], start: int, end: int, kb_id: str,
                    state: _Discourse, add: Callable[..., None]) -> None:
        if toks[start].text.lower() == "the":
            start += 1
        if start >= end:
            return
        text = " ".join(t.text for t in toks[start:end])
        if kb_id.startswith("kb:country/"):
            country = self.kb.countries.get(kb_id.removeprefix("kb:country/"))
            if country is not None:
                add(start, end, self.country_entity(country, text), "country")
            return
        if kb_id.startswith("kb:org/"):
            org = self.kb.organisations.get(kb_id.removeprefix("kb:org/"))
            if org is not None:
                add(start, end, self.org_entity(org, text), "organisation")
            return
        for entry in self.kb.lookup(text):
            if isinstance(entry, Organisation):
                add(start, end, self.org_entity(entry, text), "organisation")
                return
            if isinstance(entry, Country):
                add(start, end, self.country_entity(entry, text), "country")
                return

    # ------------------------------------------------------------------ references
    def _references(self, toks: tuple[Token, ...], covered: list[bool], day: dt.date | None,
                    state: _Discourse, host_country: str | None,
                    add: Callable[..., None]) -> None:
        for t in toks:
            if covered[t.i]:
                continue
            low = t.text.lower()
            if t.pos == "PRON" and low in PRONOUNS and t.dep in {"nsubj", "nsubjpass"}:
                prev = state.last(gender=PRONOUNS[low], subject=True)
                if prev is not None:
                    add(t.i, t.i + 1, _retext(prev, t.text), "coref")
                continue
            if t.pos == "PRON" and low == "they" and t.dep in {"nsubj", "nsubjpass"}:
                pair = state.pair()
                if pair is not None:
                    add(t.i, t.i + 1, _collective(pair, t.text), "collective", members=pair)
                continue
            if t.pos not in {"NOUN", "PROPN"}:
                continue
            left = _np_start(toks, t.i)
            if left is None or any(covered[left:t.i + 1]):
                continue
            words = [fold(x.text) for x in toks[left:t.i + 1]]
            self._np_reference(toks, left, t.i, words, day, state, host_country, add)

    def _np_reference(self, toks: tuple[Token, ...], left: int, head: int, words: list[str],
                      day: dt.date | None, state: _Discourse, host_country: str | None,
                      add: Callable[..., None]) -> None:
        det, body = words[0], words[1:]
        if det not in {"the", "both", "his", "her", "their"} or not body:
            return
        head_word = body[-1]
        text = " ".join(t.text for t in toks[left:head + 1])
        modifiers = body[:-1]
        country: str | None = None
        title_words: list[str] = []
        for w in modifiers:
            c = self.kb.demonym(w) or self.kb.country(w)
            if c is not None:
                country = c.iso3
                continue
            for entry in self.kb.lookup(w):
                if isinstance(entry, Organisation) and entry.country:
                    country = entry.country
            if w not in {"two", "party", "high", "level", "high-level", "visiting",
                         "cambodian", "vietnamese"}:
                title_words.append(w)
        if any(w in {"three", "four", "five", "all"} for w in body):
            return
        plural = head_word in {"sides", "leaders", "chiefs", "ministers", "presidents",
                               "counterparts"} and (det == "both" or "two" in body)
        if head_word in {"people", "government", "nation", "state", "authorities"} and \
                country is not None and country in self.kb.countries:
            add(left + 1, head + 1, self.country_entity(self.kb.countries[country], text),
                "country")
            return
        if head_word in {"side", "sides"} and country is not None and not plural:
            c = self.kb.countries.get(country)
            if c is not None:
                add(left + 1, head + 1, self.country_entity(c, text), "country")
            return
        if plural and head_word in COLLECTIVE_NOUNS:
            pair: tuple[Entity, ...] | None = state.pair()
            if pair is not None and head_word == "sides":
                countries = [self.kb.countries[p.country] for p in pair
                             if p.country in self.kb.countries]
                if len(countries) == 2 and countries[0] != countries[1]:
                    pair = tuple(self.country_entity(c, text) for c in countries)
            if pair is not None:
                add(left, head + 1, _collective(pair, text), "collective", members=pair)
            return
        if head_word in {"delegation", "delegations"}:
            leader = _led_by(toks, head, state)
            org = self._org_in(toks, left, head)
            if leader is not None:
                if org is not None:
                    state.delegations[org.id] = leader
                add(left, head + 1, leader, "collective", leader=leader)
            elif org is not None and org.id in state.delegations:
                add(left, head + 1, state.delegations[org.id], "collective")
            elif country is not None and country in self.kb.countries:
                add(left, head + 1, self.country_entity(self.kb.countries[country], text),
                    "country")
            return
        if head_word not in ROLE_HEADS and head_word not in self.titles.office_heads:
            return
        if head_word in {"host"}:
            person = state.last(country=host_country) if host_country else None
        elif head_word in {"guest", "visitor"}:
            person = state.last(exclude_country=host_country) if host_country else None
        else:
            generic = head_word in {"leader", "chief", "head", "counterpart"}
            tw = () if generic else (*title_words, head_word)
            sector = "PTY" if "party" in modifiers or any(
                self._is_party(w) for w in modifiers) else None
            person = state.last(country=country, title_words=tw, sector=sector,
                                subject=generic) or state.last(
                country=country, title_words=tw, sector=sector)
            if person is None and not generic and country is not None:
                person = self._office_holder(" ".join(tw), country, day)
        if person is not None:
            add(left, head + 1, _retext(person, text), "coref")

    def _is_party(self, word: str) -> bool:
        """True when ``word`` names a party first of all ("CPP", "CPV")."""
        found = self.kb.lookup(word)
        return bool(found) and isinstance(found[0], Organisation) and found[0].sector == "PTY"

    def _org_in(self, toks: tuple[Token, ...], left: int, head: int) -> Organisation | None:
        for n in range(head - left + 1, 0, -1):
            for i in range(left, head + 2 - n):
                for entry in self.kb.lookup(" ".join(t.text for t in toks[i:i + n])):
                    if isinstance(entry, Organisation):
                        return entry
        # "a delegation of the Cambodian People's Party (CPP)"
        for t in toks[head + 1:head + 12]:
            for entry in self.kb.lookup(t.text):
                if isinstance(entry, Organisation):
                    return entry
        return None

    def _office_holder(self, office_words: str, country: str, day: dt.date | None
                       ) -> Entity | None:
        """The knowledge-base person holding an office in ``country`` on ``day``."""
        key = fold(office_words)
        if not key:
            return None
        for person in self.kb.persons.values():
            for role in person.roles_on(day):
                if role.country == country and key in fold(role.office):
                    return self.person_entity(person, office_words, day)
        return None


# ---------------------------------------------------------------------- helpers
def _retext(entity: Entity, text: str) -> Entity:
    return Entity(id=entity.id, name=entity.name, kind=entity.kind, text=text,
                  country=entity.country, sector=entity.sector, title=entity.title,
                  wikidata=entity.wikidata, provisional=entity.provisional)


def _collective(pair: tuple[Entity, ...], text: str) -> Entity:
    ids = "+".join(sorted(p.id for p in pair))
    countries = {p.country for p in pair}
    return Entity(id=f"group:{ids}", name=" and ".join(p.name for p in pair),
                  kind="collective", text=text,
                  country=countries.pop() if len(countries) == 1 else None)


def _span_head(toks: tuple[Token, ...], start: int, end: int) -> int:
    for i in range(start, end):
        if not start <= toks[i].head < end or toks[i].head == i:
            return i
    return end - 1


def _np_start(toks: tuple[Token, ...], head: int) -> int | None:
    """Index of the determiner opening the noun phrase headed by ``head``, if any."""
    kids = [t for t in toks if t.head == head and t.i < head and t.i != head]
    dets = [k.i for k in kids if k.dep in {"det", "poss", "predet"}
            or k.text.lower() in {"the", "both"}]
    if not dets:
        return None
    start = min(dets)
    if any(t.text in {",", ";"} for t in toks[start:head]):
        return None
    return start


def _led_by(toks: tuple[Token, ...], head: int, state: _Discourse) -> Entity | None:
    """The person in "... delegation ... led by X" (X already resolved as a mention)."""
    for i in range(head + 1, min(len(toks), head + 25)):
        if toks[i].lemma == "lead" and i + 1 < len(toks) and toks[i + 1].text == "by":
            for p in reversed(state.persons):
                if p.text and any(p.text.startswith(t.text) for t in toks[i + 2:i + 6]):
                    return p
            return None
    return None


def _looks_like_name(toks: tuple[Token, ...], title: TitleInfo | None) -> bool:
    words = [t.text for t in toks]
    if not all(w[:1].isupper() or w in {"bin", "binti", "van", "de", "von", "al", "-"}
               for w in words):
        return False
    if any(w.isupper() and len(w) > 1 for w in words) and len(words) == 1:
        return False
    return len(words) >= 2 or title is not None
