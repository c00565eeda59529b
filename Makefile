# One command per habit. Run `make help` for the list.

PYTHON ?= python
SOURCES = src tests benchmarks

.PHONY: help install test lint format run bench bench-zaken bench-notificaties bench-documenten bench-keepalive bench-archief docs assets messages screenshots

help:  ## list the targets
	@grep -E "^[a-z-]+:.*## " $(MAKEFILE_LIST) | sed -E "s/:.*## /\t/"

install:  ## install Zaakwerk (editable) with the test and development tools, and build the front-end files
	$(PYTHON) -m pip install -e ".[dev]"
	$(PYTHON) -m zaakwerk.web.assets

assets:  ## build the web applications' front-end files from the locked npm packages (needs npm)
	$(PYTHON) -m zaakwerk.web.assets

WEB_APPS = web werkplek rapportages formulieren loket archief beheer

messages:  ## extract the interface texts into the .po files (needs GNU gettext) and compile the .mo files
	for app in $(WEB_APPS); do \
	  (cd src/zaakwerk/$$app && DJANGO_SETTINGS_MODULE=zaakwerk.conf.settings \
	    $(PYTHON) -m django makemessages -l en --no-location --no-obsolete) || exit 1; \
	done
	$(PYTHON) -m zaakwerk.web.messages

screenshots:  ## write PNGs of the main pages to docs/img/ (needs Debian's chromium)
	ZAAKWERK_SCREENSHOTS=docs/img pytest tests/browser/test_screenshots.py tests/browser/test_loket_screenshots.py tests/browser/test_archief.py

test:  ## run the test suite (PostgreSQL: DATABASE_URL=postgres://... make test)
	pytest

lint:  ## check formatting, lint, types, import layers and the generated docs
	ruff check $(SOURCES)
	ruff format --check $(SOURCES)
	mypy
	lint-imports
	zaakwerk config-docs --check

format:  ## format the code and fix what ruff can fix
	ruff format $(SOURCES)
	ruff check --fix $(SOURCES)

docs:  ## regenerate docs/configuration.md
	zaakwerk config-docs

run:  ## a demo installation on http://127.0.0.1:8000
	zaakwerk quickstart

bench:  ## the Catalogi API benchmark against PostgreSQL (see benchmarks/README.md)
	$(PYTHON) benchmarks/catalogi.py

bench-zaken:  ## the Zaken API benchmark (build its data first: python benchmarks/zaken_dataset.py)
	$(PYTHON) benchmarks/zaken.py

bench-documenten:  ## the Documenten API benchmarks (list/detail needs: python benchmarks/documenten_dataset.py)
	$(PYTHON) benchmarks/documenten_content.py
	$(PYTHON) benchmarks/documenten.py

bench-notificaties:  ## notification delivery: 10,000 changes to loopback subscribers, 1 and 3 workers
	$(PYTHON) benchmarks/notificaties.py

bench-archief:  ## destroying 10,000 zaken with documents, a transfer package of 1,000 zaken (duration, memory)
	$(PYTHON) benchmarks/archief.py

bench-keepalive:  ## more kept-alive connections than request slots: all served? (see docs/adr/0027)
	$(PYTHON) benchmarks/keepalive.py
