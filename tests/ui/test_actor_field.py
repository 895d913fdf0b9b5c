"""Actor fields of the search and editing forms take names and aliases, not only slugs."""

from __future__ import annotations

import pytest
from django import forms

from entities.forms import ActorField
from entities.models import ActorAlias
from tests.factories import ActorFactory, StatementFactory

pytestmark = pytest.mark.django_db


def test_a_name_an_alias_a_slug_or_a_page_url_find_the_actor():
    korea = ActorFactory(name="North Korea", slug="north-korea", kind="country")
    ActorAlias.objects.create(actor=korea, alias="dprk")
    field = ActorField(required=False)

    for text in ("North Korea", "DPRK", "north-korea", "http://x/actors/north-korea/"):
        assert field.clean(text) == korea


def test_a_name_two_actors_share_is_refused_with_both_listed():
    first = ActorFactory(name="Kim", slug="kim")
    second = ActorFactory(name="Kim Jong-un", slug="kim-jong-un")
    ActorAlias.objects.create(actor=second, alias="kim")

    with pytest.raises(forms.ValidationError) as excinfo:
        ActorField().clean("Kim ")
    message = excinfo.value.messages[0]
    assert f"{first.name} ({first.slug})" in message
    assert f"{second.name} ({second.slug})" in message


def test_an_unknown_name_says_so():
    with pytest.raises(forms.ValidationError, match="No actor is called “Lavrov”"):
        ActorField().clean("Lavrov")


def test_a_shared_name_means_the_actor_far_more_present_in_the_news():
    barack = ActorFactory(name="Barack Obama", slug="barack-obama")
    michelle = ActorFactory(name="Michelle Obama", slug="michelle-obama")
    for actor in (barack, michelle):
        ActorAlias.objects.create(actor=actor, alias="obama")
    StatementFactory.create_batch(3, speaker=barack)
    StatementFactory(speaker=michelle)

    assert ActorField().clean("Obama") == barack
