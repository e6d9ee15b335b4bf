"""Reading files safely and decoding them to normalised text.

Every reader goes through :func:`read_bytes` (size limit checked on ``stat`` before any
byte is read, then at most ``max_bytes + 1`` bytes read) and :func:`decode_bytes` (UTF-8
with or without BOM first, then other BOMs, then charset-normalizer). Text is normalised
by :func:`normalise_text`: Unicode NFC, and every line break (CRLF, lone CR) turned into
``\\n``, so all character offsets refer to that normalised text.
"""

from __future__ import annotations

import codecs
import logging
import re
import stat
import unicodedata
from pathlib import Path

import charset_normalizer

from comity.errors import InputError

log = logging.getLogger(__name__)

#: (BOM, codec) pairs, longest first so UTF-32 LE is not mistaken for UTF-16 LE
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: control characters (Unicode category Cc) other than tab, line breaks and form feed
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
#: share of other control characters above which a decoded file is taken as binary
_MAX_CONTROL_SHARE = 0.05
#: legacy encodings preferred among equally plausible guesses
_PREFERRED = ("cp1252", "latin_1")
#: a charset declared in markup: <meta charset=...> / content="...; charset=..." / <?xml ...>
_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


def _size_hint(n: int) -> str:
    return f"{n:,} bytes"


def too_big_message(size: int, limit: int) -> str:
    """The one-line message for a file over ``max_bytes``."""
    return (f"file is {_size_hint(size)}, larger than the limit of {_size_hint(limit)}; "
            f"raise the max_bytes setting (--max-bytes) to read it")


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``; :class:`InputError` when it cannot or should not be read.

    The size is checked with ``stat`` first, so an oversized file is refused without
    reading it; at most ``max_bytes + 1`` bytes are ever read (a file that grows is caught).
    """
    try:
        st = path.stat()
    except FileNotFoundError as exc:
        what = "broken symbolic link" if path.is_symlink() else "no such file or folder"
        raise InputError(f"cannot read: {what}", path) from exc
    except PermissionError as exc:
        raise InputError("cannot read: permission denied", path) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path) from exc
    if not stat.S_ISREG(st.st_mode):
        raise InputError("not a regular file (a device, pipe or socket?)", path)
    if st.st_size > max_bytes:
        raise InputError(too_big_message(st.st_size, max_bytes), path)
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError as exc:
        raise InputError("cannot read: permission denied", path) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path) from exc
    if len(data) > max_bytes:
        raise InputError(too_big_message(len(data), max_bytes), path)
    if not data.strip():
        raise InputError("empty file" if not data else "empty file (only white space)", path)
    return data


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROLS.findall(text)) / len(text)


def _looks_binary(text: str) -> bool:
    return "\x00" in text or _control_share(text) > _MAX_CONTROL_SHARE


def decode_bytes(data: bytes, path: Path | str | None = None) -> tuple[str, str]:
    """Decode ``data``: returns ``(text, encoding)``; text is not yet normalised.

    Order: a BOM (UTF-8/16/32) decides; else strict UTF-8; else the charset the markup
    declares; else charset-normalizer's best guess (Windows-1252 / Latin-1 preferred among
    equally clean guesses). NUL bytes without a BOM, undecodable bytes, or many control
    characters make it an :class:`InputError` ("binary file").
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"binary file: starts with a {codec} byte-order mark but "
                                 f"does not decode as {codec} (byte {exc.start})", path) from exc
            if _looks_binary(text):
                raise InputError("binary file: control characters in decoded text", path)
            return text, codec
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_binary(text):
            raise InputError("binary file: contains NUL bytes or control characters", path)
        return text, "utf-8"
    declared = _declared(data)
    if declared is not None and b"\x00" not in data:
        text, encoding = declared
        if not _looks_binary(text):
            log.debug("%s: decoded as declared %s", path, encoding)
            return text, encoding
    text, encoding = _detect(data, path)
    if b"\x00" in data and not encoding.startswith(("utf_16", "utf_32")):
        raise InputError("binary file: contains NUL bytes", path)
    if _looks_binary(text):
        raise InputError(f"binary file: decodes as {encoding} only with control "
                         "characters", path)
    log.debug("%s: decoded as %s", path, encoding)
    return text, encoding


def _declared(data: bytes) -> tuple[str, str] | None:
    """Text decoded with the charset a markup file declares (``<meta charset>``,
    ``<?xml encoding>``), or None when it declares none or the declaration is wrong."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    name = (match[1] or match[2]).decode("ascii").lower()
    try:
        codec = codecs.lookup(name).name
        return data.decode(codec), codec
    except (LookupError, UnicodeDecodeError):
        return None


def _detect(data: bytes, path: Path | str | None) -> tuple[str, str]:
    """charset-normalizer's guess; among equally clean guesses, Windows-1252 / Latin-1
    (the usual legacy encodings of English and European news) win."""
    try:
        results = list(charset_normalizer.from_bytes(data))
    except Exception as exc:  # third-party detector: translate any failure
        raise InputError(f"binary file: encoding detection failed ({exc})", path) from exc
    if not results:
        raise InputError("binary file: not UTF-8 and no text encoding fits", path)
    best = results[0]
    for preferred in _PREFERRED:
        for match in results:
            if match.chaos <= best.chaos + 0.01 and preferred in match.could_be_from_charset:
                try:
                    return data.decode(preferred), preferred
                except UnicodeDecodeError:
                    break
    return str(best), best.encoding


def normalise_text(text: str) -> str:
    """NFC, a leading BOM removed, CRLF and lone CR turned into LF."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def check_text(text: str, max_chars: int, path: Path | str | None = None,
               what: str = "text") -> None:
    """:class:`InputError` for text that is empty, too long, or not encodable."""
    if not text.strip():
        raise InputError(f"empty {what}", path)
    if len(text) > max_chars:
        raise InputError(f"{what} is {len(text):,} characters, longer than the limit of "
                         f"{max_chars:,}; raise the max_chars setting (--max-chars) to read it",
                         path)
    if "\x00" in text:
        raise InputError(f"{what} contains NUL characters (binary data?)", path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"{what} contains characters that are not valid Unicode "
                         f"(lone surrogate at {exc.start})", path) from exc


def read_text_file(path: Path, max_bytes: int) -> str:
    """Read, decode and normalise a whole text file (not yet length-checked)."""
    data = read_bytes(path, max_bytes)
    text, _ = decode_bytes(data, path)
    return normalise_text(text)

