"""Pictures the lessons draw again and again: curves, image grids, matrices, descent paths.

Each function checks its input, draws with matplotlib and returns a new
``matplotlib.figure.Figure`` (never through pyplot, so nothing is left open): a
notebook shows it when it is a cell's last value, a widget redraws it, a test
inspects it.  :func:`figure` is where every helper's drawing starts.
"""

import numpy as np


def figure(width, height, layout="constrained"):
    """A new ``matplotlib.figure.Figure`` of ``width`` x ``height`` inches, not kept by pyplot.

    Every helper that draws starts here, so a figure is never left open and a widget
    can redraw it.  ``layout=None`` places the axes by hand.
    """
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout=layout)


def _history_dict(history):
    """Accept a Keras ``History`` or a plain dict of lists; return the dict."""
    values = getattr(history, "history", history)
    if not isinstance(values, dict) or not values:
        raise TypeError(
            "training_curves() expects a Keras History (what model.fit returns) or a dict "
            f"such as {{'loss': [...]}}, got {type(history).__name__}."
        )
    return values


def training_curves(history, metrics=None, title=None, epochs=None, best_epoch=None):
    """Plot each metric per epoch, training next to validation (``val_...``); a Figure.

    The course's one training-curve plotter: ``history`` is what Keras's ``fit``
    returns, or a dict of lists such as ``{"loss": [...], "val_loss": [...]}``.
    ``epochs`` fixes the x axis to the planned number of epochs (so that a live plot
    grows from left to right); ``best_epoch`` (counted from 1) draws a dotted line
    there, e.g. where early stopping found the lowest validation loss.  A learning
    rate (``"learning_rate"`` or ``"lr"``) is drawn on a log scale, without a legend
    (it has no training and validation curves).  Epoch ticks are whole numbers.

    >>> training_curves({"loss": [1.0, 0.5], "val_loss": [1.1, 0.7]})  # doctest: +SKIP
    """
    values = _history_dict(history)
    if metrics is None:
        metrics = [key for key in values if not key.startswith("val_")]
    elif isinstance(metrics, str):
        metrics = [metrics]
    missing = [m for m in metrics if m not in values]
    if missing:
        raise ValueError(f"No metric {missing[0]!r} in the history; it has {sorted(values)}.")
    from matplotlib.ticker import MaxNLocator

    fig = figure(4.5 * len(metrics), 3.2, layout=None)
    axes = fig.subplots(1, len(metrics), squeeze=False)
    for ax, metric in zip(axes[0], metrics, strict=True):
        rate = metric in ("learning_rate", "lr")  # set by the optimizer: no training/validation
        for key, style, label in (
            (metric, "o-", "training"),
            (f"val_{metric}", "s--", "validation"),
        ):
            if len(values.get(key, [])):
                ax.plot(np.arange(1, len(values[key]) + 1), values[key], style, label=label)
        if best_epoch is not None:
            ax.axvline(best_epoch, color="C3", ls=":", label=f"best epoch {best_epoch}")
        if epochs:
            ax.set_xlim(0.5, epochs + 0.5)
        if rate:
            ax.set_yscale("log")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # epochs are whole numbers
        ax.set(xlabel="epoch", ylabel=metric, title=metric)
        if ax.get_legend_handles_labels()[0] and not rate:
            ax.legend()
        ax.grid(alpha=0.3)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def image_grid(images, labels=None, ncols=10, cmap="gray", size=1.2, title=None):
    """Show images in a grid, each with its label above it.

    ``images`` is an array of shape (n, height, width) for grey-scale or
    (n, height, width, 3) for colour; ``labels`` (optional) has one entry per image.
    """
    images = np.asarray(images)
    if images.ndim not in (3, 4) or (images.ndim == 4 and images.shape[-1] not in (1, 3, 4)):
        raise ValueError(
            "image_grid() expects images of shape (n, height, width) or (n, height, width, "
            f"channels), got shape {images.shape}."
        )
    if len(images) == 0:
        raise ValueError("image_grid() got no images to show.")
    if labels is not None and len(labels) != len(images):
        raise ValueError(
            f"Got {len(images)} images but {len(labels)} labels; give one label per image."
        )
    if not isinstance(ncols, int) or ncols < 1:
        raise ValueError(f"ncols must be a positive whole number, got {ncols!r}.")
    if images.ndim == 4 and images.shape[-1] == 1:
        images = images[..., 0]
    ncols = min(ncols, len(images))
    nrows = -(-len(images) // ncols)
    fig = figure(size * ncols, size * nrows * 1.15, layout=None)
    axes = fig.subplots(nrows, ncols, squeeze=False)
    for i, ax in enumerate(axes.flat):
        ax.axis("off")
        if i < len(images):
            ax.imshow(images[i], cmap=cmap if images.ndim == 3 else None)
            if labels is not None:
                ax.set_title(str(labels[i]), fontsize=9)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def confusion_matrix_on(ax, matrix, class_names, binary_names, cmap="Blues"):
    """Draw a confusion matrix on ``ax``: coloured cells, each with its count; the image.

    ``matrix[i, j]`` counts the examples of true class ``i`` predicted as class ``j``;
    with ``binary_names`` a 2x2 matrix also names its cells TN, FP, FN and TP.
    """
    matrix = np.asarray(matrix)
    image = ax.imshow(matrix, cmap=cmap, vmin=0)
    n = len(matrix)
    names = [["TN", "FP"], ["FN", "TP"]] if binary_names and n == 2 else None
    top = matrix.max() if matrix.size and matrix.max() > 0 else 1
    for i in range(n):
        for j in range(n):
            value = matrix[i, j]
            text = f"{value:.2f}" if np.issubdtype(matrix.dtype, np.floating) else f"{value}"
            if names:
                text = f"{names[i][j]}\n{text}"
            ax.text(
                j,
                i,
                text,
                ha="center",
                va="center",
                fontsize=11,
                color="white" if value > top / 2 else "black",
            )
    ticks = np.arange(n)
    ax.set_xticks(ticks, class_names)
    ax.set_yticks(ticks, class_names)
    ax.set(xlabel="predicted class", ylabel="true class")
    return image


def plot_path(ax, f, path, xlim, ylim, levels=12, label=None, color="C3"):
    """Draw the contours of ``f`` over ``xlim`` x ``ylim`` and a descent path on ``ax``.

    ``f`` takes points with (w1, w2) in the last axis (like :func:`helpers.descent.quadratic`).
    The path is clipped to the window, so a diverging path simply runs off it.
    Returns ``ax``.
    """
    path = np.asarray(path, dtype=float)
    if path.ndim != 2 or path.shape[1] != 2:
        raise ValueError(f"path must have shape (steps + 1, 2), got {path.shape}.")
    w1, w2 = np.meshgrid(np.linspace(*xlim, 201), np.linspace(*ylim, 201))
    values = f(np.stack([w1, w2], axis=-1))
    if np.isscalar(levels):
        low, high = values.min(), values.max()
        levels = low + (high - low) * np.linspace(0, 1, levels + 2)[1:-1] ** 2
    ax.contour(w1, w2, values, levels=levels, cmap="viridis", linewidths=0.8)
    size = 3 if len(path) <= 60 else 1.5
    ax.plot(path[:, 0], path[:, 1], "o-", color=color, ms=size, lw=1.2, label=label)
    ax.plot(*path[0], "s", color="k", ms=6)
    ax.set(xlim=xlim, ylim=ylim, xlabel="$w_1$", ylabel="$w_2$")
    return ax
