"""Statement search: filters, snippets, sorting, pagination and the CSV / JSON exports."""

from __future__ import annotations

import csv
import html
import io
import json
import re

import pytest
from django.urls import reverse

from entities.models import Actor, Statement
from entities.selectors import counts
from entities.views import statements as statement_views
from tests.factories import ActorFactory
from tests.helpers import said

pytestmark = pytest.mark.django_db

SEARCH = reverse("entities:statement_search")
CSV = reverse("entities:statement_export_csv")
JSON = reverse("entities:statement_export_json")


@pytest.fixture
def cast():
    peskov = ActorFactory(name="Dmitry Peskov", slug="dmitry-peskov")
    blinken = ActorFactory(name="Antony Blinken", slug="antony-blinken")
    korea = ActorFactory(name="North Korea", slug="north-korea", kind=Actor.Kind.COUNTRY)
    return peskov, blinken, korea


def _found(response) -> list[Statement]:
    return list(response.context["page"].object_list)


def test_search_by_words_highlights_them(client, cast):
    peskov, _, _ = cast
    hit = said(peskov, "Sanctions on Pyongyang are pointless")
    said(peskov, "Geneva talks are off")

    response = client.get(SEARCH, {"q": "sanctions"})

    assert _found(response) == [hit]
    assert "<mark>Sanctions</mark> on Pyongyang are pointless" in response.text


def test_search_filters_by_speaker_and_target(client, cast):
    peskov, blinken, korea = cast
    hit = said(peskov, "Pyongyang is a partner", about=[korea])
    said(blinken, "Pyongyang is a threat", about=[korea])
    said(peskov, "Geneva talks are off")

    response = client.get(SEARCH, {"speaker": "dmitry-peskov", "target": "north-korea"})

    assert _found(response) == [hit]


def test_search_filters_by_kind_cue_class_publisher_and_dates(client, cast):
    peskov, _, _ = cast
    hit = said(
        peskov,
        "We deny it",
        kind="indirect",
        cue="denied",
        cue_class="deny",
        publisher="TASS",
        published="2024-02-10",
    )
    said(peskov, "We deny it too", kind="direct", cue_class="deny", publisher="TASS")
    said(peskov, "We said it", kind="indirect", publisher="TASS", published="2024-02-11")
    said(peskov, "Old denial", kind="indirect", cue_class="deny", published="2020-01-01")

    response = client.get(
        SEARCH,
        {
            "kind": "indirect",
            "cue_class": "deny",
            "publisher": "TASS",
            "date_from": "2024-01-01",
            "date_to": "2024-12-31",
        },
    )

    assert _found(response) == [hit]


def test_an_unknown_speaker_slug_is_an_error_next_to_the_field(client):
    response = client.get(SEARCH, {"speaker": "nobody-at-all"})

    assert response.context["page"] is None
    assert "nobody-at-all" in response.context["form"].errors["speaker"][0]
    assert 'id="id_speaker-errors"' in response.text


def test_reversed_dates_are_an_error_at_the_end_date(client):
    response = client.get(SEARCH, {"date_from": "2024-02-01", "date_to": "2024-01-01"})

    assert response.context["form"].errors["date_to"] == ["The end date is before the start date."]


def test_results_are_newest_first(client, cast):
    peskov, _, _ = cast
    old = said(peskov, "Old words", published="2020-01-01")
    new = said(peskov, "New words", published="2024-01-01")

    response = client.get(SEARCH, {"q": "words", "order": "date"})

    assert _found(response) == [new, old]


def _link(response, rel: str) -> str:
    """The query string of the page's newer (prev) or older (next) link."""
    found = re.search(rf'<a rel="{rel}" href="\?([^"]*)"', response.text)
    assert found, f"no {rel} link"
    return html.unescape(found[1])


def test_search_pages_by_cursor_and_keeps_the_filters(client, cast):
    peskov, blinken, _ = cast
    for i in range(30):
        said(peskov, f"Talks round {i}", published=f"2024-01-{i + 1:02d}")
    said(blinken, "Talks elsewhere", published="2024-02-01")

    first = client.get(SEARCH, {"speaker": "dmitry-peskov"})
    older = _link(first, "next")
    second = client.get(f"{SEARCH}?{older}")

    assert [s.content for s in _found(first)] == [f"Talks round {i}" for i in range(29, 4, -1)]
    assert [s.content for s in _found(second)] == [f"Talks round {i}" for i in range(4, -1, -1)]
    assert older.startswith("speaker=dmitry-peskov&cursor=")
    assert 'rel="next"' not in second.text  # the last page
    assert 'rel="prev"' not in first.text  # the first page
    newer = _link(second, "prev")
    assert newer.startswith("speaker=dmitry-peskov&cursor=")
    assert _found(client.get(f"{SEARCH}?{newer}")) == _found(first)


def test_the_next_page_stays_where_it_was_when_new_statements_arrive(client, cast):
    peskov, _, _ = cast
    for i in range(30):
        said(peskov, f"Talks round {i}", published=f"2024-01-{i + 1:02d}")
    older = _link(client.get(SEARCH, {"speaker": "dmitry-peskov"}), "next")

    said(peskov, "Talks resumed", published="2024-03-01")  # newest: page one grows by one
    second = client.get(f"{SEARCH}?{older}")

    assert [s.content for s in _found(second)] == [f"Talks round {i}" for i in range(4, -1, -1)]
    newer = client.get(f"{SEARCH}?{_link(second, 'prev')}")
    assert [s.content for s in _found(newer)] == [f"Talks round {i}" for i in range(29, 4, -1)]
    assert _link(newer, "prev")  # the new statement is before it


def test_a_damaged_cursor_shows_the_first_page(client, cast):
    said(cast[0], "Talks")

    response = client.get(SEARCH, {"cursor": "not-a-cursor!"})

    assert response.status_code == 200
    assert [s.content for s in _found(response)] == ["Talks"]


def test_undated_statements_come_last_across_pages(client, cast):
    peskov, _, _ = cast
    undated = [said(peskov, f"Undated {i}") for i in range(3)]
    for i in range(24):
        said(peskov, f"Dated {i}", published=f"2024-01-{i + 1:02d}")

    first = client.get(SEARCH, {"speaker": "dmitry-peskov"})
    second = client.get(f"{SEARCH}?{_link(first, 'next')}")

    assert _found(first)[-1].content == "Undated 2"  # same date (none): the newest article first
    assert _found(second) == [undated[1], undated[0]]


def test_the_count_is_exact_when_small(client, cast):
    for i in range(3):
        said(cast[0], f"Talks round {i}")

    response = client.get(SEARCH, {"q": "talks"})

    assert response.context["count"] == 3
    assert response.context["count"].exact
    assert '<p class="result-count">3 statements.</p>' in response.text


def test_the_count_says_more_than_the_bound_beyond_it(client, cast, monkeypatch):
    monkeypatch.setattr(counts, "EXACT_UP_TO", 2)
    for i in range(30):  # more than a page: the page does not say how many there are
        said(cast[0], f"Talks round {i}")

    response = client.get(SEARCH, {"q": "talks"})

    count = response.context["count"]
    assert not count.exact
    # SQLite has no estimate: at least the bound; PostgreSQL: about its planner's estimate
    assert str(count) in ("more than 2", f"about {int(count)}")
    assert f"{count} statements." in response.text


def _content(response) -> bytes:
    assert response.streaming  # exports are streamed: memory stays flat whatever their length
    return b"".join(response.streaming_content)


def test_export_links_keep_the_filters(client, cast):
    said(cast[0], "Talks")

    response = client.get(SEARCH, {"q": "talks", "speaker": "dmitry-peskov"})

    assert f'href="{CSV}?q=talks&amp;speaker=dmitry-peskov"' in response.text
    assert f'href="{JSON}?q=talks&amp;speaker=dmitry-peskov"' in response.text


def test_csv_export_holds_the_filtered_statements(client, cast):
    peskov, blinken, korea = cast
    partner = said(peskov, "Pyongyang is a partner", about=[korea], publisher="TASS")
    said(blinken, "Pyongyang is a threat", about=[korea])

    response = client.get(CSV, {"speaker": "dmitry-peskov"})

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(_content(response).decode("utf-8-sig"))))
    assert len(rows) == 1
    assert rows[0]["speaker"] == "Dmitry Peskov"
    assert rows[0]["content"] == "Pyongyang is a partner"
    assert rows[0]["targets"] == "North Korea (neutral)"
    assert rows[0]["publisher"] == "TASS"
    assert rows[0]["permalink"] == f"http://testserver/statements/{partner.pk}/"


def test_csv_export_cells_cannot_start_a_spreadsheet_formula(client, cast):
    peskov, _, _ = cast
    hostile = ActorFactory(name='=HYPERLINK("http://evil.example")', slug="hostile")
    said(peskov, "=1+2 is what he wrote", about=[hostile], title="@SUM(A1)", publisher="-TASS")

    response = client.get(CSV)

    row = next(csv.DictReader(io.StringIO(_content(response).decode("utf-8-sig"))))
    assert row["content"] == "'=1+2 is what he wrote"
    assert row["targets"] == '\'=HYPERLINK("http://evil.example") (neutral)'
    assert row["article_title"] == "'@SUM(A1)"
    assert row["publisher"] == "'-TASS"


def test_json_export_holds_the_filtered_statements(client, cast):
    peskov, blinken, korea = cast
    statement = said(peskov, "Pyongyang is a partner", about=[korea])
    said(blinken, "Pyongyang is a threat", about=[korea])

    response = client.get(JSON, {"q": "partner"})

    body = json.loads(_content(response))
    assert (body["count"], body["truncated"]) == (1, False)
    assert body["results"][0]["id"] == statement.pk
    assert body["results"][0]["target_slugs"] == ["north-korea"]


def test_exports_are_bounded(client, cast, monkeypatch):
    monkeypatch.setattr(statement_views, "EXPORT_LIMIT", 2)
    for i in range(3):
        said(cast[0], f"Words {i}")

    body = json.loads(_content(client.get(JSON)))
    csv_response = client.get(CSV)

    assert (body["count"], body["truncated"]) == (2, True)
    assert csv_response["X-Truncated"] == "true"
    assert len(_content(csv_response).decode().strip().splitlines()) == 3


def test_export_with_bad_filters_is_400_naming_the_field(client):
    response = client.get(JSON, {"speaker": "nobody-at-all"})

    assert response.status_code == 400
    assert "speaker" in response.json()["errors"]


@pytest.mark.parametrize("rows", [3, 30])
def test_search_runs_a_bounded_number_of_queries(client, cast, django_assert_max_num_queries, rows):
    peskov, _, korea = cast
    for i in range(rows):
        said(peskov, f"Pyongyang talks {i}", about=[korea, ActorFactory()])

    # the speaker, the count, the page's ids, its rows, their targets, the publishers; on
    # PostgreSQL the count's estimate and the plan's setting in a transaction
    with django_assert_max_num_queries(12):
        response = client.get(SEARCH, {"q": "talks", "speaker": "dmitry-peskov"})

    assert response.status_code == 200


@pytest.mark.parametrize("rows", [3, 30])
def test_exports_run_a_bounded_number_of_queries(client, cast, django_assert_max_num_queries, rows):
    for i in range(rows):
        said(cast[0], f"Pyongyang talks {i}", about=[cast[2]])

    with django_assert_max_num_queries(4):
        client.get(CSV)
    with django_assert_max_num_queries(4):
        client.get(JSON)


def test_a_search_that_finds_nothing_says_so_without_an_error(client):
    response = client.get(reverse("entities:statement_search"), {"q": "xyzzy"})

    assert response.status_code == 200
    assert "No statement matches." in response.text
    assert "Please correct the filters" not in response.text


def test_a_path_no_page_has_says_so_in_words(client, settings):
    settings.DEBUG = False

    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "There is no page at this address." in response.text
    assert "Resolver404" not in response.text
