"""Lesson 07 exercises: reference answers and the cases they are checked on."""

import math

import numpy as np


def scale_with_train_stats(X_train, X_test):
    """Standardize X_test with the column means and standard deviations of X_train."""
    mean = np.mean(X_train, axis=0)
    std = np.std(X_train, axis=0)
    std = np.where(std == 0, 1.0, std)  # a constant column is divided by 1
    return (np.asarray(X_test) - mean) / std


def count_grid_search_fits(param_grid, cv):
    """How many times GridSearchCV calls fit for `param_grid` and `cv` folds (refit included)."""
    grids = [param_grid] if isinstance(param_grid, dict) else param_grid
    candidates = sum(math.prod(len(values) for values in grid.values()) for grid in grids)
    return candidates * cv + 1


_noise = np.random.default_rng(7)

EXERCISES = {
    "scale_with_train_stats": (
        [
            (np.array([[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]]), np.array([[2.0, 3.0]])),
            (np.array([[1.0, 5.0], [3.0, 5.0]]), np.array([[2.0, 5.0], [5.0, 7.0]])),
            (np.array([[1.0, 10.0], [3.0, 30.0], [8.0, 20.0]]),) * 2,
            (
                np.round(_noise.normal(3, 2, size=(6, 3)), 2),
                np.round(_noise.normal(0, 1, size=(2, 3)), 2),
            ),
            (np.array([[0, 16], [0, 8], [0, 0]]), np.array([[4, 4]])),
        ],
        scale_with_train_stats,
    ),
    "count_grid_search_fits": (
        [
            ({"svc__C": [1, 10, 100]}, 5),
            ({"pca__n_components": [20, 40], "svc__C": [1, 10, 100]}, 5),
            ({"a": [1, 2], "b": [1, 2, 3], "c": [True, False]}, 3),
            (
                [
                    {"kernel": ["linear"], "C": [1, 10]},
                    {"kernel": ["rbf"], "C": [1, 10], "gamma": [0.01, 0.1]},
                ],
                4,
            ),
            ({"k": [7]}, 10),
        ],
        count_grid_search_fits,
    ),
}
