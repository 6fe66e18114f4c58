"""Checking models: under- and overfitting, confusion matrices, metrics, k-fold pictures.

Lesson 5 draws these pictures.  As everywhere in the course, the computation is a
pure function (``degree_errors``, ``binary_counts``, ``threshold_metrics``) and the
picture is another pure function that returns a :class:`matplotlib.figure.Figure`
(``draw_degree_fit``, ``draw_confusion_matrix``, ``draw_threshold``, ``draw_kfold``),
so a slider can call it again and a test can inspect it.  ``binary_counts``,
``threshold_metrics`` and ``draw_threshold`` live in :mod:`helpers.thresholds`
(flagged means ``score > threshold``) and are reachable here under the same names.

>>> from helpers import evaluation
>>> x, y = evaluation.noisy_curve(30)
>>> evaluation.mse(y, evaluation.fit_polynomial(x, y, 3)(x)) < 0.2
True
"""

import numpy as np

from helpers import config
from helpers.config import SEED
from helpers.plots import confusion_matrix_on
from helpers.thresholds import (  # noqa: F401  (lesson 05 calls them as evaluation.<name>)
    binary_counts,
    draw_threshold,
    threshold_metrics,
)
from helpers.validate import check_count

__all__ = [
    "binary_counts",
    "degree_errors",
    "draw_confusion_matrix",
    "draw_degree_fit",
    "draw_kfold",
    "draw_threshold",
    "fit_polynomial",
    "mse",
    "noisy_curve",
    "threshold_metrics",
    "true_curve",
]


# --- polynomial degree: under- and overfitting ---------------------------------------


def true_curve(x):
    """The curve behind :func:`noisy_curve`: ``sin(2 pi x)``."""
    return np.sin(2 * np.pi * np.asarray(x, dtype=float))


def noisy_curve(n, noise=0.25, seed=SEED):
    """``n`` points ``(x, y)`` with ``x`` uniform on [0, 1] and ``y = sin(2 pi x) + noise``.

    The noise is normal with standard deviation ``noise``; the same ``seed`` gives the
    same points.  ``x`` comes out unsorted, as data usually does.
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"noisy_curve() needs a positive whole number of points, got {n!r}.")
    if noise < 0:
        raise ValueError(f"The noise level must not be negative, got {noise!r}.")
    generator = config.rng(seed)
    x = generator.uniform(0.0, 1.0, size=n)
    y = true_curve(x) + generator.normal(0.0, noise, size=n)
    return x, y


def _as_1d(values, name):
    values = np.asarray(values, dtype=float)
    if values.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, got shape {values.shape}.")
    return values


def _pair(x, y, what="x and y"):
    x, y = _as_1d(x, "x"), _as_1d(y, "y")
    if len(x) != len(y):
        raise ValueError(f"{what} must have the same length, got {len(x)} and {len(y)}.")
    if len(x) == 0:
        raise ValueError(f"{what} are empty.")
    return x, y


def _check_degree(degree, n_points):
    check_count(degree, "A polynomial degree", 0)
    if degree >= n_points:
        raise ValueError(
            f"A polynomial of degree {degree} has {degree + 1} coefficients, but {n_points} "
            f"points fix at most {n_points}: use a degree below {n_points}."
        )


def fit_polynomial(x, y, degree):
    """Least-squares polynomial of ``degree`` through the points; returns a callable.

    The result is a :class:`numpy.polynomial.Polynomial`, so ``p = fit_polynomial(x, y, 3)``
    then ``p(0.5)`` evaluates it.  (It rescales ``x`` to [-1, 1] inside, which keeps
    high degrees numerically sound.)
    """
    x, y = _pair(x, y)
    _check_degree(degree, len(x))
    return np.polynomial.Polynomial.fit(x, y, int(degree))


def mse(y_true, y_pred):
    """Mean squared error: the mean of ``(y_true - y_pred) ** 2``."""
    y_true, y_pred = _pair(y_true, y_pred, "y_true and y_pred")
    return float(np.mean((y_true - y_pred) ** 2))


def degree_errors(x_train, y_train, x_val, y_val, degrees):
    """Training and validation MSE of a polynomial fit for each degree in ``degrees``.

    Each polynomial is fitted on the training points only.  Returns two arrays,
    ``(train_errors, val_errors)``, one entry per degree.
    """
    x_train, y_train = _pair(x_train, y_train, "x_train and y_train")
    x_val, y_val = _pair(x_val, y_val, "x_val and y_val")
    degrees = list(degrees)
    if not degrees:
        raise ValueError("degree_errors() needs at least one degree.")
    train, val = [], []
    for degree in degrees:
        poly = fit_polynomial(x_train, y_train, degree)
        train.append(mse(y_train, poly(x_train)))
        val.append(mse(y_val, poly(x_val)))
    return np.array(train), np.array(val)


def draw_degree_fit(degree, x_train, y_train, x_val, y_val, max_degree=12, truth=true_curve):
    """Two panels: the degree-``degree`` fit over the data, and error against degree.

    Left, the training and validation points, the fitted polynomial and (if ``truth``
    is given) the true curve.  Right, training and validation MSE for degrees
    0..``max_degree`` on a log scale, with the current degree marked.
    """
    from matplotlib.figure import Figure

    x_train, y_train = _pair(x_train, y_train, "x_train and y_train")
    x_val, y_val = _pair(x_val, y_val, "x_val and y_val")
    _check_degree(max_degree, len(x_train))
    _check_degree(degree, max_degree + 1)
    degrees = np.arange(max_degree + 1)
    train_err, val_err = degree_errors(x_train, y_train, x_val, y_val, degrees)
    poly = fit_polynomial(x_train, y_train, degree)

    fig = Figure(figsize=(10, 3.8))
    left, right = fig.subplots(1, 2)
    low = min(x_train.min(), x_val.min())
    high = max(x_train.max(), x_val.max())
    grid = np.linspace(low, high, 400)
    everything = np.concatenate([y_train, y_val])
    margin = 0.5 * (everything.max() - everything.min())
    if truth is not None:
        left.plot(grid, truth(grid), color="0.6", ls="--", lw=1.5, label="true curve")
    left.plot(grid, poly(grid), color="C3", lw=2, label=f"degree {degree}")
    left.scatter(x_train, y_train, s=28, color="C0", zorder=3, label="training")
    left.scatter(
        x_val, y_val, s=28, facecolor="white", edgecolor="C1", lw=1.5, zorder=3, label="validation"
    )
    left.set_ylim(everything.min() - margin, everything.max() + margin)
    left.set(xlabel="x", ylabel="y", title=f"Polynomial of degree {degree}")
    left.legend(loc="lower left", fontsize=8)

    # Wild high-degree fits can miss the validation points by millions: cap the axis
    # and show such errors as triangles on its top edge.
    cap = 10 * max(train_err[0], val_err[0])
    shown = np.minimum(val_err, cap)
    right.semilogy(degrees, train_err, "o-", color="C0", label="training error")
    right.semilogy(degrees, shown, "s-", color="C1", label="validation error")
    off = val_err > cap
    if off.any():
        right.plot(degrees[off], shown[off], "^", color="C1", ms=9, label="off the chart")
    right.axvline(degree, color="C3", lw=1, ls=":")
    right.plot([degree], [train_err[degree]], "o", color="C3", ms=9, zorder=3)
    right.plot([degree], [shown[degree]], "s", color="C3", ms=9, zorder=3)
    right.set_ylim(top=cap * 1.5)
    right.set_xticks(degrees)
    right.set(
        xlabel="degree of the polynomial",
        ylabel="mean squared error (log scale)",
        title=f"training MSE {train_err[degree]:.3g}, validation MSE {val_err[degree]:.3g}",
    )
    right.legend(loc="center right", fontsize=8)
    right.grid(alpha=0.3)
    fig.tight_layout()
    return fig


# --- classification: confusion matrix and threshold ----------------------------------


def draw_confusion_matrix(matrix, class_names=None, title=None, binary_names=False):
    """A confusion matrix as a coloured grid with the count written in each cell.

    ``matrix[i, j]`` counts the examples of true class ``i`` predicted as class ``j``
    (scikit-learn's layout: rows are the truth, columns the prediction).  With
    ``binary_names=True`` a 2x2 matrix also names its cells TN, FP, FN and TP.
    """
    from matplotlib.figure import Figure

    matrix = np.asarray(matrix)
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1] or matrix.shape[0] == 0:
        raise ValueError(f"A confusion matrix is square, got shape {matrix.shape}.")
    if (matrix < 0).any():
        raise ValueError("A confusion matrix holds counts (or fractions): no negative entries.")
    n = len(matrix)
    if class_names is None:
        class_names = [str(i) for i in range(n)]
    if len(class_names) != n:
        raise ValueError(f"Got {len(class_names)} class names for a {n}x{n} matrix.")
    size = 1.6 + 0.9 * n
    fig = Figure(figsize=(size + 0.9, size))
    ax = fig.subplots()
    image = confusion_matrix_on(ax, matrix, class_names, binary_names)
    fig.colorbar(image, ax=ax, fraction=0.046, pad=0.04)
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig


# --- cross-validation ----------------------------------------------------------------


def draw_kfold(n, k, shuffle=False, seed=0):
    """Which examples each of the ``k`` rounds of scikit-learn's ``KFold`` validates on.

    One row per round (labelled "round 1" ... "round k"), one cell per example:
    training examples light, the round's validation fold orange.
    """
    from matplotlib.colors import ListedColormap
    from matplotlib.figure import Figure
    from sklearn.model_selection import KFold

    for name, value in (("n", n), ("k", k)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
            raise ValueError(f"{name} must be a whole number, got {value!r}.")
    if not 2 <= k <= n:
        raise ValueError(f"k-fold needs 2 <= k <= n, got k={k} and n={n}.")
    folds = KFold(n_splits=k, shuffle=shuffle, random_state=seed if shuffle else None)
    grid = np.zeros((k, n))
    for row, (_, val_index) in enumerate(folds.split(np.arange(n))):
        grid[row, val_index] = 1
    fig = Figure(figsize=(min(1.2 + 0.32 * n, 11), 0.9 + 0.42 * k))
    ax = fig.subplots()
    ax.imshow(grid, cmap=ListedColormap(["#cfe0f3", "#e8702a"]), aspect="auto", vmin=0, vmax=1)
    ax.set_xticks(np.arange(-0.5, n, 1), minor=True)
    ax.set_yticks(np.arange(-0.5, k, 1), minor=True)
    ax.grid(which="minor", color="white", lw=2)
    ax.tick_params(which="minor", length=0)
    ax.set_yticks(np.arange(k), [f"round {i + 1}" for i in range(k)])
    ax.set_xticks(np.arange(n) if n <= 30 else np.linspace(0, n - 1, 6).astype(int))
    ax.set_xlabel("example index (light: training, orange: validation)")
    ax.set_title(f"{k}-fold cross-validation of {n} examples" + (", shuffled" if shuffle else ""))
    fig.tight_layout()
    return fig
