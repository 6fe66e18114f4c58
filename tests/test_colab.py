"""Colab opens one notebook alone: the stand-in that every lecture runs on.

nbval executes each lecture once, on the ``dlcourse-colab`` kernel of
``tests/plugins/colab_kernel.py``: a Python that can import the scientific stack
but not ``helpers``, with ``google.colab`` loaded, working in an empty folder.
These tests check that the stand-in really is like that, and that the setup cell
every notebook opens with (the same cell everywhere: ``test_structure.py``)
installs the course there.  The assignments' releases open with that same cell;
their code is run by the grading tests.
"""

import os
import subprocess

import nbformat
import pytest
from nbclient import NotebookClient

from dlcourse import syllabus

from .notebooks import ROOT
from .plugins import colab_kernel

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def colab():
    python, variables = colab_kernel.environment(os.environ[colab_kernel.HOME_VARIABLE], "tests")
    return {"python": python, "env": dict(os.environ, **variables)}


def test_the_stand_in_looks_like_colab_before_installing(colab, tmp_path):
    code = "import sys; print('google.colab' in sys.modules); import helpers"
    done = subprocess.run(
        [colab["python"], "-c", code],
        env=colab["env"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert done.stdout.strip() == "True"
    assert "No module named 'helpers'" in done.stderr


def test_the_kernel_starts_in_an_empty_folder_and_the_setup_cell_installs_helpers(tmp_path):
    lecture = nbformat.read(ROOT / syllabus.ready(ROOT)[0].lecture, as_version=4)
    probe = nbformat.v4.new_code_cell(
        "import os, sys\n"
        "print(sorted(os.listdir()), 'helpers' in sys.modules, 'google.colab' in sys.modules)"
    )
    installed = nbformat.v4.new_code_cell(
        "from google.colab import output\nprint(output.calls)\nprint(helpers.__file__)"
    )
    nb = nbformat.v4.new_notebook(cells=[probe, lecture.cells[1], installed])
    os.environ[colab_kernel.NOTEBOOK_VARIABLE] = "probe.ipynb"
    NotebookClient(nb, kernel_name=colab_kernel.KERNEL, timeout=600).execute(cwd=str(tmp_path))
    text = ["".join(o.get("text", "") for o in cell.outputs) for cell in nb.cells]
    assert text[0].strip() == "[] False True", text[0]
    assert "| colab | mode: fast |" in text[1], text[1]
    calls, where = text[2].splitlines()
    assert calls == "['enable_custom_widget_manager']"
    home = os.environ[colab_kernel.HOME_VARIABLE]
    assert where.startswith(os.path.join(home, "envs")), "helpers came from the setup cell"
    assert not any(colab_kernel.workspace(home, "probe.ipynb").iterdir())
