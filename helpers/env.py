"""The environment report: what runs this course, and does it match what was tested.

``dlcourse check`` prints :func:`report`; each lecture's setup cell prints
:func:`summary`.  Versions are read from the installed packages' metadata, so
nothing heavy (TensorFlow) is imported unless the GPU check asks for it.
"""

import os
import platform
import sys
from importlib import metadata

import helpers
from helpers import config

# The versions the course is tested with; tests/test_structure.py keeps this in
# step with requirements.lock.
TESTED = {
    "python": "3.11",
    "numpy": "2.4.6",
    "tensorflow": "2.21.0",
    "keras": "3.15.1",
    "matplotlib": "3.11.2",
    "scikit-learn": "1.9.1",
    "ipywidgets": "8.1.9",
    "jupyterlab": "4.6.6",
    "nbgrader": "0.9.6",
}

# A package may be installed under another distribution name.
_DISTRIBUTIONS = {"tensorflow": ("tensorflow", "tensorflow-cpu", "tensorflow-gpu", "tf-nightly")}


def where():
    """Where the notebook runs: ``"colab"``, ``"binder"`` or ``"local"``."""
    if "google.colab" in sys.modules or "COLAB_RELEASE_TAG" in os.environ:
        return "colab"
    if "BINDER_LAUNCH_HOST" in os.environ or "BINDER_SERVICE_HOST" in os.environ:
        return "binder"
    return "local"


def installed_version(package):
    """The installed version of ``package`` (``None`` when it is not installed)."""
    if package == "python":
        return platform.python_version()
    for name in _DISTRIBUTIONS.get(package, (package,)):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return None


def compare(installed, tested):
    """``"ok"`` when ``installed`` matches ``tested`` (a prefix such as 3.11 matches 3.11.7)."""
    if installed is None:
        return "missing"
    same = installed == tested or installed.startswith(tested + ".")
    return "ok" if same else "differs"


def versions():
    """Rows of (package, installed, tested, status) for the packages the course names."""
    rows = []
    for package, tested in TESTED.items():
        installed = installed_version(package)
        rows.append((package, installed or "-", tested, compare(installed, tested)))
    return rows


def gpus():
    """Names of the GPUs TensorFlow can use (imports TensorFlow: takes a few seconds)."""
    from helpers.training import import_tensorflow

    tf = import_tensorflow(quiet=True)  # without TensorFlow's start-up log lines
    return [device.name for device in tf.config.list_physical_devices("GPU")]


def summary(seed=config.SEED):
    """One line for the top of a notebook: version, Python, platform, mode, seed."""
    return (
        f"dlcourse {helpers.__version__} | Python {platform.python_version()} | "
        f"{where()} | mode: {config.mode()} | seed {seed}"
    )


def report(check_gpu=True):
    """The full environment report as text (what ``dlcourse check`` prints)."""
    from helpers import data

    lines = [
        f"dlcourse {helpers.__version__} on {platform.system()} {platform.machine()}, "
        f"running {where()}",
        f"mode: {config.mode()} (set {config.FAST_ENV}=1 for the fast test mode)",
        "",
        f"{'package':<14}{'installed':<12}{'tested':<10}status",
    ]
    for package, installed, tested, status in versions():
        lines.append(f"{package:<14}{installed:<12}{tested:<10}{status}")
    lines.append("")
    if check_gpu and installed_version("tensorflow"):
        found = gpus()
        lines.append(
            f"GPU: {', '.join(found)}" if found else "GPU: none found, training runs on the CPU"
        )
    elif check_gpu:
        lines.append("GPU: not checked, TensorFlow is not installed")
    lines.append("")
    lines.append("data sets:")
    for name, state in data.status().items():
        lines.append(f"  {name:<14}{state}")
    return "\n".join(lines)
