"""The pairwise merging rule: may two per-document events report one real-world event?

Used by :mod:`comity.dedup`, which builds canonical events from the compatible pairs; the
rule is documented in ``docs/database.md``. Every test is a pure function of the two events
(and, for anchored events, of which meetings were merged), so nothing depends on the order
in which events arrive.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path

from comity.datafile import tsv_rows
from comity.errors import DataFileError
from comity.model import Entity, Event, Place
from comity.textnorm import fold

MERGE_TABLE_VERSION = "1"
#: modes that describe the same kind of meeting (the gold accepts one for the other)
_MODE_CLASS = {"third-party": "multilateral"}
#: closeness of a compatible pair: (undated, days apart, not both single days, codes
#: differ, actors relaxed, place not confirmed); smaller is closer
Affinity = tuple[int, int, int, int, int, int]


def _table_path() -> Path:
    return Path(str(resources.files("comity") / "data" / "merge.tsv"))


@functools.lru_cache(maxsize=4)
def load_merge_table(path: Path | None = None) -> tuple[tuple[str, str, str], ...]:
    """The rows (a, b, relation) of ``data/merge.tsv`` (format in ``docs/database.md``)."""
    path = path or _table_path()
    rows = []
    for lineno, (a, b, relation, _note) in tsv_rows(path, "merge", MERGE_TABLE_VERSION,
                                                   ("a", "b", "relation", "note")):
        if not (a.isdigit() and b.isdigit()):
            raise DataFileError("a and b must be CAMEO code prefixes (digits)", path, lineno)
        if relation not in ("same", "different"):
            raise DataFileError("relation must be 'same' or 'different'", path, lineno)
        rows.append((a, b, relation))
    return tuple(rows)


def _table_says(x: str, y: str, table: Sequence[tuple[str, str, str]]) -> str | None:
    for a, b, relation in table:
        if (x.startswith(a) and y.startswith(b)) or (x.startswith(b) and y.startswith(a)):
            return relation
    return None


def acts_agree(a: Event, b: Event) -> bool:
    """Same PLOVER type and CAMEO root unless the merge table calls the codes different
    acts, or codes the table calls the same act; modes equal where both are known."""
    relation = _table_says(a.cameo, b.cameo, load_merge_table())
    if a.type == b.type and a.cameo[:2] == b.cameo[:2]:
        ok = relation != "different"
    else:
        ok = relation == "same"
    return ok and modes_agree(a, b)


def modes_agree(a: Event, b: Event) -> bool:
    """Modes equal (``third-party`` counts as ``multilateral``) or at least one unknown."""
    if not a.mode or not b.mode:
        return True
    return _MODE_CLASS.get(a.mode, a.mode) == _MODE_CLASS.get(b.mode, b.mode)


def _ids(entities: Sequence[Entity]) -> tuple[str, ...]:
    return tuple(sorted({e.id for e in entities}))


def _stands_for(people: Sequence[Entity], country: Sequence[Entity]) -> bool:
    """``country`` is one country entity and every entity of ``people`` acts for it."""
    if len(country) != 1 or country[0].kind != "country" or not country[0].country:
        return False
    return bool(people) and all(e.kind != "country" and e.country == country[0].country
                                for e in people)


def actors_agree(a: Event, b: Event) -> int | None:
    """0: the same entities on each side (either way round when one event is symmetric);
    1: the same recipients, and on the acting side a person in one report and the country
    they act for in the other; None: different actors."""
    aa, ab, ra, rb = _ids(a.actor), _ids(b.actor), _ids(a.recipient), _ids(b.recipient)
    if aa == ab and ra == rb:
        return 0
    if (a.symmetric or b.symmetric) and aa == rb and ra == ab:
        return 0
    if ra == rb and (_stands_for(a.actor, b.actor) or _stands_for(b.actor, a.actor)):
        return 1
    return None


def actor_keys(e: Event) -> set[tuple[str, ...]]:
    """Keys such that two events whose actors agree (:func:`actors_agree`) share one."""
    aa, ra = _ids(e.actor), _ids(e.recipient)
    keys = {("x", *aa, "|", *ra)}
    if e.symmetric:
        keys.add(("x", *ra, "|", *aa))
    countries = {x.country for x in e.actor}
    if len(countries) == 1 and None not in countries:
        keys.add(("c", str(next(iter(countries))), "|", *ra))
    return keys


def _period_end(day: dt.date, precision: str | None) -> dt.date:
    if precision == "week":
        return day + dt.timedelta(days=6)
    if precision == "month":
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == "year":
        return day.replace(month=12, day=31)
    return day


def is_plan(e: Event) -> bool:
    """Planned events and invitations (AGREE 036) are fulfilled by later meetings."""
    return (e.status == "planned" and e.type in {"CONSULT", "AGREE"}) or e.cameo == "036"


def day_span(e: Event) -> tuple[int, int] | None:
    """The days (ordinals) the event's date can mean: the day, or for a week/month/year
    precision the period from the date on — for a plan (:func:`is_plan`) to the end of the
    period, for anything else not past the story date; None when undated."""
    if e.date is None:
        return None
    lo = e.date.toordinal()
    hi = _period_end(e.date, e.date_precision).toordinal()
    if is_plan(e):
        return lo, hi
    cap = max(lo, e.story_date.toordinal()) if e.story_date is not None else lo
    return lo, min(hi, cap)


def days_apart(a: Event, b: Event) -> tuple[int, int] | None:
    """(0, days between the two spans) for dated events; (1, days between story dates)
    when either is undated; None when that cannot be told."""
    sa, sb = day_span(a), day_span(b)
    if sa is not None and sb is not None:
        return 0, max(0, sb[0] - sa[1], sa[0] - sb[1])
    if a.story_date is None or b.story_date is None:
        return None
    return 1, abs((a.story_date - b.story_date).days)


def _same_place(p: Place, q: Place) -> bool:
    if p.geonameid is not None and q.geonameid is not None:
        return p.geonameid == q.geonameid
    return fold(p.name) == fold(q.name) and (p.country == q.country or None in (
        p.country, q.country))


def places_agree(p: Place | None, q: Place | None) -> int | None:
    """0: the same place; 1: one unknown, or a country- or province-level place and a finer
    place in that country (no province hierarchy is known); None: different places."""
    if p is None or q is None:
        return 1
    if _same_place(p, q):
        return 0
    coarse, fine = sorted((p, q), key=lambda x: x.resolution)
    if coarse.resolution < fine.resolution and coarse.country and \
            coarse.country == fine.country:
        return 1
    return None


def documents(e: Event) -> frozenset[str]:
    """The documents an event was reported in (its id when it has no mention)."""
    return frozenset(m.doc for m in e.mentions) or frozenset({e.id})


def affinity(a: Event, b: Event, window_days: int,
             anchors: Mapping[str, str] | None = None) -> Affinity | None:
    """How close two compatible events are, or None when they may not be merged: different
    documents, same status, acts, actors, dates within ``window_days``, places; and for
    anchored events (``anchors``: event id -> its meeting's canonical group) the same
    meeting."""
    if a.status != b.status or documents(a) & documents(b) or not acts_agree(a, b):
        return None
    if anchors:
        ga, gb = anchors.get(a.id), anchors.get(b.id)
        if ga is not None and gb is not None and ga != gb:
            return None
    actors = actors_agree(a, b)
    if actors is None:
        return None
    apart = days_apart(a, b)
    if apart is None or apart[1] > window_days:
        return None
    place = places_agree(a.location, b.location)
    if place is None:
        return None
    sa, sb = day_span(a), day_span(b)
    imprecise = int(sa is None or sb is None or sa[0] != sa[1] or sb[0] != sb[1])
    return apart[0], apart[1], imprecise, int(a.cameo != b.cameo), actors, place


def _anchor_rank(meeting: Event, event: Event) -> tuple[int, int, int, str]:
    """Preceding meetings first (a mention at or before the event's first sentence), then
    the nearest mention, then more entities shared with the event, then the id."""
    s = min((m.sentence for m in event.mentions), default=0)
    before = [m.sentence for m in meeting.mentions if m.sentence <= s]
    after = [m.sentence for m in meeting.mentions if m.sentence > s]
    distance = s - max(before) if before else min(after, default=s) - s
    shared = {x.id for x in (*meeting.actor, *meeting.recipient)} & {
        x.id for x in (*event.actor, *event.recipient)}
    return int(not before), distance, -len(shared), meeting.id


def anchors(events: Sequence[Event], block: Mapping[str, str]) -> dict[str, str]:
    """Map each event that is not a meeting to the meeting (CONSULT) it was most likely
    reported at: of its document, of its block (``block``: event id -> block key) and on
    its date (both undated included), ranked by :func:`_anchor_rank`."""
    meetings: dict[tuple[str, str, dt.date | None], list[Event]] = defaultdict(list)
    for e in events:
        docs = documents(e)
        if e.type == "CONSULT" and len(docs) == 1:
            meetings[(next(iter(docs)), block[e.id], e.date)].append(e)
    out: dict[str, str] = {}
    for e in events:
        docs = documents(e)
        if e.type == "CONSULT" or len(docs) != 1:
            continue
        cands = meetings.get((next(iter(docs)), block[e.id], e.date))
        if cands:
            out[e.id] = min(cands, key=lambda m: _anchor_rank(m, e)).id
    return out
