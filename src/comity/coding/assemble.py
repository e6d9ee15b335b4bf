"""From coded triggers to events: each event's own date and place, its contexts and scales,
its provenance, and one event per real event per article (mentions merged)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from comity.coding.args import MOTION, Tree
from comity.coding.clause import (
    CONTENT,
    anchor,
    clause_ranges,
    clause_tokens,
    governing_clause,
    inside,
)
from comity.coding.coder import Coded
from comity.coding.lexicon import scale
from comity.coding.merge import merge_in_article
from comity.coding.undated import undated
from comity.datafile import tsv_rows
from comity.model import Document, Event, Mention, Place, ResolvedDocument, Token
from comity.when import find_dates

INTERACTION_TYPES = frozenset({"CONSULT", "COOPERATE", "AID", "RETREAT", "PROTEST",
                               "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
DEPARTURE = re.compile(r"\b(from|depart(?:ed|s|ing)?|left|leave|leaving|leaves)\s+(?:the\s+)?"
                       r"(?:capital\s+|city\s+of\s+)?$", re.I)
#: a wire dateline at the start of a sentence: the filing date, not an event's date
DATELINE = re.compile(r"^\s*(?:[A-ZÀ-Ỹ][A-ZÀ-Ỹ .,/'-]+,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*"
                      r"(?:\([^)]{1,30}\))?\s*(?:--|—|–|-)"
                      # "New Delhi, Jun 18 (PTI)": title case, the agency in brackets
                      r"|[A-ZÀ-Ỹ][\w .'-]{1,30},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*"
                      r"\([A-Za-z][^)]{0,30}\)\s*(?:--|—|–|-)?)")
WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
#: "in the capital", "arrived in the Chinese capital": the capital of the host country or
#: of the country the word before names
THE_CAPITAL = re.compile(r"\b(?:in|at|to|into)\s+the\s+(?:([A-Z][\w-]+)\s+)?capital\b(?!\s+of)")
LOCATIVE = re.compile(r"\b(in|at|to)\s+(?:the\s+)?$", re.I)
#: what places a statement: where it is said, not where something goes
AT = re.compile(r"\b(in|at)\s+(?:the\s+)?$", re.I)
#: a journey on from the event's place ("before flying to Ankara", "before returning to
#: Islamabad", "before leaving for Seoul"): the next stop, not the event's place
ONWARD = re.compile(r"\b(?:before|after|then)\s+\w+ing\s+(?:\w+\s+){0,2}?"
                    r"(?:to|for|from)\s+(?:the\s+)?$", re.I)
#: a span of days ("from Nov. 10-13", "from March 3 to 5"): a visit's frame, whose first
#: day does not date the events told after it
SPAN = re.compile(r"^(?:from|between)\b.*\d\s*(?:-|–|to|until|and)\s*(?:\w+\.?\s+)?\d", re.I)


#: nouns of meetings an event can be placed at ("during the talks")
MEETING_NOUNS = frozenset({"talk", "talks", "meeting", "summit", "discussion", "call",
                           "conversation", "retreat", "session", "dialogue", "audience"})

DEFINITE = frozenset({"the", "their", "his", "her", "these", "this"})

#: events done where people meet (meetings, ceasefires and swaps agreed there, signings):
#: the dateline is their place when the text names no other
MEETING_TYPES = frozenset({"CONSULT", "RETREAT"})
#: invitations, whose content clause ("to visit Manila next year") has a day of its own
INVITATIONS = frozenset({"036"})

#: a sentence's dates or places, by (what, sentence index, future tense), for one article
Memo = dict[tuple[str, int, bool], list[Any]]


class GazetteerLike(Protocol):
    """What the assembler needs from :class:`comity.places.Gazetteer`."""

    def lookup(self, name: str, country: str | None = None) -> Place | None: ...

    def find_places(self, text: str, country: str | None = None) -> Sequence[Any]: ...


@dataclass(frozen=True)
class Contexts:
    """Topic words -> PLOVER contexts (data/contexts.tsv)."""

    words: dict[str, str] = field(default_factory=dict)

    def of(self, text: str) -> tuple[str, ...]:
        """Contexts named in ``text``, in a stable order."""
        low = text.lower()
        found = {ctx for word, ctx in self.words.items()
                 if re.search(rf"\b{re.escape(word)}", low)}
        return tuple(sorted(found))


def load_contexts(path: Path | None = None) -> Contexts:
    """Load and validate the contexts file (default: the bundled one)."""
    path = path or Path(str(resources.files("comity") / "data" / "contexts.tsv"))
    out = {word.lower(): ctx for _line, (word, ctx) in
           tsv_rows(path, "contexts", "1", ("word", "context"))}
    return Contexts(out)


class Assembler:
    """Attach dates, places and contexts; build and merge the article's events."""

    def __init__(self, gazetteer: GazetteerLike | None, contexts: Contexts,
                 capital: Callable[[str | None, str | None], str | None] | None = None
                 ) -> None:
        """``capital(word, host)``: the capital city's name of the country a demonym or
        country name ``word`` names, or of the ``host`` country (ISO alpha-3) when ``word``
        is None, for "in the (Chinese) capital"; None when unknown."""
        self.gazetteer = gazetteer
        self.contexts = contexts
        self.capital = capital

    def dateline_place(self, doc: Document) -> Place | None:
        """The place of the article's dateline ("PHNOM PENH —"), geocoded."""
        if self.gazetteer is None:
            return None
        from comity.places import parse_dateline

        found = parse_dateline(doc.text, doc.body_start)
        if found is None:
            return None
        return self.gazetteer.lookup(found[0])

    def assemble(self, resolved: ResolvedDocument, coded: list[Coded],
                 dateline: Place | None) -> list[Event]:
        """Events of one article, merged, in text order."""
        doc = resolved.parsed.document
        story = doc.story_date
        current_date: tuple[dt.date, str, str] | None = None
        # the last talks told, with their day and place
        last_meeting: tuple[dt.date, str, str, Place | None] | None = None
        # the dateline is where the story was filed: the place of the meetings told there,
        # and of what is said at them, but not of a phone call, a remote statement or
        # fighting at a border told from the capital
        current_place: tuple[Place, dt.date | None] | None = None
        scene_people: set[str] = set()  # of the event that set it
        events: list[Event] = []
        memo: Memo = {}  # each sentence's dates and places, found once
        last_day: dt.date | None = None  # of any event, planned too ("the same day")
        last_planned: dt.date | None = None  # the itinerary told so far
        planned_place: tuple[Place, dt.date] | None = None  # and where it will be that day
        lede = self._lede_day(resolved, story)
        for c in coded:
            if current_date is None and lede is not None and c.sentence.index > lede[0]:
                # "X and Y agreed here on Tuesday to ... The two leaders held a restricted
                # meeting": the day the lede gives is the running day of what follows
                current_date = lede[1]
            ranges = clause_ranges(c.sentence.tokens, c.token, c.sentence.start,
                                   statement=c.trigger.type in {"AGREE", "REQUEST"})
            at_meeting = last_meeting is not None and _at_the_meeting(c)
            scene = last_meeting[:3] if last_meeting is not None and at_meeting \
                else current_date  # "During the talks, the two leaders agreed ..."
            when = self._date(c, story, scene, ranges, memo, last_day, last_planned)
            date, date_text, precision = when
            # (a day taken from the lede says nothing of where: the scene's place stays)
            lede_only = lede is not None and when is lede[1]
            # an arrival told after the day's talks ("Luxon arrived on Wednesday night") is
            # background to them and sets neither the day nor the place
            flashback = date is not None and current_date is not None \
                and date < current_date[0] \
                and anchor(c.sentence.tokens, c.token).lemma.lower() in MOTION
            if date is not None and precision == "day" and c.status == "occurred" \
                    and _main_clause(c) and not SPAN.match(date_text or "") and not flashback:
                current_date = (date, date_text or "", precision)
            place = self._place(c, resolved.host_country, ranges, memo)
            meeting = c.mode != "phone" and (c.trigger.type in MEETING_TYPES
                                             or c.trigger.cameo == "057")
            if place is None and current_place is None and meeting:
                # nothing better yet: a place elsewhere in the sentence, or the dateline
                # (where what happened happened, not where a visit abroad will go)
                place = self._place(c, resolved.host_country, None, memo) or (
                    dateline if c.status == "occurred" and not any(
                        r.kind == "country" and dateline is not None
                        and r.country != dateline.country for r in c.recipients) else None)
            if place is not None and place.resolution >= 3 and c.status == "occurred" \
                    and not flashback and precision in (None, "day") \
                    and (meeting or c.trigger.type not in INTERACTION_TYPES):
                # (a visit "in February" is background: it sets no scene)
                # the scene is set by where people meet or speak, not by a protest or an
                # attack elsewhere
                current_place = (place, date if precision == "day" else None)
                scene_people = _ids(c)
            location = place
            if location is None and at_meeting and last_meeting is not None:
                location = last_meeting[3]  # the talks' place is the scene again
                if location is not None and c.status == "occurred":
                    current_place = (location, date if precision == "day" else None)
                    scene_people = _ids(c)
            if location is None and current_place is not None and c.mode != "phone" and (
                    precision in (None, "day") and (
                        date is None or lede_only or current_place[1] is None
                        or current_place[1] == date or (
                            # the same people a day before or after: still on that trip
                            abs((current_place[1] - date).days) <= 1
                            and c.status == "occurred" and _same_scene(c, scene_people)))) \
                    and (c.trigger.type in INTERACTION_TYPES or _speaker_in(c, scene_people)):
                # (a statement by someone not at the scene is made elsewhere: "Saudi Arabia
                # and Egypt also condemned the attack")
                location = current_place[0]
            if location is None and c.status == "planned" and planned_place is not None \
                    and date is not None and planned_place[1] == date:
                location = planned_place[0]  # "... in Hanoi on Wednesday ... the same day"
            events.append(self._event(doc, c, date, date_text, precision, location))
            if date is not None and precision == "day":
                last_day = date
                if c.status == "planned":
                    last_planned = max(date, last_planned or date)
                    if location is not None and location.resolution >= 3:
                        planned_place = (location, date)
            if c.trigger.type == "CONSULT" and c.status == "occurred" and date is not None \
                    and precision == "day" and c.recipients \
                    and c.recipients[0].kind != "country":
                last_meeting = (date, date_text or "", precision, location)
        named = {i: [m.entity for m in ms if m.entity.kind == "person"]
                 for i, ms in enumerate(resolved.actors)}
        return undated(merge_in_article(events, named),
                       (lede[0], lede[1][0]) if lede is not None else None, story)

    # ------------------------------------------------------------------ parts
    @staticmethod
    def _lede_day(resolved: ResolvedDocument, story: dt.date | None
                  ) -> tuple[int, tuple[dt.date, str, str]] | None:
        """The lede (the first body sentence after the headline that names a day) and the
        one day it names (on or before the story), if it names exactly one."""
        sents = [s for s in resolved.parsed.sentences
                 if s.start >= resolved.parsed.document.body_start]
        if story is None:
            return None
        for lede in sents[:2]:
            lead = DATELINE.match(lede.text)
            days = [d for d in find_dates(lede.text, story)
                    if d.date is not None and d.precision == "day" and d.date <= story
                    and not d.anaphoric and (lead is None or d.start >= lead.end())]
            if days:
                day = days[0].date
                if len({d.date for d in days}) != 1 or SPAN.match(days[0].text) or day is None:
                    return None
                return lede.index, (day, days[0].text, "day")
        return None

    def _date(self, c: Coded, story: dt.date | None,
              current: tuple[dt.date, str, str] | None, ranges: list[tuple[int, int]],
              memo: Memo, last_day: dt.date | None = None,
              last_planned: dt.date | None = None
              ) -> tuple[dt.date | None, str | None, str | None]:
        text = c.sentence.text
        lead = DATELINE.match(text)
        future = c.status == "planned"
        key = ("dates", c.sentence.index, future)
        if key not in memo:
            memo[key] = find_dates(text, story, future=future)
        every = memo[key]
        if not future and story is not None:
            # what happened happened by the story's day: "invited X to Rome next year"
            every = [d for d in every if d.date is None or d.date <= story]
        # "SEOUL, Aug. 24 (Yonhap) --" is the filing date: the event's own only when the
        # sentence and the article so far give no other
        found = [d for d in every if lead is None or d.start >= lead.end()]
        if not found and current is None:
            found = every
        own = [d for d in found if inside(ranges, d.start, d.end)]
        if found and not own:
            top = governing_clause(c.sentence.tokens, c.token)
            if top is not None:  # "before attending a dinner hosted by X": that clause's
                outer = clause_ranges(c.sentence.tokens, top, c.sentence.start)
                own = [d for d in found if inside(outer, d.start, d.end)]
        if found and not own and current is not None:
            return current  # the sentence's dates belong to its other clauses
        if found and not own and c.trigger.cameo in INVITATIONS:
            # "invited X to visit Manila next year": that day is the visit's (what is
            # agreed is often parsed with the meeting's day: "agreed to ... at their summit
            # on Saturday")
            tree = Tree(c.sentence.tokens, ())
            content = [(c.sentence.tokens[j].start - c.sentence.start,
                        c.sentence.tokens[j].end - c.sentence.start)
                       for k in tree.kids(c.token.i, *CONTENT) for j in tree.subtree(k.i)]
            found = [d for d in found if not inside(content, d.start, d.end)]
            if not found:
                return None, None, None
        found = own or found
        if len(found) > 1:  # "fly to Tokyo on Friday, where he will meet X on Saturday"
            lo, hi = _subtree_span(c.sentence.tokens, c.token, c.sentence.start)
            found = [d for d in found if lo <= d.start and d.end <= hi] or found
        if found:
            trig_at = c.token.start - c.sentence.start
            best = min(found, key=lambda d: abs(d.start - trig_at))
            if best.anaphoric:
                # "that evening", "the same day": the last day named before it, in this
                # sentence too ("who arrived on Monday, ... that evening"); "a day earlier",
                # "the following day": a day counted from the story's running day
                before = [d for d in every if d.end <= best.start and not d.anaphoric
                          and d.date is not None and d.precision == "day"]
                base = before[-1].date if before and best.offset == 0 else (
                    current[0] if current else before[-1].date if before else last_day)
                if base is None:
                    return None, best.text, None
                return base + dt.timedelta(days=best.offset), best.text, "day"
            if best.date is not None:
                if best.precision in ("month", "year", "week") and current is not None \
                        and _within(current[0], best.date, best.precision):
                    return current  # "this year" in a sentence about that day's talks
                day = best.date
                if future and last_planned is not None and WEEKDAY.search(best.text) \
                        and best.relative and best.precision == "day":
                    while day < last_planned:  # an itinerary told in order: "... next week
                        day += dt.timedelta(days=7)  # ... Wednesday ... on Friday"
                return day, best.text, best.precision
        if current is not None:
            return current
        return None, None, None

    def _place(self, c: Coded, host: str | None, ranges: list[tuple[int, int]] | None,
               memo: Memo) -> Place | None:
        """The event's place: from its own clause (``ranges``), or the whole sentence."""
        if self.gazetteer is None:
            return None
        text = c.sentence.text
        best: Place | None = None
        key = ("places", c.sentence.index, False)
        if key not in memo:
            memo[key] = list(self.gazetteer.find_places(text, host))
        found = memo[key]
        lead = DATELINE.match(text)
        own = [pm for pm in found if (ranges is None or inside(ranges, pm.start, pm.end))
               and (lead is None or pm.start >= lead.end())]  # the dateline is no clause
        trig_at = c.token.start - c.sentence.start
        for pm in own:
            before = text[max(0, pm.start - 30):pm.start]
            if DEPARTURE.search(before):
                continue
            onward = ONWARD.search(text, max(0, pm.start - 45), pm.start)
            if onward is not None and trig_at < onward.start():
                continue  # "meet Modi on Sunday before flying to Ankara": the next stop
            if c.trigger.cameo in INVITATIONS and re.search(r"\bto\s+(the\s+)?$", before):
                continue  # "invited X to Rome": where the guest is to go
            place = pm.place
            if place.resolution < 3:
                continue
            if not getattr(pm, "venue", False) and re.match(r"\s+[A-Z][a-z]", text[pm.end:]):
                continue  # "the Ottawa Convention", "the Bangkok Post": part of a name
            statement = c.trigger.type not in INTERACTION_TYPES and c.trigger.cameo != "057"
            if getattr(pm, "venue", False) or (
                    LOCATIVE.search(before) if not statement else AT.search(before)):
                return place  # (a statement is not made "to Gaza": "its aid to Gaza")
            if statement and not (pm.start <= 2 and re.match(r"\s*[–—-]", text[pm.end:])):
                # a statement is placed by "in", "at" or its dateline ("MANILA – ..."), not
                # by "urged Washington, Beijing and the European capitals"
                continue
            parties = {e.text for e in (*c.actors, *c.recipients)}
            if not re.match(r"\s*['’]s\b", text[pm.end:pm.end + 4]) \
                    and text[pm.start:pm.end] not in parties:
                best = best or place  # not "Singapore's minister", not "urged Washington"
        if best is None and self.capital is not None:
            for m in THE_CAPITAL.finditer(text):  # "arrived in the (Chinese) capital"
                if ranges is not None and not inside(ranges, m.start(), m.end()):
                    continue
                name = self.capital(m.group(1), host)
                place = self.gazetteer.lookup(name) if name else None
                if place is not None:
                    return place
        return best

    def _event(self, doc: Document, c: Coded, date: dt.date | None, date_text: str | None,
               precision: str | None, location: Place | None) -> Event:
        trig = c.trigger
        mode = c.mode
        if trig.type == "CONSULT" and mode is None and location is not None \
                and c.recipients and c.actors:
            a, r = c.actors[0].country, c.recipients[0].country
            if location.country and location.country == r and a != r:
                mode = "visit"
        quad, intensity, goldstein = scale(trig.type, trig.cameo, mode)
        kind = "interaction" if trig.type in INTERACTION_TYPES or trig.cameo == "057" \
            else "statement"
        mention = Mention(doc=doc.id, sentence=c.sentence.index, start=c.start, end=c.end,
                          text=doc.text[c.start:c.end], url=doc.url, source=doc.source)
        key = "|".join([doc.id, trig.type, trig.cameo, c.status, str(date),
                        ",".join(e.id for e in c.actors), ",".join(e.id for e in c.recipients),
                        str(c.start)])
        return Event(
            id="ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
            type=trig.type, cameo=trig.cameo, actor=c.actors, recipient=c.recipients,
            participants=c.participants, mode=mode, context=self.contexts.of(c.sentence.text),
            status=c.status, date=date, date_text=date_text, date_precision=precision,
            story_date=doc.story_date, location=location, intensity=intensity,
            goldstein=goldstein, quad=quad, mentions=(mention,), kind=kind,
            trigger=c.token.text, symmetric=c.symmetric, num_mentions=1, num_sources=1)


def _ids(c: Coded) -> set[str]:
    """Ids of the persons taking part in ``c``, and of their countries."""
    parties = (*c.actors, *c.recipients)
    return {e.id for e in parties if e.kind == "person"} | {
        f"country:{e.country}" for e in parties if e.country}


def _speaker_in(c: Coded, scene: set[str]) -> bool:
    """True when the one speaking in ``c`` (or their country) took part in the scene."""
    return any(a.id in scene or f"country:{a.country}" in scene for a in c.actors)


def _same_scene(c: Coded, scene: set[str]) -> bool:
    """True when ``c`` involves a person of the scene, or the same two countries
    (Pakistan and China agreeing there; Dar and Wang talking the day before)."""
    mine = _ids(c)
    return any(not k.startswith("country:") for k in mine & scene) or len(
        {k for k in mine & scene if k.startswith("country:")}) >= 2


def _main_clause(c: Coded) -> bool:
    """True when the event is told in the sentence's main clause (its date then sets the
    scene for what follows; a date in a relative or subordinate clause does not)."""
    toks = c.sentence.tokens
    cur = anchor(toks, c.token)
    for _ in range(len(toks)):
        if cur.dep in {"relcl", "acl"}:
            return False  # "the meeting which he co-chaired on Jan 9"
        if cur.dep == "advcl" and any(t.head == cur.i and t.dep == "mark" for t in toks):
            return False  # "five weeks after Lee visited Tokyo on Aug. 23"
        if cur.head == cur.i:
            return True
        cur = toks[cur.head]
    return True


def _subtree_span(tokens: Sequence[Token], tok: Token, offset: int) -> tuple[int, int]:
    """Character span, relative to the sentence, of the subtree under ``tok``."""
    span = [tokens[i] for i in Tree(tokens, ()).subtree(tok.i)]
    return min(t.start for t in span) - offset, max(t.end for t in span) - offset


def _at_the_meeting(c: Coded) -> bool:
    """"During the talks, ...", "At their meeting, ...": the clause places the event at a
    meeting already told (its day is that meeting's day)."""
    tree = Tree(c.sentence.tokens, ())
    keep = clause_tokens(c.sentence.tokens, c.token)
    return any(o.lemma.lower() in MEETING_NOUNS
               and any(d.text.lower() in DEFINITE for d in tree.kids(o.i))
               for t in c.sentence.tokens
               if t.i in keep and t.dep == "prep" and t.text.lower() in {"during", "at", "in"}
               for o in tree.kids(t.i, "pobj"))


def _within(day: dt.date, start: dt.date, precision: str) -> bool:
    """True when ``day`` falls in the period of ``precision`` starting at ``start``."""
    if precision == "year":
        return day.year == start.year
    if precision == "month":
        return (day.year, day.month) == (start.year, start.month)
    return 0 <= (day - start).days < 7
