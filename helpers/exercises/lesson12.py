"""Lesson 12 exercises: reference answers and the cases they are checked on."""

import numpy as np


def components_for_variance(explained_variance_ratio, fraction):
    """The smallest k with sum(explained_variance_ratio[:k]) >= fraction."""
    cumulative = np.cumsum(explained_variance_ratio)
    return int(np.searchsorted(cumulative, fraction) + 1)


def latent_interpolation(code_a, code_b, steps):
    """`steps` codes from code_a to code_b, both included: shape (steps, len(code_a))."""
    t = np.linspace(0.0, 1.0, steps)[:, None]
    return (1 - t) * np.asarray(code_a, dtype=float) + t * np.asarray(code_b, dtype=float)


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
