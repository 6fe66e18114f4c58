"""Lesson 10 exercises: reference answers and the cases they are checked on."""

import numpy as np


def he_init_std(fan_in):
    """The standard deviation sqrt(2 / fan_in) of He initialization."""
    return float(np.sqrt(2 / fan_in))


def momentum_step(w, v, grad, learning_rate, momentum):
    """One momentum step; returns np.stack([new_w, new_v])."""
    w, v, grad = (np.asarray(a, dtype=float) for a in (w, v, grad))
    v = momentum * v + learning_rate * grad
    return np.stack([w - v, v])


EXERCISES = {
    "he_init_std": ([(1,), (2,), (50,), (784,), (800,)], he_init_std),
    "momentum_step": (
        [
            ([1.0, 2.0], [0.0, 0.0], [0.5, -1.0], 0.1, 0.9),
            ([1.0, 2.0], [0.2, -0.1], [0.5, -1.0], 0.1, 0.9),
            ([0.0], [1.0], [0.0], 0.5, 0.5),
            ([3.0, -1.0, 0.5], [0.1, 0.1, 0.1], [1.0, 2.0, 3.0], 0.01, 0.0),
        ],
        momentum_step,
    ),
}
