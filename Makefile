# Two commands on a fresh machine: `make run` (set up and start the chat), `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: install run test eval ingest clean browser bench bench-full

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/python app.py

# The browser tests drive Debian's chromium (Playwright cannot download browsers here).
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || echo "chromium is not installed and cannot be (not root): the browser tests will be skipped"

test: install browser
	$(BIN)/python -m pytest

RGB := ../shared/data/rgb_en_fact.json

eval: install
	$(BIN)/assistant eval evals/aktobe.jsonl --report evals/report --rgb $(RGB)
	$(BIN)/python evals/refresh_readme.py README.md evals/report/report.json

bench: install
	$(BIN)/assistant bench --sizes 1,1000 --out bench

bench-full: install
	$(BIN)/assistant bench --sizes 1,1000,10000 --out bench

ingest: install
	$(BIN)/assistant ingest

clean:
	rm -rf .index reports .pytest_cache
