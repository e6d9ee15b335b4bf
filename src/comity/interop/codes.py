"""Code tables as data: countries (ISO alpha-3 -> FIPS 10-4, Correlates of War), CAMEO event
codes with Goldstein values (GDELT's table, pinned), CAMEO actor codes and PLOVER types.

The tables live in ``comity/data/codes/*.tsv`` (format in ``docs/interop.md``): UTF-8,
tab-separated, ``#`` comment lines, then a header row naming the columns. They are validated
on load; a bad row raises :class:`~comity.errors.DataFileError` with file and line.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from comity.errors import DataFileError
from comity.model import Entity

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CountryCodes:
    """One country: ISO 3166-1 alpha-3 and alpha-2, FIPS 10-4, COW state number, name."""

    iso3: str
    iso2: str
    fips: str
    cow: int | None
    name: str


@dataclass(frozen=True)
class CameoEventCode:
    """A CAMEO event code with its Goldstein value (GDELT table) and name."""

    code: str
    goldstein: float
    name: str


@dataclass(frozen=True)
class CameoActorCode:
    """A CAMEO actor code: a role (GOV, MIL), a non-state/regional first-position code, or
    both; ``kb_sector`` is the knowledge-base sector a role maps to."""

    code: str
    kind: str
    kb_sector: str | None
    label: str


@dataclass(frozen=True)
class PloverType:
    """A PLOVER event type with its quad class, base intensity and default CAMEO code."""

    type: str
    quad: int
    intensity: float
    cameo: str
    label: str


@dataclass(frozen=True)
class CodeTables:
    """All code tables, loaded once (see :func:`code_tables`)."""

    countries: Mapping[str, CountryCodes]
    events: Mapping[str, CameoEventCode]
    actors: Mapping[str, CameoActorCode]
    plover: Mapping[str, PloverType]

    def fips(self, iso3: str | None) -> str:
        """FIPS 10-4 code of a country ("" when unknown)."""
        c = self.countries.get(iso3 or "")
        return c.fips if c else ""

    def cow(self, iso3: str | None) -> int | None:
        """Correlates of War state number of a country (None when not a COW state)."""
        c = self.countries.get(iso3 or "")
        return c.cow if c else None

    def country_name(self, iso3: str | None) -> str:
        """English name of a country; the code itself for non-state codes, "" for None."""
        if not iso3:
            return ""
        c = self.countries.get(iso3)
        if c:
            return c.name
        a = self.actors.get(iso3)
        return a.label if a else iso3

    def goldstein(self, code: str, default: float = 0.0) -> float:
        """Goldstein value of a CAMEO code, falling back to its base and root code."""
        for key in (code, code[:3], code[:2]):
            if key in self.events:
                return self.events[key].goldstein
        return default

    def event_name(self, code: str) -> str:
        """Name of a CAMEO event code (of its base or root code when not listed)."""
        for key in (code, code[:3], code[:2]):
            if key in self.events:
                return self.events[key].name
        return ""

    def is_country_code(self, code: str) -> bool:
        """True for ISO alpha-3 codes and CAMEO non-state/regional first-position codes."""
        a = self.actors.get(code)
        return code in self.countries or (a is not None and a.kind in {"country", "both"})

    def role_code(self, sector: str | None) -> str:
        """CAMEO role code for a knowledge-base sector ("" when none): CAMEO codes heads of
        state (Comity ``ROY``) as government, other sectors keep their code."""
        if not sector:
            return ""
        if sector == "ROY":
            return "GOV"
        return sector if sector in self.actors else ""

    def actor_code(self, entity: Entity) -> str:
        """CAMEO actor code of an entity: country then role (KHMGOV), as GDELT writes it."""
        return (entity.country or "") + self.role_code(entity.sector)


def codes_dir() -> Path:
    """The folder of the bundled code tables."""
    return Path(str(resources.files("comity") / "data" / "codes"))


def read_table(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of each data row of a code table, checking the header."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"cannot read code table: {exc}", path) from exc
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != columns:
                raise DataFileError(f"header must be {' TAB '.join(columns)}", path, lineno)
            header_seen = True
            continue
        if len(cells) != len(columns):
            raise DataFileError(f"expected {len(columns)} tab-separated cells, got "
                                f"{len(cells)}", path, lineno)
        yield lineno, [c.strip() for c in cells]
    if not header_seen:
        raise DataFileError("no header row", path)


def _float(path: Path, line: int, value: str, what: str) -> float:
    try:
        return float(value)
    except ValueError as exc:
        raise DataFileError(f"{what}: {value!r} is not a number", path, line) from exc


def load_code_tables(folder: Path | None = None) -> CodeTables:
    """Load and validate the code tables from ``folder`` (default: the bundled ones)."""
    folder = folder or codes_dir()
    countries: dict[str, CountryCodes] = {}
    path = folder / "countries.tsv"
    for line, (iso3, iso2, fips, cow, name) in read_table(
            path, ("iso3", "iso2", "fips", "cow", "name")):
        if len(iso3) != 3 or not iso3.isupper() or iso3 in countries:
            raise DataFileError(f"bad or duplicate alpha-3 code {iso3!r}", path, line)
        if cow and not cow.isdigit():
            raise DataFileError(f"cow: {cow!r} is not a number", path, line)
        countries[iso3] = CountryCodes(iso3, iso2, fips, int(cow) if cow else None, name)
    events: dict[str, CameoEventCode] = {}
    path = folder / "cameo_events.tsv"
    for line, (code, gold, name) in read_table(path, ("code", "goldstein", "name")):
        if not code.isdigit() or not 2 <= len(code) <= 4 or code in events:
            raise DataFileError(f"bad or duplicate CAMEO code {code!r}", path, line)
        events[code] = CameoEventCode(code, _float(path, line, gold, "goldstein"), name)
    actors: dict[str, CameoActorCode] = {}
    path = folder / "cameo_actors.tsv"
    for line, (code, kind, sector, label) in read_table(
            path, ("code", "kind", "kb_sector", "label")):
        if len(code) != 3 or kind not in {"role", "country", "both"} or code in actors:
            raise DataFileError(f"bad or duplicate actor code {code!r} ({kind})", path, line)
        actors[code] = CameoActorCode(code, kind, sector or None, label)
    plover: dict[str, PloverType] = {}
    path = folder / "plover.tsv"
    for line, (ptype, quad, intensity, cameo, label) in read_table(
            path, ("type", "quad", "intensity", "cameo", "label")):
        if quad not in {"1", "2", "3", "4"} or cameo not in events:
            raise DataFileError(f"{ptype}: quad must be 1-4 and cameo a known code", path,
                                line)
        plover[ptype] = PloverType(ptype, int(quad), _float(path, line, intensity,
                                                            "intensity"), cameo, label)
    log.debug("code tables: %d countries, %d CAMEO event codes, %d actor codes",
              len(countries), len(events), len(actors))
    return CodeTables(countries, events, actors, plover)


@functools.lru_cache(maxsize=1)
def code_tables() -> CodeTables:
    """The bundled code tables (loaded once, read-only)."""
    return load_code_tables()
