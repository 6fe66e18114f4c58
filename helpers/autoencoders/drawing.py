"""The tables and pictures of lesson 12, each figure a new ``matplotlib.figure.Figure``."""

import numbers

import numpy as np

from helpers.autoencoders.models import forward
from helpers.autoencoders.noise import _images, reconstruction_error
from helpers.plots import figure
from helpers.validate import check_grey_images, check_level_stacks

# --- tables and pictures ------------------------------------------------------------------


def accuracy_table(levels, accuracies):
    """Goncharov & Nesterenya's table as text: a row per noise level, a column per model.

    ``accuracies`` maps a model's name to its accuracy at each of ``levels``.
    """
    levels = list(levels)
    if not accuracies or any(len(v) != len(levels) for v in accuracies.values()):
        raise ValueError("accuracy_table() expects one accuracy per noise level for every model.")
    names = list(accuracies)
    widths = [max(len(name), 6) for name in names]
    header = "noise (%)  " + "  ".join(f"{n:>{w}}" for n, w in zip(names, widths, strict=True))
    lines = [header]
    for i, level in enumerate(levels):
        cells = [f"{accuracies[n][i]:>{w}.4f}" for n, w in zip(names, widths, strict=True)]
        lines.append(f"{level * 100:9.0f}  " + "  ".join(cells))
    return "\n".join(lines)


def draw_accuracy_vs_noise(levels, accuracies, title="Accuracy under noise"):
    """Accuracy against noise level (in %), one line per model: the table drawn.

    ``accuracies`` maps a model's name to its accuracy at each of ``levels`` (one
    panel), or maps a panel's title to such a dict (one panel each, side by side, on
    the same axes: e.g. classifiers trained on clean digits, and on noisy ones).
    """
    levels = np.asarray(levels, dtype=float)
    panels = (
        accuracies if accuracies and isinstance(next(iter(accuracies.values())), dict) else None
    )
    panels = panels or {title: accuracies}
    for models in panels.values():
        if not models or any(len(v) != len(levels) for v in models.values()):
            raise ValueError(
                "draw_accuracy_vs_noise() expects one accuracy per noise level for every model."
            )
    fig = figure(0.5 + 6 * len(panels), 3.8)
    axes = np.atleast_1d(fig.subplots(1, len(panels), sharey=True))
    for ax, (panel_title, models) in zip(axes, panels.items(), strict=True):
        for marker, (name, values) in zip("osD^v<>", models.items(), strict=False):
            ax.plot(levels * 100, values, marker + "-", label=name)
        ax.set(xlabel="noise level (% of the pixel range)", title=panel_title)
        ax.set_ylim(0, 1.02)
        ax.grid(alpha=0.3)
        ax.legend()
    axes[0].set_ylabel("test accuracy")
    if len(panels) > 1:
        fig.suptitle(title)
    return fig


def draw_architecture(sizes, title="A dense autoencoder"):
    """The layer sizes of a network as bars: the hourglass shape of an autoencoder."""
    from matplotlib.figure import Figure

    sizes = list(sizes)
    if len(sizes) < 2 or any(not isinstance(s, numbers.Integral) or s < 1 for s in sizes):
        raise ValueError(f"draw_architecture() expects two or more layer sizes, got {sizes!r}.")
    smallest = int(np.argmin(sizes))
    fig = Figure(figsize=(1.3 * len(sizes) + 1, 3.2))
    ax = fig.subplots()
    colours = [
        "C1" if i == smallest else ("C0" if i < smallest else "C2") for i in range(len(sizes))
    ]
    ax.bar(range(len(sizes)), sizes, width=0.55, color=colours, bottom=-np.array(sizes) / 2)
    for i, size in enumerate(sizes):
        ax.text(i, size / 2 + max(sizes) * 0.03, str(size), ha="center", fontsize=10)
    names = ["input"] + ["hidden"] * (len(sizes) - 2) + ["output"]
    names[smallest] = "code"
    ax.set_xticks(range(len(sizes)), names)
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.set_ylim(-max(sizes) * 0.55, max(sizes) * 0.65)
    ax.set_title(f"{title}: encoder (blue), code (orange), decoder (green)", fontsize=10)
    fig.tight_layout()
    return fig


def show_reconstructions(
    originals,
    reconstructions,
    n=10,
    noisy=None,
    labels=None,
    title=None,
    errors=True,
    row_names=("original", "noisy input", "reconstruction"),
):
    """Originals above, reconstructions below (Goncharov & Nesterenya's picture); a Figure.

    Shows the first ``n`` images.  ``noisy`` (optional) adds the network's noisy
    input as a middle row.  ``labels`` (optional) titles the originals; with
    ``errors=True`` each reconstruction is titled with its mean squared error.
    Images are rows of pixels (``(n, 784)``) or images (``(n, 28, 28)``).
    """
    from matplotlib.figure import Figure

    originals = check_grey_images(_images(originals, "originals"), "originals")
    reconstructions = check_grey_images(
        _images(reconstructions, "reconstructions"), "reconstructions"
    )
    rows = [originals]
    if noisy is not None:
        rows.append(check_grey_images(_images(noisy, "noisy"), "noisy"))
    rows.append(reconstructions)
    if any(r.shape != originals.shape for r in rows):
        raise ValueError(
            "show_reconstructions() expects the same number and size of images in every row, "
            f"got shapes {[r.shape for r in rows]}."
        )
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
        raise ValueError(f"n must be a positive whole number, got {n!r}.")
    n = min(n, len(originals))
    names = [row_names[0]] + ([row_names[1]] if noisy is not None else []) + [row_names[2]]
    mse = reconstruction_error(originals[:n], reconstructions[:n])
    fig = Figure(figsize=(1.15 * n + 1.2, 1.5 * len(rows) + 0.5))
    axes = fig.subplots(len(rows), n, squeeze=False)
    for r, (row, name) in enumerate(zip(rows, names, strict=True)):
        for i in range(n):
            ax = axes[r, i]
            ax.imshow(row[i], cmap="gray", vmin=0, vmax=1)
            ax.set_xticks([])
            ax.set_yticks([])
            if r == 0 and labels is not None:
                ax.set_title(str(labels[i]), fontsize=9)
            if r == len(rows) - 1 and errors:
                ax.set_title(f"{mse[i]:.3f}", fontsize=8)
        axes[r, 0].set_ylabel(name, fontsize=9)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def draw_image_rows(fig, rows):
    """Draw ``rows`` (a list of ``(name, images)``) as a grid on ``fig``, one row each.

    The first row is the reference (the clean images); every image below it is
    titled with its mean squared error against the reference image above it, and
    every row is labelled with its name and its mean error.
    """
    reference = rows[0][1]
    n = len(reference)
    axes = fig.subplots(len(rows), n, squeeze=False)
    for r, (name, images) in enumerate(rows):
        errors = reconstruction_error(reference, images)
        for i in range(n):
            ax = axes[r, i]
            ax.imshow(images[i], cmap="gray", vmin=0, vmax=1)
            ax.set_xticks([])
            ax.set_yticks([])
            if r:
                ax.set_title(f"{errors[i]:.3f}", fontsize=8)
        axes[r, 0].set_ylabel(name if r == 0 else f"{name}\nMSE {errors.mean():.3f}", fontsize=8)


def draw_denoising(noise_level, levels, originals, noisy, plain, denoised, n=6):
    """The noise explorer's figure: clean, noisy, plain-autoencoder and denoised rows.

    ``noisy``, ``plain`` and ``denoised`` are precomputed at each of ``levels``:
    arrays of shape ``(len(levels), n_images, ...)``; the row closest to
    ``noise_level`` is shown.  Each output image is titled with its mean squared
    error against the clean image, and each row with the mean over the images.
    """
    from matplotlib.figure import Figure

    levels = np.asarray(levels, dtype=float)
    originals = check_grey_images(_images(originals, "originals"), "originals")
    stacks = {"noisy input": noisy, "plain autoencoder": plain, "denoising autoencoder": denoised}
    check_level_stacks(stacks, levels, len(originals))
    k = int(np.argmin(np.abs(levels - noise_level)))
    n = min(n, len(originals))
    rows = [("clean", originals[:n])] + [
        (name, check_grey_images(np.asarray(stack[k]), name)[:n]) for name, stack in stacks.items()
    ]
    fig = Figure(figsize=(1.2 * n + 1.6, 5.6))
    draw_image_rows(fig, rows)
    fig.suptitle(f"noise level {levels[k]:.0%} (std {levels[k]:.2f}); titles: MSE against clean")
    fig.tight_layout()
    return fig


def latent_grid(decoder_stack, z1_values, z2_values, side=28):
    """Decode every point of a grid of 2-D codes: an array ``(len(z2), len(z1), side, side)``.

    Row ``i``, column ``j`` is the image decoded from the code ``(z1_values[j],
    z2_values[i])``, with :func:`forward` (no TensorFlow).
    """
    z1_values, z2_values = np.asarray(z1_values, float), np.asarray(z2_values, float)
    z1, z2 = np.meshgrid(z1_values, z2_values)
    codes = np.column_stack([z1.ravel(), z2.ravel()])
    images = forward(decoder_stack, codes)
    return images.reshape(len(z2_values), len(z1_values), side, side)


def draw_latent(z1, z2, decoder_stack, codes, labels):
    """The latent-space explorer's figure: the 2-D codes of digits and one decoded point.

    Left: every code of ``codes`` (shape ``(n, 2)``) coloured by its digit, with a
    star at ``(z1, z2)``.  Right: the image the decoder (a :func:`dense_stack`)
    makes from that point.
    """
    from matplotlib.figure import Figure

    codes, labels = np.asarray(codes, dtype=float), np.asarray(labels)
    if codes.ndim != 2 or codes.shape[1] != 2 or len(labels) != len(codes):
        raise ValueError(
            f"draw_latent() expects codes of shape (n, 2) and n labels, got {codes.shape} "
            f"and {labels.shape}."
        )
    image = forward(decoder_stack, np.array([z1, z2], dtype=float))
    side = int(round(np.sqrt(image.size)))
    fig = Figure(figsize=(9, 4))
    left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.5, 1]})
    points = left.scatter(
        codes[:, 0], codes[:, 1], c=labels, cmap="tab10", s=5, vmin=-0.5, vmax=9.5
    )
    left.plot([z1], [z2], "k*", markersize=16, markerfacecolor="white")
    fig.colorbar(points, ax=left, ticks=range(10), label="digit")
    left.set(xlabel="code $z_1$", ylabel="code $z_2$", title="codes of the test digits")
    right.imshow(image.reshape(side, side), cmap="gray", vmin=0, vmax=1)
    right.set_title(f"decoded from ({z1:.1f}, {z2:.1f})")
    right.axis("off")
    fig.tight_layout()
    return fig
