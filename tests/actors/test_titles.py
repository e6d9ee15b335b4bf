"""The title grammar."""

from __future__ import annotations

from pathlib import Path

import pytest

from comity.actors.kb import load_kb
from comity.actors.titles import load_titles
from comity.errors import DataFileError


@pytest.fixture(scope="module")
def kb():  # type: ignore[no-untyped-def]
    return load_kb()


@pytest.mark.parametrize(("title", "office", "sector", "country"), [
    ("Thai Prime Minister", "Prime Minister", "GOV", "THA"),
    ("Honorary President of the Cambodian People's Party (CPP)", "Honorary President", "PTY",
     "KHM"),
    ("General Secretary of the Communist Party of Việt Nam (CPV) Central Committee",
     "General Secretary", "PTY", "VNM"),
    ("Vietnamese Ambassador to Cambodia", "Ambassador", "GOV", "VNM"),
    ("Lao Minister of National Defence", "Defence Minister", "MIL", "LAO"),
])
def test_analyse_title_gives_office_sector_country(kb, title: str, office: str,  # type: ignore[no-untyped-def]
                                                   sector: str, country: str) -> None:
    info = load_titles().analyse(title, kb)
    assert (info.office, info.sector, info.country) == (office, sector, country)


def test_load_titles_bad_sector_refused_with_line(tmp_path: Path) -> None:
    path = tmp_path / "titles.tsv"
    path.write_text("# comity-titles\t1\nphrase\tkind\tsector\toffice\nKing\ttitle\tXXX\tKing\n",
                    encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown sector") as info:
        load_titles(path)
    assert info.value.line == 3
