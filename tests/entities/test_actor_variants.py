"""Across articles: name variants join one actor where the resolver is sure, and are offered to
editors as possible duplicates where it is not (no silent wrong merge)."""

from __future__ import annotations

import pytest

from entities import selectors, services
from entities.models import Actor, ActorAlias, PossibleDuplicate, name_key
from entities.nlp.types import Actor as Extracted
from tests.factories import ActorAliasFactory, ActorFactory, MentionFactory

pytestmark = pytest.mark.django_db


def resolve(*items: Extracted) -> dict[str, Actor]:
    return services.actors_resolve(extracted=list(items))


def test_a_name_with_or_without_its_accents_is_one_actor():
    first = resolve(Extracted(name="Viktor Orbán", kind="person"))["Viktor Orbán"]

    again = resolve(Extracted(name="Viktor Orban", kind="person"))["Viktor Orban"]

    assert again == first


def test_an_acronym_written_with_or_without_full_stops_is_one_actor():
    first = resolve(Extracted(name="C.I.A.", kind="organization"))["C.I.A."]

    assert resolve(Extracted(name="CIA", kind="organization"))["CIA"] == first


def test_an_organisation_is_found_again_by_its_initials():
    press = resolve(Extracted(name="Associated Press", kind="organization"))["Associated Press"]

    assert resolve(Extracted(name="AP", kind="organization"))["AP"] == press


def test_initials_shared_by_two_bodies_make_an_actor_of_their_own_and_a_pair_to_check():
    court = resolve(Extracted(name="International Criminal Court", kind="organization"))
    cricket = resolve(Extracted(name="International Cricket Council", kind="organization"))

    icc = resolve(Extracted(name="ICC", kind="organization"))["ICC"]

    assert icc.name == "ICC"
    others = {row.other for row in selectors.actor_possible_duplicates(actor=icc)}
    assert others == {
        court["International Criminal Court"],
        cricket["International Cricket Council"],
    }


def test_a_transliteration_is_a_new_actor_offered_as_a_possible_duplicate():
    sergei = resolve(Extracted(name="Sergei Lavrov", kind="person"))["Sergei Lavrov"]

    sergey = resolve(Extracted(name="Sergey Lavrov", kind="person"))["Sergey Lavrov"]

    assert sergey != sergei
    (row,) = selectors.actor_possible_duplicates(actor=sergei)
    assert row.other == sergey
    assert "spelt two ways" in row.reason


def test_different_people_with_a_shared_surname_are_not_offered():
    resolve(Extracted(name="Kim Jong Un", kind="person"))

    kim = resolve(Extracted(name="Kim Yo Jong", kind="person"))["Kim Yo Jong"]

    assert selectors.actor_possible_duplicates(actor=kim) == []


def test_a_surname_without_a_favourite_is_offered_against_each_holder():
    barack = ActorFactory(name="Barack Obama", kind=Actor.Kind.PERSON)
    michelle = ActorFactory(name="Michelle Obama", kind=Actor.Kind.PERSON)
    for actor in (barack, michelle):
        ActorAliasFactory(actor=actor, alias="obama")
        MentionFactory(actor=actor)

    obama = resolve(Extracted(name="Obama", kind="person"))["Obama"]

    assert {r.other for r in selectors.actor_possible_duplicates(actor=obama)} == {
        barack,
        michelle,
    }


def test_merging_a_pair_removes_it_from_the_list():
    sergei = resolve(Extracted(name="Sergei Lavrov", kind="person"))["Sergei Lavrov"]
    sergey = resolve(Extracted(name="Sergey Lavrov", kind="person"))["Sergey Lavrov"]

    services.actor_merge(source=sergey, into=sergei)

    assert PossibleDuplicate.objects.count() == 0
    assert selectors.actor_possible_duplicates(actor=sergei) == []


def test_a_pair_is_recorded_once_however_often_it_is_met():
    resolve(Extracted(name="Sergei Lavrov", kind="person"))
    resolve(Extracted(name="Sergey Lavrov", kind="person"))
    resolve(Extracted(name="Sergey Lavrov", kind="person"))

    assert PossibleDuplicate.objects.count() == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("Abdallah Hamdok", "Abdalla Hamdok"),
        ("Mohammed bin Salman", "Muhammad bin Salman"),
        ("Hayashi Yoshimasa", "Yoshimasa Hayashi"),
    ],
)
def test_spelling_variants_share_a_key(a, b):
    assert name_key(a, "person") == name_key(b, "person") != ""


@pytest.mark.parametrize(
    ("a", "b"), [("Kim Jong Un", "Kim Yo Jong"), ("Barack Obama", "Michelle Obama")]
)
def test_different_names_have_different_keys(a, b):
    assert name_key(a, "person") != name_key(b, "person")


def test_aliases_are_stored_without_accents_or_acronym_stops():
    assert ActorAlias.normalise("The  Orbán ") == "orban"
    assert ActorAlias.normalise("U.S.") == "us"
    assert ActorAlias.normalise("C.I.A.") == "cia"
