"""Lesson 04 exercises: reference answers and the cases they are checked on."""

import numpy as np


def product_of_squares_gradient(w1, w2):
    """The gradient of Chirkova's ``Q = w1**2 * w2**2``: ``(2 w1 w2**2, 2 w2 w1**2)``."""
    return np.array([2 * w1 * w2**2, 2 * w2 * w1**2])


def largest_stable_step(a, b):
    """The step size above which descent on ``a * w1**2 + b * w2**2`` diverges: 2 / L.

    The second derivatives are 2a and 2b, so L = 2 max(a, b) and 2 / L = 1 / max(a, b).
    """
    return 1 / max(a, b)


EXERCISES = {
    "product_of_squares_gradient": (
        [(1.0, 1.0), (-1.0, 0.25), (2.0, -3.0), (0.0, 5.0), (0.5, 0.0)],
        product_of_squares_gradient,
    ),
    "largest_stable_step": (
        [(1.0, 5.0), (3.0, 1.0), (0.5, 0.5), (10.0, 2.0), (0.25, 0.1)],
        largest_stable_step,
    ),
}
