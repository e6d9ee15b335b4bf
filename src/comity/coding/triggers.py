"""Triggers: which tokens of a sentence name an event, by the lexicon (lemma, part of
speech, multi-word forms, required objects or particles), and which of them are only the
content of another ("invited X to visit Y": the visit is what was invited).

Mixed into :class:`comity.coding.coder.Coder`.
"""

from __future__ import annotations

from comity.coding.args import Tree
from comity.coding.arguments import CONTENT_TYPES, SETTING_PREPS
from comity.coding.crowds import MaterialParties
from comity.coding.lexicon import Lexicon, Trigger
from comity.model import Token

#: participles that name what a vehicle carries ("planes carrying rescuers")
CARRYING = frozenset({"carry", "bring", "transport", "ferry"})


class Triggers(MaterialParties):
    """Trigger rules (the places a crowd acts at count as objects); needs a ``lexicon``."""

    lexicon: Lexicon

    def _trigger(self, tree: Tree, tok: Token) -> Trigger | None:
        pos = "VERB" if tok.pos in {"VERB"} else "NOUN" if tok.pos in {"NOUN", "PROPN"} else (
            "ADJ" if tok.pos == "ADJ" and tok.dep == "acomp" else "")
        if not pos:
            return None
        lemma = tok.lemma.lower()
        cands = self.lexicon.candidates(lemma, pos)
        if pos == "NOUN" and tok.text.lower() != lemma:  # "phone talks" is keyed by its form
            cands = cands + [c for c in self.lexicon.candidates(tok.text.lower(), pos)
                             if c not in cands]
        text = tok.text.lower()
        if not cands and pos == "VERB" and text.endswith("ed"):
            # the lemmatiser slips on some past forms ("hoped" -> "hop")
            cands = self.lexicon.candidates(text[:-1], pos) or self.lexicon.candidates(
                text[:-2], pos)
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
            # (a noun's preposition may hang on its light verb: "expressed solidarity with")
            heads = [tok.i, tok.head] if tok.pos == "NOUN" and tok.dep == "dobj" else [tok.i]
            return any(c.text.lower() in particles for h in heads
                       for c in tree.kids(h, "prep", "prt"))
        if trig.type == "PROTEST" and any(
                o.lemma.lower() in trig.objects for o in self._sites(tree, tok)):
            return True  # "gathered outside the embassy", "set fire to the embassy"
        for o in tree.kids(tok.i, "dobj", "nsubjpass", "attr", "oprd"):
            # ("called the strike a violation": what it is called)
            # "flew two planes carrying 120 rescuers": what the vehicle carries
            cargo = [d for a in tree.kids(o.i, "acl") if a.lemma.lower() in CARRYING
                     for d in tree.kids(a.i, "dobj")]
            # "freed reporter X": the title of a named object
            titles = [c for c in tree.kids(o.i, "compound", "appos", "nmod")
                      if c.pos in {"NOUN", "PROPN"}] if tree.mention_at(o.i) is not None else []
            if any(x.lemma.lower() in trig.objects or x.text.lower() in trig.objects
                   for x in (o, *cargo, *titles)):
                return True
            if "people" in trig.objects and o.pos == "PROPN" and (
                    (m := tree.national(o)) is not None and m.start == o.i):
                return True  # "freed eight Russians": people of a nation
        return False

    def _is_content_of_other(self, tree: Tree, tok: Token, triggers: dict[int, Trigger]
                             ) -> bool:
        """"invited X to visit Y": the visit is the content of the invitation."""
        cur, steps = tok, 0
        while cur.dep in {"xcomp", "ccomp", "advcl", "pobj", "pcomp", "prep", "dobj", "conj"} \
                and cur.head != cur.i and steps < 4:
            if cur.dep == "prep" and cur.text.lower() in SETTING_PREPS:
                return False  # "agreed ... after talks between X and Y": not its content
            if cur.dep == "advcl" and tree.kids(cur.i, "mark"):
                return False  # "X urged ..., while Y thanked ...": a clause of its own
            head = tree.tokens[cur.head]
            other = triggers.get(head.i)
            infinitives = cur.tag == "VB" and head.tag == "VB"  # "asked X to A and to B"
            if cur.dep == "conj" and not infinitives and (
                    other is not None or head.pos not in {"VERB", "AUX"}
                                      or (steps == 0 and cur.pos != "VERB")
                                      or (cur.tag == "VBD" and head.tag != "VBD")):
                # "urged X ... and thanked Y", "proposed that X facilitate ... and invited
                # Y" (the parser hangs the past tense on the proposal): an act of its own
                return False
            if other is not None and other.type in CONTENT_TYPES and cur.dep != "dobj":
                return True  # "agreed to launch a body and to cooperate": the agreement
            if other is not None and other.type == "CONCEDE" and cur.dep == "xcomp":
                return True  # "agreed to release the detainee": the promise, no release yet
            if cur.dep == "prep" and cur.text.lower() in {"for", "on"} and (
                    (other is not None and other.type == "SUPPORT") or any(
                    (o := triggers.get(d.i)) is not None and o.type == "SUPPORT"
                    for d in tree.kids(head.i, "dobj"))):
                return True  # "thanked X for (expressed thanks for) their assistance"
            if cur.dep in {"pobj", "prep"} and head.pos in {"NOUN", "PROPN"} \
                    and other is not None and other.type in CONTENT_TYPES:
                return True
            cur, steps = head, steps + 1
        return False
