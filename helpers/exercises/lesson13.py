"""Lesson 13 exercises: reference answers and the cases they are checked on."""

import numpy as np

from helpers import convolution

SOBEL_X = convolution.KERNELS["sobel x"]


def convolve_at(image, kernel, row, col):
    """The output of sliding `kernel` over `image`, at position (row, col)."""
    image, kernel = np.asarray(image, dtype=float), np.asarray(kernel, dtype=float)
    height, width = kernel.shape
    return float(np.sum(image[row : row + height, col : col + width] * kernel))


def edge_strength(image):
    """sqrt(Gx**2 + Gy**2) with the Sobel kernel and its transpose, no padding."""
    gx = convolution.conv2d(image, convolution.KERNELS["sobel x"])
    gy = convolution.conv2d(image, convolution.KERNELS["sobel y"])
    return np.sqrt(gx**2 + gy**2)


_PATCH = np.array([[221, 198, 149], [205, 147, 173], [149, 170, 222]])
_STEP = np.array([[0, 0, 0, 9, 9], [0, 0, 0, 9, 9], [0, 0, 0, 9, 9], [0, 0, 0, 9, 9]])
_GRID = np.arange(30).reshape(5, 6) % 7

EXERCISES = {
    "convolve_at": (
        [
            (_PATCH, -SOBEL_X, 0, 0),
            (_GRID, np.ones((3, 3)) / 9, 1, 2),
            (_GRID, SOBEL_X, 2, 3),
            (_GRID, np.array([[1, -1], [0, 2]]), 3, 4),
            (_STEP, SOBEL_X.T, 1, 1),
        ],
        convolve_at,
    ),
    "edge_strength": (
        [
            (_PATCH,),
            (_STEP,),
            (_STEP.T,),
            (np.full((4, 4), 7),),
            (_GRID,),
        ],
        edge_strength,
    ),
}
