"""The event coder: triggers from the lexicon + dependency patterns -> coded events.

For each parsed sentence, every token that matches a lexicon trigger is given an actor and
a recipient by the patterns in :mod:`comity.coding.args`, a status (planned or occurred),
a mode, and CAMEO/PLOVER scales. Dates and places are attached by :mod:`comity.coding.when_where`;
reports of the same event within the article are merged by :mod:`comity.coding.merge`.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, replace

from comity.actors.kb import KnowledgeBase
from comity.coding.args import Tree, is_light
from comity.coding.clause import anchor, clause_tokens
from comity.coding.lexicon import Lexicon, Trigger
from comity.model import ActorMention, Entity, ResolvedDocument, Sentence, Token

log = logging.getLogger(__name__)

PLANNING = frozenset({"schedule", "expect", "set", "due", "plan", "intend", "go", "slate",
                      "prepare", "aim", "hope", "will"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would"})
FUTURE_AMOD = frozenset({"upcoming", "forthcoming", "planned", "next", "coming", "future"})
CONTENT_TYPES = frozenset({"AGREE", "REQUEST"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
STATEMENT_TYPES = frozenset({"SUPPORT", "AGREE", "REQUEST", "CONCEDE", "ACCUSE", "REJECT",
                             "THREATEN"})
SETTING_PREPS = frozenset({"after", "before", "during", "following", "at", "on", "ahead",
                           "prior", "since", "in", "amid"})
#: nouns for people that a nationality turns into a party to a meeting ("Thai officials")
MEETING_GROUPS = frozenset({"delegation", "official", "counterpart", "team", "leader",
                            "minister", "side", "envoy", "diplomat", "government",
                            "authority", "negotiator", "lawmaker", "legislator"})
#: modes of events that have no other party ("resigned")
MONADIC_MODES = frozenset({"resign"})
#: verbs that report what someone said
REPORTING = frozenset({"say", "state", "tell", "add", "affirm", "stress", "note",
                       "emphasise", "emphasize", "underline", "assert", "declare", "announce"})
#: envoys, whose "to X" names where they serve
ENVOYS = frozenset({"ambassador", "envoy", "consul", "representative", "chargé", "attaché"})
#: triggers whose coordinated subjects act on each other ("exchanged fire")
MUTUAL = frozenset({"exchange", "clash"})
#: types whose recipient must be named as such (no search through the clause)
DIPLOMATIC = frozenset({"CONSULT", "SUPPORT", "AGREE", "REQUEST"})
#: organisation kinds (knowledge base) that act as their country
STATE_ORGANS = frozenset({"government", "ministry", "military", "agency", "police"})
#: nouns whose nationality says nothing about a party ("U.S. dollars")
CURRENCIES = frozenset({"dollar", "yuan", "yen", "euro", "won", "baht", "ringgit", "rupee",
                        "peso", "dong", "riel", "kip", "pound", "rouble", "ruble", "franc"})
RECEIVING = frozenset({"receive", "accept", "take", "get"})
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "AID"})
COUNTRY_NOUNS = frozenset({"people", "government", "nation", "country", "state", "army",
                           "authorities", "party", "parliament", "side"})


@dataclass(frozen=True)
class Coded:
    """An event found in one sentence, before dates, places and merging."""

    sentence: Sentence
    trigger: Trigger
    token: Token
    actors: tuple[Entity, ...]
    recipients: tuple[Entity, ...]
    participants: tuple[Entity, ...]
    mode: str | None
    status: str
    symmetric: bool
    start: int
    end: int
    #: further actors of the same statement ("Yoon and Kishida called on North Korea")
    co_actors: tuple[Entity, ...] = ()


class Coder:
    """Code the events of resolved documents."""

    def __init__(self, lexicon: Lexicon, kb: KnowledgeBase) -> None:
        self.lexicon = lexicon
        self.kb = kb
        self._capitals = {c.capital.lower(): c for c in kb.countries.values() if c.capital}

    def _state(self, ent: Entity) -> Entity:
        """A government, ministry, armed force, agency or police of a country acts as that
        country (PLOVER codes the state, the sector keeps the organ); parties,
        legislatures, royal houses and international organisations stay themselves."""
        if ent.kind != "organisation" or not ent.id.startswith("kb:org/"):
            return ent
        org = self.kb.organisations.get(ent.id.removeprefix("kb:org/"))
        if org is None or org.kind not in STATE_ORGANS or org.country not in self.kb.countries:
            return ent
        country = self.kb.countries[org.country]
        return Entity(id=self.kb.entity_id(country), name=country.name, kind="country",
                      text=ent.text, country=country.iso3, sector=org.sector, title=org.name)

    def _nationality(self, text: str) -> Entity | None:
        """The country entity of a nationality adjective or country name."""
        if not text[:1].isupper() or (text.isupper() and len(text) <= 3):
            return None  # "CPV" is a party here, not Cape Verde's code
        country = self.kb.country(text) or self._capitals.get(text.lower())
        if country is None and text.endswith("s"):  # "South Koreans", "Filipinos"
            country = self.kb.demonym(text[:-1])
        if country is None:
            return None
        return Entity(id=self.kb.entity_id(country), name=country.name, kind="country",
                      text=text, country=country.iso3)

    def code(self, resolved: ResolvedDocument) -> list[Coded]:
        """Events of every parsed sentence, in text order."""
        out: list[Coded] = []
        day = resolved.parsed.document.story_date
        people: dict[str, Entity] = {}  # the last person named for each country
        for sent, mentions in zip(resolved.parsed.sentences, resolved.actors, strict=True):
            if sent.parsed and sent.tokens:
                found = self._sentence(sent, mentions, day, resolved.host_country, people)
                out.extend(_acceptances(found, out))
            for m in mentions:
                if m.entity.kind == "person" and m.entity.country:
                    people[m.entity.country] = m.entity
        return out

    # ------------------------------------------------------------------ sentences
    def _sentence(self, sent: Sentence, mentions: tuple[ActorMention, ...],
                  day: dt.date | None, host: str | None,
                  people: dict[str, Entity] | None = None) -> list[Coded]:
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
        triggers = {t.i: trig for t, trig in found}
        out: list[Coded] = []
        for tok, trig in found:
            if self._is_content_of_other(tree, tok, triggers):
                continue
            if trig.type == "CONSULT" and self._inside_other_meeting(tree, tok, triggers):
                continue
            if trig.type == "PROTEST" and any(
                    (c := triggers.get(x.i)) is not None and c.type == "PROTEST"
                    for x in tree.kids(tok.i, "advcl", "xcomp")):
                continue  # "marched ... to protest X": the protest says against whom
            if trig.pos == "NOUN" and tok.dep == "dobj" and (
                    (other := triggers.get(tok.head)) is not None and other.pos == "VERB"
                    and other.cameo == trig.cameo and trig.type != "CONSULT"):
                continue  # "witnessed the signing of": the verb codes it
            if any(c.text.lower() in NEGATIONS for c in tree.kids(tok.i, "neg")):
                continue
            prev = out[-1] if out else None
            coded = self._code_one(tree, sent, tok, trig, triggers, day, host, prev,
                                   people or {})
            if coded is not None:
                out.extend(_one_per_recipient(coded))
        return _prefer_persons(out)

    def _trigger(self, tree: Tree, tok: Token) -> Trigger | None:
        pos = "VERB" if tok.pos in {"VERB"} else "NOUN" if tok.pos in {"NOUN", "PROPN"} else (
            "ADJ" if tok.pos == "ADJ" and tok.dep == "acomp" else "")
        if not pos:
            return None
        lemma = tok.lemma.lower()
        cands = self.lexicon.candidates(lemma, pos) or (
            self.lexicon.candidates(tok.text.lower(), pos) if pos == "NOUN" else [])
        best: Trigger | None = None
        for cand in sorted(cands, key=lambda c: -len(c.words)):
            words = cand.words
            if len(words) > 1:
                prev = [t.lemma.lower() for t in tree.tokens[max(0, tok.i - len(words) + 1):tok.i]]
                prev_text = [t.text.lower() for t in tree.tokens[
                    max(0, tok.i - len(words) + 1):tok.i]]
                if list(words[:-1]) not in (prev, prev_text):
                    continue
            if cand.objects == {"!"}:
                if tree.kids(tok.i, "dobj", "ccomp"):
                    continue  # "demonstrated its commitment" is no protest
            elif cand.objects and not self._has_object(tree, tok, cand):
                continue
            best = cand
            break
        return best

    def _initial_participle(self, tree: Tree) -> tuple[Token, Trigger] | None:
        """A sentence-opening participle the tagger took for a name ("Congratulating X on
        ..., Y said"): a verb trigger whose subject is the main clause's subject."""
        first = tree.tokens[0]
        if first.pos == "VERB" or not first.text.endswith("ing") or not first.text[:1].isupper():
            return None
        stem = first.text[:-3].lower()
        for lemma in (stem, stem + "e"):
            for cand in self.lexicon.candidates(lemma, "VERB"):
                if len(cand.words) == 1:
                    return first, cand
        return None

    def _has_object(self, tree: Tree, tok: Token, trig: Trigger) -> bool:
        particles = {o[1:] for o in trig.objects if o.startswith("@")}
        if particles:  # "called on", "turned down"
            return any(c.text.lower() in particles for c in tree.kids(tok.i, "prep", "prt"))
        for o in tree.kids(tok.i, "dobj", "nsubjpass", "attr"):
            if o.lemma.lower() in trig.objects or o.text.lower() in trig.objects:
                return True
        return False

    def _is_content_of_other(self, tree: Tree, tok: Token, triggers: dict[int, Trigger]
                             ) -> bool:
        """"invited X to visit Y": the visit is the content of the invitation."""
        cur, steps = tok, 0
        while cur.dep in {"xcomp", "ccomp", "advcl", "pobj", "pcomp", "prep", "dobj"} \
                and cur.head != cur.i and steps < 4:
            if cur.dep == "prep" and cur.text.lower() in SETTING_PREPS:
                return False  # "agreed ... after talks between X and Y": not its content
            if cur.dep == "advcl" and tree.kids(cur.i, "mark"):
                return False  # "X urged ..., while Y thanked ...": a clause of its own
            head = tree.tokens[cur.head]
            other = triggers.get(head.i)
            if other is not None and other.type in CONTENT_TYPES and cur.dep != "dobj":
                return True
            if other is not None and other.type == "SUPPORT" and cur.dep == "prep" \
                    and cur.text.lower() in {"for", "on"}:
                return True  # "thanked X for their assistance": what was praised
            if cur.dep in {"pobj", "prep"} and head.pos in {"NOUN", "PROPN"} \
                    and other is not None and other.type in CONTENT_TYPES:
                return True
            cur, steps = head, steps + 1
        return False

    # ------------------------------------------------------------------ one event
    def _code_one(self, tree: Tree, sent: Sentence, tok: Token, trig: Trigger,
                  triggers: dict[int, Trigger], day: dt.date | None, host: str | None,
                  prev: Coded | None = None, people: dict[str, Entity] | None = None
                  ) -> Coded | None:
        if trig.pos == "NOUN" and trig.mode == "visit" and self._frame_only(tree, tok):
            return None
        if trig.type == "REQUEST" and tok.lemma.lower() == "call" and not tree.kids(
                tok.i, "xcomp", "ccomp") and not any(
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
        if trig.frame == "obj>subj" and trig.pos == "VERB" and not recips:
            return None  # "the two ministers welcomed the progress": no guest, no reception
        if trig.type == "CONSULT":  # "welcomed the British government's approach"
            actors = [m for m in actors if _consult_party(tree, m)]
            recips = [m for m in recips if _consult_party(tree, m)]
        actor_ents = _people_first([self._state(e) for e in _entities(actors)])
        recip_ents = _people_first([self._state(e) for e in _entities(recips)])
        if len(actor_ents) == 1 and actor_ents[0].kind == "country":
            speaker = self._speaker(tree, tree.tokens[tok.head] if trig.pos == "ADJ" else tok,
                                    actor_ents[0].country)
            if speaker is not None:  # "Lavrov said Russia appreciated ...": Lavrov did
                actor_ents = [speaker]
        if trig.type == "PROTEST" and actors and all(
                m.how not in {"nationality", "place"} for m in actors):
            # a state or an official "protests": a diplomatic protest, not a street one
            trig = replace(trig, type="ACCUSE", cameo="111", mode="disapprove")
        participants: list[Entity] = []
        symmetric = trig.type == "CONSULT" and trig.mode != "visit"
        # collectives: "both sides agreed", "proposed the two sides continue"
        if actor_ents and actor_ents[0].kind == "collective":
            members = next((m.members for m in actors if m.members), ())
            if people and all(e.kind == "country" for e in members) and all(
                    e.country in people for e in members):
                # "the two sides agreed" after their leaders were named: the leaders
                members = tuple(people[e.country] for e in members if e.country)
            if len(members) >= 2:
                actor_ents, recip_ents = [members[0]], [m for m in members[1:]]
                symmetric = True
        if len(recip_ents) == 1 and recip_ents[0].kind == "collective":
            members = next((m.members for m in recips if m.members), ())
            others = [m for m in members if m.id not in {a.id for a in actor_ents}]
            recip_ents = others
        if not actor_ents and prev is not None and trig.pos == "NOUN" \
                and prev.trigger.type == trig.type and self._added_to(tree, prev.token, tok):
            actor_ents = list(prev.actors)  # "co-chaired X, along with the meeting among Y"
        if between and not actor_ents:
            actor_ents, recip_ents = between[:1], between[1:]
            symmetric = True
        if trig.frame == "obj>subj":
            actor_ents, recip_ents = recip_ents, actor_ents
        two_states = len({a.country for a in actor_ents if a.kind == "country"}) >= 2
        if len(actor_ents) >= 2 and (not recip_ents or two_states) and (
                trig.type in SYMMETRIC_TYPES or trig.type == "RETREAT" or trig.lemma in MUTUAL
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
        if recip_ents and trig.type != "CONSULT" and not several_states:
            persons = [r for r in recip_ents if r.kind == "person"]
            recip_ents = persons[:1] or recip_ents[:1]
            if recip_ents[0].kind == "country" and trig.type in STATEMENT_TYPES:
                recip_ents = [self._leader_named(tree, tok, recip_ents[0], actor_ents)
                              or recip_ents[0]]
        mode = trig.mode
        parties = {e.country or e.id for e in (*actor_ents, *recip_ents, *(between or ()))}
        if trig.type == "CONSULT" and len(parties) >= 3:
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
        if not recip_ents and trig.type not in DIPLOMATIC and not symmetric:
            recip_ents = self._clause_recipient(tree, tok, actor_ents,
                                                envoy_host=trig.type != "SANCTION")
        if not recip_ents and trig.type not in {"CONSULT", "PROTEST", "AID"} \
                and trig.mode not in MONADIC_MODES and trig.lemma != "accept":
            return None  # a dyadic event without its other party says too little
        if not recip_ents and (trig.type == "AID" or (trig.type == "CONSULT"
                                                     and mode == "visit")) and host \
                and host in self.kb.countries and all(a.country != host for a in actor_ents):
            # "Biden flew to Hanoi for a two-day visit": a visit to the article's host country
            country = self.kb.countries[host]
            recip_ents = [Entity(id=self.kb.entity_id(country), name=country.name,
                                 kind="country", text=country.name, country=host)]
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
        start, end = _evidence(sent, tok)
        co_actors = tuple(a for a in actor_ents[1:] if a.kind == "person") \
            if trig.type in STATEMENT_TYPES and not symmetric and recip_ents \
            and actor_ents[0].kind == "person" else ()
        return Coded(sentence=sent, trigger=trig, token=tok, actors=tuple(actor_ents[:1]),
                     co_actors=co_actors, recipients=tuple(recip_ents),
                     participants=tuple(participants) + tuple(actor_ents[1:]),
                     mode=mode, status=status, symmetric=symmetric, start=start, end=end)

    def _verb_args(self, tree: Tree, tok: Token, trig: Trigger
                   ) -> tuple[list[ActorMention], list[ActorMention], list[Entity]]:
        subj_toks, passive = tree.subjects(tok.i)
        head = tree.tokens[tok.head]
        if trig.type in STATEMENT_TYPES and tok.dep == "conj" and head.dep == "ccomp" \
                and tree.tokens[head.head].lemma.lower() in REPORTING:
            # "Bessent said that China's decision was a mistake and urged Beijing to ...":
            # the parser hangs the second statement on the reported clause
            subj_toks, passive = tree.subjects(head.head)
        if passive and all(s.dep == "nsubjpass" for s in subj_toks):
            subj_toks = []  # "X was arrested": the patient is no actor
        actors = [m for s in subj_toks for m in tree.actors_of(s)]
        if not actors and not passive:
            actors = self._governing_subject(tree, tok)
        recips: list[ActorMention] = []
        objs = tree.kids(tok.i, "dobj", "dative") if not passive else tree.kids(
            tok.i, "nsubjpass")
        for o in objs:
            recips.extend(tree.actors_of(o))
            if not recips and trig.type == "SUPPORT" and any(
                    k.text.lower() in {"his", "her", "their"} for k in tree.kids(o.i, "poss")):
                # "welcomed Takebe and appreciated his contributions": the person just named
                mine = {m.entity.id for m in actors}
                named = [m for m in tree.mentions if m.end <= o.i and m.entity.kind == "person"
                         and m.entity.id not in mine]
                recips.extend(named[-1:])
            if not recips and trig.type in STATEMENT_TYPES | {"SUPPORT"}:
                recips.extend(self._owner_in(tree, o))
            if trig.type in STATEMENT_TYPES and all(r.entity.kind != "person" for r in recips):
                for j in tree.subtree(o.i):
                    m = tree.mention_at(j)
                    if m is not None and m.entity.kind == "person" and \
                            tree.tokens[m.head].dep == "conj":
                        recips = [m]
                        break
        if not recips:
            for o in tree.prep_objects(tok.i, trig.preps or ("with",)):
                recips.extend(tree.actors_of(o))
            for o in objs:
                for po in tree.prep_objects(o.i, trig.preps or ("with",)):
                    recips.extend(tree.actors_of(po))
        if not recips and trig.type in {"REQUEST", "AGREE", "THREATEN"}:
            for c in tree.kids(tok.i, "ccomp", "xcomp"):
                for s in tree.kids(c.i, "nsubj", "nsubjpass"):
                    recips.extend(tree.actors_of(s))
        return actors, recips, []

    def _clause_recipient(self, tree: Tree, tok: Token, actors: list[Entity],
                          envoy_host: bool = True) -> list[Entity]:
        """The other party of a dyadic event named anywhere in its own clause ("fired
        rockets into Thailand's Surin province", "closed the checkpoints with Cambodia"),
        nearest to the trigger, never the actor's own country."""
        own = clause_tokens(tree.tokens, tok, with_modifiers=True)
        base = anchor(tree.tokens, tok)
        if base.dep == "conj" and base.head != base.i and tree.tokens[base.head].pos == "VERB":
            # "rammed and boarded two Philippine boats, seized seven rifles", "summoned the
            # Chinese envoy and lodged a protest": coordinated verbs share their other party
            own |= clause_tokens(tree.tokens, tree.tokens[base.head], with_modifiers=True)
        subj = {j for s in tree.subjects(tok.i)[0] for j in tree.subtree(s.i)}
        mine = {a.id for a in actors} | {a.country for a in actors if a.country}
        for j in sorted(own - subj - {tok.i}, key=lambda j: abs(j - tok.i)):
            t = tree.tokens[j]
            m = tree.mention_at(j) or tree.national(t) or tree.place_country(t)
            if m is None or m.entity.kind == "collective" or any(
                    tree.tokens[k].lemma.lower() in CURRENCIES
                    for k in {m.head, tree.tokens[m.head].head, min(m.end, len(tree.tokens) - 1)}):
                continue
            ent = self._state(m.entity)
            head = tree.tokens[m.head]
            prep = tree.tokens[head.head] if head.head != head.i else head
            if envoy_host and head.dep == "pobj" and prep.text.lower() == "to" and \
                    prep.head != prep.i and \
                    tree.tokens[prep.head].lemma.lower() in ENVOYS:
                continue  # "the acting Chinese ambassador to Japan": where the envoy serves
            domestic = ent.kind == "person" and all(a.kind == "country" for a in actors)
            if ent.id in mine or (ent.country and ent.country in mine and not domestic):
                continue
            return [ent]
        return []

    def _inside_other_meeting(self, tree: Tree, tok: Token, triggers: dict[int, Trigger]
                              ) -> bool:
        """"a call from X, during which both leaders discussed ...": the discussion is the
        call itself."""
        if tok.dep != "relcl" or tok.head == tok.i:
            return False
        head = triggers.get(tok.head)
        return head is not None and head.type == "CONSULT" and head.pos == "NOUN"

    def _frame_only(self, tree: Tree, tok: Token) -> bool:
        """A visit named only as the frame of other events: "part of X's state visit",
        "welcomed X on his state visit", "on the occasion of the visit" (but "X is on a
        visit to Y" reports it)."""
        if tok.dep != "pobj" or tok.head == tok.i:
            return False
        prep = tree.tokens[tok.head]
        word = prep.text.lower()
        head = tree.tokens[prep.head] if prep.head != prep.i else None
        if head is None:
            return False
        if word == "of" and head.lemma.lower() in {"part", "occasion", "sideline", "framework",
                                                   "course", "margin"}:
            return True
        if word == "during":  # "during the visit, X will co-chair ..."
            return True
        return word == "on" and head.pos == "VERB" and head.lemma != "be" \
            and not is_light(head)

    def _leader_named(self, tree: Tree, tok: Token, country: Entity,
                      actors: list[Entity]) -> Entity | None:
        """A person of ``country`` coordinated into the statement's own clause
        ("congratulated Vietnam on its congress and General Secretary Lam on his
        re-election"): persons are the actors when they are named."""
        own = clause_tokens(tree.tokens, tok)
        for m in tree.mentions:
            ent = m.entity
            if m.start in own and ent.kind == "person" and ent.country == country.country \
                    and ent.id not in {a.id for a in actors} \
                    and tree.tokens[m.end - 1].dep in {"conj", "dobj"}:
                return ent
        return None

    def _added_to(self, tree: Tree, first: Token, second: Token) -> bool:
        """True when ``second`` is added to ``first`` ("X, along with Y", "X as well as Y",
        "X and Y")."""
        if second.dep == "conj" and second.head == first.i:
            return True
        words = {t.text.lower() for t in tree.tokens[first.i + 1:second.i]}
        return "along" in words or "together" in words or {"as", "well"} <= words

    def _vague_content(self, tree: Tree, tok: Token) -> bool:
        """"agreed to continue deepening ties", "agreed that it is important to ...": every
        content verb is in the lexicon's vague list."""
        verbs = [c for c in tree.kids(tok.i, "xcomp", "ccomp")]
        verbs += [c for v in verbs for c in tree.conjuncts(v)[1:] if c.pos in {"VERB", "AUX"}]
        return bool(verbs) and all(v.lemma.lower() in self.lexicon.vague for v in verbs)

    def _speaker(self, tree: Tree, tok: Token, country: str | None) -> Entity | None:
        """The person reporting a statement made in the name of their own country."""
        cur, steps = tok, 0
        while cur.head != cur.i and steps < 3 and cur.dep in {"conj", "ccomp"}:
            head = tree.tokens[cur.head]
            if cur.dep == "ccomp" and head.lemma.lower() in REPORTING:
                subj, _ = tree.subjects(head.i)
                people = [m.entity for s in subj for m in tree.actors_of(s)
                          if m.entity.kind == "person" and m.entity.country == country]
                return people[0] if people else None
            cur, steps = head, steps + 1
        return None

    def _governing_subject(self, tree: Tree, tok: Token) -> list[ActorMention]:
        """The actor of an enclosing clause when the verb's own subject is no actor: "X said
        relations had improved and praised Y" (the parser attaches "praised" to the
        reported clause)."""
        cur, steps = tok, 0
        while cur.head != cur.i and steps < 4 and cur.dep in {"conj", "ccomp", "xcomp",
                                                                "advcl"}:
            head = tree.tokens[cur.head]
            if head.pos in {"VERB", "AUX"}:
                subj, _ = tree.subjects(head.i)
                found = [m for s in subj for m in tree.actors_of(s)]
                if found:
                    return found
            cur, steps = head, steps + 1
        return []

    def _adjective_args(self, tree: Tree, tok: Token, trig: Trigger
                        ) -> tuple[list[ActorMention], list[ActorMention], list[Entity]]:
        """"China is willing to work with Thailand", "is ready to import more Cambodian
        rice": the subject of the copula, and the other party named in what it will do."""
        head = tree.tokens[tok.head]
        subj_toks, _ = tree.subjects(head.i)
        actors = [m for s in subj_toks for m in tree.actors_of(s)]
        mine = {m.entity.id for m in actors} | {m.entity.country for m in actors}
        recips: list[ActorMention] = []
        for x in tree.kids(tok.i, "xcomp"):
            for j in tree.subtree(x.i):
                t = tree.tokens[j]
                m = tree.mention_at(j) or tree.national(t) or tree.place_country(t)
                if m is not None and m.entity.kind != "collective" and \
                        m.entity.id not in mine and m.entity.country not in mine:
                    recips.append(m)
                    break
        return actors, recips, []

    def _participle_args(self, tree: Tree
                         ) -> tuple[list[ActorMention], list[ActorMention], list[Entity]]:
        root = next((t for t in tree.tokens if t.dep == "ROOT"), None)
        comma = next((t.i for t in tree.tokens if t.text == ","), None)
        if root is None or comma is None:
            return [], [], []
        subj, _ = tree.subjects(root.i)
        actors = [m for s in subj for m in tree.actors_of(s)]
        recips = [m for m in tree.mentions if 0 < m.start < comma][:1]
        return actors, recips, []

    def _owner_in(self, tree: Tree, obj: Token) -> list[ActorMention]:
        """The actor whose achievements/progress/support the object is about."""
        for j in tree.subtree(obj.i):
            m = tree.mention_at(j)
            if m is not None and m.entity.kind in {"country", "person", "organisation"}:
                return [m]
        return []

    def _noun_args(self, tree: Tree, tok: Token, trig: Trigger, triggers: dict[int, Trigger]
                   ) -> tuple[list[ActorMention], list[ActorMention], list[Entity]]:
        actors: list[ActorMention] = []
        recips: list[ActorMention] = []
        between: list[Entity] = []
        for p in tree.kids(tok.i, "poss"):
            actors.extend(tree.actors_of(p))
        for a in tree.prep_objects(tok.i, ("by",)):
            actors.extend(tree.actors_of(a))
        for acl in tree.kids(tok.i, "acl"):
            for a in tree.prep_objects(acl.i, ("by",)):
                actors.extend(tree.actors_of(a))
            for a in tree.kids(acl.i, "agent"):
                for o in tree.kids(a.i, "pobj"):
                    actors.extend(tree.actors_of(o))
        for o in tree.prep_objects(tok.i, ("between", "among", "amongst")):
            for m in tree.actors_of(o, deep=True):
                if m.entity not in between:
                    between.append(m.entity)
        governing = tree.tokens[tok.head] if tok.head != tok.i else None
        if not actors and governing is not None and tok.dep in {"dobj", "attr", "nsubjpass",
                                                                "pobj", "conj"}:
            verb = governing
            if tok.dep == "pobj" and governing.head != governing.i:
                verb = tree.tokens[governing.head]
                if verb.lemma.lower() == "part" and verb.head != verb.i:
                    verb = tree.tokens[verb.head]  # "took part in the exercises"
            if tok.dep == "conj":
                verb = tree.tokens[governing.head] if governing.head != governing.i else verb
            on_visit = verb.lemma == "be" and governing.text.lower() in {"on", "for"}
            if verb.pos in {"VERB", "AUX"} and (is_light(verb) or on_visit or tok.dep
                                                in {"nsubjpass"}):
                subj_toks, _ = tree.subjects(verb.i)
                actors.extend(m for s in subj_toks for m in tree.actors_of(s))
        if governing is not None and governing.lemma.lower() in RECEIVING and tok.dep == "dobj":
            senders = [m for o in (*tree.prep_objects(tok.i, ("from",)),
                                   *tree.prep_objects(governing.i, ("from",)))
                       for m in tree.actors_of(o)]
            if senders:  # "X received a (phone) call from Y": Y called on X
                subj_toks, _ = tree.subjects(governing.i)
                hosts = [m for s in subj_toks for m in tree.actors_of(s)]
                return senders, hosts, []
        for o in tree.prep_objects(tok.i, trig.preps):
            recips.extend(tree.actors_of(o))
        if not recips and actors and governing is not None and governing.pos == "ADP" \
                and governing.head != governing.i:
            verb = tree.tokens[governing.head]
            if verb.pos == "VERB":  # "told X in a phone call"
                recips.extend(m for o in tree.kids(verb.i, "dobj", "dative")
                              for m in tree.actors_of(o))
        if not recips and trig.type in {"REQUEST", "AGREE"}:
            for c in tree.kids(tok.i, "acl", "ccomp", "relcl"):  # "the request that Japan help"
                for s in tree.kids(c.i, "nsubj"):
                    recips.extend(tree.actors_of(s))
        if governing is not None and governing.pos == "VERB" and not recips:
            for o in tree.prep_objects(governing.i, trig.preps):
                recips.extend(tree.actors_of(o))
        if trig.type == "CONSULT" and len(_entities(actors)) >= 2:
            between = []
        if trig.type == "CONSULT" and between and actors:
            own = {a.entity.country for a in actors}
            others = [e for e in between if e.country not in own]
            if others:
                recips = [m for m in tree.mentions if m.entity in others[:1]] or recips
                between = []
        return actors, recips, between

    def _multilateral_phrase(self, tree: Tree, tok: Token) -> bool:
        """"the meeting of the three Party leaders", "among ... leaders of A, B and C"."""
        nums = {"three", "four", "five", "six", "ten", "3", "4", "5"}
        for j in tree.subtree(tok.i):
            t = tree.tokens[j]
            if t.text.lower() in nums and t.head != t.i and tree.tokens[t.head].lemma.lower() in {
                    "leader", "party", "country", "nation", "minister", "side"}:
                return True
        return False

    def _party_leaders(self, tree: Tree, tok: Token, day: dt.date | None, host: str | None,
                       actors: list[Entity]) -> tuple[list[Entity], list[Entity]]:
        """Participants of a multilateral meeting and its recipient: the host's leader."""
        countries: list[str] = []
        for j in tree.subtree(tok.i):
            m = tree.mention_at(j)
            if m is not None and m.entity.kind == "country" and m.entity.country:
                if m.entity.country not in countries:
                    countries.append(m.entity.country)
        participants: list[Entity] = []
        recipient: list[Entity] = []
        for c in countries:
            leader = self._party_leader(c, day)
            if leader is None:
                continue
            participants.append(leader)
            if c == host and leader.id not in {a.id for a in actors}:
                recipient = [leader]
        return [p for p in participants if p not in recipient and p not in actors], recipient

    def _party_leader(self, country: str, day: dt.date | None) -> Entity | None:
        for person in self.kb.persons.values():
            for role in person.roles_on(day):
                office = role.office.lower()
                if role.country == country and role.sector == "PTY" and (
                        office.startswith("general secretary") or office.startswith(
                            "president of") or office.startswith("chairman of")
                        or office == "party leader"):
                    return Entity(id=self.kb.entity_id(person), name=person.name,
                                  kind="person", text=person.name, country=country,
                                  sector="PTY", title=role.office, wikidata=person.wikidata)
        return None

    def _status(self, tree: Tree, tok: Token) -> str:
        cur, steps = tok, 0
        while steps < 5:
            for c in tree.kids(cur.i, "aux", "auxpass"):
                if c.lemma.lower() in FUTURE_AUX or c.text.lower() in FUTURE_AUX:
                    return "planned"
            for c in tree.kids(cur.i, "amod"):
                if c.text.lower() in FUTURE_AMOD:
                    return "planned"
            if cur.head == cur.i:
                break
            head = tree.tokens[cur.head]
            if cur.dep == "xcomp" and head.lemma.lower() in PLANNING:
                return "planned"
            if cur.dep in {"nsubj", "nsubjpass", "pobj", "advcl", "npadvmod"} and cur.pos in {
                    "NOUN", "PROPN"} and cur.dep != "dobj":
                if cur.dep in {"pobj"} and head.text.lower() in {"during", "for"}:
                    cur, steps = head, steps + 1
                    continue
                break
            if cur.dep in {"ccomp", "relcl", "advcl"} and cur.pos == "VERB":
                break
            cur, steps = head, steps + 1
        return "occurred"


def _acceptances(found: list[Coded], before: list[Coded]) -> list[Coded]:
    """"... and the President accepted the invitation": an acceptance answers the last
    invitation made to its actor (in this sentence or an earlier one)."""
    out: list[Coded] = []
    for c in found:
        if c.trigger.lemma == "accept" and c.trigger.type == "AGREE" and c.actors:
            who = c.actors[0].id
            invite = next((o for o in reversed([*before, *out]) if o.trigger.cameo == "036"
                           and o.recipients and o.recipients[0].id == who and o.actors), None)
            if invite is not None:
                c = replace(c, recipients=invite.actors[:1])
            elif not c.recipients:
                continue
        out.append(c)
    return out


def _one_per_recipient(c: Coded) -> list[Coded]:
    """"X met the Prime Minister and the Party General Secretary": one meeting with each
    person; otherwise the event keeps its first recipient."""
    if c.co_actors:  # "Yoon and Kishida called on North Korea": one appeal by each
        return [x for a in (c.actors[0], *c.co_actors) if a.id not in {r.id for r in c.recipients}
                for x in _one_per_recipient(replace(c, actors=(a,), co_actors=()))]
    rec = c.recipients
    if c.trigger.type == "CONSULT" and c.mode != "multilateral" and len(rec) > 1 \
            and all(r.kind == "person" for r in rec) and len({r.country for r in rec}) == 1:
        return [replace(c, recipients=(r,)) for r in rec]
    if c.trigger.type != "CONSULT" and len(rec) > 1 and all(r.kind == "country" for r in rec):
        # "urged Thailand and Cambodia to cease fire": one appeal to each
        return [replace(c, recipients=(r,)) for r in rec]
    return [replace(c, recipients=rec[:1])]


def _people_first(ents: list[Entity]) -> list[Entity]:
    """Drop a country named beside one of its people ("Wong and his Malaysian counterpart
    Anwar Ibrahim"): countries are parties only when no person is named."""
    named = {e.country for e in ents if e.kind == "person" and e.country}
    return [e for e in ents if not (e.kind == "country" and e.country in named)]


def _consult_party(tree: Tree, m: ActorMention) -> bool:
    """A nationality-marked noun takes part in a meeting only when it names people
    ("the Lao delegation", "Thai officials"), not a thing ("the British approach")."""
    return m.how != "nationality" or tree.tokens[m.head].lemma.lower() in MEETING_GROUPS


def _prefer_persons(coded: list[Coded]) -> list[Coded]:
    """Drop a meeting between organisations or countries when the same sentence codes a
    meeting of persons of those countries ("the meeting between the Politburo and the
    Standing Committee, co-chaired by X and Y"): actors are persons when persons are named."""
    def countries(c: Coded) -> frozenset[str | None]:
        return frozenset(e.country for e in (*c.actors, *c.recipients))

    def persons(c: Coded) -> bool:
        return all(e.kind == "person" for e in (*c.actors, *c.recipients))

    keep: list[Coded] = []
    for c in coded:
        if c.trigger.type == "CONSULT" and any(e.kind == "organisation" for e in (
                *c.actors, *c.recipients)) and any(
                o is not c and o.trigger.type == "CONSULT" and o.trigger.pos == "VERB"
                and o.mode != "multilateral" and persons(o)
                and countries(c) <= countries(o) and o.recipients for o in coded):
            continue
        keep.append(c)
    return keep


def _entities(mentions: list[ActorMention]) -> list[Entity]:
    out: list[Entity] = []
    for m in mentions:
        ent = m.leader or m.entity
        if ent.id not in {e.id for e in out}:
            out.append(ent)
    return out


def _evidence(sent: Sentence, tok: Token) -> tuple[int, int]:
    return sent.start, sent.end
