"""The suite's own plugins: how tests are shared among workers, and the Colab kernel."""

import json
import os
import subprocess
import sys

import nbformat
import pytest

from .notebooks import ROOT
from .plugins import colab_kernel, xdist_groups

SPLIT = {"tests/test_assignments.py"}


def test_a_test_belongs_to_its_file_or_for_a_split_file_to_its_parameter():
    assert xdist_groups.group("tests/test_x.py::test_a[a01]", SPLIT) == "tests/test_x.py"
    assert (
        xdist_groups.group("tests/test_assignments.py::test_a[a01]", SPLIT)
        == "tests/test_assignments.py::[a01]"
    )
    assert (
        xdist_groups.group("tests/test_assignments.py::test_release_check", SPLIT)
        == "tests/test_assignments.py"
    )
    assert xdist_groups.group("lectures/01.ipynb::Cell 3", SPLIT) == "lectures/01.ipynb"


def test_the_installed_xdist_has_what_the_scheduler_uses():
    from xdist.scheduler import LoadScopeScheduling

    xdist_groups.check_xdist(LoadScopeScheduling)


def test_a_changed_xdist_stops_the_run_with_a_sentence():
    class Changed:
        def _split_scope(self, nodeid, extra):
            return nodeid

        def _assign_work_unit(self, node):
            pass

    with pytest.raises(pytest.UsageError, match=r"pytest-xdist changed Changed\._split_scope"):
        xdist_groups.check_xdist(Changed)

    class Renamed:
        def _split_scope(self, nodeid):
            return nodeid

    with pytest.raises(pytest.UsageError, match="_assign_work_unit"):
        xdist_groups.check_xdist(Renamed)


def run_pytest(folder, *arguments, env=None):
    """pytest in a project of its own, with this repository's plugins importable."""
    environ = dict(env or os.environ, PYTHONPATH=str(ROOT))
    environ.pop("PYTEST_ADDOPTS", None)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *arguments],
        cwd=folder,
        env=environ,
        capture_output=True,
        text=True,
    )


LOGGING_TEST = """
import os

def log(name):
    with open({log!r}, "a") as f:
        f.write(os.environ["PYTEST_XDIST_WORKER"] + " " + name + "\\n")
"""


@pytest.mark.slow  # a pytest session of its own, with two workers
def test_workers_take_the_longest_group_first_and_share_a_split_file(tmp_path):
    log = tmp_path / "order.log"
    (tmp_path / "pytest.ini").write_text(
        "[pytest]\ndlcourse_split_files = test_split.py\ndlcourse_durations = durations.json\n"
    )
    (tmp_path / "durations.json").write_text(
        json.dumps({"test_slow.py": 100, "test_split.py::[3]": 50, "test_many.py": 1})
    )
    (tmp_path / "logger.py").write_text(LOGGING_TEST.format(log=str(log)))
    (tmp_path / "test_many.py").write_text(
        "from logger import log\n"
        + "".join(f"def test_{i}():\n    log('many')\n" for i in range(6))
    )
    (tmp_path / "test_slow.py").write_text(
        "from logger import log\ndef test_s():\n    log('slow')\n"
    )
    (tmp_path / "test_split.py").write_text(
        "import pytest\nfrom logger import log\n"
        "@pytest.mark.parametrize('n', range(4))\ndef test_p(n):\n    log(f'split{n}')\n"
    )
    done = run_pytest(
        tmp_path,
        "-p",
        "tests.plugins.xdist_groups",
        "-n",
        "2",
        "--dist",
        "loadfile",
        "--store-durations",
        "-q",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    runs = [line.split() for line in log.read_text().splitlines()]
    first = {worker: name for worker, name in reversed(runs)}
    assert set(first.values()) == {"slow", "split3"}, runs
    recorded = json.loads((tmp_path / "durations.json").read_text())
    assert {f"test_split.py::[{n}]" for n in range(4)} <= set(recorded), recorded
    assert "test_many.py" in recorded and "test_slow.py" in recorded


@pytest.mark.slow  # a pytest session of its own, with a notebook kernel
def test_a_lecture_that_leaves_a_file_in_its_folder_fails_at_its_last_cell(tmp_path):
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("import os\nassert os.listdir() == [], os.listdir()"),
            nbformat.v4.new_code_cell("open('model.keras', 'w').close()"),
        ]
    )
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nbformat.write(nb, tmp_path / "leaves_a_file.ipynb")
    (tmp_path / "beside.txt").write_text("a file beside the notebook, as in lectures/")
    # The session's Colab home and this worker's environment are reused.
    env = dict(os.environ, PYTEST_XDIST_WORKER=os.environ.get("PYTEST_XDIST_WORKER", "main"))
    done = run_pytest(
        tmp_path,
        "-p",
        "tests.plugins.colab_kernel",
        "-p",
        "nbval",
        "--nbval-lax",
        f"--nbval-kernel-name={colab_kernel.KERNEL}",
        "leaves_a_file.ipynb",
        "-q",
        env=env,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "1 error" in done.stdout and "2 passed" in done.stdout, done.stdout
    assert "leaves_a_file.ipynb left files in its working folder" in done.stdout
    assert "['model.keras']" in done.stdout
