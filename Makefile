# careerkg: every target installs what it needs into .venv first.
# Quick start:  make run   (install + serve the app on http://127.0.0.1:8050)
#               make test  (install test needs, lint, type-check, run the tests)

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8050
STAMP  := $(VENV)/.installed

.PHONY: help run test check lint typecheck bench screenshots system-deps clean

.DEFAULT_GOAL := help

## help: list these targets (HOST and PORT variables for run, e.g. make run PORT=8060)
help:
	@sed -n 's/^## //p' $(MAKEFILE_LIST)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## run: install and start the web app (explorer, path finder, SPARQL) on the embedded data
run: $(STAMP)
	$(BIN)/careerkg serve --host $(HOST) --port $(PORT)

## system-deps: install the Debian packages chromium + chromium-driver (browser tests, no
##   browser download) and virtuoso-opensource (remote-store tests), with sudo when not root
system-deps:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium chromium-driver"; \
	command -v virtuoso-t >/dev/null || missing="$$missing virtuoso-opensource"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

## lint: ruff check and ruff format --check, on the code and on the Python snippets of
##   README.md and docs/*.md (tests/test_docs_snippets.py, without its live-server run)
lint: $(STAMP)
	$(BIN)/ruff check kg dashboard tests bench conftest.py
	$(BIN)/ruff format --check kg dashboard tests bench conftest.py
	$(BIN)/python -m pytest -q -p no:cacheprovider -m "not server" tests/test_docs_snippets.py

## typecheck: mypy (strict on kg/)
typecheck: $(STAMP)
	$(BIN)/mypy

## test: install test needs, then lint, type-check and run the whole suite
test: $(STAMP) system-deps lint typecheck
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

## check: lint and typecheck, no tests
check: lint typecheck

## bench: print latency and size figures (bench/*.py)
bench: $(STAMP)
	$(BIN)/python -m bench

## screenshots: re-make docs/img/*.png (starts the app, drives headless Debian Chromium)
screenshots: $(STAMP) system-deps
	$(BIN)/python -m dashboard.screenshots docs/img

## clean: remove .venv and the build and tool caches
clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
