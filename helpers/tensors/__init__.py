"""Pictures and small computations for lesson 02, matrices and tensors.

Each ``draw_...`` function is pure: it takes numbers, builds a new matplotlib
:class:`~matplotlib.figure.Figure` (not through pyplot, so nothing is left open)
and returns it.  The computations behind the pictures are separate functions
that return plain arrays, so the tests check them without drawing anything.

>>> from helpers import tensors
>>> tensors.determinant_2x2([[2, 1], [1, 1]])
1.0
>>> tensors.draw_linear_map(a=1.0, b=0.5, c=0.25, d=1.0)  # doctest: +SKIP
"""

from helpers.tensors.computations import (
    GREY_WEIGHTS,
    LETTER_F,
    adjust_image,
    apply_matrix,
    determinant_2x2,
    linear_map_geometry,
    polygon_area,
    to_grey,
)
from helpers.tensors.drawing import (
    draw_image_patch,
    draw_images,
    draw_linear_map,
    draw_linear_maps,
    draw_matmul,
    draw_matrix_image,
    draw_ranks,
)

__all__ = [
    "adjust_image",
    "apply_matrix",
    "determinant_2x2",
    "draw_image_patch",
    "draw_images",
    "draw_linear_map",
    "draw_linear_maps",
    "draw_matmul",
    "draw_matrix_image",
    "draw_ranks",
    "GREY_WEIGHTS",
    "LETTER_F",
    "linear_map_geometry",
    "polygon_area",
    "to_grey",
]
