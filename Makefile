# The two commands: `make run` (serve on SQLite) and `make test` (suite on PostgreSQL).
SHELL := /bin/bash
PYTHON ?= python3
NEEDED_PYTHON := 3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
CONTENT := content/articles
HOST ?= 127.0.0.1
PORT ?= 8000
# The address `make run` and `make serve` serve on, written into Wagtail's Site record by their
# setup (absolute links); `make setup` alone leaves an existing record's address as it is.
run serve: export SITE_URL ?= http://$(HOST):$(PORT)

SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: setup install venv-check browser edge imap run serve worker test lint format bench audit

version = $(shell $(1) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)

$(PY):
	@[ "$(call version,$(PYTHON))" = "$(NEEDED_PYTHON)" ] || { echo "This project needs Python \
	$(NEEDED_PYTHON), but '$(PYTHON)' is $(or $(call version,$(PYTHON)),not found): install \
	python$(NEEDED_PYTHON), or run make with PYTHON=/path/to/python$(NEEDED_PYTHON)." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

## venv-check: a .venv built by another Python is rebuilt, never silently reused
venv-check:
	@if [ -e $(PY) ] && [ "$(call version,$(PY))" != "$(NEEDED_PYTHON)" ]; then \
		echo "Rebuilding .venv: it was built with Python $(or $(call version,$(PY)),that no \
		longer runs), this project needs $(NEEDED_PYTHON)." >&2; rm -rf $(VENV); fi

install: venv-check
	@$(MAKE) --no-print-directory $(STAMP)

## setup: venv, dependencies, migrations, site tree and the shipped articles (safe to repeat)
setup: install
	@$(PY) -m config.preflight --app
	$(PY) manage.py migrate --noinput
	$(PY) manage.py import_articles $(CONTENT)
	$(PY) manage.py draw_covers

## run: setup, then the worker and the site on http://$(HOST):$(PORT)/ (SQLite unless
## DATABASE_URL is set); Ctrl-C stops both
run: setup
	@$(PY) manage.py worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

## serve: the production stack here, in the foreground: Varnish on $(PORT), gunicorn behind
## it, the worker (DATABASE_URL/CACHE_URL from the environment); Ctrl-C stops all of it
serve: setup edge
	deploy/serve.sh

## worker: the background worker alone (lead e-mail, every-minute jobs), for this environment
worker: setup
	$(PY) manage.py worker

## browser: Debian's Chromium for the browser tests (Playwright cannot download its own here)
browser:
	@command -v chromium >/dev/null || { \
		echo "Installing Debian's chromium for the browser tests"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }

## edge: Debian's Varnish and varnish-modules (xkey, vsthrottle) for the edge cache
edge:
	@command -v varnishd >/dev/null && [ -e /usr/lib/$$(uname -m)-linux-gnu/varnish/vmods/libvmod_xkey.so ] || { \
		echo "Installing Debian's varnish and varnish-modules for the edge cache"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq varnish varnish-modules; }

## imap: Debian's dovecot-imapd, a real IMAP server the mailbox tests start on a port of their own
imap:
	@command -v dovecot >/dev/null || [ -x /usr/sbin/dovecot ] || { \
		echo "Installing Debian's dovecot-imapd for the mailbox tests"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq dovecot-imapd; }

## test: the test database checked first (one line if unreachable), then setup, ruff, and the
## whole suite (browser tests included) against PostgreSQL, in TEST_WORKERS processes (each with
## its own test database and Redis database); prints how long it all took
TEST_WORKERS ?= 2
test: install
	@start=$$(date +%s); \
	$(PY) -m config.preflight && \
	$(MAKE) --no-print-directory setup lint browser edge imap && \
	$(BIN)/pytest -n $(TEST_WORKERS); status=$$?; \
	echo "make test took $$(( ($$(date +%s) - start) / 60 )) min $$(( ($$(date +%s) - start) % 60 )) s"; \
	exit $$status

## bench: the production stack (make serve) measured by wrk against nginx (installs Debian's
## wrk and nginx-light if missing)
bench: setup edge
	@command -v wrk >/dev/null && command -v nginx >/dev/null || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wrk nginx-light; }
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
