"""The actor knowledge base: persons with roles in time, organisations, countries.

Data files are JSON Lines (format in ``docs/data-formats.md``): blank lines and lines
starting with ``#`` are skipped; the first record is a header
``{"format": "comity-kb/<kind>", "version": 1}``. Each file is validated whole before
anything is used: an error raises :class:`~comity.errors.DataFileError` with file and line,
and the caller keeps its previous knowledge base.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from comity.errors import DataFileError
from comity.model import Role
from comity.textnorm import name_key

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
SECTORS = frozenset({
    "GOV", "PTY", "LEG", "MIL", "COP", "JUD", "SPY", "ROY", "IGO", "OPP", "REB", "BUS",
    "CVL", "JRN", "EDU", "REL", "MED", "LAB", "ELI", "UNK",
})
ORG_KINDS = frozenset({
    "party", "party_body", "government", "ministry", "legislature", "military", "police",
    "royal", "igo", "court", "agency", "front", "other",
})
NON_STATE_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "ASN"})
_ISO3 = re.compile(r"^[A-Z]{3}$")
_QID = re.compile(r"^Q[1-9]\d*$")
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_KEY_CACHE_SIZE = 100_000


@dataclass(frozen=True)
class Person:
    """A person of the knowledge base."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    gender: str | None = None
    wikidata: str | None = None
    roles: tuple[Role, ...] = ()

    def roles_on(self, day: dt.date | None) -> tuple[Role, ...]:
        """Roles held on ``day`` (all roles when the day is unknown)."""
        return tuple(r for r in self.roles if r.valid_on(day))

    def role_on(self, day: dt.date | None) -> Role | None:
        """The principal role held on ``day``: the first valid one in file order, else the
        most recent role that ended before it, else None (a day before every role starts,
        or no roles). With ``day`` None, the first role."""
        valid = self.roles_on(day)
        if valid:
            return valid[0]
        if day is None:
            return None
        past = [r for r in self.roles if r.end is not None and r.end < day]
        return max(past, key=lambda r: r.end or dt.date.min) if past else None

    @property
    def country(self) -> str | None:
        """The country of every role, when all roles share one (None otherwise)."""
        countries = {r.country for r in self.roles}
        return countries.pop() if len(countries) == 1 else None


@dataclass(frozen=True)
class Organisation:
    """An organisation: party, party body, government, ministry, parliament, IGO, ..."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    sector: str | None = None
    kind: str = "other"
    parent: str | None = None
    wikidata: str | None = None


@dataclass(frozen=True)
class Country:
    """A country with its names, demonyms, capital and codes."""

    iso3: str
    name: str
    iso2: str | None = None
    official: str | None = None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str | None = None
    fips: str | None = None
    cow: int | None = None
    wikidata: str | None = None
    leader: str | None = None   # office of the person called "the <demonym> leader"
    #: "both": the press writes this country's two-word person names in either order
    #: ("Shigeru Ishiba", "Ishiba Shigeru"); None: only as the knowledge base does
    name_order: str | None = None


KBEntry = Person | Organisation | Country


@dataclass
class KnowledgeBase:
    """Loaded knowledge base with lookup indexes (built once, then read-only)."""

    persons: dict[str, Person] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    _names: dict[str, list[KBEntry]] = field(default_factory=dict)
    _short: dict[str, list[Person]] = field(default_factory=dict)
    _demonyms: dict[str, Country] = field(default_factory=dict)
    _capitals: dict[str, Country] = field(default_factory=dict)
    _keys: dict[str, str] = field(default_factory=dict, repr=False)

    # ------------------------------------------------------------------ lookups
    def key(self, text: str) -> str:
        """:func:`~comity.textnorm.name_key` of ``text``, remembered (a bounded cache)."""
        found = self._keys.get(text)
        if found is None:
            if len(self._keys) > _KEY_CACHE_SIZE:
                self._keys.clear()
            found = self._keys[text] = name_key(text)
        return found

    def lookup(self, text: str) -> list[KBEntry]:
        """Entries whose name or alias matches ``text`` (diacritic/case-insensitive)."""
        return list(self._names.get(self.key(text), ()))

    def lookup_short(self, text: str) -> list[Person]:
        """Persons for whom ``text`` is a short reference (``Lâm``, ``Xi``)."""
        return list(self._short.get(self.key(text), ()))

    def country(self, text: str) -> Country | None:
        """The country named, or whose ISO code, demonym or adjective is, ``text``."""
        key = self.key(text)
        if len(text) == 3 and text.isupper() and text in self.countries:
            return self.countries[text]
        for entry in self._names.get(key, ()):
            if isinstance(entry, Country):
                return entry
        return self._demonyms.get(key)

    def capital(self, text: str) -> Country | None:
        """The country whose capital is ``text`` ("Phnom Penh", "Beijing")."""
        return self._capitals.get(self.key(text))

    def demonym(self, text: str) -> Country | None:
        """The country whose demonym/adjective is ``text`` (Vietnamese, Khmer, Lao)."""
        return self._demonyms.get(self.key(text))

    def entity_id(self, entry: KBEntry) -> str:
        """Stable entity id: ``kb:person/<id>``, ``kb:org/<id>``, ``kb:country/<ISO3>``."""
        if isinstance(entry, Person):
            return f"kb:person/{entry.id}"
        if isinstance(entry, Organisation):
            return f"kb:org/{entry.id}"
        return f"kb:country/{entry.iso3}"

    def surface_forms(self) -> Iterator[tuple[str, KBEntry]]:
        """Every (alias as written, entry) pair, for the entity ruler."""
        for p in self.persons.values():
            for a in (p.name, *p.aliases):
                yield a, p
            yield from ((a, p) for a in self._reversed_names(p))
        for o in self.organisations.values():
            for a in (o.name, *o.aliases):
                yield a, o
        for c in self.countries.values():
            for a in (c.name, *((c.official,) if c.official else ()), *c.aliases):
                yield a, c

    def _reversed_names(self, person: Person) -> Iterator[str]:
        """The two-word names of ``person`` in the other order, where a country of the
        person's roles has ``name_order`` "both" ("Ishiba Shigeru" for Shigeru Ishiba)."""
        if not any(getattr(self.countries.get(r.country or ""), "name_order", None) == "both"
                   for r in person.roles):
            return
        for name in (person.name, *person.aliases):
            words = name.split()
            if len(words) == 2:
                yield f"{words[1]} {words[0]}"

    # ------------------------------------------------------------------ building
    def _index(self) -> None:
        self._names.clear()
        self._short.clear()
        self._demonyms.clear()
        self._capitals.clear()
        for alias, entry in self.surface_forms():
            bucket = self._names.setdefault(name_key(alias), [])
            if entry not in bucket:
                bucket.append(entry)
        for p in self.persons.values():
            for s in p.short:
                self._short.setdefault(name_key(s), []).append(p)
        for c in self.countries.values():
            for d in c.demonyms:
                self._demonyms.setdefault(name_key(d), c)
            if c.capital:
                for name in {c.capital, c.capital.split(",")[0]}:
                    self._capitals.setdefault(name_key(name), c)


# ---------------------------------------------------------------------- loading
def _records(path: Path, kind: str) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"cannot read knowledge-base file: {exc}", path) from exc
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            rec = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise DataFileError(f"invalid JSON ({exc.msg} at column {exc.colno})",
                                path, lineno) from exc
        if not isinstance(rec, dict):
            raise DataFileError("each line must be a JSON object", path, lineno)
        if not header_seen:
            want = f"comity-kb/{kind}"
            if rec.get("format") != want or rec.get("version") != FORMAT_VERSION:
                raise DataFileError(
                    f'first record must be the header {{"format": "{want}", "version": '
                    f"{FORMAT_VERSION}}}", path, lineno)
            header_seen = True
            continue
        yield lineno, rec
    if not header_seen:
        raise DataFileError(f"no header record (comity-kb/{kind})", path)


class _Checker:
    """Field validation with file/line context."""

    def __init__(self, path: Path, line: int, rec: dict[str, Any], allowed: set[str]) -> None:
        self.path, self.line, self.rec = path, line, rec
        extra = set(rec) - allowed
        if extra:
            self.fail(f"unknown field(s) {sorted(extra)}; allowed: {sorted(allowed)}")

    def fail(self, message: str) -> None:
        raise DataFileError(message, self.path, self.line)

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.rec.get(key)
        if value is None:
            if required:
                self.fail(f"missing required field {key!r}")
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(f"field {key!r} must be a non-empty string")
        return str(value).strip()

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.rec.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip()
                                                  for v in value):
            self.fail(f"field {key!r} must be a list of non-empty strings")
        return tuple(v.strip() for v in value)

    def code(self, key: str, value: str | None, pattern: re.Pattern[str], what: str) -> None:
        if value is not None and not pattern.match(value):
            self.fail(f"field {key!r}: {value!r} is not {what}")

    def date(self, value: Any, key: str, end: bool = False) -> dt.date | None:
        if value is None:
            return None
        if not isinstance(value, str):
            self.fail(f"{key}: dates are strings YYYY, YYYY-MM or YYYY-MM-DD")
        parts = str(value).split("-")
        try:
            nums = [int(p) for p in parts]
            if len(nums) == 1:
                return dt.date(nums[0], 12, 31) if end else dt.date(nums[0], 1, 1)
            if len(nums) == 2:
                if not 1 <= nums[1] <= 12:
                    raise ValueError("month out of range")
                if end:
                    nxt = dt.date(nums[0] + nums[1] // 12, nums[1] % 12 + 1, 1)
                    return nxt - dt.timedelta(days=1)
                return dt.date(nums[0], nums[1], 1)
            if len(nums) == 3:
                return dt.date(nums[0], nums[1], nums[2])
        except ValueError:
            pass
        self.fail(f"{key}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        return None


def _country_code(chk: _Checker, key: str, value: str | None) -> None:
    if value is not None and not _ISO3.match(value):
        chk.fail(f"field {key!r}: {value!r} is not an ISO 3166 alpha-3 or PLOVER code")


def _sector(chk: _Checker, key: str, value: str | None) -> None:
    if value is not None and value not in SECTORS:
        chk.fail(f"field {key!r}: unknown sector {value!r}; known: {sorted(SECTORS)}")


def _parse_person(path: Path, line: int, rec: dict[str, Any]) -> Person:
    chk = _Checker(path, line, rec, {"id", "name", "aliases", "short", "gender", "wikidata",
                                     "roles", "note"})
    pid = chk.text("id", required=True)
    chk.code("id", pid, _ID, "a lower-case id (letters, digits, . _ -)")
    gender = chk.text("gender")
    if gender is not None and gender not in {"M", "F", "X"}:
        chk.fail("field 'gender' must be M, F or X")
    wikidata = chk.text("wikidata")
    chk.code("wikidata", wikidata, _QID, "a Wikidata QID (Q123)")
    roles_raw = rec.get("roles", [])
    if not isinstance(roles_raw, list):
        chk.fail("field 'roles' must be a list of objects")
    roles: list[Role] = []
    for n, r in enumerate(roles_raw, start=1):
        if not isinstance(r, dict):
            chk.fail(f"roles[{n}] must be an object")
        extra = set(r) - {"office", "organisation", "country", "sector", "start", "end"}
        if extra:
            chk.fail(f"roles[{n}]: unknown field(s) {sorted(extra)}")
        office = r.get("office")
        if not isinstance(office, str) or not office.strip():
            chk.fail(f"roles[{n}]: 'office' is required")
        _country_code(chk, f"roles[{n}].country", r.get("country"))
        _sector(chk, f"roles[{n}].sector", r.get("sector"))
        start = chk.date(r.get("start"), f"roles[{n}].start")
        end = chk.date(r.get("end"), f"roles[{n}].end", end=True)
        if start and end and end < start:
            chk.fail(f"roles[{n}]: end {end} is before start {start}")
        roles.append(Role(office=str(office).strip(), country=r.get("country"),
                          sector=r.get("sector"), organisation=r.get("organisation"),
                          start=start, end=end))
    return Person(id=str(pid), name=str(chk.text("name", required=True)),
                  aliases=chk.texts("aliases"), short=chk.texts("short"), gender=gender,
                  wikidata=wikidata, roles=tuple(roles))


def _parse_org(path: Path, line: int, rec: dict[str, Any]) -> Organisation:
    chk = _Checker(path, line, rec, {"id", "name", "aliases", "country", "sector", "kind",
                                     "parent", "wikidata", "note"})
    oid = chk.text("id", required=True)
    chk.code("id", oid, _ID, "a lower-case id (letters, digits, . _ -)")
    country = chk.text("country")
    _country_code(chk, "country", country)
    sector = chk.text("sector")
    _sector(chk, "sector", sector)
    kind = chk.text("kind") or "other"
    if kind not in ORG_KINDS:
        chk.fail(f"field 'kind': unknown kind {kind!r}; known: {sorted(ORG_KINDS)}")
    wikidata = chk.text("wikidata")
    chk.code("wikidata", wikidata, _QID, "a Wikidata QID (Q123)")
    return Organisation(id=str(oid), name=str(chk.text("name", required=True)),
                        aliases=chk.texts("aliases"), country=country, sector=sector,
                        kind=kind, parent=chk.text("parent"), wikidata=wikidata)


def _parse_country(path: Path, line: int, rec: dict[str, Any]) -> Country:
    chk = _Checker(path, line, rec, {"iso3", "iso2", "name", "official", "aliases",
                                     "demonyms", "capital", "fips", "cow", "wikidata",
                                     "leader", "name_order", "note"})
    iso3 = chk.text("iso3", required=True)
    _country_code(chk, "iso3", iso3)
    cow = rec.get("cow")
    if cow is not None and (not isinstance(cow, int) or isinstance(cow, bool)):
        chk.fail("field 'cow' must be an integer")
    wikidata = chk.text("wikidata")
    chk.code("wikidata", wikidata, _QID, "a Wikidata QID (Q123)")
    name_order = chk.text("name_order")
    if name_order not in (None, "both"):
        chk.fail(f"field 'name_order' must be \"both\" (or be left out), not {name_order!r}")
    return Country(iso3=str(iso3), name=str(chk.text("name", required=True)),
                   iso2=chk.text("iso2"), official=chk.text("official"),
                   aliases=chk.texts("aliases"), demonyms=chk.texts("demonyms"),
                   capital=chk.text("capital"), fips=chk.text("fips"), cow=cow,
                   wikidata=wikidata, leader=chk.text("leader"), name_order=name_order)


_PARSERS: dict[str, Callable[[Path, int, dict[str, Any]], KBEntry]] = {
    "persons": _parse_person, "organisations": _parse_org, "countries": _parse_country}


def bundled_kb_dir() -> Path:
    """The folder of knowledge-base files shipped with Comity."""
    return Path(str(resources.files("comity") / "data" / "kb"))


def kb_files(folder: Path) -> list[tuple[str, Path]]:
    """(kind, path) of every knowledge-base file in ``folder``, in load order.

    Files are named ``<kind>.jsonl`` or ``<kind>-<anything>.jsonl`` with kind persons,
    organisations or countries; countries load first, then organisations, then persons.
    """
    out: list[tuple[str, Path]] = []
    for kind in ("countries", "organisations", "persons"):
        for path in sorted(folder.glob("*.jsonl")):
            stem = path.stem
            if stem == kind or stem.startswith(kind + "-"):
                out.append((kind, path))
    return out


def load_kb(folders: Iterable[Path] | None = None) -> KnowledgeBase:
    """Load the bundled knowledge base, then every extra folder in ``folders``.

    Within one folder an id may appear once, across all its files; a later folder
    overrides earlier entries with the same id. Role organisations and organisation
    parents must exist. Raises :class:`~comity.errors.DataFileError` (file and line) on
    the first invalid record; no partial knowledge base is returned, so a caller that
    keeps its previous knowledge base on error keeps it whole.
    """
    kb = KnowledgeBase()
    origins: dict[str, tuple[Path, int]] = {}
    dirs = [bundled_kb_dir(), *(folders or [])]
    for folder in dirs:
        if not folder.is_dir():
            raise DataFileError("knowledge-base folder not found", folder)
        in_folder: dict[str, tuple[Path, int]] = {}
        for kind, path in kb_files(folder):
            _load_file(kb, kind, path, in_folder)
        origins.update(in_folder)
    _check_references(kb, origins)
    kb._index()
    log.debug("knowledge base: %d persons, %d organisations, %d countries",
              len(kb.persons), len(kb.organisations), len(kb.countries))
    return kb


def _origin_key(entry: KBEntry) -> str:
    if isinstance(entry, Person):
        return f"person/{entry.id}"
    if isinstance(entry, Organisation):
        return f"org/{entry.id}"
    return f"country/{entry.iso3}"


def _load_file(kb: KnowledgeBase, kind: str, path: Path,
               seen: dict[str, tuple[Path, int]]) -> None:
    """Parse one file into ``kb``; ``seen`` holds where each id of the folder was read."""
    parse = _PARSERS[kind]
    for lineno, rec in _records(path, kind):
        entry = parse(path, lineno, rec)
        key = _origin_key(entry)
        if key in seen:
            first_path, first_line = seen[key]
            where = (f"line {first_line}" if first_path == path
                     else f"{first_path}:{first_line}")
            raise DataFileError(f"duplicate id {key.partition('/')[2]!r} (first at {where})",
                                path, lineno)
        seen[key] = (path, lineno)
        if isinstance(entry, Person):
            kb.persons[entry.id] = entry
        elif isinstance(entry, Organisation):
            kb.organisations[entry.id] = entry
        else:
            kb.countries[entry.iso3] = entry


def _check_references(kb: KnowledgeBase, origins: dict[str, tuple[Path, int]]) -> None:
    """Organisation parents and role organisations must name loaded organisations."""
    for org in kb.organisations.values():
        if org.parent and org.parent not in kb.organisations:
            path, line = origins[f"org/{org.id}"]
            raise DataFileError(f"organisation {org.id!r}: unknown parent {org.parent!r}",
                                path, line)
    for person in kb.persons.values():
        for n, role in enumerate(person.roles, start=1):
            if role.organisation and role.organisation not in kb.organisations:
                path, line = origins[f"person/{person.id}"]
                raise DataFileError(f"roles[{n}]: unknown organisation "
                                    f"{role.organisation!r}", path, line)
