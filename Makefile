# Everything runs from .venv, created on first use from the Python found on PATH.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench bench-scale soak replica lint install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/qlahs demo --db sqlite:///demo.db --out .

test: $(STAMP)
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py
	$(BIN)/python benchmarks/bench_numbers.py
	$(BIN)/python benchmarks/bench_lists.py
	$(BIN)/python benchmarks/bench_workers.py

# Not part of `make bench` (about 15 minutes): generates a unit, a province and 5% of a
# national year into PostgreSQL and measures lists, statistics and known-at answers on them.
bench-scale: $(STAMP)
	$(BIN)/python benchmarks/bench_scales.py

# Not part of `make test`: writers, killed workers and a PostgreSQL crash for --minutes
# (default 10); rewrites docs/reliability.md.
soak: $(STAMP)
	$(BIN)/python benchmarks/soak.py

# Not part of `make test`: starts a PostgreSQL primary and a streaming standby on two free
# ports, checks that lists read from the standby keep read-your-writes, then measures the
# standby's lag and read latency (docs/scaling.md).
replica: $(STAMP)
	$(BIN)/pytest -m replica tests/test_replica.py
	$(BIN)/python benchmarks/bench_replica.py

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) demo.db so-*.xlsx thong-ke-* van-ban .pytest_cache .mypy_cache .ruff_cache
