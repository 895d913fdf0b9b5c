"""The main flows in a real browser: upload and watch the extraction, search down to the
sentence, merge two actors."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import pytest
from playwright.sync_api import expect

from entities import services
from entities.models import Actor, Article
from tests.factories import ActorFactory, MentionFactory
from tests.helpers import PASSWORD, log_in, said

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

SEED = Path(__file__).resolve().parents[2] / "seeds" / "putin-visit-raises-alarms.txt"

TEXT_A = """Kremlin rejects talks in Geneva

Kremlin spokesman Dmitry Peskov said on Monday that Russia would not take part in the talks.

"We see no reason to travel to Geneva under these conditions," Peskov told reporters.
"""

TEXT_B = """Seoul summons Japanese envoy

South Korea's foreign minister Cho Tae-yul said on Wednesday that Tokyo should face history.
He told reporters in Seoul that the new textbooks repeat old claims to the islands.
"""


@pytest.fixture
def uploader(django_user_model):
    return django_user_model.objects.create_user(username="uploader", password=PASSWORD)


@pytest.fixture
def workers_away():
    """The broker accepts the tasks but no worker takes them: articles stay queued until the
    test runs the extraction itself, as a worker would. (Nothing reaches a real broker, which
    CI shares with the worker tests.)"""
    with (
        mock.patch("entities.tasks.extract_article.delay"),
        mock.patch("entities.tasks.extract_articles.delay"),
    ):
        yield


def test_upload_of_many_files_shows_live_status_then_the_result(
    page, uploader, workers_away, tmp_path
):
    files = []
    for name, text in (("geneva.txt", TEXT_A), ("envoy.txt", TEXT_B)):
        path = tmp_path / name
        path.write_text(text)
        files.append(str(path))
    log_in(page, "uploader")

    page.get_by_role("link", name="Upload", exact=True).click()
    page.get_by_label("Files").set_input_files(files)
    page.get_by_role("button", name="Upload and extract").click()

    page.wait_for_url("**/articles/uploads/?ids=*")
    rows = page.locator("#upload-rows tbody tr")
    expect(rows).to_have_count(2)
    expect(page.locator("#upload-rows")).to_contain_text("Extracting")
    expect(rows.first).to_contain_text("queued")

    for article in Article.objects.all():  # the worker's part
        services.article_extract(article_id=article.pk)

    # htmx polls every 2 s and swaps the list in place: no reload of the page
    page.evaluate("window.notReloaded = true")
    expect(page.locator("#upload-rows")).to_contain_text("All done.", timeout=15_000)
    expect(rows.first).to_contain_text("done")
    assert page.evaluate("window.notReloaded") is True

    page.get_by_role("link", name="Kremlin rejects talks in Geneva").click()
    expect(page).to_have_title("Kremlin rejects talks in Geneva · newsapp")
    expect(page.locator("#article-body a.mention").first).to_be_visible()
    expect(page.locator("#article-body mark.statement").first).to_be_visible()


def test_upload_of_text_shows_progress_on_the_article_page(page, uploader, workers_away):
    log_in(page, "uploader")
    page.goto("/articles/new/")

    page.get_by_label("Article text").fill(TEXT_A)
    page.get_by_role("button", name="Upload and extract").click()

    expect(page.locator("#progress")).to_contain_text("queued")
    services.article_extract(article_id=Article.objects.get().pk)
    expect(page.locator("#progress")).to_contain_text("Extraction finished", timeout=15_000)
    page.locator("#progress").get_by_role("link", name="Show the result").click()
    expect(page.locator("#article-body mark.statement").first).to_be_visible()


def test_upload_errors_appear_next_to_their_field(page, uploader):
    log_in(page, "uploader")
    page.goto("/articles/new/")

    page.get_by_label("URL").fill("http://127.0.0.1:9/internal")
    page.get_by_role("button", name="Upload and extract").click()

    error = page.locator("#id_url-errors")
    expect(error).to_be_visible()
    assert Article.objects.count() == 0


def test_search_to_actor_to_statement_highlights_its_sentence(page):
    services.article_create(raw=SEED.read_text(), publisher="Seed")  # extracted eagerly
    article = Article.objects.get()
    assert article.status == Article.Status.DONE, article.error

    page.goto("/")
    page.get_by_label("Search actors, statements and articles").first.fill("Peskov")
    page.keyboard.press("Enter")
    page.locator(".actor-results").get_by_role("link", name="Dmitry Peskov").click()
    expect(page).to_have_title("Dmitry Peskov · newsapp")

    first = page.locator("ol.statements").first.locator("li.statement-item").first
    content = first.locator("blockquote").inner_text().strip("“”")
    first.locator(".attribution a[href*='?s=']").click()

    selected = page.locator("#article-body mark.statement.selected")
    expect(selected.first).to_be_visible()
    expect(selected.first).to_be_in_viewport()
    assert content[:40] in " ".join(selected.all_inner_texts())
    expect(page.locator("li.statement-item.is-selected")).to_have_count(1)


def test_a_statement_link_by_fragment_highlights_its_sentence(page):
    speaker = ActorFactory(name="Dmitry Peskov")
    statement = said(speaker, "We see no reason to travel to Geneva")

    page.goto(f"/articles/{statement.article_id}/#statement-{statement.pk}")

    expect(
        page.locator(f'mark.statement.selected[data-statement="{statement.pk}"]')
    ).to_be_visible()


def test_merging_two_actors_redirects_the_old_page(page, editor):
    survivor = ActorFactory(name="Dmitry Peskov", slug="dmitry-peskov")
    duplicate = ActorFactory(name="D. Peskov", slug="d-peskov")
    said(duplicate, "We see no reason to travel to Geneva")
    MentionFactory(actor=duplicate)
    log_in(page, "editor")

    page.goto("/actors/d-peskov/")
    page.get_by_text("Merge into another actor").click()
    page.get_by_label("Merge into").fill("dmitry-peskov")
    page.get_by_role("button", name="Merge").click()

    page.wait_for_url("**/actors/dmitry-peskov/")
    expect(page.locator(".messages")).to_contain_text("D. Peskov was merged into Dmitry Peskov")
    expect(page.get_by_text("We see no reason to travel to Geneva")).to_be_visible()
    page.goto("/actors/d-peskov/")
    assert page.url.endswith("/actors/dmitry-peskov/")
    assert Actor.objects.get(pk=duplicate.pk).merged_into_id == survivor.pk


def test_keyboard_reaches_the_skip_link_and_the_search_box(page):
    page.goto("/")

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.locator("#global-q").focus()
    page.keyboard.type("nobody")
    page.keyboard.press("Enter")

    expect(page).to_have_title("Search: nobody · newsapp")
