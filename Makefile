# The two commands of the README: `make run` and `make test`. Each sets up what it needs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
LINT := tools/cypher-lint
AXE := tools/axe

.PHONY: run test lint-deps browser neo4j translations clean lock
MO := netzwerk/translations/en/LC_MESSAGES/messages.mo

# NETZWERK_DATABASE_URL=neo4j-embedded make run: the same on real Neo4j (needs Java 17+ and Maven)
run: $(VENV)/.run-installed $(MO) $(if $(filter neo4j-embedded,$(NETZWERK_DATABASE_URL)),neo4j)
	$(BIN)/netzwerk run --demo

# every store test runs on FalkorDB and on Neo4j 5.26 (PYTEST_ARGS="--backend falkordb" for one half)
test: $(VENV)/.test-installed $(MO) $(LINT)/node_modules/.installed $(AXE)/node_modules/.installed browser neo4j
	$(BIN)/python -m pytest $(PYTEST_ARGS)

$(VENV)/.venv-ok:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "netzwerk braucht Python 3.11 oder neuer (gefunden: %s)." % sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	@touch $@

$(VENV)/.run-installed: pyproject.toml $(VENV)/.venv-ok
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.test-installed: pyproject.toml $(VENV)/.venv-ok
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(VENV)/.run-installed

$(LINT)/node_modules/.installed: $(LINT)/package.json $(LINT)/package-lock.json
	cd $(LINT) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# axe-core for the accessibility checks in the browser tests (injected from node_modules)
$(AXE)/node_modules/.installed: $(AXE)/package.json $(AXE)/package-lock.json
	cd $(AXE) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Debian's Chromium for the browser tests: installed in CI, optional elsewhere.
browser:
	@tools/ensure-chromium

# The compiled catalogue is built, not committed: from the .po whenever it changes.
$(MO): netzwerk/translations/en/LC_MESSAGES/messages.po $(VENV)/.run-installed
	$(BIN)/pybabel -q compile -d netzwerk/translations

# After adding or changing messages: extract them, merge them into the catalogue, then
# translate the new entries in the .po (tests/unit/test_translations.py names any left out).
translations: $(VENV)/.run-installed
	@mkdir -p build
	$(BIN)/pybabel -q extract --no-location --sort-output -F babel.cfg -k _l -k lazy_gettext -k ngettext:1,2 -k FieldError \
	  -k DomainError -k ImportFileError -k BadInput -k Conflict -k NotFound -k Forbidden \
	  -k Unauthorized -k FileRefused -o build/messages.pot .
	$(BIN)/pybabel -q update -i build/messages.pot -d netzwerk/translations --no-fuzzy-matching
	$(BIN)/pybabel -q compile -d netzwerk/translations

# The Neo4j launcher (tools/neo4j): built with Maven, offline after the first fetch.
neo4j:
	@tools/ensure-neo4j

clean:
	rm -rf $(VENV) $(LINT)/node_modules $(AXE)/node_modules tools/neo4j/target

# The production lock files the Dockerfile installs from with --require-hashes: every runtime and
# production dependency of pyproject.toml (and what building netzwerk needs), pinned with hashes.
# Run after changing dependencies; existing pins stay unless UPGRADE=1 (then all move to the newest).
lock: $(VENV)/.run-installed
	$(BIN)/pip install -q pip-tools
	CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	  --no-emit-find-links $(if $(UPGRADE),--upgrade) --extra production -o requirements/production.lock pyproject.toml
	CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	  --no-emit-find-links $(if $(UPGRADE),--upgrade) -o requirements/build.lock requirements/build.in
