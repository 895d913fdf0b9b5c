"""Possible duplicate actors by name likeness: the pairs offered and those never offered."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from entities import selectors, services
from entities.models import PossibleDuplicate
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db

ALIKE = [
    ("Sergei Lavrov", "Sergey Lavrov", "person"),
    ("V. Putin", "Vladimir Putin", "person"),
    ("Donald J. Trump", "Donald Trump", "person"),
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy", "person"),
    ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan", "person"),
    ("Mohammed bin Salman", "Mohammad bin Salman", "person"),
    ("Xi Jinping", "Jinping Xi", "person"),
    ("Ministry of Defence", "Ministry of Defense", "organization"),
    ("NATO", "North Atlantic Treaty Organization", "organization"),
    ("Korean Central News Agency", "Korea Central News Agency", "organization"),
]
APART = [
    ("Kim Jong Un", "Kim Jong Nam", "person"),
    ("Kim Jong Il", "Kim Jong Un", "person"),
    ("Kim Yo Jong", "Kim Jong Un", "person"),
    ("Donald Trump", "Donald Trump Jr.", "person"),
    ("Joe Biden", "Jill Biden", "person"),
    ("Emmanuel Macron", "Brigitte Macron", "person"),
    ("Mark Rutte", "Mary Rutte", "person"),
    ("North Korea", "South Korea", "country"),
    ("Austria", "Australia", "country"),
    ("Niger", "Nigeria", "country"),
    ("Iran", "Iraq", "country"),
    ("G7", "G20", "organization"),
    ("European Council", "European Commission", "organization"),
    ("Democratic Party", "Republican Party", "organization"),
]


@pytest.mark.parametrize(("a", "b", "kind"), ALIKE)
def test_names_alike_are_offered(a, b, kind):
    assert services.names_alike(a, b, kind)
    assert services.names_alike(b, a, kind)


@pytest.mark.parametrize(("a", "b", "kind"), APART)
def test_names_of_different_actors_are_not_offered(a, b, kind):
    assert services.names_alike(a, b, kind) == ""


def test_the_command_stores_pairs_of_one_kind_with_a_reason(capsys):
    lavrov = ActorFactory(name="Sergei Lavrov", kind="person")
    other = ActorFactory(name="Sergey Lavrov", kind="person")
    ActorFactory(name="Sergey Lavrov", kind="organization")  # another kind: never a pair
    ActorFactory(name="Kim Jong Un", kind="person")
    ActorFactory(name="Kim Jong Nam", kind="person")

    call_command("find_duplicates")

    pair = PossibleDuplicate.objects.get()
    assert {pair.actor, pair.other} == {lavrov, other}
    assert "spelt two ways" in pair.reason
    assert "1 new possible duplicates" in capsys.readouterr().out
    assert [row.other for row in selectors.possible_duplicates_for(lavrov)] == [other]


def test_a_dismissed_pair_is_not_offered_again():
    a = ActorFactory(name="Sergei Lavrov", kind="person")
    b = ActorFactory(name="Sergey Lavrov", kind="person")
    services.possible_duplicates_find()
    services.possible_duplicate_dismiss(actor=a, other=b)

    assert services.possible_duplicates_find() == 0
    assert selectors.possible_duplicates_for(a) == []


def test_new_actors_are_compared_with_the_others_when_extraction_stores_them(nlp):
    known = ActorFactory(name="Volodymyr Zelenskyy", kind="person")
    article, _ = services.article_create(
        raw="Zelensky speaks\n\nUkrainian President Volodymyr Zelensky said on Monday that the "
        "talks with the delegation in Istanbul had failed and that his government would not "
        "send its negotiators back before the end of the month.\n"
    )
    services.article_extract(article_id=article.pk)

    offered = [row.other for row in selectors.possible_duplicates_for(known)]
    assert [a.name for a in offered] == ["Volodymyr Zelensky"]


def test_an_acronym_is_not_the_initials_of_a_name_holding_another_acronym():
    assert services.names_alike("DRC", "DNC Rules Committee", "organization") == ""
