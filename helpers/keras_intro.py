"""Preparing digit images for Keras and looking at what a trained network predicts (lesson 09).

* data: :func:`prepare_images` (28x28 ``uint8`` images to rows of 784 numbers in
  [0, 1]) and :func:`one_hot` (labels to one-hot rows), as UrFU (2017) prepares MNIST;
* the model, in numbers: :func:`dense_parameter_count` (the weights and biases of a
  stack of ``Dense`` layers, by formula) and :func:`layer_rows` /
  :func:`describe_layers` (a layer table that does not depend on Keras's layout);
* predictions: :func:`confusion_matrix`, :func:`top_confusions`,
  :func:`most_confident_mistakes`;
* pictures: :func:`draw_prediction` (one test image and the bar chart of its ten
  probabilities: the explorer widget's figure), :func:`draw_predictions` (a grid of
  images titled with the predicted digit and its probability, and under a mistake the
  true digit) and
  :func:`draw_confusion`.

Nothing here imports TensorFlow: the functions take NumPy arrays (what
``model.predict`` returns) or, for the layer table, any object with Keras's
``layers`` attribute.  Figures are new ``matplotlib.figure.Figure`` objects, so
nothing is left open in pyplot.
"""

import numpy as np

from helpers.tables import text_table
from helpers.validate import check_count

N_CLASSES = 10


# --- data -------------------------------------------------------------------------


def prepare_images(images):
    """Flatten images to rows and scale pixels to [0, 1]: ``(n, 28, 28) uint8 -> (n, 784) float32``.

    Pixel intensities 0-255 are divided by 255, as UrFU (2017) does before training.

    >>> prepare_images(np.full((2, 28, 28), 255, dtype=np.uint8)).shape
    (2, 784)
    """
    images = np.asarray(images)
    if images.ndim < 2:
        raise ValueError(
            f"prepare_images() expects a batch of images, shape (n, height, width), "
            f"got shape {images.shape}."
        )
    return images.reshape(len(images), -1).astype(np.float32) / 255.0


def one_hot(labels, n_classes=N_CLASSES):
    """One row per label with a 1 in the label's column: ``[2] -> [[0, 0, 1, 0, ...]]``.

    >>> one_hot([2, 0], n_classes=3).tolist()
    [[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]]
    """
    labels = np.asarray(labels)
    if labels.ndim != 1 or not np.issubdtype(labels.dtype, np.integer):
        raise ValueError(
            f"one_hot() expects a 1-D array of whole-number labels, got shape {labels.shape} "
            f"of {labels.dtype}."
        )
    if len(labels) and (labels.min() < 0 or labels.max() >= n_classes):
        raise ValueError(
            f"Labels must lie in 0..{n_classes - 1}, got {labels.min()}..{labels.max()}."
        )
    encoded = np.zeros((len(labels), n_classes), dtype=np.float32)
    encoded[np.arange(len(labels)), labels] = 1.0
    return encoded


# --- the model in numbers -----------------------------------------------------------


def dense_parameter_count(sizes):
    """Weights and biases of ``Dense`` layers joining layers of the given sizes.

    Between a layer of ``a`` units and one of ``b`` there are ``a * b`` weights and
    ``b`` biases; the UrFU (2017) network 784 -> 800 -> 10 has
    ``784 * 800 + 800 + 800 * 10 + 10 = 636,010``.

    >>> dense_parameter_count([784, 800, 10])
    636010
    """
    sizes = list(sizes)
    if len(sizes) < 2 or any(
        isinstance(s, bool) or not isinstance(s, (int, np.integer)) or s < 1 for s in sizes
    ):
        raise ValueError(
            "dense_parameter_count() expects at least two positive whole layer sizes, "
            f"e.g. [784, 800, 10], got {sizes!r}."
        )
    return int(sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:], strict=True)))


def layer_rows(model):
    """One dict a layer of a Keras model: name, kind, units, activation, parameters."""
    layers = getattr(model, "layers", None)
    if layers is None:
        raise TypeError(f"layer_rows() expects a Keras model, got {type(model).__name__}.")
    rows = []
    for layer in layers:
        config = layer.get_config()
        rows.append(
            {
                "name": layer.name,
                "kind": type(layer).__name__,
                "units": config.get("units"),
                "activation": config.get("activation"),
                "parameters": int(layer.count_params()),
            }
        )
    return rows


def describe_layers(model):
    """A short text table of a model's layers and its total parameter count."""
    rows = layer_rows(model)
    columns = [("layer", "<10"), ("kind", "<8"), ("units", ">6"), ("activation", "<11")]
    columns.append(("parameters", ">11,"))
    keys = ("name", "kind", "units", "activation", "parameters")
    cells = [tuple(row[key] for key in keys) for row in rows]
    return text_table(columns, cells, total=(4, sum(r["parameters"] for r in rows)))


# --- predictions --------------------------------------------------------------------


def _probabilities(probabilities, labels=None):
    probabilities = np.asarray(probabilities, dtype=float)
    if probabilities.ndim != 2:
        raise ValueError(
            "Expected probabilities of shape (n, classes), one row per image (what "
            f"model.predict returns), got shape {probabilities.shape}."
        )
    if labels is not None:
        labels = np.asarray(labels)
        if labels.shape != (len(probabilities),):
            raise ValueError(
                f"Got {len(probabilities)} rows of probabilities but labels of shape "
                f"{labels.shape}; give one label per row."
            )
    return probabilities, labels


def confusion_matrix(labels, predicted, n_classes=N_CLASSES):
    """Counts ``M[i, j]``: how many images of digit ``i`` were predicted as ``j``.

    scikit-learn's confusion matrix, with a row and a column for every digit
    even when some digit never occurs.
    """
    from sklearn.metrics import confusion_matrix as counts

    labels, predicted = np.asarray(labels), np.asarray(predicted)
    if labels.shape != predicted.shape or labels.ndim != 1:
        raise ValueError(
            f"confusion_matrix() expects two 1-D arrays of the same length, got shapes "
            f"{labels.shape} and {predicted.shape}."
        )
    return counts(labels.astype(int), predicted.astype(int), labels=np.arange(n_classes))


def top_confusions(matrix, k=5):
    """The ``k`` largest off-diagonal cells of a confusion matrix, largest first.

    Returns a list of ``(true, predicted, count)`` tuples with ``count > 0``; ties
    keep the order of the rows, then of the columns.

    >>> top_confusions([[5, 2, 0], [0, 4, 3], [1, 0, 6]], k=2)
    [(1, 2, 3), (0, 1, 2)]
    """
    matrix = np.asarray(matrix)
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
        raise ValueError(f"top_confusions() expects a square matrix, got shape {matrix.shape}.")
    check_count(k, "k", 1)
    off = matrix.copy()
    np.fill_diagonal(off, 0)
    order = np.argsort(-off, axis=None, kind="stable")[:k]
    cells = [np.unravel_index(i, off.shape) for i in order]
    return [(int(i), int(j), int(off[i, j])) for i, j in cells if off[i, j] > 0]


def most_confident_mistakes(probabilities, labels, k=10):
    """Indices of the ``k`` wrongly predicted images with the highest predicted probability."""
    probabilities, labels = _probabilities(probabilities, labels)
    predicted = probabilities.argmax(axis=1)
    wrong = np.flatnonzero(predicted != labels)
    confidence = probabilities[wrong, predicted[wrong]]
    order = np.argsort(-confidence, kind="stable")
    return wrong[order[:k]]


# --- pictures -----------------------------------------------------------------------


def _images(images, n):
    images = np.asarray(images)
    if images.ndim == 2 and images.shape[1] == 784:
        images = images.reshape(-1, 28, 28)
    if images.ndim != 3 or len(images) != n:
        raise ValueError(
            f"Expected {n} images of shape (height, width) (or rows of 784 pixels), "
            f"got shape {images.shape}."
        )
    return images


def draw_prediction(images, probabilities, labels, index=0):
    """One image and the bar chart of its predicted probabilities (the widget's figure).

    The predicted digit's bar is blue when it is right and red when it is wrong;
    the true digit's bar is outlined in black and its tick label reads "true", and a
    wrong prediction's title also gives the true digit's probability (its bar may be
    too small to see).
    """
    from matplotlib.figure import Figure

    probabilities, labels = _probabilities(probabilities, labels)
    images = _images(images, len(probabilities))
    if not 0 <= index < len(probabilities):
        raise ValueError(f"index must lie in 0..{len(probabilities) - 1}, got {index!r}.")
    p, label = probabilities[index], int(labels[index])
    guess = int(p.argmax())
    fig = Figure(figsize=(8, 3))
    left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 2.2]})
    left.imshow(images[index], cmap="gray_r")
    left.set_title(f"test image {index}: a {label}")
    left.axis("off")
    colours = ["#bbbbbb"] * len(p)
    colours[guess] = "C0" if guess == label else "C3"
    bars = right.bar(np.arange(len(p)), p, color=colours)
    bars[label].set_edgecolor("black")
    bars[label].set_linewidth(2)
    title = f"predicted {guess} with probability {p[guess]:.2f}"
    if guess == label:
        title += " (right)"
    else:
        title += f" (wrong)\nthe true digit, {label}, gets {p[label]:.2f}"
    ticks = [f"{digit}\ntrue" if digit == label else str(digit) for digit in range(len(p))]
    right.set_xticks(np.arange(len(p)), ticks)
    right.get_xticklabels()[label].set_fontweight("bold")
    right.set(ylim=(0, 1.05), xlabel="digit", ylabel="probability", title=title)
    fig.tight_layout()
    return fig


def draw_predictions(images, probabilities, labels, ncols=8, title=None):
    """A grid of images, each titled ``predicted (probability)``; mistakes in red.

    A mistake's title has a second line, ``true 3``, with the true digit.
    """
    from matplotlib.figure import Figure

    probabilities, labels = _probabilities(probabilities, labels)
    images = _images(images, len(probabilities))
    if len(images) == 0:
        raise ValueError("draw_predictions() got no images to show.")
    ncols = min(ncols, len(images))
    nrows = -(-len(images) // ncols)
    fig = Figure(figsize=(1.3 * ncols, 1.75 * nrows))
    axes = np.atleast_1d(fig.subplots(nrows, ncols, squeeze=False)).ravel()
    for i, ax in enumerate(axes):
        ax.axis("off")
        if i < len(images):
            guess = int(probabilities[i].argmax())
            ax.imshow(images[i], cmap="gray_r")
            text = f"{guess} ({probabilities[i, guess]:.2f})"
            if guess != labels[i]:
                text += f"\ntrue {labels[i]}"
            colour = "black" if guess == labels[i] else "C3"
            ax.set_title(text, fontsize=9, color=colour)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def draw_confusion(matrix, title="confusion matrix"):
    """The confusion matrix as a picture, with the counts written in the cells."""
    from matplotlib.figure import Figure

    matrix = np.asarray(matrix)
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
        raise ValueError(f"Expected a square confusion matrix, got shape {matrix.shape}.")
    fig = Figure(figsize=(5.5, 5))
    ax = fig.subplots()
    ax.imshow(matrix, cmap="Blues")
    for (i, j), count in np.ndenumerate(matrix):
        if count:
            ax.text(
                j,
                i,
                str(count),
                ha="center",
                va="center",
                fontsize=8,
                color="white" if count > matrix.max() / 2 else "black",
            )
    ticks = np.arange(len(matrix))
    ax.set(xticks=ticks, yticks=ticks, xlabel="predicted digit", ylabel="true digit", title=title)
    fig.tight_layout()
    return fig
