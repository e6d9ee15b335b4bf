"""Dispatch files to the format readers, walk folders, and keep document ids unique."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from comity.errors import InputError
from comity.ingest.decode import decode_bytes, normalise_text, read_bytes
from comity.ingest.feeds import looks_like_feed, parse_feed
from comity.ingest.htmlpage import parse_html
from comity.ingest.jsonlines import parse_jsonl
from comity.ingest.plaintext import document_from_text_file
from comity.model import Document
from comity.settings import Settings

log = logging.getLogger(__name__)

#: extension -> format; files with other extensions are sniffed when named explicitly
#: and skipped inside folders
EXTENSIONS: dict[str, str] = {
    ".txt": "text", ".text": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}


def sniff(text: str) -> str:
    """The format of decoded text with an unknown extension: feed, html, jsonl or text."""
    head = text.lstrip()[:4096].lower()
    if head.startswith("<") and looks_like_feed(head):
        return "feed"
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head:
        return "html"
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("["):
        return "json-array"
    return "text"


def _file_records(path: Path, *, settings: Settings, doc_id: str,
                  story_date: dt.date | None) -> Iterator[Document | InputError]:
    """Records of one file. Whole-file problems raise; per-record problems are yielded."""
    data = read_bytes(path, settings.max_bytes)
    raw, _encoding = decode_bytes(data, path)
    text = normalise_text(raw)
    kind = EXTENSIONS.get(path.suffix.lower()) or sniff(text)
    log.debug("%s: reading as %s", path, kind)
    if kind == "text":
        yield document_from_text_file(text, path, doc_id=doc_id, settings=settings,
                                      story_date=story_date)
    elif kind == "jsonl":
        yield from parse_jsonl(text, path, settings=settings, story_date=story_date)
    elif kind == "html":
        yield parse_html(text, path, doc_id=doc_id, settings=settings, story_date=story_date)
    elif kind == "feed":
        yield from parse_feed(data, path, settings=settings, story_date=story_date)
    else:
        raise InputError("a JSON array is not an article format: write one object per line "
                         "(JSON Lines, .jsonl)", path)


class _Ids:
    """Hands out document ids, unique within one run, deterministically."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def claim(self, base: str, alternative: str) -> str:
        """``base`` if free, else ``alternative``, else ``alternative~2``, ``~3`` ..."""
        for candidate in (base, alternative):
            if candidate not in self.seen:
                self.seen.add(candidate)
                if candidate != base:
                    log.info("duplicate document id %r renamed %r", base, candidate)
                return candidate
        n = 2
        while f"{alternative}~{n}" in self.seen:
            n += 1
        self.seen.add(f"{alternative}~{n}")
        log.info("duplicate document id %r renamed %r", base, f"{alternative}~{n}")
        return f"{alternative}~{n}"


def _relative_stem(path: Path, root: Path) -> str:
    try:
        rel = path.relative_to(root) if root != path else Path(path.name)
    except ValueError:
        rel = Path(path.name)
    return rel.with_suffix("").as_posix()


def _read_one(path: Path, root: Path, ids: _Ids, *, settings: Settings,
              story_date: dt.date | None) -> Iterator[Document | InputError]:
    """One file's documents (ids made unique with ``ids``) and errors; never raises
    :class:`InputError`."""
    rel = _relative_stem(path, root)
    try:
        for record in _file_records(path, settings=settings, doc_id=path.stem,
                                    story_date=story_date):
            if isinstance(record, InputError):
                yield record
                continue
            base = record.id
            alternative = rel if base == path.stem else f"{rel}/{base}"
            new_id = ids.claim(base, alternative)
            yield record if new_id == base else dataclasses.replace(record, id=new_id)
    except InputError as exc:
        yield exc
    except RecursionError as exc:
        error = InputError("cannot read: input nested too deeply", path)
        error.__cause__ = exc
        yield error


def read_file(path: str | Path, *, settings: Settings,
              story_date: dt.date | None = None) -> list[Document]:
    """The documents of one file (one for text and HTML, several for JSON Lines and feeds).

    Strict: raises :class:`InputError` if anything in the file is wrong (the first problem,
    with a count of the others); use :func:`read_paths` to keep the good records of a file
    with some bad ones.
    """
    path = Path(path)
    if path.is_dir():
        raise InputError("is a folder: use read_paths to read folders", path)
    docs: list[Document] = []
    errors: list[InputError] = []
    for record in _read_one(path, path, _Ids(), settings=settings, story_date=story_date):
        if isinstance(record, InputError):
            errors.append(record)
        else:
            docs.append(record)
    if errors:
        first = errors[0]
        if len(errors) == 1:
            raise first
        raise InputError(f"{first.reason} (and {len(errors) - 1} more problem(s))",
                         first.path) from first
    return docs


def _list_dir(folder: Path) -> list[os.DirEntry[str]] | InputError:
    try:
        with os.scandir(folder) as it:
            return sorted(it, key=lambda e: e.name)
    except PermissionError:
        return InputError("cannot list folder: permission denied", folder)
    except OSError as exc:
        return InputError(f"cannot list folder: {exc.strerror or exc}", folder)


def _dir_key(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_dev, st.st_ino


def walk(root: Path) -> Iterator[Path | InputError]:
    """Files under ``root`` with a known extension, sorted by name at each level, hidden
    files and folders skipped; folder problems (permissions, loops) as errors."""
    try:
        root_key = _dir_key(root)
    except OSError as exc:
        yield InputError(f"cannot read folder: {exc.strerror or exc}", root)
        return
    listing = _list_dir(root)
    if isinstance(listing, InputError):
        yield listing
        return
    stack: list[tuple[Iterator[os.DirEntry[str]], frozenset[tuple[int, int]]]] = [
        (iter(listing), frozenset({root_key}))]
    while stack:
        entries, ancestors = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and entry.is_file()
        except OSError as exc:
            yield InputError(f"cannot read: {exc.strerror or exc}", path)
            continue
        if is_dir:
            try:
                key = _dir_key(path)
            except OSError as exc:
                yield InputError(f"cannot read folder: {exc.strerror or exc}", path)
                continue
            if key in ancestors:
                yield InputError("directory loop: this link points back to a folder above "
                                 "it; not followed", path)
                continue
            sub = _list_dir(path)
            if isinstance(sub, InputError):
                yield sub
                continue
            stack.append((iter(sub), ancestors | {key}))
        elif is_file:
            if path.suffix.lower() in EXTENSIONS:
                yield path
            else:
                log.debug("%s: skipped (unknown extension)", path)
        elif entry.is_symlink():
            yield InputError("cannot read: broken symbolic link", path)
        else:
            log.debug("%s: skipped (not a regular file)", path)


def read_paths(paths: Sequence[str | Path] | str | Path, *, settings: Settings,
               story_date: dt.date | None = None) -> Iterator[Document | InputError]:
    """Every document under ``paths`` (files and folders, walked recursively and sorted).

    Yields each :class:`Document` and, instead of raising, an :class:`InputError` for each
    file or record that cannot be read, so the good ones still come through. Document ids
    are unique within one call: a duplicate gets its path relative to the folder given
    (``sub/article``), then a ``~2``, ``~3`` suffix.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    ids = _Ids()
    for given in paths:
        root = Path(given)
        if root.is_dir():
            for item in walk(root):
                if isinstance(item, InputError):
                    yield item
                else:
                    yield from _read_one(item, root, ids, settings=settings,
                                         story_date=story_date)
        elif root.exists() or root.is_symlink():
            yield from _read_one(root, root, ids, settings=settings, story_date=story_date)
        else:
            yield InputError("no such file or folder", root)
