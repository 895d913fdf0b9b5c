"""The relations pages in a real browser: from the country matrix, through a cell, to the
statements of a pair of countries, and on to the sentence in its article."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.relations_world import relations_world

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_a_matrix_cell_opens_the_pair_page_with_its_statements(page):
    relations_world()

    page.goto("/")
    page.get_by_role("link", name="Relations").click()
    expect(page.get_by_role("heading", name="Relations between countries")).to_be_visible()
    cell = page.get_by_role("link", name="Russia on Ukraine: 2 statements")
    expect(cell).to_have_attribute("title", "Russia on Ukraine: 2 statements: 2 negative, "
                                   "0 positive, 0 neutral (mostly negative)")  # fmt: skip
    cell.focus()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Russia and Ukraine on each other")).to_be_visible()
    expect(page.get_by_role("heading", name="Russia on Ukraine")).to_be_visible()
    statements = page.locator("#statements ol.pair > li")
    expect(statements).to_have_count(3)
    expect(statements.first).to_contain_text("Putin and NATO will see")
    page.get_by_text("Russia on Ukraine: the numbers, month by month").click()
    expect(page.get_by_role("row", name="February 2024 1 1 0 0")).to_be_visible()

    statements.filter(has_text="Ukraine is a mistake").locator("blockquote a").click()
    selected = page.locator("#article-body mark.statement.selected")
    expect(selected.first).to_be_visible()
    expect(selected.first).to_contain_text("Ukraine is a mistake")


def test_filters_narrow_the_matrix(page):
    relations_world()

    page.goto("/relations/")
    page.get_by_label("Publisher").fill("Reuters")
    page.get_by_role("button", name="Show").click()

    expect(page.get_by_role("link", name="Russia on Ukraine: 1 statement:")).to_be_visible()
    expect(page.get_by_role("link", name="Russia on United States")).to_have_count(0)
