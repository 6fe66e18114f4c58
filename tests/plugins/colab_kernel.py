"""Run the lectures once, as Colab would: a pytest plugin and the kernel it starts.

nbval executes every lecture (``--nbval-kernel-name=dlcourse-colab``) on a kernel
that stands in for Colab's, so one execution checks both the outputs (nbval) and
the Colab path:

* the kernel's Python can import the scientific stack (borrowed from the course's
  environment, as Colab ships it) but not the course's ``helpers`` package, so
  each lecture's setup cell must install it (here from a wheel built from a copy
  of the repository, on Colab from GitHub) before anything imports it;
* ``google.colab`` is already imported when the kernel starts, as on Colab;
* the kernel works in an empty folder of its own, not beside the other
  lectures, so a lecture that needs a file next to it fails; and a lecture must
  leave that folder as it found it (checked when its last cell is done).

The session's Colab home (``DLCOURSE_COLAB_HOME``) holds the kernel spec, the
wheel, one Colab-like environment per xdist worker (built on the first kernel
start, so the lectures' setup cells never share a ``pip install``) and the
lectures' working folders.  Run as a script, this file is that kernel's launcher.
"""

import fcntl
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import venv
from contextlib import contextmanager
from pathlib import Path

import pytest

KERNEL = "dlcourse-colab"
ROOT = Path(__file__).resolve().parents[2]
HOME_VARIABLE = "DLCOURSE_COLAB_HOME"
NOTEBOOK_VARIABLE = "DLCOURSE_COLAB_NOTEBOOK"

STAND_IN = '''"""A stand-in for the google.colab module: what the course's notebooks call."""


class output:
    calls = []

    @staticmethod
    def enable_custom_widget_manager():
        output.calls.append("enable_custom_widget_manager")
'''


# --- the Colab-like environment -----------------------------------------------------


@contextmanager
def _locked(path):
    with open(path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def wheel(home):
    """The course package built into a wheel from a copy of the repository (once a session)."""
    folder = Path(home) / "wheel"
    with _locked(Path(home) / "wheel.lock"):
        built = sorted(folder.glob("*.whl"))
        if not built:
            with tempfile.TemporaryDirectory(dir=home) as scratch:
                repo = Path(scratch) / "repository"
                ignore = shutil.ignore_patterns(
                    ".venv", ".git", "__pycache__", "course", "tests", "*.egg-info", "build"
                )
                shutil.copytree(ROOT, repo, ignore=ignore, symlinks=True)
                subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "pip",
                        "wheel",
                        "--quiet",
                        "--no-deps",
                        "-w",
                        folder,
                        repo,
                    ],
                    check=True,
                    capture_output=True,
                )
            built = sorted(folder.glob("*.whl"))
    return built[0]


def environment(home, name):
    """A Colab-like Python: the course's libraries, no ``helpers``, ``google.colab`` loaded.

    Returns the interpreter and the environment variables its processes need.
    """
    base = Path(home) / "envs" / name
    python = base / "env" / "bin" / "python"
    base.parent.mkdir(parents=True, exist_ok=True)
    with _locked(base.parent / f"{name}.lock"):
        if not python.exists():
            # pip comes with the borrowed stack below, as Colab's comes preinstalled.
            venv.create(base / "env", with_pip=False)
            site = subprocess.run(
                [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
            # Colab's preinstalled stack, without the course package (whose editable-install
            # hook lives in a .pth file, which a plain path entry does not run).
            Path(site, "colab_stack.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
            colab = base / "colab_module" / "google" / "colab"
            colab.mkdir(parents=True)
            (colab / "__init__.py").write_text(STAND_IN)
            (base / "colab_module" / "sitecustomize.py").write_text(
                "import google.colab  # noqa: F401\n"
            )
    variables = {
        "PYTHONPATH": str(base / "colab_module"),
        "DLCOURSE_PIP_SOURCE": str(wheel(home)),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        # Every dependency is in the borrowed stack already: pip need not check them all.
        "PIP_NO_DEPS": "1",
    }
    return python, variables


def workspace(home, notebook):
    """The empty folder a lecture's kernel works in."""
    return Path(home) / "content" / Path(notebook).stem


def launch(arguments):
    """The kernel spec's command: build this worker's environment, then become its kernel."""
    home = os.environ[HOME_VARIABLE]
    python, variables = environment(home, os.environ.get("PYTEST_XDIST_WORKER", "main"))
    folder = workspace(home, os.environ.get(NOTEBOOK_VARIABLE, "notebook"))
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    os.chdir(folder)
    os.environ.update(variables)
    os.execv(python, [str(python), "-m", "ipykernel_launcher", *arguments])


def write_kernel_spec(home):
    """Register the kernel for this session (JUPYTER_PATH) and return its folder."""
    spec = Path(home) / "jupyter" / "kernels" / KERNEL
    spec.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, str(Path(__file__).resolve()), "-f", "{connection_file}"]
    kernel = {"argv": command, "display_name": "Python 3 (Colab stand-in)", "language": "python"}
    spec.joinpath("kernel.json").write_text(json.dumps(kernel))
    return spec


# --- the pytest side ----------------------------------------------------------------


def _is_lecture_cell(item):
    return type(item).__name__ == "IPyNbCell"


def pytest_configure(config):
    """The session's Colab home, made once by the controller and shared with its workers."""
    if HOME_VARIABLE in os.environ:
        return
    home = tempfile.mkdtemp(prefix="dlcourse-colab-")
    os.environ[HOME_VARIABLE] = home
    write_kernel_spec(home)
    paths = [str(Path(home) / "jupyter"), os.environ.get("JUPYTER_PATH", "")]
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, paths))
    config._dlcourse_colab_home = home


def pytest_unconfigure(config):
    home = getattr(config, "_dlcourse_colab_home", None)
    if home:
        shutil.rmtree(home, ignore_errors=True)


@pytest.hookimpl(tryfirst=True)  # before nbval starts the lecture's kernel
def pytest_runtest_setup(item):
    if _is_lecture_cell(item):  # the kernel, started with the first cell, learns its lecture
        os.environ[NOTEBOOK_VARIABLE] = item.path.name


@pytest.hookimpl(trylast=True)  # after nbval has stopped the lecture's kernel
def pytest_runtest_teardown(item, nextitem):
    if not _is_lecture_cell(item) or (nextitem is not None and nextitem.path == item.path):
        return
    folder = workspace(os.environ[HOME_VARIABLE], item.path.name)
    left = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
    shutil.rmtree(folder, ignore_errors=True)
    assert not left, (
        f"{item.path.name} left files in its working folder (Colab's /content): {left}; "
        "write them to a temporary folder and remove them"
    )


if __name__ == "__main__":
    launch(sys.argv[1:])
