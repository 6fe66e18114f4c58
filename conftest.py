"""Test-session settings shared by tests/ and the nbval run over lectures/.

The suite runs on every core (pytest-xdist, ``--dist loadfile``): each file
runs on one worker, so a notebook's cells run in order on one kernel (nbval)
and a test file's module-scoped fixtures are built once.
"""

import os

# Notebook kernels started by the tests inherit these: lessons shrink their work,
# no test depends on (or waits for) the network, TensorFlow keeps quiet.
os.environ.setdefault("DLCOURSE_FAST", "1")
os.environ.setdefault("DLCOURSE_OFFLINE", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("MPLBACKEND", "Agg")
