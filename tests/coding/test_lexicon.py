"""The event lexicon loader and scales."""

from __future__ import annotations

from pathlib import Path

import pytest

from comity.coding.lexicon import PLOVER_TYPES, load_lexicon, scale
from comity.errors import DataFileError

HEADER = "# comity-lexicon\t1\nlemma\tpos\ttype\tcameo\tmode\tframe\tpreps\tforms\tobjects\n"


def test_load_lexicon_bundled_covers_every_plover_type() -> None:
    lex = load_lexicon()
    assert {t.type for t in lex.triggers} == set(PLOVER_TYPES)
    assert any(t.cameo == "042" and t.frame == "obj>subj"
               for t in lex.candidates("receive", "VERB"))


@pytest.mark.parametrize(("line", "message"), [
    ("meet\tVERB\tCONSULTX\t040\t-\tsubj>obj\twith\t-\t-", "unknown PLOVER type"),
    ("meet\tVERB\tCONSULT\t40\t-\tsubj>obj\twith\t-\t-", "CAMEO code"),
    ("meet\tADV\tCONSULT\t040\t-\tsubj>obj\twith\t-\t-", "pos must be"),
    ("meet\tVERB\tCONSULT\t040\t-\tsideways\twith\t-\t-", "unknown frame"),
    ("meet\tVERB\tCONSULT", "columns"),
])
def test_load_lexicon_bad_line_names_file_and_line(tmp_path: Path, line: str,
                                                   message: str) -> None:
    path = tmp_path / "lex.tsv"
    path.write_text(HEADER + "# comment\n" + line + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as info:
        load_lexicon(path)
    assert info.value.line == 4
    assert str(path) in str(info.value)


def test_load_lexicon_duplicate_trigger_names_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "lex.tsv"
    line = "meet\tVERB\tCONSULT\t040\t-\tsubj>obj\twith\t-\t-\n"
    path.write_text(HEADER + line + "# comment\n" + line, encoding="utf-8")
    with pytest.raises(DataFileError, match="already defined on line 3") as info:
        load_lexicon(path)
    assert info.value.line == 5


def test_load_lexicon_missing_version_line_refused(tmp_path: Path) -> None:
    path = tmp_path / "lex.tsv"
    path.write_text("lemma\tpos\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="comity-lexicon"):
        load_lexicon(path)


@pytest.mark.parametrize(("type_", "cameo", "mode", "intensity", "goldstein"), [
    ("CONSULT", "042", "visit", 4.0, 1.9),
    ("CONSULT", "041", "phone", 1.5, 1.0),
    ("SUPPORT", "057", None, 5.0, 8.0),
    ("ASSAULT", "190", None, -9.0, -10.0),
])
def test_scale_values(type_: str, cameo: str, mode: str | None, intensity: float,
                      goldstein: float) -> None:
    _quad, got_intensity, got_goldstein = scale(type_, cameo, mode)
    assert (got_intensity, got_goldstein) == (intensity, goldstein)


@pytest.mark.parametrize(("lemma", "pos", "expected"), [
    ("recognise", "VERB", "recognize"),
    ("mobilise", "VERB", "mobilize"),
    ("criticise", "VERB", "criticize"),
    ("apologise", "VERB", "apologize"),
])
def test_lexicon_candidates_british_spelling_finds_american_entry(lemma: str, pos: str,
                                                                  expected: str) -> None:
    lex = load_lexicon()
    assert expected in {t.lemma for t in lex.candidates(lemma, pos)}
    assert lemma[:-1] in lex.keywords()  # the pre-filter lets the sentence through


def test_lexicon_candidates_unknown_word_has_none() -> None:
    assert load_lexicon().candidates("conference", "VERB") == []
