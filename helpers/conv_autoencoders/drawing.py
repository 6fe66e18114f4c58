"""The pictures of lesson 14, each a new ``matplotlib.figure.Figure``."""

import numpy as np

from helpers import autoencoders
from helpers.conv_autoencoders.going_up import conv_transpose2d
from helpers.plots import figure
from helpers.thresholds import as_labelled, draw_threshold, roc_auc, roc_curve
from helpers.validate import check_count, check_grey_images, check_level_stacks

# --- pictures ------------------------------------------------------------------------------


def _numbers(ax, values, left, top, title, cmap="Blues", scale=None):
    """Draw a small matrix cell by cell with its numbers; return the x right of it."""
    from matplotlib import colormaps
    from matplotlib.patches import Rectangle

    values = np.asarray(values, dtype=float) + 0.0
    scale = scale or max(float(np.abs(values).max()), 1e-9)
    colour = colormaps[cmap]
    for (i, j), value in np.ndenumerate(values):
        face = colour(0.1 + 0.6 * abs(value) / scale) if value else "white"
        ax.add_patch(Rectangle((left + j, top + i), 1, 1, fc=face, ec="0.5", lw=0.6))
        if value:
            text = f"{value:g}" if value == round(value) else f"{value:.1f}"
            ax.text(left + j + 0.5, top + i + 0.5, text, ha="center", va="center", fontsize=8)
    ax.text(left + values.shape[1] / 2, top - 0.3, title, ha="center", va="bottom", fontsize=9)
    return left + values.shape[1]


def draw_transposed_conv(x, kernel, stride=2):
    """How a transposed convolution makes a bigger image: one stamp per input pixel.

    Left: the input ``x`` and the kernel.  Middle: each input pixel's stamp, its value
    times the kernel, placed ``stride`` apart in the output.  Right: their sum, the
    output (``padding="valid"``).  Meant for tiny inputs (2x2, 3x3).
    """
    x, kernel = np.asarray(x, dtype=float), np.asarray(kernel, dtype=float)
    if x.ndim != 2 or kernel.ndim != 2 or x.size > 9:
        raise ValueError("draw_transposed_conv() draws a small 2-D input (at most 3x3) and kernel.")
    stride = check_count(stride, "stride")
    out = conv_transpose2d(x, kernel, stride)
    size = out.shape[0]
    fig = figure(
        1.0 + 0.42 * (x.shape[1] + kernel.shape[1] + (x.size + 1) * (size + 1) + 4), 2.6, None
    )
    ax = fig.subplots()
    right = _numbers(ax, x, 0, 0, "input", "Oranges")
    right = _numbers(ax, kernel, right + 1, 0, "kernel", "Greens")
    right += 1.5
    scale = float(np.abs(out).max())
    for (i, j), value in np.ndenumerate(x):
        stamp = np.zeros_like(out)
        stamp[
            i * stride : i * stride + kernel.shape[0], j * stride : j * stride + kernel.shape[1]
        ] = value * kernel
        right = _numbers(
            ax, stamp, right, 0, f"{value:g} x kernel at ({i * stride}, {j * stride})", scale=scale
        )
        ax.text(
            right + 0.5,
            size / 2,
            "+" if (i, j) != (x.shape[0] - 1, x.shape[1] - 1) else "=",
            ha="center",
            va="center",
            fontsize=14,
        )
        right += 1
    _numbers(ax, out, right, 0, f"output {out.shape[0]}x{out.shape[1]}", scale=scale)
    ax.set_xlim(-0.3, right + size + 0.3)
    ax.set_ylim(size + 0.3, -1.3)
    ax.set_aspect("equal")
    ax.set_axis_off()
    fig.suptitle(
        f"Transposed convolution, stride {stride}: each input pixel stamps a scaled copy of the "
        "kernel; overlaps add up",
        fontsize=10,
    )
    return fig


def draw_unet(skip_connections=True, filters=16, code_channels=4):
    """The lecture's encoder-decoder as a diagram: down on the left, up on the right.

    Boxes are feature maps (height: their size, 28, 14 or 7; width: their channels),
    labelled ``size x size x channels``.  Blue arrows go down (2x2 max pooling, then a
    convolution), green arrows up (a transposed convolution, stride 2), black arrows are
    3x3 convolutions at the same size.  With ``skip_connections=True`` (a U-Net) grey
    arrows copy the encoder's maps across, and ``Concatenate`` puts them (grey boxes)
    next to the decoder's.  The layer names are those of :func:`conv_autoencoder`.
    """
    from matplotlib.patches import FancyArrowPatch, Rectangle

    filters, code_channels = (
        check_count(filters, "filters"),
        check_count(code_channels, "code_channels"),
    )
    fig = figure(10, 4.4)
    ax = fig.subplots()
    level_y, level_h = {0: 0.0, 1: -2.5, 2: -4.2}, {0: 2.4, 1: 1.3, 2: 0.7}
    sizes = {0: 28, 1: 14, 2: 7}

    def width(channels):
        return 0.06 + 0.02 * channels

    def box(x, level, channels, name, colour="#c6dbef", label=True):
        y, h = level_y[level], level_h[level]
        ax.add_patch(Rectangle((x, y - h / 2), width(channels), h, fc=colour, ec="0.3", lw=0.8))
        if label:
            size = sizes[level]
            ax.text(
                x + width(channels) / 2,
                y - h / 2 - 0.08,
                f"{name}\n{size}x{size}x{channels}",
                ha="center",
                va="top",
                fontsize=7.5,
            )
        return x + width(channels)

    def arrow(start, end, colour, dashed=False):
        ax.add_patch(
            FancyArrowPatch(
                start,
                end,
                arrowstyle="-|>",
                mutation_scale=10,
                color=colour,
                lw=1.3,
                linestyle="--" if dashed else "-",
                shrinkA=1,
                shrinkB=1,
            )
        )

    gap = 0.8
    right = box(0.0, 0, 1, "image", "white")
    arrow((right, 0), (right + gap, 0), "k")
    enc1_right = box(right + gap, 0, filters, "enc1")
    arrow((enc1_right, -1.0), (enc1_right + 1.0, level_y[1] + 0.3), "C0")
    enc2_right = box(enc1_right + 1.0, 1, filters, "enc2")
    arrow((enc2_right, level_y[1] - 0.45), (enc2_right + 1.0, level_y[2]), "C0")
    code_right = box(enc2_right + 1.0, 2, code_channels, "code", "#fdd0a2")
    x = code_right + 1.0
    if skip_connections:
        arrow((enc2_right, level_y[1] + 0.45), (x, level_y[1] + 0.45), "0.5", True)
        ax.text((enc2_right + x) / 2, level_y[1] + 0.5, "skip2", ha="center", fontsize=7.5)
        x = box(x, 1, filters, "", "0.85", label=False)
    arrow((code_right, level_y[2]), (x, level_y[1] - 0.45), "C2")
    right = box(x, 1, filters, "up2", "#c7e9c0")
    arrow((right, level_y[1]), (right + gap, level_y[1]), "k")
    right = box(right + gap, 1, filters, "dec2", "#c7e9c0")
    x = right + 1.0
    if skip_connections:
        arrow((enc1_right, 0.9), (x, 0.9), "0.5", True)
        ax.text((enc1_right + x) / 2, 0.95, "skip1", ha="center", fontsize=7.5)
        x = box(x, 0, filters, "", "0.85", label=False)
    arrow((right, level_y[1] + 0.45), (x, -1.0), "C2")
    right = box(x, 0, filters, "up1", "#c7e9c0")
    arrow((right, 0), (right + gap, 0), "k")
    right = box(right + gap, 0, filters, "dec1", "#c7e9c0")
    arrow((right, 0), (right + gap, 0), "k")
    right = box(right + gap, 0, 1, "pixels", "white")
    legend = "blue: pool, then conv (down)\ngreen: transposed conv (up)\nblack: 3x3 conv, same size"
    if skip_connections:
        legend += "\ngrey: skip, Concatenate"
    ax.text(0.0, level_y[2] - 0.6, legend, ha="left", va="bottom", fontsize=8)
    ax.set_xlim(-0.3, right + 0.3)
    ax.set_ylim(level_y[2] - 0.8, 1.4)
    ax.set_aspect("equal")
    ax.set_axis_off()
    title = (
        "U-Net: the same network with skip connections"
        if skip_connections
        else ("The convolutional autoencoder: every path goes through the 7x7 code")
    )
    ax.set_title(title, fontsize=10)
    return fig


def draw_denoising_rows(noise_level, levels, clean, outputs, n=6):
    """The noise explorer's figure: clean digits, then one row per entry of ``outputs``.

    ``outputs`` maps a row name (``"noisy input"``, ``"dense"``, ``"conv"`` ...) to images
    computed beforehand at each of ``levels``: an array ``(len(levels), n_images, 28, 28)``
    (or with a channel axis).  The level closest to ``noise_level`` is shown; each image
    is titled with its mean squared error against the clean one, each row with the mean.
    """
    levels = np.asarray(levels, dtype=float)
    clean = check_grey_images(clean, "clean")
    if not outputs:
        raise ValueError("draw_denoising_rows() needs at least one row of outputs.")
    k = int(np.argmin(np.abs(levels - noise_level)))
    n = min(check_count(n, "n"), len(clean))
    rows = [("clean", clean[:n])]
    check_level_stacks(outputs, levels, len(clean))
    for name, stack in outputs.items():
        rows.append((name, check_grey_images(np.asarray(stack)[k], name)[:n]))
    fig = figure(1.15 * n + 1.8, 1.25 * len(rows) + 0.6)
    autoencoders.draw_image_rows(fig, rows)  # lesson 12's rows, with their errors
    fig.suptitle(f"noise level {levels[k]:.0%}; titles: MSE against the clean digit", fontsize=10)
    return fig


def draw_series_errors(series, errors, width, steps=(), thresholds=None):
    """A series (top) and the reconstruction error of each window, at its centre (bottom).

    ``errors`` maps a model's name to its window errors (a single array is named
    "reconstruction error"); ``steps`` are the true step positions (dashed red lines);
    ``thresholds`` maps the same names to a threshold, drawn dotted in the model's colour.
    """
    series = np.asarray(series, dtype=float)
    if not isinstance(errors, dict):
        errors = {"reconstruction error": errors}
    thresholds = thresholds or {}
    unknown = set(thresholds) - set(errors)
    if unknown:
        raise ValueError(
            f"Thresholds for unknown models {sorted(unknown)}; errors has {list(errors)}."
        )
    fig = figure(10, 4.6)
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[1, 1.1])
    top.plot(series, lw=0.8, color="0.2")
    top.set(ylabel="value", title="the series; dashed: where the steps are")
    for k, (name, values) in enumerate(errors.items()):
        values = np.asarray(values, dtype=float)
        centres = np.arange(len(values)) + width // 2
        bottom.plot(centres, values, lw=1.0, color=f"C{k}", label=name)
        if name in thresholds:
            bottom.axhline(thresholds[name], color=f"C{k}", lw=1.0, ls=":")
    for position in steps:
        for ax in (top, bottom):
            ax.axvline(position, color="C3", ls="--", lw=0.9)
    title = "error of each window" + ("; dotted: each model's threshold" if thresholds else "")
    bottom.set(xlabel="time step (window centre)", ylabel="error (MSE)", yscale="log", title=title)
    bottom.legend(fontsize=8, loc="upper left")
    for ax in (top, bottom):
        ax.grid(alpha=0.3)
    return fig


def threshold_figure(threshold, model, scores, odd_label="anomalies"):
    """The threshold explorer's figure for one of several models.

    ``scores`` maps a model's name to its pair ``(normal_scores, odd_scores)``;
    ``model`` picks one, and :func:`helpers.thresholds.draw_threshold` draws its
    reconstruction errors on a log scale at ``threshold`` (flagged: error above it).
    """
    if model not in scores:
        raise ValueError(f"Unknown model {model!r}; choose one of {', '.join(scores)}.")
    y_true, errors = as_labelled(*scores[model])
    fig = draw_threshold(
        threshold,
        y_true,
        errors,
        class_names=("normal", odd_label),
        score_name="reconstruction error (MSE)",
        log_scale=True,
    )
    fig.axes[0].set_title(f"{model}: " + fig.axes[0].get_title(), fontsize=10)
    return fig


def draw_roc(curves):
    """ROC curves: ``curves`` maps a name to ``(normal_scores, odd_scores)``; AUC in the legend."""
    if not curves:
        raise ValueError("draw_roc() needs at least one (normal, odd) pair.")
    fig = figure(4.8, 4.2)
    ax = fig.subplots()
    for name, (normal, odd) in curves.items():
        fpr, tpr, _ = roc_curve(normal, odd)
        ax.plot(fpr, tpr, label=f"{name} (AUC {roc_auc(normal, odd):.3f})")
    ax.plot([0, 1], [0, 1], color="0.6", ls=":", label="guessing (AUC 0.5)")
    ax.set(xlabel="false-alarm rate", ylabel="recall (anomalies found)", title="ROC curves")
    ax.legend(fontsize=8, loc="lower right")
    ax.grid(alpha=0.3)
    return fig
