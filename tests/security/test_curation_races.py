"""Two editors' decisions about the same actor at the same moment: the later one waits for the
earlier one and sees its outcome, never a deadlock (a 500) nor a decision about an actor that was
merged away meanwhile.

schemathesis's editor run on PostgreSQL (two workers) found it: merging North Korea into Russia
while an alias was added to Russia deadlocked. The alias's row and its unique-index entry were
written before the foreign-key check waited for the merge's lock on Russia, and the merge, moving
North Korea's aliases to Russia, then waited for that index entry. Every curation transaction now
locks its actors' rows first, in id order."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from entities import services
from entities.models import Actor, ActorAlias
from entities.services import curation
from tests.factories import ActorFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are PostgreSQL's"),
]

WAIT = 20  # seconds; a deadlock is detected after PostgreSQL's deadlock_timeout (1 s)


def _blocked_backends() -> int:
    with connections["default"].cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0]


def _in_thread(errors: list, func, *args, **kwargs) -> threading.Thread:
    def run():
        try:
            func(*args, **kwargs)
        except Exception as exc:  # any failure: the test lists them
            errors.append(exc)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def _wait_until(condition, seconds: float = WAIT) -> bool:
    done = threading.Event()
    for _ in range(int(seconds * 20)):
        if condition():
            return True
        done.wait(0.05)
    return False


@pytest.fixture
def merge_paused(monkeypatch):
    """actor_merge stops right after taking its locks, until the test lets it go on."""
    locked, go_on = threading.Event(), threading.Event()
    real = curation.actor_check_live

    def pause(actor, field):
        if field == "source":
            locked.set()
            go_on.wait(WAIT)
        return real(actor, field)

    monkeypatch.setattr(curation, "actor_check_live", pause)
    return locked, go_on


def test_an_alias_added_to_the_survivor_during_a_merge_is_no_deadlock(merge_paused):
    locked, go_on = merge_paused
    russia = ActorFactory(name="Russia", kind="country", slug="russia")
    north = ActorFactory(name="North Korea", kind="country", slug="north-korea")
    ActorAlias.objects.create(actor=north, alias="dprk")
    errors: list[Exception] = []
    merging = _in_thread(errors, services.actor_merge, source=north, into=russia)
    assert locked.wait(WAIT)
    adding = _in_thread(errors, services.actor_alias_add, actor=russia, alias="DPRK")
    assert _wait_until(lambda: _blocked_backends() >= 1), "the alias add never waited"
    go_on.set()
    merging.join(WAIT)
    adding.join(WAIT)
    assert errors == []
    assert set(ActorAlias.objects.filter(alias="dprk").values_list("actor__slug", flat=True)) == {
        "russia"
    }
    assert Actor.objects.get(pk=north.pk).merged_into_id == russia.pk


def test_an_alias_added_to_the_actor_being_merged_away_is_refused(merge_paused):
    locked, go_on = merge_paused
    russia = ActorFactory(name="Russia", kind="country", slug="russia")
    north = ActorFactory(name="North Korea", kind="country", slug="north-korea")
    errors: list[Exception] = []
    merging = _in_thread(errors, services.actor_merge, source=north, into=russia)
    assert locked.wait(WAIT)
    adding = _in_thread(errors, services.actor_alias_add, actor=north, alias="Pyongyang")
    assert _wait_until(lambda: _blocked_backends() >= 1), "the alias add never waited"
    go_on.set()
    merging.join(WAIT)
    adding.join(WAIT)
    # it waited for the merge, then saw that North Korea was merged: edit Russia instead
    assert [type(e).__name__ for e in errors] == ["ValidationError"]
    assert not ActorAlias.objects.filter(actor=north).exists()
