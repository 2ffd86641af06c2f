# Two commands for a new user: `make run` and `make test`. Both create .venv and install the
# requirements once (re-installing only when a requirements file changes).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test index eval bench screenshots clean

$(PY):
	@test -n "$(PYTHON)" || { echo "error: no python3.11 or python3 on PATH; install Python 3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime-installed: requirements.txt | $(PY)
	$(PY) -m pip install --disable-pip-version-check -q -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt $(VENV)/.runtime-installed
	$(PY) -m pip install --disable-pip-version-check -q -r requirements.txt -r requirements-dev.txt
	touch $@

index: $(VENV)/.runtime-installed
	$(PY) -m ingest

# serve.py loads the index and the model at server start; no file watcher (a served app does
# not reload on edits, and inotify would flood the terminal with "queue overflowed").
run: index
	$(PY) -m streamlit run serve.py --server.headless true --browser.gatherUsageStats false \
		--server.fileWatcherType none

test: $(VENV)/.dev-installed
	$(PY) -m ingest --quiet
	$(PY) -m pytest

eval: $(VENV)/.dev-installed index
	$(PY) -m eval

bench: $(VENV)/.dev-installed index
	$(PY) eval/bench.py

# The README's pictures of the app, taken from the running app with Playwright and Debian's
# /usr/bin/chromium (docs/screenshots.py starts its own server on a free port).
screenshots: $(VENV)/.dev-installed index
	$(PY) docs/screenshots.py

clean:
	rm -rf $(VENV) index/current index/build-* index/.tmp-build-*
