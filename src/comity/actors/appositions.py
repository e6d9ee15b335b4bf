"""Titles around a name: the title written before a person's name, after it in
apposition ("Name, the newly appointed Ambassador of X to Y"), or as the leader of a
delegation ("a delegation led by Minister Name").

Mixed into :class:`comity.actors.resolve.ActorStage`.
"""

from __future__ import annotations

from collections.abc import Callable

from comity.actors.groups import join_tokens
from comity.actors.kb import KnowledgeBase
from comity.actors.names import BREAKS, NameFinder
from comity.actors.references import LEAD_VERBS
from comity.actors.titles import TitleGrammar, TitleInfo
from comity.model import Token

#: parts of speech of the modifiers between a determiner and a title ("the newly appointed")
MODIFIER_POS = frozenset({"ADJ", "ADV", "VERB"})
#: parts of speech opening a clause, not an apposition, after "X,"
CLAUSE_OPENERS = frozenset({"SCONJ", "CCONJ", "VERB", "AUX", "ADV"})


class TitledNames:
    """Title rules; needs ``kb``, ``titles``, ``names`` and ``analyse``."""

    kb: KnowledgeBase
    titles: TitleGrammar
    names: NameFinder
    analyse: Callable[[str], TitleInfo]

    def _apposition(self, toks: tuple[Token, ...], start: int) -> int | None:
        """Start of "the Mayor of Busan" in "the Mayor of Busan, Kim Sung-ho"."""
        if start < 3 or toks[start - 1].text != ",":
            return None
        t0 = self.names.title_start(toks, start - 1, 0)
        d = t0 - 1
        while d > 0 and t0 - d <= 3 and toks[d].pos in MODIFIER_POS and toks[d].dep in {
                "amod", "advmod", "compound"} and toks[d].text.islower():
            d -= 1   # "the newly appointed Ambassador of X, Y"
        if 0 <= d < t0 < start - 1 and toks[d].text.lower() in {"the", "a", "an"} and any(
                self.titles.is_title_word(t.text) for t in toks[t0:start - 1]):
            return d
        return None

    def _title_for(self, toks: tuple[Token, ...], start: int, end: int, stop: int
                   ) -> tuple[TitleInfo | None, int]:
        """Title information of the name ``start:end`` (before it, else in an apposition
        before or after it) and the first token of the title before it."""
        t0 = self.names.title_start(toks, start, stop)
        info: TitleInfo | None = None
        if t0 < start:
            info = self.analyse(" ".join(t.text for t in toks[t0:start]))
        else:
            app = self._apposition(toks, start)
            if app is not None and app >= stop:
                info = self.analyse(" ".join(t.text for t in toks[app + 1:start - 1]))
                t0 = app
        after = self._title_after(toks, end)
        info = info.merged(after) if info is not None else after
        led = self._delegation_title(toks, t0)
        info = info.merged(led) if info is not None else led
        if info is not None and not (info.office or info.country or info.sector):
            return None, t0
        return info, t0

    def _delegation_title(self, toks: tuple[Token, ...], start: int) -> TitleInfo | None:
        """What the delegation says of the person leading it ("a delegation of the
        Communist Party of China led by X" -> China)."""
        if start < 3 or toks[start - 1].text != "by" or toks[start - 2].lemma not in \
                LEAD_VERBS:
            return None
        i = start - 2
        while i > 0 and toks[i].lemma != "delegation" and toks[i].text not in BREAKS:
            i -= 1
        if toks[i].lemma != "delegation":
            return None
        j = i
        while j > 0 and toks[j - 1].text not in BREAKS and toks[j - 1].pos != "VERB":
            j -= 1
        info = self.analyse(" ".join(t.text for t in toks[j:start - 2]))
        return TitleInfo(country=info.country) if info.country else None

    def _title_after(self, toks: tuple[Token, ...], end: int) -> TitleInfo | None:
        """Apposition after a name: ``X, a member of ... and First Vice President of ...``;
        or the country after it: ``President X of Kenya``."""
        if end + 1 < len(toks) and toks[end].text == "of":
            k = end + 1 + (toks[end + 1].text.lower() == "the")
            n = next((n for n in range(min(4, len(toks) - k), 0, -1)
                      if toks[k + n - 1].text[:1].isalnum()
                      and self.kb.country(join_tokens(toks[k:k + n])) is not None), 0)
            country = self.kb.country(join_tokens(toks[k:k + n])) if n else None
            return TitleInfo(country=country.iso3) if country is not None else None
        if end >= len(toks) or toks[end].text != ",":
            return None
        if end + 1 < len(toks) and toks[end + 1].pos in CLAUSE_OPENERS:
            return None   # "X, while Lavrov was accompanied by Kremlin aide Y": a clause
        j = end + 1
        while j < len(toks) and toks[j].text not in {",", ";", "."} and toks[j].dep != "ROOT":
            j += 1
        text = " ".join(t.text for t in toks[end + 1:j])
        if end + 1 < len(toks) and toks[end + 1].pos == "ADP" and toks[end + 1].text.lower() \
                != "of":
            return None   # "X, at the Prime Minister's Office": a place, no apposition
        if not text or not any(self.titles.is_title_word(t.text) for t in toks[end + 1:j]):
            return None
        info = self.analyse(text)
        return info if info.office or info.country else None
