"""Delimited exports: exact columns and order, header rule, pandas reads them back typed."""

from __future__ import annotations

import dataclasses
import io
import re
import warnings
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from comity.interop.tabular import (
    GDELT_COLUMNS,
    TABULAR_FORMATS,
    dyads,
    gdelt_event_id,
    write_tabular,
)
from comity.model import Entity, Event

REPO = Path(__file__).resolve().parents[2]
FORMATS_MD = REPO.parent / "shared" / "docs" / "formats.md"

# The documented layouts (../shared/docs/formats.md), transcribed here by hand so that the
# test does not share a list with the code: header row?, columns in order.
EXPECTED = {
    "polecat": (True, (
        "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code",
        "Contexts", "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector",
        "Actor Sectors", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID",
        "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector",
        "Recipient Sectors", "Recipient Title", "Recipient Name Raw",
        "Wikipedia Recipient ID", "Placename", "City", "District", "Province", "Country",
        "Latitude", "Longitude", "GeoNames ID", "Raw Placename", "Feature Type", "Source",
        "Publication Date", "Story People", "Story Organizations", "Story Locations",
        "Language", "Version")),
    "gdelt": (False, (
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
        "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
        "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code",
        "Actor1Type2Code", "Actor1Type3Code",
        "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
        "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code",
        "Actor2Type2Code", "Actor2Type3Code",
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
        "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
        "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
        "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
        "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
        "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
        "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
        "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
        "DATEADDED", "SOURCEURL")),
    "icews": (True, (
        "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
        "Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors",
        "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "District",
        "Province", "Country", "Latitude", "Longitude")),
    "phoenix": (True, (
        "EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorEntity",
        "SourceActorRole", "SourceActorAttribute", "TargetActorFull", "TargetActorEntity",
        "TargetActorRole", "TargetActorAttribute", "EventCode", "EventRootCode",
        "QuadClass", "GoldsteinScore", "Issues", "Lat", "Lon", "LocationName", "StateName",
        "CountryCode", "SentenceID", "URLs", "NewsSources")),
}
COUNTS = {"polecat": 40, "gdelt": 61, "icews": 20, "phoenix": 26}

#: an event with nothing optional: every optional cell of every format is empty
BARE = Event(id="ev-bare", type="REQUEST", cameo="020", actor=(), date=None,
             story_date=None)


def _export(events: list[Event], fmt: str, pairs: bool = False) -> str:
    buf = io.StringIO()
    write_tabular(events, fmt, buf, cameo_pairs=pairs)
    return buf.getvalue()


@pytest.mark.parametrize("fmt", sorted(EXPECTED))
def test_write_tabular_exact_columns_and_header_rule(events: list[Event], fmt: str) -> None:
    header, columns = EXPECTED[fmt]
    spec = TABULAR_FORMATS[fmt]
    assert len(columns) == COUNTS[fmt]
    assert spec.columns == columns
    assert spec.header is header
    lines = _export(events, fmt).splitlines()
    assert all(len(line.split("\t")) == len(columns) for line in lines)
    if header:
        assert tuple(lines[0].split("\t")) == columns
        assert len(lines) == len(events) + 1
    else:
        assert lines[0].split("\t")[0].isdigit()
        assert len(lines) == len(events)


def test_write_tabular_csv_header_is_the_flattened_schema(events: list[Event]) -> None:
    spec = TABULAR_FORMATS["csv"]
    lines = _export(events, "csv").splitlines()
    assert tuple(lines[0].split(",")) == spec.columns
    assert spec.columns[:3] == ("id", "type", "cameo") and "actor.name" in spec.columns


def _documented_layouts(text: str) -> dict[str, tuple[int, str, list[str]]]:
    """(column count, rest of the heading, names listed) of each TSV section of
    formats.md."""
    out = {}
    for m in re.finditer(r"^## (\w+)[^\n]*\(tab-separated, (\d+) columns([^)]*)\)\n(.*?)"
                         r"(?:\n\n|\n- |\Z)", text, flags=re.M | re.S):
        body = re.sub(r"\s*\([^)]*\)", "", m.group(4).replace("\n", " "))
        names = [n.strip().rstrip(".") for n in re.split(r"[,;]", body)]
        out[m.group(1).lower()] = (int(m.group(2)), m.group(3), names)
    return out


def test_layouts_match_the_shared_formats_document() -> None:
    if not FORMATS_MD.is_file():
        pytest.skip(f"{FORMATS_MD} not found (the shared documents sit beside the repo)")
    documented = _documented_layouts(FORMATS_MD.read_text(encoding="utf-8"))
    assert set(documented) == {"polecat", "gdelt", "icews", "phoenix"}
    for fmt, (count, heading, names) in documented.items():
        spec = TABULAR_FORMATS[fmt]
        assert len(spec.columns) == count, fmt
        assert spec.header is ("no header" not in heading), fmt
        if fmt == "gdelt":  # listed in groups ("the same ten for Actor2"): check the ends
            assert list(spec.columns[:5]) == names[:5]
            assert spec.columns[-2:] == ("DATEADDED", "SOURCEURL")
        else:
            assert list(spec.columns) == names, fmt


def test_gdelt_columns_match_codebook_order() -> None:
    assert GDELT_COLUMNS[5:15] == (
        "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
        "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code",
        "Actor1Type2Code", "Actor1Type3Code")
    assert GDELT_COLUMNS[25:35] == (
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
        "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert GDELT_COLUMNS[51:59] == tuple(f"ActionGeo_{c}" for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
        "FeatureID"))


DTYPE_CHECKS = {
    "str": pd.api.types.is_string_dtype,
    "int": lambda t: str(t) == "Int64",
    "float": pd.api.types.is_float_dtype,
    "date": pd.api.types.is_datetime64_any_dtype,
    "bool": lambda t: str(t) == "boolean",
}
# typed columns the hand-built events leave empty by design
NEVER_FILLED = {"gdelt": ("AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor2Geo_Lat",
                          "Actor2Geo_Long")}


@pytest.mark.parametrize("with_bare", [False, True], ids=["events", "events+bare"])
@pytest.mark.parametrize("fmt", sorted(TABULAR_FORMATS))
def test_pandas_reads_every_column_back_typed(events: list[Event], fmt: str,
                                              with_bare: bool) -> None:
    spec = TABULAR_FORMATS[fmt]
    rows = [*events, BARE] if with_bare else events
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no DtypeWarning, no parser fallback warnings
        df = pd.read_csv(io.StringIO(_export(rows, fmt)), **spec.read_kwargs())
    assert list(df.columns) == list(spec.columns)
    assert len(df) == len(rows)
    types = spec.column_types()
    for col, kind in types.items():
        assert DTYPE_CHECKS[kind](df[col].dtype), (col, kind, df[col].dtype)
    full = df.iloc[:len(events)]
    for col, kind in types.items():
        if kind != "str" and col not in NEVER_FILLED.get(fmt, ()):
            assert full[col].notna().any(), (col, "is empty in every row")


@pytest.mark.parametrize(("fmt", "column", "value"), [
    ("polecat", "Actor COW", 816), ("polecat", "Event Date", pd.Timestamp("2026-02-06")),
    ("gdelt", "EventRootCode", "04"), ("gdelt", "ActionGeo_FeatureID", "1821306"),
    ("icews", "Sentence Number", 0), ("phoenix", "Date", 20260206),
    ("phoenix", "EventCode", "042"), ("csv", "symmetric", False),
    ("csv", "location.geonameid", 1821306), ("csv", "actor.provisional", "false"),
])
def test_pandas_typed_values(events: list[Event], fmt: str, column: str, value: Any) -> None:
    spec = TABULAR_FORMATS[fmt]
    df = pd.read_csv(io.StringIO(_export(events, fmt)), **spec.read_kwargs())
    assert df[column].iloc[0] == value


def test_pandas_keeps_text_that_looks_missing() -> None:
    spec = TABULAR_FORMATS["csv"]
    df = pd.read_csv(io.StringIO(_export([BARE], "csv")), **spec.read_kwargs())
    assert df["actor.name"].isna().all() and df["date"].isna().all()
    # an actor called "NA" (or "None", "null") is a name, not a missing value
    ev = dataclasses.replace(BARE, actor=(Entity(id="x", name="NA", country="NAM"),))
    df = pd.read_csv(io.StringIO(_export([ev], "csv")), **spec.read_kwargs())
    assert df["actor.name"].iloc[0] == "NA"


def test_gdelt_codes_keep_leading_zeros_and_use_fips(events: list[Event]) -> None:
    spec = TABULAR_FORMATS["gdelt"]
    df = pd.read_csv(io.StringIO(_export(events, "gdelt")), **spec.read_kwargs())
    visit = df.iloc[0]
    assert (visit["EventCode"], visit["EventBaseCode"], visit["EventRootCode"]) == \
        ("042", "042", "04")
    assert visit["Actor1Code"] == "VNMPTY"
    assert visit["Actor1Name"] == "TÔ LÂM"
    assert visit["Actor2Code"] == "KHM"
    assert visit["ActionGeo_CountryCode"] == "CB"  # FIPS 10-4, not ISO (KH)
    assert visit["ActionGeo_Type"] == 4
    assert visit["ActionGeo_FullName"] == "Phnom Penh, Cambodia"
    assert visit["SQLDATE"] == 20260206
    assert visit["DATEADDED"] == 20260206000000
    assert visit["GoldsteinScale"] == pytest.approx(1.9)
    assert visit["GLOBALEVENTID"] == gdelt_event_id("ev-visit")
    # the praise has no event date: the story date stands in
    assert df.iloc[2]["SQLDATE"] == 20260206
    # a royal is government in CAMEO
    assert df.iloc[2]["Actor1Code"] == "KHMGOV"


@pytest.mark.parametrize(("fmt", "code_col", "id_col"), [
    ("gdelt", "EventCode", None), ("icews", "CAMEO Code", "Event ID"),
    ("phoenix", "EventCode", "EventID")])
def test_cameo_pairs_emit_042_and_043(events: list[Event], fmt: str, code_col: str,
                                      id_col: str | None) -> None:
    spec = TABULAR_FORMATS[fmt]
    plain = pd.read_csv(io.StringIO(_export(events, fmt)), **spec.read_kwargs())
    paired = pd.read_csv(io.StringIO(_export(events, fmt, pairs=True)),
                         **spec.read_kwargs())
    assert len(paired) == len(plain) + 1  # one visit among the events
    assert list(paired[code_col][:2]) == ["042", "043"]
    if id_col:
        assert list(paired[id_col][:2]) == ["ev-visit-042", "ev-visit-043"]


@pytest.mark.parametrize(("cameo", "expected"), [
    ("042", [("042", "kb:person/to-lam", "kb:country/KHM"),
             ("043", "kb:country/KHM", "kb:person/to-lam")]),
    ("043", [("042", "kb:country/KHM", "kb:person/to-lam"),
             ("043", "kb:person/to-lam", "kb:country/KHM")]),
])
def test_dyads_visit_pair_direction(events: list[Event], cameo: str,
                                    expected: list[tuple[str, str, str]]) -> None:
    import dataclasses
    ev = dataclasses.replace(events[0], cameo=cameo)
    got = [(d.cameo, d.source.id if d.source else "", d.target.id if d.target else "")
           for d in dyads(ev, cameo_pairs=True)]
    assert got == expected


def test_dyads_no_recipient_uses_second_actor(events: list[Event]) -> None:
    (d,) = dyads(events[1], cameo_pairs=True)
    assert (d.cameo, d.source and d.source.name, d.target and d.target.name) == \
        ("040", "Tô Lâm", "Hun Sen")


def test_icews_and_polecat_values(events: list[Event]) -> None:
    icews = pd.read_csv(io.StringIO(_export(events, "icews")),
                        **TABULAR_FORMATS["icews"].read_kwargs())
    row = icews.iloc[0]
    assert (row["Source Name"], row["Source Country"], row["Target Country"]) == \
        ("Tô Lâm", "Vietnam", "Cambodia")
    assert row["Event Text"] == "Make a visit"
    assert row["City"] == "Phnom Penh"
    polecat = pd.read_csv(io.StringIO(_export(events, "polecat")),
                          **TABULAR_FORMATS["polecat"].read_kwargs())
    row = polecat.iloc[0]
    assert (row["Actor COW"], row["Recipient COW"]) == (816, 811)
    assert row["Contexts"] == "diplomatic;economic"
    assert row["Story Organizations"] == "Cambodian People's Party"
    # a tab inside a mention never splits a row; quotes survive
    csv_df = pd.read_csv(io.StringIO(_export(events, "csv")),
                         **TABULAR_FORMATS["csv"].read_kwargs())
    assert csv_df.iloc[1]["mentions.text"] == 'They held "fruitful" talks.'
    assert csv_df.iloc[0]["actor.name"] == "Tô Lâm"
    assert csv_df.iloc[1]["actor.name"] == "Tô Lâm;Hun Sen"
