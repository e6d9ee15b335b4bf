"""One entry point for every export format: :func:`export_events`."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from comity.errors import ExportError
from comity.interop.arrow import write_parquet
from comity.interop.graph import write_gexf, write_graphml
from comity.interop.plover import write_plover
from comity.interop.tabular import TABULAR_FORMATS, write_tabular
from comity.model import Event

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExportFormat:
    """An export format: name, whether it is binary, its file suffix and writer."""

    name: str
    binary: bool
    suffix: str
    #: ``write(events, stream, cameo_pairs) -> count``
    write: Callable[[Iterable[Event], Any, bool], int]
    cameo: bool = False
    help: str = ""


def _tab(name: str) -> Callable[[Iterable[Event], Any, bool], int]:
    def write(events: Iterable[Event], out: Any, pairs: bool) -> int:
        return write_tabular(events, name, out, cameo_pairs=pairs)
    return write


FORMATS: dict[str, ExportFormat] = {
    "plover": ExportFormat("plover", False, ".jsonl",
                           lambda ev, out, _p: write_plover(ev, out),
                           help="PLOVER JSON Lines"),
    "polecat": ExportFormat("polecat", False, ".tsv", _tab("polecat"),
                            help="POLECAT TSV, 40 columns, header"),
    "gdelt": ExportFormat("gdelt", False, ".tsv", _tab("gdelt"), cameo=True,
                          help="GDELT 2.0 events TSV, 61 columns, no header"),
    "icews": ExportFormat("icews", False, ".tsv", _tab("icews"), cameo=True,
                          help="ICEWS TSV, 20 columns, header"),
    "phoenix": ExportFormat("phoenix", False, ".tsv", _tab("phoenix"), cameo=True,
                            help="Phoenix TSV, 26 columns, header"),
    "csv": ExportFormat("csv", False, ".csv", _tab("csv"),
                        help="the event schema flattened, CSV with header"),
    "parquet": ExportFormat("parquet", True, ".parquet",
                            lambda ev, out, _p: write_parquet(ev, out),
                            help="Parquet, typed columns"),
    "graphml": ExportFormat("graphml", True, ".graphml",
                            lambda ev, out, _p: write_graphml(ev, out),
                            help="actor network, GraphML"),
    "gexf": ExportFormat("gexf", True, ".gexf", lambda ev, out, _p: write_gexf(ev, out),
                         help="actor network, GEXF"),
}
assert set(TABULAR_FORMATS) <= set(FORMATS)


def get_format(name: str) -> ExportFormat:
    """The export format called ``name``; ExportError when unknown."""
    try:
        return FORMATS[name]
    except KeyError:
        raise ExportError(f"unknown export format {name!r}; choose one of "
                          f"{', '.join(FORMATS)}") from None


def export_events(events: Iterable[Event], fmt: str,
                  target: str | Path | TextIO | BinaryIO, *,
                  cameo_pairs: bool = False) -> int:
    """Write ``events`` in format ``fmt`` to ``target`` (a path, or an open stream: text
    for text formats, binary for parquet/graphml/gexf); returns the number of records."""
    spec = get_format(fmt)
    if cameo_pairs and not spec.cameo:
        log.info("--cameo-pairs only applies to gdelt, icews and phoenix; ignored for %s",
                 fmt)
    if isinstance(target, str | Path):
        path = Path(target)
        try:
            if spec.binary:
                with path.open("wb") as fb:
                    n = spec.write(events, fb, cameo_pairs)
            else:
                with path.open("w", encoding="utf-8", newline="") as ft:
                    n = spec.write(events, ft, cameo_pairs)
        except OSError as exc:
            raise ExportError(f"cannot write {path}: {exc}") from exc
    else:
        if spec.binary and isinstance(target, io.TextIOBase):
            raise ExportError(f"{fmt} is a binary format: give a file (-o FILE)")
        n = spec.write(events, target, cameo_pairs)
    log.info("exported %d %s records", n, fmt)
    return n
