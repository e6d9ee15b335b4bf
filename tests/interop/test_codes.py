"""Code tables: bundled tables load and give the documented values; bad rows are reported
with file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from comity.errors import DataFileError
from comity.interop.codes import code_tables, codes_dir, load_code_tables
from comity.model import Entity


@pytest.mark.parametrize(("iso3", "fips", "cow", "name"), [
    ("KHM", "CB", 811, "Cambodia"), ("VNM", "VM", 816, "Vietnam"), ("DEU", "GM", 255,
                                                                   "Germany"),
    ("USA", "US", 2, "United States"), ("GBR", "UK", 200, "United Kingdom"),
    ("PRI", "RQ", None, "Puerto Rico"),
])
def test_code_tables_countries(iso3: str, fips: str, cow: int | None, name: str) -> None:
    t = code_tables()
    assert (t.fips(iso3), t.cow(iso3), t.country_name(iso3)) == (fips, cow, name)


@pytest.mark.parametrize(("code", "goldstein", "name"), [
    ("042", 1.9, "Make a visit"), ("043", 2.8, "Host a visit"), ("057", 8.0, None),
    ("0311", 5.2, None), ("163", -8.0, None), ("18", -9.0, "Assault"),
    ("0999", -2.0, None),  # unknown sub-code: its base code's value
])
def test_code_tables_goldstein(code: str, goldstein: float, name: str | None) -> None:
    t = code_tables()
    assert t.goldstein(code) == goldstein
    if name:
        assert t.event_name(code) == name


@pytest.mark.parametrize(("country", "sector", "expected"), [
    ("KHM", "GOV", "KHMGOV"), ("VNM", "ROY", "VNMGOV"), ("IGO", None, "IGO"),
    ("LAO", "XYZ", "LAO"),
])
def test_code_tables_actor_code(country: str, sector: str | None, expected: str) -> None:
    ent = Entity(id="x", name="x", country=country, sector=sector)
    assert code_tables().actor_code(ent) == expected


def test_load_code_tables_bad_row_has_line(tmp_path: Path) -> None:
    folder = tmp_path / "codes"
    shutil.copytree(codes_dir(), folder)
    path = folder / "cameo_events.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[7] = "042\tmany\tMake a visit"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_code_tables(folder)
    assert info.value.line == 8
