"""Tense and journeys: whether an event is planned, and journeys told by what they are
made for.

Mixed into :class:`comity.coding.coder.Coder`. A journey ("will travel to Washington to
meet Trump", "arrived for a state visit", "is visiting Laos to attend the ASEAN meetings")
is told by the meeting or visit it is made for; its destination gives the country visited
("flew to Busan": South Korea). An event is planned when it or a verb it depends on is
future, scheduled or upcoming; a purpose shares its verb's tense.
"""

from __future__ import annotations

from collections.abc import Callable

from comity.coding.args import MOTION, Tree
from comity.coding.arguments import FUTURE_AMOD, FUTURE_AUX, HYPOTHETICAL, PLANNING
from comity.coding.lexicon import Trigger
from comity.model import Token

#: verbs that say an event happens ("the meeting will take place", "talks will be held")
HAPPENING = frozenset({"take", "happen", "occur", "hold", "begin", "start", "open",
                       "convene", "be"})

#: verbs whose coordinated subjects take part in something together, not meet each other
#: ("the U.S. and Chinese ambassadors also attended the talks")
ATTENDING = frozenset({"attend", "join"})


class Journeys:
    """Tense and journey rules; needs ``place_country`` (a gazetteer lookup or None)."""

    place_country: Callable[[str], str | None] | None

    def _journey_for(self, tree: Tree, tok: Token, triggers: dict[int, Trigger]) -> bool:
        """"will travel to Washington to meet Trump" (or "to X on Friday, where he will
        meet Y"), "arrived for a state visit", "is visiting Laos to attend the ASEAN
        meetings": the journey is told by the meeting or visit it is made for, which codes
        the event (an arrival that happened "for the leaders' retreat" is the visit to the
        country)."""
        if tok.lemma.lower() not in MOTION | {"visit"}:
            return False
        planned = self._status(tree, tok) == "planned"
        purposes = [x for x in tree.kids(tok.i, "advcl", "xcomp")
                    if any(a.text.lower() == "to" for a in tree.kids(x.i, "aux"))]
        purposes += tree.prep_objects(tok.i, ("for",))
        purposes += [o for o in tree.prep_objects(tok.i, ("on",))  # "arrived on a state visit"
                     if (t := triggers.get(o.i)) is not None and t.mode == "visit"]
        # "to Tokyo on Friday, where he will meet X" (or "is scheduled to meet X")
        for r in (r for p in tree.kids(tok.i, "prep") for o in tree.kids(p.i, "pobj")
                  for r in tree.kids(o.i, "relcl")):
            chain = [r, *tree.kids(r.i, "xcomp")]
            if any(w.text.lower() == "where" for x in chain for w in tree.kids(x.i, "advmod")):
                purposes += chain
        # "left Tokyo for Washington and is scheduled to hold a summit with X": a journey
        # to a meeting still to come, told in the next clause
        for c in tree.kids(tok.i, "conj"):
            for x in (c, *tree.kids(c.i, "xcomp")):
                for y in (x, *tree.kids(x.i, "dobj")):
                    t = triggers.get(y.i)
                    if t is not None and t.type == "CONSULT" and tok.lemma.lower() in MOTION \
                            and self._status(tree, x) == "planned":
                        return True
        # an arrival "for the leaders' retreat" is itself the visit to the country; a visit
        # made "to attend" a multilateral meeting is told by that meeting
        if any(x.lemma.lower() in ATTENDING for x in purposes):
            return True  # "to attend the summit", "to attend the inauguration"
        return any((t := triggers.get(x.i)) is not None and t.type == "CONSULT" and (
            t.mode == "multilateral" or (tok.lemma.lower() in MOTION
                                         and (planned or t.mode == "visit")))
            for x in purposes)

    def _destination(self, tree: Tree, tok: Token, trig: Trigger) -> str | None:
        """The country of the place a journey or visit goes to ("flew to Busan" -> KOR),
        when the gazetteer knows it."""
        if self.place_country is None:
            return None
        places = [*tree.prep_objects(tok.i, (*trig.preps, "to", "into")),
                  *tree.kids(tok.i, "dobj")]
        for p in places:
            if p.pos != "PROPN":
                continue
            words = [tree.proper_name(p)]  # the whole name ("Ho Chi Minh City")
            words += [c.text for c in tree.kids(p.i, "compound", "appos") if c.i > p.i][:1]
            country = self.place_country(" ".join(words)) or self.place_country(p.text)
            if country is not None:
                return country
        return None

    def _status(self, tree: Tree, tok: Token) -> str:
        cur, steps = tok, 0
        while steps < 5:
            for c in tree.kids(cur.i, "aux", "auxpass"):
                if c.lemma.lower() in FUTURE_AUX or c.text.lower() in FUTURE_AUX \
                        or c.text.lower() in HYPOTHETICAL:
                    return "planned"  # (what "could" happen has not: a possible meeting)
                if c.text.lower() == "to" and cur.head == cur.i:
                    return "planned"  # a headline's "X to visit Y": X will visit Y
            for c in tree.kids(cur.i, "amod"):
                if c.text.lower() in FUTURE_AMOD:
                    return "planned"
            if cur.head == cur.i:
                break
            head = tree.tokens[cur.head]
            if cur.dep == "xcomp" and head.lemma.lower() in PLANNING:
                return "planned"
            if cur.dep in {"prep", "advcl"} and head.lemma.lower() in PLANNING - {
                    "have", "go", "will"} and tree.kids(head.i, "xcomp"):
                return "planned"  # "is scheduled to be received ... before co-chairing"
            if steps == 0 and cur.dep in {"nsubj", "nsubjpass"} and cur.pos == "NOUN" \
                    and head.lemma.lower() in HAPPENING | PLANNING:
                # "the meeting will take place", "talks will be held", "the summit is
                # scheduled for Friday": the event's tense is its verb's
                if head.lemma.lower() in PLANNING - {"have", "go"} or any(
                        c.lemma.lower() in PLANNING for c in tree.kids(head.i, "acomp")):
                    return "planned"
                cur, steps = head, steps + 1
                continue
            if cur.dep in {"nsubj", "nsubjpass", "pobj", "advcl", "npadvmod"} and cur.pos in {
                    "NOUN", "PROPN"} and cur.dep != "dobj":
                if cur.dep in {"pobj"} and head.text.lower() in {"during", "for"}:
                    cur, steps = head, steps + 1
                    continue
                break
            if cur.dep in {"ccomp", "relcl", "advcl"} and cur.pos == "VERB" and not (
                    cur.dep == "advcl" and any(a.text.lower() == "to"
                                               for a in tree.kids(cur.i, "aux"))):
                break  # a purpose ("would travel ... to meet Trump") shares its verb's tense
            cur, steps = head, steps + 1
        return "occurred"
