"""Cross-document merging: reports of the same real-world event become one canonical event.

The rule (documented in ``docs/database.md``) is a pure function of the *set* of
per-document events: the result is identical for any permutation of the input.

Two events are **compatible** when they have

* the same PLOVER type and the same CAMEO root (first two digits), and the same mode
  when both have one;
* the same status (a planned event never merges with an occurred one: they are *linked*
  by :func:`link_followthrough`);
* the same actors after resolution: the same set of actor entity ids and the same set of
  recipient entity ids; when either event is symmetric the two sides may be swapped;
* dates within ``window_days`` of each other; an event with no date merges only with
  events whose documents' story dates are within the window;
* compatible places: the same place (geonameid, else name folded, else country) or at
  least one of them unknown.

Canonical events are the connected components of the compatibility graph (so the result
does not depend on input order). Their id is the member id for a single member, else
``ev-`` + a hash of the sorted member ids.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import hashlib
import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from comity.model import Entity, Event, Mention, Place
from comity.textnorm import fold

log = logging.getLogger(__name__)

#: how long after a planned event (or invitation) an occurred event may fulfil it
FOLLOWTHROUGH_DAYS = 366


@dataclasses.dataclass(frozen=True)
class Cluster:
    """A canonical event and the ids of the per-document events merged into it."""

    event: Event
    members: tuple[str, ...]


def source_key(m: Mention) -> str:
    """The source of a mention: the document ``source``, else the url host, else doc id."""
    if m.source:
        return m.source.strip().lower()
    if m.url:
        host = urlsplit(m.url).hostname
        if host:
            return host.lower().removeprefix("www.")
    return m.doc


def _ids(entities: Sequence[Entity]) -> tuple[str, ...]:
    return tuple(sorted({e.id for e in entities}))


def actor_key(event: Event) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The unordered (sorted) pair of actor-id and recipient-id tuples."""
    a, r = _ids(event.actor), _ids(event.recipient)
    return (a, r) if a <= r else (r, a)


def block_key(event: Event) -> str:
    """The block an event belongs to: the sorted set of countries (or entity ids where an
    entity has no country) of its actors and recipients.

    Merging and follow-through links never cross blocks, so the canonical events of a
    block are ``merge_events(per-document events of that block)``: the store recomputes
    only the blocks a batch touches.
    """
    keys = {e.country or e.id for e in (*event.actor, *event.recipient)}
    return "|".join(sorted(keys)) or "-"


def _root(cameo: str) -> str:
    return cameo[:2]


def _place_key(p: Place | None) -> str | None:
    if p is None:
        return None
    if p.geonameid is not None:
        return f"g{p.geonameid}"
    if p.name:
        return "n" + fold(p.name)
    return f"c{p.country}" if p.country else None


def _within(a: dt.date | None, b: dt.date | None, days: int) -> bool:
    return a is not None and b is not None and abs((a - b).days) <= days


def compatible(a: Event, b: Event, window_days: int = 1) -> bool:
    """True when ``a`` and ``b`` report the same real-world event (the rule above)."""
    if a.type != b.type or _root(a.cameo) != _root(b.cameo) or a.status != b.status:
        return False
    if a.mode and b.mode and a.mode != b.mode:
        return False
    same_dir = _ids(a.actor) == _ids(b.actor) and _ids(a.recipient) == _ids(b.recipient)
    if not same_dir:
        swapped = _ids(a.actor) == _ids(b.recipient) and _ids(a.recipient) == _ids(b.actor)
        if not (swapped and (a.symmetric or b.symmetric)):
            return False
    if a.date is not None and b.date is not None:
        if not _within(a.date, b.date, window_days):
            return False
    elif not _within(a.story_date, b.story_date, window_days):
        return False
    pa, pb = _place_key(a.location), _place_key(b.location)
    return pa is None or pb is None or pa == pb


def _dedupe_ids(events: Iterable[Event]) -> list[Event]:
    """One event per id (the same id twice keeps the one with the smallest repr)."""
    by_id: dict[str, Event] = {}
    for ev in events:
        old = by_id.get(ev.id)
        if old is None or repr(ev) < repr(old):
            by_id[ev.id] = ev
    return [by_id[k] for k in sorted(by_id)]


def _components(events: list[Event], window_days: int) -> list[list[Event]]:
    groups: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for i, ev in enumerate(events):
        groups[(ev.type, _root(ev.cameo), ev.status, actor_key(ev))].append(i)
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for idx in groups.values():
        for x, i in enumerate(idx):
            for j in idx[x + 1:]:
                if find(i) != find(j) and compatible(events[i], events[j], window_days):
                    parent[max(find(i), find(j))] = min(find(i), find(j))
    comps: dict[int, list[Event]] = defaultdict(list)
    for i, ev in enumerate(events):
        comps[find(i)].append(ev)
    return list(comps.values())


def canonical_id(member_ids: Iterable[str]) -> str:
    """The id of a canonical event: the member id alone, else a hash of the sorted ids."""
    ids = sorted(set(member_ids))
    if len(ids) == 1:
        return ids[0]
    return "ev-" + hashlib.sha1("\n".join(ids).encode()).hexdigest()[:20]


def _representative(members: list[Event]) -> Event:
    """The member whose fields the canonical event takes: dated, placed, most mentions."""
    return min(members, key=lambda e: (e.date is None, e.location is None,
                                       -len(e.mentions), e.id))


def _union_entities(groups: Iterable[Sequence[Entity]], exclude: set[str]) -> tuple[Entity, ...]:
    seen: dict[str, Entity] = {}
    for group in groups:
        for e in group:
            if e.id not in exclude and (e.id not in seen or repr(e) < repr(seen[e.id])):
                seen[e.id] = e
    return tuple(seen[k] for k in sorted(seen))


def _combine(members: list[Event]) -> Event:
    members = sorted(members, key=lambda e: e.id)
    rep = _representative(members)
    mentions = sorted({m for e in members for m in e.mentions},
                      key=lambda m: (m.doc, m.sentence, m.start, m.end, m.text))
    location = rep.location or next((e.location for e in members if e.location), None)
    stories = [e.story_date for e in members if e.story_date is not None]
    core = {e.id for e in (*rep.actor, *rep.recipient)}
    return dataclasses.replace(
        rep,
        id=canonical_id(e.id for e in members),
        location=location,
        story_date=min(stories) if stories else None,
        participants=_union_entities((e.participants for e in members), core),
        context=tuple(sorted({c for e in members for c in e.context})),
        mentions=tuple(mentions),
        num_mentions=len(mentions),
        num_sources=len({source_key(m) for m in mentions}) or 1,
        links=tuple(sorted({lk for e in members for lk in e.links})),
    )


def cluster_events(events: Iterable[Event], *, window_days: int = 1) -> list[Cluster]:
    """Canonical events with their member ids, links remapped and follow-through added;
    sorted by (date, id), identical for any order of ``events``."""
    evs = _dedupe_ids(events)
    clusters = []
    member_of: dict[str, str] = {}
    for comp in _components(evs, window_days):
        canon = _combine(comp)
        ids = tuple(sorted(e.id for e in comp))
        for i in ids:
            member_of[i] = canon.id
        clusters.append(Cluster(canon, ids))
    remapped = []
    for c in clusters:
        new = tuple(sorted({member_of.get(lk, lk) for lk in c.event.links} - {c.event.id}))
        remapped.append(c.event if new == c.event.links else
                        dataclasses.replace(c.event, links=new))
    linked = {e.id: e for e in link_followthrough(remapped)}
    out = [Cluster(linked[c.event.id], c.members) for c in clusters]
    return sorted(out, key=lambda c: (c.event.date or dt.date.max, c.event.id))


def merge_events(events: Iterable[Event], *, window_days: int = 1) -> list[Event]:
    """Merge per-document events into canonical events (the rule in the module doc)."""
    return [c.event for c in cluster_events(events, window_days=window_days)]


def _when(e: Event) -> dt.date | None:
    return e.date or e.story_date


def _countries(e: Event) -> frozenset[str]:
    return frozenset(x.country or x.id for x in (*e.actor, *e.recipient))


def _actor_set(e: Event) -> frozenset[str]:
    return frozenset(x.id for x in (*e.actor, *e.recipient))


def _fulfils(plan: Event, ev: Event) -> bool:
    if ev.status != "occurred" or ev.type != "CONSULT" or ev.id == plan.id:
        return False
    start, when = _when(plan), _when(ev)
    if start is None or when is None or not 0 <= (when - start).days <= FOLLOWTHROUGH_DAYS:
        return False
    if _actor_set(plan) == _actor_set(ev):
        return True
    # an invitation by a host (its head of state) is fulfilled by a visit to that country
    return plan.cameo.startswith("036") and _countries(plan) == _countries(ev)


def is_plan(e: Event) -> bool:
    """Planned events and invitations (AGREE 036) are fulfilled by later meetings."""
    return (e.status == "planned" and e.type in {"CONSULT", "AGREE"}) or e.cameo == "036"


def _first_after(candidates: list[tuple[dt.date, str, Event]], plan: Event
                 ) -> tuple[dt.date, str, Event] | None:
    start = _when(plan)
    if start is None:
        return None
    i = bisect.bisect_left(candidates, (start, ""), key=lambda c: (c[0], c[1]))
    for c in candidates[i:]:
        if (c[0] - start).days > FOLLOWTHROUGH_DAYS:
            return None
        if _fulfils(plan, c[2]):
            return c
    return None


def link_followthrough(events: Iterable[Event]) -> list[Event]:
    """Link each planned visit/meeting and each invitation (AGREE 036) to the earliest
    later occurred CONSULT event with the same actors (an invitation also to a visit
    between the same countries); both get the other's id in ``links``."""
    evs = sorted(events, key=lambda e: e.id)
    links: dict[str, set[str]] = {e.id: set(e.links) for e in evs}
    by_actors: dict[frozenset[str], list[tuple[dt.date, str, Event]]] = defaultdict(list)
    by_countries: dict[frozenset[str], list[tuple[dt.date, str, Event]]] = defaultdict(list)
    for e in evs:
        when = _when(e)
        if e.status == "occurred" and e.type == "CONSULT" and when is not None:
            by_actors[_actor_set(e)].append((when, e.id, e))
            by_countries[_countries(e)].append((when, e.id, e))
    for group in (*by_actors.values(), *by_countries.values()):
        group.sort(key=lambda c: (c[0], c[1]))
    for plan in evs:
        if not is_plan(plan):
            continue
        found = [c for c in (
            _first_after(by_actors.get(_actor_set(plan), []), plan),
            _first_after(by_countries.get(_countries(plan), []), plan)
            if plan.cameo.startswith("036") else None) if c is not None]
        if found:
            target = min(found, key=lambda c: (c[0], c[1]))[2]
            links[plan.id].add(target.id)
            links[target.id].add(plan.id)
    out = []
    for e in evs:
        new = tuple(sorted(links[e.id]))
        out.append(e if new == e.links else dataclasses.replace(e, links=new))
    return out
