# The two commands a council needs: `make site` builds the site from records/, `make test` runs
# every test. Both create .venv on first run with nothing but Python 3.11+, pip and venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site serve edit test test-fast validate bench lint clean decap-bundle messages

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

site: $(STAMP)
	$(BIN)/candour build

serve: $(STAMP)
	$(BIN)/mkdocs serve

# The records editor on this machine: the site at http://127.0.0.1:8000/admin/ and Decap's local
# backend (git mode) on 127.0.0.1:$(EDIT_PORT), which writes each saved record to a branch of this
# repository (cms/...) as the editorial workflow does on GitHub. Needs Node.js and npm.
EDIT_BRANCH = $(shell git branch --show-current 2>/dev/null)
EDIT_PORT ?= 8081
edit: $(STAMP) node_modules
	@test -n "$(EDIT_BRANCH)" || { echo "make edit: check out a branch first (git switch main)"; exit 1; }
	@echo "Records editor: http://127.0.0.1:8000/admin/ (records proposed against $(EDIT_BRANCH)); Ctrl-C stops it"
	@echo "Each save commits on a cms/... branch of this repository: commit or stash your own changes first."
	@trap 'kill $$backend 2>/dev/null' EXIT INT TERM; \
	  MODE=git GIT_REPO_DIRECTORY="$(CURDIR)" PORT=$(EDIT_PORT) BIND_HOST=127.0.0.1 \
	    node node_modules/decap-server/dist/index.js & backend=$$!; \
	  CANDOUR_EDIT_BRANCH="$(EDIT_BRANCH)" CANDOUR_EDIT_PORT=$(EDIT_PORT) $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# decap-server, from the npm registry at the version package-lock.json pins.
node_modules: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch node_modules

# Replace the vendored Decap CMS bundle (generator/assets/decap/) with the version given, from the
# npm registry: make decap-bundle DECAP_VERSION=3.16.3
DECAP_VERSION ?= $(shell $(PYTHON) -c "import json; print(json.load(open('generator/assets/decap/package.json'))['version'])")
decap-bundle:
	@rm -rf .cache/decap && mkdir -p .cache/decap
	cd .cache/decap && npm pack --silent decap-cms@$(DECAP_VERSION) && tar xzf decap-cms-$(DECAP_VERSION).tgz
	rm -f generator/assets/decap/*
	cp .cache/decap/package/dist/decap-cms.js .cache/decap/package/dist/*.decap-cms.js \
	  .cache/decap/package/dist/*.wasm .cache/decap/package/dist/decap-cms.js.LICENSE.txt \
	  .cache/decap/package/package.json generator/assets/decap/

# Candour's catalogue: every string marked in generator/ (babel.cfg) extracted to
# .cache/candour.pot, then the Welsh catalogue updated from it: a new message is added with no
# Welsh, a changed one is marked fuzzy (not shown until a translator checks it), a removed one
# is dropped. Then write the Welsh in generator/locale/cy/LC_MESSAGES/candour.po.
MESSAGES_TEMPLATE := .cache/candour.pot
messages: $(STAMP)
	@mkdir -p .cache
	$(BIN)/pybabel extract --mapping-file babel.cfg --add-location file --sort-output \
	  --project Candour --output-file $(MESSAGES_TEMPLATE) generator
	$(BIN)/pybabel update --input-file $(MESSAGES_TEMPLATE) --output-dir generator/locale \
	  --domain candour --locale cy --ignore-obsolete

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
