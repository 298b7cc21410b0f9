# `make run`: install, index corpus/, serve the chat on http://127.0.0.1:7860
# `make test`: install, lint, type-check and run the tests
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false
export GRADIO_ANALYTICS_ENABLED := False
# llama.cpp (the LLM end-to-end test's server) is compiled at install. Its default build targets
# the compiling CPU's every instruction set; on a VM reporting AVX-512 and AMX that build died
# with an illegal instruction at its first decode. Build it for AVX2 instead, and never reuse a
# wheel cached by an earlier native build.
export CMAKE_ARGS := -DGGML_NATIVE=OFF

.PHONY: install run ingest test lint browser postgres eval clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --no-cache-dir -e '.[dev,llm,llm-test]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/assistant serve

ingest: install
	$(BIN)/assistant ingest

# Debian's Chromium for the browser tests (Playwright drives it; it never downloads a browser).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	  elif command -v sudo >/dev/null 2>&1; then sudo apt-get update -qq && sudo apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	  else echo "chromium not installed and no root: browser tests will be skipped"; fi; }

# Debian's PostgreSQL server for the shared record manager test (skipped when it cannot start).
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq postgresql >/dev/null || echo "postgresql not installed: its test will be skipped"; \
	  elif command -v sudo >/dev/null 2>&1; then sudo apt-get update -qq && sudo apt-get install -y -qq postgresql >/dev/null || echo "postgresql not installed: its test will be skipped"; \
	  else echo "postgresql not installed and no root: its test will be skipped"; fi; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

test: install browser postgres lint
	$(BIN)/pytest -q

eval: install
	$(BIN)/python -m evals.run --corpus ../shared/corpus --questions ../shared/eval/dev.jsonl

clean:
	rm -rf index/chroma index/records.sqlite index/manifest.json .cache
