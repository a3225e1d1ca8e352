# Offprint — every routine task has a target.  A fresh machine needs only
# `make run` and `make test`; both create the environment first.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LIBRARY ?= $(CURDIR)/sample-library
export QT_QPA_PLATFORM_PLUGIN_PATH :=

.PHONY: venv run test test-quick bench lint format screenshots package clean

venv: $(STAMP)

# Re-install whenever the declared dependencies change.  The last step installs the test oracle's one
# JavaScript dependency (parse5, pinned in tests/cite/oracle/package-lock.json) for the Zotero parity tests.
ORACLE := tests/cite/oracle
$(STAMP): pyproject.toml Makefile $(ORACLE)/package-lock.json
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Offprint needs Python 3.11 or newer (found: $$($(PYTHON) --version))"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m reader.cite.setup_engine
	npm ci --prefix $(ORACLE) --no-audit --no-fund --silent
	@touch $@

# Build the sample library from corpus/ once, then open the app on it.
run: $(STAMP)
	@$(BIN)/python -m reader.ui.qtcheck
	@test -f $(LIBRARY)/library.sqlite3 || $(BIN)/offprint import --library $(LIBRARY) corpus
	$(BIN)/offprint gui --library $(LIBRARY)

# The whole suite on every core (CI runs this); `make test-quick` leaves out the tests marked `slow`.
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n auto

test-quick: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n auto -m "not slow"

bench: $(STAMP)
	$(BIN)/python -m benchmarks

# Style and complexity (ruff), types (mypy, strict on the core), layers (import-linter).
lint: $(STAMP)
	$(BIN)/ruff check reader tests benchmarks packaging
	$(BIN)/ruff format --check reader tests benchmarks packaging
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff format reader tests benchmarks packaging
	$(BIN)/ruff check --fix reader tests benchmarks packaging

# The README's screenshots: the main window on the sample library, light and dark.
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m reader.ui.screenshots docs/screenshots

PKG_STAMP := $(VENV)/.package-installed
$(PKG_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	@touch $@

# A one-folder desktop app in dist/offprint, then a smoke test of the built app.
package: $(PKG_STAMP)
	$(BIN)/python packaging/build.py
	$(BIN)/python packaging/smoke_test.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache sample-library
