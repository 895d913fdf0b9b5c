"""In Chromium: a failed correction opens the page at the form with its field focused; a
successful one keeps the edited statement in view."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.factories import ActorFactory
from tests.helpers import log_in, said

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def long_article(editor):
    """One article with 40 statements: the last one's form is far below the top."""
    peskov = ActorFactory(name="Dmitry Peskov", slug="dmitry-peskov")
    first = said(peskov, "Statement number 0")
    article = first.article
    last = first
    for n in range(1, 40):
        last = said(peskov, f"Statement number {n}")
        last.article = article
        last.save()
    return article, last


def _in_view(tab, element_id: str) -> bool:
    return tab.evaluate(
        """(id) => { const r = document.getElementById(id).getBoundingClientRect();
                     return r.top >= 0 && r.bottom <= window.innerHeight; }""",
        element_id,
    )


def test_a_failed_speaker_correction_lands_at_the_field(page, long_article):
    article, statement = long_article
    _fail_speaker(page, article, statement)


def _fail_speaker(page, article, statement) -> None:
    log_in(page, "editor")
    page.goto(article.get_absolute_url())
    item = page.locator(f"#statement-{statement.pk}")
    item.locator("summary").click()
    item.get_by_label("Speaker").fill("nobody at all")
    item.get_by_role("button", name="Set speaker").click()

    field = page.locator(f"#s{statement.pk}-speaker-speaker")
    expect(field).to_be_focused()
    assert _in_view(page, f"s{statement.pk}-speaker-speaker")
    expect(page.locator(f"#s{statement.pk}-speaker-form")).to_contain_text(
        "No actor is called “nobody at all”."
    )


def test_a_successful_speaker_correction_keeps_the_statement_in_view(page, long_article):
    article, statement = long_article
    ActorFactory(name="Sergei Lavrov", slug="sergei-lavrov")
    _set_speaker(page, article, statement)


def _set_speaker(page, article, statement) -> None:
    log_in(page, "editor")
    page.goto(article.get_absolute_url())
    item = page.locator(f"#statement-{statement.pk}")
    item.locator("summary").click()
    item.get_by_label("Speaker").fill("sergei-lavrov")
    item.get_by_role("button", name="Set speaker").click()

    page.wait_for_url(f"**#statement-{statement.pk}")
    page.wait_for_timeout(200)  # the page's script settles the scroll after load
    assert _in_view(page, f"statement-{statement.pk}")
    expect(page.locator(f"#statement-{statement.pk}")).to_contain_text("Sergei Lavrov")


def test_a_failed_rename_lands_at_the_field(page, editor):
    peskov = ActorFactory(name="Dmitry Peskov", slug="dmitry-peskov")
    for n in range(30):
        said(peskov, f"Statement number {n}")
    _fail_rename(page, peskov)


def _fail_rename(page, peskov) -> None:
    log_in(page, "editor")
    page.goto(peskov.get_absolute_url())
    page.locator("summary", has_text="Rename").click()
    page.get_by_label("New name").fill("   ")
    page.get_by_role("button", name="Rename").click()

    expect(page.get_by_label("New name")).to_be_focused()
    expect(page.locator("#rename-form")).to_contain_text("This field is required.")
