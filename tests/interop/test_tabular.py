"""Delimited exports: exact columns and order, header rule, pandas reads them back typed."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from comity.interop.tabular import (
    GDELT_COLUMNS,
    ICEWS_COLUMNS,
    PHOENIX_COLUMNS,
    POLECAT_COLUMNS,
    TABULAR_FORMATS,
    dyads,
    gdelt_event_id,
    write_tabular,
)
from comity.model import Event

# the documented layouts (../shared/docs/formats.md): name, column count, header?
LAYOUTS = [
    ("polecat", 40, True, POLECAT_COLUMNS[:3] + POLECAT_COLUMNS[-2:],
     ("Event ID", "Event Date", "Event Type", "Language", "Version")),
    ("gdelt", 61, False, GDELT_COLUMNS[:2] + GDELT_COLUMNS[-2:],
     ("GLOBALEVENTID", "SQLDATE", "DATEADDED", "SOURCEURL")),
    ("icews", 20, True, ICEWS_COLUMNS[:2] + ICEWS_COLUMNS[-2:],
     ("Event ID", "Event Date", "Latitude", "Longitude")),
    ("phoenix", 26, True, PHOENIX_COLUMNS[:2] + PHOENIX_COLUMNS[-2:],
     ("EventID", "Date", "URLs", "NewsSources")),
]


def _export(events: list[Event], fmt: str, pairs: bool = False) -> str:
    buf = io.StringIO()
    write_tabular(events, fmt, buf, cameo_pairs=pairs)
    return buf.getvalue()


@pytest.mark.parametrize(("fmt", "ncols", "header", "ends", "expected_ends"), LAYOUTS)
def test_write_tabular_columns_and_header_rule(events: list[Event], fmt: str, ncols: int,
                                              header: bool, ends: tuple[str, ...],
                                              expected_ends: tuple[str, ...]) -> None:
    spec = TABULAR_FORMATS[fmt]
    assert len(spec.columns) == ncols
    assert len(set(spec.columns)) == ncols
    assert ends == expected_ends
    lines = _export(events, fmt).splitlines()
    assert all(len(line.split("\t")) == ncols for line in lines)
    if header:
        assert tuple(lines[0].split("\t")) == spec.columns
        assert len(lines) == len(events) + 1
    else:
        assert lines[0].split("\t")[0].isdigit()
        assert len(lines) == len(events)


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


@pytest.mark.parametrize(("fmt", "numeric", "strings"), [
    ("polecat", ["Intensity", "Quad Code", "Actor COW", "Latitude", "GeoNames ID"],
     ["Event ID"]),
    ("gdelt", ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "QuadClass",
               "GoldsteinScale", "NumMentions", "ActionGeo_Type", "ActionGeo_Lat",
               "DATEADDED"], ["EventCode", "EventBaseCode", "EventRootCode"]),
    ("icews", ["Intensity", "Sentence Number", "Latitude", "Longitude"],
     ["Event ID", "CAMEO Code"]),
    ("phoenix", ["Date", "Year", "Month", "Day", "QuadClass", "GoldsteinScore", "Lat"],
     ["EventID", "EventCode", "EventRootCode"]),
    ("csv", ["intensity", "goldstein", "quad", "num_mentions", "location.lat"],
     ["id", "cameo"]),
])
def test_pandas_reads_export_back_typed(events: list[Event], fmt: str, numeric: list[str],
                                        strings: list[str]) -> None:
    spec = TABULAR_FORMATS[fmt]
    df = pd.read_csv(io.StringIO(_export(events, fmt)), **spec.read_kwargs())
    assert list(df.columns) == list(spec.columns)
    assert len(df) == len(events)
    for col in numeric:
        assert pd.api.types.is_numeric_dtype(df[col]), (col, df[col].dtype)
    for col in strings:
        assert pd.api.types.is_string_dtype(df[col]), (col, df[col].dtype)
    for col in spec.date_columns:
        assert pd.api.types.is_datetime64_any_dtype(df[col]), (col, df[col].dtype)


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
