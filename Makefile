# Two entry points for a fresh machine: `make run` (install, migrate, demo accounts, serve)
# and `make test` (install, browser, lint, types, whole test suite).
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test check bench install install-test browser postgres

$(PY):
	python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip

install: $(PY)
	$(PIP) install -q -e .

install-test: $(PY)
	$(PIP) install -q -e '.[test]'

browser:
	@command -v chromium >/dev/null && fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || \
	  ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium fonts-noto-cjk >/dev/null)

# Debian's PostgreSQL binaries: the tests start a throwaway cluster of their own on a local port.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || \
	  ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq postgresql >/dev/null)

run: install
	$(VENV)/bin/cma init --demo
	$(VENV)/bin/streamlit run serve.py

check: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/cma validate

test: install-test browser postgres check
	CMA_REQUIRE_POSTGRES=1 $(VENV)/bin/pytest -q -p no:cacheprovider -n 2

bench: install-test
	$(PY) benchmarks/run.py --json
