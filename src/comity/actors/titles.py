"""The title grammar (data/titles.tsv): titles, honorifics and role nouns, and the analysis
of a title phrase ("Thai Prime Minister", "Honorary President of the Cambodian People's
Party (CPP)") into country, sector and office."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from comity.actors.kb import SECTORS, KnowledgeBase, Organisation
from comity.datafile import tsv_rows
from comity.errors import DataFileError
from comity.textnorm import fold

TITLES_VERSION = "1"
KINDS = frozenset({"title", "honorific", "role"})
_WORD = re.compile(r"[\w.'\u2019-]+")


@dataclass(frozen=True)
class TitleEntry:
    """One entry of the title grammar."""

    phrase: str
    kind: str
    sector: str | None
    office: str | None

    @property
    def key(self) -> tuple[str, ...]:
        """Folded words of the phrase."""
        return tuple(fold(w) for w in _WORD.findall(self.phrase))


@dataclass(frozen=True)
class TitleInfo:
    """What a title phrase says about a person."""

    office: str | None = None
    sector: str | None = None
    country: str | None = None
    organisation: str | None = None
    text: str = ""


@dataclass
class TitleGrammar:
    """Loaded title grammar with a longest-match index over folded words."""

    entries: list[TitleEntry] = field(default_factory=list)
    _index: dict[tuple[str, ...], TitleEntry] = field(default_factory=dict)
    max_len: int = 1

    def match_at(self, words: list[str], i: int) -> TitleEntry | None:
        """Longest entry matching folded ``words`` starting at ``i``."""
        for n in range(min(self.max_len, len(words) - i), 0, -1):
            entry = self._index.get(tuple(words[i:i + n]))
            if entry is not None:
                return entry
        return None

    def is_title_word(self, word: str) -> bool:
        """True when ``word`` is part of some title or honorific."""
        return fold(word) in self._words

    @property
    def office_heads(self) -> frozenset[str]:
        """Last words of office titles ("minister", "president", "king")."""
        return frozenset(e.key[-1] for e in self.entries if e.kind == "title" and e.key)

    @property
    def _words(self) -> frozenset[str]:
        return frozenset(w for k in self._index for w in k)

    def analyse(self, text: str, kb: KnowledgeBase) -> TitleInfo:
        """Office, sector, country and organisation named in a title phrase."""
        words = [fold(w) for w in _WORD.findall(text)]
        office: str | None = None
        sector: str | None = None
        i = 0
        while i < len(words):
            entry = self.match_at(words, i)
            if entry is None:
                i += 1
                continue
            if entry.kind == "title" and office is None:
                office, sector = entry.office, entry.sector
            elif entry.kind == "honorific" and sector is None and entry.sector:
                sector = entry.sector
            i += len(entry.key)
        country, org = _country_and_org(text, kb)
        if org is not None and org.sector and org.sector != "GOV":
            sector = org.sector if sector in (None, "GOV") else sector
        return TitleInfo(office=office, sector=sector, country=country,
                         organisation=org.id if org else None, text=text.strip())


def _country_and_org(text: str, kb: KnowledgeBase) -> tuple[str | None, Organisation | None]:
    """The first organisation (by longest alias) and country named in ``text``."""
    raw = _WORD.findall(text.replace("(", " ").replace(")", " "))
    words = [w.strip(".'\u2019") for w in raw]
    org: Organisation | None = None
    country: str | None = None
    for n in range(min(8, len(words)), 0, -1):
        for i in range(0, len(words) - n + 1):
            phrase = " ".join(words[i:i + n])
            for entry in kb.lookup(phrase):
                if isinstance(entry, Organisation) and org is None:
                    org = entry
            if country is None and n <= 4:
                c = kb.country(phrase)
                if c is not None:
                    country = c.iso3
        if org is not None:
            break
    if country is None:
        for w in words:
            c = kb.country(w)
            if c is not None:
                country = c.iso3
                break
    if org is not None and org.country and len(org.country) == 3 and org.country.isalpha():
        country = country or org.country
        if org.country in kb.countries:
            country = org.country
    return country, org


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
        grammar.entries.append(entry)
        grammar._index.setdefault(entry.key, entry)
        grammar.max_len = max(grammar.max_len, len(entry.key))
    return grammar
