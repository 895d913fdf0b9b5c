"""The review queue in a real browser: an editor corrects a speaker in place (htmx, no page
load) and marks the statement reviewed; it leaves the queue."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from entities.models import Statement
from tests.factories import ActorFactory
from tests.helpers import log_in, said

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_an_editor_corrects_a_speaker_in_place_and_marks_it_reviewed(page, editor):
    lavrov = ActorFactory(name="Sergei Lavrov", slug="sergei-lavrov")
    statement = said(None, "The talks in Geneva are pointless")
    other = said(None, "Nobody will attend them")
    log_in(page, "editor")

    page.goto("/review/")
    page.evaluate("window.notReloaded = true")
    item = page.locator(f"#review-{statement.pk}")
    expect(item).to_contain_text("speaker not resolved to an actor")
    item.get_by_label("Speaker").fill("Sergei Lavrov")
    item.get_by_role("button", name="Set speaker").click()

    expect(item.locator(".attribution")).to_contain_text("Sergei Lavrov")
    expect(item).not_to_contain_text("speaker not resolved to an actor")
    assert page.evaluate("window.notReloaded") is True  # swapped in place
    assert Statement.objects.get(pk=statement.pk).speaker == lavrov

    item.get_by_role("button", name="Mark reviewed").click()

    expect(item).to_contain_text("has left the queue")
    assert page.evaluate("window.notReloaded") is True
    page.reload()
    expect(page.locator(f"#review-{other.pk}")).to_be_visible()
    expect(page.locator(f"#review-{statement.pk}")).to_have_count(0)


def test_a_refused_correction_shows_its_error_in_the_item(page, editor):
    statement = said(None, "The talks in Geneva are pointless")
    log_in(page, "editor")

    page.goto("/review/")
    item = page.locator(f"#review-{statement.pk}")
    item.get_by_label("Speaker").fill("nobody at all")
    item.get_by_role("button", name="Set speaker").click()

    expect(item.locator(f"#r{statement.pk}-speaker-speaker-errors")).to_contain_text(
        "No actor is called “nobody at all”."
    )
    expect(page).to_have_url(re.compile(r"/review/$"))  # no page load: still the queue
