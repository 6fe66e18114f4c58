"""Lesson 05 exercises: reference answers and the cases they are checked on."""

import numpy as np


def specificity(y_true, y_pred):
    """The share of true negatives (label 0) that are predicted 0: TN / (TN + FP)."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    tn = np.sum((y_true == 0) & (y_pred == 0))
    fp = np.sum((y_true == 0) & (y_pred == 1))
    return float(tn / (tn + fp)) if tn + fp else 0.0


def fold_sizes(n, k):
    """The sizes of the k validation folds that KFold makes from n examples."""
    base, extra = divmod(n, k)
    return [base + 1 if i < extra else base for i in range(k)]


EXERCISES = {
    "l05_specificity": (
        [
            ([0, 0, 1, 1], [0, 1, 1, 0]),
            ([0, 0, 0, 1, 1, 0], [0, 0, 0, 1, 1, 0]),
            ([1, 1, 0, 0, 0], [1, 0, 1, 1, 1]),
            ([0, 1, 0, 1, 0, 0, 1], [0, 1, 1, 1, 0, 1, 0]),
            ([1, 1, 1], [1, 0, 1]),
        ],
        specificity,
    ),
    "l05_fold_sizes": (
        [(10, 5), (10, 3), (11, 4), (569, 5), (7, 7), (20, 6)],
        fold_sizes,
    ),
}
