"""Nominal events: the parties of events told by nouns ("the meeting between X and Y",
"X's state visit to Z", "a phone call with", "held talks with"), multilateral meetings and
their party leaders, and nouns that name no event held ("a possible meeting", "part of
the visit", "the talks during which ...").

Mixed into :class:`comity.coding.coder.Coder` with :class:`comity.coding.arguments.
Arguments`.
"""

from __future__ import annotations

import datetime as dt

from comity.coding.args import MOTION, Tree, is_light
from comity.coding.arguments import (
    BACKDROP_PREPS,
    CANCELLING,
    FACILITATING,
    HYPOTHETICAL,
    NEGATIONS,
    RECEIVING,
    TOPIC_PREPS,
    UNLIKELY,
    UNREALISED,
    Arguments,
)
from comity.coding.lexicon import Trigger
from comity.coding.refine import entities
from comity.model import ActorMention, Entity, Token

#: lengths of time a meeting is told in ("90 minutes of talks", "two rounds of talks")
DURATIONS = frozenset({"minute", "hour", "day", "round", "session",
                       # and quantities: "launched one of its largest attacks on X", "a
                       # series of talks with Y"
                       "one", "series", "wave", "barrage", "spate", "string", "number"})


class NominalArguments(Arguments):
    """Argument rules of events told by nouns."""

    def _inside_other_meeting(self, tree: Tree, tok: Token, triggers: dict[int, Trigger]
                              ) -> bool:
        """"a call from X, during which both leaders discussed ...": the discussion is the
        call itself (the parser may hang a "during which" clause on the caller or on the
        main verb; it still points at the meeting named before it)."""
        during = any(p.text.lower() in {"during", "in", "at", "throughout"} and any(
            o.lemma.lower() == "which" for o in tree.kids(p.i, "pobj"))
            for p in tree.kids(tok.i, "prep"))
        if during and any(i < tok.i and t.type == "CONSULT" and t.pos == "NOUN"
                          for i, t in triggers.items()):
            return True
        if tok.dep != "relcl" or tok.head == tok.i or any(
                k.lemma.lower() in {"which", "that"}
                for k in tree.kids(tok.i, "dobj", "nsubjpass")):
            return False  # "the Retreat, which X hosted for Y": the clause tells the meeting
        head = triggers.get(tok.head)
        return head is not None and head.type == "CONSULT" and head.pos == "NOUN"

    def _unrealised(self, tree: Tree, tok: Token) -> bool:
        """A nominal event wished for, proposed, being scheduled, called off or denied, not
        told as held: "a desire for a meeting between X and Y", "the possibility of a
        summit", "too early to set a date for a meeting", "called for talks", "working on
        arrangements for a meeting", "ruled out a meeting", "did not hold talks", "a summit
        is unlikely"."""
        if any({c.lemma.lower(), c.text.lower()} & (UNLIKELY | {"potential", "proposed",
                                                             "prospective"})
               for c in tree.kids(tok.i, "amod")):
            return True  # "a possible meeting", "the proposed summit"
        if tok.head == tok.i:
            return False
        head = tree.tokens[tok.head]
        if tok.dep in {"nsubj", "nsubjpass"} and any(
                c.text.lower() in HYPOTHETICAL for c in tree.kids(head.i, "aux")):
            return True  # "a meeting could take place in April"
        if tok.dep in {"dobj", "nsubjpass"} and head.pos in {"VERB", "AUX"}:
            if any(c.text.lower() in NEGATIONS for c in tree.kids(head.i, "neg")):
                return True  # "did not hold talks with X"
            particles = {c.text.lower() for c in tree.kids(head.i, "prt")}
            return head.lemma.lower() in CANCELLING or bool(
                {f"{head.lemma.lower()} {p}" for p in particles} & CANCELLING)
        if tok.dep == "nsubj" and head.lemma == "be":  # "a summit ... is unlikely"
            return any(c.lemma.lower() in UNLIKELY for c in tree.kids(head.i, "acomp"))
        if tok.dep != "pobj":
            return False
        prep = head
        if prep.text.lower() not in {"for", "of", "on", "about"} or prep.head == prep.i:
            return False
        head = tree.tokens[prep.head]
        words = {head.lemma.lower(), head.text.lower()}
        if head.pos in {"VERB", "AUX"}:  # "set a date for", "working on arrangements for"
            words |= {o.lemma.lower() for o in tree.kids(head.i, "dobj", "attr")}
            words |= {o.lemma.lower() for p in tree.kids(head.i, "prep") if p.i != prep.i
                      for o in tree.kids(p.i, "pobj")}
        return bool(words & UNREALISED)

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
        if word == "during":  # "during the visit, X will co-chair ..." (but "during the
            # Kenyan President's visit to the UAE" names who went where)
            return not (tree.prep_objects(tok.i, ("to",)) and any(
                tree.actors_of(p) for p in tree.kids(tok.i, "poss")))
        # "X, on his first visit to Berlin, was greeted": a destination reports the visit
        return word == "on" and head.pos == "VERB" and head.lemma != "be" \
            and not is_light(head) and not tree.prep_objects(tok.i, ("to",))

    def _noun_args(self, tree: Tree, tok: Token, trig: Trigger, triggers: dict[int, Trigger]
                   ) -> tuple[list[ActorMention], list[ActorMention], list[Entity]]:
        actors: list[ActorMention] = []
        recips: list[ActorMention] = []
        between: list[Entity] = []
        verb = tree.tokens[tok.head]
        if trig.mode == "visit" and tok.dep == "dobj" and verb.pos == "VERB" \
                and tree.kids(verb.i, "nsubjpass"):
            # "X was granted an audience by King Y": X visits, the grantor receives
            guests = [m for s in tree.kids(verb.i, "nsubjpass") for m in tree.actors_of(s)]
            hosts = [m for o in (*tree.prep_objects(tok.i, ("by",)),
                                 *tree.prep_objects(verb.i, ("by",)))
                     for m in tree.actors_of(o)] or [
                m for o in (*tree.stray_agents(tok.i), *tree.stray_agents(verb.i))
                for m in tree.actors_of(o)]
            if guests and hosts:
                return guests, hosts, []
        for p in tree.kids(tok.i, "poss"):
            if trig.type == "CONSULT" and self._plural_owner(tree, p):
                continue
            if p.lemma.lower() == "whose":  # "X, whose visit to Japan ends on Friday"
                actors.extend(m for a in self._antecedent(tree, tok) for m in tree.actors_of(a))
                continue
            actors.extend(tree.actors_of(p))
        for a in tree.prep_objects(tok.i, ("by",)):
            actors.extend(tree.actors_of(a))
        for o in tree.prep_objects(tok.i, ("between", "among", "amongst")):
            for m in tree.actors_of(o, deep=True):
                if m.entity not in between:
                    between.append(m.entity)
        for acl in tree.kids(tok.i, "acl"):
            if acl.lemma.lower() in FACILITATING or (acl.lemma.lower() == "host" and between):
                continue  # "talks opened by X and Y", "talks between A and B hosted by X"
            for a in tree.prep_objects(acl.i, ("by",)):
                actors.extend(tree.actors_of(a))
            for a in tree.kids(acl.i, "agent"):
                for o in tree.kids(a.i, "pobj"):
                    actors.extend(tree.actors_of(o))
        governing = tree.tokens[tok.head] if tok.head != tok.i else None
        backdrop = tok.dep == "pobj" and governing is not None \
            and governing.text.lower() in BACKDROP_PREPS and not between \
            and not tree.prep_objects(tok.i, trig.preps)
        if not actors and backdrop and trig.type == "CONSULT" and any(
                p.text.lower() == "their" for p in tree.kids(tok.i, "poss")) \
                and governing is not None and governing.head != governing.i:
            # "X and Y agreed to ... during their phone conversation": theirs, held
            subj_toks, _ = tree.subjects(governing.head)
            owners = [m for s in subj_toks for m in tree.actors_of(s, deep=True)]
            if len(entities(owners)) >= 2:
                actors.extend(owners)
        if not actors and not backdrop and governing is not None and tok.dep in {
                "dobj", "attr", "nsubjpass", "pobj", "conj"}:
            verb = governing
            if tok.dep == "pobj" and governing.head != governing.i:
                verb = tree.tokens[governing.head]
                if verb.lemma.lower() == "part" and verb.head != verb.i:
                    verb = tree.tokens[verb.head]  # "took part in the exercises"
                if governing.text.lower() == "of" and verb.lemma.lower() in DURATIONS \
                        and verb.head != verb.i:
                    verb = tree.tokens[verb.head]  # "held about 90 minutes of talks with X"
            if tok.dep == "conj":
                verb = tree.tokens[governing.head] if governing.head != governing.i else verb
            prep = governing.text.lower()
            # "is on a visit", "flew to X for talks", "X, on his first visit to Y, was ..."
            on_visit = (verb.lemma == "be" and prep in {"on", "for"}) or (
                verb.lemma.lower() in MOTION and prep == "for") or (
                trig.mode == "visit" and prep == "on" and tok.dep == "pobj")
            topic = tok.dep == "pobj" and prep in TOPIC_PREPS  # "a protest over the ban"
            # "would respond with retaliatory measures": what the subject answers with
            means = tok.dep == "pobj" and prep == "with" and trig.type == "THREATEN"
            if verb.pos in {"VERB", "AUX"} and not topic and (is_light(verb) or on_visit
                                                              or means
                                                              or tok.dep in {"nsubjpass"}):
                subj_toks, _ = tree.subjects(verb.i)
                # "talks between X and Y were held": the event's own phrase names its parties
                subj_toks = [t for t in subj_toks if t.i != tok.i]
                if on_visit and prep == "on" and tree.kids(verb.i, "nsubjpass"):
                    subj_toks = tree.kids(verb.i, "nsubjpass")  # "X, on a visit, was greeted"
                actors.extend(m for s in subj_toks for m in tree.actors_of(s))
                if not actors and subj_toks and all(s.pos == "PRON" for s in subj_toks):
                    # "Thailand said it had launched air strikes": who reported it
                    actors.extend(self._governing_subject(tree, verb))
        if not actors and governing is not None and tok.dep == "pobj" \
                and governing.text.lower() == "on" and governing.head != governing.i:
            owner = tree.mention_at(governing.head)   # "a delegation on a visit to X"
            if owner is not None and owner.entity.kind == "person":
                actors.append(owner)
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
        for role in ([] if recips else tree.prep_objects(tok.i, ("as",))):
            # "his first phone talks as prime minister with X": the parser hangs the
            # counterpart on the role
            recips.extend(m for o in tree.prep_objects(role.i, trig.preps)
                          for m in tree.actors_of(o))
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
        if trig.type == "CONSULT" and len(entities(actors)) >= 2:
            between = []
        if trig.type == "CONSULT" and len(between) >= 2 and actors and not (
                {a.entity.country for a in actors} & {e.country for e in between}):
            actors, recips = [], []  # "Saudi Arabia hosted talks between the US and Russia"
        if trig.type == "CONSULT" and between and actors:
            own = {a.entity.country for a in actors}
            others = [e for e in between if e.country not in own]
            if others:
                recips = [m for m in tree.mentions if m.entity in others[:1]] or recips
                between = []
        return actors, recips, between

    def _plural_owner(self, tree: Tree, owner: Token) -> bool:
        """A plural possessive that names no actor itself ("a Japan-Viet Nam Foreign
        Ministers' Meeting", "the Mekong-Japan Foreign Ministers' Meeting"): a meeting's
        name, whose parties are the subject and object of its own clause."""
        return tree.mention_at(owner.i) is None and any(
            k.text in {"'", "’"} for k in tree.kids(owner.i, "case"))

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
