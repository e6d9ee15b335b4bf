"""References to actors already met or known by office: pronouns ("he", "they"), role
noun phrases ("the Thai premier", "Indonesia's foreign minister", "his Cambodian
counterpart", "the host"), collectives ("both sides", "the two leaders", "the Vietnamese
leaders") and delegations ("the CPP delegation led by X")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from comity.actors.discourse import SUBJECT_DEPS, Discourse, collective, retext
from comity.actors.groups import join_tokens
from comity.actors.kb import Country, Organisation
from comity.actors.roles import HEAD_OFFICES, NEUTRAL, RoleResolver
from comity.model import Entity, Token
from comity.textnorm import fold

if TYPE_CHECKING:
    from comity.actors.resolve import ActorStage

PRONOUNS = {"he": "M", "she": "F"}
DETERMINERS = frozenset({"the", "both", "his", "her", "their"})
COLLECTIVE_NOUNS = frozenset({
    "side", "sides", "leader", "leaders", "chief", "chiefs", "parties", "party", "countries",
    "nations", "minister", "ministers", "president", "presidents", "delegation",
    "delegations", "counterpart", "counterparts", "legislatures", "governments", "heads",
    "premiers", "men"})
PLURAL_HEADS = frozenset({"sides", "leaders", "chiefs", "ministers", "presidents",
                          "counterparts", "legislatures", "governments", "officials", "heads",
                          "premiers", "men"})
COUNTRY_HEADS = frozenset({"people", "government", "nation", "state", "authorities"})
ROLE_HEADS = frozenset({
    "leader", "chief", "head", "president", "premier", "minister", "secretary", "king",
    "queen", "mother", "chairman", "chairwoman", "chancellor", "monarch", "counterpart",
    "host", "guest", "visitor", "speaker", "ambassador", "envoy", "general", "diplomat",
    "official"})
# Heads of the other noun phrases looked at ("both sides", "the Cambodian side", "the
# Lao government", "the CPP delegation").
NOUN_PHRASE_HEADS = COLLECTIVE_NOUNS | PLURAL_HEADS | COUNTRY_HEADS
LEAD_VERBS = frozenset({"lead", "head"})
#: styles that, with nobody named with them before, stand for the royal named last
ROYAL_STYLES = frozenset({"Majesty", "Royal Highness"})

Add = Callable[..., None]


#: offices whose holders "the two leaders" refers to
LEADER_OFFICES = ("president", "prime minister", "premier", "chancellor", "general secretary",
                  "king", "sultan", "emperor", "chairman", "leader", "head of state")

#: plural heads that, before "of" and a list of states, stand for the states themselves
#: ("the governments of Iran and Armenia"; "the leaders of ..." are persons)
STATE_PLURALS = frozenset({"governments", "people", "authorities", "nations"})
#: dependencies of a bare title standing for a person ("Prime Minister thanked ...")
BARE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative"})


def _quoted(toks: tuple[Token, ...], i: int) -> bool:
    """True when token ``i`` sits inside a quotation of its sentence."""
    marks = sum(1 for t in toks[:i] if t.text in {'"', "“", "”"})
    return marks % 2 == 1


def np_start(toks: tuple[Token, ...], head: int) -> int | None:
    """Index of the determiner or possessor opening the noun phrase headed by ``head``."""
    kids = [t for t in toks if t.head == head and t.i < head]
    dets = [k.i for k in kids if k.dep in {"det", "poss", "predet"}
            or k.text.lower() in {"the", "both"}]
    if not dets:
        return None
    start = min(dets)
    if any(t.text in {",", ";"} for t in toks[start:head]):
        return None
    return start


def led_by(toks: tuple[Token, ...], head: int, state: Discourse) -> Entity | None:
    """The person in "... delegation ... led by X" (X already resolved as a mention)."""
    for i in range(head + 1, min(len(toks), head + 25)):
        if toks[i].lemma in LEAD_VERBS and i + 1 < len(toks) and toks[i + 1].text == "by":
            for p in reversed(state.persons):
                if p.text and any(p.text.startswith(t.text) for t in toks[i + 2:i + 9]
                                  if t.text[:1].isupper()):
                    return p
            return None
    return None


def leading(toks: tuple[Token, ...], head: int, state: Discourse) -> Entity | None:
    """The person in "X, who is leading a delegation", "X led a delegation" (X already
    resolved as a mention)."""
    verb = toks[toks[head].head]
    if toks[head].dep != "dobj" or verb.lemma not in LEAD_VERBS:
        return None
    subj = [t for t in toks if t.head == verb.i and t.dep == "nsubj"]
    if subj and subj[0].pos == "PRON" and verb.dep == "relcl" and verb.head != verb.i:
        subj = [toks[verb.head]]   # "X, who is leading ..."
    for s in subj:
        for p in reversed(state.persons):
            if p.text and s.text in p.text.split():
                return p
    return None


class References(RoleResolver):
    """Resolution of references for one :class:`~comity.actors.resolve.ActorStage`."""

    def __init__(self, stage: ActorStage) -> None:
        self.stage = stage
        self.role_heads = ROLE_HEADS | {e.key[-1] for e in stage.titles.entries
                                        if e.kind == "role" and e.key}

    def resolve(self, toks: tuple[Token, ...], covered: list[bool], day: dt.date | None,
                state: Discourse, host_country: str | None, add: Add) -> None:
        """Add the references of one sentence."""
        for t in toks:
            if covered[t.i]:
                continue
            state.cutoff = t.i
            low = t.text.lower()
            if t.pos == "PRON" and low in {"i", "we", "me"} and state.author is not None \
                    and not _quoted(toks, t.i):
                add(t.i, t.i + 1, retext(state.author, t.text), "coref")  # a signed release
                continue
            if t.pos == "PRON" and low in PRONOUNS and t.dep in SUBJECT_DEPS:
                prev = state.last(gender=PRONOUNS[low], subject=True)
                if prev is not None:
                    add(t.i, t.i + 1, retext(prev, t.text), "coref")
                continue
            if t.dep in SUBJECT_DEPS and (low == "they" and t.pos == "PRON" or (
                    # "The two agreed", "Both agreed", "The pair signed": a subject of its own
                    low in {"two", "both", "pair"} and (low != "two" or t.i > 0 and toks[
                        t.i - 1].text.lower() == "the") and not any(
                        c.head == t.i and c.dep in {"prep", "compound"} for c in toks))):
                pair = state.pair()
                start = t.i - 1 if t.i > 0 and toks[t.i - 1].text.lower() == "the" \
                    and not covered[t.i - 1] else t.i
                if pair is not None:
                    add(start, t.i + 1, collective(pair, join_tokens(toks[start:t.i + 1])),
                        "collective", members=pair)
                continue
            styled = self._style(toks, t.i, covered, state)
            if styled is not None:
                entity, n = styled
                add(t.i, t.i + n, retext(entity, join_tokens(toks[t.i:t.i + n])), "coref")
                continue
            if t.pos not in {"NOUN", "PROPN"}:
                continue
            left = np_start(toks, t.i)
            if left is None:
                head = self._bare_title(toks, t.i, covered)
                if head is not None:   # "Prime Minister thanked President Lula"
                    self._noun_phrase(toks, t.i, head, day, state, host_country, add,
                                      bare=True)
                continue
            if any(covered[left:t.i + 1]):
                continue
            self._noun_phrase(toks, left, t.i, day, state, host_country, add)
        state.cutoff = None

    def _bare_title(self, toks: tuple[Token, ...], i: int, covered: list[bool]
                    ) -> int | None:
        """Head of a head-of-state or -government title used with no name and no
        determiner, as government releases write it ("Prime Minister, who arrived ...",
        "conferred on Prime Minister the Grand Collar"), starting at ``i``."""
        hit = self.stage.titles.match_at([t.text for t in toks], i, frozenset({"title"}))
        if hit is None or hit[0].office not in HEAD_OFFICES or not toks[i].text[:1].isupper():
            return None
        head = i + hit[1] - 1
        if any(covered[i:head + 1]) or toks[head].dep not in BARE_DEPS:
            return None
        if any(t.head == head and t.i < i for t in toks) or (
                i > 0 and toks[i - 1].text[:1].isupper() and toks[i - 1].text != "\""):
            return None   # "Indian Prime Minister": a modifier, or a name's title
        nxt = toks[head + 1] if head + 1 < len(toks) else None
        if nxt is not None and (nxt.text in {"'s", "’s"} or nxt.pos == "PROPN"):
            return None
        return head

    def _style(self, toks: tuple[Token, ...], i: int, covered: list[bool],
               state: Discourse) -> tuple[Entity, int] | None:
        """The person a style used alone refers to ("His Highness received President
        Ruto": the one named "His Highness Sheikh X" before; "His Majesty": else the royal
        named last), with the length of the style."""
        found = self.stage.titles.style_at([t.text for t in toks], i)
        if found is None:
            return None
        style, n = found
        end = i + n
        if any(covered[i:end]) or (end < len(toks) and toks[end].text[:1].isupper()
                                   and toks[end].pos == "PROPN"):
            return None   # a style before a name is part of that name's title
        entity = state.styles.get(style)
        if entity is None and style in ROYAL_STYLES:
            entity = state.last(sector="ROY")
        return (entity, n) if entity is not None and state.known(entity) else None

    # ------------------------------------------------------------------ noun phrases
    def _noun_phrase(self, toks: tuple[Token, ...], left: int, head: int,
                     day: dt.date | None, state: Discourse, host_country: str | None,
                     add: Add, bare: bool = False) -> None:
        kb = self.stage.kb
        det = "the" if bare else fold(toks[left].text)
        body_start = left if bare else left + 1
        country: str | None = None
        if bare:
            pass
        elif det in {"a", "an"} and fold(toks[head].text) in {"delegation", "delegations"}:
            pass
        elif det not in DETERMINERS:   # "Indonesia's foreign minister"
            k = next((i for i in range(left, head) if toks[i].text in {"'s", "’s"}), None)
            owner = kb.country(" ".join(t.text for t in toks[left:k])) if k else None
            if k is None or owner is None:
                return
            country, body_start, det = owner.iso3, k + 1, "'s"
        head_word = fold(toks[head].text)
        if head_word not in self.role_heads and head_word not in \
                self.stage.titles.office_heads and head_word not in NOUN_PHRASE_HEADS:
            return
        end = head + 1
        if end + 1 < len(toks) and toks[end].text.lower() == "of" and \
                head_word in STATE_PLURALS:
            states, stop = self._countries_at(toks, end + 1)
            if len(states) >= 2:   # "the governments of Iran and Armenia"
                text = join_tokens(toks[left:stop])
                members = tuple(self.stage.country_entity(c, c.name) for c in states)
                add(left, stop, collective(members, text), "collective", members=members)
                return
        if end + 1 < len(toks) and toks[end].text.lower() == "of":
            body = " ".join(t.text for t in toks[body_start:end])
            longer = f"{body} of {toks[end + 1].text}"
            after = kb.country(toks[end + 1].text)
            if self.stage.titles.offices(longer) != self.stage.titles.offices(body) or after:
                country = country or (after.iso3 if after else None)
                end += 2
        words = [fold(t.text) for t in toks[body_start:head + 1]]
        if not words or any(w in {"three", "four", "five", "all"} for w in words):
            return
        text = " ".join(t.text for t in toks[left:end])
        info = self.stage.analyse(" ".join(t.text for t in toks[body_start:end]))
        country = country or info.country
        numbered = det == "both" or "two" in words
        state_country = kb.countries.get(country) if country else None
        if head_word in COUNTRY_HEADS and state_country is not None:
            add(left, end, self.stage.country_entity(state_country, text), "country")
            return
        if head_word in {"side", "sides"} and not numbered:
            if state_country is not None:
                add(left, end, self.stage.country_entity(state_country, text), "country")
            return
        if numbered and head_word in COLLECTIVE_NOUNS:
            self._pair(left, end, head_word, text, state, add,
                       [w for w in words[:-1] if w not in NEUTRAL])
            return
        if head_word in {"delegation", "delegations"}:
            self._delegation(toks, left, head, text, country, state, add)
            return
        if head_word in PLURAL_HEADS:
            if state_country is not None:   # "the Vietnamese leaders"
                add(left, end, self.stage.country_entity(state_country, text), "country")
            elif det in {"the", "their"} and len(words) == 1 and head_word in {
                    "leaders", "ministers", "presidents", "premiers", "heads"}:
                self._pair(left, end, head_word, text, state, add)  # "the leaders agreed"
            return
        if head_word not in self.role_heads and head_word not in \
                self.stage.titles.office_heads:
            return
        entity = self._role(words, head_word, info, country, det, day, state, host_country,
                            text, self._verb_subject(toks, head, state))
        if entity is not None:
            how = "country" if entity.kind == "country" else "coref"
            add(left, end, retext(entity, text), how)

    def _countries_at(self, toks: tuple[Token, ...], i: int) -> tuple[list[Country], int]:
        """The countries listed from token ``i`` ("Iran and Armenia", "the Philippines,
        Japan and the United States") and the end of the list."""
        out: list[Country] = []
        end = i
        while i < len(toks):
            k = i + (toks[i].text.lower() == "the")
            n = next((n for n in range(min(4, len(toks) - k), 0, -1)
                      if toks[k + n - 1].text[:1].isalnum()
                      and self.stage.kb.country(join_tokens(toks[k:k + n])) is not None), 0)
            found = self.stage.kb.country(join_tokens(toks[k:k + n])) if n else None
            if found is None:
                break
            out.append(found)
            end = k + n
            if end < len(toks) and toks[end].text in {",", "and"}:
                i = end + 1 + (toks[end].text == "," and end + 1 < len(toks)
                               and toks[end + 1].text == "and")
            else:
                break
        return out, end

    @staticmethod
    def _verb_subject(toks: tuple[Token, ...], head: int, state: Discourse) -> Entity | None:
        """The person named as the subject of the verb whose object is token ``head``, or
        as the object of the verb whose subject it is ("the President will host President
        Ruto": not Ruto)."""
        top = toks[head]
        while top.dep == "conj" and top.head != top.i:  # "the First Lady and the President"
            top = toks[top.head]
        if top.dep == "nsubj" and top.head != top.i:
            obj = [t.i for t in toks if t.head == top.head and t.dep == "dobj"
                   and t.pos == "PROPN"]
            return state.person_at(obj[0]) if obj else None
        if toks[head].dep != "dobj":
            return None
        subj = [t.i for t in toks if t.head == toks[head].head and t.dep == "nsubj"]
        return state.named_at(subj[0]) if subj else None

    def _pair(self, left: int, end: int, head_word: str, text: str, state: Discourse,
              add: Add, modifiers: list[str] | None = None) -> None:
        role = head_word.removesuffix("s")
        pair: tuple[Entity, ...] | None = None
        offices = self.stage.offices
        named = offices.offices(" ".join([*(modifiers or []), role])) if modifiers else ()
        if named and self.stage.titles.offices(" ".join(named)):   # "the two prime ministers"
            pair = state.pair(lambda p: bool(set(named) & set(offices.offices(p.title))))
        if pair is None and role in self.stage.titles.office_heads:   # "the two ministers"
            pair = state.pair(lambda p: role in fold(p.title or ""))
        if pair is None and role in {"leader", "head", "chief"}:  # "the two leaders"
            pair = state.pair(lambda p: any(w in fold(p.title or "") for w in LEADER_OFFICES))
        pair = pair or state.pair()
        if pair is None:
            return
        kb = self.stage.kb
        if head_word == "sides":
            countries = [kb.countries[p.country] for p in pair if p.country in kb.countries]
            if len(countries) == 2 and countries[0] != countries[1]:
                pair = tuple(self.stage.country_entity(c, text) for c in countries)
        add(left, end, collective(pair, text), "collective", members=pair)

    def _delegation(self, toks: tuple[Token, ...], left: int, head: int, text: str,
                    country: str | None, state: Discourse, add: Add) -> None:
        kb = self.stage.kb
        leader = led_by(toks, head, state) or leading(toks, head, state)
        org = self._org_in(toks, left, head)
        if country is None:   # "a delegation from Thua Thien Hue province"
            country = self._from_place(toks, head)
        last = state.delegations.get("")   # the delegation whose leader was named last
        if leader is not None:
            if org is not None:
                state.delegations[org.id] = leader
            state.delegations[""] = leader
            add(left, head + 1, leader, "collective", leader=leader)
        elif org is not None and org.id in state.delegations:
            add(left, head + 1, state.delegations[org.id], "collective")
        elif org is None and fold(toks[left].text) == "the" and last is not None and (
                country is None or last.country in {None, country}):
            add(left, head + 1, retext(last, text), "collective")   # "the Hainan delegation"
        elif country is not None and country in kb.countries:
            add(left, head + 1, self.stage.country_entity(kb.countries[country], text),
                "country")

    def _from_place(self, toks: tuple[Token, ...], head: int) -> str | None:
        if head + 2 >= len(toks) or toks[head + 1].text.lower() != "from":
            return None
        j = head + 2
        while j < len(toks) and toks[j].text[:1].isupper():
            j += 1
        name = " ".join(t.text for t in toks[head + 2:j])
        if not name:
            return None
        found = self.stage.kb.country(name)
        return found.iso3 if found is not None else self.stage.place_country(name)

    def _org_in(self, toks: tuple[Token, ...], left: int, head: int) -> Organisation | None:
        kb = self.stage.kb
        for n in range(head - left + 1, 0, -1):
            for i in range(left, head + 2 - n):
                for entry in kb.lookup(" ".join(t.text for t in toks[i:i + n])):
                    if isinstance(entry, Organisation):
                        return entry
        # "a delegation of the Cambodian People's Party (CPP)"
        for t in toks[head + 1:head + 12]:
            for entry in kb.lookup(t.text):
                if isinstance(entry, Organisation):
                    return entry
        return None

    # ------------------------------------------------------------------ roles
