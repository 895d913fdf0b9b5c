"""Fixtures of the API tests: clients with and without a token, an editor, a small graph of
actors and statements, and throttling counters reset before every test."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import (
    ActorFactory,
    ArticleFactory,
    MentionFactory,
    StatementFactory,
    StatementTargetFactory,
)


@pytest.fixture(autouse=True)
def _fresh_throttles():
    cache.clear()  # the throttles count requests in the default cache
    yield
    cache.clear()


@pytest.fixture
def api():
    return APIClient()


def _client_for(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def user_api(user):
    return _client_for(user)


@pytest.fixture
def editor(django_user_model):
    editor = django_user_model.objects.create_user(username="editor", password="a-long-phrase")
    editor.user_permissions.add(
        Permission.objects.get(codename="curate", content_type__app_label="entities"),
        Permission.objects.get(codename="change_article", content_type__app_label="entities"),
    )
    return editor


@pytest.fixture
def editor_api(editor):
    return _client_for(editor)


def dated(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 12, tzinfo=UTC)


@pytest.fixture
def world(db):
    """Putin says things about Ukraine and NATO; Zelensky about Russia's president."""
    russia = ActorFactory(name="Russia", kind="country", slug="russia")
    ukraine = ActorFactory(name="Ukraine", kind="country", slug="ukraine")
    putin = ActorFactory(name="Vladimir Putin", slug="vladimir-putin", country=russia)
    zelensky = ActorFactory(name="Volodymyr Zelensky", slug="volodymyr-zelensky", country=ukraine)
    nato = ActorFactory(name="NATO", kind="organization", slug="nato")
    old = ArticleFactory(
        title="Old talks",
        body="Putin said Ukraine must stay neutral and NATO must not expand further east.",
        publisher="Reuters",
        published_at=dated(2024, 1, 10),
    )
    new = ArticleFactory(
        title="New talks",
        body="Zelensky said Putin cannot be trusted with any ceasefire at all, ever again.",
        publisher="AP",
        published_at=dated(2024, 6, 1),
    )
    s1 = StatementFactory(
        article=old, speaker=putin, content_start=11, content_end=40, cue_class="say"
    )
    StatementTargetFactory(statement=s1, actor=ukraine, start=11, end=18)
    s2 = StatementFactory(
        article=old,
        speaker=putin,
        content_start=45,
        content_end=75,
        kind="indirect",
        cue_class="warn",
    )
    StatementTargetFactory(statement=s2, actor=nato, start=45, end=49)
    s3 = StatementFactory(
        article=new, speaker=zelensky, content_start=14, content_end=60, cue_class="say"
    )
    StatementTargetFactory(statement=s3, actor=putin, start=14, end=19)
    MentionFactory(article=old, actor=putin, start=0, end=5)
    MentionFactory(article=old, actor=ukraine, start=11, end=18)
    MentionFactory(article=new, actor=putin, start=14, end=19)
    MentionFactory(article=new, actor=zelensky, start=0, end=8)
    return {
        "russia": russia,
        "ukraine": ukraine,
        "putin": putin,
        "zelensky": zelensky,
        "nato": nato,
        "old": old,
        "new": new,
        "s1": s1,
        "s2": s2,
        "s3": s3,
    }
