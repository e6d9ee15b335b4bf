"""Name runs: person names found from capitalised words and titles, whatever the
recogniser's labels (hand-built tokens)."""

from __future__ import annotations

import pytest

from comity.actors.names import NameFinder, is_vietnamese
from comity.actors.titles import TitleGrammar, load_titles

from .factories import tokens

PLACES = {"Da Nang", "Siem Reap"}
COUNTRIES_AND_ORGS = {"Lao", "Myanmar", "Japan", "ASEAN"}


@pytest.fixture(scope="module")
def titles() -> TitleGrammar:
    return load_titles()


@pytest.fixture(scope="module")
def finder(titles: TitleGrammar) -> NameFinder:
    return NameFinder(titles, PLACES.__contains__, COUNTRIES_AND_ORGS.__contains__)


@pytest.mark.parametrize(("name", "expected"), [
    ("Đỗ Thanh Bình", True), ("Nguyễn Thị Hồng Vân", True), ("Lương Cường", True),
    ("Trần Văn Hải", True), ("Hun Manet", False), ("São Paulo", False), ("Đoković", False),
])
def test_is_vietnamese_by_letters_only_vietnamese_uses(name: str, expected: bool) -> None:
    assert is_vietnamese(name) is expected


@pytest.mark.parametrize(("spec", "blocked", "runs"), [
    # a title word ends a run; a place before the name is part of the run
    ("Mayor/PROPN of/ADP Da/PROPN Nang/PROPN Trần/PROPN Văn/PROPN Hải/PROPN signed/VERB",
     (), [(2, 7)]),
    ("Kien/PROPN Giang/PROPN party/NOUN secretary/NOUN Đỗ/PROPN Thanh/PROPN Bình/PROPN",
     (), [(0, 2), (4, 7)]),
    # a family name in capitals next to a given name; an acronym alone is no name
    ("Ms./PROPN KAMIKAWA/PROPN Yoko/PROPN ,/PUNCT", (), [(1, 3)]),
    ("the/DET ASEAN/PROPN Summit/PROPN", (), [(2, 3)]),
    # hyphenated given names; words of long honorifics only ("Yang", "Tan") can be names
    ("Kim/PROPN Sung+/PROPN -+/PUNCT ho/PROPN said/VERB", (), [(0, 4)]),
    ("Yang/PROPN Hengjun/PROPN", (), [(0, 2)]),
    ("Tony/PROPN Tan/PROPN Keng/PROPN Yam/PROPN", (), [(0, 4)]),
    # knowledge-base names (blocked) split runs
    ("Ambassador/PROPN to/ADP Myanmar/PROPN Ma/PROPN Jia/PROPN", (2,), [(3, 5)]),
    # initials written together open a name; an acronym or country code does not
    ("Minister/PROPN RK/PROPN Sinha/PROPN Rao/PROPN", (), [(1, 4)]),
    ("ASEAN/PROPN Secretary/PROPN", (), []),
    ("PM/PROPN Sinha/PROPN", (), [(1, 2)]),
])
def test_name_finder_runs(finder: NameFinder, spec: str, blocked: tuple[int, ...],
                          runs: list[tuple[int, int]]) -> None:
    toks = tokens(spec)
    mask = [i in blocked for i in range(len(toks))]
    assert finder.runs(toks, mask) == runs


@pytest.mark.parametrize(("spec", "start", "blocked", "expected"), [
    ("Mayor/PROPN of/ADP Da/PROPN Nang/PROPN Trần/PROPN", 2, (), True),
    ("Minister/PROPN for/ADP Trade/PROPN Tim/PROPN Ayres/PROPN", 3, (), True),
    ("Siem/PROPN Reap/PROPN province/NOUN Chan/PROPN Vichet/PROPN", 3, (), True),
    ("Ambassador/PROPN to/ADP Myanmar/PROPN Ma/PROPN Jia/PROPN", 3, (2,), True),
    ("Ambassador/PROPN to/ADP Myanmar/PROPN Ma/PROPN Jia/PROPN", 3, (), False),
    ("Yang/PROPN Hengjun/PROPN", 1, (), False),
    ("talks/NOUN with/ADP Chan/PROPN Vichet/PROPN", 2, (), False),
    ("Minister/PROPN ,/PUNCT Chan/PROPN Vichet/PROPN", 2, (), False),
    # "conferred on Prime Minister the Grand Collar": no title right before "the"
    ("Minister/PROPN the/DET Grand/PROPN Collar/PROPN", 2, (), False),
])
def test_name_finder_titled(finder: NameFinder, spec: str, start: int,
                            blocked: tuple[int, ...], expected: bool) -> None:
    toks = tokens(spec)
    assert finder.titled(toks, start, [i in blocked for i in range(len(toks))]) is expected


@pytest.mark.parametrize(("spec", "start", "end", "person"), [
    ("of/ADP Da/PROPN Nang/PROPN Trần/PROPN Văn/PROPN Hải/PROPN", 1, 6, 3),
    ("Lao/PROPN Khamphan/PROPN Sisavath/PROPN", 0, 3, 1),
    ("Chan/PROPN Vichet/PROPN", 0, 2, 0),
    ("Siem/PROPN Reap/PROPN", 0, 2, 2),
])
def test_name_finder_person_part_cuts_leading_place(finder: NameFinder, spec: str,
                                                    start: int, end: int,
                                                    person: int) -> None:
    assert finder.person_part(tokens(spec), start, end) == person


def test_name_finder_honorific_end_skips_honorific_reaching_into_run(
        finder: NameFinder) -> None:
    toks = tokens("Samdech/PROPN Techo/PROPN Hun/PROPN Sen/PROPN")
    assert finder.runs(toks, [False] * 4) == [(1, 4)]
    assert finder.honorific_end(toks, 1, 4) == 2


@pytest.mark.parametrize(("spec", "start", "expected"), [
    # two titles of one person
    ("Deputy/PROPN Prime/PROPN Minister/PROPN and/CCONJ Foreign/PROPN Minister/PROPN "
     "Bùi/PROPN", 6, 0),
    # "the Queen Mother and King X": two people
    ("the/DET Queen/PROPN Mother/PROPN and/CCONJ King/PROPN Norodom/PROPN", 5, 4),
    ("Thai/ADJ acting/ADJ Prime/PROPN Minister/PROPN Phumtham/PROPN", 4, 0),
    ("talks/NOUN with/ADP Prime/PROPN Minister/PROPN Hun/PROPN", 4, 2),
    ("Japanese/ADJ Parliamentary/ADJ Vice+/PROPN -+/PUNCT Minister/PROPN Hiroshi/PROPN",
     5, 0),
])
def test_name_finder_title_start(finder: NameFinder, spec: str, start: int,
                                 expected: int) -> None:
    assert finder.title_start(tokens(spec), start, 0) == expected


@pytest.mark.parametrize(("spec", "end", "expected"), [
    ("Preah/PROPN Sihanouk/PROPN province/NOUN", 2, True),
    ("Ho/PROPN Chi/PROPN Minh/PROPN City/PROPN", 3, True),
    ("Hun/PROPN Sen/PROPN said/VERB", 2, False),
])
def test_name_finder_institution_after(finder: NameFinder, spec: str, end: int,
                                       expected: bool) -> None:
    assert finder.institution_after(tokens(spec), end) is expected
