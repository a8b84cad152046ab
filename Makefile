# Two commands on a fresh machine: `make run` and `make test`. Everything else they need, they install.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
DEV := DJANGO_SETTINGS_MODULE=cms.settings.dev
TEST := DJANGO_SETTINGS_MODULE=cms.settings.test
DATABASE_URL ?= postgres://nytorget:nytorget@127.0.0.1:5432/nytorget

.PHONY: run test lint install install-dev system-packages postgres messages format openapi browser-tools screenshots bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when the requirement files change.
.stamp-install: requirements.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

.stamp-install-dev: requirements.txt requirements-dev.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ .stamp-install

install: .stamp-install system-packages
install-dev: .stamp-install-dev system-packages

# msgfmt (gettext) compiles the interface translations.
system-packages:
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext)

# Headless Debian Chromium and its driver for the browser tests, and axe-core from npm
# (pinned in package-lock.json). apt-get runs only when something is missing.
browser-tools: node_modules/.stamp
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver)

node_modules/.stamp: package.json package-lock.json
	@command -v npm >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm)
	npm ci --no-audit --no-fund --silent
	touch $@

# PNGs of the main page types at 390 px and 1280 px under screenshots/ (SQLite demo site).
screenshots: install-dev browser-tools messages
	$(DEV) $(BIN)/python manage.py migrate --no-input -v 0
	$(DEV) $(BIN)/python manage.py screenshots

messages:
	cd $(CURDIR) && $(DEV) $(BIN)/python manage.py compilemessages --ignore=.venv -v 0

run: install messages
	$(DEV) $(BIN)/python manage.py migrate --no-input -v 0
	$(DEV) $(BIN)/python manage.py load_demo --admin-password admin
	@echo ""
	@echo "  Site:  http://127.0.0.1:$(PORT)/sv/  (English: /en/)"
	@echo "  Admin: http://127.0.0.1:$(PORT)/admin/  user: admin  password: admin  (development only)"
	@echo ""
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Starts the local PostgreSQL cluster when it is not running and makes the test role.
postgres:
	@command -v pg_ctlcluster >/dev/null || (apt-get update -qq && apt-get install -y -qq postgresql)
	@pg_lsclusters -h | grep -q online || pg_ctlcluster --skip-systemctl-redirect $$(pg_lsclusters -h | head -1 | cut -d' ' -f1) main start
	@su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='nytorget'\"" | grep -q 1 || \
		su postgres -c "psql -qc \"CREATE ROLE nytorget LOGIN CREATEDB PASSWORD 'nytorget'\""
	@su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='nytorget'\"" | grep -q 1 || \
		su postgres -c "createdb -O nytorget nytorget"

lint: install-dev
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-logo --no-cache
	$(TEST) $(BIN)/python manage.py check
	$(TEST) $(BIN)/python manage.py makemigrations --check --dry-run

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: install-dev messages postgres browser-tools lint
	$(TEST) DATABASE_URL=$(DATABASE_URL) $(BIN)/pytest --create-db $(PYTEST_ARGS)

# Load benchmark (bench/run.py, docs/performance.md): fills its own database once, then gunicorn
# with production settings under wrk. Never part of `make test`.
BENCH_DATABASE_URL ?= postgres://nytorget:nytorget@127.0.0.1:5432/nytorget_bench
bench: install messages postgres
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/pip install --quiet -r bench/requirements.txt
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/run.py $(BENCH_ARGS)

# Regenerates the committed OpenAPI document; cms/tests/test_api_contract.py fails until it matches.
openapi: install-dev
	$(DEV) $(BIN)/python manage.py export_openapi_schema --api wagtail.api.v3.api.api \
		--indent 2 --sorted --output docs/openapi.json

# The W3C Nu HTML checker (npm vnu-jar) in the test suite runs on Java: the browser tools bring it.
.PHONY: java lighthouse
java:
	@command -v java >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless)
browser-tools: java

# Lighthouse (npm, mobile preset) in Debian's Chromium on the main page types, production
# settings and a demo site of its own (bench/lighthouse.py); fails below 95. Not part of `make test`.
lighthouse: install-dev browser-tools messages
	$(BIN)/python bench/lighthouse.py $(LIGHTHOUSE_ARGS)
