# Campaign Manager: `make run` opens the window, `make test` runs every test (installing what they need).
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
# The first interpreter >= 3.11 on PATH (override: make PYTHON=/path/to/python3.12 venv).
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
	&& { echo $$p; break; }; done)
# The venv is rebuilt only when pyproject.toml changes (the stamp's name carries its hash).
STAMP := $(VENV)/.installed-$(shell (sha256sum pyproject.toml 2>/dev/null || shasum -a 256 pyproject.toml) | cut -c1-16)

# Debian/Ubuntu packages the tests need: a real Secret Service (dbus + gnome-keyring), Xvfb for
# screenshots, and the X/GL/font libraries Qt loads.
DEB_PACKAGES := dbus dbus-x11 gnome-keyring xvfb xauth libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 \
	libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 \
	libxcb-xkb1 libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-dejavu-core

PYTEST_ARGS ?=
BENCH_ARGS ?=

.PHONY: help venv run test deps translations lint bench clean

help:
	@echo "make run    - open the window (creates .venv on first use)"
	@echo "make test   - install missing system packages (as root), then run every test"
	@echo "make lint   - ruff, mypy (strict on the Qt-free layers), import-linter contracts"
	@echo "make bench  - the performance benchmarks (BENCH_ARGS='--rows N' to size them)"
	@echo "make venv   - create .venv and install the project with its test tools"

venv: $(STAMP)

$(STAMP): pyproject.toml
	@if [ -z "$(PYTHON)" ]; then \
		echo "make venv: Python 3.11 or newer is needed (on Debian/Ubuntu: apt-get install python3 python3-venv)" >&2; \
		exit 1; fi
	@if [ ! -x $(PY) ]; then \
		echo "creating $(VENV) with $(PYTHON)"; \
		$(PYTHON) -m venv $(VENV) || { echo "make venv: on Debian/Ubuntu install python3-venv" >&2; exit 1; }; fi
	$(PY) -m pip install --disable-pip-version-check -q -e '.[test]'
	@rm -f $(VENV)/.installed-*
	@touch $@

run: venv
	$(PY) -m campaign_gui

# System packages: installed when running as root, otherwise listed with the command to run.
deps:
	@missing=""; \
	if command -v dpkg-query >/dev/null 2>&1; then \
		for p in $(DEB_PACKAGES); do \
			dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
		done; \
	else \
		echo "make deps: not a Debian/Ubuntu system; make sure these (or their equivalents) are installed:" >&2; \
		echo "  $(DEB_PACKAGES)" >&2; exit 0; \
	fi; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
		echo "installing:$$missing"; \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	else \
		echo "make deps: missing Debian packages:$$missing" >&2; \
		echo "  install them with: sudo apt-get install -y$$missing" >&2; \
	fi

# Compiles the .ts files under resources/i18n once the GUI's build module exists.
translations: venv
	@if [ -f campaign_gui/ui/i18n_build.py ]; then \
		QT_QPA_PLATFORM=offscreen $(PY) -m campaign_gui.ui.i18n_build; \
	else \
		echo "translations: campaign_gui/ui/i18n_build.py not present, nothing to compile"; \
	fi

test: deps venv translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)

lint: venv
	$(VENV)/bin/ruff check campaign_gui tests benchmarks
	$(VENV)/bin/mypy campaign_gui/domain campaign_gui/providers campaign_gui/reading campaign_gui/upload campaign_gui/storage
	$(VENV)/bin/lint-imports --no-cache

bench: venv
	@set -e; for b in benchmarks/*_bench.py; do \
		echo "== $$b"; QT_QPA_PLATFORM=offscreen $(PY) $$b $(BENCH_ARGS); \
	done

clean:
	rm -rf build dist .mypy_cache .ruff_cache .pytest_cache .import_linter_cache
	find . -name __pycache__ -type d -not -path './$(VENV)/*' -prune -exec rm -rf {} +
