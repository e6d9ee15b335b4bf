"""The event coder: triggers from the lexicon + dependency patterns -> coded events.

For each parsed sentence, every token that matches a lexicon trigger is given an actor and
a recipient (triggers: :mod:`comity.coding.triggers`) by the argument rules of
:mod:`comity.coding.arguments` and :mod:`comity.coding.nominal` (and
:mod:`comity.coding.crowds` for protests and releases), a status (planned or occurred,
:mod:`comity.coding.tense`, which also lets a journey be told by what it is made for) and
a mode; :mod:`comity.coding.refine` splits and prunes the sentence's coded events. Dates
and places are in :mod:`comity.coding.assemble`, the in-article merge in
:mod:`comity.coding.merge`.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import replace

from comity.actors.kb import KnowledgeBase
from comity.coding.args import Tree
from comity.coding.arguments import (
    DIPLOMATIC,
    HYPOTHETICAL,
    MATERIAL_TYPES,
    MONADIC_MODES,
    MUTUAL,
    NEGATIONS,
    REFUSALS,
    STATEMENT_TYPES,
    SYMMETRIC_TYPES,
)
from comity.coding.clause import anchor
from comity.coding.clues import reported, signers, told_before
from comity.coding.crowds import CROWDS, MaterialParties
from comity.coding.lexicon import Lexicon, Trigger
from comity.coding.nominal import NominalArguments
from comity.coding.refine import (
    PERSONAL,
    Coded,
    acceptances,
    addressed,
    consult_party,
    counterpart,
    entities,
    envoy_calls,
    evidence,
    leads,
    one_act,
    one_per_recipient,
    people_first,
    prefer_persons,
    separate,
)
from comity.coding.tense import ATTENDING, Journeys
from comity.coding.triggers import Triggers
from comity.model import ActorMention, Entity, ResolvedDocument, Sentence, Token

__all__ = ["Coded", "Coder"]

#: what an accusation's target answers by denouncing it: a rejection
ACCUSATIONS = frozenset({"accusation", "allegation", "claim", "charge", "accusations",
                         "allegations", "claims", "charges"})
#: statements two parties make together to a third, not to each other
UNILATERAL = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT"})
#: a collective naming states, not people ("the two countries", "both nations")
STATES_WORD = re.compile(r"\b(countries|nations|states|sides|neighbou?rs)\b", re.IGNORECASE)

log = logging.getLogger(__name__)


class Coder(Triggers, NominalArguments, MaterialParties, Journeys):
    """Code the events of resolved documents."""

    def __init__(self, lexicon: Lexicon, kb: KnowledgeBase,
                 place_country: Callable[[str], str | None] | None = None) -> None:
        """``place_country``: the country (ISO alpha-3) of a place name, from a gazetteer
        ("Busan" -> KOR), used for where a journey goes; None codes without one."""
        self.lexicon = lexicon
        self.kb = kb
        self.place_country = place_country

    def code(self, resolved: ResolvedDocument) -> list[Coded]:
        """Events of every parsed sentence, in text order."""
        out: list[Coded] = []
        day = resolved.parsed.document.story_date
        people: dict[str, Entity] = {}  # the last person named for each country
        for sent, mentions in zip(resolved.parsed.sentences, resolved.actors, strict=True):
            if sent.parsed and sent.tokens:
                attacks = [c for c in out if c.trigger.type == "ASSAULT" and c.actors]
                found = self._sentence(sent, mentions, day, resolved.host_country, people,
                                       attacks[-1].actors[0] if attacks else None,
                                       out)
                out.extend(acceptances(found, out))
            for m in mentions:
                if m.entity.kind == "person" and m.entity.country:
                    people[m.entity.country] = m.entity
        return out

    # ------------------------------------------------------------------ sentences
    def _sentence(self, sent: Sentence, mentions: tuple[ActorMention, ...],
                  day: dt.date | None, host: str | None,
                  people: dict[str, Entity] | None = None,
                  attacker: Entity | None = None,
                  before: list[Coded] | None = None) -> list[Coded]:
        """Events of one sentence; ``attacker``: the doer of the last attack told before
        ("Egypt also condemned the attack" is said against it); ``before``: the events of
        the article's earlier sentences (whose meetings give a statement its addressee)."""
        tree = Tree(sent.tokens, mentions, self._nationality)
        found: list[tuple[Token, Trigger]] = []
        for tok in sent.tokens:
            trig = self._trigger(tree, tok)
            if trig is not None:
                found.append((tok, trig))
        part = self._initial_participle(tree)
        if part is not None:
            found.insert(0, part)
        triggers = {t.i: trig for t, trig in found}
        for k, (t, trig) in enumerate(found):
            if trig.type == "AGREE" and trig.pos == "VERB":
                for o in tree.prep_objects(t.i, ("to", "on")):
                    c = triggers.get(o.i)
                    if c is not None and c.type == "RETREAT":
                        # "agreed to an immediate ceasefire": the ceasefire is declared
                        found[k] = (t, replace(c, pos="VERB", frame="subj>obj"))
            if trig.type == "AGREE" and trig.pos == "VERB" and any(
                    (c := triggers.get(x.i)) is not None and c.type == "RETREAT"
                    for x in tree.kids(t.i, "xcomp")):
                # "China agreed to release a detained Japanese employee"
                found[k] = (t, replace(trig, type="CONCEDE", cameo="080"))
            if trig.type == "AGREE" and trig.pos == "VERB" and any(
                    (c := triggers.get(x.i)) is not None and c.type == "THREATEN"
                    for x in tree.kids(t.i, "dobj", "xcomp")):
                # "vowed retaliation against X": what is promised is a threat
                found[k] = (t, replace(trig, type="THREATEN", cameo="130"))
        for k, (t, trig) in enumerate(found):
            if trig.type == "ACCUSE" and trig.pos == "VERB" and any(
                    o.lemma.lower() in ACCUSATIONS for o in tree.kids(t.i, "dobj")):
                # "denounced the accusations as baseless": a rejection of them
                found[k] = (t, replace(trig, type="REJECT", cameo="120", mode=None))
        triggers = {t.i: trig for t, trig in found}
        out: list[Coded] = []
        for tok, trig in found:
            if self._is_content_of_other(tree, tok, triggers):
                continue
            if trig.type == "CONSULT" and self._inside_other_meeting(tree, tok, triggers):
                continue
            if trig.type == "CONSULT" and self._journey_for(tree, tok, triggers):
                continue
            if trig.type == "PROTEST" and any(
                    (c := triggers.get(x.i)) is not None and c.type == "PROTEST"
                    for x in tree.kids(tok.i, "advcl", "xcomp")):
                continue  # "marched ... to protest X": the protest says against whom
            if trig.pos == "NOUN" and tok.dep == "dobj" and (
                    (other := triggers.get(tok.head)) is not None and other.pos == "VERB"
                    and other.cameo == trig.cameo and trig.type != "CONSULT"
                    and other.lemma != "accept"):
                continue  # "witnessed the signing of": the verb codes it (but "accepted an
                # invitation from X" is X's invitation and its acceptance)
            if any(c.text.lower() in NEGATIONS for c in tree.kids(tok.i, "neg")):
                continue
            if trig.pos == "NOUN" and self._unrealised(tree, tok):
                continue  # "a strong desire for a meeting between X and Y": not held
            if tok.dep == "xcomp" and tree.tokens[tok.head].lemma.lower() in REFUSALS:
                continue  # "declined to sign the declaration": no signing
            if trig.type in MATERIAL_TYPES and any(
                    c.text.lower() in HYPOTHETICAL for c in tree.kids(tok.i, "aux")):
                continue  # "areas where they could cooperate": a possibility, no deed
            prev = out[-1] if out else None
            # "X received Y, and the two sides discussed ...": the persons named before the
            # trigger in its own sentence stand for their countries first
            known = dict(people or {})
            known.update({m.entity.country: m.entity for m in mentions if m.start < tok.i
                          and m.entity.kind == "person" and m.entity.country})
            coded = self._code_one(tree, sent, tok, trig, triggers, day, host, prev, known,
                                   attacker, [*(before or ()), *out])
            if coded is not None:
                out.extend(envoy_calls(x) for x in one_per_recipient(coded))
        return prefer_persons(one_act(out))

    def _state_of(self, e: Entity) -> Entity:
        """The state of a person ``e`` (``e`` itself when it is none or not known)."""
        country = self.kb.countries.get(e.country or "") if e.kind == "person" else None
        return self._country_entity(country, country.name) if country is not None else e

    def _addressee(self, before: list[Coded], speaker: Entity, personal: bool = False
                   ) -> list[Entity]:
        """The counterpart of ``speaker`` in the meeting or call told before: the person
        where the sentence points at one ("thanked him") or where both or neither lead their
        state, else the state (a party chief proposing to a visiting minister addresses the
        minister's country, and the minister his)."""
        found = counterpart(before, speaker)
        if not found or personal or leads(found[0]) == leads(speaker):
            return found
        country = self.kb.countries.get(found[0].country or "")
        return [self._country_entity(country, country.name)] if country is not None else []

    # ------------------------------------------------------------------ one event
    def _code_one(self, tree: Tree, sent: Sentence, tok: Token, trig: Trigger,
                  triggers: dict[int, Trigger], day: dt.date | None, host: str | None,
                  prev: Coded | None = None, people: dict[str, Entity] | None = None,
                  attacker: Entity | None = None, before: list[Coded] | None = None
                  ) -> Coded | None:
        if trig.pos == "NOUN" and trig.mode == "visit" and self._frame_only(tree, tok):
            return None
        if trig.type == "CONSULT" and tok.dep in {"pcomp", "pobj"} \
                and tree.tokens[tok.head].text.lower() in {"after", "following"} \
                and told_before(tree, tok, before or []):
            return None  # "He left for Washington shortly after meeting Xi": told already
        if trig.mode == "visit" and trig.pos == "VERB" and any(
                k.lemma.lower() in {"home", "back"} for k in tree.kids(tok.i, "advmod")):
            return None  # "Trump flew home", "will fly back": a return, no visit
        if trig.type == "REQUEST" and tok.lemma.lower() == "call" and not tree.kids(
                tok.i, "xcomp", "ccomp") and (tree.kids(tok.i, "dobj") or not any(
                    k.text.lower() == "to" for a in tree.kids(tok.i, "advcl")
                    for k in tree.kids(a.i, "aux"))) and not any(  # "called on X to clear"
                any(k.text.lower() == "to" for a in tree.kids(o.i, "acl", "relcl")
                    for k in tree.kids(a.i, "aux"))
                for o in tree.prep_objects(tok.i, ("on", "upon"))):
            # "will call on General Secretary X" is a courtesy call, not an appeal
            trig = replace(trig, type="CONSULT", cameo="042", mode="visit", preps=("on",))
        if trig.pos == "VERB" and trig.frame == "obj>subj" and any(
                o.i in triggers for o in tree.kids(tok.i, "dobj")):
            return None  # "received a courtesy call from X": the noun codes it
        if trig.pos == "ADJ":
            actors, recips, between = self._adjective_args(tree, tok, trig)
        elif trig.pos == "VERB" and tok.pos != "VERB" and tok.i == 0:
            actors, recips, between = self._participle_args(tree)
        elif trig.pos == "VERB":
            actors, recips, between = self._verb_args(tree, tok, trig)
        else:
            actors, recips, between = self._noun_args(tree, tok, trig, triggers)
        if trig.pos == "VERB" and trig.objects:
            signing = signers(tree, tok)
            if len(signing) >= 2:
                # "the leaders witnessed the signing of a memorandum by A and B": A and B
                # sign it; the witnesses are no party
                actors, recips = signing[:1], signing[1:]
        if trig.type == "CONSULT" and trig.pos == "VERB":
            meetings = {o.i for o in tree.kids(tok.i, "dobj")
                        if (t := triggers.get(o.i)) is not None and t.type == "CONSULT"}
            if meetings and any(m.head in meetings for m in recips):
                # "chaired the ASEAN Summit, attended by X and Y": the meeting is no party;
                # those attending it are
                recips = [m for m in recips if m.head not in meetings] + [
                    m for i in meetings for a in tree.kids(i, "acl")
                    if a.lemma.lower() in ATTENDING
                    for o in tree.prep_objects(a.i, ("by",)) for m in tree.actors_of(o)]
        if trig.frame == "obj>subj" and trig.pos == "VERB" and not recips:
            return None  # "the two ministers welcomed the progress": no guest, no reception
        if trig.type == "CONSULT":  # "welcomed the British government's approach"
            actors = [m for m in actors if consult_party(tree, m)]
            recips = [m for m in recips if consult_party(tree, m)]
        actor_ents = people_first([self._state(e) for e in entities(actors)])
        recip_ents = people_first([self._state(e) for e in entities(recips)])
        if trig.type == "CONSULT" and len(actor_ents) >= 2:
            # "X and Y co-chaired the Singapore-Vietnam meeting": a state of the meeting's
            # own parties named in its object is no counterpart of theirs
            mine = {a.country for a in actor_ents}
            recip_ents = [r for r in recip_ents if r.kind != "country" or r.country not in mine]
        if trig.type == "PROTEST" and trig.objects and trig.pos == "VERB":
            # "protesters attacked the embassies of X and Y": against each embassy's state,
            # by the people of the place (an armed group's attack is an assault)
            recip_ents = self._missions_of(tree, tok, trig)
            crowd = any(  # "protesters", "hundreds of demonstrators", "Iranian students"
                t.lemma.lower() in CROWDS for x in tree.subjects(tok.i)[0]
                for t in (x, *tree.prep_objects(x.i, ("of",))))
            if not crowd and trig.cameo != "145":
                return None  # "officials gathered at the embassy": no protest
            if not crowd:  # "rebels attacked the embassy"
                trig = replace(trig, type="ASSAULT", cameo="190")
            elif not actor_ents:
                actor_ents = self._protest_place(tree, tok) or self._host_entity(host)
        elif trig.type == "PROTEST" and actors and all(
                m.how not in {"nationality", "place"} for m in actors):
            # a state or an official "protests": a diplomatic protest, not a street one
            trig = replace(trig, type="ACCUSE", cameo="111", mode="disapprove")
        if len(actor_ents) == 1 and actor_ents[0].kind == "country" and not (
                trig.type in MATERIAL_TYPES and self._status(tree, tok) == "occurred"):
            # (a state's deed reported by its minister stays the state's: "X said Malaysia
            # had sent a rescue team")
            said = tree.tokens[tok.head] if trig.pos == "ADJ" else (
                anchor(tree.tokens, tok) if trig.pos == "NOUN" else tok)
            speaker, told = self._speaker(tree, said, actor_ents[0].country)
            if speaker is not None:  # "Lavrov said Russia appreciated ...": Lavrov did
                actor_ents = [speaker]
                if told is not None and not recip_ents:
                    recip_ents = [told]  # "told his counterpart that Japan will ..."
        participants: list[Entity] = []
        symmetric = trig.type == "CONSULT" and trig.mode != "visit"
        # collectives: "both sides agreed", "proposed the two sides continue"
        if actor_ents and actor_ents[0].kind == "collective":
            members = next((m.members for m in actors if m.members), ())
            if people and all(e.kind == "country" for e in members) and all(
                    e.country in people for e in members):
                # "the two sides agreed" after their leaders were named: the leaders
                members = tuple(people[e.country] for e in members if e.country)
            ours = {m.id for m in members} | {m.country for m in members if m.country}
            outside = [r for r in recip_ents if r.kind != "collective"
                       and r.id not in ours and r.country not in ours]
            if len(members) >= 2 and outside and trig.type == "CONSULT":
                # "the two leaders will hold talks with X": both on one side, X the other
                actor_ents, recip_ents = list(members), outside
            elif len(members) >= 2 and trig.type in UNILATERAL:
                # "the two presidents called on the warring parties to ...", "both leaders
                # condemned North Korea's launch": said together to a third party, not to
                # each other
                actor_ents, recip_ents = list(members), outside
            elif len(members) >= 2:
                actor_ents, recip_ents = [members[0]], [m for m in members[1:]]
                symmetric = True
        if len(recip_ents) == 1 and recip_ents[0].kind == "collective":
            members = next((m.members for m in recips if m.members), ())
            others = [m for m in members if m.id not in {a.id for a in actor_ents}]
            if trig.type in STATEMENT_TYPES and STATES_WORD.search(recip_ents[0].text):
                # "proposed that the two countries launch talks": said to the other state
                others = [self._state_of(m) for m in others]
            recip_ents = others
        if not actor_ents and prev is not None and trig.pos == "NOUN" \
                and prev.trigger.type == trig.type and self._added_to(tree, prev.token, tok):
            actor_ents = list(prev.actors)  # "co-chaired X, along with the meeting among Y"
        if not actor_ents and trig.pos == "NOUN" and trig.mode == "visit":
            # "the first visit to Türkiye by an Egyptian head of state": the person of that
            # nation named before it (with none named, a description of no one in particular)
            for o in tree.prep_objects(tok.i, ("by",)):
                n = tree.national(o)
                if n is not None and n.entity.country in (people or {}):
                    actor_ents = [(people or {})[n.entity.country or ""]]
                    break
        if trig.type == "PROTEST" and trig.pos == "VERB" and not actor_ents:
            actor_ents = self._protest_place(tree, tok)
        # "X hosted talks between A and B", "talks between A and B hosted by X"
        hosted = trig.type == "CONSULT" and trig.mode is None and len(between) >= 2 and (
            (tok.dep == "dobj" and tree.tokens[tok.head].lemma.lower() == "host")
            or any(a.lemma.lower() == "host" for a in tree.kids(tok.i, "acl")))
        if between and not actor_ents:
            actor_ents, recip_ents = between[:1], between[1:]
            symmetric = True
        if trig.frame == "obj>subj" and not (
                trig.pos == "NOUN" and tok.dep == "dobj" and tree.kids(tok.head, "nsubjpass")):
            # (not "X was accorded a ceremonial welcome by Y": X, the subject, is the guest)
            actor_ents, recip_ents = recip_ents, actor_ents
        two_states = len({a.country for a in actor_ents if a.kind == "country"}) >= 2
        attending = tok.lemma.lower() in ATTENDING or (
            trig.pos == "NOUN" and tok.dep == "dobj"
            and tree.tokens[tok.head].lemma.lower() in ATTENDING) or (
            # "the summit was attended by X, Y and Z" (a meeting attended by just two
            # people of two states is theirs)
            trig.pos == "NOUN" and tok.dep == "nsubjpass"
            and tree.tokens[tok.head].lemma.lower() in ATTENDING
            and (len(actor_ents) != 2 or len({a.country for a in actor_ents}) != 2))
        if len(actor_ents) >= 2 and (not recip_ents or two_states) and not attending and (
                trig.type in SYMMETRIC_TYPES or trig.mode == "ceasefire" or trig.lemma in MUTUAL
                                                         or trig.cameo == "057"):
            actor_ents, recip_ents = actor_ents[:1], actor_ents[1:]
            symmetric = True
        if symmetric and trig.type == "AGREE" and self._vague_content(tree, tok):
            return None
        if not actor_ents:
            return None
        own = {a.country for a in actor_ents if a.country}
        if len(recip_ents) > 1 and any(r.country not in own for r in recip_ents):
            # "proposed that Vietnam and Cambodia expand trade": the other party
            recip_ents = [r for r in recip_ents if r.country not in own]
        # one recipient for statements: a person is preferred to a country
        states = [r for r in recip_ents if r.kind == "country"]
        several_states = len(states) == len(recip_ents) >= 2 and len(
            {r.country for r in states}) == len(states)
        persons = [r for r in recip_ents if r.kind == "person"]
        several_persons = trig.type == "SUPPORT" and len(persons) >= 2 and len(
            {r.country for r in persons} - {a.country for a in actor_ents}) == len(persons)
        if recip_ents and trig.type != "CONSULT" and not several_states:
            # "congratulated both leaders", "thanked X for ... and Y for ...": one thanks
            # to each person of another state
            recip_ents = persons if several_persons else (persons[:1] or recip_ents[:1])
            if recip_ents[0].kind == "country" and trig.type in STATEMENT_TYPES:
                recip_ents = [self._leader_named(tree, tok, recip_ents[0], actor_ents)
                              or recip_ents[0]]
        if trig.mode == "release" and recip_ents and recip_ents[0].kind == "person":
            recip_ents = self._released_nation(tree, tok, recip_ents[0], actor_ents)
        mode = "third-party" if hosted else trig.mode
        parties = {e.country or e.id for e in (*actor_ents, *recip_ents, *(between or ()))}
        tour = mode == "visit" and len(recip_ents) >= 2 and all(
            r.kind == "country" for r in recip_ents)  # "to visit X, Y": one visit to each
        if trig.type == "CONSULT" and len(parties) >= 3 and mode != "phone" and not tour \
                and not separate(tree.tokens, tok):  # ("separate talks with X and Y")
            # (a phone call "with both X and Y" is one call with each)
            mode = "multilateral"
            participants = [e for e in (*recip_ents, *between) if e not in actor_ents]
            recip_ents = recip_ents[:1]
        if trig.type == "CONSULT" and mode in (None, "multilateral") \
                and self._multilateral_phrase(tree, tok):
            mode = "multilateral"
            leaders, leader_recip = self._party_leaders(tree, tok, day, host, actor_ents)
            if leaders or leader_recip or not participants:
                participants, recip_ents = leaders, leader_recip
        recip_ents = [r for r in recip_ents if r.id not in {a.id for a in actor_ents}]
        if trig.objects and trig.type in MATERIAL_TYPES and recip_ents and all(
                r.country in {a.country for a in actor_ents} for r in recip_ents):
            recip_ents = []  # "sent a Malaysian rescue team": the thing sent, not its receiver
        if not recip_ents and trig.type in {"ACCUSE", "THREATEN"} and attacker is not None \
                and attacker.id not in {a.id for a in actor_ents} and any(
                (t := triggers.get(i)) is not None and t.type == "ASSAULT" and t.pos == "NOUN"
                and not tree.actors_of(tree.tokens[i]) for i in tree.subtree(tok.i)):
            # "Egypt also condemned the attack", "reserved the right to respond to the
            # attack": the attack told before
            recip_ents = [attacker]
        if not recip_ents and trig.type not in DIPLOMATIC and not symmetric:
            recip_ents = self._clause_recipient(tree, tok, actor_ents,
                                                envoy_host=trig.type != "SANCTION")
        personal = any(o.lemma.lower() in PERSONAL for o in tree.kids(tok.i, "dobj", "dative"))
        own_only = bool(recip_ents) and all(
            r.country in {a.country for a in actor_ents} for r in recip_ents)
        if (not recip_ents or (own_only and personal)) and trig.pos == "VERB" \
                and len(actor_ents) == 1 and addressed(tree, tok):
            # "Tokayev, for his part, proposed that ...", "thanked his colleague", "assured
            # him that the Iranian authorities would ...": said to the other party of the
            # meeting or call the speaker was last told to hold
            recip_ents = self._addressee(before or [], actor_ents[0], personal=personal)
        if not recip_ents and trig.type not in {"CONSULT", "PROTEST", "AID"} \
                and trig.mode not in MONADIC_MODES and trig.lemma != "accept" \
                and trig.type != "REJECT":  # (a rejection may answer what came before)
            return None  # a dyadic event without its other party says too little
        if not recip_ents and trig.type == "CONSULT" and mode == "visit" \
                and trig.pos == "VERB":
            dest = self._destination(tree, tok, trig)
            if dest is not None:  # "will fly to Osaka" said of a Japanese leader: no visit
                if dest in own or dest not in self.kb.countries:
                    return None
                recip_ents = [self._country_entity(self.kb.countries[dest], dest)]
        if not recip_ents and (trig.type == "AID" or (trig.type == "CONSULT"
                                                     and mode == "visit")) and host \
                and host in self.kb.countries and all(a.country != host for a in actor_ents) \
                and not (trig.pos == "VERB" and any(
                    p.pos == "PROPN" for p in tree.prep_objects(tok.i, ("to", "into")))):
            # "Biden flew to Hanoi for a two-day visit": a visit to the article's host country
            # (but "will travel to Asia" names a destination that is no country)
            country = self.kb.countries[host]
            recip_ents = [self._country_entity(country, country.name)]
        if not recip_ents and trig.type in {"CONSULT", "AID"}:
            return None  # "attended the summit": no counterpart named
        own = {a.country for a in actor_ents if a.country}
        if recip_ents and recip_ents[0].kind == "country" and recip_ents[0].country in own \
                and trig.type != "PROTEST":
            return None  # "urged young Cambodians", "signed pardons": domestic, not dyadic
        status = self._status(tree, tok)
        if trig.type == "RETREAT" and status == "planned":
            # "said it would free the soldiers": a promise to yield is a verbal concession
            trig = replace(trig, type="CONCEDE", cameo="080")
        if trig.type == "AID" and status == "planned":
            # "would send medical supplies": a pledge of aid, not aid given
            trig = replace(trig, type="AGREE", cameo="033", mode=None)
        if status == "planned" and trig.type in {"AGREE", "CONCEDE"} \
                and reported(tree, tok):
            # "said Nigeria would back Ghana's mediation", "told X that Japan intends to
            # provide ...": the pledge was made when it was said
            status = "occurred"
        start, end = evidence(sent, tok)
        # "X and Y called on Z", "A, B and C condemned the strike", "A, B and C recalled
        # their ambassadors": one act by each person, or by each state where only states
        # are named
        co_actors = tuple(a for a in actor_ents[1:] if a.kind == actor_ents[0].kind) \
            if trig.type in STATEMENT_TYPES | {"SANCTION", "COERCE"} and not symmetric \
            and recip_ents \
            and actor_ents[0].kind in {"person", "country"} else ()
        return Coded(sentence=sent, trigger=trig, token=tok, actors=tuple(actor_ents[:1]),
                     co_actors=co_actors, recipients=tuple(recip_ents),
                     participants=tuple(participants) + tuple(actor_ents[1:]),
                     mode=mode, status=status, symmetric=symmetric, start=start, end=end)
