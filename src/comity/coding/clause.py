"""The clause an event trigger belongs to, as character ranges of its sentence.

Dates and places are attached to an event from its own clause first: in "Albanese, who
arrived in Shanghai on Saturday, met Xi in Beijing", the meeting is in Beijing and not on
Saturday. The clause is the subtree of the trigger's anchor (the trigger, or for a nominal
trigger such as "talks" the light verb that governs it) without the relative clauses,
reported clauses and coordinated verbs attached to it, which hold other events.
"""

from __future__ import annotations

from collections.abc import Sequence

from comity.coding.args import MOTION, is_light
from comity.model import Token

#: dependents that start another clause (another event, or background)
OTHER_CLAUSE = frozenset({"relcl", "acl", "ccomp", "parataxis", "advcl"})
#: the content of a statement ("invited X to attend the summit in October") is not its clause
CONTENT = frozenset({"xcomp", "ccomp"})


def anchor(tokens: Sequence[Token], trigger: Token) -> Token:
    """The token whose subtree is the trigger's clause (for a meeting a journey is made
    for, "will travel to Paris on Thursday to meet X" or "to Tokyo on Friday, where he
    will meet X", the journey's clause)."""
    cur = trigger
    if trigger.dep in {"advcl", "xcomp"} and trigger.head != trigger.i and any(
            t.head == trigger.i and t.dep == "aux" and t.text.lower() == "to" for t in tokens):
        head = tokens[trigger.head]
        if head.lemma.lower() in MOTION:
            return head
    rel, chain = trigger, {trigger.i}
    while rel.dep == "xcomp" and rel.head != rel.i:  # "where he is scheduled to meet X"
        rel = tokens[rel.head]
        chain.add(rel.i)
    if rel.dep == "relcl" and any(t.head in chain and t.dep == "advmod"
                                  and t.text.lower() == "where" for t in tokens):
        # "will fly to Tokyo on Friday, where he will meet X": the journey's clause
        up = rel
        for _ in range(3):
            if up.head == up.i:
                break
            up = tokens[up.head]
            if up.pos in {"VERB", "AUX"}:
                if up.lemma.lower() in MOTION:
                    return up
                break
    for _ in range(2):
        if cur.pos not in {"NOUN", "PROPN"} or cur.head == cur.i:
            break
        head = tokens[cur.head]
        if head.pos in {"VERB", "AUX"} and (is_light(head) or head.lemma == "be"):
            return head
        if head.pos == "ADP" and head.head != head.i:
            verb = tokens[head.head]
            if verb.pos in {"VERB", "AUX"} and (is_light(verb) or verb.lemma == "be" or (
                    verb.lemma.lower() in MOTION and head.text.lower() == "for")):
                return verb
        break
    return cur


def clause_ranges(tokens: Sequence[Token], trigger: Token, sent_start: int, *,
                  statement: bool = False) -> list[tuple[int, int]]:
    """Character ranges, relative to the sentence text, of the trigger's own clause
    (without the content clause of a ``statement``: what was proposed or agreed)."""
    keep = clause_tokens(tokens, trigger, statement=statement)
    return sorted((tokens[i].start - sent_start, tokens[i].end - sent_start) for i in keep)


def clause_tokens(tokens: Sequence[Token], trigger: Token, *, statement: bool = False,
                  with_modifiers: bool = False) -> set[int]:
    """Indexes of the tokens of the trigger's own clause (``with_modifiers``: with the
    participles that modify its nouns, "suspects wanted for murder to their X
    counterparts", which the parser often uses to attach the clause's own phrases)."""
    if not tokens:
        return set()
    children: list[list[Token]] = [[] for _ in tokens]
    for t in tokens:
        if t.head != t.i:
            children[t.head].append(t)
    top = anchor(tokens, trigger)
    keep: list[Token] = []
    stack = [top]
    while stack:
        cur = stack.pop()
        keep.append(cur)
        for c in children[cur.i]:
            if c.i == trigger.i or c.i in _path(tokens, trigger, top):
                stack.append(c)
                continue
            if c.dep == "prep" and c.text.lower() == "since":
                continue  # "since taking office in July": another time
            if (c.dep in OTHER_CLAUSE and not (with_modifiers and c.dep == "acl")) or (
                    c.dep == "conj" and c.pos in {"VERB", "AUX"}) or (
                    statement and c.dep in CONTENT):
                continue
            stack.append(c)
    return {t.i for t in keep}


def _path(tokens: Sequence[Token], trigger: Token, top: Token) -> set[int]:
    out: set[int] = set()
    cur = trigger
    for _ in range(len(tokens)):
        out.add(cur.i)
        if cur.i == top.i or cur.head == cur.i:
            break
        cur = tokens[cur.head]
    return out


def inside(ranges: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """True when the text span [start, end) overlaps one of ``ranges``."""
    return any(a < end and start < b for a, b in ranges)


#: links from a non-finite phrase to the clause it belongs to ("before attending a dinner
#: hosted by X": the dinner's time is the time of the clause that attends it)
NON_FINITE = frozenset({"acl", "pcomp", "pobj", "prep", "dobj", "xcomp"})


def governing_clause(tokens: Sequence[Token], trigger: Token) -> Token | None:
    """For a trigger in a participle or gerund phrase (no tense of its own), the head of
    the finite clause it hangs from; None when the trigger's clause is finite."""
    cur = anchor(tokens, trigger)
    start = cur
    for _ in range(len(tokens)):
        if cur.dep not in NON_FINITE or cur.head == cur.i:
            break
        if cur.dep == "acl" and any(t.head == cur.i and t.dep in {"nsubj", "aux"}
                                    for t in tokens):
            break  # "the plan to meet ...", "a visit that will ...": a clause of its own
        cur = tokens[cur.head]
    return None if cur.i == start.i else cur

