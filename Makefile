# The two commands a council needs: `make site` builds the site from records/, `make test` runs
# every test. Both create .venv on first run with nothing but Python 3.11+, pip and venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site serve test test-fast validate bench lint clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

site: $(STAMP)
	$(BIN)/candour build

serve: $(STAMP)
	$(BIN)/mkdocs serve

validate: $(STAMP)
	$(BIN)/candour validate

# Every test: fast, slow (whole-site builds, benchmark at small N) and browser tests.
test: $(STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/python -m pytest -m "slow or browser or not (slow or browser)" -n 2 --dist loadfile

test-fast: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/candour bench --records 50000

lint: $(STAMP)
	$(BIN)/ruff check generator tests

clean:
	rm -rf site .candour-cache
