"""Sentence segmentation."""

from __future__ import annotations

import pytest

from comity.nlp.segment import split_sentences


@pytest.mark.parametrize(("text", "expected"), [
    ("He met Mr. Smith. They talked.", ["He met Mr. Smith.", "They talked."]),
    ("Lt. Gen. Tea Banh arrived. He spoke.", ["Lt. Gen. Tea Banh arrived.", "He spoke."]),
    ("On Feb. 6 they met in Hanoi. Talks followed.",
     ["On Feb. 6 they met in Hanoi.", "Talks followed."]),
    ("First paragraph\n\nSecond one.", ["First paragraph", "Second one."]),
    ("The U.S. envoy left. Then rain.", ["The U.S. envoy left.", "Then rain."]),
    ("for the region./. The end", ["for the region./.", "The end"]),
])
def test_split_sentences_boundaries(text: str, expected: list[str]) -> None:
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == expected


def test_split_sentences_offsets_start_after_body_start() -> None:
    text = " date 2025-01-01 Title line\n\nBody sentence one. Two."
    spans = split_sentences(text, 17)
    assert all(s >= 17 for s, _ in spans)
    assert text[spans[-1][0]:spans[-1][1]] == "Two."
