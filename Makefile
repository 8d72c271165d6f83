# Everything a fresh clone needs, from a machine with Python 3.11 and make.
PYTHON ?= python3
VENV := .venv
TOOLS := .tools
UV := $(TOOLS)/bin/uv
UV_VERSION := 0.13.9
MANAGE := $(VENV)/bin/python manage.py
# Runs a command beside the local OpenSearch node (started unless
# ELASTICSEARCH_URL names an engine, stopped after the command).
WITH_SEARCH := $(VENV)/bin/python -m search.node run --
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# Test processes: one per core on the two-core machines the suite is sized for.
TEST_WORKERS ?= 2

export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
# Bytecode at install time, as the image does: a process that may not write
# __pycache__ (PYTHONDONTWRITEBYTECODE) would compile every import again.
export UV_COMPILE_BYTECODE := 1

.DEFAULT_GOAL := help
.PHONY: help setup run test lint format serve bench search-reindex clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-16s %s\n", $$1, $$2}'

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

setup: $(VENV)/.synced ## Create the virtual environment with the locked dependencies

# The site alone: no test or benchmark tools (--inexact keeps them if a
# `make setup` already installed them).
$(VENV)/.site-synced: pyproject.toml uv.lock | $(UV)
	@$(UV) sync --frozen --no-dev --inexact --quiet --python $(PYTHON)
	@touch $@

run: export DEBUG ?= true
run: export SITE_URL ?= http://$(HOST):$(PORT)
run: $(VENV)/.site-synced ## Migrate, load demo content, start the search engine and serve at http://$(HOST):$(PORT) (PORT=8101 to change)
	@$(MANAGE) migrate --noinput --verbosity 0
	@$(MANAGE) seed_demo --verbosity 0
	@$(WITH_SEARCH) sh -c '$(MANAGE) search_reindex --if-missing --no-progress && $(MANAGE) welcome && exec $(MANAGE) runserver $(HOST):$(PORT)'

test: setup ## Run the whole test suite (SQLite, or DATABASE_URL when set; starts its own search engine)
	$(VENV)/bin/pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

lint: setup ## Check style and lint rules
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup ## Format the code and apply safe lint fixes
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

serve: setup ## Production-style stack: gunicorn, task worker, scheduler (deploy/README.md)
	bash deploy/serve.sh

bench: setup ## Run the benchmark scripts and print their figures
	@# load_test.py needs a running server: see its docstring and bench/RESULTS.md.
	@for script in bench/*.py; do \
		[ "$$script" = bench/load_test.py ] && continue; \
		echo "== $$script"; $(VENV)/bin/python $$script || exit 1; \
	done

search-reindex: setup ## Rebuild the search index from the database and swap it in
	$(WITH_SEARCH) $(MANAGE) search_reindex

clean: ## Remove the virtual environments, the search engine download and local data
	rm -rf $(VENV) $(TOOLS) var media
