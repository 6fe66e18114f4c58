"""Lesson 14 exercises: reference answers and the cases they are checked on."""

import numpy as np


def transposed_size(n, f, stride, padding):
    """Output size of a transposed convolution: n inputs, kernel f, given stride and padding."""
    return (n - 1) * stride - 2 * padding + f


def upsample(image, size):
    """Nearest-neighbour up-sampling of a 2-D array by an integer factor `size`."""
    return np.repeat(np.repeat(np.asarray(image), size, axis=0), size, axis=1)


EXERCISES = {
    "l14_transposed_size": (
        [
            (7, 3, 2, 0),
            (7, 3, 2, 1),
            (14, 4, 2, 1),
            (2, 3, 2, 0),
            (5, 3, 1, 1),
            (1, 4, 1, 0),
            (4, 5, 3, 2),
        ],
        transposed_size,
    ),
    "l14_upsample": (
        [
            (np.array([[1, 2], [3, 4]]), 2),
            (np.array([[1, 2, 3]]), 3),
            (np.arange(6).reshape(3, 2), 1),
            (np.array([[0.5, -1.0], [2.0, 0.0], [1.0, 1.0]]), 2),
            (np.eye(3), 4),
        ],
        upsample,
    ),
}
