"""Wrong answers, shortcuts and honest variants for assignment a03 (NumPy).

Shortcuts tried here: a library function that does the task, the course's helpers, or
the notebook's own loop versions where tasks 4 to 6 ask for vectorized code.
What each table holds and how the suite grades it: README.md beside this file.
"""

WRONG_ANSWERS = {
    # Right results, checked inputs, but still three nested Python loops: the speed
    # test must take its points away.
    "pairwise_still_loops": {
        "pairwise_distances": """\
def pairwise_distances(A, B):
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    if A.ndim != 2 or B.ndim != 2 or A.shape[1] != B.shape[1]:
        raise ValueError(f"incompatible shapes {A.shape} and {B.shape}")
    D = np.zeros((len(A), len(B)))
    for i in range(len(A)):
        for j in range(len(B)):
            total = 0.0
            for k in range(A.shape[1]):
                total += (A[i, k] - B[j, k]) ** 2
            D[i, j] = math.sqrt(total)
    return D
""",
    },
    # The expansion |a|^2 - 2 a.b + |b|^2 without clipping: rounding makes some squared
    # distances of a point to itself slightly negative, and their square root NaN.
    "pairwise_dot_trick_without_clipping": {
        "pairwise_distances": """\
def pairwise_distances(A, B):
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    if A.ndim != 2 or B.ndim != 2 or A.shape[1] != B.shape[1]:
        raise ValueError(f"incompatible shapes {A.shape} and {B.shape}")
    squared = (A**2).sum(axis=1)[:, None] - 2 * A @ B.T + (B**2).sum(axis=1)[None, :]
    return np.sqrt(squared)
""",
    },
    # np.std's default ddof=0 is used whatever ddof the caller asks for.
    "zscore_ignores_ddof": {
        "zscore": """\
def zscore(X, ddof=0):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < ddof + 1:
        raise ValueError(f"bad shape {X.shape}")
    std = X.std(axis=0)
    return np.where(std == 0, 0.0, (X - X.mean(axis=0)) / np.where(std == 0, 1.0, std))
""",
    },
    # The formula as written: a constant column divides 0 by 0 and gives NaN.
    "zscore_constant_column_nan": {
        "zscore": """\
def zscore(X, ddof=0):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < ddof + 1:
        raise ValueError(f"bad shape {X.shape}")
    return (X - X.mean(axis=0)) / X.std(axis=0, ddof=ddof)
""",
    },
    # Validation vectorized, but the encoding itself still loops over the labels.
    "one_hot_still_loops": {
        "one_hot": """\
def one_hot(labels, num_classes=None):
    labels = np.asarray(labels)
    if labels.ndim != 1:
        raise ValueError("labels must be 1-D")
    if labels.size and not np.issubdtype(labels.dtype, np.integer):
        raise TypeError("labels must be integers")
    if num_classes is None:
        if labels.size == 0:
            raise ValueError("cannot infer num_classes")
        num_classes = int(labels.max()) + 1
    if labels.size and (labels.min() < 0 or labels.max() >= num_classes):
        raise ValueError("label out of range")
    out = np.zeros((len(labels), num_classes), dtype=np.float32)
    for i, label in enumerate(labels):
        out[i, label] = 1.0
    return out
""",
    },
    # Rows of the identity matrix, without checking the labels: -1 silently selects the
    # last class, and too large a label raises IndexError instead of ValueError.
    "one_hot_negative_labels_wrap": {
        "one_hot": """\
def one_hot(labels, num_classes=None):
    labels = np.asarray(labels)
    if num_classes is None:
        num_classes = int(labels.max()) + 1
    return np.eye(num_classes, dtype=np.float32)[labels]
""",
    },
    # exp of the raw scores: overflows to inf for large scores, and inf / inf is NaN.
    "softmax_without_max_shift": {
        "softmax": """\
def softmax(Z, axis=-1):
    exps = np.exp(np.asarray(Z, dtype=float))
    return exps / exps.sum(axis=axis, keepdims=True)
""",
    },
    # Running sums without the leading 0: the first window is lost.
    "moving_average_loses_first_window": {
        "moving_average": """\
def moving_average(x, window):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or not isinstance(window, int) or not 1 <= window <= len(x):
        raise ValueError("bad window")
    sums = np.cumsum(x)
    return (sums[window:] - sums[:-window]) / window
""",
    },
    # np.nanmean skips the NaNs but averages the out-of-range values in.
    "fill_mean_includes_out_of_range": {
        "fill_invalid": """\
def fill_invalid(X, low, high):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    valid = (X >= low) & (X <= high)
    if not valid.any(axis=0).all():
        raise ValueError("a column has no valid value")
    return np.where(valid, X, np.nanmean(X, axis=0))
""",
    },
}

SHORTCUTS = {
    # SciPy's distance function does the whole task (and is fast, so it passes the speed test).
    "pairwise_with_scipy_cdist": {
        "cells": {
            "pairwise_distances": """\
from scipy.spatial.distance import cdist


def pairwise_distances(A, B):
    return cdist(np.asarray(A, dtype=float), np.asarray(B, dtype=float))
""",
        },
        "loses": ["test_pairwise_distances", "test_pairwise_distances_speed"],
    },
    # scikit-learn standardizes (ddof=0), rescaled for other ddof.
    "zscore_with_sklearn_scale": {
        "cells": {
            "zscore": """\
from sklearn.preprocessing import scale


def zscore(X, ddof=0):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < ddof + 1:
        raise ValueError(f"zscore() needs a 2-D array with more than {ddof} rows, got {X.shape}.")
    return scale(X) * np.sqrt((X.shape[0] - ddof) / X.shape[0])
""",
        },
        "loses": ["test_zscore", "test_zscore_speed"],
    },
    # The lecture's check-yourself answer (helpers.exercises, lesson 9) encodes the labels.
    "one_hot_from_the_course_helpers": {
        "cells": {
            "one_hot": """\
from helpers.exercises.lesson09 import one_hot_by_hand


def one_hot(labels, num_classes=None):
    labels = np.asarray(labels)
    if labels.ndim != 1:
        raise ValueError(f"labels must be 1-D, got shape {labels.shape}.")
    if labels.size and not np.issubdtype(labels.dtype, np.integer):
        raise TypeError(f"labels must be integers, got {labels.dtype}.")
    if num_classes is None:
        if labels.size == 0:
            raise ValueError("num_classes cannot be inferred from no labels.")
        num_classes = int(labels.max()) + 1
    if labels.size and (labels.min() < 0 or labels.max() >= num_classes):
        raise ValueError(f"labels must lie in 0 .. {num_classes - 1}.")
    return one_hot_by_hand(labels, num_classes).astype(np.float32)
""",
        },
        "loses": ["test_one_hot", "test_one_hot_speed"],
    },
    # SciPy's softmax: one call with the default settings.
    "softmax_with_scipy": {
        "cells": {
            "softmax": """\
from scipy.special import softmax as scipy_softmax


def softmax(Z, axis=-1):
    return scipy_softmax(np.asarray(Z, dtype=float), axis=axis)
""",
        },
        "loses": ["test_softmax"],
    },
    # pandas' rolling mean.
    "moving_average_with_pandas": {
        "cells": {
            "moving_average": """\
import pandas as pd


def moving_average(x, window):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1:
        raise ValueError(f"moving_average() expects a 1-D array, got shape {x.shape}.")
    whole = isinstance(window, int | np.integer) and not isinstance(window, bool)
    if not whole or not 1 <= window <= len(x):
        raise ValueError(f"window must be a whole number from 1 to {len(x)}, got {window!r}.")
    return pd.Series(x).rolling(int(window)).mean().to_numpy()[window - 1 :]
""",
        },
        "loses": ["test_moving_average"],
    },
    # pandas masks the invalid entries and fills them with the column means.
    "fill_invalid_with_pandas": {
        "cells": {
            "fill_invalid": """\
import pandas as pd


def fill_invalid(X, low, high):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"fill_invalid() expects a 2-D array, got shape {X.shape}.")
    table = pd.DataFrame(X)
    valid = table.where((table >= low) & (table <= high))
    if valid.isna().all().any():
        raise ValueError("a column has no valid value")
    return valid.fillna(valid.mean()).to_numpy()
""",
        },
        "loses": ["test_fill_invalid"],
    },
    # The notebook's own loop versions behind a vectorized-looking front (tasks 4 to 6
    # had no speed test before): correct, but as slow as the loops.
    "softmax_through_the_loop_version": {
        "cells": {
            "softmax": """\
def softmax(Z, axis=-1):
    Z = np.moveaxis(np.asarray(Z, dtype=float), axis, -1)
    rows = softmax_loop(Z.reshape(-1, Z.shape[-1]))
    return np.moveaxis(rows.reshape(Z.shape), -1, axis)
""",
        },
        "loses": ["test_softmax"],
    },
    "moving_average_loops_over_the_windows": {
        "cells": {
            "moving_average": """\
def moving_average(x, window):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1:
        raise ValueError(f"moving_average() expects a 1-D array, got shape {x.shape}.")
    whole = isinstance(window, int | np.integer) and not isinstance(window, bool)
    if not whole or not 1 <= window <= len(x):
        raise ValueError(f"window must be a whole number from 1 to {len(x)}, got {window!r}.")
    return np.array([x[i : i + window].mean() for i in range(len(x) - window + 1)])
""",
        },
        "loses": ["test_moving_average"],
    },
    "fill_invalid_through_the_loop_version": {
        "cells": {
            "fill_invalid": """\
def fill_invalid(X, low, high):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"fill_invalid() expects a 2-D array, got shape {X.shape}.")
    return fill_invalid_loop(X, low, high)
""",
        },
        "loses": ["test_fill_invalid"],
    },
}

HONEST = {
    # Broadcasting (n, m, d) differences and np.linalg.norm: slower than the solution's
    # expansion, still vectorized.
    "pairwise_by_broadcasting": {
        "pairwise_distances": """\
def pairwise_distances(A, B):
    A, B = np.asarray(A, dtype=float), np.asarray(B, dtype=float)
    if A.ndim != 2 or B.ndim != 2 or A.shape[1] != B.shape[1]:
        raise ValueError(f"need two 2-D arrays with as many columns, got {A.shape} and {B.shape}")
    return np.linalg.norm(A[:, np.newaxis, :] - B[np.newaxis, :, :], axis=-1)
""",
    },
    # A comparison with every class at once.
    "one_hot_by_comparison": {
        "one_hot": """\
def one_hot(labels, num_classes=None):
    labels = np.asarray(labels)
    if labels.ndim != 1:
        raise ValueError(f"labels must be 1-D, got shape {labels.shape}")
    if labels.size and labels.dtype.kind not in "iu":
        raise TypeError(f"labels must be whole numbers, got {labels.dtype}")
    if num_classes is None:
        if not labels.size:
            raise ValueError("no labels and no num_classes")
        num_classes = labels.max() + 1
    if labels.size and not (0 <= labels.min() and labels.max() < num_classes):
        raise ValueError("a label lies outside 0 .. num_classes - 1")
    return (labels[:, np.newaxis] == np.arange(num_classes)).astype(np.float32)
""",
    },
    # Sliding windows, the task's other hint.
    "moving_average_with_sliding_windows": {
        "moving_average": """\
from numpy.lib.stride_tricks import sliding_window_view


def moving_average(x, window):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1:
        raise ValueError(f"x must be 1-D, got shape {x.shape}")
    if isinstance(window, bool) or not isinstance(window, int | np.integer):
        raise ValueError(f"window must be a whole number, got {window!r}")
    if not 1 <= window <= x.size:
        raise ValueError(f"window must lie in 1 .. {x.size}, got {window}")
    return sliding_window_view(x, window).mean(axis=-1)
""",
    },
}


# --- recorded by tests/wrong_answers/record.py: do not edit by hand ---
WRONG_LOSES = {
    "fill_mean_includes_out_of_range": ["test_fill_invalid"],
    "moving_average_loses_first_window": ["test_moving_average"],
    "one_hot_negative_labels_wrap": ["test_one_hot"],
    "one_hot_still_loops": ["test_one_hot_speed"],
    "pairwise_dot_trick_without_clipping": ["test_pairwise_distances"],
    "pairwise_still_loops": ["test_pairwise_distances_speed"],
    "softmax_without_max_shift": ["test_softmax"],
    "zscore_constant_column_nan": ["test_zscore"],
    "zscore_ignores_ddof": ["test_zscore"],
}
