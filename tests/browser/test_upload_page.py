"""The upload page in a real browser: it fits a phone's screen, shows that it is busy while a
batch is sent, and works without JavaScript."""

from __future__ import annotations

import re
import time
from unittest import mock

import pytest
from playwright.sync_api import expect

from entities import services
from entities.models import Article
from tests.helpers import PASSWORD, log_in

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

TEXT = """Kremlin rejects talks in Geneva

Kremlin spokesman Dmitry Peskov said on Monday that Russia would not take part in the talks.
He told reporters in Moscow that there was nothing to discuss in Geneva this year.
"""
CLICK_AND_READ = """() => new Promise((resolve) => {
  const form = document.querySelector("form.upload");
  const button = form.querySelector("button[type=submit]");
  button.click();
  setTimeout(() => resolve({
    text: button.textContent, disabled: button.disabled, busy: form.getAttribute("aria-busy"),
  }), 200);
})"""
ARTICLE_PAGE = re.compile(r"/articles/\d+/$")
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture
def uploader(django_user_model):
    return django_user_model.objects.create_user(username="uploader", password=PASSWORD)


@pytest.fixture
def no_workers():
    with mock.patch("entities.tasks.extract_article.delay"):
        yield


def test_the_upload_page_fits_a_390_px_screen(page, uploader):
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, "uploader")
    page.goto("/articles/new/")

    assert page.evaluate(OVERFLOW) <= 0

    # and with the errors of a refused upload shown
    page.get_by_role("button", name="Upload and extract").click()
    expect(page.locator("#id_text-errors")).to_be_visible()
    assert page.evaluate(OVERFLOW) <= 0


def test_the_upload_button_is_busy_while_the_form_is_sent(page, uploader, no_workers):
    real_create = services.article_create

    def slow_create(**kwargs):
        time.sleep(2)  # a batch of PDFs being read
        return real_create(**kwargs)

    log_in(page, "uploader")
    page.goto("/articles/new/")
    page.get_by_label("Article text").fill(TEXT)
    with mock.patch("entities.services.article_create", side_effect=slow_create):
        # clicked and read from within the page, while the server is still busy: Playwright's
        # own click and locators wait for the next page
        state = page.evaluate(CLICK_AND_READ)
        page.wait_for_url(ARTICLE_PAGE)
    assert state == {"text": "Uploading…", "disabled": True, "busy": "true"}
    assert Article.objects.count() == 1


def test_the_upload_form_works_without_javascript(browser, live_server, uploader, no_workers):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        log_in(page, "uploader")
        page.goto("/articles/new/")
        page.get_by_label("Article text").fill(TEXT)
        page.get_by_role("button", name="Upload and extract").click()
        page.wait_for_url(ARTICLE_PAGE)
        assert Article.objects.get().title == "Kremlin rejects talks in Geneva"
    finally:
        context.close()


def test_a_batch_with_a_refused_file_lists_each_file_on_a_phone(page, uploader, no_workers):
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, "uploader")
    page.goto("/articles/new/")
    page.get_by_label("Files").set_input_files(
        [
            {"name": "geneva.txt", "mimeType": "text/plain", "buffer": TEXT.encode()},
            {"name": "empty.txt", "mimeType": "text/plain", "buffer": b""},
        ]
    )
    page.get_by_role("button", name="Upload and extract").click()
    page.wait_for_url("**/articles/uploads/**")

    expect(page.get_by_text("empty.txt is empty (0 bytes).")).to_be_visible()
    expect(page.get_by_role("link", name="Kremlin rejects talks in Geneva")).to_be_visible()
    assert page.evaluate(OVERFLOW) <= 0
