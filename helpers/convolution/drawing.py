"""The pictures of lesson 13, each a new ``matplotlib.figure.Figure``."""

import numpy as np

from helpers.convolution.ops import conv2d
from helpers.convolution.sizes import KERNELS
from helpers.plots import figure
from helpers.validate import check_count, check_positive

# --- pictures -----------------------------------------------------------------------


def _cell_colour(cmap, value, norm):
    """The face colour of one cell and the colour its number is written in.

    ``"gray"``: dark = small, bright = large (the smallest value a dark grey, so its
    number, in white, stays readable).  ``"coolwarm"``: blue = negative, white = 0,
    red = positive.
    """
    from matplotlib import colormaps

    position = 0.15 + 0.7 * norm(value)
    if cmap == "gray":
        position = 0.25 + 0.75 * norm(value)
    face = colormaps[cmap](position)
    text = "white" if cmap == "gray" and position < 0.55 else "black"
    return face, text


def _grid(ax, values, left, title, box=None, cmap="gray"):
    """Draw a matrix cell by cell, top-left corner at x = ``left``, numbers written in.

    ``cmap="gray"``: dark cells hold small numbers, bright cells large ones (all
    equal: mid-grey).
    ``cmap="coolwarm"``: a scale symmetric about 0, blue negative, white 0, red positive.
    ``box = (row, col, height, width)`` is marked in red.  Returns the x just right of it.
    """
    from matplotlib.colors import Normalize
    from matplotlib.patches import Rectangle

    if cmap not in ("gray", "coolwarm"):
        raise ValueError(f"cmap must be 'gray' or 'coolwarm', got {cmap!r}.")
    values = np.asarray(values, dtype=float) + 0.0  # + 0.0 turns -0 into 0
    low, high = values.min(), values.max()
    if cmap == "coolwarm":  # zero in the middle of the colour scale
        low, high = -max(abs(low), abs(high), 1e-9), max(abs(low), abs(high), 1e-9)
    # Equal entries (a 1x1 output) have no range to scale against: mid-grey, not black.
    norm = Normalize(low, high) if high > low else Normalize(low - 1, high + 1)
    fmt = "{:g}" if np.all(values == np.round(values)) else "{:.2f}"
    for (i, j), value in np.ndenumerate(values):
        face, text = _cell_colour(cmap, value, norm)
        ax.add_patch(Rectangle((left + j, i), 1, 1, fc=face, ec="0.4", lw=0.8))
        ax.text(
            left + j + 0.5,
            i + 0.5,
            fmt.format(value),
            ha="center",
            va="center",
            fontsize=10,
            color=text,
        )
    if box is not None:
        row, col, height, width = box
        ax.add_patch(Rectangle((left + col, row), width, height, fill=False, ec="red", lw=2.5))
    ax.text(left + values.shape[1] / 2, -0.3, title, ha="center", va="bottom", fontsize=10)
    return left + values.shape[1]


def draw_window(image, kernel, row=0, col=0):
    """How one output number is made: the window at (``row``, ``col``), the kernel, the sum.

    The image with the window marked, the kernel, and the output (stride 1, no padding)
    with the number being computed marked; the sum is written below.  Image and output
    are grey, dark = small and bright = large (each on its own scale); the kernel is
    blue where negative, white at 0 and red where positive.
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


def draw_kernel_gallery(images, kernels=None, ncols=None, size=2.0):
    """Every kernel on every image: a block of panels per image, named on the left.

    ``images`` maps names to grey images (0..255); ``kernels`` maps names to kernels
    (default: :data:`KERNELS`).  Each output has the input's size (zero padding).
    ``ncols`` kernels per row (default: all in one row), each panel ``size`` inches
    wide, so that a large photo can be shown large enough to see what a kernel does.
    """
    kernels = KERNELS if kernels is None else kernels
    if not images or not kernels:
        raise ValueError("draw_kernel_gallery() needs at least one image and one kernel.")
    ncols = len(kernels) if ncols is None else check_count(ncols, "ncols", 1)
    size = check_positive(size, "size")
    ncols = min(ncols, len(kernels))
    per_image = -(-len(kernels) // ncols)
    shapes = [np.shape(image) for image in images.values()]
    heights = [h / w for h, w in shapes for _ in range(per_image)]
    fig = figure(size * ncols, size * (sum(heights) + 0.12 * len(heights)))
    axes = np.asarray(
        fig.subplots(len(heights), ncols, squeeze=False, height_ratios=heights)
    ).reshape(len(images), per_image * ncols)
    for r, (image_name, image) in enumerate(images.items()):
        image = np.asarray(image, dtype=float)
        for c, ax in enumerate(axes[r]):
            ax.set_axis_off()
            if c >= len(kernels):
                continue
            kernel_name, kernel = list(kernels.items())[c]
            kernel = np.asarray(kernel, dtype=float)
            result = conv2d(image, kernel, padding=kernel.shape[0] // 2)
            picture, vmin, vmax, _ = _shown(result, kernel)
            ax.imshow(picture, cmap="gray", vmin=vmin, vmax=vmax)
            ax.set_title(kernel_name if per_image > 1 or r == 0 else "", fontsize=10)
            if c % ncols == 0:
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


def draw_signed_maps(maps, labels=None, ncols=8, size=1.3, title=None):
    """Small 2-D arrays (kernels, feature maps) on one colour scale centred at 0, with a bar.

    ``maps`` has shape ``(n, height, width)``.  One symmetric scale for all panels:
    red = positive, white = 0, blue = negative, the same colour the same number in
    every panel; the colour bar on the right gives the numbers.
    """
    maps = np.asarray(maps, dtype=float)
    if maps.ndim != 3 or len(maps) == 0:
        raise ValueError(
            f"draw_signed_maps() expects maps of shape (n, height, width), got {maps.shape}."
        )
    if labels is not None and len(labels) != len(maps):
        raise ValueError(f"Got {len(maps)} maps but {len(labels)} labels; give one per map.")
    ncols = min(check_count(ncols, "ncols", 1), len(maps))
    nrows = -(-len(maps) // ncols)
    limit = max(float(np.abs(maps).max()), 1e-9)
    fig = figure(size * ncols + 0.9, size * nrows * 1.15 + (0.35 if title else 0))
    axes = np.asarray(fig.subplots(nrows, ncols, squeeze=False))
    for i, ax in enumerate(axes.flat):
        ax.set_axis_off()
        if i < len(maps):
            shown = ax.imshow(maps[i], cmap="RdBu_r", vmin=-limit, vmax=limit)
            if labels is not None:
                ax.set_title(str(labels[i]), fontsize=9)
    fig.colorbar(shown, ax=axes, shrink=0.9, label="value (red +, blue -)")
    if title:
        fig.suptitle(title)
    return fig
