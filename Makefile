# Campaign Manager: `make run` opens the window, `make test` runs every test (installing what they need).
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
# The first interpreter >= 3.11 on PATH (override: make PYTHON=/path/to/python3.12 venv).
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
	&& { echo $$p; break; }; done)
# The venv is refreshed only when pyproject.toml changes (each stamp's name carries its hash). Three stamps:
# the app's runtime (make run), + the test and lint tools (make venv/test/lint), + PyInstaller (make package).
HASH := $(shell (sha256sum pyproject.toml 2>/dev/null || shasum -a 256 pyproject.toml) | cut -c1-16)
RUN_STAMP := $(VENV)/.runtime-$(HASH)
STAMP := $(VENV)/.installed-$(HASH)
PACKAGE_STAMP := $(VENV)/.package-$(HASH)
PIP := $(PY) -m pip install --disable-pip-version-check

# Debian/Ubuntu packages the tests need: a real Secret Service (dbus + gnome-keyring), Xvfb for
# screenshots, and the X/GL/font libraries Qt loads.
DEB_PACKAGES := dbus dbus-x11 gnome-keyring xvfb xauth libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 \
	libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 \
	libxcb-xkb1 libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-dejavu-core

# What `make package` and its checks need: objdump (PyInstaller, the .deb's Depends), desktop-file-validate,
# zstd/xz for the .deb, NSIS to compile the Windows installer script.
PACKAGE_DEB_PACKAGES := binutils desktop-file-utils zstd xz-utils nsis

PYTEST_ARGS ?=
BENCH_ARGS ?=
COMPRESS ?= zstd

.PHONY: help venv run test deps package-deps translations lint bench package package-check clean

help:
	@echo "make run    - open the window (creates .venv on first use)"
	@echo "make test   - install missing system packages (as root), then run every test"
	@echo "make lint   - ruff, mypy (strict on the Qt-free layers), import-linter contracts"
	@echo "make bench  - the performance benchmarks (BENCH_ARGS='--rows N' to size them)"
	@echo "make venv   - create .venv and install the project with its test tools"
	@echo "make package - dist/campaign-gui/ (onedir app) and dist/campaign-gui_<version>_amd64.deb"
	@echo "               (COMPRESS=xz for a smaller .deb); make package-check installs and checks it (root)"

venv: $(STAMP)

# Creates .venv (any stamp's first step).
define make_venv
	@if [ -z "$(PYTHON)" ]; then \
		echo "make: Python 3.11 or newer is needed (on Debian/Ubuntu: apt-get install python3 python3-venv)" >&2; \
		exit 1; fi
	@if [ ! -x $(PY) ]; then \
		echo "creating $(VENV) with $(PYTHON)"; \
		$(PYTHON) -m venv $(VENV) || { echo "make: on Debian/Ubuntu install python3-venv" >&2; exit 1; }; fi
endef

# The app alone: what `make run` needs (the test tools would add ~470 MB).
$(RUN_STAMP): pyproject.toml
	$(make_venv)
	@if [ -f $(STAMP) ]; then touch $@; exit 0; fi; \
	echo "installing the app and its runtime libraries into $(VENV) (once, and again when pyproject.toml changes)"; \
	set -o pipefail; $(PIP) -e . 2>&1 | { grep -v -e '^Requirement already satisfied' -e 'is ignored' || true; }; \
	rm -f $(VENV)/.runtime-*; touch $@

$(STAMP): pyproject.toml
	$(make_venv)
	@echo "installing the app with its test and lint tools into $(VENV)"
	$(PIP) -q -e '.[test]'
	@rm -f $(VENV)/.installed-* $(VENV)/.runtime-*
	@touch $@ $(RUN_STAMP)

$(PACKAGE_STAMP): $(RUN_STAMP)
	@echo "installing PyInstaller and Pillow into $(VENV) (for make package)"
	$(PIP) -q -e '.[package]'
	@rm -f $(VENV)/.package-*
	@touch $@

run: $(RUN_STAMP)
	@echo "starting Campaign Manager: $(PY) -m campaign_gui (demo data are reset at every start)"
	$(PY) -m campaign_gui

# System packages: installed when running as root, otherwise listed with the command to run.
define install_debs
	@missing=""; \
	if command -v dpkg-query >/dev/null 2>&1; then \
		for p in $(1); do \
			dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
		done; \
	else \
		echo "make: not a Debian/Ubuntu system; make sure these (or their equivalents) are installed:" >&2; \
		echo "  $(1)" >&2; exit 0; \
	fi; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
		echo "installing:$$missing"; \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	else \
		echo "make: missing Debian packages:$$missing" >&2; \
		echo "  install them with: sudo apt-get install -y$$missing" >&2; \
	fi
endef

deps:
	$(call install_debs,$(DEB_PACKAGES))

package-deps:
	$(call install_debs,$(PACKAGE_DEB_PACKAGES))

# Compiles the .ts files under resources/i18n once the GUI's build module exists.
translations: $(RUN_STAMP)
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

# The onedir app and the .deb, from this checkout's code (the spec refuses any other campaign_gui).
package: package-deps $(PACKAGE_STAMP) translations
	@echo "freezing the app with PyInstaller into dist/campaign-gui/"
	rm -rf dist/campaign-gui
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/campaign-gui.spec
	@echo "building the .deb ($(COMPRESS))"
	$(PY) packaging/linux/build_deb.py --compress $(COMPRESS)

# Runs the frozen app, installs and removes the .deb (root), compiles the NSIS script, checks the macOS plist.
package-check: venv
	packaging/check_frozen.sh dist/campaign-gui/campaign-gui
	packaging/linux/check_deb.sh
	$(PY) packaging/windows/check_nsis.py
	$(PY) packaging/macos/check_plist.py

clean:
	rm -rf build dist .mypy_cache .ruff_cache .pytest_cache .import_linter_cache
	find . -name __pycache__ -type d -not -path './$(VENV)/*' -prune -exec rm -rf {} +
