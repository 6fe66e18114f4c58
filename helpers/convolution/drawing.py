"""The pictures of lesson 13, each a new ``matplotlib.figure.Figure``."""

import numpy as np

from helpers.convolution.ops import conv2d
from helpers.convolution.sizes import KERNELS
from helpers.plots import figure

# --- pictures -----------------------------------------------------------------------


def _grid(ax, values, left, title, box=None, cmap="Greys"):
    """Draw a matrix cell by cell, top-left corner at x = ``left``, numbers written in.

    ``box = (row, col, height, width)`` is marked in red.  Returns the x just right of it.
    """
    from matplotlib import colormaps
    from matplotlib.colors import Normalize
    from matplotlib.patches import Rectangle

    values = np.asarray(values, dtype=float) + 0.0  # + 0.0 turns -0 into 0
    colour = colormaps[cmap]
    low, high = values.min(), values.max()
    if cmap == "coolwarm":  # zero in the middle of the colour scale
        low, high = -max(abs(low), abs(high), 1e-9), max(abs(low), abs(high), 1e-9)
    norm = Normalize(low, high if high > low else low + 1)
    fmt = "{:g}" if np.all(values == np.round(values)) else "{:.2f}"
    for (i, j), value in np.ndenumerate(values):
        face = colour(0.15 + 0.5 * norm(value))
        ax.add_patch(Rectangle((left + j, i), 1, 1, fc=face, ec="0.4", lw=0.8))
        ax.text(left + j + 0.5, i + 0.5, fmt.format(value), ha="center", va="center", fontsize=10)
    if box is not None:
        row, col, height, width = box
        ax.add_patch(Rectangle((left + col, row), width, height, fill=False, ec="red", lw=2.5))
    ax.text(left + values.shape[1] / 2, -0.3, title, ha="center", va="bottom", fontsize=10)
    return left + values.shape[1]


def draw_window(image, kernel, row=0, col=0):
    """How one output number is made: the window at (``row``, ``col``), the kernel, the sum.

    The image with the window marked, the kernel, and the output (stride 1, no padding)
    with the number being computed marked, all at the same scale; the sum is written below.
    """
    image, kernel = np.asarray(image, dtype=float), np.asarray(kernel, dtype=float)
    out = conv2d(image, kernel)
    if not (0 <= row < out.shape[0] and 0 <= col < out.shape[1]):
        raise ValueError(f"The output has shape {out.shape}; there is no position ({row}, {col}).")
    fh, fw = kernel.shape
    window = image[row : row + fh, col : col + fw] + 0.0
    kernel = kernel + 0.0
    height = max(image.shape[0], fh)
    width = image.shape[1] + fw + out.shape[1] + 3
    fig = figure(0.62 * width + 0.6, 0.62 * height + 1.3)
    ax = fig.subplots()
    right = _grid(ax, image, 0, f"input X, {image.shape[0]}x{image.shape[1]}", (row, col, fh, fw))
    ax.text(right + 0.75, height / 2, "∗", ha="center", va="center", fontsize=18)
    right = _grid(ax, kernel, right + 1.5, f"kernel K, {fh}x{fw}", cmap="coolwarm")
    ax.text(right + 0.75, height / 2, "=", ha="center", va="center", fontsize=18)
    _grid(ax, out, right + 1.5, f"output Y, {out.shape[0]}x{out.shape[1]}", (row, col, 1, 1))
    ax.set_xlim(-0.2, width + 0.2)
    ax.set_ylim(height + 0.2, -1.2)
    ax.set_aspect("equal")
    ax.set_axis_off()
    terms = " + ".join(
        f"{x:g}·{k:g}" if k >= 0 else f"{x:g}·({k:g})"
        for x, k in zip(window.ravel(), kernel.ravel(), strict=True)
    )
    fig.supxlabel(f"Y[{row}, {col}] = {terms} = {out[row, col]:g}", fontsize=9)
    return fig


def _shown(result, kernel):
    """How to show a convolution's result: ``(picture, vmin, vmax, label)``."""
    if abs(kernel.sum()) < 1e-9:  # an edge detector: strength of the response
        picture = np.abs(result)
        return picture, 0.0, max(float(np.percentile(picture, 99.5)), 1e-9), "|output|"
    return result, 0.0, 255.0, "output (clipped to 0..255)"


def draw_convolution(image, kernel, title=None):
    """Input, kernel (its numbers) and output of ``conv2d(image, kernel, padding=1)`` side by side.

    The image is grey, 0..255.  Kernels that add up to 0 (edge detectors) give
    positive and negative answers: their absolute value is shown, bright = strong edge.
    """
    image, kernel = np.asarray(image, dtype=float), np.asarray(kernel, dtype=float)
    result = conv2d(image, kernel, padding=kernel.shape[0] // 2)
    picture, vmin, vmax, label = _shown(result, kernel)
    aspect = image.shape[0] / image.shape[1]
    fig = figure(10.5, 3.6 * aspect + 0.9)
    left, middle, right = fig.subplots(1, 3, width_ratios=[4, 1.4, 4])
    left.imshow(image, cmap="gray", vmin=0, vmax=255)
    left.set_title(f"input {image.shape[0]}x{image.shape[1]}", fontsize=10)
    left.set_axis_off()
    size = kernel.shape[0]
    _grid(middle, kernel, 0, "kernel", cmap="coolwarm")
    middle.set_xlim(-0.2, size + 0.2)
    middle.set_ylim(size + 0.2, -1.2)
    middle.set_aspect("equal")
    middle.set_axis_off()
    right.imshow(picture, cmap="gray", vmin=vmin, vmax=vmax)
    right.set_title(label, fontsize=10)
    right.set_axis_off()
    if title:
        fig.suptitle(title)
    return fig


def kernel_figure(kernel="sobel x", image="photo", images=None):
    """The kernel explorer's figure: the kernel named ``kernel`` applied to ``images[image]``.

    ``images`` maps names to grey images (0..255); bind it with ``functools.partial``
    and the explorer's dropdowns choose ``kernel`` (a name of :data:`KERNELS`) and ``image``.
    """
    if not images:
        raise ValueError("kernel_figure() needs images={'name': grey image, ...} to choose from.")
    if kernel not in KERNELS:
        raise ValueError(f"Unknown kernel {kernel!r}; choose one of {', '.join(KERNELS)}.")
    if image not in images:
        raise ValueError(f"Unknown image {image!r}; choose one of {', '.join(images)}.")
    return draw_convolution(images[image], KERNELS[kernel], title=f"{kernel} on the {image}")


def draw_kernel_gallery(images, kernels=None):
    """Every kernel (columns) on every image (rows, named on the left).

    ``images`` maps names to grey images (0..255); ``kernels`` maps names to kernels
    (default: :data:`KERNELS`).  Each output has the input's size (zero padding).
    """
    kernels = KERNELS if kernels is None else kernels
    if not images or not kernels:
        raise ValueError("draw_kernel_gallery() needs at least one image and one kernel.")
    fig = figure(2.0 * len(kernels), 2.0 * len(images) + 0.4)
    axes = np.asarray(fig.subplots(len(images), len(kernels), squeeze=False))
    for r, (image_name, image) in enumerate(images.items()):
        image = np.asarray(image, dtype=float)
        for c, (kernel_name, kernel) in enumerate(kernels.items()):
            kernel = np.asarray(kernel, dtype=float)
            result = conv2d(image, kernel, padding=kernel.shape[0] // 2)
            picture, vmin, vmax, _ = _shown(result, kernel)
            ax = axes[r, c]
            ax.imshow(picture, cmap="gray", vmin=vmin, vmax=vmax)
            ax.set_axis_off()
            if r == 0:
                ax.set_title(kernel_name, fontsize=10)
            if c == 0:
                ax.text(
                    -0.06,
                    0.5,
                    image_name,
                    rotation=90,
                    ha="right",
                    va="center",
                    transform=ax.transAxes,
                    fontsize=10,
                )
    return fig
