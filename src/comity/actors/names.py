"""Person names in a parsed sentence, independent of the statistical recogniser's labels.

A *name run* is a stretch of capitalised words that are not title words ("Chan Vichet",
"Da Nang Trần Văn Hải"). A run right after a title ("Governor of Siem Reap province Chan
Vichet", "Deputy Foreign Minister Đỗ Hùng Việt") is a person even where the recogniser saw
none or labelled it a place; a leading place or country is cut off ("Da Nang | Trần Văn
Hải"); a run directly followed by a title word is a modifier of that title ("Kien Giang
party secretary"), not a person.
"""

from __future__ import annotations

from collections.abc import Callable

from comity.actors.titles import TitleGrammar
from comity.model import Token

NAME_PARTICLES = frozenset({"bin", "binti", "van", "de", "von", "al", "der", "da", "dos",
                            "del", "ibn", "bt", "bte"})
_NOT_NAME_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PRON", "AUX", "PUNCT", "NUM",
                           "PART", "SYM", "VERB"})
CONNECTORS = frozenset({"of", "the", "for", "to", "and", "on", "-", "'s", "’s"})
COMPLEMENT = frozenset({"of", "for", "the", "and", "from", "in", "to"})
BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")", "--", '"', "“", "”"})
# Letters used only in Vietnamese (Latin Extended Additional U+1EA0-U+1EF9, and ơ, ư).
_VIETNAMESE_EXTRA = frozenset("ƠơƯư")

KnownPhrase = Callable[[str], bool]
BODY = frozenset({"body"})


def is_vietnamese(name: str) -> bool:
    """True when ``name`` is written with letters only Vietnamese uses ("Đỗ Thanh Bình")."""
    return any("\u1ea0" <= ch <= "\u1ef9" or ch in _VIETNAMESE_EXTRA for ch in name)


def adjacent(a: Token, b: Token) -> bool:
    """True when no space separates ``a`` and ``b`` ("Sung", "-", "ho")."""
    return a.end == b.start


class NameFinder:
    """Name runs of a sentence, given the title grammar and what counts as a known
    non-person phrase (a place, country, demonym or organisation)."""

    def __init__(self, titles: TitleGrammar, is_known_place: KnownPhrase,
                 is_country_or_org: KnownPhrase) -> None:
        self.titles = titles
        self.is_known_place = is_known_place
        self.is_country_or_org = is_country_or_org

    def name_word(self, tok: Token, all_caps: bool) -> bool:
        """True when ``tok`` can be part of a person's name."""
        text = tok.text
        if not text[:1].isupper() or self.titles.breaks_name(text):
            return False
        if tok.pos in _NOT_NAME_POS and not tok.ent_type == "PERSON":
            return False
        return all_caps or not (text.isupper() and len(text) > 1)

    def runs(self, toks: tuple[Token, ...], blocked: list[bool]) -> list[tuple[int, int]]:
        """Maximal name runs, not crossing ``blocked`` tokens (knowledge-base names)."""
        letters = [t.text for t in toks if t.text[:1].isalpha()]
        all_caps = bool(letters) and sum(w.isupper() for w in letters) > 0.8 * len(letters)
        ok = [self.name_word(t, all_caps) for t in toks]
        for i in range(len(toks)):   # "KAMIKAWA Yoko" (family name in capitals)
            if not ok[i] and self._capitals_name(toks, ok, i):
                ok[i] = True
        for i in range(len(toks) - 1):   # "KP Sharma Oli" (initials run together)
            if not ok[i] and ok[i + 1] and self._initials(toks, i):
                ok[i] = True
        out: list[tuple[int, int]] = []
        i = 0
        while i < len(toks):
            if blocked[i] or not ok[i]:
                i += 1
                continue
            j = i + 1
            while j < len(toks) and not blocked[j]:
                t = toks[j]
                if ok[j] or (t.text.lower() in NAME_PARTICLES and j + 1 < len(toks)
                             and ok[j + 1]):
                    j += 1
                elif (t.text == "-" and j + 1 < len(toks) and adjacent(toks[j - 1], t)
                      and adjacent(t, toks[j + 1]) and toks[j + 1].text[:1].isalpha()):
                    j += 2
                else:
                    break
            out.append((i, j))
            i = j
        return out

    def _capitals_name(self, toks: tuple[Token, ...], ok: list[bool], i: int) -> bool:
        """True when the capitalised word at ``i`` is a family name written in capitals
        next to a given name ("KAMIKAWA Yoko", "Yoko KAMIKAWA"), not an acronym."""
        text = toks[i].text
        if not (text.isupper() and text.isalpha() and len(text) >= 3) \
                or self.titles.breaks_name(text) or self.is_country_or_org(text):
            return False
        return any(0 <= j < len(toks) and ok[j] and toks[j].text[1:].islower()
                   and toks[j].text[1:].isalpha() for j in (i - 1, i + 1))

    def _initials(self, toks: tuple[Token, ...], i: int) -> bool:
        """True when the word at ``i`` is a person's initials written together before a
        name ("KP Sharma Oli", "MK Stalin"): two capitals, no acronym of a known country,
        organisation or title, followed by a capitalised word with lower-case letters."""
        text, nxt = toks[i].text, toks[i + 1].text
        return (len(text) == 2 and text.isupper() and text.isalpha()
                and toks[i].end < toks[i + 1].start and nxt[1:].islower()
                and not self.titles.breaks_name(text) and not self.is_country_or_org(text)
                and not self.is_known_place(text))

    def title_start(self, toks: tuple[Token, ...], start: int, stop: int) -> int:
        """First token of the title phrase right before ``start`` (``start`` if none);
        the walk does not go before ``stop``."""
        if start > stop and toks[start - 1].text.lower() in {"the", "a", "an"}:
            return start   # "conferred on Prime Minister the | Grand Collar"
        i = start
        while i > stop:
            prev = toks[i - 1]
            word = prev.text
            low = word.lower()
            if word in BREAKS:
                break
            if low == "and":
                if i - 2 < stop or not self.titles.is_title_word(toks[i - 2].text) \
                        or self._own_phrase(toks, i - 1, stop):
                    break
            elif low == "-":
                if i >= len(toks) or not adjacent(prev, toks[i]):
                    break
            elif low not in CONNECTORS and not self.titles.is_title_word(word) \
                    and not word[:1].isupper():
                break
            i -= 1
        while i < start and toks[i].text.lower() in CONNECTORS:
            i += 1
        return i

    def _own_phrase(self, toks: tuple[Token, ...], conj: int, stop: int) -> bool:
        """True when the title before the "and" at ``conj`` has its own determiner ("the
        Queen Mother and King X": two people, not one with two titles)."""
        j = conj
        while j > stop and (self.titles.is_title_word(toks[j - 1].text)
                            or toks[j - 1].text[:1].isupper()):
            j -= 1
        return j > stop and toks[j - 1].text.lower() in {"the", "a", "an"}

    def titled(self, toks: tuple[Token, ...], start: int, blocked: list[bool]) -> bool:
        """True when a title ends right before ``start``, possibly followed by a
        complement ("... Minister | Name", "... province | Name", "Governor of | Da Nang
        Trần Văn Hải", "Ambassador to Myanmar | Ma Jia"); ``blocked`` tokens
        (knowledge-base names) may be part of the complement."""
        if start > 0 and toks[start - 1].text.lower() in {"the", "a", "an"}:
            return False   # "conferred on Prime Minister the | Grand Collar"
        words = [t.text for t in toks]
        skippable = [blocked[i] or t.text.lower() in COMPLEMENT for i, t in enumerate(toks)]
        return start > 0 and self.titles.title_ends_at(words, start, skippable)

    def honorific_end(self, toks: tuple[Token, ...], start: int, end: int) -> int:
        """First token of the run ``start:end`` after a title or honorific that begins
        before it ("Samdech | Techo Hun Sen" -> "Hun Sen")."""
        words = [t.text for t in toks]
        for k in range(max(0, start - self.titles.max_len), start):
            hit = self.titles.match_at(words, k)
            if hit is not None and start < k + hit[1] < end:
                return k + hit[1]
        return start

    def person_part(self, toks: tuple[Token, ...], start: int, end: int) -> int:
        """Start of the person's name in the run ``start:end``, after a leading place,
        country or organisation ("Da Nang | Trần Văn Hải"); ``end`` when the whole run is
        such a phrase. A one-word place is cut only in a complement ("of Vientiane")."""
        whole = " ".join(t.text for t in toks[start:end])
        if self.is_country_or_org(whole) or self.is_known_place(whole):
            return end
        complement = start > 0 and toks[start - 1].text.lower() in COMPLEMENT
        for cut in range(end - 1, start, -1):
            prefix = " ".join(t.text for t in toks[start:cut])
            rest = [t for t in toks[cut:end] if t.text != "-"]
            if self.is_country_or_org(prefix) or (
                    (cut - start >= 2 or complement) and len(rest) >= 2
                    and self.is_known_place(prefix)):
                return cut
        return start

    def institution_after(self, toks: tuple[Token, ...], end: int) -> bool:
        """True when an institution word follows ("Preah Sihanouk | province", "Ho Chi
        Minh | City"): the name is part of a place or body."""
        words = [t.text for t in toks]
        return end < len(toks) and self.titles.match_at(words, end, BODY) is not None

    def modifier(self, toks: tuple[Token, ...], end: int) -> bool:
        """True when the run ending at ``end`` modifies a following title word
        ("Kien Giang | party secretary", "Cambodian Senate | President")."""
        return end < len(toks) and self.titles.is_title_word(toks[end].text) \
            and toks[end].text.lower() not in CONNECTORS
