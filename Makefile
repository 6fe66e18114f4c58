# One way to run everything.  `make lab` and `make test` create .venv and
# install the locked, tested versions first (only when pyproject.toml or
# requirements.lock changed since the last install).

PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# JupyterHub's proxy (a Node package) for course/jupyterhub/ and its test, pinned by
# course/jupyterhub/package-lock.json.  Without npm the JupyterHub test is skipped.
PROXY  := $(VENV)/hub-proxy/.installed

.PHONY: help install hub-proxy lab test test-quick durations lint check release release-check grade bench site clean

help:
	@echo "make lab            install, then open JupyterLab on the course"
	@echo "make hub-proxy      install JupyterHub's proxy with npm (course/jupyterhub/, make test does it)"
	@echo "make test           install, then run the whole test suite (fast mode, about 10 min)"
	@echo "make test-quick     the inner loop, under a minute: unit, structure and lint tests, release drift"
	@echo "make durations      run the whole suite and record each test group's time (tests/durations.json)"
	@echo "make check          print the environment report"
	@echo "make release        regenerate assignments/ from solutions/ (nbgrader)"
	@echo "make release-check  fail when assignments/ has drifted from solutions/"
	@echo "make grade A=a01 S=submissions/   autograde a folder (or zip) of submissions"
	@echo "make bench          time and measure every lecture and solution (full mode)"
	@echo "make site           build the course website from the executed notebooks (site/_build/html)"

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: the course needs Python 3.11 (set PYTHON=/path/to/python3.11)"; exit 1; }
	$(BIN)/python -c "import subprocess" 2>/dev/null || $(PYTHON) -m venv --clear $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[lab,test,site,hub]"
	@touch $@

hub-proxy: $(PROXY)

$(PROXY): course/jupyterhub/package.json course/jupyterhub/package-lock.json | $(STAMP)
	@mkdir -p $(VENV)/hub-proxy && cp $^ $(VENV)/hub-proxy/
	@if ! command -v npm >/dev/null; then \
		echo "npm not found: JupyterHub's proxy is not installed, the JupyterHub test will be skipped."; \
	elif npm ci --prefix $(VENV)/hub-proxy --omit=dev --no-audit --no-fund --loglevel=error; then \
		touch $@; \
	else echo "npm could not install JupyterHub's proxy: the JupyterHub test will be skipped."; fi

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=. README.md

test: $(STAMP) $(PROXY)
	DLCOURSE_FAST=1 $(BIN)/python -m pytest $(PYTEST_ARGS)

# Everything but the slow tests (notebooks, grading, browser), then the release
# drift check, which reads the generated assignments kept in course/cache/.
test-quick: $(STAMP)
	DLCOURSE_FAST=1 $(BIN)/python -m pytest -m "not slow" tests $(PYTEST_ARGS)
	$(BIN)/dlcourse release --check

# The suite's scheduler hands out the longest test groups first, using these times.
durations: $(STAMP) $(PROXY)
	DLCOURSE_FAST=1 $(BIN)/python -m pytest --store-durations $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .

check: $(STAMP)
	$(BIN)/dlcourse check

release: $(STAMP)
	$(BIN)/dlcourse release

release-check: $(STAMP)
	$(BIN)/dlcourse release --check

grade: $(STAMP)
	@test -n "$(A)" -a -n "$(S)" || { echo "usage: make grade A=a01 S=path/to/submissions"; exit 2; }
	$(BIN)/dlcourse grade $(A) $(S)

bench: $(STAMP)
	$(BIN)/dlcourse bench

# The website, offline, from the committed notebooks (nothing executed); see site/build.py.
site: $(STAMP)
	$(BIN)/python site/build.py

clean:
	rm -rf $(VENV) .pytest_cache course/gradebook.db course/submitted course/autograded course/feedback course/grades site/_build
