"""Keras and TensorFlow conveniences for the lessons that train networks.

TensorFlow prints start-up log lines from C++ that no setting silences; in a
notebook they look like errors.  :func:`import_tensorflow` imports it quietly
and says in one line what it found; :func:`history_summary` sums up a whole
``fit(..., verbose=0)`` in one line instead of a log line per epoch.
"""

import os
import sys


def import_tensorflow(quiet=False):
    """Import TensorFlow without its C++ start-up chatter; return the module.

    >>> tf = import_tensorflow()  # doctest: +SKIP
    TensorFlow 2.21.0, Keras 3.15.1, running on the CPU
    """
    if "tensorflow" not in sys.modules:
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
        sys.stderr.flush()
        saved, silent = os.dup(2), os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(silent, 2)  # the C++ logs go straight to file descriptor 2
            import tensorflow as tf

            tf.constant(0)  # the first operation logs too
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            os.close(silent)
    tf = sys.modules["tensorflow"]
    if not quiet:
        import keras

        devices = "a GPU" if tf.config.list_physical_devices("GPU") else "the CPU"
        print(f"TensorFlow {tf.__version__}, Keras {keras.__version__}, running on {devices}")
    return tf


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
