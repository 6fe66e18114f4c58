"""Lesson 03 exercises (NumPy): reference answers and the cases they are checked on."""

import numpy as np


def mean_of_positives(x):
    """The mean of the entries of ``x`` greater than 0; 0.0 when there are none."""
    positives = x[x > 0]
    if positives.size == 0:
        return 0.0
    return float(positives.mean())


def minmax_columns(X):
    """Rescale each column of the 2-D array ``X`` linearly to the range [0, 1]."""
    low = X.min(axis=0)  # one minimum per column, shape (columns,)
    high = X.max(axis=0)
    return (X - low) / (high - low)  # (rows, columns) with (columns,): broadcasting


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
