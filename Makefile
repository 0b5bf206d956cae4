# The two commands of the README: `make run` and `make test`. Each sets up what it needs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
LINT := tools/cypher-lint

.PHONY: run test lint-deps browser neo4j clean

# NETZWERK_DATABASE_URL=neo4j-embedded make run: the same on real Neo4j (needs Java 17+ and Maven)
run: $(VENV)/.run-installed $(if $(filter neo4j-embedded,$(NETZWERK_DATABASE_URL)),neo4j)
	$(BIN)/netzwerk run --demo

# every store test runs on FalkorDB and on Neo4j 5.26 (PYTEST_ARGS="--backend falkordb" for one half)
test: $(VENV)/.test-installed $(LINT)/node_modules/.installed browser neo4j
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

# Debian's Chromium for the browser tests: installed in CI, optional elsewhere.
browser:
	@tools/ensure-chromium

# The Neo4j launcher (tools/neo4j): built with Maven, offline after the first fetch.
neo4j:
	@tools/ensure-neo4j

clean:
	rm -rf $(VENV) $(LINT)/node_modules tools/neo4j/target
