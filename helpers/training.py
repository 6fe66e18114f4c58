"""Keras and TensorFlow conveniences for the lessons that train networks.

TensorFlow prints start-up log lines from C++ that no setting silences; in a
notebook they look like errors.  :func:`import_tensorflow` imports it quietly
and says in one line what it found; :func:`history_summary` sums up a whole
``fit(..., verbose=0)`` in one line instead of a log line per epoch.
"""

import contextlib
import os
import sys

_started = False  # True once this process ran its first TensorFlow operation, quietly


def import_tensorflow(quiet=False):
    """Import TensorFlow without its C++ start-up chatter; return the module.

    >>> tf = import_tensorflow()  # doctest: +SKIP
    TensorFlow 2.21.0, Keras 3.15.1, running on the CPU
    """
    global _started
    if not _started:
        with _cpp_logs_hidden():
            import tensorflow as tf

            tf.constant(0)  # the first operation logs too
        _started = True
    tf = sys.modules["tensorflow"]
    if not quiet:
        import keras

        devices = "a GPU" if tf.config.list_physical_devices("GPU") else "the CPU"
        print(f"TensorFlow {tf.__version__}, Keras {keras.__version__}, running on {devices}")
    return tf


def preload_tensorflow():
    """Import TensorFlow quietly and run no operation: for a process that forks afterwards.

    The grading fork server calls it, so that kernels start with TensorFlow
    imported.  Its first operation starts TensorFlow's threads, which a fork
    would not carry over, so each forked process runs its own (through
    :func:`import_tensorflow`).
    """
    with _cpp_logs_hidden():
        import tensorflow  # noqa: F401


@contextlib.contextmanager
def _cpp_logs_hidden():
    """File descriptor 2 goes nowhere, where TensorFlow's C++ logs go, with its log level at 2."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    sys.stderr.flush()
    saved, silent = os.dup(2), os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(silent, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(silent)


def history_summary(history):
    """One line that sums up a training run: each metric at the first and the last epoch.

    ``history`` is what Keras's ``fit`` returns (or its ``.history`` dict of lists).
    Use it with ``fit(..., verbose=0)`` instead of a log line per epoch.

    >>> history_summary({"loss": [2.0, 0.5, 0.25], "val_loss": [2.1, 0.75, 0.5]})
    '3 epochs: loss 2.000 -> 0.250, val_loss 2.100 -> 0.500'
    """
    values = getattr(history, "history", history)
    if not isinstance(values, dict) or not values:
        raise TypeError(
            "history_summary() expects a Keras History (what model.fit returns) or a dict "
            f"such as {{'loss': [...]}}, got {type(history).__name__}."
        )
    lengths = {len(v) for v in values.values()}
    if len(lengths) != 1 or 0 in lengths:
        raise ValueError("Every metric of the history needs the same, non-zero number of epochs.")
    names = sorted(values, key=lambda name: (name.startswith("val_"), name))
    parts = [f"{name} {values[name][0]:.3f} -> {values[name][-1]:.3f}" for name in names]
    n = lengths.pop()
    return f"{n} epoch{'s' if n != 1 else ''}: " + ", ".join(parts)
