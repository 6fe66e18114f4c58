"""Lesson 02's pictures: matrices as images, the matrix product, linear maps, ranks.

Each ``draw_...`` function builds a new Figure (not through pyplot) and returns it."""

import numpy as np

from helpers.plots import figure
from helpers.tensors.computations import _as_matrix_2x2, linear_map_geometry


def _annotate(ax, values, image, fmt, fontsize):
    """Write each entry of ``values`` over its cell, white on dark and black on light."""
    cmap, norm = image.get_cmap(), image.norm
    for (i, j), value in np.ndenumerate(values):
        red, green, blue, _ = cmap(norm(value))
        dark = 0.299 * red + 0.587 * green + 0.114 * blue < 0.5
        ax.text(
            j,
            i,
            fmt.format(value),
            ha="center",
            va="center",
            fontsize=fontsize,
            color="white" if dark else "black",
        )


def _plot_matrix(ax, values, cmap="gray", vmin=None, vmax=None, fmt=None, fontsize=None):
    values = np.asarray(values)
    if values.ndim != 2:
        raise ValueError(f"Expected a matrix (2-D array), got an array of shape {values.shape}.")
    image = ax.imshow(values, cmap=cmap, vmin=vmin, vmax=vmax)
    if fmt is None:
        integral = np.all(np.equal(np.mod(values, 1), 0))
        fmt = "{:.0f}" if integral else "{:.2f}"
    if fontsize is None:
        fontsize = max(5, min(11, 110 / max(values.shape)))
    _annotate(ax, values, image, fmt, fontsize)
    ax.set_xticks(range(values.shape[1]))
    ax.set_yticks(range(values.shape[0]))
    ax.tick_params(length=0, labelsize=7)
    return image


def draw_matrix_image(
    values,
    title=None,
    cmap="gray",
    vmin=None,
    vmax=None,
    fmt=None,
    cell=0.45,
    xlabel="column j",
    ylabel="row i",
):
    """A matrix drawn as a grey-scale image with each number written on its pixel.

    ``cmap="gray"`` draws small numbers dark; ``"gray_r"`` draws them light, the way
    ink on paper looks.  Row and column indices are on the axes; ``fmt`` (such as
    ``"{:.2f}"``) formats the numbers, whole numbers without decimals by default.
    """
    values = np.asarray(values)
    if values.ndim != 2:
        raise ValueError(
            f"draw_matrix_image() expects a matrix (2-D array), got shape {values.shape}."
        )
    height, width = values.shape
    fig = figure(max(2.5, cell * width + 0.8), max(2.2, cell * height + 0.8))
    ax = fig.subplots()
    _plot_matrix(ax, values, cmap=cmap, vmin=vmin, vmax=vmax, fmt=fmt)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    return fig


def draw_image_patch(grey, top, left, size=12, title=None):
    """A grey-scale image with a square patch marked, and the patch as a matrix of numbers."""
    from matplotlib.patches import Rectangle

    grey = np.asarray(grey)
    if grey.ndim != 2:
        raise ValueError(f"draw_image_patch() expects a grey image (2-D), got shape {grey.shape}.")
    height, width = grey.shape
    if not (0 <= top <= height - size and 0 <= left <= width - size and size >= 1):
        raise ValueError(
            f"A {size}x{size} patch at row {top}, column {left} does not fit in an image of "
            f"shape {grey.shape}."
        )
    patch = grey[top : top + size, left : left + size]
    fig = figure(12, 5.6)
    whole, zoom = fig.subplots(1, 2, width_ratios=[1.35, 1])
    whole.imshow(grey, cmap="gray", vmin=0, vmax=255)
    whole.add_patch(Rectangle((left - 0.5, top - 0.5), size, size, fill=False, ec="red", lw=2))
    whole.set_title(f"the whole image, {height} x {width} pixels")
    whole.set_xlabel("column")
    whole.set_ylabel("row")
    _plot_matrix(zoom, np.round(patch), vmin=0, vmax=255, fmt="{:.0f}", fontsize=7)
    zoom.set_xticks(range(size), [str(left + j) for j in range(size)], rotation=90)
    zoom.set_yticks(range(size), [str(top + i) for i in range(size)])
    zoom.set_title(f"the red {size} x {size} patch: a matrix of numbers")
    if title:
        fig.suptitle(title)
    return fig


def draw_images(images, titles=None, cmap="gray", vmin=None, vmax=None, size=3.0, title=None):
    """Images side by side in one row, each with its title (grey or colour)."""
    images = [np.asarray(image) for image in images]
    if not images:
        raise ValueError("draw_images() got no images to show.")
    if titles is not None and len(titles) != len(images):
        raise ValueError(f"Got {len(images)} images but {len(titles)} titles.")
    first = images[0]
    aspect = first.shape[0] / first.shape[1]
    fig = figure(size * len(images), size * aspect + 0.6)
    axes = np.atleast_1d(fig.subplots(1, len(images)))
    for k, (ax, image) in enumerate(zip(axes, images, strict=True)):
        ax.imshow(image, cmap=cmap if image.ndim == 2 else None, vmin=vmin, vmax=vmax)
        ax.set_axis_off()
        if titles is not None:
            ax.set_title(titles[k], fontsize=10)
    if title:
        fig.suptitle(title)
    return fig


def _grid_with_highlight(ax, values, name, rows=(), cols=(), cell=None, color="C1"):
    from matplotlib.patches import Rectangle

    values = np.asarray(values)
    height, width = values.shape
    ax.set_xlim(-0.5, width - 0.5)
    ax.set_ylim(height - 0.5, -0.5)
    ax.set_aspect("equal")
    for i in range(height):
        for j in range(width):
            lit = i in rows or j in cols or (i, j) == cell
            ax.add_patch(
                Rectangle(
                    (j - 0.5, i - 0.5),
                    1,
                    1,
                    fc=color if lit else "white",
                    alpha=0.45 if lit else 1.0,
                    ec="0.3",
                )
            )
            ax.text(j, i, f"{values[i, j]:g}", ha="center", va="center", fontsize=11)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(f"{name}  ({height} x {width})")


def draw_matmul(a, b, row=0, col=0):
    """``C = A @ B`` as three grids: row ``row`` of A times column ``col`` of B is C[row, col]."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.ndim != 2 or b.ndim != 2 or a.shape[1] != b.shape[0]:
        raise ValueError(
            f"draw_matmul() needs A of shape (m, n) and B of shape (n, p), got {a.shape} "
            f"and {b.shape}."
        )
    if not (0 <= row < a.shape[0] and 0 <= col < b.shape[1]):
        raise ValueError(f"There is no entry C[{row}, {col}] in a {a.shape[0]} x {b.shape[1]} C.")
    c = a @ b
    fig = figure(2.0 + 0.8 * (a.shape[1] + b.shape[1] + c.shape[1]), 0.9 + 0.75 * max(
        a.shape[0], b.shape[0]
    ))  # fmt: skip
    axes = fig.subplots(1, 3, width_ratios=[a.shape[1], b.shape[1], c.shape[1]])
    _grid_with_highlight(axes[0], a, "A", rows=(row,))
    _grid_with_highlight(axes[1], b, "B", cols=(col,))
    _grid_with_highlight(axes[2], c, "C = A @ B", cell=(row, col))
    terms = " + ".join(f"{a[row, k]:g}·{b[k, col]:g}" for k in range(a.shape[1]))
    fig.suptitle(f"C[{row}, {col}] = {terms} = {c[row, col]:g}")
    return fig


def _plot_linear_map(ax, matrix, title=None, extent=2, view=3.2, fontsize=9):
    geometry = linear_map_geometry(matrix, extent=extent)
    original = linear_map_geometry(np.eye(2), extent=extent)
    for line in original["grid"]:
        ax.plot(line[:, 0], line[:, 1], color="0.85", lw=0.8)
    for line in geometry["grid"]:
        ax.plot(line[:, 0], line[:, 1], color="C0", lw=0.8, alpha=0.6)
    ax.fill(*original["square"].T, color="0.7", alpha=0.3)
    ax.fill(*geometry["square"].T, color="C1", alpha=0.35, label="unit square, mapped")
    ax.plot(*original["letter"].T, color="0.55", lw=1.5)
    ax.plot(*geometry["letter"].T, color="k", lw=2)
    for key, color, name in (("e1", "C3", "A e₁"), ("e2", "C2", "A e₂")):
        x, y = geometry[key]
        ax.annotate(
            "",
            xy=(x, y),
            xytext=(0, 0),
            arrowprops={"arrowstyle": "-|>", "color": color, "lw": 2.2, "mutation_scale": 15},
        )
        length = max(np.hypot(x, y), 1e-9)
        ax.text(
            x + 0.25 * x / length,
            y + 0.25 * y / length,
            f"{name} = ({x:.2g}, {y:.2g})",
            color=color,
            fontsize=fontsize,
            ha="left" if x >= -1e-9 else "right",
            va="bottom" if y >= -1e-9 else "top",
            bbox={"fc": "white", "ec": "none", "alpha": 0.7, "pad": 0.5},
        )
    ax.axhline(0, color="0.5", lw=0.8)
    ax.axvline(0, color="0.5", lw=0.8)
    ax.set_xlim(-view, view)
    ax.set_ylim(-view, view)
    ax.set_aspect("equal")
    ax.tick_params(labelsize=7)
    if title is None:
        (a, b), (c, d) = _as_matrix_2x2(matrix)
        title = f"A = [[{a:g}, {b:g}], [{c:g}, {d:g}]]"
    ax.set_title(
        f"{title}\ndet A = {geometry['det']:.2f}, area {geometry['area']:.2f}", fontsize=10
    )


def draw_linear_map(a=1.0, b=0.5, c=0.25, d=1.0):
    """How the matrix ``[[a, b], [c, d]]`` moves the plane.

    Grey: the grid, the unit square and a letter F before the map.  Blue, orange and
    black: the same after it.  The arrows are the images of the basis vectors, the
    columns ``(a, c)`` and ``(b, d)``; the title gives the determinant and the area of the
    mapped unit square, which is ``|det A|`` (a negative determinant: the F is mirrored).
    """
    matrix = np.array([[a, b], [c, d]], dtype=float)
    fig = figure(5.6, 5.6)
    _plot_linear_map(fig.subplots(), matrix)
    return fig


def draw_linear_maps(matrices):
    """Several 2x2 matrices side by side, ``{name: matrix}``, each as in :func:`draw_linear_map`."""
    if not matrices:
        raise ValueError("draw_linear_maps() needs at least one matrix.")
    fig = figure(3.3 * len(matrices), 3.6)
    axes = np.atleast_1d(fig.subplots(1, len(matrices)))
    for ax, (name, matrix) in zip(axes, matrices.items(), strict=True):
        _plot_linear_map(ax, matrix, title=name, fontsize=7)
    return fig


def _box_grid(ax, x0, y0, rows, cols, color, label=None):
    from matplotlib.patches import Rectangle

    for i in range(rows):
        for j in range(cols):
            ax.add_patch(Rectangle((x0 + j, y0 - i), 1, 1, fc=color, ec="k", lw=0.8))
    if label is not None:
        ax.text(x0 + cols / 2, y0 - rows - 0.2, label, ha="center", va="top", fontsize=10)


def draw_ranks():
    """A scalar, a vector, a matrix and a 3-D tensor drawn as boxes of numbers, with shapes."""
    fig = figure(12, 3.2)
    axes = fig.subplots(1, 4)
    panels = [
        ("scalar: rank 0", "shape ()", [(0, 0, 1, 1)]),
        ("vector: rank 1", "shape (4,)", [(0, 0, 1, 4)]),
        ("matrix: rank 2", "shape (3, 4)", [(0, 0, 3, 4)]),
        ("3-D tensor: rank 3", "shape (3, 3, 4)", [(0.7 * k, 0.7 * k, 3, 4) for k in (2, 1, 0)]),
    ]
    for ax, (title, shape, sheets) in zip(axes, panels, strict=True):
        for k, (dx, dy, rows, cols) in enumerate(sheets):
            _box_grid(ax, dx, dy, rows, cols, ["C2", "C1", "C0"][k] if len(sheets) > 1 else "C0")
        ax.set_title(f"{title}\n{shape}", fontsize=11)
        ax.set_xlim(-0.5, 6.0)
        ax.set_ylim(-2.5, 3.0)
        ax.set_aspect("equal")
        ax.set_axis_off()
    return fig
