"""The refinement rules for one sentence's coded events (coding/refine.py), on hand-built
events."""

from __future__ import annotations

from comity.coding.lexicon import Trigger
from comity.coding.refine import (
    Coded,
    acceptances,
    envoy_calls,
    one_per_recipient,
    people_first,
)
from comity.model import Entity, Sentence, Token

TOKEN = Token(i=0, text="met", lemma="meet", pos="VERB", tag="VBD", dep="ROOT", head=0,
              start=0, end=3)
SENTENCE = Sentence(index=0, start=0, end=3, text="met", tokens=(TOKEN,))


def person(name: str, country: str) -> Entity:
    return Entity(id=f"kb:person/{name}", name=name, kind="person", country=country)


def country(iso: str) -> Entity:
    return Entity(id=f"kb:country/{iso}", name=iso, kind="country", country=iso)


def coded(type_: str, lemma: str, cameo: str, actors: tuple[Entity, ...],
          recipients: tuple[Entity, ...], co_actors: tuple[Entity, ...] = ()) -> Coded:
    trig = Trigger(lemma=lemma, pos="VERB", type=type_, cameo=cameo, mode=None,
                   frame="subj>obj")
    return Coded(sentence=SENTENCE, trigger=trig, token=TOKEN, actors=actors,
                 recipients=recipients, participants=(), mode=None, status="occurred",
                 symmetric=False, start=0, end=3, co_actors=co_actors)


MARCOS, CHINH, TRONG = person("marcos", "PHL"), person("chinh", "VNM"), person("trong", "VNM")


def test_one_per_recipient_splits_a_meeting_with_two_people() -> None:
    out = one_per_recipient(coded("CONSULT", "meet", "040", (MARCOS,), (CHINH, TRONG)))
    assert [c.recipients for c in out] == [(CHINH,), (TRONG,)]


def test_one_per_recipient_splits_an_appeal_to_two_states() -> None:
    out = one_per_recipient(coded("REQUEST", "urge", "020", (MARCOS,),
                                  (country("THA"), country("KHM"))))
    assert [c.recipients[0].country for c in out] == ["THA", "KHM"]


def test_one_per_recipient_keeps_the_first_of_mixed_recipients() -> None:
    out = one_per_recipient(coded("SUPPORT", "praise", "051", (MARCOS,),
                                  (CHINH, country("VNM"))))
    assert [c.recipients for c in out] == [(CHINH,)]


def test_one_per_recipient_one_statement_per_speaker() -> None:
    out = one_per_recipient(coded("REQUEST", "call", "020", (CHINH,), (country("PRK"),),
                                  co_actors=(MARCOS,)))
    assert [c.actors for c in out] == [(CHINH,), (MARCOS,)]


def test_one_per_recipient_one_thanks_to_each_person() -> None:
    out = one_per_recipient(coded("SUPPORT", "thank", "051", (MARCOS,), (CHINH, TRONG)))
    assert [c.recipients for c in out] == [(CHINH,), (TRONG,)]


def test_people_first_drops_a_country_beside_its_person() -> None:
    assert people_first([MARCOS, country("VNM"), CHINH]) == [MARCOS, CHINH]
    assert people_first([MARCOS, country("VNM")]) == [MARCOS, country("VNM")]


def test_acceptances_answer_the_last_invitation_to_the_acceptor() -> None:
    invite = coded("AGREE", "invite", "036", (MARCOS,), (CHINH,))
    accept = coded("AGREE", "accept", "030", (CHINH,), ())
    out = acceptances([accept], [invite])
    assert [c.recipients for c in out] == [(MARCOS,)]
    assert acceptances([accept], []) == []  # nobody invited: nothing to code


def test_acceptances_a_rejection_answers_the_last_accusation_to_its_state() -> None:
    accuse = coded("ACCUSE", "accuse", "112", (country("THA"),), (country("KHM"),))
    deny = coded("REJECT", "deny", "120", (person("socheata", "KHM"),), ())
    out = acceptances([deny], [accuse])
    assert [c.recipients for c in out] == [(country("THA"),)]
    assert acceptances([deny], []) == []  # nothing said to Cambodia: nothing to code
    own = coded("ACCUSE", "accuse", "112", (person("hun", "KHM"),), (country("KHM"),))
    assert acceptances([deny], [own]) == []  # not an answer to one of its own


def test_envoy_calls_make_the_envoy_the_visitor() -> None:
    envoy = Entity(id="kb:person/ueno", name="ueno", kind="person", country="JPN",
                   title="Ambassador of Japan to Vietnam")
    out = envoy_calls(coded("CONSULT", "meet", "040", (CHINH,), (envoy,)))
    assert (out.actors, out.recipients, out.mode) == ((envoy,), (CHINH,), "visit")
    # an official of another state, no envoy: the meeting stays as told
    assert envoy_calls(coded("CONSULT", "meet", "040", (CHINH,), (MARCOS,))).actors == (CHINH,)
