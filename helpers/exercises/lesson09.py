"""Lesson 09 exercises: reference answers and the cases they are checked on."""

import numpy as np


def one_hot_by_hand(labels, n_classes):
    """One row per label: zeros, with 1.0 in the label's column."""
    encoded = np.zeros((len(labels), n_classes))
    encoded[np.arange(len(labels)), labels] = 1.0
    return encoded


def dense_stack_parameters(sizes):
    """Weights plus biases of Dense layers joining layers of these sizes."""
    return sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:], strict=True))


EXERCISES = {
    "one_hot_by_hand": (
        [
            ([5, 0, 4], 10),
            ([1], 2),
            ([2, 2, 0, 1], 3),
            ([9, 3, 7, 3], 10),
        ],
        one_hot_by_hand,
    ),
    "dense_stack_parameters": (
        [
            ([784, 800, 10],),
            ([784, 10],),
            ([2, 3, 1],),
            ([784, 128, 10],),
            ([784, 512, 256, 128, 10],),
        ],
        dense_stack_parameters,
    ),
}
