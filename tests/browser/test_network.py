"""The network page in a real browser: Cytoscape.js draws the links, zooms, the filters and
the minimum-weight slider narrow them, a click on an arrow opens its "A on B" page; without
JavaScript the table is the page. And the screenshots of the network and relations pages on a
desktop and a phone (into docs/screenshots/ only with NEWSAPP_SCREENSHOTS=1)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from entities import selectors
from tests.network_world import network_world
from tests.relations_world import relations_world

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PHONE = {"width": 390, "height": 844}


def drawn(page) -> None:
    """Wait for the drawing: network.js marks the container once Cytoscape has laid it out."""
    expect(page.locator("#network-graph[data-ready=true]")).to_have_count(1)


def graph(page, expression: str):
    return page.evaluate(f"() => {{ const cy = window.newsappNetwork; return {expression}; }}")


def click_edge(page, edge_id: str) -> None:
    """A tap on the arrow, as Cytoscape delivers a click on it to the page's handler. Not a
    mouse click at its midpoint: where an arrow is drawn depends on the actors' ids, so a click
    there landed now and then on a crossing arrow or a node and opened another page."""
    page.locator("#network-graph").evaluate("box => box.scrollIntoView()")
    page.evaluate("(id) => window.newsappNetwork.getElementById(id).emit('tap')", edge_id)


def test_the_network_draws_every_link_and_zooms(page):
    world = relations_world()

    page.goto("/")
    page.get_by_role("link", name="Network", exact=True).click()
    drawn(page)

    edges = selectors.graph_edges()
    assert graph(page, "cy.edges().length") == len(edges) == 8
    assert graph(page, "cy.nodes().length") == len(selectors.graph_nodes(edges)) == 8
    putin = f"n{world.putin.pk}"
    labels = graph(page, f"cy.getElementById('{putin}').connectedEdges().map(e => e.data('label'))")
    assert sorted(labels) == ["1 negative", "1 negative"]  # the stance in words on each arrow
    expect(page.locator("#network-table tbody tr")).to_have_count(8)

    before = graph(page, "cy.zoom()")
    page.get_by_role("button", name="Zoom in").click()
    zoomed = graph(page, "cy.zoom()")
    assert zoomed == pytest.approx(before * 1.3)
    box = page.locator("#network-graph").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, 400)  # scrolling down zooms out
    page.wait_for_function(f"window.newsappNetwork.zoom() < {zoomed}")


def test_a_filter_then_the_slider_narrow_the_links(page):
    relations_world()

    page.goto("/network/")
    drawn(page)
    page.get_by_label("Stance").select_option("negative")
    page.get_by_label("countries").check()
    page.get_by_role("button", name="Show").click()

    drawn(page)
    assert "level=country" in page.url
    # Russia on Ukraine (2: Putin's and Lavrov's) and Ukraine on Russia (1: Zelensky's)
    assert graph(page, "cy.edges().map(e => [e.data('name'), e.data('weight')])") == [
        ["Russia on Ukraine", 2],
        ["Ukraine on Russia", 1],
    ]
    rows = page.locator("#network-table tbody tr")
    expect(rows).to_have_count(2)

    page.locator("#weight-slider").fill("2")

    # Cytoscape restyles the hidden links on its next frame
    page.wait_for_function("() => window.newsappNetwork.edges(':visible').length === 1")
    assert graph(page, "cy.edges(':visible').map(e => e.data('name'))") == ["Russia on Ukraine"]
    assert graph(page, "cy.nodes(':visible').length") == 2
    expect(rows.filter(has_text="Ukraine on Russia")).to_be_hidden()
    expect(rows.filter(has_text="Russia on Ukraine")).to_be_visible()
    expect(page.locator("#network-status")).to_have_text(
        "1 of 2 links shown: those of at least 2 statement(s)."
    )
    gexf = page.get_by_role("link", name="GEXF")
    expect(gexf).to_have_attribute(
        "href",
        "/network/export.gexf?level=country&actor=&date_from=&date_to=&kind=&stance=negative"
        "&min_weight=2",
    )
    expect(page.get_by_label("At least this many statements")).to_have_value("2")


def test_clicking_an_arrow_opens_the_pair_page(page):
    world = relations_world()

    page.goto("/network/")
    drawn(page)
    click_edge(page, f"e{world.zelensky.pk}-{world.putin.pk}")

    page.wait_for_url("**/actors/volodymyr-zelensky/on/vladimir-putin/")
    expect(
        page.get_by_role("heading", name="Volodymyr Zelensky and Vladimir Putin on each other")
    ).to_be_visible()


def test_clicking_an_arrow_between_countries_opens_the_pair_of_countries(page):
    world = relations_world()

    page.goto("/network/?level=country")
    drawn(page)
    click_edge(page, f"e{world.russia.pk}-{world.ukraine.pk}")

    page.wait_for_url("**/relations/russia/ukraine/")
    expect(page.get_by_role("heading", name="Russia and Ukraine on each other")).to_be_visible()


def test_without_javascript_the_table_is_the_page(browser, live_server):
    relations_world()
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/network/?level=country")

        expect(page.locator("#network-figure")).to_be_hidden()
        page.get_by_role("link", name="Russia on Ukraine").click()
        expect(page.get_by_role("heading", name="Russia and Ukraine on each other")).to_be_visible()
    finally:
        context.close()


# -- screenshots ---------------------------------------------------------------------------------


def _shot(page, name: str, tmp_path: Path, *, full: bool = True) -> Path:
    """docs/screenshots/<name>.png with NEWSAPP_SCREENSHOTS=1 (a test run otherwise leaves the
    working tree as it found it); and the page fits its width: nothing to scroll sideways."""
    folder = DOCS if os.environ.get("NEWSAPP_SCREENSHOTS") == "1" else tmp_path
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=full)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name}: the page is {overflow}px wider than the window"
    return path


@pytest.mark.parametrize(("viewport", "suffix"), [(None, ""), (PHONE, "-mobile")])
def test_screenshots_of_the_network_and_the_relations(page, tmp_path, viewport, suffix):
    network_world()
    if viewport:
        page.set_viewport_size(viewport)

    page.goto("/network/")
    drawn(page)
    assert graph(page, "cy.edges().length") == len(selectors.graph_edges())
    if viewport:  # a phone starts at a zoom where the labels read
        assert graph(page, "cy.zoom()") == pytest.approx(0.8)
        page.locator("#network-figure").evaluate("figure => figure.scrollIntoView()")
    _shot(page, f"network{suffix}", tmp_path, full=not viewport)

    page.goto("/network/?level=country")
    drawn(page)
    if viewport:
        page.locator("#network-figure").evaluate("figure => figure.scrollIntoView()")
    _shot(page, f"network-countries{suffix}", tmp_path, full=not viewport)

    page.goto("/relations/")
    expect(page.get_by_role("heading", name="Relations between countries")).to_be_visible()
    _shot(page, f"relations{suffix}", tmp_path)

    page.get_by_role("link", name="Russia on Ukraine:").first.click()
    expect(page.get_by_role("heading", name="Russia and Ukraine on each other")).to_be_visible()
    if viewport:  # a phone shows the first chart: its month labels must read
        chart_in_view(page)
    _shot(page, f"relations-pair{suffix}", tmp_path, full=not viewport)

    page.goto("/actors/vladimir-putin/on/volodymyr-zelensky/")
    expect(page.locator("svg.chart:visible").first).to_be_visible()
    _shot(page, f"a-on-b{suffix}", tmp_path, full=not viewport)


def chart_in_view(page) -> None:
    """Scroll to the heading of the first by-month chart (the one drawn for this width)."""
    chart = page.locator("svg.chart:visible").first
    expect(chart).to_be_visible()
    chart.evaluate("svg => (svg.closest('section') || svg).scrollIntoView()")
