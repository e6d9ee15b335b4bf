"""Who acts and who is acted on: the argument rules of the event coder.

:class:`Arguments` finds a trigger's actor and recipient over the dependency parse
(:class:`~comity.coding.args.Tree`): subjects and objects of verbs, nominal events with
light verbs, possessives and "between" phrases, predicate adjectives, the reporting person
behind a statement made in a country's name, the other party of a dyadic event named in
its clause, multilateral meetings and their party leaders. :class:`~comity.coding.coder.
Coder` builds on it; the word lists below are closed grammatical classes.
"""

from __future__ import annotations

import datetime as dt

from comity.actors.kb import Country, KnowledgeBase
from comity.coding.args import MOTION, Tree, is_light
from comity.coding.clause import anchor, clause_tokens
from comity.coding.lexicon import Lexicon, Trigger
from comity.coding.refine import entities
from comity.model import ActorMention, Entity, Token

PLANNING = frozenset({"schedule", "expect", "set", "due", "plan", "intend", "go", "slate",
                      "prepare", "aim", "hope", "will", "have", "need"})  # "has to be ratified"
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would"})
FUTURE_AMOD = frozenset({"upcoming", "forthcoming", "planned", "next", "coming", "future"})
CONTENT_TYPES = frozenset({"AGREE", "REQUEST"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
#: verbs whose infinitive did not happen ("declined to sign")
REFUSALS = frozenset({"decline", "refuse", "fail", "reject"})
#: modals of possibility: "could cooperate" reports no deed
HYPOTHETICAL = frozenset({"could", "might", "may"})
#: nouns and verbs of wishing, proposing or scheduling whose object event has not happened
#: ("a strong desire for a meeting", "the possibility of a summit", "set a date for talks",
#: "hopes for a meeting")
UNREALISED = frozenset({"desire", "hope", "hop", "wish", "possibility", "prospect", "idea",
                        "proposal", "chance", "call", "push", "need", "demand", "appeal",
                        "date", "plan", "preparation", "prepare", "arrangement", "willingness",
                        "readiness", "ready", "want", "seek", "press", "eager", "open",
                        "realization", "realisation"})
#: verbs that call off or rule out the event they govern ("ruled out a meeting")
CANCELLING = frozenset({"cancel", "scrap", "shelve", "abandon", "rule out", "call off"})
#: predicates that deny an event is sure to happen ("a summit is unlikely")
UNLIKELY = frozenset({"unlikely", "possible", "impossible", "uncertain", "doubtful",
                      "unclear", "improbable"})
STATEMENT_TYPES = frozenset({"SUPPORT", "AGREE", "REQUEST", "CONCEDE", "ACCUSE", "REJECT",
                             "THREATEN"})
#: prepositions that set an act against a meeting named as its backdrop ("After the
#: meeting, X and Y signed ..."): the meeting's parties are not the act's doers
BACKDROP_PREPS = frozenset({"after", "before", "during", "following", "ahead", "prior",
                            "since", "amid", "throughout"})
#: verbs of those who open, organise or watch a meeting without being its parties ("talks
#: opened by X and Y"); "host" too when the meeting names its parties ("between A and B")
FACILITATING = frozenset({"open", "organise", "organize", "facilitate", "moderate",
                          "broker", "mediate", "witness", "attend", "convene"})
SETTING_PREPS = frozenset({"after", "before", "during", "following", "at", "on", "ahead",
                           "prior", "since", "in", "amid"})
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
#: prepositions that make a noun the topic of another act ("lodged a protest over the ban")
TOPIC_PREPS = frozenset({"over", "about", "against", "regarding", "concerning", "despite"})
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "AID"})
#: deeds done by a state (armed forces, agencies), not said by its minister
MATERIAL_TYPES = frozenset({"COOPERATE", "AID", "RETREAT", "SANCTION", "MOBILIZE", "COERCE",
                            "ASSAULT", "PROTEST"})


class Arguments:
    """Argument rules over one sentence's parse; needs a knowledge base and a lexicon."""

    kb: KnowledgeBase
    lexicon: Lexicon

    def _state(self, ent: Entity) -> Entity:
        """A government, ministry, armed force, agency or police of a country acts as that
        country (PLOVER codes the state, the sector keeps the organ); parties,
        legislatures, royal houses and international organisations stay themselves."""
        if ent.kind != "organisation" or not ent.id.startswith("kb:org/"):
            return ent
        org = self.kb.organisations.get(ent.id.removeprefix("kb:org/"))
        if org is None or org.kind not in STATE_ORGANS or org.country not in self.kb.countries:
            return ent
        return self._country_entity(self.kb.countries[org.country], ent.text, org.sector,
                                    title=org.name)

    def _country_entity(self, country: Country, text: str, sector: str | None = None,
                        title: str | None = None) -> Entity:
        """The entity of ``country`` acting as a whole (or through the organ ``title``)."""
        return Entity(id=self.kb.entity_id(country), name=country.name, kind="country",
                      text=text, country=country.iso3, sector=sector, title=title)

    def _nationality(self, text: str) -> Entity | None:
        """The country entity of a nationality adjective or country name."""
        if not text[:1].isupper() or (text.isupper() and len(text) <= 3):
            return None  # "CPV" is a party here, not Cape Verde's code
        country = self.kb.country(text) or self.kb.capital(text)
        if country is None and text.endswith("s"):  # "South Koreans", "Filipinos"
            country = self.kb.demonym(text[:-1])
        return None if country is None else self._country_entity(country, text)

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
        # "signed the agreement, witnessed by X and Y": witnesses are not the other party
        recips = [m for m in recips if not self._facilitator(tree, m, tok)]
        if recips and trig.type == "SUPPORT":
            # "thanked Anwar for his mediation and Trump for his support": the parser
            # hangs the second person thanked on the first reason
            for o in tree.prep_objects(tok.i, ("for", "on")):
                recips.extend(m for c in tree.conjuncts(o)[1:] for m in tree.actors_of(c)
                              if m.entity.kind == "person" and m not in recips)
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
        if not recips and trig.type in {"REQUEST", "AGREE"} and len(actors) == 1:
            # "offered to mediate between Thailand and Cambodia", "pledged to expand
            # cooperation between Laos and Malaysia": one party's offer or pledge is made to
            # the parties of what it offers (two subjects agree with each other)
            for c in tree.kids(tok.i, "xcomp"):
                for j in tree.subtree(c.i):
                    if tree.tokens[j].dep == "prep" and tree.tokens[j].text.lower() in {
                            "between", "among"}:
                        recips.extend(m for o in tree.kids(j, "pobj")
                                      for m in tree.actors_of(o, deep=True))
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

    def _antecedent(self, tree: Tree, tok: Token) -> list[Token]:
        """The noun a relative clause containing ``tok`` is attached to (none when
        ``tok`` is in no relative clause)."""
        cur = tok
        for _ in range(len(tree.tokens)):
            if cur.head == cur.i:
                return []
            if cur.dep == "relcl":
                return [tree.tokens[cur.head]]
            cur = tree.tokens[cur.head]
        return []

    def _facilitator(self, tree: Tree, m: ActorMention, top: Token) -> bool:
        """True when mention ``m`` is named under a verb of witnessing, opening or
        organising ("witnessed by X") between itself and ``top``."""
        cur = m.head
        for _ in range(len(tree.tokens)):
            if cur == top.i or not 0 <= cur < len(tree.tokens):
                return False
            t = tree.tokens[cur]
            if t.dep in {"acl", "advcl", "relcl"} and t.lemma.lower() in FACILITATING:
                return True
            if t.head == cur:
                return False
            cur = t.head
        return False

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
        verb = tree.tokens[tok.head]
        if trig.mode == "visit" and tok.dep == "dobj" and verb.pos == "VERB" \
                and tree.kids(verb.i, "nsubjpass"):
            # "X was granted an audience by King Y": X visits, the grantor receives
            guests = [m for s in tree.kids(verb.i, "nsubjpass") for m in tree.actors_of(s)]
            hosts = [m for o in (*tree.prep_objects(tok.i, ("by",)),
                                 *tree.prep_objects(verb.i, ("by",)))
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
        if not actors and not backdrop and governing is not None and tok.dep in {
                "dobj", "attr", "nsubjpass", "pobj", "conj"}:
            verb = governing
            if tok.dep == "pobj" and governing.head != governing.i:
                verb = tree.tokens[governing.head]
                if verb.lemma.lower() == "part" and verb.head != verb.i:
                    verb = tree.tokens[verb.head]  # "took part in the exercises"
            if tok.dep == "conj":
                verb = tree.tokens[governing.head] if governing.head != governing.i else verb
            prep = governing.text.lower()
            # "is on a visit", "flew to X for talks", "X, on his first visit to Y, was ..."
            on_visit = (verb.lemma == "be" and prep in {"on", "for"}) or (
                verb.lemma.lower() in MOTION and prep == "for") or (
                trig.mode == "visit" and prep == "on" and tok.dep == "pobj")
            topic = tok.dep == "pobj" and prep in TOPIC_PREPS  # "a protest over the ban"
            if verb.pos in {"VERB", "AUX"} and not topic and (is_light(verb) or on_visit
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
