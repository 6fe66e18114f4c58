"""Imported by the grading fork server when the notebooks to grade use TensorFlow.

Importing TensorFlow takes about three seconds of processor time, which every
kernel of a lesson that trains networks would spend again; imported once here,
every kernel forked afterwards has it.  It runs no operation (see
:func:`helpers.training.preload_tensorflow`).  If the import fails, the kernels
only start colder.
"""

try:
    from helpers.training import preload_tensorflow

    preload_tensorflow()
except Exception:  # noqa: BLE001 - a cold start is slower, never wrong
    pass
