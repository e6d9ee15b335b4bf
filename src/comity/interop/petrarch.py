"""PETRARCH / Phoenix actor dictionaries -> knowledge-base persons with roles.

The dictionary format (as in Phoenix's ``Phoenix.Countries.actors.txt``)::

    # comment                          (also after content: "  # ...")
    HUN_SEN_                           an entry: a name, upper case, underscores
    +SAMDECH_HUN_SEN                   a synonym of the current entry
    [KHMGOV 930921-981130]             codes, optionally date-bounded:
    [KHMGOV >981130]                   YYMMDD-YYMMDD (both ends inclusive),
    [KHMPTY <150620]                   >YYMMDD (from), <YYMMDD (until, inclusive)
    CAMBODIA_ [KHM]                    codes may follow a name or synonym on its line

Two-digit years follow the POSIX/Python ``%y`` rule: 69-99 -> 19xx, 00-68 -> 20xx.
A code is a CAMEO actor code: a country (ISO alpha-3 or a CAMEO non-state/regional code)
then role codes (``KHMGOV`` = Cambodia, government). Each usable code becomes a
:class:`~comity.model.Role`; an entry with no usable code is skipped.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from comity.actors.kb import SECTORS, Person, kb_files, load_kb
from comity.errors import DataFileError
from comity.interop.codes import CodeTables, code_tables
from comity.model import Role
from comity.textnorm import name_key, strip_diacritics

log = logging.getLogger(__name__)

PETRARCH_FILE = "persons-petrarch.jsonl"
_CODE_GROUP = re.compile(r"\[([^\[\]]*)\]")
_CODE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})*$")
_DATE = r"\d{6}"
_RANGE = re.compile(rf"^(?:(?P<a>{_DATE})-(?P<b>{_DATE})?|>(?P<gt>{_DATE})|<(?P<lt>{_DATE}))$")
_NAME = re.compile(r"^[^\s\[\]#+]+$")


@dataclass(frozen=True)
class PetrarchCode:
    """One code of an entry with its validity (None = open) and the line it came from."""

    code: str
    start: dt.date | None
    end: dt.date | None
    line: int


@dataclass(frozen=True)
class PetrarchEntry:
    """A dictionary entry: the name (underscores kept), synonyms and codes."""

    name: str
    line: int
    synonyms: tuple[str, ...] = ()
    codes: tuple[PetrarchCode, ...] = ()


@dataclass(frozen=True)
class PetrarchDictionary:
    """A parsed PETRARCH actor dictionary."""

    path: str
    entries: tuple[PetrarchEntry, ...]


@dataclass
class ImportReport:
    """What an import did: counts, and messages for entries that were skipped."""

    added: int = 0
    merged: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    path: str = ""
    also: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for people: the counts, and where the files were written."""
        where = f" into {self.path}" if self.path else ""
        if self.also:
            where += f" (and merged into {', '.join(self.also)})"
        text = (f"{self.added} persons added, {self.merged} merged, {self.skipped} "
                f"skipped{where}")
        if self.errors:
            text += f"; {len(self.errors)} problem(s), first: {self.errors[0]}"
        return text


# ---------------------------------------------------------------------------- parsing
def yymmdd(text: str) -> dt.date:
    """A PETRARCH YYMMDD date (69-99 -> 19xx, 00-68 -> 20xx); ValueError when invalid."""
    yy, mm, dd = int(text[:2]), int(text[2:4]), int(text[4:6])
    return dt.date(1900 + yy if yy >= 69 else 2000 + yy, mm, dd)


def _parse_code(body: str, path: Path, lineno: int) -> PetrarchCode:
    parts = body.split()
    if not parts or len(parts) > 2 or not _CODE.match(parts[0]):
        raise DataFileError(f"bad code [{body}]: expected [CODE], [CODE YYMMDD-YYMMDD], "
                            "[CODE >YYMMDD] or [CODE <YYMMDD] with an upper-case CAMEO "
                            "code", path, lineno)
    start = end = None
    if len(parts) == 2:
        m = _RANGE.match(parts[1])
        if not m:
            raise DataFileError(f"bad date range {parts[1]!r} in [{body}]", path, lineno)
        try:
            if m["a"]:
                start = yymmdd(m["a"])
                end = yymmdd(m["b"]) if m["b"] else None
            elif m["gt"]:
                start = yymmdd(m["gt"])
            else:
                end = yymmdd(m["lt"])
        except ValueError as exc:
            raise DataFileError(f"bad date in [{body}]: {exc}", path, lineno) from exc
        if start and end and end < start:
            raise DataFileError(f"[{body}]: end before start", path, lineno)
    return PetrarchCode(parts[0], start, end, lineno)


def _split_codes(text: str, path: Path, lineno: int) -> tuple[str, list[PetrarchCode]]:
    """(text before the first code, codes) of a line; errors on stray brackets."""
    head, _, rest = text.partition("[")
    rest = "[" + rest if rest or text.count("[") else ""
    codes = [_parse_code(m.group(1), path, lineno) for m in _CODE_GROUP.finditer(rest)]
    if _CODE_GROUP.sub("", rest).strip():
        raise DataFileError(f"unbalanced brackets or text between codes: {rest!r}", path,
                            lineno)
    return head.strip(), codes


def _strip_comment(line: str) -> str:
    if line.lstrip().startswith("#"):
        return ""
    m = re.search(r"\s#", line)
    return line[: m.start()] if m else line


def parse_lines(lines: Iterable[str], path: Path) -> PetrarchDictionary:
    """Parse dictionary ``lines``; DataFileError (path, line) on the first malformed line."""
    entries: list[PetrarchEntry] = []
    current: dict[str, Any] | None = None

    def close() -> None:
        if current is not None:
            entries.append(PetrarchEntry(current["name"], current["line"],
                                         tuple(current["synonyms"]), tuple(current["codes"])))

    for lineno, raw in enumerate(lines, start=1):
        line = _strip_comment(raw).strip()
        if not line:
            continue
        if line.startswith("["):
            if current is None:
                raise DataFileError("codes before any entry name", path, lineno)
            _, codes = _split_codes(line, path, lineno)
            current["codes"].extend(codes)
            continue
        synonym = line.startswith("+")
        head, codes = _split_codes(line[1:] if synonym else line, path, lineno)
        if not _NAME.match(head) or head != head.upper() or \
                not any(ch.isalpha() for ch in head):
            raise DataFileError(f"expected an upper-case NAME_WITH_UNDERSCORES, a +SYNONYM "
                                f"or [CODE] line, got {raw.strip()!r}", path, lineno)
        if synonym:
            if current is None:
                raise DataFileError("synonym before any entry name", path, lineno)
            current["synonyms"].append(head)
            current["codes"].extend(codes)
        else:
            close()
            current = {"name": head, "line": lineno, "synonyms": [], "codes": list(codes)}
    close()
    return PetrarchDictionary(str(path), tuple(entries))


def parse_petrarch(path: str | Path) -> PetrarchDictionary:
    """Parse a PETRARCH/Phoenix actor dictionary file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        text = path.read_text(encoding="latin-1")
    except OSError as exc:
        raise DataFileError(f"cannot read dictionary: {exc}", path) from exc
    return parse_lines(text.splitlines(), path)


# ---------------------------------------------------------------------------- converting
def display_name(petrarch_name: str) -> str:
    """``ABDUL_RAHMAN_AL-ATTIYAH_`` -> ``Abdul Rahman Al-Attiyah``."""
    words = petrarch_name.strip("_").replace("_", " ").split()
    return " ".join("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-"))
                    for w in words)


def slug(name: str) -> str:
    """A knowledge-base id: lower-case ASCII, words joined by hyphens."""
    text = strip_diacritics(name).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


def code_to_role(code: PetrarchCode, tables: CodeTables) -> Role | str:
    """The role a code gives, or the reason it is not usable."""
    country, roles = code.code[:3], [code.code[i:i + 3] for i in range(3, len(code.code), 3)]
    if not tables.is_country_code(country):
        return f"line {code.line}: [{code.code}]: {country} is not a country or CAMEO " \
               "international code"
    sector = None
    for r in roles:
        a = tables.actors.get(r)
        if a is not None and a.kb_sector in SECTORS:
            sector = a.kb_sector
            break
    if roles and sector is None:
        return f"line {code.line}: [{code.code}]: no known CAMEO role in {'/'.join(roles)}"
    office = tables.actors[roles[0]].label if roles and roles[0] in tables.actors \
        else "Person"
    return Role(office=f"{office} ({code.code})", country=country, sector=sector,
                start=code.start, end=code.end)


def _person_record(p: Person) -> dict[str, Any]:
    rec: dict[str, Any] = {"id": p.id, "name": p.name, "aliases": list(p.aliases),
                           "short": list(p.short)}
    if p.gender:
        rec["gender"] = p.gender
    if p.wikidata:
        rec["wikidata"] = p.wikidata
    rec["roles"] = [_role_record(r) for r in p.roles]
    return rec


def _role_record(r: Role) -> dict[str, Any]:
    role: dict[str, Any] = {"office": r.office}
    for key in ("organisation", "country", "sector"):
        if getattr(r, key):
            role[key] = getattr(r, key)
    if r.start:
        role["start"] = r.start.isoformat()
    if r.end:
        role["end"] = r.end.isoformat()
    return role


def _role_key(r: Role) -> tuple[Any, ...]:
    return (r.country, r.sector, r.start, r.end)


def import_petrarch(path: Path, kb_dir: Path) -> ImportReport:
    """Import a PETRARCH dictionary into ``kb_dir/persons-petrarch.jsonl``.

    Entries whose canonical name (or a synonym) matches a person already in the knowledge
    base (bundled, or in ``kb_dir``) are merged: new roles and aliases are added. A person
    of another persons file of ``kb_dir`` (``persons-local.jsonl``) is updated in that
    file, its record otherwise kept as written, since an id may appear only once in a
    folder; any other is written to ``persons-petrarch.jsonl`` with its id, overriding
    the bundled record. Other entries are added as new persons; entries with no usable
    code are skipped (reasons in ``errors``). The folder as it will be is validated by
    loading the knowledge base before any file is replaced.
    """
    path, kb_dir = Path(path), Path(kb_dir)
    dictionary = parse_petrarch(path)
    tables = code_tables()
    kb = load_kb([kb_dir] if kb_dir.is_dir() else None)
    out_path = kb_dir / PETRARCH_FILE
    # persons already written by an earlier import keep their place in the file
    written: dict[str, Person] = {}
    if out_path.is_file():
        written = {pid: kb.persons[pid] for pid in _ids_in(out_path) if pid in kb.persons}
    # persons of the folder's other persons files are merged where they are
    local = {pid: f for kind, f in (kb_files(kb_dir) if kb_dir.is_dir() else [])
             if kind == "persons" and f.name != PETRARCH_FILE for pid in _ids_in(f)}
    updated: dict[str, Person] = {}
    by_key: dict[str, Person] = {}
    for p in kb.persons.values():
        for alias in (p.name, *p.aliases):
            by_key.setdefault(name_key(alias), p)
    report = ImportReport(path=str(out_path))
    for entry in dictionary.entries:
        roles: list[Role] = []
        for code in entry.codes:
            role = code_to_role(code, tables)
            if isinstance(role, str):
                report.errors.append(role)
            else:
                roles.append(role)
        if not roles:
            report.skipped += 1
            if not entry.codes:
                report.errors.append(f"line {entry.line}: {entry.name}: no code")
            continue
        name = display_name(entry.name)
        aliases = [display_name(s) for s in entry.synonyms]
        match = next((by_key[k] for k in map(name_key, (name, *aliases)) if k in by_key),
                     None)
        if match is not None:
            current = written.get(match.id) or updated.get(match.id) or match
            have = {_role_key(r) for r in current.roles}
            new_roles = [r for r in roles if _role_key(r) not in have]
            known = {name_key(a) for a in (current.name, *current.aliases)}
            new_aliases = [a for a in dict.fromkeys((name, *aliases))
                           if name_key(a) not in known]
            merged = Person(id=current.id, name=current.name,
                            aliases=(*current.aliases, *new_aliases), short=current.short,
                            gender=current.gender, wikidata=current.wikidata,
                            roles=(*current.roles, *new_roles))
            (updated if current.id in local else written)[current.id] = merged
            for a in (merged.name, *merged.aliases):
                by_key[name_key(a)] = merged
            report.merged += 1
            continue
        pid, n = slug(name), 2
        while pid in kb.persons or pid in written:
            pid, n = f"{slug(name)}-{n}", n + 1
        person = Person(id=pid, name=name,
                        aliases=tuple(a for a in dict.fromkeys(aliases) if a != name),
                        roles=tuple(roles))
        written[pid] = person
        for a in (name, *aliases):
            by_key.setdefault(name_key(a), person)
        report.added += 1
    contents = {out_path: _persons_text(written.values())}
    for f in dict.fromkeys(local[pid] for pid in updated):
        text = _merged_text(f, {pid: (kb.persons[pid], p) for pid, p in updated.items()
                                if local[pid] == f})
        if text is not None:
            contents[f] = text
            report.also.append(str(f))
    _write_files(kb_dir, contents)
    log.info("%s: %s", path, report.summary())
    return report


def _ids_in(path: Path) -> list[str]:
    """Ids of the records of a knowledge-base file (already validated by ``load_kb``)."""
    ids = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("{"):
            rec = json.loads(line)
            if "id" in rec:
                ids.append(str(rec["id"]))
    return ids


def _persons_text(persons: Iterable[Person]) -> str:
    """The persons file written by the import."""
    lines = [json.dumps({"format": "comity-kb/persons", "version": 1}),
             "# Persons imported from PETRARCH/Phoenix actor dictionaries "
             "(comity actors import-petrarch)."]
    lines += [json.dumps(_person_record(p), ensure_ascii=False) for p in persons]
    return "\n".join(lines) + "\n"


def _merged_text(path: Path, changes: dict[str, tuple[Person, Person]]) -> str | None:
    """``path`` with the records of ``changes`` (id -> (as loaded, merged)) given the
    merged person's added aliases and roles; other lines and fields are kept as written.
    None when nothing is added."""
    lines = path.read_text(encoding="utf-8").splitlines()
    changed = False
    for n, line in enumerate(lines):
        if not line.strip().startswith("{"):
            continue
        rec = json.loads(line)
        if rec.get("id") not in changes:
            continue
        before, after = changes[rec["id"]]
        if after.aliases == before.aliases and after.roles == before.roles:
            continue
        changed = True
        rec["aliases"] = [*rec.get("aliases", []), *after.aliases[len(before.aliases):]]
        rec["roles"] = [*rec.get("roles", []),
                        *(_role_record(r) for r in after.roles[len(before.roles):])]
        lines[n] = json.dumps(rec, ensure_ascii=False)
    return "\n".join(lines) + "\n" if changed else None


def _write_files(kb_dir: Path, contents: dict[Path, str]) -> None:
    """Write ``contents`` (path -> text) into ``kb_dir``, after checking that the folder
    with them loads as a knowledge base; each file is replaced atomically."""
    kb_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as check_dir:
        for _, f in kb_files(kb_dir):
            if f not in contents:
                Path(check_dir, f.name).write_bytes(f.read_bytes())
        for f, text in contents.items():
            Path(check_dir, f.name).write_text(text, encoding="utf-8")
        try:
            load_kb([Path(check_dir)])
        except DataFileError as exc:   # name the files of kb_dir, not their copies
            where = Path(exc.path)
            real = kb_dir / where.name if where.parent == Path(check_dir) else where
            raise DataFileError("the import would leave the folder invalid: "
                                + exc.reason.replace(check_dir, str(kb_dir)),
                                real, exc.line) from exc
    tmps: list[tuple[str, Path]] = []
    try:
        for f, text in contents.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{f.stem}-", suffix=".tmp", dir=kb_dir)
            tmps.append((tmp, f))
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
        for tmp, f in tmps:
            os.replace(tmp, f)
    finally:
        for tmp, _ in tmps:
            if os.path.exists(tmp):
                os.unlink(tmp)
