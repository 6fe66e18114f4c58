"""Lesson 12 exercises: reference answers and the cases they are checked on."""

import numpy as np


def components_for_variance(explained_variance_ratio, fraction):
    """The fewest principal components whose explained variance adds up to at least ``fraction``.

    ``explained_variance_ratio`` lists each component's share of the variance, largest
    first; the answer is the smallest ``k`` with ``sum(ratio[:k]) >= fraction``.
    """
    cumulative = np.cumsum(np.asarray(explained_variance_ratio, dtype=float))
    return int(np.searchsorted(cumulative, fraction) + 1)


def latent_interpolation(code_a, code_b, steps):
    """``steps`` codes on the straight line from ``code_a`` to ``code_b``, both ends included.

    Row ``i`` is ``(1 - t) * code_a + t * code_b`` with ``t = i / (steps - 1)``; the
    result has shape ``(steps, len(code_a))``.
    """
    code_a, code_b = np.asarray(code_a, dtype=float), np.asarray(code_b, dtype=float)
    t = np.linspace(0.0, 1.0, steps)[:, None]
    return (1 - t) * code_a + t * code_b


EXERCISES = {
    "components_for_variance": (
        [
            ([0.5, 0.3, 0.1, 0.05, 0.05], 0.75),
            ([0.5, 0.3, 0.1, 0.05, 0.05], 0.85),
            ([0.5, 0.3, 0.1, 0.05, 0.05], 0.5),
            ([0.5, 0.3, 0.1, 0.05, 0.05], 0.1),
            (np.array([0.25, 0.25, 0.25, 0.25]), 1.0),
            (np.full(100, 0.01), 0.905),
        ],
        components_for_variance,
    ),
    "latent_interpolation": (
        [
            ([0.0, 0.0], [1.0, 2.0], 3),
            ([1.0, -1.0, 2.0], [3.0, 1.0, 0.0], 5),
            (np.array([2.0]), np.array([2.0]), 4),
            ([0.5, 0.5], [-0.5, 1.5], 2),
        ],
        latent_interpolation,
    ),
}
