"""Reading: the ``EventFilter`` as SQL, full-text search, snippets."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Select, and_, func, literal_column, or_, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from comity.errors import StoreError
from comity.store import schema as S
from comity.store.types import SORTS, EventFilter
from comity.textnorm import fold

_ISO3 = re.compile(r"^[A-Z]{3}$")
_WORD = re.compile(r"\w+")

#: resolves an actor name to entity ids (knowledge-base aliases + stored names)
Resolver = Callable[[str], list[str]]


def fts_terms(q: str) -> list[str]:
    """The folded words of a full-text query."""
    return _WORD.findall(fold(q))


def matching_docs(conn: Connection, q: str) -> Select[Any] | None:
    """A select of the ids of documents matching every word of ``q`` (None: no words)."""
    terms = fts_terms(q)
    if not terms:
        return None
    if conn.dialect.name == "sqlite":
        match = " ".join(f'"{t}"' for t in terms)
        return select(literal_column("doc_id")).select_from(text("docs_fts")).where(
            text("docs_fts MATCH :fts").bindparams(fts=match))
    tsq = func.plainto_tsquery("simple", " ".join(terms))
    return select(S.documents.c.id).where(
        func.to_tsvector("simple", S.documents.c.folded).op("@@")(tsq))


def snippet(text_: str, q: str, width: int = 160) -> str:
    """A window of ``text_`` around the first query word (diacritic-insensitive), with the
    word in [[brackets]]."""
    terms = fts_terms(q)
    folded_chars = [fold(ch) or " " for ch in text_]
    # map positions of the per-character fold back to the original text
    starts, pos = [], 0
    for piece in folded_chars:
        starts.append(pos)
        pos += len(piece)
    folded = "".join(folded_chars)
    best = None
    phrase = re.search(r"\b" + r"\W+".join(map(re.escape, terms)) + r"\b", folded) \
        if terms else None
    if phrase:
        best = (phrase.start(), phrase.end())
    for t in terms if best is None else ():
        m = re.search(rf"\b{re.escape(t)}\b", folded)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end())
    if best is None:
        return " ".join(text_[:width].split())
    i = next(k for k, s in enumerate(starts) if s + len(folded_chars[k]) > best[0])
    j = next((k for k, s in enumerate(starts) if s >= best[1]), len(text_))
    lo = max(0, i - width // 2)
    hi = min(len(text_), j + width // 2)
    out = (text_[lo:i] + "[[" + text_[i:j] + "]]" + text_[j:hi])
    return ("…" if lo else "") + " ".join(out.split()) + ("…" if hi < len(text_) else "")


def _entity_ids(value: str, resolve: Resolver) -> list[str]:
    if value.startswith(("kb:", "prov:")):
        return [value]
    return resolve(value)


def _side(value: str, roles: Sequence[str], resolve: Resolver) -> Select[Any]:
    ea = S.event_actors.c
    base = select(ea.event_id).where(ea.role.in_(roles))
    if _ISO3.match(value):
        return base.where(ea.country == value)
    ids = _entity_ids(value, resolve)
    cond = [ea.name_folded == fold(value)]
    if ids:
        cond.append(ea.entity_id.in_(ids))
    return base.where(or_(*cond))


def where_clauses(conn: Connection, f: EventFilter, resolve: Resolver
                  ) -> list[ColumnElement[bool]]:
    """The WHERE conditions of an ``EventFilter`` on the ``events`` table."""
    e = S.events.c
    ea = S.event_actors.c
    out: list[ColumnElement[bool]] = []
    if f.actor:
        ids = _entity_ids(f.actor, resolve)
        cond = [ea.name_folded == fold(f.actor)]
        if ids:
            cond.append(ea.entity_id.in_(ids))
        sub = select(ea.event_id).where(or_(*cond), ea.role.in_(("a", "r")))
        if f.date_from:
            sub = sub.where(ea.date >= f.date_from)
        if f.date_to:
            sub = sub.where(ea.date <= f.date_to)
        out.append(e.id.in_(sub))
    if f.country:
        out.append(e.id.in_(select(ea.event_id).where(
            ea.country == f.country.upper(), ea.role.in_(("a", "r")))))
    if f.dyad:
        a, b = f.dyad
        fwd = and_(e.id.in_(_side(a, ("a",), resolve)), e.id.in_(_side(b, ("r",), resolve)))
        back = and_(e.id.in_(_side(b, ("a",), resolve)), e.id.in_(_side(a, ("r",), resolve)))
        out.append(or_(fwd, back))
    if f.type:
        out.append(e.type == f.type.upper())
    if f.status:
        out.append(e.status == f.status)
    if f.planned is not None:
        out.append(e.status == "planned" if f.planned else e.status != "planned")
    if f.date_from:
        out.append(e.date >= f.date_from)
    if f.date_to:
        out.append(e.date <= f.date_to)
    if f.place:
        p = f.place
        out.append(or_(e.loc_folded == fold(p), e.loc_country == p.upper()) if _ISO3.match(
            p.upper()) and len(p) == 3 else e.loc_folded == fold(p))
    if f.text:
        docs = matching_docs(conn, f.text)
        if docs is None:
            raise StoreError(f"full-text query {f.text!r} has no words")
        out.append(e.id.in_(select(S.mentions.c.event_id).where(
            S.mentions.c.doc_id.in_(docs))))
    return out


def order_by(sort: str) -> list[Any]:
    """ORDER BY for a sort key (nulls last, then id for a total order)."""
    if sort not in SORTS:
        raise StoreError(f"unknown sort {sort!r}; choose one of {', '.join(SORTS)}")
    e = S.events.c
    col = {"date": e.date, "intensity": e.intensity, "mentions": e.num_mentions}[
        sort.lstrip("-")]
    desc = sort.startswith("-")
    return [col.is_(None), col.desc() if desc else col.asc(), e.id]
