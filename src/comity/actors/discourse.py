"""The discourse state of one article: who has been mentioned, who is the subject, who
hosts and who visits, short names, delegations and provisional actors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from comity.model import ActorMention, Entity, Token

# Verbs whose subject hosts their object ("X received Y") or visits it ("X paid a
# courtesy call on Y", "X visited Y").
HOST_VERBS = frozenset({"receive", "welcome", "host", "greet"})
GUEST_VERBS = frozenset({"pay", "call", "visit"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: words of a meeting whose "with" names the subject's counterpart ("X met with Y", "held
#: talks with Y", "In his meeting with Y, X said")
MEETING_WORDS = frozenset({"meet", "meeting", "talk", "talks", "call", "conversation",
                           "speak", "discussion", "summit"})
CLAUSES = frozenset({"xcomp", "ccomp", "advcl", "relcl", "acl"})


@dataclass
class Discourse:
    """Who has been mentioned so far in one article."""

    persons: list[Entity] = field(default_factory=list)
    subjects: list[Entity] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)
    delegations: dict[str, Entity] = field(default_factory=dict)
    short: dict[str, Entity] = field(default_factory=dict)
    provisional: dict[str, Entity] = field(default_factory=dict)
    hosts: list[Entity] = field(default_factory=list)
    guests: list[Entity] = field(default_factory=list)
    #: persons named together in one coordination ("signed by X and Y"), in text order
    couples: list[tuple[Entity, Entity]] = field(default_factory=list)
    current_subjects: list[Entity] = field(default_factory=list)
    #: the person first named with each style ("Highness": the one named "His Highness
    #: Sheikh X"), whom the style alone later refers to ("His Highness received ...")
    styles: dict[str, Entity] = field(default_factory=dict)
    #: the person writing in the first person (a signed media release), if any
    author: Entity | None = None
    #: while a reference at this token of the sentence is resolved, persons first named
    #: after it in the sentence are not yet known ("X welcomed the minister, ... Minister Y")
    cutoff: int | None = None
    _prior: set[str] = field(default_factory=set)
    _at: dict[str, int] = field(default_factory=dict)

    def begin_sentence(self) -> None:
        """Start a new sentence (its subjects so far: none)."""
        self.current_subjects = []
        self.cutoff = None
        self._prior = {p.id for p in self.persons}
        self._at = {}

    def mention(self, entity: Entity, at: int | None = None) -> None:
        """Record a person mention (most recent last), named at token ``at``."""
        if entity.kind != "person":
            return
        self.persons = [p for p in self.persons if p.id != entity.id] + [entity]
        if at is not None:
            self._at.setdefault(entity.id, at)

    def named_at(self, i: int) -> Entity | None:
        """The subject of this sentence whose name ends at token ``i`` (it starts at or
        before ``i``, nearest)."""
        return self._nearest(self.current_subjects, i, None)

    def person_at(self, i: int) -> Entity | None:
        """The person of this sentence whose name ends at token ``i`` (it starts at most
        five tokens before ``i``, nearest), subject or not."""
        return self._nearest(self.persons, i, 6)

    def _nearest(self, pool: list[Entity], i: int, within: int | None) -> Entity | None:
        starts = [(self._at[p.id], p) for p in pool if p.id in self._at
                  and self._at[p.id] <= i and (within is None or i - within < self._at[p.id])]
        return max(starts, key=lambda x: x[0])[1] if starts else None

    def in_sentence(self, p: Entity) -> bool:
        """True when ``p`` is named in the sentence being resolved."""
        return p.id in self._at

    def known(self, p: Entity) -> bool:
        """True when ``p`` was named before the reference being resolved."""
        return self.cutoff is None or p.id in self._prior or self._at.get(
            p.id, -1) < self.cutoff

    def subject(self, entity: Entity) -> None:
        """Record a person mentioned as a grammatical subject."""
        self.subjects = [p for p in self.subjects if p.id != entity.id] + [entity]
        self.current_subjects.append(entity)

    def last(self, *, country: str | None = None, gender: str | None = None,
             exclude_country: str | None = None, exclude_id: str | None = None,
             sector: str | None = None, subject: bool = False,
             match: Callable[[Entity], bool] | None = None,
             pool: list[Entity] | None = None) -> Entity | None:
        """The most recent person fitting every given condition."""
        if pool is None:
            pool = self.subjects if subject and self.subjects else self.persons
        for p in reversed(pool):
            if not self.known(p):
                continue
            if sector and p.sector != sector:
                continue
            if country and p.country != country:
                continue
            if exclude_country and p.country == exclude_country:
                continue
            if exclude_id and p.id == exclude_id:
                continue
            if gender and self.genders.get(p.id, gender) != gender:
                continue
            if match is not None and not match(p):
                continue
            return p
        return None

    def pair(self, match: Callable[[Entity], bool] | None = None
             ) -> tuple[Entity, Entity] | None:
        """The two most recent persons (fitting ``match``), from different countries where
        possible."""
        persons = [p for p in self.persons if (match is None or match(p)) and self.known(p)]
        if not persons:
            return None
        recent = {p.id for p in persons[-3:]}
        for a, b in reversed(self.couples):
            # "signed by X and Y, witnessed by Z. The two ministers met": the two named
            # together, while both are among the last few named
            if a.id in recent and b.id in recent:
                order = [p.id for p in persons]
                return (a, b) if order.index(a.id) < order.index(b.id) else (b, a)
        last = persons[-1]
        for p in reversed(persons[:-1]):
            if p.country != last.country:
                return (p, last)
        return (persons[-2], last) if len(persons) > 1 else None

    def note_meetings(self, toks: tuple[Token, ...], found: list[ActorMention]) -> None:
        """The two who meet ("Lee then met with Lula", "In his meeting with Ramaphosa, Lee
        said"), a pair more recent than a coordination named before ("held talks with
        Ramaphosa and Lula"); noted before the sentence's references are resolved."""
        persons = [m for m in found if m.entity.kind == "person"]
        for o in persons:
            subj = _meeting_subject(toks, o, persons)
            if subj is not None and subj.entity.id != o.entity.id:
                self.couples.append((subj.entity, o.entity))

    def note_roles(self, toks: tuple[Token, ...], found: list[ActorMention]) -> None:
        """Hosts and guests from "X received Y" and "X paid a courtesy call on Y"."""
        persons = [m for m in found if m.entity.kind == "person"]
        for m, o in zip(persons, persons[1:], strict=False):
            # "X and Y", "Minister X and Minister Y" (the parser may join the second title
            # to the first name): a conjunct after X, up to Y, hanging on X
            if o.entity.id != m.entity.id and any(
                    t.dep == "conj" and m.start <= t.head < m.end
                    for t in toks[m.end:o.end]):
                self.couples.append((m.entity, o.entity))
        for m in persons:
            head = toks[m.head]
            for _ in range(6):
                # "HÀ NỘI — Party General Secretary Tô Lâm received", "Secretary General ...
                # and President of the Lao PDR Thongloun Sisoulith received": climb the
                # title phrase to its subject
                if head.head == head.i or head.dep not in {"appos", "pobj", "prep", "conj",
                                                           "compound"}:
                    break
                if head.dep == "prep" and head.text.lower() != "of":
                    break
                head = toks[head.head]
            if head.dep not in SUBJECT_DEPS:
                continue
            verb = toks[head.head]
            if verb.lemma in HOST_VERBS:
                guests = [o.entity for o in persons if o is not m
                          and _governed_by(toks, o.head, verb.i)]
                if guests:
                    self.hosts.append(m.entity)
                    self.guests.extend(guests)
            elif verb.lemma in GUEST_VERBS:
                hosts = [o.entity for o in persons if o is not m
                         and _governed_by(toks, o.head, verb.i)]
                self.guests.append(m.entity)
                self.hosts.extend(hosts)


def _meeting_subject(toks: tuple[Token, ...], o: ActorMention,
                     persons: list[ActorMention]) -> ActorMention | None:
    """The person subject of the clause in which ``o`` is named as the other party of a
    meeting ("with" after one of :data:`MEETING_WORDS`), if any."""
    head = toks[o.head]
    prep = toks[head.head]
    if any(t.head == head.i and t.dep == "conj" for t in toks):
        return None  # "spoke with both X and Y": the two are the pair told later
    if head.dep != "pobj" or prep.text.lower() != "with" \
            or toks[prep.head].lemma.lower() not in MEETING_WORDS:
        return None
    cur = toks[prep.head]
    for _ in range(4):  # up to the verb whose subject meets ("held talks", "in his meeting")
        if cur.pos in {"VERB", "AUX"}:
            break
        if cur.head == cur.i:
            return None
        cur = toks[cur.head]
    return next((m for m in persons if toks[m.head].dep in SUBJECT_DEPS
                 and toks[m.head].head == cur.i), None)


def _governed_by(toks: tuple[Token, ...], i: int, verb: int) -> bool:
    """True when token ``i`` hangs (through objects and prepositions) from ``verb``."""
    seen = 0
    while toks[i].head != i and seen < 6:
        if toks[i].dep == "acl" and toks[i].lemma.lower() in {"lead", "head"}:
            pass  # "received a delegation led by X": X is the guest
        elif toks[i].dep in SUBJECT_DEPS or toks[i].dep in CLAUSES or (
                toks[i].dep == "conj" and toks[i].pos in {"VERB", "AUX"}):
            return False  # the verb's subject, or inside another clause ("asked him to ...")
        i = toks[i].head
        if i == verb:
            return True
        seen += 1
    return False


def retext(entity: Entity, text: str) -> Entity:
    """The same entity, as referred to by ``text``."""
    return Entity(id=entity.id, name=entity.name, kind=entity.kind, text=text,
                  country=entity.country, sector=entity.sector, title=entity.title,
                  wikidata=entity.wikidata, provisional=entity.provisional)


def collective(members: tuple[Entity, ...], text: str) -> Entity:
    """A collective actor standing for ``members`` ("the two leaders", "both sides")."""
    ids = "+".join(sorted(p.id for p in members))
    countries = {p.country for p in members}
    return Entity(id=f"group:{ids}", name=" and ".join(p.name for p in members),
                  kind="collective", text=text,
                  country=countries.pop() if len(countries) == 1 else None)
