"""The title grammar (data/titles.tsv): titles, honorifics, role nouns, institution words
and collective nouns, and the analysis of a title phrase ("Thai Prime Minister", "Honorary
President of the Cambodian People's Party (CPP)") into country, sector and office."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path

from comity.actors.kb import SECTORS, KnowledgeBase, Organisation
from comity.datafile import tsv_rows
from comity.errors import DataFileError
from comity.textnorm import fold

TITLES_VERSION = "1"
# title: an office; honorific: stripped, may give a sector; role: a role noun usable in
# references ("the Party chief"); body: an institution word inside a title ("People's
# Committee", "province"); group: a collective noun standing for its country ("police",
# "troops", "embassy": "Malaysian police" -> Malaysia).
KINDS = frozenset({"title", "honorific", "role", "body", "group"})
NAME_KINDS = frozenset({"title", "honorific", "role", "body"})
# Words inside titles that do not make a word a title word ("Minister of Foreign Affairs").
FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "to", "on", "in", "a", "an", "at"})
_WORD = re.compile(r"[\w.'\u2019-]+")
PlaceCountry = Callable[[str], "str | None"]
_CACHE_SIZE = 100_000


def word_key(word: str) -> str:
    """Matching key of one word: folded, full stops removed ("Lt." -> "lt", "H.E." -> "he")."""
    return fold(word).replace(".", "")


@dataclass(frozen=True)
class TitleEntry:
    """One entry of the title grammar."""

    phrase: str
    kind: str
    sector: str | None
    office: str | None

    @property
    def key(self) -> tuple[str, ...]:
        """Matching keys of the words of the phrase."""
        return tuple(k for k in (word_key(w) for w in _WORD.findall(self.phrase)) if k)


@dataclass(frozen=True)
class TitleInfo:
    """What a title phrase says about a person."""

    office: str | None = None
    sector: str | None = None
    country: str | None = None
    organisation: str | None = None
    text: str = ""

    def merged(self, other: TitleInfo | None) -> TitleInfo:
        """This information, with the gaps filled from ``other``."""
        if other is None:
            return self
        return TitleInfo(office=self.office or other.office,
                         sector=self.sector or other.sector,
                         country=self.country or other.country,
                         organisation=self.organisation or other.organisation,
                         text=self.text or other.text)


@dataclass
class TitleGrammar:
    """Loaded title grammar with a longest-match index over word keys."""

    entries: list[TitleEntry] = field(default_factory=list)
    _index: dict[tuple[str, ...], TitleEntry] = field(default_factory=dict)
    max_len: int = 1
    _keys: dict[str, str] = field(default_factory=dict, repr=False)

    def key(self, word: str) -> str:
        """:func:`word_key` of ``word``, remembered (a bounded cache of words seen)."""
        found = self._keys.get(word)
        if found is None:
            if len(self._keys) > _CACHE_SIZE:
                self._keys.clear()
            found = self._keys[word] = word_key(word)
        return found

    def match_at(self, words: Sequence[str], i: int,
                 kinds: frozenset[str] = KINDS) -> tuple[TitleEntry, int] | None:
        """Longest entry of one of ``kinds`` matching the words (as written, one a token)
        starting at ``i``, with the number of words it spans. Lone full stops ("Lt", ".",
        "Gen.") are skipped inside a match."""
        if i >= len(words) or self.key(words[i]) not in self._starts:
            return None
        keys: list[str] = []
        ends: list[int] = []
        j = i
        while j < len(words) and len(keys) < self.max_len:
            if words[j] == "." and keys:
                j += 1
                continue
            key = self.key(words[j])
            if keys and key in {"'s", "-"}:   # "People", "'s" / "Vice", "-", "Minister"
                if key == "-" and j + 1 < len(words):
                    key += self.key(words[j + 1])
                    j += 1
                keys[-1] += key
                ends[-1] = j + 1
                j += 1
                continue
            if not key:
                break
            keys.append(key)
            ends.append(j + 1)
            j += 1
        for n in range(len(keys), 0, -1):
            entry = self._index.get(tuple(keys[:n]))
            if entry is not None and entry.kind in kinds:
                return entry, ends[n - 1] - i
        return None

    def styles_in(self, words: Sequence[str], start: int, end: int) -> list[str]:
        """The styles of the honorifics among ``words[start:end]`` ("President His Highness
        Sheikh" -> ["Highness"])."""
        out: list[str] = []
        i = start
        while i < end:
            hit = self.match_at(words, i)
            if hit is None:
                i += 1
                continue
            entry, n = hit
            if entry.kind == "honorific" and entry.office and i + n <= end:
                out.append(entry.office)
            i += n
        return out

    def style_at(self, words: Sequence[str], i: int) -> tuple[str, int] | None:
        """The style of an honorific used alone as a reference at ``i`` ("His Highness
        received ...", "H.H. accepted ..."), with its length: an honorific with a style that
        opens with a possessive or is an abbreviation; not "Your Excellency"."""
        hit = self.match_at(words, i, frozenset({"honorific"}))
        if hit is None:
            return None
        entry, n = hit
        first = self.key(words[i])
        if entry.office and (first in {"his", "her"}
                             or n == 1 and (words[i].isupper() or "." in words[i])):
            return entry.office, n
        return None

    def is_title_word(self, word: str) -> bool:
        """True when ``word`` (or its singular) is part of some title, honorific, role or
        institution word."""
        return _in(self.key(word), self._words)

    def breaks_name(self, word: str) -> bool:
        """True when ``word`` cannot be part of a person's name: a word of an office, role
        or institution ("Minister", "Trade", "Committee") or a one-word honorific ("Mr",
        "Samdech"). Words found only inside longer honorifics ("Tan" of "Tan Sri", "Yang")
        can be names."""
        return _in(self.key(word), self._breaking)

    def group(self, word: str) -> TitleEntry | None:
        """The collective-noun entry for ``word`` ("police", "troops"), if any."""
        entry = self._index.get((self.key(word),))
        return entry if entry is not None and entry.kind == "group" else None

    def title_ends_at(self, words: Sequence[str], end: int, skippable: Sequence[bool]
                      ) -> bool:
        """True when a title, honorific, role or institution phrase ends at ``end``, or
        before it with only title words and ``skippable`` words (connectors, known
        places) in between ("Minister for Trade | Tim Ayres", "Ambassador to Myanmar |
        Ma Jia")."""
        for k in range(end - 1, max(-1, end - 3 * self.max_len), -1):
            if words[k] in {",", ";", ":", "(", ")"}:
                return False
            hit = self.match_at(words, k, NAME_KINDS)
            if hit is None or k + hit[1] > end:
                continue
            return all(skippable[i] or self.is_title_word(words[i])
                       for i in range(k + hit[1], end))
        return False

    @cached_property
    def office_heads(self) -> frozenset[str]:
        """Head nouns of office titles ("minister" of "Minister of Foreign Affairs",
        "president", "king", "diplomat")."""
        heads = set()
        for e in self.entries:
            if e.kind != "title" or not e.key:
                continue
            cut = next((i for i, w in enumerate(e.key) if w in {"of", "for"}), len(e.key))
            heads.add(e.key[max(cut - 1, 0)])
        return frozenset(heads)

    @cached_property
    def _starts(self) -> frozenset[str]:
        """First words of the entries (a match can start only at one of them)."""
        return frozenset(k[0].split("-")[0].removesuffix("'s") for k in self._index)

    @cached_property
    def _words(self) -> frozenset[str]:
        return frozenset(part for k, e in self._index.items() if e.kind in NAME_KINDS
                         for w in k for part in _parts(w))

    @cached_property
    def _breaking(self) -> frozenset[str]:
        return frozenset(part for k, e in self._index.items()
                         if e.kind in {"title", "role", "body"} or len(k) == 1 and
                         e.kind == "honorific" for w in k for part in _parts(w))

    def offices(self, text: str) -> tuple[str, ...]:
        """Every office named in ``text`` ("Deputy Prime Minister and Minister of Foreign
        Affairs" -> Deputy Prime Minister, Foreign Minister)."""
        out: list[str] = []
        for entry in self.entries_in(text):
            if entry.kind in {"title", "role"} and entry.office and entry.office not in out:
                out.append(entry.office)
        return tuple(out)

    def entries_in(self, text: str) -> Iterator[TitleEntry]:
        """The grammar entries found in ``text``, left to right, longest match first."""
        words = _WORD.findall(text)
        i = 0
        while i < len(words):
            found = self.match_at(words, i)
            if found is None:
                i += 1
                continue
            entry, n = found
            yield entry
            i += n

    def analyse(self, text: str, kb: KnowledgeBase,
                place_country: PlaceCountry | None = None) -> TitleInfo:
        """Office, sector, country and organisation named in a title phrase."""
        office: str | None = None
        sector: str | None = None
        for entry in self.entries_in(text):
            if entry.kind in {"title", "role"} and entry.office and office is None:
                office, sector = entry.office, entry.sector
            elif entry.kind == "honorific" and sector is None and entry.sector:
                sector = entry.sector
        country, org = _country_and_org(text, kb, place_country)
        if org is not None and org.sector and org.sector != "GOV":
            sector = org.sector if sector in (None, "GOV") else sector
        return TitleInfo(office=office, sector=sector, country=country,
                         organisation=org.id if org else None, text=text.strip())


def _parts(word_key_: str) -> list[str]:
    """A key word and its hyphen-separated parts, without function words."""
    parts = [word_key_, *word_key_.replace("'s", "").split("-")]
    return [p for p in parts if p and p not in FUNCTION_WORDS]


def _in(key: str, words: frozenset[str]) -> bool:
    return key in words or (len(key) > 3 and key.endswith("s") and key[:-1] in words)


def _country_and_org(text: str, kb: KnowledgeBase, place_country: PlaceCountry | None
                     ) -> tuple[str | None, Organisation | None]:
    """The first organisation (by longest alias) and the country named in ``text``; a
    country or organisation after "to" ("Ambassador to Japan") is the receiving side and
    is not taken; a place (province, city) gives its country when nothing else does."""
    raw = _WORD.findall(text.replace("(", " ").replace(")", " "))
    words = [w.strip(".'\u2019") for w in raw]
    org: Organisation | None = None
    country: str | None = None
    place: str | None = None

    def receiving(i: int) -> bool:  # "to Japan", "to the Lao PDR"
        k = i - 1 if i > 0 and words[i - 1].lower() != "the" else i - 2
        return k >= 0 and words[k].lower() == "to"

    for n in range(min(8, len(words)), 0, -1):
        for i in range(0, len(words) - n + 1):
            if receiving(i):
                continue
            phrase = " ".join(words[i:i + n])
            for entry in kb.lookup(phrase):
                if isinstance(entry, Organisation) and org is None:
                    org = entry
            if country is None and n <= 4:
                c = kb.country(phrase)
                if c is not None:
                    country = c.iso3
            if (place is None and place_country is not None and n <= 4
                    and phrase[:1].isupper() and all(w[:1].isupper() for w in words[i:i + n])):
                place = place_country(phrase)
        if org is not None:
            break
    for i, w in enumerate(words):
        if country is None and not receiving(i):
            c = kb.country(w)
            country = c.iso3 if c is not None else None
    if org is not None and org.country and len(org.country) == 3 and org.country.isalpha():
        country = country or org.country
        if org.country in kb.countries:
            country = org.country
    return country or place, org


def bundled_titles_path() -> Path:
    """Path of the title grammar shipped with Comity."""
    return Path(str(resources.files("comity") / "data" / "titles.tsv"))


def load_titles(path: Path | None = None) -> TitleGrammar:
    """Load and validate a title grammar file (default: the bundled one)."""
    path = path or bundled_titles_path()
    grammar = TitleGrammar()
    for lineno, cols in tsv_rows(path, "titles", TITLES_VERSION,
                                 ("phrase", "kind", "sector", "office")):
        if not cols[0]:
            raise DataFileError("empty phrase", path, lineno)
        phrase, kind, sector, office = cols
        if kind not in KINDS:
            raise DataFileError(f"kind must be one of {sorted(KINDS)}", path, lineno)
        if sector != "-" and sector not in SECTORS:
            raise DataFileError(f"unknown sector {sector!r}", path, lineno)
        entry = TitleEntry(phrase=phrase, kind=kind, sector=None if sector == "-" else sector,
                           office=None if office == "-" else office)
        if not entry.key:
            raise DataFileError(f"phrase {phrase!r} has no words", path, lineno)
        grammar.entries.append(entry)
        grammar._index.setdefault(entry.key, entry)
        grammar.max_len = max(grammar.max_len, len(entry.key))
    return grammar
