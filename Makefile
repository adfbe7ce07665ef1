# councilplan: `make demo` to try it, `make test` to check it. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# The demo and the tests run the development configuration; production is the default elsewhere.
DEV := COUNCILPLAN_ENV=development

.PHONY: install demo test lint browsers bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

demo: install
	$(DEV) $(BIN)/councilplan migrate --noinput
	$(DEV) $(BIN)/councilplan load-sample --open-next-round
	$(DEV) $(BIN)/councilplan create-demo-users
	@echo
	@echo "councilplan is running at http://$(HOST):$(PORT)/  (Ctrl+C stops it and its document worker)"
	@echo
	@# The document worker (PDF, Word, scorecards) beside the web server, at a lower priority so that pages come
	@# first; Ctrl+C reaches both, and the trap stops the worker if the server stops by itself.
	@trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(DEV) nice -n 10 $(BIN)/councilplan db_worker --no-reload --interval 1 & worker=$$!; \
	$(DEV) $(BIN)/councilplan runserver --noreload $(HOST):$(PORT)

# The suite runs on every core (pytest-xdist, a test database each; `--dist load` keeps each worker's tests in
# the suite's order, so transactional and browser tests still come last). TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= auto
test: install
	$(DEV) $(BIN)/pytest -n $(TEST_WORKERS) --dist load $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .

bench: install
	$(DEV) $(BIN)/python benchmarks/report_speed.py

clean:
	rm -rf $(VENV) var .pytest_cache .hypothesis
