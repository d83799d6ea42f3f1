# Zorgwijzer — the two commands: `make run` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
DEMO_ENV := DEBUG=1 ZORGWIJZER_DEMO=1

.PHONY: run test lint format typecheck checks suite suite-shifted suite-rq redis bench install install-dev assets messages clean system-packages

$(VENV)/bin/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is nodig ($(PYTHON) niet gevonden)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt | $(VENV)/bin/python
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PIP) install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime-installed $@

$(VENV)/.rq-installed: requirements-rq.txt $(VENV)/.dev-installed
	$(PIP) install --quiet -r requirements-rq.txt
	touch $@

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	npm ci --prefix frontend --no-audit --no-fund --loglevel=error
	touch $@

frontend/dist/.built: frontend/node_modules/.installed frontend/build.mjs
	npm run --prefix frontend --silent build
	touch $@

install: $(VENV)/.runtime-installed
install-dev: $(VENV)/.dev-installed
assets: frontend/dist/.built

## make run: install, migrate the SQLite database under var/, load the demo organisation,
## start web server + task worker + scheduler on http://127.0.0.1:8000 (Ctrl-C stops all).
run: install assets
	@mkdir -p var
	$(DEMO_ENV) $(PY) manage.py migrate --noinput
	$(DEMO_ENV) $(PY) manage.py demo
	$(DEMO_ENV) $(PY) bin/run-all

## make test: install what tests need (incl. Debian chromium), lint, type-check, whole suite.
test: install-dev assets system-packages lint typecheck checks suite

system-packages:
	@command -v chromium >/dev/null 2>&1 || { echo "chromium ontbreekt: installeren met apt-get"; \
		(apt-get install -y --no-install-recommends chromium || (apt-get update && apt-get install -y --no-install-recommends chromium)); }
	@command -v msgfmt >/dev/null 2>&1 || (apt-get install -y --no-install-recommends gettext || (apt-get update && apt-get install -y --no-install-recommends gettext))

lint: install-dev
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache

format: install-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

typecheck: install-dev
	DEBUG=1 $(VENV)/bin/mypy .

checks: install-dev
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run
	DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv --ignore=frontend --ignore=var -v0
	@test -z "$$(msgattrib --untranslated locale/en/LC_MESSAGES/django.po)" || \
	 { echo "locale/en/LC_MESSAGES/django.po has untranslated entries"; exit 1; }
	@test -z "$$(msgattrib --only-fuzzy locale/en/LC_MESSAGES/django.po)" || \
	 { echo "locale/en/LC_MESSAGES/django.po has fuzzy entries"; exit 1; }
	DEBUG=1 $(PY) manage.py check

## The pytest suite only (SQLite by default, PostgreSQL when DATABASE_URL is set).
## PYTEST_ARGS passes more, e.g. PYTEST_ARGS='-m "not crawl"' (.ci/run crawls on SQLite only).
## PYTEST_WORKERS: parallel pytest processes (pytest-xdist), one per core by default; 0 runs in one process.
PYTEST_ARGS ?=
PYTEST_WORKERS ?= auto
XDIST = $(if $(filter 0,$(PYTEST_WORKERS)),-p no:xdist,-n $(PYTEST_WORKERS) --dist worksteal)
suite: install-dev assets
	$(VENV)/bin/pytest $(XDIST) --durations=15 $(PYTEST_ARGS)

## The suite without browser tests, as if it were a year later (ZORGWIJZER_TEST_CLOCK_SHIFT_DAYS,
## see README.md): a test that depends on today's date fails now rather than on some later day.
## SHIFTED_MARKERS picks the tests (.ci/run leaves out the schemathesis fuzzing, run once in `make test`).
CLOCK_SHIFT_DAYS ?= 365
SHIFTED_MARKERS ?= not browser
suite-shifted: install-dev assets
	ZORGWIJZER_TEST_CLOCK_SHIFT_DAYS=$(CLOCK_SHIFT_DAYS) $(VENV)/bin/pytest $(XDIST) --durations=15 -m "$(SHIFTED_MARKERS)"

## The task, deadline and killed-worker tests (marker `tasks`) again on the django-tasks RQ backend
## with real RQ workers, and the two-server test (marker `multiprocess`), against Redis. The tests
## empty the Redis database they get before each test: RQ_REDIS_URL must be one of its own (not
## 0). One process (the tests share that database). With DATABASE_URL (PostgreSQL) the tests that
## need a second process on the same database run too; on SQLite they are skipped.
RQ_REDIS_URL ?= redis://127.0.0.1:6379/15
suite-rq: install-dev assets $(VENV)/.rq-installed redis
	REDIS_URL=$(RQ_REDIS_URL) $(VENV)/bin/pytest -p no:xdist --durations=10 -m "tasks or multiprocess" $(PYTEST_ARGS)

## Start the local Redis (127.0.0.1:6379) when it does not answer.
redis:
	@redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || { redis-server --daemonize yes --bind 127.0.0.1 --port 6379 >/dev/null; \
		for _ in $$(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.2; done; }
	@redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null || { echo "Redis op 127.0.0.1:6379 start niet"; exit 1; }

messages: install-dev
	DEBUG=1 $(PY) manage.py makemessages -l nl -l en --ignore=.venv --ignore=frontend --ignore=bench --ignore=var --no-obsolete
	DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv --ignore=frontend --ignore=var

bench: install-dev assets
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) frontend/node_modules staticfiles var/*.sqlite3*
