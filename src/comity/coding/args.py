"""Dependency-parse patterns that find a trigger's actor and recipient.

Works on Comity's typed tokens (:class:`~comity.model.Token`), not on spaCy objects:
subjects and passive agents, objects and prepositional recipients, coordination, light
verbs ("held talks with", "paid a courtesy call on"), nominal events ("X's visit to Y",
"the meeting between X and Y"), and subjects inherited by participles and infinitives.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from comity.model import ActorMention, Entity, Token

#: a nationality adjective or country name -> the country's entity ("Chinese" -> China)
Nationality = Callable[[str], Entity | None]

LIGHT_VERBS = frozenset({
    "have", "hold", "pay", "make", "conduct", "express", "extend", "convey", "voice", "give",
    "offer", "sign", "attend", "host", "co-chair", "chair", "cochair", "join", "begin",
    "start", "launch", "kick", "receive", "accept", "issue", "send", "deliver", "lodge",
    "impose", "announce", "stage", "carry", "undertake", "return", "preside", "depart",
    "leave", "arrive", "head", "embark", "set", "continue", "wrap", "conclude", "end",
    "complete", "finish", "take", "witness", "go", "tell",
})
SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})
#: verbs of travel: a journey made for a meeting is told by the meeting, and lends it its
#: date and place ("will travel to Paris on Thursday to meet X")
MOTION = frozenset({"travel", "fly", "arrive", "head", "go", "come", "leave", "depart",
                    "return", "set"})


#: inflected forms of the light verbs, for lemmas the lemmatiser gets wrong
LIGHT_FORMS = frozenset(v + end for v in LIGHT_VERBS for end in ("d", "ed", "s"))


def is_light(verb: Token) -> bool:
    """A light verb, by lemma or, when the lemmatiser slips ("staged" -> "stag"), by form."""
    return verb.lemma.lower() in LIGHT_VERBS or verb.text.lower() in LIGHT_FORMS
QUANTITIES = frozenset({"hundred", "thousand", "dozen", "dozens", "hundreds", "thousands",
                        "million", "millions", "group", "number", "crowd", "some", "many"})
RELATIVES = frozenset({"who", "which", "that", "whom"})
INHERIT = frozenset({"advcl", "xcomp", "conj", "acl", "pcomp", "relcl", "ccomp"})


class Tree:
    """Child lists and mention lookup for one sentence."""

    def __init__(self, tokens: Sequence[Token], mentions: Sequence[ActorMention],
                 nationality: Nationality | None = None) -> None:
        self.tokens = tokens
        self.nationality = nationality
        self.children: list[list[Token]] = [[] for _ in tokens]
        for t in tokens:
            if t.head != t.i:
                self.children[t.head].append(t)
        self.mentions = mentions

    def kids(self, i: int, *deps: str) -> list[Token]:
        """Children of token ``i`` with one of ``deps`` (all when none given)."""
        return [c for c in self.children[i] if not deps or c.dep in deps]

    def prep_objects(self, i: int, preps: Sequence[str]) -> list[Token]:
        """Objects of the prepositions ``preps`` attached to token ``i``."""
        out: list[Token] = []
        for p in self.kids(i, "prep", "dative", "agent"):
            if p.text.lower() in preps:
                out.extend(self.kids(p.i, "pobj") or self._stray_object(p))
                for c in self.conjuncts(p)[1:]:  # "talks with Li and with Kishida"
                    if c.pos == "ADP" and c.text.lower() in preps:
                        out.extend(self.kids(c.i, "pobj"))
        return out

    def stray_agents(self, i: int) -> list[Token]:
        """Proper nouns after a "by" the parser hangs on a place named in the phrases of
        ``i`` ("hosted ... at the Department of State by X", "accorded a welcome at the
        forecourt of Rashtrapati Bhavan by Y")."""
        out: list[Token] = []
        frontier = [n for p in self.kids(i, "prep") if p.text.lower() != "by"
                    for n in self.kids(p.i, "pobj")]
        for _ in range(3):
            nxt: list[Token] = []
            for n in frontier:
                for b in self.kids(n.i, "prep", "agent"):
                    objs = self.kids(b.i, "pobj")
                    if b.text.lower() == "by":
                        out.extend(o for o in objs if o.pos == "PROPN")
                    else:
                        nxt.extend(objs)
            if out:
                return out
            frontier = nxt
        return out

    def _stray_object(self, prep: Token) -> list[Token]:
        """The named object of a preposition the parser left without one ("a call on Lao
        Minister of Foreign Affairs X", X attached to the verb): the first actor named
        right after it, before any verb or punctuation."""
        if self.kids(prep.i, "pcomp"):
            return []
        for t in self.tokens[prep.i + 1:prep.i + 12]:
            if t.pos in {"VERB", "AUX", "PUNCT"}:
                break
            m = self.mention_at(t.i)
            if m is not None and m.entity.kind == "person":
                return [self.tokens[m.head]]
        return []

    def subtree(self, i: int) -> list[int]:
        """Indexes of the subtree under ``i`` (inclusive)."""
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(c.i for c in self.children[j])
        return sorted(out)

    def conjuncts(self, t: Token) -> list[Token]:
        """``t`` and its coordinated siblings ("X and Y")."""
        out = [t]
        stack = [t]
        while stack:
            cur = stack.pop()
            for c in self.kids(cur.i, "conj", "appos"):
                if c.dep == "conj":
                    out.append(c)
                stack.append(c)
        return out

    # ------------------------------------------------------------------ mentions
    def mention_at(self, i: int) -> ActorMention | None:
        """The actor mention covering token ``i``."""
        for m in self.mentions:
            if m.start <= i < m.end:
                return m
        return None

    def actors_of(self, t: Token, *, deep: bool = False) -> list[ActorMention]:
        """Actor mentions a phrase headed by ``t`` stands for (with its conjuncts)."""
        out: list[ActorMention] = []
        todo = self.conjuncts(t)
        for c in todo:
            m = self._mention_for(c, deep=deep)
            if m is not None and m not in out:
                out.append(m)
                if m.head != c.i and m.head < len(self.tokens):
                    # "on General Secretary of the Party X and Prime Minister Y": the
                    # parser hangs Y on the name X, not on the title heading the phrase
                    todo += [k for k in self.conjuncts(self.tokens[m.head])[1:]
                             if k not in todo]
                last = self.tokens[m.end - 1] if m.end - 1 > c.i else None
                if last is not None and last.dep == "pobj" and last.head != last.i \
                        and self.tokens[last.head].text.lower() == "of":
                    # "the foreign ministers of Vietnam and Laos": the other states too
                    todo += [k for k in self.conjuncts(last)[1:] if k not in todo]
            if m is not None and m.entity.kind == "country":
                # "Indonesian and Australian troops", "Thai and Cambodian troops"
                first = self.tokens[m.start]
                adjs = self.conjuncts(first)[1:]
                if first.dep == "conj" and first.head != first.i:
                    adjs.append(self.tokens[first.head])
                for adj in adjs:
                    if adj.pos not in {"ADJ", "PROPN"}:
                        continue
                    other = self.mention_at(adj.i)
                    ent = other.entity if other is not None else (
                        self.nationality(adj.text) if self.nationality else None)
                    if ent is not None and ent.kind == "country" and ent.id not in {
                            x.entity.id for x in out}:
                        out.append(ActorMention(sentence=-1, start=adj.i, end=adj.i + 1,
                                                head=c.i, entity=ent, how="nationality"))
        return out

    def _apposed_person(self, m: ActorMention) -> ActorMention | None:
        """The person named in apposition to the phrase of ``m`` ("his Czech counterpart,
        Jan Lipavsky"), by the parse or, where the parser hung the name elsewhere, by the
        commas around it."""
        for c in self.kids(m.head, "appos"):
            named = self.mention_at(c.i)
            if named is not None and named.entity.kind == "person":
                return named
        if m.end + 1 < len(self.tokens) and self.tokens[m.end].text == ",":
            named = self.mention_at(m.end + 1)
            if named is not None and named.entity.kind == "person" and (
                    named.end >= len(self.tokens)
                    or self.tokens[named.end].text in {",", ".", ";"}):
                return named
        return None

    def _mention_for(self, t: Token, *, deep: bool) -> ActorMention | None:
        m = self.mention_at(t.i)
        if m is not None and m.entity.kind == "country" and m.how != "name":
            # "his Polish counterpart, Radoslaw Sikorski": a role the actor stage could
            # only tie to a state is the person named beside it
            named = self._apposed_person(m)
            if named is not None:
                return named
        if m is not None:
            return m
        # title heads: "Secretary ... To Lam", "Ouch Borith, a member of ..."
        for c in self.kids(t.i, "compound", "appos", "flat", "nmod", "npadvmod", "amod",
                           "poss"):
            m = self.mention_at(c.i)
            if m is not None and m.entity.kind in {"person", "collective"}:
                return m
        if t.text[:1].isupper() and t.pos in {"PROPN", "NOUN"} and t.dep != "poss":
            # a title whose name the parser attached elsewhere: "with President ... X" (a
            # possessive title is followed by what it owns: "the Foreign Ministers' Meeting")
            for m in self.mentions:
                if m.start > t.i and m.start - t.i <= 15 and m.entity.kind == "person":
                    between = self.tokens[t.i + 1:m.start]
                    if between and between[-1].text == ",":
                        between = between[:-1]   # "the Ambassador of X to Y, Z"
                    if not any(b.pos in {"VERB", "AUX"} or b.text in {",", ";"}
                               for b in between):
                        return m
                    break
        national = self.national(t)
        if national is not None:
            return national
        placed = self.place_country(t)
        if placed is not None:  # "Beijing dismissed ...", "Moscow threatened ..."
            return placed
        if t.pos == "NOUN" and t.dep in SUBJ:
            for o in self.prep_objects(t.i, ("in", "from")):  # "protesters in Hanoi"
                placed = self.place_country(o)
                if placed is not None:
                    return placed
        if t.lemma.lower() in QUANTITIES or t.pos == "NUM":
            for o in self.prep_objects(t.i, ("of",)):
                m = self._mention_for(o, deep=deep)
                if m is not None:
                    return m
        if t.dep in {"pobj", "dobj", "nsubj", "nsubjpass", "attr"} or deep:
            for j in self.subtree(t.i):
                m = self.mention_at(j)
                if m is None:
                    continue
                if deep or m.entity.kind in {"person", "collective"}:
                    if not self._behind_of(j, t.i) or deep:
                        return m
        return None

    def national(self, t: Token) -> ActorMention | None:
        """"Chinese coast guard officers", "Thai authorities", "Myanmar's military": a
        common noun marked with a nationality stands for that country."""
        if self.nationality is None or t.pos not in {"NOUN", "PROPN"}:
            return None
        if t.pos == "PROPN" and t.text.endswith("s") and t.text[:1].isupper():
            words = [c.text for c in self.kids(t.i, "compound") if c.i < t.i] + [t.text]
            ent = self.nationality(" ".join(words))
            if ent is not None:  # "Thousands of South Koreans"
                return ActorMention(sentence=-1, start=t.i, end=t.i + 1, head=t.i,
                                    entity=ent, how="nationality")
        for c in self.kids(t.i, "amod", "compound", "poss", "nmod"):
            if c.pos not in {"ADJ", "PROPN", "NOUN"}:
                continue
            m = self.mention_at(c.i)
            if m is not None and m.entity.kind == "country":
                return m
            words = [c.text]
            prev = [k for k in self.kids(c.i, "compound", "amod") if k.i == c.i - 1]
            if prev:  # "South Korean"
                words.insert(0, prev[0].text)
            ent = self.nationality(" ".join(words)) or (
                self.nationality(c.text) if prev else None)
            if ent is None and c.dep == "compound" and c.pos == "NOUN":
                ent = self._national_of(c)
            if ent is not None:
                return ActorMention(sentence=-1, start=c.i, end=c.i + 1, head=t.i, entity=ent,
                                    how="nationality")
        return None

    def proper_name(self, t: Token) -> str:
        """The proper noun ``t`` with the proper nouns before it in its own phrase ("Ho Chi
        Minh City", "Phnom Penh")."""
        first, inside = t.i, set(self.subtree(t.i))
        while first - 1 in inside and self.tokens[first - 1].pos == "PROPN":
            first -= 1
        return " ".join(x.text for x in self.tokens[first:t.i + 1])

    def place_country(self, t: Token) -> ActorMention | None:
        """A capital or country named as a place ("recalled its ambassador from Phnom
        Penh") stands for its country."""
        if self.nationality is None or t.pos != "PROPN" or t.dep not in {
                "pobj", "dobj", "nsubj", "nsubjpass"} or (t.text.isupper() and len(t.text) > 3):
            return None  # "BEIJING, May 16 --" is a dateline, not the Chinese state
        words = [c.text for c in self.kids(t.i, "compound") if c.i < t.i] + [t.text]
        ent = self.nationality(" ".join(words))
        if ent is None:
            return None
        return ActorMention(sentence=-1, start=t.i, end=t.i + 1, head=t.i, entity=ent,
                            how="place")

    def _national_of(self, t: Token) -> Entity | None:
        """A nationality one compound further down ("Chinese coast guard officers")."""
        for c in self.kids(t.i, "amod", "compound"):
            ent = self.nationality(c.text) if self.nationality else None
            if ent is not None:
                return ent
        return None

    def _behind_of(self, j: int, top: int) -> bool:
        """True when token ``j`` sits inside an "of"/"for"/"to" phrase below ``top``."""
        cur = j
        while cur != top:
            tok = self.tokens[cur]
            if tok.dep == "pobj" and self.tokens[tok.head].text.lower() in {
                    "of", "for", "to", "on", "in", "at", "from"}:
                return True
            if tok.head == cur:
                return False
            cur = tok.head
        return False

    # ------------------------------------------------------------------ verbs
    def _surface_subject(self, i: int, depth: int) -> tuple[list[Token], bool]:
        """The grammatical subject a dependent clause shares ("X was received by Y before
        holding talks": X holds the talks, not Y)."""
        passive = self.kids(i, "nsubjpass")
        if passive and not self.kids(i, "nsubj"):
            return passive, False
        return self.subjects(i, depth)

    def subjects(self, i: int, depth: int = 0) -> tuple[list[Token], bool]:
        """Subject tokens of verb ``i`` (passive agents count) and whether passive."""
        subj = self.kids(i, "nsubj", "csubj")
        tok = self.tokens[i]
        by_agent = [o for a in self.kids(i, "agent") for o in self.kids(a.i, "pobj")]
        if by_agent and tok.tag == "VBN" and not any(
                a.lemma.lower() == "have" for a in self.kids(i, "aux")):
            return by_agent, True  # "a meeting ... co-chaired by X and Y" (misparsed subject)
        if subj and tok.dep == "relcl" and tok.head != i and all(
                s.lemma.lower() in RELATIVES for s in subj):
            return [self.tokens[tok.head]], False  # "X, who arrived ..."
        if subj:
            return subj, False
        passive = self.kids(i, "nsubjpass")
        agents = [o for a in self.kids(i, "agent") for o in self.kids(a.i, "pobj")]
        if passive and not agents and tok.tag == "VBN":
            # "will be hosted for lunch at the Department of State by X": the parser hangs
            # the agent on the place
            agents = self.stray_agents(i)
        if agents:
            return agents, True
        if passive:
            return passive, True  # "since a soldier was killed": no actor, none inherited
        if depth < 3 and tok.dep == "pcomp" and tok.head != i:
            prep = self.tokens[tok.head]
            if prep.pos == "ADP" and prep.head != prep.i:
                owner = self.tokens[prep.head]
                if owner.pos in {"VERB", "AUX"}:  # "responded by downgrading relations"
                    return self._surface_subject(owner.i, depth + 1)
                if owner.pos in {"NOUN", "PROPN"} and owner.dep == "dobj":
                    return [owner], False  # "accused Cambodian forces of firing rockets"
        if depth < 3 and tok.dep in INHERIT and tok.head != i:
            head = self.tokens[tok.head]
            if tok.dep == "conj" and tok.tag == "VBD" and head.tag != "VBD" \
                    and head.dep in {"ccomp", "xcomp"} and head.head != head.i:
                # "X proposed that Y facilitate A and invited Z": the past-tense conjunct
                # belongs to the reporting verb, not to the subordinate clause
                return self.subjects(head.head, depth + 1)
            if tok.dep == "xcomp" and head.pos == "VERB":
                objs = self.kids(head.i, "dobj")
                if objs and head.lemma in {"invite", "urge", "ask", "encourage", "help",
                                           "prompt", "force", "order", "call"}:
                    return objs, False
            if head.pos in {"VERB", "AUX"}:
                if tok.dep in {"advcl", "xcomp", "pcomp"}:
                    return self._surface_subject(head.i, depth + 1)
                return self.subjects(head.i, depth + 1)
            if tok.dep == "acl" and head.pos in {"NOUN", "PROPN"}:
                return [head], False
        return passive, bool(passive)
