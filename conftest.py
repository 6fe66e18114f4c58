"""Test-session settings shared by tests/ and the nbval run over lectures/.

The suite runs on every core (pytest-xdist, ``--dist loadfile``): each file
runs on one worker, so a notebook's cells run in order on one kernel (nbval)
and a test file's module-scoped fixtures are built once.
"""

import os
import time

import pytest

# Notebook kernels started by the tests inherit these: lessons shrink their work,
# no test depends on (or waits for) the network, TensorFlow keeps quiet.
os.environ.setdefault("DLCOURSE_FAST", "1")
os.environ.setdefault("DLCOURSE_OFFLINE", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("MPLBACKEND", "Agg")

# The whole suite must stay fast enough to run on every change (2 CPU cores).
SUITE_BUDGET_S = float(os.environ.get("DLCOURSE_SUITE_BUDGET_S", 15 * 60))
_started = time.monotonic()


def pytest_sessionfinish(session, exitstatus):
    elapsed = time.monotonic() - _started
    if elapsed > SUITE_BUDGET_S and not hasattr(session.config, "workerinput"):
        writer = session.config.get_terminal_writer()
        writer.line()
        writer.line(
            f"The test suite took {elapsed / 60:.1f} min, over its budget of "
            f"{SUITE_BUDGET_S / 60:.0f} min: make the slow tests or lessons faster.",
            red=True,
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
