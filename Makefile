# Two commands on a fresh machine: `make run` and `make test`. Everything else they need, they install.

# The Python: PYTHON if set, else the newest python3.13, python3.12, python3.11 or python3 on the
# PATH that is 3.11 or newer (scripts/find-python says what it tried when none is).
PY := $(shell sh scripts/find-python)
ifeq ($(PY),)
$(error No Python 3.11 or newer)
endif
PY_VERSION := $(shell $(PY) -c 'import platform; print(platform.python_version())')
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
DEV := DJANGO_SETTINGS_MODULE=cms.settings.dev
TEST := DJANGO_SETTINGS_MODULE=cms.settings.test
DATABASE_URL ?= postgres://nytorget:nytorget@127.0.0.1:5432/nytorget

# uv makes the locks and installs them (exactly, in seconds). Its version is pinned so every
# machine resolves alike; it lives in .tools/, outside the venv, which holds only the lock.
UV_VERSION := 0.13.9
UV := .tools/uv-$(UV_VERSION)/bin/uv
# uv trusts the machine's certificate store, as pip and curl do, and never downloads a Python.
export UV_SYSTEM_CERTS ?= 1
export UV_PYTHON_DOWNLOADS ?= never

.PHONY: run test lint install install-dev system-packages postgres messages format openapi browser-tools screenshots bench lock upgrade lock-check

$(UV):
	$(PY) -m venv .tools/uv-$(UV_VERSION)
	.tools/uv-$(UV_VERSION)/bin/pip install --quiet uv==$(UV_VERSION)

# A venv belongs to the Python that made it: when make picks another one, the venv is made anew.
$(VENV)/.python-$(PY_VERSION): | $(UV)
	rm -rf $(VENV)
	@echo "Making $(VENV) with Python $(PY_VERSION) ($(PY))"
	$(UV) venv --quiet --python $(PY) $(VENV)
	touch $@

# The venv holds exactly a lock (uv pip sync also removes what the lock does not list), synced
# again only when the lock changes. The development lock holds the runtime lock's versions too,
# so it serves `make run` as well.
$(VENV)/.synced: requirements.lock $(VENV)/.python-$(PY_VERSION)
	$(UV) pip sync --quiet --require-hashes --python $(BIN)/python requirements.lock
	rm -f $(VENV)/.synced-dev
	touch $@

$(VENV)/.synced-dev: requirements-dev.lock $(VENV)/.python-$(PY_VERSION)
	$(UV) pip sync --quiet --require-hashes --python $(BIN)/python requirements-dev.lock
	touch $@ $(VENV)/.synced

install: $(VENV)/.synced system-packages
install-dev: $(VENV)/.synced-dev system-packages

# The locks: resolved once for every supported Python (a marker where a version differs) with
# the hash of every file of each release. The development lock is constrained by the runtime
# lock, so both hold the same versions. Existing pins are kept unless UPGRADE says otherwise.
LOCK = $(UV) pip compile --quiet --universal --python-version 3.11 --generate-hashes \
	--custom-compile-command "make lock" $(UPGRADE)

# After editing requirements*.txt: pins what changed, keeps the rest, prints the difference.
lock: $(UV)
	@rm -rf .tools/before && mkdir -p .tools/before && cp requirements*.lock .tools/before/ 2>/dev/null || true
	$(LOCK) requirements.txt -o requirements.lock
	$(LOCK) -c requirements.lock requirements-dev.txt -o requirements-dev.lock
	@$(PY) scripts/lock_diff.py .tools/before .

# The newest versions that requirements*.txt allow: all, or only PACKAGES="django wagtail".
upgrade:
	@$(MAKE) --no-print-directory lock UPGRADE="$(if $(PACKAGES),$(addprefix -P ,$(PACKAGES)),--upgrade)"

# Fails when requirements*.txt and the locks disagree (someone edited one and did not run
# `make lock`): resolves afresh beside the locks and compares the versions.
lock-check: $(UV)
	@rm -rf .tools/check && mkdir -p .tools/check && cp requirements*.lock .tools/check/
	@$(LOCK) requirements.txt -o .tools/check/requirements.lock
	@$(LOCK) -c .tools/check/requirements.lock requirements-dev.txt -o .tools/check/requirements-dev.lock
	@$(PY) scripts/lock_diff.py --check . .tools/check

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
	cd $(CURDIR) && $(DEV) $(BIN)/python manage.py compilemessages --ignore='.venv*' --ignore=.tools -v 0

run: install messages
	$(DEV) $(BIN)/python manage.py migrate --no-input -v 0
	$(DEV) $(BIN)/python manage.py load_demo --admin-password admin --site-address 127.0.0.1:$(PORT)
	@echo ""
	@echo "  Site:  http://127.0.0.1:$(PORT)/sv/  (English: /en/)"
	@echo "  Admin: http://127.0.0.1:$(PORT)/admin/  user: admin  password: admin  (development only)"
	@echo ""
	$(DEV) $(BIN)/python manage.py run_worker & WORKER=$$!; trap 'kill $$WORKER 2>/dev/null' EXIT INT TERM; $(DEV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Starts the local PostgreSQL cluster when it is not running and makes the test role.
postgres:
	@command -v pg_ctlcluster >/dev/null || (apt-get update -qq && apt-get install -y -qq postgresql)
	@command -v redis-server >/dev/null || (apt-get update -qq && apt-get install -y -qq redis-server)
	@pg_lsclusters -h | grep -q online || pg_ctlcluster --skip-systemctl-redirect $$(pg_lsclusters -h | head -1 | cut -d' ' -f1) main start
	@su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='nytorget'\"" | grep -q 1 || \
		su postgres -c "psql -qc \"CREATE ROLE nytorget LOGIN CREATEDB PASSWORD 'nytorget'\""
	@su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='nytorget'\"" | grep -q 1 || \
		su postgres -c "createdb -O nytorget nytorget"

lint: install-dev lock-check
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
	$(UV) pip install --quiet --python $(BIN)/python -c requirements.lock -r bench/requirements.txt
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
