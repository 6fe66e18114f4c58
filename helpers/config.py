"""Run mode and seeding: the settings every notebook shares.

Two run modes:

* **full** (the default) is what students run: real epochs, real data sizes.
* **fast** is for automated tests: set the environment variable
  ``DLCOURSE_FAST=1`` and lessons shrink their work (fewer epochs, smaller
  subsets) through :func:`pick` and :func:`epochs`.

Only the standard library is imported here, so ``import helpers`` stays instant.
"""

import os
import random
import sys

from helpers.validate import check_count

FAST_ENV = "DLCOURSE_FAST"
SEED = 42

_TRUE = {"1", "true", "yes", "on"}


def is_fast():
    """True when the course runs in fast (test) mode, i.e. ``DLCOURSE_FAST=1``."""
    return os.environ.get(FAST_ENV, "").strip().lower() in _TRUE


def mode():
    """The run mode as a word: ``"fast"`` or ``"full"``."""
    return "fast" if is_fast() else "full"


def pick(*, full, fast):
    """Return ``fast`` in fast mode and ``full`` otherwise.

    >>> pick(full=60_000, fast=2_000)  # doctest: +SKIP
    60000
    """
    return fast if is_fast() else full


def epochs(full, fast=1):
    """Number of training epochs for the current mode.

    >>> epochs(full=20, fast=2)  # doctest: +SKIP
    20
    """
    for name, value in (("full", full), ("fast", fast)):
        check_count(value, f"epochs({name}=...)", 1)
    return pick(full=full, fast=fast)


def seed_everything(seed=SEED):
    """Seed Python's ``random``, NumPy's global generator and, once imported, Keras.

    Keras is seeded only if it has been imported already (importing it here
    would make every notebook wait for TensorFlow); call this again after
    ``import keras`` in the lessons that train networks.
    Returns the seed, so a notebook can print it.
    """
    check_count(seed, "seed", 0)
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    if "numpy" in sys.modules or _importable("numpy"):
        import numpy as np

        np.random.seed(seed)
    if "keras" in sys.modules:
        sys.modules["keras"].utils.set_random_seed(seed)
    return seed


def rng(seed=SEED):
    """A NumPy random generator with a fixed seed: ``rng().normal(size=3)``."""
    check_count(seed, "seed", 0)
    import numpy as np

    return np.random.default_rng(seed)


def _importable(name):
    from importlib.util import find_spec

    return find_spec(name) is not None
