"""The pages of a forgiving search: the header search, the actor list filter and the statement
search find names and words as people type them, and suggest when nothing is found."""

from __future__ import annotations

import pytest
from django.urls import reverse

from entities.models import Actor
from tests.factories import ActorAliasFactory, ActorFactory, ArticleFactory, MentionFactory
from tests.helpers import said

pytestmark = pytest.mark.django_db

SEARCH = reverse("entities:search")
STATEMENTS = reverse("entities:statement_search")
ACTORS = reverse("entities:actor_list")


@pytest.fixture
def putin() -> Actor:
    putin = ActorFactory(name="Vladimir Putin", slug="vladimir-putin")
    said(putin, "Russia under Putin will win the war, he said.")
    mexico = ActorFactory(name="Mexico", slug="mexico", kind=Actor.Kind.COUNTRY)
    xi = ActorFactory(name="Xi Jinping", slug="xi-jinping")
    ActorAliasFactory(actor=xi)
    for _ in range(3):
        MentionFactory(actor=mexico)
    return putin


def test_the_header_search_finds_a_misspelt_actor_and_suggests_statements(client, putin):
    response = client.get(SEARCH, {"q": "Putn"})

    assert response.context["actors"][0] == putin
    assert response.context["statements"] == []
    suggestion = response.context["suggestion"]
    assert suggestion.actors == [putin]
    assert 'href="/statements/?speaker=vladimir-putin">Vladimir Putin</a>' in response.text
    assert "Did you mean" in response.text


def test_the_actor_list_filter_ranks_whole_words_before_parts(client, putin):
    response = client.get(ACTORS, {"q": "xi"})

    names = [actor.name for actor in response.context["page"].object_list]
    assert names == ["Xi Jinping", "Mexico"]  # Mexico is mentioned more


def test_the_statement_search_suggests_a_spelling_that_finds_statements(client, putin):
    response = client.get(STATEMENTS, {"q": "Putn war", "kind": "direct"})

    assert response.context["count"] == 0
    assert response.context["suggestion"].query == "Putin war"
    url = response.context["suggestion_url"]
    assert url == f"{STATEMENTS}?q=Putin+war&kind=direct"  # the other filters kept
    assert f'href="{url.replace("&", "&amp;")}"' in response.text
    assert client.get(url).context["count"] == 1


def test_the_statement_search_reads_web_search_syntax_and_marks_accented_words(client):
    erdogan = ActorFactory(name="Recep Tayyip Erdoğan")
    said(erdogan, "Erdoğan said the border stays closed.")
    said(erdogan, "The border will open, the minister said.")

    response = client.get(STATEMENTS, {"q": "erdogan OR minister -open"})

    assert response.context["count"] == 1
    assert "<mark>Erdoğan</mark>" in response.text
    assert response.context["suggestion"] is None


def test_no_suggestion_when_the_search_finds_statements(client, putin):
    response = client.get(STATEMENTS, {"q": "war"})

    assert response.context["count"] == 1
    assert response.context["suggestion"] is None
    assert "Did you mean" not in response.text


def test_articles_are_found_accents_aside(client):
    article = ArticleFactory(title="Erdoğan visits Berlin", publisher="Anadolu")

    response = client.get(reverse("entities:article_list"), {"q": "erdogan"})

    assert list(response.context["page"].object_list) == [article]
