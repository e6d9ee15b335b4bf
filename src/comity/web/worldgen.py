"""Generate the bundled world outline (``static/world.geojson``) from Natural Earth data.

The map page draws country outlines from a small GeoJSON file shipped with the package, so
it works with no network. The file is generated once, at development time, from the
Natural Earth 1:110m admin-0 countries (public domain) as shipped inside the geopandas
0.14.4 wheel on PyPI (``geopandas/datasets/naturalearth_lowres``)::

    pip download geopandas==0.14.4 --no-deps -d /tmp/ne
    python -m comity.web.worldgen /tmp/ne/geopandas-0.14.4-py3-none-any.whl \\
        src/comity/web/static/world.geojson

The shapefile and dBase readers here are minimal (polygon shapes, character and numeric
fields): enough for that file, with no extra dependency. Rings are simplified with
Douglas-Peucker and coordinates rounded to 0.01 degree.
"""

from __future__ import annotations

import json
import logging
import struct
import sys
import zipfile
from pathlib import Path
from typing import Any

from comity.errors import InputError

log = logging.getLogger(__name__)

_MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"

Point = tuple[float, float]


def read_shp(data: bytes) -> list[list[list[Point]]]:
    """The polygons of a shapefile: one list of rings (lists of (lon, lat)) per record."""
    if len(data) < 100 or struct.unpack(">i", data[:4])[0] != 9994:
        raise InputError("not an ESRI shapefile")
    out: list[list[list[Point]]] = []
    pos = 100
    while pos + 8 <= len(data):
        _num, words = struct.unpack(">ii", data[pos:pos + 8])
        content = data[pos + 8:pos + 8 + 2 * words]
        pos += 8 + 2 * words
        shape_type = struct.unpack("<i", content[:4])[0]
        if shape_type == 0:
            out.append([])
            continue
        if shape_type != 5:
            raise InputError(f"unsupported shape type {shape_type} (polygons only)")
        n_parts, n_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", content[44:44 + 4 * n_parts]))
        base = 44 + 4 * n_parts
        coords = struct.unpack(f"<{2 * n_points}d", content[base:base + 16 * n_points])
        points = [(coords[2 * i], coords[2 * i + 1]) for i in range(n_points)]
        bounds = parts + [n_points]
        out.append([points[bounds[k]:bounds[k + 1]] for k in range(n_parts)])
    return out


def read_dbf(data: bytes, encoding: str = "latin-1") -> list[dict[str, str]]:
    """The records of a dBase file as dicts of stripped strings."""
    n_records, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields: list[tuple[str, int]] = []
    pos = 32
    while data[pos] != 0x0D:
        name = data[pos:pos + 11].split(b"\0", 1)[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    rows = []
    for r in range(n_records):
        rec = data[header_len + r * record_len:header_len + (r + 1) * record_len]
        off = 1
        row = {}
        for name, length in fields:
            row[name.lower()] = rec[off:off + length].decode(encoding).strip()
            off += length
        rows.append(row)
    return rows


def _perp(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == 0 and dy == 0:
        return float(((p[0] - a[0]) ** 2 + (p[1] - a[1]) ** 2) ** 0.5)
    return float(abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0])
                 / (dx * dx + dy * dy) ** 0.5)


def simplify(ring: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker simplification of a ring or line (iterative)."""
    if len(ring) < 4:
        return list(ring)
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        lo, hi = stack.pop()
        best, idx = 0.0, -1
        for i in range(lo + 1, hi):
            d = _perp(ring[i], ring[lo], ring[hi])
            if d > best:
                best, idx = d, i
        if idx >= 0 and best > tolerance:
            keep[idx] = True
            stack.extend([(lo, idx), (idx, hi)])
    return [p for p, k in zip(ring, keep, strict=True) if k]


def build_geojson(shp: bytes, dbf: bytes, tolerance: float = 0.15) -> dict[str, Any]:
    """A FeatureCollection of simplified country polygons with ``iso_a3`` and ``name``."""
    shapes, rows = read_shp(shp), read_dbf(dbf)
    if len(shapes) != len(rows):
        raise InputError(f"{len(shapes)} shapes but {len(rows)} attribute rows")
    features = []
    for rings, row in zip(shapes, rows, strict=True):
        polys = []
        for ring in rings:
            small = [(round(x, 2), round(y, 2)) for x, y in simplify(ring, tolerance)]
            if len(small) >= 4:
                polys.append([[list(p) for p in small]])
        if not polys:
            continue
        features.append({
            "type": "Feature",
            "properties": {"iso_a3": row.get("iso_a3", ""), "name": row.get("name", "")},
            "geometry": {"type": "MultiPolygon", "coordinates": polys},
        })
    return {"type": "FeatureCollection",
            "source": "Natural Earth 1:110m admin-0 countries (public domain), simplified",
            "features": features}


def generate(wheel: Path, out: Path) -> int:
    """Read the Natural Earth shapes from the geopandas wheel; write ``out``; feature count."""
    try:
        with zipfile.ZipFile(wheel) as zf:
            shp = zf.read(_MEMBER + ".shp")
            dbf = zf.read(_MEMBER + ".dbf")
    except (OSError, KeyError, zipfile.BadZipFile) as exc:
        raise InputError(f"cannot read Natural Earth data: {exc}", wheel) from exc
    doc = build_geojson(shp, dbf)
    out.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
    log.info("wrote %d countries to %s", len(doc["features"]), out)
    return len(doc["features"])


if __name__ == "__main__":  # pragma: no cover - development tool
    logging.basicConfig(level=logging.INFO)
    generate(Path(sys.argv[1]), Path(sys.argv[2]))
