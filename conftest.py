"""Test-session settings shared by tests/ and the nbval run over lectures/.

The suite runs on every core (pytest-xdist, ``--dist loadfile``).  Each file runs
on one worker, so a notebook's cells run in order on one kernel (nbval) and a
test file's module-scoped fixtures are built once, except the files in
``SPLIT_FILES``: their slow parametrized tests (one assignment, one notebook
each) are independent, so each parameter is a group of its own and the workers
share them.  (xdist's own ``--dist loadgroup`` would do it with marks, but
pytest 9 no longer lets xdist 3.8 rename the tests it groups.)
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


# Files whose parametrized tests are independent and slow (one assignment, one notebook
# each): their tests are split into one group per parameter, shared among the workers.
SPLIT_FILES = {"tests/test_assignments.py", "tests/test_colab.py"}


def _group(nodeid):
    """The group of a test: its file, or its file and parameter for a split file."""
    path, _, name = nodeid.partition("::")
    if path in SPLIT_FILES and name.endswith("]") and "[" in name:
        return f"{path}::[{name[name.index('[') + 1 :]}"
    return path


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class SplitFileScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return _group(nodeid)

    return SplitFileScheduling(config, log)


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
