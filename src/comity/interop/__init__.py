"""Interoperability: exports to the formats analysts use (PLOVER, POLECAT, GDELT, ICEWS,
Phoenix, CSV, Parquet, GraphML, GEXF) and imports (PLOVER JSON Lines, PETRARCH/Phoenix
actor dictionaries). See ``docs/interop.md``."""

from __future__ import annotations

from comity.interop.codes import CodeTables, code_tables
from comity.interop.export import FORMATS, ExportFormat, export_events, get_format
from comity.interop.plover import event_to_plover, import_plover, write_plover
from comity.interop.tabular import TABULAR_FORMATS, TabularFormat, write_tabular

__all__ = ["FORMATS", "TABULAR_FORMATS", "CodeTables", "ExportFormat", "TabularFormat",
           "code_tables", "event_to_plover", "export_events", "get_format",
           "import_plover", "write_plover", "write_tabular"]
