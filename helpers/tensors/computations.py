"""The computations behind lesson 02's pictures: 2x2 maps, areas, grey images.

Plain arrays in and out, so the tests check them without drawing anything.
"""

import numpy as np

GREY_WEIGHTS = (0.299, 0.587, 0.114)


# --- computations --------------------------------------------------------------


def _as_matrix_2x2(matrix):
    matrix = np.asarray(matrix, dtype=float)
    if matrix.shape != (2, 2):
        raise ValueError(f"Expected a 2x2 matrix, got an array of shape {matrix.shape}.")
    return matrix


def determinant_2x2(matrix):
    """The determinant ``a*d - b*c`` of the 2x2 matrix ``[[a, b], [c, d]]``.

    Its absolute value is how much the matrix scales areas; a negative sign means
    the plane is flipped over.

    >>> determinant_2x2([[1, 2], [3, 4]])
    -2.0
    """
    (a, b), (c, d) = _as_matrix_2x2(matrix)
    return float(a * d - b * c)


def apply_matrix(matrix, points):
    """Map each point (a row of ``points``, shape (n, 2)) by the 2x2 ``matrix``.

    A point is a column vector ``p`` and its image is ``matrix @ p``; with points
    as rows that is ``points @ matrix.T``.

    >>> apply_matrix([[0, -1], [1, 0]], [[1, 0], [0, 1]]).tolist()
    [[0.0, 1.0], [-1.0, 0.0]]
    """
    matrix = _as_matrix_2x2(matrix)
    points = np.asarray(points, dtype=float)
    if points.ndim != 2 or points.shape[1] != 2:
        raise ValueError(
            f"apply_matrix() expects points of shape (n, 2), got shape {points.shape}."
        )
    return points @ matrix.T


def polygon_area(corners):
    """The area of the polygon with these corners, in order (shape (n, 2)): the shoelace formula.

    >>> polygon_area([[0, 0], [2, 0], [2, 1.5], [0, 1.5]])
    3.0
    """
    corners = np.asarray(corners, dtype=float)
    if corners.ndim != 2 or corners.shape[1] != 2:
        raise ValueError(
            f"polygon_area() expects corners of shape (n, 2), got shape {corners.shape}."
        )
    x, y = corners[:, 0], corners[:, 1]
    return float(0.5 * abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))


# A letter F: it has no symmetry, so it shows whether a map flips the plane.
LETTER_F = np.array(
    [[0.2, 0.15], [0.2, 0.85], [0.75, 0.85], [0.75, 0.7], [0.35, 0.7], [0.35, 0.55],
     [0.6, 0.55], [0.6, 0.4], [0.35, 0.4], [0.35, 0.15], [0.2, 0.15]]
)  # fmt: skip


def linear_map_geometry(matrix, extent=2, samples=21):
    """Everything :func:`draw_linear_map` draws, mapped by the 2x2 ``matrix``.

    Returns a dict of arrays of points (rows are (x, y)):

    * ``"grid"``: a list of the grid lines x = k and y = k for k = -extent..extent,
      each sampled at ``samples`` points, after the map;
    * ``"square"``: the corners of the unit square (closed, 5 points) after the map;
    * ``"letter"``: the outline of a letter F inside the unit square after the map;
    * ``"e1"``, ``"e2"``: the images of the basis vectors, that is the two columns;
    * ``"det"``: the determinant (a float), the factor by which areas change;
    * ``"area"``: the area of the mapped unit square, measured from its corners
      (it equals ``abs(det)``).
    """
    matrix = _as_matrix_2x2(matrix)
    if not isinstance(extent, int) or extent < 1:
        raise ValueError(f"extent must be a positive whole number, got {extent!r}.")
    t = np.linspace(-extent, extent, samples)
    lines = []
    for k in range(-extent, extent + 1):
        lines.append(np.column_stack([np.full_like(t, k), t]))  # vertical line x = k
        lines.append(np.column_stack([t, np.full_like(t, k)]))  # horizontal line y = k
    square = apply_matrix(matrix, [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]])
    return {
        "grid": [apply_matrix(matrix, line) for line in lines],
        "square": square,
        "letter": apply_matrix(matrix, LETTER_F),
        "e1": matrix[:, 0].copy(),
        "e2": matrix[:, 1].copy(),
        "det": determinant_2x2(matrix),
        "area": polygon_area(square[:4]),
    }


def to_grey(image):
    """A colour image of shape (height, width, 3) as grey levels of shape (height, width).

    Each pixel becomes ``0.299 R + 0.587 G + 0.114 B`` (green looks brightest to the
    eye), on the same scale as the input (0-255 for ``uint8`` photos).
    """
    image = np.asarray(image)
    if image.ndim != 3 or image.shape[-1] != 3:
        raise ValueError(
            f"to_grey() expects a colour image of shape (height, width, 3), got {image.shape}."
        )
    return image.astype(float) @ np.array(GREY_WEIGHTS)


def adjust_image(image, contrast=1.0, brightness=0.0, top=255.0):
    """Contrast and brightness as matrix arithmetic: ``contrast * (X - m) + m + brightness``.

    ``m = top / 2`` is mid-grey, so ``contrast`` stretches the grey levels away from
    it (or squeezes them towards it) and ``brightness`` shifts all of them; the result
    is clipped to the valid range 0..``top``.
    """
    image = np.asarray(image, dtype=float)
    middle = top / 2
    return np.clip(contrast * (image - middle) + middle + brightness, 0.0, top)
