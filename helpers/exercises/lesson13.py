"""Lesson 13 exercises: reference answers and the cases they are checked on."""

import numpy as np

SOBEL_X = np.array([[1, 0, -1], [2, 0, -2], [1, 0, -1]], dtype=float)


def convolve_at(image, kernel, row, col):
    """One output number of a convolution (stride 1, no padding): the window at (row, col)
    multiplied by the kernel, element by element, and summed."""
    image, kernel = np.asarray(image, dtype=float), np.asarray(kernel, dtype=float)
    height, width = kernel.shape
    return float(np.sum(image[row : row + height, col : col + width] * kernel))


def edge_strength(image):
    """The Sobel edge strength sqrt(Gx**2 + Gy**2) of a grey image, shape (H - 2, W - 2).

    Gx is the image convolved (no padding, stride 1) with Chirkova's Sobel kernel
    [[1, 0, -1], [2, 0, -2], [1, 0, -1]], Gy with its transpose.
    """
    from numpy.lib.stride_tricks import sliding_window_view

    windows = sliding_window_view(np.asarray(image, dtype=float), (3, 3))
    gx = np.einsum("ijuv,uv->ij", windows, SOBEL_X)
    gy = np.einsum("ijuv,uv->ij", windows, SOBEL_X.T)
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
