"""Playwright (sync API) driving Debian's Chromium against pytest-django's live_server.

Playwright's sync API runs an event loop in the test thread, so Django's async-safety check
would refuse every query: the tests allow it before Django runs anything."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scripts.chromium import ARGS, CHROMIUM
from tests.helpers import need_service

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        need_service(f"Chromium is not installed at {CHROMIUM} (apt-get install -y chromium)")
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except Error as exc:
            need_service(f"Chromium at {CHROMIUM} does not start: {exc}")
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()
