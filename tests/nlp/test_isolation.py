"""The NLP core imports neither Django nor the app's models (checked in a fresh interpreter)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
import entities.nlp
import entities.nlp.extractor
import entities.nlp.__main__
leaked = sorted(
    m for m in sys.modules
    if m == "django" or m.startswith("django.") or m == "entities.models"
)
print(json.dumps(leaked))
"""


def _run(code: str) -> str:
    """What `code` prints in a fresh interpreter started in the project root."""
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return done.stdout.strip()


@pytest.mark.slow
def test_importing_the_nlp_core_loads_no_django_module():
    assert json.loads(_run(PROBE).splitlines()[-1]) == []


@pytest.mark.slow
def test_the_extract_function_is_reachable_whatever_was_imported_first():
    # The core is imported lazily; importing a submodule first must not shadow a function.
    probe = (
        "import entities.nlp.extractor, entities.nlp.statements, entities.nlp; "
        "from entities.nlp import extract, extract_clean, extract_many; "
        "print(all(callable(f) for f in (extract, extract_clean, extract_many)))"
    )
    assert _run(probe) == "True"
