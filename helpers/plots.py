"""Pictures the lessons draw again and again: training curves and image grids.

Each function checks its input, draws with matplotlib and returns the figure,
so a notebook shows it and a test can inspect it.
"""

import numpy as np


def _history_dict(history):
    """Accept a Keras ``History`` or a plain dict of lists; return the dict."""
    values = getattr(history, "history", history)
    if not isinstance(values, dict) or not values:
        raise TypeError(
            "training_curves() expects a Keras History (what model.fit returns) or a dict "
            f"such as {{'loss': [...]}}, got {type(history).__name__}."
        )
    return values


def training_curves(history, metrics=None, title=None):
    """Plot each metric per epoch, training next to validation (``val_...``).

    >>> training_curves({"loss": [1.0, 0.5], "val_loss": [1.1, 0.7]})  # doctest: +SKIP
    """
    import matplotlib.pyplot as plt

    values = _history_dict(history)
    if metrics is None:
        metrics = [key for key in values if not key.startswith("val_")]
    elif isinstance(metrics, str):
        metrics = [metrics]
    missing = [m for m in metrics if m not in values]
    if missing:
        raise ValueError(f"No metric {missing[0]!r} in the history; it has {sorted(values)}.")
    fig, axes = plt.subplots(1, len(metrics), figsize=(4.5 * len(metrics), 3.2), squeeze=False)
    for ax, metric in zip(axes[0], metrics, strict=True):
        epochs = np.arange(1, len(values[metric]) + 1)
        ax.plot(epochs, values[metric], "o-", label="training")
        if f"val_{metric}" in values:
            ax.plot(epochs, values[f"val_{metric}"], "s--", label="validation")
        ax.set(xlabel="epoch", ylabel=metric, title=metric)
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
    import matplotlib.pyplot as plt

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
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(size * ncols, size * nrows * 1.15), squeeze=False
    )
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
