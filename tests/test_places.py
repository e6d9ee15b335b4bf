"""Tests for comity.places: gazetteer lookups, places in running text, datelines."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comity.errors import ComityError, DataFileError
from comity.places import Gazetteer, parse_dateline, place_key

HEADER = "# format: comity-places/1\nalias\tname\tcountry\tlat\tlon\tgeonameid\tkind\n"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


# (name, country hint, canonical name, ISO3, resolution)
LOOKUPS = [
    ("Hà Nội", None, "Hanoi", "VNM", 4),
    ("Ha Noi", None, "Hanoi", "VNM", 4),
    ("Hanoi", None, "Hanoi", "VNM", 4),
    ("HÀ NỘI", None, "Hanoi", "VNM", 4),
    ("HCM City", None, "Ho Chi Minh City", "VNM", 4),
    ("Ho Chi Minh City", None, "Ho Chi Minh City", "VNM", 4),
    ("Saigon", None, "Ho Chi Minh City", "VNM", 4),
    ("TP HCM", None, "Ho Chi Minh City", "VNM", 4),
    ("TP.HCM", None, "Ho Chi Minh City", "VNM", 4),
    ("Huế", None, "Hue", "VNM", 4),
    ("Đà Nẵng", None, "Da Nang", "VNM", 4),
    ("Phnom Penh", None, "Phnom Penh", "KHM", 4),
    ("PHNOM PENH", None, "Phnom Penh", "KHM", 4),
    ("Vientiane", None, "Vientiane", "LAO", 4),
    ("Washington", None, "Washington", "USA", 4),
    ("Washington D.C.", None, "Washington", "USA", 4),
    ("Beijing", None, "Beijing", "CHN", 4),
    ("Peking", None, "Beijing", "CHN", 4),
    ("Tokyo", None, "Tokyo", "JPN", 4),
    ("Moscow", None, "Moscow", "RUS", 4),
    ("Canberra", None, "Canberra", "AUS", 4),
    ("New Delhi", None, "New Delhi", "IND", 4),
    ("Naypyidaw", None, "Nay Pyi Taw", "MMR", 4),
    ("Singapore", None, "Singapore", "SGP", 4),
    ("Cambodia", None, "Cambodia", "KHM", 1),
    ("Viet Nam", None, "Vietnam", "VNM", 1),
    ("Việt Nam", None, "Vietnam", "VNM", 1),
    ("Lao PDR", None, "Laos", "LAO", 1),
    ("the U.S.", None, "United States", "USA", 1),
    ("Mekong Delta", None, "Mekong Delta", "VNM", 2),
    # provinces: regions with a centroid
    ("Champasak", None, "Champasak", "LAO", 2),
    ("Champassak", None, "Champasak", "LAO", 2),
    ("Attapeu", None, "Attapeu", "LAO", 2),
    ("Kien Giang", None, "Kien Giang", "VNM", 2),
    ("Kiên Giang", None, "Kien Giang", "VNM", 2),
    ("Dak Lak", None, "Dak Lak", "VNM", 2),
    ("Đắk Lắk", None, "Dak Lak", "VNM", 2),
    ("Daklak", None, "Dak Lak", "VNM", 2),
    # venues by country
    ("Royal Palace", "KHM", "Phnom Penh", "KHM", 4),
    ("Royal Palace", "THA", "Bangkok", "THA", 4),
    ("Presidential Palace", "VNM", "Hanoi", "VNM", 4),
    ("Presidential Palace", "LAO", "Vientiane", "LAO", 4),
    ("Peace Palace", "KHM", "Phnom Penh", "KHM", 4),
    ("Peace Palace", "NLD", "The Hague", "NLD", 4),
    ("Great Hall of the People", None, "Beijing", "CHN", 4),
    ("White House", None, "Washington", "USA", 4),
    ("Kremlin", None, "Moscow", "RUS", 4),
    ("Élysée Palace", None, "Paris", "FRA", 4),
    ("Elysee Palace", None, "Paris", "FRA", 4),
    ("Government House", "THA", "Bangkok", "THA", 4),
    ("Istana", "SGP", "Singapore", "SGP", 4),
    ("Malacanang", None, "Manila", "PHL", 4),
    ("Akasaka Palace", None, "Tokyo", "JPN", 4),
    # ambiguous names: the capital, then the country hint, then the most populous
    ("London", None, "London", "GBR", 4),
    ("London", "CAN", "London", "GBR", 4),
    ("Geneva", "USA", "Geneva", "USA", 4),
    ("Geneva", None, "Geneva", "CHE", 4),
]


@pytest.mark.parametrize(("name", "country", "canonical", "iso3", "resolution"), LOOKUPS)
def test_lookup_resolves(gaz: Gazetteer, name: str, country: str | None, canonical: str,
                         iso3: str, resolution: int) -> None:
    place = gaz.lookup(name, country)
    assert place is not None
    assert (place.name, place.country, place.resolution) == (canonical, iso3, resolution)
    assert place.lat is not None and place.lon is not None
    assert place.text == name


# (province, its capital in GeoNames): the centroid lies near the capital (Attapeu's,
# Samakhixay, is too small for the GeoNames cities)
PROVINCE_CAPITALS = [
    ("Champasak", "Pakse"), ("Kiên Giang", "Rach Gia"), ("Đắk Lắk", "Buon Ma Thuot"),
]


@pytest.mark.parametrize(("province", "capital"), PROVINCE_CAPITALS)
def test_lookup_province_centroid_near_capital(gaz: Gazetteer, province: str,
                                               capital: str) -> None:
    place = gaz.lookup(province)
    city = gaz.lookup(capital, place.country if place else None)
    assert place is not None and place.resolution == 2 and place.geonameid is None
    assert city is not None and city.resolution == 4 and city.country == place.country
    assert place.lat == pytest.approx(city.lat, abs=0.6)
    assert place.lon == pytest.approx(city.lon, abs=0.6)


def test_lookup_ignored_name_with_country_hint(gaz: Gazetteer) -> None:
    place = gaz.lookup("Van", "TUR")
    assert place is not None and (place.name, place.country) == ("Van", "TUR")
    assert gaz.lookup("Van") is None


def test_lookup_rare_alternate_spelling(gaz: Gazetteer) -> None:
    place = gaz.lookup("Ciudad de Mexico")
    assert place is not None and place.country == "MEX"


def test_lookup_city_has_geonames_fields(gaz: Gazetteer) -> None:
    place = gaz.lookup("Hanoi")
    assert place is not None
    assert place.geonameid == 1581130
    assert place.lat == pytest.approx(21.02, abs=0.1)
    assert place.lon == pytest.approx(105.84, abs=0.1)


@pytest.mark.parametrize(("name", "country"), [
    ("Royal Palace", None),  # several countries have one: no guess
    ("Peace Palace", "THA"),
    ("Xyzzyville", None),
    # person names and codes that are also towns or GeoNames alternate spellings
    ("Hun", None), ("Sen", None), ("Kim", None), ("Li", None), ("Lee", None),
    ("Man", "VNM"), ("CPV", None), ("Lao", None), ("Sam", None), ("Prak", None),
    ("Victoria", None),
    # continents and world regions are no city, whatever GeoNames spells as one
    ("Asia", None), ("Africa", None), ("Sahel", None),
    ("", None),
    ("  ", None),
])
def test_lookup_unknown_is_none(gaz: Gazetteer, name: str, country: str | None) -> None:
    assert gaz.lookup(name, country) is None


# (text, country hint, [(words, canonical name, venue)])
RUNNING = [
    ("Lam met Hun Sen in Phnom Penh on February 6, after the welcome at the Royal Palace "
     "earlier the same day.", "KHM",
     [("Phnom Penh", "Phnom Penh", False), ("Royal Palace", "Phnom Penh", True)]),
    ("They met in Hà Nội on Monday.", None, [("Hà Nội", "Hanoi", False)]),
    ("the talks in HCM City on February 21", None,
     [("HCM City", "Ho Chi Minh City", False)]),
    ("He departed the capital Vientiane of Laos for a state visit to Cambodia.", None,
     [("Vientiane", "Vientiane", False), ("Laos", "Laos", False),
      ("Cambodia", "Cambodia", False)]),
    ("the Communist Party of Việt Nam", None, [("Việt Nam", "Vietnam", False)]),
    ("Cambodia's King received him", None, [("Cambodia", "Cambodia", False)]),
    ("ties between the U.S. and the UK", None,
     [("U.S.", "United States", False), ("UK", "United Kingdom", False)]),
    ("a summit in The Hague", None, [("The Hague", "The Hague", False)]),
    ("He flew to Vinh. Then he left.", None, [("Vinh", "Vinh", False)]),
    ("In Hanoi, the leaders met at the Presidential Palace.", "VNM",
     [("Hanoi", "Hanoi", False), ("Presidential Palace", "Hanoi", True)]),
    ("Talks at the Great Hall of the People and the White House.", None,
     [("Great Hall of the People", "Beijing", True), ("White House", "Washington", True)]),
    ("at Government House", "THA", [("Government House", "Bangkok", True)]),
    ("at the Istana on Friday", "SGP", [("Istana", "Singapore", True)]),
    ("met in Huế and Đà Nẵng", None, [("Huế", "Hue", False), ("Đà Nẵng", "Da Nang", False)]),
    ("in North Korea and Latin America", None, [("North Korea", "North Korea", False)]),
    ("He will travel to the northeastern city of Harbin on Friday", None,
     [("Harbin", "Harbin", False)]),
    ("They first met in Bali a year ago.", None, [("Bali", "Bali", False)]),
    ("Officials of Champasak and Attapeu provinces visited Kiên Giang and Đắk Lắk.", None,
     [("Champasak", "Champasak", False), ("Attapeu", "Attapeu", False),
      ("Kiên Giang", "Kien Giang", False), ("Đắk Lắk", "Dak Lak", False)]),
]


@pytest.mark.parametrize(("text", "country", "expected"), RUNNING)
def test_find_places_in_running_text(gaz: Gazetteer, text: str, country: str | None,
                                     expected: list[tuple[str, str, bool]]) -> None:
    found = gaz.find_places(text, country)
    assert [(m.text, m.place.name, m.venue) for m in found] == expected
    assert all(text[m.start:m.end] == m.text for m in found)


FALSE_FRIENDS = [
    "Of the many proposals, few passed.",
    "Along the border, troops withdrew.",
    "Mission accomplished, he said.",
    "Police said the road was closed.",
    "Union leaders met the minister.",
    "Queen Victoria and George Washington are history.",
    "National Assembly Chairman Tran Thanh Man attended.",
    "Deputy Minister Nguyen Xuan Vinh said so.",
    "Vinh said the plan was good.",  # a town without a locative word before it
    "a nice day in the city of light",
    "The CPV and the CPP signed.",
    "Independence Day celebrations",
    "They sat in Independence Square.",
    "Ho Chi Minh's thought guides the Party.",
    "Jackson said he would come.",
    "The Royal Palace was quiet.",  # a venue found in several countries, no hint
]


@pytest.mark.parametrize("text", FALSE_FRIENDS)
def test_find_places_ignores_false_friends(gaz: Gazetteer, text: str) -> None:
    assert gaz.find_places(text) == []


def test_find_places_dateline(gaz: Gazetteer) -> None:
    text = "Title line\nHÀ NỘI — Lâm received Ouch Borith in Hà Nội on Monday."
    found = gaz.find_places(text)
    assert [(m.text, m.place.name) for m in found] == [("HÀ NỘI", "Hanoi"), ("Hà Nội", "Hanoi")]
    assert found[0].start == text.index("HÀ NỘI")


@pytest.mark.parametrize(("name", "key"), [
    ("Hà Nội", "ha noi"), ("the U.S.", "us"), ("Washington, D.C.", "washington dc"),
    ("TP.HCM", "tphcm"), ("Lao People's Democratic Republic",
                          "lao peoples democratic republic"),
])
def test_place_key_normalises(name: str, key: str) -> None:
    assert place_key(name) == key


def test_load_extra_file_adds_aliases(tmp_path: Path) -> None:
    extra = tmp_path / "places-extra.tsv"
    extra.write_text(HEADER + "Pnom Pen\tPhnom Penh\tKHM\t\t\t\tcity\n"
                     "Chamkar Mon Palace\tPhnom Penh\tKHM\t\t\t\tvenue\n"
                     "Tonle Sap\tTonle Sap\tKHM\t12.9\t104.1\t\tregion\n", encoding="utf-8")
    gaz = Gazetteer.load([extra])
    assert gaz.lookup("Pnom Pen") is not None
    assert gaz.lookup("Pnom Pen").name == "Phnom Penh"  # type: ignore[union-attr]
    venue = gaz.lookup("Chamkar Mon Palace")
    assert venue is not None and venue.name == "Phnom Penh"
    region = gaz.lookup("Tonle Sap")
    assert region is not None and region.resolution == 2 and region.lat == 12.9


# (file content, line of the error, words in the message)
BAD_FILES = [
    ("alias\tname\n", 1, "first line must be"),
    ("# format: comity-places/1\nalias\tname\tcountry\n", 2, "column line"),
    (HEADER + "Foo\tFoo\tKHM\t\t\tcity\n", 3, "7 tab-separated columns"),
    (HEADER + "Foo\tPhnom Penh\tKH\t\t\t\tcity\n", 3, "ISO alpha-3"),
    (HEADER + "Foo\tPhnom Penh\tKHM\t\t\t\ttown\n", 3, "kind 'town'"),
    (HEADER + "# comment\n\nFoo\tPhnom Penh\tKHM\t91\t10\t\tcity\n", 5, "outside -90..90"),
    (HEADER + "Foo\tPhnom Penh\tKHM\t11.5\t\t\tcity\n", 3, "both lat and lon"),
    (HEADER + "Foo\tPhnom Penh\tKHM\tnorth\t10\t\tcity\n", 3, "not a number"),
    (HEADER + "Foo\tPhnom Penh\tKHM\t\t\tabc\tcity\n", 3, "geonameid 'abc'"),
    (HEADER + "Foo\tNowhere Town\tKHM\t\t\t\tcity\n", 3, "not a GeoNames city"),
    (HEADER + "Foo\tFoo\tXXX\t\t\t\tcountry\n", 3, "not in the knowledge base"),
    (HEADER + "\tPhnom Penh\tKHM\t\t\t\tcity\n", 3, "empty alias"),
]


@pytest.mark.parametrize(("content", "line", "words"), BAD_FILES)
def test_load_bad_file_raises_with_file_and_line(tmp_path: Path, content: str, line: int,
                                                  words: str) -> None:
    bad = tmp_path / "places-bad.tsv"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=words) as info:
        Gazetteer.load([bad])
    assert info.value.line == line
    assert info.value.path == str(bad)
    assert f"{bad}:{line}:" in str(info.value)


def test_load_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read"):
        Gazetteer.load([tmp_path / "absent.tsv"])


_WORDS = st.sampled_from([
    "in", "Phnom", "Penh", "PHNOM PENH", "—", "-", "(AP)", "Hà", "Nội", "Royal", "Palace",
    "the", "The", "U.S.", "'s", "Vinh", "Of", ",", ".", "\n", "HCM", "City", ":", "Feb",
    "6", "of", "Great", "Hall", "People", "Queen", "Victoria", "to", "Kremlin",
])


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(st.text(), st.lists(_WORDS).map(" ".join)),
       country=st.one_of(st.none(), st.sampled_from(["KHM", "VNM", "THA", "ZZZ", ""])),
       start=st.integers(min_value=-3, max_value=40))
def test_places_never_raise(gaz: Gazetteer, text: str, country: str | None,
                            start: int) -> None:
    try:
        found = gaz.find_places(text, country)
        line = parse_dateline(text, start)
        gaz.lookup(text, country)
    except ComityError:
        return
    for m in found:
        assert text[m.start:m.end] == m.text
    if line is not None:
        assert text[line[1]:line[2]] == line[0]


def test_find_places_seed_locations(gaz: Gazetteer, seeds_dir: Path) -> None:
    """Every gold event city of the seed articles is found, with the gold country."""
    import json

    gold = json.loads((seeds_dir / "gold.json").read_text(encoding="utf-8"))
    checked = 0
    for article in gold:
        text = (seeds_dir / article["file"]).read_text(encoding="utf-8")
        for event in article["events"]:
            if not event.get("location"):
                continue
            found = {(m.place.name, m.place.country)
                     for m in gaz.find_places(text, event["location_country"])}
            assert (event["location"], event["location_country"]) in found, article["file"]
            checked += 1
    assert checked >= 4


def test_load_extra_file_repoints_venue(tmp_path: Path) -> None:
    extra = tmp_path / "places-extra.tsv"
    extra.write_text(HEADER + "Royal Palace\tSiem Reap\tKHM\t\t\t\tvenue\n", encoding="utf-8")
    place = Gazetteer.load([extra]).lookup("Royal Palace", "KHM")
    assert place is not None and place.name == "Siem Reap"
    assert Gazetteer.load().lookup("Royal Palace", "KHM").name == "Phnom Penh"  # type: ignore[union-attr]


def test_find_places_devset_locations(gaz: Gazetteer) -> None:
    """The gold cities of the development set's events are found in their articles."""
    import json

    folder = Path(__file__).parent / "devset"
    if not (folder / "gold.json").is_file():
        pytest.skip("tests/devset/gold.json not present")
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    total = found = 0
    for article in gold:
        path = folder / "articles" / article["file"]
        if not path.is_file():  # the set is being extended: check what is there
            continue
        text = path.read_text(encoding="utf-8")
        for event in article["events"]:
            if not event.get("location"):
                continue
            total += 1
            places = {(m.place.name, m.place.country)
                      for m in gaz.find_places(text, event["location_country"])}
            found += (event["location"], event["location_country"]) in places
    assert total >= 20
    assert found / total >= 0.9, f"{found}/{total}"
