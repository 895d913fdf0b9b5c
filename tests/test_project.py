"""The project's own wiring: settings, migrations, checks and the compose file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[1]


def _python(code: str, **env: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "newsapp.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = _python("import django; django.setup()", DJANGO_DEBUG="false")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_debug_settings_start_without_a_secret_key():
    result = _python(
        "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)",
        DJANGO_DEBUG="true",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_without_a_broker_tasks_run_in_process():
    code = (
        "import django; django.setup(); from django.conf import settings;"
        "print(settings.CELERY_TASK_ALWAYS_EAGER)"
    )
    result = _python(code, DJANGO_DEBUG="true", CELERY_BROKER_URL="")

    assert result.stdout.strip() == "True", result.stderr


@pytest.mark.django_db
def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_system_checks_pass():
    call_command("check", fail_level="WARNING")


def test_compose_file_runs_postgres_redis_web_worker_and_beat():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]

    assert {"postgres", "redis", "web", "worker", "beat"} <= set(services)
    assert services["beat"]["command"][:4] == ["celery", "-A", "newsapp", "beat"]
    assert "gunicorn newsapp.wsgi" in services["web"]["command"]
    assert services["worker"]["command"][:4] == ["celery", "-A", "newsapp", "worker"]
    for name in ("web", "worker", "beat"):
        env = services[name]["environment"]
        assert env["DATABASE_URL"].startswith("postgres://")
        assert env["CELERY_BROKER_URL"].startswith("redis://redis:")
        assert set(services[name]["depends_on"]) == {"postgres", "redis"}


def test_dockerfile_installs_from_the_lock_file():
    dockerfile = (ROOT / "Dockerfile").read_text()

    assert "pip install -c requirements.lock" in dockerfile
    assert "gunicorn" in dockerfile


def test_django_setup_and_the_system_check_do_not_import_spacy():
    # Start-up stays cheap: the check asks whether the model is installed without loading it.
    result = _python(
        "import sys, django; django.setup(); "
        "from django.core import checks; checks.run_checks(); "
        "print(sorted(m for m in sys.modules if m == 'spacy' or m.startswith('spacy.')))",
        DJANGO_DEBUG="true",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
