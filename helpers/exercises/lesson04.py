"""Lesson 04 exercises: reference answers and the cases they are checked on."""

import numpy as np


def product_of_squares_gradient(w1, w2):
    # Return np.array([dQ/dw1, dQ/dw2]) for Q = w1**2 * w2**2.
    return np.array([2 * w1 * w2**2, 2 * w2 * w1**2])


def largest_stable_step(a, b):
    # Return the largest step for which descent on a*w1**2 + b*w2**2 converges.
    # One step multiplies w1 by (1 - 2a*step) and w2 by (1 - 2b*step); both must stay
    # above -1, so step < 2 / L with L = 2 * max(a, b), the largest curvature.
    return 2 / (2 * max(a, b))


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
