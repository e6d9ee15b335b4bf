"""Rule-based sentence segmentation (fast, deterministic, runs before the parser so the
pre-filter can skip sentences that cannot hold an event)."""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm",
    "brig", "cmdr", "gov", "sen", "rep", "st", "jr", "sr", "no", "nos", "vs", "etc", "inc",
    "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "h.e", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "approx",
    "dept", "est", "fig", "hon", "rev", "mt", "ft", "sq", "pres", "amb", "h.h", "smt",
})
_BOUNDARY = re.compile(r"([.!?]+['\"\u2019\u201d)]*|\./\.)(\s+)"
                       r"(?=[\"'\u201c\u2018(]?[A-Z0-9\u00C0-\u1EF9])")
_PARA = re.compile(r"\n\s*\n|\n(?=\s*[A-Z\u00C0-\u1EF9\"\u201c])")


def split_sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) character offsets of the sentences of ``text[start:]``.

    Paragraph breaks always end a sentence; ``.``, ``!`` and ``?`` end one when followed by
    space and a capital, digit or quote, except after an abbreviation or an initial.
    Offsets exclude surrounding whitespace.
    """
    spans: list[tuple[int, int]] = []
    para_start = start
    for m in _PARA.finditer(text, start):
        spans.extend(_split_paragraph(text, para_start, m.start()))
        para_start = m.end()
    spans.extend(_split_paragraph(text, para_start, len(text)))
    return spans


def _split_paragraph(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    cur = begin
    for m in _BOUNDARY.finditer(text, begin, end):
        punct_start = m.start(1)
        word = re.search(r"([\w.]+)$", text[cur:punct_start])
        if m.group(1) == "." and word:
            w = word.group(1).lower().rstrip(".")
            if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()):
                continue
        _emit(text, cur, m.end(1), out)
        cur = m.end()
    _emit(text, cur, end, out)
    return out


def _emit(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))
