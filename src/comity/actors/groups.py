"""Organisations, countries and groups in a sentence: the recogniser's organisation,
country and nationality spans, capitals standing for their government ("Phnom Penh values
the partnership with Bangkok"), and a demonym before a collective noun ("Malaysian
police", "Cambodian troops")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from comity.actors.discourse import SUBJECT_DEPS
from comity.actors.kb import Country, Organisation
from comity.actors.names import BREAKS
from comity.model import Token
from comity.textnorm import fold

if TYPE_CHECKING:
    from comity.actors.resolve import ActorStage

# A capital stands for its country as subject or after these prepositions ("Phnom Penh
# values ...", "talks with Bangkok", "on behalf of Jakarta"), not as a location.
METONYMY_PREPS = frozenset({"with", "against", "by", "of", "between", "from"})
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})


def join_tokens(toks: tuple[Token, ...]) -> str:
    """Tokens as written (no space where the text had none: "Sung-ho", "Hun Sen's")."""
    out = ""
    for i, t in enumerate(toks):
        if i and toks[i - 1].end != t.start:
            out += " "
        out += t.text
    return out


def span_head(toks: tuple[Token, ...], start: int, end: int) -> int:
    """The token of ``start:end`` whose head lies outside it."""
    for i in range(start, end):
        if not start <= toks[i].head < end or toks[i].head == i:
            return i
    return end - 1


class Groups:
    """Group actors for one :class:`~comity.actors.resolve.ActorStage`."""

    def __init__(self, stage: ActorStage) -> None:
        self.stage = stage

    def modifies_title(self, toks: tuple[Token, ...], start: int, end: int) -> bool:
        """True when the span only qualifies a title ("the Cambodian Senate President",
        "Vietnam's State President"): the title is the actor, not the span."""
        head = span_head(toks, start, end)
        up = toks[head].head
        if up < end or toks[head].dep not in MODIFIER_DEPS:
            return False
        word = toks[up]
        return (fold(word.text) in self.stage.titles.office_heads
                or fold(word.text) in self.stage.references.role_heads)

    def span(self, toks: tuple[Token, ...], start: int, end: int, kb_id: str, label: str,
             add: Callable[..., None], host: str | None = None) -> None:
        """Resolve a recogniser span labelled GPE, ORG or NORP (``kb_id`` from the
        knowledge-base ruler, if any); a name several organisations share ("Foreign
        Office") is the one of the ``host`` country when there is one."""
        if toks[start].text.lower() == "the":
            start += 1
        if start >= end or self.modifies_title(toks, start, end):
            return
        text = join_tokens(toks[start:end])
        if kb_id.startswith("kb:country/"):
            country = self.stage.kb.countries.get(kb_id.removeprefix("kb:country/"))
            if country is not None:
                add(start, end, self.stage.country_entity(country, text), "country")
            return
        if kb_id.startswith("kb:org/"):
            org = self.stage.kb.organisations.get(kb_id.removeprefix("kb:org/"))
            local = [e for e in self.stage.kb.lookup(text)
                     if isinstance(e, Organisation) and host and e.country == host]
            if org is not None and local and org.country != host:
                org = local[0]
            if org is not None:
                add(start, end, self.stage.org_entity(org, text), "organisation")
            return
        for entry in self.stage.kb.lookup(text):
            if isinstance(entry, Organisation):
                add(start, end, self.stage.org_entity(entry, text), "organisation")
                return
            if isinstance(entry, Country):
                add(start, end, self.stage.country_entity(entry, text), "country")
                return
        capital = self.stage.capital(text) if label in {"GPE", "ORG"} else None
        if capital is not None and self._metonymic(toks, start, end):
            add(start, end, self.stage.country_entity(capital, text), "country")

    def _metonymic(self, toks: tuple[Token, ...], start: int, end: int) -> bool:
        """True when a capital stands for its government, not for a location."""
        if start == 0 and end < len(toks) and (toks[end].text in BREAKS
                                               or toks[end].text in {"-", "--"}):
            return False   # a dateline
        if all(t.text.isupper() for t in toks[start:end]):
            return False
        head = toks[span_head(toks, start, end)]
        if head.dep in SUBJECT_DEPS:
            return True
        if head.dep == "pobj":
            prep = toks[head.head]
            low = prep.text.lower()
            if low == "of":
                return prep.i > 0 and toks[prep.i - 1].text.lower() == "behalf"
            return low in METONYMY_PREPS
        return False

    def nouns(self, toks: tuple[Token, ...], covered: list[bool],
              add: Callable[..., None]) -> None:
        """A demonym or country before a collective noun stands for the country
        ("Malaysian police", "Cambodian troops", "Japanese and Philippine ships")."""
        for t in toks:
            entry = self.stage.titles.group(t.text)
            if entry is None or covered[t.i]:
                continue
            mods = [c for c in toks if c.head == t.i and c.i < t.i and c.dep in MODIFIER_DEPS]
            mods += [c for c in toks if c.dep == "conj" and any(c.head == m.i for m in mods)]
            for m in sorted(mods, key=lambda x: x.i):
                if covered[m.i]:
                    continue
                country = self.stage.kb.demonym(m.text) or self.stage.kb.country(m.text)
                if country is None:
                    continue
                between = toks[m.i + 1:t.i]
                end = t.i + 1 if all(x.head in {t.i, *(y.i for y in between)}
                                     and x.dep in MODIFIER_DEPS and not covered[x.i]
                                     for x in between) else m.i + 1
                entity = self.stage.country_entity(country, join_tokens(toks[m.i:end]),
                                                   entry.sector)
                add(m.i, end, entity, "country")
