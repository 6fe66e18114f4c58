"""Plausible wrong answers to assignment a03 (NumPy); each must lose points.

``WRONG_ANSWERS`` maps a label (what the student got wrong) to a dict from the
``grade_id`` of a solution cell in ``solutions/a03/a03_numpy.ipynb`` to the full
source a student might have typed into that cell.  ``tests/test_assignments.py``
hands in the release with every other solution cell answered correctly and these
cells replaced, autogrades it, and checks that the score is below full marks.
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
