"""Coded events of one sentence, and the rules that refine them: one event per person met
or state addressed, one per speaker, acceptances answering invitations, persons preferred
to the organisations and countries they act for."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from comity.actors.roles import HEAD_OFFICES
from comity.coding.args import Tree
from comity.coding.lexicon import Trigger
from comity.model import ActorMention, Entity, Sentence, Token

#: nouns for people that a nationality turns into a party to a meeting ("Thai officials")
MEETING_GROUPS = frozenset({"delegation", "official", "counterpart", "team", "leader",
                            "minister", "side", "envoy", "diplomat", "government",
                            "authority", "negotiator", "lawmaker", "legislator"})

#: sectors of the groups (titles.tsv) that meet as people of a country, not as its state:
#: business, civilians, students, labour
PRIVATE_SECTORS = frozenset({"BUS", "CVL", "EDU", "LAB"})


@dataclass(frozen=True)
class Coded:
    """An event found in one sentence, before dates, places and merging."""

    sentence: Sentence
    trigger: Trigger
    token: Token
    actors: tuple[Entity, ...]
    recipients: tuple[Entity, ...]
    participants: tuple[Entity, ...]
    mode: str | None
    status: str
    symmetric: bool
    start: int
    end: int
    #: further actors of the same statement ("Yoon and Kishida called on North Korea")
    co_actors: tuple[Entity, ...] = ()





#: verbs of statements that, with no addressee named, are said to the speaker's counterpart
#: in the meeting or call told before ("proposed that ...", "thanked his colleague",
#: "supported the idea")
ADDRESSED = frozenset({"thank", "propose", "suggest", "agree", "support", "endorse",
                       "welcome", "accept", "assure", "reassure"})
#: objects that leave the addressee to the meeting ("thanked his colleague", "supported the
#: idea"); any other object is what the statement is about ("supported all efforts")
#: objects that point at a person ("thanked his colleague", "thanked him")
PERSONAL = frozenset({"colleague", "counterpart", "guest", "host", "visitor", "interlocutor",
                      "he", "she", "him", "her"})
ADDRESSEE_WORDS = PERSONAL | {"idea", "proposal", "initiative", "suggestion", "offer",
                              "invitation"}


def addressed(tree: Tree, tok: Token) -> bool:
    """True when ``tok`` is a statement verb said to someone the sentence leaves unnamed:
    one of :data:`ADDRESSED`, a clause of its own (not "the initiative proposed by China"),
    with no object or one of :data:`ADDRESSEE_WORDS`."""
    if tok.lemma.lower() not in ADDRESSED or tok.pos != "VERB" or tok.dep in {
            "acl", "amod", "relcl"}:
        return False
    return all(o.lemma.lower() in ADDRESSEE_WORDS for o in tree.kids(tok.i, "dobj", "dative"))


def leads(e: Entity) -> bool:
    """True when ``e`` is a head of state, government or ruling party (by its title)."""
    return e.kind == "person" and any((e.title or "").startswith(o) for o in HEAD_OFFICES)


def counterpart(before: Sequence[Coded], speaker: Entity) -> list[Entity]:
    """The other party of the last bilateral meeting or call (not a visit to a country) in
    ``before`` that ``speaker`` took part in, when it is a person of another state."""
    for c in reversed(before):
        if c.trigger.type != "CONSULT" or c.mode == "multilateral" or c.participants:
            continue
        if any(a.id == speaker.id for a in c.actors):
            others = c.recipients
        elif any(r.id == speaker.id for r in c.recipients):
            others = c.actors
        else:
            continue
        if len(others) == 1 and others[0].kind == "person" \
                and others[0].country != speaker.country:
            return [others[0]]
        return []
    return []


#: words of the titles of envoys, who call on the officials of the state they are sent to
ENVOY_TITLES = ("ambassador", "envoy", "chargé", "charge d'affaires", "consul")


def _envoy(e: Entity) -> bool:
    return e.kind == "person" and any(w in (e.title or "").lower() for w in ENVOY_TITLES)


def envoy_calls(c: Coded) -> Coded:
    """"X met Chinese Ambassador to Myanmar Y": an envoy meeting an official of another
    state calls on them; the envoy is the visitor."""
    if c.trigger.type != "CONSULT" or c.mode not in (None, "visit") or c.participants \
            or len(c.actors) != 1 or len(c.recipients) != 1:
        return c
    a, r = c.actors[0], c.recipients[0]
    if a.kind != "person" or a.country == r.country or _envoy(a) or not _envoy(r):
        return c
    return replace(c, actors=(r,), recipients=(a,), mode="visit", symmetric=False)


#: statements a rejection or denial can answer: an accusation, a demand or proposal, an
#: offer or invitation, a threat
ANSWERED = frozenset({"ACCUSE", "REQUEST", "AGREE", "THREATEN"})
#: how many sentences back a rejection that names nobody looks for what it answers
ANSWER_WINDOW = 3


def acceptances(found: list[Coded], before: list[Coded]) -> list[Coded]:
    """"... and the President accepted the invitation": an acceptance answers the last
    invitation made to its actor (in this sentence or an earlier one). "Phnom Penh denied
    the charge", "rejected third-party mediation": a rejection that names no other party
    answers the last accusation, demand, offer or threat made to its actor or the actor's
    state in the sentences just before."""
    out: list[Coded] = []
    for c in found:
        if c.trigger.lemma == "accept" and c.trigger.type == "AGREE" and c.actors:
            who = c.actors[0].id
            invite = next((o for o in reversed([*before, *out]) if o.trigger.cameo == "036"
                           and o.recipients and o.recipients[0].id == who and o.actors), None)
            if invite is not None:  # (accepting an invitation to meet is itself 036)
                c = replace(c, recipients=invite.actors[:1],
                            trigger=replace(c.trigger, cameo="036"))
            elif not c.recipients:
                continue
            elif c.recipients[0].kind == "country":
                # "accepted an invitation to visit China", told after meeting Xi: Xi's
                host = counterpart([*before, *out], c.actors[0])
                if host and host[0].country == c.recipients[0].country:
                    c = replace(c, recipients=tuple(host))
        elif c.trigger.type == "REJECT" and not c.recipients:
            made = _answered(c, [*before, *out])
            if made is None:
                continue
            c = replace(c, recipients=made.actors[:1])
        out.append(c)
    return out


def _answered(c: Coded, before: list[Coded]) -> Coded | None:
    """The last statement made to ``c``'s actor (or its state) that ``c`` rejects."""
    if not c.actors:
        return None
    me = c.actors[0]
    for o in reversed(before):
        if o.sentence.index < c.sentence.index - ANSWER_WINDOW:
            return None
        if o.trigger.type not in ANSWERED or o.symmetric or not o.actors \
                or o.actors[0].country == me.country:
            continue
        if any(r.id == me.id or (r.country is not None and r.country == me.country and (
                r.kind == "country" or me.kind == "country")) for r in o.recipients):
            return o
    return None


def separate(toks: Sequence[Token], tok: Token) -> bool:
    """True when the meeting at ``tok`` is told as separate ones ("held separate talks with
    X and Y", "met X and Y separately"): one with each, not one among them."""
    at = {tok.i, tok.head}
    return any(t.head in at and t.dep in {"amod", "advmod"}
               and t.lemma.lower() in {"separate", "separately"} for t in toks)


def one_per_recipient(c: Coded) -> list[Coded]:
    """"X met the Prime Minister and the Party General Secretary": one meeting with each
    person; otherwise the event keeps its first recipient."""
    if c.co_actors:  # "Yoon and Kishida called on North Korea": one appeal by each
        return [x for a in (c.actors[0], *c.co_actors) if a.id not in {r.id for r in c.recipients}
                for x in one_per_recipient(replace(c, actors=(a,), co_actors=()))]
    rec = c.recipients
    if c.trigger.type == "CONSULT" and c.mode != "multilateral" and len(rec) > 1 \
            and all(r.kind == "person" for r in rec) and (
                len({r.country for r in rec}) == 1 or c.mode == "phone"
                or separate(c.sentence.tokens, c.token)):
        return [replace(c, recipients=(r,)) for r in rec]   # "spoke by phone with X and Y"
    if c.trigger.type == "CONSULT" and c.mode == "visit" and len(rec) > 1 \
            and all(r.kind == "country" for r in rec):
        return [replace(c, recipients=(r,)) for r in rec]   # "will visit X and Y"
    if c.trigger.type != "CONSULT" and len(rec) > 1 and (
            all(r.kind == "country" for r in rec) or (
                c.trigger.type == "SUPPORT" and all(r.kind == "person" for r in rec))):
        # "urged Thailand and Cambodia to cease fire": one appeal to each; "congratulated
        # both leaders": one congratulation to each
        return [replace(c, recipients=(r,)) for r in rec]
    return [replace(c, recipients=rec[:1])]


def one_act(coded: list[Coded]) -> list[Coded]:
    """"recalled its ambassador and expelled the envoy": coordinated verbs of one type
    between the same parties in one sentence report one act (the first verb codes it)."""
    keep: list[Coded] = []
    for c in coded:
        tok = c.token
        if c.trigger.type != "CONSULT" and c.trigger.pos == "VERB" and tok.dep == "conj" \
                and any(o.token.i == tok.head and o.trigger.pos == "VERB"
                        and o.trigger.type == c.trigger.type and o.status == c.status
                        and _ids(o.actors) == _ids(c.actors)
                        and _ids(o.recipients) == _ids(c.recipients) for o in keep):
            continue
        keep.append(c)
    return keep


def _ids(ents: tuple[Entity, ...]) -> tuple[str, ...]:
    return tuple(e.id for e in ents)


def people_first(ents: list[Entity]) -> list[Entity]:
    """Drop a country named beside one of its people ("Wong and his Malaysian counterpart
    Anwar Ibrahim"): countries are parties only when no person is named."""
    named = {e.country for e in ents if e.kind == "person" and e.country}
    return [e for e in ents if not (e.kind == "country" and e.country in named)]


def consult_party(tree: Tree, m: ActorMention) -> bool:
    """A nationality-marked noun takes part in a meeting only when it names people
    ("the Lao delegation", "Thai officials"), not a thing ("the British approach"); nor
    does the owner of a thing ("welcomed the British government's approach")."""
    if 0 <= m.head < len(tree.tokens) and tree.tokens[m.head].dep == "poss":
        owned = tree.tokens[tree.tokens[m.head].head]
        if owned.dep == "dobj" and owned.lemma.lower() not in MEETING_GROUPS \
                and tree.mention_at(owned.i) is None:
            return False
    if m.entity.kind == "country" and m.entity.sector in PRIVATE_SECTORS:
        return False  # "will meet Indian technology firms": no meeting with the state
    return m.how != "nationality" or tree.tokens[m.head].lemma.lower() in MEETING_GROUPS


def prefer_persons(coded: list[Coded]) -> list[Coded]:
    """Drop a meeting between organisations or countries when the same sentence codes a
    meeting of persons of those countries ("the meeting between the Politburo and the
    Standing Committee, co-chaired by X and Y"): actors are persons when persons are named."""
    def countries(c: Coded) -> frozenset[str | None]:
        return frozenset(e.country for e in (*c.actors, *c.recipients))

    def persons(c: Coded) -> bool:
        return all(e.kind == "person" for e in (*c.actors, *c.recipients))

    keep: list[Coded] = []
    for c in coded:
        if c.trigger.type == "CONSULT" and any(e.kind == "organisation" for e in (
                *c.actors, *c.recipients)) and any(
                o is not c and o.trigger.type == "CONSULT" and o.trigger.pos == "VERB"
                and o.mode != "multilateral" and persons(o)
                and countries(c) <= countries(o) and o.recipients for o in coded):
            continue
        keep.append(c)
    return keep


def entities(mentions: list[ActorMention]) -> list[Entity]:
    out: list[Entity] = []
    for m in mentions:
        ent = m.leader or m.entity
        if ent.id not in {e.id for e in out}:
            out.append(ent)
    return out


def evidence(sent: Sentence, tok: Token) -> tuple[int, int]:
    return sent.start, sent.end
