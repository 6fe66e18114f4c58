"""Keras and TensorFlow conveniences for the lessons that train networks.

TensorFlow prints start-up log lines from C++ that no setting silences; in a
notebook they look like errors.  :func:`import_tensorflow` imports it quietly
and says in one line what it found.
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
