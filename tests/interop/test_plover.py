"""PLOVER JSON Lines: manual fields, round trip, validation with line numbers."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from comity.errors import DataFileError, ExportError
from comity.interop.plover import event_to_plover, import_plover, write_plover
from comity.model import Event


def _write(events: list[Event]) -> str:
    buf = io.StringIO()
    write_plover(events, buf)
    return buf.getvalue()


def test_event_to_plover_manual_fields(events: list[Event]) -> None:
    rec = event_to_plover(events[0])
    for key in ("id", "date", "actor", "event", "recipient", "event_loc", "quad_code",
                "event_scale", "mode", "context", "text", "text_info", "cite_info"):
        assert key in rec
    assert rec["date"] == "2026-02-06"
    assert rec["event"] == ["CONSULT"]
    assert rec["mode"] == ["visit"]
    actor = rec["actor"][0]
    assert {k: actor[k] for k in ("code", "sector", "entity_text", "identifier_id",
                                  "identifier_text", "office")} == {
        "code": "VNM", "sector": "PTY", "entity_text": "To Lam",
        "identifier_id": "Q7814074", "identifier_text": "Tô Lâm",
        "office": "General Secretary"}
    loc = rec["event_loc"]
    assert (loc["resolved_place"], loc["country_code"], loc["geonameid"],
            loc["resolution"], loc["city"]) == ("Phnom Penh", "KHM", 1821306, 4,
                                                "Phnom Penh")
    assert rec["text_info"] == {"sequence": 0, "start": 0, "end": 40, "text_story": "doc-a"}
    assert rec["cite_info"]["url"] == "https://example.org/doc-a"


def test_event_to_plover_story_date_when_no_event_date(events: list[Event]) -> None:
    rec = event_to_plover(events[2])
    assert rec["date"] == "2026-02-06"
    assert rec["comity"]["date"] is None


def test_event_to_plover_refuses_no_date(events: list[Event]) -> None:
    import dataclasses
    with pytest.raises(ExportError, match="requires a date"):
        event_to_plover(dataclasses.replace(events[2], story_date=None))


def test_import_plover_round_trip_events_and_bytes(events: list[Event],
                                                   tmp_path: Path) -> None:
    first = _write(events)
    path = tmp_path / "events.jsonl"
    path.write_text(first, encoding="utf-8")
    back = import_plover(path)
    assert back == events
    assert _write(back) == first


FOREIGN = {"id": "x1", "date": "2024-03-01", "event": ["ACCUSE"],
           "actor": [{"code": "USA", "sector": "GOV", "entity_text": "Washington"}],
           "recipient": [{"code": "CHN", "identifier_id": "Q148",
                          "identifier_text": "China"}],
           "mode": ["allege"], "context": ["cyber"]}


def test_import_plover_foreign_record_gets_defaults(tmp_path: Path) -> None:
    path = tmp_path / "foreign.jsonl"
    path.write_text(json.dumps(FOREIGN) + "\n", encoding="utf-8")
    (ev,) = import_plover(path)
    assert (ev.type, ev.cameo, ev.quad, ev.intensity, ev.goldstein) == \
        ("ACCUSE", "111", 3, -3.0, -2.0)
    assert ev.mode == "allege" and ev.context == ("cyber",)
    assert ev.actor[0].name == "Washington" and ev.actor[0].provisional
    assert ev.recipient[0].id == "plover:Q148" and ev.recipient[0].wikidata == "Q148"


@pytest.mark.parametrize(("line", "message"), [
    ("not json", "invalid JSON"),
    ("[1, 2]", "JSON object"),
    (json.dumps({k: v for k, v in FOREIGN.items() if k != "date"}), "'date'"),
    (json.dumps(FOREIGN | {"date": "2024-13-01"}), "not a YYYY-MM-DD"),
    (json.dumps(FOREIGN | {"event": ["MEET"]}), "unknown PLOVER event type"),
    (json.dumps(FOREIGN | {"actor": []}), "non-empty list"),
    (json.dumps(FOREIGN | {"quad_code": 7}), "quad_code"),
    (json.dumps(FOREIGN | {"actor": [{"code": "USAGOV"}]}), "three-letter"),
    (json.dumps(FOREIGN), "duplicate event id"),
])
def test_import_plover_errors_carry_line_number(tmp_path: Path, line: str,
                                                message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(FOREIGN) + "\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as info:
        import_plover(path)
    assert info.value.line == 3
    assert str(info.value).startswith(f"{path}:3:")


def test_import_plover_multi_type_record_splits(tmp_path: Path) -> None:
    path = tmp_path / "multi.jsonl"
    path.write_text(json.dumps(FOREIGN | {"event": ["ACCUSE", "THREATEN"]}) + "\n",
                    encoding="utf-8")
    got = [(e.id, e.type, e.quad) for e in import_plover(path)]
    assert got == [("x1-ACCUSE", "ACCUSE", 3), ("x1-THREATEN", "THREATEN", 3)]


def test_plover_export_reads_in_pandas(events: list[Event]) -> None:
    import warnings

    import pandas as pd

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        df = pd.read_json(io.StringIO(_write(events)), lines=True, dtype={"id": "string"})
    assert list(df["id"]) == [e.id for e in events]
    assert pd.api.types.is_datetime64_any_dtype(df["date"])
    assert str(df["date"].iloc[0].date()) == "2026-02-06"
    assert list(df["event"].iloc[0]) == ["CONSULT"]
    assert [a["identifier_text"] for a in df["actor"].iloc[1]] == ["Tô Lâm", "Hun Sen"]
    assert pd.api.types.is_integer_dtype(df["quad_code"])
    assert pd.api.types.is_float_dtype(df["event_scale"])
