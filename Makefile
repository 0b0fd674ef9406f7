# Quick start: `make plan` builds the plan from sources/, `make test` checks everything.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SOURCES ?= sources

.PHONY: help plan pdf validate check diff archive test lint format bench template clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}' \
		| sed 's|$$(SOURCES)|$(SOURCES)|g'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	@# setuptools says of every editable install that it is one (a warning): not news here
	PYTHONWARNINGS='ignore:Editable installation' $(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q generator  # bytecode, as a regular install would have
	touch $(STAMP)

plan: $(STAMP) ## build the plan from $(SOURCES)/ into output/
	$(BIN)/zi-plan build $(SOURCES)

pdf: $(STAMP) ## build the plan and its PDF (needs LibreOffice)
	$(BIN)/zi-plan build $(SOURCES) --pdf

check: $(STAMP) ## the review before signing (spelling, leftovers, names, years)
	$(BIN)/zi-plan check $(SOURCES)

archive: $(STAMP) ## build, and keep this version's JSON in output/arsip/ for later diffs
	@built=$$($(BIN)/zi-plan build $(SOURCES) --json) || exit $$?; \
	echo "$$built"; \
	json=$$(printf '%s\n' "$$built" | grep '\.json$$' | tail -n 1); \
	archived=output/arsip/$$(date +%Y-%m-%d_%H%M%S).json; \
	mkdir -p output/arsip && cp "$$json" "$$archived" && echo "Diarsipkan: $$archived"

diff: $(STAMP) ## what changed since OLD (a sources folder or an archived JSON): make diff OLD=...
	@test -n "$(OLD)" || { echo "Contoh: make diff OLD=output/arsip/2024-02-12_090000.json"; exit 2; }
	@test -e "$(OLD)" || { echo "$(OLD) tidak ditemukan: sebutkan folder sumber atau JSON arsip."; exit 2; }
	@# exit 1 means "different" and passes; every other failure fails the target
	$(BIN)/zi-plan diff "$(OLD)" $(SOURCES) -o output/Daftar_Perubahan.docx; \
	status=$$?; test $$status -eq 0 || test $$status -eq 1 || exit $$status

validate: $(STAMP) ## check the workbooks in $(SOURCES)/ without building
	$(BIN)/zi-plan validate $(SOURCES)

lint: $(STAMP) ## ruff (lint + format check), mypy and the import layers (lint-imports)
	$(BIN)/ruff check generator tests benchmarks tools
	$(BIN)/ruff format --check generator tests benchmarks tools
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

format: $(STAMP) ## reformat the code
	$(BIN)/ruff format generator tests benchmarks tools
	$(BIN)/ruff check --fix generator tests benchmarks tools

test: lint ## lint, then the whole test suite
	$(BIN)/pytest

bench: $(STAMP) ## cold build vs floor; warm cost per plan; build-all of 681 units; diff; monev; crafted workbooks
	$(BIN)/python -m compileall -q generator
	$(BIN)/python benchmarks/bench_build.py
	$(BIN)/python benchmarks/bench_batch.py
	$(BIN)/python benchmarks/bench_diff.py
	$(BIN)/python benchmarks/bench_monev.py
	$(BIN)/python benchmarks/bench_hostile_read.py

template: $(STAMP) ## regenerate word_templates/ from tools/make_template.py (overwrites edits made in Word)
	$(BIN)/python tools/make_template.py

clean: ## remove the virtualenv and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
