"""`python -m entities.nlp predict IN OUT` writes the prediction format of shared/eval/README.md."""

import json

import pytest

from entities.nlp.__main__ import main

pytestmark = pytest.mark.slow

# A title line, double spaces before the quote and a second, reported statement.
TEXT = (
    "Lavrov Rejects Threats\n\n"
    "Sergei  Lavrov arrived in  Beijing on Monday.  "
    "“We will not accept any threats to our sovereignty,” he said.\n\n"
    "The talks lasted four hours, and Lavrov said that the sanctions against Russia had failed."
)
RECORDS = [
    {"id": "with-quotes", "text": TEXT},
    {"id": "no-quotes", "text": "The weather in Geneva was mild on Monday."},
]
QUOTE_KEYS = {
    "quote",
    "quote_start",
    "quote_end",
    "speaker",
    "speaker_start",
    "speaker_end",
    "speaker_actor",
    "cue",
    "kind",
    "about",
}


def run_predict(tmp_path, records, *options):
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    code = main(["predict", str(source), str(target), *options])
    assert code == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def lines(tmp_path_factory):
    return run_predict(tmp_path_factory.mktemp("predict"), RECORDS)


@pytest.fixture(scope="module")
def predictions(lines):
    return {p["id"]: p for p in lines}


def quotes_of(predictions):
    quotes = predictions["with-quotes"]["quotes"]
    assert quotes, "expected statements in the record with quotes"
    return quotes


def test_one_prediction_per_record_with_the_same_ids(lines):
    assert [p["id"] for p in lines] == ["with-quotes", "no-quotes"]


def test_record_without_statements_has_an_empty_quote_list(predictions):
    assert predictions["no-quotes"]["quotes"] == []


def test_every_quote_has_the_fields_of_the_format(predictions):
    for quote in quotes_of(predictions):
        assert set(quote) >= QUOTE_KEYS, QUOTE_KEYS - set(quote)
        assert quote["kind"] in {"direct", "mixed", "indirect"}
        assert isinstance(quote["about"], list)


def test_quote_offsets_point_into_the_input_text(predictions):
    for quote in quotes_of(predictions):
        assert TEXT[quote["quote_start"] : quote["quote_end"]] == quote["quote"]


def test_speaker_offsets_point_into_the_input_text(predictions):
    for quote in quotes_of(predictions):
        assert TEXT[quote["speaker_start"] : quote["speaker_end"]] == quote["speaker"]


def test_direct_quote_after_the_title_and_double_spaces_is_predicted(predictions):
    direct = [q for q in quotes_of(predictions) if q["kind"] == "direct"]

    assert [q["quote"] for q in direct] == ["We will not accept any threats to our sovereignty,"]
    assert direct[0]["speaker"] == "he"
    assert direct[0]["speaker_actor"] == "Sergei Lavrov"


def test_reported_statement_names_what_it_is_about(predictions):
    reported = [q for q in quotes_of(predictions) if q["kind"] == "indirect"]

    assert [q["quote"] for q in reported] == ["the sanctions against Russia had failed"]
    assert reported[0]["about"] == ["Russia"]
    assert reported[0]["cue"] == "said"


def test_quote_offsets_point_into_an_html_input_text(tmp_path):
    # The README asks for offsets into each record's text as given, HTML included.
    html = (
        "<html><head><title>Lavrov in Beijing</title></head><body><article>"
        "<h1>Lavrov in Beijing</h1>"
        "<p>Sergei Lavrov arrived in Beijing on Monday for two days of talks.</p>"
        "<p>Sergei Lavrov said that the sanctions against Russia had failed.</p>"
        "</article></body></html>"
    )

    [prediction] = run_predict(tmp_path, [{"id": "html", "text": html}])

    assert prediction["quotes"]
    for quote in prediction["quotes"]:
        assert html[quote["quote_start"] : quote["quote_end"]] == quote["quote"]


def test_kinds_option_writes_only_statements_of_those_kinds(tmp_path):
    [prediction] = run_predict(tmp_path, RECORDS[:1], "--kinds", "direct")

    assert [(q["kind"], q["quote"]) for q in prediction["quotes"]] == [
        ("direct", "We will not accept any threats to our sovereignty,")
    ]


def test_an_unknown_kind_is_refused_with_the_kinds_there_are(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(RECORDS[0]) + "\n", encoding="utf-8")

    with pytest.raises(SystemExit) as exit_info:
        main(["predict", str(source), str(tmp_path / "out.jsonl"), "--kinds", "direct,quotes"])

    assert exit_info.value.code == 2
    assert "--kinds takes direct, mixed, indirect; not quotes" in capsys.readouterr().err
    assert not (tmp_path / "out.jsonl").exists()


def test_each_record_lists_the_actors_found_with_kind_country_and_aliases(predictions):
    actors = {a["name"]: a for a in predictions["with-quotes"]["actors"]}

    assert actors["Sergei Lavrov"]["kind"] == "person"
    assert "Lavrov" in actors["Sergei Lavrov"]["aliases"]
    assert actors["China"]["kind"] == "country"
    assert "Beijing" in actors["China"]["aliases"]
    assert set(actors["Russia"]) == {"name", "kind", "country", "aliases"}


def test_a_headline_statement_points_into_the_title_of_the_input(tmp_path):
    text = (
        "Lavrov says Ukraine attacked Putin's residence\n\n"
        "Russian Foreign Minister Sergei Lavrov told reporters in Moscow that Ukraine had "
        "launched 91 drones at the residence."
    )

    (out,) = run_predict(tmp_path, [{"id": "headline", "text": text}])

    first = min(out["quotes"], key=lambda q: q["quote_start"])
    assert first["quote_end"] <= text.index("\n")
    assert text[first["quote_start"] : first["quote_end"]] == first["quote"]
    assert first["speaker_actor"] == "Sergei Lavrov"
