"""Few labels and a trained network as a feature extractor (lesson 15)."""

import numpy as np

from helpers import config
from helpers.plots import figure

# --- the new task -----------------------------------------------------------------------


def few_labels(x, y, classes, k, seed=None):
    """``k`` examples of each class in ``classes``, relabelled ``0, 1, ...`` in that order.

    Returns ``(x_few, y_few)``, class by class.  With ``seed=None`` the first ``k``
    examples of each class are taken, in the order they come; with a seed, ``k`` drawn
    at random (without replacement) by ``helpers.config.rng(seed)``.  Raises
    ``ValueError`` when a class has fewer than ``k`` examples.

    >>> few_labels(np.arange(8), np.array([5, 6, 5, 7, 6, 5, 7, 6]), [5, 6], 2)
    (array([0, 2, 1, 4]), array([0, 0, 1, 1]))
    """
    x, y = np.asarray(x), np.asarray(y)
    if len(x) != len(y):
        raise ValueError(f"x and y must be as long as each other, got {len(x)} and {len(y)}.")
    if isinstance(k, bool) or not isinstance(k, int | np.integer) or k < 1:
        raise ValueError(f"k (examples per class) must be a positive whole number, got {k!r}.")
    generator = None if seed is None else config.rng(seed)
    picked = []
    for label in classes:
        found = np.flatnonzero(y == label)
        if len(found) < k:
            raise ValueError(f"Class {label!r} has {len(found)} examples, fewer than k = {k}.")
        picked.append(found[:k] if generator is None else generator.choice(found, k, replace=False))
    index = np.concatenate(picked)
    return x[index], np.repeat(np.arange(len(classes)), k)


# --- the network as a feature extractor ---------------------------------------------------


def feature_extractor(model, layer="flatten"):
    """A Keras model that maps the inputs of ``model`` to the outputs of its layer ``layer``.

    It shares the layers (and so the weights) of ``model``; nothing is copied.
    """
    import keras

    return keras.Model(model.inputs[0], model.get_layer(layer).output, name=f"{layer}_features")


def transfer_model(
    pretrained, num_classes, layer="flatten", seed=None, frozen=True, head_init="zeros"
):
    """A copy of ``pretrained`` up to ``layer``, frozen, with a new softmax head: not compiled.

    The copy (``keras.models.clone_model`` and the same weights) leaves ``pretrained``
    untouched.  The new ``Dense(num_classes, softmax)`` layer is called "new_head"; its
    weights start at ``head_init`` (zeros: every class equally likely at first; a
    Keras initializer name such as "glorot_uniform" for random weights, seeded by
    ``seed``).  With ``frozen=True`` every layer but the head has ``trainable = False``.
    """
    import keras

    if seed is not None:
        keras.utils.set_random_seed(seed)
    base = keras.models.clone_model(pretrained)
    base.set_weights(pretrained.get_weights())
    features = base.get_layer(layer).output
    head = keras.layers.Dense(
        num_classes, activation="softmax", kernel_initializer=head_init, name="new_head"
    )(features)
    model = keras.Model(base.inputs[0], head, name="transfer")
    for each in model.layers[:-1]:
        each.trainable = not frozen
    return model


def parameter_counts(model):
    """``{"trainable": ..., "non-trainable": ...}``: the numbers training may change, and not."""
    return {
        "trainable": int(sum(np.prod(w.shape) for w in model.trainable_weights)),
        "non-trainable": int(sum(np.prod(w.shape) for w in model.non_trainable_weights)),
    }


def trainable_table(model):
    """One line per layer: its parameters and whether training may change them."""
    lines = [f"{'layer':10} {'kind':12} {'parameters':>10}  trainable"]
    for layer in model.layers:
        if not layer.weights:
            continue
        kind = type(layer).__name__
        lines.append(f"{layer.name:10} {kind:12} {layer.count_params():>10,}  {layer.trainable}")
    counts = parameter_counts(model)
    lines.append(f"trainable {counts['trainable']:,}, non-trainable {counts['non-trainable']:,}")
    return "\n".join(lines)


def pca_2d(features):
    """Project ``features`` (n, d) onto their two main directions (PCA by SVD, in NumPy).

    Returns ``(points, explained)``: the (n, 2) coordinates and the share of the
    variance each direction explains.  Each direction's sign is chosen so that its
    largest component is positive, so the picture does not flip from run to run.
    """
    features = np.asarray(features, dtype=float)
    if features.ndim != 2 or len(features) < 3:
        raise ValueError(
            f"pca_2d() expects a 2-D array (samples, features) with 3 or more rows, got shape "
            f"{features.shape}."
        )
    centred = features - features.mean(axis=0)
    _, singular, directions = np.linalg.svd(centred, full_matrices=False)
    directions = directions[:2]
    signs = np.sign(directions[np.arange(2), np.argmax(np.abs(directions), axis=1)])
    directions = directions * signs[:, None]
    explained = singular[:2] ** 2 / np.sum(singular**2)
    return centred @ directions.T, explained


def draw_projections(panels):
    """Scatter plots side by side, one per ``{title: (points, labels)}``, coloured by label.

    ``points`` has shape (n, 2) (from :func:`pca_2d`) and ``labels`` one class per point;
    each panel has its own legend.
    """
    if not panels:
        raise ValueError("draw_projections() needs at least one {title: (points, labels)}.")
    fig = figure(4.3 * len(panels), 4.0)
    axes = np.atleast_1d(fig.subplots(1, len(panels)))
    for ax, (title, (points, labels)) in zip(axes, panels.items(), strict=True):
        points, labels = np.asarray(points), np.asarray(labels)
        if points.ndim != 2 or points.shape[1] != 2 or len(points) != len(labels):
            raise ValueError(
                f"{title!r}: expected (n, 2) points and n labels, got shapes {points.shape} "
                f"and {labels.shape}."
            )
        for label in np.unique(labels):
            mine = labels == label
            ax.scatter(*points[mine].T, s=9, alpha=0.6, label=str(label))
        ax.set(title=title, xlabel="direction 1", ylabel="direction 2")
        ax.set_xticks([])
        ax.set_yticks([])
        ax.legend(title="digit", markerscale=2, fontsize=8, loc="best")
    return fig
