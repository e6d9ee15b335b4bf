"""Tests of the actor knowledge base: the bundled data files and the loader's validation."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from comity.actors.kb import (
    NON_STATE_CODES,
    SECTORS,
    Country,
    KnowledgeBase,
    Organisation,
    Person,
    bundled_kb_dir,
    kb_files,
    load_kb,
)
from comity.actors.offices import OfficeIndex
from comity.actors.titles import load_titles
from comity.errors import DataFileError
from comity.model import Role
from comity.textnorm import name_key, strip_diacritics

PERSON_HEADER = '{"format": "comity-kb/persons", "version": 1}'
ORG_HEADER = '{"format": "comity-kb/organisations", "version": 1}'
COUNTRY_HEADER = '{"format": "comity-kb/countries", "version": 1}'


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    """The bundled knowledge base, loaded once for the module."""
    return load_kb()


def _raw_records(kind: str) -> Iterator[tuple[Path, int, dict[str, Any]]]:
    """(file, line, record) of every bundled record of ``kind`` (header excluded)."""
    for k, path in kb_files(bundled_kb_dir()):
        if k != kind:
            continue
        first = True
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if first:
                first = False
                continue
            yield path, lineno, json.loads(line)


def _person(kb: KnowledgeBase, name: str) -> Person:
    hits = [e for e in kb.lookup(name) if isinstance(e, Person)]
    assert len(hits) == 1, f"{name!r}: expected one person, got {hits}"
    return hits[0]


# ------------------------------------------------------------------ bundled files
def test_load_kb_bundled_sizes(kb: KnowledgeBase) -> None:
    assert len(kb.countries) >= 199
    assert len(kb.organisations) >= 300
    assert len(kb.persons) >= 350


def test_kb_files_split_by_kind_and_ordered() -> None:
    files = kb_files(bundled_kb_dir())
    kinds = [k for k, _ in files]
    assert kinds == sorted(kinds, key=["countries", "organisations", "persons"].index)
    assert sum(1 for k in kinds if k == "persons") >= 2


@pytest.mark.parametrize("kind,key", [("persons", "id"), ("organisations", "id"),
                                      ("countries", "iso3")])
def test_kb_ids_unique_across_bundled_files(kind: str, key: str) -> None:
    seen: dict[str, str] = {}
    for path, lineno, rec in _raw_records(kind):
        where = f"{path.name}:{lineno}"
        assert rec[key] not in seen, f"{rec[key]!r} at {where} and {seen[rec[key]]}"
        seen[rec[key]] = where
    assert seen


def test_kb_person_roles_have_known_country_sector_and_organisation(kb: KnowledgeBase) -> None:
    for p in kb.persons.values():
        assert p.roles, f"{p.id} has no role"
        for r in p.roles:
            assert r.country in kb.countries or r.country in NON_STATE_CODES, (p.id, r)
            assert r.sector in SECTORS, (p.id, r)
            assert r.organisation is None or r.organisation in kb.organisations, (p.id, r)


def test_kb_role_country_matches_its_organisation(kb: KnowledgeBase) -> None:
    mismatched = [(p.id, r.office) for p in kb.persons.values() for r in p.roles
                  if r.organisation and kb.organisations[r.organisation].country != r.country]
    assert not mismatched


def test_kb_organisations_have_known_country(kb: KnowledgeBase) -> None:
    for o in kb.organisations.values():
        assert o.country in kb.countries or o.country in NON_STATE_CODES, o
        assert o.sector in SECTORS, o


def test_kb_vietnamese_canonical_names_keep_diacritics(kb: KnowledgeBase) -> None:
    vietnamese = [p for p in kb.persons.values() if p.roles[0].country == "VNM"]
    assert len(vietnamese) >= 30
    for p in vietnamese:
        assert strip_diacritics(p.name) != p.name, p.name
        assert strip_diacritics(p.name) not in p.aliases, f"{p.id}: useless alias"


def test_kb_aliases_differ_from_name_after_folding(kb: KnowledgeBase) -> None:
    for entry in (*kb.persons.values(), *kb.organisations.values()):
        keys = [name_key(a) for a in entry.aliases]
        assert name_key(entry.name) not in keys, entry.id
        assert len(keys) == len(set(keys)), entry.id


def _precise(value: str | None) -> bool:
    return value is not None and len(value.split("-")) == 3


# Offices that several people hold at once.
_SHARED = ("Member", "Deputy", "Vice", "Acting", "Senior", "Secretary of State of",
           "First Vice", "Second Minister", "Leader of the Opposition")


def test_kb_single_holder_offices_do_not_overlap() -> None:
    """Two people never hold the same single-holder office on the same day (beyond the
    imprecision of a month- or year-only date)."""
    holders: dict[tuple[str, str, str], list[tuple[dt.date, dt.date, str, bool]]] = (
        defaultdict(list))
    for _, _, rec in _raw_records("persons"):
        for r in rec.get("roles", []):
            if r["office"].startswith(_SHARED) or "start" not in r:
                continue
            start = dt.date.fromisoformat((r["start"] + "-01-01")[:10])
            end = (dt.date.fromisoformat(r["end"]) if _precise(r.get("end"))
                   else dt.date.max if "end" not in r else None)
            if end is None:   # month/year precision: the last possible day
                y, *m = (int(x) for x in r["end"].split("-"))
                end = (dt.date(y, 12, 31) if not m else
                       dt.date(y + m[0] // 12, m[0] % 12 + 1, 1) - dt.timedelta(days=1))
            precise = _precise(r.get("end")) and _precise(r["start"])
            key = (r.get("country", ""), r["office"], r.get("organisation", ""))
            holders[key].append((start, end, rec["id"], precise))
    problems = []
    for key, spans in holders.items():
        spans.sort()
        for a, b in zip(spans, spans[1:], strict=False):
            if a[2] == b[2]:
                continue
            overlap = (min(a[1], b[1]) - b[0]).days
            allowed = 0 if (a[3] and b[3]) else 366
            if overlap > allowed:
                problems.append((key, a[2], b[2], overlap))
    assert not problems


# (name as written, date, office expected, country expected)
ROLE_CASES = [
    ("Hun Sen", "2022-01-01", "Prime Minister", "KHM"),
    ("Hun Sen", "2025-02-21", "President of the Cambodian People's Party", "KHM"),
    ("Hun Manet", "2025-02-12", "Prime Minister", "KHM"),
    ("Hun Manet", "2020-06-01", "Commander-in-Chief of the Royal Cambodian Armed Forces",
     "KHM"),
    ("Heng Samrin", "2020-01-01", "President of the National Assembly", "KHM"),
    ("Heng Samrin", "2026-02-06", "Honorary President of the Cambodian People's Party", "KHM"),
    ("Khuon Sudary", "2024-01-01", "President of the National Assembly", "KHM"),
    ("Say Chhum", "2020-01-01", "President of the Senate", "KHM"),
    ("Ouch Borith", "2025-01-20", "First Vice President of the Senate", "KHM"),
    ("Norodom Sihamoni", "2025-04-17", "King of Cambodia", "KHM"),
    ("Norodom Monineath Sihanouk", "2026-02-06", "Queen Mother of Cambodia", "KHM"),
    ("Norodom Sihanouk", "2000-01-01", "King of Cambodia", "KHM"),
    ("Sok Chenda Sophea", "2025-02-12",
     "Deputy Prime Minister and Minister of Foreign Affairs and International Cooperation",
     "KHM"),
    ("Prak Sokhonn", "2020-01-01",
     "Deputy Prime Minister and Minister of Foreign Affairs and International Cooperation",
     "KHM"),
    ("Tea Seiha", "2024-01-01", "Deputy Prime Minister and Minister of National Defence", "KHM"),
    ("Tô Lâm", "2020-01-01", "Minister of Public Security", "VNM"),
    ("To Lam", "2024-06-01", "President", "VNM"),
    ("Tô Lâm", "2024-09-01", "General Secretary of the Communist Party of Vietnam", "VNM"),
    ("Nguyễn Phú Trọng", "2019-01-01", "General Secretary of the Communist Party of Vietnam",
     "VNM"),
    ("Nguyễn Xuân Phúc", "2018-01-01", "Prime Minister", "VNM"),
    ("Nguyen Xuan Phuc", "2022-01-01", "President", "VNM"),
    ("Võ Văn Thưởng", "2023-06-01", "President", "VNM"),
    ("Lương Cường", "2024-11-12", "President", "VNM"),
    ("Phạm Minh Chính", "2025-02-21", "Prime Minister", "VNM"),
    ("Vương Đình Huệ", "2022-01-01", "Chairman of the National Assembly", "VNM"),
    ("Trần Thanh Mẫn", "2026-02-06", "Chairman of the National Assembly", "VNM"),
    ("Bùi Thanh Sơn", "2022-01-01", "Minister of Foreign Affairs", "VNM"),
    ("Phan Văn Giang", "2026-02-06", "Minister of National Defence", "VNM"),
    ("Lương Tam Quang", "2026-02-06", "Minister of Public Security", "VNM"),
    ("Lê Minh Hưng", "2026-02-06",
     "Head of the CPV Central Committee's Organisation Commission", "VNM"),
    ("Bùi Thị Minh Hoài", "2026-02-06",
     "President of the Vietnam Fatherland Front Central Committee", "VNM"),
    ("Lê Hoài Trung", "2025-01-20",
     "Head of the CPV Central Committee's Commission for External Relations", "VNM"),
    ("Nguyễn Minh Vũ", "2026-02-06", "Vietnamese Ambassador to Cambodia", "VNM"),
    ("Thongloun Sisoulith", "2018-01-01", "Prime Minister", "LAO"),
    ("Thongloun Sisoulith", "2024-01-01",
     "General Secretary of the Lao People's Revolutionary Party", "LAO"),
    ("Sonexay Siphandone", "2024-11-05", "Prime Minister", "LAO"),
    ("Phankham Viphavanh", "2022-01-01", "Prime Minister", "LAO"),
    ("Saysomphone Phomvihane", "2024-01-01", "President of the National Assembly", "LAO"),
    ("Saleumxay Kommasith", "2024-11-05", "Minister of Foreign Affairs", "LAO"),
    ("Paetongtarn Shinawatra", "2025-01-01", "Prime Minister", "THA"),
    ("Prayuth Chan-ocha", "2020-01-01", "Prime Minister", "THA"),
    ("Maris Sangiampongsa", "2024-10-18", "Minister of Foreign Affairs", "THA"),
    ("Anwar Ibrahim", "2024-10-18", "Prime Minister", "MYS"),
    ("Mohamad Hasan", "2024-10-18", "Minister of Foreign Affairs", "MYS"),
    ("Prabowo Subianto", "2022-01-01", "Minister of Defence", "IDN"),
    ("Prabowo Subianto", "2025-02-12", "President", "IDN"),
    ("Sugiono", "2025-02-12", "Minister of Foreign Affairs", "IDN"),
    ("Lawrence Wong", "2025-01-08", "Prime Minister", "SGP"),
    ("Ferdinand Marcos Jr.", "2023-01-01", "President", "PHL"),
    ("Min Aung Hlaing", "2022-01-01", "Chairman of the State Administration Council", "MMR"),
    ("Hassanal Bolkiah", "2020-01-01", "Sultan of Brunei", "BRN"),
    ("Xanana Gusmão", "2024-01-01", "Prime Minister", "TLS"),
    ("Xi Jinping", "2025-04-17", "General Secretary of the Communist Party of China", "CHN"),
    ("Li Qiang", "2023-11-06", "Premier of the State Council", "CHN"),
    ("Wang Yi", "2023-03-01", "Director of the Office of the Central Foreign Affairs Commission",
     "CHN"),
    ("Shigeru Ishiba", "2024-10-02", "Prime Minister", "JPN"),
    ("Yoon Suk Yeol", "2024-10-02", "President", "KOR"),
    ("Kim Jong Un", "2022-01-01", "General Secretary of the Workers' Party of Korea", "PRK"),
    ("Narendra Modi", "2020-01-01", "Prime Minister", "IND"),
    ("Anthony Albanese", "2023-11-06", "Prime Minister", "AUS"),
    ("Joe Biden", "2024-10-02", "President", "USA"),
    ("Donald Trump", "2019-01-01", "President", "USA"),
    ("Donald Trump", "2023-01-01", "President", "USA"),
    ("Marco Rubio", "2025-07-10", "Secretary of State", "USA"),
    ("Vladimir Putin", "2025-08-15", "President", "RUS"),
    ("Keir Starmer", "2025-01-01", "Prime Minister", "GBR"),
    ("Emmanuel Macron", "2025-01-01", "President", "FRA"),
    ("Olaf Scholz", "2023-01-01", "Chancellor", "DEU"),
    ("Ursula von der Leyen", "2024-01-01", "President of the European Commission", "EUR"),
    ("Kaja Kallas", "2025-03-01",
     "High Representative of the Union for Foreign Affairs and Security Policy", "EUR"),
    ("António Guterres", "2024-01-01", "Secretary-General of the United Nations", "UNO"),
    ("Kao Kim Hourn", "2024-01-01", "Secretary-General of ASEAN", "ASN"),
    ("William Ruto", "2025-01-14", "President", "KEN"),
    ("KP Sharma Oli", "2025-04-04", "Prime Minister", "NPL"),
    ("KP Sharma Oli", "2025-12-01", "Prime Minister", "NPL"),   # the last role, ended
    ("Abbas Araghchi", "2025-06-18", "Minister of Foreign Affairs", "IRN"),
    ("Hakan Fidan", "2025-09-04", "Minister of Foreign Affairs", "TUR"),
]


@pytest.mark.parametrize("name,day,office,country", ROLE_CASES)
def test_person_role_on_date(kb: KnowledgeBase, name: str, day: str, office: str,
                             country: str) -> None:
    role = _person(kb, name).role_on(dt.date.fromisoformat(day))
    assert role is not None
    assert (role.office, role.country) == (office, country)


@pytest.mark.parametrize("name,day", [
    ("Nguyễn Phú Trọng", "2024-07-20"),
    ("Hun Sen", "2023-09-01"),
    ("Srettha Thavisin", "2024-09-01"),
    ("Yoon Suk Yeol", "2025-05-01"),
    ("Shigeru Ishiba", "2025-11-01"),
    ("Joe Biden", "2025-02-01"),
])
def test_person_out_of_office_after_end(kb: KnowledgeBase, name: str, day: str) -> None:
    day_ = dt.date.fromisoformat(day)
    offices = {r.office for r in _person(kb, name).roles_on(day_)}
    assert not offices & {"Prime Minister", "President",
                          "General Secretary of the Communist Party of Vietnam"}


@pytest.mark.parametrize("short,pid", [
    ("Lâm", "to-lam"), ("Lam", "to-lam"), ("Chính", "pham-minh-chinh"),
    ("Mẫn", "tran-thanh-man"), ("Xi", "xi-jinping"), ("Yoon", "yoon-suk-yeol"),
    ("Paetongtarn", "paetongtarn-shinawatra"), ("Sonexay", "sonexay-siphandone"),
    ("Manet", "hun-manet"), ("Albanese", "anthony-albanese"), ("Ishiba", "shigeru-ishiba"),
    ("Modi", "narendra-modi"),
])
def test_lookup_short_finds_person(kb: KnowledgeBase, short: str, pid: str) -> None:
    assert pid in {p.id for p in kb.lookup_short(short)}


@pytest.mark.parametrize("text,pid", [
    ("Prayuth Chan-ocha", "prayut-chan-o-cha"),
    ("Prayut Chan-o-cha", "prayut-chan-o-cha"),
    ("PHAM MINH CHINH", "pham-minh-chinh"),
    ("Bui Thi Minh Hoai", "bui-thi-minh-hoai"),
    ("Jokowi", "joko-widodo"),
    ("Bongbong Marcos", "ferdinand-marcos-jr"),
])
def test_lookup_person_by_alias(kb: KnowledgeBase, text: str, pid: str) -> None:
    assert pid in {e.id for e in kb.lookup(text) if isinstance(e, Person)}


@pytest.mark.parametrize("text,pid", [
    ("Ishiba Shigeru", "shigeru-ishiba"),   # Japan: name_order "both"
    ("ISHIBA Shigeru", "shigeru-ishiba"),
    ("Shigeru Ishiba", "shigeru-ishiba"),
    ("Jinping Xi", None),                    # China: only the order of the knowledge base
    ("Manet Hun", None),
])
def test_lookup_person_in_reversed_order_only_where_the_country_allows(
        kb: KnowledgeBase, text: str, pid: str | None) -> None:
    found = {e.id for e in kb.lookup(text) if isinstance(e, Person)}
    assert found == ({pid} if pid else set())


@pytest.mark.parametrize("text,oid", [
    ("Standing Committee of the CPP Central Committee", "cpp-standing"),
    ("Standing Board of the CPP Central Committee", "cpp-standing"),
    ("Standing Committee of the Central Committee of the Cambodian People's Party",
     "cpp-standing"),
    ("CPP Standing Board", "cpp-standing"),
    ("Politburo of the CPV Central Committee", "cpv-politburo"),
    ("Political Bureau of the CPV Central Committee", "cpv-politburo"),
    ("CPV Politburo", "cpv-politburo"),
    ("Communist Party of Việt Nam", "cpv"),
    ("Cambodian People's Party", "cpp"),
    ("Lao People's Revolutionary Party", "lprp"),
    ("National Assembly of Vietnam", "vn-na"),
    ("Cambodian Senate", "kh-senate"),
    ("Lao National Assembly", "la-na"),
    ("Vietnam Fatherland Front", "vn-vff"),
    ("Lao Front for National Development", "la-lfnd"),
    ("Solidarity Front for Development of the Cambodian Motherland", "kh-sfdmc"),
    ("ASEAN", "asean"),
    ("United Nations", "un"),
    ("Mekong River Commission", "mrc"),
    ("Mekong-Lancang Cooperation", "lmc"),
    ("WTO", "wto"),
    ("European Commission", "eu-commission"),
])
def test_lookup_organisation_by_name_or_alias(kb: KnowledgeBase, text: str, oid: str) -> None:
    assert oid in {e.id for e in kb.lookup(text) if isinstance(e, Organisation)}


def test_organisation_parents_chain_to_roots(kb: KnowledgeBase) -> None:
    for org in kb.organisations.values():
        seen = {org.id}
        parent = org.parent
        while parent:
            assert parent not in seen, f"parent cycle at {org.id}"
            seen.add(parent)
            parent = kb.organisations[parent].parent


ASEAN_PLUS = ["BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM", "TLS",
              "CHN", "JPN", "KOR", "PRK", "IND", "AUS", "USA", "RUS", "GBR", "FRA", "DEU"]


@pytest.mark.parametrize("iso3", ASEAN_PLUS)
def test_country_core_fields_complete(kb: KnowledgeBase, iso3: str) -> None:
    c = kb.countries[iso3]
    assert c.iso2 and c.capital and c.fips and c.cow and c.demonyms and c.wikidata


@pytest.mark.parametrize("text,iso3", [
    ("Việt Nam", "VNM"), ("Viet Nam", "VNM"), ("Vietnamese", "VNM"), ("Lao PDR", "LAO"),
    ("Laotian", "LAO"), ("Lao", "LAO"), ("Kampuchea", "KHM"), ("Khmer", "KHM"),
    ("Burma", "MMR"), ("South Korea", "KOR"), ("Republic of Korea", "KOR"), ("ROK", "KOR"),
    ("North Korea", "PRK"), ("DPRK", "PRK"), ("US", "USA"), ("U.S.", "USA"),
    ("United States of America", "USA"), ("American", "USA"), ("UK", "GBR"),
    ("Britain", "GBR"), ("British", "GBR"), ("Russian Federation", "RUS"), ("PRC", "CHN"),
    ("People's Republic of China", "CHN"), ("Chinese", "CHN"), ("Thai", "THA"),
    ("East Timor", "TLS"), ("Türkiye", "TUR"), ("Czechia", "CZE"), ("Swaziland", "SWZ"),
    ("Côte d'Ivoire", "CIV"), ("Kosovo", "XKX"), ("Taiwan", "TWN"), ("Palestine", "PSE"),
    ("Hong Kong", "HKG"), ("Macao", "MAC"), ("Holy See", "VAT"), ("KHM", "KHM"),
])
def test_country_resolves_names_aliases_and_demonyms(kb: KnowledgeBase, text: str,
                                                     iso3: str) -> None:
    country = kb.country(text)
    assert isinstance(country, Country)
    assert country.iso3 == iso3


@pytest.mark.parametrize("iso3,cow,fips", [
    ("USA", 2, "US"), ("VNM", 816, "VM"), ("KHM", 811, "CB"), ("LAO", 812, "LA"),
    ("CHN", 710, "CH"), ("GBR", 200, "UK"), ("DEU", 255, "GM"), ("RUS", 365, "RS"),
])
def test_country_codes(kb: KnowledgeBase, iso3: str, cow: int, fips: str) -> None:
    assert (kb.countries[iso3].cow, kb.countries[iso3].fips) == (cow, fips)


def test_country_cow_codes_unique(kb: KnowledgeBase) -> None:
    cows = [c.cow for c in kb.countries.values() if c.cow is not None]
    assert len(cows) >= 190
    assert len(cows) == len(set(cows))


# ------------------------------------------------------------------ loader on small files
def _write(folder: Path, name: str, *lines: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


_GOOD = '{"id": "x-one", "name": "X One", "roles": [{"office": "Mayor", "country": "VNM"}]}'

BROKEN_CASES = [
    ("bad_json", "persons.jsonl", [PERSON_HEADER, '{"id": "x", "name": '], 2, "invalid JSON"),
    ("not_object", "persons.jsonl", [PERSON_HEADER, "[1, 2]"], 2, "JSON object"),
    ("missing_name", "persons.jsonl", [PERSON_HEADER, "# comment", '{"id": "x-two"}'], 3,
     "'name'"),
    ("missing_office", "persons.jsonl",
     [PERSON_HEADER, '{"id": "x", "name": "X", "roles": [{"country": "VNM"}]}'], 2, "office"),
    ("bad_date", "persons.jsonl",
     [PERSON_HEADER, _GOOD,
      '{"id": "x", "name": "X", "roles": [{"office": "A", "start": "2024-13-01"}]}'], 3,
     "not a date"),
    ("end_before_start", "persons.jsonl",
     [PERSON_HEADER,
      '{"id": "x", "name": "X", "roles": [{"office": "A", "start": "2024", "end": "2023"}]}'],
     2, "before"),
    ("bad_sector", "persons.jsonl",
     [PERSON_HEADER, '{"id": "x", "name": "X", "roles": [{"office": "A", "sector": "XYZ"}]}'],
     2, "unknown sector"),
    ("bad_country", "persons.jsonl",
     [PERSON_HEADER, '{"id": "x", "name": "X", "roles": [{"office": "A", "country": "VN"}]}'],
     2, "alpha-3"),
    ("bad_gender", "persons.jsonl", [PERSON_HEADER, '{"id": "x", "name": "X", "gender": "m"}'],
     2, "gender"),
    ("bad_qid", "persons.jsonl", [PERSON_HEADER, '{"id": "x", "name": "X", "wikidata": "7"}'],
     2, "QID"),
    ("unknown_field", "persons.jsonl", [PERSON_HEADER, '{"id": "x", "name": "X", "age": 3}'],
     2, "unknown field"),
    ("duplicate_id", "persons-extra.jsonl", [PERSON_HEADER, _GOOD, "", _GOOD], 4,
     "duplicate id"),
    ("missing_header", "persons.jsonl", [_GOOD], 1, "header"),
    ("wrong_header_kind", "persons.jsonl", [ORG_HEADER, _GOOD], 1, "header"),
    ("bad_org_kind", "organisations.jsonl",
     [ORG_HEADER, '{"id": "o", "name": "O", "kind": "club"}'], 2, "unknown kind"),
    ("bad_cow", "countries.jsonl", [COUNTRY_HEADER, '{"iso3": "XXA", "name": "A", "cow": "2"}'],
     2, "cow"),
    ("bad_name_order", "countries.jsonl",
     [COUNTRY_HEADER, '{"iso3": "XXA", "name": "A", "name_order": "reversed"}'], 2,
     "name_order"),
]


@pytest.mark.parametrize("case,filename,lines,line,fragment", BROKEN_CASES,
                         ids=[c[0] for c in BROKEN_CASES])
def test_load_kb_broken_file_names_file_and_line(tmp_path: Path, case: str, filename: str,
                                                 lines: list[str], line: int,
                                                 fragment: str) -> None:
    path = _write(tmp_path, filename, *lines)
    with pytest.raises(DataFileError) as info:
        load_kb([tmp_path])
    assert info.value.path == str(path)
    assert info.value.line == line
    assert fragment in info.value.reason
    assert f"{path}:{line}:" in str(info.value)


def test_load_kb_header_only_comments_has_no_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "persons.jsonl", "# nothing here")
    with pytest.raises(DataFileError) as info:
        load_kb([tmp_path])
    assert (info.value.path, info.value.line) == (str(path), None)


def test_load_kb_unknown_parent_is_an_error(tmp_path: Path) -> None:
    _write(tmp_path, "organisations.jsonl", ORG_HEADER,
           '{"id": "o-child", "name": "Child", "parent": "no-such-parent"}')
    with pytest.raises(DataFileError, match="no-such-parent"):
        load_kb([tmp_path])


def test_load_kb_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="not found"):
        load_kb([tmp_path / "absent"])


def test_load_kb_bad_extra_folder_leaves_previous_kb_usable(tmp_path: Path,
                                                            kb: KnowledgeBase) -> None:
    before = (len(kb.persons), len(kb.organisations), len(kb.countries))
    _write(tmp_path, "persons.jsonl", PERSON_HEADER, _GOOD, '{"id": "broken"')
    with pytest.raises(DataFileError):
        load_kb([tmp_path])
    assert (len(kb.persons), len(kb.organisations), len(kb.countries)) == before
    assert [e.id for e in kb.lookup("Hun Sen")] == ["hun-sen"]
    assert "x-one" not in kb.persons


def test_load_kb_extra_folder_adds_and_overrides(tmp_path: Path, kb: KnowledgeBase) -> None:
    _write(tmp_path, "persons-local.jsonl", PERSON_HEADER, _GOOD,
           '{"id": "hun-sen", "name": "Hun Sen", "aliases": ["Samdech Techo Hun Sen"], '
           '"roles": [{"office": "Senate President", "country": "KHM", "sector": "LEG"}]}')
    extended = load_kb([tmp_path])
    assert len(extended.persons) == len(kb.persons) + 1
    assert extended.persons["x-one"].name == "X One"
    assert [e.id for e in extended.lookup("Samdech Techo Hun Sen")] == ["hun-sen"]
    assert extended.persons["hun-sen"].roles[0].office == "Senate President"


@pytest.mark.parametrize("start,end,first,last", [
    ("2024", "2024", "2024-01-01", "2024-12-31"),
    ("2024-02", "2024-02", "2024-02-01", "2024-02-29"),
    ("2023-12", "2023-12", "2023-12-01", "2023-12-31"),
    ("2024-05-22", "2024-10-21", "2024-05-22", "2024-10-21"),
])
def test_load_kb_partial_dates_cover_whole_period(tmp_path: Path, start: str, end: str,
                                                  first: str, last: str) -> None:
    _write(tmp_path, "persons.jsonl", PERSON_HEADER,
           json.dumps({"id": "p", "name": "P", "roles": [
               {"office": "A", "start": start, "end": end}]}))
    role = load_kb([tmp_path]).persons["p"].roles[0]
    assert (role.start, role.end) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


@pytest.mark.parametrize("end", ["2024-13", "2024-00"])
def test_load_kb_end_month_out_of_range_is_an_error(tmp_path: Path, end: str) -> None:
    path = _write(tmp_path, "persons.jsonl", PERSON_HEADER,
                  json.dumps({"id": "p", "name": "P", "roles": [
                      {"office": "A", "start": "2020", "end": end}]}))
    with pytest.raises(DataFileError, match="not a date") as info:
        load_kb([tmp_path])
    assert (info.value.path, info.value.line) == (str(path), 2)


def test_person_role_on_before_first_role_is_none(kb: KnowledgeBase) -> None:
    assert _person(kb, "Lawrence Wong").role_on(dt.date(2015, 1, 1)) is None


@pytest.mark.parametrize("day,office", [
    (None, "First"), ("2009-12-31", None), ("2010-06-01", "First"), ("2012-06-01", "First"),
    ("2014-06-01", "Second"), ("2030-01-01", "Second")])
def test_person_role_on_picks_valid_then_latest_past_role(day: str | None,
                                                         office: str | None) -> None:
    person = Person(id="p", name="P", roles=(
        Role(office="First", start=dt.date(2010, 1, 1), end=dt.date(2012, 12, 31)),
        Role(office="Second", start=dt.date(2014, 1, 1), end=dt.date(2016, 12, 31))))
    role = person.role_on(dt.date.fromisoformat(day) if day else None)
    assert (role.office if role else None) == office


def test_load_kb_duplicate_id_across_files_names_both(tmp_path: Path) -> None:
    first = _write(tmp_path, "persons-a.jsonl", PERSON_HEADER, "# one", _GOOD)
    second = _write(tmp_path, "persons-b.jsonl", PERSON_HEADER, _GOOD)
    with pytest.raises(DataFileError, match="duplicate id 'x-one'") as info:
        load_kb([tmp_path])
    assert (info.value.path, info.value.line) == (str(second), 2)
    assert f"{first}:3" in info.value.reason


def test_load_kb_extra_folder_repeating_an_id_in_two_files_is_an_error(tmp_path: Path) -> None:
    # an extra folder may override a bundled id, but not repeat it in two of its files
    _write(tmp_path, "persons-a.jsonl", PERSON_HEADER,
           '{"id": "hun-sen", "name": "Hun Sen", "roles": [{"office": "A"}]}')
    _write(tmp_path, "persons-b.jsonl", PERSON_HEADER,
           '{"id": "hun-sen", "name": "Hun Sen", "roles": [{"office": "B"}]}')
    with pytest.raises(DataFileError, match="duplicate id 'hun-sen'"):
        load_kb([tmp_path])


def test_load_kb_unknown_role_organisation_names_file_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "persons.jsonl", PERSON_HEADER, _GOOD, "",
                  '{"id": "x-two", "name": "X Two", "roles": [{"office": "A"}, '
                  '{"office": "B", "organisation": "no-such-org"}]}')
    with pytest.raises(DataFileError, match=r"roles\[2\]: unknown organisation") as info:
        load_kb([tmp_path])
    assert (info.value.path, info.value.line) == (str(path), 4)


def test_load_kb_role_organisation_from_extra_organisations_file(tmp_path: Path) -> None:
    _write(tmp_path, "organisations-x.jsonl", ORG_HEADER,
           '{"id": "x-org", "name": "X Org", "country": "VNM", "sector": "GOV"}')
    _write(tmp_path, "persons.jsonl", PERSON_HEADER,
           '{"id": "x-two", "name": "X Two", "roles": [{"office": "A", '
           '"organisation": "x-org"}]}')
    assert load_kb([tmp_path]).persons["x-two"].roles[0].organisation == "x-org"


def test_load_kb_unknown_parent_names_file_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "organisations.jsonl", ORG_HEADER, "# c",
                  '{"id": "o-child", "name": "Child", "parent": "no-such-parent"}')
    with pytest.raises(DataFileError) as info:
        load_kb([tmp_path])
    assert (info.value.path, info.value.line) == (str(path), 3)


def test_load_kb_broken_reload_keeps_previous_state(tmp_path: Path) -> None:
    """A caller reloading after an edit gets the file and line of the error, and the
    knowledge base it holds is unchanged (no partial load leaks into it)."""
    path = _write(tmp_path, "persons-local.jsonl", PERSON_HEADER, _GOOD)
    current = load_kb([tmp_path])
    _write(tmp_path, "persons-local.jsonl", PERSON_HEADER,
           '{"id": "x-new", "name": "X New", "roles": [{"office": "A"}]}',
           '{"id": "x-one", "name": "X One", "roles": [{"office": "A", "end": "2024-13"}]}')
    try:
        current = load_kb([tmp_path])
    except DataFileError as exc:
        assert (exc.path, exc.line) == (str(path), 3)
    else:
        pytest.fail("the broken file was accepted")
    assert "x-one" in current.persons and "x-new" not in current.persons
    assert [e.id for e in current.lookup("X One")] == ["x-one"]
    assert current.lookup("X New") == []


@pytest.mark.parametrize("day", ["2023-06-01", "2024-06-01"])
def test_kb_country_leader_office_has_one_holder(kb: KnowledgeBase, day: str) -> None:
    """The office named as a country's leader is held by exactly one person."""
    index = OfficeIndex(kb, load_titles())
    leaders = [c for c in kb.countries.values() if c.leader]
    assert {"KHM", "VNM", "LAO", "THA", "CHN", "USA"} <= {c.iso3 for c in leaders}
    wrong = {c.iso3: [p.id for p, _ in index.holders(index.offices(c.leader)[0], c.iso3,
                                                     dt.date.fromisoformat(day))]
             for c in leaders}
    assert {k: v for k, v in wrong.items() if len(v) != 1} == {}


def test_load_kb_country_leader_field(tmp_path: Path) -> None:
    _write(tmp_path, "countries-x.jsonl", COUNTRY_HEADER,
           '{"iso3": "XXA", "name": "Xland", "leader": "Prime Minister"}')
    assert load_kb([tmp_path]).countries["XXA"].leader == "Prime Minister"
