# Assistant recouvrement — every entry point a newcomer needs.
# `make run` and `make test` work from a fresh clone with only Python 3.11.

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
DEV_ENV := DJANGO_DEBUG=1 SITE_URL=http://127.0.0.1:$(PORT)
# Bytecode is cached (__pycache__/, git-ignored) even where the caller's
# environment says not to: `make test` starts some 20 Python processes (the
# xdist workers of both databases, the subprocess tests), and each would
# otherwise compile the project and rewrite the test modules' assertions anew.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: install run serve test lint test-sqlite test-postgres screenshots bench clean help var

help:
	@echo "make run    install, migrate, seed demo data, serve on http://127.0.0.1:$(PORT)"
	@echo "make test   lint, checks and the whole suite on SQLite and PostgreSQL"
	@echo "make serve  production-like local server (gunicorn, DEBUG off)"
	@echo "make screenshots  the browser tests, saving each page they check as a PNG"
	@echo "make bench  benchmarks (ratios against baselines measured in the same run)"

$(STAMP): pyproject.toml package-lock.json
	@scripts/check-system.sh
	@# The venv is made without pip (ensurepip: 3 s), uv is put in it by the
	@# system's pip, and uv installs the project and pip itself: 15 s -> 5 s on a
	@# fresh clone (uv, like pip --no-compile, writes bytecode on first import).
	@test -x $(BIN)/python || $(PYTHON) -m venv --without-pip $(VENV)
	@# Without pip for the system's Python (Debian's python3-pip), the venv's own.
	@test -x $(BIN)/uv || $(PYTHON) -m pip --python $(BIN)/python install --quiet 'uv>=0.13,<1' \
	  || { $(BIN)/python -m ensurepip --default-pip >/dev/null \
	       && $(BIN)/python -m pip install --quiet 'uv>=0.13,<1'; }
	@# uv reads none of pip's configuration (index, certificates): where it
	@# cannot install, pip does, as configured.
	@echo "uv pip install -e '.[dev]' (into $(VENV))"
	@$(BIN)/uv pip install --python $(BIN)/python --quiet pip -e '.[dev]' \
	  || { echo "uv failed: installing with pip instead" >&2; \
	       $(BIN)/python -m ensurepip --default-pip >/dev/null \
	       && $(BIN)/python -m pip install --quiet -e '.[dev]'; }
	npm ci --no-audit --no-fund --silent
	@touch $(STAMP)

install: $(STAMP)

# Local state (database, scans, PDFs, secret key): owner-only.
var:
	@umask 077 && mkdir -p var/private && chmod 700 var var/private

run: install var
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py seed_demo
	@echo "Serving on http://127.0.0.1:$(PORT)/ with the reading worker (Ctrl+C stops both)"
	$(DEV_ENV) PYTHON=$(BIN)/python scripts/with-worker.sh \
	  $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

var/secret_key: | var
	@umask 077 && $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@

serve: install var var/secret_key
	DJANGO_SECRET_KEY=$$(cat var/secret_key) DJANGO_HTTPS=0 $(BIN)/python manage.py migrate --noinput
	DJANGO_SECRET_KEY=$$(cat var/secret_key) DJANGO_HTTPS=0 $(BIN)/python manage.py collectstatic --noinput -v0
	@echo "Serving (DEBUG off) on http://127.0.0.1:$(PORT)/ with the reading worker"
	@# gthread: a thread waiting for a PDF does not hold a page request back;
	@# LETTERS_PDF_ISOLATION=process: PDFs render in one niced worker process
	@# per web process, with a hard timeout (letters/rendering.py, bench item 5).
	@# scripts/with-worker.sh: `manage.py db_worker` (READING_WORKERS of them)
	@# beside gunicorn, stopped with it.
	DJANGO_SECRET_KEY=$$(cat var/secret_key) DJANGO_HTTPS=0 LETTERS_PDF_ISOLATION=process \
	  SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)} PYTHON=$(BIN)/python \
	  scripts/with-worker.sh \
	  $(BIN)/gunicorn intrum_assistant.wsgi --bind 127.0.0.1:$(PORT) \
	  --workers $${WEB_CONCURRENCY:-2} --worker-class gthread --threads 2 \
	  --preload --timeout 30 --access-logfile - \
	  --logger-class intrum_assistant.logs.GunicornLogger

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy --strict dossiers/law reading/extraction

# Two processes (pytest-xdist): the suite is CPU-bound and the machine has 2 cores.
# Default scheduling: each process runs its tests in collection order, where
# pytest-django puts the tests that flush the database (browser walks) after
# those that need the migrations' rows. (--dist worksteal ended both processes
# together, but a stolen test could then run after a flush and fail.)
PYTEST := $(BIN)/pytest -n $${PYTEST_WORKERS:-2}
# PostgreSQL runs every test that can reach the database but the browser walks
# and the OCR accuracy checks: they exercise no database behaviour the client
# tests do not. Tests that cannot reach it (``nodb``, set by tests/conftest.py:
# the law, the extraction, the renderers, processes with their own settings)
# give the same answer on any database; a test marked ``postgres_covered_by``
# names the test of its module that sends PostgreSQL the same statements
# (README, Tests).
ON_POSTGRES := -m "not e2e and not ocr and not nodb and not postgres_covered_by"

test-sqlite: install
	$(PYTEST)

test-postgres: install
	scripts/with-postgres.sh $(PYTEST) $(ON_POSTGRES)

# `manage.py check` (as `make run` starts) and `makemigrations --check` are
# tests of the suite (tests/project/test_checks.py): they run beside the others.
test: lint var
	@echo "== pytest on SQLite =="
	$(PYTEST)
	@echo "== pytest on PostgreSQL =="
	scripts/with-postgres.sh $(PYTEST) $(ON_POSTGRES)

# The browser tests again, saving a full-page PNG of every page they check
# under tests/e2e/artifacts/ (`make test` takes none: they assert nothing).
screenshots: install
	$(PYTEST) tests/e2e --screenshots

# Setup step: bench/wrk.py installs Debian's wrk (load generator) if missing.
bench: install
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) var/staticfiles .pytest_cache .mypy_cache .ruff_cache
