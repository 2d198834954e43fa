# The two commands: `make run` (serve on SQLite) and `make test` (suite on PostgreSQL).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
CONTENT := content/articles
HOST ?= 127.0.0.1
PORT ?= 8000

SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: setup install browser run test lint format bench audit

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(STAMP)

## setup: venv, dependencies, migrations, site tree and the shipped articles (safe to repeat)
setup: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py import_articles $(CONTENT)

## run: setup, then serve on http://$(HOST):$(PORT)/ (SQLite unless DATABASE_URL is set)
run: setup
	$(PY) manage.py runserver $(HOST):$(PORT)

## browser: Debian's Chromium for the browser tests (Playwright cannot download its own here)
browser:
	@command -v chromium >/dev/null || { \
		echo "Installing Debian's chromium for the browser tests"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }

## test: setup, ruff, then the whole suite (browser tests included) against PostgreSQL
test: setup lint browser
	$(BIN)/pytest

## bench: gunicorn with production settings measured by wrk (installs Debian's wrk if missing)
bench: setup
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wrk; }
	mkdir -p build
	benchmarks/run.sh

## audit: Lighthouse scores of an article page (npm's lighthouse, Debian's Chromium)
audit: setup browser
	cd audit && npm ci --no-audit --no-fund --loglevel=error
	mkdir -p build
	audit/run.sh

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
