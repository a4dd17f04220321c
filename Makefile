# diplomev: set-up, tests and the demo, from a fresh clone.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: demo test lint typecheck pytest docs examples bench fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,docs,dask,pandas]"
	touch $(STAMP)

## demo: install and extract the events of the example articles as a table
demo: | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/diplomev extract examples/articles --format table

## test: lint, type-check, tests (with hypothesis), strict docs build, every example
test: $(STAMP)
	$(BIN)/ruff check src tests examples benchmarks
	$(BIN)/ruff format --check src tests examples benchmarks
	$(BIN)/mypy --strict src
	$(BIN)/python -m pytest; status=$$?; \
	  if [ $$status -eq 5 ]; then echo "pytest collected no tests: failing" >&2; exit 1; fi; \
	  exit $$status
	$(BIN)/mkdocs build --strict --site-dir build/site
	$(BIN)/python examples/run_all.py

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_fuzz.py

clean:
	rm -rf build .mypy_cache .pytest_cache .ruff_cache .hypothesis
