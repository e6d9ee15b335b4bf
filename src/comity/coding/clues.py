"""Clues in a sentence the coder reads beyond a trigger's own arguments: a pledge made in
what a past reporting verb says, a meeting already told, and the signers a 'by' phrase
names inside a verb's object."""

from __future__ import annotations

from comity.coding.args import Tree
from comity.coding.arguments import REPORTING
from comity.coding.refine import Coded
from comity.model import ActorMention, Token


def reported(tree: Tree, tok: Token) -> bool:
    """True when ``tok`` is in what a past reporting verb says ("X said Y would ...")."""
    cur = tok
    for _ in range(4):
        if cur.head == cur.i or cur.dep not in {"ccomp", "xcomp", "conj", "advcl"}:
            return False
        head = tree.tokens[cur.head]
        if cur.dep == "ccomp" and head.lemma.lower() in REPORTING and head.tag == "VBD":
            return True
        cur = head
    return False


def told_before(tree: Tree, tok: Token, before: list[Coded]) -> bool:
    """True when a meeting with the person named after ``tok`` was coded before."""
    named = {m.entity.id for o in [*tree.kids(tok.i, "dobj"),
                                   *tree.prep_objects(tok.i, ("with",))]
             for m in tree.actors_of(o)}
    return bool(named) and any(
        c.trigger.type == "CONSULT" and named & {e.id for e in (*c.actors, *c.recipients)}
        for c in before)


def signers(tree: Tree, tok: Token) -> list[ActorMention]:
    """The people or states a 'by' phrase inside the object of ``tok`` names as doing
    what ``tok`` is said of ("witnessed the signing of X by A and B")."""
    out: list[ActorMention] = []
    # (the parser may hang the object's tail on the verb: "the signing of a memorandum on
    # minerals and gas supplies by A and B")
    for o in [*tree.kids(tok.i, "dobj"),
              *(c for c in tree.kids(tok.i, "conj") if c.pos == "NOUN")]:
        for j in tree.subtree(o.i):
            if j != o.i and tree.tokens[j].dep == "prep" \
                    and tree.tokens[j].text.lower() == "by":
                for b in tree.kids(j, "pobj"):
                    out += [m for m in tree.actors_of(b) if m not in out]
    return out
