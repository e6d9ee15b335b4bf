"""Text normalisation helpers shared by every stage (names, aliases, keys)."""

from __future__ import annotations

import re
import unicodedata

_EXTRA_FOLD = str.maketrans({
    "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss", "æ": "ae",
    "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i",
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"',
    "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
})
_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    """Unicode NFC form."""
    return unicodedata.normalize("NFC", text)


def strip_diacritics(text: str) -> str:
    """Remove combining marks (Tô Lâm -> To Lam, Đổi mới -> Doi moi)."""
    text = text.translate(_EXTRA_FOLD)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Matching key: diacritics stripped, case-folded, quotes unified, spaces collapsed."""
    return _SPACES.sub(" ", strip_diacritics(text).casefold()).strip()


def name_key(text: str) -> str:
    """Key for names: :func:`fold`, then a leading "the" and punctuation around removed."""
    key = fold(text)
    key = re.sub(r"^the ", "", key)
    key = key.replace("'s ", "s ").replace("-", " ")
    key = re.sub(r"[^\w' ()&]", " ", key)
    return _SPACES.sub(" ", key).strip()
