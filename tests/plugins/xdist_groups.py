"""Share the suite among xdist's workers: whole files, split files, longest first.

With ``--dist loadfile`` every test file is one group that runs on one worker, so
a lecture's cells run in order on one kernel (nbval) and a file's module-scoped
fixtures are built once.  This plugin changes two things:

* **Split files** (ini option ``dlcourse_split_files``): their parametrized tests
  are independent and slow (one assignment, one notebook each), so each parameter
  is a group of its own and the workers share them.
* **Longest first**: a free worker gets the longest group still waiting, using the
  seconds each group took in a recorded run (ini option ``dlcourse_durations``, a
  JSON file written by ``pytest --store-durations``; a group it does not know
  counts one second a test), so no worker starts a long group while the other is
  about to run out of work.

xdist has no public hook for either; this plugs into its ``LoadScopeScheduling``
through two private methods, ``_split_scope(nodeid)`` and
``_assign_work_unit(node)``, and its ``workqueue``.  :func:`check_xdist` stops the
run with a sentence if xdist changes them (``pyproject.toml`` pins xdist below 4),
so the grouping never silently falls back to whole files.
"""

import inspect
import json
from collections import OrderedDict
from pathlib import Path

import pytest

SECONDS_PER_UNKNOWN_TEST = 1.0


def pytest_addoption(parser):
    parser.addini(
        "dlcourse_split_files",
        "test files whose parametrized tests run as one group per parameter",
        type="linelist",
        default=[],
    )
    parser.addini(
        "dlcourse_durations",
        "JSON file of seconds per test group, used to hand out the longest first",
        default="",
    )
    parser.addoption(
        "--store-durations",
        action="store_true",
        help="record each test group's seconds in the dlcourse_durations file",
    )


def group(nodeid, split_files):
    """A test's group: its file, or its file and parameter for a split file."""
    path, _, name = nodeid.partition("::")
    if path in split_files and name.endswith("]") and "[" in name:
        return f"{path}::[{name[name.index('[') + 1 :]}"
    return path


def durations_path(config):
    name = config.getini("dlcourse_durations")
    return Path(config.rootpath, name) if name else None


def read_durations(config):
    path = durations_path(config)
    if path is None or not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def check_xdist(scheduler_class):
    """Stop the run, with a sentence, if xdist's scheduler no longer has what this plugin uses."""
    expected = {"_split_scope": ["self", "nodeid"], "_assign_work_unit": ["self", "node"]}
    for name, parameters in expected.items():
        method = getattr(scheduler_class, name, None)
        found = list(inspect.signature(method).parameters) if callable(method) else None
        if found != parameters:
            raise pytest.UsageError(
                f"pytest-xdist changed {scheduler_class.__name__}.{name} (expected parameters "
                f"{parameters}, found {found}): update tests/plugins/xdist_groups.py for this "
                "xdist, or install the version pinned in requirements.lock."
            )


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadScopeScheduling

    check_xdist(LoadScopeScheduling)
    split_files = set(config.getini("dlcourse_split_files"))
    seconds = read_durations(config)

    class LongestGroupFirst(LoadScopeScheduling):
        def __init__(self, config, log=None):
            super().__init__(config, log)
            if not isinstance(self.workqueue, OrderedDict):
                raise pytest.UsageError(
                    "pytest-xdist's LoadScopeScheduling.workqueue is no longer an OrderedDict: "
                    "update tests/plugins/xdist_groups.py for this xdist."
                )

        def _split_scope(self, nodeid):
            return group(nodeid, split_files)

        def _cost(self, scope):
            return seconds.get(scope, SECONDS_PER_UNKNOWN_TEST * len(self.workqueue[scope]))

        def _assign_work_unit(self, node):
            self.workqueue.move_to_end(max(self.workqueue, key=self._cost), last=False)
            super()._assign_work_unit(node)

    return LongestGroupFirst(config, log)


class DurationRecorder:
    """Adds up each group's setup, call and teardown seconds; writes them at the end."""

    def __init__(self, config):
        self.config = config
        self.split_files = set(config.getini("dlcourse_split_files"))
        self.seconds = {}

    def pytest_runtest_logreport(self, report):
        key = group(report.nodeid, self.split_files)
        self.seconds[key] = self.seconds.get(key, 0.0) + report.duration

    def pytest_sessionfinish(self, session):
        path = durations_path(self.config)
        if path is None or not self.seconds:
            return
        recorded = read_durations(self.config) | {
            key: round(value, 1) for key, value in self.seconds.items()
        }
        path.write_text(json.dumps(dict(sorted(recorded.items())), indent=1) + "\n")


def pytest_configure(config):
    if config.getoption("store_durations") and not hasattr(config, "workerinput"):
        config.pluginmanager.register(DurationRecorder(config), "dlcourse-durations")
