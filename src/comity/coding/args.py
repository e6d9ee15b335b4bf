"""Dependency-parse patterns that find a trigger's actor and recipient.

Works on Comity's typed tokens (:class:`~comity.model.Token`), not on spaCy objects:
subjects and passive agents, objects and prepositional recipients, coordination, light
verbs ("held talks with", "paid a courtesy call on"), nominal events ("X's visit to Y",
"the meeting between X and Y"), and subjects inherited by participles and infinitives.
"""

from __future__ import annotations

from collections.abc import Sequence

from comity.model import ActorMention, Token

LIGHT_VERBS = frozenset({
    "have", "hold", "pay", "make", "conduct", "express", "extend", "convey", "voice", "give",
    "offer", "sign", "attend", "host", "co-chair", "chair", "cochair", "join", "begin",
    "start", "launch", "kick", "receive", "accept", "issue", "send", "deliver", "lodge",
    "impose", "announce", "stage", "carry", "undertake", "return", "preside", "depart",
    "leave", "arrive", "head", "embark", "set", "continue", "wrap", "conclude", "end",
})
SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})
RELATIVES = frozenset({"who", "which", "that", "whom"})
INHERIT = frozenset({"advcl", "xcomp", "conj", "acl", "pcomp", "relcl", "ccomp"})


class Tree:
    """Child lists and mention lookup for one sentence."""

    def __init__(self, tokens: Sequence[Token], mentions: Sequence[ActorMention]) -> None:
        self.tokens = tokens
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
                out.extend(self.kids(p.i, "pobj"))
        return out

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
        for c in self.conjuncts(t):
            m = self._mention_for(c, deep=deep)
            if m is not None and m not in out:
                out.append(m)
        return out

    def _mention_for(self, t: Token, *, deep: bool) -> ActorMention | None:
        m = self.mention_at(t.i)
        if m is not None:
            return m
        # title heads: "Secretary ... To Lam", "Ouch Borith, a member of ..."
        for c in self.kids(t.i, "compound", "appos", "flat", "nmod", "npadvmod", "amod",
                           "poss"):
            m = self.mention_at(c.i)
            if m is not None and m.entity.kind in {"person", "collective"}:
                return m
        if t.text[:1].isupper() and t.pos in {"PROPN", "NOUN"}:
            # a title whose name the parser attached elsewhere: "with President ... X"
            for m in self.mentions:
                if m.start > t.i and m.start - t.i <= 15 and m.entity.kind == "person":
                    between = self.tokens[t.i + 1:m.start]
                    if not any(b.pos in {"VERB", "AUX"} or b.text in {",", ";"}
                               for b in between):
                        return m
                    break
        if t.dep in {"pobj", "dobj", "nsubj", "nsubjpass", "attr"} or deep:
            for j in self.subtree(t.i):
                m = self.mention_at(j)
                if m is None:
                    continue
                if deep or m.entity.kind in {"person", "collective"}:
                    if not self._behind_of(j, t.i) or deep:
                        return m
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
        if agents:
            return agents, True
        if depth < 3 and tok.dep in INHERIT and tok.head != i:
            head = self.tokens[tok.head]
            if tok.dep == "conj" and tok.tag == "VBD" and head.tag != "VBD" \
                    and head.dep in {"ccomp", "xcomp"} and head.head != head.i:
                # "X proposed that Y facilitate A and invited Z": the past-tense conjunct
                # belongs to the reporting verb, not to the subordinate clause
                return self.subjects(head.head, depth + 1)
            if tok.dep == "xcomp" and head.pos == "VERB":
                objs = self.kids(head.i, "dobj")
                if objs and head.lemma in {"invite", "urge", "ask", "encourage", "help"}:
                    return objs, False
            if head.pos in {"VERB", "AUX"}:
                return self.subjects(head.i, depth + 1)
            if tok.dep == "acl" and head.pos in {"NOUN", "PROPN"}:
                return [head], False
        return passive, bool(passive)
