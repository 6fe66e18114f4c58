"""Lesson 08 exercises: reference answers and the cases they are checked on."""

import numpy as np


def perceptron_update(w, b, x, target, learning_rate):
    """One step of the perceptron rule; returns the new weights followed by the new bias."""
    w, x = np.asarray(w, dtype=float), np.asarray(x, dtype=float)
    error = target - int(w @ x + b > 0)
    return np.append(w + learning_rate * error * x, b + learning_rate * error)


def total_cross_entropy(probabilities, labels):
    """Minus the sum of the logs of the right classes' probabilities."""
    probabilities = np.asarray(probabilities, dtype=float)
    return float(-np.log(probabilities[np.arange(len(labels)), labels]).sum())


EXERCISES = {
    "perceptron_update": (
        [
            ([0.0, 0.0], 0.0, [1.0, 1.0], 1, 1.0),
            ([0.0, 0.0], 0.0, [1.0, 1.0], 0, 1.0),
            ([1.0, 1.0], -1.5, [1.0, 1.0], 1, 1.0),
            ([1.0, 1.0], -0.5, [1.0, 0.0], 0, 0.5),
            ([0.5, -2.0, 1.0], 0.2, [1.0, 1.0, 1.0], 1, 0.1),
        ],
        perceptron_update,
    ),
    "total_cross_entropy": (
        [
            ([[0.7, 0.1, 0.2], [0.8, 0.15, 0.05]], [1, 2]),
            ([[0.5, 0.5]], [0]),
            ([[1.0, 0.0], [0.0, 1.0]], [0, 1]),
            ([[0.2, 0.3, 0.5], [0.25, 0.25, 0.5], [0.9, 0.05, 0.05]], [2, 0, 0]),
        ],
        total_cross_entropy,
    ),
}
