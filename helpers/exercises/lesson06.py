"""Lesson 06 exercises: reference answers and the cases they are checked on."""

import numpy as np


def gini_impurity(labels):
    """1 minus the sum of the squared shares of each class among ``labels``."""
    _, counts = np.unique(labels, return_counts=True)
    shares = counts / counts.sum()
    return float(1 - (shares**2).sum())


def assign_to_centroids(points, centroids):
    """The index of the nearest centroid for each point."""
    points, centroids = np.asarray(points, float), np.asarray(centroids, float)
    squared = ((points[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    return squared.argmin(axis=1)


EXERCISES = {
    "gini_impurity": (
        [
            ([0, 0, 1, 1],),
            ([1, 1, 1, 1],),
            ([0, 1, 2],),
            (["cat", "dog", "cat", "cat"],),
            ([0, 0, 0, 0, 0, 0, 0, 0, 0, 1],),
            ([7],),
        ],
        gini_impurity,
    ),
    "assign_to_centroids": (
        [
            ([[0.0, 0.0], [10.0, 10.0], [1.0, 0.5]], [[0.0, 0.0], [10.0, 10.0]]),
            ([[5.0, 5.0], [0.0, 1.0]], [[0.0, 0.0], [10.0, 10.0], [5.0, 4.0]]),
            ([[1.0, 1.0]], [[3.0, 3.0]]),
            ([[0.0, 0.0], [2.0, 0.0]], [[-1.0, 0.0], [1.0, 0.0]]),
            ([[0.0, 3.0], [4.0, 0.0], [-4.0, 0.0]], [[0.0, 0.0], [0.0, 6.0], [5.0, 0.0]]),
        ],
        assign_to_centroids,
    ),
}
