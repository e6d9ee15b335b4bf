"""The discourse state of an article: recency, filters, pairs, hosts and guests."""

from __future__ import annotations

from comity.actors.discourse import Discourse, collective, retext
from comity.model import ActorMention, Entity, Token

ANWAR = Entity(id="kb:person/anwar", name="Anwar Ibrahim", country="MYS",
               title="Prime Minister")
PRABOWO = Entity(id="kb:person/prabowo", name="Prabowo Subianto", country="IDN",
                 title="President")
SUGIONO = Entity(id="kb:person/sugiono", name="Sugiono", country="IDN",
                 title="Minister of Foreign Affairs")


def _state(*persons: Entity) -> Discourse:
    state = Discourse()
    for p in persons:
        state.mention(p)
    return state


def test_discourse_last_is_most_recent_fitting_person() -> None:
    state = _state(ANWAR, PRABOWO, SUGIONO)
    assert state.last() == SUGIONO
    assert state.last(country="MYS") == ANWAR
    assert state.last(exclude_country="IDN") == ANWAR
    assert state.last(country="IDN", exclude_id=SUGIONO.id) == PRABOWO
    assert state.last(match=lambda p: "President" in (p.title or "")) == PRABOWO
    assert state.last(country="THA") is None


def test_discourse_mention_again_moves_person_last() -> None:
    state = _state(ANWAR, PRABOWO, ANWAR)
    assert [p.id for p in state.persons] == [PRABOWO.id, ANWAR.id]


def test_discourse_last_gender_and_subjects() -> None:
    state = _state(ANWAR, PRABOWO)
    state.genders[PRABOWO.id] = "M"
    state.genders[ANWAR.id] = "M"
    state.subject(ANWAR)
    assert state.last(gender="M", subject=True) == ANWAR
    assert state.last(gender="F") is None
    state.begin_sentence()
    assert state.current_subjects == []
    state.subject(PRABOWO)
    assert state.current_subjects == [PRABOWO]


def test_discourse_pair_prefers_two_countries() -> None:
    state = _state(ANWAR, PRABOWO, SUGIONO)
    assert state.pair() == (ANWAR, SUGIONO)
    assert state.pair(lambda p: p.country == "IDN") == (PRABOWO, SUGIONO)
    assert _state(ANWAR).pair() is None


def _tok(i: int, text: str, dep: str, head: int, pos: str = "PROPN") -> Token:
    return Token(i=i, text=text, lemma=text.lower(), pos=pos, tag=pos, dep=dep, head=head,
                 start=0, end=0)


def _mention(i: int, entity: Entity) -> ActorMention:
    return ActorMention(sentence=0, start=i, end=i + 1, head=i, entity=entity)


def test_discourse_note_roles_receiver_hosts() -> None:
    # "Anwar received Prabowo"
    toks = (_tok(0, "Anwar", "nsubj", 1), Token(i=1, text="received", lemma="receive",
            pos="VERB", tag="VBD", dep="ROOT", head=1, start=0, end=0),
            _tok(2, "Prabowo", "dobj", 1))
    state = _state(ANWAR, PRABOWO)
    state.note_roles(toks, [_mention(0, ANWAR), _mention(2, PRABOWO)])
    assert (state.hosts, state.guests) == ([ANWAR], [PRABOWO])


def test_discourse_note_roles_caller_is_guest() -> None:
    # "Sugiono paid a call on Anwar"
    toks = (_tok(0, "Sugiono", "nsubj", 1),
            Token(i=1, text="paid", lemma="pay", pos="VERB", tag="VBD", dep="ROOT", head=1,
                  start=0, end=0),
            _tok(2, "a", "det", 3, "DET"), _tok(3, "call", "dobj", 1, "NOUN"),
            _tok(4, "on", "prep", 3, "ADP"), _tok(5, "Anwar", "pobj", 4))
    state = _state(SUGIONO, ANWAR)
    state.note_roles(toks, [_mention(0, SUGIONO), _mention(5, ANWAR)])
    assert (state.hosts, state.guests) == ([ANWAR], [SUGIONO])


def test_discourse_note_roles_other_verbs_say_nothing() -> None:
    toks = (_tok(0, "Anwar", "nsubj", 1), Token(i=1, text="thanked", lemma="thank",
            pos="VERB", tag="VBD", dep="ROOT", head=1, start=0, end=0),
            _tok(2, "Prabowo", "dobj", 1))
    state = _state(ANWAR, PRABOWO)
    state.note_roles(toks, [_mention(0, ANWAR), _mention(2, PRABOWO)])
    assert (state.hosts, state.guests) == ([], [])


def test_collective_and_retext() -> None:
    group = collective((ANWAR, PRABOWO), "the two leaders")
    assert group.kind == "collective"
    assert group.id == "group:kb:person/anwar+kb:person/prabowo"
    assert group.country is None
    assert collective((PRABOWO, SUGIONO), "they").country == "IDN"
    again = retext(ANWAR, "Anwar")
    assert (again.id, again.text, again.country) == (ANWAR.id, "Anwar", "MYS")
