"""The relations pages: the country-by-country matrix and a pair of countries on each other;
the statement search's country filters; the "A on B" page's by-month, by-stance chart."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from entities import services
from entities.views import relations as relation_views
from tests.relations_world import NEG, World, country, person, relations_world, stated

pytestmark = pytest.mark.django_db

RELATIONS = reverse("entities:relations")
MAX_PAIR_QUERIES = 29  # whatever the number of statements
SEARCH = reverse("entities:statement_search")


@pytest.fixture
def world() -> World:
    return relations_world()


def pair_url(a: str, b: str) -> str:
    return reverse("entities:relation_pair", args=[a, b])


def test_matrix_shows_each_pair_as_a_linked_count_with_its_stances(client, world):
    response = client.get(RELATIONS)

    assert response.status_code == 200
    cell = response.context["rows"][0][1][1][1]  # Russia (most active) on Ukraine
    assert (cell.pair.speaker, cell.pair.target, cell.pair.counts.total) == (
        world.russia, world.ukraine, 2,
    )  # fmt: skip
    assert cell.css == "net-neg2"
    assert f'<a href="{pair_url("russia", "ukraine")}"' in response.text
    assert (
        'title="Russia on Ukraine: 2 statements: 2 negative, 0 positive, 0 neutral '
        '(mostly negative)"'
    ) in response.text
    assert "mostly positive" in response.text  # the legend says it in words


def test_matrix_cells_keep_the_filters_in_their_links(client, world):
    response = client.get(RELATIONS, {"publisher": "AP"})

    counts = {
        (s.slug, t.slug): c.pair.counts.total
        for s, cells in response.context["rows"]
        for t, c in cells
        if c
    }
    assert counts == {("russia", "ukraine"): 1, ("russia", "united-states"): 1}
    assert f'href="{pair_url("russia", "ukraine")}?publisher=AP"' in response.text


def test_matrix_is_limited_to_the_most_active_countries_with_a_note(client, world, monkeypatch):
    monkeypatch.setattr(relation_views, "MATRIX_LIMIT", 2)

    response = client.get(RELATIONS)

    assert [c.slug for c in response.context["matrix"].countries] == ["russia", "ukraine"]
    assert "The 2 most active of 3 countries" in response.text


def test_bad_filters_say_what_is_wrong(client, world):
    response = client.get(RELATIONS, {"date_from": "2024-05-01", "date_to": "2024-01-01"})

    assert response.status_code == 200
    assert response.context["matrix"] is None
    assert "Please correct the filters" in response.text


def test_empty_matrix_says_what_to_do(client, db):
    response = client.get(RELATIONS)
    assert "No statement links two countries yet" in response.text
    assert reverse("entities:article_upload") in response.text

    filtered = client.get(RELATIONS, {"kind": "mixed"})
    assert "clear the filters" in filtered.text


def test_pair_page_shows_both_directions_speakers_verbs_and_statements(client, world):
    response = client.get(pair_url("russia", "ukraine"))

    assert response.status_code == 200
    russia_on, ukraine_on = response.context["directions"]
    assert (russia_on.counts.total, russia_on.counts.negative) == (2, 2)
    assert ukraine_on.counts.total == 1
    assert russia_on.speakers == [(world.putin, 1), (world.lavrov, 1)]
    assert dict(russia_on.cue_classes) == {"say": 1, "warn": 1}
    statements = list(response.context["page"].object_list)
    assert len(statements) == 3
    first = statements[0]  # newest: Zelensky on Putin
    assert first.side == world.ukraine
    link = f"{reverse('entities:article_detail', args=[first.article_id])}?s={first.pk}"
    assert link in response.text
    assert "<mark>Putin and NATO will see</mark>" in response.text  # in its sentence
    # the chart's numbers as a table: January and February 2024, one negative each
    assert '<th scope="row">January 2024</th>' in response.text
    assert russia_on.search_url.endswith("speaker_country=russia&target_country=ukraine")


def test_pair_page_filters_and_paginates(client, world, monkeypatch):
    monkeypatch.setattr(relation_views, "PAGE_SIZE", 2)
    for n in range(3):
        stated(world.lavrov, f"Kyiv is wrong {n}", [(world.ukraine, NEG)], published="2023-05-01")

    page2 = client.get(pair_url("russia", "ukraine"), {"page": 2})
    assert page2.context["page"].number == 2
    assert page2.context["page"].paginator.count == 6

    narrowed = client.get(pair_url("russia", "ukraine"), {"date_to": "2023-12-31"})
    assert narrowed.context["directions"][0].counts.total == 3
    assert narrowed.context["directions"][1].counts.total == 0


def test_pair_page_of_no_country_is_404_and_a_merged_country_redirects(client, world):
    assert client.get(pair_url("vladimir-putin", "ukraine")).status_code == 404
    assert client.get(pair_url("atlantis", "ukraine")).status_code == 404
    rossiya = country("Rossiya")
    services.actor_merge(source=rossiya, into=world.russia)

    response = client.get(pair_url("rossiya", "ukraine"), {"kind": "direct"})

    assert response.status_code == 301
    assert response.url == f"{pair_url('russia', 'ukraine')}?kind=direct"


def test_statement_search_filters_by_country(client, world):
    response = client.get(SEARCH, {"speaker_country": "Ukraine", "target_country": "russia"})

    assert [s.content for s in response.context["page"].object_list] == ["Putin and NATO will see"]


def test_statement_search_refuses_what_is_no_country(client, world):
    response = client.get(SEARCH, {"speaker_country": "Vladimir Putin"})

    assert response.context["page"] is None
    assert "No country is called “Vladimir Putin”" in response.text


def test_exports_filter_by_country(client, world):
    response = client.get(
        reverse("entities:statement_export_csv"), {"target_country": "united-states"}
    )
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [r["content"] for r in rows] == ["Biden is a partner"]

    bad = client.get(reverse("entities:statement_export_json"), {"target_country": "nowhere"})
    assert bad.status_code == 400
    assert "target_country" in bad.json()["errors"]


def test_actor_pair_page_draws_statements_by_month_and_stance(client, world):
    stated(world.zelensky, "Putin lies", [(world.putin, NEG)], published="2024-05-03")
    stated(world.putin, "Zelensky is weak", [(world.zelensky, NEG)], published="2024-04-03")

    response = client.get(reverse("entities:actor_pair", args=["volodymyr-zelensky",
                                                               "vladimir-putin"]))  # fmt: skip

    (a, b, counts, a_chart), (_, _, _, b_chart) = response.context["charts"]
    assert counts.negative == 2
    assert (a, b) == (world.zelensky, world.putin)
    # one axis for both directions: March to May 2024
    assert [bar.point.negative for bar in a_chart["bars"]] == [1, 0, 1]
    assert [bar.point.negative for bar in b_chart["bars"]] == [0, 1, 0]
    assert "Volodymyr Zelensky on Vladimir Putin: the numbers, month by month" in response.text
    assert 'class="seg-negative"' in response.text


def test_a_person_of_no_country_is_left_out(client, world):
    loner = person("Lone Voice", None)
    stated(loner, "Ukraine is fine", [(world.ukraine, NEG)])

    response = client.get(RELATIONS)

    assert "Lone Voice" not in response.text
    assert response.context["matrix"].total_countries == 3


@pytest.mark.parametrize("rows", [3, 30])
def test_relation_pages_run_a_bounded_number_of_queries(
    client, world, django_assert_max_num_queries, rows
):
    for n in range(rows):
        other = person(f"Official {n}", world.russia)
        stated(other, f"Kyiv is wrong {n}", [(world.ukraine, NEG), (world.zelensky, NEG)])
        stated(world.zelensky, f"Moscow lies {n}", [(other, NEG)], published="2024-04-01")

    # the countries' activity (two sums), the countries, the chosen cells, the pairs' count
    with django_assert_max_num_queries(5):
        client.get(RELATIONS)
    # per direction: the pair by month, speakers and verb classes (each with the two
    # countries' members); then the statements' count, page and targets
    with django_assert_max_num_queries(MAX_PAIR_QUERIES):
        response = client.get(pair_url("russia", "ukraine"))
    assert response.context["page"].paginator.count == 2 * rows + 3
