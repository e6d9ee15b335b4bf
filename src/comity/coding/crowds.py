"""Parties of material events: crowds at embassies, states of the people released.

Mixed into :class:`comity.coding.coder.Coder`: who protests when "protesters" are named by
no nationality (the people of the place), against whom (the states of the missions they
act at), and to whom a release is made (the state of the people freed).
"""

from __future__ import annotations

from comity.coding.args import Tree
from comity.coding.arguments import Arguments
from comity.coding.lexicon import Trigger
from comity.model import Entity, Token

#: people who take to the streets: protesters named by no nationality are the people of
#: the place where they protest ("demonstrators stormed the French embassy in Niamey")
CROWDS = frozenset({"protester", "protestor", "demonstrator", "rioter", "crowd", "mob",
                    "activist", "student"})

#: prepositions of the place where a crowd acts ("outside the embassy")
SITE_PREPS = ("outside", "at", "to", "near", "in", "before", "into", "toward", "towards")


class MaterialParties(Arguments):
    """Argument rules of protests and releases."""

    def _released_nation(self, tree: Tree, tok: Token, person: Entity,
                         actors: list[Entity]) -> list[Entity]:
        """"Russia freed reporter X, former U.S. Marine Y and ...": a release is made to
        the state of the people freed (the person's country, else one named with them)."""
        own = {a.country for a in actors}
        country = self.kb.countries.get(person.country or "")
        if country is not None and country.iso3 not in own:
            return [self._country_entity(country, person.text)]
        for o in tree.kids(tok.i, "dobj", "nsubjpass"):
            for j in tree.subtree(o.i):
                m = tree.mention_at(j) or tree.national(tree.tokens[j])
                if m is not None and m.entity.kind == "country" and m.entity.country not in own:
                    return [m.entity]
        return [person]

    def _missions_of(self, tree: Tree, tok: Token, trig: Trigger) -> list[Entity]:
        """The states whose missions are the object of ``tok``: "the Rwandan embassy",
        "the embassy of France", "several embassies, including those of X, Y and Z"."""
        out: list[Entity] = []

        def add(t: Token) -> None:
            for c in tree.conjuncts(t):
                m = tree.mention_at(c.i) or tree.national(c)
                if m is not None and m.entity.kind == "country" and m.entity not in out:
                    out.append(m.entity)

        for o in (*tree.kids(tok.i, "dobj", "nsubjpass"), *self._sites(tree, tok)):
            if o.lemma.lower() not in trig.objects:
                continue
            for c in tree.kids(o.i, "amod", "compound", "poss"):
                add(c)
            for x in tree.prep_objects(o.i, ("of",)):
                add(x)
        for inc in (*tree.kids(tok.i, "prep"), *(c for o in tree.kids(tok.i, "dobj")
                                                 for c in tree.kids(o.i, "prep"))):
            if inc.lemma.lower() == "include":  # "including those of X, Y and Z"
                for x in tree.kids(inc.i, "pobj"):
                    for y in (x, *tree.prep_objects(x.i, ("of",))):
                        add(y)
        return out

    def _sites(self, tree: Tree, tok: Token) -> list[Token]:
        """Nouns naming where a crowd acts: "outside the embassy", "at the consulate",
        "in front of the embassy", "set fire to the embassy"."""
        out: list[Token] = []
        for o in tree.prep_objects(tok.i, SITE_PREPS):
            out.append(o)
            if o.lemma.lower() == "front":  # "in front of X"
                out.extend(tree.prep_objects(o.i, ("of",)))
        return out

    def _host_entity(self, host: str | None) -> list[Entity]:
        """The article's host country (its dateline's) as a party, when known."""
        country = self.kb.countries.get(host or "")
        return [] if country is None else [self._country_entity(country, country.name)]

    def _protest_place(self, tree: Tree, tok: Token) -> list[Entity]:
        """"In Seoul, hundreds of protesters rallied ...": protesters named by no
        nationality are the people of the country where they protest."""
        objects = [x for o in (*tree.kids(tok.i, "dobj"), *self._sites(tree, tok))
                   for x in tree.prep_objects(o.i, ("in",))]
        for o in (*tree.prep_objects(tok.i, ("in",)), *objects):
            m = tree.mention_at(o.i) or tree.place_country(o)
            if m is not None and m.entity.kind == "country":
                return [m.entity]
        return []
