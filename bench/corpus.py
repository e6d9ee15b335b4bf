"""Generate the scale bench corpus: wire-style news, mostly off-topic, some diplomatic.

Deterministic (seeded): the same arguments write the same file. Off-topic stories
(economy, sport, weather, culture) and diplomatic stories (meetings, visits, phone calls,
signings between leaders of many countries) are assembled from sentence templates with many
slots into multi-paragraph articles; nothing is taken from the seed articles.

    .venv/bin/python bench/corpus.py --docs 2000 --diplomatic 0.2 -o bench/out/corpus.jsonl

Each line is a JSON Lines record ``{id, text, date, url, title, source, topic}`` (``topic``
is ignored by the readers; the bench uses it to pick the diplomatic subset).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"

# (country, demonym, capital, head of government title, a leader's name)
COUNTRIES = [
    ("Vietnam", "Vietnamese", "Hanoi", "Prime Minister", "Pham Minh Chinh"),
    ("Cambodia", "Cambodian", "Phnom Penh", "Prime Minister", "Hun Manet"),
    ("Laos", "Lao", "Vientiane", "Prime Minister", "Sonexay Siphandone"),
    ("Japan", "Japanese", "Tokyo", "Prime Minister", "Shigeru Ishiba"),
    ("France", "French", "Paris", "President", "Emmanuel Macron"),
    ("Germany", "German", "Berlin", "Chancellor", "Olaf Scholz"),
    ("India", "Indian", "New Delhi", "Prime Minister", "Narendra Modi"),
    ("Indonesia", "Indonesian", "Jakarta", "President", "Prabowo Subianto"),
    ("Brazil", "Brazilian", "Brasilia", "President", "Luiz Inacio Lula da Silva"),
    ("Kenya", "Kenyan", "Nairobi", "President", "William Ruto"),
    ("Australia", "Australian", "Canberra", "Prime Minister", "Anthony Albanese"),
    ("Canada", "Canadian", "Ottawa", "Prime Minister", "Mark Carney"),
    ("South Korea", "South Korean", "Seoul", "President", "Lee Jae-myung"),
    ("Thailand", "Thai", "Bangkok", "Prime Minister", "Paetongtarn Shinawatra"),
    ("Malaysia", "Malaysian", "Kuala Lumpur", "Prime Minister", "Anwar Ibrahim"),
    ("Singapore", "Singaporean", "Singapore", "Prime Minister", "Lawrence Wong"),
    ("Philippines", "Philippine", "Manila", "President", "Ferdinand Marcos Jr."),
    ("Egypt", "Egyptian", "Cairo", "President", "Abdel Fattah el-Sisi"),
    ("Nigeria", "Nigerian", "Abuja", "President", "Bola Tinubu"),
    ("Mexico", "Mexican", "Mexico City", "President", "Claudia Sheinbaum"),
    ("Italy", "Italian", "Rome", "Prime Minister", "Giorgia Meloni"),
    ("Spain", "Spanish", "Madrid", "Prime Minister", "Pedro Sanchez"),
    ("Turkey", "Turkish", "Ankara", "President", "Recep Tayyip Erdogan"),
    ("South Africa", "South African", "Pretoria", "President", "Cyril Ramaphosa"),
]
MINISTRIES = ["Foreign Minister", "Defence Minister", "Trade Minister", "Finance Minister"]
TOPICS_DIP = ["trade", "investment", "energy cooperation", "maritime security",
              "climate finance", "education exchanges", "border demarcation", "tourism",
              "digital transformation", "agricultural exports", "infrastructure",
              "public health", "labour mobility", "regional stability"]
DOCS = ["a memorandum of understanding on", "an agreement on", "a joint statement on",
        "a framework accord on", "a five-year action plan on"]

CITIES = [c[2] for c in COUNTRIES] + ["Lagos", "Osaka", "Lyon", "Hamburg", "Mumbai",
                                      "Surabaya", "Sao Paulo", "Mombasa", "Perth", "Busan"]
SYLL = ["an", "bel", "cor", "dra", "en", "fal", "gri", "hol", "ist", "jor", "kel", "lum",
        "mar", "nor", "ost", "pra", "quin", "ros", "sul", "tor", "ul", "ven", "wes", "zan"]
SECTORS = ["steel", "semiconductor", "shipping", "retail", "insurance", "textile",
           "pharmaceutical", "telecoms", "airline", "brewing", "logistics", "solar panel"]
SPORTS = [("football", "goal", "match", "league"), ("basketball", "basket", "game", "league"),
          ("cricket", "wicket", "test", "series"), ("tennis", "set", "final", "tour"),
          ("rugby", "try", "match", "championship"), ("volleyball", "set", "match", "cup")]
ARTS = ["exhibition", "film festival", "opera season", "book fair", "photography show",
        "retrospective", "music festival", "theatre premiere"]
WEATHER = ["heavy rain", "a heatwave", "strong winds", "thick fog", "a cold snap",
           "thunderstorms", "a tropical storm", "record snowfall"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SOURCES = ["wire-a", "wire-b", "daily-c", "herald-d", "post-e", "times-f", "courier-g"]


def _name(r: random.Random, parts: int = 2) -> str:
    return "".join(r.choice(SYLL) for _ in range(parts)).capitalize()


def _person(r: random.Random) -> str:
    return f"{_name(r)} {_name(r, 3)}"


def _pct(r: random.Random) -> str:
    return f"{r.uniform(0.1, 9.9):.1f} percent"


def _economy(r: random.Random) -> tuple[str, list[str]]:
    company = f"{_name(r)} {r.choice(['Group', 'Holdings', 'Industries', 'Corp'])}"
    sector, city = r.choice(SECTORS), r.choice(CITIES)
    quarter = r.choice(["first", "second", "third", "fourth"])
    title = f"{company} {r.choice(['lifts', 'cuts', 'keeps'])} outlook as {sector} demand shifts"
    paras = [
        f"{city.upper()} — {company}, the {sector} maker, said on {r.choice(WEEKDAYS)} that "
        f"{quarter}-quarter net profit {r.choice(['rose', 'fell', 'edged up', 'slipped'])} "
        f"{_pct(r)} to {r.randint(12, 980)} million dollars, "
        f"{r.choice(['beating', 'missing', 'matching'])} analysts' forecasts.",
        f"Revenue reached {r.uniform(1, 40):.2f} billion dollars, helped by "
        f"{r.choice(['stronger exports', 'lower input costs', 'a weaker currency', 'new contracts'])}"  # noqa: E501
        f" and {r.choice(['cost savings', 'higher prices', 'a rebound in orders'])}.",
        f"Chief executive {_person(r)} told investors the company would "
        f"{r.choice(['expand capacity', 'cut jobs', 'buy back shares', 'raise its dividend'])}"
        f" and expected {r.choice(['steady', 'slower', 'faster'])} growth next year.",
        f"Shares in {company} {r.choice(['gained', 'lost'])} {_pct(r)} in {city} trading, "
        f"while the benchmark index {r.choice(['closed flat', 'rose', 'fell'])}.",
        f"Separately, the statistics office said consumer prices rose {_pct(r)} from a year "
        f"earlier, and the central bank left its policy rate at {_pct(r)}.",
        f"Analysts at {_name(r)} Securities said {sector} margins would remain under pressure "
        f"until {r.choice(['freight costs', 'energy prices', 'interest rates'])} ease.",
    ]
    return title, paras


def _sport(r: random.Random) -> tuple[str, list[str]]:
    sport, score, game, comp = r.choice(SPORTS)
    home, away = f"{_name(r)} {r.choice(['United', 'City', 'Rovers', 'Stars'])}", \
        f"{_name(r)} {r.choice(['Athletic', 'Wanderers', 'Tigers', 'Falcons'])}"
    city = r.choice(CITIES)
    title = f"{home} beat {away} to {r.choice(['stay top', 'close the gap', 'reach the final'])}"
    paras = [
        f"{city.upper()} — {home} beat {away} {r.randint(1, 6)}-{r.randint(0, 3)} in a "
        f"{sport} {game} on {r.choice(WEEKDAYS)}, with {_person(r)} scoring twice.",
        f"The win lifted {home} to {r.randint(20, 80)} points in the {comp}, "
        f"{r.randint(1, 9)} ahead of {_name(r)} {r.choice(['Town', 'FC', 'Club'])}.",
        f"Coach {_person(r)} said his side had {r.choice(['defended well', 'been patient', 'dominated possession'])}"  # noqa: E501
        f" and praised a crowd of {r.randint(5, 90)},{r.randint(100, 999)}.",
        f"{away} had a late {score} ruled out after a video review, and their captain "
        f"{_person(r)} was booked for dissent.",
        f"The teams meet again in the {r.choice(['cup quarter-final', 'return leg', 'playoffs'])}"
        f" next month in {r.choice(CITIES)}.",
    ]
    return title, paras


def _weather(r: random.Random) -> tuple[str, list[str]]:
    city, kind = r.choice(CITIES), r.choice(WEATHER)
    title = f"{kind.capitalize()} expected in {city} region"
    paras = [
        f"{city.upper()} — Forecasters warned of {kind} across the {city} region from "
        f"{r.choice(WEEKDAYS)}, with temperatures of {r.randint(-10, 42)} degrees Celsius.",
        f"The meteorological service said up to {r.randint(20, 300)} millimetres of rain could "
        f"fall in {r.randint(6, 72)} hours in low-lying districts.",
        f"Schools in {r.randint(2, 40)} districts will {r.choice(['close early', 'stay open', 'move classes online'])}"  # noqa: E501
        f", and ferry services were {r.choice(['suspended', 'delayed', 'reduced'])}.",
        f"Farmers were advised to {r.choice(['harvest early', 'protect livestock', 'drain fields'])}"  # noqa: E501
        f" as river levels rose by {r.uniform(0.2, 3.5):.1f} metres.",
        f"Conditions should improve by the weekend, the agency said, though gusts of "
        f"{r.randint(30, 120)} km/h remain possible along the coast.",
    ]
    return title, paras


def _culture(r: random.Random) -> tuple[str, list[str]]:
    city, art = r.choice(CITIES), r.choice(ARTS)
    artist = _person(r)
    title = f"{city} {art} draws record crowds"
    paras = [
        f"{city.upper()} — A {art} devoted to {artist} opened on {r.choice(WEEKDAYS)} at the "
        f"{_name(r)} {r.choice(['Museum', 'Gallery', 'Arts Centre', 'Hall'])}.",
        f"More than {r.randint(2, 90)},{r.randint(100, 999)} visitors are expected over "
        f"{r.randint(2, 16)} weeks, organisers said, with tickets priced from {r.randint(5, 40)} dollars.",  # noqa: E501
        f"The programme includes {r.randint(12, 300)} works, many of them "
        f"{r.choice(['never shown before', 'restored this year', 'on loan from private collections'])}.",  # noqa: E501
        f"Critic {_person(r)} called it {r.choice(['a triumph', 'uneven but bold', 'long overdue'])}"  # noqa: E501
        f", singling out the {r.choice(['early sketches', 'late portraits', 'sound installations'])}.",  # noqa: E501
        f"The {art} moves to {r.choice(CITIES)} in the autumn before touring abroad.",
    ]
    return title, paras


def _diplomatic(r: random.Random, day: dt.date) -> tuple[str, list[str]]:
    a, b = r.sample(COUNTRIES, 2)
    topic, topic2 = r.sample(TOPICS_DIP, 2)
    when = r.choice(WEEKDAYS)
    kind = r.choice(["meeting", "visit", "call", "signing"])
    host = r.choice([a, b])
    lead_a = f"{a[1]} {a[3]} {a[4]}"
    lead_b = f"{b[1]} {b[3]} {b[4]}"
    if kind == "meeting":
        title = f"{a[1]}, {b[1]} leaders hold talks on {topic}"
        first = (f"{host[2].upper()} — {lead_a} held talks with {lead_b} in {host[2]} on "
                 f"{when}, discussing {topic} and {topic2}.")
    elif kind == "visit":
        title = f"{a[1]} leader visits {b[0]}"
        first = (f"{b[2].upper()} — {lead_a} arrived in {b[2]} on {when} for an official "
                 f"visit to {b[0]} at the invitation of {lead_b}.")
    elif kind == "call":
        title = f"{a[1]}, {b[1]} leaders speak by phone"
        first = (f"{a[2].upper()} — {lead_a} spoke by phone with {lead_b} on {when} about "
                 f"{topic}, the government said.")
    else:
        title = f"{a[0]} and {b[0]} sign deal on {topic}"
        first = (f"{host[2].upper()} — {a[0]} and {b[0]} signed {r.choice(DOCS)} {topic} on "
                 f"{when} after talks between {lead_a} and {lead_b}.")
    minister_a, minister_b = r.choice(MINISTRIES), r.choice(MINISTRIES)
    paras = [
        first,
        f"The two sides agreed to {r.choice(['raise', 'double', 'expand'])} cooperation in "
        f"{topic2} and to set up a working group that will meet every {r.randint(3, 12)} months.",
        f"{a[4]} said relations with {b[0]} were {r.choice(['at their best', 'entering a new stage', 'of strategic importance'])}"  # noqa: E501
        f", while {b[4]} thanked {a[0]} for its support.",
        f"The {a[1]} {minister_a} and the {b[1]} {minister_b} also met on the sidelines to "
        f"review {topic} projects worth {r.randint(1, 30)} billion dollars.",
        f"Bilateral trade reached {r.randint(1, 90)} billion dollars last year, up {_pct(r)}.",
    ]
    return title, paras


OFF_TOPIC = [("economy", _economy), ("sport", _sport), ("weather", _weather),
             ("culture", _culture)]


def generate(n_docs: int, diplomatic_share: float, seed: int = 8) -> list[dict[str, str]]:
    """The corpus records (deterministic for a given seed)."""
    r = random.Random(seed)
    n_dip = round(n_docs * diplomatic_share)
    kinds = ["diplomacy"] * n_dip + [OFF_TOPIC[i % 4][0] for i in range(n_docs - n_dip)]
    r.shuffle(kinds)
    makers = dict(OFF_TOPIC)
    records = []
    for i, topic in enumerate(kinds):
        day = dt.date(2025, 1, 1) + dt.timedelta(days=r.randint(0, 364))
        if topic == "diplomacy":
            title, paras = _diplomatic(r, day)
        else:
            title, paras = makers[topic](r)
            r.shuffle(paras[1:])
        body = "\n\n".join(paras[: r.randint(max(3, len(paras) - 2), len(paras))])
        source = r.choice(SOURCES)
        records.append({"id": f"bench-{i:05d}", "text": body, "date": day.isoformat(),
                        "url": f"https://{source}.example/{day:%Y/%m}/{i:05d}",
                        "title": title, "source": source, "topic": topic})
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--diplomatic", type=float, default=0.2,
                        help="share of diplomatic stories (default 0.2; at most 0.25 "
                             "for the issue-8 corpus)")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("-o", "--output", type=Path, default=OUT / "corpus.jsonl")
    args = parser.parse_args()
    records = generate(args.docs, args.diplomatic, args.seed)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    n_dip = sum(r["topic"] == "diplomacy" for r in records)
    words = sum(len(r["text"].split()) for r in records)
    print(f"{len(records)} documents ({n_dip} diplomatic, {len(records) - n_dip} off-topic), "
          f"{words} words -> {args.output}")


if __name__ == "__main__":
    main()
