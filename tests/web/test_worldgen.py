"""Tests of the world-outline generator on hand-built shapefile and dBase bytes."""

from __future__ import annotations

import struct

import pytest

from comity.errors import InputError
from comity.web.worldgen import build_geojson, read_dbf, read_shp, simplify


def shp_bytes(polygons: list[list[list[tuple[float, float]]]]) -> bytes:
    """A minimal polygon shapefile (header + records) holding ``polygons``."""
    records = b""
    for num, rings in enumerate(polygons, start=1):
        points = [p for ring in rings for p in ring]
        parts, at = [], 0
        for ring in rings:
            parts.append(at)
            at += len(ring)
        content = struct.pack("<i", 5) + struct.pack("<4d", 0, 0, 0, 0)
        content += struct.pack("<ii", len(rings), len(points))
        content += struct.pack(f"<{len(parts)}i", *parts)
        content += b"".join(struct.pack("<2d", x, y) for x, y in points)
        records += struct.pack(">ii", num, len(content) // 2) + content
    header = struct.pack(">i", 9994) + b"\0" * 20 + struct.pack(">i", (100 + len(records)) // 2)
    header += struct.pack("<ii", 1000, 5) + b"\0" * 64
    return header + records


def dbf_bytes(rows: list[dict[str, str]]) -> bytes:
    """A minimal dBase III file with character fields ``name`` and ``iso_a3``."""
    fields = [("NAME", 20), ("ISO_A3", 3)]
    header_len = 32 + 32 * len(fields) + 1
    record_len = 1 + sum(n for _, n in fields)
    out = struct.pack("<B3xIHH20x", 3, len(rows), header_len, record_len)
    for name, size in fields:
        out += name.encode().ljust(11, b"\0") + b"C" + b"\0" * 4 + bytes([size, 0]) + b"\0" * 14
    out += b"\r"
    for row in rows:
        out += b" " + b"".join(row[n.lower()].encode("latin-1").ljust(s) for n, s in fields)
    return out


SQUARE = [(0.0, 0.0), (0.0, 1.0), (0.5, 1.0), (1.0, 1.0), (1.0, 0.0), (0.0, 0.0)]


@pytest.mark.parametrize(("ring", "tolerance", "expected"), [
    (SQUARE, 0.1, [(0.0, 0.0), (0.0, 1.0), (1.0, 1.0), (1.0, 0.0), (0.0, 0.0)]),
    ([(0.0, 0.0), (1.0, 0.05), (2.0, 0.0), (0.0, 0.0)], 0.01,
     [(0.0, 0.0), (1.0, 0.05), (2.0, 0.0), (0.0, 0.0)]),
    ([(0.0, 0.0), (1.0, 0.05), (2.0, 0.0), (0.0, 0.0)], 0.1,
     [(0.0, 0.0), (2.0, 0.0), (0.0, 0.0)]),
    ([(0, 0), (1, 0.01), (2, 0), (3, 0)], 0.1, [(0, 0), (3, 0)]),
])
def test_simplify_drops_points_within_tolerance(ring: list[tuple[float, float]],
                                                tolerance: float,
                                                expected: list[tuple[float, float]]) -> None:
    assert simplify(ring, tolerance) == expected


def test_read_shp_and_dbf_round_trip() -> None:
    shapes = read_shp(shp_bytes([[SQUARE], [SQUARE, SQUARE]]))
    assert [len(s) for s in shapes] == [1, 2]
    assert shapes[0][0] == SQUARE
    rows = read_dbf(dbf_bytes([{"name": "Côte d'Ivoire", "iso_a3": "CIV"}]))
    assert rows == [{"name": "Côte d'Ivoire", "iso_a3": "CIV"}]


def test_build_geojson_keeps_codes_and_simplifies() -> None:
    doc = build_geojson(shp_bytes([[SQUARE]]),
                        dbf_bytes([{"name": "Squareland", "iso_a3": "SQL"}]))
    [feature] = doc["features"]
    assert feature["properties"] == {"iso_a3": "SQL", "name": "Squareland"}
    [[ring]] = feature["geometry"]["coordinates"]
    assert len(ring) == 5


def test_read_shp_refuses_other_files() -> None:
    with pytest.raises(InputError, match="not an ESRI shapefile"):
        read_shp(b"\0" * 120)


def test_build_geojson_refuses_mismatched_files() -> None:
    with pytest.raises(InputError, match="1 shapes but 2 attribute rows"):
        build_geojson(shp_bytes([[SQUARE]]), dbf_bytes([{"name": "a", "iso_a3": "AAA"},
                                                        {"name": "b", "iso_a3": "BBB"}]))
