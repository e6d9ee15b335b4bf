"""Tests of comity.store.queries helpers (snippets, full-text terms)."""

from __future__ import annotations

import pytest

from comity.store.queries import fts_terms, snippet


@pytest.mark.parametrize("q,terms", [
    ("Hà Nội", ["ha", "noi"]),
    ("  Đà-Nẵng ", ["da", "nang"]),
    ("\"quoted\" OR words", ["quoted", "or", "words"]),
    ("!!!", []),
])
def test_fts_terms_folded(q: str, terms: list[str]) -> None:
    assert fts_terms(q) == terms


@pytest.mark.parametrize("text,q,needle", [
    ("Leaders met in Hà Nội on Friday.", "ha noi", "[[Hà Nội]]"),
    ("Leaders met in Hà Nội on Friday.", "FRIDAY", "[[Friday]]"),
    ("The Đà Nẵng port.", "da nang", "[[Đà Nẵng]]"),
    ("Nothing here.", "absent", "Nothing here."),
])
def test_snippet_marks_match(text: str, q: str, needle: str) -> None:
    assert needle in snippet(text, q)


def test_snippet_window_is_bounded() -> None:
    text = "word " * 200 + "Phnom Penh " + "word " * 200
    out = snippet(text, "phnom penh", width=40)
    assert "[[Phnom Penh]]" in out
    assert out.startswith("…") and out.endswith("…")
    assert len(out) < 80
