"""Run a notebook the way the course commits it: a fresh kernel, top to bottom.

``dlcourse execute lectures/01_python_basics.ipynb`` runs a lecture in full mode
and saves it with its outputs (no per-cell timestamps, so re-running a lesson
changes the file only where its results change).
"""

import os
import time
from pathlib import Path


def execute(path, fast=False, timeout=600, save=True):
    """Execute the notebook at ``path`` in its own folder; return the seconds it took.

    Raises nbclient's ``CellExecutionError`` (with the failing cell) on an error.
    """
    import nbformat
    from nbclient import NotebookClient

    path = Path(path)
    if path.suffix != ".ipynb" or not path.is_file():
        raise ValueError(f"execute() expects the path of a .ipynb notebook, got {str(path)!r}.")
    notebook = nbformat.read(path, as_version=4)
    env = dict(os.environ, DLCOURSE_FAST="1" if fast else "0")
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent.resolve())}},
    )
    start = time.perf_counter()
    client.execute(env=env)  # the kernel's environment carries the run mode
    seconds = time.perf_counter() - start
    if save:
        nbformat.write(notebook, path)
    return seconds
