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

.PHONY: setup install run test lint format

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

## test: setup, ruff, then the whole suite against PostgreSQL (TEST_DATABASE_URL)
test: setup lint
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
