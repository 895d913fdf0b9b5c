"""Actor page (profile, rankings, timeline chart) and the "A on B" page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from entities.models import Actor
from entities.views.actors import PAIR_SHOWN
from tests.factories import ActorAliasFactory, ActorFactory, MentionFactory
from tests.helpers import said

pytestmark = pytest.mark.django_db


@pytest.fixture
def peskov():
    russia = ActorFactory(name="Russia", slug="russia", kind=Actor.Kind.COUNTRY)
    actor = ActorFactory(
        name="Dmitry Peskov", slug="dmitry-peskov", role="Kremlin spokesman", country=russia
    )
    ActorAliasFactory(actor=actor, alias="peskov")
    return actor


@pytest.fixture
def korea():
    return ActorFactory(name="North Korea", slug="north-korea", kind=Actor.Kind.COUNTRY)


def _pair_url(a: Actor, b: Actor) -> str:
    return reverse("entities:actor_pair", args=[a.slug, b.slug])


def test_actor_page_shows_kind_role_country_and_aliases(client, peskov):
    response = client.get(peskov.get_absolute_url())

    for text in ("person", "Kremlin spokesman", 'href="/actors/russia/">Russia</a>', "peskov"):
        assert text in response.text
    assert "<title>Dmitry Peskov · newsapp</title>" in response.text


def test_actor_page_ranks_whom_it_talks_about_with_a_link_to_the_pair(client, peskov, korea):
    said(peskov, "Pyongyang is a partner", about=[korea])
    said(peskov, "Pyongyang is a friend", about=[korea])

    response = client.get(peskov.get_absolute_url())

    assert response.context["top_targets"] == [(korea, 2)]
    assert f'href="{_pair_url(peskov, korea)}"' in response.text


def test_actor_page_ranks_who_talks_about_it(client, peskov, korea):
    said(korea, "The Kremlin is right", about=[peskov])

    response = client.get(peskov.get_absolute_url())

    assert response.context["top_speakers"] == [(korea, 1)]


def test_actor_page_lists_co_mentioned_actors(client, peskov, korea):
    statement = said(peskov, "Pyongyang is a partner")
    MentionFactory(article=statement.article, actor=peskov)
    MentionFactory(article=statement.article, actor=korea)

    response = client.get(peskov.get_absolute_url())

    assert response.context["comentioned"] == [(korea, 1)]


def test_actor_page_draws_a_timeline_of_statements_by_month(client, peskov, korea):
    said(peskov, "One", published="2024-01-10")
    said(peskov, "Two", published="2024-03-05")
    said(korea, "Three", published="2024-03-20", about=[peskov])

    response = client.get(peskov.get_absolute_url())

    bars = response.context["chart"]["bars"]
    assert [(b.label, b.said, b.about) for b in bars] == [
        ("January 2024", 1, 0),
        ("February 2024", 0, 0),
        ("March 2024", 1, 1),
    ]
    assert '<svg class="chart"' in response.text
    assert "<title>March 2024: 1 by, 1 about</title>" in response.text


def test_actor_page_without_dated_statements_says_so(client, peskov):
    response = client.get(peskov.get_absolute_url())

    assert "No dated statements yet." in response.text
    assert '<svg class="chart"' not in response.text


def test_actor_page_has_no_editing_forms_for_a_reader(user_client, peskov):
    response = user_client.get(peskov.get_absolute_url())

    assert reverse("entities:actor_merge", args=[peskov.slug]) not in response.text


def test_actor_page_has_editing_forms_for_an_editor(editor_client, peskov):
    response = editor_client.get(peskov.get_absolute_url())

    for name in ("merge", "rename", "alias_add", "update", "reject", "alias_remove"):
        assert f'action="{reverse(f"entities:actor_{name}", args=[peskov.slug])}' in response.text


@pytest.mark.parametrize("rows", [3, 30])
def test_actor_page_runs_a_bounded_number_of_queries(
    client, peskov, django_assert_max_num_queries, rows
):
    for i in range(rows):
        other = ActorFactory()
        said(peskov, f"Statement {i}", about=[other], published=f"20{10 + i % 15}-0{1 + i % 9}-01")
        said(other, f"Reply {i}", about=[peskov], published="2024-05-01")
        MentionFactory(actor=other)

    # each of the two lists: its months, the window's articles, its statements and targets
    with django_assert_max_num_queries(18):
        response = client.get(peskov.get_absolute_url())

    assert response.status_code == 200


def test_pair_page_shows_both_directions_newest_first(client, peskov, korea):
    old = said(peskov, "Pyongyang is a partner", about=[korea], published="2023-01-01")
    new = said(korea, "Peskov is right", about=[peskov], published="2024-01-01")
    said(peskov, "Geneva is off", published="2024-06-01")  # about nobody: not shown

    response = client.get(_pair_url(peskov, korea))

    assert response.context["statements"] == [new, old]
    assert (response.context["a_on_b"].total, response.context["b_on_a"].total) == (1, 1)
    assert f'href="/articles/{old.article_id}/?s={old.pk}#statement-{old.pk}"' in response.text
    assert "<title>Dmitry Peskov on North Korea · newsapp</title>" in response.text


def test_pair_page_with_nothing_said_says_so(client, peskov, korea):
    response = client.get(_pair_url(peskov, korea))

    assert "Neither has said anything about the other" in response.text


def test_pair_page_of_a_merged_actor_redirects_to_the_survivor(client, peskov, korea):
    old = ActorFactory(name="D. Peskov", slug="d-peskov", merged_into=peskov)

    response = client.get(_pair_url(old, korea))

    assert response.status_code == 301
    assert response.url == _pair_url(peskov, korea)


def test_pair_page_of_an_unknown_actor_is_404(client, peskov):
    response = client.get(reverse("entities:actor_pair", args=[peskov.slug, "nobody"]))

    assert response.status_code == 404


def test_pages_of_a_rejected_actor_are_404(client, peskov, korea):
    fake = ActorFactory(name="Said Tuesday", slug="said-tuesday", rejected=True)
    merged_away = ActorFactory(name="Tuesday", slug="tuesday", merged_into=fake)

    assert client.get(fake.get_absolute_url()).status_code == 404
    assert client.get(merged_away.get_absolute_url()).status_code == 404
    assert client.get(_pair_url(fake, korea)).status_code == 404
    assert client.get(_pair_url(peskov, fake)).status_code == 404


@pytest.mark.parametrize("rows", [3, 30])
def test_pair_page_runs_a_bounded_number_of_queries(
    client, peskov, korea, django_assert_max_num_queries, rows
):
    for i in range(rows):
        said(peskov, f"Pyongyang {i}", about=[korea, ActorFactory()])
        said(korea, f"Kremlin {i}", about=[peskov])

    # the two actors, the counts by month (PairMonth), the statements' months, the
    # statements with their targets
    with django_assert_max_num_queries(6):
        response = client.get(_pair_url(peskov, korea))

    assert len(response.context["statements"]) == min(2 * rows, PAIR_SHOWN)


def test_actor_list_sorts_by_statements_by(client):
    quiet = ActorFactory(name="Quiet One")
    MentionFactory(actor=quiet)
    MentionFactory(actor=quiet)
    talker = ActorFactory(name="Talker")
    said(talker, "Words")

    response = client.get(reverse("entities:actor_list"), {"order": "statements_by"})

    assert response.context["page"].object_list[0] == talker


def test_pair_page_shows_each_statement_in_its_sentence_highlighted(client, peskov, korea):
    statement = said(peskov, "Pyongyang <is> a partner.", about=[korea], cue="told")
    statement.article.body = f"First sentence here. {statement.article.body} Next one."
    statement.article.save()
    for field in ("speaker", "cue", "content"):
        for end in ("start", "end"):
            setattr(statement, f"{field}_{end}", getattr(statement, f"{field}_{end}") + 21)
    statement.save()

    response = client.get(_pair_url(peskov, korea))

    assert (
        "<b>Dmitry Peskov</b> <i>told</i>: &quot;<mark>Pyongyang &lt;is&gt; a partner.</mark>&quot;"
        in response.text
    )
    assert "First sentence here." not in response.text
    assert "Next one." not in response.text


def test_a_country_page_lists_its_people_and_links_to_all_of_them(client, peskov):
    russia = peskov.country

    response = client.get(russia.get_absolute_url())

    assert response.context["members"] == [peskov]
    assert 'href="/actors/?country=russia"' in response.text


def test_actor_list_filters_by_country(client, peskov):
    ActorFactory(name="Antony Blinken")

    response = client.get(reverse("entities:actor_list"), {"country": "russia"})

    assert list(response.context["page"].object_list) == [peskov]
    assert "<title>Actors of Russia · newsapp</title>" in response.text


def test_actor_list_ignores_a_country_that_is_not_one(client, peskov):
    response = client.get(reverse("entities:actor_list"), {"country": "dmitry-peskov"})

    assert response.context["country"] is None
    assert len(response.context["page"].object_list) == 2


def test_actor_list_by_a_merged_country_lists_the_survivors_people(client, peskov):
    ActorFactory(name="Russian Federation", slug="russian-federation", kind=Actor.Kind.COUNTRY,
                 merged_into=peskov.country)  # fmt: skip

    response = client.get(reverse("entities:actor_list"), {"country": "russian-federation"})

    assert response.context["country"] == peskov.country
    assert list(response.context["page"].object_list) == [peskov]


def test_the_timeline_shows_at_most_the_latest_twenty_years(client, peskov):
    said(peskov, "Old words", published="1901-01-01")
    said(peskov, "New words", published="2024-05-01")

    bars = client.get(peskov.get_absolute_url()).context["chart"]["bars"]

    assert len(bars) == 240
    assert bars[-1].label == "May 2024"


def test_pair_page_counts_each_direction_by_stance(client, peskov, korea):
    for content, stance in (
        ("Pyongyang lies", "negative"),
        ("Pyongyang provokes", "negative"),
        ("Pyongyang helps", "positive"),
    ):
        target = said(peskov, content, about=[korea]).targets.get()
        target.stance = stance
        target.save()

    page = client.get(_pair_url(peskov, korea)).content.decode()

    assert (
        "3 statements by Dmitry Peskov about North Korea (2 negative, 1 positive, 0 neutral)"
        in page
    )


def test_pair_page_shows_the_newest_and_links_to_all_of_them(client, peskov, korea):
    for i in range(PAIR_SHOWN + 1):
        said(peskov, f"Pyongyang {i}", about=[korea], published=f"2024-01-{1 + i % 28:02d}")

    response = client.get(_pair_url(peskov, korea))

    assert len(response.context["statements"]) == PAIR_SHOWN
    page = response.content.decode()
    search = f"/statements/?speaker={peskov.slug}&amp;target={korea.slug}"
    assert f'<a href="{search}">Dmitry Peskov on North Korea ({PAIR_SHOWN + 1}) →</a>' in page
