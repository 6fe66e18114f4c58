"""Lesson 03 exercises (NumPy): reference answers and the cases they are checked on."""

import numpy as np


def mean_of_positives(x):
    """The mean of the entries of ``x`` that are greater than 0; 0.0 when there are none."""
    x = np.asarray(x, dtype=float)
    positives = x[x > 0]
    return float(positives.mean()) if positives.size else 0.0


def minmax_columns(X):
    """Rescale each column of the 2-D array ``X`` linearly to the range [0, 1]."""
    X = np.asarray(X, dtype=float)
    low, high = X.min(axis=0), X.max(axis=0)
    return (X - low) / (high - low)


EXERCISES = {
    "mean_of_positives": (
        [
            (np.array([1.0, -2.0, 3.0]),),
            (np.array([-1.0, -2.0, -0.5]),),
            (np.array([[1, -1], [2, 6]]),),
            (np.array([0.0, 0.0, 4.0]),),
            (np.array([0.25]),),
            (np.array([-3.0, 0.0, 2.5, -7.0, 1.5]),),
        ],
        mean_of_positives,
    ),
    "minmax_columns": (
        [
            (np.array([[1.0, 10.0], [3.0, 20.0], [2.0, 40.0]]),),
            (np.array([[0.0, -1.0, 5.0], [1.0, 1.0, 7.0]]),),
            (np.array([[4.0], [2.0], [8.0], [6.0]]),),
            (np.array([[2, 100], [4, 300], [6, 200]]),),
            (np.arange(12.0).reshape(4, 3) ** 2,),
        ],
        minmax_columns,
    ),
}
