"""The title grammar."""

from __future__ import annotations

from pathlib import Path

import pytest

from comity.actors.kb import KnowledgeBase, load_kb
from comity.actors.titles import TitleGrammar, load_titles
from comity.errors import DataFileError


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="module")
def titles() -> TitleGrammar:
    return load_titles()


@pytest.mark.parametrize(("title", "office", "sector", "country"), [
    ("Thai Prime Minister", "Prime Minister", "GOV", "THA"),
    ("Honorary President of the Cambodian People's Party (CPP)", "Honorary President", "PTY",
     "KHM"),
    ("General Secretary of the Communist Party of Việt Nam (CPV) Central Committee",
     "General Secretary", "PTY", "VNM"),
    ("Vietnamese Ambassador to Cambodia", "Ambassador", "GOV", "VNM"),
    ("Lao Minister of National Defence", "Defence Minister", "MIL", "LAO"),
])
def test_analyse_title_gives_office_sector_country(kb: KnowledgeBase, titles: TitleGrammar,
                                                   title: str, office: str, sector: str,
                                                   country: str) -> None:
    info = titles.analyse(title, kb)
    assert (info.office, info.sector, info.country) == (office, sector, country)


def test_load_titles_bad_sector_refused_with_line(tmp_path: Path) -> None:
    path = tmp_path / "titles.tsv"
    path.write_text("# comity-titles\t1\nphrase\tkind\tsector\toffice\nKing\ttitle\tXXX\tKing\n",
                    encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown sector") as info:
        load_titles(path)
    assert info.value.line == 3


@pytest.mark.parametrize(("words", "phrase", "n"), [
    (["Lt", ".", "Gen.", "Khamla"], "Lt. Gen.", 3),          # lone full stops skipped
    (["People", "'s", "Committee", "Chairman"], "People's Committee", 3),
    (["Vice", "-", "Minister", "for"], "Vice-Minister", 3),
    (["Deputy", "Prime", "Minister", "Pham"], "Deputy Prime Minister", 3),
    (["H.E.", "Mr.", "Saleumxay"], "H.E.", 1),
])
def test_title_grammar_match_at_token_words(titles: TitleGrammar, words: list[str],
                                            phrase: str, n: int) -> None:
    hit = titles.match_at(words, 0)
    assert hit is not None
    assert (hit[0].phrase, hit[1]) == (phrase, n)


def test_title_grammar_match_at_none_for_plain_words(titles: TitleGrammar) -> None:
    assert titles.match_at(["Hun", "Sen"], 0) is None


@pytest.mark.parametrize(("text", "offices"), [
    ("Deputy Prime Minister and Minister of Foreign Affairs",
     ("Deputy Prime Minister", "Foreign Minister")),
    ("Minister for Foreign Affairs", ("Foreign Minister",)),
    ("President of the Senate", ("President of the Senate",)),
    ("Senate President", ("President of the Senate",)),
    ("General Secretary of the Communist Party of Vietnam", ("General Secretary",)),
    ("the Thai premier", ("Prime Minister",)),
    ("Supreme Leader", ()),
])
def test_title_grammar_offices_normalised(titles: TitleGrammar, text: str,
                                          offices: tuple[str, ...]) -> None:
    assert titles.offices(text) == offices


@pytest.mark.parametrize(("title", "country"), [
    ("Philippine Ambassador to Japan", "PHL"),   # the receiving country is not taken
    ("Ambassador to Japan", None),
    ("Chinese Ambassador to Myanmar", "CHN"),
    ("Governor of Siem Reap province", "KHM"),   # a place gives its country
    ("Mayor of Nowhere", None),
])
def test_analyse_title_country(kb: KnowledgeBase, titles: TitleGrammar, title: str,
                               country: str | None) -> None:
    places = {"Siem Reap": "KHM"}
    assert titles.analyse(title, kb, places.get).country == country


@pytest.mark.parametrize(("word", "breaks", "title_word"), [
    ("Minister", True, True), ("Ministers", True, True), ("Committee", True, True),
    ("Samdech", True, True), ("province", True, True),
    ("Tan", False, True),    # "Tan Sri", and a common family name
    ("Yang", False, True),   # "Yang di-Pertuan Agong", and a family name
    ("Hun", False, False), ("of", False, False),
])
def test_title_grammar_breaks_name(titles: TitleGrammar, word: str, breaks: bool,
                                   title_word: bool) -> None:
    assert titles.breaks_name(word) is breaks
    assert titles.is_title_word(word) is title_word


@pytest.mark.parametrize(("word", "sector"), [
    ("police", "COP"), ("troops", "MIL"), ("fishermen", "CVL"), ("embassy", "GOV"),
    ("ships", None)])
def test_title_grammar_group_nouns(titles: TitleGrammar, word: str,
                                   sector: str | None) -> None:
    entry = titles.group(word)
    assert entry is not None
    assert entry.sector == sector


@pytest.mark.parametrize("word", ["Minister", "official", "Hun"])
def test_title_grammar_group_none_for_other_words(titles: TitleGrammar, word: str) -> None:
    assert titles.group(word) is None


@pytest.mark.parametrize(("words", "end", "expected"), [
    (["Minister", "for", "Trade", "Tim"], 3, True),
    (["Minister", "Tim"], 1, True),
    (["Minister", ",", "Tim"], 2, False),
    (["talks", "with", "Tim"], 2, False),
])
def test_title_grammar_title_ends_at(titles: TitleGrammar, words: list[str], end: int,
                                     expected: bool) -> None:
    skippable = [w in {"of", "for", "to"} for w in words]
    assert titles.title_ends_at(words, end, skippable) is expected


@pytest.mark.parametrize(("row", "message"), [
    ("Chief\tbogus\tGOV\tChief", "kind must be one of"),
    ("...\ttitle\tGOV\tX", "has no words"),
])
def test_load_titles_bad_row_refused_with_line(tmp_path: Path, row: str,
                                               message: str) -> None:
    path = tmp_path / "titles.tsv"
    path.write_text(f"# comity-titles\t1\nphrase\tkind\tsector\toffice\n{row}\n",
                    encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as info:
        load_titles(path)
    assert (info.value.path, info.value.line) == (str(path), 3)


@pytest.mark.parametrize(("words", "start", "end", "styles"), [
    (["President", "His", "Highness", "Sheikh", "Ali"], 0, 4, ["Highness"]),
    (["H.E.", "Mr.", "Ali"], 0, 2, ["Excellency"]),
    (["Her", "Majesty", "Queen", "Ana"], 0, 3, ["Majesty"]),
    (["Datuk", "Seri", "Ali"], 0, 2, []),
])
def test_title_grammar_styles_in(titles: TitleGrammar, words: list[str], start: int,
                                 end: int, styles: list[str]) -> None:
    assert titles.styles_in(words, start, end) == styles


@pytest.mark.parametrize(("words", "expected"), [
    (["His", "Highness", "received"], ("Highness", 2)),
    (["H.H.", "accepted"], ("Highness", 1)),
    (["Her", "Excellency", "said"], ("Excellency", 2)),
    (["Your", "Excellency", ","], None),        # an address, not a reference
    (["Excellency", "said"], None),
    (["Datuk", "Seri", "said"], None),          # an honorific with no style
])
def test_title_grammar_style_at(titles: TitleGrammar, words: list[str],
                                expected: tuple[str, int] | None) -> None:
    assert titles.style_at(words, 0) == expected
