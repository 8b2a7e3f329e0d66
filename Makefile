# Two commands for a newcomer: `make run` (demo site on http://127.0.0.1:8000) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-fast install assets lint format migrations-check browser bench clean

run: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo
	@echo "Serving on http://$(HOST):$(PORT)/, with the task worker for large files and reminders (stop both with Ctrl+C)"
	$(PY) manage.py db_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(PY) manage.py runserver $(HOST):$(PORT)

test: install browser migrations-check
	scripts/run-tests

# Everything but the browser journeys and the cost measurements, on SQLite: for a quick check
# while working. `make test` (what CI runs) is still the one that counts.
test-fast: install migrations-check
	env -u DATABASE_URL $(PY) -m pytest -m "not slow and not browser" -n 2 -q

install: $(VENV)/.installed static/build/main.css

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/build/main.css: node_modules/.installed static/scss/main.scss static/scripts/copy-assets.js
	npm run --silent build

assets: node_modules/.installed
	npm run --silent build

# The browser tests drive Debian's Chromium (test tools cannot download browsers here); the
# PDF tests need Liberation Sans and HarfBuzz's subsetter. Installed with apt when missing.
browser:
	@scripts/ensure-chromium

# Generates the national data set in PostgreSQL (database sli_bench) if missing, then measures
# pages, PDFs and spreadsheets; writes benchmarks/RESULTS.md. Needs PostgreSQL and wrk.
bench: install
	@scripts/ensure-chromium --benchmark
	$(PY) manage.py benchmark

migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) node_modules static/build static/govuk staticfiles
