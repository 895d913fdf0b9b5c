"""One export record for the page and the API: the sentence, the speaker's country, targets with
their stance; CSV with a byte order mark; a file name that says what was searched and when."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from entities import exports
from entities.models import Actor
from tests.factories import ActorFactory
from tests.helpers import said

pytestmark = pytest.mark.django_db

PAGE_CSV, PAGE_JSON = "/statements/export.csv", "/statements/export.json"
API = "/api/v1/statements/export/"


@pytest.fixture
def peskov_on_korea():
    russia = ActorFactory(name="Russia", slug="russia", kind=Actor.Kind.COUNTRY)
    peskov = ActorFactory(name="Dmitry Peskov", slug="dmitry-peskov", country=russia)
    korea = ActorFactory(name="North Korea", slug="north-korea", kind=Actor.Kind.COUNTRY)
    nato = ActorFactory(name="NATO", slug="nato", kind=Actor.Kind.ORGANIZATION)
    statement = said(peskov, "Pyongyang is a partner’s friend", about=[korea, nato])
    first, second = statement.targets.order_by("pk")
    first.stance, second.stance = "positive", "negative"
    first.save()
    second.save()
    return statement


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def _csv(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(_body(response).decode("utf-8-sig"))))


def test_csv_starts_with_a_byte_order_mark_on_the_page_and_the_api(client, peskov_on_korea):
    for response in (client.get(PAGE_CSV), APIClient().get(API)):
        body = _body(response)
        assert body.startswith("\ufeff".encode()), response.request["PATH_INFO"]
        assert body.count("\ufeff".encode()) == 1
        assert "partner’s" in body.decode("utf-8-sig")


def test_the_record_holds_sentence_country_and_targets_with_stance(client, peskov_on_korea):
    (row,) = _csv(client.get(PAGE_CSV))
    assert row["speaker_country"] == "Russia"
    assert row["sentence"] == 'Dmitry Peskov said: "Pyongyang is a partner’s friend"'
    assert row["targets"] == "North Korea (positive); NATO (negative)"

    (record,) = json.loads(_body(client.get(PAGE_JSON)))["results"]
    assert record["sentence"] == row["sentence"]
    assert record["speaker_country"] == "Russia"
    assert [(t["name"], t["stance"]) for t in record["targets"]] == [
        ("North Korea", "positive"),
        ("NATO", "negative"),
    ]
    assert record["targets"][0]["url"] == "http://testserver/actors/north-korea/"


def test_page_and_api_share_the_columns(client, peskov_on_korea):
    page = _csv(client.get(PAGE_CSV))
    api = _csv(APIClient().get(API))
    assert list(page[0]) == list(api[0]) == exports.COLUMNS
    (line,) = _body(APIClient().get(API, {"format": "jsonl"})).decode().splitlines()
    (document,) = json.loads(_body(client.get(PAGE_JSON)))["results"]
    assert list(json.loads(line)) == list(document) == exports.COLUMNS


def test_the_file_name_says_what_was_searched_and_when(client, peskov_on_korea):
    today = timezone.localdate().isoformat()
    filters = {"speaker": "dmitry-peskov", "target": "north-korea"}
    expected = f"statements-dmitry-peskov-north-korea-{today}"
    responses = {
        "csv": [client.get(PAGE_CSV, filters), APIClient().get(API, filters)],
        "json": [client.get(PAGE_JSON, filters)],
        "jsonl": [APIClient().get(API, {**filters, "format": "jsonl"})],
    }
    for extension, answers in responses.items():
        for response in answers:
            assert response["Content-Disposition"] == (
                f'attachment; filename="{expected}.{extension}"'
            )


def test_a_file_name_is_bounded_and_safe():
    name = exports.export_filename(
        {"query": 'Ünïcode "quotes"/../ and ' + "very long words " * 20, "kind": "direct"},
        extension="csv",
        today=date(2026, 11, 30),
    )
    assert name.startswith("statements-unicode-quotes-and-very-long-words")
    assert name.endswith("-2026-11-30.csv")
    words = name.removeprefix("statements-").removesuffix("-2026-11-30.csv")
    assert len(words) <= exports.FILENAME_WORDS
    assert set(name) <= set("abcdefghijklmnopqrstuvwxyz0123456789-.")
    assert exports.export_filename({}, extension="json", today=date(2026, 1, 2)) == (
        "statements-2026-01-02.json"
    )


def test_one_definition_of_the_record():
    from entities.api import export
    from entities.views import statements

    assert export.statement_record is exports.statement_record
    assert export.COLUMNS is exports.COLUMNS
    assert not hasattr(statements, "statement_record")
