"""Reading Comity's versioned tab-separated data files (lexicon, titles, contexts).

Such a file starts with ``# comity-<name><TAB><version>``; blank lines and lines starting
with ``#`` are comments; the first other line is the header naming the columns. Every
problem raises :class:`~comity.errors.DataFileError` with file and line.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from comity.errors import DataFileError


def tsv_rows(path: Path, name: str, version: str, columns: Sequence[str]
             ) -> Iterator[tuple[int, list[str]]]:
    """(line number, stripped cells) of every data row, after the checks above."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"cannot read {name} file: {exc}", path) from exc
    magic = f"# comity-{name}"
    if not lines or lines[0].split("\t") != [magic, version]:
        raise DataFileError(f"first line must be '{magic}<TAB>{version}'", path, 1)
    header_seen = False
    for lineno, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if not header_seen:
            if cells != list(columns):
                raise DataFileError(f"header must be: {' '.join(columns)}", path, lineno)
            header_seen = True
            continue
        if len(cells) != len(columns):
            raise DataFileError(
                f"expected {len(columns)} tab-separated columns, got {len(cells)}", path, lineno)
        yield lineno, cells
