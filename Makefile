# Every step CI needs lives here: a fresh clone has nothing installed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint bench golden clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,dask]'
	# An editable install leaves the package uncompiled; where PYTHONDONTWRITEBYTECODE
	# is set, every run would compile it from source again (~0.1 s).
	$(BIN)/python -m compileall -q claimdiff
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/claimdiff compare samples/kurils

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check claimdiff tests benchmarks
	$(BIN)/ruff format --check claimdiff tests benchmarks
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

golden: $(STAMP)
	$(BIN)/python -m pytest tests/test_golden.py --update-golden

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
