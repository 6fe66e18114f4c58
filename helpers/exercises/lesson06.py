"""Lesson 06 exercises: reference answers and the cases they are checked on."""

import numpy as np


def gini_impurity(labels):
    """Gini impurity of a list of class labels: 1 minus the sum of squared class shares."""
    _, counts = np.unique(np.asarray(labels), return_counts=True)
    shares = counts / counts.sum()
    return float(1.0 - np.sum(shares**2))


def assign_to_centroids(points, centroids):
    """For each point, the index of its nearest centroid (the smaller index on a tie)."""
    points = np.asarray(points, dtype=float)
    centroids = np.asarray(centroids, dtype=float)
    distances = ((points[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    return distances.argmin(axis=1)


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
