"""Helpers shared by every notebook of the deep-learning course.

``import helpers`` is instant: it loads only :mod:`helpers.config` (standard
library only).  The other modules load the first time you use them, so
``helpers.plots.image_grid(...)`` works without importing it yourself, and
TensorFlow is imported only by the functions that need it.

Modules
-------
config           run mode (fast / full), seeding, the one random generator ``rng()``
data             the data sets of the course, online with an offline fallback
plots            new figures, training curves, image grids, confusion matrices, paths
validate         input checks that answer a wrong argument with a sentence
nn               NumPy building blocks: activations, softmax, cross-entropy, gradients
thresholds       a score above a threshold: counts, precision, recall, ROC, the picture
tables           fixed-width text tables (layer summaries)
widgets          interactive explorers: sliders that redraw a figure
checks           "check yourself" feedback (exercises: the reference answers)
training         TensorFlow and Keras conveniences (a quiet import, a one-line fit summary)
integrity        graded tasks watch how an answer computes (hidden tests use it)
env              the environment report (``dlcourse check``)

Lessons:  tensors (02), arrays and timing (03), descent (04), evaluation (05),
classifiers (06), model_selection (07), perceptron (08), keras_intro (09),
deeper (10), deep_keras (11), autoencoders (12), convolution (13),
conv_autoencoders (14), transfer (15).  A lesson module takes shared pieces from
the modules above; it imports another lesson's module only where the lesson builds
on that one (08 on 06's data, 10 on 04's contour plot, 14 on 12 and 13, 15 on 13).
The larger ones are small packages (``helpers.conv_autoencoders.going_up``, ...)
whose ``__init__`` gathers the names the lectures use.

The instructors' tools (release, grading, bench, the ``dlcourse`` command) live
in the package :mod:`dlcourse`; nothing here imports them.
"""

import importlib
import importlib.util

from helpers.config import SEED, epochs, is_fast, mode, pick, rng, seed_everything

__version__ = "0.1.0"

__all__ = ["SEED", "epochs", "is_fast", "mode", "pick", "rng", "seed_everything", "setup"]


def __getattr__(name):
    """Import a submodule the first time it is used (keeps ``import helpers`` fast)."""
    if not name.startswith("_") and importlib.util.find_spec(f"helpers.{name}") is not None:
        return importlib.import_module(f"helpers.{name}")
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")


def _figures_inline():
    """In a notebook, show every matplotlib figure as a picture, pyplot or not.

    The helpers' drawing functions return ``matplotlib.figure.Figure`` objects;
    without the inline backend loaded, a notebook would print them as text.
    """
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None and hasattr(shell, "kernel"):
        shell.run_line_magic("matplotlib", "inline")


def setup(seed=SEED, quiet=False):
    """Prepare a lecture notebook: quiet TensorFlow logs, seed everything, say where we run.

    Called by the setup cell at the top of every lecture.  Prints one line such as
    ``dlcourse 0.1.0 | Python 3.11.7 | local | mode: full | seed 42``.
    """
    import os

    # TensorFlow reads this when it is first imported: hide its C++ start-up chatter.
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    seed_everything(seed)
    _figures_inline()
    if not quiet:
        from helpers.env import summary

        print(summary(seed))
