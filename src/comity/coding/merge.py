"""One event per real event per article: reports of the same event told in several
sentences of one article are merged into one event with several mentions.

Two reports are one event when they have the same type (and CAMEO code outside CONSULT),
status and parties and compatible days; besides, one visit to a country told twice (days
within :data:`VISIT_DAYS`), a signing, agreement or ceasefire told once with country names
and once with the people who made it, and praise of a country after praise of its leader
(in another sentence) are one event. Used by :class:`comity.coding.assemble.Assembler`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from comity.coding.refine import leads
from comity.model import Entity, Event

__all__ = ["merge_in_article"]


def _pair(ev: Event) -> tuple[Any, ...]:
    a = tuple(e.id for e in ev.actor)
    r = tuple(e.id for e in ev.recipient)
    if ev.symmetric or (ev.type == "CONSULT"):
        return tuple(sorted(a + r))
    return (a, r)


def merge_in_article(events: list[Event],
                     named: dict[int, list[Entity]] | None = None) -> list[Event]:
    """Merge reports of the same event within one article (same type, parties, status and
    compatible date); mentions accumulate in text order. ``named``: the persons named in
    each sentence, who stand for their countries in what the countries are told doing."""
    out: list[Event] = []
    for ev in (_leaders_for_countries(ev, events, named or {}) for ev in events):
        for k, prev in enumerate(out):
            if _same(prev, ev):
                out[k] = _combine(prev, ev)
                break
        else:
            out.append(ev)
    return out


#: the longest a state or official visit lasts: two reports of one visit to a country in one
#: article are the same visit when their days lie this close ("visiting ... on Thursday",
#: "is on an official visit from January 8 to 10")
VISIT_DAYS = 10


#: sentences around a country-level agreement searched for the persons who made it
NEAR = (-1, 2)


def _leaders_for_countries(ev: Event, events: list[Event],
                           named: dict[int, list[Entity]]) -> Event:
    """"Vietnam and the Philippines signed two agreements on Tuesday as X held talks with
    Y": the signing, agreement or ceasefire is that of the two countries' people who sign
    it, or who hold the talks it is told with, or else who are named for the two countries
    next to it (countries are parties only when no person is named)."""
    if not (ev.symmetric and (ev.cameo == "057" or ev.type in {"AGREE", "RETREAT"})) \
            or ev.date is None or len(ev.actor) != 1 or len(ev.recipient) != 1:
        return ev
    a, r = ev.actor[0], ev.recipient[0]
    if a.kind != "country" or r.kind != "country":
        return ev
    sentences = {m.sentence for m in ev.mentions}
    same = [o for o in events if o.cameo == ev.cameo and o.date == ev.date]
    told_with = [o for o in events if o.type == "CONSULT" and o.date == ev.date
                 and sentences & {m.sentence for m in o.mentions}]
    for talks in (*same, *told_with):
        if talks.status != ev.status or len(talks.actor) != 1 or len(talks.recipient) != 1:
            continue
        x, y = talks.actor[0], talks.recipient[0]
        if x.kind != "person" or y.kind != "person":
            continue
        if (x.country, y.country) == (a.country, r.country):
            return replace(ev, actor=(x,), recipient=(y,))
        if (y.country, x.country) == (a.country, r.country):
            return replace(ev, actor=(y,), recipient=(x,))
    first = min(sentences)
    near = [p for i in range(first + NEAR[0], first + NEAR[1] + 1) for p in named.get(i, [])]
    ours = next((p for p in near if p.country == a.country), None)
    theirs = next((p for p in near if p.country == r.country), None)
    if ours is not None and theirs is not None and ours.id != theirs.id:
        return replace(ev, actor=(ours,), recipient=(theirs,))
    return ev


def _same_visit(a: Event, b: Event) -> bool:
    """Two reports, in one article, of one visit by the same visitor to the same country."""
    if not (a.type == b.type == "CONSULT" and a.mode == b.mode == "visit"):
        return False
    if len(a.recipient) != 1 or len(b.recipient) != 1 or a.recipient[0].kind != "country" \
            or a.recipient[0].id != b.recipient[0].id or not a.actor or not b.actor:
        return False
    xa, xb = a.actor[0], b.actor[0]
    if xa.id != xb.id and not (_stands_for(xa, xb) or _stands_for(xb, xa)):
        return False  # another visitor (his country stands for him: "the first visit to
        # China by an Australian prime minister")
    da = a.date if a.date_precision in (None, "day") else None
    db = b.date if b.date_precision in (None, "day") else None
    if a.status != b.status:
        # "expected to be his last trip" / "arrived" the same day; a leg still to come of a
        # visit under way ("arrived on Wednesday ... is scheduled to visit Hai Phong on
        # Friday")
        done, planned = (da, db) if a.status == "occurred" else (db, da)
        return da is not None and (da == db or (
            done is not None and planned is not None
            and 0 < (planned - done).days <= VISIT_DAYS // 2))
    if da is None or db is None:
        return a.date is None or b.date is None
    return abs((da - db).days) <= VISIT_DAYS


def _same(a: Event, b: Event) -> bool:
    if _same_visit(a, b):
        return True
    if a.type != b.type or a.status != b.status:
        return False
    if _pair(a) != _pair(b) and not _later_praise_of_country(a, b) \
            and not _country_version(a, b) and not _country_meeting(a, b):
        return False
    if a.type == "CONSULT" and (a.mode == "phone") != (b.mode == "phone"):
        return False
    if a.type != "CONSULT" and a.cameo != b.cameo:
        return False
    return a.date is None or b.date is None or a.date == b.date


def _country_version(a: Event, b: Event) -> bool:
    """The same event told once with countries and once with their named people
    ("Singapore and Malaysia signed an agreement" / "it was signed by X and Y")."""
    if a.cameo != b.cameo or a.type == "CONSULT":
        return False
    pa, pb = (*a.actor, *a.recipient), (*b.actor, *b.recipient)
    if len(pa) != 2 or len(pb) != 2 or pa[0].id == pb[0].id or (
            not (a.symmetric or b.symmetric) and pa[0].kind == pb[0].kind):
        return False  # the actor is told once as a country, once as its people
    if not (a.date is not None and a.date == b.date) and min(
            m.sentence for m in (*a.mentions, *b.mentions)) > 1:
        return False  # the same day, or a headline or lead restated further down
    orders = [pb, pb[::-1]] if a.symmetric or b.symmetric else [pb]
    for other in orders:
        if any(x.id != y.id and not _stands_for(x, y) and not _stands_for(y, x)
               for x, y in zip(pa, other, strict=True)):
            continue
        # one telling names countries where the other names their people, never both ways
        if all(x.id == y.id or _stands_for(x, y) for x, y in zip(pa, other, strict=True)) or all(
                x.id == y.id or _stands_for(y, x) for x, y in zip(pa, other, strict=True)):
            return True
    return False


def _country_meeting(a: Event, b: Event) -> bool:
    """Talks told once between two countries and once between their named people on the
    same day ("Saudi Arabia hosted talks between the US and Russia" / "Rubio and Lavrov
    met for four and a half hours")."""
    if not (a.type == b.type == "CONSULT") or len(a.actor) != 1 or len(b.actor) != 1 \
            or len(a.recipient) != 1 or len(b.recipient) != 1:
        return False
    if not (a.date is not None and a.date == b.date) and min(
            m.sentence for m in (*a.mentions, *b.mentions)) > 1:
        return False
    pa, pb = (a.actor[0], a.recipient[0]), (b.actor[0], b.recipient[0])
    for states, people in ((pa, pb), (pb, pa)):
        if all(e.kind == "country" for e in states) and all(
                e.kind == "person" for e in people):
            return {e.country for e in states} == {e.country for e in people} \
                and len({e.country for e in states}) == 2
    return False


def _stands_for(country: Entity, other: Entity) -> bool:
    """``country`` is the country ``other`` (a person or organisation) acts for."""
    return country.kind == "country" and other.kind != "country" \
        and other.country == country.country and country.country is not None


def _later_praise_of_country(a: Event, b: Event) -> bool:
    """A statement about a country after the same actor's statement about that country's
    named leader ("congratulated ... General Secretary Lam", then "hailed Vietnam's
    progress") is the same exchange; a statement about the country first is its own."""
    if a.kind != "statement" or a.cameo != b.cameo or [e.id for e in a.actor] != [
            e.id for e in b.actor]:
        return False
    if len(a.recipient) != 1 or len(b.recipient) != 1:
        return False
    ra, rb = a.recipient[0], b.recipient[0]
    if {m.sentence for m in a.mentions} & {m.sentence for m in b.mentions}:
        return False  # "thanked Anwar for ... and congratulated Malaysia on ...": two acts
    return ra.kind == "person" and leads(ra) and rb.kind == "country" \
        and ra.country == rb.country  # (an adviser's country is thanked apart from him)


def _combine(a: Event, b: Event) -> Event:
    mentions = tuple(sorted({*a.mentions, *b.mentions}, key=lambda m: (m.start, m.end)))
    parts: list[Entity] = list(a.participants)
    for p in b.participants:
        if p.id not in {x.id for x in parts}:
            parts.append(p)
    mode = a.mode
    if a.type == "CONSULT":
        order = {"multilateral": 3, "visit": 2, "phone": 1, None: 0}
        mode = max((a.mode, b.mode), key=lambda m: order.get(m, 0))
    recipient = a.recipient
    actor = a.actor
    if b.recipient and a.recipient and a.recipient[0].kind == "country" \
            and b.recipient[0].kind == "person":
        recipient = b.recipient
    b_ids = {x.id for x in (*b.actor, *b.recipient)}
    if (_country_version(a, b) or _country_meeting(a, b)) and all(
            e.kind == "country" for e in (*a.actor, *a.recipient) if e.id not in b_ids):
        actor, recipient = b.actor, b.recipient  # keep the telling that names the people
    dated = a
    if _same_visit(a, b):
        if a.actor[0].kind == "country" and b.actor[0].kind != "country":
            actor = b.actor  # the visitor named rather than his country
        # a visit is dated by its first day; a report of it that happened wins a planned one
        days = [e for e in (a, b) if e.date is not None and e.date_precision == "day"]
        dated = min(days, key=lambda e: e.date or dt.date.max) if days else a
        if b.status == "occurred":
            a = replace(a, status="occurred")
    return replace(
        a, actor=actor, recipient=recipient, mentions=mentions, num_mentions=len(mentions),
        participants=tuple(parts),
        date=dated.date or a.date or b.date, date_text=dated.date_text or a.date_text
        or b.date_text, date_precision=dated.date_precision or a.date_precision
        or b.date_precision,
        location=a.location or b.location, mode=mode,
        context=tuple(sorted({*a.context, *b.context})),
        symmetric=a.symmetric or b.symmetric)
