"""Tests of comity.ingest.decode: size limits, decoding, normalisation, text checks."""

from __future__ import annotations

import codecs
import os
import tracemalloc
from pathlib import Path

import pytest

from comity.errors import InputError
from comity.ingest.decode import check_text, decode_bytes, normalise_text, read_bytes

FRENCH = ("Le président français a rencontré à Genève le ministre des affaires étrangères. "
          "Les deux délégations ont évoqué la coopération économique, l'été dernier, "
          "et la sécurité régionale; la réunion s'est déroulée à huis clos. ") * 4


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty file"),
    (b"  \n\t\r\n ", "empty file (only white space)"),
])
def test_read_bytes_refuses_empty_files(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_bytes(path, 1000)
    assert err.value.reason == reason
    assert err.value.path == str(path)


def test_read_bytes_refuses_large_file_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:  # sparse: 50 MB on paper, nothing on disk
        fh.truncate(50 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(InputError) as err:
            read_bytes(path, 20_000_000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000
    message = str(err.value)
    assert "52,428,800 bytes" in message
    assert "20,000,000 bytes" in message
    assert "max_bytes" in message and "--max-bytes" in message
    assert "\n" not in message


def test_read_bytes_limit_is_inclusive(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    assert read_bytes(path, 100) == b"x" * 100
    with pytest.raises(InputError, match="101 bytes"):
        path.write_bytes(b"x" * 101)
        read_bytes(path, 100)


@pytest.mark.parametrize(("make", "reason"), [
    ("missing", "cannot read: no such file or folder"),
    ("broken-link", "cannot read: broken symbolic link"),
    ("folder", "not a regular file (a device, pipe or socket?)"),
    ("fifo", "not a regular file (a device, pipe or socket?)"),
])
def test_read_bytes_refuses_unreadable_paths(tmp_path: Path, make: str, reason: str) -> None:
    path = tmp_path / "x.txt"
    if make == "broken-link":
        path.symlink_to(tmp_path / "nowhere.txt")
    elif make == "folder":
        path.mkdir()
    elif make == "fifo":
        os.mkfifo(path)
    with pytest.raises(InputError) as err:
        read_bytes(path, 1000)
    assert err.value.reason == reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files regardless of permissions")
def test_read_bytes_reports_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("text")
    path.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        read_bytes(path, 1000)


@pytest.mark.parametrize(("data", "text", "encoding"), [
    ("Tô Lâm met Hun Sen".encode(), "Tô Lâm met Hun Sen", "utf-8"),
    (codecs.BOM_UTF8 + "Hà Nội".encode(), "Hà Nội", "utf-8"),
    (codecs.BOM_UTF16_LE + "Hà Nội".encode("utf-16-le"), "Hà Nội", "utf-16-le"),
    (codecs.BOM_UTF16_BE + "Hà Nội".encode("utf-16-be"), "Hà Nội", "utf-16-be"),
    (codecs.BOM_UTF32_LE + "Hà Nội".encode("utf-32-le"), "Hà Nội", "utf-32-le"),
])
def test_decode_bytes_utf_and_boms(data: bytes, text: str, encoding: str) -> None:
    assert decode_bytes(data) == (text, encoding)


@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_decode_bytes_detects_legacy_encodings(codec: str) -> None:
    text, encoding = decode_bytes(FRENCH.encode(codec))
    assert text == FRENCH
    assert encoding != "utf-8"


def test_decode_bytes_cp1252_quotes() -> None:
    source = ("\u201cWe agreed,\u201d the minister said \u2014 the talks went well. " * 8)
    text, _ = decode_bytes(source.encode("cp1252"))
    assert text == source


@pytest.mark.parametrize("data", [
    b"text\x00with NUL bytes\x00 in it",
    bytes(range(256)) * 4,
    b"\x01\x02\x03\x04\x05\x06\x07\x08 abc \x0e\x0f\x10\x11",
    codecs.BOM_UTF8 + b"\xff\xfe\xfd not utf-8",
])
def test_decode_bytes_refuses_binary(data: bytes) -> None:
    with pytest.raises(InputError, match="^binary file"):
        decode_bytes(data)


@pytest.mark.parametrize(("raw", "expected"), [
    ("a\r\nb\r\nc", "a\nb\nc"),
    ("a\rb", "a\nb"),
    ("a\r\n\r\nb", "a\n\nb"),
    ("\ufeffHà", "Hà"),
    ("Ha\u0300 No\u0323\u0302i", "Hà Nội"),
    ("plain", "plain"),
])
def test_normalise_text_cases(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


@pytest.mark.parametrize(("text", "limit", "match"), [
    ("", 10, "empty text"),
    ("   \n", 10, "empty text"),
    ("x" * 11, 10, "11 characters, longer than the limit of 10"),
    ("a\x00b", 10, "NUL"),
    ("a\ud800b", 10, "lone surrogate"),
])
def test_check_text_refuses(text: str, limit: int, match: str) -> None:
    with pytest.raises(InputError, match=match):
        check_text(text, limit)


def test_check_text_accepts_text_at_the_limit() -> None:
    check_text("x" * 10, 10)


@pytest.mark.parametrize(("declaration", "codec"), [
    ('<meta charset="iso-8859-2">', "iso8859-2"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1250">', "cp1250"),
    ("<?xml version='1.0' encoding='ISO-8859-2'?>", "iso8859-2"),
])
def test_decode_bytes_honours_declared_charset(declaration: str, codec: str) -> None:
    source = f"{declaration}<p>Spotkanie w Łodzi: Łódź, Gdańsk, Kraków.</p>"
    text, encoding = decode_bytes(source.encode(codec))
    assert text == source
    assert encoding == codec


def test_decode_bytes_ignores_wrong_declaration() -> None:
    source = '<meta charset="ascii"><p>Le président à Genève, été 2025.</p>' * 5
    text, _ = decode_bytes(source.encode("cp1252"))
    assert text == source


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_decode_bytes_detects_utf16_without_bom(codec: str) -> None:
    source = ("Le président à Genève a rencontré le ministre. "
              "Tô Lâm met Hun Sen in Phnom Penh on Friday. ") * 5
    text, encoding = decode_bytes(source.encode(codec))
    assert text == source
    assert encoding.startswith("utf_16")
