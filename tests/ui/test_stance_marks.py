"""Every statement shows the speaker's stance toward each target, as words and not colour alone."""

from __future__ import annotations

import pytest

from tests.factories import StatementTargetFactory

pytestmark = pytest.mark.django_db


def test_a_target_shows_its_stance_as_a_labelled_mark(client):
    target = StatementTargetFactory(stance="negative")

    page = client.get(target.actor.get_absolute_url()).content.decode()  # said about it

    assert (
        '<span class="stance stance-negative" '
        f'title="The speaker\'s stance toward {target.actor.name}">negative</span>' in page
    )


def test_the_statement_search_filters_by_stance(client):
    hostile = StatementTargetFactory(stance="negative")
    StatementTargetFactory(stance="positive")

    response = client.get("/statements/", {"stance": "negative"})

    assert [s.pk for s in response.context["page"].object_list] == [hostile.statement_id]
