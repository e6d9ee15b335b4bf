"""PETRARCH/Phoenix actor dictionaries: parsing, roles and dates, KB merge, errors."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest

from comity.actors.kb import load_kb
from comity.errors import DataFileError
from comity.interop.petrarch import (
    PETRARCH_FILE,
    display_name,
    import_petrarch,
    parse_lines,
    parse_petrarch,
    yymmdd,
)

FIRST = ["ABDUL", "MARIA", "JOHN", "NGUYEN_VAN", "SOK", "CHEA", "ANA", "PIERRE", "LI",
         "AHMED", "OLGA", "KWAME", "SARA", "TRAN_THI", "JUAN", "HANS", "AMINA", "RAJ"]
LAST = ["SMITH", "AL-RASHID", "OKAFOR", "DUBOIS", "HOANG", "VANNA", "PETROVA", "MENDEZ",
        "SCHMIDT", "KHAN", "SILVA", "O'BRIEN", "TANAKA", "MOYO", "NOVAK", "RAHMAN"]
COUNTRIES = ["KHM", "VNM", "LAO", "THA", "USA", "FRA", "DEU", "NGA", "IND", "BRA", "RUS",
             "CHN"]
ROLES = ["GOV", "MIL", "LEG", "PTY", "JUD", "OPP", "BUS", "MED", "COP", "SPY"]


def _fmt(day: dt.date) -> str:
    return day.strftime("%y%m%d")


def write_dictionary(path: Path, n_entries: int = 260, seed: int = 7) -> dict[str, list]:
    """A realistic PETRARCH country-actors dictionary; returns the expected roles per
    display name: (country, sector, start, end)."""
    rng = random.Random(seed)
    lines = ["# PETRARCH-format actor dictionary written for Comity's tests",
             "# entries: NAME_ then +SYNONYM lines then [CODE date-range] lines", ""]
    expected: dict[str, list] = {}
    used: set[str] = set()
    for i in range(n_entries):
        while True:
            name = f"{rng.choice(FIRST)}_{rng.choice(LAST)}"
            if i % 3 == 0:
                name += f"_{rng.choice(LAST)}"
            if name not in used:
                used.add(name)
                break
        if i % 20 == 0:
            lines += ["", f"# ---- block {i // 20}"]
        country = rng.choice(COUNTRIES)
        lines.append(name + "_")
        for s in range(rng.randint(1, 3)):
            lines.append(f"+{['DR', 'MR', 'GENERAL', 'SENATOR'][s]}_{name}_")
        roles = []
        start = dt.date(rng.randint(1970, 2015), rng.randint(1, 12), rng.randint(1, 28))
        for k in range(rng.randint(1, 3)):
            role = rng.choice(ROLES)
            end = start + dt.timedelta(days=rng.randint(200, 3000))
            if k == 0 and i % 4 == 0:
                lines.append(f"[{country}{role} <{_fmt(end)}]  # before {end}")
                roles.append((country, role, None, end))
            elif k == 2 or (k == 1 and i % 5 == 0):
                lines.append(f"[{country}{role} >{_fmt(start)}]")
                roles.append((country, role, start, None))
            else:
                lines.append(f"[{country}{role} {_fmt(start)}-{_fmt(end)}]")
                roles.append((country, role, start, end))
            start = end + dt.timedelta(days=1)
        expected[display_name(name)] = roles
    lines += ["", "# merged with the bundled knowledge base",
              "HUN_SEN_", "+SAMDECH_HUN_SEN_", "[KHMGOV 930921-981130] [KHMGOV >981130]",
              "", "# no usable code: skipped", "NOBODY_IN_PARTICULAR_ [XQZGOV]",
              "NO_CODE_AT_ALL_", "", "# code on the name line",
              "ASEAN_SECRETARIAT_OFFICIAL_ [IGOGOV]"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return expected


@pytest.fixture(scope="module")
def dictionary(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list]]:
    path = tmp_path_factory.mktemp("petrarch") / "actors.txt"
    expected = write_dictionary(path)
    return path, expected


@pytest.mark.parametrize(("text", "expected"), [
    ("930921", dt.date(1993, 9, 21)), ("981130", dt.date(1998, 11, 30)),
    ("690101", dt.date(1969, 1, 1)), ("681231", dt.date(2068, 12, 31)),
    ("150620", dt.date(2015, 6, 20)), ("000229", dt.date(2000, 2, 29)),
])
def test_yymmdd_century_rule(text: str, expected: dt.date) -> None:
    assert yymmdd(text) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("HUN_SEN_", "Hun Sen"), ("ABDUL_RAHMAN_AL-ATTIYAH_", "Abdul Rahman Al-Attiyah"),
    ("JOHN_O'BRIEN", "John O'brien"),
])
def test_display_name(raw: str, expected: str) -> None:
    assert display_name(raw) == expected


def test_parse_petrarch_entries(dictionary: tuple[Path, dict[str, list]]) -> None:
    path, expected = dictionary
    assert len(path.read_text(encoding="utf-8").splitlines()) >= 1000
    d = parse_petrarch(path)
    assert len(d.entries) == len(expected) + 4
    hun = next(e for e in d.entries if e.name == "HUN_SEN_")
    assert hun.synonyms == ("SAMDECH_HUN_SEN_",)
    assert [(c.code, c.start, c.end) for c in hun.codes] == [
        ("KHMGOV", dt.date(1993, 9, 21), dt.date(1998, 11, 30)),
        ("KHMGOV", dt.date(1998, 11, 30), None)]
    asean = next(e for e in d.entries if e.name.startswith("ASEAN"))
    assert [c.code for c in asean.codes] == ["IGOGOV"]


@pytest.mark.parametrize(("lines", "bad_line", "message"), [
    (["# ok", "HUN_SEN_", "[KHMGOV 930921-981130"], 3, "unbalanced"),
    (["HUN_SEN_", "[KHMGOV 931321-981130]"], 2, "bad date"),
    (["HUN_SEN_", "[KHMGOV 981130-930921]"], 2, "end before start"),
    (["HUN_SEN_", "[KHMGOV 9309-9811]"], 2, "bad date range"),
    (["HUN_SEN_", "[khmgov]"], 2, "bad code"),
    (["", "+SAMDECH_HUN_SEN_"], 2, "synonym before any entry"),
    (["[KHMGOV]"], 1, "codes before any entry"),
    (["HUN_SEN_", "Hun Sen is a person"], 2, "upper-case NAME"),
])
def test_parse_lines_malformed_line_number(tmp_path: Path, lines: list[str],
                                           bad_line: int, message: str) -> None:
    with pytest.raises(DataFileError, match=message) as info:
        parse_lines(lines, tmp_path / "d.txt")
    assert info.value.line == bad_line


def test_parse_petrarch_malformed_line_in_big_file(tmp_path: Path) -> None:
    path = tmp_path / "actors.txt"
    write_dictionary(path, n_entries=220)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(700, "[VNMGOV 010101-0202]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        parse_petrarch(path)
    assert info.value.line == 701
    assert f"{path}:701:" in str(info.value)


def test_import_petrarch_roles_dates_and_report(
        dictionary: tuple[Path, dict[str, list]], tmp_path: Path) -> None:
    path, expected = dictionary
    kb_dir = tmp_path / "kb"
    report = import_petrarch(path, kb_dir)
    assert (report.added, report.merged, report.skipped) == (len(expected) + 1, 1, 2)
    assert any("XQZ" in e for e in report.errors)
    assert "persons added" in report.summary()
    kb = load_kb([kb_dir])
    for name, roles in expected.items():
        (person,) = [p for p in kb.lookup(name) if hasattr(p, "roles")]
        got = [(r.country, r.sector, r.start, r.end) for r in person.roles]
        assert got == roles, name
        assert person.id == person.id.lower()
    # the synonym is an alias
    some = next(iter(expected))
    assert kb.lookup(f"Dr {some}")
    # merged: bundled roles kept, PETRARCH roles added, synonym added
    hun = kb.persons["hun-sen"]
    assert len(hun.roles) == len(load_kb().persons["hun-sen"].roles) + 2
    assert hun.roles[-1].start == dt.date(1998, 11, 30) and hun.roles[-1].end is None
    assert "Samdech Hun Sen" in hun.aliases
    asean = kb.lookup("Asean Secretariat Official")[0]
    assert asean.roles[0].country == "IGO" and asean.roles[0].sector == "GOV"
    header = json.loads((kb_dir / PETRARCH_FILE).read_text(encoding="utf-8").splitlines()[0])
    assert header == {"format": "comity-kb/persons", "version": 1}


def test_import_petrarch_twice_is_stable(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_text("JANE_ROE_\n+DR_JANE_ROE\n[FRAGOV 100101-150101]\n", encoding="utf-8")
    kb_dir = tmp_path / "kb"
    first = import_petrarch(path, kb_dir)
    content = (kb_dir / PETRARCH_FILE).read_text(encoding="utf-8")
    second = import_petrarch(path, kb_dir)
    assert (first.added, first.merged) == (1, 0)
    assert (second.added, second.merged) == (0, 1)
    assert (kb_dir / PETRARCH_FILE).read_text(encoding="utf-8") == content


def test_cli_import_petrarch_reports_added_merged_skipped(
        dictionary: tuple[Path, dict[str, list]], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    from comity.cli import main

    path, expected = dictionary
    kb_dir = tmp_path / "kb"
    assert main(["actors", "import-petrarch", str(path), "--kb-dir", str(kb_dir)]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith(f"{len(expected) + 1} persons added, 1 merged, 2 skipped into "
                          f"{kb_dir / PETRARCH_FILE}"), out
    assert "problem(s), first: line" in out
    assert len(load_kb([kb_dir]).persons) > len(expected)


def test_cli_import_petrarch_malformed_line_one_line_error_nothing_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from comity.cli import main

    path = tmp_path / "actors.txt"
    write_dictionary(path, n_entries=220)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(500, "[KHMGOV 930921-981130")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    kb_dir = tmp_path / "kb"
    assert main(["actors", "import-petrarch", str(path), "--kb-dir", str(kb_dir)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"comity: error: {path}:501: unbalanced brackets"), err
    assert len(err.splitlines()) == 1
    assert not (kb_dir / PETRARCH_FILE).exists()


LOCAL_PERSONS = [
    '{"format": "comity-kb/persons", "version": 1}',
    "# promoted by hand",
    '{"id": "jane-roe", "name": "Jane Roe", "aliases": [], "note": "kept", '
    '"roles": [{"office": "Mayor", "organisation": "roe-town", "country": "FRA", '
    '"sector": "GOV", "start": "2009-03"}]}',
    '{"id": "john-doe", "name": "John Doe"}',
]
LOCAL_ORGS = [
    '{"format": "comity-kb/organisations", "version": 1}',
    '{"id": "roe-town", "name": "Roe Town Council", "country": "FRA", "sector": "GOV"}',
]


def _local_kb(kb_dir: Path) -> Path:
    """A local KB folder with a person file (and the organisation its role names)."""
    kb_dir.mkdir()
    (kb_dir / "organisations-local.jsonl").write_text("\n".join(LOCAL_ORGS) + "\n",
                                                       encoding="utf-8")
    local = kb_dir / "persons-local.jsonl"
    local.write_text("\n".join(LOCAL_PERSONS) + "\n", encoding="utf-8")
    return local


def _files_with_id(kb_dir: Path, pid: str) -> list[str]:
    return sorted(p.name for p in kb_dir.glob("persons*.jsonl")
                  if any(json.loads(line).get("id") == pid
                         for line in p.read_text(encoding="utf-8").splitlines()
                         if line.startswith("{")))


@pytest.mark.parametrize("times", [1, 2])
def test_import_petrarch_merges_local_person_into_its_file(tmp_path: Path,
                                                           times: int) -> None:
    kb_dir = tmp_path / "kb"
    local = _local_kb(kb_dir)
    path = tmp_path / "small.txt"
    path.write_text("JANE_ROE_\n+DR_JANE_ROE\n[FRAGOV 100101-150101]\n"
                    "RICHARD_ROE_\n[FRAMIL >200101]\n"
                    "HUN_SEN_\n[KHMGOV 930921-981130]\n"
                    "NO_CODE_AT_ALL_\n", encoding="utf-8")
    reports, texts = [], []
    for _ in range(times):
        reports.append(import_petrarch(path, kb_dir))
        texts.append({p.name: p.read_text(encoding="utf-8") for p in kb_dir.iterdir()})
    assert [(r.added, r.merged, r.skipped) for r in reports] == \
        [(1, 2, 1), (0, 3, 1)][:times]
    assert reports[0].also == [str(local)]
    assert f"(and merged into {local})" in reports[0].summary()
    if times == 2:   # nothing new: the files stay as they were
        assert reports[1].also == [] and texts[1] == texts[0]
    kb = load_kb([kb_dir])
    jane = kb.persons["jane-roe"]
    assert [(r.office, r.organisation, r.start, r.end) for r in jane.roles] == [
        ("Mayor", "roe-town", dt.date(2009, 3, 1), None),
        ("Government (FRAGOV)", None, dt.date(2010, 1, 1), dt.date(2015, 1, 1))]
    assert jane.aliases == ("Dr Jane Roe",)
    assert _files_with_id(kb_dir, "jane-roe") == ["persons-local.jsonl"]
    assert _files_with_id(kb_dir, "richard-roe") == [PETRARCH_FILE]
    assert _files_with_id(kb_dir, "hun-sen") == [PETRARCH_FILE]
    lines = local.read_text(encoding="utf-8").splitlines()
    assert lines[:2] == LOCAL_PERSONS[:2] and lines[3] == LOCAL_PERSONS[3]
    jane_rec = json.loads(lines[2])
    assert jane_rec["note"] == "kept" and jane_rec["roles"][0]["start"] == "2009-03"


def test_import_petrarch_local_person_then_cli_report(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from comity.cli import main

    kb_dir = tmp_path / "kb"
    _local_kb(kb_dir)
    path = tmp_path / "small.txt"
    path.write_text("JOHN_DOE_\n[USAGOV]\n", encoding="utf-8")
    for _ in range(2):
        assert main(["actors", "import-petrarch", str(path), "--kb-dir",
                     str(kb_dir)]) == 0
        out = capsys.readouterr().out.strip()
        assert out.startswith("0 persons added, 1 merged, 0 skipped"), out
    john = load_kb([kb_dir]).persons["john-doe"]
    assert [(r.country, r.sector) for r in john.roles] == [("USA", "GOV")]
    assert _files_with_id(kb_dir, "john-doe") == ["persons-local.jsonl"]
