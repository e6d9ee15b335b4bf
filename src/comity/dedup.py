"""Cross-document merging: reports of the same real-world event become one canonical event.

The rule (documented in ``docs/database.md``) is a pure function of the *set* of
per-document events: the result is identical for any permutation of the input.

Two per-document events are **compatible** (:func:`compatible`, the tests in
:mod:`comity.dedup_rule`) when they come from different documents and have

* the same status (a planned event and the occurred event that fulfils it are *linked* by
  :func:`link_followthrough`, never merged);
* agreeing acts: the same PLOVER type and CAMEO root unless ``data/merge.tsv`` calls the two
  codes different acts (praise 051 and a signing 057), or codes the table calls one act
  across types (an invitation 036 and a request 02x); modes equal where both are known
  (``third-party`` counts as ``multilateral``);
* the same actors after resolution: the same entity ids on each side (either way round
  when either event is symmetric); on the acting side, with the same recipients, a person
  in one report and the country they act for (``Entity.country``) in the other;
* dates within ``window_days``: the days a date can mean by its precision (a day, or a
  week, month or year from the date on; not past the story date unless the event is a
  plan); an undated event compares story dates;
* agreeing places: one unknown, the same place, or a country- or province-level place and
  a place in that country;
* for events that are not meetings (statements, signings...): each is *anchored* to the
  nearest meeting (CONSULT) of its document on its date and in its block, and two anchored
  events agree only when their meetings were merged (praise voiced at two different
  meetings of one state visit stays two events).

Canonical events are built by **agglomeration with complete linkage**: meetings first, then
the other events; compatible pairs are taken closest first (undated last, then fewer days
apart, same code, same actors, same place, then ids) and a pair joins its two groups when
every pair across them is compatible. Canonical ids: the member id for a single member,
else ``ev-`` + a hash of the sorted member ids.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import hashlib
import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import urlsplit

from comity.dedup_rule import (
    Affinity,
    actor_keys,
    affinity,
    anchors,
    day_span,
    is_plan,
    modes_agree,
)
from comity.model import Entity, Event, Mention

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


def compatible(a: Event, b: Event, window_days: int = 1) -> bool:
    """True when ``a`` and ``b`` may report the same real-world event (the rule above,
    without the anchoring, which depends on the other events)."""
    return affinity(a, b, window_days) is not None


def _dedupe_ids(events: Iterable[Event]) -> list[Event]:
    """One event per id (the same id twice keeps the one with the smallest repr)."""
    by_id: dict[str, Event] = {}
    for ev in events:
        old = by_id.get(ev.id)
        if old is None or repr(ev) < repr(old):
            by_id[ev.id] = ev
    return [by_id[k] for k in sorted(by_id)]


def _candidates(events: Sequence[Event], window_days: int) -> set[tuple[int, int]]:
    """Index pairs (i < j) of events close enough in time to be compatible: dated events
    whose day spans are within the window, and any pair with an undated event whose story
    dates are."""
    seen: set[tuple[int, int]] = set()
    dated = sorted((span[0], span[1], i) for i, e in enumerate(events)
                   if (span := day_span(e)) is not None)
    for x, (_lo, hi, i) in enumerate(dated):
        y = x + 1
        while y < len(dated) and dated[y][0] - hi <= window_days:
            j = dated[y][2]
            seen.add((min(i, j), max(i, j)))
            y += 1
    stories = sorted((e.story_date.toordinal(), i) for i, e in enumerate(events)
                     if e.story_date is not None)
    for i, e in enumerate(events):
        if e.date is None and e.story_date is not None:
            day = e.story_date.toordinal()
            y = bisect.bisect_left(stories, (day - window_days, -1))
            while y < len(stories) and stories[y][0] <= day + window_days:
                j = stories[y][1]
                if j != i:
                    seen.add((min(i, j), max(i, j)))
                y += 1
    return seen


def _agglomerate(events: list[Event], window_days: int,
                 anchor_group: Mapping[str, str]) -> list[list[Event]]:
    """Complete-linkage groups of ``events`` (see the module doc)."""
    buckets: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, ev in enumerate(events):
        for key in actor_keys(ev):
            buckets[(ev.status, *key)].append(i)
    near: set[tuple[int, int]] = set()
    for idx in buckets.values():
        if len(idx) > 1:
            sub = [events[i] for i in idx]
            near.update((min(idx[x], idx[y]), max(idx[x], idx[y]))
                        for x, y in _candidates(sub, window_days))
    pairs: list[tuple[Affinity, str, str, int, int]] = []
    ok: set[tuple[int, int]] = set()
    for i, j in near:
        aff = affinity(events[i], events[j], window_days, anchor_group)
        if aff is not None:
            lo_id, hi_id = sorted((events[i].id, events[j].id))
            pairs.append((aff, lo_id, hi_id, i, j))
            ok.update({(i, j), (j, i)})
    pairs.sort()
    group = list(range(len(events)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(events))}
    for _key, _a, _b, i, j in pairs:
        gi, gj = group[i], group[j]
        if gi == gj or not all((x, y) in ok for x in members[gi] for y in members[gj]):
            continue
        keep, drop = min(gi, gj), max(gi, gj)
        for x in members[drop]:
            group[x] = keep
        members[keep].extend(members.pop(drop))
    return [[events[i] for i in sorted(m)] for m in members.values()]


def _components(events: list[Event], window_days: int) -> list[list[Event]]:
    """Meetings first; then the other events, anchored to the merged meetings."""
    meetings = [e for e in events if e.type == "CONSULT"]
    others = [e for e in events if e.type != "CONSULT"]
    comps = _agglomerate(meetings, window_days, {})
    meeting_group = {e.id: comp[0].id for comp in comps for e in comp}
    anchored = anchors(events, {e.id: block_key(e) for e in events})
    anchor_group = {eid: meeting_group[mid] for eid, mid in anchored.items()}
    return comps + _agglomerate(others, window_days, anchor_group)


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
    if not modes_agree(plan, ev):
        return False
    start, when = _when(plan), _when(ev)
    if start is None or when is None or not 0 <= (when - start).days <= FOLLOWTHROUGH_DAYS:
        return False
    if _actor_set(plan) == _actor_set(ev):
        return True
    # an invitation by a host (its head of state) is fulfilled by a visit to that country
    return plan.cameo.startswith("036") and _countries(plan) == _countries(ev)


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
