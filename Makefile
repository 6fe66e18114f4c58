# One way to run everything.  `make lab` and `make test` create .venv and
# install the locked, tested versions first (only when pyproject.toml or
# requirements.lock changed since the last install).

PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: help install lab test test-quick durations lint check release release-check grade bench clean

help:
	@echo "make lab            install, then open JupyterLab on the course"
	@echo "make test           install, then run the whole test suite (fast mode, about 10 min)"
	@echo "make test-quick     the inner loop, under a minute: unit, structure and lint tests, release drift"
	@echo "make durations      run the whole suite and record each test group's time (tests/durations.json)"
	@echo "make check          print the environment report"
	@echo "make release        regenerate assignments/ from solutions/ (nbgrader)"
	@echo "make release-check  fail when assignments/ has drifted from solutions/"
	@echo "make grade A=a01 S=submissions/   autograde a folder (or zip) of submissions"
	@echo "make bench          time and measure every lecture and solution (full mode)"

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: the course needs Python 3.11 (set PYTHON=/path/to/python3.11)"; exit 1; }
	$(BIN)/python -c "import subprocess" 2>/dev/null || $(PYTHON) -m venv --clear $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[lab,test]"
	@touch $@

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=. README.md

test: $(STAMP)
	DLCOURSE_FAST=1 $(BIN)/python -m pytest $(PYTEST_ARGS)

# Everything but the slow tests (notebooks, grading, browser), then the release
# drift check, which reads the generated assignments kept in course/cache/.
test-quick: $(STAMP)
	DLCOURSE_FAST=1 $(BIN)/python -m pytest -m "not slow" tests $(PYTEST_ARGS)
	$(BIN)/dlcourse release --check

# The suite's scheduler hands out the longest test groups first, using these times.
durations: $(STAMP)
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

clean:
	rm -rf $(VENV) .pytest_cache course/gradebook.db course/submitted course/autograded course/feedback course/grades
