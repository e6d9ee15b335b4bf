"""Who acts and who is acted on: the argument rules of the event coder.

:class:`Arguments` finds a trigger's actor and recipient over the dependency parse
(:class:`~comity.coding.args.Tree`): subjects and objects of verbs, predicate adjectives,
the reporting person behind a statement made in a country's name, the other party of a
dyadic event named in its clause. Events told by nouns are in
:mod:`comity.coding.nominal`; :class:`~comity.coding.coder.Coder` builds on both; the word
lists below are closed grammatical classes.
"""

from __future__ import annotations

from comity.actors.kb import Country, KnowledgeBase
from comity.coding.args import Tree
from comity.coding.clause import anchor, clause_tokens
from comity.coding.lexicon import Lexicon, Trigger
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
        if passive and not objs and tok.dep == "xcomp" and head.pos in {"VERB", "AUX"}:
            # "she is scheduled to be received by X": the subject of the planning verb
            objs = tree.kids(head.i, "nsubjpass", "nsubj")
        through = {o[1:] for o in trig.objects if o.startswith("@")}
        # "left Jakarta for Kuala Lumpur": where the required particle names the recipient,
        # the object is none ("left Jakarta": the place left)
        for o in ([] if through and through <= set(trig.preps) else objs):
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
        if not recips and not objs and trig.type in STATEMENT_TYPES:
            # "denounced what he called Russia's reckless behaviour": the owner of what the
            # free relative names
            for c in tree.kids(tok.i, "ccomp"):
                if any(w.tag == "WP" for w in tree.kids(c.i, "dobj")):
                    recips.extend(m for x in tree.kids(c.i, "oprd", "attr")
                                  for m in self._owner_in(tree, x)[:1])
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

    def _speaker(self, tree: Tree, tok: Token, country: str | None
                 ) -> tuple[Entity | None, Entity | None]:
        """The person reporting a statement made in the name of their own country, and the
        person of another state it was told to ("X told his counterpart that Japan intends
        to provide ...": X, the counterpart)."""
        cur, steps = tok, 0
        while cur.head != cur.i and steps < 3 and cur.dep in {"conj", "ccomp", "xcomp"}:
            head = tree.tokens[cur.head]
            if cur.dep == "ccomp" and head.lemma.lower() in REPORTING:
                subj, _ = tree.subjects(head.i)
                people = [m.entity for s in subj for m in tree.actors_of(s)
                          if m.entity.kind == "person" and m.entity.country == country]
                told = [m.entity for o in tree.kids(head.i, "dobj", "dative")
                        for m in tree.actors_of(o)
                        if m.entity.kind == "person" and m.entity.country != country]
                return (people[0] if people else None), (told[0] if told else None)
            cur, steps = head, steps + 1
        return None, None

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
        if not actors and subj_toks and all(s.text.lower() in {"it", "they"} for s in subj_toks):
            actors = self._governing_subject(tree, head)  # "Russia said it was ready to"
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
