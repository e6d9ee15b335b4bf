"""Tab-separated exports in the layouts analysts already load: POLECAT (40 columns, header),
GDELT 2.0 events (61 columns, no header), ICEWS (20 columns, header), Phoenix (26 columns,
header), and ``csv`` (the Comity event schema flattened, comma-separated).

Field lists and order follow ``../shared/docs/formats.md``; how each Comity field maps to a
column is documented in ``docs/interop.md``. Multi-valued cells are joined with ``;``.
CAMEO-style formats (gdelt, icews, phoenix) write one row per event dyad (first actor ->
first recipient; with no recipient, first actor -> second actor) and, with
``cameo_pairs=True``, a visit as the CAMEO pair 042 visitor->host and 043 host->visitor.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from comity import __version__
from comity.interop.codes import CodeTables, code_tables
from comity.model import Entity, Event, Place
from comity.output import event_to_record

log = logging.getLogger(__name__)

SEP = ";"

POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code",
    "Contexts", "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector",
    "Actor Sectors", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name",
    "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
    "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People",
    "Story Organizations", "Story Locations", "Language", "Version")

_GDELT_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GDELT_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
              "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in _GDELT_ACTOR) + tuple(f"Actor2{c}" for c in _GDELT_ACTOR)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
       "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"{g}Geo_{c}" for g in ("Actor1", "Actor2", "Action") for c in _GDELT_GEO)
    + ("DATEADDED", "SOURCEURL"))

ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
    "Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors",
    "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "District",
    "Province", "Country", "Latitude", "Longitude")

PHOENIX_COLUMNS: tuple[str, ...] = (
    "EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorEntity",
    "SourceActorRole", "SourceActorAttribute", "TargetActorFull", "TargetActorEntity",
    "TargetActorRole", "TargetActorAttribute", "EventCode", "EventRootCode", "QuadClass",
    "GoldsteinScore", "Issues", "Lat", "Lon", "LocationName", "StateName", "CountryCode",
    "SentenceID", "URLs", "NewsSources")

CSV_COLUMNS: tuple[str, ...] = (
    "id", "type", "cameo", "mode", "context", "status", "kind", "date", "date_text",
    "date_precision", "story_date",
    *(f"{role}.{f}" for role in ("actor", "recipient", "participants")
      for f in ("id", "name", "kind", "text", "country", "sector", "title", "wikidata",
                "provisional")),
    "location.name", "location.country", "location.lat", "location.lon",
    "location.geonameid", "location.text", "location.resolution", "intensity", "goldstein",
    "quad", "trigger", "symmetric", "num_mentions", "num_sources",
    *(f"mentions.{f}" for f in ("doc", "url", "source", "sentence", "start", "end", "text")),
    "links")


@dataclass(frozen=True)
class Dyad:
    """One CAMEO-style row of an event: suffix for the row id, code, source, target."""

    suffix: str
    cameo: str
    source: Entity | None
    target: Entity | None


def is_visit(event: Event) -> bool:
    """True for a visit: CONSULT with mode visit, or CAMEO 042/043."""
    return (event.type == "CONSULT" and event.mode == "visit") or \
        event.cameo in {"042", "043"}


def dyads(event: Event, cameo_pairs: bool = False) -> list[Dyad]:
    """The CAMEO rows of an event (two for a visit when ``cameo_pairs``)."""
    source = event.actor[0] if event.actor else None
    if event.recipient:
        target: Entity | None = event.recipient[0]
    else:
        target = event.actor[1] if len(event.actor) > 1 else None
    if cameo_pairs and is_visit(event) and source is not None and target is not None:
        visitor, host = (target, source) if event.cameo == "043" else (source, target)
        return [Dyad("-042", "042", visitor, host), Dyad("-043", "043", host, visitor)]
    return [Dyad("", event.cameo, source, target)]


def gdelt_event_id(text_id: str) -> int:
    """A stable positive 63-bit integer id (GDELT's GLOBALEVENTID) for a Comity row id."""
    return int(hashlib.sha1(text_id.encode("utf-8")).hexdigest()[:15], 16)


def _day(event: Event) -> dt.date | None:
    return event.date or event.story_date


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _text(value: Any) -> str:
    """A value as cell text: "" for None, ``true``/``false`` for booleans."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _join(values: Iterable[Any]) -> str:
    return SEP.join(_text(v) for v in values)


def _place_parts(p: Place | None, tables: CodeTables) -> tuple[str, str, str, str]:
    """(city, district, province, country name) of a place by its resolution."""
    if p is None:
        return "", "", "", ""
    res = p.resolution
    return (p.name if res >= 4 else "", p.name if res == 3 else "",
            p.name if res == 2 else "", tables.country_name(p.country))


def _mention(event: Event, attr: str) -> Any:
    return getattr(event.mentions[0], attr) if event.mentions else None


# ---------------------------------------------------------------------------- rows
def polecat_rows(event: Event, tables: CodeTables, cameo_pairs: bool) -> list[list[Any]]:
    """The POLECAT row of an event (POLECAT is PLOVER-coded: no CAMEO pairs)."""
    p = event.location
    city, district, province, country = _place_parts(p, tables)

    def side(ents: Sequence[Entity]) -> list[Any]:
        first = ents[0] if ents else None
        return [_join(e.name for e in ents), first.country if first else "",
                tables.cow(first.country) if first else None,
                (first.sector or "") if first else "", _join(e.sector for e in ents),
                _join(e.title for e in ents), _join(e.text for e in ents),
                _join(e.wikidata for e in ents)]

    everyone = (*event.actor, *event.recipient, *event.participants)
    return [[event.id, _iso(_day(event)), event.type, event.mode, event.intensity,
             event.quad, _join(event.context), *side(event.actor), *side(event.recipient),
             p.name if p else "", city, district, province, country,
             p.lat if p else None, p.lon if p else None, p.geonameid if p else None,
             p.text if p else "", _feature(p), _mention(event, "source"),
             _iso(event.story_date),
             _join(dict.fromkeys(e.name for e in everyone if e.kind == "person")),
             _join(dict.fromkeys(e.name for e in everyone if e.kind == "organisation")),
             p.name if p else "", "en", __version__]]


def _feature(p: Place | None) -> str:
    if p is None:
        return ""
    return {5: "PPLX", 4: "PPL", 3: "ADM2", 2: "ADM1", 1: "PCLI"}.get(p.resolution, "")


def _gdelt_actor(e: Entity | None, tables: CodeTables) -> list[Any]:
    if e is None:
        return [""] * len(_GDELT_ACTOR)
    country = e.country or ""
    known = country if country and not tables.countries.get(country) else ""
    return [tables.actor_code(e), e.name.upper(), country, known, "", "", "",
            tables.role_code(e.sector), "", ""]


def _gdelt_geo(p: Place | None, tables: CodeTables) -> list[Any]:
    if p is None:
        return [0, "", "", "", "", None, None, ""]
    fips = tables.fips(p.country)
    us = p.country == "USA"
    geo_type = 1 if p.resolution == 1 else (2 if us else 5) if p.resolution == 2 \
        else (3 if us else 4)
    country = tables.country_name(p.country)
    full = p.name if p.resolution == 1 or not country else f"{p.name}, {country}"
    return [geo_type, full, fips, fips if p.resolution == 1 else "", "", p.lat, p.lon,
            p.geonameid if p.geonameid is not None else ""]


def gdelt_rows(event: Event, tables: CodeTables, cameo_pairs: bool) -> list[list[Any]]:
    """GDELT 2.0 event rows (61 columns); one per dyad."""
    day = _day(event)
    docs = {m.doc for m in event.mentions}
    added = (event.story_date or day)
    out = []
    for d in dyads(event, cameo_pairs):
        gold = tables.goldstein(d.cameo, event.goldstein)
        date_cols: list[Any] = ["", "", "", ""]
        if day is not None:
            frac = round(day.year + day.timetuple().tm_yday / 365.0, 4)
            date_cols = [int(day.strftime("%Y%m%d")), int(day.strftime("%Y%m")), day.year,
                         frac]
        out.append([gdelt_event_id(event.id + d.suffix), *date_cols,
                    *_gdelt_actor(d.source, tables), *_gdelt_actor(d.target, tables),
                    1, d.cameo, d.cameo[:3], d.cameo[:2], event.quad, gold,
                    event.num_mentions, event.num_sources, max(1, len(docs)), None,
                    *_gdelt_geo(None, tables), *_gdelt_geo(None, tables),
                    *_gdelt_geo(event.location, tables),
                    int(added.strftime("%Y%m%d000000")) if added else "",
                    _mention(event, "url")])
    return out


def icews_rows(event: Event, tables: CodeTables, cameo_pairs: bool) -> list[list[Any]]:
    """ICEWS rows (20 columns); one per dyad."""
    p = event.location
    city, district, province, country = _place_parts(p, tables)
    out = []
    for d in dyads(event, cameo_pairs):
        s, t = d.source, d.target
        out.append([event.id + d.suffix, _iso(_day(event)), s.name if s else "",
                    (s.sector or "") if s else "", tables.country_name(s.country) if s else "",
                    tables.event_name(d.cameo), d.cameo,
                    tables.goldstein(d.cameo, event.goldstein), t.name if t else "",
                    (t.sector or "") if t else "",
                    tables.country_name(t.country) if t else "", _mention(event, "doc"),
                    _mention(event, "sentence"), _mention(event, "source"), city, district,
                    province, country, p.lat if p else None, p.lon if p else None])
    return out


def phoenix_rows(event: Event, tables: CodeTables, cameo_pairs: bool) -> list[list[Any]]:
    """Phoenix rows (26 columns); one per dyad."""
    day = _day(event)
    p = event.location
    out = []
    for d in dyads(event, cameo_pairs):
        def actor(e: Entity | None) -> list[Any]:
            if e is None:
                return ["", "", "", ""]
            return [tables.actor_code(e), e.country or "", tables.role_code(e.sector), ""]

        sid = (f"{event.mentions[0].doc}_{event.mentions[0].sentence}"
               if event.mentions else "")
        out.append([event.id + d.suffix, int(day.strftime("%Y%m%d")) if day else "",
                    day.year if day else "", day.month if day else "",
                    day.day if day else "", *actor(d.source), *actor(d.target), d.cameo,
                    d.cameo[:2], event.quad, tables.goldstein(d.cameo, event.goldstein),
                    _join(event.context), p.lat if p else None, p.lon if p else None,
                    p.name if p else "", p.name if p and p.resolution == 2 else "",
                    p.country if p else "", sid,
                    _join(dict.fromkeys(m.url for m in event.mentions if m.url)),
                    _join(dict.fromkeys(m.source for m in event.mentions if m.source))])
    return out


def _flatten(value: Any, prefix: str, out: dict[str, Any]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _flatten(v, f"{prefix}.{k}" if prefix else k, out)
    elif isinstance(value, list) and value and isinstance(value[0], dict):
        for k in value[0]:
            out[f"{prefix}.{k}"] = _join(item.get(k) for item in value)
    elif isinstance(value, list):
        out[prefix] = _join(value)
    else:
        out[prefix] = value


def csv_rows(event: Event, tables: CodeTables, cameo_pairs: bool) -> list[list[Any]]:
    """The event schema (``comity.output.event_to_record``) flattened to one row."""
    flat: dict[str, Any] = {}
    _flatten(event_to_record(event), "", flat)
    return [[flat.get(c, "") for c in CSV_COLUMNS]]


# ---------------------------------------------------------------------------- formats
RowFn = Callable[[Event, CodeTables, bool], list[list[Any]]]


#: pandas dtype of each kind of column (``str`` is the default kind)
PANDAS_DTYPES = {"str": "string", "int": "Int64", "float": "float64", "bool": "boolean"}


@dataclass(frozen=True)
class TabularFormat:
    """A delimited export format: its columns, header rule, delimiter, row builder and the
    type of every column (``int``, ``float``, ``date``, ``bool``; all others ``str``)."""

    name: str
    columns: tuple[str, ...]
    rows: RowFn
    header: bool = True
    delimiter: str = "\t"
    int_columns: tuple[str, ...] = ()
    float_columns: tuple[str, ...] = ()
    date_columns: tuple[str, ...] = ()
    bool_columns: tuple[str, ...] = ()
    cameo: bool = False

    def column_types(self) -> dict[str, str]:
        """The kind of each column, in column order: str, int, float, date or bool."""
        kinds = {**dict.fromkeys(self.int_columns, "int"),
                 **dict.fromkeys(self.float_columns, "float"),
                 **dict.fromkeys(self.date_columns, "date"),
                 **dict.fromkeys(self.bool_columns, "bool")}
        unknown = set(kinds) - set(self.columns)
        if unknown:  # a programming error in the table below
            raise AssertionError(f"{self.name}: typed columns not in the layout: {unknown}")
        return {c: kinds.get(c, "str") for c in self.columns}

    def read_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``pandas.read_csv`` that read this export back typed:
        codes and ids as strings (leading zeros kept), whole numbers as nullable ``Int64``,
        dates as ``datetime64``, ``true``/``false`` as ``boolean``; GDELT gets its names."""
        types = self.column_types()
        kw: dict[str, Any] = {
            "sep": self.delimiter,
            "dtype": {c: PANDAS_DTYPES[k] for c, k in types.items() if k != "date"},
            "keep_default_na": False, "na_values": [""],
            "true_values": ["true"], "false_values": ["false"]}
        if self.date_columns:
            kw["parse_dates"] = list(self.date_columns)
            kw["date_format"] = "%Y-%m-%d"
        if not self.header:
            kw["header"] = None
            kw["names"] = list(self.columns)
        return kw


_GDELT_INTS = ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass",
               "NumMentions", "NumSources", "NumArticles", "DATEADDED",
               "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type")
_GDELT_FLOATS = ("FractionDate", "GoldsteinScale", "AvgTone",
                 *(f"{g}Geo_{c}" for g in ("Actor1", "Actor2", "Action")
                   for c in ("Lat", "Long")))

TABULAR_FORMATS: dict[str, TabularFormat] = {
    "polecat": TabularFormat(
        "polecat", POLECAT_COLUMNS, polecat_rows,
        int_columns=("Quad Code", "Actor COW", "Recipient COW", "GeoNames ID"),
        float_columns=("Intensity", "Latitude", "Longitude"),
        date_columns=("Event Date", "Publication Date")),
    "gdelt": TabularFormat(
        "gdelt", GDELT_COLUMNS, gdelt_rows, header=False, cameo=True,
        int_columns=_GDELT_INTS, float_columns=_GDELT_FLOATS),
    "icews": TabularFormat(
        "icews", ICEWS_COLUMNS, icews_rows, cameo=True, int_columns=("Sentence Number",),
        float_columns=("Intensity", "Latitude", "Longitude"), date_columns=("Event Date",)),
    "phoenix": TabularFormat(
        "phoenix", PHOENIX_COLUMNS, phoenix_rows, cameo=True,
        int_columns=("Date", "Year", "Month", "Day", "QuadClass"),
        float_columns=("GoldsteinScore", "Lat", "Lon")),
    "csv": TabularFormat(
        "csv", CSV_COLUMNS, csv_rows, delimiter=",",
        int_columns=("location.geonameid", "location.resolution", "quad", "num_mentions",
                     "num_sources"),
        float_columns=("location.lat", "location.lon", "intensity", "goldstein"),
        date_columns=("date", "story_date"), bool_columns=("symmetric",)),
}


def _cell(value: Any) -> str:
    text = _text(value)
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def iter_rows(events: Iterable[Event], fmt: TabularFormat,
              cameo_pairs: bool = False) -> Iterator[list[str]]:
    """The rows (cells as text) of ``events`` in format ``fmt``, without the header."""
    tables = code_tables()
    for ev in events:
        for row in fmt.rows(ev, tables, cameo_pairs and fmt.cameo):
            if len(row) != len(fmt.columns):  # a programming error, not a data error
                raise AssertionError(f"{fmt.name}: {len(row)} cells, "
                                     f"{len(fmt.columns)} columns")
            yield [_cell(v) for v in row]


def write_tabular(events: Iterable[Event], fmt: str | TabularFormat, out: TextIO,
                  cameo_pairs: bool = False) -> int:
    """Write ``events`` in a delimited format to ``out``; returns the number of rows."""
    spec = TABULAR_FORMATS[fmt] if isinstance(fmt, str) else fmt
    writer = csv.writer(out, delimiter=spec.delimiter, lineterminator="\n",
                        quoting=csv.QUOTE_MINIMAL)
    if spec.header:
        writer.writerow(spec.columns)
    n = 0
    for row in iter_rows(events, spec, cameo_pairs):
        writer.writerow(row)
        n += 1
    return n
