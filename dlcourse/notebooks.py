"""Run a notebook the way the course commits it: a fresh kernel, top to bottom.

``dlcourse execute lectures/01_python_basics.ipynb`` runs a lecture in full mode
and saves it with its outputs (no per-cell timestamps, so re-running a lesson
changes the file only where its results change).
"""

import os
import time
from pathlib import Path


def read(path):
    """Read a notebook, checking first that ``path`` is one."""
    import nbformat

    path = Path(path)
    if path.suffix != ".ipynb" or not path.is_file():
        raise ValueError(f"Expected the path of a .ipynb notebook, got {str(path)!r}.")
    return nbformat.read(path, as_version=4)


def run(notebook, folder, fast=False, timeout=600, env=None):
    """Execute ``notebook`` (in place) in a fresh kernel working in ``folder``; return seconds.

    ``env`` adds environment variables for the kernel (``CUDA_VISIBLE_DEVICES=""``
    hides the GPUs, say).

    Raises nbclient's ``CellExecutionError`` (naming the failing cell) on an error.
    """
    from nbclient import NotebookClient

    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(Path(folder).resolve())}},
    )
    env = dict(os.environ, **(env or {}), DLCOURSE_FAST="1" if fast else "0")
    start = time.perf_counter()
    client.execute(env=env)  # the kernel's environment carries the run mode
    return time.perf_counter() - start


def execute(path, fast=False, timeout=600, save=True):
    """Execute the notebook at ``path`` in its own folder, save it; return the seconds it took."""
    import nbformat

    notebook = read(path)
    seconds = run(notebook, Path(path).parent, fast=fast, timeout=timeout)
    if save:
        nbformat.write(notebook, path)
    return seconds
