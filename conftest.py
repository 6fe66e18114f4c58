"""Test-session settings shared by tests/ and the nbval run over lectures/.

The suite runs on every core (pytest-xdist, ``--dist loadfile``), shared among the
workers by ``tests/plugins/xdist_groups.py``; the lectures run once, on a kernel
that stands in for Colab's (``tests/plugins/colab_kernel.py``).  At the end of
every run the suite's time is printed against its target.
"""

import os
import time

pytest_plugins = ["tests.plugins.xdist_groups", "tests.plugins.colab_kernel"]

# Notebook kernels started by the tests inherit these: lessons shrink their work,
# no test depends on (or waits for) the network, TensorFlow keeps quiet.
os.environ.setdefault("DLCOURSE_FAST", "1")
os.environ.setdefault("DLCOURSE_OFFLINE", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("MPLBACKEND", "Agg")

# The whole suite should run in 10 minutes on 2 CPU cores.  A slow or busy machine
# only gets a note; the run fails only far beyond any noise (a hang, a runaway).
SUITE_TARGET_S = float(os.environ.get("DLCOURSE_SUITE_TARGET_S", 10 * 60))
SUITE_LIMIT_S = float(os.environ.get("DLCOURSE_SUITE_LIMIT_S", 45 * 60))
_started = time.monotonic()


def pytest_terminal_summary(terminalreporter, config):
    if hasattr(config, "workerinput"):
        return
    elapsed = time.monotonic() - _started
    over = elapsed > SUITE_TARGET_S
    terminalreporter.write_line(
        f"Suite time: {elapsed / 60:.1f} min, target {SUITE_TARGET_S / 60:.0f} min"
        + (" (over: see the slowest tests with --durations=20)" if over else ""),
        yellow=over,
        bold=True,
    )
    if elapsed > SUITE_LIMIT_S:
        terminalreporter.write_line(
            f"The suite ran past its hard limit of {SUITE_LIMIT_S / 60:.0f} min: something hangs "
            "or runs away.",
            red=True,
        )


def pytest_sessionfinish(session, exitstatus):
    past_limit = time.monotonic() - _started > SUITE_LIMIT_S
    if past_limit and not hasattr(session.config, "workerinput"):
        session.exitstatus = 1
