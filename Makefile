# de165 — the two commands: `make demo` and `make test`. See README.md.
PYTHON ?= python3
PORT ?= 8000
CADRES ?= 5000
SEED ?= 165
VENV := .venv
PY := $(VENV)/bin/python
UV_VERSION := 0.13.8
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_LINK_MODE := copy

.PHONY: demo test coverage venv serve migrate data chromium lint format messages check-deploy bench clean

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv==$(UV_VERSION)

$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

venv: $(VENV)/.synced

migrate: venv
	mkdir -p var
	$(PY) manage.py migrate --noinput

data: migrate
	$(PY) manage.py seed_reference_data
	$(PY) manage.py generate_demo_data --cadres $(CADRES) --seed $(SEED) --if-empty
	$(PY) manage.py create_demo_users

serve: venv
	PORT=$(PORT) PY=$(PY) bash scripts/serve.sh

## make demo — install, migrate SQLite, load reference and demo data, print logins, serve on $(PORT).
demo: data serve

chromium:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing and we are not root: browser tests will be skipped"; fi; \
	fi

## make test — install what tests need and run the whole suite (DATABASE_URL or SQLite).
test: venv chromium
	$(PY) -m pytest -n 2 --dist loadfile -q $(PYTEST_ARGS)

## make coverage — the suite with a coverage report of services, selectors, permissions, rules.
coverage: venv
	$(PY) -m pytest -n 2 --dist loadfile -q --cov --cov-report=term $(PYTEST_ARGS)

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: venv
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: venv
	$(PY) scripts/messages.py

check-deploy: venv
	mkdir -p var
	SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))') \
	DATABASE_URL=sqlite:///var/check.sqlite3 ALLOWED_HOSTS=de165.example \
	DJANGO_SETTINGS_MODULE=config.settings.production $(PY) manage.py check --deploy \
	  > var/check-deploy.log 2>&1; status=$$?; cat var/check-deploy.log; \
	  [ $$status -eq 0 ] && ! grep -q "(security\." var/check-deploy.log

bench: venv
	PY=$(PY) bash bench/run_all.sh

clean:
	rm -rf $(VENV) .tools var/*.sqlite3*
