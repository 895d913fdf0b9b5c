"""An editor corrects a statement in a real browser: selects the speaker's words in the article
text, uses the selection as the statement's span, changes its kind, and sees the result."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from entities.models import Correction, Statement
from tests.factories import ActorFactory
from tests.helpers import log_in, said

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

# the test's screenshot is the docs' picture of an edited statement only when asked for
# (NEWSAPP_SCREENSHOTS=1): a test run leaves the working tree as it found it
DOCS_SHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "edited-statement.png"

SELECT = """([container, words]) => {
  // select `words` in the container's text as a reader's drag would, across the marks
  const root = document.getElementById(container);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  let text = "";
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push([node, text.length]);
    text += node.data;
  }
  const start = text.indexOf(words), end = start + words.length;
  const at = (offset) => {
    for (const [node, first] of nodes) {
      if (offset <= first + node.data.length) return [node, offset - first];
    }
  };
  const [a, i] = at(start), [b, j] = at(end);
  window.getSelection().setBaseAndExtent(a, i, b, j);
  return [start, end];
}"""


def test_an_editor_selects_a_new_span_and_changes_the_kind(page, editor, tmp_path):
    peskov = ActorFactory(name="Dmitry Peskov", slug="dmitry-peskov")
    statement = said(
        peskov, "We see no reason to travel to Geneva under these conditions", title="No talks"
    )
    log_in(page, editor.username)
    page.goto(statement.article.get_absolute_url())
    item = page.locator(f"#statement-{statement.pk}")
    item.get_by_text("Correct this statement").click()

    start, end = page.evaluate(SELECT, ["article-body", "no reason to travel to Geneva"])
    item.get_by_role("button", name="use the selection").click()

    expect(page.locator(f"#s{statement.pk}-edit-start")).to_have_value(str(start))
    expect(page.locator(f"#s{statement.pk}-edit-end")).to_have_value(str(end))
    expect(item.locator(".span-preview")).to_contain_text("“no reason to travel to Geneva”")
    page.locator(f"#s{statement.pk}-edit-kind").select_option("indirect")
    item.get_by_role("button", name="Save span and kind").click()

    page.wait_for_url(f"**/articles/{statement.article_id}/?s={statement.pk}*")
    expect(page.locator(".message").first).to_contain_text("now reads “no reason to travel")
    edited = page.locator(f"#statement-{statement.pk}")
    expect(edited.locator("blockquote")).to_have_text("no reason to travel to Geneva")
    expect(edited.locator(".badge")).to_have_text("reported speech")
    expect(page.locator(f'mark.statement[data-statement="{statement.pk}"]')).to_have_text(
        "no reason to travel to Geneva"
    )
    expect(page.locator("#history")).to_contain_text("Kind direct → indirect")
    statement.refresh_from_db()
    assert (statement.content, statement.kind) == ("no reason to travel to Geneva", "indirect")
    assert {c.kind for c in Correction.objects.all()} == {"span", "statement_kind"}
    assert Statement.objects.count() == 1

    page.set_viewport_size({"width": 1100, "height": 900})
    shot = DOCS_SHOT if os.environ.get("NEWSAPP_SCREENSHOTS") == "1" else tmp_path / "edited.png"
    page.locator("article.article").screenshot(path=str(shot))
    assert shot.stat().st_size > 0


def test_a_selection_outside_the_text_is_not_used(page, editor):
    statement = said(ActorFactory(name="Dmitry Peskov"), "We see no reason", title="No talks")
    log_in(page, editor.username)
    page.goto(statement.article.get_absolute_url())
    item = page.locator(f"#statement-{statement.pk}")
    item.get_by_text("Correct this statement").click()
    before = page.locator(f"#s{statement.pk}-edit-start").input_value()

    page.evaluate(SELECT, ["article-title", "No talks"])  # the headline: not this statement's
    item.get_by_role("button", name="use the selection").click()

    expect(item.locator(".span-preview")).to_have_text("Select words in the article text first.")
    expect(page.locator(f"#s{statement.pk}-edit-start")).to_have_value(before)
