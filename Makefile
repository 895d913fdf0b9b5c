# newsapp: `make run` serves the app on http://127.0.0.1:8000; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test test-fast lint worker beat eval bench lock screenshots

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; v = sys.version_info; sys.exit(0 if v >= (3, 11) else "newsapp needs Python 3.11 or newer; $(PYTHON) is %d.%d" % v[:2])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# SQLite and in-process tasks unless DATABASE_URL / CELERY_BROKER_URL say otherwise.
run: export DJANGO_DEBUG ?= true
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py import_articles seeds/
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: export DJANGO_SECRET_KEY ?= test-only-secret-key
test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The developer's loop: everything but the tests that load the spaCy model or start processes,
# spread over the machine's cores; bytecode is kept so that each run does not compile again.
test-fast: export DJANGO_SECRET_KEY ?= test-only-secret-key
test-fast: export PYTHONDONTWRITEBYTECODE =
test-fast: install
	$(BIN)/python -m pytest -m "not slow" -n auto -q $(PYTEST_ARGS)

# mypy checks the modules listed in pyproject.toml's [tool.mypy]; its Django plugin loads the
# settings, which need a secret key outside DEBUG.
lint: export DJANGO_SECRET_KEY ?= lint-only-secret-key
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# A Celery worker, and the beat that runs the sweeper, for when CELERY_BROKER_URL is Redis.
worker: install
	$(BIN)/celery -A newsapp worker --loglevel=info

beat: install
	$(BIN)/celery -A newsapp beat --loglevel=info

# Extraction quality on the shared gold data (../shared/eval).
eval: install
	../shared/eval/dev-eval

# Benchmarks (figures recorded in docs/BENCHMARKS.md); textacy is the quote baseline.
bench: install
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev,bench]'
	$(BIN)/python bench/extract_throughput.py
	$(BIN)/python bench/quotes_vs_textacy.py

# Re-pin every dependency after changing pyproject.toml.
lock:
	rm -rf /tmp/newsapp-lock && $(PYTHON) -m venv /tmp/newsapp-lock
	/tmp/newsapp-lock/bin/pip install --quiet '.[dev,bench]'
	/tmp/newsapp-lock/bin/pip freeze --exclude-editable | grep -v '^newsapp' > requirements.lock

# PNGs of the main pages in docs/screenshots/ (a throwaway database; Debian's chromium).
screenshots: install
	$(BIN)/python scripts/screenshots.py
