"""An actor page stays short: the newest few statements by and about the actor, then a link to
the statement search filtered by the actor; counts are pluralised."""

from __future__ import annotations

import pytest
from django.urls import reverse

from entities.models import Actor
from entities.views.actors import STATEMENTS_SHOWN
from tests.factories import ActorFactory
from tests.helpers import said

pytestmark = pytest.mark.django_db


@pytest.fixture
def peskov():
    return ActorFactory(name="Dmitry Peskov", slug="dmitry-peskov", kind=Actor.Kind.PERSON)


@pytest.fixture
def korea():
    return ActorFactory(name="North Korea", slug="north-korea", kind=Actor.Kind.COUNTRY)


def test_a_busy_actor_page_shows_the_newest_few_and_links_to_the_search(client, peskov, korea):
    for n in range(STATEMENTS_SHOWN + 5):
        said(peskov, f"Remark number {n}", about=[korea], published=f"2024-01-{n + 1:02d}")

    speaker_page = client.get(peskov.get_absolute_url())
    target_page = client.get(korea.get_absolute_url())

    assert len(speaker_page.context["said"]) == STATEMENTS_SHOWN
    assert speaker_page.text.count('class="statement-item') == STATEMENTS_SHOWN
    assert "Remark number 14" in speaker_page.text  # newest first
    assert "Remark number 0”" not in speaker_page.text
    assert (
        f'<a href="/statements/?speaker=dmitry-peskov">All {STATEMENTS_SHOWN + 5} statements by'
        in speaker_page.text
    )
    assert '/statements/?target=north-korea">All 15 statements about North Korea' in (
        target_page.text
    )
    assert target_page.text.count('class="statement-item') == STATEMENTS_SHOWN


def test_the_more_link_opens_the_search_with_every_statement(client, peskov, korea):
    for n in range(STATEMENTS_SHOWN + 5):
        said(peskov, f"Remark number {n}", about=[korea])

    by = client.get(reverse("entities:statement_search"), {"speaker": peskov.slug})
    about = client.get(reverse("entities:statement_search"), {"target": korea.slug})

    assert by.context["count"] == STATEMENTS_SHOWN + 5
    assert about.context["count"] == STATEMENTS_SHOWN + 5


def test_a_quiet_actor_page_has_no_more_link(client, peskov):
    said(peskov, "Only this")

    html = client.get(peskov.get_absolute_url()).text

    assert "/statements/?speaker=dmitry-peskov" in html  # the count in the header links there
    assert "in the statement search" not in html


def test_a_single_statement_is_counted_in_the_singular(client, peskov, korea):
    said(peskov, "Only this", about=[korea])

    actor_page = client.get(peskov.get_absolute_url()).text
    search = client.get(reverse("entities:statement_search"), {"speaker": peskov.slug}).text

    assert '1 <span class="visually-hidden">statement</span>' in actor_page
    assert '<span class="visually-hidden">statements</span>' not in actor_page
    assert "1 statement." in search
    assert "1 statements" not in search
