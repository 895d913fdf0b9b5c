"""Filter forms name every failing field next to it (and in the summary), the article list fits
a phone, counts are pluralised."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from entities.models import Actor
from tests.factories import ActorFactory, ArticleFactory
from tests.helpers import said

pytestmark = pytest.mark.django_db

SEARCH = reverse("entities:statement_search")


def _field(html: str, field_id: str) -> str:
    """The .field block holding the input with this id."""
    start = html.rindex('<div class="field', 0, html.index(f'id="{field_id}"'))
    return html[start : html.index("</div>", html.index(f'id="{field_id}"'))]


def test_a_too_long_publisher_is_an_error_at_the_publisher_field(client):
    response = client.get(SEARCH, {"publisher": "x" * 201})

    html = response.text
    assert response.context["page"] is None
    assert 'id="id_publisher-errors"' in html
    message = "Ensure this value has at most 200 characters (it has 201)."
    error_block = html[html.index('id="id_publisher-errors"') :]
    assert message in error_block[: error_block.index("</div>")]
    assert 'aria-invalid="true"' in _field(html, "id_publisher")
    assert 'has-error"' in _field(html, "id_publisher")


@pytest.mark.parametrize("field", ["speaker", "target"])
def test_an_unknown_actor_is_an_error_at_its_field_and_in_the_summary(client, field):
    response = client.get(SEARCH, {field: "ghost"})

    html = response.text
    assert "No actor is called “ghost”." in html[html.index(f'id="id_{field}-errors"') :]
    summary = html[html.index("Please correct the filters above") :]
    assert f'<a href="#id_{field}">' in summary
    assert "No actor is called “ghost”." in summary


def test_an_ambiguous_actor_name_lists_the_candidates_at_the_field(client):
    ActorFactory(name="Kim", slug="kim-jong-un", kind=Actor.Kind.PERSON)
    ActorFactory(name="Kim", slug="kim-group", kind=Actor.Kind.GROUP)

    html = client.get(SEARCH, {"speaker": "Kim"}).text

    errors = html[html.index('id="id_speaker-errors"') :]
    assert "kim-jong-un" in errors[: errors.index("</div>")]


def test_every_error_is_in_the_summary(client):
    response = client.get(
        SEARCH, {"q": "w" * 301, "date_from": "2024-02-01", "date_to": "2024-01-01"}
    )

    summary = response.text[response.text.index("Please correct the filters above") :]
    assert '<a href="#id_q">Words</a>' in summary
    assert '<a href="#id_date_to">To</a>: The end date is before the start date.' in summary


def test_network_filter_errors_are_summarised(client):
    html = client.get(reverse("entities:network"), {"actor": "ghost"}).text

    assert "No actor is called “ghost”." in html[html.index('id="id_actor-errors"') :]
    assert '<a href="#id_actor">Around actor</a>' in html


def test_the_article_list_stacks_on_a_phone(client):
    ArticleFactory(title="A long headline about the summit", publisher="Example News")

    html = client.get(reverse("entities:article_list")).text

    assert '<div class="table-scroll">' in html
    assert '<table class="list stack">' in html
    for label in ("Publisher", "Published", "Statements", "Status"):
        assert f'data-label="{label}"' in html


def test_the_article_list_shows_a_q_error(client):
    html = client.get(reverse("entities:article_list"), {"q": "w" * 301}).text

    assert 'id="id_q-errors"' in html


def test_search_counts_are_pluralised(client):
    peskov = ActorFactory(name="Dmitry Peskov", slug="dmitry-peskov")
    said(peskov, "Only one remark")

    one = client.get(SEARCH, {"speaker": "dmitry-peskov"}).text
    said(peskov, "A second remark")
    two = client.get(SEARCH, {"speaker": "dmitry-peskov"}).text

    assert re.search(r"<p[^>]*>1 statement\.", one)
    assert re.search(r"<p[^>]*>2 statements\.", two)
