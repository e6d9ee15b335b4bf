"""Who a role noun phrase names ("the Thai premier", "his Cambodian counterpart", "the
host", "the Indian leader"): the person of the article holding the office, else the office
holder on the story date in the knowledge base, else the country itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Set
from typing import TYPE_CHECKING

from comity.actors.discourse import Discourse
from comity.actors.kb import Organisation
from comity.actors.titles import TitleInfo
from comity.model import Entity
from comity.textnorm import fold

if TYPE_CHECKING:
    from comity.actors.resolve import ActorStage

POSSESSIVES = {"his": "M", "her": "F"}
GENERIC_HEADS = frozenset({"leader", "chief", "head", "official"})
# Modifiers that say nothing of who is meant.
NEUTRAL = frozenset({"two", "visiting", "new", "high", "level", "high-level", "top",
                     "then", "former", "outgoing", "incoming"})
#: offices of heads of state and government, as the title grammar normalises them
HEAD_OFFICES = frozenset({"President", "Prime Minister", "Chancellor", "General Secretary",
                          "King", "Queen", "Sultan", "Emperor", "Emir", "Chief Adviser"})


class RoleResolver:
    """The role half of :class:`comity.actors.references.References`."""

    stage: ActorStage

    def _role(self, words: list[str], head_word: str, info: TitleInfo, country: str | None,
              det: str, day: dt.date | None, state: Discourse, host_country: str | None,
              text: str, subject: Entity | None = None) -> Entity | None:
        stage = self.stage
        kb_country = stage.kb.country
        possessor = None
        if det in POSSESSIVES:   # the subject of the clause, else the last one
            possessor = (state.current_subjects[-1] if state.current_subjects else
                         state.last(gender=POSSESSIVES[det], subject=True))
        # the object of a verb is not its subject ("X welcomed the minister")
        not_id = possessor.id if possessor else (subject.id if subject else None)
        other = possessor.country if possessor else None
        if head_word == "counterpart":   # preferably one holding the same office
            mine = set(stage.offices.offices(possessor.title)) if possessor else set()
            away = None if country else other
            person = None
            if mine:
                person = state.last(country=country, exclude_id=not_id, exclude_country=away,
                                    match=lambda p: bool(
                                        mine & set(stage.offices.offices(p.title))))
            person = person or state.last(country=country, exclude_id=not_id,
                                          exclude_country=away)
            if person is None and country and mine:   # the same office, over there
                holders = [h for office in mine
                           if (h := stage.offices.holder(office, country, day)) is not None]
                if len({p.id for p, _ in holders}) == 1:
                    person = stage.person_entity(holders[0][0], text, day)
            return person or self._country(country, info)
        if head_word == "host":
            return (state.last(pool=state.hosts, exclude_id=not_id)
                    or (state.last(country=host_country, exclude_id=not_id)
                        if host_country else None)
                    or (state.last(exclude_country=other) if other else None))
        if head_word in {"guest", "visitor"}:
            return (state.last(pool=state.guests, exclude_id=not_id)
                    or (state.last(exclude_country=host_country, exclude_id=not_id)
                        if host_country else None)
                    or (state.last(exclude_country=other) if other else None))
        party = "party" in words or any(self._is_party(w) for w in words[:-1])
        sector = "PTY" if party else None
        office = info.office
        # "the Cambodian leader", "the Party leader": whoever leads, not one office
        if office is None or (head_word in GENERIC_HEADS and office == "Party leader"):
            if head_word == "leader" and country and not party and all(
                    w in NEUTRAL or kb_country(w) is not None for w in words[:-1]):
                # "the Indian leader": the head of state or government named, not the last
                # Indian named; else the office holder on the day
                top = self._head_named(country, state, not_id) or self._leader(
                    country, day, text)
                if top is not None:
                    return top
            person = (state.last(country=country, sector=sector, subject=True,
                                 exclude_id=not_id)
                      or state.last(country=country, sector=sector, exclude_id=not_id))
            return person or self._leader(country, day, text) or self._country(country, info)
        title_words = [w for w in words if stage.titles.is_title_word(w) and w not in NEUTRAL
                       and w != "party"]

        def fits(p: Entity) -> bool:
            return office in stage.offices.offices(p.title) or bool(title_words) and all(
                w in fold(p.title or "") for w in title_words)

        visiting = "visiting" in words
        person = state.last(country=country, match=fits, exclude_id=not_id,
                            exclude_country=host_country if visiting else None,
                            pool=state.guests if visiting and state.guests else None)
        if person is not None:
            return person
        tried: list[str] = []
        for c in [country] if country else [host_country, *(p.country for p in
                                                           reversed(state.persons))]:
            if c is None or c in tried:
                continue
            tried.append(c)
            found = stage.offices.holder(office, c, day, info.sector)
            if found is not None:
                return stage.person_entity(found[0], text, day)
        return None

    def _head_named(self, country: str, state: Discourse, not_id: str | None
                    ) -> Entity | None:
        """The person of ``country`` named in this sentence as a head of state or
        government, else the one last named holding the office the knowledge base names as
        its leader, else a head of state or government."""
        offices = self.stage.offices
        leader = self.stage.kb.countries[country].leader if country in \
            self.stage.kb.countries else None
        wanted = set(offices.offices(leader)) if leader else set()
        def holds(pool: Set[str]) -> Callable[[Entity], bool]:
            return lambda p: bool(pool & set(offices.offices(p.title)))

        both = holds(wanted | HEAD_OFFICES)
        here = state.last(country=country, exclude_id=not_id,
                          match=lambda p: both(p) and state.in_sentence(p))
        if here is not None:  # "invited President Luong Cuong ..., and the Vietnamese
            return here       # leader accepted": the one just named
        for pool in (wanted, HEAD_OFFICES):
            found = state.last(country=country, exclude_id=not_id, match=holds(pool)) \
                if pool else None
            if found is not None:
                return found
        return None

    def _leader(self, country: str | None, day: dt.date | None, text: str) -> Entity | None:
        """The holder of the office the knowledge base names as the country's leader."""
        kb = self.stage.kb
        leader = kb.countries[country].leader if country in kb.countries else None
        if country is None or leader is None:
            return None
        found = self.stage.offices.holder(self.stage.offices.offices(leader)[0], country, day)
        return self.stage.person_entity(found[0], text, day) if found else None

    def _country(self, country: str | None, info: TitleInfo) -> Entity | None:
        """The country itself, when a role of it names nobody known ("his Thai
        counterpart" with no Thai person in the article)."""
        kb = self.stage.kb
        if country is None or country not in kb.countries:
            return None
        return self.stage.country_entity(kb.countries[country], info.text)

    def _is_party(self, word: str) -> bool:
        """True when ``word`` names a party first of all ("CPP", "CPV")."""
        found = self.stage.kb.lookup(word)
        return bool(found) and isinstance(found[0], Organisation) and found[0].sector == "PTY"
