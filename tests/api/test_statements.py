"""/api/v1/statements/: search with the filters of the search page, one statement, export."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/statements/"


def ids(response) -> list[int]:
    return [row["id"] for row in response.json()["results"]]


def test_newest_article_first(api, world):
    assert ids(api.get(URL)) == [world["s3"].pk, world["s1"].pk, world["s2"].pk]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=neutral", ["s1"]),
        ("q=NEUTRAL+stay", ["s1"]),
        ("speaker=vladimir-putin", ["s1", "s2"]),
        ("target=vladimir-putin", ["s3"]),
        ("kind=indirect", ["s2"]),
        ("cue_class=warn", ["s2"]),
        ("date_from=2024-03-01", ["s3"]),
        ("date_to=2024-03-01", ["s1", "s2"]),
        ("publisher=reuters", ["s1", "s2"]),
        ("speaker=vladimir-putin&target=nato", ["s2"]),
        ("q=trusted&order=relevance", ["s3"]),
    ],
)
def test_filters(api, world, query, expected):
    assert ids(api.get(f"{URL}?{query}")) == [world[name].pk for name in expected]


def test_a_merged_speaker_slug_means_its_survivor(api, world):
    world["nato"].merged_into = world["putin"]
    world["nato"].save()
    assert ids(api.get(f"{URL}?speaker=nato")) == [world["s1"].pk, world["s2"].pk]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("speaker=nobody", "speaker"),
        ("target=nobody", "target"),
        ("kind=shouted", "kind"),
        ("order=random", "order"),
        ("date_to=2024-13-01", "date_to"),
    ],
)
def test_bad_filters_are_400_naming_the_parameter(api, world, query, field):
    response = api.get(f"{URL}?{query}")
    assert response.status_code == 400
    error = response.json()["error"]
    assert field in error["fields"]
    assert error["code"] != "None"


@pytest.mark.parametrize("url", [URL, "/api/v1/articles/", "/api/v1/graph/"])
def test_a_reversed_date_range_is_a_400(api, world, url):
    response = api.get(f"{url}?date_from=2024-06-01&date_to=2024-01-01")
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {
        "date_to": ["The end date is before the start date."]
    }


@pytest.mark.parametrize("path", [URL, URL + "export/", "/api/v1/articles/", "/api/v1/actors/"])
def test_an_overlong_query_is_a_400_not_a_500(api, world, path):
    # 600 distinct words: on SQLite one filter per word once made the expression too deep
    words = "+".join(f"w{n}" for n in range(600))
    response = api.get(f"{path}?q={words}")
    assert response.status_code == 400
    assert "q" in response.json()["error"]["fields"]


def test_every_bad_parameter_is_reported_at_once(api, world):
    fields = api.get(f"{URL}?speaker=nobody&date_from=2024-02-30").json()["error"]["fields"]
    assert set(fields) == {"speaker", "date_from"}


def test_one_statement_with_offsets_targets_and_permalink(api, world):
    statement = world["s1"]
    data = api.get(f"{URL}{statement.pk}/").json()
    assert data["speaker"]["slug"] == "vladimir-putin"
    assert (data["content_start"], data["content_end"]) == (11, 40)
    assert (data["cue_start"], data["speaker_end"]) == (6, 5)
    assert data["targets"] == [
        {
            "actor": {
                "id": world["ukraine"].pk,
                "slug": "ukraine",
                "name": "Ukraine",
                "kind": "country",
            },
            "start": 11,
            "end": 18,
            "stance": "neutral",
        }
    ]
    assert data["permalink"] == f"http://testserver/statements/{statement.pk}/"


def test_a_statement_in_one_piece_has_no_fragments(api, world):
    assert api.get(f"{URL}{world['s1'].pk}/").json()["fragments"] == []


def test_an_interrupted_quote_lists_its_fragments(api, world):
    statement = StatementFactory(
        article=world["old"], content_start=11, content_end=40, fragments=[[11, 20], [30, 40]]
    )

    data = api.get(f"{URL}{statement.pk}/").json()

    assert data["fragments"] == [[11, 20], [30, 40]]


def test_a_statement_without_speaker(api, world):
    statement = StatementFactory(article=world["old"], speaker=None)
    assert api.get(f"{URL}{statement.pk}/").json()["speaker"] is None


def test_unknown_statement_is_a_404(api, db):
    assert api.get(f"{URL}987654/").status_code == 404


def test_statements_page_with_a_cursor(api, world):
    first = api.get(f"{URL}?page_size=2").json()
    second = api.get(first["next"]).json()
    assert ids_of(first) + ids_of(second) == [world["s3"].pk, world["s1"].pk, world["s2"].pk]
    assert second["next"] is None


def ids_of(page: dict) -> list[int]:
    return [r["id"] for r in page["results"]]


# --- export ---------------------------------------------------------------------------------


def _body(response) -> str:
    assert response.streaming
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_export_csv_with_the_search_filters(api, world):
    response = api.get(f"{URL}export/?format=csv&speaker=vladimir-putin")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(_body(response))))
    assert [int(r["id"]) for r in rows] == [world["s1"].pk, world["s2"].pk]
    first = rows[0]
    assert first["speaker"] == "Vladimir Putin"
    assert first["cue"] == "said"
    assert first["targets"] == "Ukraine (neutral)"
    assert first["target_spans"] == "11-18"
    assert (first["content_start"], first["content_end"]) == ("11", "40")
    assert first["permalink"].endswith(f"/statements/{world['s1'].pk}/")
    assert first["permalink"].startswith("http://testserver/")


def test_export_json_lines(api, world):
    response = api.get(f"{URL}export/?format=jsonl")
    assert response["Content-Type"].startswith("application/jsonl")
    records = [json.loads(line) for line in _body(response).splitlines()]
    assert [r["id"] for r in records] == [world["s3"].pk, world["s1"].pk, world["s2"].pk]
    assert [t["name"] for t in records[0]["targets"]] == ["Vladimir Putin"]
    assert records[0]["target_spans"] == [[14, 19]]
    assert records[0]["speaker_slug"] == "volodymyr-zelensky"


def test_export_is_bounded_by_limit(api, world):
    response = api.get(f"{URL}export/?format=jsonl&limit=2")
    assert len(_body(response).splitlines()) == 2
    too_many = api.get(f"{URL}export/?format=jsonl&limit=100001")
    assert too_many.status_code == 400
    assert "limit" in too_many.json()["error"]["fields"]


def test_export_neutralises_spreadsheet_formulas(api, world):
    StatementFactory(article=world["new"], speaker=world["putin"], content="=HYPERLINK(1)")
    rows = list(csv.DictReader(io.StringIO(_body(api.get(f"{URL}export/?q=hyperlink")))))
    assert rows[0]["content"] == "'=HYPERLINK(1)"


def test_export_of_an_unknown_format_is_a_json_400(api, world):
    response = api.get(f"{URL}export/?format=xml")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "format" in response.json()["error"]["fields"]


def test_relevance_pages_visit_every_match_once(api):
    """Cursor pages ordered by full-text rank (PostgreSQL; by date on SQLite) neither repeat
    nor skip a statement, ranks tied or not."""
    made = [
        StatementFactory(content=" ".join(["sanctions"] * (1 + i % 4) + ["on", f"item{i}"]))
        for i in range(13)
    ]
    seen: list[int] = []
    url = f"{URL}?q=sanctions&order=relevance&page_size=3"
    while url:
        body = api.get(url).json()
        seen += [row["id"] for row in body["results"]]
        url = body["next"]
    assert sorted(seen) == sorted(s.pk for s in made)


def test_each_target_carries_the_speakers_stance(api, db):
    from tests.factories import StatementTargetFactory

    target = StatementTargetFactory(stance="negative")

    found = api.get("/api/v1/statements/").json()["results"]

    (statement,) = [s for s in found if s["id"] == target.statement_id]
    assert statement["targets"][0]["stance"] == "negative"


def test_the_export_lists_each_targets_stance(api, db):
    from tests.factories import StatementTargetFactory

    target = StatementTargetFactory(stance="positive")

    body = b"".join(api.get("/api/v1/statements/export/?format=jsonl").streaming_content)

    (record,) = [json.loads(line) for line in body.decode().splitlines()]
    assert record["targets"] == [
        {
            "name": target.actor.name,
            "slug": target.actor.slug,
            "stance": "positive",
            "url": f"http://testserver/actors/{target.actor.slug}/",
        }
    ]
    assert record["target_stances"] == ["positive"]


def test_stance_filters_statements_by_the_speakers_stance_toward_the_target(api, db):
    from tests.factories import ActorFactory, StatementTargetFactory

    korea = ActorFactory(name="North Korea", slug="north-korea")
    hostile = StatementTargetFactory(actor=korea, stance="negative")
    StatementTargetFactory(actor=korea, stance="positive")
    StatementTargetFactory(stance="negative")  # negative, but about someone else

    found = api.get("/api/v1/statements/?target=north-korea&stance=negative").json()

    assert [s["id"] for s in found["results"]] == [hostile.statement_id]


def test_an_unknown_stance_is_refused(api, db):
    response = api.get("/api/v1/statements/?stance=angry")

    assert response.status_code == 400
    assert "stance" in response.json()["error"]["fields"]
