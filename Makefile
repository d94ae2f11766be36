# The README's two commands: `make run` and `make test`. Both set everything up first.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
MODEL_VERSION ?= 2026.12.7
# Written batches not trained on (data/samples/written/README.md says why).
HELD_BACK = data/samples/written/batch_x.jsonl
CORPORA ?= ../shared/corpora/labelled

# Without TRIAGE_DATA_KEY the demo targets keep confidential sample text in plaintext, and
# say so (docs/encryption-retention.md); a deployment sets the key and never this switch.
DEV_KEYLESS := $(if $(TRIAGE_DATA_KEY),,TRIAGE_ALLOW_PLAINTEXT=true)

.PHONY: install run test lint audit model evaluate samples schedule bench bench-scale sla-watch serve clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

## The main job on the bundled samples, into ./triage.db (SQLite).
run: install
	$(DEV_KEYLESS) $(BIN)/triage run samples

## The whole suite: style, layer contracts, known vulnerabilities, tests (SQLite, PostgreSQL, Prefect).
test: install lint audit
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports

## pip-audit over the installed environment: a known vulnerability fails (scripts/audit_deps.py).
audit: install
	$(BIN)/python scripts/audit_deps.py

## Retrain the shipped label model (samples + the corpora's train.csv) and promote it.
model: install
	$(BIN)/triage train data/samples/gold.jsonl $(filter-out $(HELD_BACK),$(wildcard data/samples/written/*.jsonl)) --corpora-dir $(CORPORA) --dev data/eval/dev_independent.jsonl --version $(MODEL_VERSION) --promote

## Score the promoted model: the independent handwritten set and the corpora's test.csv.
evaluate: install
	$(BIN)/triage evaluate data/eval/handwritten.jsonl
	for c in upr_info hrdsattack rdr2022; do $(BIN)/triage evaluate --corpus $$c --corpora-dir $(CORPORA); done

## Regenerate the synthetic samples (deterministic).
samples: install
	$(BIN)/python scripts/make_samples.py

## Benchmarks: figures to bench/results.json (never timing assertions in tests).
bench: install
	$(DEV_KEYLESS) $(BIN)/python bench/bench_ingest.py
	$(DEV_KEYLESS) $(BIN)/python bench/bench_routing.py --messages 100000
	$(DEV_KEYLESS) $(BIN)/python bench/bench_metrics.py --cases 1000000
	$(DEV_KEYLESS) $(BIN)/python bench/bench_classify.py --messages 20000
	$(DEV_KEYLESS) $(BIN)/python bench/bench_language.py
	$(DEV_KEYLESS) $(BIN)/python bench/bench_queue.py --cases 100000
	$(MAKE) bench-scale

## End to end over a synthetic load: sizes, stores and workers are selectable, e.g.
## `make bench-scale SIZES=10000,100000,1000000 STORES=sqlite,postgresql WORKERS=1,2`;
## CORES=1 runs everything on one CPU (0: all of them).
SIZES ?= 10000
STORES ?= sqlite,postgresql
WORKERS ?= 1,2
CORES ?= 0
bench-scale: install
	$(DEV_KEYLESS) $(BIN)/python bench/bench_end_to_end.py --sizes $(SIZES) --stores $(STORES) --workers $(WORKERS) --cores $(CORES)

## Deliver escalation notices for deadlines at risk or breached (SMTP from TRIAGE_SMTP_*).
sla-watch: install
	$(DEV_KEYLESS) $(BIN)/triage sla-watch

## The staff web UI, the JSON API and the form endpoint (docs at /docs) on 127.0.0.1:8000.
serve: install
	$(DEV_KEYLESS) $(BIN)/triage serve

## Serve the scheduled batch deployment, starting a Prefect server on loopback.
schedule: install
	$(DEV_KEYLESS) $(BIN)/triage schedule --start-server

clean:
	rm -rf $(VENV) triage.db triage.db-wal triage.db-shm .pytest_cache .ruff_cache
